"""core.cnn.analysis: any image becomes what the model learned from; one path for the GUI and the command line."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from core.data.images import from_array, to_model_input
from core.data.sample_images import sample_image
from core.data.synthetic_images import DIGIT_CLASSES, SHAPE_CLASSES, draw_digit
from core.errors import ModelError
from core.cnn.feature_maps import FeatureRecord
from core.cnn.analysis import (analyse, border_is_dark, inverts, open_model, prepare_input, preprocessing_of,
                      suggested_model)
from core.nets.cnn import build_cnn
from core.nets.model_store import ModelInfo, save_model

MEAN, STD = 0.1307, 0.3081
DIGITS = ModelInfo("digits", "digits", DIGIT_CLASSES, {
    "input_size": [28, 28], "channels": 1, "mean": [MEAN], "std": [STD], "scale": 255,
    "invert": True, "digit_box": 20, "centre_by_mass": True,
})
SHAPES = ModelInfo("shapes", "shapes", SHAPE_CLASSES, {
    "input_size": [64, 64], "channels": 3, "mean": [0.5, 0.5, 0.5], "std": [0.25, 0.25, 0.25],
    "scale": 255, "invert": False,
})


def ink(x: np.ndarray) -> np.ndarray:
    """A prepared digit input back in 0..1 ink."""
    return x[0] * STD + MEAN


def on_paper(strokes: np.ndarray, size: tuple[int, int] = (300, 400), at: tuple[int, int] = (40, 60)) -> np.ndarray:
    """White-on-black strokes as dark ink on a light page of `size` (h, w), placed at `at`."""
    page = np.full((*size, 3), 240, np.uint8)
    h, w = strokes.shape
    region = page[at[0]:at[0] + h, at[1]:at[1] + w]
    region[:] = (240 - strokes[..., None].astype(np.int32) * 220 // 255).astype(np.uint8)
    return page


@pytest.fixture(scope="module")
def seven() -> np.ndarray:
    return draw_digit(7, 4, 112)  # white on black, uint8


def test_digit_input_is_one_channel_28x28_standardised_with_a_zero_background(seven):
    x = prepare_input(from_array(on_paper(seven), "page"), DIGITS)
    assert x.shape == (1, 28, 28) and x.dtype == np.float32 and x.flags.c_contiguous
    corners = ink(x)[[0, 0, -1, -1], [0, -1, 0, -1]]
    np.testing.assert_allclose(corners, 0.0, atol=1e-6)
    assert ink(x).max() == pytest.approx(1.0, abs=0.05)


def test_the_ink_is_fitted_into_a_20_pixel_box_and_centred_by_its_mass(seven):
    x = ink(prepare_input(from_array(on_paper(seven, size=(600, 800), at=(450, 20)), "corner"), DIGITS))
    rows, cols = np.flatnonzero((x > 0.3).any(1)), np.flatnonzero((x > 0.3).any(0))
    assert max(rows[-1] - rows[0], cols[-1] - cols[0]) + 1 in (19, 20, 21)
    yy, xx = np.mgrid[0:28, 0:28]
    assert (yy * x).sum() / x.sum() == pytest.approx(13.5, abs=1.0)
    assert (xx * x).sum() / x.sum() == pytest.approx(13.5, abs=1.0)


def box_and_centre(x: np.ndarray) -> tuple[int, int, float, float]:
    rows, cols = np.flatnonzero((x > 0.3).any(1)), np.flatnonzero((x > 0.3).any(0))
    yy, xx = np.mgrid[0:28, 0:28]
    return rows[-1] - rows[0] + 1, cols[-1] - cols[0] + 1, (yy * x).sum() / x.sum(), (xx * x).sum() / x.sum()


def test_where_and_how_large_the_digit_was_written_does_not_matter(seven):
    large = ink(prepare_input(from_array(on_paper(seven, size=(300, 400), at=(100, 150)), "a"), DIGITS))
    small = ink(prepare_input(from_array(on_paper(seven[::2, ::2], size=(500, 500), at=(10, 420)), "b"), DIGITS))
    np.testing.assert_allclose(box_and_centre(large), box_and_centre(small), atol=1.5)


def test_dark_ink_on_paper_and_white_on_black_give_the_same_input(seven):
    paper = from_array(on_paper(seven), "paper")
    chalk = from_array(255 - on_paper(seven), "chalk")
    assert not border_is_dark(paper) and border_is_dark(chalk)
    assert inverts(paper, DIGITS) and not inverts(chalk, DIGITS)
    # Equal up to the rounding of 255 - x in the test image.
    np.testing.assert_allclose(prepare_input(paper, DIGITS), prepare_input(chalk, DIGITS), atol=0.03)


def test_a_blank_page_is_an_empty_frame():
    x = prepare_input(from_array(np.full((200, 200, 3), 230, np.uint8), "blank"), DIGITS)
    np.testing.assert_allclose(ink(x), 0.0, atol=1e-6)


def test_colour_input_is_letterboxed_and_standardised_like_to_model_input():
    image = from_array(sample_image("house"), "house")
    x = prepare_input(image, SHAPES)
    assert x.shape == (3, 64, 64) and x.dtype == np.float32
    expected = to_model_input(image, (64, 64), 3, mean=[0.5] * 3, std=[0.25] * 3)
    np.testing.assert_allclose(x, expected, atol=1e-6)


def test_the_colour_model_never_inverts_a_dark_background():
    star = from_array(sample_image("star"), "star")  # yellow star on dark blue
    assert border_is_dark(star) and not inverts(star, SHAPES)
    np.testing.assert_allclose(prepare_input(star, SHAPES), to_model_input(star, (64, 64), 3, mean=0.5, std=0.25),
                               atol=1e-6)


def test_missing_preprocessing_takes_the_architecture_and_neutral_values():
    p = preprocessing_of(ModelInfo("bare", "shapes", SHAPE_CLASSES, {}))
    assert (p.size, p.channels, p.invert, p.mean, p.std, p.digit_box) == ((64, 64), 3, False, (0.0,), (1.0,), None)


@pytest.mark.parametrize("preprocessing, fragment", [
    ({"input_size": [32, 32]}, "architecture takes 1×28×28"),
    ({"channels": 3}, "architecture takes 1×28×28"),
    ({"std": [0.0]}, "positive std"),
    ({"mean": [0.1, 0.2]}, "mean"),
    ({"input_size": "big"}, "unreadable"),
    ({"digit_box": 40}, "digit box"),
])
def test_inconsistent_preprocessing_is_one_model_error(preprocessing, fragment):
    with pytest.raises(ModelError, match=fragment):
        prepare_input(from_array(np.zeros((8, 8, 3), np.uint8), "x"),
                      ModelInfo("odd", "digits", DIGIT_CLASSES, preprocessing))


def test_analyse_returns_every_layer_and_the_prediction_with_class_names(seven):
    torch.manual_seed(0)
    model = build_cnn("digits").eval()
    record = analyse(model, DIGITS, from_array(on_paper(seven), "page"))
    assert isinstance(record, FeatureRecord)
    assert record.class_names == DIGIT_CLASSES
    assert record.layer_names[0] == "conv1" and record.layer_names[-1] == "fc2"
    np.testing.assert_array_equal(record.input, prepare_input(from_array(on_paper(seven), "page"), DIGITS))
    assert record.probs.sum() == pytest.approx(1.0, abs=1e-5)


def test_open_model_loads_a_stored_model_and_refuses_unknown_names_with_the_list(tmp_path):
    torch.manual_seed(0)
    save_model(build_cnn("digits"), DIGITS, tmp_path)
    save_model(build_cnn("shapes"), SHAPES, tmp_path)
    model, info = open_model("shapes", tmp_path)
    assert info.class_names == SHAPE_CLASSES and not model.training
    with pytest.raises(ModelError, match="choose one of: digits, shapes"):
        open_model("cats", tmp_path)


def test_open_model_without_any_model_says_how_to_make_them(tmp_path):
    with pytest.raises(ModelError, match="train_models.py"):
        open_model("digits", tmp_path)


@pytest.mark.parametrize("sample, model", [("digit 3", "digits"), ("house", "shapes"), ("star", "shapes"),
                                           ("scene", None), ("checkerboard", None)])
def test_samples_suggest_the_model_trained_on_their_kind(sample, model):
    assert suggested_model(sample) == model
