"""`main.py --tab network --lang zh_CN lesson.glassbox`: the window gets its tab, its language and the session.

The window is replaced by a stand-in, in a fresh process with a private home folder.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]

OPEN_WITH_STAND_IN = """
import json, sys
from PySide6.QtWidgets import QApplication

import gui.app
import gui.main_window
from gui import i18n


class StandIn:
    def __init__(self, config=None, settings=None, tab=None):
        self.record = {"tab": tab, "language": i18n.current()}

    def show_unexpected(self, sentence):  # where cli/window.py sends an unexpected error's sentence
        pass

    def show(self):
        from PySide6.QtCore import QTimer
        QTimer.singleShot(0, QApplication.instance().quit)

    def open_session(self, path):
        self.record["session"] = path
        return True

    @property
    def menus(self):  # after a session, the language typed on the command line is applied again
        record = self.record
        class Menus:
            def set_language(self, choice):
                record["language_after_session"] = choice
        return Menus()

    @property
    def tabs(self):  # ...and the tab
        record = self.record
        class Tabs:
            def setCurrentIndex(self, index):
                record["tab_after_session"] = index
        return Tabs()


made = []
original = StandIn.show
def show(self):
    made.append(self)
    original(self)
StandIn.show = show
gui.main_window.MainWindow = StandIn
gui.app.leave = lambda code: print(json.dumps(made[0].record)) or code
import main
sys.exit(main.main(sys.argv[1:]))
"""


def open_window(args: list[str], home: Path) -> subprocess.CompletedProcess:
    home.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(home), XDG_CONFIG_HOME=str(home / ".config"),
               LANG="en_US.UTF-8", LC_ALL="en_US.UTF-8")
    return subprocess.run([sys.executable, "-c", OPEN_WITH_STAND_IN, *args], cwd=REPO_ROOT, env=env,
                          capture_output=True, text=True, timeout=120)


def test_tab_language_and_session_reach_the_window(tmp_path):
    lesson = tmp_path / "lesson.glassbox"
    lesson.write_bytes(b"")
    done = open_window(["--tab", "network", "--lang", "zh_CN", str(lesson)], tmp_path / "home")

    assert done.returncode == 0, done.stderr
    record = json.loads(done.stdout.strip().splitlines()[-1])
    assert record == {"tab": "network", "language": "zh_CN", "session": str(lesson),
                      "language_after_session": "zh_CN", "tab_after_session": 1}


def test_without_lang_the_saved_language_is_used(tmp_path):
    home = tmp_path / "home"
    config = home / ".config" / "Glassbox"
    config.mkdir(parents=True)
    (config / "Glassbox.conf").write_text("[view]\nlanguage=zh_CN\n", encoding="utf-8")

    done = open_window([], home)

    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout.strip().splitlines()[-1]) == {"tab": None, "language": "zh_CN"}
