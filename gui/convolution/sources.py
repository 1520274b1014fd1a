"""Where the convolution lab's images come from: drops, the clipboard, QImages, and the strip of controls.

Everything here turns Qt's containers (QMimeData, QImage) into a `LoadedImage` through
core.data.images, so a dropped file, a pasted screenshot and an opened file are decoded
by the same careful code, and every failure is one `ImageLoadError` sentence.
"""

from __future__ import annotations

import math
from dataclasses import replace

import numpy as np
from PySide6.QtCore import QT_TR_NOOP, QCoreApplication, QMimeData, Qt, QUrl, Signal, Slot
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QBoxLayout, QComboBox, QHBoxLayout, QLabel, QPushButton, QToolButton, QVBoxLayout, QWidget

from core.data.images import LoadedImage, decode_image, from_array, load_image
from core.errors import ImageLoadError
from gui.convolution.drawing_canvas import DrawingCanvas
from gui.convolution.looks import Looks, flow, in_language, shown_name
from gui.style import theme
from gui.style.zoom import ZOOM
# Raw image formats a drop or the clipboard may carry, read by our own decoder first
# (it applies EXIF orientation and refuses bombs), before Qt's decoded QImage.
IMAGE_MIME_TYPES = ("image/png", "image/jpeg", "image/jpg", "image/gif", "image/bmp", "image/webp")
def tr(text: str) -> str:
    """The current language's text (lupdate files these under the empty context)."""
    return in_language(text)


OPEN_FILTER = QT_TR_NOOP("Images (*.png *.jpg *.jpeg *.gif *.bmp *.webp *.tif *.tiff);;All files (*)")
ERROR_STYLE = (f"background: {theme.WARNING_BACKGROUND}; color: black; "
               f"border-left: 6px solid {theme.VERMILLION}; padding: 6px;")
INFO_STYLE = f"color: {theme.GREY}; padding: 6px;"


def qimage_pixels(image: QImage) -> np.ndarray:
    """A QImage as an H×W×4 uint8 RGBA array (a copy, so the QImage may go away)."""
    rgba = image.convertToFormat(QImage.Format.Format_RGBA8888)
    width, height, stride = rgba.width(), rgba.height(), rgba.bytesPerLine()
    rows = np.frombuffer(rgba.constBits(), dtype=np.uint8, count=stride * height).reshape(height, stride)
    return rows[:, :width * 4].reshape(height, width, 4).copy()


QIMAGE_MAX_SIDE = 1024  # as core.data.images' max_side: a larger pasted image is shrunk by Qt before it is copied


def image_from_qimage(image: QImage, name: str) -> LoadedImage:
    if image is None or image.isNull() or image.width() == 0 or image.height() == 0:
        raise ImageLoadError(tr("{name} has no pixels Glassbox can read; copy or save the image again."), name=name)
    size = (image.width(), image.height())
    if max(size) > QIMAGE_MAX_SIDE:  # a huge screenshot is never copied whole into numpy
        image = image.scaled(QIMAGE_MAX_SIDE, QIMAGE_MAX_SIDE, Qt.AspectRatioMode.KeepAspectRatio,
                             Qt.TransformationMode.SmoothTransformation)
    return replace(from_array(qimage_pixels(image), name), original_size=size)


def can_load(mime: QMimeData | None) -> bool:
    """Whether a drag carries something worth trying: files, links, image data or text."""
    return mime is not None and (mime.hasUrls() or mime.hasImage() or mime.hasText()
                                 or any(mime.hasFormat(kind) for kind in IMAGE_MIME_TYPES))


def image_from_mime(mime: QMimeData | None, where: str) -> LoadedImage:
    """The image a drop or the clipboard carries; `where` ("dropped", "clipboard") names it in messages.

    Tried in order: a local file, raw image bytes, Qt's decoded image, a file path as
    text. A web address is refused with a sentence: the lab never downloads by itself.
    """
    label = tr("the clipboard image") if where == "clipboard" else tr("the dropped image")
    if mime is None:
        raise ImageLoadError(_nothing_message(where))
    urls = mime.urls() if mime.hasUrls() else []
    local = [url.toLocalFile() for url in urls if url.isLocalFile()]
    if local:
        return load_image(local[0])
    for kind in IMAGE_MIME_TYPES:
        if mime.hasFormat(kind):
            data = bytes(mime.data(kind).data())
            if data:
                return decode_image(data, name=label)
    if mime.hasImage():
        return image_from_qimage(mime.imageData(), label)
    if urls:
        raise ImageLoadError(tr("{address} is a web address, and Glassbox does not download images; save the image "
                                "to your computer first, then open that file."), address=urls[0].toString())
    text = mime.text().strip() if mime.hasText() else ""
    if text.startswith("file://"):
        text = QUrl(text.splitlines()[0]).toLocalFile()
    if text and "\n" not in text and len(text) < 4096 and ("/" in text or "\\" in text):
        return load_image(text)
    raise ImageLoadError(_nothing_message(where))


def _nothing_message(where: str) -> str:
    if where == "clipboard":
        return tr("The clipboard holds no image and no image file; copy a picture (or an image file) and paste again.")
    return tr("What was dropped is not an image or an image file; drop a picture or a PNG, JPEG, GIF, BMP or WebP "
              "file.")


class SourceStrip(QWidget):
    """The row above the lab: the image panel's toggle, a sample, Open image…, Paste, and the model."""

    sample_chosen = Signal(str)
    open_requested = Signal()
    paste_requested = Signal()
    model_chosen = Signal(str)

    def __init__(self, samples: list[str], parent: QWidget | None = None):
        super().__init__(parent)
        self.looks = Looks(self)
        self.looks.font(self, theme.PLOT_LABEL_POINT_SIZE)
        self.side_button = QToolButton()
        self.side_button.setCheckable(True)
        self.side_button.setChecked(True)
        self.side_button.setText("◧")
        self.looks.text(self.side_button.setToolTip, QT_TR_NOOP("Show or hide the image and the drawing sheet"))
        self.sample_combo = QComboBox()
        self.sample_combo.addItem("", "")
        self.looks.text(lambda text, combo=self.sample_combo: combo.setItemText(0, text), QT_TR_NOOP("choose a sample…"))
        for name in samples:
            self.sample_combo.addItem(shown_name(name), name)
        self.sample_combo.setMinimumContentsLength(10)
        self.sample_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.looks.text(self.sample_combo.setToolTip, QT_TR_NOOP(
            "Pictures made by Glassbox itself: shapes, handwritten digits, a checkerboard and a scene. No file needed."))
        self.sample_combo.activated.connect(self._on_sample_activated)
        self.open_button = QPushButton()
        self.looks.text(self.open_button.setText, QT_TR_NOOP("Open image…"))
        self.looks.text(self.open_button.setToolTip, QT_TR_NOOP(
            "Open a photo or picture file (Ctrl+O). You can also drop a file onto the window."))
        self.open_button.clicked.connect(self.open_requested)
        self.paste_button = QPushButton()
        self.looks.text(self.paste_button.setText, QT_TR_NOOP("Paste"))
        self.looks.text(self.paste_button.setToolTip, QT_TR_NOOP(
            "Use the picture you copied, or a copied image file (Ctrl+V)."))
        self.paste_button.clicked.connect(self.paste_requested)
        self.model_combo = QComboBox()
        # Room for "training: MNIST"; a longer name is cut, and its tooltip and the title say it whole.
        self.model_combo.setMinimumContentsLength(14)
        self.model_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.looks.text(self.model_combo.setToolTip, QT_TR_NOOP("The trained network that looks at the image."))
        self.model_combo.activated.connect(self._on_model_activated)
        sample_label, model_label = QLabel(), QLabel()
        self.looks.text(sample_label.setText, QT_TR_NOOP("Sample:"))
        self.looks.text(model_label.setText, QT_TR_NOOP("Network:"))
        self._row = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self._row.setContentsMargins(0, 0, 0, 0)
        image_row, model_row = QHBoxLayout(), QHBoxLayout()
        for widget in (self.side_button, sample_label, self.sample_combo, self.open_button, self.paste_button):
            image_row.addWidget(widget)
        image_row.addStretch(1)
        model_row.addWidget(model_label)
        model_row.addWidget(self.model_combo, 1)
        self._row.addLayout(image_row, 1)
        self._row.addLayout(model_row)

    def retranslate_dynamic(self) -> None:
        for index in range(1, self.sample_combo.count()):
            self.sample_combo.setItemText(index, shown_name(self.sample_combo.itemData(index)))

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        """One row when there is room for it, else the network's row below the image's."""
        super().resizeEvent(event)
        flow(self._row, event.size().width() >= self._one_row_width())

    def minimumSizeHint(self):  # noqa: N802
        hint = super().minimumSizeHint()
        if self._row.direction() == QBoxLayout.Direction.LeftToRight:
            hint.setWidth(max(item.minimumSize().width() for item in (self._row.itemAt(0), self._row.itemAt(1))))
        return hint

    def _one_row_width(self) -> int:
        return sum(self._row.itemAt(i).minimumSize().width() for i in range(2)) + self._row.spacing()

    def set_models(self, names: list[str], descriptions: dict[str, str], labels: dict[str, str] | None = None) -> None:
        """Fill the network list; `labels` gives a name a different text to show."""
        self.model_combo.clear()
        for name in names:
            self.model_combo.addItem((labels or {}).get(name, name), name)
            self.model_combo.setItemData(self.model_combo.count() - 1, descriptions.get(name, ""),
                                         Qt.ItemDataRole.ToolTipRole)
        self.model_combo.setEnabled(bool(names))
        if not names:
            self.model_combo.addItem(QCoreApplication.translate("SourceStrip", "none installed"), "")

    def show_model(self, name: str) -> None:
        """Select `name` without emitting model_chosen."""
        index = self.model_combo.findData(name)
        if index >= 0:
            self.model_combo.setCurrentIndex(index)

    def show_sample(self, name: str) -> None:
        """Select the sample `name` ("" for none: the image came from elsewhere) without emitting."""
        self.sample_combo.setCurrentIndex(max(0, self.sample_combo.findData(name)))

    @Slot(int)
    def _on_sample_activated(self, index: int) -> None:
        name = self.sample_combo.itemData(index)
        if name:
            self.sample_chosen.emit(name)

    @Slot(int)
    def _on_model_activated(self, index: int) -> None:
        name = self.model_combo.itemData(index)
        if name:
            self.model_chosen.emit(name)


PREVIEW_SIDE = 150  # at 100% zoom


class ImagePanel(QWidget):
    """The lab's left column: the image as loaded, its name and size, and a sheet to draw a digit on."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.looks = Looks(self)
        self._image: LoadedImage | None = None
        image_title, draw_title = QLabel(), QLabel()
        self.looks.text(image_title.setText, QT_TR_NOOP("Your image"))
        self.looks.text(draw_title.setText, QT_TR_NOOP("…or draw a digit:"))
        for title in (image_title, draw_title):
            self.looks.font(title, theme.PLOT_LABEL_POINT_SIZE, bold=True)
        self.preview = QLabel()
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setStyleSheet(f"border: 2px solid {theme.GREY}; background: white;")
        self.looks.text(self.preview.setToolTip, QT_TR_NOOP(
            "The image as loaded. Drop a file here, or anywhere on the window."))
        self.caption = QLabel("")
        self.looks.font(self.caption, theme.PLOT_TICK_POINT_SIZE)
        self.caption.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.canvas = DrawingCanvas(paper_side=PREVIEW_SIDE + 20)
        self.looks.text(self.canvas.setToolTip, QT_TR_NOOP("Draw a digit: the prediction and every map follow your pen."))
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 6, 0)
        column.addWidget(image_title)
        column.addWidget(self.preview, 0, Qt.AlignmentFlag.AlignHCenter)
        column.addWidget(self.caption, 0, Qt.AlignmentFlag.AlignHCenter)
        column.addSpacing(8)
        column.addWidget(draw_title)
        column.addWidget(self.canvas, 1)
        self.rezoom()

    def show_image(self, image: LoadedImage) -> None:
        """The image, scaled to the preview, with its name and its size in pixels below it."""
        self._image = image
        side = self.preview.width() - 8
        pixels = np.ascontiguousarray(image.pixels)
        height, width = pixels.shape[:2]
        qimage = QImage(pixels.data, width, height, 3 * width, QImage.Format.Format_RGB888).copy()
        self.preview.setPixmap(QPixmap.fromImage(qimage).scaled(side, side, Qt.AspectRatioMode.KeepAspectRatio,
                                                                Qt.TransformationMode.SmoothTransformation))
        width, height = image.original_size
        size = QCoreApplication.translate("ImagePanel", " · {0} × {1} px").format(width, height)
        metrics = self.caption.fontMetrics()
        name = metrics.elidedText(shown_name(image.name), Qt.TextElideMode.ElideMiddle,
                                  self.caption.width() - metrics.horizontalAdvance(size) - 4)
        self.caption.setText(name + size)
        self.caption.setToolTip(shown_name(image.name))

    def retranslate_dynamic(self) -> None:
        if self._image is not None:
            self.show_image(self._image)

    def rezoom(self) -> None:
        self.preview.setFixedSize(ZOOM.px(PREVIEW_SIDE), ZOOM.px(PREVIEW_SIDE))
        self.caption.setFixedWidth(ZOOM.px(PREVIEW_SIDE + 60))
        self.retranslate_dynamic()


def describe(image: LoadedImage, info, record, preprocessing, inverted: bool) -> str:
    """How the image was prepared for the network, step by step, and what the network says."""
    width, height = image.original_size
    steps = [tr("{0} ({1}×{2})").format(shown_name(image.name), width, height)]
    if preprocessing.channels == 1:
        steps.append(tr("made grey"))
    if inverted:
        steps.append(tr("dark and light swapped"))
    if preprocessing.digit_box is not None:
        steps.append(tr("ink centred in {0}×{1}").format(*preprocessing.size[::-1]))
    else:
        steps.append(tr("shrunk to {0}×{1}").format(*preprocessing.size[::-1]))
    chance = float(record.probs[record.top_class])
    if math.isfinite(chance):  # core.cnn.analysis refuses a record that is not finite; never "nan%" anyway
        steps.append(tr("it's {0} ({1:.0%})").format(shown_name(record.top_class_name), chance))
    return " → ".join(steps)
