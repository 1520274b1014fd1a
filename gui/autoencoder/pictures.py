"""The autoencoder's pictures: originals above what the network rebuilt (and the noisy inputs between).

`ReconstructionStrip` draws a few held-out images, one of each class where it can, in three rows:
the original, the input the network was fed (only when there is noise: "noisy input → clean
digit") and the reconstruction. `autoencoder_widget` assembles the tab's drawing parts from
finished core results, for `main.py snapshot --view autoencoder`: no worker, no torch.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QEvent, QRectF, QSize, Qt, Slot
from PySide6.QtGui import QColor, QFontMetrics, QImage, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from gui.style import theme
from gui.style.zoom import ZOOM
from gui.training.looks import font

EXAMPLES = 10  # images in the strip: one per class of a ten-class set
GAP = 3  # px between two images


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

    def whole_height(self, width: int) -> int:
        """The height at which the images are as large as `width` lets them be (more would only add margin)."""
        metrics = QFontMetrics(font(theme.BASE_POINT_SIZE))  # the painter's font
        label_width = max(metrics.horizontalAdvance(title) for title in self.row_titles()) + 10
        count = max(1, len(self.originals))
        side = (width - label_width - GAP * count) / count
        return int(len(self.row_titles()) * (side + GAP)) + 1

    def paintEvent(self, _event) -> None:  # noqa: N802 (Qt's name)
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("white"))
        painter.setFont(font(theme.BASE_POINT_SIZE))
        titles, rows = self.row_titles(), self.rows()
        metrics = painter.fontMetrics()
        label_width = max(metrics.horizontalAdvance(title) for title in titles) + 10
        count = max(1, len(self.originals))
        gap = GAP
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


MARGIN = 4  # px around and between the picture's two halves
COLUMN_SHARE, COLUMN_WIDTH = 0.4, 340  # of the picture's width and px at least: the column beside the plane
WIDEST_COLUMN = 0.6  # of the picture's width: wider, the plane would be too small to read
SPACING = 4  # px between the column's parts
CHART_PLOT = 110  # px at 100%: the least height of the loss's plot, under its legend
SMALLEST_IMAGE = 22  # px at 100%: an image (and its gap) of the strip is never smaller, however short the room
STRIP_SHARE = 0.35  # of the picture's height at most for the originals and their reconstructions


class AutoencoderPicture(QWidget):
    """The tab's drawing parts as one picture: the plane of codes on the right, a square as tall as the picture
    allows (as wide as the column beside it leaves: then a little taller than wide); the reconstructions, the
    layers and the loss stacked in a column on its left.

    Laid out by hand: the plane's width follows the height left for its plot, and each part of the column gets at
    least the height it needs (a box layout would let the chart's wrapped legend squeeze the diagram)."""

    def __init__(self, strip: ReconstructionStrip, diagram: QWidget, chart: QWidget, plane,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setAutoFillBackground(True)
        self.strip, self.diagram, self.chart, self.plane = strip, diagram, chart, plane
        for part in self.parts:
            part.setParent(self)

    @property
    def parts(self) -> tuple:
        return self.strip, self.diagram, self.chart, self.plane

    def least_heights(self, width: int) -> tuple[int, int, int]:
        """The strip's, the diagram's and the chart's least heights in a column `width` px wide."""
        chart = max(self.chart.minimumHeight(), self.chart.legend.heightForWidth(width) + int(CHART_PLOT * ZOOM.factor))
        return self.strip.minimumSizeHint().height(), self.diagram.minimumSizeHint().height(), chart

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        column = int(COLUMN_WIDTH * ZOOM.factor)
        plane = self.plane.minimumSizeHint()
        height = max(sum(self.least_heights(column)) + 2 * SPACING, plane.height())
        return QSize(column + plane.width() + 3 * MARGIN, height + 2 * MARGIN)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        width, height = self.width() - 2 * MARGIN, self.height() - 2 * MARGIN
        widest = width - MARGIN - self._column_width(width, height)
        above = self.plane.legend.heightForWidth(widest) + 2  # the legend's lines, over the plot
        below = self.plane.note.height() + 2 if not self.plane.note.isHidden() else 0
        # The plot's left axis is about as wide as its bottom axis is tall: equal sides give a square of data.
        side = max(self.plane.minimumSizeHint().width(), min(widest, height - above - below))
        self.plane.setGeometry(self.width() - MARGIN - side, MARGIN, side, height)
        column = width - side - MARGIN
        strip, diagram, chart = self.least_heights(column)
        # Still short of room (three rows of images in a small picture): the images shrink, the words do not.
        rows = len(self.strip.row_titles())
        strip = max(int(rows * SMALLEST_IMAGE * ZOOM.factor), min(strip, height - diagram - chart - 2 * SPACING))
        spare = max(0, height - strip - diagram - chart - 2 * SPACING)
        grown = min(spare, max(0, min(self.strip.whole_height(column), int(height * STRIP_SHARE)) - strip))
        strip += grown  # the images grow first, until they are as large as the width lets them be
        diagram += min(spare - grown, max(0, self.diagram.sizeHint().height() - diagram))
        top = MARGIN
        for part, part_height in ((self.strip, strip), (self.diagram, diagram)):
            part.setGeometry(MARGIN, top, column, part_height)
            top += part_height + SPACING
        self.chart.setGeometry(MARGIN, top, column, self.height() - MARGIN - top)

    def _column_width(self, width: int, height: int) -> int:
        """The column's share of the width, or more where its wrapped sentences need more lines than fit."""
        column = max(int(COLUMN_WIDTH * ZOOM.factor), int(width * COLUMN_SHARE))
        while column < width * WIDEST_COLUMN and sum(self.least_heights(column)) + 2 * SPACING > height:
            column += 10
        return column


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
    chart = LossChart(label_baseline=False)  # the legend names the dotted line; room is short
    chart.setMinimumHeight(0)  # the picture gives it CHART_PLOT under its legend, whatever the tab's minimum
    chart.set_digits(_are_digits(reconstructions.class_names))
    chart.show_curves(loss_curve, [evaluation.step], [evaluation.test_loss], evaluation.mean_image_loss)
    plane = CodePlane(interactive=False)  # a picture decodes nothing: no crosshair, no empty "click here"
    plane.show_codes(reconstructions.codes, reconstructions.labels, reconstructions.class_names)
    diagram = LayerDiagram(picture=True)  # the formula without the sentence about it: it fits whole
    diagram.show_layers(layers)
    return AutoencoderPicture(strip, diagram, chart, plane)


def _are_digits(class_names) -> bool:
    return tuple(class_names) == tuple(str(digit) for digit in range(10))
