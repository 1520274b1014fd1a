"""CnnTrainingPanel: the convolution lab's controls for training its network live, and the loss as it falls.

The panel only collects settings and shows what the worker reports; ConvTab connects it to a CnnTrainingWorker
(worker.py), which loads the images and trains in its own thread. A dataset that must be downloaded first goes
through the download dialog; a photo folder is chosen with the system's folder dialog. The loss chart is
explain/training/training_curve.py; the "Confusion matrix" button in the header (`confusion`, a ConfusionSwitch) opens
the live confusion matrix in a window of its own (explain/training/confusion_window.py); the worker counts it only
while that window is open.
"""

from __future__ import annotations

import math
import os

import numpy as np
from PySide6.QtCore import QSettings, QSignalBlocker, Qt, Signal, Slot
from PySide6.QtWidgets import (QComboBox, QDoubleSpinBox, QFileDialog, QGridLayout, QHBoxLayout, QInputDialog,
                               QLabel, QLineEdit, QProgressBar, QPushButton, QSpinBox,
                               QToolButton, QVBoxLayout, QWidget)

from core.cnn.trainer import CnnTrainConfig
from core.cnn.image_sets import DataSource
from core.data.downloads import is_downloaded
from core.errors import GlassboxError
from core.nets.model_store import check_name
from core.optimizers import OPTIMIZERS
from gui.i18n import say
from gui.convolution.explain.training.confusion_window import ConfusionSwitch
from gui.convolution.explain.training.training_curve import LossCurve
from gui.convolution.explain.training.training_settings import (SETTINGS_PREFIX, SOURCES, SPEEDS,
                                                                restore_training_state, save_training_state)
from gui.convolution.looks import Looks, confirm, translate
from gui.style import theme
from gui.convolution.download_dialog import ensure_downloaded
from gui.convolution.state import TrainingState
from gui.widgets.clamped_label import ClampedLabel
from gui.widgets.saved_values import read_bool


class CnnTrainingPanel(QWidget):
    """Data, starting weights, optimizer and speed on the left; the loss curve and the accuracy on the right."""

    load_requested = Signal(object, object)  # DataSource, CnnTrainConfig
    cancel_requested = Signal()
    play_requested = Signal(bool)  # True: train, False: pause
    step_requested = Signal()
    reset_requested = Signal()
    retune_requested = Signal(object)  # CnnTrainConfig
    speed_changed = Signal(object)  # steps per second, or None for full speed
    save_requested = Signal(str)
    changed = Signal()  # a setting state() holds changed

    def __init__(self, settings: QSettings | None = None, cache_dir: str | os.PathLike | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.settings = settings
        self.looks = Looks(self)  # its texts follow the language, its fonts the zoom
        self.cache_dir = cache_dir
        self.loaded, self.playing, self.busy = False, False, False  # busy: loading images
        self._folder, self._save_name = "", TrainingState().save_name
        self.looks.font(self, theme.BASE_POINT_SIZE + 1)

        self.source_combo = QComboBox()
        for kind, text, tip in SOURCES:
            self.source_combo.addItem(translate(text), kind)
            self.source_combo.setItemData(self.source_combo.count() - 1, translate(tip), Qt.ItemDataRole.ToolTipRole)
        self.source_combo.setToolTip(self.tr("The pictures the network learns from"))
        self.start_combo = QComboBox()
        self.start_combo.addItem(self.tr("the shipped kernels"), "shipped")
        self.start_combo.addItem(self.tr("random weights"), "random")
        self.start_combo.setToolTip(self.tr("Fine-tune the kernels of the network that comes with Glassbox, "
                                            "or learn everything from random numbers"))
        self.optimizer_combo = QComboBox()
        for name, label in OPTIMIZERS.items():
            self.optimizer_combo.addItem(label, name)
        self.lr_box = QDoubleSpinBox(decimals=5, minimum=0.00001, maximum=10.0, singleStep=0.0005)
        self.lr_box.setToolTip(self.tr("The step length of gradient descent: too small crawls, too large diverges"))
        self.batch_box = QSpinBox(minimum=1, maximum=512)
        self.batch_box.setToolTip(self.tr("Pictures per training step"))
        self.speed_combo = QComboBox()
        for value, text in SPEEDS:
            self.speed_combo.addItem(translate(text), value)
        self.speed_combo.setToolTip(self.tr("Slow training down to watch each kernel change"))

        self.load_button = QPushButton(self.tr("Load data"))
        self.load_button.setToolTip(self.tr("Read or draw the pictures and build a fresh network on them"))
        self.play_button = QPushButton(self.tr("▶ Train"))
        self.step_button = QPushButton(self.tr("Step"))
        self.step_button.setToolTip(self.tr("One training step on one batch"))
        self.reset_button = QPushButton(self.tr("Reset"))
        self.reset_button.setToolTip(self.tr("Back to the starting weights"))
        self.save_button = QPushButton(self.tr("Save as…"))
        self.save_button.setToolTip(self.tr("Keep this network as a model: it joins the Network list, and "
                                            "main.py evaluate --model can test it"))
        self.progress = QProgressBar()
        self.progress.setTextVisible(True)
        self.progress.setMaximumHeight(22)
        # Two lines, always (a longer sentence ends in "…" and shows whole in the tooltip): a wrapped
        # label's height otherwise changes with its text, and the tab must fit a 1024×768 projector.
        self.status = ClampedLabel(self.tr("Choose pictures and press Load data to train this network live."), 2)
        self.status.setFont(self.font())
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.accuracy = QLabel("")
        self.looks.font(self.accuracy, theme.PLOT_LABEL_POINT_SIZE, bold=True)
        self.accuracy.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

        self.curve = LossCurve()
        self.plot, self.curve_legend = self.curve.plot, self.curve.legend
        self.train_curve, self.test_curve, self.divergence_mark = (
            self.curve.train_curve, self.curve.test_curve, self.curve.divergence_mark)
        for box in (self.source_combo, self.start_combo, self.optimizer_combo, self.speed_combo):
            box.setMinimumContentsLength(6)  # long entries are cut, not the window made wider
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)

        self.toggle_button = QToolButton()
        self.toggle_button.setCheckable(True)
        self.toggle_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle_button.toggled.connect(self.set_open)
        # In the header, so the window can be opened with the panel folded.
        self.confusion = ConfusionSwitch(self, settings, SETTINGS_PREFIX)
        self.confusion_button = self.confusion.button
        self._layout_widgets()
        self.retranslate_dynamic()
        self._restore()
        self.set_open(read_bool(self.settings, SETTINGS_PREFIX + "open", False))
        self.source_combo.activated.connect(self._on_setting_changed)
        self.load_button.clicked.connect(self._on_load_clicked)
        self.play_button.clicked.connect(self.toggle)
        self.step_button.clicked.connect(self.step_requested)
        self.reset_button.clicked.connect(self.reset_requested)
        self.save_button.clicked.connect(self.ask_save)
        self.speed_combo.currentIndexChanged.connect(self._on_speed_changed)
        for box in (self.optimizer_combo, self.start_combo):
            box.currentIndexChanged.connect(self._on_setting_changed)
        for box in (self.lr_box, self.batch_box):
            box.editingFinished.connect(self._on_setting_changed)
        self._update_buttons()

    def _layout_widgets(self) -> None:
        controls = QGridLayout()
        controls.setHorizontalSpacing(8)
        controls.addWidget(QLabel(self.tr("Train on:")), 0, 0)
        controls.addWidget(self.source_combo, 0, 1)
        controls.addWidget(QLabel(self.tr("from:")), 0, 2)
        controls.addWidget(self.start_combo, 0, 3)
        controls.addWidget(QLabel(self.tr("Optimizer:")), 1, 0)
        controls.addWidget(self.optimizer_combo, 1, 1)
        controls.addWidget(QLabel(self.tr("Learning rate:")), 1, 2)
        controls.addWidget(self.lr_box, 1, 3)
        controls.addWidget(QLabel(self.tr("Batch:")), 2, 0)
        controls.addWidget(self.batch_box, 2, 1)
        controls.addWidget(QLabel(self.tr("Speed:")), 2, 2)
        controls.addWidget(self.speed_combo, 2, 3)
        controls.setColumnStretch(1, 1)
        controls.setColumnStretch(3, 1)
        buttons = QHBoxLayout()
        for button in (self.load_button, self.play_button, self.step_button, self.reset_button, self.save_button):
            buttons.addWidget(button)
        left = QVBoxLayout()
        left.addLayout(controls)
        left.addLayout(buttons)
        left.addWidget(self.progress)
        left.addWidget(self.status, 1)
        self.body = QWidget()
        row = QHBoxLayout(self.body)
        row.setContentsMargins(0, 0, 0, 0)
        row.addLayout(left, 3)
        row.addWidget(self.curve, 2)
        header = QHBoxLayout()
        header.addWidget(self.toggle_button)
        header.addWidget(self.confusion_button)
        header.addStretch(1)
        header.addWidget(self.accuracy)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 4, 0, 0)
        column.addLayout(header)
        column.addWidget(self.body, 1)

    def retranslate_dynamic(self) -> None:
        """The chart's words and the header's, in the current language."""
        legend = self.tr("<span style='color:{0}'>━</span> training batches &nbsp; "
                         "<span style='color:{1}'>┅</span> held-out pictures")
        self.curve.retranslate(self.tr("step"), self.tr("loss"), legend)
        self.toggle_button.setText(self.tr("Train this network live"))
        self.toggle_button.setToolTip(self.tr("Show or hide the controls for training the network and its loss curve"))
        self.confusion.retranslate()
        self._update_buttons()

    def rezoom(self) -> None:
        self.curve.rezoom()
        self.retranslate_dynamic()  # the chart's labels, at the new size
        self.status.setFont(self.font())

    def set_open(self, show: bool) -> None:
        """Show the controls and the loss curve, or only the header line (remembered for the next session)."""
        self.body.setVisible(show)
        with QSignalBlocker(self.toggle_button):
            self.toggle_button.setChecked(show)
        self.toggle_button.setArrowType(Qt.ArrowType.DownArrow if show else Qt.ArrowType.RightArrow)
        if self.settings is not None:
            self.settings.setValue(SETTINGS_PREFIX + "open", bool(show))

    def is_open(self) -> bool:
        return self.toggle_button.isChecked()

    # ------------------------------------------------------------------ what the user chose
    def config(self) -> CnnTrainConfig:
        return CnnTrainConfig(optimizer=self.optimizer_combo.currentData(), learning_rate=float(self.lr_box.value()),
                              batch_size=int(self.batch_box.value()), start=self.start_combo.currentData())

    def kind(self) -> str:
        return self.source_combo.currentData()

    def current_source(self) -> DataSource:
        """The pictures chosen in the panel: a kind, and for "folder" the folder last chosen (may be "")."""
        kind = self.kind()
        return DataSource(kind, self._folder if kind == "folder" else "")

    def set_kind(self, kind: str) -> None:
        self.source_combo.setCurrentIndex(max(0, self.source_combo.findData(kind)))

    @Slot()
    def _on_load_clicked(self) -> None:
        self.request_load()

    def request_load(self, folder: str | None = None) -> bool:
        """Ask the worker to load the chosen pictures; a folder or a download is settled first. False if not."""
        kind = self.kind()
        path = ""
        if kind == "folder":
            path = folder if folder is not None else self._ask_folder()
            if not path:
                return False
            self._folder = path
            self._save_settings()
        elif DataSource(kind).needs_download and not is_downloaded(kind, self.cache_dir):
            if not ensure_downloaded(self, kind, self.cache_dir):
                self.show_status(self.tr("The pictures are not downloaded, so nothing was loaded; the network "
                                         "you had is unchanged."), error=False)
                return False
        self.busy = True
        self.progress.setRange(0, 0)
        self.show_status(self.tr("Loading…"))
        self._update_buttons()
        self.load_requested.emit(DataSource(kind, path), self.config())
        return True

    def _ask_folder(self) -> str:
        return QFileDialog.getExistingDirectory(self, self.tr("A folder with one subfolder per class"), self._folder)

    @Slot()
    def toggle(self) -> None:
        if self.busy:
            self.cancel_requested.emit()
            return
        self.play_requested.emit(not self.playing)

    @Slot()
    def ask_save(self) -> None:
        name, accepted = QInputDialog.getText(
            self, self.tr("Save the network"),
            self.tr("A name for this model (letters, digits, - and _):"), QLineEdit.EchoMode.Normal, self._save_name)
        if accepted:
            self.request_save(name.strip())

    def request_save(self, name: str) -> bool:
        """Ask for the network to be saved as `name`; a name that cannot be a model's is one sentence instead."""
        try:
            check_name(name)
        except GlassboxError as error:
            self.show_status(say(error), error=True)
            return False
        self._save_name = name
        self._save_settings()
        self.save_requested.emit(name)
        return True

    def confirm_replace(self, name: str) -> bool:
        """Ask before a saved model of the same name is replaced; Cancel (the default) keeps it."""
        return confirm(self, self.tr("Replace the model?"), self.tr(
            "A model called '{0}' is already saved. Replace it with this network?").format(name), self.tr("Replace"))

    # ------------------------------------------------------------------ what the worker said
    @Slot(int, int, str)
    def on_loading(self, done: int, total: int, what: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.show_status(self.tr("{0}: {1:,} of {2:,}").format(what[:1].upper() + what[1:], done, total))

    @Slot(object)
    def on_run_started(self, info) -> None:
        self.busy = False
        self.loaded = True
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        self.curve.clear()
        self.confusion.new_run()
        text = self.tr("{0}: {1:,} training and {2:,} held-out pictures of {3} classes, starting from {4}, "
                       "on {5}.").format(info.title, info.n_train, info.n_test, len(info.class_names),
                                         info.started_from, info.device_name)
        self.progress.setToolTip(info.estimate)  # weights · memory · time a step: beside the steps/s it explains
        if info.skipped:
            text += " " + self.tr("{0} unreadable file(s) were skipped ({1}); hover here for why.").format(
                info.skipped, info.skipped_example)
        self.show_status(text)
        self.status.setToolTip(info.skipped_reason)
        self._update_buttons()

    @Slot(str)
    def on_load_failed(self, sentence: str) -> None:
        self.busy = False
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.show_status(sentence, error=True)
        self._update_buttons()

    @Slot(object)
    def on_progress(self, progress) -> None:
        evaluation = progress.evaluation
        self.curve.add(progress.step, evaluation.train_loss, evaluation.test_loss)
        parts = []
        if not math.isnan(evaluation.train_accuracy):
            parts.append(self.tr("training {0:.0%}").format(evaluation.train_accuracy))
        if not math.isnan(evaluation.test_accuracy):
            parts.append(self.tr("held out {0:.1%}").format(evaluation.test_accuracy))
        self.accuracy.setText(self.tr("Accuracy: ") + " · ".join(parts) if parts else "")
        rate = self.tr(" · {0:,.0f} steps/s").format(progress.steps_per_second) if progress.steps_per_second else ""
        self.progress.setFormat(self.tr("step {0:,} · epoch {1:.2f}").format(progress.step, progress.epoch) + rate)

    @Slot(bool)
    def on_playing_changed(self, playing: bool) -> None:
        self.playing = playing
        self._update_buttons()

    @Slot(str)
    def on_error(self, sentence: str) -> None:
        self.show_status(sentence, error=True)

    @Slot(str)
    def on_diverged(self, sentence: str) -> None:
        """A step diverged and the weights went back: the sentence, and a cross on the curve's last finite loss."""
        self.show_status(sentence, error=True)
        self.curve.mark_divergence()

    @Slot(str, str)
    def on_saved(self, name: str, folder: str) -> None:
        self.show_status(self.tr("Saved as '{0}' in {1}: choose it in the Network list, or test it with "
                                 "python main.py evaluate --model {0} --folder …").format(name, folder))

    def show_status(self, text: str, error: bool = False) -> None:
        self.status.setText(text)
        self.status.setProperty("error", error)
        self.status.setStyleSheet(f"color: {theme.VERMILLION}; font-weight: bold;" if error else "")

    def status_text(self) -> str:
        return self.status.text()

    def curve_data(self) -> tuple[np.ndarray, np.ndarray]:
        """The training-loss curve as drawn: (steps, losses)."""
        return self.curve.curve_data()

    # ------------------------------------------------------------------ the confusion matrix (self.confusion)
    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        self.confusion.panel_shown()

    # ------------------------------------------------------------------ internals
    def _update_buttons(self) -> None:
        self.play_button.setText(self.tr("Cancel") if self.busy else
                                 self.tr("❚❚ Pause") if self.playing else self.tr("▶ Train"))
        self.play_button.setToolTip(self.tr("Stop loading") if self.busy else self.tr("Train or pause"))
        self.play_button.setEnabled(self.busy or self.loaded)
        for button in (self.step_button, self.reset_button, self.save_button):
            button.setEnabled(self.loaded and not self.busy)
        self.load_button.setEnabled(not self.busy)

    @Slot()
    def _on_setting_changed(self, *_args) -> None:
        self._save_settings()
        if self.loaded:
            self.retune_requested.emit(self.config())

    @Slot(int)
    def _on_speed_changed(self, index: int) -> None:
        self._save_settings()
        self.speed_changed.emit(self.speed_combo.itemData(index))

    # ------------------------------------------------------------------ state
    def state(self) -> TrainingState:
        return TrainingState(source=self.kind(), folder=self._folder, start=self.start_combo.currentData(),
                             optimizer=self.optimizer_combo.currentData(), learning_rate=round(self.lr_box.value(), 5),
                             batch_size=self.batch_box.value(), speed=self.speed_combo.currentData(),
                             save_name=self._save_name)

    def apply_state(self, state: TrainingState) -> None:
        """Show `state`'s settings; a network in training is retuned to them, as when they are chosen."""
        speed_before = self.speed_combo.currentIndex()
        self._show_state(state)
        self._on_setting_changed()
        if self.speed_combo.currentIndex() != speed_before:
            self._on_speed_changed(self.speed_combo.currentIndex())

    def _show_state(self, state: TrainingState) -> None:
        boxes = (self.source_combo, self.start_combo, self.optimizer_combo, self.lr_box, self.batch_box,
                 self.speed_combo)
        blockers = [QSignalBlocker(box) for box in boxes]
        for combo, data in ((self.source_combo, state.source), (self.start_combo, state.start),
                            (self.optimizer_combo, state.optimizer), (self.speed_combo, state.speed)):
            combo.setCurrentIndex(max(0, combo.findData(data)))
        self.lr_box.setValue(state.learning_rate)
        self.batch_box.setValue(state.batch_size)
        for blocker in blockers:
            blocker.unblock()
        self._folder, self._save_name = state.folder, state.save_name

    def _restore(self) -> None:
        """The last session's settings (explain/training/training_settings.py says how each is read)."""
        self._show_state(restore_training_state(self.settings))

    def _save_settings(self) -> None:
        """A setting changed: say so, and remember it for the next session."""
        self.changed.emit()
        if self.settings is None:
            return
        save_training_state(self.settings, self.state(), self.speed_combo.currentIndex())
