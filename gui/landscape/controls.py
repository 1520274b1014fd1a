"""The Landscape tab's left column: surface, optimizers, settings and playback, built onto a LandscapeView.

Like the setupUi(form) that Qt Designer writes, `build_controls(view)` makes the widgets, stores them
as the view's attributes (view.lr_slider, view.checkboxes, ...) and connects them to the view's
handlers; the view keeps all the behaviour.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (QCheckBox, QComboBox, QFormLayout, QGridLayout, QGroupBox, QLabel, QPushButton,
                               QSlider, QSpinBox, QVBoxLayout, QWidget)

from core.landscape.surfaces import KAPPA_RANGE, SURFACES
from core.optimizers import OPTIMIZERS
from gui.landscape.panels import style_icon
from gui.landscape.state import DEFAULT_OPTIMIZERS, DEFAULT_SURFACE, STEPS_RANGE
from gui.style import theme
from gui.style.clock import MAX_SPEED, MIN_SPEED

LR_RANGE = (1e-5, 2.0)
TICKS_PER_DECADE = 100


def log_slider(low: float, high: float) -> QSlider:
    slider = QSlider(Qt.Orientation.Horizontal)
    slider.setRange(0, round(math.log10(high / low) * TICKS_PER_DECADE))
    return slider


def from_log_slider(position: int, low: float) -> float:
    return low * 10 ** (position / TICKS_PER_DECADE)


def to_log_slider(value: float, low: float) -> int:
    return round(math.log10(value / low) * TICKS_PER_DECADE)


def build_controls(view) -> QWidget:
    """The column of controls, connected to `view`'s handlers; its widgets become `view`'s attributes."""
    panel = QWidget()
    panel.setFixedWidth(380)
    column = QVBoxLayout(panel)

    surface_box = QGroupBox(view.tr("Surface"))
    form = QFormLayout(surface_box)
    view.surface_combo = QComboBox()
    for name, item in SURFACES.items():
        view.surface_combo.addItem(view.tr(item.title.split(" (")[0]), name)
    view.surface_combo.setCurrentIndex(list(SURFACES).index(DEFAULT_SURFACE))
    view.surface_combo.setToolTip(view.tr("The loss function the optimizers walk across"))
    view.surface_combo.currentIndexChanged.connect(view._on_surface_chosen)
    form.addRow(view.surface_combo)
    view.kappa_slider = log_slider(*KAPPA_RANGE)
    view.kappa_slider.setValue(to_log_slider(view.kappa, KAPPA_RANGE[0]))
    view.kappa_slider.setToolTip(view.tr("How stretched the bowl is: its steepest over its flattest curvature"))
    view.kappa_slider.valueChanged.connect(view._on_kappa_moved)
    view.kappa_slider.sliderReleased.connect(view._on_kappa_released)
    view.kappa_label = QLabel()
    form.addRow(view.kappa_label, view.kappa_slider)
    column.addWidget(surface_box)

    optimizer_box = QGroupBox(view.tr("Optimizers"))
    boxes = QVBoxLayout(optimizer_box)
    view.checkboxes: dict[str, QCheckBox] = {}
    for name, label in OPTIMIZERS.items():
        box = QCheckBox(label)
        box.setIcon(style_icon(name))
        box.setIconSize(QSize(64, 28))
        box.setChecked(name in DEFAULT_OPTIMIZERS)
        box.setToolTip(view.tr("Race {0} from the start point").format(label))
        box.toggled.connect(view._on_setting_changed)
        boxes.addWidget(box)
        view.checkboxes[name] = box
    column.addWidget(optimizer_box)

    settings_box = QGroupBox(view.tr("Settings"))
    form = QFormLayout(settings_box)
    view.lr_slider = log_slider(*LR_RANGE)
    view.lr_slider.setToolTip(view.tr("The learning rate: the length of each step downhill"))
    view.lr_slider.valueChanged.connect(view._on_lr_moved)
    view.lr_label = QLabel()
    form.addRow(view.lr_label, view.lr_slider)
    view.momentum_slider = QSlider(Qt.Orientation.Horizontal)
    view.momentum_slider.setRange(0, 99)
    view.momentum_slider.setValue(round(view.momentum * 100))
    view.momentum_slider.setToolTip(view.tr("How much of the last step Momentum and Nesterov keep"))
    view.momentum_slider.valueChanged.connect(view._on_momentum_moved)
    view.momentum_label = QLabel()
    form.addRow(view.momentum_label, view.momentum_slider)
    view.steps_spin = QSpinBox()
    view.steps_spin.setRange(*STEPS_RANGE)
    view.steps_spin.setSingleStep(50)
    view.steps_spin.setValue(view.steps)
    view.steps_spin.setToolTip(view.tr("How many steps each optimizer takes"))
    view.steps_spin.valueChanged.connect(view._on_steps_changed)
    form.addRow(view.tr("steps"), view.steps_spin)
    view.arrows_box = QCheckBox(view.tr("show arrows"))
    view.arrows_box.setToolTip(view.tr("Show the downhill direction and the momentum at each optimizer"))
    view.arrows_box.toggled.connect(view._on_arrows_toggled)
    form.addRow(view.arrows_box)
    arrows_key = QLabel(view.tr("solid arrow: downhill (−gradient)\ndashed arrow: momentum"))
    arrows_key.setFont(theme.font(theme.BASE_POINT_SIZE))
    form.addRow(arrows_key)
    column.addWidget(settings_box)

    play_box = QGroupBox(view.tr("Playback"))
    grid = QGridLayout(play_box)
    buttons = [(view.tr("Reset"), view.tr("Back to the start point"), view.reset),
               (view.tr("◀ Back"), view.tr("One step back"), view.back),
               (view.tr("▶ Play"), view.tr("Play or pause the race"), view.toggle),
               (view.tr("Step ▶"), view.tr("One step forward"), view.step)]
    for index, (text, tip, slot) in enumerate(buttons):
        button = QPushButton(text)
        button.setToolTip(tip)
        button.clicked.connect(slot)
        grid.addWidget(button, index // 2, index % 2)
    view.play_button = grid.itemAtPosition(1, 0).widget()
    view.speed_slider = log_slider(MIN_SPEED, MAX_SPEED)
    view.speed_slider.setValue(to_log_slider(1.0, MIN_SPEED))
    view.speed_slider.setToolTip(view.tr("Playback speed, from 0.1× to 10×"))
    view.speed_slider.valueChanged.connect(view._on_speed_moved)
    view.speed_label = QLabel()
    grid.addWidget(view.speed_label, 2, 0)
    grid.addWidget(view.speed_slider, 2, 1)
    column.addWidget(play_box)
    column.addStretch(1)
    return panel
