"""GoalWatch: checks the scene's goal against the running window twice a second, and says so.

The lesson player calls `watch(goal)` on entering a scene (None: no goal, the timer stops). Each tick
reads the window (gui/lesson/readings.py: numbers the tabs already hold, well under a millisecond)
and feeds a core.lesson.goals.GoalTracker; `status_changed(sentence, met)` follows when the sentence
or the verdict changes, `goal_met()` once per scene when it is first met (the panel celebrates).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal, Slot

from core.lesson.goals import GOALS, GoalStatus, GoalTracker
from gui.lesson import goal_words
from gui.lesson.readings import read_window

INTERVAL_MS = 500


class GoalWatch(QObject):
    status_changed = Signal(str, bool)  # the status sentence in the window's language, and whether it is met
    goal_met = Signal()  # once per watched goal

    def __init__(self, window, interval_ms: int = INTERVAL_MS):
        super().__init__(window)
        self.window = window
        self.goal = None
        self.tracker: GoalTracker | None = None
        self.status: GoalStatus | None = None
        self._said: tuple[str, bool] | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.check)
        window.installEventFilter(self)  # a language change says the sentence again in the new language

    def watch(self, goal) -> None:
        """Start checking `goal` (a core.lesson.model.Goal) from scratch; None stops checking."""
        self.timer.stop()
        self.goal, self.status, self._said = goal, None, None
        if goal is None and self.tracker is not None:
            self.status_changed.emit("", False)  # the panel's goal line empties
        self.tracker = GoalTracker(goal) if goal is not None and goal.kind in GOALS else None
        if self.tracker is None:
            return
        self.check()
        self.timer.start()

    def describe_goal(self, goal) -> str:
        return goal_words.describe_goal(goal) if goal is not None else ""

    @property
    def met(self) -> bool:
        return self.status is not None and self.status.met

    @Slot()
    def check(self) -> None:
        """Read the window once and update the tracker (the timer calls this; tests may too)."""
        if self.tracker is None:
            return
        was_met = self.met
        self.status = self.tracker.update(read_window(self.window))
        self._say()
        if self.status.met and not was_met:
            self.goal_met.emit()

    def sentence(self) -> str:
        """The latest status in words ("" before the first check, or without a goal)."""
        if self.goal is None or self.status is None:
            return ""
        return goal_words.status_sentence(self.goal, self.status)

    def _say(self, again: bool = False) -> None:
        said = (self.sentence(), self.met)
        if again or said != self._said:
            self._said = said
            self.status_changed.emit(*said)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange and self.status is not None:
            self._say(again=True)
        elif event.type() == QEvent.Type.Close and watched is self.window:
            self.timer.stop()  # the tabs are shutting down: nothing more to read
        return False

    def stop(self) -> None:
        self.watch(None)
