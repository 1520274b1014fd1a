"""The Convolution tab's state: state → tab → state gives the same state, and a broken file falls back per key."""

from __future__ import annotations

import json

import pytest

from gui.convolution.state import (TRAINING_SOURCES, ConvolutionState, DrawingState, ImageState, MapsState,
                                   PlaygroundState, TrainingState, as_kernel, slider_speed)
from gui.convolution.tab import ConvTab
from gui.convolution.training_panel import SOURCES, CnnTrainingPanel

STROKES = ((22.0, False, ((140.0, 40.0), (140.0, 240.0))), (44.0, True, ((60.0, 60.0),)),
           (30.0, False, ((60.0, 40.0), (120.5, 41.25), (220.0, 40.0))))



@pytest.fixture
def tab(qtbot, settings, models_dir) -> ConvTab:
    tab = ConvTab(settings, models_dir)
    qtbot.addWidget(tab)
    tab.resize(1400, 850)
    tab.show()
    qtbot.waitExposed(tab)
    return tab


def non_default_state() -> ConvolutionState:
    return ConvolutionState(
        model="shapes", image=ImageState("sample", "scene"), view="playground",
        maps=MapsState(scaling="layer", detail=("conv1", 2)),
        drawing=DrawingState(pen_width=30, strokes=STROKES),
        playground=PlaygroundState(operation="max_pool", kernel_name="custom",
                                   kernel=as_kernel([[0, 1, 0], [1, -4.5, 1], [0, 0.1, 0]]), channel="G", stride=2,
                                   padding=1, pool_size=3, pool_stride=2, grid=16, step=3, speed=slider_speed(2.0)),
        training=TrainingState(source="shapes", folder="/somewhere/photos", start="random", optimizer="sgd",
                               learning_rate=0.003, batch_size=64, speed=5.0, save_name="class_model"))


def test_the_default_state_is_what_a_fresh_tab_shows(tab):
    assert tab.state() == ConvolutionState()


@pytest.mark.parametrize("first_picture_drawn", [True, False], ids=["after-the-first-picture", "at-once"])
def test_state_to_tab_to_state_is_the_same_state(tab, qtbot, first_picture_drawn):
    state = non_default_state()
    assert state != ConvolutionState()
    if first_picture_drawn:  # the enlarged map must wait for the new picture's maps, not open on the old ones
        qtbot.waitUntil(lambda: tab.record is not None and not tab.analysing, timeout=10_000)
    tab.apply_state(state)
    assert tab.state() == state
    assert tab.model_name == "shapes" and tab.image.name == "scene"
    assert tab.views.currentWidget() is not tab.cnn_view and tab.playground.current_step_index == 3
    assert tab.playground.settings.operation == "max_pool" and tab.cnn_view.mode == "layer"
    assert tab.training.optimizer_combo.currentData() == "sgd" and tab.canvas.pen_width() == 30
    qtbot.waitUntil(lambda: tab.record is not None and tab.record.input.shape == (3, 64, 64), timeout=10_000)
    qtbot.waitUntil(lambda: tab.cnn_view.detail is not None and tab.cnn_view.detail.isVisible(), timeout=10_000)
    assert (tab.cnn_view.detail.layer_name, tab.cnn_view.detail.index) == ("conv1", 2)
    assert tab.state() == state


def test_a_drawing_comes_back_as_the_image(tab, qtbot):
    state = ConvolutionState(image=ImageState("drawing"), drawing=DrawingState(strokes=STROKES[:1]))
    tab.apply_state(state)
    assert tab.source == "drawing" and tab.image.name == "your drawing"
    assert tab.state() == state
    qtbot.waitUntil(lambda: tab.record is not None and tab.record.input.shape == (1, 28, 28), timeout=10_000)


def test_a_named_kernel_comes_back_with_its_size(tab):
    state = ConvolutionState(playground=PlaygroundState.from_dict({"kernel_name": "gaussian_blur",
                                                                   "kernel": [[0] * 5] * 5, "step": 7}))
    assert len(state.playground.kernel) == 5 and state.playground.kernel[2][2] > 0  # the core's numbers
    tab.apply_state(state)
    assert tab.playground.settings.kernel.shape == (5, 5)
    assert tab.state() == state


def test_the_state_survives_json(tmp_path):
    state = non_default_state()
    path = tmp_path / "state.json"
    path.write_text(json.dumps(state.to_dict()))
    assert ConvolutionState.from_dict(json.loads(path.read_text())) == state


@pytest.mark.parametrize("data", [None, [], "state", 3, {"model": None, "image": 7, "playground": "x"}])
def test_anything_that_is_not_a_state_gives_the_default(data):
    assert ConvolutionState.from_dict(data) == ConvolutionState()


def test_a_corrupt_dict_falls_back_key_by_key():
    good = non_default_state().to_dict()
    data = json.loads(json.dumps(good))
    data["view"] = "sideways"
    data["image"]["sample"] = "unicorn"
    data["maps"]["scaling"] = "loud"
    data["drawing"]["strokes"] = [[10, "yes", [[1, 2]]]]
    data["playground"].update(stride=9, grid=17, speed="fast", kernel=[[1, 2], [3, 4]], channel="ultraviolet")
    data["training"].update(learning_rate="NaN", optimizer="magic", speed=7, batch_size=True, save_name="../x")
    state = ConvolutionState.from_dict(data)
    default = ConvolutionState()
    # Broken keys are the defaults...
    assert state.view == default.view and state.image.sample == default.image.sample
    assert state.maps.scaling == default.maps.scaling and state.drawing.strokes == ()
    p, t = state.playground, state.training
    assert (p.stride, p.grid, p.speed, p.kernel, p.channel) == (1, 32, 1.0, default.playground.kernel, "luminance")
    assert (t.learning_rate, t.optimizer, t.speed, t.batch_size, t.save_name) == (0.001, "adam", None, 32, "my_model")
    # ...and every other key is kept.
    assert state.model == "shapes" and state.image.kind == "sample" and state.maps.detail == ("conv1", 2)
    assert state.drawing.pen_width == 30
    assert (p.operation, p.kernel_name, p.padding, p.pool_size, p.step) == ("max_pool", "custom", 1, 3, 3)
    assert (t.source, t.folder, t.start) == ("shapes", "/somewhere/photos", "random")


def test_a_named_kernel_at_a_size_it_lacks_falls_back_to_the_default_kernel():
    state = PlaygroundState.from_dict({"kernel_name": "sharpen", "kernel": [[0] * 5] * 5, "stride": 2})
    assert state.kernel_name == "sobel_x" and state.kernel == PlaygroundState().kernel and state.stride == 2


def test_the_training_panel_saves_and_restores_its_settings_through_the_state(qtbot, settings):
    panel = CnnTrainingPanel(settings)
    qtbot.addWidget(panel)
    assert panel.state() == TrainingState()
    wanted = TrainingState(source="mnist", start="random", optimizer="rmsprop", learning_rate=0.02,
                           batch_size=128, speed=1.0, save_name="shapes_v2")
    panel.apply_state(wanted)
    again = CnnTrainingPanel(settings)
    qtbot.addWidget(again)
    assert again.state() == wanted
    settings.setValue("cnn_training/learning_rate", "a lot")  # hand-edited: only that key is lost
    settings.setValue("cnn_training/speed", "99")
    third = CnnTrainingPanel(settings)
    qtbot.addWidget(third)
    assert third.state() == TrainingState(source="mnist", start="random", optimizer="rmsprop", batch_size=128,
                                          save_name="shapes_v2")


def test_the_state_knows_every_training_source_the_panel_offers():
    assert tuple(kind for kind, _, _ in SOURCES) == TRAINING_SOURCES


def test_the_playground_keeps_a_restored_position_until_it_has_an_image(qtbot):
    from gui.convolution.kernel_playground import KernelPlayground
    from core.data.images import from_array
    import numpy as np

    view = KernelPlayground()
    qtbot.addWidget(view)
    state = PlaygroundState(stride=2, step=5, speed=slider_speed(0.5))
    view.apply_state(state)
    assert view.current_step_index == -1 and view.state() == state
    view.set_image(from_array(np.full((20, 20, 3), 128, np.uint8), "grey"))
    assert view.current_step_index == 5 and view.state() == state


def test_an_opened_file_is_named_in_the_state(tab, qtbot, tmp_path):
    from PIL import Image
    path = tmp_path / "seven.png"
    Image.new("L", (40, 40), 255).save(path)
    assert tab.load_path(path)
    qtbot.waitUntil(lambda: not tab.analysing, timeout=10_000)
    state = tab.state()
    assert state.image.kind == "file" and state.image.path == str(path)


# ---------------------------------------------------------------------- the tab reports its changes
def changed_by(qtbot, tab, action) -> ConvolutionState:
    """Do `action` as a user would; the tab must report the new state, which is what it now shows."""
    with qtbot.waitSignal(tab.state_changed, timeout=5_000) as blocker:
        action()
    assert blocker.args[0] == tab.state()
    return blocker.args[0]


def emissions_of(tab) -> list[ConvolutionState]:
    seen: list[ConvolutionState] = []
    tab.state_changed.connect(seen.append)
    return seen


def choose(combo, data) -> None:
    """Pick the entry holding `data`, as a click in the list does (activated, then the index)."""
    index = combo.findData(data)
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


def test_a_new_sample_and_its_network_are_reported_once(tab, qtbot):
    seen = emissions_of(tab)
    state = changed_by(qtbot, tab, lambda: choose(tab.strip.sample_combo, "star"))
    assert state.image == ImageState("sample", "star") and state.model == "shapes"
    assert seen == [state]  # the network the sample picked comes in the same report
    state = changed_by(qtbot, tab, lambda: choose(tab.strip.model_combo, "digits"))
    assert state.model == "digits" and len(seen) == 2


def test_an_opened_file_is_reported_with_its_path(tab, qtbot, tmp_path):
    from PIL import Image
    path = tmp_path / "grey.png"
    Image.new("L", (40, 40), 128).save(path)
    state = changed_by(qtbot, tab, lambda: tab.load_path(path))
    assert state.image == ImageState("file", path=str(path))


def test_a_stroke_is_reported_when_the_pen_lifts(tab, qtbot):
    from PySide6.QtCore import QPointF

    seen = emissions_of(tab)
    tab.canvas.begin_stroke(QPointF(140, 40))
    tab.canvas.extend_stroke(QPointF(140, 240))
    qtbot.waitUntil(lambda: tab.source == "drawing", timeout=5_000)  # the drawing is already the image...
    assert seen == []  # ...but the stroke is not finished
    state = changed_by(qtbot, tab, tab.canvas.end_stroke)
    assert state.image.kind == "drawing" and len(state.drawing.strokes) == 1 and state.model == "digits"
    assert seen == [state]
    assert changed_by(qtbot, tab, tab.canvas.undo).drawing.strokes == ()
    assert changed_by(qtbot, tab, lambda: tab.canvas.pen_box.setValue(40)).drawing.pen_width == 40


def test_the_views_and_the_maps_report_the_new_state(tab, qtbot):
    assert changed_by(qtbot, tab, tab.show_playground).view == "playground"
    assert changed_by(qtbot, tab, tab.show_network).view == "network"
    state = changed_by(qtbot, tab, lambda: tab.cnn_view.scale_combo.setCurrentIndex(2))
    assert state.maps.scaling == "global"
    qtbot.waitUntil(lambda: tab.record is not None and not tab.analysing, timeout=10_000)
    layer = tab.record.layers[0].name
    state = changed_by(qtbot, tab, lambda: tab.cnn_view.map_clicked.emit(layer, 1))
    assert state.maps.detail == (layer, 1)
    assert changed_by(qtbot, tab, tab.cnn_view.detail.close).maps.detail is None


def test_the_playground_reports_settings_and_where_it_stops(tab, qtbot):
    playground = tab.playground
    tab.show_playground()
    qtbot.waitUntil(lambda: playground.step_count > 0, timeout=5_000)
    assert changed_by(qtbot, tab, lambda: choose(playground.operation_box, "relu")).playground.operation == "relu"
    assert changed_by(qtbot, tab, lambda: playground.stride_spin.setValue(2)).playground.stride == 2
    assert changed_by(qtbot, tab, playground.step).playground.step == 0
    slider = playground.playback.speed_slider
    assert changed_by(qtbot, tab, lambda: slider.setValue(slider.maximum())).playground.speed == pytest.approx(10.0)
    seen = emissions_of(tab)
    changed_by(qtbot, tab, playground.play)  # the first position shows at once
    playground.clock.advance(0.05)
    playground.clock.advance(0.05)
    assert playground.playing and len(seen) == 1  # not one report per position
    state = changed_by(qtbot, tab, playground.toggle_play)
    assert state.playground.step == playground.current_step_index > 1 and len(seen) == 2


def test_the_training_panel_reports_its_settings(tab, qtbot):
    panel = tab.training
    assert changed_by(qtbot, tab, lambda: choose(panel.optimizer_combo, "sgd")).training.optimizer == "sgd"
    assert changed_by(qtbot, tab, lambda: choose(panel.speed_combo, 5.0)).training.speed == 5.0
    assert changed_by(qtbot, tab, lambda: choose(panel.source_combo, "shapes")).training.source == "shapes"


def test_apply_state_reports_once_and_only_a_change(tab, qtbot):
    seen = emissions_of(tab)
    state = non_default_state()
    tab.apply_state(state)
    assert seen == [state]  # one report, however many views moved
    qtbot.waitUntil(lambda: tab.cnn_view.detail is not None and tab.cnn_view.detail.isVisible(), timeout=10_000)
    tab.apply_state(state)
    assert seen == [state]  # the enlarged map arriving, and the same state again: nothing new to report
