"""Typed errors that carry one sentence a person can act on.

The GUI shows `str(error)` in the window, the command line prints `error: <str(error)>`
and exits 2. So every message says what went wrong and what to do about it.
"""


class GlassboxError(Exception):
    """Base class of every error that is the user's input, not our bug."""


class ConfigError(GlassboxError, ValueError):
    """A training setting is out of range or unknown."""


class DatasetError(GlassboxError):
    """A dataset cannot be made or read."""


class DeviceError(GlassboxError):
    """The requested compute device is not available."""


class DivergedError(GlassboxError):
    """The loss became non-finite (or exploded); weights were rolled back."""

    def __init__(self, step: int, value: float):
        self.step = step
        self.value = value
        super().__init__(
            f"Training diverged at step {step}: the loss became {value:.4g}. "
            "The weights were restored to the last finite state; lower the learning rate and train again."
        )


class ImageLoadError(GlassboxError):
    """A file or clipboard item cannot be read as an image (not an image, corrupt, or too large)."""


class DownloadError(GlassboxError):
    """A dataset download failed: offline, interrupted, cancelled or corrupt."""


class ModelError(GlassboxError):
    """A model's weights or description cannot be loaded."""


class SessionError(GlassboxError):
    """A session file cannot be read or written: not a session, damaged, unsafe or from a newer Glassbox."""
