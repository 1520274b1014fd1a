"""`export saliency|channel-images|dream`, `evaluate --confusion` and `snapshot --view saliency|channel|confusion`.

Run in-process (tests/cli/cli_inprocess.py) with the shipped models, small --k and --steps. What
the files hold is checked against core called directly here: the network's input against
core.cnn.analysis.prepare_input, each map against core.cnn.attribution, the top images against
the generated set's held-out images, the dream against core.cnn.channels.dream.
"""

from __future__ import annotations

import csv
import importlib.util
import os
import re

import numpy as np
import pytest
from PIL import Image

from cli_inprocess import run_in_process  # tests/cli is on sys.path
from core.cnn.analysis import open_model, prepare_input
from core.data.images import load_image
from core.data.sample_images import sample_image
from core.nets.model_store import MODELS_DIR

pytestmark = pytest.mark.skipif(not (MODELS_DIR / "digits.safetensors").is_file(),
                                reason="the shipped models are not built (scripts/train_models.py)")


@pytest.fixture(scope="module")
def work(tmp_path_factory):
    folder = tmp_path_factory.mktemp("explain-cli")
    Image.fromarray(sample_image("digit 7")).save(folder / "seven.png")
    Image.fromarray(sample_image("house")).save(folder / "house.png")
    (folder / "notes.txt").write_text("not an image\n", encoding="utf-8")
    (folder / "no-models").mkdir()
    return folder


@pytest.fixture(scope="module")
def drawn_once():
    """core.cnn.image_sets.load_image_set drawing each generated set once for the whole module (drawing 3,600
    digits takes seconds); the commands still call it, and get the very set it returns."""
    import core.cnn.image_sets as image_sets

    real, drawn = image_sets.load_image_set, {}

    def load_image_set(source, should_stop=lambda: False, cache_dir=None, seed=0):
        if source.kind not in image_sets.GENERATED:
            return (yield from real(source, should_stop, cache_dir, seed))
        if (source.kind, seed) not in drawn:
            drawn[source.kind, seed] = yield from real(source, should_stop, cache_dir, seed)
        yield image_sets.LoadProgress(1, 1, "drawn")
        return drawn[source.kind, seed]

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(image_sets, "load_image_set", load_image_set)
        yield load_image_set


def loaded(steps):
    while True:
        try:
            next(steps)
        except StopIteration as finished:
            return finished.value


@pytest.fixture
def run(qapp, tmp_path, monkeypatch, drawn_once):
    """`main.py *argv` in-process from a scratch folder, with an empty download cache; English afterwards."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GLASSBOX_CACHE_DIR", str(tmp_path / "cache"))
    yield run_in_process
    from gui import i18n

    i18n.install("en")


def ran(result) -> tuple[str, str]:
    status, out, err = result
    assert status == 0, err
    assert "error:" not in err
    return out, err


# ----------------------------------------------------------------------------- saliency
@pytest.mark.parametrize("method, extra", [("gradient", []), ("gradcam", ["--layer", "conv1"]),
                                           ("occlusion", ["--window", "4", "--stride", "3"])])
def test_export_saliency_writes_the_input_fed_and_core_s_map(run, work, tmp_path, method, extra):
    from core.cnn.attribution import explain

    out = tmp_path / "s.npz"
    stdout, _ = ran(run(["export", "saliency", "--image", str(work / "seven.png"), "--model", "digits",
                         "--method", method, "--target", "3", *extra, "--out", str(out)]))
    assert stdout.strip() == str(out)
    model, info = open_model("digits")
    fed = prepare_input(load_image(work / "seven.png"), info)
    settings = {"gradient": {}, "gradcam": {"layer": "conv1"}, "occlusion": {"window": 4, "stride": 3}}[method]
    expected = explain(method, model, fed, 3, info.class_names, **settings)
    with np.load(out, allow_pickle=False) as saved:
        keys = {"input", "map", "target", "method", "probs", "classes"} | {
            "gradient": set(), "gradcam": {"layer", "layer_map"}, "occlusion": {"window", "stride", "baseline"}}[method]
        assert set(saved.files) == keys
        np.testing.assert_array_equal(saved["input"], fed)
        assert saved["map"].shape == (28, 28)
        np.testing.assert_allclose(saved["map"], expected.map, rtol=1e-5, atol=1e-6)
        assert int(saved["target"]) == 3 and str(saved["method"]) == method
        assert saved["probs"].shape == (10,) and saved["probs"].sum() == pytest.approx(1, abs=1e-5)
        if method == "gradcam":
            assert str(saved["layer"]) == "conv1" and saved["layer_map"].shape == (28, 28)  # conv1 keeps 28×28
        if method == "occlusion":
            assert (int(saved["window"]), int(saved["stride"]), float(saved["baseline"])) == (4, 3, 0.0)


def test_saliency_explains_the_predicted_class_by_default_and_takes_a_class_name(run, work, tmp_path):
    from core.cnn.attribution import default_layer

    ran(run(["export", "saliency", "--image", str(work / "house.png"), "--model", "shapes", "--method", "gradcam",
             "--out", str(tmp_path / "a.npz")]))
    ran(run(["export", "saliency", "--image", str(work / "house.png"), "--model", "shapes", "--method", "gradcam",
             "--target", "Star", "--out", str(tmp_path / "b.npz")]))
    with np.load(tmp_path / "a.npz") as predicted, np.load(tmp_path / "b.npz") as star:
        assert int(predicted["target"]) == int(np.argmax(predicted["probs"]))
        assert int(star["target"]) == 3 and star["input"].shape == (3, 64, 64)
        assert str(star["layer"]) == default_layer(open_model("shapes")[0])  # core's choice: the last convolution's
        assert star["layer_map"].shape == (16, 16)


# ----------------------------------------------------------------------------- channel images and dream
def test_export_channel_images_are_the_held_out_images_that_excite_the_channel_most(run, tmp_path, drawn_once):
    import torch

    from core.cnn.image_sets import DataSource
    from core.cnn.channels import trunk

    out = tmp_path / "top.npz"
    ran(run(["export", "channel-images", "--model", "digits", "--data", "digits", "--layer", "conv2",
             "--channel", "5", "--k", "4", "--out", str(out)]))
    images = loaded(drawn_once(DataSource("digits")))
    model, _ = open_model("digits")
    with torch.no_grad():
        peaks = trunk(model, "conv2")(images.inputs(images.x_test))[:, 5].amax(dim=(1, 2)).numpy()
    with np.load(out, allow_pickle=False) as saved:
        assert str(saved["layer"]) == "conv2" and int(saved["channel"]) == 5
        assert saved["images"].shape == (4, 1, 28, 28) and saved["boxes"].shape == (4, 4)
        np.testing.assert_array_equal(saved["indices"], np.argsort(-peaks, kind="stable")[:4])
        np.testing.assert_allclose(saved["activations"], peaks[saved["indices"]], rtol=1e-4, atol=1e-5)
        np.testing.assert_allclose(saved["images"], images.inputs(images.x_test[saved["indices"]]).numpy())
        np.testing.assert_array_equal(saved["labels"], images.y_test.numpy()[saved["indices"]])


def test_export_dream_writes_the_grown_image_in_pixels_and_says_its_activation(run, tmp_path):
    from core.cnn.analysis import preprocessing_of
    from core.cnn.channels import dream, input_bounds

    out = tmp_path / "dream.png"
    stdout, _ = ran(run(["export", "dream", "--model", "digits", "--layer", "conv2", "--channel", "3",
                         "--steps", "15", "--seed", "2", "--out", str(out)]))
    model, info = open_model("digits")
    p = preprocessing_of(info)
    frame = dream(model, "conv2", 3, (1, 28, 28), 15, bounds=input_bounds(p.mean, p.std, 1), seed=2)
    lines = stdout.strip().splitlines()
    assert lines[0] == str(out)
    assert float(re.fullmatch(r"activation=(\S+)", lines[-1]).group(1)) == pytest.approx(frame.activation, rel=1e-4)
    with Image.open(out) as picture:
        assert picture.size == (28, 28) and picture.mode == "L"
        pixels = np.asarray(picture).astype(np.float32)
    expected = np.clip((frame.image[0] * 0.3081 + 0.1307) * 255, 0, 255)  # the normalisation undone
    assert np.abs(pixels - expected).max() <= 1.0


def test_a_dream_of_the_shapes_model_is_a_colour_64_by_64_png(run, tmp_path):
    out = tmp_path / "dream.png"
    stdout, _ = ran(run(["export", "dream", "--model", "shapes", "--layer", "fc1", "--channel", "7",
                         "--steps", "2", "--out", str(out)]))
    with Image.open(out) as picture:
        assert picture.size == (64, 64) and picture.mode == "RGB"
    assert stdout.strip().splitlines()[-1].startswith("activation=")


@pytest.mark.parametrize("argv, steps", [
    (["export", "dream"], 200), (["snapshot", "--view", "channel"], 200), (["export", "autoencoder"], 1000),
    (["snapshot", "--view", "autoencoder"], 1000), (["export", "metrics"], 300), (["snapshot"], 300),
    (["export", "dream", "--steps", "7"], 7)])
def test_each_target_has_its_own_default_steps(qapp, argv, steps):
    from cli.parser import parse_args

    assert parse_args([*argv, "--out", "x"]).steps == steps


# ----------------------------------------------------------------------------- evaluate --confusion
@pytest.fixture(scope="module")
def digits_folder(tmp_path_factory):
    from test_cli_evaluate import write_digits

    root = tmp_path_factory.mktemp("confusion") / "digits"
    write_digits(root, per_class=2)
    return root


def test_evaluate_writes_the_confusion_csv_and_prints_the_table_before_the_accuracy(run, digits_folder, tmp_path):
    out = tmp_path / "cm.csv"
    stdout, _ = ran(run(["evaluate", "--model", "digits", "--folder", str(digits_folder), "--confusion", str(out)]))
    with open(out, newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    names = [str(digit) for digit in range(10)]
    assert rows[0] == names
    assert [row[0] for row in rows[1:]] == names
    counts = np.array([[int(value) for value in row[1:]] for row in rows[1:]])
    assert counts.shape == (10, 10) and (counts.sum(axis=1) == 2).all()
    lines = stdout.strip().splitlines()
    right = int(np.trace(counts))
    assert lines[-1] == f"accuracy={right / 20:.4f} ({right}/20)"
    table = lines.index(next(line for line in lines if line.startswith("confusion matrix")))
    for digit in range(10):  # one row per true class: its name, then its counts, the diagonal in brackets
        cells = lines[table + 2 + digit].split("|")[1].split()
        assert cells[digit] == f"[{counts[digit, digit]}]"
        assert [int(cell.strip("[]")) for cell in cells] == list(counts[digit])


def test_evaluate_prints_the_table_without_confusion_too(run, digits_folder):
    stdout, _ = ran(run(["evaluate", "--model", "digits", "--folder", str(digits_folder)]))
    assert any(line.startswith("confusion matrix") for line in stdout.splitlines())
    assert stdout.strip().splitlines()[-1].startswith("accuracy=")


# ----------------------------------------------------------------------------- snapshots
def owner_has(module: str) -> bool:
    try:
        return importlib.util.find_spec(module) is not None
    except ModuleNotFoundError:  # its package is not there yet
        return False


@pytest.mark.parametrize("view, args, owner", [
    ("saliency", ["--image", "{work}/seven.png", "--method", "occlusion", "--window", "7"],
     "gui.convolution.explain.pictures"),
    ("saliency", ["--image", "{work}/house.png", "--model", "shapes"], "gui.convolution.explain.pictures"),
    ("channel", ["--layer", "conv1", "--channel", "2", "--k", "4", "--steps", "10"],
     "gui.convolution.explain.channel.channel_view"),
    ("confusion", ["--model", "digits"], "gui.convolution.explain.training.confusion_view"),
])
def test_each_snapshot_view_writes_a_png_of_the_asked_size(run, work, tmp_path, view, args, owner):
    if not owner_has(owner):
        pytest.skip(f"{owner} is not written yet")
    out = tmp_path / f"{view}.png"
    argv = ["snapshot", "--view", view, *[arg.format(work=work) for arg in args], "--size", "700x450",
            "--out", str(out)]
    stdout, _ = ran(run(argv))
    assert stdout.strip() == str(out)
    with Image.open(out) as picture:
        assert picture.size == (700, 450)


def test_snapshot_confusion_of_a_folder(run, digits_folder, tmp_path):
    if not owner_has("gui.convolution.explain.training.confusion_view"):
        pytest.skip("the confusion view is not written yet")
    out = tmp_path / "cm.png"
    ran(run(["snapshot", "--view", "confusion", "--folder", str(digits_folder), "--size", "640x480",
             "--out", str(out)]))
    with Image.open(out) as picture:
        assert picture.size == (640, 480)


# ----------------------------------------------------------------------------- hostile values
SEVEN = ["--image", "{work}/seven.png"]
HOSTILE = [
    ("method", ["export", "saliency", *SEVEN, "--method", "magic"], "Unknown --method 'magic'"),
    ("no-method", ["export", "saliency", *SEVEN], "needs --method"),
    ("class", ["export", "saliency", *SEVEN, "--method", "gradient", "--target", "eleven"], "Unknown class 'eleven'"),
    ("class-number", ["export", "saliency", *SEVEN, "--method", "gradient", "--target", "10"], "0 to 9"),
    ("layer", ["export", "saliency", *SEVEN, "--method", "gradcam", "--layer", "fc1"], "conv1, relu1, pool1"),
    ("unknown-layer", ["export", "dream", "--layer", "conv9", "--out", "d.png"], "no layer 'conv9'"),
    ("channel", ["export", "dream", "--layer", "conv1", "--channel", "8"], "from 0 to 7"),
    ("negative-channel", ["export", "channel-images", "--layer", "conv1", "--channel", "-1"], "from 0 to 7"),
    ("k-zero", ["export", "channel-images", "--layer", "conv1", "--k", "0"], "--k must be from 1 to 100"),
    ("k-huge", ["export", "channel-images", "--layer", "conv1", "--k", "101"], "--k must be from 1 to 100"),
    ("window", ["export", "saliency", *SEVEN, "--method", "occlusion", "--window", "29"], "from 1 to 28"),
    ("stride", ["export", "saliency", *SEVEN, "--method", "occlusion", "--window", "4", "--stride", "5"], "--stride"),
    ("window-not-occlusion", ["export", "saliency", *SEVEN, "--method", "gradcam", "--window", "4"],
     "only to --method occlusion"),
    ("layer-not-gradcam", ["export", "saliency", *SEVEN, "--method", "gradient", "--layer", "conv1"],
     "only to --method gradcam"),
    ("k-on-saliency", ["export", "saliency", *SEVEN, "--method", "gradient", "--k", "3"], "--k does not apply"),
    ("dream-steps-zero", ["export", "dream", "--steps", "0"], "from 1 to 10,000"),
    ("dream-steps-huge", ["export", "dream", "--steps", "99999999999999999999"], "from 1 to 10,000"),
    ("dream-steps-negative", ["export", "dream", "--steps", "-5"], "from 1 to 10,000"),
    ("seed", ["export", "dream", "--seed", "-1"], "--seed"),
    ("not-downloaded", ["export", "channel-images", "--data", "mnist"], "MNIST handwritten digits is not in the cache"),
    ("unknown-data", ["export", "channel-images", "--data", "imagenet"], "Unknown --data 'imagenet'"),
    ("data-and-folder", ["export", "channel-images", "--data", "digits", "--folder", "."], "not both"),
    ("misfit", ["export", "channel-images", "--model", "digits", "--data", "shapes"], "takes 1×28×28 images"),
    ("folder-misfit", ["export", "channel-images", "--model", "digits", "--folder", "."], "a folder's photos"),
    ("folder-missing", ["export", "channel-images", "--model", "shapes", "--folder", "nowhere"], "not a folder"),
    ("unknown-model", ["export", "dream", "--model", "cats"], "Unknown model 'cats'"),
    ("image-missing", ["export", "saliency", "--image", "{work}/nowhere.png", "--method", "gradient"],
     "nowhere.png does not exist"),
    ("image-text", ["export", "saliency", "--image", "{work}/notes.txt", "--method", "gradient"], "notes.txt is not"),
    ("no-models", ["export", "dream", "--models-dir", "{work}/no-models"], "No trained model was found"),
    ("image-fifo", ["export", "saliency", "--image", "{tmp}/fifo", "--method", "gradient"], "fifo"),
    ("out-fifo", ["export", "dream", "--out", "{tmp}/fifo"], "not a file"),
    ("confusion-folder", ["evaluate", "--folder", ".", "--confusion", "."], "--confusion"),
    ("session-view", ["snapshot", "--view", "saliency", *SEVEN, "--session", "x.glassbox"], "--session applies"),
    ("confusion-not-downloaded", ["snapshot", "--view", "confusion", "--model", "digits", "--data", "fashion-mnist"],
     "Fashion-MNIST clothing is not in the cache"),
    ("size", ["snapshot", "--view", "channel", "--size", "10x10"], "--size"),
    ("steps-on-saliency", ["snapshot", "--view", "saliency", *SEVEN, "--steps", "5"], "--steps does not apply"),
]


@pytest.mark.parametrize("argv, fragment", [pytest.param(a, f, id=n) for n, a, f in HOSTILE])
def test_a_bad_value_is_one_error_line_and_exit_2(run, work, tmp_path, argv, fragment):
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs here")
    os.mkfifo(tmp_path / "fifo")
    argv = [arg.format(work=work, tmp=tmp_path) for arg in argv]
    if "--out" not in argv and argv[0] != "evaluate":
        argv += ["--out", str(tmp_path / ("x.png" if argv[0] == "snapshot" or argv[1] == "dream" else "x.npz"))]
    status, out, err = run(argv)
    lines = err.strip().splitlines()
    assert status == 2, (out, err)
    assert len(lines) == 1 and lines[0].startswith("error: "), err
    assert fragment in lines[0]
    assert "Traceback" not in err
    assert not [name for name in os.listdir(tmp_path) if name.startswith("x.")]  # nothing written


def test_ctrl_c_while_searching_exits_130_and_writes_nothing(run, tmp_path, monkeypatch):
    import core.cnn.channels as channels

    real = channels.top_images_steps

    def interrupted(*args, **kwargs):
        steps = real(*args, **kwargs)
        yield next(steps)
        raise KeyboardInterrupt

    monkeypatch.setattr(channels, "top_images_steps", interrupted)
    out = tmp_path / "top.npz"
    status, _, err = run(["export", "channel-images", "--model", "digits", "--layer", "conv1", "--out", str(out)])
    assert status == 130
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: cancelled"), err
    assert not out.exists() and os.listdir(tmp_path) == []
