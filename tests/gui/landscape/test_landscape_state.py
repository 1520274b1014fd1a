"""LandscapeState says everything the Landscape tab shows: state → tab → state is the same state, and a corrupt
dict falls back key by key."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from gui.landscape.state import (CNN_RESOLUTION, NETWORK_RESOLUTION, SPEED_RANGE, LandscapeState, RaceState,
                                 SliceState)
from gui.landscape.tab import LandscapeTab

NOT_DEFAULT = LandscapeState(
    view="cnn",
    race=RaceState(surface="bowl", kappa=37.5, optimizers=("momentum", "rmsprop", "adamw"), learning_rate=0.0123,
                   momentum=0.75, steps=140, start=(-1.25, 0.5), step=60, speed=2.5, arrows=True, show_3d=False),
    network=SliceState(directions="pca", resolution=31),
    cnn=SliceState(directions="pca", resolution=15),
)


@pytest.fixture
def tab(qtbot):
    widget = LandscapeTab(threaded=False)  # races answered before each setter returns
    qtbot.addWidget(widget)
    return widget


def test_a_new_tab_shows_the_default_state(tab):
    assert tab.state() == LandscapeState()


def test_state_to_tab_to_state_is_the_same_state(tab):
    assert NOT_DEFAULT != LandscapeState() and NOT_DEFAULT.race != RaceState()
    tab.apply_state(NOT_DEFAULT)
    assert tab.state() == NOT_DEFAULT
    view = tab.surfaces
    assert tab.tabs.currentWidget() is tab.cnn
    assert view.surface.params["kappa"] == pytest.approx(37.5) and set(view.paths) == {"momentum", "rmsprop", "adamw"}
    assert view.current_step == 60 and "step 60 of 140" in view.step_label.text()
    assert view.paths["adamw"].lr == pytest.approx(0.0123) and tuple(view.paths["adamw"].positions[0]) == (-1.25, 0.5)
    assert not view.pane_3d.isVisibleTo(view) and view.arrows_box.isChecked() and view.speed == pytest.approx(2.5)
    assert tab.network.resolution_spin.value() == 31 and tab.cnn.directions_combo.currentData() == "pca"


def test_a_tab_is_built_from_its_state(qtbot):
    widget = LandscapeTab(state=NOT_DEFAULT, threaded=False)
    qtbot.addWidget(widget)
    assert widget.state() == NOT_DEFAULT


def test_the_playback_position_waits_for_its_race_in_a_threaded_tab(qtbot):
    widget = LandscapeTab()
    qtbot.addWidget(widget)
    with qtbot.waitSignal(widget.surfaces.race_computed, timeout=10_000):
        widget.apply_state(NOT_DEFAULT)
        assert widget.state() == NOT_DEFAULT  # the position counts as shown while its race runs
    assert widget.surfaces.current_step == 60 and widget.state() == NOT_DEFAULT
    widget.shutdown()


def test_the_dict_round_trips_through_json():
    data = json.loads(json.dumps(NOT_DEFAULT.to_dict()))
    assert LandscapeState.from_dict(data) == NOT_DEFAULT
    assert LandscapeState.from_dict(LandscapeState().to_dict()) == LandscapeState()


def test_a_corrupt_dict_falls_back_key_by_key():
    data = NOT_DEFAULT.to_dict()
    data["view"] = "cockpit"
    race = data["race"]
    race.update(surface="moon", kappa=5000, optimizers=["sgd", "warp"], learning_rate=-1, momentum="high",
                steps=3.5, start=[1, float("nan")], step=-4, speed=0.0, arrows="yes", show_3d=None)
    race["unknown"] = 1
    data["network"] = {"directions": "sideways", "resolution": 31}
    data["cnn"] = "not a dict"
    state = LandscapeState.from_dict(data)
    assert state.view == "race"
    assert state.race == RaceState()  # every race key was wrong: each fell back on its own
    assert state.network == SliceState(directions="random", resolution=31)  # the good key is kept
    assert state.cnn == SliceState(resolution=CNN_RESOLUTION)  # the CNN's own default, coarser
    partly = LandscapeState.from_dict({"race": {"surface": "saddle", "momentum": 1.5, "steps": True}})
    assert partly.race == RaceState(surface="saddle") and partly.network.resolution == NETWORK_RESOLUTION
    for junk in (None, [], "race", 3):
        assert LandscapeState.from_dict(junk) == LandscapeState()
        assert RaceState.from_dict(junk) == RaceState()


def test_optimizers_keep_racing_order_and_appear_once():
    state = RaceState.from_dict({"optimizers": ["adam", "sgd", "adam"]})
    assert state.optimizers == ("sgd", "adam")
    assert RaceState.from_dict({"optimizers": "sgd,adam"}).optimizers == RaceState().optimizers
    assert RaceState.from_dict({"optimizers": []}).optimizers == ()


def test_the_speed_range_is_the_animation_clocks():
    from gui.style.clock import MAX_SPEED, MIN_SPEED

    assert SPEED_RANGE == (MIN_SPEED, MAX_SPEED)


def test_the_state_module_imports_no_qt():
    """Loaded on its own (the gui package's __init__ loads PySide6 on purpose), state.py pulls in no Qt."""
    code = ("import importlib.util, sys\n"
            "spec = importlib.util.spec_from_file_location('landscape_state', 'gui/landscape/state.py')\n"
            "module = sys.modules['landscape_state'] = importlib.util.module_from_spec(spec)\n"
            "spec.loader.exec_module(module)\n"
            "print(sorted(name for name in sys.modules if name.split('.')[0] in ('PySide6', 'pyqtgraph', 'gui')))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                            cwd=Path(__file__).resolve().parents[3])
    assert result.stdout.strip() == "[]"
