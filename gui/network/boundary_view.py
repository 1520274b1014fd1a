"""BoundaryView: the network's output over the input plane, with the train and test points.

The heatmap is the decision boundary a class watches form: blue for one class, orange
for the other (Okabe–Ito, safe for colour blindness), pale where the network is unsure.
Training points are filled circles, test points hollow squares.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QVBoxLayout, QWidget

from core.mlp.boundaries import BoundaryMaps
from core.data.toy2d import DOMAIN, Dataset
from gui.style import theme
from gui.style.colours import CLASS_COLOURS, diverging_lut

HEATMAP_STRENGTH = 0.55  # pale background, saturated points


def to_signed_unit(values: np.ndarray, kind: str) -> np.ndarray:
    """Map an output map to [-1, 1] for the diverging table: probabilities around 0.5, values around 0."""
    if kind == "sigmoid":
        return np.clip(values * 2.0 - 1.0, -1.0, 1.0)
    scale = float(np.abs(values).max()) or 1.0
    return np.clip(values / scale, -1.0, 1.0)


class BoundaryView(QWidget):
    """A square plot of the output heatmap under the dataset's points; click a training point to pick it."""

    example_clicked = Signal(int)  # index into the training set

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.plot = pg.PlotWidget(background="w")
        item = self.plot.getPlotItem()
        item.setAspectLocked(True)
        self.set_title(self.tr("Output over the input plane"))
        for side in ("left", "bottom"):
            axis = item.getAxis(side)
            axis.setTickFont(theme.font(theme.BASE_POINT_SIZE))
            axis.setPen(pg.mkPen("k"))
            axis.setTextPen(pg.mkPen("k"))
        item.setLabel("bottom", "x₁", color="black")
        item.setLabel("left", "x₂", color="black")
        self.image = pg.ImageItem()
        self.image.setLookupTable(diverging_lut(strength=HEATMAP_STRENGTH))
        self.image.setLevels((0, 255))
        self.image.setRect(-DOMAIN, -DOMAIN, 2 * DOMAIN, 2 * DOMAIN)
        self.plot.addItem(self.image)
        self.train_points = pg.ScatterPlotItem(pxMode=True, size=10, pen=pg.mkPen(theme.BLACK, width=1))
        self.test_points = pg.ScatterPlotItem(pxMode=True, size=9, symbol="s", brush=None)
        self.train_points.sigClicked.connect(self._on_points_clicked)
        self.train_points.setToolTip(self.tr("Click a training point to step it through the network"))
        self.plot.addItem(self.train_points)
        self.plot.addItem(self.test_points)
        self.plot.setRange(xRange=(-DOMAIN, DOMAIN), yRange=(-DOMAIN, DOMAIN), padding=0)
        self.kind = "sigmoid"
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plot)

    def set_title(self, text: str) -> None:
        self.plot.getPlotItem().setTitle(
            f"<span style='font-size:{theme.PLOT_LABEL_POINT_SIZE}pt; color:black'>{text}</span>")

    def set_dataset(self, dataset: Dataset, output_activation: str) -> None:
        """Draw the points, coloured by class (by value for regression)."""
        self.kind = output_activation
        if output_activation == "softmax":
            self.image.setLookupTable(self._class_lut(len(dataset.class_names)))
        else:
            self.image.setLookupTable(diverging_lut(strength=HEATMAP_STRENGTH))
        self.train_points.setData(pos=dataset.x_train, brush=self._brushes(dataset.y_train, output_activation))
        self.test_points.setData(pos=dataset.x_test, pen=[pg.mkPen(brush.color(), width=2) for brush in
                                                          self._brushes(dataset.y_test, output_activation)])

    def _on_points_clicked(self, item, points, event=None) -> None:
        if len(points):
            self.example_clicked.emit(int(points[0].index()))

    def _brushes(self, targets: np.ndarray, kind: str) -> list:
        if kind == "linear":
            lut = diverging_lut()
            index = ((to_signed_unit(targets.astype(float), "linear") + 1) * 127.5).astype(int)
            return [pg.mkBrush(*lut[i][:3]) for i in index]
        palette = [pg.mkBrush(colour) for colour in CLASS_COLOURS]
        return [palette[int(label) % len(palette)] for label in targets]

    def _class_lut(self, classes: int) -> np.ndarray:
        """One pale colour per class for the winning-class map of a softmax network."""
        rows = []
        for index in range(classes):
            r, g, b = pg.mkColor(CLASS_COLOURS[index % len(CLASS_COLOURS)]).getRgb()[:3]
            rows.append([255 - (255 - r) * 0.45, 255 - (255 - g) * 0.45, 255 - (255 - b) * 0.45, 255])
        return np.array(rows, dtype=np.uint8)

    def show_values(self, values: np.ndarray, kind: str, extent: float) -> None:
        """One neuron's map (row = y): probabilities ('sigmoid', 'softmax') around 0.5, others around 0."""
        self.image.setLookupTable(diverging_lut(strength=HEATMAP_STRENGTH))
        self.image.setLevels((0, 255))
        signed = to_signed_unit(values, "sigmoid" if kind in ("sigmoid", "softmax") else "linear")
        self.image.setImage(((signed + 1.0) * 127.5).astype(np.uint8).T, autoLevels=False)
        self.image.setRect(-extent, -extent, 2 * extent, 2 * extent)

    @Slot(object)
    def show_maps(self, maps: BoundaryMaps) -> None:
        if self.kind == "softmax":
            image = maps.output.astype(np.uint8)
            self.image.setLevels((0, self.image.lut.shape[0] - 1 if self.image.lut is not None else 3))
        else:
            image = ((to_signed_unit(maps.output, self.kind) + 1.0) * 127.5).astype(np.uint8)
            self.image.setLevels((0, 255))
        # ImageItem indexes [x, y]; the maps are [y, x].
        self.image.setImage(image.T, autoLevels=False)
        self.image.setRect(-maps.extent, -maps.extent, 2 * maps.extent, 2 * maps.extent)
