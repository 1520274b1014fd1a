"""The command line speaks the language asked for: --lang zh_CN|en on every command and the window, else the system's.

Help texts, argparse's own words, our error sentences and the core's, and the figures
`snapshot` draws are Chinese under --lang zh_CN (or a Chinese system locale); what scripts
read (the `error: ` prefix, file contents, printed paths) stays the same in every language.
The parser's options for the window (--lang, --tab, a session file) are checked in-process.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

REPO_ROOT = Path(__file__).resolve().parents[2]
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from cli_runner import error_lines, run_main  # noqa: E402  (tests/cli is on sys.path)

from cli.errors import CommandLineError  # noqa: E402
from cli.parser import parse_args  # noqa: E402

CHINESE_LOCALE = {"LANG": "zh_CN.UTF-8", "LC_ALL": "zh_CN.UTF-8", "LANGUAGE": "zh_CN"}
HAN = re.compile(r"[\u4e00-\u9fff]")


def error_line(done) -> str:
    """The one `error: ` line (a machine without the zh_CN locale adds Qt's notice about it: not ours)."""
    errors = [line for line in error_lines(done) if line.startswith("error: ")]
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stdout + done.stderr
    assert len(errors) == 1, done.stderr
    return errors[0]


# ----------------------------------------------------------------------------- the parser, in-process
def test_lang_is_read_before_and_after_a_command():
    assert parse_args(["--lang", "zh_CN"]).lang == "zh_CN"
    assert parse_args(["--lang=en"]).lang == "en"
    assert parse_args(["snapshot", "--lang", "zh-cn", "--out", "x.png"]).lang == "zh_CN"
    assert parse_args([]).lang is None  # the system (or the window's remembered choice) decides


def test_a_language_we_do_not_speak_is_one_sentence():
    with pytest.raises(CommandLineError, match="--lang"):
        parse_args(["--lang", "fr"])


def test_tab_chooses_the_window_tab():
    assert parse_args(["--tab", "network"]).tab == "network"
    assert parse_args(["--tab", "Landscape"]).tab == "landscape"
    assert parse_args([]).tab is None
    with pytest.raises(CommandLineError, match="--tab"):
        parse_args(["--tab", "settings"])
    with pytest.raises(CommandLineError, match="--tab"):
        parse_args(["--tab", "network", "snapshot", "--out", "x.png"])


def test_a_session_file_opens_the_window(tmp_path):
    lesson = tmp_path / "lesson1.glassbox"
    lesson.write_bytes(b"PK")  # reading it is the window's business; the parser only finds it

    options = parse_args(["--dataset", "xor", "--lang", "zh_CN", str(lesson)])

    assert options.session_file == str(lesson)
    assert options.dataset == "xor" and options.lang == "zh_CN" and options.command is None
    assert parse_args([]).session_file is None


def test_any_existing_file_may_be_a_session_file(tmp_path):
    saved = tmp_path / "lesson1.zip"
    saved.write_bytes(b"PK")

    assert parse_args([str(saved)]).session_file == str(saved)


@pytest.mark.parametrize("args, words", [
    (["lesson1"], ["lesson1", "session file"]),  # a typo of a command, or a file that is not there
    (["missing.glassbox"], ["missing.glassbox", "does not exist"]),
])
def test_a_word_that_is_no_session_file_is_one_sentence(args, words, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(CommandLineError) as raised:
        parse_args(args)
    for word in words:
        assert word in str(raised.value)


def test_a_session_file_with_a_command_points_to_session_option(tmp_path):
    lesson = tmp_path / "lesson1.glassbox"
    lesson.write_bytes(b"PK")
    with pytest.raises(CommandLineError, match="--session"):
        parse_args([str(lesson), "snapshot", "--out", "x.png"])


def test_steps_default_to_none_more_after_a_session():
    assert parse_args(["export", "trace", "--out", "t.json"]).steps == 300
    assert parse_args(["export", "trace", "--session", "s.glassbox", "--out", "t.json"]).steps == 0


# ----------------------------------------------------------------------------- help and errors, as users run them
def test_help_in_chinese(tmp_path):
    done = run_main(["--lang", "zh_CN", "export", "--help"], tmp_path / "home")

    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("用法：main.py export")
    for words in ("选项：", "显示此帮助并退出", "训练步数（默认 300）", "学习率（默认 0.03）", "位置参数："):
        assert words in done.stdout
    assert "usage:" not in done.stdout and "show this help" not in done.stdout


def test_the_window_help_and_errors_need_no_display(tmp_path):
    """The window's options are read before its QApplication exists: no screen is needed to read the help."""
    no_display = {"QT_QPA_PLATFORM": "xcb", "DISPLAY": "", "WAYLAND_DISPLAY": ""}  # any QApplication would abort

    helped = run_main(["--lang", "zh_CN", "--help"], tmp_path / "home", env_extra=no_display)
    refused = run_main(["--lang", "zh_CN", "--tab", "nope"], tmp_path / "home", env_extra=no_display)

    assert helped.returncode == 0, helped.stderr
    assert helped.stdout.startswith("用法：main.py")
    assert error_line(refused).startswith("error: --tab 必须是")


def test_help_in_english_under_a_chinese_system_with_lang_en(tmp_path):
    done = run_main(["--help", "--lang", "en"], tmp_path / "home", env_extra=CHINESE_LOCALE)

    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("usage: main.py")
    assert "options:" in done.stdout and not HAN.search(done.stdout)


def test_a_chinese_system_gets_chinese_errors_without_lang(tmp_path):
    done = run_main(["export", "metrics", "--steps", "-1", "--out", str(tmp_path / "m.csv")], tmp_path / "home",
                    env_extra=CHINESE_LOCALE)

    assert error_line(done) == "error: --steps 必须在 0 到 1,000,000 之间，而不是 -1。"


def test_english_errors_stay_as_they_were(tmp_path):
    done = run_main(["export", "metrics", "--steps", "-1", "--out", str(tmp_path / "m.csv")], tmp_path / "home")

    assert error_line(done) == "error: --steps must be between 0 and 1,000,000, not -1."


def test_argparse_words_are_chinese(tmp_path):
    done = run_main(["--lang", "zh_CN", "export", "metrics"], tmp_path / "home")

    assert error_line(done) == "error: 缺少必需的参数：--out。"


def test_a_bad_lang_is_one_error_line(tmp_path):
    done = run_main(["--lang", "klingon", "export", "metrics", "--out", str(tmp_path / "m.csv")], tmp_path / "home")

    line = error_line(done)
    assert "--lang" in line and "klingon" in line
    assert not (tmp_path / "m.csv").exists()


def test_a_core_error_is_said_in_chinese(tmp_path):
    notes = tmp_path / "notes.glassbox"
    notes.write_text("not a session")
    done = run_main(["--lang", "zh_CN", "export", "trace", "--session", str(notes), "--out",
                     str(tmp_path / "t.json")], tmp_path / "home")

    line = error_line(done)
    assert "notes.glassbox" in line and HAN.search(line), line


def test_the_window_option_errors_are_chinese(tmp_path):
    done = run_main(["--lang", "zh_CN", "--tab", "nope"], tmp_path / "home")

    assert error_line(done) == ("error: --tab 必须是 training, network, convolution, landscape, autoencoder 之一，"
                                "而不是“nope”。")


# ----------------------------------------------------------------------------- what files hold does not change
def test_exported_numbers_do_not_depend_on_the_language(tmp_path):
    english, chinese = tmp_path / "en.csv", tmp_path / "zh.csv"
    for language, out in (("en", english), ("zh_CN", chinese)):
        done = run_main(["export", "metrics", "--steps", "30", "--lang", language, "--out", str(out)],
                        tmp_path / "home")
        assert done.returncode == 0, done.stderr
        assert done.stdout.strip() == str(out)

    assert chinese.read_text() == english.read_text()


def test_snapshot_draws_in_chinese(tmp_path):
    pictures = {}
    for language in ("en", "zh_CN"):
        out = tmp_path / f"network-{language}.png"
        done = run_main(["snapshot", "--view", "network", "--steps", "20", "--size", "800x500", "--lang", language,
                         "--out", str(out)], tmp_path / "home", timeout=240)
        assert done.returncode == 0, done.stderr
        with Image.open(out) as image:
            pictures[language] = np.asarray(image.convert("RGB"))

    assert pictures["en"].shape == pictures["zh_CN"].shape == (500, 800, 3)
    assert not np.array_equal(pictures["en"], pictures["zh_CN"])  # the same network, labelled in Chinese
