"""AutoencoderTab: an encoder squeezes 28×28 images to a few numbers, a decoder rebuilds them, live.

The controls sit on the left; on the right, the originals above their reconstructions, the
encoder and decoder drawn as their layers, the loss falling against the average image, and the
plane of 2-number codes, where any point can be decoded. A worker trains (runner.py); this tab
only draws its numpy reports. Its settings are an AutoencoderState, remembered in QSettings and
saved in sessions.
"""

from __future__ import annotations

import json
import math
import os

from PySide6.QtCore import QSettings, Qt, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QFileDialog, QGridLayout, QHBoxLayout, QWidget

from core.autoencoder.trainer import AutoencoderConfig
from core.data.downloads import is_downloaded
from gui.autoencoder.code_plane import CodePlane
from gui.autoencoder.controls import AutoencoderControls
from gui.autoencoder.layers_view import LayerDiagram
from gui.autoencoder.loss_chart import LossChart
from gui.autoencoder.pictures import ReconstructionStrip
from gui.autoencoder.runner import AutoencoderRunner
from gui.autoencoder.state import SPEEDS, AutoencoderState
from gui.widgets.saved_values import read_json_dict

SETTINGS_KEY = "autoencoder/state"
DOWNLOADED_NAMES = {"mnist": "MNIST", "fashion-mnist": "Fashion-MNIST"}


def planned_layers(bottleneck: int, hidden=(128,)) -> tuple:
    """The layer table a network of this shape will have (before the worker has built one)."""
    from core.autoencoder.model import AutoencoderLayer

    widths = (784, *hidden, bottleneck)
    encoder = [AutoencoderLayer(f"enc{i}", "encoder", a, b, "sigmoid")
               for i, (a, b) in enumerate(zip(widths, widths[1:]), start=1)]
    back = widths[::-1]
    decoder = [AutoencoderLayer(f"dec{i}", "decoder", a, b, "sigmoid")
               for i, (a, b) in enumerate(zip(back, back[1:]), start=1)]
    return tuple(encoder + decoder)


class AutoencoderTab(QWidget):
    """The Autoencoder lab. `threaded=False` trains in the calling thread (tests); `state_changed` follows changes."""

    state_changed = Signal(object)  # AutoencoderState

    def __init__(self, settings: QSettings | None = None, cache_dir: str | os.PathLike | None = None,
                 threaded: bool = True, parent: QWidget | None = None):
        super().__init__(parent)
        self.settings, self.cache_dir = settings, cache_dir
        state = AutoencoderState.from_dict(read_json_dict(settings, SETTINGS_KEY)) if settings is not None \
            else AutoencoderState()
        self.presenting = False
        self.runner = AutoencoderRunner(cache_dir, threaded, parent=self)
        self.controls = AutoencoderControls(state)
        self.strip = ReconstructionStrip()
        self.diagram = LayerDiagram()
        self.diagram.show_layers(planned_layers(state.bottleneck))
        self.chart = LossChart()
        self.plane = CodePlane()
        self.plane.set_point(*state.point)
        pictures = QGridLayout()
        pictures.setContentsMargins(0, 0, 0, 0)
        pictures.addWidget(self.strip, 0, 0, 1, 2)
        pictures.addWidget(self.chart, 1, 0)
        pictures.addWidget(self.diagram, 2, 0)
        pictures.addWidget(self.plane, 1, 1, 2, 1)  # the plane takes the height beside the curve and the diagram
        pictures.setRowStretch(0, 2)
        pictures.setRowStretch(1, 7)  # the plane and the curve get the room; the diagram keeps its size
        pictures.setColumnStretch(0, 1)
        pictures.setColumnStretch(1, 1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.controls)
        layout.addLayout(pictures, 1)

        c, r = self.controls, self.runner
        c.load_requested.connect(self.load)
        c.cancel_requested.connect(r.cancel)
        c.play_requested.connect(r.set_playing)
        c.step_requested.connect(r.step)
        c.reset_requested.connect(r.reset)
        c.speed_changed.connect(r.set_speed)
        c.shape_changed.connect(self._on_shape_changed)
        c.source_changed.connect(self._remember)
        r.set_speed(SPEEDS[state.speed_index])
        r.loading_progressed.connect(c.show_loading)
        r.load_failed.connect(self._on_load_failed)
        r.run_started.connect(self._on_run_started)
        r.progressed.connect(self._on_progress)
        r.playing_changed.connect(c.set_playing)
        r.problem.connect(c.say)
        r.decoded.connect(self._on_decoded)
        self.plane.point_chosen.connect(self._on_point_chosen)
        # Space trains or pauses, as on the other tabs (the arrows stay with the sliders: Step is the toolbar's).
        self.space = QShortcut(QKeySequence(Qt.Key.Key_Space), self)
        self.space.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.space.activated.connect(self._on_space)
        self._last_state = self.state()

    # ------------------------------------------------------------------ settings
    def config(self) -> AutoencoderConfig:
        c = self.controls
        return AutoencoderConfig(bottleneck=c.bottleneck, noise=c.noise, learning_rate=float(c.lr_box.value()))

    def state(self) -> AutoencoderState:
        return self.controls.state(self.plane.point)

    def apply_state(self, state: AutoencoderState) -> None:
        """Show `state`: the settings, the crosshair; a network in training takes the new shape and noise."""
        self.controls.apply_state(state)
        self.plane.set_point(*state.point)
        self.runner.set_speed(SPEEDS[state.speed_index])
        if self.runner.info is not None:
            self.runner.configure(self.config())
        else:
            self.diagram.show_layers(planned_layers(state.bottleneck))
        self._remember()

    @Slot()
    def _remember(self) -> None:
        state = self.state()
        if self.settings is not None:
            self.settings.setValue(SETTINGS_KEY, json.dumps(state.to_dict()))
        if state != self._last_state:
            self._last_state = state
            self.state_changed.emit(state)

    # ------------------------------------------------------------------ commands
    @Slot()
    def load(self) -> None:
        """Load the chosen pictures and build a fresh autoencoder on them."""
        c = self.controls
        kind, path = c.source, ""
        if kind in DOWNLOADED_NAMES and not is_downloaded(kind, self.cache_dir):
            c.say(self.tr("{0} is not downloaded yet: download it once in the Convolution tab's training panel "
                          "(choose it there and press Load data), then load it here.").format(DOWNLOADED_NAMES[kind]))
            return
        if kind == "folder":
            path = QFileDialog.getExistingDirectory(self, self.tr("Choose a folder of pictures"), c.folder)
            if not path:
                return
            c.folder = path
        c.set_busy(True)
        c.say(self.tr("Loading…"))
        self._remember()
        self.runner.load(kind, path, self.config())

    @Slot()
    def _on_shape_changed(self) -> None:
        self._remember()
        if self.runner.info is not None:
            self.runner.configure(self.config())
        else:
            self.diagram.show_layers(planned_layers(self.controls.bottleneck))

    @Slot(float, float)
    def _on_point_chosen(self, x: float, y: float) -> None:
        self.runner.decode((x, y))
        self._remember()

    @Slot()
    def _on_space(self) -> None:
        if not isinstance(QApplication.focusWidget(), QAbstractSpinBox):  # typing a learning rate is not a command
            self.controls.toggle()

    def shutdown(self) -> None:
        self.runner.shutdown()

    # ------------------------------------------------------------------ what the worker reports
    @Slot(str)
    def _on_load_failed(self, sentence: str) -> None:
        self.controls.set_busy(False)
        self.controls.say(sentence)

    @Slot(object)
    def _on_run_started(self, info) -> None:
        c = self.controls
        c.set_busy(False)
        c.set_loaded(True)
        self.diagram.show_layers(info.layers)
        self.chart.set_digits(tuple(info.class_names) == tuple(str(digit) for digit in range(10)))
        self.chart.clear()
        c.say(self.tr("A new autoencoder learns from {0}: {1} training images, {2} held out, on {3}. {4}").format(
            info.title, f"{info.n_train:,}", f"{info.n_test:,}", info.device_name, info.estimate))

    @Slot(object)
    def _on_progress(self, report) -> None:
        recon = report.reconstructions
        self.strip.show_reconstructions(recon, report.noise)
        self.chart.show_curves(report.loss_curve, report.test_steps, report.test_losses, report.baseline_loss)
        self.plane.show_codes(recon.codes, recon.labels, recon.class_names)
        evaluation = report.evaluation
        if math.isfinite(evaluation.test_error):
            self.controls.show_readout(self.tr("Step {0}: held-out error {1:.4f} a pixel (the average image: {2:.4f})")
                                       .format(f"{report.step:,}", evaluation.test_error, evaluation.mean_image_error))
        if self.plane.decodable:
            self.runner.decode(self.plane.point)  # the crosshair's image, from the new weights

    @Slot(object, object)
    def _on_decoded(self, _point, image) -> None:
        self.plane.show_decoded(image)

    # ------------------------------------------------------------------ presenter protocol
    def clicker_next(self) -> None:
        """Page Down / Right (presenting) and the toolbar's Step: one training step (loads the pictures first)."""
        if self.controls.loaded:
            self.runner.step()
        else:
            self.controls.toggle()

    def clicker_previous(self) -> None:
        """Page Up / Left: nothing to go back to in training (Reset is a button, never a stray key)."""

    def clicker_play(self) -> None:
        """Space: train or pause (loading first if needed)."""
        self.controls.toggle()

    def set_presenting(self, on: bool) -> None:
        """Presenter mode: the pictures take the room; the settings column goes away."""
        self.presenting = bool(on)
        self.controls.setVisible(not on)
