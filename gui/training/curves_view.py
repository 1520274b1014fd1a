"""TrainingView: live train/test loss and accuracy curves of a TrainingProgress stream.

It keeps a MetricsHistory (the model) and redraws only in its handlers. Drawing is
cheap on purpose: one curve item per line, clipped and downsampled by pyqtgraph, so
training in the worker thread keeps its speed while the curves move.
"""

from __future__ import annotations

import math
from types import SimpleNamespace

import numpy as np

import pyqtgraph as pg
from PySide6.QtCore import QEvent, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QPen
from PySide6.QtWidgets import QGraphicsItem, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from core.mlp.reports import METRICS, MetricsHistory, RunInfo, TrainingProgress
from core.optimizers import OPTIMIZERS
from gui.style import theme
from gui.style.plots import finite_range
from gui.style.zoom import ZOOM
from gui.training.looks import PRESENTING_SCALE, font, points, set_title, style_plot
from gui.training.names import dataset_name
from gui.training.names import name as named
from gui.training.state import CurvesState
# At most about 15 redraws a second. Reports come 30 times a second; painting two plots is
# most of the GUI thread's work while training, and the GUI thread's time is taken from the
# worker's interpreter (bench/training_overhead.py: ratio 0.84 → 0.87 with this). A loss
# curve at 15 frames a second still moves smoothly; the newest report is always drawn.
REDRAW_INTERVAL_MS = 66


def _pen(colour: str, dashed: bool) -> QPen:
    pen = pg.mkPen(colour, width=theme.LINE_WIDTH)
    if dashed:
        pen.setStyle(Qt.PenStyle.DashLine)
    return pen


class PlainAxis(pg.AxisItem):
    """Tick labels as plain numbers (0.25, 12,000, 3e+08): no SI prefixes, never blank."""

    def tickStrings(self, values, scale, spacing):  # noqa: N802 (pyqtgraph's name)
        return [_tick(value * scale) for value in values]


def _tick(value: float) -> str:
    if float(value).is_integer() and abs(value) < 1e7:
        return f"{int(value):,}"
    return f"{value:.4g}"


class TrainingView(QWidget):
    """Two plots side by side (loss, accuracy) under a title and a live readout.

    The Training tab. Presenter protocol: `set_presenting(on)` makes the charts' text larger;
    Play and the clicker keys are the window's (it drives the TrainingSession, which this view
    only draws). `state()` / `apply_state()` carry the curves' history into a session file.
    """

    state_changed = Signal(object)  # CurvesState; the history grows with every report, so it is read when saved

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.history = MetricsHistory()
        self.task = "binary"
        self.info: RunInfo | None = None
        self._restored = False  # apply_state() showed saved curves that the next run keeps
        self.presenting = False
        self.setAutoFillBackground(True)
        self.setStyleSheet("TrainingView { background: white; }")

        self.title = QLabel()
        self.title.setWordWrap(True)  # wrap rather than force a wide window or snapshot
        self.readout = QLabel("")
        self.readout.setWordWrap(True)
        self.banner = QLabel("")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(
            f"background: {theme.WARNING_BACKGROUND}; color: black; border-left: 6px solid {theme.VERMILLION};"
            "padding: 8px;"
        )
        self.banner.hide()

        # Legends sit where the curves are not: loss falls (top right is free), accuracy rises.
        self.loss_plot = self._make_plot(legend_offset=(-10, 10))
        self.accuracy_plot = self._make_plot(legend_offset=(-10, -10))
        self.accuracy_plot.setYRange(0, 100, padding=0.06)
        self.accuracy_plot.getViewBox().setLimits(yMin=-5, yMax=105)
        self.no_accuracy = QLabel()
        self.no_accuracy.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.no_accuracy.setWordWrap(True)
        self.no_accuracy.hide()

        self._redraw_timer = QTimer(self)
        self._redraw_timer.setSingleShot(True)
        self._redraw_timer.setInterval(REDRAW_INTERVAL_MS)
        self._redraw_timer.timeout.connect(self._on_redraw_due)
        self._redraw_pending = False

        self.curves = {
            "train_loss": self._add_curve(self.loss_plot, theme.TRAIN_COLOUR, False),
            "test_loss": self._add_curve(self.loss_plot, theme.TEST_COLOUR, True),
            "train_accuracy": self._add_curve(self.accuracy_plot, theme.TRAIN_COLOUR, False),
            "test_accuracy": self._add_curve(self.accuracy_plot, theme.TEST_COLOUR, True),
        }
        self.divergence = DivergenceMark(self.loss_plot)

        plots = QHBoxLayout()
        plots.addWidget(self.loss_plot, 1)
        plots.addWidget(self.accuracy_plot, 1)
        plots.addWidget(self.no_accuracy, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.readout)
        layout.addWidget(self.banner)
        layout.addLayout(plots, 1)
        ZOOM.changed.connect(self._on_zoom_changed)
        self.retranslate()

    # ------------------------------------------------------------------ building
    def _make_plot(self, legend_offset: tuple[int, int]) -> pg.PlotWidget:
        plot = pg.PlotWidget(background="w", axisItems={"left": PlainAxis("left"), "bottom": PlainAxis("bottom")})
        plot.setMinimumSize(160, 140)
        item = plot.getPlotItem()
        item.showGrid(x=True, y=True, alpha=0.15)
        for side in ("left", "bottom"):
            # The grid is drawn by the axes across the plot: cache it as a pixmap, so a moving
            # curve does not replay it in Python (and hold the GIL) on every frame.
            item.getAxis(side).setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        item.getViewBox().disableAutoRange()
        legend = item.addLegend(offset=legend_offset, labelTextColor="k")
        legend.setBrush(pg.mkBrush(255, 255, 255, 220))
        legend.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        plot.setMenuEnabled(True)
        return plot

    def _add_curve(self, plot: pg.PlotWidget, colour: str, dashed: bool) -> pg.PlotDataItem:
        curve = plot.plot([], [], pen=_pen(colour, dashed), name=" ")
        curve.setClipToView(True)
        curve.setDownsampling(auto=True, method="peak")
        return curve

    # ------------------------------------------------------------------ language, zoom, presenter mode
    def retranslate(self) -> None:
        """Every text in the current language, every font at the current zoom (and presenter size)."""
        scale = PRESENTING_SCALE if self.presenting else 1.0
        self.title.setFont(font(theme.TITLE_POINT_SIZE, bold=True, scale=scale))
        for label in (self.readout, self.banner, self.no_accuracy):
            label.setFont(font(theme.PLOT_LABEL_POINT_SIZE, scale=scale))
        self.title.setText(self._title())
        step = self.tr("training step")
        for plot, title, y_label in ((self.loss_plot, self.tr("Loss"), self.tr("loss")),
                                     (self.accuracy_plot, self.tr("Accuracy"), self.tr("accuracy (%)"))):
            item = plot.getPlotItem()
            style_plot(item, step, y_label, scale=scale)
            set_title(item, title, color="black", size=points(theme.TITLE_POINT_SIZE, scale))
        names = {"train": self.tr("train"), "test": self.tr("test")}
        for plot in (self.loss_plot, self.accuracy_plot):
            legend = plot.getPlotItem().legend
            legend.setLabelTextSize(points(theme.PLOT_LABEL_POINT_SIZE, scale))
            for _sample, label in legend.items:
                label.setText(names["test" if _sample.item in (self.curves["test_loss"], self.curves["test_accuracy"])
                                    else "train"], size=points(theme.PLOT_LABEL_POINT_SIZE, scale), color="k")
            legend.updateSize()
        self.no_accuracy.setText(self.tr("Accuracy has no meaning for regression:\nwatch the loss (mean squared error)."))
        self.divergence.restyle(self._divergence_label(), scale)
        self._update_readout()

    def _divergence_label(self) -> str:
        divergence = self.history.divergence
        if divergence is None:
            return ""
        value = divergence.value
        shown = "NaN" if math.isnan(value) else "∞" if math.isinf(value) else f"{value:.3g}"
        return self.tr("diverged:\nloss {0}").format(shown)

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    @Slot(float)
    def _on_zoom_changed(self, _factor: float) -> None:
        self.retranslate()

    def set_presenting(self, on: bool) -> None:
        """Presenter mode: larger titles, readout, axis names and legends; False restores them."""
        self.presenting = bool(on)
        self.retranslate()

    def _title(self) -> str:
        """The run in words ("spiral · 2-8-8-1 · tanh · Adam η=0.03 · batch 16"), in the current language."""
        if self.info is None:
            return self.tr("Press Play to train")
        config, parts = self.info.config, self.info.title.split(" · ")
        architecture = parts[1] if len(parts) > 1 else ""
        batch = parts[4].rsplit(" ", 1)[-1] if len(parts) > 4 else str(config.batch_size)
        activations = config.layer_activations or (config.activation,)
        # Activations as the command line spells them (relu, tanh), translated where a word is English ("linear").
        words = [dataset_name(config.dataset), architecture, ",".join(named(a) for a in activations),
                 f"{OPTIMIZERS.get(config.optimizer, config.optimizer)} η={config.learning_rate:g}",
                 self.tr("batch {0}").format(batch), *parts[5:]]
        return " · ".join(word for word in words if word)

    # ------------------------------------------------------------------ state
    def state(self) -> CurvesState:
        """The curves so far (thinned to at most MAX_HISTORY_ROWS points), for a session file."""
        columns = [np.asarray(self.history.column(name)) for name in METRICS]
        return CurvesState.of_rows(zip(*columns)) if len(self.history) else CurvesState()

    def apply_state(self, state: CurvesState, next_run_keeps: bool = True) -> None:
        """Show a saved history. With `next_run_keeps`, the next run_started (the restored run's, when the
        curves come before it) keeps them; pass False when the run they belong to has already started."""
        self.history = MetricsHistory()
        self.history.extend(SimpleNamespace(**dict(zip(METRICS, row))) for row in state.rows)
        self._restored = bool(state.rows) and next_run_keeps
        self.redraw()

    # ------------------------------------------------------------------ handlers
    @Slot(object, bool)
    def on_run_started(self, info: RunInfo, keep_history: bool = False) -> None:
        """A new or changed run: retitle, and start the curves afresh unless only tuning changed."""
        self.task = info.task
        self.info = info
        self.title.setText(self._title())
        self.banner.hide()
        regression = info.task == "regression"
        self.accuracy_plot.setVisible(not regression)
        self.no_accuracy.setVisible(regression)
        if self._restored:
            # A session restored these curves before its run arrived: keep them. The run's first report
            # replaces the rows from its step on (MetricsHistory.extend), so a reset to step 0 clears them.
            self._restored = False
            self.redraw()
        elif not keep_history:
            self.history.clear()
            self.redraw()

    @Slot(object)
    def on_progress(self, progress: TrainingProgress) -> None:
        if progress.evaluations:
            self.history.extend(progress.evaluations)
            self._request_redraw()

    @property
    def redraw_pending(self) -> bool:
        """True while newer numbers wait for the next redraw (at most REDRAW_INTERVAL_MS away)."""
        return self._redraw_pending

    def show_history(self, history: MetricsHistory) -> None:
        """Show a whole recorded history at once (the command line's snapshot), its divergence drawn."""
        self.history = history
        self.redraw()
        high = max(self._last_step(history.column("step")), 1.0)
        if self.divergence.x is not None:  # room for the divergence's label, right of its line
            high = max(high, self.divergence.x + max(2.0, 0.6 * self.divergence.x))
        for plot in (self.loss_plot, self.accuracy_plot):  # a finished run: no room to grow
            plot.setXRange(*finite_range((0.0, high)), padding=0.02)
        self.divergence.place(*self.loss_plot.getViewBox().viewRange()[1])

    def show_warning(self, message: str) -> None:
        self.banner.setText(message)
        self.banner.show()

    def hide_warning(self) -> None:
        self.banner.hide()

    # ------------------------------------------------------------------ drawing
    def _request_redraw(self) -> None:
        """Draw now, unless a redraw happened less than REDRAW_INTERVAL_MS ago: then the timer draws the newest."""
        if self._redraw_timer.isActive():
            self._redraw_pending = True
            return
        self.redraw()
        self._redraw_timer.start()

    @Slot()
    def _on_redraw_due(self) -> None:
        if self._redraw_pending:
            self.redraw()
            self._redraw_timer.start()

    def redraw(self) -> None:
        self._redraw_pending = False
        steps = self.history.column("step")
        for name, curve in self.curves.items():
            values = self.history.column(name)
            if name.endswith("accuracy"):
                values = values * 100.0
            # A loss can overflow on finite weights (a typed weight of a million): a gap, never an infinite point.
            curve.setData(steps, np.where(np.isfinite(values) & (np.abs(values) < 1e300), values, np.nan))
        self.divergence.show(self.history.divergence, self._divergence_label())
        self._fit_ranges(steps)
        self._update_readout()

    def _last_step(self, steps) -> float:
        """The last step drawn: the newest evaluation's, or the divergence marker's if it is further."""
        last = float(steps[-1]) if len(steps) else 0.0
        divergence = self.history.divergence
        return max(last, float(divergence.step - 1)) if divergence is not None else last

    def _fit_ranges(self, steps) -> None:
        """Grow the axes in coarse jumps instead of autoscaling every frame.

        A range change redraws the axes and grid, the costliest part of a frame; growing
        the step axis by half again and the loss axis only to a new maximum keeps
        that rare, so training keeps its speed while the curves move.
        """
        last_step = self._last_step(steps)
        x_high = self.loss_plot.getViewBox().viewRange()[0][1]
        if last_step > x_high or last_step < x_high / 4 or not len(steps):
            x_high = max(10.0, last_step * 1.5)
            for plot in (self.loss_plot, self.accuracy_plot):
                plot.setXRange(*finite_range((0.0, x_high)), padding=0.02)
        losses = np.concatenate([self.history.column("train_loss"), self.history.column("test_loss"),
                                 self.divergence.run_up_losses()])
        losses = losses[np.isfinite(losses) & (np.abs(losses) < 1e300)]
        if len(losses):
            bottom, top = finite_range(losses)
            low, high = self.loss_plot.getViewBox().viewRange()[1]
            if top > high or top < high / 3 or low != 0.0 and bottom < low:
                self.loss_plot.setYRange(*finite_range((min(0.0, bottom), top * 1.1)), padding=0)
        self.divergence.place(*self.loss_plot.getViewBox().viewRange()[1])

    def _update_readout(self) -> None:
        last = self.history.last()
        if last is None:
            self.readout.setText("")
            return
        parts = [
            self.tr("step {0}").format(int(last["step"])),
            self.tr("train loss {0}").format(_number(last["train_loss"])),
            self.tr("test loss {0}").format(_number(last["test_loss"])),
        ]
        if self.task != "regression":
            parts.append(self.tr("test accuracy {0}").format(_percent(last["test_accuracy"])))
        self.readout.setText("   ·   ".join(parts))


def _number(value: float) -> str:
    return "—" if math.isnan(value) else f"{value:.4f}"


def _percent(value: float) -> str:
    return "—" if math.isnan(value) else f"{100 * value:.1f}%"


class DivergenceMark:
    """A divergence drawn on the loss chart: the losses rising to the last finite one, and where it broke.

    The run-up is a dotted line with dots in the train colour; the step where the loss became
    non-finite (or exploded) gets a black dotted vertical line, an upward triangle at the top
    edge (the loss left the chart) and a short label, so shape and words carry it, not colour.
    """

    def __init__(self, plot: pg.PlotWidget):
        pen = pg.mkPen(theme.TRAIN_COLOUR, width=theme.LINE_WIDTH, style=Qt.PenStyle.DotLine)
        self.run_up = pg.PlotDataItem([], [], pen=pen, symbol="o", symbolSize=6,
                                      symbolBrush=pg.mkBrush(theme.TRAIN_COLOUR), symbolPen=None)
        self.line = pg.InfiniteLine(angle=90, pen=pg.mkPen(theme.BLACK, width=2, style=Qt.PenStyle.DotLine))
        self.marker = pg.ScatterPlotItem(symbol="t1", size=18, brush=pg.mkBrush(theme.YELLOW),
                                         pen=pg.mkPen(theme.BLACK, width=2))
        # Right of the line, halfway up: after a divergence nothing is drawn there, and the legend is above.
        self.label = pg.TextItem("", color=theme.BLACK, anchor=(-0.08, 0.5), fill=pg.mkBrush(255, 255, 255, 220))
        self.items = (self.run_up, self.line, self.marker, self.label)
        for item in self.items:
            item.setZValue(20)
            plot.addItem(item, ignoreBounds=True)
            item.hide()
        self.x: float | None = None
        self._losses = np.zeros(0)

    def restyle(self, text: str, scale: float) -> None:
        self.label.setFont(font(theme.PLOT_LABEL_POINT_SIZE, scale=scale))
        self.label.setText(text)

    def show(self, divergence, text: str) -> None:
        """Draw `divergence` (core.mlp.trainer.Divergence), or hide the mark when it is None."""
        if divergence is None:
            self.x, self._losses = None, np.zeros(0)
            for item in self.items:
                item.hide()
            return
        # A loss at step k was measured on the weights after k − 1 steps: where the curves put them.
        run_up = np.asarray(divergence.run_up, dtype=float).reshape(-1, 2)
        run_up = run_up[np.isfinite(run_up).all(axis=1)]
        self._losses = run_up[:, 1]
        self.x = float(divergence.step - 1)
        self.run_up.setData(run_up[:, 0] - 1, run_up[:, 1])
        self.line.setPos(self.x)
        self.label.setText(text)
        for item in self.items:
            item.show()

    def run_up_losses(self) -> np.ndarray:
        return self._losses

    def place(self, bottom: float, top: float) -> None:
        """Put the triangle and the label just under the top of the loss axis, at the divergence's step."""
        if self.x is None or not np.isfinite(top - bottom):
            return
        y = top - 0.04 * (top - bottom)
        self.marker.setData([self.x], [y])
        self.label.setPos(self.x, bottom + 0.5 * (top - bottom))
