"""The window's saved settings: what it reads as it opens and writes as it closes (QSettings).

Every read goes through gui/widgets/saved_values.py, so a value that does not read takes its
default alone and is named in the one sentence the window shows after it opens.
"""

from __future__ import annotations

import json

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QMainWindow

from core.mlp.config import TrainConfig
from gui.training.saved_config import CONFIG_KEY, load_saved_config
from gui.training.state import SPEED_RATES, TrainingState
from gui.widgets import saved_values
from gui.widgets.saved_values import read_bytes, read_int

SPEED_KEY, GEOMETRY_KEY, STATE_KEY, TAB_KEY = "training/speed_index", "window/geometry", "window/state", "window/tab"
DEFAULT_SIZE = (1400, 860)


def saved_training_state(settings: QSettings) -> TrainingState:
    """The last session's training settings; a value that no longer reads falls back to its default alone."""
    return TrainingState(config=load_saved_config(settings),
                         speed_index=read_int(settings, SPEED_KEY, 0, 0, len(SPEED_RATES) - 1))


def save_training_state(settings: QSettings, state: TrainingState) -> None:
    saved = state.to_dict()
    settings.setValue(CONFIG_KEY, json.dumps(saved["config"]))
    settings.setValue(SPEED_KEY, saved["speed_index"])


def saved_tab_index(settings: QSettings, count: int) -> int:
    return read_int(settings, TAB_KEY, 0, 0, count - 1)


def step_seconds(config: TrainConfig) -> float:
    """The estimated seconds of one training step of `config` (core.limits; 0 when it cannot be estimated)."""
    try:
        from core.limits import mlp_training

        return mlp_training(config, config.n_points).seconds
    except Exception:  # noqa: BLE001 - only a hint
        return 0.0


def restore_window(window: QMainWindow, settings: QSettings) -> None:
    """The last geometry and layout, or a size that fits the screen: a 1024×768 projector gets the whole of it."""
    screen = window.screen().availableGeometry() if QApplication.platformName() != "offscreen" else None
    geometry = read_bytes(settings, GEOMETRY_KEY)
    restored = geometry is not None and window.restoreGeometry(geometry)
    if geometry is not None and not restored:
        saved_values.record_reset(GEOMETRY_KEY)
    if not restored:
        window.resize(*DEFAULT_SIZE)
        if screen is not None:  # the first start: most of the screen, whatever its size
            window.resize(max(DEFAULT_SIZE[0], screen.width() * 9 // 10),
                          max(DEFAULT_SIZE[1], screen.height() * 9 // 10))
    state = read_bytes(settings, STATE_KEY)
    if state is not None and not window.restoreState(state):
        saved_values.record_reset(STATE_KEY)
    if screen is not None and (window.width() > screen.width() or window.height() > screen.height()):
        window.resize(min(window.width(), screen.width()), min(window.height(), screen.height()))
        window.setWindowState(Qt.WindowState.WindowMaximized)


def save_window(window: QMainWindow, settings: QSettings, state: TrainingState, tab_index: int,
                dock_folded: bool) -> None:
    """Geometry, layout (with the settings dock out, as a wide screen shows it), training settings and tab."""
    settings.setValue(GEOMETRY_KEY, window.saveGeometry())
    if dock_folded:
        window.dock.show()  # save the layout the training tabs use on a wide screen, not a folded one
    settings.setValue(STATE_KEY, window.saveState())
    if dock_folded:
        window.dock.hide()
    save_training_state(settings, state)
    settings.setValue(TAB_KEY, tab_index)
    settings.sync()
