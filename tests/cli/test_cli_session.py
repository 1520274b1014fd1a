"""Sessions on the command line: `export session` writes one; `snapshot --session` and `export trace --session`
start from one, exactly where its author left it; a bad or hostile file is one `error:` line and exit 2.

Every command runs as a user runs it: a fresh `python main.py` process, offscreen, with a private home.
"""

from __future__ import annotations

import io
import json
import os
import sys
import zipfile
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

REPO_ROOT = Path(__file__).resolve().parents[2]
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from cli_runner import error_lines, run_main  # noqa: E402  (tests/cli is on sys.path)

TRAINING = ["--dataset", "xor", "--hidden", "4", "--optimizer", "adam", "--lr", "0.05", "--seed", "3",
            "--points", "200"]
SAVED_STEPS = 60


@pytest.fixture(scope="module")
def home(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("home")


@pytest.fixture(scope="module")
def session_file(tmp_path_factory, home) -> Path:
    """A session of TRAINING after SAVED_STEPS steps, written by `export session`."""
    out = tmp_path_factory.mktemp("sessions") / "lesson1.glassbox"
    done = run_main(["export", "session", *TRAINING, "--steps", str(SAVED_STEPS), "--out", str(out)], home)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == str(out)
    return out


def assert_one_error(done, *words: str) -> None:
    """Exit 2, nothing on stdout, one `error: ` line naming `words`, and never a traceback."""
    lines = error_lines(done)
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stdout + done.stderr
    assert len(lines) == 1 and lines[0].startswith("error: "), done.stderr
    for word in words:
        assert word in lines[0], lines[0]


def trace(args: list[str], out: Path, home: Path) -> dict:
    done = run_main(["export", "trace", *args, "--out", str(out)], home)
    assert done.returncode == 0, done.stderr
    return json.loads(out.read_text(encoding="utf-8"))


# ----------------------------------------------------------------------------- what a session holds
def test_export_session_writes_a_session_with_the_trained_network_and_the_training_tab(session_file):
    from core.session.files import read_session
    from core.session.parts import MLP_PART

    session = read_session(session_file)
    assert MLP_PART in session.parts
    assert session.tabs["training"]["config"]["dataset"] == "xor"
    assert session.tabs["training"]["config"]["hidden"] == [4]
    assert session.app["language"] in ("en", "zh_CN")


def test_export_session_records_the_path_for_the_landscape_as_the_window_does(session_file):
    from core.session.files import read_session
    from core.session.parts import MLP_PART
    from core.session.training import restore_training

    trainer, recorder = restore_training(read_session(session_file).parts[MLP_PART])

    assert trainer.step_count == SAVED_STEPS
    assert recorder is not None and recorder.steps[0] == 0 and recorder.steps[-1] == SAVED_STEPS
    assert len(recorder) > 5


def test_export_session_keeps_the_learning_curve_for_the_training_tab(session_file):
    from core.session.files import read_session

    rows = read_session(session_file).tabs["training"]["curves"]["history"]

    assert rows[0][0] == 0 and rows[-1][0] == SAVED_STEPS  # step 0 to the last step, one row per evaluation
    assert len(rows) > 10


def test_export_session_records_the_language_asked_for(tmp_path, home):
    from core.session.files import read_session

    out = tmp_path / "chinese.glassbox"
    done = run_main(["export", "session", "--steps", "5", "--lang", "zh_CN", "--out", str(out)], home)

    assert done.returncode == 0, done.stderr
    assert read_session(out).app["language"] == "zh_CN"


# ----------------------------------------------------------------------------- exact continuation
def test_a_trace_from_a_session_equals_the_trace_from_the_same_options_without_one(session_file, tmp_path, home):
    plain = trace([*TRAINING, "--steps", str(SAVED_STEPS), "--example", "5"], tmp_path / "plain.json", home)
    saved = trace(["--session", str(session_file), "--example", "5"], tmp_path / "saved.json", home)

    assert saved == plain  # number for number


def test_steps_after_a_session_continue_training_exactly(session_file, tmp_path, home):
    more = 40
    straight = trace([*TRAINING, "--steps", str(SAVED_STEPS + more), "--example", "2"], tmp_path / "a.json", home)
    continued = trace(["--session", str(session_file), "--steps", str(more), "--example", "2"],
                      tmp_path / "b.json", home)

    assert continued == straight


def test_a_session_exported_from_a_session_carries_on_from_it(session_file, tmp_path, home):
    later = tmp_path / "later.glassbox"
    done = run_main(["export", "session", "--session", str(session_file), "--steps", "40", "--out", str(later)], home)
    assert done.returncode == 0, done.stderr

    straight = trace([*TRAINING, "--steps", str(SAVED_STEPS + 40), "--example", "1"], tmp_path / "a.json", home)
    assert trace(["--session", str(later), "--example", "1"], tmp_path / "b.json", home) == straight


# ----------------------------------------------------------------------------- figures from a session
@pytest.mark.parametrize("view", ["training", "network", "cnn", "landscape"])
def test_snapshot_renders_every_view_from_a_session(view, session_file, tmp_path, home):
    out = tmp_path / f"{view}.png"
    done = run_main(["snapshot", "--session", str(session_file), "--view", view, "--size", "800x500",
                     "--out", str(out)], home, timeout=240)

    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == str(out)
    assert_drawn(out, (800, 500))


def assert_drawn(path: Path, size: tuple[int, int]) -> None:
    with Image.open(path) as image:
        assert image.size == size
        assert len(np.unique(np.asarray(image.convert("L")))) > 10  # a drawing, not a blank page


TRAIN_BLUE = (0x00, 0x72, 0xB2)  # Okabe-Ito blue: the training curve


def curve_pixels(path: Path) -> int:
    with Image.open(path) as image:
        pixels = np.asarray(image.convert("RGB"), dtype=float)
    return int((np.abs(pixels - TRAIN_BLUE).sum(axis=2) < 60).sum())


@pytest.mark.parametrize("keep_curves", [True, False])
def test_the_training_view_from_a_session_draws_its_learning_curve(keep_curves, session_file, tmp_path, home):
    """From the curve the session saved, or, without one, from replaying its settings (training is deterministic)."""
    from dataclasses import replace

    from core.session.files import read_session, write_session

    source = session_file
    if not keep_curves:
        session = read_session(session_file)
        training = {key: value for key, value in session.tabs["training"].items() if key != "curves"}
        source = tmp_path / "no-curves.glassbox"
        write_session(source, replace(session, tabs=dict(session.tabs, training=training)))
    out = tmp_path / "curves.png"
    done = run_main(["snapshot", "--session", str(source), "--view", "training", "--size", "800x500",
                     "--out", str(out)], home, timeout=240)

    assert done.returncode == 0, done.stderr
    assert curve_pixels(out) > 300  # a line across the loss and accuracy charts, not a legend swatch alone


@pytest.fixture(scope="module")
def rich_session_file(session_file, tmp_path_factory) -> Path:
    """The session, with what the window saves beside the network: a stepped example, a lab image and model,
    and the Landscape tab on "Your network"."""
    from dataclasses import replace

    from core.cnn.snapshot import part_from_model
    from core.session.files import read_session, write_session
    from core.session.parts import CNN_PART, LAB_IMAGE_PART, Part

    session = read_session(session_file)
    pixels = np.zeros((60, 80, 3), np.uint8)
    pixels[10:50, 30:40] = 255
    tabs = dict(session.tabs, network={"example_index": 3, "phase": "backward", "layer": 0, "fraction": 0.5},
                landscape={"view": "network", "network": {"directions": "pca", "resolution": 11}},
                convolution={"model": "shapes"})
    parts = dict(session.parts)
    parts[LAB_IMAGE_PART] = Part({"name": "bar"}, {"pixels": pixels})
    parts[CNN_PART] = part_from_model("shapes")
    out = tmp_path_factory.mktemp("rich") / "rich.glassbox"
    write_session(out, replace(session, tabs=tabs, parts=parts))
    return out


@pytest.mark.parametrize("view", ["network", "cnn", "landscape"])
def test_snapshot_shows_what_the_session_saved_beside_the_network(view, rich_session_file, tmp_path, home):
    out = tmp_path / f"{view}.png"
    done = run_main(["snapshot", "--session", str(rich_session_file), "--view", view, "--size", "900x560",
                     "--out", str(out)], home, timeout=240)

    assert done.returncode == 0, done.stderr
    assert_drawn(out, (900, 560))


def test_a_session_without_a_network_says_so(session_file, tmp_path, home):
    from dataclasses import replace

    from core.session.files import read_session, write_session

    empty = tmp_path / "no-network.glassbox"
    write_session(empty, replace(read_session(session_file), parts={}))
    done = run_main(["export", "trace", "--session", str(empty), "--out", str(tmp_path / "t.json")], home)

    assert_one_error(done, empty.name)


# ----------------------------------------------------------------------------- what --session refuses
def test_training_options_beside_a_session_are_refused(session_file, tmp_path, home):
    done = run_main(["export", "trace", "--session", str(session_file), "--lr", "0.5", "--out",
                     str(tmp_path / "t.json")], home)

    assert_one_error(done, "--session")
    assert not (tmp_path / "t.json").exists()


def test_session_applies_only_to_trace_and_session_exports(session_file, tmp_path, home):
    done = run_main(["export", "metrics", "--session", str(session_file), "--out", str(tmp_path / "m.csv")], home)

    assert_one_error(done, "--session", "metrics")


# ----------------------------------------------------------------------------- bad and hostile files
def _not_a_zip(folder: Path, good: Path) -> Path:
    path = folder / "notes.glassbox"
    path.write_text("these are my lesson notes, not a session\n")
    return path


def _truncated(folder: Path, good: Path) -> Path:
    path = folder / "truncated.glassbox"
    data = good.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return path


def _empty(folder: Path, good: Path) -> Path:
    path = folder / "empty.glassbox"
    path.write_bytes(b"")
    return path


def _escaping_member(folder: Path, good: Path) -> Path:
    """A zip whose member names point outside: a session never writes those; a hostile one might."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(buffer, "w") as target:
        for info in source.infolist():
            target.writestr(info.filename, source.read(info))
        target.writestr("../../outside.txt", "gotcha")
    path = folder / "escaping.glassbox"
    path.write_bytes(buffer.getvalue())
    return path


def _fifo(folder: Path, good: Path) -> Path:
    if not hasattr(os, "mkfifo"):
        pytest.skip("this platform has no named pipes")
    path = folder / "pipe.glassbox"
    os.mkfifo(path)  # opening it to read would wait forever for a writer
    return path


def _folder(folder: Path, good: Path) -> Path:
    path = folder / "folder.glassbox"
    path.mkdir()
    return path


def _missing(folder: Path, good: Path) -> Path:
    return folder / "never-saved.glassbox"


BAD_SESSIONS = {"not a zip": _not_a_zip, "truncated": _truncated, "empty": _empty, "escaping member": _escaping_member,
                "fifo": _fifo, "folder": _folder, "missing": _missing}


@pytest.mark.parametrize("kind", list(BAD_SESSIONS))
def test_a_bad_session_is_one_error_line_for_export_trace(kind, session_file, tmp_path, home):
    bad = BAD_SESSIONS[kind](tmp_path, session_file)
    out = tmp_path / "t.json"

    done = run_main(["export", "trace", "--session", str(bad), "--out", str(out)], home, timeout=60)

    assert_one_error(done, bad.name)
    assert not out.exists()
    assert not (tmp_path.parent / "outside.txt").exists()


@pytest.mark.parametrize("kind", ["truncated", "fifo"])
def test_a_bad_session_is_one_error_line_for_snapshot(kind, session_file, tmp_path, home):
    bad = BAD_SESSIONS[kind](tmp_path, session_file)
    out = tmp_path / "fig.png"

    done = run_main(["snapshot", "--session", str(bad), "--view", "network", "--out", str(out)], home, timeout=60)

    assert_one_error(done, bad.name)
    assert not out.exists()


# ----------------------------------------------------------------------------- the window's session file
@pytest.mark.parametrize("kind", ["fifo", "folder", "missing"])
def test_the_window_refuses_what_cannot_be_a_session_file_before_it_opens(kind, session_file, tmp_path):
    from cli.errors import CommandLineError
    from cli.parser import parse_args

    bad = BAD_SESSIONS[kind](tmp_path, session_file)
    with pytest.raises(CommandLineError) as raised:
        parse_args([str(bad)])

    assert bad.name in str(raised.value)


def test_a_missing_session_file_for_the_window_is_one_error_line(tmp_path, home):
    done = run_main([str(tmp_path / "lesson9.glassbox")], home, timeout=60)

    assert_one_error(done, "lesson9.glassbox")


def test_the_window_takes_a_session_file_beside_its_options(session_file):
    from cli.parser import parse_args

    options = parse_args(["--tab", "network", str(session_file), "--lang", "en"])

    assert (options.session_file, options.tab, options.lang) == (str(session_file), "network", "en")
