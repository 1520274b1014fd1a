"""Soak: the window with every view live for a long while; does memory creep, does anything fail?

For `--minutes` (default 10) the offscreen window trains an MLP (Play on the Training and
Network tabs), the Convolution lab trains a CNN on its drawn digits, the Landscape tab races
optimizers on a textbook surface and slices "Your network" and "Your CNN" again and again, and
the visible tab changes every few seconds. Every 2 s it samples the process's resident memory
(psutil, else /proc/self/statm). Errors counted: exceptions in slots and threads, the workers'
logged failures (the "glassbox" logger), and Qt warnings (the offscreen platform's notes aside).

Last line:

    rss_growth_mb_per_min=<slope> errors=<n> rss_floor_growth_mb_per_min=<slope> rss_start_mb=<mb> rss_end_mb=<mb> mlp_steps=<n> cnn_steps=<n> slices=<n>

The slope is a least-squares fit of RSS against time over the second half of the run (the
first minutes fill caches; the slope from minute 1 is printed on the line before); the floor's slope fits each minute's lowest sample (slices swing RSS by ~100 MB). Goal: ≤ 1 MB/min and 0 errors. Settings, models and caches go to a temporary
folder: the user's own are never touched.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import tempfile
import threading
import time

SCRATCH = tempfile.mkdtemp(prefix="glassbox-soak-")
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")
for _name in ("MODELS", "CACHE", "LOG"):
    os.environ[f"GLASSBOX_{_name}_DIR"] = os.path.join(SCRATCH, _name.lower())
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from PySide6.QtCore import QObject, QSettings, QTimer, QtMsgType, Slot, qInstallMessageHandler  # noqa: E402

SAMPLE_S, TAB_S, KICK_S, SLICE_S = 2.0, 5.0, 1.0, 20.0
HARMLESS = ("This plugin does not support propagateSizeHints", "This plugin does not support raise",
            "This plugin does not support grabbing", "This plugin does not support setParent")


def rss_mb() -> float:
    try:
        import psutil

        return psutil.Process().memory_info().rss / 2 ** 20
    except ImportError:
        with open("/proc/self/statm") as statm:
            return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2 ** 20


def slope_per_minute(samples: list[tuple[float, float]]) -> float:
    """Least-squares slope of (seconds, MB), in MB per minute."""
    if len(samples) < 2:
        return 0.0
    n = len(samples)
    mean_t = sum(t for t, _ in samples) / n
    mean_m = sum(m for _, m in samples) / n
    spread = sum((t - mean_t) ** 2 for t, _ in samples)
    if spread == 0:
        return 0.0
    return 60.0 * sum((t - mean_t) * (m - mean_m) for t, m in samples) / spread


class Errors(logging.Handler):
    def __init__(self):
        super().__init__(logging.ERROR)
        self.seen: list[str] = []

    def note(self, text: str) -> None:
        self.seen.append(text)
        if len(self.seen) <= 20:
            print(f"soak: error: {text}", file=sys.stderr, flush=True)

    def emit(self, record: logging.LogRecord) -> None:
        self.note(f"logged: {record.getMessage()} {record.exc_info[1]!r}" if record.exc_info else record.getMessage())

    def install(self) -> None:
        logging.getLogger("glassbox").addHandler(self)
        sys.excepthook = lambda kind, error, trace: self.note(f"exception: {kind.__name__}: {error}")
        threading.excepthook = lambda a: self.note(f"exception in {a.thread.name if a.thread else '?'}: "
                                                   f"{a.exc_type.__name__}: {a.exc_value}")
        qInstallMessageHandler(self.on_qt_message)

    def on_qt_message(self, kind, _context, message: str) -> None:
        if kind in (QtMsgType.QtWarningMsg, QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg) \
                and not message.startswith(HARMLESS):
            self.note(f"Qt: {message}")


class Soak(QObject):
    """Keeps every view busy, switches tabs, samples memory; quits the app when the time is up."""

    def __init__(self, window, minutes: float, skip: frozenset[str] = frozenset()):
        super().__init__()
        self.window, self.seconds, self.skip = window, minutes * 60, skip
        self.start = time.monotonic()
        self.samples: list[tuple[float, float]] = []
        self.tab_index, self.slices, self.last_slice = 0, 0, -SLICE_S
        self.landscape = None
        self.timers = []
        for interval, slot in ((SAMPLE_S, self.sample), (TAB_S, self.switch_tab), (KICK_S, self.kick)):
            timer = QTimer(self)
            timer.setInterval(int(interval * 1000))
            timer.timeout.connect(slot)
            timer.start()
            self.timers.append(timer)

    def elapsed(self) -> float:
        return time.monotonic() - self.start

    @Slot()
    def sample(self) -> None:
        self.samples.append((self.elapsed(), rss_mb()))
        if len(self.samples) % 30 == 0:
            print(f"soak: {self.elapsed() / 60:.1f} min rss={self.samples[-1][1]:.0f} MB "
                  f"mlp_steps={self.mlp_steps()} cnn_steps={self.cnn_steps()} slices={self.slices}", flush=True)
        if self.elapsed() >= self.seconds:
            for timer in self.timers:
                timer.stop()
            self.window.close()

    @Slot()
    def switch_tab(self) -> None:
        if "tabs" in self.skip and self.landscape is not None:
            return
        tabs = self.window.tabs
        self.tab_index = (self.tab_index + 1) % tabs.count()
        tabs.setCurrentIndex(self.tab_index)
        if self.landscape is None and tabs.currentWidget() is self.window.landscape_tab:
            self.landscape = self.window.landscape_tab.ensure_built()
        if self.landscape is not None and tabs.currentWidget() is self.window.landscape_tab:
            sub = self.landscape.tabs
            sub.setCurrentIndex((sub.currentIndex() + 1) % sub.count())

    @Slot()
    def kick(self) -> None:
        """Whatever stopped starts again: MLP training, the lab's CNN, the race, a slice now and then."""
        window = self.window
        if not window.playing and "mlp" not in self.skip:
            window.controls.toggle_play()
        lab = window.conv_tab.training
        if "lab" in self.skip:
            pass
        elif not lab.loaded and not lab.busy:
            lab.set_kind("digits")
            lab.request_load()
        elif lab.loaded and not lab.busy and not lab.playing:
            lab.toggle()
        if self.landscape is not None:
            if not self.landscape.surfaces.playing and "race" not in self.skip:
                self.landscape.surfaces.toggle()
            if self.elapsed() - self.last_slice >= SLICE_S and "slices" not in self.skip:
                for panel in (self.landscape.network, self.landscape.cnn):
                    if not panel.computing:
                        panel.request_compute()
                        self.slices += 1
                self.last_slice = self.elapsed()

    def mlp_steps(self) -> int:
        progress = self.window.last_progress
        return int(getattr(progress, "step", 0) or 0)

    def cnn_steps(self) -> int:
        steps = getattr(self.window.conv_tab.training, "_steps", [])
        return int(steps[-1]) if len(steps) else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=10.0, help="how long to run (default 10)")
    parser.add_argument("--skip", default="", help="for finding a leak: leave out some of mlp,lab,race,slices,tabs")
    args = parser.parse_args(argv)
    if not 0 < args.minutes <= 24 * 60:
        parser.error("--minutes must be more than 0 and at most 1440")

    from gui.app import collect_garbage_on_gui_thread, make_application
    from core.mlp.config import TrainConfig

    app = make_application()
    collect_garbage_on_gui_thread(app)
    errors = Errors()
    errors.install()
    from gui.main_window import MainWindow

    settings = QSettings(os.path.join(SCRATCH, "glassbox.ini"), QSettings.Format.IniFormat)
    window = MainWindow(TrainConfig(dataset="spiral", hidden=(8, 8), n_points=1000), settings)
    window.resize(1400, 860)
    window.show()
    soak = Soak(window, args.minutes, frozenset(filter(None, args.skip.split(","))))
    app.exec()
    # The first minutes fill torch's and the allocator's caches as the lab, the slices and both trainings
    # reach their largest buffers (one run: 723 → 785 MB in minutes 1–4, then flat); a leak keeps growing
    # after that. So the headline slope fits the second half of the run; the slope from minute 1 is
    # printed beside it.
    settled = [(t, m) for t, m in soak.samples if t >= args.minutes * 30]
    growth = slope_per_minute(settled)
    early_growth = slope_per_minute([(t, m) for t, m in soak.samples if t >= min(60.0, args.minutes * 20)])
    # Slices and the lab allocate and free hundreds of MB, so RSS swings; a leak also raises its floor:
    # the slope of each minute's lowest sample says whether the floor creeps.
    floors: dict[int, tuple[float, float]] = {}
    for t, m in settled:
        minute = int(t // 60)
        if minute not in floors or m < floors[minute][1]:
            floors[minute] = (t, m)
    floor_growth = slope_per_minute(sorted(floors.values()))
    start_mb = settled[0][1] if settled else 0.0
    end_mb = soak.samples[-1][1] if soak.samples else 0.0
    print(f"rss_growth_from_minute_1_mb_per_min={early_growth:.3f}", flush=True)
    print(f"rss_growth_mb_per_min={growth:.3f} errors={len(errors.seen)} rss_floor_growth_mb_per_min={floor_growth:.3f} "
          f"rss_start_mb={start_mb:.0f} "
          f"rss_end_mb={end_mb:.0f} mlp_steps={soak.mlp_steps()} cnn_steps={soak.cnn_steps()} slices={soak.slices}",
          flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
