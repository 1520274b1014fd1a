"""LayerDiagram: the encoder and the decoder drawn as the layers they are, with the bottleneck highlighted.

Each layer of numbers is a box whose height is proportional to how many numbers it holds (784
pixels in, 128, 2 in the middle, 128, 784 out), with its size written on it. Between two boxes
is one fully connected step: weights W, bias b and a sigmoid on the way in, the reverse
mapping (W′, b′, sigmoid) on the way out, as the seeds describe the autoencoder:
x → y = σ(W·x + b) → z = σ(W′·y + b′) ≈ x.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRectF, QSize, Qt, Slot
from PySide6.QtGui import QBrush, QColor, QPainter, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QVBoxLayout, QWidget

from gui.style import theme
from gui.style.zoom import ZOOM
from gui.training.looks import font
from gui.widgets.clamped_label import ClampedLabel

ENCODER_COLOUR, DECODER_COLOUR, CODE_COLOUR = theme.SKY, "#8FD3B6", theme.ORANGE
MIN_BOX = 8  # px: a 2-number layer is still a box you can see


def layer_sizes(layers) -> list[int]:
    """The numbers in each layer of values: the first step's inputs, then every step's outputs."""
    layers = tuple(layers)
    return [layers[0].inputs, *(layer.outputs for layer in layers)] if layers else []


class LayerBoxes(QWidget):
    """The boxes and the steps between them (painted; follows the zoom and the language)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.layers: tuple = ()
        self.setMinimumSize(240, 80)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return QSize(int(420 * ZOOM.factor), int(120 * ZOOM.factor))

    def box_names(self) -> list[str]:
        sizes = layer_sizes(self.layers)
        names = []
        middle = len(sizes) // 2
        for index in range(len(sizes)):
            if index == 0:
                names.append(self.tr("input"))
            elif index == len(sizes) - 1:
                names.append(self.tr("output"))
            elif index == middle:
                names.append(self.tr("code"))
            else:
                names.append(self.tr("hidden"))
        return names

    def step_labels(self) -> list[str]:
        """What each step computes: W·h + b then a sigmoid, with the decoder's weights primed."""
        labels, encoders, decoders = [], 0, 0
        for layer in self.layers:
            if layer.part == "encoder":
                encoders += 1
                labels.append(self.tr("W{0}, b{0}\nsigmoid").format(_subscript(encoders)))
            else:
                decoders += 1
                labels.append(self.tr("W′{0}, b′{0}\nsigmoid").format(_subscript(decoders)))
        return labels

    def paintEvent(self, _event) -> None:  # noqa: N802 (Qt's name)
        sizes = layer_sizes(self.layers)
        if not sizes:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        small, bold = font(theme.BASE_POINT_SIZE - 1), font(theme.BASE_POINT_SIZE, bold=True)
        painter.setFont(small)
        line = painter.fontMetrics().height()
        top, bottom = line + 4, self.height() - line - 4  # a size above each box, a name below it
        height = max(MIN_BOX * 2, bottom - top)
        count = len(sizes)
        box_width = max(12.0, min(34.0 * ZOOM.factor, self.width() / (count * 3)))
        gap = (self.width() - count * box_width) / max(1, count - 1)
        middle_y = top + height / 2
        largest = max(sizes)
        names, steps = self.box_names(), self.step_labels()
        boxes = []
        for index, size in enumerate(sizes):
            box_height = max(MIN_BOX, height * size / largest)
            left = index * (box_width + gap)
            boxes.append(QRectF(left, middle_y - box_height / 2, box_width, box_height))
        middle = count // 2
        for index in range(count - 1):  # the steps first, under the boxes
            a, b = boxes[index], boxes[index + 1]
            colour = QColor(ENCODER_COLOUR if index < middle else DECODER_COLOUR)
            colour.setAlpha(90)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QBrush(colour))
            painter.drawPolygon(QPolygonF([a.topRight(), b.topLeft(), b.bottomLeft(), a.bottomRight()]))
            painter.setPen(QPen(QColor(theme.BLACK)))
            label_box = QRectF(a.right(), middle_y - line * 1.1, b.left() - a.right(), line * 2.2)
            painter.drawText(label_box, Qt.AlignmentFlag.AlignCenter, steps[index])
        for index, (box, size) in enumerate(zip(boxes, sizes)):
            code = index == middle
            painter.setPen(QPen(QColor(theme.BLACK), 3 if code else 1))
            colour = CODE_COLOUR if code else (ENCODER_COLOUR if index < middle else DECODER_COLOUR)
            painter.setBrush(QBrush(QColor(colour)))
            painter.drawRect(box)
            painter.setFont(bold if code else small)
            wide = QRectF(box.center().x() - gap / 2, 0, gap, line + 2)
            align = Qt.AlignmentFlag.AlignCenter
            if index == 0:  # the ends' words stay inside the widget
                wide, align = QRectF(0, 0, gap, line + 2), Qt.AlignmentFlag.AlignLeft
            elif index == count - 1:
                wide, align = QRectF(self.width() - gap, 0, gap, line + 2), Qt.AlignmentFlag.AlignRight
            # Sizes on the top row, names on the bottom row: never under a step's label, however small the box.
            painter.drawText(wide.translated(0, top - line - 2), align, str(size))
            painter.drawText(wide.translated(0, bottom + 2), align, names[index])
        painter.end()


class LayerDiagram(QWidget):
    """The boxes, headed "encoder" and "decoder", and the seeds' sentence under them."""

    def __init__(self, parent: QWidget | None = None, picture: bool = False):
        """The heading and the sentence keep 2 and 3 lines however narrow, so the layout never jumps (a longer
        text ends in "…"); `picture` (a snapshot, short of room): the sentence is only its formula, in 2 lines."""
        super().__init__(parent)
        self.picture = bool(picture)
        self.boxes = LayerBoxes()
        self.heading, self.caption = ClampedLabel("", 2), ClampedLabel("", 2 if picture else 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.heading)
        layout.addWidget(self.boxes, 1)
        layout.addWidget(self.caption)
        ZOOM.changed.connect(self.rezoom)
        self.retranslate()

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt's name)
        """No: its labels keep a fixed number of lines. (Their word wrap would otherwise offer a layout a height
        for a width below this widget's minimum, and the boxes would be drawn over the sentences.)"""
        return False

    @property
    def layers(self) -> tuple:
        return self.boxes.layers

    def sizes(self) -> list[int]:
        return layer_sizes(self.boxes.layers)

    def show_layers(self, layers) -> None:
        """A layer table (core.autoencoder.model.AutoencoderLayer, encoder first)."""
        self.boxes.layers = tuple(layers)
        self.retranslate()
        self.boxes.update()

    def retranslate(self) -> None:
        for label in (self.heading, self.caption):
            label.setFont(font(theme.BASE_POINT_SIZE))
        sizes = self.sizes()
        bottleneck = min(sizes) if sizes else 0
        self.heading.setText(self.tr("encoder: squeezes {0} pixels into {1} numbers  ·  decoder: rebuilds them")
                             .format(sizes[0] if sizes else 784, bottleneck or "…"))
        if not self.picture:
            self.caption.setText(self.tr("x → y = sigmoid(W·x + b) → z = sigmoid(W′·y + b′) ≈ x: training changes "
                                         "the weights W and biases b until z rebuilds x as well as it can."))
        else:
            self.caption.setText(self.tr("x → y = sigmoid(W·x + b) → z = sigmoid(W′·y + b′) ≈ x"))
        self.caption.setToolTip(self.tr(
            "An autoencoder: the input x is weighted (W, b) and passed through a sigmoid to give y; y is weighted "
            "back the other way to give z. Training makes the error between z and x as small as it can: then W and "
            "b have learnt the input's key features, or z could not rebuild it so well."))
        self.boxes.update()

    @Slot(float)
    def rezoom(self, _factor: float = 1.0) -> None:
        self.retranslate()
        self.boxes.updateGeometry()

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def _subscript(number: int) -> str:
    return str(number).translate(str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉"))
