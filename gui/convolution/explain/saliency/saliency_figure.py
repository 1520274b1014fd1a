"""SaliencyFigure: "Where does it look?" as a picture for a slide (`snapshot --view saliency`), not a panel to use.

The live view (saliency_view.py) carries the controls a teacher clicks: buttons, spin boxes, the
layer list, the strength slider. In a PNG they mean nothing, so the figure hides them and says
the same facts in plain words under each method's title ("layer relu2", "square 6 px, step 2").
It shows only the methods it was given, and it places its parts by hand rather than with a grid:
a grid shares the room out by stretch factors, which left empty bands above and below square
maps; here the maps are made as large as the room allows (square), the colour bars, sentences and
legend sit right under them, and whatever room is left over surrounds the whole figure evenly.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QT_TR_NOOP, QRect, QSize, Qt
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from gui.convolution.explain.saliency.saliency_view import METHODS, SaliencyView
from gui.convolution.looks import translate
from gui.style import theme
from gui.widgets.clamped_label import MARGIN, ClampedLabel

LAYER_FACT = QT_TR_NOOP("layer {0}")
SQUARE_FACT = QT_TR_NOOP("square {0} px, step {1}")
SENTENCE_LINES = 6  # the live view's columns hold 4 lines; a narrow figure's may need more
EDGE, COLUMN_GAP, ROW_GAP = 8, 12, 4  # pixels: around the figure, between columns, between a column's parts
SMALLEST_MAP = 96  # pixels: the side of a map below which the figure is drawn larger and scaled down


class SaliencyFigure(SaliencyView):
    """The maps of `methods` (some of "gradient", "gradcam", "occlusion"), the class probabilities and the
    legend, without controls; filled like the live view (show_cheap, set_reference, show_occlusion)."""

    def __init__(self, methods: tuple[str, ...], parent: QWidget | None = None):
        super().__init__(parent)
        self.methods = tuple(method for method in METHODS if method in methods) or METHODS
        shiboken6.delete(self.layout())  # the live arrangement; the widgets stay, placed by _arrange
        for widget in (self.back_button, self.opacity_label, self.opacity, self.layer_label, self.layer_combo,
                       self.window_label, self.window_spin, self.stride_label, self.stride_spin, self.run_button,
                       self.stop_button):
            widget.hide()
        for method in METHODS:
            if method not in self.methods:
                for widget in self._column_widgets(method):
                    widget.hide()
        for method in self.methods:  # the figure measures its sentences, so a long one may take more lines
            column = self.columns[method]
            column.sentence.hide()
            column.sentence = ClampedLabel(lines=SENTENCE_LINES, parent=self)
            column.sentence.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
            self.looks.font(column.sentence, theme.BASE_POINT_SIZE)
        self.facts = {}  # method → the plain words that stand for its controls
        for method in self.methods:
            fact = QLabel(self)
            fact.setWordWrap(True)
            self.looks.font(fact, theme.BASE_POINT_SIZE)
            self.facts[method] = fact
        self.key = QLabel(self.side)  # what the bars' marks mean, which the live view says in a tooltip
        self.key.setWordWrap(True)
        self.side.layout().addWidget(self.key)
        self.bars.setCursor(Qt.CursorShape.ArrowCursor)  # nothing to click in a picture
        self.retranslate_dynamic()

    def _column_widgets(self, method: str) -> tuple[QWidget, ...]:
        column = self.columns[method]
        return column.title, column.picture, column.bar, column.sentence

    # ------------------------------------------------------------------ texts
    def retranslate_dynamic(self) -> None:
        super().retranslate_dynamic()
        if not hasattr(self, "facts"):  # the live view's constructor, before the figure's parts exist
            return
        self.bars_title.setText(self.tr("Class probabilities"))
        self.key.setText(self.tr("▶ the class explained\n★ the network's answer"))
        self._fit_side()
        gradient, gradcam = self.cheap
        if "gradcam" in self.facts:
            self.facts["gradcam"].setText(translate(LAYER_FACT).format(gradcam.layer) if gradcam is not None else "")
        if "occlusion" in self.facts:
            occlusion = self.occlusion
            self.facts["occlusion"].setText(translate(SQUARE_FACT).format(occlusion.window, occlusion.stride)
                                            if occlusion is not None else "")
        self._arrange()

    def show_occlusion(self, attribution, stopped: tuple[int, int] | None = None) -> None:
        super().show_occlusion(attribution, stopped)
        self.retranslate_dynamic()  # its square and step, in words

    def rezoom(self) -> None:
        super().rezoom()
        self._arrange()

    # ------------------------------------------------------------------ room
    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return QSize(1000, 560)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        """The room for maps SMALLEST_MAP pixels wide with their words and the bars; smaller, the figure is drawn
        at this size and scaled down (gui/snapshot.py). The words are measured in columns a sentence reads well in."""
        count = len(self.methods)
        column = max(SMALLEST_MAP, self.fontMetrics().horizontalAdvance("m" * 9))
        width = 2 * EDGE + count * column + count * COLUMN_GAP + self.side.width()
        readable = max(column, self._readable_width())
        height = 2 * EDGE + self._title_height() + max(self._side_height(tight=True),
                                                        self._column_height(readable, SMALLEST_MAP))
        return QSize(width, height)

    def _readable_width(self) -> int:
        return self.fontMetrics().horizontalAdvance("m" * 14)

    def _fit_side(self) -> None:
        """As the live view's, and wide enough for the bars' title and key on a line each where they can."""
        super()._fit_side()
        if hasattr(self, "key"):
            metrics = self.key.fontMetrics()
            lines = [self.bars_title.text(), *self.key.text().splitlines()]
            widest = max(metrics.horizontalAdvance(line) for line in lines) + 4
            self.side.setFixedWidth(max(self.side.width(), min(widest, metrics.horizontalAdvance("m" * 14))))

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._arrange()

    def _title_height(self) -> int:
        return self.explaining.minimumHeight() + 2 * ROW_GAP

    def _side_height(self, tight: bool = False) -> int:
        """The bars' title, the bars and their key; `tight`: the bars' rows only a line of text apart."""
        layout = self.side.layout()
        if layout.hasHeightForWidth():  # the wrapped title and key grow taller in a narrow side
            height = layout.totalHeightForWidth(self.side.width())
        else:
            height = layout.totalSizeHint().height()
        if tight:
            rows = max(1, len(self.bars.names))
            height -= self.bars.sizeHint().height() - (rows * self.bars.fontMetrics().height() + 4)
        return height

    def _text_height(self, label: QLabel, width: int) -> int:
        """The height `label`'s text needs at `width` (0 for no text): wrapped lines, no more than it can show."""
        text = label.text()  # a ClampedLabel's whole text: what it shows depends on the width it had last
        if not text:
            return 0
        flags = int(Qt.TextFlag.TextWordWrap)
        needed = label.fontMetrics().boundingRect(QRect(0, 0, max(1, width - MARGIN), 1 << 20), flags, text).height()
        return min(needed + MARGIN, label.maximumHeight())

    def _row_heights(self, width: int) -> tuple[int, int, int, int]:
        """Above the maps (titles, facts), and below them (colour bar, sentences) for columns `width` wide."""
        columns = [self.columns[method] for method in self.methods]
        title = max(column.title.sizeHint().height() for column in columns)
        facts = max(self._text_height(self.facts[method], width) for method in self.methods)
        bar = max(column.bar.minimumHeight() for column in columns)
        sentences = max(self._text_height(column.sentence, width) for column in columns)
        return title, facts, bar, sentences

    def _column_height(self, width: int, side: int) -> int:
        title, facts, bar, sentences = self._row_heights(width)
        legend = self._text_height(self.legend, self._maps_width(width))
        return title + facts + side + bar + sentences + legend + 5 * ROW_GAP

    def _maps_width(self, column: int) -> int:
        return len(self.methods) * column + (len(self.methods) - 1) * COLUMN_GAP

    def _arrange(self) -> None:
        """Place every shown part: maps as large as the width and the height allow, words close under them."""
        if not hasattr(self, "facts") or self.width() <= 0:
            return
        count = len(self.methods)
        side_width = self.side.width()
        widest = max(1, (self.width() - 2 * EDGE - side_width - count * COLUMN_GAP) // count)
        room = self.height() - 2 * EDGE - self._title_height()
        column = widest
        picture = max(1, min(widest, room - self._column_height(column, 0)))
        if picture < widest:  # the height decides: narrower columns, yet wide enough for a readable sentence
            column = max(picture, min(widest, self._readable_width()))
            picture = max(1, min(widest, room - self._column_height(column, 0)))
        body = max(self._column_height(column, picture), self._side_height())
        figure_width = self._maps_width(column) + COLUMN_GAP + side_width
        left = max(EDGE, (self.width() - figure_width) // 2)
        top = max(EDGE, (self.height() - self._title_height() - body) // 2)
        title_width = self.explaining.fontMetrics().horizontalAdvance(self.explaining.text()) + MARGIN
        title_left = left if left + title_width <= self.width() - EDGE else EDGE  # a long title: the whole width
        self.explaining.setGeometry(title_left, top, self.width() - EDGE - title_left, self.explaining.minimumHeight())
        top += self._title_height()
        title, facts, bar, sentences = self._row_heights(column)
        for index, method in enumerate(self.methods):
            x = left + index * (column + COLUMN_GAP)
            parts = self.columns[method]
            y = top
            for widget, height in ((parts.title, title), (self.facts[method], facts)):
                widget.setGeometry(x, y, column, height)
                y += height + ROW_GAP
            parts.picture.setGeometry(x + (column - picture) // 2, y, picture, picture)
            y += picture + ROW_GAP
            parts.bar.setGeometry(x + (column - picture) // 2, y, picture, bar)
            y += bar + ROW_GAP
            parts.sentence.setGeometry(x, y, column, parts.sentence.minimumHeight())
        maps_width = self._maps_width(column)
        legend_top = top + self._column_height(column, picture) - self._text_height(self.legend, maps_width)
        self.legend.setGeometry(left, legend_top, maps_width, self.legend.minimumHeight())
        side_room = self.height() - EDGE - top  # too little: the bars' rows draw closer together
        self.side.setGeometry(left + self._maps_width(column) + COLUMN_GAP, top, side_width,
                              min(self._side_height(), max(self._side_height(tight=True), side_room)))
