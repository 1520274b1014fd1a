"""What a lesson is, as plain frozen data: no Qt, no torch, nothing that could execute.

A `Lesson` is a sequence of `Scene`s. A scene is a state of the app (the tab on screen and,
for each tab it sets up, only what differs from that tab's defaults) plus four texts in
English and Chinese, the controls it hides, an optional `Goal` the app checks live, and the
minutes it is planned to take. core/lesson/files.py reads and writes these; the limits
below are the ones the reader enforces, so the editor can respect them as the teacher types.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from typing import Any

from core.session.parts import TAB_NAMES

# Everything a scene can hide (gui/lesson/hiding.py knows how to hide each one).
HIDEABLE = (
    "dock",                        # the settings dock
    "toolbar",                     # the main toolbar
    "tab_bar",                     # the row of tabs (only the scene's tab stays)
    "status_bar",                  # the status bar
    "network.step_controls",       # the Network tab's step-through toolbar
    "network.boundary",            # its decision-boundary map
    "network.gradients",           # its gradient-size chart
    "network.editing",             # its ± buttons and activation menus
    "convolution.views",           # the lab's sub-view chooser
    "convolution.image_controls",  # the lab's image source controls (open, paste, draw, samples)
    "convolution.training",        # the lab's training panel
    "landscape.views",             # the choice between textbook surfaces and slices of your network
    "landscape.controls",          # the race's settings
    "autoencoder.controls",        # the autoencoder's controls
    "autoencoder.plane",           # its plane of codes
)

# The challenges the app can check (core/lesson/goals.py describes each one's parameters).
GOAL_KINDS = (
    "mlp_test_loss",
    "mlp_test_accuracy",
    "gradient_ratio",
    "race_reach_minimum",
    "sgd_largest_stable_rate",
    "himmelblau_other_minimum",
    "lab_draw_digit",
    "lab_most_confused",
    "autoencoder_rebuild",
)

LANGUAGES = ("en", "zh_CN")
SCENE_TEXTS = ("title", "explanation", "look_at", "try_this")  # a scene's texts, in the order shown

ID_PATTERN = re.compile(r"[a-z0-9][a-z0-9-]{0,39}")
MAX_ID = 40
MAX_TEXT = 4000          # characters in one language of one text
MAX_AUTHOR = 200
MIN_SCENES, MAX_SCENES = 1, 60
MIN_MINUTES, MAX_MINUTES = 1, 30
MAX_GOAL_PARAMS = 20
MAX_GOAL_TEXT = 200      # characters of a goal parameter that is a string (a dataset's name, an optimizer's)
DEFAULT_MINUTES = 3


@dataclass(frozen=True)
class Text:
    """One text in both languages; an empty language falls back to the other."""

    en: str = ""
    zh_CN: str = ""

    def get(self, language: str) -> str:
        """The text in `language` ("zh_CN" gives Chinese, anything else English), else in the other one."""
        first, second = (self.zh_CN, self.en) if language == "zh_CN" else (self.en, self.zh_CN)
        return first or second

    def with_language(self, language: str, text: str) -> Text:
        """This text with `language`'s version replaced ("zh_CN" or, for anything else, English)."""
        return dataclasses.replace(self, **{"zh_CN" if language == "zh_CN" else "en": text})

    def is_empty(self) -> bool:
        return not self.en and not self.zh_CN

    @classmethod
    def empty(cls) -> Text:
        return cls("", "")


@dataclass(frozen=True)
class Goal:
    """A challenge: its kind (one of GOAL_KINDS) and its parameters (names to numbers, strings or booleans)."""

    kind: str
    params: dict[str, Any] = field(default_factory=dict)

    __hash__ = None  # its params are a dict


@dataclass(frozen=True)
class Scene:
    """One step of a lesson: the app's state on screen, what to say about it, what to hide, what to try."""

    title: Text = Text()
    explanation: Text = Text()
    look_at: Text = Text()
    try_this: Text = Text()
    tab: str = "network"
    tabs: dict[str, dict[str, Any]] = field(default_factory=dict)  # tab name -> partial state (differences only)
    hide: tuple[str, ...] = ()
    goal: Goal | None = None
    minutes: int = DEFAULT_MINUTES

    __hash__ = None  # its tabs are dicts

    def __post_init__(self):
        if not isinstance(self.hide, tuple):
            object.__setattr__(self, "hide", tuple(self.hide))
        if isinstance(self.tabs, dict):  # as JSON keeps them, so that a lesson read back equals the one written
            object.__setattr__(self, "tabs", _as_json(self.tabs))

    def with_texts(self, **texts: Text) -> Scene:
        """This scene with some of its texts (title, explanation, look_at, try_this) replaced."""
        unknown = set(texts) - set(SCENE_TEXTS)
        if unknown:
            raise TypeError(f"not a scene's text: {', '.join(sorted(unknown))}")
        return dataclasses.replace(self, **texts)

    def text(self, name: str) -> Text:
        """The text called `name` (one of SCENE_TEXTS)."""
        if name not in SCENE_TEXTS:
            raise KeyError(name)
        return getattr(self, name)


@dataclass(frozen=True)
class Lesson:
    """A lesson: an identifier, a title and summary in both languages, its author and its scenes."""

    id: str
    title: Text = Text()
    summary: Text = Text()
    author: str = ""
    scenes: tuple[Scene, ...] = ()

    __hash__ = None  # its scenes hold dicts

    def __post_init__(self):
        if not isinstance(self.scenes, tuple):
            object.__setattr__(self, "scenes", tuple(self.scenes))

    @property
    def total_minutes(self) -> int:
        """The time planned for the whole lesson."""
        return sum(scene.minutes for scene in self.scenes)

    def with_scenes(self, scenes) -> Lesson:
        """This lesson with its scenes replaced (any iterable of Scene)."""
        return dataclasses.replace(self, scenes=tuple(scenes))


def _as_json(value: Any) -> Any:
    """A copy of plain data with tuples as lists (what JSON gives back); anything else is kept as it is."""
    if isinstance(value, dict):
        return {key: _as_json(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_as_json(item) for item in value]
    return value


def is_lesson_id(text: Any) -> bool:
    """True if `text` is a usable lesson identifier: lowercase letters, digits and dashes, 1 to 40 of them."""
    return isinstance(text, str) and ID_PATTERN.fullmatch(text) is not None


def lesson_id_from(title: str, fallback: str = "lesson") -> str:
    """An identifier made from a title (for a new lesson): "My First Net!" -> "my-first-net".

    Characters outside a-z and 0-9 (Chinese included) become dashes; if nothing usable is left,
    `fallback`.
    """
    slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:MAX_ID].rstrip("-")
    return slug if is_lesson_id(slug) else fallback


__all__ = ["DEFAULT_MINUTES", "GOAL_KINDS", "HIDEABLE", "ID_PATTERN", "LANGUAGES", "MAX_AUTHOR", "MAX_GOAL_PARAMS",
           "MAX_GOAL_TEXT", "MAX_ID", "MAX_MINUTES", "MAX_SCENES", "MAX_TEXT", "MIN_MINUTES", "MIN_SCENES",
           "SCENE_TEXTS", "TAB_NAMES", "Goal", "Lesson", "Scene", "Text", "is_lesson_id", "lesson_id_from"]
