"""The tab's side plots. BoundaryView: the network's output over the input plane, with the train and test points.
GradientChart: mean |∂L/∂w| per layer, on a log scale, so vanishing gradients show (in a deep sigmoid
network the bars shrink by orders of magnitude towards the input: the first layers barely learn).

The heatmap is the decision boundary a class watches form: blue for one class, orange
for the other (Okabe–Ito, safe for colour blindness), pale where the network is unsure.
Training points are filled circles, test points hollow squares.
"""

from __future__ import annotations

from html import escape

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, Qt, Signal, Slot
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from core.mlp.boundaries import BoundaryMaps
from core.data.toy2d import DOMAIN, Dataset
from gui.network.items import zoomed_font
from gui.style import theme
from gui.style.plots import check_finite, finite_range
from gui.style.zoom import ZOOM
from gui.style.colours import CLASS_COLOURS, diverging_lut


def _heading() -> QLabel:
    """A plot's title above it, wrapping when the side panel is narrow (at any zoom)."""
    label = QLabel()
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setStyleSheet("background: white; color: black;")
    return label

HEATMAP_STRENGTH = 0.55  # pale background, saturated points
FLOOR = 1e-12  # log scale: a zero gradient is drawn at this height


def style_plot(plot: pg.PlotWidget, title: str, labels: dict[str, str], heading: QLabel | None = None) -> None:
    """Title, axis labels and tick fonts of one of this tab's plots, at the current zoom.

    With `heading`, the title goes there instead of into the plot: a QLabel wraps, while
    pyqtgraph's title keeps its full width and pushes a narrow plot out of its view when zoomed.
    """
    item = plot.getPlotItem()
    if heading is None:
        item.setTitle(f"<span style='font-size:{ZOOM.pt(theme.PLOT_LABEL_POINT_SIZE):.1f}pt; color:black'>{title}</span>")
    else:
        item.setTitle(None)
        first, _, rest = title.partition("\n")  # a second line (the quantity shown) in a smaller size
        size = f"{ZOOM.pt(theme.BASE_POINT_SIZE):.1f}pt"
        small = f"<br><span style='font-size:{size}'>{escape(rest)}</span>" if rest else ""
        heading.setText(escape(first) + small)
        heading.setFont(zoomed_font(theme.PLOT_TICK_POINT_SIZE))
    for side in ("left", "bottom"):
        axis = item.getAxis(side)
        axis.setTickFont(zoomed_font(theme.BASE_POINT_SIZE))
        axis.setPen(pg.mkPen("k"))
        axis.setTextPen(pg.mkPen("k"))
        if side in labels:
            item.setLabel(side, labels[side], color="black", **{"font-size": f"{ZOOM.pt(theme.BASE_POINT_SIZE):.1f}pt"})


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
        self.plot.getPlotItem().setAspectLocked(True)
        self._title: str | None = None  # None: this view's own title, in the current language
        self.image = pg.ImageItem()
        self.image.setLookupTable(diverging_lut(strength=HEATMAP_STRENGTH))
        self.image.setLevels((0, 255))
        self.image.setRect(-DOMAIN, -DOMAIN, 2 * DOMAIN, 2 * DOMAIN)
        self.plot.addItem(self.image)
        self.train_points = pg.ScatterPlotItem(pxMode=True, size=ZOOM.px(10), pen=pg.mkPen(theme.BLACK, width=1))
        self.test_points = pg.ScatterPlotItem(pxMode=True, size=ZOOM.px(9), symbol="s", brush=None)
        self.train_points.sigClicked.connect(self._on_points_clicked)
        self.plot.addItem(self.train_points)
        self.plot.addItem(self.test_points)
        self.plot.setRange(xRange=(-DOMAIN, DOMAIN), yRange=(-DOMAIN, DOMAIN), padding=0)
        self.kind = "sigmoid"
        self.heading = _heading()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.heading)
        layout.addWidget(self.plot, 1)
        ZOOM.changed.connect(self._on_zoom_changed)
        self.retranslate()

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()

    def retranslate(self) -> None:
        title = self._title if self._title is not None else self.tr("Output over the input plane")
        style_plot(self.plot, title, {"bottom": "x₁", "left": "x₂"}, self.heading)
        self.train_points.setToolTip(self.tr("Click a training point to step it through the network"))

    @Slot(float)
    def _on_zoom_changed(self, _factor: float) -> None:
        self.train_points.setSize(ZOOM.px(10))
        self.test_points.setSize(ZOOM.px(9))
        self.retranslate()

    def set_title(self, text: str) -> None:
        """A title other than the view's own (the inspector's); its owner sets it again on a language change."""
        self._title = text
        self.retranslate()

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
        check_finite(maps.output, "the decision boundary")
        if self.kind == "softmax":
            image = maps.output.astype(np.uint8)
            self.image.setLevels((0, self.image.lut.shape[0] - 1 if self.image.lut is not None else 3))
        else:
            image = ((to_signed_unit(maps.output, self.kind) + 1.0) * 127.5).astype(np.uint8)
            self.image.setLevels((0, 255))
        # ImageItem indexes [x, y]; the maps are [y, x].
        self.image.setImage(image.T, autoLevels=False)
        self.image.setRect(-maps.extent, -maps.extent, 2 * maps.extent, 2 * maps.extent)


class GradientChart(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.plot = pg.PlotWidget(background="w")
        self.plot.setMouseEnabled(x=False, y=False)
        self.bars = pg.BarGraphItem(x=[], height=[], width=0.7, brush=pg.mkBrush(theme.BLUE), pen=pg.mkPen("k"))
        self.plot.addItem(self.bars)
        self.magnitudes = np.zeros(0)
        self.heading = _heading()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.heading)
        layout.addWidget(self.plot, 1)
        ZOOM.changed.connect(self._on_zoom_changed)
        self.retranslate()

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()

    def retranslate(self) -> None:
        # The axis's name goes under the title: written up the side of a short chart it is cut off when zoomed.
        style_plot(self.plot, self.tr("Gradient size per layer") + "\n" + self.tr("log₁₀ mean |∂L/∂w|"), {},
                   self.heading)
        self._set_ticks()

    @Slot(float)
    def _on_zoom_changed(self, _factor: float) -> None:
        self.retranslate()

    def _set_ticks(self) -> None:
        count = len(self.magnitudes)
        labels = [(p, self.tr("out") if p == count else str(p)) for p in range(1, count + 1)]
        self.plot.getPlotItem().getAxis("bottom").setTicks([labels])

    @Slot(object)
    def show_magnitudes(self, magnitudes: np.ndarray) -> None:
        """Bars for layer 1 (input side) … output; heights are log10 of the mean |∂L/∂w|."""
        magnitudes = check_finite(magnitudes, "the gradient chart")
        # The core sends finite sizes; should one not be (a release build), it is drawn at the floor.
        self.magnitudes = np.where(np.isfinite(magnitudes), magnitudes, 0.0)
        logs = np.log10(np.maximum(self.magnitudes, FLOOR))
        positions = np.arange(1, len(logs) + 1)
        bottom = float(np.floor(logs.min())) - 1 if len(logs) else -6.0
        self.bars.setOpts(x=positions, height=logs - bottom, y0=bottom, width=0.7)
        self._set_ticks()
        self.plot.setYRange(*finite_range((bottom, max(float(logs.max()) + 0.5, bottom + 1) if len(logs) else 0),
                                          fallback=(-6.0, 0.0)), padding=0)
        self.plot.setXRange(*finite_range((0.4, len(logs) + 0.6)), padding=0)
