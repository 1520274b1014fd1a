"""A scene's tab states as the window applies them, and the window's states as a scene keeps them.

A lesson stores, per tab, only what differs from that tab's defaults (core/lesson/states.py).
Entering a scene lays those differences over the defaults for every tab the scene sets up, so
a scene gives the same screen whatever the class did before. The language, the zoom and the
device are the teacher's and the machine's: a scene never sets them.
"""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import QCoreApplication

from core.lesson.model import Scene
from core.lesson.states import difference, merged
from core.session.parts import TAB_NAMES, Session
from gui.autoencoder.state import AutoencoderState
from gui.convolution.state import ConvolutionState
from gui.landscape.state import LandscapeState
from gui.network.state import NetworkState
from gui.training.state import TrainingState

STATE_CLASSES = {"training": TrainingState, "network": NetworkState, "convolution": ConvolutionState,
                 "landscape": LandscapeState, "autoencoder": AutoencoderState}
TRAINS = ("training", "network")  # the tabs that show the MLP the Training tab's settings describe
MACHINE_KEYS = {"training": {"config": {"device"}}}  # kept out of captured scenes: the machine's own choice


def default_tab_states() -> dict[str, dict[str, Any]]:
    """Every tab's default state dictionary, as its state class's `to_dict()` writes it (as JSON reads it)."""
    return {name: _plain(cls().to_dict()) for name, cls in STATE_CLASSES.items()}


def scene_tabs(scene: Scene) -> tuple[str, ...]:
    """The tabs a scene sets up: its own, each one it names, and the Training tab's settings when it shows the MLP."""
    names = {scene.tab, *scene.tabs}
    if scene.tab in TRAINS:
        names.add("training")
    return tuple(name for name in TAB_NAMES if name in names)


def scene_session(scene: Scene) -> Session:
    """The session that shows `scene`: its tab on screen, and defaults merged with its differences for its tabs."""
    defaults = default_tab_states()
    tabs = {name: merged(defaults[name], scene.tabs.get(name, {})) for name in scene_tabs(scene)}
    return Session(app={"tab": scene.tab}, tabs=tabs, parts={})


def capture_scene_states(window) -> tuple[str, dict[str, dict[str, Any]]]:
    """The tab on screen and, for every tab, only what differs from its defaults (tabs at their defaults left out)."""
    defaults = default_tab_states()
    states = window.sessions.tab_states()
    _as_the_tab_wants(window, states)
    captured = {}
    for name, state in states.items():
        if name not in defaults:
            continue
        state = {key: value for key, value in _plain(state).items() if key in defaults[name]}  # no curves
        changed = _without_machine_keys(name, difference(state, defaults[name]))
        if changed:
            captured[name] = changed
    return TAB_NAMES[window.tabs.currentIndex()], captured


def scene_problem(scene: Scene, number: int) -> str | None:
    """One sentence when a value of the scene's states would not survive its tab's `from_dict` (it would quietly
    become the default): scene `number` (from 1) names it; None when every value reads."""
    defaults = default_tab_states()
    if scene.tab not in STATE_CLASSES:
        return QCoreApplication.translate("LessonStates", "Scene {0} shows a tab Glassbox does not have: “{1}”.") \
            .format(number, scene.tab)
    for name, partial in scene.tabs.items():
        if name not in STATE_CLASSES:
            return QCoreApplication.translate("LessonStates", "Scene {0} sets up a tab Glassbox does not have: “{1}”.") \
                .format(number, name)
        full = merged(defaults[name], partial)
        try:
            read = _plain(STATE_CLASSES[name].from_dict(full).to_dict())
        except Exception:  # noqa: BLE001 - any failure to read is the same problem for the teacher
            read = {}
        wrong = _first_change(partial, read)
        if wrong is not None:
            return QCoreApplication.translate(
                "LessonStates", "Scene {0} cannot be shown: the value of “{1}” for the {2} tab is not one it accepts. "
                                "Correct it in the lesson editor.").format(number, wrong, tab_title(name))
    return None


def tab_title(name: str) -> str:
    """A tab's name as its tab shows it, in the current language."""
    titles = {"training": QCoreApplication.translate("MainWindow", "Training"),
              "network": QCoreApplication.translate("MainWindow", "Network"),
              "convolution": QCoreApplication.translate("MainWindow", "Convolution"),
              "landscape": QCoreApplication.translate("MainWindow", "Landscape"),
              "autoencoder": QCoreApplication.translate("MainWindow", "Autoencoder")}
    return titles.get(name, name)


# ---------------------------------------------------------------------- helpers
def _plain(value: Any) -> Any:
    """`value` as JSON gives it back: tuples become lists (a lesson file never holds a tuple)."""
    return json.loads(json.dumps(value))


def _first_change(partial: dict, read: Any, prefix: str = "") -> str | None:
    """The dotted name of the first value of `partial` that `read` does not hold unchanged, else None."""
    for key, value in partial.items():
        name = f"{prefix}{key}"
        if not isinstance(read, dict) or key not in read:
            return name
        if isinstance(value, dict) and isinstance(read[key], dict):
            inner = _first_change(value, read[key], name + ".")
            if inner is not None:
                return inner
        elif difference({"v": _plain(value)}, {"v": read[key]}):
            return name
    return None


def _as_the_tab_wants(window, states: dict) -> None:
    """A part the scene on screen hides is not part of the captured state: the Network tab reads its toolbar and
    gradient chart from their visibility, so put back what the tab itself wants there."""
    hider = getattr(getattr(window, "lessons", None), "hider", None)
    network = states.get("network")
    if hider is None or not isinstance(network, dict):
        return
    tab = window.network_tab
    for key, widget in (("show_toolbar", tab.toolbar), ("show_gradients", tab.gradient_chart)):
        wanted = hider.wanted(widget)
        if wanted is not None:
            network[key] = wanted


def _without_machine_keys(name: str, changed: dict) -> dict:
    for key, inner in MACHINE_KEYS.get(name, {}).items():
        if isinstance(changed.get(key), dict):
            changed[key] = {k: v for k, v in changed[key].items() if k not in inner}
            if not changed[key]:
                del changed[key]
    return changed
