"""RunStatus: the status bar's device, training speed and step, in the current language and zoom.

It follows the MLP's training session, and also the labs that train networks of their own (the
Autoencoder tab, the Convolution tab's training panel): on a lab's tab it shows that lab's run,
in labels of its own, so the MLP's numbers are never shown as if they were the lab's.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from core.mlp.reports import RunInfo, TrainingProgress
from gui.style import theme

SLOW_STEP_S = 0.5  # a step estimated to take this long or more: say it is working while it runs


@dataclass
class LabRun:
    """The last that a lab said of its run; None: not known (the Convolution tab says no epoch or speed)."""

    device_name: str = ""
    step: int | None = None
    epoch: float | None = None
    steps_per_second: float | None = None
    playing: bool = False


class RunStatus(QWidget):
    """Three labels the window puts at the right of its status bar; fed by the training session's reports."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.epoch_label, self.rate_label, self.device_label = QLabel(), QLabel(), QLabel()
        self.lab_labels = (QLabel(), QLabel(), QLabel())  # step and epoch, speed, device: of the lab shown
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for label in (self.epoch_label, self.rate_label, self.device_label, *self.lab_labels):
            theme.keep_font(label, theme.BASE_POINT_SIZE)
            label.setContentsMargins(12, 0, 12, 0)
            layout.addWidget(label)
        for label in self.lab_labels:
            label.hide()
        self._labs: dict[str, LabRun] = {}
        self._lab: str | None = None  # the lab whose run is shown; None: the MLP's
        self._info: RunInfo | None = None
        self._progress: TrainingProgress | None = None
        self._playing = False
        self._step_seconds = 0.0  # the estimated time of one step (core.limits), for the "working" hint
        self._working_step = False  # a single slow step is running
        self.retranslate()

    def retranslate(self) -> None:
        """Write every label again from the last reports."""
        self._write_lab()
        if self._info is None:
            self.device_label.setText(self.tr("Device: …"))
        else:
            self.device_label.setText(self.tr("Device: {0}").format(self._info.device_name))
            self.device_label.setToolTip(self.tr("Where the network's tensors live and train."))
        progress = self._progress
        if progress is not None:
            self.epoch_label.setText(self.tr("Step {0:,} · epoch {1:,.1f}").format(progress.step, progress.epoch))
        if self._playing and progress is not None:
            self.rate_label.setText(self.tr("{0:,.0f} steps/s").format(progress.steps_per_second))
        elif not self._playing and (progress is not None or self.rate_label.text()):
            self.rate_label.setText(self.tr("paused"))
        if self._playing and progress is None and self._step_seconds >= SLOW_STEP_S:
            self._show_working()

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    @Slot(object, bool)
    def on_run_started(self, info: RunInfo, _keep_history: bool = True) -> None:
        self._info = info
        self.retranslate()

    def show_progress(self, progress: TrainingProgress, playing: bool) -> None:
        self._progress, self._playing = progress, playing
        self.epoch_label.setText(self.tr("Step {0:,} · epoch {1:,.1f}").format(progress.step, progress.epoch))
        if self._playing:
            self.rate_label.setText(self.tr("{0:,.0f} steps/s").format(progress.steps_per_second))
        elif self._working_step:  # the slow step asked for is done
            self.rate_label.setText(self.tr("paused"))
        self._working_step = False

    @Slot()
    def on_step_requested(self) -> None:
        """One step was asked for: a slow network says it is working until the step's report comes."""
        if not self._playing and self._step_seconds >= SLOW_STEP_S:
            self._working_step = True
            self._show_working()

    @Slot(bool)
    def on_playing_changed(self, playing: bool) -> None:
        self._playing = playing
        if not playing:
            self.rate_label.setText(self.tr("paused"))
        elif self._step_seconds >= SLOW_STEP_S:
            self._show_working()  # a slow network: say it is working until its first report comes

    def set_step_seconds(self, seconds: float) -> None:
        """The estimated time of one step of the run (core.limits); slow ones say "working" while they run."""
        self._step_seconds = max(0.0, float(seconds))

    def _show_working(self) -> None:
        from core.limits import seconds_text

        self.rate_label.setText(self.tr("working: about {0} a step").format(seconds_text(self._step_seconds)))

    # ------------------------------------------------------------------ the labs' own runs
    @property
    def lab(self) -> str | None:
        """The lab whose run is shown ("autoencoder", "convolution"), or None for the MLP's."""
        return self._lab

    def show_lab(self, name: str | None) -> None:
        """Show the run of the lab `name` (its tab is open), or the MLP's again (None)."""
        self._lab = name
        for label in (self.epoch_label, self.rate_label, self.device_label):
            label.setVisible(name is None)
        for label in self.lab_labels:
            label.setVisible(name is not None)
        self._write_lab()

    def lab_started(self, name: str, device_name: str) -> None:
        """The lab `name` built a new network: no step yet."""
        self._labs[name] = LabRun(device_name=str(device_name))
        self._write_lab()

    def lab_progressed(self, name: str, step: int, epoch: float | None = None,
                       steps_per_second: float | None = None) -> None:
        run = self._labs.setdefault(name, LabRun())
        run.step, run.epoch, run.steps_per_second = int(step), epoch, steps_per_second
        self._write_lab()

    def lab_playing(self, name: str, playing: bool) -> None:
        self._labs.setdefault(name, LabRun()).playing = bool(playing)
        self._write_lab()

    def _write_lab(self) -> None:
        if self._lab is None:
            return
        run = self._labs.get(self._lab, LabRun())
        step_label, rate_label, device_label = self.lab_labels
        if run.step is None:
            step_label.setText("")
        elif run.epoch is None:
            step_label.setText(self.tr("Step {0:,}").format(run.step))
        else:
            step_label.setText(self.tr("Step {0:,} · epoch {1:,.1f}").format(run.step, run.epoch))
        if run.playing and run.steps_per_second is not None:
            rate_label.setText(self.tr("{0:,.0f} steps/s").format(run.steps_per_second))
        elif not run.playing and run.step is not None and run.steps_per_second is not None:
            rate_label.setText(self.tr("paused"))
        else:
            rate_label.setText("")
        device_label.setText(self.tr("Device: {0}").format(run.device_name) if run.device_name else "")
        device_label.setToolTip(self.tr("Where the network's tensors live and train.") if run.device_name else "")
