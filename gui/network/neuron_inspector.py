"""NeuronInspector: one neuron up close, opened by clicking it on the graph.

Three pictures side by side: the incoming weights as signed bars (and the bias), the
neuron's own decision boundary over the input plane with the data on it, and a
histogram of its activation over the training set, stacked by class. Together they
answer "what does this neuron do?": which inputs it listens to, where it fires, and
whether it separates the classes or is saturated or dead.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, Qt, Slot
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from core.mlp.boundaries import BoundaryMaps
from core.data.input_features import FEATURE_LABELS
from core.mlp.inspection import NeuronActivity
from core.mlp.reports import RunInfo
from gui.network.boundary_view import BoundaryView, style_plot
from gui.network.items import zoomed_font
from gui.network.tips import class_word, neuron_title
from gui.style import theme
from gui.style.colours import CLASS_COLOURS
from gui.style.numbers import percent
from gui.style.plots import check_finite, finite_range
from gui.style.numbers import significant as number
from gui.style.zoom import ZOOM

HISTOGRAM_BINS = 24
LABELLED_WEIGHTS = 16  # more incoming weights than this: label every few bars only


def _plain_plot() -> pg.PlotWidget:
    """A still plot: words and fonts come from NeuronInspector.retranslate (style_plot)."""
    plot = pg.PlotWidget(background="w")
    item = plot.getPlotItem()
    for side in ("left", "bottom"):
        item.getAxis(side).enableAutoSIPrefix(False)  # weights are read as plain numbers, never "×0.001"
    plot.setMouseEnabled(x=False, y=False)
    item.hideButtons()
    return plot


class NeuronInspector(QDialog):
    """A window beside the main one; it follows training live until closed."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setModal(False)
        self.resize(1500, 560)
        self.info: RunInfo | None = None
        self.neuron: tuple[int, int] | None = None  # (linear layer, index)
        self.activity: NeuronActivity | None = None

        self.title = QLabel()
        self.formula = QLabel()
        self.formula.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.formula.setWordWrap(True)

        self.weights_plot = _plain_plot()
        self.weight_bars = pg.BarGraphItem(x0=[], y=[], height=0.7, width=[], pen=pg.mkPen(theme.GREY))
        self.weights_plot.addItem(self.weight_bars)
        self.weights_plot.addItem(pg.InfiniteLine(0, angle=90, pen=pg.mkPen(theme.BLACK, width=1)))
        self.boundary = BoundaryView()
        self.histogram_plot = _plain_plot()
        self.histogram_bars: list[pg.BarGraphItem] = []
        self.legend = QLabel()

        pictures = QHBoxLayout()
        pictures.addWidget(self.weights_plot, 1)
        pictures.addWidget(self.boundary, 1)
        pictures.addWidget(self.histogram_plot, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.formula)
        layout.addLayout(pictures, 1)
        layout.addWidget(self.legend)
        self._title_source: tuple | None = None  # (view, column, index): the title is said again in another language
        ZOOM.changed.connect(self._on_zoom_changed)
        self.retranslate()

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()

    def retranslate(self) -> None:
        """Words and fonts in the current language and zoom; the numbers on show are written again."""
        self.setWindowTitle(self.tr("Neuron inspector"))
        self.title.setFont(zoomed_font(theme.TITLE_POINT_SIZE, bold=True))
        self.formula.setFont(zoomed_font(theme.PLOT_LABEL_POINT_SIZE))
        self.legend.setFont(zoomed_font(theme.PLOT_TICK_POINT_SIZE))
        style_plot(self.weights_plot, self.tr("Incoming weights and bias"), {"bottom": self.tr("value")})
        self.weights_plot.getPlotItem().getAxis("left").setWidth(ZOOM.px(72))  # room for "sin(x₁)", "h1·12"
        style_plot(self.histogram_plot, self.tr("Its activation over the training set"),
                   {"bottom": "a", "left": self.tr("examples")})
        self.boundary.set_title(self.tr("Its output over the input plane"))
        if self._title_source is not None and _names_a_neuron(*self._title_source):
            # (the view may hold another architecture by now: then the title written before stays)
            self.title.setText(neuron_title(*self._title_source))
        if self.info is not None:
            self._write_legend(self.info)
        if self.activity is not None:
            self.formula.setText(self._formula(self.activity))
            self._draw_weights(self.activity)
        elif self.neuron is not None:
            self.formula.setText(self.tr("Waiting for the numbers…"))

    @Slot(float)
    def _on_zoom_changed(self, _factor: float) -> None:
        self.retranslate()

    # ------------------------------------------------------------------ what is inspected
    def inspect(self, info: RunInfo, neuron: tuple[int, int], title) -> None:
        """Show neuron (layer, index) of the run `info`; the numbers follow with the next report.

        `title` is the neuron's name, or (view, column, index) for tips.neuron_title, said again on a language change.
        """
        if info is not self.info:
            self.info = info
            self.boundary.setVisible(not info.dataset.is_image)
            if not info.dataset.is_image:
                self.boundary.set_dataset(info.dataset, info.output_activation)
            self._build_histogram_items(info)
        self.neuron = neuron
        self.activity = None
        self._title_source = title if isinstance(title, tuple) else None
        self.title.setText(neuron_title(*title) if isinstance(title, tuple) else title)
        self.formula.setText(self.tr("Waiting for the numbers…"))

    def _build_histogram_items(self, info: RunInfo) -> None:
        for bars in self.histogram_bars:
            self.histogram_plot.removeItem(bars)
        groups = len(info.dataset.class_names) if info.task != "regression" else 1
        colours = CLASS_COLOURS if groups > 1 else (theme.SKY,)
        self.histogram_bars = []
        for group in range(groups):
            bars = pg.BarGraphItem(x=[], height=[], width=1.0, brush=pg.mkBrush(colours[group % len(colours)]),
                                   pen=pg.mkPen(theme.BLACK, width=0.5))
            self.histogram_plot.addItem(bars)
            self.histogram_bars.append(bars)
        self._write_legend(info)

    def _write_legend(self, info: RunInfo) -> None:
        groups = len(info.dataset.class_names) if info.task != "regression" else 1
        names = info.dataset.class_names if groups > 1 else ()
        self.legend.setText("   ".join(
            f"<span style='color:{CLASS_COLOURS[i % len(CLASS_COLOURS)]}; font-size:{ZOOM.pt(18):.0f}pt'>■</span> "
            + self.tr("class {0}").format(class_word(name)) for i, name in enumerate(names)))

    # ------------------------------------------------------------------ numbers
    def show_activity(self, activity: NeuronActivity, maps: BoundaryMaps | None) -> None:
        """Redraw from a worker report (ignored if it is about another neuron)."""
        if self.neuron != (activity.layer, activity.index):
            return
        check_finite(activity.weights, "the neuron inspector's weights")
        check_finite(activity.values, "the neuron inspector's activations")
        self.activity = activity
        self.formula.setText(self._formula(activity))
        self._draw_weights(activity)
        self._draw_histogram(activity)
        if maps is not None and activity.layer < len(maps.layers):
            self.boundary.show_values(maps.layers[activity.layer][activity.index], activity.activation, maps.extent)

    def source_names(self, activity: NeuronActivity) -> list[str]:
        if activity.layer == 0 and self.info is not None:
            return [FEATURE_LABELS.get(name, name) for name in self.info.input_names]
        return [self.tr("h{0}·{1}").format(activity.layer, i + 1) for i in range(len(activity.weights))]

    def _formula(self, activity: NeuronActivity) -> str:
        names = self.source_names(activity)
        terms = [f"({number(w)}·{name})" for w, name in zip(activity.weights[:6], names)]
        if len(activity.weights) > 6:
            terms.append(self.tr("… {0} more").format(len(activity.weights) - 6))
        values = activity.values
        share = self._saturation(activity)
        return (f"a = {activity.activation}(z),   z = " + " + ".join(terms) + f" + ({number(activity.bias)})<br>"
                + self.tr("Over {0} training examples a ranges from {1} to {2} (mean {3}). {4}").format(
                    len(values), number(values.min()), number(values.max()), number(values.mean()), share))

    def _saturation(self, activity: NeuronActivity) -> str:
        """A plain-language remark when a neuron is dead or saturated: the usual reasons it stops learning."""
        values = activity.values
        if activity.activation == "relu" and np.all(values <= 0):
            return self.tr("It outputs 0 for every example: a dead ReLU, it no longer learns.")
        limits = {"tanh": 0.95, "sigmoid": 0.95}
        if activity.activation in limits:
            high = limits[activity.activation]
            saturated = np.mean((values > high) | (values < (1 - high if activity.activation == "sigmoid" else -high)))
            if saturated > 0.5:
                return self.tr("{0} of examples saturate it, where its gradient is nearly 0.").format(
                    percent(saturated, 0))
        return ""

    def _draw_weights(self, activity: NeuronActivity) -> None:
        values = np.nan_to_num(np.append(activity.weights, activity.bias).astype(float))
        rows = np.arange(len(values))
        brushes = [pg.mkBrush(theme.ORANGE if value >= 0 else theme.BLUE) for value in activity.weights]
        brushes.append(pg.mkBrush(theme.GREY))  # the bias: a different kind of number
        self.weight_bars.setOpts(x0=np.minimum(values, 0), y=rows, width=np.abs(values), height=0.7, brushes=brushes)
        names = [*self.source_names(activity), "b"]
        every = max(1, len(names) // LABELLED_WEIGHTS)
        ticks = [(int(row), name) for row, name in zip(rows, names) if row % every == 0 or row == len(rows) - 1]
        axis = self.weights_plot.getPlotItem().getAxis("left")
        axis.setTicks([ticks])
        reach = max(float(np.abs(values).max()), 1e-3) * 1.1
        self.weights_plot.setXRange(*finite_range((-reach, reach)), padding=0)
        self.weights_plot.setYRange(*finite_range((-0.6, len(values) - 0.4)), padding=0)
        self.weights_plot.getPlotItem().invertY(True)  # the first input at the top, as on the graph

    def _draw_histogram(self, activity: NeuronActivity) -> None:
        values = np.nan_to_num(np.asarray(activity.values, dtype=float))  # float64: its span never overflows
        low, high = finite_range(values, fallback=(-0.5, 0.5), min_span=0.0)
        if high - low < 1e-9 * max(1.0, abs(low)):
            half = max(0.5, abs(low) * 1e-6)
            low, high = low - half, high + half
        edges = np.linspace(low, high, HISTOGRAM_BINS + 1)
        centres, width = (edges[:-1] + edges[1:]) / 2, edges[1] - edges[0]
        bottom = np.zeros(HISTOGRAM_BINS)
        groups = len(self.histogram_bars)
        for group, bars in enumerate(self.histogram_bars):
            chosen = values if groups == 1 else values[activity.targets.astype(int) == group]
            counts, _ = np.histogram(chosen, bins=edges)
            bars.setOpts(x=centres, height=counts, y0=bottom.copy(), width=width * 0.95)
            bottom += counts
        self.histogram_plot.setXRange(*finite_range((low, high)), padding=0.05)
        self.histogram_plot.setYRange(*finite_range((0, max(float(bottom.max()), 1.0) * 1.08)), padding=0)


def _names_a_neuron(view, column: int, index: int) -> bool:
    """True while (column, index) is still a neuron of the network `view` shows."""
    sizes = getattr(view, "sizes", ())
    return 0 <= column < len(sizes) and 0 <= index < sizes[column] and (
        column in (0, len(sizes) - 1) or column - 1 < len(getattr(view, "activations", ())))
