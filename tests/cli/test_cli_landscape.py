"""`snapshot --view landscape` and `export landscape`, run as users run them: `python main.py ...`."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

REPO_ROOT = Path(__file__).resolve().parents[2]
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from cli_runner import error_lines, run_main  # noqa: E402  (tests/cli is on sys.path)

from core.landscape.surfaces import optimizer_path, surface  # noqa: E402



def test_snapshot_of_an_optimizer_race(tmp_path):
    out = tmp_path / "race.png"
    done = run_main(["snapshot", "--view", "landscape", "--surface", "himmelblau", "--optimizers",
                     "sgd,momentum,adam", "--lr", "0.01", "--steps", "300", "--start", "-1,1", "--out", str(out),
                     "--size", "1200x700"], tmp_path / "home")
    assert done.returncode == 0, done.stderr
    with Image.open(out) as image:
        assert image.size == (1200, 700)
        pixels = np.asarray(image.convert("RGB")).reshape(-1, 3)
    for colour in ((0xD5, 0x5E, 0x00), (0x00, 0x72, 0xB2)):  # Adam's vermillion and momentum's blue paths
        assert (pixels == colour).all(axis=1).sum() > 50


def test_export_of_a_surface_and_a_path_checks_out(tmp_path):
    out = tmp_path / "path.npz"
    done = run_main(["export", "landscape", "--surface", "rosenbrock", "--optimizer", "adam", "--lr", "0.01",
                     "--steps", "200", "--start", "-1.5,2", "--resolution", "101", "--out", str(out)],
                    tmp_path / "home")
    assert done.returncode == 0, done.stderr
    data = np.load(out, allow_pickle=False)
    assert sorted(data.files) == ["loss", "path", "path_loss", "x", "y"]
    x, y, loss = data["x"], data["y"], data["loss"]
    assert loss.shape == (len(y), len(x)) == (101, 101)
    j, i = 17, 63  # loss[j, i] is f(x[i], y[j]): Rosenbrock by hand
    assert loss[j, i] == pytest.approx((1 - x[i]) ** 2 + 100 * (y[j] - x[i] ** 2) ** 2, rel=1e-6)
    assert data["path"].shape == (201, 2)
    np.testing.assert_allclose(data["path"][0], [-1.5, 2.0])
    expected = optimizer_path(surface("rosenbrock"), "adam", 0.01, 200, (-1.5, 2.0))
    np.testing.assert_allclose(data["path"], expected.positions, rtol=1e-6)
    np.testing.assert_allclose(data["path_loss"], expected.loss, rtol=1e-6)


def test_export_of_a_network_slice(tmp_path):
    out = tmp_path / "net.npz"
    done = run_main(["export", "landscape", "--dataset", "spiral", "--hidden", "8,8", "--points", "200", "--steps",
                     "200", "--seed", "0", "--directions", "pca", "--resolution", "21", "--out", str(out)],
                    tmp_path / "home")
    assert done.returncode == 0, done.stderr
    data = np.load(out, allow_pickle=False)
    assert sorted(data.files) == ["alpha", "beta", "center_loss", "loss", "path", "path_loss"]
    assert data["loss"].shape == (len(data["beta"]), len(data["alpha"])) == (21, 21)
    centre = (int(np.argmin(np.abs(data["beta"]))), int(np.argmin(np.abs(data["alpha"]))))
    assert data["alpha"][centre[1]] == 0 and data["beta"][centre[0]] == 0
    assert data["loss"][centre] == pytest.approx(float(data["center_loss"]), rel=1e-5)
    assert len(data["path"]) == len(data["path_loss"]) and np.allclose(data["path"][-1], 0, atol=1e-5)


def test_snapshot_of_a_network_slice(tmp_path):
    out = tmp_path / "net.png"
    done = run_main(["snapshot", "--view", "landscape", "--dataset", "spiral", "--hidden", "8,8", "--points", "200",
                     "--steps", "150", "--directions", "pca", "--resolution", "15", "--out", str(out),
                     "--size", "1200x700"], tmp_path / "home")
    assert done.returncode == 0, done.stderr
    with Image.open(out) as image:
        assert image.size == (1200, 700)
        pixels = np.asarray(image.convert("RGB")).reshape(-1, 3)
    assert (pixels == (0xD5, 0x5E, 0x00)).all(axis=1).sum() > 50  # the training path and its true loss


@pytest.mark.parametrize("args, words", [
    (["export", "landscape", "--surface", "nope"], "Unknown surface 'nope'"),
    (["export", "landscape", "--surface", "bowl", "--optimizer", "lbfgs"], "Unknown optimizer 'lbfgs'"),
    (["export", "landscape", "--surface", "bowl", "--resolution", "2"], "at least 3"),
    (["export", "landscape", "--surface", "bowl", "--start", "1"], "two numbers"),
    (["export", "landscape", "--surface", "bowl", "--start", "-1,x"], "two numbers"),
    (["export", "landscape", "--dataset", "xor", "--directions", "diagonal"], "Unknown --directions"),
    (["snapshot", "--view", "landscape", "--optimizers", "sgd,swim", "--surface", "bowl"], "swim"),
    (["snapshot", "--view", "training", "--surface", "bowl"], "--surface apply only"),
    (["snapshot", "--view", "landscape", "--dataset", "xor", "--start", "1,1"], "--start applies to a --surface"),
    (["snapshot", "--view", "landscape", "--dataset", "xor", "--resolution", "1000"], "at most 401"),
])
def test_bad_landscape_values_exit_2_with_one_line(tmp_path, args, words):
    suffix = ".png" if args[0] == "snapshot" else ".npz"
    done = run_main([*args, "--out", str(tmp_path / f"x{suffix}")], tmp_path / "home", timeout=60)
    lines = error_lines(done)
    assert done.returncode == 2 and len(lines) == 1 and lines[0].startswith("error: "), done.stderr
    assert words in lines[0] and "Traceback" not in done.stderr
