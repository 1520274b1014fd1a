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


# ----------------------------------------------------------------------------- the tab reports its changes
def changed_by(qtbot, tab, action) -> LandscapeState:
    """Do `action` as a user would; the tab must report the new state, which is what it now shows."""
    with qtbot.waitSignal(tab.state_changed, timeout=5_000) as blocker:
        action()
    assert blocker.args[0] == tab.state()
    return blocker.args[0]


def emissions_of(tab) -> list[LandscapeState]:
    seen: list[LandscapeState] = []
    tab.state_changed.connect(seen.append)
    return seen


def test_each_control_of_the_race_reports_the_new_state(tab, qtbot):
    view = tab.surfaces
    state = changed_by(qtbot, tab, lambda: view.surface_combo.setCurrentIndex(view.surface_combo.findData("bowl")))
    assert state.race.surface == "bowl"
    state = changed_by(qtbot, tab, lambda: view.checkboxes["rmsprop"].setChecked(True))
    assert "rmsprop" in state.race.optimizers
    before = state.race.learning_rate
    state = changed_by(qtbot, tab, lambda: view.lr_slider.setValue(view.lr_slider.value() - 50))
    assert state.race.learning_rate < before
    state = changed_by(qtbot, tab, lambda: view.momentum_slider.setValue(50))
    assert state.race.momentum == pytest.approx(0.5)
    state = changed_by(qtbot, tab, lambda: view.steps_spin.setValue(120))
    assert state.race.steps == 120
    state = changed_by(qtbot, tab, lambda: view.kappa_slider.setValue(view.kappa_slider.value() + 30))
    assert state.race.kappa > RaceState().kappa
    state = changed_by(qtbot, tab, lambda: view.speed_slider.setValue(view.speed_slider.maximum()))
    assert state.race.speed == pytest.approx(SPEED_RANGE[1])
    state = changed_by(qtbot, tab, lambda: view.arrows_box.setChecked(True))
    assert state.race.arrows
    state = changed_by(qtbot, tab, lambda: view.set_3d_shown(False))
    assert not state.race.show_3d


def test_a_click_on_the_map_reports_the_new_start(tab, qtbot):
    from PySide6.QtCore import Qt

    tab.resize(1400, 900)
    tab.show()
    qtbot.waitExposed(tab)
    view = tab.surfaces
    point = view.map.scene_point(-2.0, 3.0)
    state = changed_by(qtbot, tab, lambda: qtbot.mouseClick(view.map.viewport(), Qt.MouseButton.LeftButton, pos=point))
    assert state.race.start == pytest.approx((-2.0, 3.0), abs=0.1)


def test_playback_reports_where_it_stops_not_every_frame(tab, qtbot):
    view = tab.surfaces
    view.set_steps(20)
    view.set_speed(SPEED_RANGE[1])
    assert changed_by(qtbot, tab, view.step).race.step == 1
    seen = emissions_of(tab)
    view.play()
    view.animation.advance(0.02)  # 6 steps at 10× and 30 steps/s
    view.animation.advance(0.02)
    assert view.playing and view.current_step == 13 and seen == []  # no report per frame while playing
    state = changed_by(qtbot, tab, view.toggle)  # paused
    assert state.race.step == 13 and seen == [state]
    view.play()
    view.animation.advance(1.0)  # to the end, where it stops by itself
    assert not view.playing and seen[-1].race.step == 20 and len(seen) == 2
    assert changed_by(qtbot, tab, view.back).race.step == 19
    assert changed_by(qtbot, tab, view.reset).race.step == 0


def test_the_sub_view_and_the_slices_report_the_new_state(tab, qtbot):
    state = changed_by(qtbot, tab, lambda: tab.tabs.setCurrentWidget(tab.network))
    assert state.view == "network"
    state = changed_by(qtbot, tab, lambda: tab.network.resolution_spin.setValue(61))
    assert state.network.resolution == 61
    combo = tab.cnn.directions_combo
    state = changed_by(qtbot, tab, lambda: combo.setCurrentIndex(combo.findData("pca")))
    assert state.cnn.directions == "pca"


def test_apply_state_reports_once_and_only_a_change(tab, qtbot):
    seen = emissions_of(tab)
    tab.apply_state(NOT_DEFAULT)
    assert seen == [NOT_DEFAULT]  # one report, however many controls moved
    tab.apply_state(NOT_DEFAULT)
    assert seen == [NOT_DEFAULT]  # nothing changed: nothing reported


def test_a_threaded_tab_reports_nothing_more_when_its_race_arrives(qtbot):
    widget = LandscapeTab()
    qtbot.addWidget(widget)
    seen = emissions_of(widget)
    with qtbot.waitSignal(widget.surfaces.race_computed, timeout=10_000):
        widget.apply_state(NOT_DEFAULT)
    assert seen == [NOT_DEFAULT] and widget.state() == NOT_DEFAULT
    widget.shutdown()
