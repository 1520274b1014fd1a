"""SettingsPanel: choose the dataset, the architecture and the optimizer.

Every change is applied at once, as in TensorFlow Playground: the panel builds a
TrainConfig, validates it with core's rules, and emits it; a bad value shows one
sentence under the controls and changes nothing else.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, Qt, Signal
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
from gui.i18n import say
from gui.style import theme
from gui.training.looks import Texts
from gui.training.names import activation_name, dataset_name
from gui.training.names import name as named
LEARNING_RATES = ("0.00001", "0.0001", "0.001", "0.003", "0.01", "0.03", "0.1", "0.3", "1", "3", "10", "50")
REGULARIZATION_RATES = ("0", "0.0001", "0.001", "0.003", "0.01", "0.03", "0.1", "0.3", "1", "3", "10")
NOT_A_LEARNING_RATE = QT_TRANSLATE_NOOP("SettingsPanel", "The learning rate must be a number such as 0.03, not '{text}'.")
NOT_A_RATE = QT_TRANSLATE_NOOP("SettingsPanel", "The regularisation rate must be a number such as 0.01, not '{text}'.")
PER_LAYER = "per-layer"  # the activation combo's data when the hidden layers have different activations


class SettingsPanel(QWidget):
    """Three groups of labelled controls; labels go above their fields when the dock is narrow."""

    config_changed = Signal(object)  # a validated TrainConfig

    def __init__(self, config: TrainConfig, parent: QWidget | None = None):
        super().__init__(parent)
        self._device = config.device
        self._texts = Texts("SettingsPanel")
        self._last_error: BaseException | str | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self._build_data_group())
        layout.addWidget(self._build_network_group())
        layout.addWidget(self._build_optimizer_group())
        self.error = QLabel("")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(f"color: {theme.VERMILLION}; font-weight: bold;")
        self.error.hide()
        layout.addWidget(self.error)
        self.estimate = QLabel("")  # what the chosen network and data will need: weights, memory, time a step
        self.estimate.setWordWrap(True)
        self.estimate.setStyleSheet(f"color: {theme.GREY};")
        self._texts.bind(self.estimate.setToolTip, QT_TRANSLATE_NOOP(
            "SettingsPanel", "A rough estimate for this computer, from the sizes alone: a network that cannot fit "
            "in its memory is not started."))
        layout.addWidget(self.estimate)
        layout.addStretch(1)
        self.set_config(config)
        self._connect_changes()
        self.retranslate()

    # ------------------------------------------------------------------ building
    def _form(self, group: QGroupBox) -> QFormLayout:
        form = QFormLayout(group)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # a narrow dock: labels above fields
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        return form

    def _row(self, form: QFormLayout, source: str, field: QWidget) -> None:
        label = QLabel()
        label.setBuddy(field)
        self._texts.bind(label.setText, source)
        form.addRow(label, field)

    def _build_data_group(self) -> QGroupBox:
        group = QGroupBox()
        self._texts.bind(group.setTitle, QT_TRANSLATE_NOOP("SettingsPanel", "Data"))
        form = self._form(group)
        self.dataset = _narrow(QComboBox())
        for name in DATASETS:
            self.dataset.addItem(name, name)
        self._texts.bind(self.dataset.setToolTip, QT_TRANSLATE_NOOP(
            "SettingsPanel", "Which dataset to learn: 2-D points, or 28×28 digits. Hover an entry for a description."))
        self._row(form, QT_TRANSLATE_NOOP("SettingsPanel", "Dataset"), self.dataset)
        self.noise = _spin(0, 100, suffix=" %")
        self._texts.bind(self.noise.setToolTip, QT_TRANSLATE_NOOP("SettingsPanel", "How much random noise blurs the points."))
        self._row(form, QT_TRANSLATE_NOOP("SettingsPanel", "Noise"), self.noise)
        self.train_share = _spin(10, 90, suffix=" %")
        self._texts.bind(self.train_share.setToolTip, QT_TRANSLATE_NOOP(
            "SettingsPanel", "Share of the points used for training; the rest test."))
        self._row(form, QT_TRANSLATE_NOOP("SettingsPanel", "Training share"), self.train_share)
        self.points = _spin(MIN_POINTS, MAX_POINTS)
        self._texts.bind(self.points.setToolTip, QT_TRANSLATE_NOOP("SettingsPanel", "How many points to generate."))
        self._row(form, QT_TRANSLATE_NOOP("SettingsPanel", "Points"), self.points)
        self.seed = _spin(0, MAX_SEED)
        self._texts.bind(self.seed.setToolTip, QT_TRANSLATE_NOOP(
            "SettingsPanel", "The same seed gives the same data, weights and losses."))
        self._row(form, QT_TRANSLATE_NOOP("SettingsPanel", "Seed"), self.seed)
        return group

    def _build_network_group(self) -> QGroupBox:
        group = QGroupBox()
        self._texts.bind(group.setTitle, QT_TRANSLATE_NOOP("SettingsPanel", "Network"))
        form = self._form(group)
        features = self._features = QWidget()
        self._texts.bind(features.setToolTip, QT_TRANSLATE_NOOP(
            "SettingsPanel", "Inputs computed from the point (x₁, x₂). Image datasets feed their pixels instead."))
        grid = QGridLayout(features)
        grid.setContentsMargins(0, 0, 0, 0)
        self.feature_boxes: dict[str, QCheckBox] = {}
        for index, name in enumerate(FEATURES):
            box = QCheckBox(FEATURE_LABELS[name])
            self._texts.bind(box.setToolTip, QT_TRANSLATE_NOOP("SettingsPanel", "Feed {0} to the first layer."),
                             FEATURE_LABELS[name])
            grid.addWidget(box, index // 2, index % 2)
            self.feature_boxes[name] = box
        self._row(form, QT_TRANSLATE_NOOP("SettingsPanel", "Inputs"), features)
        self.hidden = QLineEdit()
        self.hidden.setMinimumWidth(60)
        self._texts.bind(self.hidden.setToolTip, QT_TRANSLATE_NOOP(
            "SettingsPanel", "Neurons per hidden layer, comma-separated: 8,8 or 64,64,64,64. Leave empty for none."))
        self._row(form, QT_TRANSLATE_NOOP("SettingsPanel", "Hidden layers"), self.hidden)
        self.activation = _narrow(QComboBox())
        for name in ACTIVATIONS:
            self.activation.addItem(name, name)
        self._texts.bind(self.activation.setToolTip, QT_TRANSLATE_NOOP(
            "SettingsPanel", "a = σ(z), applied after every hidden layer's weighted sum. "
            "Click a layer's name on the network graph to set it per layer."))
        self._layer_activations: tuple[str, ...] = ()
        self._row(form, QT_TRANSLATE_NOOP("SettingsPanel", "Activation"), self.activation)
        return group

    def _build_optimizer_group(self) -> QGroupBox:
        group = QGroupBox()
        self._texts.bind(group.setTitle, QT_TRANSLATE_NOOP("SettingsPanel", "Optimizer"))
        form = self._form(group)
        self.optimizer = _narrow(QComboBox())
        for name, label in OPTIMIZERS.items():
            self.optimizer.addItem(label, name)
        self._texts.bind(self.optimizer.setToolTip, QT_TRANSLATE_NOOP(
            "SettingsPanel", "How each step turns the gradient into a weight change (torch.optim)."))
        self._row(form, QT_TRANSLATE_NOOP("SettingsPanel", "Optimizer"), self.optimizer)
        self.learning_rate = _number_combo(LEARNING_RATES)
        self._texts.bind(self.learning_rate.setToolTip, QT_TRANSLATE_NOOP(
            "SettingsPanel", "η, the step length. Too large overshoots."))
        self._row(form, QT_TRANSLATE_NOOP("SettingsPanel", "Learning rate"), self.learning_rate)
        self.batch = _spin(1, MAX_BATCH)
        self._texts.bind(self.batch.setToolTip, QT_TRANSLATE_NOOP(
            "SettingsPanel", "Examples averaged into each step's gradient."))
        self._row(form, QT_TRANSLATE_NOOP("SettingsPanel", "Batch size"), self.batch)
        self.regularization = _narrow(QComboBox())
        for name, label in (("none", "none"), ("l1", "L1"), ("l2", "L2")):
            self.regularization.addItem(label, name)
        self._texts.bind(self.regularization.setToolTip, QT_TRANSLATE_NOOP(
            "SettingsPanel", "Penalise large weights: L1 adds rate·Σ|w|, L2 adds rate·½Σw²."))
        self._row(form, QT_TRANSLATE_NOOP("SettingsPanel", "Regularisation"), self.regularization)
        self.regularization_rate = _number_combo(REGULARIZATION_RATES)
        self._texts.bind(self.regularization_rate.setToolTip, QT_TRANSLATE_NOOP(
            "SettingsPanel", "How strongly large weights are penalised."))
        self._row(form, QT_TRANSLATE_NOOP("SettingsPanel", "Regularisation rate"), self.regularization_rate)
        return group

    def retranslate(self) -> None:
        """Every label, tip and combo entry in the current language (and the last error, said again)."""
        self._texts.refresh()
        for index in range(self.dataset.count()):
            key = self.dataset.itemData(index)
            self.dataset.setItemText(index, dataset_name(key))
            self.dataset.setItemData(index, named(DATASETS[key].description), Qt.ItemDataRole.ToolTipRole)
        for index in range(self.activation.count()):
            if self.activation.itemData(index) != PER_LAYER:
                self.activation.setItemText(index, activation_name(self.activation.itemData(index)))
        self._name_per_layer()
        self.regularization.setItemText(0, self.tr("None"))
        if self._last_error is not None and not self.error.isHidden():
            self.show_error(self._last_error)
        self._show_estimate()

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

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
        self._shown_config = config
        self._show_estimate()

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
            learning_rate=_parse_number(self.learning_rate.currentText(), NOT_A_LEARNING_RATE),
            batch_size=self.batch.value(),
            regularization=self.regularization.currentData(),
            regularization_rate=_parse_number(self.regularization_rate.currentText(), NOT_A_RATE),
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
            self.activation.setCurrentIndex(index)
            self._name_per_layer()
            return
        if index >= 0:
            self.activation.removeItem(index)
        self.activation.setCurrentIndex(self.activation.findData(config.activation))

    def _name_per_layer(self) -> None:
        index = self.activation.findData(PER_LAYER)
        if index >= 0:
            names = ", ".join(activation_name(layer) for layer in self._layer_activations)
            self.activation.setItemText(index, self.tr("per layer: {0}").format(names))

    def _activation_fields(self, n_hidden: int) -> dict:
        """TrainConfig fields for the activation combo; per-layer names follow a changed layer count."""
        if self.activation.currentData() != PER_LAYER or not self._layer_activations:
            return {"activation": self.activation.currentData(), "layer_activations": ()}
        names = list(self._layer_activations[:n_hidden])
        names += [names[-1] if names else self._layer_activations[-1]] * (n_hidden - len(names))
        return {"activation": self._layer_activations[0], "layer_activations": tuple(names)}

    def show_error(self, message: BaseException | str) -> None:
        """One sentence under the controls: a core error is said in the current language."""
        self._last_error = message
        if isinstance(message, str):
            text = message
        elif getattr(message, "template", None) in (NOT_A_LEARNING_RATE, NOT_A_RATE):  # the panel's own sentences
            text = self.tr(message.template).format(**message.values)
        else:
            text = say(message)
        self.error.setText("⚠ " + text)
        self.error.show()

    def _emit_config(self, *_) -> None:
        try:
            config = self.config()
        except ConfigError as error:
            self.show_error(error)
            return
        self.error.hide()
        self._shown_config = config
        self._show_estimate()
        self.config_changed.emit(config)

    def _show_estimate(self) -> None:
        """The hint line: weights, memory and the time of a step, for the settings shown (core.limits)."""
        config = getattr(self, "_shown_config", None)
        if config is None:
            return
        try:
            from core.limits import describe, mlp_training

            self.estimate.setText(say(describe(mlp_training(config, config.n_points))))
        except Exception:  # noqa: BLE001 - a hint that cannot be computed is left out, never an error
            self.estimate.setText("")


def _spin(low: int, high: int, suffix: str = "") -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(low, high)
    spin.setSuffix(suffix)
    spin.setKeyboardTracking(False)  # apply when the user commits, not at every keystroke
    return spin


def _narrow(combo: QComboBox) -> QComboBox:
    """A combo box that asks for a few characters' width, not its longest entry's: the dock can be narrow."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(8)
    return combo


def _number_combo(values: tuple[str, ...]) -> QComboBox:
    combo = _narrow(QComboBox())
    combo.setEditable(True)
    combo.addItems(values)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    return combo


def _parse_number(text: str, sentence: str) -> float:
    """`sentence` (with {text}) is the error when `text` is not a number."""
    try:
        return float(text.strip())
    except ValueError:
        raise ConfigError(sentence, text=text) from None
