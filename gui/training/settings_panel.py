"""SettingsPanel: choose the dataset, the architecture and the optimizer.

Every change is applied at once, as in TensorFlow Playground: the panel builds a
TrainConfig, validates it with core's rules, and emits it; a bad value shows one
sentence under the controls and changes nothing else.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from core.mlp.config import MAX_BATCH, MAX_SEED, TrainConfig, parse_hidden
from core.data.input_features import FEATURE_LABELS, FEATURES
from core.data.toy2d import DATASETS, MAX_POINTS, MIN_POINTS
from core.errors import ConfigError
from core.nets.mlp import ACTIVATIONS
from core.optimizers import OPTIMIZERS
from gui.style import theme
LEARNING_RATES = ("0.00001", "0.0001", "0.001", "0.003", "0.01", "0.03", "0.1", "0.3", "1", "3", "10", "50")
REGULARIZATION_RATES = ("0", "0.0001", "0.001", "0.003", "0.01", "0.03", "0.1", "0.3", "1", "3", "10")
PER_LAYER = "per-layer"  # the activation combo's data when the hidden layers have different activations
ACTIVATION_LABELS = {"relu": "ReLU", "tanh": "tanh", "sigmoid": "sigmoid", "linear": "linear", "leaky_relu": "leaky ReLU"}


class SettingsPanel(QWidget):
    config_changed = Signal(object)  # a validated TrainConfig

    def __init__(self, config: TrainConfig, parent: QWidget | None = None):
        super().__init__(parent)
        self._device = config.device
        layout = QVBoxLayout(self)
        layout.addWidget(self._build_data_group())
        layout.addWidget(self._build_network_group())
        layout.addWidget(self._build_optimizer_group())
        self.error = QLabel("")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(f"color: {theme.VERMILLION}; font-weight: bold;")
        self.error.hide()
        layout.addWidget(self.error)
        layout.addStretch(1)
        self.set_config(config)
        self._connect_changes()

    # ------------------------------------------------------------------ building
    def _build_data_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Data"))
        form = QFormLayout(group)
        self.dataset = QComboBox()
        for name, spec in DATASETS.items():
            self.dataset.addItem(name, name)
            self.dataset.setItemData(self.dataset.count() - 1, spec.description, Qt.ItemDataRole.ToolTipRole)
        self.dataset.setToolTip(self.tr("Which dataset to learn: 2-D points, or 28×28 digits. "
                                        "Hover an entry for a description."))
        form.addRow(self.tr("Dataset"), self.dataset)
        self.noise = _spin(0, 100, self.tr("How much random noise blurs the points."), suffix=" %")
        form.addRow(self.tr("Noise"), self.noise)
        self.train_share = _spin(10, 90, self.tr("Share of the points used for training; the rest test."), suffix=" %")
        form.addRow(self.tr("Training share"), self.train_share)
        self.points = _spin(MIN_POINTS, MAX_POINTS, self.tr("How many points to generate."))
        form.addRow(self.tr("Points"), self.points)
        self.seed = _spin(0, MAX_SEED, self.tr("The same seed gives the same data, weights and losses."))
        form.addRow(self.tr("Seed"), self.seed)
        return group

    def _build_network_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Network"))
        form = QFormLayout(group)
        features = self._features = QWidget()
        features.setToolTip(self.tr("Inputs computed from the point (x₁, x₂). "
                                    "Image datasets feed their pixels instead."))
        grid = QGridLayout(features)
        grid.setContentsMargins(0, 0, 0, 0)
        self.feature_boxes: dict[str, QCheckBox] = {}
        for index, name in enumerate(FEATURES):
            box = QCheckBox(FEATURE_LABELS[name])
            box.setToolTip(self.tr("Feed {0} to the first layer.").format(FEATURE_LABELS[name]))
            grid.addWidget(box, index // 2, index % 2)
            self.feature_boxes[name] = box
        form.addRow(self.tr("Inputs"), features)
        self.hidden = QLineEdit()
        self.hidden.setToolTip(
            self.tr("Neurons per hidden layer, comma-separated: 8,8 or 64,64,64,64. Leave empty for none.")
        )
        form.addRow(self.tr("Hidden layers"), self.hidden)
        self.activation = QComboBox()
        for name in ACTIVATIONS:
            self.activation.addItem(ACTIVATION_LABELS[name], name)
        self.activation.setToolTip(self.tr("a = σ(z), applied after every hidden layer's weighted sum. "
                                           "Click a layer's name on the network graph to set it per layer."))
        self._layer_activations: tuple[str, ...] = ()
        form.addRow(self.tr("Activation"), self.activation)
        return group

    def _build_optimizer_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Optimizer"))
        form = QFormLayout(group)
        self.optimizer = QComboBox()
        for name, label in OPTIMIZERS.items():
            self.optimizer.addItem(label, name)
        self.optimizer.setToolTip(self.tr("How each step turns the gradient into a weight change (torch.optim)."))
        form.addRow(self.tr("Optimizer"), self.optimizer)
        self.learning_rate = _number_combo(LEARNING_RATES, self.tr("η, the step length. Too large overshoots."))
        form.addRow(self.tr("Learning rate"), self.learning_rate)
        self.batch = _spin(1, MAX_BATCH, self.tr("Examples averaged into each step's gradient."))
        form.addRow(self.tr("Batch size"), self.batch)
        self.regularization = QComboBox()
        for name, label in (("none", self.tr("None")), ("l1", "L1"), ("l2", "L2")):
            self.regularization.addItem(label, name)
        self.regularization.setToolTip(self.tr("Penalise large weights: L1 adds rate·Σ|w|, L2 adds rate·½Σw²."))
        form.addRow(self.tr("Regularisation"), self.regularization)
        self.regularization_rate = _number_combo(REGULARIZATION_RATES, self.tr("How strongly large weights are penalised."))
        form.addRow(self.tr("Regularisation rate"), self.regularization_rate)
        return group

    def _connect_changes(self) -> None:
        for combo in (self.dataset, self.activation, self.optimizer, self.regularization):
            combo.currentIndexChanged.connect(self._emit_config)
        for spin in (self.noise, self.train_share, self.points, self.seed, self.batch):
            spin.valueChanged.connect(self._emit_config)
        for box in self.feature_boxes.values():
            box.toggled.connect(self._emit_config)
        self.hidden.editingFinished.connect(self._emit_config)
        for combo in (self.learning_rate, self.regularization_rate):
            combo.lineEdit().editingFinished.connect(self._emit_config)
            combo.activated.connect(self._emit_config)

    # ------------------------------------------------------------------ reading and writing
    def set_config(self, config: TrainConfig) -> None:
        """Show `config` in the controls without emitting anything."""
        self._device = config.device
        widgets = [self.dataset, self.noise, self.train_share, self.points, self.seed, self.hidden, self.activation,
                   self.optimizer, self.learning_rate, self.batch, self.regularization, self.regularization_rate,
                   *self.feature_boxes.values()]
        for widget in widgets:
            widget.blockSignals(True)
        self.dataset.setCurrentIndex(self.dataset.findData(config.dataset))
        self.noise.setValue(round(config.noise * 100))
        self.train_share.setValue(round(config.train_fraction * 100))
        self.points.setValue(config.n_points)
        self.seed.setValue(config.seed)
        for name, box in self.feature_boxes.items():
            box.setChecked(name in config.features)
        self._features.setEnabled(not DATASETS[config.dataset].image_side)  # digits feed their pixels
        self.hidden.setText(",".join(str(width) for width in config.hidden))
        self._show_activations(config)
        self.optimizer.setCurrentIndex(self.optimizer.findData(config.optimizer))
        self.learning_rate.setCurrentText(f"{config.learning_rate:g}")
        self.batch.setValue(config.batch_size)
        self.regularization.setCurrentIndex(self.regularization.findData(config.regularization))
        self.regularization_rate.setCurrentText(f"{config.regularization_rate:g}")
        for widget in widgets:
            widget.blockSignals(False)
        self.error.hide()

    def set_device(self, device: str) -> None:
        self._device = device
        self._emit_config()

    def config(self) -> TrainConfig:
        """The controls as a validated TrainConfig; raises ConfigError with one sentence."""
        return TrainConfig(
            dataset=self.dataset.currentData(),
            noise=self.noise.value() / 100,
            train_fraction=self.train_share.value() / 100,
            n_points=self.points.value(),
            features=tuple(name for name, box in self.feature_boxes.items() if box.isChecked()),
            hidden=parse_hidden(self.hidden.text()),
            **self._activation_fields(len(parse_hidden(self.hidden.text()))),
            optimizer=self.optimizer.currentData(),
            learning_rate=_parse_number(self.learning_rate.currentText(), self.tr("learning rate")),
            batch_size=self.batch.value(),
            regularization=self.regularization.currentData(),
            regularization_rate=_parse_number(self.regularization_rate.currentText(), self.tr("regularisation rate")),
            seed=self.seed.value(),
            device=self._device,
        ).validated()

    def _show_activations(self, config: TrainConfig) -> None:
        """One activation, or a "per layer" entry when the graph has given layers different ones."""
        self._layer_activations = config.layer_activations
        index = self.activation.findData(PER_LAYER)
        if config.layer_activations:
            if index < 0:
                self.activation.addItem("", PER_LAYER)
                index = self.activation.count() - 1
            self.activation.setItemText(index, self.tr("per layer: {0}").format(", ".join(config.layer_activations)))
            self.activation.setCurrentIndex(index)
            return
        if index >= 0:
            self.activation.removeItem(index)
        self.activation.setCurrentIndex(self.activation.findData(config.activation))

    def _activation_fields(self, n_hidden: int) -> dict:
        """TrainConfig fields for the activation combo; per-layer names follow a changed layer count."""
        if self.activation.currentData() != PER_LAYER or not self._layer_activations:
            return {"activation": self.activation.currentData(), "layer_activations": ()}
        names = list(self._layer_activations[:n_hidden])
        names += [names[-1] if names else self._layer_activations[-1]] * (n_hidden - len(names))
        return {"activation": self._layer_activations[0], "layer_activations": tuple(names)}

    def show_error(self, message: str) -> None:
        self.error.setText("⚠ " + message)
        self.error.show()

    def _emit_config(self, *_) -> None:
        try:
            config = self.config()
        except ConfigError as error:
            self.show_error(str(error))
            return
        self.error.hide()
        self.config_changed.emit(config)


def _spin(low: int, high: int, tooltip: str, suffix: str = "") -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(low, high)
    spin.setSuffix(suffix)
    spin.setToolTip(tooltip)
    spin.setKeyboardTracking(False)  # apply when the user commits, not at every keystroke
    return spin


def _number_combo(values: tuple[str, ...], tooltip: str) -> QComboBox:
    combo = QComboBox()
    combo.setEditable(True)
    combo.addItems(values)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    combo.setToolTip(tooltip)
    return combo


def _parse_number(text: str, what: str) -> float:
    try:
        return float(text.strip())
    except ValueError:
        raise ConfigError(f"The {what} must be a number such as 0.03, not '{text}'.") from None
