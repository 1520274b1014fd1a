"""The kernel playground: every step shows exactly what core.cnn.kernels computes."""

import numpy as np
import pytest
from PySide6.QtCore import Qt

from core.data.images import from_array
from core.cnn.kernels import convolve2d, kernel, luminance, pool2d, relu
from gui.convolution.kernel_playground import KernelPlayground


def _image(height: int = 12, width: int = 16):
    """A horizontal gradient with a white square: edges in both directions, and a colour tint."""
    y, x = np.mgrid[0:height, 0:width]
    pixels = np.stack([x * 12, y * 15 + 30, 200 - x * 10], axis=-1).clip(0, 255).astype(np.uint8)
    pixels[3:8, 5:10] = 255
    return from_array(pixels, "test image")


@pytest.fixture
def image():
    return _image()


@pytest.fixture
def plane(image):
    return luminance(image.pixels)


@pytest.fixture
def playground(qtbot, image):
    view = KernelPlayground()
    qtbot.addWidget(view)
    view.resize(1600, 900)
    view.set_image(image)
    return view


def test_a_step_fills_one_output_pixel_with_the_core_value(playground, plane):
    expected = convolve2d(plane, kernel("sobel_x"))
    assert playground.current_step_index == -1
    assert np.isnan(playground.output_so_far()).all()
    for _ in range(5):
        playground.step()
    out = playground.output_so_far()
    assert playground.current_step_index == 4
    assert out.shape == expected.shape
    np.testing.assert_array_equal(out[0, :5], expected[0, :5])
    assert np.isnan(out[0, 5:]).all() and np.isnan(out[1:]).all()


def test_run_to_end_with_stride_and_padding_equals_convolve2d(playground, plane):
    assert playground.set_stride(2) and playground.set_padding(1)
    playground.run_to_end()
    expected = convolve2d(plane, kernel("sobel_x"), stride=2, padding=1)
    np.testing.assert_array_equal(playground.output_so_far(), expected)
    assert playground.current_step_index == expected.size - 1


def test_back_undoes_the_last_step(playground):
    playground.step()
    playground.step()
    playground.back()
    out = playground.output_so_far()
    assert playground.current_step_index == 0
    assert not np.isnan(out[0, 0]) and np.isnan(out[0, 1])
    playground.back()
    playground.back()  # already at the start: nothing to undo
    assert playground.current_step_index == -1 and np.isnan(playground.output_so_far()).all()


def test_changing_the_kernel_starts_again(playground, plane):
    playground.run_to_end()
    assert playground.set_kernel("gaussian_blur", 5)
    assert playground.current_step_index == -1
    assert playground.kernel_box.currentData() == "gaussian_blur" and playground.size_box.currentData() == 5
    playground.run_to_end()
    np.testing.assert_array_equal(playground.output_so_far(), convolve2d(plane, kernel("gaussian_blur", 5)))


def test_a_kernel_that_lacks_the_size_is_refused(playground):
    assert not playground.set_kernel("sharpen", 5)
    assert not playground.message.isHidden()
    assert "3×3" in playground.message.text()
    assert playground.settings.kernel_name == "sobel_x"


def test_a_typed_value_makes_a_custom_kernel_that_is_used(playground, plane):
    playground.editor.item(1, 1).setText("1/2")
    assert playground.kernel_box.currentData() == "custom"
    expected_kernel = kernel("sobel_x")
    expected_kernel[1, 1] = 0.5
    np.testing.assert_array_equal(playground.settings.kernel, expected_kernel)
    playground.run_to_end()
    np.testing.assert_array_equal(playground.output_so_far(), convolve2d(plane, expected_kernel))


def test_set_kernel_values_uses_the_numbers(playground, plane):
    values = np.array([[0, 0, 0], [0, 2, 0], [0, 0, -1]], dtype=np.float32)
    assert playground.set_kernel_values(values)
    assert playground.kernel_box.currentData() == "custom"
    assert playground.editor.item(1, 1).text() == "2"
    playground.step()
    assert playground.output_so_far()[0, 0] == convolve2d(plane, values)[0, 0]


def test_bad_kernel_text_is_refused_and_the_kernel_stays(playground):
    before = playground.settings.kernel.copy()
    playground.show()
    playground.editor.item(0, 0).setText("abc")
    assert playground.message.isVisible()
    assert "“abc” is not a number" in playground.message.text()
    np.testing.assert_array_equal(playground.settings.kernel, before)
    assert playground.editor.item(0, 0).text() == "−1"
    assert playground.kernel_box.currentData() == "sobel_x"
    playground.editor.item(0, 0).setText("3")  # a good value afterwards clears the message
    assert not playground.message.isVisible()


def test_the_formula_shows_the_real_numbers(playground):
    playground.set_stride(3)
    playground.set_padding(1)
    text = playground.formula_text()
    assert text == playground.formula.text()  # what the class sees
    assert "height: out = ⌊(n + 2p − k)/s⌋ + 1 = ⌊(12 + 2·1 − 3)/3⌋ + 1 = ⌊3.67⌋ + 1 = 4" in text
    assert "width: out = (n + 2p − k)/s + 1 = (16 + 2·1 − 3)/3 + 1 = 6" in text
    assert playground.output_so_far().shape == (4, 6)


def test_relu_steps_match_core(playground, plane):
    assert playground.set_operation("relu")
    conv = convolve2d(plane, kernel("sobel_x"))
    assert conv.min() < 0  # the test means something: some values are cut
    for _ in range(7):
        playground.step()
    expected = relu(conv)
    np.testing.assert_array_equal(playground.output_so_far().reshape(-1)[:7], expected.reshape(-1)[:7])
    playground.run_to_end()
    np.testing.assert_array_equal(playground.output_so_far(), expected)
    assert "max(" in playground.arithmetic.result.text()


@pytest.mark.parametrize("operation, mode", [("max_pool", "max"), ("avg_pool", "avg")])
def test_pooling_steps_match_core(playground, plane, operation, mode):
    assert playground.set_operation(operation) and playground.set_pooling(2, 2)
    expected = pool2d(relu(convolve2d(plane, kernel("sobel_x"))), 2, 2, mode)
    playground.step()
    playground.step()
    out = playground.output_so_far()
    assert out.shape == expected.shape
    np.testing.assert_array_equal(out[0, :2], expected[0, :2])
    assert np.isnan(out[0, 2])
    playground.run_to_end()
    np.testing.assert_array_equal(playground.output_so_far(), expected)
    assert "⌊(10 − 2)/2⌋" not in playground.formula_text()
    assert "(10 − 2)/2 + 1 = 5" in playground.formula_text()


def test_max_pooling_marks_the_winner(playground):
    playground.set_operation("max_pool")
    playground.step()
    assert playground.arithmetic.first.highlight is not None
    assert playground.input_panel.marker.getData()[0] is not None


def test_play_advances_on_the_clock_and_pauses(playground):
    playground.set_speed(10.0)
    playground.play()
    assert playground.playing
    playground.clock.advance(0.1)  # 0.1 s at 10× is 4 positions at 4 per second
    assert playground.current_step_index >= 3
    playground.pause()
    stopped_at = playground.current_step_index
    assert not playground.playing
    playground.clock.advance(1.0)  # paused: nothing more happens
    assert playground.current_step_index == stopped_at


def test_play_stops_at_the_end(playground):
    playground.set_grid(16)
    playground.set_stride(4)
    playground.set_speed(10.0)
    playground.play()
    for _ in range(100):  # at most 100 frames of 1/30 s: 133 positions at 10×, more than there are
        if not playground.playing:
            break
        playground.clock.advance(1 / 30)
    assert not playground.playing
    assert playground.current_step_index == playground.step_count - 1


def test_the_speed_slider_goes_from_a_tenth_to_ten_times(playground):
    slider = playground.playback.speed_slider
    slider.setValue(slider.minimum())
    assert playground.speed == pytest.approx(0.1)
    slider.setValue(slider.maximum())
    assert playground.speed == pytest.approx(10.0)
    slider.setValue(0)
    assert playground.speed == pytest.approx(1.0)


def test_channels_and_grid_size(qtbot):
    view = KernelPlayground()
    qtbot.addWidget(view)
    big = _image(80, 120)
    view.set_image(big)
    assert view.set_channel("G") and view.set_kernel("identity")
    view.run_to_end()
    out = view.output_so_far()
    assert max(out.shape) == 32 - 2  # shrunk to the 32 px grid, then a 3×3 kernel without padding
    assert view.set_grid(64)
    view.run_to_end()
    assert max(view.output_so_far().shape) == 64 - 2


def test_an_image_too_small_for_the_kernel_says_so(qtbot):
    view = KernelPlayground()
    qtbot.addWidget(view)
    view.set_image(from_array(np.zeros((2, 2, 3), np.uint8), "tiny"))
    assert not view.message.isHidden()
    assert "does not fit" in view.message.text()
    assert view.step_count == 0
    view.step()
    view.run_to_end()
    view.play()
    assert view.current_step_index == -1 and not view.playing
    assert view.set_padding(1)  # now it fits
    assert view.step_count == 4


def test_before_any_image_nothing_breaks(qtbot):
    view = KernelPlayground()
    qtbot.addWidget(view)
    view.step()
    view.play()
    view.back()
    assert view.current_step_index == -1
    assert view.output_so_far().size == 0
    assert view.set_kernel("laplacian")


def test_picking_a_kernel_in_the_menu_adapts_its_size(playground):
    playground.set_kernel("box_blur", 5)
    sharpen = playground.kernel_box.findData("sharpen")
    playground.kernel_box.setCurrentIndex(sharpen)
    playground.kernel_box.activated.emit(sharpen)  # what a click does
    assert playground.settings.kernel_name == "sharpen" and playground.settings.kernel.shape == (3, 3)
    assert not playground.size_box.model().item(1).isEnabled()  # Sharpen has no 5×5
    assert playground.kernel_box.itemData(sharpen, Qt.ItemDataRole.ToolTipRole).startswith("Boosts")


def test_the_spin_boxes_drive_the_steps(playground):
    playground.stride_spin.setValue(3)
    playground.padding_spin.setValue(2)
    assert (playground.settings.stride, playground.settings.padding) == (3, 2)
    assert playground.output_so_far().shape == ((12 + 4 - 3) // 3 + 1, (16 + 4 - 3) // 3 + 1)


def test_keyboard_shortcuts_step_and_go_back(playground, qtbot):
    playground.show()
    with qtbot.waitActive(playground):
        playground.activateWindow()
    playground.playback.step_button.setFocus()
    qtbot.keyClick(playground.playback.step_button, Qt.Key.Key_Period)
    qtbot.keyClick(playground.playback.step_button, Qt.Key.Key_Period)
    assert playground.current_step_index == 1
    qtbot.keyClick(playground.playback.step_button, Qt.Key.Key_Comma)
    assert playground.current_step_index == 0


def test_every_control_has_a_tooltip(playground):
    from PySide6.QtWidgets import QAbstractButton, QComboBox, QSlider, QSpinBox, QTableWidget

    controls = [w for kind in (QAbstractButton, QComboBox, QSlider, QSpinBox, QTableWidget)
                for w in playground.findChildren(kind) if not w.objectName().startswith("qt_")]
    assert len(controls) >= 14
    assert all(control.toolTip() for control in controls), [c for c in controls if not c.toolTip()]
