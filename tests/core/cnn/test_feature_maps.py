"""Feature maps layer by layer: order, shapes, the export layout, and an independent check."""

from __future__ import annotations

import io
from collections import OrderedDict

import numpy as np
import pytest
import torch
from torch import nn

from core.errors import ConfigError, ModelError
from core.cnn.feature_maps import (
    FeatureRecord,
    compute_features,
    global_range_of,
    normalise_maps,
    to_npz_dict,
)

CLASSES = ("circle", "square", "triangle")


def small_cnn(in_channels: int = 3, inplace: bool = False, bias: bool = True) -> nn.Sequential:
    """A named CNN like the app's, small enough to check by hand: 12×12 input."""
    torch.manual_seed(0)
    return nn.Sequential(
        OrderedDict(
            conv1=nn.Conv2d(in_channels, 4, kernel_size=3, stride=1, padding=1, bias=bias),
            relu1=nn.ReLU(inplace=inplace),
            pool1=nn.MaxPool2d(2),
            conv2=nn.Conv2d(4, 6, kernel_size=3, stride=2, padding=0),
            relu2=nn.ReLU(inplace=inplace),
            pool2=nn.AvgPool2d(kernel_size=2, stride=1),
            flatten=nn.Flatten(),
            fc1=nn.Linear(6 * 1 * 1, 8),
            relu3=nn.ReLU(),
            drop=nn.Dropout(0.5),
            fc2=nn.Linear(8, len(CLASSES)),
        )
    )


@pytest.fixture
def image() -> np.ndarray:
    return np.random.default_rng(0).random((3, 12, 12), dtype=np.float32)


@pytest.fixture
def record(image) -> FeatureRecord:
    return compute_features(small_cnn(), image, CLASSES)


def numpy_cross_correlation(x: np.ndarray, weight: np.ndarray, bias: np.ndarray,
                            stride: tuple[int, int], padding: tuple[int, int]) -> np.ndarray:
    """out[o, i, j] = b[o] + Σ_c Σ_a Σ_b x_padded[c, i·s + a, j·s + b] · w[o, c, a, b].

    Written out with explicit loops over the output and einsum over one window, so it
    shares nothing with core.cnn.kernels or torch.
    """
    (sr, sc), (pr, pc) = stride, padding
    padded = np.zeros((x.shape[0], x.shape[1] + 2 * pr, x.shape[2] + 2 * pc), dtype=np.float64)
    padded[:, pr:pr + x.shape[1], pc:pc + x.shape[2]] = x
    out_ch, _, kh, kw = weight.shape
    out_h = (padded.shape[1] - kh) // sr + 1
    out_w = (padded.shape[2] - kw) // sc + 1
    out = np.zeros((out_ch, out_h, out_w))
    for i in range(out_h):
        for j in range(out_w):
            window = padded[:, i * sr:i * sr + kh, j * sc:j * sc + kw]
            out[:, i, j] = np.einsum("cab,ocab->o", window, weight.astype(np.float64)) + bias
    return out


def test_layers_come_in_model_order_with_kinds_and_shapes(record, image):
    assert record.layer_names == ("conv1", "relu1", "pool1", "conv2", "relu2", "pool2", "flatten",
                                  "fc1", "relu3", "drop", "fc2")
    assert [layer.kind for layer in record.layers] == [
        "conv", "relu", "pool", "conv", "relu", "pool", "flatten", "linear", "relu", "dropout", "linear"]
    shapes = {layer.name: layer.output.shape for layer in record.layers}
    assert shapes == {
        "conv1": (4, 12, 12), "relu1": (4, 12, 12), "pool1": (4, 6, 6), "conv2": (6, 2, 2),
        "relu2": (6, 2, 2), "pool2": (6, 1, 1), "flatten": (6,), "fc1": (8,), "relu3": (8,),
        "drop": (8,), "fc2": (3,),
    }
    assert [layer.is_spatial for layer in record.layers[:7]] == [True] * 6 + [False]
    np.testing.assert_array_equal(record.input, image)
    assert record.input.dtype == np.float32


def test_layer_settings_are_recorded(record):
    conv1, conv2 = record.layer("conv1"), record.layer("conv2")
    assert conv1.weight.shape == (4, 3, 3, 3) and conv1.bias.shape == (4,)
    assert (conv1.stride, conv1.padding) == ((1, 1), (1, 1))
    assert (conv2.stride, conv2.padding) == ((2, 2), (0, 0))
    pool1, pool2 = record.layer("pool1"), record.layer("pool2")
    assert (pool1.kernel_size, pool1.stride, pool1.mode) == ((2, 2), (2, 2), "max")
    assert (pool2.kernel_size, pool2.stride, pool2.mode) == ((2, 2), (1, 1), "avg")
    assert record.layer("fc1").weight.shape == (8, 6)
    with pytest.raises(KeyError):
        record.layer("conv9")


def test_probs_are_the_softmax_of_the_logits(record):
    assert record.probs.shape == (3,)
    assert record.probs.sum() == pytest.approx(1.0, abs=1e-6)
    assert np.all(record.probs > 0)
    expected = np.exp(record.logits - record.logits.max())
    np.testing.assert_allclose(record.probs, expected / expected.sum(), rtol=1e-5)
    np.testing.assert_array_equal(record.logits, record.layers[-1].output)
    assert record.top_class == int(np.argmax(record.probs))
    assert record.top_class_name == CLASSES[record.top_class]
    assert record.class_names == CLASSES


def test_first_convolution_equals_an_independent_numpy_cross_correlation(record):
    conv1 = record.layer("conv1")
    expected = numpy_cross_correlation(record.input, conv1.weight, conv1.bias, conv1.stride, conv1.padding)
    np.testing.assert_allclose(conv1.output, expected, rtol=1e-5, atol=1e-5)


def test_strided_unpadded_convolution_also_checks_out(record):
    conv2 = record.layer("conv2")
    expected = numpy_cross_correlation(record.layer("pool1").output, conv2.weight, conv2.bias,
                                       conv2.stride, conv2.padding)
    np.testing.assert_allclose(conv2.output, expected, rtol=1e-5, atol=1e-5)


def test_each_layer_follows_from_the_one_before(record):
    relu1, pool1 = record.layer("relu1").output, record.layer("pool1").output
    np.testing.assert_array_equal(relu1, np.maximum(record.layer("conv1").output, 0))
    np.testing.assert_array_equal(pool1, relu1.reshape(4, 6, 2, 6, 2).max(axis=(2, 4)))
    fc1 = record.layer("fc1")
    np.testing.assert_allclose(fc1.output, fc1.weight @ record.layer("flatten").output + fc1.bias, rtol=1e-5, atol=1e-6)
    np.testing.assert_array_equal(record.layer("drop").output, record.layer("relu3").output)  # eval: no dropout


def test_in_place_relu_does_not_overwrite_the_recorded_convolution(image):
    record = compute_features(small_cnn(inplace=True), image, CLASSES)
    assert record.layer("conv1").output.min() < 0  # still the raw convolution, negatives and all
    assert record.layer("relu1").output.min() >= 0


def test_a_convolution_without_bias_records_zeros(image):
    record = compute_features(small_cnn(bias=False), image, CLASSES)
    np.testing.assert_array_equal(record.layer("conv1").bias, np.zeros(4, dtype=np.float32))


def test_runs_without_gradients_and_restores_training_mode(image):
    model = small_cnn()
    model.train()
    first = compute_features(model, image, CLASSES)
    second = compute_features(model, image, CLASSES)
    assert model.training  # a training loop can call this between steps
    np.testing.assert_array_equal(first.probs, second.probs)  # dropout was off both times
    assert all(p.grad is None for p in model.parameters())


def test_records_are_copies_and_read_only(image):
    model = small_cnn()
    record = compute_features(model, image, CLASSES)
    kept = record.layer("conv1").weight.copy()
    with torch.no_grad():
        model.conv1.weight.add_(1.0)  # training goes on
    np.testing.assert_array_equal(record.layer("conv1").weight, kept)
    with pytest.raises(ValueError):
        record.layer("conv1").output[0, 0, 0] = 1.0


def test_grayscale_input_and_wrong_inputs(image):
    record = compute_features(small_cnn(in_channels=1), image[:1], CLASSES)
    assert record.layer("conv1").weight.shape == (4, 1, 3, 3)
    with pytest.raises(ConfigError, match="3-channel"):
        compute_features(small_cnn(), image[:1], CLASSES)
    with pytest.raises(ConfigError, match="C×H×W"):
        compute_features(small_cnn(), image[0], CLASSES)
    with pytest.raises(ModelError, match="fc1"):
        compute_features(small_cnn(), np.zeros((3, 20, 20), dtype=np.float32), CLASSES)
    with pytest.raises(ModelError, match="class names"):
        compute_features(small_cnn(), image, CLASSES[:2])


def test_unsupported_layers_are_refused_clearly(image):
    with pytest.raises(ModelError, match="Sigmoid"):
        compute_features(nn.Sequential(nn.Conv2d(3, 2, 3), nn.Sigmoid(), nn.Flatten(), nn.Linear(200, 3)),
                         image, CLASSES)
    with pytest.raises(ModelError, match="dilation"):
        compute_features(nn.Sequential(nn.Conv2d(3, 2, 3, dilation=2), nn.Flatten(), nn.Linear(128, 3)),
                         image, CLASSES)
    with pytest.raises(ModelError, match="Sequential"):
        compute_features(nn.Conv2d(3, 2, 3), image, CLASSES)


def test_unnamed_children_are_numbered(image):
    model = nn.Sequential(nn.Conv2d(3, 2, 3, padding="same"), nn.ReLU(), nn.Flatten(), nn.Linear(288, 3))
    record = compute_features(model, image, CLASSES)
    assert record.layer_names == ("0", "1", "2", "3")
    assert record.layer("0").padding == (1, 1)


def npz_round_trip(arrays: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    buffer = io.BytesIO()
    np.savez(buffer, **arrays)
    buffer.seek(0)
    with np.load(buffer, allow_pickle=False) as loaded:
        return {key: loaded[key] for key in loaded.files}


def test_npz_has_exactly_the_documented_keys_and_round_trips(record):
    arrays = to_npz_dict(record)
    assert set(arrays) == {
        "input", "layers", "probs", "classes",
        "conv1", "conv1.weight", "conv1.bias", "conv1.stride", "conv1.padding",
        "relu1", "pool1", "pool1.kernel_size", "pool1.stride",
        "conv2", "conv2.weight", "conv2.bias", "conv2.stride", "conv2.padding",
        "relu2", "pool2", "pool2.kernel_size", "pool2.stride",
        "flatten", "fc1", "relu3", "drop", "fc2",
    }
    loaded = npz_round_trip(arrays)
    assert set(loaded) == set(arrays)
    for key, value in arrays.items():
        np.testing.assert_array_equal(loaded[key], value)
        assert loaded[key].dtype == value.dtype
    assert loaded["input"].dtype == np.float32 and loaded["input"].shape == (3, 12, 12)
    assert loaded["layers"].dtype.kind == "U" and loaded["classes"].dtype.kind == "U"
    assert list(loaded["layers"]) == list(record.layer_names)
    assert list(loaded["classes"]) == list(CLASSES)
    assert loaded["conv2.stride"].tolist() == [2, 2] and loaded["conv1.padding"].tolist() == [1, 1]
    assert loaded["pool1.kernel_size"].tolist() == [2, 2]
    # What the issue asks a student to be able to do with the file alone:
    expected = numpy_cross_correlation(loaded["input"], loaded["conv1.weight"], loaded["conv1.bias"],
                                       tuple(loaded["conv1.stride"]), tuple(loaded["conv1.padding"]))
    np.testing.assert_allclose(loaded["conv1"], expected, rtol=1e-5, atol=1e-5)
    assert loaded["probs"].sum() == pytest.approx(1.0, abs=1e-6)


def test_a_layer_named_like_an_export_key_is_refused(image):
    model = nn.Sequential(OrderedDict(input=nn.Flatten(), fc=nn.Linear(3 * 12 * 12, 3)))
    with pytest.raises(ModelError, match="'input'"):
        compute_features(model, image, CLASSES)


MAPS = np.array([
    [[0.0, 1.0], [2.0, 4.0]],
    [[-2.0, -2.0], [-2.0, -2.0]],  # a flat map
    [[10.0, 0.0], [5.0, 0.0]],
], dtype=np.float32)


def test_normalise_each_map_on_its_own():
    out = normalise_maps(MAPS, "map")
    assert out.dtype == np.uint8 and out.shape == MAPS.shape
    np.testing.assert_array_equal(out[0], [[0, 64], [128, 255]])
    np.testing.assert_array_equal(out[1], 0)  # no spread: black
    np.testing.assert_array_equal(out[2], [[255, 0], [128, 0]])
    floats = normalise_maps(MAPS, "map", dtype=np.float32)
    assert floats.dtype == np.float32
    np.testing.assert_allclose(floats[0], [[0, 0.25], [0.5, 1.0]])


def test_normalise_over_the_layer_and_globally():
    layer = normalise_maps(MAPS, "layer", dtype=np.float32)  # one range, -2..10
    np.testing.assert_allclose(layer[0], (MAPS[0] + 2) / 12, rtol=1e-6)
    np.testing.assert_allclose(layer[1], 0.0)
    np.testing.assert_allclose(layer[2, 0, 0], 1.0)
    wide = normalise_maps(MAPS, "global", global_range=(-10.0, 10.0), dtype=np.float32)
    np.testing.assert_allclose(wide, (MAPS + 10) / 20, rtol=1e-6)
    narrow = normalise_maps(MAPS, "global", global_range=(0.0, 4.0))
    assert narrow[2, 0, 0] == 255 and narrow[1, 0, 0] == 0  # outside the range: clipped
    with pytest.raises(ConfigError, match="global_range"):
        normalise_maps(MAPS, "global")
    with pytest.raises(ConfigError, match="normalisation"):
        normalise_maps(MAPS, "per-pixel")
    with pytest.raises(ConfigError, match="N×H×W"):
        normalise_maps(MAPS[0])


def test_normalise_survives_non_finite_values():
    maps = MAPS.copy()
    maps[0, 0, 0] = np.nan
    maps[2] = np.inf
    out = normalise_maps(maps, "map")
    assert out[0, 0, 0] == 0 and out[0, 1, 1] == 255
    np.testing.assert_array_equal(out[2], 0)
    assert normalise_maps(maps, "layer")[0, 1, 1] == 255  # range -2..4, from finite values only


def test_global_range_spans_every_spatial_layer(record):
    lo, hi = global_range_of(record)
    spatial = [layer.output for layer in record.layers if layer.is_spatial]
    assert lo == pytest.approx(min(float(m.min()) for m in spatial))
    assert hi == pytest.approx(max(float(m.max()) for m in spatial))
    out = normalise_maps(record.layer("pool2").output, "global", global_range=(lo, hi))
    assert out.shape == (6, 1, 1)


def test_the_recorded_input_is_what_was_fed_even_with_an_in_place_first_layer():
    model = nn.Sequential(OrderedDict(act=nn.ReLU(inplace=True), flatten=nn.Flatten(), fc=nn.Linear(4, 3)))
    fed = np.array([[[-1.0, 2.0], [3.0, -4.0]]], dtype=np.float32)
    fed.setflags(write=False)  # a read-only input (e.g. an earlier record's) is fine too
    record = compute_features(model, fed, CLASSES)
    np.testing.assert_array_equal(record.input, fed)
    np.testing.assert_array_equal(record.layer("act").output, [[[0.0, 2.0], [3.0, 0.0]]])


@pytest.mark.skipif(not torch.cuda.is_available(), reason="needs a CUDA device")
def test_a_model_on_cuda_gives_cpu_numpy_records(image):
    model = small_cnn().cuda()
    record = compute_features(model, image, CLASSES)
    cpu = compute_features(small_cnn(), image, CLASSES)
    assert isinstance(record.layer("conv1").weight, np.ndarray)
    np.testing.assert_allclose(record.probs, cpu.probs, rtol=1e-3, atol=1e-4)
    np.testing.assert_allclose(record.layer("conv1").output, cpu.layer("conv1").output, rtol=1e-3, atol=1e-4)
