"""NetworkLandscapePanel: a slice of the loss of the network being trained, with its own path on it.

It draws what the worker sends (core.landscape.slices's NetworkLandscape, then a LandscapeResult
with the 1-D line from the initial weights) and computes nothing: Compute and Cancel are
requests, answered by on_progress / on_finished / on_failed. The window also tells it when
the network is reset or rebuilt (on_network_replaced) and how far training has got
(on_training_step), so a slice of weights the network no longer has says so.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QEvent, QPointF, Signal, Slot
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from core.landscape.network import LandscapeResult
from core.landscape.slices import NetworkLandscape
from gui.landscape.contours import contour_segments
from gui.landscape.panels import CONTOUR_LEVELS, log_scale
from gui.landscape.slice_parts import (ABOVE, BELOW, LEFT, RIGHT, build_slice_controls, build_slice_plots,
                                       label_rect)
from gui.landscape.slice_parts import log_ticks as _log_ticks
from gui.landscape.state import SliceState
from gui.style import theme
from gui.style.numbers import fixed, percent
from gui.style.zoom import ZOOM
from gui.training.looks import PRESENTING_SCALE, font, points, set_title, style_plot

MAX_PATH_MARKERS = 40
STALE_OPACITY = 0.35  # a slice of a network that is gone: still readable, plainly not current
REPLACED_STYLE = (f"background: {theme.WARNING_BACKGROUND}; color: black; border-left: 6px solid {theme.VERMILLION}; "
                  "padding: 8px;")
MOVED_STYLE = f"background: #E3EEF6; color: black; border-left: 6px solid {theme.BLUE}; padding: 8px;"


class NetworkLandscapePanel(QWidget):
    """Directions and resolution, Compute / Cancel, the slice with the path, its true loss and the 1-D line."""

    compute_requested = Signal(str, int)  # directions ("random" or "pca"), resolution
    cancel_requested = Signal()
    landscape_shown = Signal(object)  # the NetworkLandscape just drawn (coarse or full), in the GUI thread
    changed = Signal()  # the directions or the resolution (what state() holds) changed

    def __init__(self, parent: QWidget | None = None, cnn: bool = False):
        """`cnn`: the panel slices the convolution lab's network, whose controls live in the Convolution tab."""
        super().__init__(parent)
        self.cnn = cnn
        self.landscape: NetworkLandscape | None = None
        self.result: LandscapeResult | None = None
        self.computing = False
        self.stale: str | None = None  # None (current), "reset" or "rebuilt" (a network that is gone), "moved"
        self.presenting = False
        build_slice_controls(self)
        build_slice_plots(self)
        self.title = QLabel("")
        self.title.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(self.controls)
        layout.addWidget(self.banner)
        layout.addLayout(self.plots, stretch=1)
        layout.addWidget(self.note)
        self._set_computing(False)
        ZOOM.changed.connect(self._on_zoom_changed)
        self.retranslate()

    def show_as_figure(self, title: str) -> None:
        """For a slide (snapshot): a title instead of the controls."""
        for index in range(self.controls.count()):
            widget = self.controls.itemAt(index).widget()
            if widget is not None:
                widget.hide()
        self.title.setText(title)
        self.title.show()
        if self.result is not None:  # a figure has no training to resume
            self._say("figure")

    # ------------------------------------------------------------------ state
    def state(self) -> SliceState:
        """How the next slice will be taken (the directions and the grid's resolution)."""
        return SliceState(self.directions_combo.currentData(), self.resolution_spin.value())

    def apply_state(self, state: SliceState) -> None:
        self.directions_combo.setCurrentIndex(self.directions_combo.findData(state.directions))
        self.resolution_spin.setValue(state.resolution)

    # ------------------------------------------------------------------ building
    # ------------------------------------------------------------------ language, zoom, presenter mode
    def retranslate(self) -> None:
        """Every word in the current language, every size at the current zoom; what is drawn stays."""
        scale = PRESENTING_SCALE if self.presenting else 1.0
        self.title.setFont(font(theme.TITLE_POINT_SIZE, bold=True, scale=scale))
        self.message.setFont(font(theme.BASE_POINT_SIZE, bold=True, scale=scale))
        self.banner.setFont(font(theme.BASE_POINT_SIZE + 2, bold=True, scale=scale))
        self.note.setFont(font(theme.BASE_POINT_SIZE, scale=scale))
        for label in (self.start_label, self.center_label):
            label.setFont(font(theme.TITLE_POINT_SIZE, bold=True, scale=scale))
        self.start_marker.setSize(ZOOM.px(22 * scale))
        self.center_marker.setSize(ZOOM.px(30 * scale))
        self.directions_label.setText(self.tr("Directions"))
        self.resolution_label.setText(self.tr("Resolution"))
        self.directions_combo.setItemText(0, self.tr("Random (filter-normalised)"))
        self.directions_combo.setItemText(1, self.tr("PCA of the training path"))
        self.directions_combo.setToolTip(self.tr(
            "Random: two random directions, each neuron's part scaled to that neuron's weights (Li et al. 2018).\n"
            "PCA: the two directions the training path moved along most; the path lies close to this plane."))
        self.resolution_spin.setToolTip(self.tr("Grid points along each axis: more is finer and slower."))
        self.compute_button.setText(self.tr("Compute"))
        self.compute_button.setToolTip(self.tr(
            "Pause training and compute the loss of your network around its current weights."))
        self.progress.setToolTip(self.tr("A coarse grid appears first, then the full one."))
        self.cancel_button.setText(self.tr("Cancel"))
        self.cancel_button.setToolTip(self.tr("Stop computing; the weights are untouched and training can go on."))
        self.map_title = self.tr("Loss around the current weights")
        style_plot(self.map.getPlotItem(), self.tr("α (direction 1)"), self.tr("β (direction 2)"), self.map_title,
                   scale)
        self.map.setToolTip(self.tr("Light is low loss, dark is high; the red line is the training path, "
                                    "from the circle (start) to the star (now)."))
        style_plot(self.path_plot.getPlotItem(), self.tr("training step"), self.tr("loss"),
                   self.tr("True loss along the path"), scale)
        self.path_plot.setToolTip(self.tr("The loss the network really had at each recorded step of its path."))
        style_plot(self.line_plot.getPlotItem(), self.tr("α: 0 = initial weights, 1 = now"), self.tr("loss"),
                   self.tr("Straight line from the start to now"), scale)
        self.line_plot.setToolTip(self.tr(
            "Loss at θ0 + α·(θ − θ0). A smooth curve downhill means training crossed no barrier on the way, "
            "even if its real path was anything but straight."))
        for mark, text in zip(self.line_marks, (self.tr("start"), self.tr("now"))):
            mark.label.setFormat(text)
            mark.label.setFont(font(theme.BASE_POINT_SIZE, scale=scale))
        self.note.setToolTip(self.tr(
            "The weights have many more than two numbers. The map is one flat slice through them, around the "
            "current weights (the star); the path's points are their nearest points on that slice."))
        self.start_label.setText(self.tr("start"))
        if self.landscape is not None:
            self._describe(self.landscape)
        else:
            self.note.setText(self.tr(
                "The path is projected onto this plane: its true loss (right) can differ from the surface under it."))
        self._set_stale(self.stale) if self.landscape is not None else self.center_label.setText(self.tr("now"))
        self._say(*self._said)

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    @Slot(float)
    def _on_zoom_changed(self, _factor: float) -> None:
        self.retranslate()

    def set_presenting(self, on: bool) -> None:
        """Presenter mode: larger captions and plot text; the directions and resolution row goes away."""
        self.presenting = bool(on)
        for index in range(self.controls.count()):
            widget = self.controls.itemAt(index).widget()
            if widget is not None and widget not in (self.progress, self.cancel_button):
                widget.setVisible(not self.presenting)
        self.retranslate()

    def _say(self, state: str, sentence: str | None = None) -> None:
        """Write the message under the plots for `state`, in the current language (again after a switch)."""
        self._said = (state, sentence)
        if state == "computing":
            text = self.tr("Computing… training is paused.")
        elif state == "cancelling":
            text = self.tr("Cancelling…")
        elif state == "failed":
            text = sentence or ""
        elif state == "figure" and self.result is not None:
            text = self.tr("Loss at the current weights: {0}.").format(fixed(self.result.landscape.center_loss, 4))
        elif state == "finished" and self.result is not None:
            resume = (self.tr("Training is paused: press Train in the Convolution tab to go on.") if self.cnn
                      else self.tr("Training is paused: press Play to go on."))
            text = self.tr("Loss at the current weights: {0}.").format(
                fixed(self.result.landscape.center_loss, 4)) + " " + resume
        elif state == "stale" and self.landscape is not None:
            text = self.tr("Loss at the star (step {0}): {1}.").format(
                int(self.landscape.path_steps[-1]), fixed(self.landscape.center_loss, 4))
        elif self.cnn:
            text = self.tr(
                "Train the convolution lab's network for a while (Convolution tab: Load data, then Train), then "
                "press Compute to see the loss around its current weights and the path training took.")
        else:
            text = self.tr("Train the network for a while (Training or Network tab), then press Compute to see the "
                           "loss around its current weights and the path training took.")
        self.message.setText(text)

    @Slot()
    def _place_labels(self, *_) -> None:
        """Put "start" where it does not cover "now": above its circle, else below, left or right of it."""
        if self.landscape is None or not self.start_label.isVisible():
            return
        box = self.map.getPlotItem().getViewBox()
        path = self.landscape.path
        start = box.mapViewToScene(QPointF(float(path[0, 0]), float(path[0, 1])))
        center = box.mapViewToScene(QPointF(0.0, 0.0))
        centre_rect = label_rect(self.center_label, center, ABOVE)
        for anchor in (ABOVE, BELOW, LEFT, RIGHT):
            if not label_rect(self.start_label, start, anchor).adjusted(-2, -2, 2, 2).intersects(centre_rect):
                break
        self.start_label.setAnchor(anchor)

    @Slot()
    def _on_setting_changed(self) -> None:
        self.changed.emit()

    # ------------------------------------------------------------------ requests
    @Slot()
    def request_compute(self) -> None:
        self._set_computing(True)
        self.progress.setValue(0)
        self._say("computing")
        self.compute_requested.emit(self.directions_combo.currentData(), self.resolution_spin.value())

    @Slot()
    def request_cancel(self) -> None:
        self._say("cancelling")
        self.cancel_requested.emit()

    def _set_computing(self, computing: bool) -> None:
        self.computing = computing
        self.progress.setVisible(computing)
        self.cancel_button.setVisible(computing)
        self.compute_button.setEnabled(not computing)

    # ------------------------------------------------------------------ answers
    @Slot(float, object)
    def on_progress(self, fraction: float, landscape: NetworkLandscape | None) -> None:
        self.progress.setValue(int(round(100 * fraction)))
        if landscape is not None and landscape is not self.landscape:
            self.show_landscape(landscape)

    @Slot(object)
    def on_finished(self, result: LandscapeResult) -> None:
        self._set_computing(False)
        self.result = result
        if result.landscape is not self.landscape:
            self.show_landscape(result.landscape)
        self.line_curve.setData(result.line_alphas, result.line_losses)
        self.line_plot.getPlotItem().enableAutoRange()
        self._say("finished")

    @Slot(bool)
    def on_network_replaced(self, reset: bool) -> None:
        """The network was reset (new weights) or rebuilt with new settings: the slice shows one that is gone."""
        if self.landscape is not None:
            self._set_stale("reset" if reset else "rebuilt")

    @Slot(int)
    def on_training_step(self, step: int) -> None:
        """Training has reached `step`: a slice taken at another step no longer shows the current weights."""
        if self.landscape is not None and self.stale is None and step != int(self.landscape.path_steps[-1]):
            self._set_stale("moved")

    @Slot(str)
    def on_failed(self, sentence: str) -> None:
        """Keep the last good picture and say what happened."""
        self._set_computing(False)
        self._say("failed", sentence)

    # ------------------------------------------------------------------ drawing
    def show_landscape(self, landscape: NetworkLandscape) -> None:
        self.landscape = landscape
        self._set_stale(None)  # what the worker sends is the network as it is now
        self.directions_combo.setCurrentIndex(self.directions_combo.findData(landscape.directions))  # say what it shows
        alpha, beta, loss = landscape.alpha, landscape.beta, landscape.loss
        finite = loss[np.isfinite(loss)]
        low, high = (float(finite.min()), float(finite.max())) if finite.size else (0.0, 1.0)
        z = log_scale(loss, low, max(high, low + 1e-12))
        top = float(z.max()) or 1.0
        self.image.setImage((np.clip(z / top, 0, 1) * 255).astype(np.uint8).T, levels=(0, 255), autoLevels=False)
        dx = (alpha[-1] - alpha[0]) / max(1, len(alpha) - 1) or 1.0
        dy = (beta[-1] - beta[0]) / max(1, len(beta) - 1) or 1.0
        self.image.setRect(alpha[0] - dx / 2, beta[0] - dy / 2, alpha[-1] - alpha[0] + dx, beta[-1] - beta[0] + dy)
        self._draw_contours(alpha, beta, z, top)
        path = landscape.path
        self.path_curve.setData(path[:, 0], path[:, 1])
        marked = path[:: max(1, len(path) // MAX_PATH_MARKERS)]  # a readable dotted line, not a caterpillar
        self.path_points.setData(marked[:, 0], marked[:, 1])
        self.start_marker.setData(path[:1, 0], path[:1, 1])
        self.center_marker.setData([0.0], [0.0])
        self.start_label.setPos(float(path[0, 0]), float(path[0, 1]))
        self.center_label.setPos(0.0, 0.0)
        self.start_label.setVisible(len(path) > 1)
        self.center_label.show()
        self._place_labels()
        self.map.getPlotItem().getViewBox().setRange(xRange=(alpha[0], alpha[-1]), yRange=(beta[0], beta[-1]),
                                                     padding=0.02)
        losses = np.asarray(landscape.path_loss, dtype=np.float64)
        log_axis = bool(len(losses) and (losses > 0).all())
        self.path_plot.getPlotItem().setLogMode(y=log_axis)
        # Labels at 1, 2 and 5 times the powers of ten: pyqtgraph's own labels every 0.1 overlap.
        self.path_plot.getPlotItem().getAxis("left").setTicks(_log_ticks(losses) if log_axis else None)
        self.path_loss_curve.setData(landscape.path_steps, losses)
        self.path_plot.getPlotItem().enableAutoRange()
        self._describe(landscape)
        self.landscape_shown.emit(landscape)

    def _draw_contours(self, alpha: np.ndarray, beta: np.ndarray, z: np.ndarray, top: float) -> None:
        points = np.empty((0, 2))
        if len(alpha) > 2 and len(beta) > 2:
            points = contour_segments(z.T, np.linspace(0, top, CONTOUR_LEVELS + 2)[1:-1])
        if len(points):
            # Grid index → axis value (the coarse grid's last step can be shorter than the others).
            self.contours.setData(np.interp(points[:, 0], np.arange(len(alpha)), alpha),
                                  np.interp(points[:, 1], np.arange(len(beta)), beta))
        else:
            self.contours.setData([], [])

    def _describe(self, landscape: NetworkLandscape) -> None:
        note = self.tr("The path is projected onto this plane: its true loss (right) can differ from the surface "
                       "under it.")
        if landscape.explained_variance is not None:
            first, second = (float(v) for v in landscape.explained_variance[:2])
            note += " " + self.tr("The two PCA directions hold {0} and {1} of the path's movement.").format(
                percent(first, 0), percent(second, 0))
        else:
            note += " " + self.tr("Random directions: the path may lie mostly off this plane.")
        self.note.setText(note)

    def _set_stale(self, stale: str | None) -> None:
        """Say whether the slice still shows the network being trained: a banner, dimmed plots, the map's title."""
        self.stale = stale
        gone = stale in ("reset", "rebuilt")
        for plot in (self.map, self.path_plot, self.line_plot):
            plot.getPlotItem().setOpacity(STALE_OPACITY if gone else 1.0)
        if stale is None:
            self.banner.hide()
            self.center_label.setText(self.tr("now"))
            set_title(self.map.getPlotItem(), self.map_title, color="black", size=points(theme.PLOT_LABEL_POINT_SIZE))
            return
        step = int(self.landscape.path_steps[-1])
        if stale == "reset":
            text = self.tr("This slice shows the network before it was reset; press Compute to slice the current one.")
            title = self.tr("Before the reset: loss around the weights of step {0}").format(step)
        elif stale == "rebuilt":
            text = self.tr("This slice shows the network before its settings changed; press Compute to slice the "
                           "current one.")
            title = self.tr("Before the settings changed: loss around the weights of step {0}").format(step)
        else:
            text = self.tr("Training has moved on since this slice; Compute again to follow it.")
            title = self.tr("Loss around the weights of step {0}").format(step)
        self.banner.setText(text)
        self.banner.setStyleSheet(REPLACED_STYLE if gone else MOVED_STYLE)
        self.banner.show()
        set_title(self.map.getPlotItem(), title, color=theme.GREY if gone else "black",
                  size=points(theme.PLOT_LABEL_POINT_SIZE))
        self.center_label.setText(self.tr("step {0}").format(step))  # the star is no longer "now"
        if self._said[0] != "computing":
            self._say("stale")
