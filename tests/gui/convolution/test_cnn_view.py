"""CNNView draws a FeatureRecord: one image per map, normalised as chosen, reused live, with a detail window."""

import numpy as np
import pytest
import torch
from PySide6.QtCore import QPointF, Qt

from core.cnn.feature_maps import compute_features, global_range_of, normalise_maps
from core.nets.cnn import build_cnn
from gui.convolution.cnn_panels import percent_text
from gui.style.colours import SIGNED_LUT
from gui.style.numbers import fixed
from gui.convolution.cnn_view import CNNView

DIGITS = tuple(str(i) for i in range(10))
SHAPES = ("circle", "square", "triangle", "star", "house", "tree")


def seven(shift: int = 0) -> np.ndarray:
    """A white-on-black 7, as the digit model is fed, 1×28×28."""
    image = np.zeros((28, 28), np.float32)
    image[6:9, 6 + shift:22 + shift] = 1.0
    for row in range(9, 24):
        col = 20 + shift - (row - 9) // 2
        image[row, col - 1:col + 2] = 1.0
    return image[None]


@pytest.fixture(scope="module")
def digits_model():
    torch.manual_seed(0)
    return build_cnn("digits")


@pytest.fixture(scope="module")
def record(digits_model):
    return compute_features(digits_model, seven(), DIGITS)


@pytest.fixture
def view(qtbot) -> CNNView:
    widget = CNNView()
    qtbot.addWidget(widget)
    widget.resize(1600, 900)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def spatial(record):
    return [layer for layer in record.layers if layer.is_spatial]


def test_one_image_per_map_of_every_layer_and_input_channel(view, record):
    view.show_record(record)
    assert [layer.name for layer in spatial(record)] == ["conv1", "relu1", "pool1", "conv2", "relu2", "pool2"]
    for layer in spatial(record):
        n = layer.output.shape[0]
        items = [view.map_item(layer.name, i) for i in range(n)]
        assert len({id(item) for item in items}) == n
        assert all(item.image.shape == layer.output.shape[1:] for item in items)
        with pytest.raises(IndexError):
            view.map_item(layer.name, n)
    assert view.map_item("input", 0).image.shape == (28, 28)


@pytest.mark.parametrize("mode", ["map", "layer", "global"])
def test_maps_show_the_normalised_values_of_the_chosen_mode(view, record, mode):
    view.show_record(record)
    view.set_normalisation(mode)
    assert view.mode == mode and view.scale_combo.currentIndex() == ("map", "layer", "global").index(mode)
    span = global_range_of(record) if mode == "global" else None
    for layer in spatial(record):
        expected = normalise_maps(layer.output, mode, span)
        for i in range(layer.output.shape[0]):
            item = view.map_item(layer.name, i)
            assert item.image.dtype == np.uint8
            np.testing.assert_array_equal(item.image, expected[i])
            assert tuple(item.levels) == (0, 255)


def test_the_palette_puts_white_at_zero_blue_below_and_orange_above(view, record):
    view.show_record(record)
    conv = record.layer("conv1").output
    index = next(i for i in range(conv.shape[0]) if conv[i].min() < 0 < conv[i].max())
    item = view.map_item("conv1", index)
    lo, hi = float(conv[index].min()), float(conv[index].max())
    zero_level = round(255 * (0 - lo) / (hi - lo))
    assert item.lut[zero_level, :3].min() >= 235  # white (or nearly, between two levels) at 0
    r, g, b = item.lut[0, :3].astype(int)
    assert b > r  # the most negative value is blue
    r, g, b = item.lut[255, :3].astype(int)
    assert r > b  # the most positive is orange/vermillion
    dead = normalise_maps(record.layer("relu1").output, "map")  # ReLU maps: level 0 is exactly 0, drawn white
    relu = record.layer("relu1").output
    i = next(i for i in range(relu.shape[0]) if relu[i].min() == 0 and relu[i].max() > 0)
    assert dead[i].min() == 0 and (view.map_item("relu1", i).lut[0, :3] == 255).all()


def test_a_record_of_the_same_structure_reuses_the_items(view, digits_model, record):
    view.show_record(record)
    before = {(layer.name, i): view.map_item(layer.name, i)
              for layer in spatial(record) for i in range(layer.output.shape[0])}
    strip = view._strips["fc1"]
    second = compute_features(digits_model, seven(shift=3), DIGITS)
    view.show_record(second)
    for (name, i), item in before.items():
        assert view.map_item(name, i) is item
        np.testing.assert_array_equal(item.image, normalise_maps(second.layer(name).output, "map")[i])
    assert view._strips["fc1"] is strip
    assert view.record is second


def test_a_new_structure_rebuilds_for_the_rgb_model(view, record):
    view.show_record(record)
    torch.manual_seed(1)
    rgb = np.random.default_rng(0).uniform(size=(3, 64, 64)).astype(np.float32)
    shapes = compute_features(build_cnn("shapes"), rgb, SHAPES)
    view.show_record(shapes)
    assert len([view.map_item("input", c) for c in range(3)]) == 3
    assert view.map_item("conv3", 31).image.shape == (16, 16)
    assert view._composite is not None and view._composite.image.shape == (64, 64, 3)
    assert view.map_item("conv1", 0).image.shape == (64, 64)
    with pytest.raises(KeyError):
        view.map_item("conv4", 0)


def test_probability_bars_and_the_top_class_sentence(view, record):
    view.show_record(record)
    texts = view.probability_texts()
    assert len(texts) == 10
    for name, p, text in zip(DIGITS, record.probs, texts):
        assert text == f"{name} {percent_text(p)}"
    top = record.top_class
    assert view.top_class_text() in (f"It's a {DIGITS[top]} ({percent_text(record.probs[top])})",
                                     f"It's an {DIGITS[top]} ({percent_text(record.probs[top])})")
    np.testing.assert_allclose(view._bars.opts["width"] / view._bars.opts["width"].sum(),
                               record.probs / record.probs.sum(), atol=1e-9)
    assert percent_text(0.934) == "93%" and percent_text(0.004) == "0.4%"
    assert view._top_sentence("8", 0.5) == "It's an 8 (50%)" and view._top_sentence("7", 0.93) == "It's a 7 (93%)"


def test_the_detail_of_a_conv_map_shows_its_kernels_and_bias(view, record):
    view.show_record(record)
    conv2 = record.layer("conv2")
    detail = view.open_detail("conv2", 5)
    assert detail.isVisible()
    kernels = view.detail_kernel_arrays()
    assert len(kernels) == 8
    for i, kernel in enumerate(kernels):
        np.testing.assert_array_equal(kernel, conv2.weight[5, i])
    assert view.detail_bias() == pytest.approx(float(conv2.bias[5]))
    assert fixed(float(conv2.bias[5]), 2) in detail.explain.text()
    assert [text.text() for text in detail.numbers[2]] == [fixed(float(w), 2) for w in conv2.weight[5, 2].ravel()]
    np.testing.assert_array_equal(detail.images[0].image, normalise_maps(conv2.output[5:6], "map")[0])
    assert detail.images[1].lut is SIGNED_LUT or np.array_equal(detail.images[1].lut, SIGNED_LUT)


def test_the_detail_follows_live_records(view, digits_model, record):
    view.show_record(record)
    view.open_detail("conv1", 2)
    assert len(view.detail_kernel_arrays()) == 1
    trained = build_cnn("digits")
    trained.load_state_dict(digits_model.state_dict())
    with torch.no_grad():
        trained.conv1.weight.mul_(-2.0)
    view.show_record(compute_features(trained, seven(), DIGITS))
    np.testing.assert_array_equal(view.detail_kernel_arrays()[0], -2.0 * record.layer("conv1").weight[2, 0])


def test_relu_and_pool_details_show_before_and_after(view, record):
    view.show_record(record)
    detail = view.open_detail("pool1", 3)
    assert view.detail_kernel_arrays() == [] and view.detail_bias() is None
    assert detail.images[0].image.shape == (28, 28) and detail.images[1].image.shape == (14, 14)
    detail = view.open_detail("relu2", 0)
    before, after = record.layer("conv2").output[0], record.layer("relu2").output[0]
    span = (float(min(before.min(), after.min())), float(max(before.max(), after.max())))
    np.testing.assert_array_equal(detail.images[0].image, normalise_maps(before[None], "global", span)[0])
    np.testing.assert_array_equal(detail.images[1].image, normalise_maps(after[None], "global", span)[0])


def test_clicking_a_map_emits_map_clicked_and_opens_the_detail(qtbot, view, record):
    view.show_record(record)
    item = view.map_item("conv2", 7)
    centre = item.mapToScene(item.boundingRect().center())
    where = view.graphics.mapFromScene(centre)
    with qtbot.waitSignal(view.map_clicked, timeout=2000) as blocker:
        qtbot.mouseClick(view.graphics.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert blocker.args == ["conv2", 7]
    assert view.detail is not None and view.detail.isVisible()
    assert view.detail.layer_name == "conv2" and view.detail.index == 7
    view.detail.close()
    view.map_clicked.emit("conv1", 1)  # the signal alone opens it too (e.g. from a lesson script)
    assert view.detail.isVisible() and view.detail.layer_name == "conv1"


def test_hovering_reads_out_the_value_under_the_mouse(view, record):
    view.show_record(record)
    item = view.map_item("pool2", 4)
    rect = item.mapRectToParent(item.boundingRect())
    inside = QPointF(rect.left() + rect.width() * (3.5 / 7), rect.top() + rect.height() * (1.5 / 7))  # row 2, col 4
    view._on_mouse_moved(view.view_box.mapViewToScene(inside))
    value = record.layer("pool2").output[4, 1, 3]
    assert view.readout.text().endswith(f"{value:.3f}".replace("-", "−"))
    assert "row 2, column 4" in view.readout.text()


def test_unknown_normalisation_is_refused(view):
    with pytest.raises(ValueError):
        view.set_normalisation("loudest")
    assert view.mode == "map"


def test_a_much_narrower_window_lays_the_columns_out_again(qtbot, view, record):
    view.show_record(record)
    wide = view._aspect
    view.resize(1000, 900)
    qtbot.waitUntil(lambda: abs(view._aspect - wide) > 0.2, timeout=3000)
    assert len(view._maps["conv2"]) == 16
    np.testing.assert_array_equal(view.map_item("conv2", 3).image, normalise_maps(record.layer("conv2").output, "map")[3])
    assert view.probability_texts()[0].startswith("0 ")
