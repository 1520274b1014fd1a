"""ScenePictures: enter a lesson's scenes one by one in the window, wait until each has settled, grab it.

The handout (gui/lesson/handout.py) and `snapshot --lesson` need a picture of each scene as
the class sees it: the real views with real numbers. Entering a scene starts work in the
workers (a new network's first report, an example's pass, the lab's analysis, a race), so a
picture taken at once would show the scene before. Each scene therefore waits for the
answers its tab shows, bounded: after `give_up_ms` the picture is taken anyway. When no
answer comes for `quiet_ms` and no worker is still busy with the tab (`still_working`),
nothing was asked (the scene was on screen already) and the picture is taken then.

It steps by signals and timers, never a blocking loop, so the window keeps painting (the class
watches it flip through) and Cancel takes effect at once. Afterwards the window goes back
to the scene it was on.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal, Slot
from PySide6.QtGui import QImage

QUIET_MS = 800  # no answer this long after entering: the scene asked for nothing
GIVE_UP_MS = 5000  # a worker that has not answered by now will not be waited for
PAINT_MS = 120  # after the last answer: the views draw it (a few frames) before the picture


class ScenePictures(QObject):
    """Pictures of the scenes of the lesson open in `window.lessons.player`.

    `whole_window`: grab the whole window (lesson panel included: as the class sees it)
    instead of the tab area only (window.tabs), which is what a worksheet shows.
    """

    picture_taken = Signal(int, QImage)  # scene index, its picture
    progressed = Signal(int, int)  # pictures taken, pictures asked for
    finished = Signal(list)  # every picture asked for, in order
    cancelled = Signal()

    def __init__(self, window, whole_window: bool = False, quiet_ms: int = QUIET_MS,
                 give_up_ms: int = GIVE_UP_MS, parent: QObject | None = None):
        super().__init__(parent if parent is not None else window)
        self.window = window
        self.whole_window = whole_window
        self.quiet_ms, self.give_up_ms = quiet_ms, give_up_ms
        self.pictures: list[QImage] = []
        self._queue: list[int] = []
        self._total = 0
        self._current: int | None = None
        self._return_to: int | None = None
        self._waiting: set[int] = set()  # groups of signals not answered yet; one answer from each settles it
        self._connections: list[tuple] = []
        if isinstance(window, QObject):
            window.installEventFilter(self)  # a window closing stops the pictures at once
        self._quiet = self._timer(self._on_quiet)
        self._give_up = self._timer(self._take)
        self._paint = self._timer(self._take)

    def _timer(self, slot) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.timeout.connect(slot)
        return timer

    @property
    def player(self):
        return self.window.lessons.player

    @property
    def running(self) -> bool:
        return self._current is not None or bool(self._queue)

    def start(self, indices: list[int] | None = None, go_back: bool = True) -> None:
        """Take the pictures of scenes `indices` (default: every scene), in that order; then, with `go_back`,
        enter again the scene the window was on."""
        lesson = self.player.lesson
        if lesson is None:
            raise RuntimeError("ScenePictures needs a lesson open in the player")
        count = len(lesson.scenes)
        self._queue = [index for index in (range(count) if indices is None else indices) if 0 <= index < count]
        self._total = len(self._queue)
        self.pictures = []
        self._return_to = self.player.index if go_back else None
        self.progressed.emit(0, self._total)
        QTimer.singleShot(0, self._enter_next)  # return first: the caller connects, shows its progress bar

    def cancel(self) -> None:
        """Stop now: no more scenes are entered; the window goes back to the scene it was on."""
        if not self.running:
            return
        self._stop_waiting()
        self._queue, self._current = [], None
        self._go_back()
        self.cancelled.emit()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt's name)
        if watched is self.window and event.type() == QEvent.Type.Close and self.running:
            self._return_to = None  # no scene is entered in a window that is closing: its workers are stopping
            self.cancel()
        return False

    @Slot()
    def _enter_next(self) -> None:
        if not self._queue:
            return
        self._current = self._queue.pop(0)
        scene = self.player.lesson.scenes[self._current]
        self._watch(scene)
        self._give_up.start(self.give_up_ms)  # first: whatever entering does, a picture comes
        self.player.enter(self._current)
        if self._current is None or self._paint.isActive():  # cancelled, or answered while entering
            return
        if not self._waiting:
            self._give_up.stop()
            self._paint.start(PAINT_MS)
        else:
            self._quiet.start(self.quiet_ms)

    # ------------------------------------------------------------------ waiting for the workers
    def _watch(self, scene) -> None:
        """Listen, before entering, for the answers the scene's tab will show (some come while it is entered)."""
        self._stop_waiting()
        for number, group in enumerate(answers_shown(self.window, scene)):
            self._waiting.add(number)
            slot = _Answer(number, self._on_answer, self).heard  # a bound slot: some signals cross threads
            for signal in group:
                signal.connect(slot)
                self._connections.append((signal, slot))

    def _on_answer(self, number: int) -> None:
        self._waiting.discard(number)
        if self._paint.isActive():
            return
        if not self._waiting:
            self._quiet.stop()
            self._give_up.stop()
            self._paint.start(PAINT_MS)
        elif self._quiet.isActive():
            self._quiet.start(self.quiet_ms)  # the workers are busy with this scene: quiet starts again

    @Slot()
    def _on_quiet(self) -> None:
        """Nothing came for a while: unless a worker is still on it, the scene is on screen already."""
        if self._current is None or self._paint.isActive():
            return
        if still_working(self.window, self.player.lesson.scenes[self._current]):
            self._quiet.start(self.quiet_ms)  # look again; giving up still bounds the wait
            return
        self._give_up.stop()
        self._paint.start(PAINT_MS)

    def _stop_waiting(self) -> None:
        for timer in (self._quiet, self._give_up, self._paint):
            timer.stop()
        for signal, slot in self._connections:
            try:
                signal.disconnect(slot)
            except (RuntimeError, TypeError):  # its object is gone already
                pass
        for answer in self.findChildren(_Answer):
            answer.deleteLater()
        self._connections.clear()
        self._waiting = set()

    # ------------------------------------------------------------------ the picture
    @Slot()
    def _take(self) -> None:
        if self._current is None:
            return
        self._stop_waiting()
        picture = self.grab()
        index, self._current = self._current, None
        self.pictures.append(picture)
        self.picture_taken.emit(index, picture)
        self.progressed.emit(len(self.pictures), self._total)
        if self._queue:
            QTimer.singleShot(0, self._enter_next)
            return
        self._go_back()
        self.finished.emit(list(self.pictures))

    def grab(self) -> QImage:
        """What the class sees now: the tab area, or the whole window."""
        widget = self.window if self.whole_window else self.window.tabs
        layout = widget.layout()
        if layout is not None:
            layout.activate()
        return widget.grab().toImage()

    def _go_back(self) -> None:
        back, self._return_to = self._return_to, None
        lesson = self.player.lesson
        if back is not None and lesson is not None and 0 <= back < len(lesson.scenes) and back != self.player.index:
            self.player.enter(back)


class _Answer(QObject):
    """One group of answers a scene waits for, as a slot of an object living on the GUI thread."""

    def __init__(self, number: int, heard, parent: QObject):
        super().__init__(parent)
        self.number, self._heard = number, heard

    @Slot()
    def heard(self) -> None:
        self._heard(self.number)


def answers_shown(window, scene) -> list[list]:
    """The workers' signals whose answer the scene's tab shows: one from each group settles it."""
    groups: list[list] = []
    session = window.session
    if scene.tab in ("training", "network"):
        groups.append([session.progressed, session.failed, session.diverged])
        network = scene.tabs.get("network") if isinstance(scene.tabs, dict) else None
        if scene.tab == "network" and isinstance(network, dict) and network.get("example_index") is not None:
            groups.append([session.trace_recorded, session.trace_refused])
    elif scene.tab == "convolution":
        analysis = getattr(window.conv_tab, "analysis", None)
        if analysis is not None:
            groups.append([analysis.analysed, analysis.refused, analysis.failed])
    elif scene.tab == "landscape":
        view = window.landscape_tab.ensure_built()  # built now, so its answer to the scene is heard
        surfaces = getattr(view, "surfaces", None)
        if surfaces is not None:
            groups.append([surfaces.race_computed, surfaces.race_failed])
    elif scene.tab == "autoencoder":
        view = window.autoencoder_tab.ensure_built()
        runner = getattr(view, "runner", None)
        if runner is not None:
            groups.append([runner.progressed, runner.load_failed, runner.problem])
    return groups


def still_working(window, scene) -> bool:
    """Whether the scene's tab still waits for a worker's answer (a tab that never had one waits for its first)."""
    if scene.tab in ("training", "network"):
        return window.session.last_progress is None
    if scene.tab == "convolution":
        return bool(getattr(getattr(window.conv_tab, "analysis", None), "pending", False))
    if scene.tab == "landscape":
        view = window.landscape_tab.view
        return bool(getattr(getattr(view, "surfaces", None), "race_pending", False))
    return False
