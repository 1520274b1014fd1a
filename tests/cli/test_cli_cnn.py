"""`snapshot --view cnn` and `export features`, run as users run them: `python main.py ...` in a fresh process.

Models come from a folder the tests fill with seeded, untrained networks (--models-dir),
so the checks hold whether or not the shipped weights exist yet. The first convolution
is checked against a cross-correlation written here with plain loops over numpy.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

REPO_ROOT = Path(__file__).resolve().parents[2]
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from cli_runner import error_lines, run_main  # noqa: E402  (tests/cli is on sys.path)

from core.data.sample_images import sample_image  # noqa: E402
from core.data.synthetic_images import DIGIT_CLASSES, SHAPE_CLASSES  # noqa: E402

DIGIT_KEYS = {
    "input", "layers", "probs", "classes",
    "conv1", "conv1.weight", "conv1.bias", "conv1.stride", "conv1.padding", "relu1",
    "pool1", "pool1.kernel_size", "pool1.stride",
    "conv2", "conv2.weight", "conv2.bias", "conv2.stride", "conv2.padding", "relu2",
    "pool2", "pool2.kernel_size", "pool2.stride",
    "flatten", "fc1", "relu3", "fc2",
}
DIGIT_LAYERS = ["conv1", "relu1", "pool1", "conv2", "relu2", "pool2", "flatten", "fc1", "relu3", "fc2"]


@pytest.fixture(scope="module")
def work(tmp_path_factory) -> Path:
    """A folder with seeded models, a digit scan, a colour picture and some odd files."""
    import torch

    from core.nets.cnn import build_cnn
    from core.nets.model_store import ModelInfo, save_model

    folder = tmp_path_factory.mktemp("cnn-cli")
    torch.manual_seed(0)
    save_model(build_cnn("digits"), ModelInfo("digits", "digits", DIGIT_CLASSES, {
        "input_size": [28, 28], "channels": 1, "mean": [0.1307], "std": [0.3081], "scale": 255,
        "invert": True, "digit_box": 20, "centre_by_mass": True}), folder / "models")
    save_model(build_cnn("shapes"), ModelInfo("shapes", "shapes", SHAPE_CLASSES, {
        "input_size": [64, 64], "channels": 3, "mean": [0.5] * 3, "std": [0.25] * 3, "scale": 255,
        "invert": False}), folder / "models")
    Image.fromarray(sample_image("digit 7")).save(folder / "seven.png")
    Image.fromarray(sample_image("house")).save(folder / "house.jpg", quality=92)
    (folder / "notes.txt").write_text("not an image\n", encoding="utf-8")
    whole = (folder / "seven.png").read_bytes()
    (folder / "cut.png").write_bytes(whole[:len(whole) // 2])
    (folder / "empty-models").mkdir()
    return folder


def lab_args(work: Path, *args: str) -> list[str]:
    return [*args, "--models-dir", str(work / "models")]


@pytest.fixture(scope="module")
def digit_features(work) -> dict[str, np.ndarray]:
    out = work / "seven.npz"
    done = run_main(lab_args(work, "export", "features", "--image", str(work / "seven.png"), "--out", str(out)),
                    work / "home")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == str(out)
    with np.load(out, allow_pickle=False) as data:
        return {key: data[key] for key in data.files}


def cross_correlate(x: np.ndarray, weight: np.ndarray, bias: np.ndarray, stride, padding) -> np.ndarray:
    """out[o, i, j] = bias[o] + sum over c, u, v of weight[o, c, u, v] * padded[c, i*s + u, j*s + v]."""
    (sh, sw), (ph, pw) = stride, padding
    padded = np.pad(x.astype(np.float64), ((0, 0), (ph, ph), (pw, pw)))
    n_out, _, kh, kw = weight.shape
    height = (padded.shape[1] - kh) // sh + 1
    width = (padded.shape[2] - kw) // sw + 1
    out = np.empty((n_out, height, width))
    for i in range(height):
        for j in range(width):
            patch = padded[:, i * sh:i * sh + kh, j * sw:j * sw + kw]
            out[:, i, j] = np.einsum("ocuv,cuv->o", weight.astype(np.float64), patch) + bias
    return out


def test_snapshot_renders_the_cnn_view_as_a_png_of_the_asked_size(work):
    for size, args in (((1600, 900), []), ((1000, 640), ["--size", "1000x640"])):
        out = work / f"maps-{size[0]}.png"
        done = run_main(lab_args(work, "snapshot", "--view", "cnn", "--image", str(work / "seven.png"),
                                 "--out", str(out), *args), work / "home")
        assert done.returncode == 0, done.stderr
        assert "Traceback" not in done.stderr and not error_lines(done)
        with Image.open(out) as image:
            assert image.format == "PNG" and image.size == size
            colours = len(np.unique(np.asarray(image.convert("RGB")).reshape(-1, 3), axis=0))
        assert colours > 200  # maps, bars and text, not a blank page


def test_export_features_writes_exactly_the_documented_keys(digit_features):
    assert set(digit_features) == DIGIT_KEYS
    assert list(digit_features["layers"]) == DIGIT_LAYERS
    assert list(digit_features["classes"]) == list(DIGIT_CLASSES)
    assert digit_features["layers"].dtype.kind == "U" and digit_features["classes"].dtype.kind == "U"


def test_export_features_shapes_and_types(digit_features):
    f = digit_features
    assert f["input"].dtype == np.float32 and f["input"].shape == (1, 28, 28)
    assert f["conv1.weight"].shape == (8, 1, 3, 3) and f["conv1.bias"].shape == (8,)
    assert f["conv1"].shape == (8, 28, 28) and f["pool2"].shape == (16, 7, 7)
    assert list(f["conv1.stride"]) == [1, 1] and list(f["conv1.padding"]) == [1, 1]
    assert list(f["pool1.kernel_size"]) == [2, 2] and list(f["pool1.stride"]) == [2, 2]
    assert f["probs"].shape == (10,) and f["probs"].sum() == pytest.approx(1.0, abs=1e-5)


def test_the_first_convolution_equals_an_independent_cross_correlation(digit_features):
    f = digit_features
    expected = cross_correlate(f["input"], f["conv1.weight"], f["conv1.bias"], f["conv1.stride"],
                               f["conv1.padding"])
    np.testing.assert_allclose(f["conv1"], expected, rtol=1e-4, atol=1e-5)
    np.testing.assert_allclose(f["relu1"], np.maximum(expected, 0), rtol=1e-4, atol=1e-5)
    pooled = f["relu1"].reshape(8, 14, 2, 14, 2).max(axis=(2, 4))
    np.testing.assert_array_equal(f["pool1"], pooled)


def test_the_exported_input_is_the_inverted_centred_digit(digit_features):
    ink = digit_features["input"][0] * 0.3081 + 0.1307
    assert ink[0, 0] == pytest.approx(0.0, abs=1e-5)  # the paper became black, like MNIST
    assert ink.max() == pytest.approx(1.0, abs=0.05)


def test_export_features_with_the_colour_model_and_any_file_name(work):
    out = work / "house.features"
    done = run_main(lab_args(work, "export", "features", "--image", str(work / "house.jpg"), "--model", "shapes",
                             "--out", str(out)), work / "home")
    assert done.returncode == 0, done.stderr
    assert out.is_file() and not (work / "house.features.npz").exists()
    with np.load(out, allow_pickle=False) as data:
        assert data["input"].shape == (3, 64, 64)
        assert list(data["classes"]) == list(SHAPE_CLASSES)
        assert data["conv1.weight"].shape == (8, 3, 5, 5) and list(data["conv1.padding"]) == [2, 2]
        expected = cross_correlate(data["input"], data["conv1.weight"], data["conv1.bias"], (1, 1), (2, 2))
        np.testing.assert_allclose(data["conv1"], expected, rtol=1e-4, atol=1e-4)


def odd_image(kind: str, path: Path) -> None:
    if kind == "16-bit":
        ramp = (np.linspace(0, 65535, 64 * 64).reshape(64, 64)).astype(np.uint16)
        Image.fromarray(ramp).save(path, format="PNG")
    elif kind == "cmyk":
        Image.fromarray(sample_image("star")).convert("CMYK").save(path, format="JPEG")
    else:  # rotated by EXIF
        image = Image.fromarray(sample_image("digit 4"))
        exif = image.getexif()
        exif[0x0112] = 6
        image.save(path, format="JPEG", exif=exif)


@pytest.mark.parametrize("kind", ["16-bit", "cmyk", "exif-rotated"])
def test_odd_but_valid_images_exit_0(work, tmp_path, kind):
    image = tmp_path / f"odd-{kind}.img"
    odd_image(kind, image)
    done = run_main(lab_args(work, "export", "features", "--image", str(image), "--out", str(tmp_path / "f.npz")),
                    tmp_path / "home")
    assert done.returncode == 0, done.stderr


BAD = [
    ("missing-image-option", ["export", "features", "--out", "{tmp}/f.npz"], "--image"),
    ("snapshot-missing-image", ["snapshot", "--view", "cnn", "--out", "{tmp}/m.png"], "--image"),
    ("image-not-found", ["export", "features", "--image", "{work}/nowhere.png", "--out", "{tmp}/f.npz"],
     "nowhere.png"),
    ("image-is-text", ["export", "features", "--image", "{work}/notes.txt", "--out", "{tmp}/f.npz"], "notes.txt"),
    ("image-truncated", ["snapshot", "--view", "cnn", "--image", "{work}/cut.png", "--out", "{tmp}/m.png"],
     "cut.png"),
    ("image-is-a-folder", ["export", "features", "--image", "{work}", "--out", "{tmp}/f.npz"], "folder"),
    ("unknown-model", ["export", "features", "--image", "{work}/seven.png", "--model", "cats",
                       "--out", "{tmp}/f.npz"], "digits, shapes"),
    ("out-folder-missing", ["export", "features", "--image", "{work}/seven.png", "--out", "/nonexistent/f.npz"],
     "/nonexistent"),
    ("image-for-a-training-view", ["snapshot", "--view", "training", "--image", "{work}/seven.png",
                                   "--out", "{tmp}/m.png"], "--image"),
]


@pytest.mark.parametrize("args, fragment", [pytest.param(a, f, id=n) for n, a, f in BAD])
def test_bad_input_prints_one_error_line_and_exits_2(work, tmp_path, args, fragment):
    args = [arg.replace("{tmp}", str(tmp_path)).replace("{work}", str(work)) for arg in args]
    started = time.monotonic()
    done = run_main(lab_args(work, *args), tmp_path / "home", timeout=60)
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stdout + done.stderr
    lines = error_lines(done)
    assert len(lines) == 1 and lines[0].startswith("error: "), done.stderr
    assert fragment in lines[0]
    assert time.monotonic() - started < 30
    assert not any(tmp_path.glob("f.npz")) and not any(tmp_path.glob("m.png"))


def test_no_models_at_all_is_one_error_line_that_says_how_to_make_them(work, tmp_path):
    done = run_main(["export", "features", "--image", str(work / "seven.png"), "--models-dir",
                     str(work / "empty-models"), "--out", str(tmp_path / "f.npz")], tmp_path / "home")
    assert done.returncode == 2
    lines = error_lines(done)
    assert len(lines) == 1 and lines[0].startswith("error: ") and "train_models.py" in lines[0]


def test_help_documents_the_default_model():
    done = subprocess.run([sys.executable, "main.py", "export", "--help"], cwd=REPO_ROOT, capture_output=True,
                          text=True, timeout=60)
    assert "features" in done.stdout and "--image" in done.stdout and "digits" in done.stdout
    assert "the default" in " ".join(done.stdout.split())

