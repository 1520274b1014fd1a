"""Where the convolution lab's images come from: drops, the clipboard, QImages, and the strip of controls.

Everything here turns Qt's containers (QMimeData, QImage) into a `LoadedImage` through
core.data.images, so a dropped file, a pasted screenshot and an opened file are decoded
by the same careful code, and every failure is one `ImageLoadError` sentence.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QMimeData, Qt, QUrl, Signal, Slot
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QWidget

from core.data.images import LoadedImage, decode_image, from_array, load_image
from core.errors import ImageLoadError
from gui.style import theme
# Raw image formats a drop or the clipboard may carry, read by our own decoder first
# (it applies EXIF orientation and refuses bombs), before Qt's decoded QImage.
IMAGE_MIME_TYPES = ("image/png", "image/jpeg", "image/jpg", "image/gif", "image/bmp", "image/webp")
OPEN_FILTER = "Images (*.png *.jpg *.jpeg *.gif *.bmp *.webp);;All files (*)"
ERROR_STYLE = (f"background: {theme.WARNING_BACKGROUND}; color: black; "
               f"border-left: 6px solid {theme.VERMILLION}; padding: 6px;")
INFO_STYLE = f"color: {theme.GREY}; padding: 6px;"


def qimage_pixels(image: QImage) -> np.ndarray:
    """A QImage as an H×W×4 uint8 RGBA array (a copy, so the QImage may go away)."""
    rgba = image.convertToFormat(QImage.Format.Format_RGBA8888)
    width, height, stride = rgba.width(), rgba.height(), rgba.bytesPerLine()
    rows = np.frombuffer(rgba.constBits(), dtype=np.uint8, count=stride * height).reshape(height, stride)
    return rows[:, :width * 4].reshape(height, width, 4).copy()


def image_from_qimage(image: QImage, name: str) -> LoadedImage:
    if image is None or image.isNull() or image.width() == 0 or image.height() == 0:
        raise ImageLoadError(f"{name} has no pixels Glassbox can read; copy or save the image again.")
    return from_array(qimage_pixels(image), name)


def can_load(mime: QMimeData | None) -> bool:
    """Whether a drag carries something worth trying: files, links, image data or text."""
    return mime is not None and (mime.hasUrls() or mime.hasImage() or mime.hasText()
                                 or any(mime.hasFormat(kind) for kind in IMAGE_MIME_TYPES))


def image_from_mime(mime: QMimeData | None, where: str) -> LoadedImage:
    """The image a drop or the clipboard carries; `where` ("dropped", "clipboard") names it in messages.

    Tried in order: a local file, raw image bytes, Qt's decoded image, a file path as
    text. A web address is refused with a sentence: the lab never downloads by itself.
    """
    label = "the clipboard image" if where == "clipboard" else "the dropped image"
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
        raise ImageLoadError(f"{urls[0].toString()} is a web address, and Glassbox does not download images; "
                             "save the image to your computer first, then open that file.")
    text = mime.text().strip() if mime.hasText() else ""
    if text.startswith("file://"):
        text = QUrl(text.splitlines()[0]).toLocalFile()
    if text and "\n" not in text and len(text) < 4096 and ("/" in text or "\\" in text):
        return load_image(text)
    raise ImageLoadError(_nothing_message(where))


def _nothing_message(where: str) -> str:
    if where == "clipboard":
        return ("The clipboard holds no image and no image file; copy a picture (or an image file) "
                "and paste again.")
    return "What was dropped is not an image or an image file; drop a picture or a PNG, JPEG, GIF, BMP or WebP file."


class SourceStrip(QWidget):
    """The row above the lab: a sample, Open image…, Paste, and the model that looks at the image."""

    sample_chosen = Signal(str)
    open_requested = Signal()
    paste_requested = Signal()
    model_chosen = Signal(str)

    def __init__(self, samples: list[str], parent: QWidget | None = None):
        super().__init__(parent)
        self.setFont(theme.font(theme.PLOT_LABEL_POINT_SIZE))
        self.sample_combo = QComboBox()
        self.sample_combo.addItem(self.tr("choose a sample…"), "")
        for name in samples:
            self.sample_combo.addItem(name, name)
        self.sample_combo.setToolTip(self.tr("Pictures made by Glassbox itself: shapes, handwritten digits, "
                                             "a checkerboard and a scene. No file needed."))
        self.sample_combo.activated.connect(self._on_sample_activated)
        self.open_button = QPushButton(self.tr("Open image…"))
        self.open_button.setToolTip(self.tr("Open a photo or picture file (Ctrl+O). You can also drop a file "
                                            "onto the window."))
        self.open_button.clicked.connect(self.open_requested)
        self.paste_button = QPushButton(self.tr("Paste"))
        self.paste_button.setToolTip(self.tr("Use the picture you copied, or a copied image file (Ctrl+V)."))
        self.paste_button.clicked.connect(self.paste_requested)
        self.model_combo = QComboBox()
        # Room for "training: MNIST"; a longer name is cut, and its tooltip and the title say it whole.
        self.model_combo.setMinimumContentsLength(24)
        self.model_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.model_combo.setToolTip(self.tr("The trained network that looks at the image."))
        self.model_combo.activated.connect(self._on_model_activated)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for widget in (QLabel(self.tr("Sample:")), self.sample_combo, self.open_button, self.paste_button):
            row.addWidget(widget)
        row.addStretch(1)
        row.addWidget(QLabel(self.tr("Network:")))
        row.addWidget(self.model_combo)

    def set_models(self, names: list[str], descriptions: dict[str, str], labels: dict[str, str] | None = None) -> None:
        """Fill the network list; `labels` gives a name a different text to show."""
        self.model_combo.clear()
        for name in names:
            self.model_combo.addItem((labels or {}).get(name, name), name)
            self.model_combo.setItemData(self.model_combo.count() - 1, descriptions.get(name, ""),
                                         Qt.ItemDataRole.ToolTipRole)
        self.model_combo.setEnabled(bool(names))
        if not names:
            self.model_combo.addItem(self.tr("none installed"), "")

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
