"""The 2-D toy datasets and the input features computed from them."""

from __future__ import annotations

import numpy as np
import pytest

from core.data import DATASETS, FEATURE_LABELS, FEATURES, TASKS, expand_features, make_dataset
from core.data.input_features import check_features
from core.data.toy2d import DOMAIN
from core.errors import ConfigError

NAMES = sorted(DATASETS)
POINT_NAMES = [name for name in NAMES if not DATASETS[name].image_side]  # 2-D points, not images
N = 200


def all_points(data):
    return np.concatenate([data.x_train, data.x_test])


def all_labels(data):
    return np.concatenate([data.y_train, data.y_test])


def test_every_task_is_represented():
    assert {spec.task for spec in DATASETS.values()} == set(TASKS)


@pytest.mark.parametrize("name", POINT_NAMES)
def test_points_are_n_by_2_float32(name):
    data = make_dataset(name, n_points=N, noise=0.1, seed=1)
    for x in (data.x_train, data.x_test):
        assert x.dtype == np.float32
        assert x.ndim == 2 and x.shape[1] == 2
        assert np.isfinite(x).all()
    assert len(data.x_train) == len(data.y_train)
    assert len(data.x_test) == len(data.y_test)
    assert data.name == name and data.task == DATASETS[name].task


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("n_points, fraction", [(200, 0.5), (200, 0.3), (101, 0.9), (20, 0.1), (500, 0.75)])
def test_split_follows_train_fraction(name, n_points, fraction):
    data = make_dataset(name, n_points=n_points, train_fraction=fraction, seed=0)
    assert len(data.x_train) == round(n_points * fraction)
    assert len(data.x_train) + len(data.x_test) == n_points


@pytest.mark.parametrize("name", NAMES)
def test_same_seed_gives_identical_arrays(name):
    first = make_dataset(name, n_points=N, noise=0.3, seed=7)
    second = make_dataset(name, n_points=N, noise=0.3, seed=7)
    for attr in ("x_train", "y_train", "x_test", "y_test"):
        np.testing.assert_array_equal(getattr(first, attr), getattr(second, attr))


@pytest.mark.parametrize("name", NAMES)
def test_different_seed_gives_different_points(name):
    first = make_dataset(name, n_points=N, noise=0.3, seed=7)
    second = make_dataset(name, n_points=N, noise=0.3, seed=8)
    assert not np.array_equal(first.x_train, second.x_train)
    assert not np.array_equal(first.x_test, second.x_test)


@pytest.mark.parametrize("name", NAMES)
def test_noise_changes_the_data(name):
    # Classification sets jitter the points; regression sets jitter the targets.
    clean = make_dataset(name, n_points=N, noise=0.0, seed=3)
    noisy = make_dataset(name, n_points=N, noise=0.5, seed=3)
    jittered = all_labels(noisy) if DATASETS[name].task == "regression" else all_points(noisy)
    original = all_labels(clean) if DATASETS[name].task == "regression" else all_points(clean)
    assert np.abs(jittered - original).mean() > 0.1


@pytest.mark.parametrize("name", POINT_NAMES)
def test_clean_points_lie_in_the_drawing_square(name):
    data = make_dataset(name, n_points=N, noise=0.0, seed=0)
    assert np.abs(all_points(data)).max() <= DOMAIN + 0.5


@pytest.mark.parametrize("name", [n for n in NAMES if DATASETS[n].task == "binary"])
def test_binary_labels_are_0_or_1_with_both_classes(name):
    data = make_dataset(name, n_points=N, noise=0.2, seed=2)
    labels = all_labels(data)
    assert data.y_train.dtype == np.float32 and data.y_test.dtype == np.float32
    assert set(np.unique(labels)) == {0.0, 1.0}
    assert set(np.unique(data.y_train)) == {0.0, 1.0}
    assert data.n_outputs == 1 and data.class_names == ("negative", "positive")


def test_multiclass_labels_are_int64_with_all_four_classes():
    data = make_dataset("blobs", n_points=N, noise=0.2, seed=2)
    assert data.task == "multiclass"
    assert data.y_train.dtype == np.int64 and data.y_test.dtype == np.int64
    assert set(np.unique(all_labels(data))) == {0, 1, 2, 3}
    assert set(np.unique(data.y_train)) == {0, 1, 2, 3}
    assert data.n_outputs == 4 == len(data.class_names)


def test_blob_classes_sit_in_their_own_quadrant_without_noise():
    data = make_dataset("blobs", n_points=400, noise=0.0, seed=0)
    points, labels = all_points(data), all_labels(data)
    centres = np.array([points[labels == k].mean(axis=0) for k in range(4)])
    np.testing.assert_allclose(centres, [[-3, 3], [3, 3], [3, -3], [-3, -3]], atol=0.3)


@pytest.mark.parametrize("name", [n for n in NAMES if DATASETS[n].task == "regression"])
def test_regression_targets_are_finite_float32(name):
    data = make_dataset(name, n_points=N, noise=0.2, seed=2)
    assert data.y_train.dtype == np.float32 and data.y_test.dtype == np.float32
    assert np.isfinite(all_labels(data)).all()
    assert np.std(all_labels(data)) > 0.05  # a real target, not a constant
    assert data.n_outputs == 1 and data.class_names == ()


def test_regression_plane_rises_along_x1_plus_x2():
    data = make_dataset("reg-plane", n_points=N, noise=0.0, seed=0)
    points, target = all_points(data), all_labels(data)
    np.testing.assert_allclose(target, (points[:, 0] + points[:, 1]) / (2 * DOMAIN), atol=1e-5)


def test_circle_without_noise_has_positives_inside_and_negatives_outside():
    data = make_dataset("circle", n_points=500, noise=0.0, seed=4)
    radius = np.linalg.norm(all_points(data), axis=1)
    labels = all_labels(data)
    assert (radius[labels == 1] <= 2.5 + 1e-5).all()
    assert (radius[labels == 0] >= 3.5 - 1e-5).all()
    assert (labels == 1).sum() == 250


def test_xor_labels_follow_the_sign_of_x1_times_x2_without_noise():
    data = make_dataset("xor", n_points=500, noise=0.0, seed=4)
    points, labels = all_points(data), all_labels(data)
    product = points[:, 0] * points[:, 1]
    assert (np.abs(product) > 0).all()  # the padding keeps points off the axes
    np.testing.assert_array_equal(labels, (product > 0).astype(np.float32))


@pytest.mark.parametrize(
    "kwargs, expected",
    [
        ({"name": "squares"}, "squares"),
        ({"name": "circle", "n_points": 5}, "5"),
        ({"name": "circle", "n_points": 200_001}, "200000"),
        ({"name": "circle", "noise": -0.1}, "-0.1"),
        ({"name": "circle", "noise": 2}, "2"),
        ({"name": "circle", "train_fraction": 0.95}, "0.95"),
        ({"name": "circle", "train_fraction": 0.05}, "0.05"),
    ],
)
def test_bad_arguments_raise_config_error_naming_the_value(kwargs, expected):
    with pytest.raises(ConfigError) as info:
        make_dataset(**kwargs)
    message = str(info.value)
    assert expected in message
    assert "between" in message or "choose one of" in message


def test_bad_n_points_message_states_the_allowed_range():
    with pytest.raises(ConfigError, match=r"between 20 and 200000, not 5"):
        make_dataset("circle", n_points=5)


def test_unknown_dataset_message_lists_the_choices():
    with pytest.raises(ConfigError) as info:
        make_dataset("squares")
    assert all(name in str(info.value) for name in DATASETS)


def test_limits_are_accepted():
    assert len(all_points(make_dataset("gauss", n_points=20, noise=1.0, train_fraction=0.1))) == 20
    assert len(make_dataset("gauss", n_points=50, noise=0.0, train_fraction=0.9).x_train) == 45


@pytest.mark.parametrize("name", sorted(set(DATASETS) - {"digits"}))
def test_negative_zero_noise_is_zero_noise(name):
    # numpy's normal() refuses a scale whose sign bit is set, and -0.0 passes 0 <= noise.
    noisy_zero, zero = make_dataset(name, n_points=40, noise=-0.0), make_dataset(name, n_points=40, noise=0.0)
    assert np.array_equal(all_points(noisy_zero), all_points(zero))


@pytest.mark.parametrize("kwargs", [{"noise": float("nan")}, {"noise": float("-inf")}, {"noise": "0.1"},
                                    {"noise": None}, {"train_fraction": float("nan")}, {"seed": -1},
                                    {"seed": 2**64}, {"seed": 1.5}, {"n_points": 100.5}, {"n_points": True}])
def test_values_numpy_would_refuse_are_one_config_error_sentence(kwargs):
    with pytest.raises(ConfigError) as info:
        make_dataset("circle", **{"n_points": 40, **kwargs})
    assert "\n" not in str(info.value) and str(info.value).endswith(".")


# ---------------------------------------------------------------- features
POINTS = np.array([[1.0, 2.0], [-0.5, 3.0], [0.0, -1.5], [2.5, -0.25]], dtype=np.float32)


def test_feature_labels_cover_every_feature():
    assert set(FEATURE_LABELS) == set(FEATURES)


def test_expand_features_computes_every_column():
    x1, x2 = POINTS[:, 0].astype(np.float64), POINTS[:, 1].astype(np.float64)
    expected = np.stack([x1, x2, x1**2, x2**2, x1 * x2, np.sin(x1), np.sin(x2)], axis=1)
    out = expand_features(POINTS, FEATURES)
    assert out.dtype == np.float32 and out.shape == (4, 7)
    np.testing.assert_allclose(out, expected, rtol=1e-6)


def test_expand_features_uses_canonical_order_whatever_the_request_order():
    x1, x2 = POINTS[:, 0].astype(np.float64), POINTS[:, 1].astype(np.float64)
    out = expand_features(POINTS, ["sin(x2)", "x1*x2", "x1"])
    np.testing.assert_allclose(out, np.stack([x1, x1 * x2, np.sin(x2)], axis=1), rtol=1e-6)
    out = expand_features(POINTS, ["x2^2", "x1^2"])
    np.testing.assert_allclose(out, np.stack([x1**2, x2**2], axis=1), rtol=1e-6)


def test_single_feature_gives_one_column():
    out = expand_features(POINTS, ["x2"])
    assert out.shape == (4, 1)
    np.testing.assert_array_equal(out[:, 0], POINTS[:, 1])


def test_check_features_orders_and_deduplicates():
    assert check_features(["sin(x1)", "x1", "x1"]) == ("x1", "sin(x1)")


@pytest.mark.parametrize("features, expected", [(["x3"], "x3"), (["x1", "cos(x1)"], "cos(x1)"), (["X1"], "X1")])
def test_unknown_features_raise_config_error_naming_them(features, expected):
    with pytest.raises(ConfigError) as info:
        expand_features(POINTS, features)
    assert expected in str(info.value)


def test_empty_feature_list_raises_config_error():
    with pytest.raises(ConfigError, match="at least one"):
        expand_features(POINTS, [])


def test_digits_are_28x28_images_of_ten_classes():
    dataset = make_dataset("digits", n_points=60, seed=3)
    assert dataset.is_image and dataset.image_side == 28 and dataset.task == "multiclass"
    assert dataset.x_train.shape == (30, 784) and dataset.x_train.dtype == np.float32
    assert 0.0 <= dataset.x_train.min() and dataset.x_train.max() <= 1.0
    assert dataset.class_names == tuple("0123456789") and set(dataset.y_train) <= set(range(10))
    again = make_dataset("digits", n_points=60, seed=3)
    np.testing.assert_array_equal(dataset.x_test, again.x_test)
    assert not make_dataset("xor").is_image


def test_an_mnist_sized_mlp_trains_on_digits():
    from core.mlp.config import TrainConfig
    from core.mlp.trainer import Trainer

    trainer = Trainer(TrainConfig(dataset="digits", hidden=(128, 64), n_points=400, learning_rate=0.003,
                                  device="cpu", features=("x1",)))
    assert trainer.architecture == "784-128-64-10" and not trainer.has_input_plane
    assert trainer.input_names[:2] == ("p1", "p2") and len(trainer.input_names) == 784
    before = trainer.evaluate().train_loss
    for _ in trainer.run(max_steps=60):
        pass
    assert trainer.evaluate().train_loss < before * 0.7


def test_drawn_digits_are_refused_beyond_what_draws_in_seconds():
    from core.data.toy2d import MAX_DRAWN_IMAGES

    with pytest.raises(ConfigError, match="at most 10000 points"):
        make_dataset("digits", n_points=MAX_DRAWN_IMAGES + 1)
    make_dataset("spiral", n_points=MAX_DRAWN_IMAGES + 1)  # points in the plane are cheap
