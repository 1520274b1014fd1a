"""GUI fixtures: private settings per test, and a guard against leaked training threads."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings

from core.mlp.config import TrainConfig
from gui.threads import LIVE_THREADS, stop_thread


SMALL_DEFAULT = TrainConfig(n_points=200)


class FakeClock:
    """A clock that stands still until the test advances it: throttles and speeds without waiting.

    `reads` counts the calls, so a test can wait until a worker has looked at the new time.
    """

    def __init__(self, now: float = 0.0):
        self.now = now
        self.reads = 0

    def __call__(self) -> float:
        self.reads += 1
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def fake_clock() -> FakeClock:
    return FakeClock()


@pytest.fixture(scope="session", autouse=True)
def the_apps_own_font(qapp):
    """Every GUI test sees the application as the user does: gui.app's names and base font (12 pt,
    with the Chinese fallback). Without this, a test's layout depended on whether an earlier test
    had happened to create the application through make_application (the in-process command line)."""
    from gui.app import make_application

    return make_application()


@pytest.fixture(autouse=True)
def no_thread_left_running():
    """Fail any test that leaves a training QThread running (napari's conftest does the same).

    Autouse fixtures are set up before qtbot, so this check runs after qtbot has closed
    the test's widgets.
    """
    yield
    leaked = [(thread, worker) for thread, worker in list(LIVE_THREADS.items()) if thread.isRunning()]
    for thread, worker in leaked:
        stop_thread(worker, thread)
    if leaked:
        pytest.fail(f"{len(leaked)} training thread(s) were left running after the test")


@pytest.fixture
def settings(tmp_path) -> QSettings:
    return QSettings(str(tmp_path / "glassbox.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def make_window(qtbot, settings):
    """Build a MainWindow with private settings; qtbot closes it (and its thread) afterwards."""
    from gui.main_window import MainWindow

    windows = []  # keep each window alive until closed, as the running app does

    def make(config: TrainConfig | None = SMALL_DEFAULT, window_settings: QSettings | None = None,
             clock=None) -> MainWindow:
        """config=None opens with the saved settings, as the app does; `clock` (a FakeClock) drives the worker."""
        window = MainWindow(config, window_settings or settings) if clock is None else \
            MainWindow(config, window_settings or settings, clock=clock)
        windows.append(window)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitUntil(lambda: window.last_progress is not None, timeout=10_000)
        return window

    yield make
    for window in windows:
        window.close()
