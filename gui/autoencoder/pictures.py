"""The autoencoder's pictures: originals above what the network rebuilt (and the noisy inputs between).

`ReconstructionStrip` draws a few held-out images, one of each class where it can, in three rows:
the original, the input the network was fed (only when there is noise: "noisy input → clean
digit") and the reconstruction. `autoencoder_widget` assembles the tab's drawing parts from
finished core results, for `main.py snapshot --view autoencoder`: no worker, no torch.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QEvent, QRectF, QSize, Qt, Slot
from PySide6.QtGui import QColor, QImage, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QVBoxLayout, QWidget

from gui.style import theme
from gui.style.zoom import ZOOM
from gui.training.looks import font

EXAMPLES = 10  # images in the strip: one per class of a ten-class set


def gray_image(pixels: np.ndarray) -> QImage:
    """A 2-D array of 0..1 pixels as an 8-bit grey QImage (its own copy of the bytes)."""
    data = np.ascontiguousarray(np.clip(np.nan_to_num(np.asarray(pixels, dtype=np.float32)), 0, 1) * 255,
                                dtype=np.float32).astype(np.uint8)
    height, width = data.shape
    return QImage(data.tobytes(), width, height, width, QImage.Format.Format_Grayscale8).copy()


def pick_examples(labels: np.ndarray, count: int = EXAMPLES) -> np.ndarray:
    """Indices of up to `count` images: the first of each class in class order, then the second of each, ..."""
    labels = np.asarray(labels).reshape(-1)
    by_class = [np.flatnonzero(labels == label) for label in np.unique(labels)]
    chosen: list[int] = []
    rank = 0
    while len(chosen) < min(count, len(labels)):
        for members in by_class:
            if rank < len(members) and len(chosen) < count:
                chosen.append(int(members[rank]))
        rank += 1
    return np.asarray(chosen, dtype=np.int64)


class ReconstructionStrip(QWidget):
    """Columns of held-out images: original, (noisy input,) reconstruction; row names on the left."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.originals = np.zeros((0, 28, 28), np.float32)
        self.inputs = self.originals
        self.rebuilt = self.originals
        self.names: list[str] = []
        self.noisy = False
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        ZOOM.changed.connect(self.rezoom)

    def show_images(self, originals: np.ndarray, inputs: np.ndarray, rebuilt: np.ndarray, names: list[str],
                    noisy: bool) -> None:
        """The chosen examples (N×28×28 each) and their class names; `noisy`: show the inputs' row too."""
        self.originals, self.inputs, self.rebuilt = originals, inputs, rebuilt
        self.names, self.noisy = list(names), bool(noisy)
        self.updateGeometry()
        self.update()

    def show_reconstructions(self, reconstructions, noise: float, count: int = EXAMPLES) -> None:
        """A core Reconstructions (any number of held-out images): a few of them, across the classes."""
        chosen = pick_examples(reconstructions.labels, count)
        names = [reconstructions.class_names[int(label)] for label in reconstructions.labels[chosen]]
        self.show_images(reconstructions.originals[chosen], reconstructions.inputs[chosen],
                         reconstructions.reconstructions[chosen], names, noise > 0)

    def row_titles(self) -> list[str]:
        titles = [self.tr("original")]
        if self.noisy:
            titles.append(self.tr("noisy input"))
        titles.append(self.tr("rebuilt"))
        return titles

    def rows(self) -> list[np.ndarray]:
        return [self.originals, *([self.inputs] if self.noisy else []), self.rebuilt]

    def minimumSizeHint(self):  # noqa: N802 (Qt's name)
        size = super().minimumSizeHint()
        size.setHeight(int(len(self.row_titles()) * 34 * ZOOM.factor) + 8)
        size.setWidth(int(300 * ZOOM.factor))
        return size

    def sizeHint(self):  # noqa: N802 (Qt's name)
        size = self.minimumSizeHint()
        size.setHeight(int(len(self.row_titles()) * 60 * ZOOM.factor) + 8)
        return size

    def paintEvent(self, _event) -> None:  # noqa: N802 (Qt's name)
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("white"))
        painter.setFont(font(theme.BASE_POINT_SIZE))
        titles, rows = self.row_titles(), self.rows()
        metrics = painter.fontMetrics()
        label_width = max(metrics.horizontalAdvance(title) for title in titles) + 10
        count = max(1, len(self.originals))
        gap = 3
        side = min((self.width() - label_width - gap * count) / count, (self.height() - gap * len(rows)) / len(rows))
        side = max(8.0, side)
        painter.setPen(QPen(QColor(theme.BLACK)))
        if not len(self.originals):
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                             self.tr("Load data and train: each held-out image appears here beside what the network "
                                     "rebuilds from its bottleneck."))
            painter.end()
            return
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)
        left = max(0.0, (self.width() - label_width - count * (side + gap)) / 2)  # centred when there is room
        for row, (title, images) in enumerate(zip(titles, rows)):
            top = row * (side + gap)
            painter.drawText(QRectF(left, top, label_width - 6, side),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, title)
            for column, pixels in enumerate(images):
                target = QRectF(left + label_width + column * (side + gap), top, side, side)
                painter.drawImage(target, gray_image(pixels))
        painter.end()

    @Slot(float)
    def rezoom(self, _factor: float = 1.0) -> None:
        self.updateGeometry()
        self.update()

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.update()
        super().changeEvent(event)


PLANE_SHARE = 0.56  # of a picture's width at most: the other parts keep a readable column beside the plane


class AutoencoderPicture(QWidget):
    """The tab's drawing parts as one picture: the plane of codes a square as tall as the picture allows, on the
    right; the reconstructions, the layers and the loss stacked in a column on its left."""

    def __init__(self, strip: QWidget, diagram: QWidget, chart: QWidget, plane, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAutoFillBackground(True)
        self.plane = plane
        self.column = QWidget(self)
        column = QVBoxLayout(self.column)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(6)
        column.addWidget(strip)
        column.addWidget(diagram)
        column.addWidget(chart, 1)
        plane.setParent(self)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        column, plane = self.column.minimumSizeHint(), self.plane.minimumSizeHint()
        return QSize(column.width() + plane.width() + 3 * MARGIN, max(column.height(), plane.height()) + 2 * MARGIN)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        """Laid out by hand: the plane's width follows the height left for its plot, which no Qt layout offers."""
        super().resizeEvent(event)
        width, height = self.width() - 2 * MARGIN, self.height() - 2 * MARGIN
        widest = int(width * PLANE_SHARE)
        above = self.plane.legend.heightForWidth(widest) + 2  # the legend's lines, over the plot
        below = self.plane.note.height() + 2 if not self.plane.note.isHidden() else 0
        # The plot's left axis is about as wide as its bottom axis is tall: equal sides give a square of data.
        side = max(self.plane.minimumSizeHint().width(), min(widest, height - above - below))
        self.plane.setGeometry(self.width() - MARGIN - side, MARGIN, side, height)
        self.column.setGeometry(MARGIN, MARGIN, width - side - MARGIN, height)


MARGIN = 4  # px around and between the picture's two halves


def autoencoder_widget(reconstructions, loss_curve: np.ndarray, evaluation, config, layers) -> QWidget:
    """The Autoencoder tab's drawing parts, filled from finished core results (for `snapshot --view autoencoder`).

    reconstructions: core.autoencoder.trainer.Reconstructions (the held-out images, their codes and rebuilt
    images); loss_curve: every step's training loss (trainer.loss_curve); evaluation: AutoencoderEvaluation
    at the end; config: the AutoencoderConfig trained; layers: Autoencoder.layer_table(). No torch is run:
    the plane of codes shows the codes but decodes no new point. Resize the widget, then grab it.
    """
    from gui.autoencoder.code_plane import CodePlane
    from gui.autoencoder.layers_view import LayerDiagram
    from gui.autoencoder.loss_chart import LossChart

    strip = ReconstructionStrip()
    strip.show_reconstructions(reconstructions, config.noise)
    chart = LossChart()
    chart.set_digits(_are_digits(reconstructions.class_names))
    chart.show_curves(loss_curve, [evaluation.step], [evaluation.test_loss], evaluation.mean_image_loss)
    plane = CodePlane(interactive=False)  # a picture decodes nothing: no crosshair, no empty "click here"
    plane.show_codes(reconstructions.codes, reconstructions.labels, reconstructions.class_names)
    diagram = LayerDiagram(clamped=False)  # drawn once: its sentences wrap whole instead of ending in "…"
    diagram.show_layers(layers)
    return AutoencoderPicture(strip, diagram, chart, plane)


def _are_digits(class_names) -> bool:
    return tuple(class_names) == tuple(str(digit) for digit in range(10))
