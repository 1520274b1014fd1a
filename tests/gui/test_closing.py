"""Closing is always clean: the real app (`python main.py`), closed while its worker is inside one long step,
ends within 1.5 s with its settings saved, and Qt never says a running thread was destroyed.

SIGTERM closes the window like its close button and exits 0; Ctrl+C (SIGINT) does the same and exits 130.
The long step: digits with two hidden layers of 4096 (its first pass over the data takes seconds on a laptop).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

REPO_ROOT = Path(__file__).resolve().parents[2]
LONG_STEP = ["--dataset", "digits", "--hidden", "4096,4096", "--lang", "en"]


def close_while_busy(tmp_path: Path, number: int) -> tuple[int, float, str, Path]:
    """Start the app, wait until its window is shown (its worker then builds and measures the big network),
    send `number`, and return the exit status, the seconds from signal to exit, stderr and the settings file."""
    home, ready = tmp_path / "home", tmp_path / "ready"
    env = {key: value for key, value in os.environ.items() if key != "GLASSBOX_DEBUG"}
    env.update(QT_QPA_PLATFORM="offscreen", HOME=str(home), XDG_CONFIG_HOME=str(home / ".config"),
               GLASSBOX_READY_FILE=str(ready), GLASSBOX_LOG_DIR=str(tmp_path / "log"))
    process = subprocess.Popen([sys.executable, "main.py", *LONG_STEP], cwd=REPO_ROOT, env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while not ready.exists() and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)  # polling the other process's progress, not a delay in the app under test
    assert process.poll() is None, process.communicate()[1]
    sent = time.monotonic()
    process.send_signal(number)
    _, stderr = process.communicate(timeout=60)
    return process.returncode, time.monotonic() - sent, stderr, home / ".config" / "Glassbox" / "Glassbox.conf"


@pytest.mark.parametrize("number, status", [(signal.SIGTERM, 0), (signal.SIGINT, 130)])
def test_closing_during_a_long_step_is_quick_and_clean(tmp_path, number, status):
    code, seconds, stderr, settings_file = close_while_busy(tmp_path, number)
    assert code == status, stderr
    assert "QThread" not in stderr and "Destroyed" not in stderr, stderr
    assert stderr.strip() == "", stderr
    assert seconds < 1.5, f"took {seconds:.2f} s to exit"
    saved = QSettings(str(settings_file), QSettings.Format.IniFormat)
    assert "4096" in str(saved.value("training/config"))  # the settings were saved on the way out


MODAL_OPEN = """
import sys
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QMessageBox
from gui.app import close_on_signals, leave, make_application
from core.files import atomic_write
from core.mlp.config import TrainConfig

app = make_application()
close_on_signals(app)
from gui.main_window import MainWindow
window = MainWindow(TrainConfig(n_points=200), QSettings(sys.argv[1], QSettings.Format.IniFormat))
window.show()

def say_ready():
    atomic_write(sys.argv[2], "ready")

def ask():
    QTimer.singleShot(0, say_ready)  # runs inside the message box's own event loop: it is open
    QMessageBox.warning(window, "Glassbox", "A dialog that waits for the user.")

QTimer.singleShot(0, ask)
leave(app.exec())
"""


def test_ctrl_c_with_a_dialog_open_closes_it_and_the_window(tmp_path):
    ready, settings_file = tmp_path / "ready", tmp_path / "settings.ini"
    env = {key: value for key, value in os.environ.items() if key != "GLASSBOX_DEBUG"}
    env.update(QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(REPO_ROOT), GLASSBOX_LOG_DIR=str(tmp_path / "log"))
    process = subprocess.Popen([sys.executable, "-c", MODAL_OPEN, str(settings_file), str(ready)], cwd=REPO_ROOT,
                               env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while not ready.exists() and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)  # polling the other process's progress, not a delay in the app under test
    assert process.poll() is None, process.communicate()[1]
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 130, stderr
    assert stderr.strip() == "", stderr
    assert settings_file.exists()  # the window closed like its close button: settings saved
