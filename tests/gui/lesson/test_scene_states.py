"""A scene's tab states: defaults merged with its differences, the window's states captured, bad values named."""

from __future__ import annotations

import json

import pytest

from core.lesson.model import Scene, Text
from core.session.parts import TAB_NAMES
from gui.autoencoder.state import AutoencoderState
from gui.convolution.state import ConvolutionState
from gui.landscape.state import LandscapeState
from gui.lesson.states import capture_scene_states, default_tab_states, scene_problem, scene_session, scene_tabs
from gui.network.state import NetworkState
from gui.training.state import TrainingState


def plain(value):
    return json.loads(json.dumps(value))


def test_the_defaults_are_each_state_classes_own():
    defaults = default_tab_states()

    assert tuple(defaults) == TAB_NAMES
    for name, cls in (("training", TrainingState), ("network", NetworkState), ("convolution", ConvolutionState),
                      ("landscape", LandscapeState), ("autoencoder", AutoencoderState)):
        assert defaults[name] == plain(cls().to_dict())
    defaults["network"]["speed"] = 5.0  # a copy: changing it changes nothing for the next caller
    assert default_tab_states()["network"]["speed"] == 1.0


def test_a_network_scene_sets_up_its_tab_and_the_training_settings_from_the_defaults():
    scene = Scene(tab="network", tabs={"network": {"speed": 2.0}, "training": {"config": {"hidden": [2]}}})

    session = scene_session(scene)

    assert session.app == {"tab": "network"}  # never the language or the zoom: those are the teacher's
    assert set(session.tabs) == {"training", "network"}
    assert session.tabs["network"]["speed"] == 2.0
    assert session.tabs["network"]["edge_limit"] == NetworkState().edge_limit
    assert session.tabs["training"]["config"]["hidden"] == [2]
    assert session.tabs["training"]["config"]["dataset"] == TrainingState().config.dataset
    assert session.parts == {}


def test_a_lab_scene_sets_up_only_the_tabs_it_names():
    scene = Scene(tab="convolution", tabs={"landscape": {"view": "network"}})

    assert scene_tabs(scene) == ("convolution", "landscape")
    session = scene_session(scene)
    assert session.tabs["convolution"] == default_tab_states()["convolution"]
    assert session.tabs["landscape"]["view"] == "network"
    assert scene_tabs(Scene(tab="training")) == ("training",)


def test_a_scene_whose_values_read_has_no_problem():
    scene = Scene(tab="network", tabs={"network": {"speed": 2.0, "show_boundary": False},
                                       "training": {"config": {"hidden": [4, 4], "learning_rate": 0.1}}})

    assert scene_problem(scene, 1) is None
    assert scene_problem(Scene(tab="autoencoder", tabs={"autoencoder": {"bottleneck": 3}}), 1) is None


@pytest.mark.parametrize("tabs, named", [
    ({"network": {"speed": "fast"}}, "speed"),
    ({"network": {"spede": 2.0}}, "spede"),  # a typing mistake: the tab would quietly ignore it
    ({"training": {"config": {"learning_rate": -1}}}, "config.learning_rate"),
    ({"autoencoder": {"bottleneck": 9999}}, "bottleneck"),
])
def test_a_value_the_tab_would_not_keep_is_one_sentence_naming_the_scene_and_the_value(tabs, named):
    problem = scene_problem(Scene(title=Text("x", ""), tab="network", tabs=tabs), 3)

    assert problem is not None and "\n" not in problem
    assert "Scene 3" in problem and f"“{named}”" in problem


def test_the_window_is_captured_as_differences_from_the_defaults(make_window):
    window = make_window()
    window.network_tab.apply_state(NetworkState(speed=2.0, show_gradients=False))
    window.tabs.setCurrentWidget(window.network_tab)

    tab, states = capture_scene_states(window)

    assert tab == "network"
    assert states["network"] == {"speed": 2.0, "show_gradients": False}
    training = states.get("training", {})
    assert "curves" not in training  # the learning curves are data, not a scene's settings
    assert "device" not in training.get("config", {})  # the machine's choice, not the lesson's
    assert training["config"]["n_points"] == 200  # the test window's own setting differs from the default
    assert "convolution" not in states  # at its defaults

    session = scene_session(Scene(tab=tab, tabs=states))
    assert NetworkState.from_dict(session.tabs["network"]) == window.network_tab.state()


def test_what_the_scene_on_screen_hides_is_not_captured_as_the_tabs_state(make_window):
    window = make_window()
    window.tabs.setCurrentWidget(window.network_tab)
    window.lessons.hider.apply(["network.step_controls", "network.gradients", "network.boundary"])

    _tab, states = capture_scene_states(window)

    assert "network" not in states  # the toolbar and the charts are hidden by the lesson, not by the tab
    window.lessons.hider.clear()
