"""Closing the real app while it trains: the process ends within 1 s, status 0, no Qt warnings."""

import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]

SCRIPT = textwrap.dedent(
    """
    import os, sys, time
    from PySide6.QtCore import QSettings, QTimer
    from gui.app import collect_garbage_on_gui_thread, make_application
    app = make_application()
    collect_garbage_on_gui_thread(app)  # as cli/window.py does
    from core.mlp.config import TrainConfig
    from gui.main_window import MainWindow
    window = MainWindow(TrainConfig(dataset="spiral", hidden=(32, 32, 32), n_points=1000),
                        QSettings(sys.argv[1], QSettings.Format.IniFormat))
    window.show()

    def close_once_training():
        if not (window.playing and window.last_progress.step > 20):
            QTimer.singleShot(50, close_once_training)
            return
        print("closing", time.time(), flush=True)
        window.close()

    def give_up():
        print("watchdog: training never started", flush=True)
        os._exit(3)

    QTimer.singleShot(200, window.toggle_play)
    QTimer.singleShot(300, close_once_training)
    QTimer.singleShot(30_000, give_up)
    from gui.app import leave
    leave(app.exec())  # as cli/window.py does
    """
)


def test_closing_during_training_exits_fast_and_clean(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(REPO_ROOT))
    process = subprocess.Popen(
        [sys.executable, "-c", SCRIPT, str(tmp_path / "settings.ini")],
        cwd=REPO_ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    stdout, stderr = process.communicate(timeout=60)
    exited_at = time.time()
    closing = [line for line in stdout.splitlines() if line.startswith("closing")]
    assert closing, stdout + stderr
    closing_at = float(closing[0].split()[1])
    assert process.returncode == 0, stderr
    assert exited_at - closing_at < 1.0, f"took {exited_at - closing_at:.2f} s to exit after closing"
    assert stderr.strip() == "", f"unexpected messages: {stderr}"
    assert (tmp_path / "settings.ini").exists()  # settings were saved on the way out
