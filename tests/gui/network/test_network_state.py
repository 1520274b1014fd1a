"""NetworkState: the Network tab restores from it and reads back the same; bad saved values fall back per key."""

import subprocess
import sys
from pathlib import Path

import pytest

from core.mlp.config import TrainConfig
from core.mlp.recording import record_example
from core.mlp.reports import progress_of, run_info
from core.mlp.trainer import Trainer
from gui.network.state import NetworkState
from gui.network.tab import NetworkTab


@pytest.fixture(scope="module")
def trainer() -> Trainer:
    trainer = Trainer(TrainConfig(dataset="xor", hidden=(4, 3), n_points=100, device="cpu"))
    for _ in trainer.run(max_steps=20):
        pass
    return trainer


def live_tab(qtbot, trainer) -> NetworkTab:
    """A tab that has seen a run start and one report, as the main window would feed it."""
    tab = NetworkTab()
    qtbot.addWidget(tab)
    tab.on_run_started(run_info(trainer))
    tab.on_progress(progress_of(trainer, (), 0.0, boundaries=True, gradients=True))
    return tab


NON_DEFAULT = NetworkState(
    example_index=7, phase="backward", layer=1, fraction=0.5, speed=2.5, edge_limit=4, inspected_neuron=(1, 2),
    show_toolbar=False, show_boundary=False, show_gradients=False, editable=False,
)


def test_a_state_applied_to_the_tab_reads_back_the_same(qtbot, trainer):
    tab = live_tab(qtbot, trainer)
    assert tab.state() == NetworkState()  # a fresh tab shows the defaults
    changes = []
    tab.state_changed.connect(changes.append)
    with qtbot.waitSignal(tab.trace_requested) as request:
        tab.apply_state(NON_DEFAULT)
    assert request.args == [7]  # the pass of example 7 is asked for...
    assert tab.state() == NON_DEFAULT  # ...and the state says where it will stand meanwhile
    tab.on_trace_recorded(record_example(trainer, 7))
    assert tab.state() == NON_DEFAULT
    assert not tab.player.playing and tab.network_view.phase == "backward" and tab.network_view.fraction == 0.5
    assert tab.inspector.isVisible() and tab.inspector.neuron == (1, 2)
    assert tab.toolbar.isHidden() and tab.boundary_view.isHidden() and tab.gradient_chart.isHidden()
    assert tab.network_view.edit_buttons == [] and tab.player.speed == 2.5
    assert "strongest 4" in tab.edge_limit_combo.currentText()
    assert changes and changes[-1] == NON_DEFAULT  # the change was reported

    tab.apply_state(NetworkState())  # and back: no pass, inspector closed, every panel shown
    assert tab.state() == NetworkState()
    assert tab.trace is None and not tab.inspector.isVisible() and not tab.toolbar.isHidden()


def test_moving_within_the_same_example_needs_no_new_pass(qtbot, trainer):
    tab = live_tab(qtbot, trainer)
    tab.apply_state(NetworkState(example_index=3, phase="forward", layer=0, fraction=1.0))
    tab.on_trace_recorded(record_example(trainer, 3))
    requests = []
    tab.trace_requested.connect(requests.append)
    later = NetworkState(example_index=3, phase="update", layer=-1, fraction=1.0, edge_limit="all")
    tab.apply_state(later)
    assert requests == [] and tab.state() == later


def test_the_state_survives_a_round_trip_through_a_dict():
    assert NetworkState.from_dict(NON_DEFAULT.to_dict()) == NON_DEFAULT
    assert NetworkState.from_dict(NetworkState().to_dict()) == NetworkState()


def test_corrupt_values_fall_back_per_key():
    data = NON_DEFAULT.to_dict()
    data.update(speed=50.0, edge_limit=5, inspected_neuron=[1, -2], show_toolbar="no", fraction=float("nan"))
    state = NetworkState.from_dict(data)
    defaults = NetworkState()
    assert (state.speed, state.edge_limit, state.inspected_neuron, state.show_toolbar, state.fraction) == (
        defaults.speed, defaults.edge_limit, defaults.inspected_neuron, defaults.show_toolbar, defaults.fraction)
    # The good keys are kept.
    assert (state.example_index, state.phase, state.layer, state.show_gradients, state.editable) == (
        7, "backward", 1, False, False)


@pytest.mark.parametrize("data", [None, [], "state", {"speed": True, "layer": "one", "unknown": 1}])
def test_nonsense_gives_the_defaults(data):
    assert NetworkState.from_dict(data) == NetworkState()


def test_a_position_without_an_example_is_no_position():
    state = NetworkState.from_dict({"phase": "loss", "example_index": "seven", "layer": 1})
    assert (state.example_index, state.phase) == (None, None)


def test_the_state_imports_no_qt_and_shares_the_clock_s_speed_range():
    """Loaded on its own (the gui package's __init__ loads PySide6 on purpose), state.py pulls in no Qt."""
    from gui.network import state
    from gui.style import clock

    assert (state.MIN_SPEED, state.MAX_SPEED) == (clock.MIN_SPEED, clock.MAX_SPEED)
    code = ("import importlib.util, sys\n"
            "spec = importlib.util.spec_from_file_location('network_state', 'gui/network/state.py')\n"
            "module = sys.modules['network_state'] = importlib.util.module_from_spec(spec)\n"
            "spec.loader.exec_module(module)\n"
            "print(sorted(name for name in sys.modules if name.split('.')[0] in ('PySide6', 'pyqtgraph', 'gui')))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                            cwd=Path(__file__).resolve().parents[3])
    assert result.stdout.strip() == "[]"
