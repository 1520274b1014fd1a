"""The Convolution tab joins its "why?" views: "Where does it look?" follows the lab's image, drawing, model and
training, a feature map's window leads to "What a channel looks for", the choices are in the tab's state, and the
tab's workers all stop when it closes."""

from __future__ import annotations

import numpy as np
import pytest
import torch
from PySide6.QtCore import QPointF, Qt

from core.cnn.analysis import open_model, prepare_input
from core.cnn.attribution import grad_cam, gradient_saliency
from gui.convolution.state import VIEWS, ConvolutionState, SaliencyState
from gui.convolution.tab import LIVE_MODEL, ConvTab
from gui.threads import still_running

WAIT_MS = 20_000


def levels_of(values: np.ndarray) -> np.ndarray:
    top = float(values.max())
    return np.rint(np.clip(values / (top if top > 0 else 1.0), 0.0, 1.0) * 255.0).astype(int)


def assert_shows(column, values: np.ndarray) -> None:
    assert column.levels is not None and np.abs(column.levels.astype(int) - levels_of(values)).max() <= 1


@pytest.fixture
def tab(qtbot, settings, models_dir, tmp_path):
    tab = ConvTab(settings, models_dir, cache_dir=tmp_path / "cache")
    qtbot.addWidget(tab)
    tab.resize(1400, 850)
    tab.show()
    qtbot.waitExposed(tab)
    qtbot.waitUntil(lambda: not tab.analysing, timeout=WAIT_MS)
    tab.saliency.replay.pace = 0  # no classroom pace in tests
    yield tab
    tab.shutdown()


def settled(qtbot, tab: ConvTab) -> None:
    qtbot.waitUntil(lambda: not tab.analysing and not tab.saliency.pending and not tab.saliency.occluding,
                    timeout=WAIT_MS)


def expected_gradient(tab: ConvTab, models_dir):
    model, info = open_model(tab.model_name, models_dir)
    return gradient_saliency(model, prepare_input(tab.image, info)).map


def test_the_lab_has_four_views_in_the_states_order(qtbot, tab):
    assert tab.views.count() == len(VIEWS) == 4
    assert [tab.views.tabText(i) for i in range(4)] == [
        "What the network sees", "Kernel playground", "Where does it look?", "What a channel looks for"]
    assert tab.views.widget(2).widget() is tab.saliency and tab.views.widget(3).widget() is tab.channels  # scrolled
    assert "Grad-CAM" in tab.views.tabToolTip(2)


def test_the_saliency_view_explains_the_labs_image_and_follows_a_new_sample(qtbot, tab, models_dir):
    assert tab.saliency.view.reference is None  # hidden, it computed nothing
    with qtbot.waitSignal(tab.saliency.explained, timeout=WAIT_MS):
        tab.show_saliency()
    settled(qtbot, tab)
    assert tab.state().view == "saliency"
    assert_shows(tab.saliency.view.columns["gradient"], expected_gradient(tab, models_dir))
    with qtbot.waitSignal(tab.saliency.occlusion_finished, timeout=WAIT_MS):
        tab.load_sample("digit 3")
    settled(qtbot, tab)
    assert_shows(tab.saliency.view.columns["gradient"], expected_gradient(tab, models_dir))


def test_a_drawing_stroke_redraws_the_maps(qtbot, tab, models_dir):
    tab.show_saliency()
    settled(qtbot, tab)
    canvas = tab.canvas
    with qtbot.waitSignal(tab.saliency.occlusion_finished, timeout=WAIT_MS):
        canvas.begin_stroke(QPointF(140, 40))
        canvas.extend_stroke(QPointF(140, 240))
        canvas.end_stroke()
    settled(qtbot, tab)
    assert tab.source == "drawing"
    assert_shows(tab.saliency.view.columns["gradient"], expected_gradient(tab, models_dir))


def test_training_weights_reach_the_saliency_maps(qtbot, tab, models_dir):
    model, info = open_model("digits", models_dir)
    weights = {key: value.detach().numpy().copy() for key, value in model.state_dict().items()}
    tab._show_live_network("digits", info, weights, "digits")
    tab.show_saliency()
    settled(qtbot, tab)
    assert tab.model_name == LIVE_MODEL
    changed = {key: value * 1.5 for key, value in weights.items()}
    with qtbot.waitSignal(tab.saliency.explained, timeout=WAIT_MS):
        tab._on_live_weights(changed)
    settled(qtbot, tab)
    model.load_state_dict({key: torch.from_numpy(value) for key, value in changed.items()})
    x = prepare_input(tab.image, info)
    assert_shows(tab.saliency.view.columns["gradient"], gradient_saliency(model, x).map)
    assert_shows(tab.saliency.view.columns["gradcam"], grad_cam(model, x).map)


def test_a_feature_maps_window_leads_to_what_its_channel_looks_for(qtbot, tab, monkeypatch):
    asked = []
    monkeypatch.setattr(tab.channels, "show_channel", lambda layer, channel: asked.append((layer, channel)))
    assert "what it looks for" in tab.cnn_view.map_item("conv2", 3).toolTip()
    tab.cnn_view.map_clicked.emit("conv2", 3)
    detail = tab.cnn_view.detail
    assert detail.isVisible() and detail.channel_button.isVisible()
    qtbot.mouseClick(detail.channel_button, Qt.MouseButton.LeftButton)
    assert asked == [("conv2", 3)] and tab.views.currentIndex() == VIEWS.index("channel") and not detail.isVisible()
    tab.cnn_view.map_clicked.emit("input", 0)  # the image's own channel looks for nothing
    assert not tab.cnn_view.detail.channel_button.isVisible()


def test_the_channel_view_gets_the_model_and_the_training_panels_pictures(qtbot, tab):
    assert tab.channels.model == tab.model_name
    assert tab.channels.source == tab.training.current_source()
    combo = tab.training.source_combo
    combo.setCurrentIndex(combo.findData("shapes"))
    combo.activated.emit(combo.currentIndex())  # as a click chooses it
    assert tab.channels.source.kind == "shapes"


def test_the_saliency_choices_are_in_the_tabs_state(qtbot, tab):
    state = ConvolutionState(view="saliency", saliency=SaliencyState(target=2, layer="conv1", window=4, stride=2,
                                                                     opacity=0.3))
    tab.apply_state(state)
    settled(qtbot, tab)
    assert tab.state().saliency == state.saliency and tab.state().view == "saliency"
    assert tab.saliency.view.reference.target == 2 and tab.saliency.view.cheap[1].layer == "conv1"
    again = ConvolutionState.from_dict(tab.state().to_dict())
    assert again.saliency == state.saliency and again.view == "saliency"


def test_closing_the_tab_stops_every_worker(qtbot, tab):
    tab.show_saliency()
    settled(qtbot, tab)
    tab.saliency.replay.pace = 1.0
    tab.saliency.run_occlusion()  # still moving when the tab closes
    tab.close()
    assert not tab.saliency.occluding and tab.saliency.runner._thread is None
    assert still_running() == []
