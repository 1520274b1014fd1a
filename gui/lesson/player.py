"""LessonPlayer: which lesson is open, which scene is on, and entering a scene in the window.

Entering a scene applies its session through `window.sessions.apply` (every tab it sets up
starts from the defaults, so the screen is the same whatever the class did before), hides
what the scene hides (showing again what the last scene hid), and watches its goal. The
language, the zoom and the device stay as the teacher has them.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QObject, Signal

from core.lesson.model import Lesson, Scene
from core.session.parts import Session
from gui.lesson.states import scene_session
from gui.training.state import TrainingState


class LessonPlayer(QObject):
    """Plays a lesson in `window`; `hider` (a Hider) and `goals` (a GoalWatch) may be None in tests."""

    lesson_opened = Signal(object)  # the Lesson
    scene_entered = Signal(int)  # its index, from 0
    lesson_closed = Signal()

    def __init__(self, window, hider=None, goals=None, parent: QObject | None = None):
        super().__init__(parent if parent is not None else window)
        self.window, self.hider, self.goals = window, hider, goals
        self.lesson: Lesson | None = None
        self.index = -1

    @property
    def scene(self) -> Scene | None:
        return self.lesson.scenes[self.index] if self.lesson is not None and 0 <= self.index < self.count else None

    @property
    def count(self) -> int:
        return len(self.lesson.scenes) if self.lesson is not None else 0

    def is_open(self) -> bool:
        return self.lesson is not None

    def open(self, lesson: Lesson, start: int = 0) -> None:
        """Open `lesson` on scene `start` (from 0; out of range: the nearest scene)."""
        if self.lesson is not None:
            self._stop_watching()
        self.lesson, self.index = lesson, -1
        self.lesson_opened.emit(lesson)
        self.enter(start)

    def enter(self, index: int) -> None:
        """Show scene `index` (kept within the lesson) exactly as the lesson sets it up."""
        if self.lesson is None:
            return
        index = max(0, min(int(index), self.count - 1))
        scene = self.lesson.scenes[index]
        self.index = index
        session = self._session(scene)
        self._forget_pass(session)
        self.window.sessions.apply(session)
        if self.hider is not None:
            self.hider.apply(scene.hide)
        self.scene_entered.emit(index)
        if self.goals is not None:  # after the panel has shown the scene: the first status may come at once
            self.goals.watch(scene.goal)

    def next(self) -> bool:
        """The next scene; False (and nothing changes) on the last one."""
        if self.lesson is None or self.index >= self.count - 1:
            return False
        self.enter(self.index + 1)
        return True

    def previous(self) -> bool:
        """The scene before; False on the first one."""
        if self.lesson is None or self.index <= 0:
            return False
        self.enter(self.index - 1)
        return True

    def close(self) -> None:
        """Close the lesson: everything hidden comes back; the last scene's settings stay on screen."""
        if self.lesson is None:
            return
        self._stop_watching()
        if self.hider is not None:
            self.hider.clear()
        self.lesson, self.index = None, -1
        self.lesson_closed.emit()

    def _stop_watching(self) -> None:
        if self.goals is not None:
            self.goals.watch(None)

    def _forget_pass(self, session: Session) -> None:
        """A scene that steps through an example asks for its pass afresh: the Network tab would otherwise keep the
        pass of the same example it already shows, recorded on the network before the scene's settings, which the
        scene's new run then clears (a pass is recorded on the network that trains, so it cannot be kept)."""
        network, training = session.tabs.get("network"), session.tabs.get("training")
        tab = getattr(self.window, "network_tab", None)
        if tab is None or not isinstance(network, dict) or network.get("phase") is None:
            return
        if isinstance(training, dict) and TrainingState.from_dict(training).config == getattr(self.window, "config", None):
            return  # the same network trains on: the pass on screen is of it
        state = tab.state()
        if state.phase is not None:
            tab.apply_state(replace(state, example_index=None, phase=None))

    def _session(self, scene: Scene) -> Session:
        """The scene's session, with the device the machine uses unless the scene names one."""
        session = scene_session(scene)
        training = session.tabs.get("training")
        names_device = "device" in scene.tabs.get("training", {}).get("config", {})
        config = getattr(self.window, "config", None)
        if training is not None and not names_device and config is not None:
            training["config"]["device"] = config.device
        return session
