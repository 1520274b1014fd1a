"""Looks: how the convolution lab's widgets follow the language, the zoom and the room they get.

A widget registers its static texts once (`looks.text(label.setText, QT_TR_NOOP("…"))`)
and its explicit fonts (`looks.font(label, 15, bold=True)`); Looks sets them now, again
when Qt announces a language change, and again when View › Zoom changes. The entries hold
the target widgets' bound setters and the English source, never the owner itself, so no
reference cycle keeps a widget alive or lets the garbage collector delete it at a random
moment. Dynamic texts (captions written from a record) are the owner's business: its
`retranslate()` (called after the static texts) writes them again from the data it holds.

`flow(layout, wide)` turns a QBoxLayout's row into a column and back: the lab's panels
reflow instead of demanding width.
"""

from __future__ import annotations

import re
import weakref
import xml.etree.ElementTree as ElementTree
from pathlib import Path

from PySide6.QtCore import QT_TR_NOOP, QCoreApplication, QEvent, QObject, Qt, Slot
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (QAbstractButton, QAbstractSpinBox, QBoxLayout, QComboBox, QFrame, QGroupBox, QLabel,
                               QMessageBox, QScrollArea, QTabWidget, QWidget)

from gui.style import theme
from gui.style.zoom import ZOOM


def translate(source: str) -> str:
    """A text marked with QT_TR_NOOP (lupdate files it under the empty context) in the current language."""
    return QCoreApplication.translate("", source)


def zoomed_font(point_size: float, bold: bool = False) -> QFont:
    """The application's font at `point_size` points at 100%, scaled by the current zoom."""
    result = QFont()
    result.setPointSizeF(ZOOM.pt(point_size))
    result.setBold(bold)
    return result


def flow(layout: QBoxLayout, wide: bool) -> bool:
    """A row when `wide`, else a column; True if that changed anything."""
    direction = QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom
    if layout.direction() == direction:
        return False
    layout.setDirection(direction)
    return True


class Looks(QObject):
    """The static texts and explicit fonts of one widget, set again on a language change and on a zoom."""

    def __init__(self, owner: QWidget, language: bool = True):
        """`language=False`: the owner's texts are written by its parent's retranslation, not on its own."""
        super().__init__(owner)
        self._owner = weakref.ref(owner)
        self._texts: list[tuple[object, str, tuple]] = []
        self._fonts: list[tuple[object, float, bool]] = []
        if language:
            owner.installEventFilter(self)
        ZOOM.changed.connect(self._on_zoom)

    def text(self, setter, source: str, *values) -> None:
        """Call `setter(translated source, formatted with values)` now and after each language change."""
        self._texts.append((setter, source, values))
        setter(_filled(source, values))

    def font(self, target, point_size: float, bold: bool = False) -> None:
        """Give `target` (anything with setFont) this size at 100%, following the zoom."""
        self._fonts.append((target, point_size, bold))
        target.setFont(zoomed_font(point_size, bold))

    def retranslate(self) -> None:
        for setter, source, values in self._texts:
            try:
                setter(_filled(source, values))
            except RuntimeError:  # the widget is gone (its C++ side was deleted)
                pass
        owner = self._owner()
        if owner is not None and hasattr(owner, "retranslate_dynamic"):
            owner.retranslate_dynamic()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange and watched is self._owner():
            self.retranslate()
        return False

    @Slot(float)
    def _on_zoom(self, _factor: float) -> None:
        for target, point_size, bold in self._fonts:
            try:
                target.setFont(zoomed_font(point_size, bold))
            except RuntimeError:
                pass
        owner = self._owner()
        if owner is not None and hasattr(owner, "rezoom"):
            owner.rezoom()


def _filled(source: str, values: tuple) -> str:
    text = translate(source)
    return text.format(*values) if values else text


def scrolled(widget: QWidget, horizontal: bool = True) -> QScrollArea:
    """`widget` in a frameless scroll area that gives it all the room there is, and scrolls when it is too small."""
    area = QScrollArea()
    area.setWidget(widget)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    if not horizontal:  # never sideways: the widget is as narrow as its content allows
        area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        area.setMinimumWidth(widget.minimumSizeHint().width() + 16)
    return area


# --- the whole lab again in the current language -------------------------------------------

CONTEXTS = ("", "ConvTab", "SourceStrip", "ImagePanel", "CNNView", "MapDetail", "KernelPlayground", "ArithmeticRow",
            "PlaybackBar", "MapPanel", "KernelEditor", "CnnTrainingPanel", "DrawingCanvas", "Paper", "DownloadDialog")
_TS = Path(__file__).resolve().parents[2] / "assets" / "i18n" / "convolution.zh_CN.ts"
_sources: dict[str, str] | None = None


def english_of(text: str) -> str:
    """The English source of a text this part shows (itself if it is not a translation of ours)."""
    global _sources
    if _sources is None:
        _sources = {}
        try:
            for message in ElementTree.parse(_TS).getroot().iter("message"):
                source, translation = message.findtext("source"), message.findtext("translation")
                if source and translation:
                    _sources.setdefault(translation, source)
        except (OSError, ElementTree.ParseError):
            pass
    return _sources.get(text, text)


def in_language(text: str) -> str:
    """`text` (English or one of our translations) in the current language; unknown texts stay as they are."""
    if not text:
        return text
    source = english_of(text)
    for context in CONTEXTS:
        translated = QCoreApplication.translate(context, source)
        if translated != source:
            return translated
    return source


def retranslate_tree(root: QWidget) -> None:
    """Every static text under `root` (labels, buttons, tips, combo items, tabs, group titles) in the current language.

    Texts written from data are their owners' to write again (`retranslate_dynamic`)."""
    for widget in [root, *root.findChildren(QWidget)]:
        widget.setToolTip(in_language(widget.toolTip()))
        if isinstance(widget, (QLabel, QAbstractButton)):
            widget.setText(in_language(widget.text()))
        elif isinstance(widget, QGroupBox):
            widget.setTitle(in_language(widget.title()))
        elif isinstance(widget, QComboBox):
            for index in range(widget.count()):
                widget.setItemText(index, in_language(widget.itemText(index)))
                tip = widget.itemData(index, Qt.ItemDataRole.ToolTipRole)
                if isinstance(tip, str):
                    widget.setItemData(index, in_language(tip), Qt.ItemDataRole.ToolTipRole)
        elif isinstance(widget, QTabWidget):
            for index in range(widget.count()):
                widget.setTabText(index, in_language(widget.tabText(index)))
                widget.setTabToolTip(index, in_language(widget.tabToolTip(index)))
        elif isinstance(widget, QAbstractSpinBox) and hasattr(widget, "suffix"):
            widget.setSuffix(in_language(widget.suffix()))
        for action in widget.actions():
            action.setText(in_language(action.text()))
            action.setToolTip(in_language(action.toolTip()))


# --- names that come from data: samples, classes, the shipped models ---------------------------

NAMES = (  # for lupdate: shown translated (shown_name), kept in English wherever they are keys
    QT_TR_NOOP("circle"), QT_TR_NOOP("square"), QT_TR_NOOP("triangle"), QT_TR_NOOP("star"), QT_TR_NOOP("house"),
    QT_TR_NOOP("tree"), QT_TR_NOOP("checkerboard"), QT_TR_NOOP("scene"), QT_TR_NOOP("digit {0}"),
    QT_TR_NOOP("digits"), QT_TR_NOOP("shapes"), QT_TR_NOOP("cifar"), QT_TR_NOOP("your drawing"), QT_TR_NOOP("pasted image"),
    QT_TR_NOOP("airplane"), QT_TR_NOOP("automobile"), QT_TR_NOOP("bird"), QT_TR_NOOP("cat"), QT_TR_NOOP("deer"),
    QT_TR_NOOP("dog"), QT_TR_NOOP("frog"), QT_TR_NOOP("horse"), QT_TR_NOOP("ship"), QT_TR_NOOP("truck"),
    QT_TR_NOOP("T-shirt/top"), QT_TR_NOOP("Trouser"), QT_TR_NOOP("Pullover"), QT_TR_NOOP("Dress"), QT_TR_NOOP("Coat"),
    QT_TR_NOOP("Sandal"), QT_TR_NOOP("Shirt"), QT_TR_NOOP("Sneaker"), QT_TR_NOOP("Bag"), QT_TR_NOOP("Ankle boot"),
    QT_TR_NOOP("Handwritten digits 0-9: white strokes on black, 28x28 grayscale, like MNIST."),
    QT_TR_NOOP("Drawn objects (circle, square, triangle, star, house, tree) in 64x64 colour images."),
    QT_TR_NOOP("Small colour photos (plane, car, bird, cat, ...), 32x32, like CIFAR-10."),
)
KERNEL_WORDS = (  # core.cnn.kernels' titles and descriptions, for lupdate: the playground shows them translated
    QT_TR_NOOP("Identity"), QT_TR_NOOP("Copies the image unchanged."), QT_TR_NOOP("Box blur"),
    QT_TR_NOOP("Averages each pixel with its neighbours."), QT_TR_NOOP("Gaussian blur"),
    QT_TR_NOOP("A soft blur that weighs near neighbours most."), QT_TR_NOOP("Sharpen"),
    QT_TR_NOOP("Boosts a pixel against its neighbours, so edges stand out."), QT_TR_NOOP("Sobel x"),
    QT_TR_NOOP("Finds vertical edges: brightness changing from left to right."), QT_TR_NOOP("Sobel y"),
    QT_TR_NOOP("Finds horizontal edges: brightness changing from top to bottom."), QT_TR_NOOP("Laplacian"),
    QT_TR_NOOP("Finds edges in every direction; flat areas become zero."), QT_TR_NOOP("Emboss"),
    QT_TR_NOOP("Lights the image from one corner, like a relief."))
_DIGIT = re.compile(r"digit (\d)")


def confirm(parent: QWidget, title: str, question: str, action: str) -> bool:
    """Ask `question` with the buttons `action` and Cancel; True only for `action` (Cancel and Esc are the default)."""
    box = QMessageBox(QMessageBox.Icon.Question, title, question, QMessageBox.StandardButton.NoButton, parent)
    chosen = box.addButton(action, QMessageBox.ButtonRole.DestructiveRole)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    box.exec()
    return box.clickedButton() is chosen


def shown_name(name: str) -> str:
    """A sample's, a class's or a shipped model's name as a person reads it in the current language."""
    match = _DIGIT.fullmatch(name)
    if match:
        return translate("digit {0}").format(match.group(1))
    return translate(name)


class Presenting:
    """ConvTab's side of the window's presenter protocol (Page Down/Up, Space, presenter mode); it supplies
    views (0: the network, 1: the playground), cnn_view, playground, training, side, strip and show_playground."""

    def clicker_next(self) -> None:
        """The next step of the demonstration: the playground's next position, else the next layer, shown large."""
        if self.views.currentIndex() == 1:
            self.playground.step()
        else:
            self.cnn_view.focus_layer(+1)

    def clicker_previous(self) -> None:
        if self.views.currentIndex() == 1:
            self.playground.back()
        else:
            self.cnn_view.focus_layer(-1)

    def clicker_play(self) -> None:
        """Space: the playground's Play/Pause when it is shown; on the network's view, training's Train/Pause
        once pictures are loaded, else the playground starts sliding its kernel."""
        if self.views.currentIndex() != 1 and self.training.loaded:
            self.training.toggle()
            return
        self.show_playground()
        self.playground.toggle_play()

    def set_presenting(self, on: bool) -> None:
        """Presenter mode: only the view and its caption, large; the image panel and the training controls hide."""
        self.presenting = bool(on)
        self.side.setVisible(not on and self.strip.side_button.isChecked())
        self.training.setVisible(not on)
        self.strip.setVisible(not on)
        self.cnn_view.set_presenting(on)
        self.playground.side.setVisible(not on)  # the playground's settings; its steps stay
        self.message.setFont(zoomed_font(theme.PLOT_LABEL_POINT_SIZE * (1.3 if on else 1.0), bold=True))
