"""How much does the live window cost training? Spiral 2-8-8-1 MLP, Adam, batch 32.

Runs the same training twice in one process: headless through the core loop, then in
the app (offscreen) with the training view live, while a 16 ms QTimer in the GUI
thread measures how late it fires. Last line:

    ratio=<gui steps/s ÷ headless steps/s> p95_lateness_ms=<x>

Goals: ratio ≥ 0.8 and p95 lateness ≤ 16 ms.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import torch  # noqa: E402

from core.mlp.config import TrainConfig  # noqa: E402
from core.mlp.trainer import Trainer  # noqa: E402
from gui.threads import WORKER_TORCH_THREADS  # noqa: E402

CONFIG = TrainConfig(dataset="spiral", hidden=(8, 8), optimizer="adam", batch_size=32, device="cpu")
SECONDS = float(os.environ.get("BENCH_SECONDS", "6"))
WARM_UP = 1.0


def headless_steps_per_second() -> float:
    """The worker's loop without a GUI: same thread count, same generator, same stop check."""
    torch.set_num_threads(WORKER_TORCH_THREADS)
    trainer = Trainer(CONFIG)
    for _ in trainer.run(max_steps=200):  # warm-up
        pass
    start_steps, start = trainer.step_count, time.perf_counter()
    deadline = start + SECONDS
    for _ in trainer.run(lambda: time.perf_counter() >= deadline):
        pass
    return (trainer.step_count - start_steps) / (time.perf_counter() - start)


def gui_steps_per_second() -> tuple[float, float]:
    """Steps/s with the window live, and the p95 lateness (ms) of a 16 ms GUI timer."""
    from PySide6.QtCore import QElapsedTimer, QSettings, Qt, QTimer

    from gui.app import collect_garbage_on_gui_thread, make_application

    app = make_application()
    collect_garbage_on_gui_thread(app)  # as the window does (cli/window.py)
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tempfile.mkdtemp())
    from gui.main_window import MainWindow

    window = MainWindow(CONFIG)
    window.resize(1600, 900)
    window.show()
    clock = QElapsedTimer()
    clock.start()
    ticks: list[float] = []
    measured: dict[str, float] = {}

    timer = QTimer()
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.setInterval(16)
    timer.timeout.connect(lambda: ticks.append(clock.nsecsElapsed() / 1e6))

    def begin() -> None:
        measured["steps"] = window.worker._trainer.step_count
        measured["time"] = time.perf_counter()
        ticks.clear()
        timer.start()

    def end() -> None:
        timer.stop()
        measured["rate"] = (window.worker._trainer.step_count - measured["steps"]) / (time.perf_counter() - measured["time"])
        window.close()
        app.quit()

    window.toggle_play()
    QTimer.singleShot(int(WARM_UP * 1000), begin)
    QTimer.singleShot(int((WARM_UP + SECONDS) * 1000), end)
    app.exec()
    lateness = np.maximum(np.diff(np.array(ticks)) - 16.0, 0.0)
    return measured["rate"], float(np.percentile(lateness, 95)) if len(lateness) else float("nan")


def main() -> None:
    headless = headless_steps_per_second()
    print(f"headless: {headless:,.0f} steps/s")
    gui, p95 = gui_steps_per_second()
    print(f"gui:      {gui:,.0f} steps/s (training view live, offscreen)")
    print(f"ratio={gui / headless:.3f} p95_lateness_ms={p95:.1f}")


if __name__ == "__main__":
    main()
