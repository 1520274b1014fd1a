"""evaluate_folder: the app's preprocessing, per-class counts, and unreadable files skipped and counted."""

from __future__ import annotations

import numpy as np
import pytest
import torch
from PIL import Image

from core.data.image_folder import scan_image_folder
from core.data.synthetic_images import SHAPE_CLASSES
from core.errors import DatasetError
from core.cnn.evaluation import evaluate_folder, folder_evaluation_steps, predict
from core.cnn.analysis import analyse
from core.nets.cnn import build_cnn
from core.nets.model_store import ModelInfo

INFO = ModelInfo("shapes", "shapes", SHAPE_CLASSES, {"input_size": [64, 64], "channels": 3, "mean": [0.5] * 3,
                                                     "std": [0.25] * 3, "invert": False})


@pytest.fixture(scope="module")
def model():
    torch.manual_seed(0)
    return build_cnn("shapes").eval()


@pytest.fixture
def folder(tmp_path):
    rng = np.random.default_rng(3)
    for index, name in enumerate(SHAPE_CLASSES):
        (tmp_path / name).mkdir()
        for j in range(index % 3 + 1):
            pixels = rng.integers(0, 256, (40 + 7 * j, 50, 3), dtype=np.uint8)
            Image.fromarray(pixels).save(tmp_path / name / f"{j}.png")
    (tmp_path / "star" / "broken.png").write_bytes(b"\x89PNG\r\n\x1a\n truncated")
    return tmp_path


def test_each_image_is_classified_as_the_app_would_classify_it(model, folder):
    result = evaluate_folder(model, INFO, folder, batch_size=4)
    expected = np.zeros((6, 6), dtype=np.int64)
    scanned = scan_image_folder(folder, SHAPE_CLASSES)
    from core.data.images import load_image
    for path, index in scanned.samples():
        if path.name != "broken.png":
            expected[index, analyse(model, INFO, load_image(path)).top_class] += 1
    np.testing.assert_array_equal(result.confusion, expected)
    assert list(result.total) == [1, 2, 3, 1, 2, 3]
    assert result.n_total == 12 and result.n_right == int(np.trace(expected))
    assert result.accuracy == pytest.approx(result.n_right / 12)
    assert result.done == result.total_files == 13
    assert [p.name for p, _ in result.skipped] == ["broken.png"]


def test_steps_yield_growing_snapshots(model, folder):
    steps = list(folder_evaluation_steps(model, INFO, folder, batch_size=5))
    assert [s.n_total for s in steps] == [5, 10, 12]
    assert steps[-1].done == 13


def test_subfolders_must_match_the_model_classes(model, tmp_path):
    (tmp_path / "circle").mkdir()
    Image.fromarray(np.zeros((8, 8, 3), np.uint8)).save(tmp_path / "circle" / "a.png")
    with pytest.raises(DatasetError, match="'square'"):
        evaluate_folder(model, INFO, tmp_path)


def test_all_files_unreadable_is_one_empty_result(model, tmp_path):
    for name in SHAPE_CLASSES:
        (tmp_path / name).mkdir()
        (tmp_path / name / "x.png").write_bytes(b"nope")
    result = evaluate_folder(model, INFO, tmp_path)
    assert result.n_total == 0 and result.accuracy == 0.0 and len(result.skipped) == 6
    assert result.class_accuracy(0) is None


def test_predict_restores_training_mode(model):
    model.train()
    try:
        out = predict(model, np.zeros((2, 3, 64, 64), np.float32))
        assert out.shape == (2,) and model.training
    finally:
        model.eval()
