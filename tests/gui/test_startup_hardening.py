"""It always starts: saved settings that do not read fall back to their defaults, key by key, with one sentence;
a settings file that is not a regular file is left alone and ignored; no display is one sentence and exit 2."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, QSettings

from core.mlp.config import TrainConfig
from gui.widgets import saved_values
from gui.widgets.saved_values import (read_bool, read_bytes, read_float, read_int, read_json_dict, read_str,
                                      read_str_list, take_resets)
from gui.window_start import display_problem, missing_libraries, unusable_settings_file

REPO_ROOT = Path(__file__).resolve().parents[2]

HOSTILE_INI = """
[training]
config="[1, 2]"
speed_index=99999999999999999999

[window]
geometry=garbage
state=@Point(1 2)
tab=-3

[cnn_training]
batch_size=99999999999999999999

[view]
language=klingon
english_terms=perhaps
zoom=nan

[files]
recent_sessions=@Rect(1 2 3 4)
last_folder=\\0
"""


@pytest.fixture(autouse=True)
def no_resets_left_over():
    saved_values.take_sentence()
    yield
    saved_values.take_sentence()


def ini(tmp_path: Path, text: str | bytes) -> QSettings:
    path = tmp_path / "glassbox.ini"
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return QSettings(str(path), QSettings.Format.IniFormat)


def test_each_typed_read_falls_back_to_its_default_and_says_which_key(tmp_path):
    settings = ini(tmp_path, HOSTILE_INI)
    assert read_int(settings, "training/speed_index", 0, 0, 6) == 0
    assert read_int(settings, "cnn_training/batch_size", 32, 1, 4096) == 32
    assert read_int(settings, "window/tab", 0, 0, 3) == 0
    assert read_bytes(settings, "window/geometry") is None
    assert read_str(settings, "view/language", "system", choices=("en", "zh_CN", "system")) == "system"
    assert read_bool(settings, "view/english_terms", False) is False
    assert read_float(settings, "view/zoom", 1.0, 0.5, 3.0) == 1.0
    assert read_json_dict(settings, "training/config") == {}
    assert read_str_list(settings, "files/recent_sessions", 8) == []
    assert read_int(settings, "missing/key", 7, 0, 10) == 7  # a missing key is no reset
    assert set(take_resets()) >= {"training/speed_index", "cnn_training/batch_size", "window/tab", "window/geometry",
                                  "view/language", "view/english_terms", "view/zoom", "training/config"}


def test_values_qt_wrote_read_back(tmp_path):
    settings = QSettings(str(tmp_path / "fine.ini"), QSettings.Format.IniFormat)
    settings.setValue("a/int", 3)
    settings.setValue("a/bool", True)
    settings.setValue("a/float", 1.25)
    settings.setValue("a/bytes", QByteArray(b"\x00\x01geometry"))
    settings.setValue("a/list", ["one.glassbox", "two.glassbox"])
    settings.setValue("a/single", ["only.glassbox"])
    settings.sync()
    again = QSettings(str(tmp_path / "fine.ini"), QSettings.Format.IniFormat)
    assert read_int(again, "a/int", 0, 0, 5) == 3
    assert read_bool(again, "a/bool", False) is True
    assert read_float(again, "a/float", 0.0, 0.0, 2.0) == 1.25
    assert bytes(read_bytes(again, "a/bytes")) == b"\x00\x01geometry"
    assert read_str_list(again, "a/list", 8) == ["one.glassbox", "two.glassbox"]
    assert read_str_list(again, "a/single", 8) == ["only.glassbox"]
    assert take_resets() == []


@pytest.mark.parametrize("junk", [b"\x00\xff\xfe[training]\nconfig=\xff\xff\n\x00" * 50, b"[[[[\n===\n" * 1000,
                                  b"[training]\nconfig=\"{\\\"hidden\\\": " + b"[" * 5000 + b"\"\n"])
def test_binary_junk_reads_as_defaults(tmp_path, junk):
    settings = ini(tmp_path, junk)
    from gui.training.saved_config import load_saved_config

    assert load_saved_config(settings) == TrainConfig()
    read_int(settings, "window/tab", 0, 0, 3)
    read_bytes(settings, "window/geometry")


@pytest.mark.parametrize("saved", ['"[1, 2]"', "null", "5", '"\\"text\\""', "@Invalid()"])
def test_a_saved_training_config_that_is_not_a_dict_gives_the_defaults(tmp_path, saved):
    from gui.training.saved_config import load_saved_config

    assert load_saved_config(ini(tmp_path, f"[training]\nconfig={saved}\n")) == TrainConfig()


def test_one_bad_training_value_keeps_the_others(tmp_path):
    from gui.training.saved_config import load_saved_config

    settings = QSettings(str(tmp_path / "g.ini"), QSettings.Format.IniFormat)
    settings.setValue("training/config", '{"dataset": "xor", "hidden": [3, 3], "learning_rate": "fast"}')
    config = load_saved_config(settings)
    assert (config.dataset, config.hidden) == ("xor", (3, 3))
    assert config.learning_rate == TrainConfig().learning_rate
    assert take_resets() == ["training/config"]


def test_the_window_starts_on_hostile_settings_and_says_so_once(make_window, tmp_path, qtbot):
    window = make_window(config=None, window_settings=ini(tmp_path, HOSTILE_INI))
    qtbot.waitUntil(lambda: "default" in window.statusBar().currentMessage(), timeout=5000)
    message = window.statusBar().currentMessage()
    assert "training/config" in message and "view/language" in message
    assert window.config == TrainConfig()
    assert window.tabs.currentIndex() == 0


def test_recent_sessions_that_are_not_regular_files_are_not_offered(make_window, tmp_path):
    real = tmp_path / "real.glassbox"
    real.write_bytes(b"x")
    fifo = tmp_path / "fifo.glassbox"
    os.mkfifo(fifo)
    (tmp_path / "folder.glassbox").mkdir()
    settings = QSettings(str(tmp_path / "r.ini"), QSettings.Format.IniFormat)
    settings.setValue("files/recent_sessions", [str(fifo), str(tmp_path / "folder.glassbox"), str(real),
                                                str(tmp_path / "gone.glassbox")])
    window = make_window(window_settings=settings)
    offered = [action.data() for action in window.menus.recent_menu.actions() if action.data()]
    assert offered == [str(real), str(tmp_path / "gone.glassbox")]  # a missing one may come back (a USB stick)


# ------------------------------------------------------------------ the settings file itself
def test_a_settings_file_that_is_a_fifo_a_folder_or_huge_is_found(tmp_path):
    environ = {"XDG_CONFIG_HOME": str(tmp_path), "XDG_CONFIG_DIRS": str(tmp_path / "none")}
    assert unusable_settings_file("Glassbox", "Glassbox", environ) is None
    folder = tmp_path / "Glassbox"
    folder.mkdir()
    target = folder / "Glassbox.conf"
    os.mkfifo(target)
    assert unusable_settings_file("Glassbox", "Glassbox", environ) == target
    target.unlink()
    target.mkdir()
    assert unusable_settings_file("Glassbox", "Glassbox", environ) == target
    target.rmdir()
    with open(target, "wb") as handle:
        handle.truncate(64 * 2**20)  # sparse: costs no disk
    assert unusable_settings_file("Glassbox", "Glassbox", environ) == target
    target.unlink()
    target.write_text("[training]\n")
    assert unusable_settings_file("Glassbox", "Glassbox", environ) is None


def start_window(tmp_path: Path, prepare, *args: str) -> tuple[subprocess.CompletedProcess, Path]:
    """`python main.py` in a fresh home whose settings file `prepare(path)` makes; closed by SIGTERM once shown."""
    import signal
    import time

    home = tmp_path / "home"
    settings_file = home / ".config" / "Glassbox" / "Glassbox.conf"
    settings_file.parent.mkdir(parents=True)
    prepare(settings_file)
    ready = tmp_path / "ready"
    env = {key: value for key, value in os.environ.items() if key != "GLASSBOX_DEBUG"}
    env.update(QT_QPA_PLATFORM="offscreen", HOME=str(home), XDG_CONFIG_HOME=str(home / ".config"),
               GLASSBOX_READY_FILE=str(ready), GLASSBOX_LOG_DIR=str(tmp_path / "log"))
    process = subprocess.Popen([sys.executable, "main.py", *args], cwd=REPO_ROOT, env=env, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 90
    while not ready.exists() and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)  # polling another process's progress, not a delay in the app under test
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
    stdout, stderr = process.communicate(timeout=60)
    return subprocess.CompletedProcess(process.args, process.returncode, stdout, stderr), settings_file


def test_the_window_starts_with_a_fifo_as_settings_file_and_leaves_it_alone(tmp_path):
    done, settings_file = start_window(tmp_path, os.mkfifo)
    assert done.returncode == 0, done.stderr
    assert done.stderr.strip() == ""
    assert settings_file.exists() and not settings_file.is_file()  # still the user's FIFO, untouched


# A value of a type Qt does not know: Qt says so on its own channel, which the app keeps quiet (the key resets).
UNKNOWN_TYPE = "@Variant(\\0\\0\\0\\x7f\\0\\0\\0\\x18QPoint\\0\\0\\0\\0\\x1\\0\\0\\0\\x2)"


@pytest.mark.parametrize("text", [HOSTILE_INI, HOSTILE_INI.replace("state=@Point(1 2)", "state=" + UNKNOWN_TYPE)])
def test_the_window_starts_on_a_corrupt_settings_file(tmp_path, text):
    done, settings_file = start_window(tmp_path, lambda path: path.write_text(text))
    assert done.returncode == 0, done.stderr
    assert done.stderr.strip() == ""
    saved = QSettings(str(settings_file), QSettings.Format.IniFormat)  # saved again on the way out, readable
    assert read_json_dict(saved, "training/config")["dataset"] == TrainConfig().dataset


# ------------------------------------------------------------------ no display
def test_no_display_is_one_sentence_naming_what_is_missing():
    sentence = display_problem({}, platform="linux")
    assert sentence and "DISPLAY" in sentence
    assert display_problem({"QT_QPA_PLATFORM": "offscreen"}, platform="linux") is None
    assert display_problem({"QT_QPA_PLATFORM": "wayland"}, platform="linux")
    assert display_problem({"QT_QPA_PLATFORM": "xcb;offscreen"}, platform="linux") is None  # a fallback that works
    assert display_problem({"WAYLAND_DISPLAY": "wayland-0"}, platform="linux") is None  # Qt picks Wayland itself
    assert display_problem({}, platform="win32") is None


def test_a_missing_xcb_library_names_its_package():
    def load(name: str):
        if name == "libxcb-cursor.so.0":
            raise OSError(name)

    sentence = display_problem({"DISPLAY": ":0"}, platform="linux", load=load)
    assert "libxcb-cursor.so.0" in sentence and "sudo apt install libxcb-cursor0" in sentence
    assert missing_libraries(load) == [("libxcb-cursor.so.0", "libxcb-cursor0")]


@pytest.mark.parametrize("platform", [None, "xcb"])
def test_starting_without_a_display_exits_2_with_one_line(tmp_path, platform):
    env = {key: value for key, value in os.environ.items()
           if key not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "GLASSBOX_DEBUG")}
    if platform:
        env["QT_QPA_PLATFORM"] = platform
    env.update(HOME=str(tmp_path), XDG_CONFIG_HOME=str(tmp_path / ".config"))
    done = subprocess.run([sys.executable, "main.py", "--lang", "en"], cwd=REPO_ROOT, env=env, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 2, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and "DISPLAY" in lines[0], done.stderr


# ------------------------------------------------------------------ any settings file at all
def _read_everything(settings: QSettings) -> None:
    from gui.training.saved_config import load_saved_config
    from gui.window_menus import saved_language, saved_terms
    from gui.window_settings import saved_tab_index, saved_training_state

    load_saved_config(settings)
    saved_training_state(settings)
    saved_language(settings)
    saved_terms(settings)
    saved_tab_index(settings, 4)
    read_float(settings, "view/zoom", 1.0, 0.1, 10.0)
    read_bytes(settings, "window/geometry")
    read_bytes(settings, "window/state")
    read_str_list(settings, "files/recent_sessions", 8)
    read_str(settings, "files/last_folder", "")


KEYS = ["training/config", "training/speed_index", "window/geometry", "window/state", "window/tab", "view/language",
        "view/english_terms", "view/zoom", "files/recent_sessions", "files/last_folder"]


def test_any_settings_file_reads_without_an_error(tmp_path):
    from hypothesis import HealthCheck, given, settings as hypothesis_settings, strategies as st

    values = st.one_of(st.text(max_size=40), st.binary(max_size=40).map(lambda b: b.decode("latin-1")),
                       st.sampled_from(["null", "5", "[1, 2]", '"{}"', "@ByteArray(x)", "@Point(1 2)", "@Rect(1 2 3 4)",
                                        "@Size(1 2)", "@Invalid()", "1e999", "-0.0",
                                        "99999999999999999999", "true", "a, b, c", '"{\\"hidden\\": [1e9]}"']))
    files = st.dictionaries(st.sampled_from(KEYS), values, max_size=len(KEYS))

    @hypothesis_settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(files, st.binary(max_size=200))
    def check(entries, junk):
        sections: dict[str, list[str]] = {}
        for key, value in entries.items():
            section, name = key.split("/")
            sections.setdefault(section, []).append(f"{name}={value}")
        text = "".join(f"[{section}]\n" + "\n".join(lines) + "\n" for section, lines in sections.items())
        path = tmp_path / "any.ini"
        path.write_bytes(text.encode("utf-8", "surrogateescape") + junk)
        _read_everything(QSettings(str(path), QSettings.Format.IniFormat))

    check()
