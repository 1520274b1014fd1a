"""Typed errors that carry one sentence a person can act on.

The GUI shows the sentence in the window (translated: gui.i18n.say), the command line
prints `error: <str(error)>` and exits 2. So every message says what went wrong and what
to do about it.

An error carries an English `template` with named fields and their `values`:
`raise ConfigError("'{name}' is not an optimizer.", name=name)`. `str(error)` is the
filled-in English; the GUI looks the template up in its "core" translations and fills
in the same values. Templates are literal strings (scripts/core_messages.py extracts
them for translators), so a field's value is a number, a name or a list of names,
never English words the program chose: those are a `Phrase`, which has a template of
its own (`Phrase("The learning rate")`, `Phrase("{names} are missing", names=...)`).
`error.sentence(translate)` passes every template through `translate` first.
"""

from __future__ import annotations


class GlassboxError(Exception):
    """Base class of every error that is the user's input, not our bug.

    `GlassboxError(template, **values)`: `str(error)` is `template.format(**values)`.
    With no values the template is the sentence itself (braces are not interpreted).
    """

    def __init__(self, template: str = "", **values):
        self.template = str(template)
        # An exception among the values is kept as its text: not its traceback (and the frames it holds).
        self.values = {key: str(value) if isinstance(value, BaseException) else value for key, value in values.items()}
        super().__init__(self._fill())

    def _fill(self) -> str:
        return _filled(self.template, self.values)

    def __str__(self) -> str:
        return self._fill()

    def sentence(self, translate=None) -> str:
        """The sentence with every template (this one and any Phrase among the values) passed
        through `translate(english) -> text` first; str(error) where a translation does not fit."""
        return _sentence(self, translate)

    def __reduce__(self):
        return (_rebuild, (type(self), self.template, self.values, dict(self.__dict__)))


class Phrase(str):
    """A word or clause the program puts into a sentence, translated with it.

    `Phrase("The learning rate")` or `Phrase("{names} is missing", names=...)`: it is the
    English text wherever a str is, and carries its own template and values so that the
    GUI can translate it too (GlassboxError.sentence). Its template is a literal, like an
    error's, so that scripts/core_messages.py finds it.
    """

    template: str
    values: dict

    def __new__(cls, template: str, **values):
        text = super().__new__(cls, _filled(str(template), values))
        text.template = str(template)
        text.values = dict(values)
        return text

    def __reduce__(self):
        return (_phrase, (self.template, self.values))

    def sentence(self, translate=None) -> str:
        """The text with its template (and any Phrase among its values) passed through `translate`."""
        return _sentence(self, translate)


def _phrase(template, values):
    return Phrase(template, **values)


def _filled(template: str, values: dict, strict: bool = False) -> str:
    """template.format(**values); with no values the template is the text (braces and all)."""
    if not values:
        return template
    try:
        return template.format(**values)
    except (KeyError, IndexError, ValueError):
        if strict:
            raise
        return template


def _sentence(item, translate) -> str:
    if translate is None:
        return str(item)
    try:
        return _filled(translate(item.template), _localised(item.values, translate), strict=True)
    except (KeyError, IndexError, ValueError, TypeError, AttributeError):
        return str(item)


def _localised(values: dict, translate) -> dict:
    return {
        key: _filled(translate(value.template), _localised(value.values, translate), strict=True)
        if isinstance(value, Phrase) else value
        for key, value in values.items()
    }


def _rebuild(cls, template, values, state):
    error = GlassboxError.__new__(cls)
    GlassboxError.__init__(error, template, **values)
    error.__dict__.update(state)
    return error


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
            "Training diverged at step {step}: the loss became {value:.4g}. "
            "The weights were restored to the last finite state; lower the learning rate and train again.",
            step=step,
            value=value,
        )


class ImageLoadError(GlassboxError):
    """A file or clipboard item cannot be read as an image (not an image, corrupt, or too large)."""


class DownloadError(GlassboxError):
    """A dataset download failed: offline, interrupted, cancelled or corrupt."""


class ModelError(GlassboxError):
    """A model's weights or description cannot be loaded."""


class SessionError(GlassboxError):
    """A session file cannot be read or written: not a session, damaged, unsafe or from a newer Glassbox."""


class LessonError(GlassboxError):
    """A lesson file cannot be read or written: not a lesson, damaged, unsafe or from a newer Glassbox."""


class AnimationError(GlassboxError):
    """An animation cannot be recorded or written: a bad size, speed, length or file, or the encoder failed."""
