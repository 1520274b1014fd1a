"""SaliencyPanel: the lab's "Where does it look?" sub-view, live: the maps follow the image, the model and training.

It joins the drawing part (SaliencyView), its worker (SaliencyRunner: gradient and Grad-CAM, then
occlusion, the newest request wins) and the occlusion replay (the square moving at a classroom's
pace). What asks for what:
- a new image (a drawing stroke too), model, class or Grad-CAM layer: new gradient and Grad-CAM maps
  (a few milliseconds). At most one request is in flight; changes meanwhile are asked for once it answers.
- a new image once the pen has lifted, a new model, class, square or step: occlusion again, animated.
- new weights of the network in training: the cheap maps only. Occlusion keeps its map (restarting it
  thirty times a second would never finish); "Run occlusion" makes a new one (its tooltip says so).
Hidden, the panel asks for nothing: it remembers what is stale and catches up when it is shown.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QT_TR_NOOP, Signal, Slot
from PySide6.QtWidgets import QVBoxLayout, QWidget

from core.data.images import LoadedImage
from gui.convolution.explain.model_shelf import LIVE_MODEL, LiveNetwork
from gui.convolution.explain.saliency.saliency_replay import OcclusionReplay
from gui.convolution.explain.saliency.saliency_view import SaliencyView
from gui.convolution.explain.saliency.saliency_worker import SaliencyRunner
from gui.convolution.looks import translate
from gui.convolution.state import SaliencyState
from gui.style import theme

OCCLUSION_FAILED = QT_TR_NOOP("Occlusion stopped: {0}")
NO_CONVOLUTION = QT_TR_NOOP("Grad-CAM needs a convolution layer, and this network has none.")


class SaliencyPanel(QWidget):
    """Three maps of where the network looks for a class, kept up to date with the lab."""

    changed = Signal()  # the user changed a saliency choice (a class, the layer, the square, the strength)
    explained = Signal()  # new gradient and Grad-CAM maps are on screen
    occlusion_finished = Signal()  # the occlusion replay reached its end and the finished map is on screen
    occlusion_stopped = Signal()  # Stop, or a problem, ended the replay early

    def __init__(self, models_dir: str | os.PathLike | None = None, threaded: bool = True,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.view = SaliencyView()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        self.runner = SaliencyRunner(models_dir, threaded, self)
        self.replay = OcclusionReplay(self)
        self.model = ""
        self.image: LoadedImage | None = None
        self.target: int | None = None  # None: the network's answer
        self.layer = ""  # Grad-CAM's layer; "": the default (the last convolution's rectified maps)
        self._cheap_stale = False  # the cheap maps need asking for (hidden, or a request already in flight)
        self._occlusion_stale = False
        self._settled = True  # False mid-stroke: occlusion waits for the pen to lift
        self._problem = ""  # the last sentence refusing the cheap maps ("" when they are fine)

        view = self.view
        view.bars.class_chosen.connect(self._on_class_chosen)
        view.back_button.clicked.connect(self.explain_answer)
        view.layer_combo.activated.connect(self._on_layer_chosen)
        view.window_spin.valueChanged.connect(self._on_square_changed)
        view.stride_spin.valueChanged.connect(self._on_square_changed)
        view.run_button.clicked.connect(self.run_occlusion)
        view.stop_button.clicked.connect(self.stop_occlusion)
        view.opacity.valueChanged.connect(self._on_opacity_changed)
        view.stop_button.setEnabled(False)
        self.runner.explained.connect(self._on_explained)
        self.runner.occlusion_progressed.connect(self._on_occlusion_progressed)
        self.runner.occluded.connect(self._on_occluded)
        self.runner.refused.connect(self._on_refused)
        self.runner.failed.connect(self._on_failed)
        self.replay.progressed.connect(self._on_replay_progressed)
        self.replay.finished.connect(self._on_replay_finished)

    # ------------------------------------------------------------------ the lab's inputs
    def set_model(self, name: str) -> None:
        """Explain through model `name` (a stored model or LIVE_MODEL); a new model explains its own answer."""
        if name == self.model:
            return
        self.model, self.target = name, None
        self._ask(occlusion=True)

    def set_image(self, image: LoadedImage | None, settled: bool = True) -> None:
        """A new image; `settled` False while a pen is still drawing (occlusion waits for it to lift)."""
        self.image, self._settled = image, settled
        self._ask(occlusion=True)

    def set_live_network(self, network: LiveNetwork) -> None:
        self.runner.set_live_network(network)
        if self.model == LIVE_MODEL:
            self._ask(occlusion=True)

    def set_live_weights(self, weights: dict) -> None:
        """The network in training moved on: new cheap maps; occlusion keeps its map until Run occlusion."""
        self.runner.set_live_weights(weights)
        if self.model == LIVE_MODEL:
            self._ask(occlusion=False)

    def forget(self, name: str) -> None:
        """Model `name` was saved over: read it again, and explain with it if it is the one shown."""
        self.runner.forget(name)
        if name == self.model:
            self._ask(occlusion=True)

    # ------------------------------------------------------------------ the user's choices
    def explain_class(self, index: int | None) -> None:
        """Explain class `index` (None: the network's answer, whatever it becomes)."""
        if index == self.target:
            return
        self.target = index
        self._ask(occlusion=True)
        self.changed.emit()

    @Slot()
    def explain_answer(self) -> None:
        self.explain_class(None)

    def set_layer(self, name: str) -> None:
        """Grad-CAM at layer `name` ("" for the default)."""
        if name != self.layer:
            self.layer = name
            self._ask(occlusion=False)
            self.changed.emit()

    @Slot()
    def run_occlusion(self) -> None:
        """Slide the square over the image again, animated."""
        self._occlusion_stale = True
        self._ask(occlusion=True)

    @Slot()
    def stop_occlusion(self) -> None:
        """Halt the square where it is; the map keeps what it has."""
        if not self.replay.running:
            return
        self.runner.cancel_occlusion()
        self.replay.stop()
        self.view.show_occlusion(None, stopped=(self.replay.done, self.replay.total))
        self.view.stop_button.setEnabled(False)
        self.occlusion_stopped.emit()

    @property
    def occluding(self) -> bool:
        """True while the square is moving (computed or replayed)."""
        return self.replay.running

    @property
    def pending(self) -> bool:
        return self.runner.pending or self._cheap_stale

    # ------------------------------------------------------------------ state
    def state(self) -> SaliencyState:
        return SaliencyState(target=self.target, layer=self.layer, window=self.view.window_spin.value(),
                             stride=self.view.stride_spin.value(), opacity=self.view.opacity_value)

    def apply_state(self, state: SaliencyState) -> None:
        view = self.view
        for widget in (view.window_spin, view.stride_spin, view.opacity):
            widget.blockSignals(True)
        view.window_spin.setValue(state.window)
        view.stride_spin.setValue(state.stride)
        view.opacity.setValue(round(state.opacity * 100))
        for widget in (view.window_spin, view.stride_spin, view.opacity):
            widget.blockSignals(False)
        view.redraw_maps()
        self.target, self.layer = state.target, state.layer
        self._ask(occlusion=True)

    def shutdown(self) -> None:
        """Stop the worker thread and the replay (the tab calls this when it closes); safe to call twice."""
        self.replay.stop()
        self.runner.shutdown()

    # ------------------------------------------------------------------ asking
    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        if self._cheap_stale or self._occlusion_stale:
            self._ask(occlusion=self._occlusion_stale)

    def _ask(self, occlusion: bool) -> None:
        """Ask for what changed, now if the panel is shown, else once it is."""
        self._cheap_stale = True
        self._occlusion_stale = self._occlusion_stale or occlusion
        if self.image is None or not self.model or not self.isVisible():
            return
        if not self.runner.pending:
            self._cheap_stale = False
            self.runner.explain(self.model, self.image, self.target, self.layer)
        if self._occlusion_stale and self._settled:
            self._occlusion_stale = False
            self._start_occlusion()

    def _start_occlusion(self) -> None:
        view = self.view
        self.runner.cancel_occlusion()
        self.replay.start()
        view.stop_button.setEnabled(True)
        self.runner.occlude(self.model, self.image, self.target, view.window_spin.value(), view.stride_spin.value())

    def _catch_up(self) -> None:
        """An answer came: ask for what changed while it was on its way."""
        if self._cheap_stale:
            self._ask(occlusion=False)

    # ------------------------------------------------------------------ answers
    @Slot(object, object)
    def _on_explained(self, request, maps) -> None:
        self._problem = ""
        self.view.explaining.setStyleSheet("")
        self.view.show_cheap(maps.gradient, maps.gradcam, maps.layers, maps.gradcam.layer if maps.gradcam else "",
                             maps.info)
        if maps.gradcam is None:
            self.view.columns["gradcam"].say(translate(NO_CONVOLUTION), error=True)
        self.explained.emit()
        self._catch_up()

    @Slot(object, object)
    def _on_occlusion_progressed(self, request, batch) -> None:
        progress, size = batch
        self.replay.add(progress, size)

    @Slot(object, object)
    def _on_occluded(self, request, attribution) -> None:
        self.replay.finish(attribution)

    @Slot()
    def _on_replay_progressed(self) -> None:
        replay = self.replay
        self.view.show_occlusion_progress(replay.values, replay.covered, replay.square, replay.done, replay.total)

    @Slot(object)
    def _on_replay_finished(self, attribution) -> None:
        self.view.show_occlusion(attribution)
        self.view.stop_button.setEnabled(False)
        self.occlusion_finished.emit()

    @Slot(object, str)
    def _on_refused(self, request, sentence: str) -> None:
        if request.kind == "occlude":
            self.replay.stop()
            self.view.stop_button.setEnabled(False)
            self.view.say_error("occlusion", sentence)
            self.occlusion_stopped.emit()
            return
        self._problem = sentence
        self.view.explaining.setText(sentence)
        self.view.explaining.setStyleSheet(f"color: {theme.VERMILLION};")
        self._catch_up()

    @Slot(str)
    def _on_failed(self, sentence: str) -> None:
        """Something unexpected in the worker: one sentence; whatever was running stopped, the rest still works."""
        if self.replay.running:
            self.replay.stop()
            self.view.stop_button.setEnabled(False)
            self.view.say_error("occlusion", translate(OCCLUSION_FAILED).format(sentence))
            self.occlusion_stopped.emit()
        self.view.explaining.setText(sentence)
        self.view.explaining.setStyleSheet(f"color: {theme.VERMILLION};")
        self._catch_up()

    # ------------------------------------------------------------------ the view's controls
    @Slot(int)
    def _on_class_chosen(self, index: int) -> None:
        self.explain_class(index)

    @Slot(int)
    def _on_layer_chosen(self, index: int) -> None:
        self.set_layer(self.view.layer_combo.itemText(index))

    @Slot(int)
    def _on_square_changed(self, _value: int) -> None:
        self.run_occlusion()
        self.changed.emit()

    @Slot(int)
    def _on_opacity_changed(self, _value: int) -> None:
        self.changed.emit()

    def retranslate_dynamic(self) -> None:
        self.view.retranslate_dynamic()
        if self._problem:
            self.view.explaining.setText(self._problem)
