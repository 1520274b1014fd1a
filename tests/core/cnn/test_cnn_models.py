"""The built-in CNNs: their layers, the generated images they learn from, the shipped weights and the store."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import numpy as np
import pytest
import torch
from PIL import Image
from safetensors.torch import save_file
from torch import nn

from core.data.sample_images import sample_image, sample_names
from core.data.synthetic_images import DIGIT_CLASSES, SHAPE_CLASSES, draw_digit, make_digits, make_shapes
from core.errors import ImageLoadError, ModelError
from core.nets.cnn import CNN_MODELS, build_cnn, check_architecture, cnn_spec, layer_shapes
from core.nets.model_store import (FORMAT, MODELS_DIR, ModelInfo, available_models, is_shipped, load_model, save_model,
                                   user_models_dir)

REPO_ROOT = Path(__file__).resolve().parents[3]
# Seeds for fresh images: neither the training seeds nor the held-out seed of the script.
FRESH_SEED = 777

EXPECTED_LAYERS = {
    "digits": [
        ("conv1", (8, 28, 28)), ("relu1", (8, 28, 28)), ("pool1", (8, 14, 14)),
        ("conv2", (16, 14, 14)), ("relu2", (16, 14, 14)), ("pool2", (16, 7, 7)),
        ("flatten", (784,)), ("fc1", (64,)), ("relu3", (64,)), ("fc2", (10,)),
    ],
    "shapes": [
        ("conv1", (8, 64, 64)), ("relu1", (8, 64, 64)), ("pool1", (8, 32, 32)),
        ("conv2", (16, 32, 32)), ("relu2", (16, 32, 32)), ("pool2", (16, 16, 16)),
        ("conv3", (32, 16, 16)), ("relu3", (32, 16, 16)), ("pool3", (32, 8, 8)),
        ("flatten", (2048,)), ("fc1", (64,)), ("relu4", (64,)), ("fc2", (6,)),
    ],
    "cifar": [
        ("conv1", (16, 32, 32)), ("relu1", (16, 32, 32)), ("pool1", (16, 16, 16)),
        ("conv2", (32, 16, 16)), ("relu2", (32, 16, 16)), ("pool2", (32, 8, 8)),
        ("conv3", (64, 8, 8)), ("relu3", (64, 8, 8)), ("pool3", (64, 4, 4)),
        ("flatten", (1024,)), ("fc1", (64,)), ("relu4", (64,)), ("fc2", (10,)),
    ],
}


def _load_training_script():
    spec = importlib.util.spec_from_file_location("train_models", REPO_ROOT / "scripts" / "train_models.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the script is executed
    spec.loader.exec_module(module)
    return module


def _prepare(images: np.ndarray, info: ModelInfo) -> torch.Tensor:
    """uint8 images to the model's input, exactly as the JSON's preprocessing describes."""
    pre = info.preprocessing
    x = torch.from_numpy(images).float() / pre["scale"]
    x = x.unsqueeze(1) if x.ndim == 3 else x.permute(0, 3, 1, 2)
    mean = torch.tensor(pre["mean"]).view(1, -1, 1, 1)
    std = torch.tensor(pre["std"]).view(1, -1, 1, 1)
    return (x - mean) / std


@torch.no_grad()
def _accuracy(name: str, images: np.ndarray, labels: np.ndarray) -> float:
    model, info = load_model(name)
    return float((model(_prepare(images, info)).argmax(1).numpy() == labels).mean())


# ---- architectures ---------------------------------------------------------------------

@pytest.mark.parametrize("name", sorted(CNN_MODELS))
def test_architecture_has_the_documented_named_layers_and_shapes(name):
    spec = cnn_spec(name)
    model = build_cnn(name)
    assert isinstance(model, nn.Sequential)
    assert layer_shapes(model, spec.input_shape) == EXPECTED_LAYERS[name]
    check_architecture(model, spec.input_shape, spec.num_classes)
    assert model(torch.zeros(3, *spec.input_shape)).shape == (3, spec.num_classes)


def test_the_number_of_classes_can_be_chosen_within_limits():
    assert build_cnn("shapes", 3)(torch.zeros(2, 3, 64, 64)).shape == (2, 3)
    for bad in (1, 101, 2.5, True):
        with pytest.raises(ModelError, match="between 2 and 100 classes"):
            build_cnn("digits", bad)


def test_a_description_whose_classes_do_not_fit_the_weights_is_refused(tmp_path):
    save_model(build_cnn("digits"), _info(), tmp_path)
    description = tmp_path / "tiny.json"
    data = json.loads(description.read_text())
    data["class_names"] = ["a", "b", "c"]
    description.write_text(json.dumps(data))
    with pytest.raises(ModelError, match="'fc2.weight' is \\(10, 64\\).*expected \\(3, 64\\)"):
        load_model("tiny", tmp_path)


def test_saved_user_models_are_listed_and_opened_beside_the_shipped_ones(tmp_path, monkeypatch):
    monkeypatch.setenv("GLASSBOX_MODELS_DIR", str(tmp_path / "mine"))
    assert user_models_dir() == tmp_path / "mine"
    save_model(build_cnn("shapes", 3), ModelInfo("pets", "shapes", ("cat", "dog", "fish")), user_models_dir())
    assert {"digits", "shapes", "pets"} <= set(available_models())
    model, info = load_model("pets")
    assert info.class_names == ("cat", "dog", "fish") and model.fc2.out_features == 3
    assert is_shipped("digits") and not is_shipped("pets") and not is_shipped("../digits")


def test_registry_matches_the_class_lists():
    assert cnn_spec("digits").input_shape == (1, 28, 28) and cnn_spec("digits").num_classes == len(DIGIT_CLASSES)
    assert cnn_spec("shapes").input_shape == (3, 64, 64) and cnn_spec("shapes").num_classes == len(SHAPE_CLASSES)
    assert len(SHAPE_CLASSES) >= 4


def test_unknown_or_unsuitable_architectures_are_refused():
    with pytest.raises(ModelError, match="Unknown model architecture"):
        build_cnn("resnet")
    with_batchnorm = nn.Sequential(nn.Conv2d(1, 2, 3), nn.BatchNorm2d(2), nn.Flatten(), nn.Linear(2 * 26 * 26, 10))
    with pytest.raises(ModelError, match="BatchNorm2d"):
        check_architecture(with_batchnorm, (1, 28, 28), 10)
    with pytest.raises(ModelError, match="do not fit"):
        check_architecture(build_cnn("digits"), (3, 64, 64), 10)
    with pytest.raises(ModelError, match="class scores"):
        check_architecture(build_cnn("digits"), (1, 28, 28), 6)


# ---- generated images ------------------------------------------------------------------

def test_digit_generator_is_deterministic_balanced_and_mnist_like():
    x, y = make_digits(40, seed=5)
    x2, y2 = make_digits(40, seed=5)
    assert x.shape == (40, 28, 28) and x.dtype == np.uint8 and y.dtype == np.int64
    assert np.array_equal(x, x2) and np.array_equal(y, y2)
    assert not np.array_equal(x, make_digits(40, seed=6)[0])
    assert np.bincount(y, minlength=10).tolist() == [4] * 10
    # White ink on black, with the ink's centre of mass near the middle like MNIST.
    assert x[:, 0, :].mean() < 10 and x.max() > 180
    yy, xx = np.mgrid[0:28, 0:28]
    mass = x.astype(float).sum((1, 2))
    centre = np.stack([(x * yy).sum((1, 2)) / mass, (x * xx).sum((1, 2)) / mass], axis=1)
    assert np.abs(centre - 13.5).max() < 4


def test_shape_generator_is_deterministic_and_balanced():
    x, y = make_shapes(24, seed=5)
    assert x.shape == (24, 64, 64, 3) and x.dtype == np.uint8 and y.dtype == np.int64
    assert np.array_equal(x, make_shapes(24, seed=5)[0])
    assert not np.array_equal(x, make_shapes(24, seed=6)[0])
    assert np.bincount(y, minlength=len(SHAPE_CLASSES)).tolist() == [4] * len(SHAPE_CLASSES)


def test_neat_digit_is_larger_and_repeatable():
    digit = draw_digit(7, seed=4, size=112)
    assert digit.shape == (112, 112) and digit.dtype == np.uint8
    assert np.array_equal(digit, draw_digit(7, seed=4, size=112))


# ---- sample images ---------------------------------------------------------------------

def test_sample_images_are_rgb_uint8_and_copies():
    names = sample_names()
    assert {"checkerboard", "scene", "star", "digit 7"} <= set(names)
    for name in names:
        image = sample_image(name)
        assert image.dtype == np.uint8 and image.ndim == 3 and image.shape[2] == 3, name
        assert min(image.shape[:2]) >= 64, name
    image = sample_image("scene")
    image[:] = 0
    assert sample_image("scene").any(), "changing a returned sample must not change the next one"
    with pytest.raises(ImageLoadError, match="no sample image"):
        sample_image("no such picture")


def test_shipped_models_recognise_the_sample_images():
    digits = [name for name in sample_names() if name.startswith("digit ")]
    # Ink on paper: grey, inverted to white on black, shrunk to 28x28 (the samples are framed like MNIST).
    x = np.stack([255 - np.asarray(Image.fromarray(sample_image(n)).convert("L").resize((28, 28), Image.BOX))
                  for n in digits])
    assert _accuracy("digits", x, np.array([int(n.split()[1]) for n in digits])) == 1.0
    shapes = [name for name in sample_names() if name in SHAPE_CLASSES]
    x = np.stack([np.asarray(Image.fromarray(sample_image(n)).resize((64, 64), Image.BOX)) for n in shapes])
    assert _accuracy("shapes", x, np.array([SHAPE_CLASSES.index(n) for n in shapes])) == 1.0


# ---- shipped weights -------------------------------------------------------------------

@pytest.mark.parametrize("name, classes", [("digits", DIGIT_CLASSES), ("shapes", SHAPE_CLASSES)])
def test_shipped_model_loads_and_matches_its_description(name, classes):
    assert name in available_models()
    model, info = load_model(name)
    spec = cnn_spec(name)
    assert info.architecture == name and info.class_names == classes
    assert info.preprocessing["channels"] == spec.input_shape[0]
    assert tuple(info.preprocessing["input_size"]) == spec.input_shape[1:]
    assert info.preprocessing["invert"] is (name == "digits")
    assert info.training["held_out_accuracy"] >= 0.95
    assert not model.training
    raw = json.loads((MODELS_DIR / f"{name}.json").read_text())
    assert raw["format"] == FORMAT
    assert (MODELS_DIR / f"{name}.safetensors").stat().st_size < 1_000_000


def test_shipped_digit_model_reads_fresh_generated_digits():
    x, y = make_digits(500, seed=FRESH_SEED)
    assert _accuracy("digits", x, y) >= 0.95


def test_shipped_shape_model_recognises_fresh_generated_shapes():
    x, y = make_shapes(500, seed=FRESH_SEED)
    assert _accuracy("shapes", x, y) >= 0.95


# ---- the model store -------------------------------------------------------------------

def _info(name: str = "tiny", architecture: str = "digits") -> ModelInfo:
    return ModelInfo(name=name, architecture=architecture, class_names=DIGIT_CLASSES,
                     preprocessing={"input_size": [28, 28], "channels": 1}, training={"seed": 1})


def test_store_round_trips_weights_and_description(tmp_path):
    torch.manual_seed(3)
    model = build_cnn("digits")
    paths = save_model(model, _info(), tmp_path)
    first = [p.read_bytes() for p in paths]
    save_model(model, _info(), tmp_path)
    assert [p.read_bytes() for p in paths] == first, "saving the same model twice must give the same bytes"
    loaded, info = load_model("tiny", tmp_path)
    assert info == _info()
    for key, value in model.state_dict().items():
        assert torch.equal(loaded.state_dict()[key], value)
    assert available_models(tmp_path) == ["tiny"]
    assert available_models(tmp_path / "missing") == []


def _corrupt_weights(path: Path) -> None:
    path.write_bytes(path.read_bytes()[:200])


def _wrong_shapes(path: Path) -> None:
    save_file({k: v.contiguous() for k, v in build_cnn("shapes").state_dict().items()}, str(path))


def _missing_key(path: Path) -> None:
    tensors = dict(build_cnn("digits").state_dict())
    del tensors["fc2.bias"]
    save_file(tensors, str(path))


def _nan_weights(path: Path) -> None:
    tensors = dict(build_cnn("digits").state_dict())
    tensors["fc1.weight"] = torch.full_like(tensors["fc1.weight"], float("nan"))
    save_file(tensors, str(path))


@pytest.mark.parametrize("damage, message", [
    (lambda p: p.unlink(), "no weights file"),
    (lambda p: p.write_bytes(b""), "damaged"),
    (_corrupt_weights, "damaged"),
    (lambda p: p.write_bytes(b"\x80\x04 this is a pickle, not safetensors"), "damaged"),
    (_wrong_shapes, "do not fit"),
    (_missing_key, "missing: fc2.bias"),
    (_nan_weights, "NaN"),
])
def test_store_refuses_bad_weights_with_one_sentence(tmp_path, damage, message):
    weights, _ = save_model(build_cnn("digits"), _info(), tmp_path)
    damage(weights)
    with pytest.raises(ModelError, match=message):
        load_model("tiny", tmp_path)


@pytest.mark.parametrize("damage, message", [
    (lambda p: p.unlink(), "no description file"),
    (lambda p: p.write_text("{not json"), "cannot be read"),
    (lambda p: p.write_text(json.dumps({"format": "other/9"})), "not a Glassbox model"),
    (lambda p: p.write_text(json.dumps({"format": FORMAT, "class_names": []})), "lacks a valid entry"),
    (lambda p: p.write_text(json.dumps({"format": FORMAT, "architecture": "vgg", "class_names": []})),
     "Unknown model architecture"),
    (lambda p: p.write_text(json.dumps({"format": FORMAT, "architecture": "digits", "class_names": ["a"]})),
     "names 1 classes"),
])
def test_store_refuses_bad_descriptions(tmp_path, damage, message):
    _, description = save_model(build_cnn("digits"), _info(), tmp_path)
    damage(description)
    with pytest.raises(ModelError, match=message):
        load_model("tiny", tmp_path)


def test_store_refuses_names_that_are_paths(tmp_path):
    with pytest.raises(ModelError, match="not a model name"):
        load_model("../digits", tmp_path)


# ---- the training script ---------------------------------------------------------------

def test_training_is_reproducible_and_restores_torch_settings():
    script = _load_training_script()
    threads, strict = torch.get_num_threads(), torch.are_deterministic_algorithms_enabled()

    def run(seed: int) -> dict:
        chunks = [lambda: make_digits(192, seed=11)]
        model = script.train_model("digits", chunks, script.RECIPES["digits"].preprocessing, passes=1,
                                   batch_size=64, lr=2e-3, torch_seed=seed, log=lambda line: None)
        return model.state_dict()

    first, second, other = run(0), run(0), run(1)
    assert all(torch.equal(first[key], second[key]) for key in first)
    assert not torch.equal(first["conv1.weight"], other["conv1.weight"])
    assert (torch.get_num_threads(), torch.are_deterministic_algorithms_enabled()) == (threads, strict)


def test_training_recipes_hold_out_a_different_seed():
    script = _load_training_script()
    for name, recipe in script.RECIPES.items():
        assert recipe.test_seed not in recipe.train_seeds
        assert FRESH_SEED not in recipe.train_seeds and FRESH_SEED != recipe.test_seed
        assert recipe.class_names == load_model(name)[1].class_names


def test_check_mode_compares_files_byte_for_byte(tmp_path, capsys):
    script = _load_training_script()
    built, shipped = tmp_path / "built", tmp_path / "shipped"
    for folder in (built, shipped):
        folder.mkdir()
        (folder / "m.safetensors").write_bytes(b"weights")
        (folder / "m.json").write_text("{}\n")
    assert script.compare("m", built, shipped)
    (shipped / "m.json").write_text('{"changed": 1}\n')
    assert not script.compare("m", built, shipped)
    (shipped / "m.safetensors").unlink()
    assert not script.compare("m", built, shipped)
    assert "m.json: MISMATCH" in capsys.readouterr().out
