"""AutoencoderControls: what the autoencoder learns from, how it trains, and how hard it squeezes.

The panel only collects settings and shows what the tab tells it; the tab passes them to the
worker. Its settings are an AutoencoderState (state.py), remembered in QSettings by the tab.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TR_NOOP, QCoreApplication, QEvent, QSignalBlocker, Qt, Signal, Slot
from PySide6.QtWidgets import (QComboBox, QDoubleSpinBox, QGridLayout, QHBoxLayout, QLabel, QProgressBar,
                               QPushButton, QSlider, QVBoxLayout, QWidget)

from gui.autoencoder.state import BOTTLENECK_RANGE, LEARNING_RATE_RANGE, NOISE_RANGE, NOISE_STEPS, SOURCES, SPEEDS, \
    AutoencoderState
from gui.style import theme
from gui.style.zoom import ZOOM
from gui.training.looks import font
from gui.widgets.clamped_label import ClampedLabel

SOURCE_WORDS = {  # what a person reads, and the tooltip
    "digits": (QT_TR_NOOP("Drawn digits (no download)"),
               QT_TR_NOOP("3,600 handwriting-like digits that Glassbox draws itself")),
    "mnist": (QT_TR_NOOP("MNIST digits"), QT_TR_NOOP("Handwritten digits; download them once in the Convolution tab")),
    "fashion-mnist": (QT_TR_NOOP("Fashion-MNIST clothes"),
                      QT_TR_NOOP("Pictures of clothing in 10 kinds; download them once in the Convolution tab")),
    "folder": (QT_TR_NOOP("Your photo folder…"), QT_TR_NOOP("A folder with one subfolder of pictures per class")),
}
SPEED_WORDS = (QT_TR_NOOP("full speed"), QT_TR_NOOP("50 steps/s"), QT_TR_NOOP("10 steps/s"), QT_TR_NOOP("2 steps/s"))


def _words(source: str) -> str:
    return QCoreApplication.translate("", source)


def squeeze_words(bottleneck: int) -> str:
    """What a bottleneck of this size costs, in a few words."""
    if bottleneck <= 3:
        return QCoreApplication.translate("AutoencoderControls", "blurry, but every point of the plane decodes")
    if bottleneck <= 12:
        return QCoreApplication.translate("AutoencoderControls", "recognisable, details lost")
    if bottleneck < 32:
        return QCoreApplication.translate("AutoencoderControls", "sharper, most strokes kept")
    return QCoreApplication.translate("AutoencoderControls", "almost perfect copies")


class AutoencoderControls(QWidget):
    """Data and Load; Train, Step, Reset and speed; the bottleneck, noise and learning rate; status lines."""

    load_requested = Signal()
    cancel_requested = Signal()
    play_requested = Signal(bool)
    step_requested = Signal()
    reset_requested = Signal()
    speed_changed = Signal(object)  # steps per second, or None
    shape_changed = Signal()  # the bottleneck, the noise or the learning rate (state() holds them)
    source_changed = Signal()  # another set of pictures was chosen (loaded when Load data is pressed)

    def __init__(self, state: AutoencoderState = AutoencoderState(), parent: QWidget | None = None):
        super().__init__(parent)
        self.folder = state.folder
        self.loaded, self.playing, self.busy = False, False, False
        self.source_combo = QComboBox()
        for kind in SOURCES:
            self.source_combo.addItem("", kind)
        self.load_button = QPushButton()
        self.play_button = QPushButton()
        self.step_button = QPushButton()
        self.reset_button = QPushButton()
        self.speed_combo = QComboBox()
        for value in SPEEDS:
            self.speed_combo.addItem("", value)
        self.bottleneck_slider = QSlider(Qt.Orientation.Horizontal)
        self.bottleneck_slider.setRange(*BOTTLENECK_RANGE)
        self.bottleneck_slider.setPageStep(4)
        self.bottleneck_label = QLabel()
        self.squeeze_label = QLabel()
        self.squeeze_label.setWordWrap(True)
        self.noise_slider = QSlider(Qt.Orientation.Horizontal)
        self.noise_slider.setRange(0, NOISE_STEPS)
        self.noise_label = QLabel()
        self.lr_box = QDoubleSpinBox(decimals=4, minimum=0.0001, maximum=LEARNING_RATE_RANGE[1], singleStep=0.001)
        self.lr_label = QLabel()
        self.progress = QProgressBar()
        self.progress.setMaximumHeight(20)
        self.progress.hide()
        self.status = ClampedLabel("", 3)
        self._said = False  # until the tab says something, the status line is the hint (retranslated)
        self.readout = ClampedLabel("", 2)

        buttons = QHBoxLayout()
        for button in (self.play_button, self.step_button, self.reset_button):
            buttons.addWidget(button)
        grid = QGridLayout()
        grid.addWidget(self.source_combo, 0, 0, 1, 2)
        grid.addWidget(self.load_button, 1, 0, 1, 2)
        grid.addLayout(buttons, 2, 0, 1, 2)
        self.speed_label = QLabel()
        grid.addWidget(self.speed_label, 3, 0)
        grid.addWidget(self.speed_combo, 3, 1)
        grid.addWidget(self.bottleneck_label, 4, 0, 1, 2)
        grid.addWidget(self.bottleneck_slider, 5, 0, 1, 2)
        grid.addWidget(self.squeeze_label, 6, 0, 1, 2)
        grid.addWidget(self.noise_label, 7, 0, 1, 2)
        grid.addWidget(self.noise_slider, 8, 0, 1, 2)
        grid.addWidget(self.lr_label, 9, 0)
        grid.addWidget(self.lr_box, 9, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(grid)
        layout.addWidget(self.progress)
        layout.addWidget(self.readout)
        layout.addWidget(self.status)
        layout.addStretch(1)
        self.setMinimumWidth(220)
        self.setMaximumWidth(int(300 * max(1.0, ZOOM.factor)))

        self.apply_state(state)
        self.load_button.clicked.connect(self._on_load_clicked)
        self.source_combo.currentIndexChanged.connect(self.source_changed)
        self.play_button.clicked.connect(self.toggle)
        self.step_button.clicked.connect(self.step_requested)
        self.reset_button.clicked.connect(self.reset_requested)
        self.speed_combo.currentIndexChanged.connect(self._on_speed_chosen)
        self.bottleneck_slider.valueChanged.connect(self._on_bottleneck_moved)
        self.bottleneck_slider.sliderReleased.connect(self._on_bottleneck_released)
        self.noise_slider.valueChanged.connect(self._on_noise_moved)
        self.lr_box.valueChanged.connect(self._on_shape_changed)
        ZOOM.changed.connect(self.rezoom)
        self.retranslate()
        self.set_loaded(False)

    # ------------------------------------------------------------------ settings
    @property
    def source(self) -> str:
        return self.source_combo.currentData()

    @property
    def bottleneck(self) -> int:
        return self.bottleneck_slider.value()

    @property
    def noise(self) -> float:
        return round(self.noise_slider.value() * NOISE_RANGE[1] / NOISE_STEPS, 4)

    def state(self, point=(0.5, 0.5)) -> AutoencoderState:
        return AutoencoderState(self.source, self.folder, self.bottleneck, self.noise, float(self.lr_box.value()),
                                self.speed_combo.currentIndex(), tuple(point))

    def apply_state(self, state: AutoencoderState) -> None:
        """Show `state`'s settings without asking for anything (the tab decides what follows)."""
        blockers = [QSignalBlocker(widget) for widget in (self.source_combo, self.bottleneck_slider, self.noise_slider,
                                                            self.lr_box, self.speed_combo)]
        self.source_combo.setCurrentIndex(SOURCES.index(state.source))
        self.folder = state.folder
        self.bottleneck_slider.setValue(state.bottleneck)
        self.noise_slider.setValue(round(state.noise / NOISE_RANGE[1] * NOISE_STEPS))
        self.lr_box.setValue(max(self.lr_box.minimum(), state.learning_rate))
        self.speed_combo.setCurrentIndex(state.speed_index)
        del blockers
        self._write_values()

    # ------------------------------------------------------------------ what the tab tells it
    def set_loaded(self, loaded: bool) -> None:
        self.loaded = loaded
        for button in (self.step_button, self.reset_button):
            button.setEnabled(loaded and not self.busy)
        self.play_button.setEnabled(not self.busy)

    def set_busy(self, busy: bool) -> None:
        """Loading: the Load button becomes Cancel and a progress bar shows."""
        self.busy = busy
        self.progress.setVisible(busy)
        if busy:
            self.progress.setRange(0, 0)
        self.source_combo.setEnabled(not busy)
        self.set_loaded(self.loaded)
        self.retranslate()

    def show_loading(self, done: int, total: int, what: str) -> None:
        self.progress.setRange(0, max(1, total))
        self.progress.setValue(done)
        self.status.setText(what)

    def set_playing(self, playing: bool) -> None:
        self.playing = playing
        self.retranslate()

    def say(self, sentence: str) -> None:
        self._said = True
        self.status.setText(sentence)
        self.status.setToolTip(sentence)

    def show_readout(self, text: str) -> None:
        self.readout.setText(text)

    # ------------------------------------------------------------------ user actions
    @Slot()
    def toggle(self) -> None:
        """Train or pause (Space); before anything is loaded, Train loads first."""
        if self.busy:
            return
        if not self.loaded:
            self._on_load_clicked()
            return
        self.play_requested.emit(not self.playing)

    @Slot()
    def _on_load_clicked(self) -> None:
        if self.busy:
            self.cancel_requested.emit()
        else:
            self.load_requested.emit()

    @Slot(int)
    def _on_speed_chosen(self, index: int) -> None:
        self.speed_changed.emit(SPEEDS[index])
        self.shape_changed.emit()

    @Slot(int)
    def _on_bottleneck_moved(self, _value: int) -> None:
        self._write_values()
        if not self.bottleneck_slider.isSliderDown():  # dragging: a new network once, on release
            self.shape_changed.emit()

    @Slot()
    def _on_bottleneck_released(self) -> None:
        self.shape_changed.emit()

    @Slot(int)
    def _on_noise_moved(self, _value: int) -> None:
        self._write_values()
        self.shape_changed.emit()

    @Slot()
    def _on_shape_changed(self) -> None:
        self.shape_changed.emit()

    # ------------------------------------------------------------------ texts
    def _write_values(self) -> None:
        self.bottleneck_label.setText(self.tr("Bottleneck: {0} numbers").format(self.bottleneck))
        self.squeeze_label.setText(self.tr("{0} numbers: {1}").format(self.bottleneck, squeeze_words(self.bottleneck)))
        self.noise_label.setText(self.tr("Noise on the inputs: {0:.2f}").format(self.noise) if self.noise > 0 else
                                 self.tr("Noise on the inputs: none"))

    def retranslate(self) -> None:
        for index, kind in enumerate(SOURCES):
            text, tip = SOURCE_WORDS[kind]
            self.source_combo.setItemText(index, _words(text))
            self.source_combo.setItemData(index, _words(tip), Qt.ItemDataRole.ToolTipRole)
        self.source_combo.setToolTip(self.tr("The pictures the autoencoder learns to squeeze and rebuild"))
        for index, words in enumerate(SPEED_WORDS):
            self.speed_combo.setItemText(index, _words(words))
        self.speed_combo.setToolTip(self.tr("Slow training down to watch the reconstructions sharpen"))
        self.speed_label.setText(self.tr("Speed"))
        self.load_button.setText(self.tr("Cancel") if self.busy else self.tr("Load data"))
        self.load_button.setToolTip(self.tr("Stop loading") if self.busy else
                                    self.tr("Read or draw the pictures and build a fresh autoencoder on them"))
        self.play_button.setText(self.tr("❚❚ Pause") if self.playing else self.tr("▶ Train"))
        self.play_button.setToolTip(self.tr("Train continuously, or pause (Space)"))
        self.step_button.setText(self.tr("Step"))
        self.step_button.setToolTip(self.tr("One training step on one batch"))
        self.reset_button.setText(self.tr("Reset"))
        self.reset_button.setToolTip(self.tr("Back to the starting weights"))
        self.bottleneck_slider.setToolTip(self.tr(
            "How many numbers the encoder may keep of each 784-pixel image. 2 numbers: blurry, but the plane of "
            "codes shows every image; 32 numbers: almost perfect. Changing it builds a new network."))
        self.noise_slider.setToolTip(self.tr(
            "Noise added to every input pixel while the target stays clean: a denoising autoencoder learns to "
            "turn a noisy input into a clean picture"))
        self.lr_label.setText(self.tr("Learning rate"))
        self.lr_box.setToolTip(self.tr("The step length of gradient descent: too small crawls, too large diverges"))
        if not self._said:
            self.status.setText(self.tr("Choose pictures and press Load data (or ▶ Train) to train an autoencoder."))
        self._write_values()
        for widget in (self, self.squeeze_label, self.readout, self.status):
            widget.setFont(font(theme.BASE_POINT_SIZE))
        self.readout.setFont(font(theme.BASE_POINT_SIZE, bold=True))

    @Slot(float)
    def rezoom(self, _factor: float = 1.0) -> None:
        self.setMaximumWidth(int(300 * max(1.0, ZOOM.factor)))
        self.retranslate()

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
