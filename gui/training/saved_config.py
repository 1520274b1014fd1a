"""The training settings the last session saved, read without building the main window.

The window starts from them, and the command line lays its training options over them.
"""

from __future__ import annotations

import json

from PySide6.QtCore import QSettings

from core.errors import GlassboxError
from core.mlp.config import TrainConfig


def load_saved_config(settings: QSettings) -> TrainConfig:
    """The last session's settings, or the defaults if there are none or they no longer validate."""
    try:
        return TrainConfig.from_dict(json.loads(str(settings.value("training/config", "{}"))))
    except (GlassboxError, ValueError, TypeError):
        return TrainConfig()
