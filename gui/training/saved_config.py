"""The training settings the last session saved, read without building the main window.

The window starts from them, and the command line lays its training options over them.
A saved value that no longer validates falls back to its default alone (the other saved
values stay), and the key is recorded so the window can say so (gui/widgets/saved_values.py).
"""

from __future__ import annotations

from dataclasses import fields

from PySide6.QtCore import QSettings

from core.mlp.config import TrainConfig
from gui.widgets.saved_values import read_json_dict, record_reset

CONFIG_KEY = "training/config"


def load_saved_config(settings: QSettings | None) -> TrainConfig:
    """The last session's settings; what does not validate takes its default, key by key. Never raises."""
    data = read_json_dict(settings, CONFIG_KEY)
    if not data:
        return TrainConfig()
    known = {field.name for field in fields(TrainConfig)}
    data = {key: value for key, value in data.items() if key in known}
    config = _config_or_none(data)
    if config is not None:
        return config
    record_reset(CONFIG_KEY)
    kept: dict = {}
    for key, value in data.items():  # keep each saved value that validates beside the ones kept so far
        if _config_or_none({**kept, key: value}) is not None:
            kept[key] = value
    return _config_or_none(kept) or TrainConfig()


def _config_or_none(data: dict) -> TrainConfig | None:
    try:
        return TrainConfig.from_dict(data)
    except Exception:  # noqa: BLE001 - anything in a settings file must fall back, whatever it raises
        return None
