""""Where does it look?": the panel shows core.cnn.attribution's maps for the lab's model, image and class.

The models are the conftest's seeded networks. Every expected map is computed here with the core's
functions on the same input, then brought to the panel's colour levels with a formula written out
in this file (level = round(255 · clip(map / max, 0, 1))), independently of the view's own code.
"""

from __future__ import annotations

import numpy as np
import pytest
import torch
from PySide6.QtCore import QPoint, Qt

from core.cnn.analysis import open_model, prepare_input
from core.cnn.attribution import default_layer, explain, grad_cam, gradient_saliency, occlusion, spatial_layers
from core.data.images import from_array
from core.data.sample_images import sample_image
from core.data.synthetic_images import draw_digit
from gui.convolution.explain.model_shelf import LIVE_MODEL, LiveNetwork
from gui.convolution.explain.saliency.saliency_panel import SaliencyPanel
from gui.convolution.state import SaliencyState

WAIT_MS = 20_000


def levels_of(values: np.ndarray) -> np.ndarray:
    top = float(values.max())
    top = top if top > 0 else 1.0
    return np.rint(np.clip(values / top, 0.0, 1.0) * 255.0).astype(int)


def assert_shows(column, values: np.ndarray) -> None:
    """The column draws `values` to display rounding: colour levels off by at most one."""
    assert column.levels is not None and column.levels.shape == values.shape
    assert np.abs(column.levels.astype(int) - levels_of(values)).max() <= 1


def sample(name: str = "digit 7"):
    return from_array(sample_image(name), name)


@pytest.fixture
def panel(qtbot, models_dir):
    panel = SaliencyPanel(models_dir)
    panel.replay.pace = 0  # everything the worker sent, at the next tick: the tests need no classroom pace
    qtbot.addWidget(panel)
    panel.resize(900, 520)
    panel.show()
    qtbot.waitExposed(panel)
    yield panel
    panel.shutdown()


def show(qtbot, panel: SaliencyPanel, image, model: str = "digits", occlusion: bool = True) -> None:
    """Give the panel an image and wait until its maps (and its occlusion, if asked) are on screen."""
    with qtbot.waitSignal(panel.explained, timeout=WAIT_MS):
        if occlusion:
            with qtbot.waitSignal(panel.occlusion_finished, timeout=WAIT_MS):
                panel.set_model(model)
                panel.set_image(image)
        else:
            panel.set_model(model)
            panel.set_image(image)
    qtbot.waitUntil(lambda: not panel.pending and not panel.occluding, timeout=WAIT_MS)


def test_the_three_maps_are_the_cores_for_the_predicted_class(qtbot, panel, models_dir):
    show(qtbot, panel, sample())
    model, info = open_model("digits", models_dir)
    x = prepare_input(sample(), info)
    gradient = gradient_saliency(model, x)
    assert panel.target is None and panel.view.reference.target == gradient.target
    assert_shows(panel.view.columns["gradient"], gradient.map)
    assert_shows(panel.view.columns["gradcam"], grad_cam(model, x).map)
    assert_shows(panel.view.columns["occlusion"], occlusion(model, x, window=6, stride=2).map)
    # The bars are the softmax, with class names and percentages; ▶ marks the class explained.
    texts = panel.view.bars.texts()
    assert len(texts) == 10 and texts[gradient.target].startswith(str(gradient.target))
    assert np.allclose(panel.view.bars.probs, gradient.probs)
    # The image under the maps is the network's input, de-normalised: opacity 0 shows it alone.
    panel.view.opacity.setValue(0)
    shown = panel.view.columns["gradient"].picture.pixels[:, :, 0].astype(float) / 255
    assert np.abs(shown - np.clip(x[0] * 0.3081 + 0.1307, 0, 1)).max() <= 1 / 255 + 1e-6


def bar_point(panel: SaliencyPanel, index: int) -> QPoint:
    bars = panel.view.bars
    return QPoint(bars.width() // 2, int((index + 0.5) * bars._row_height()))


def test_clicking_a_bar_explains_that_class_and_back_returns_to_the_answer(qtbot, panel, models_dir):
    show(qtbot, panel, sample())
    predicted = panel.view.reference.target
    other = (predicted + 3) % 10
    with qtbot.waitSignal(panel.occlusion_finished, timeout=WAIT_MS):
        qtbot.mouseClick(panel.view.bars, Qt.MouseButton.LeftButton, pos=bar_point(panel, other))
    qtbot.waitUntil(lambda: not panel.pending and panel.view.reference.target == other, timeout=WAIT_MS)
    assert panel.target == other and panel.view.bars.explained == other
    model, info = open_model("digits", models_dir)
    x = prepare_input(sample(), info)
    for method, expected in (("gradient", gradient_saliency(model, x, other).map),
                             ("gradcam", grad_cam(model, x, other).map),
                             ("occlusion", occlusion(model, x, other).map)):
        assert_shows(panel.view.columns[method], expected)
    assert not np.array_equal(gradient_saliency(model, x, other).map, gradient_saliency(model, x, predicted).map)
    assert str(other) in panel.view.explaining.text()
    qtbot.mouseClick(panel.view.back_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not panel.pending and panel.view.reference.target == predicted, timeout=WAIT_MS)
    assert panel.target is None
    assert_shows(panel.view.columns["gradient"], gradient_saliency(model, x, predicted).map)


def test_the_layer_combo_lists_the_spatial_layers_and_choosing_one_redraws_grad_cam(qtbot, panel, models_dir):
    show(qtbot, panel, sample(), occlusion=False)
    model, info = open_model("digits", models_dir)
    x = prepare_input(sample(), info)
    combo = panel.view.layer_combo
    assert [combo.itemText(i) for i in range(combo.count())] == list(spatial_layers(model, x.shape))
    assert combo.currentText() == default_layer(model) == "relu2"
    with qtbot.waitSignal(panel.explained, timeout=WAIT_MS):
        combo.setCurrentIndex(combo.findText("conv1"))
        combo.activated.emit(combo.currentIndex())
    qtbot.waitUntil(lambda: not panel.pending, timeout=WAIT_MS)
    assert panel.layer == "conv1" and panel.view.cheap[1].layer == "conv1"
    assert_shows(panel.view.columns["gradcam"], grad_cam(model, x, layer="conv1").map)
    assert "conv1" in panel.view.columns["gradcam"].sentence.text()


def test_occlusion_is_animated_square_by_square_to_the_end(qtbot, panel, models_dir):
    show(qtbot, panel, sample(), occlusion=False)
    panel.replay.pace = 0.05  # a fiftieth of the classroom's pace: a few frames, still square by square
    squares, frames = set(), []
    panel.replay.progressed.connect(lambda: (squares.add(panel.replay.square), frames.append(panel.replay.done)))
    with qtbot.waitSignal(panel.occlusion_finished, timeout=WAIT_MS):
        panel.run_occlusion()
    total = len(frames) and panel.replay.total
    assert total == 144  # 12 × 12 places of a 6-pixel square in steps of 2 over 28 pixels
    assert len(frames) > 3 and frames == sorted(frames) and frames[-1] == total and len(squares) > 3
    model, info = open_model("digits", models_dir)
    assert_shows(panel.view.columns["occlusion"], occlusion(model, prepare_input(sample(), info)).map)
    assert panel.view.columns["occlusion"].picture.square is None and not panel.view.stop_button.isEnabled()


def test_stop_halts_the_square_where_it_is(qtbot, panel):
    show(qtbot, panel, sample(), occlusion=False)
    panel.replay.pace = 1.0  # the classroom's pace: a few seconds, time to press Stop
    panel.run_occlusion()
    qtbot.waitUntil(lambda: panel.replay.done > 0, timeout=WAIT_MS)
    with qtbot.waitSignal(panel.occlusion_stopped, timeout=WAIT_MS):
        qtbot.mouseClick(panel.view.stop_button, Qt.MouseButton.LeftButton)
    done = panel.replay.done
    assert not panel.occluding and not panel.replay._timer.isActive() and done < panel.replay.total
    assert panel.view.columns["occlusion"].sentence.text().startswith(f"Stopped after {done} of 144")
    # Run occlusion starts again from the first place.
    panel.replay.pace = 0
    with qtbot.waitSignal(panel.occlusion_finished, timeout=WAIT_MS):
        qtbot.mouseClick(panel.view.run_button, Qt.MouseButton.LeftButton)
    assert panel.replay.done == 144


def test_a_window_larger_than_the_image_is_one_sentence_and_the_maps_stay(qtbot, panel):
    show(qtbot, panel, sample())
    before = panel.view.columns["gradient"].levels.copy()
    with qtbot.waitSignal(panel.occlusion_stopped, timeout=WAIT_MS):
        panel.view.window_spin.setValue(40)
    sentence = panel.view.columns["occlusion"].sentence.text()
    assert sentence == "The occlusion window must be from 1 to 28 pixels for this image, not 40."
    assert np.array_equal(panel.view.columns["gradient"].levels, before) and not panel.occluding
    with qtbot.waitSignal(panel.occlusion_stopped, timeout=WAIT_MS):
        panel.view.window_spin.setValue(4)
        panel.view.stride_spin.setValue(5)  # a step larger than the square leaves pixels uncovered
    assert "stride must be from 1 to the window (4 pixels)" in panel.view.columns["occlusion"].sentence.text()


def test_a_new_drawing_redraws_the_maps(qtbot, panel, models_dir):
    show(qtbot, panel, sample(), occlusion=False)
    drawing = from_array(draw_digit(3, 0, 140), "your drawing")
    with qtbot.waitSignal(panel.explained, timeout=WAIT_MS):
        panel.set_image(drawing, settled=False)  # mid-stroke: the cheap maps only
    assert not panel.occluding
    qtbot.waitUntil(lambda: not panel.pending, timeout=WAIT_MS)
    model, info = open_model("digits", models_dir)
    assert_shows(panel.view.columns["gradient"], gradient_saliency(model, prepare_input(drawing, info)).map)
    with qtbot.waitSignal(panel.occlusion_finished, timeout=WAIT_MS):
        panel.set_image(from_array(draw_digit(3, 0, 140), "your drawing"), settled=True)  # the pen lifted


def test_training_weights_redraw_the_cheap_maps_and_leave_occlusion_alone(qtbot, panel, models_dir):
    model, info = open_model("digits", models_dir)
    weights = {key: value.detach().numpy().copy() for key, value in model.state_dict().items()}
    panel.set_live_network(LiveNetwork("digits", info, weights))
    show(qtbot, panel, sample(), model=LIVE_MODEL)
    occluded = panel.view.columns["occlusion"].levels.copy()
    torch.manual_seed(5)
    changed = {key: value + np.random.default_rng(1).normal(0, 0.05, value.shape).astype(value.dtype)
               for key, value in weights.items()}
    with qtbot.waitSignal(panel.explained, timeout=WAIT_MS):
        panel.set_live_weights(changed)
    qtbot.waitUntil(lambda: not panel.pending, timeout=WAIT_MS)
    model.load_state_dict({key: torch.from_numpy(value) for key, value in changed.items()})
    x = prepare_input(sample(), info)
    assert_shows(panel.view.columns["gradient"], gradient_saliency(model, x).map)
    assert_shows(panel.view.columns["gradcam"], grad_cam(model, x).map)
    assert not panel.occluding and np.array_equal(panel.view.columns["occlusion"].levels, occluded)
    assert "while the network trains" in panel.view.run_button.toolTip()


def test_the_choices_round_trip_through_the_state(qtbot, panel):
    show(qtbot, panel, sample(), occlusion=False)
    state = SaliencyState(target=4, layer="conv1", window=5, stride=3, opacity=0.25)
    with qtbot.waitSignal(panel.occlusion_finished, timeout=WAIT_MS):
        panel.apply_state(state)
    qtbot.waitUntil(lambda: not panel.pending, timeout=WAIT_MS)
    assert panel.state() == state
    assert panel.view.reference.target == 4 and panel.view.cheap[1].layer == "conv1"
    assert panel.view.columns["occlusion"].values.shape == (28, 28) and panel.replay.window == 5


def test_saliency_state_checks_each_key_on_its_own():
    state = SaliencyState(target=7, layer="relu1", window=9, stride=4, opacity=0.8)
    assert SaliencyState.from_dict(state.to_dict()) == state
    broken = SaliencyState.from_dict({"target": -1, "layer": 5, "window": 0, "stride": 3, "opacity": 2})
    assert broken == SaliencyState(stride=3)
    assert SaliencyState.from_dict({"target": None, "window": 8.0}) == SaliencyState(window=8)
    assert SaliencyState.from_dict("nonsense") == SaliencyState()


def test_an_unexpected_worker_error_is_one_sentence_and_the_next_request_works(qtbot, panel, monkeypatch):
    import gui.convolution.explain.saliency.saliency_worker as worker_module
    real = worker_module.gradient_saliency
    calls = []

    def broken(*arguments, **options):
        calls.append(1)
        if len(calls) == 1:
            raise RuntimeError("boom")
        return real(*arguments, **options)

    monkeypatch.setattr(worker_module, "gradient_saliency", broken)
    with qtbot.waitSignal(panel.runner.failed, timeout=WAIT_MS):
        panel.set_model("digits")
        panel.set_image(sample())
    assert "boom" in panel.view.explaining.text()
    with qtbot.waitSignal(panel.explained, timeout=WAIT_MS):
        panel.set_image(sample("digit 3"))
    assert panel.view.reference is not None and "boom" not in panel.view.explaining.text()


def test_pointing_at_a_pixel_marks_its_value_on_the_colour_bar(qtbot, panel):
    show(qtbot, panel, sample(), occlusion=False)
    column = panel.view.columns["gradient"]
    rect = column.picture.picture_rect()
    row, col = 10, 17  # the point below is in this pixel of the 28×28 input
    point = QPoint(int(rect.left() + (col + 0.5) * rect.width() / 28), int(rect.top() + (row + 0.5) * rect.height() / 28))
    qtbot.mouseMove(column.picture, point)
    qtbot.waitUntil(lambda: column.bar.marker is not None, timeout=WAIT_MS)
    fraction, text = column.bar.marker
    assert fraction == pytest.approx(column.values[row, col] / column.values.max(), abs=1e-6)
    column.picture.hovered.emit(-1, -1)
    assert column.bar.marker is None


# ---------------------------------------------------------------------- the picture for a slide (snapshot)
def figure_of(qtbot, models_dir, methods, size, target=None, window=6, stride=2):
    """pictures.saliency_widget for the 7 sample through the seeded digits model, shown at `size`."""
    from gui.convolution.explain.pictures import saliency_widget

    model, info = open_model("digits", models_dir)
    x = prepare_input(sample(), info)
    settings = {"occlusion": {"window": window, "stride": stride}}
    answers = {method: explain(method, model, x, target, info.class_names, **settings.get(method, {}))
               for method in methods}
    widget = saliency_widget(answers, info)
    qtbot.addWidget(widget)
    widget.resize(*size)
    widget.show()
    qtbot.waitExposed(widget)
    return widget, answers


def test_the_figure_says_the_controls_in_words_and_shows_no_control(qtbot, models_dir):
    widget, answers = figure_of(qtbot, models_dir, ("gradient", "gradcam", "occlusion"), (1024, 768), window=5,
                                stride=3)
    for control in (widget.back_button, widget.opacity, widget.opacity_label, widget.layer_combo,
                    widget.layer_label, widget.window_spin, widget.stride_spin, widget.run_button,
                    widget.stop_button):
        assert not control.isVisible()
    assert widget.facts["gradcam"].text() == f"layer {answers['gradcam'].layer}" == "layer relu2"
    assert widget.facts["occlusion"].text() == "square 5 px, step 3"
    assert widget.bars_title.text() == "Class probabilities" and widget.bars.isVisible()
    for method, answer in answers.items():  # the core's maps, drawn as the live view draws them
        assert widget.columns[method].picture.isVisible()
        assert_shows(widget.columns[method], answer.map)


def test_the_figure_draws_only_the_methods_given_and_gives_them_the_room(qtbot, models_dir):
    widget, answers = figure_of(qtbot, models_dir, ("gradcam",), (1024, 768))
    assert widget.methods == ("gradcam",)
    for method in ("gradient", "occlusion"):
        column = widget.columns[method]
        assert not any(part.isVisible() for part in (column.title, column.picture, column.bar, column.sentence))
    picture = widget.columns["gradcam"].picture.geometry()
    assert picture.width() == picture.height() >= 768 // 2  # one map: as tall as the height allows
    assert_shows(widget.columns["gradcam"], answers["gradcam"].map)


@pytest.mark.parametrize("size", [(700, 450), (1024, 768), (1920, 1080)])
def test_the_figure_fits_its_room_with_its_words_close_under_square_maps(qtbot, models_dir, size):
    widget, _ = figure_of(qtbot, models_dir, ("gradient", "gradcam", "occlusion"), size)
    minimum = widget.minimumSizeHint()
    assert minimum.width() <= 700 and minimum.height() <= 450  # drawn as it is at 700×450, never scaled down
    room = widget.rect()
    assert widget.explaining.shown_text() == widget.explaining.text()  # the title whole, not cut
    sides = set()
    for method in widget.methods:
        column = widget.columns[method]
        picture, bar, sentence = column.picture.geometry(), column.bar.geometry(), column.sentence.geometry()
        sides.add((picture.width(), picture.height()))
        assert room.contains(picture) and room.contains(bar)
        assert 0 <= bar.top() - picture.bottom() <= 8 and 0 <= sentence.top() - bar.bottom() <= 8
        assert column.sentence.shown_text() == column.sentence.text()  # every sentence whole
        others = [widget.columns[other].picture.geometry() for other in widget.methods if other != method]
        assert not any(picture.intersects(other) for other in others)
    (side,) = sides
    assert side[0] == side[1]  # square, and all three alike
    # As large as the room allows: either the width is used up (three maps and the bars side by side) or the
    # height is (the words under the maps reach the bottom margin).
    used_width = widget.side.geometry().right() - widget.columns["gradient"].picture.geometry().left()
    used_height = widget.legend.geometry().top() + widget.legend.fontMetrics().height() - widget.explaining.y()
    assert used_width >= room.width() - 40 or used_height >= room.height() - 40
    assert widget.side.geometry().bottom() <= room.bottom() and widget.side.geometry().right() <= room.right()


def test_a_map_of_the_model_before_is_dropped_when_the_image_changes_size(qtbot):
    """Occlusion of a 28×28 digit is on screen when the shapes model's 64×64 picture arrives (the model was
    changed): the old map is dropped, not blended over an image it does not fit (the monkey found this)."""
    from gui.convolution.explain.saliency.saliency_view import SaliencyView

    view = SaliencyView()
    qtbot.addWidget(view)
    column = view.columns["occlusion"]
    column.show_map(np.zeros((28, 28, 3)), np.linspace(0, 1, 28 * 28).reshape(28, 28), 0.6)
    assert column.levels is not None

    column.redraw(np.zeros((64, 64, 3)), 0.6)

    assert column.levels is None and column.values is None
    assert column.picture.pixels.shape == (64, 64, 3)
