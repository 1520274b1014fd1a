"""The kernel playground: convolution, ReLU and pooling agree with hand loops and torch."""

from __future__ import annotations

import numpy as np
import pytest
import torch
from torch.nn import functional as F

from core.errors import ConfigError
from core.cnn.kernels import (
    KERNELS,
    ConvStep,
    PoolStep,
    convolution_steps,
    convolve2d,
    convolve_image,
    kernel,
    luminance,
    output_size,
    pool2d,
    pooling_steps,
    relu,
    relu_steps,
)


def loop_correlate(image: np.ndarray, k: np.ndarray, stride: tuple[int, int], padding: tuple[int, int]) -> np.ndarray:
    """The textbook definition, one output pixel at a time, with no numpy tricks."""
    h, w = image.shape
    kh, kw = k.shape
    (sr, sc), (pr, pc) = stride, padding
    out_h, out_w = (h + 2 * pr - kh) // sr + 1, (w + 2 * pc - kw) // sc + 1
    out = np.zeros((out_h, out_w))
    for i in range(out_h):
        for j in range(out_w):
            total = 0.0
            for a in range(kh):
                for b in range(kw):
                    r, c = i * sr + a - pr, j * sc + b - pc
                    if 0 <= r < h and 0 <= c < w:  # outside the image is zero padding
                        total += float(image[r, c]) * float(k[a, b])
            out[i, j] = total
    return out


def torch_correlate(image: np.ndarray, k: np.ndarray, stride, padding) -> np.ndarray:
    x = torch.from_numpy(np.asarray(image, dtype=np.float32))[None, None]
    w = torch.from_numpy(np.asarray(k, dtype=np.float32))[None, None]
    return F.conv2d(x, w, stride=stride, padding=padding)[0, 0].numpy()


@pytest.fixture
def image() -> np.ndarray:
    return np.random.default_rng(0).normal(size=(9, 11)).astype(np.float32)


CASES = [
    ((3, 3), 1, 0),
    ((3, 3), 2, 1),
    ((3, 3), 3, 2),
    ((5, 5), 1, 2),
    ((5, 5), 2, 0),
    ((2, 2), 1, 0),  # even kernels are allowed, as in torch
    ((2, 3), (2, 1), (1, 0)),  # non-square kernel, per-axis stride and padding
    ((1, 1), 1, 0),
]


def _pair(value) -> tuple[int, int]:
    return value if isinstance(value, tuple) else (value, value)


@pytest.mark.parametrize("kshape, stride, padding", CASES)
def test_convolve2d_matches_a_double_loop_and_torch(image, kshape, stride, padding):
    k = np.random.default_rng(1).normal(size=kshape).astype(np.float32)
    out = convolve2d(image, k, stride, padding)
    assert out.dtype == np.float32
    np.testing.assert_allclose(out, loop_correlate(image, k, _pair(stride), _pair(padding)), rtol=1e-5, atol=1e-5)
    np.testing.assert_allclose(out, torch_correlate(image, k, stride, padding), rtol=1e-5, atol=1e-5)


def test_convolution_does_not_flip_the_kernel():
    image = np.zeros((3, 3), dtype=np.float32)
    image[1, 1] = 1.0
    k = np.arange(9, dtype=np.float32).reshape(3, 3)
    # A lone 1 in the middle picks out the kernel value opposite each output position:
    # correlation gives the kernel rotated by 180° (convolution would give it upright).
    np.testing.assert_array_equal(convolve2d(image, k, padding=1), k[::-1, ::-1])


@pytest.mark.parametrize("n, k, s, p, expected", [
    (28, 3, 1, 0, 26), (28, 3, 1, 1, 28), (28, 5, 2, 2, 14), (7, 3, 2, 0, 3), (8, 3, 2, 0, 3),
    (5, 5, 1, 0, 1), (1, 3, 1, 1, 1), (64, 2, 2, 0, 32),
])
def test_output_size_formula(n, k, s, p, expected):
    assert output_size(n, k, s, p) == expected == (n + 2 * p - k) // s + 1


@pytest.mark.parametrize("kshape, stride, padding", CASES)
def test_output_size_agrees_with_convolve2d(image, kshape, stride, padding):
    out = convolve2d(image, np.ones(kshape, dtype=np.float32), stride, padding)
    (sr, sc), (pr, pc) = _pair(stride), _pair(padding)
    assert out.shape == (output_size(9, kshape[0], sr, pr), output_size(11, kshape[1], sc, pc))


@pytest.mark.parametrize("kshape, stride, padding", CASES)
def test_convolution_steps_agree_with_convolve2d(image, kshape, stride, padding):
    k = np.random.default_rng(2).normal(size=kshape).astype(np.float32)
    out = convolve2d(image, k, stride, padding)
    steps = convolution_steps(image, k, stride, padding)
    assert len(steps) == out.size
    (sr, sc), (pr, pc) = _pair(stride), _pair(padding)
    padded = np.pad(image, ((pr, pr), (pc, pc)))
    for i, step in enumerate(steps):
        assert isinstance(step, ConvStep)
        assert step.index == i and (step.out_row, step.out_col) == divmod(i, out.shape[1])
        assert (step.top, step.left) == (step.out_row * sr, step.out_col * sc)
        np.testing.assert_array_equal(step.patch, padded[step.top:step.top + kshape[0], step.left:step.left + kshape[1]])
        np.testing.assert_array_equal(step.products, step.patch * k)
        assert step.output == pytest.approx(float(step.products.sum()), rel=1e-6, abs=1e-6)
        assert step.output == pytest.approx(float(out.flat[i]), rel=1e-5, abs=1e-5)


def test_padding_shows_as_zeros_in_the_first_patch():
    image = np.arange(1, 17, dtype=np.float32).reshape(4, 4)
    step = convolution_steps(image, np.ones((3, 3)), stride=1, padding=1)[0]
    assert (step.top, step.left) == (0, 0)
    np.testing.assert_array_equal(step.patch, [[0, 0, 0], [0, 1, 2], [0, 5, 6]])
    assert step.output == 14.0


def test_steps_are_lazy_and_indexable_anywhere():
    image = np.random.default_rng(3).random((64, 64), dtype=np.float32)
    steps = convolution_steps(image, kernel("sobel_x"), 1, 1)
    assert len(steps) == 4096
    last = steps[-1]
    assert steps[4095].index == last.index == 4095
    assert (last.out_row, last.out_col) == (63, 63)
    assert [s.index for s in steps[10:13]] == [10, 11, 12]
    assert last.output == pytest.approx(float(steps.output[63, 63]), abs=1e-5)
    with pytest.raises(IndexError):
        steps[4096]


def test_kernel_registry_shapes_and_copies():
    assert list(KERNELS) == ["identity", "box_blur", "gaussian_blur", "sharpen", "sobel_x", "sobel_y",
                             "laplacian", "emboss"]
    for name, spec in KERNELS.items():
        assert spec.title and spec.description
        for size in spec.sizes:
            k = kernel(name, size)
            assert k.shape == (size, size) and k.dtype == np.float32
    assert kernel("gaussian_blur", 5).shape == (5, 5)
    k = kernel("sharpen")
    k[0, 0] = 99  # editing a copy must not change the registry
    assert kernel("sharpen")[0, 0] == 0
    with pytest.raises(ConfigError, match="no kernel"):
        kernel("blurry")
    with pytest.raises(ConfigError, match="3×3 only"):
        kernel("emboss", 5)


@pytest.mark.parametrize("name", ["box_blur", "gaussian_blur"])
@pytest.mark.parametrize("size", [3, 5])
def test_blur_preserves_a_constant_image(name, size):
    flat = np.full((10, 12), 0.7, dtype=np.float32)
    np.testing.assert_allclose(convolve2d(flat, kernel(name, size)), 0.7, atol=1e-6)


@pytest.mark.parametrize("name", ["sharpen", "identity"])
def test_kernels_that_sum_to_one_keep_a_constant_image(name):
    flat = np.full((6, 6), 0.25, dtype=np.float32)
    np.testing.assert_allclose(convolve2d(flat, kernel(name)), 0.25, atol=1e-6)


@pytest.mark.parametrize("name", ["sobel_x", "sobel_y", "laplacian"])
def test_edge_kernels_ignore_flat_areas(name):
    np.testing.assert_allclose(convolve2d(np.full((6, 6), 3.0), kernel(name)), 0.0, atol=1e-6)


def test_sobel_x_responds_to_a_vertical_edge_and_sobel_y_does_not():
    image = np.zeros((8, 8), dtype=np.float32)
    image[:, 4:] = 1.0  # dark left half, bright right half
    gx = convolve2d(image, kernel("sobel_x"))
    gy = convolve2d(image, kernel("sobel_y"))
    assert gx[:, 2:4].min() > 0  # positive: brighter to the right
    np.testing.assert_array_equal(gx[:, [0, 5]], 0)  # nothing away from the edge
    np.testing.assert_array_equal(gy, 0)
    np.testing.assert_array_equal(convolve2d(image.T, kernel("sobel_y")), gx.T)


def test_identity_returns_the_image(image):
    np.testing.assert_array_equal(convolve2d(image, kernel("identity"), padding=1), image)
    np.testing.assert_array_equal(convolve2d(image, kernel("identity", 5), padding=2), image)


def test_colour_images_separately_or_as_luminance():
    rgb = np.random.default_rng(4).random((7, 9, 3), dtype=np.float32)
    k = kernel("sharpen")
    each = convolve_image(rgb, k, stride=2, padding=1, channels="separate")
    assert each.shape == (4, 5, 3)
    for c in range(3):
        np.testing.assert_allclose(each[..., c], convolve2d(rgb[..., c], k, 2, 1))
    grey = convolve_image(rgb, k, stride=2, padding=1, channels="luminance")
    assert grey.shape == (4, 5)
    expected_grey = 0.299 * rgb[..., 0] + 0.587 * rgb[..., 1] + 0.114 * rgb[..., 2]
    np.testing.assert_allclose(luminance(rgb), expected_grey, rtol=1e-6)
    np.testing.assert_allclose(grey, convolve2d(expected_grey, k, 2, 1), rtol=1e-5, atol=1e-6)
    np.testing.assert_array_equal(convolve_image(rgb[..., 0], k), convolve2d(rgb[..., 0], k))
    with pytest.raises(ConfigError, match="channel mode"):
        convolve_image(rgb, k, channels="red")
    with pytest.raises(ConfigError, match="RGB"):
        convolve_image(rgb[..., :2], k, channels="luminance")


@pytest.mark.parametrize("kwargs, message", [
    ({"stride": 0}, "stride must be at least 1"),
    ({"stride": -2}, "stride must be at least 1"),
    ({"stride": 1.5}, "whole number"),
    ({"stride": True}, "whole number"),
    ({"stride": (1, 2, 3)}, "one whole number or two"),
    ({"padding": -1}, "padding must be at least 0"),
    ({"padding": "same"}, "whole number"),
])
def test_bad_stride_or_padding_is_a_config_error(image, kwargs, message):
    with pytest.raises(ConfigError, match=message):
        convolve2d(image, kernel("box_blur"), **kwargs)
    with pytest.raises(ConfigError, match=message):
        convolution_steps(image, kernel("box_blur"), **kwargs)


def test_bad_kernels_and_images_are_config_errors(image):
    with pytest.raises(ConfigError, match="does not fit"):
        convolve2d(np.ones((3, 3)), np.ones((5, 5)))
    convolve2d(np.ones((3, 3)), np.ones((5, 5)), padding=1)  # fits once padded
    with pytest.raises(ConfigError, match="2-D"):
        convolve2d(image, np.ones(3))
    with pytest.raises(ConfigError, match="2-D"):
        convolve2d(image, np.ones((0, 3)))
    with pytest.raises(ConfigError, match="2-D"):
        convolve2d(np.ones((2, 3, 4)), np.ones((3, 3)))
    with pytest.raises(ConfigError, match="finite"):
        convolve2d(image, [[1, np.nan], [0, 1]])
    with pytest.raises(ConfigError):
        output_size(3, 5, 1, 0)
    with pytest.raises(ConfigError):
        output_size(3, 3, 0, 0)
    assert issubclass(ConfigError, ValueError)


def test_relu_steps_show_each_element_before_and_after():
    x = np.array([[-1.5, 0.0, 2.0], [3.25, -0.5, 1.0]], dtype=np.float32)
    steps = relu_steps(x)
    assert len(steps) == 6
    assert [(s.row, s.col, s.before, s.after) for s in steps] == [
        (0, 0, -1.5, 0.0), (0, 1, 0.0, 0.0), (0, 2, 2.0, 2.0),
        (1, 0, 3.25, 3.25), (1, 1, -0.5, 0.0), (1, 2, 1.0, 1.0),
    ]
    np.testing.assert_array_equal(relu(x), F.relu(torch.from_numpy(x)).numpy())
    np.testing.assert_array_equal(steps.output, relu(x))


POOL_CASES = [(2, None), (2, 1), (3, 2), (3, None), ((2, 3), (1, 2))]


@pytest.mark.parametrize("mode", ["max", "avg"])
@pytest.mark.parametrize("size, stride", POOL_CASES)
def test_pool2d_matches_torch(image, mode, size, stride):
    x = torch.from_numpy(image)[None, None]
    pool = F.max_pool2d if mode == "max" else F.avg_pool2d
    expected = pool(x, size, stride)[0, 0].numpy()
    out = pool2d(image, size, stride, mode)
    assert out.dtype == np.float32
    np.testing.assert_allclose(out, expected, rtol=1e-6, atol=1e-6)


@pytest.mark.parametrize("mode", ["max", "avg"])
@pytest.mark.parametrize("size, stride", POOL_CASES)
def test_pooling_steps_agree_with_pool2d(image, mode, size, stride):
    out = pool2d(image, size, stride, mode)
    steps = pooling_steps(image, size, stride, mode)
    kh, kw = _pair(size)
    sr, sc = _pair(stride) if stride is not None else (kh, kw)
    assert len(steps) == out.size
    for i, step in enumerate(steps):
        assert isinstance(step, PoolStep)
        assert (step.out_row, step.out_col) == divmod(i, out.shape[1])
        assert (step.top, step.left) == (step.out_row * sr, step.out_col * sc)
        np.testing.assert_array_equal(step.window, image[step.top:step.top + kh, step.left:step.left + kw])
        assert step.output == pytest.approx(float(out.flat[i]), rel=1e-6, abs=1e-6)
        if mode == "max":
            assert step.window[step.winner] == step.window.max() == step.output
        else:
            assert step.winner is None


def test_max_pooling_names_the_winning_element():
    x = np.array([[1, 5, 0, 0], [2, 3, 0, 7], [9, 9, 1, 1], [0, 0, 1, 1]], dtype=np.float32)
    steps = pooling_steps(x, 2, mode="max")
    assert [(s.winner, s.output) for s in steps] == [((0, 1), 5.0), ((1, 1), 7.0), ((0, 0), 9.0), ((0, 0), 1.0)]


def test_bad_pooling_arguments_are_config_errors(image):
    with pytest.raises(ConfigError, match="pooling mode"):
        pool2d(image, 2, mode="median")
    with pytest.raises(ConfigError, match="does not fit"):
        pool2d(np.ones((3, 3)), 4)
    with pytest.raises(ConfigError, match="at least 1"):
        pool2d(image, 0)
    with pytest.raises(ConfigError, match="stride must be at least 1"):
        pooling_steps(image, 2, stride=0)
