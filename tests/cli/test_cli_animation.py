"""`export animation`: a GIF or an MP4 of a view, drawn offscreen; bad values are one `error:` line and exit 2."""

from __future__ import annotations

import os

import imageio_ffmpeg
import numpy as np
import pytest
from PIL import Image

from cli_inprocess import run_in_process  # tests/cli is on sys.path

SMALL = ["--size", "128x72", "--fps", "4", "--seconds", "1"]
TINY_RUN = ["--dataset", "xor", "--hidden", "2", "--points", "60", "--steps", "6"]


@pytest.fixture
def wired(qapp):
    """`main.py export animation ...` in-process (cli/parser.py and cli/export.py hand it to cli/classroom/animation.py)."""
    return run_in_process


def _ok(status, out: str, err: str, path) -> None:
    assert status == 0, err
    assert out.strip() == str(path) and os.path.getsize(path) > 0


def test_the_race_as_a_gif(wired, tmp_path):
    path = tmp_path / "race.gif"
    _ok(*wired(["export", "animation", "--view", "landscape", "--surface", "rosenbrock", "--optimizers", "sgd,adam",
                "--steps", "20", *SMALL, "--out", str(path)]), path)
    with Image.open(path) as gif:
        assert gif.size == (128, 72) and 2 <= gif.n_frames <= 4 and gif.info["loop"] == 0


def test_one_example_pass_as_an_mp4(wired, tmp_path):
    path = tmp_path / "pass.mp4"
    _ok(*wired(["export", "animation", "--view", "network", *TINY_RUN, "--example", "3", *SMALL,
                "--out", str(path)]), path)
    frames, seconds = imageio_ffmpeg.count_frames_and_secs(str(path))
    assert frames == 4 and seconds == pytest.approx(1.0, abs=0.1)


def test_training_as_a_gif(wired, tmp_path):
    path = tmp_path / "training.gif"
    _ok(*wired(["export", "animation", "--view", "training", *TINY_RUN, *SMALL, "--out", str(path)]), path)
    with Image.open(path) as gif:
        assert gif.size == (128, 72) and gif.n_frames >= 2


def test_the_kernel_sliding_over_an_image(wired, tmp_path):
    picture = np.zeros((40, 40, 3), np.uint8)
    picture[10:30, 10:30] = (230, 159, 0)
    Image.fromarray(picture).save(tmp_path / "square.png")
    path = tmp_path / "kernel.gif"
    _ok(*wired(["export", "animation", "--view", "kernel", "--image", str(tmp_path / "square.png"), "--kernel",
                "box_blur", "--grid", "16", "--stride", "2", *SMALL, "--out", str(path)]), path)
    with Image.open(path) as gif:
        first = np.asarray(gif.convert("RGB"))
        gif.seek(gif.n_frames - 1)
        last = np.asarray(gif.convert("RGB"))
    assert (first != last).any()  # the output map filled in


@pytest.fixture
def checked(wired, monkeypatch):
    """Bad values must be refused before any work: training, racing or drawing a frame would stop here."""
    from cli_inprocess import Reached, stop_here

    import core.landscape.surfaces as surfaces
    import core.mlp.trainer
    import gui.animation.sources as sources

    real_path = surfaces.optimizer_path

    def optimizer_path(surface, name, lr, steps, *args, **kwargs):  # 0 steps is how the inputs are checked
        if steps:
            raise Reached
        return real_path(surface, name, lr, steps, *args, **kwargs)

    monkeypatch.setattr(core.mlp.trainer.Trainer, "__init__", stop_here)
    monkeypatch.setattr(surfaces, "optimizer_path", optimizer_path)
    for name in ("network_pass_source", "training_source", "race_source", "kernel_source"):
        monkeypatch.setattr(sources, name, stop_here)
    return wired


@pytest.mark.parametrize("arguments, words", [
    ([], "needs --view: network, training, landscape, kernel"),
    (["--view", "cnn"], "records one of these views"),
    (["--view", "landscape", "--size", "wide"], "--size must look like 960x540"),
    (["--view", "landscape", "--size", "10x10"], "from 64×64 to 1920×1080 pixels, not 10×10"),
    (["--view", "landscape", "--fps", "0"], "from 1 to 60, not 0"),
    (["--view", "landscape", "--fps", "55"], "A GIF plays at most 50 frames per second"),
    (["--view", "landscape", "--seconds", "0.5"], "from 1 to 120 seconds"),
    (["--view", "landscape", "--seconds", "1000"], "from 1 to 120 seconds"),
    (["--view", "landscape", "--steps", "5"], "--steps for a race must be between 10 and 5,000"),
    (["--view", "landscape", "--surface", "moon"], "moon"),
    (["--view", "network", "--surface", "bowl"], "--surface does not apply to export animation --view network"),
    (["--view", "landscape", "--dataset", "xor"], "--dataset does not apply"),
    (["--view", "training", "--example", "2"], "--example does not apply"),
    (["--view", "kernel"], "--view kernel needs --image PATH"),
    (["--view", "kernel", "--image", "x.png", "--kernel", "blur"], "Unknown --kernel 'blur'"),
    (["--view", "kernel", "--image", "x.png", "--operation", "min_pool"], "Unknown --operation 'min_pool'"),
    (["--view", "kernel", "--image", "x.png", "--grid", "20"], "--grid must be one of 16, 32, 64, not 20"),
    (["--view", "kernel", "--image", "x.png", "--stride", "9"], "--stride must be between 1 and 4, not 9"),
    (["--view", "kernel", "--image", "missing.png"], "missing.png does not exist"),
])
def test_bad_values_are_one_error_line_before_any_work(checked, tmp_path, arguments, words):
    path = tmp_path / "a.gif"
    status, out, err = checked(["export", "animation", *arguments, "--out", str(path)])
    assert status == 2, (status, err)
    assert out == "" and err.count("\n") == 1 and err.startswith("error: ") and words in err
    assert os.listdir(tmp_path) == []


@pytest.mark.parametrize("name, words", [("a.png", "not a .gif or .mp4 name"), ("nowhere/a.gif", "does not exist")])
def test_a_bad_output_is_refused_before_any_work(checked, tmp_path, name, words):
    status, _, err = checked(["export", "animation", "--view", "landscape", "--out", str(tmp_path / name)])
    assert status == 2 and err.startswith("error: ") and words in err


def test_good_values_reach_the_work(checked, tmp_path):
    for view in (["--view", "landscape"], ["--view", "network"], ["--view", "training", "--fps", "10"]):
        status, _, err = checked(["export", "animation", *view, "--out", str(tmp_path / "a.mp4")])
        assert status == "reached", err


def test_the_old_file_stays_when_the_recording_fails(wired, tmp_path, monkeypatch):
    import gui.animation.source_race as source_race

    path = tmp_path / "race.gif"
    path.write_bytes(b"last week's race")

    def broken(self, index):
        if index == 2:
            raise KeyboardInterrupt  # Ctrl+C half-way
        return None

    monkeypatch.setattr(source_race.RaceSource, "show", broken)
    status, out, err = wired(["export", "animation", "--view", "landscape", "--steps", "20", *SMALL,
                              "--out", str(path)])
    assert status == 130 and "cancelled" in err and out == ""
    assert path.read_bytes() == b"last week's race"
    assert sorted(os.listdir(tmp_path)) == ["race.gif"]


def test_export_help_lists_the_animation_options(wired):
    status, out, _ = wired(["export", "--help"])
    assert status == 0
    for flag in ("--view", "--fps", "--seconds", "--size", "--kernel", "--operation", "--grid", "--padding"):
        assert flag in out
