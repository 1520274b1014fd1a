"""The command line against a hostile user: failed writes lose nothing, limits come before work, Ctrl+C is clean,
no value prints an extra line, and no input a user could type reaches the last-resort handler.

Most cases run in-process (fast; tests/cli/test_cli_properties.py explains the harness);
Ctrl+C runs a real process and interrupts it once it reports progress.
"""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys

import numpy as np
import pytest

from cli.errors import one_line, shown_value
from cli_inprocess import run_in_process  # tests/cli is on sys.path; the `stubbed` fixture: conftest.py
from cli_runner import ENGLISH_LOCALE, REPO_ROOT

OLD = b"the old file, which must survive\n"


def one_error(status, err: str) -> str:
    lines = err.splitlines()
    assert status == 2 and len(lines) == 1 and lines[0].startswith("error: "), (status, err)
    assert "unexpected failure" not in err
    return lines[0]


@pytest.fixture
def full_disk(monkeypatch):
    """Every file written fails at the end as on a full disk (after part of it was written)."""
    def fsync(descriptor):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", fsync)


# ---------------------------------------------------------------------------------------------- writes
@pytest.mark.parametrize("args, name", [
    (["export", "metrics", "--steps", "2"], "m.csv"),
    (["export", "trace", "--steps", "2"], "t.json"),
    (["export", "landscape", "--surface", "bowl", "--steps", "3", "--resolution", "5"], "l.npz"),
    (["export", "session", "--steps", "2"], "s.glassbox"),
    (["snapshot", "--view", "landscape", "--surface", "bowl", "--steps", "3", "--size", "400x300"], "s.png"),
])
def test_a_failed_write_leaves_the_old_file_whole(qapp, tmp_path, full_disk, args, name):
    out = tmp_path / name
    out.write_bytes(OLD)
    status, stdout, err = run_in_process([*args, "--points", "40", "--out", str(out)]
                                         if args[0] == "export" and "--surface" not in args
                                         else [*args, "--out", str(out)])
    assert "disk is full" in one_error(status, err)
    assert out.read_bytes() == OLD and stdout == ""
    assert sorted(path.name for path in tmp_path.iterdir()) == [name]  # no temporary file left behind


@pytest.mark.parametrize("out", ["/dev/full", "/dev/null", "{tmp}", "{tmp}/nowhere/x.csv", "{tmp}/" + "x" * 300])
def test_an_unwritable_out_fails_before_any_work(stubbed, tmp_path, out):
    status, _, err = run_in_process(["export", "metrics", "--out", out.format(tmp=tmp_path)])
    one_error(status, err)  # "reached" would mean training started first


def test_an_out_that_is_not_text_is_refused_rather_than_printed_as_another_name(stubbed, tmp_path):
    status, _, err = run_in_process(["export", "metrics", "--out", str(tmp_path / "\udcff.csv")])
    assert "encoding" in one_error(status, err)
    status, _, err = run_in_process(["export", "metrics", "--out", str(tmp_path / "a\nb.csv")])
    assert "control character" in one_error(status, err)
    assert list(tmp_path.iterdir()) == []


def test_the_printed_name_is_the_name_written(qapp, tmp_path):
    out = tmp_path / "résumé ü.csv"
    status, stdout, err = run_in_process(["export", "metrics", "--steps", "1", "--points", "40", "--out", str(out)])
    assert status == 0, err
    assert stdout == f"{out}\n" and out.exists()


def test_save_png_is_atomic_and_one_sentence(qapp, tmp_path, full_disk):
    from PySide6.QtGui import QImage

    from core.errors import GlassboxError
    from gui.snapshot import save_png

    target = tmp_path / "view.png"
    target.write_bytes(OLD)
    image = QImage(40, 30, QImage.Format.Format_RGB32)
    image.fill(0x336699)
    with pytest.raises(GlassboxError, match="disk is full"):
        save_png(image, target)
    assert target.read_bytes() == OLD
    with pytest.raises(GlassboxError, match="folder"):
        save_png(image, tmp_path / "nowhere" / "view.png")


def test_save_png_writes_a_png(qapp, tmp_path):
    from PIL import Image
    from PySide6.QtGui import QImage

    from gui.snapshot import save_png

    image = QImage(40, 30, QImage.Format.Format_RGB32)
    image.fill(0x336699)
    save_png(image, tmp_path / "view.png")
    with Image.open(tmp_path / "view.png") as written:
        assert written.size == (40, 30)


# ---------------------------------------------------------------------------------------------- NaN
def test_a_diverged_trace_is_refused_and_writes_nothing(qapp, tmp_path, monkeypatch):
    import cli.inputs
    from core.errors import DivergedError

    def diverging(trainer, steps, *args, **kwargs):
        return None, DivergedError(1, float("inf"))

    monkeypatch.setattr(cli.inputs, "train_with_progress", diverging)
    out = tmp_path / "t.json"
    out.write_bytes(OLD)
    status, _, err = run_in_process(["export", "trace", "--lr", "1000", "--steps", "1", "--out", str(out)])
    assert "diverged" in one_error(status, err)
    assert out.read_bytes() == OLD


def test_a_trace_with_a_number_that_is_not_finite_is_refused(qapp, tmp_path, monkeypatch):
    import core.mlp.recording

    class Trace:
        def to_json_dict(self):
            return {"loss_value": float("nan")}

    monkeypatch.setattr(core.mlp.recording, "record_example", lambda trainer, index: Trace())
    out = tmp_path / "t.json"
    status, _, err = run_in_process(["export", "trace", "--steps", "1", "--points", "40", "--out", str(out)])
    assert "not finite" in one_error(status, err)
    assert not out.exists()


def test_metrics_csv_never_holds_nan():
    from types import SimpleNamespace

    from core.mlp.reports import METRICS, MetricsHistory

    history = MetricsHistory()
    history.extend([SimpleNamespace(**dict(zip(METRICS, [0, 0.0, float("nan"), float("inf"), 0.5, 0.5])))])
    text = history.to_csv()
    assert "nan" not in text.lower() and "inf" not in text.lower()
    assert text.splitlines()[1] == "0,0,,,0.5,0.5"


# ---------------------------------------------------------------------------------------------- limits
def test_work_too_big_for_memory_is_refused_before_it_starts(stubbed, monkeypatch, tmp_path):
    import core.limits

    monkeypatch.setattr(core.limits, "available_memory", lambda: 200 * 2**20)
    for args in (["export", "metrics", "--hidden", "4096,4096,4096", "--steps", "300"],
                 ["export", "trace", "--dataset", "digits", "--hidden", "4096,4096,4096"],
                 ["export", "landscape", "--hidden", "4096,4096,4096"],
                 ["snapshot", "--view", "landscape", "--points", "200000", "--resolution", "401",
                  "--hidden", "512,512"]):
        suffix = ".png" if args[0] == "snapshot" else ".out"
        status, _, err = run_in_process([*args, "--out", str(tmp_path / f"x{suffix}")])
        line = one_error(status, err)  # "reached" would mean the network was built first
        assert "weights" in line and "free" in line, line
    assert list(tmp_path.iterdir()) == []


def test_progress_for_slow_work(capsys):
    from cli.progress import Progress

    quiet = Progress("{0}/{1} ({2}%)", 100, seconds=0.5)
    for done in range(101):
        quiet.update(done)
    assert capsys.readouterr().err == ""
    slow = Progress("{0}/{1} ({2}%)", 300, seconds=60)
    for done in range(301):
        slow.update(done)
    lines = capsys.readouterr().err.splitlines()
    assert lines[0] == "0/300 (0%)" and lines[-1] == "300/300 (100%)" and 11 <= len(lines) <= 13


def test_ctrl_c_stops_a_long_export_with_one_line_and_writes_nothing(tmp_path):
    out = tmp_path / "m.csv"
    out.write_bytes(OLD)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path), **ENGLISH_LOCALE}
    env.pop("GLASSBOX_DEBUG", None)
    process = subprocess.Popen(
        [sys.executable, "main.py", "export", "metrics", "--hidden", "1024,1024", "--steps", "1000000", "--out",
         str(out)], cwd=REPO_ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        seen = []
        while not any(line.startswith("training: ") for line in seen):  # progress: training has started
            line = process.stderr.readline()
            assert line, "".join(seen)
            seen.append(line)
        process.send_signal(signal.SIGINT)
        stdout, rest = process.communicate(timeout=120)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == 130, rest
    assert [line for line in rest.splitlines() if line.strip()] == ["error: cancelled (Ctrl+C); nothing was written."]
    assert seen[0].startswith("note: ") and "weights" in seen[0]
    assert stdout == "" and out.read_bytes() == OLD and sorted(tmp_path.iterdir()) == [out]


# ---------------------------------------------------------------------------------------------- echoes
def test_printed_values_are_one_short_printable_line():
    assert one_line("a\nerror: fake\r\x1b[31m") == "a\\nerror: fake\\r\\x1b[31m"
    assert one_line("\udcff.png") == "\\xff.png"
    cut = shown_value("x" * 5000)
    assert len(cut) == 80 and "…" in cut
    assert len(one_line("word " * 2000)) <= 600
    assert one_line("/a/" + "b" * 200 + "/name.csv").endswith("name.csv")  # a long path keeps its file name


@pytest.mark.parametrize("args, words", [
    (["export", "metrics", "--dataset", "x\nerror: second line"], "Unknown dataset"),
    (["export", "metrics", "--dataset", "<b>" + "y" * 5000 + "</b>"], "Unknown dataset"),
    (["export", "metrics", "--dataset", "a " * 3000], "Unknown dataset"),
    (["export", "metrics", "--noise", "-0.5"], "noise"),
    (["export", "metrics", "--steps", "99999999999999999999"], "--steps"),
    (["export", "metrics", "--lr", "nan"], "finite"),
    (["export", "metrics", "--points", "9" * 5000], "whole number"),
    (["evaluate", "--folder", "f" * 5000], "too long"),
    (["evaluate", "--folder", "x\x00y"], "--folder"),
    (["evaluate", "--model", "", "--folder", "."], "--model"),
    (["snapshot", "--view", "landscape", "--surface", "bowl", "--resolution", "5"], "--resolution does not apply"),
    (["snapshot", "--view", "landscape", "--surface", ""], "--surface was given an empty value"),
    (["snapshot", "--view", "cnn", "--image", "x.png", "--steps", "5"], "--steps does not apply"),
    (["snapshot", "--view", "cnn", "--image", "x.png", "--surface", "bowl"], "--surface"),
    (["export", "features", "--image", "x.png", "--lr", "0.1"], "--lr does not apply"),
    (["export", "metrics", "--example", "3"], "--example does not apply"),
    (["export", "landscape", "--surface", "bowl", "--hidden", "8"], "--hidden does not apply"),
    (["--lr", "0.1", "evaluate", "--folder", "."], "--lr does not apply"),
    (["export", "metrics", "--session", ""], "--session"),
])
def test_bad_values_are_one_short_error_line(stubbed, tmp_path, args, words):
    out = [] if args[0] == "evaluate" or "evaluate" in args else ["--out", str(tmp_path / "x.png")]
    status, stdout, err = run_in_process([*args, *out])
    line = one_error(status, err)
    assert words in line and len(line) < 400, line
    assert stdout == ""


def test_a_class_name_with_a_new_line_prints_one_line(capsys):
    from cli.evaluate import print_skipped

    print_skipped([("/data/7/bad\nname.png", "it is not\nan image")], "/data")
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2 and "bad\\nname.png" in lines[1] and "not\\nan image" in lines[1]


def test_an_npz_path_is_written_atomically(tmp_path, full_disk):
    from core.errors import GlassboxError
    from core.landscape.surfaces import save_npz

    target = tmp_path / "x.npz"
    target.write_bytes(OLD)
    with pytest.raises(GlassboxError):
        save_npz(str(target), {"a": np.zeros(3)})
    assert target.read_bytes() == OLD
