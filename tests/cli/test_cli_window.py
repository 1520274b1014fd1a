"""`python main.py [training options]` opens the window with the options laid over the saved settings.

The window itself is replaced by a stand-in that records its config and ends the event
loop, in a fresh process with a private home folder, so no real window or saved setting
of the tester's is touched.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path


REPO_ROOT = Path(__file__).resolve().parents[2]

OPEN_WITH_STAND_IN = """
import inspect, json, sys
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

import gui.app
import gui.main_window
from gui.app import make_application

make_application()
QSettings().setValue("training/config", json.dumps({"dataset": "xor", "hidden": [3], "learning_rate": 0.5}))
QSettings().sync()


Window = gui.main_window.MainWindow


class StandIn:
    def __init__(self, config=None, **options):
        inspect.signature(Window).bind(config, **options)  # the real window takes what cli/window.py gives it
        from gui import i18n
        assert isinstance(options.pop("settings"), QSettings)  # the settings cli/window.py checked and read
        print(json.dumps({"options": options, "language": i18n.current()}))
        print(json.dumps(None if config is None else config.to_dict()))

    def show(self):
        from PySide6.QtCore import QTimer
        QTimer.singleShot(0, QApplication.instance().quit)

    @staticmethod
    def show_unexpected(sentence):  # where an unexpected error's sentence goes
        print(json.dumps({"unexpected": sentence}))

    def open_session(self, path):
        assert hasattr(Window, "open_session")
        print(json.dumps({"session": path}))
        return True

    class menus:  # after a session, what was typed on the command line is applied again
        @staticmethod
        def set_language(choice):
            print(json.dumps({"language_after_session": choice}))

    class tabs:
        @staticmethod
        def setCurrentIndex(index):
            print(json.dumps({"tab_after_session": index}))


gui.main_window.MainWindow = StandIn
gui.app.leave = lambda code: code  # the real one ends the process at once
import main
sys.exit(main.main(sys.argv[1:]))
"""


def open_window(args: list[str], home: Path) -> subprocess.CompletedProcess:
    home.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ)
    env.pop("GLASSBOX_DEBUG", None)
    env.update(QT_QPA_PLATFORM="offscreen", HOME=str(home), XDG_CONFIG_HOME=str(home / ".config"))
    return subprocess.run([sys.executable, "-c", OPEN_WITH_STAND_IN, *args], cwd=REPO_ROOT, env=env,
                          capture_output=True, text=True, timeout=120)


def test_options_are_laid_over_the_saved_settings(tmp_path):
    done = open_window(["--dataset", "circle", "--lr", "0.1"], tmp_path / "home")

    assert done.returncode == 0, done.stderr
    config = json.loads(done.stdout.strip().splitlines()[-1])
    assert config["dataset"] == "circle" and config["learning_rate"] == 0.1  # from the command line
    assert config["hidden"] == [3]  # from the saved settings


def test_without_options_the_window_reads_its_saved_settings_itself(tmp_path):
    done = open_window([], tmp_path / "home")

    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "null"


def test_a_bad_option_stops_before_the_window_opens(tmp_path):
    done = open_window(["--hidden", "0"], tmp_path / "home")

    assert done.returncode == 2
    assert done.stdout.strip() == ""  # the stand-in window was never built
    assert done.stderr.strip().startswith("error: ")


def told(done: subprocess.CompletedProcess) -> dict:
    """What the stand-in window was given: its keyword options, the language, and the session it opened."""
    lines = [json.loads(line) for line in done.stdout.strip().splitlines() if line.startswith("{")]
    return {key: value for line in lines for key, value in line.items()}


def test_the_window_opens_on_the_tab_and_in_the_language_asked_for(tmp_path):
    done = open_window(["--tab", "network", "--lang", "zh_CN"], tmp_path / "home")

    assert done.returncode == 0, done.stderr
    said = told(done)
    assert said["options"].get("tab") == "network"
    assert said["language"] == "zh_CN"


def test_the_window_opens_a_session_file_given_alone(tmp_path):
    lesson = tmp_path / "lesson1.glassbox"
    lesson.write_bytes(b"PK")  # what is inside is the window's to judge; the command line hands it the path

    done = open_window([str(lesson)], tmp_path / "home")

    assert done.returncode == 0, done.stderr
    assert told(done)["session"] == str(lesson)


def test_language_and_tab_typed_with_a_session_win_over_the_session_s_own(tmp_path):
    lesson = tmp_path / "lesson1.glassbox"
    lesson.write_bytes(b"PK")

    done = open_window([str(lesson), "--lang", "zh_CN", "--tab", "landscape"], tmp_path / "home")

    assert done.returncode == 0, done.stderr
    said = told(done)
    assert said["language_after_session"] == "zh_CN"
    assert said["tab_after_session"] == 3  # training, network, convolution, landscape


def test_a_session_alone_keeps_its_own_language_and_tab(tmp_path):
    lesson = tmp_path / "lesson1.glassbox"
    lesson.write_bytes(b"PK")

    said = told(open_window([str(lesson)], tmp_path / "home"))

    assert "language_after_session" not in said and "tab_after_session" not in said
