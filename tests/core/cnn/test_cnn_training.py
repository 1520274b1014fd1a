"""Training a convolution-lab CNN: the image sets it learns from, the trainer, saving, and its loss landscape."""

from __future__ import annotations

import gzip
import math

import numpy as np
import pytest
import torch
from PIL import Image, ImageDraw

from core.cnn.trainer import CnnTrainConfig, CnnTrainer
from core.cnn.image_sets import DataSource, ImageSet, LoadProgress, load_image_set
from core.data.downloads import DATASET_SOURCES, dataset_dir
from core.data.idx import encode_idx
from core.errors import ConfigError, DatasetError, DivergedError
from core.landscape.slices import landscape_updates
from core.cnn.analysis import analyse, open_model
from core.nets.model_store import load_model


def drive(generator):
    """Run a loading generator to its end: (progress records, returned value)."""
    records = []
    try:
        while True:
            records.append(next(generator))
    except StopIteration as stop:
        return records, stop.value


@pytest.fixture(scope="module")
def digits() -> ImageSet:
    return drive(load_image_set(DataSource("digits")))[1]


def draw_object(path, kind: str, rng: np.random.Generator) -> None:
    """A photo-like picture: one coloured object on a noisy light background."""
    size = 96
    background = rng.integers(170, 250, (size, size, 3), dtype=np.uint8)
    picture = Image.fromarray(background)
    pen = ImageDraw.Draw(picture)
    x, y, r = (int(v) for v in (rng.integers(30, 66), rng.integers(30, 66), rng.integers(14, 26)))
    if kind == "ball":
        pen.ellipse((x - r, y - r, x + r, y + r), fill=(200, 40, 30))
    elif kind == "box":
        pen.rectangle((x - r, y - r, x + r, y + r), fill=(30, 60, 200))
    else:
        pen.polygon([(x, y - r), (x - r, y + r), (x + r, y + r)], fill=(20, 150, 40))
    path.parent.mkdir(parents=True, exist_ok=True)
    picture.save(path)


@pytest.fixture(scope="module")
def photo_folder(tmp_path_factory):
    """Three classes of ten pictures each, and one file in 'box' that is not an image."""
    root = tmp_path_factory.mktemp("class_photos") / "objects"
    rng = np.random.default_rng(5)
    for kind in ("ball", "box", "cone"):
        for index in range(10):
            draw_object(root / kind / f"{index}.png", kind, rng)
    (root / "box" / "broken.jpg").write_bytes(b"\xff\xd8\xff not a photo at all")
    return root


# ---- image sets -------------------------------------------------------------------------------

def test_generated_digits_come_with_progress_and_the_shipped_preprocessing(digits):
    records, data = drive(load_image_set(DataSource("digits")))
    assert all(isinstance(r, LoadProgress) for r in records)
    assert [r.done for r in records] == sorted(r.done for r in records) and records[-1].done == records[-1].total
    assert data.architecture == "digits" and data.class_names == tuple("0123456789")
    assert data.x_train.dtype == torch.uint8 and data.x_train.shape[1:] == (1, 28, 28)
    assert len(data.y_test) > 0 and set(data.y_train.tolist()) == set(range(10))
    assert torch.equal(data.x_train, digits.x_train)  # the same seed draws the same set
    inputs = data.inputs(data.x_train[:4])
    expected = (data.x_train[:4].float() / 255 - 0.1307) / 0.3081
    assert inputs.dtype == torch.float32 and torch.allclose(inputs, expected)


def test_loading_stops_when_asked():
    records, data = drive(load_image_set(DataSource("shapes"), should_stop=lambda: True))
    assert data is None and records == []


def test_a_photo_folder_is_prepared_like_the_lab_skips_unreadable_files_and_holds_out_a_fifth(photo_folder):
    records, data = drive(load_image_set(DataSource("folder", str(photo_folder))))
    assert records[-1].done == records[-1].total == 31
    assert data.class_names == ("ball", "box", "cone") and data.architecture == "shapes"
    assert data.x_train.dtype == torch.float32 and data.x_train.shape[1:] == (3, 64, 64)
    assert [p.name for p, _ in data.skipped] == ["broken.jpg"]
    assert len(data.y_train) + len(data.y_test) == 30
    assert np.bincount(data.y_test.numpy()).tolist() == [2, 2, 2]
    # Exactly what the convolution lab feeds the network for the same photo.
    model, info = open_model("shapes")
    from core.data.images import load_image
    lab_input = analyse(model, info, load_image(photo_folder / "ball" / "0.png")).input
    all_inputs = torch.cat([data.x_train, data.x_test]).numpy()
    assert min(np.abs(all_inputs - lab_input).max(axis=(1, 2, 3))) < 1e-6


@pytest.mark.parametrize("layout, message", [
    ({"only": 3}, "only the class 'only'"),
    ({"good": 2, "bad": 0}, "class 'bad' .* has no readable image"),
])
def test_unusable_folders_are_refused_in_one_sentence(tmp_path, layout, message):
    rng = np.random.default_rng(0)
    for name, count in layout.items():
        (tmp_path / name).mkdir()
        for index in range(count):
            draw_object(tmp_path / name / f"{index}.png", "ball", rng)
        if count == 0:
            (tmp_path / name / "x.png").write_bytes(b"not a png")
    with pytest.raises(DatasetError, match=message):
        drive(load_image_set(DataSource("folder", str(tmp_path))))


def test_a_missing_folder_is_refused(tmp_path):
    with pytest.raises(DatasetError, match="does not exist"):
        drive(load_image_set(DataSource("folder", str(tmp_path / "nowhere"))))


def test_a_dataset_that_is_not_downloaded_says_so(tmp_path):
    with pytest.raises(DatasetError, match="not downloaded yet"):
        drive(load_image_set(DataSource("mnist"), cache_dir=tmp_path))


def test_downloaded_mnist_files_become_a_digits_set(tmp_path):
    rng = np.random.default_rng(1)
    folder = dataset_dir("mnist", tmp_path)
    folder.mkdir(parents=True)
    arrays = {
        "train-images-idx3-ubyte.gz": rng.integers(0, 256, (40, 28, 28), dtype=np.uint8),
        "train-labels-idx1-ubyte.gz": rng.integers(0, 10, 40, dtype=np.uint8),
        "t10k-images-idx3-ubyte.gz": rng.integers(0, 256, (12, 28, 28), dtype=np.uint8),
        "t10k-labels-idx1-ubyte.gz": rng.integers(0, 10, 12, dtype=np.uint8),
    }
    assert set(arrays) == {remote.name for remote in DATASET_SOURCES["mnist"].files}
    for name, array in arrays.items():
        (folder / name).write_bytes(gzip.compress(encode_idx(array)))
    _, data = drive(load_image_set(DataSource("mnist"), cache_dir=tmp_path))
    assert data.title == "MNIST" and data.architecture == "digits" and data.base_model == "digits"
    assert torch.equal(data.x_train[:, 0], torch.from_numpy(arrays["train-images-idx3-ubyte.gz"]))
    assert data.y_test.tolist() == arrays["t10k-labels-idx1-ubyte.gz"].tolist()


def test_an_unknown_source_is_refused():
    with pytest.raises(DatasetError, match="cannot train on 'imagenet'"):
        drive(load_image_set(DataSource("imagenet")))


# ---- the trainer --------------------------------------------------------------------------------

def test_training_from_random_weights_makes_the_loss_fall_and_the_accuracy_rise(digits):
    trainer = CnnTrainer(digits, CnnTrainConfig(start="random", learning_rate=2e-3))
    assert trainer.started_from == "random weights"
    before = trainer.evaluate()
    losses = [record.loss for record in trainer.run(max_steps=150)]
    after = trainer.evaluate()
    assert trainer.step_count == 150 and math.isnan(before.train_loss)
    assert np.mean(losses[-20:]) < 0.6 * np.mean(losses[:20])
    assert after.test_accuracy > before.test_accuracy + 0.4
    assert after.epoch == pytest.approx(150 * 32 / len(digits.y_train))


def test_stop_callback_ends_the_run(digits):
    trainer = CnnTrainer(digits)
    assert len(list(trainer.run(should_stop=lambda: trainer.step_count >= 7))) == 7


def test_starting_from_the_shipped_model_copies_its_weights(digits):
    trainer = CnnTrainer(digits, CnnTrainConfig(start="shipped"))
    shipped, _ = load_model("digits")
    assert trainer.started_from == "the shipped digits network"
    for key, value in shipped.state_dict().items():
        assert torch.equal(trainer.model.state_dict()[key], value)
    assert trainer.evaluate().test_accuracy > 0.9


def test_other_classes_keep_the_shipped_kernels_but_learn_their_own_classifier(digits):
    letters = ImageSet("letters", "digits", tuple("abcdefghij"), digits.preprocessing, digits.x_train,
                       digits.y_train, digits.x_test, digits.y_test, base_model="digits")
    trainer = CnnTrainer(letters)
    shipped = load_model("digits")[0].state_dict()
    mine = trainer.model.state_dict()
    assert trainer.started_from == "the shipped digits network's kernels"
    assert torch.equal(mine["conv1.weight"], shipped["conv1.weight"]) and torch.equal(mine["fc1.bias"], shipped["fc1.bias"])
    assert not torch.equal(mine["fc2.weight"], shipped["fc2.weight"])


def test_reset_brings_back_the_starting_weights(digits):
    trainer = CnnTrainer(digits, CnnTrainConfig(start="random"))
    start = {key: value.clone() for key, value in trainer.model.state_dict().items()}
    list(trainer.run(max_steps=5))
    assert not torch.equal(trainer.model.state_dict()["conv1.weight"], start["conv1.weight"])
    trainer.reset()
    assert trainer.step_count == 0
    assert all(torch.equal(trainer.model.state_dict()[key], value) for key, value in start.items())


def test_a_three_class_photo_model_learns_and_saves_and_loads(photo_folder, tmp_path):
    _, data = drive(load_image_set(DataSource("folder", str(photo_folder))))
    trainer = CnnTrainer(data, CnnTrainConfig(batch_size=16, learning_rate=1e-3))
    assert trainer.started_from == "the shipped shapes network's kernels"
    list(trainer.run(max_steps=120))
    evaluation = trainer.evaluate()
    assert evaluation.train_accuracy > 0.9 and evaluation.test_accuracy >= 5 / 6
    trainer.save("my_objects", tmp_path)
    model, info = load_model("my_objects", tmp_path)
    assert info.class_names == ("ball", "box", "cone") and info.architecture == "shapes"
    assert info.training["data"] == "the folder 'objects'" and info.training["steps"] == 120
    x = data.inputs(data.x_test)
    with torch.no_grad():
        assert torch.allclose(model(x), trainer.cpu_model()(x), atol=1e-6)


def test_a_huge_learning_rate_is_caught_and_the_weights_roll_back(digits):
    trainer = CnnTrainer(digits, CnnTrainConfig(optimizer="sgd", learning_rate=10.0))
    with pytest.raises(DivergedError, match="diverged at step"):
        list(trainer.run(max_steps=200))
    assert all(bool(torch.isfinite(p).all()) for p in trainer.model.parameters())


@pytest.mark.parametrize("changes, message", [
    ({"learning_rate": 0}, "learning rate"),
    ({"learning_rate": float("nan")}, "learning rate"),
    ({"batch_size": 0}, "batch size"),
    ({"optimizer": "lion"}, "Unknown optimizer"),
    ({"start": "imagenet"}, "shipped"),
])
def test_bad_settings_are_refused(digits, changes, message):
    with pytest.raises(ConfigError, match=message):
        CnnTrainer(digits, CnnTrainConfig(**changes))


def test_the_landscape_code_slices_a_cnn_loss_too(digits):
    trainer = CnnTrainer(digits, CnnTrainConfig(start="random"))
    list(trainer.run(max_steps=20))
    updates = list(landscape_updates(trainer, None, "random", 5, seed=3, chunk=trainer.landscape_chunk))
    final = updates[-1].landscape
    assert updates[-1].final and final.loss.shape == (5, 5) and np.isfinite(final.loss).all()
    inputs, targets = trainer.training_set()
    with torch.no_grad():
        true_loss = float(torch.nn.functional.cross_entropy(trainer.model.eval()(inputs), targets))
    assert final.center_loss == pytest.approx(true_loss, rel=1e-4)
    assert final.loss[2, 2] == pytest.approx(true_loss, rel=1e-4)


@pytest.mark.skipif(not torch.cuda.is_available(), reason="needs a CUDA GPU")
def test_training_runs_on_cuda_when_there_is_one(digits):
    trainer = CnnTrainer(digits, CnnTrainConfig(device="cuda", start="random"))
    assert next(trainer.model.parameters()).device.type == "cuda"
    assert trainer.device_name.startswith("CUDA")
    losses = [record.loss for record in trainer.run(max_steps=100)]
    assert np.mean(losses[-10:]) < np.mean(losses[:10])
    assert all(value.device.type == "cpu" for value in trainer.cpu_model().state_dict().values())
