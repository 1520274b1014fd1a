"""Fixtures for the Convolution tab's tests: a models folder filled with freshly initialised (seeded) networks."""

from __future__ import annotations

import pytest
import torch

from core.data.synthetic_images import DIGIT_CLASSES, SHAPE_CLASSES
from core.nets.cnn import build_cnn
from core.nets.model_store import ModelInfo, save_model

DIGITS = ModelInfo("digits", "digits", DIGIT_CLASSES, {
    "input_size": [28, 28], "channels": 1, "mean": [0.1307], "std": [0.3081], "scale": 255,
    "invert": True, "digit_box": 20, "centre_by_mass": True,
})
SHAPES = ModelInfo("shapes", "shapes", SHAPE_CLASSES, {
    "input_size": [64, 64], "channels": 3, "mean": [0.5] * 3, "std": [0.25] * 3, "scale": 255, "invert": False,
})


@pytest.fixture(scope="module")
def models_dir(tmp_path_factory):
    """Seeded, untrained digits and shapes models: nothing depends on the shipped weights being there."""
    folder = tmp_path_factory.mktemp("models")
    torch.manual_seed(0)
    save_model(build_cnn("digits"), DIGITS, folder)
    save_model(build_cnn("shapes"), SHAPES, folder)
    return folder
