"""The lesson player: entering scenes sets up the window exactly, moves stay within the lesson, goals are watched."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from core.lesson.model import Goal, Lesson, Scene, Text
from gui.lesson.player import LessonPlayer
from gui.network.state import NetworkState

GOAL = Goal("mlp_test_loss", {"below": 0.1})


def lesson() -> Lesson:
    return Lesson(id="three-scenes", title=Text("Three scenes", "三个场景"), scenes=(
        Scene(title=Text("A neuron", "一个神经元"), tab="network", tabs={"network": {"speed": 2.0}},
              hide=("dock", "network.boundary"), goal=GOAL),
        Scene(title=Text("The curves", ""), tab="training", hide=("toolbar",)),
        Scene(title=Text("Kernels", ""), tab="convolution", tabs={"convolution": {"view": "playground"}}),
    ))


class FakeGoals(QObject):
    """Stands in for GoalWatch: records what it was asked to watch."""

    status_changed = Signal(str, bool)
    goal_met = Signal()

    def __init__(self):
        super().__init__()
        self.watched: list = []

    def watch(self, goal) -> None:
        self.watched.append(goal)


def make_player(window):
    goals = FakeGoals()
    return LessonPlayer(window, window.lessons.hider, goals), goals


def test_opening_enters_the_first_scene_and_sets_up_its_tabs(make_window, qtbot):
    window = make_window()
    window.network_tab.apply_state(NetworkState(speed=0.5))  # what the class did before: the scene replaces it
    player, goals = make_player(window)
    entered = []
    player.scene_entered.connect(entered.append)

    with qtbot.waitSignal(player.lesson_opened):
        player.open(lesson())

    assert entered == [0] and player.index == 0
    assert window.tabs.currentWidget() is window.network_tab
    assert window.network_tab.state().speed == 2.0
    assert window.lessons.hider.hidden() == ("dock", "network.boundary")
    assert window.dock.isHidden() and window.network_tab.boundary_view.isHidden()
    assert goals.watched == [GOAL]


def test_next_and_previous_stay_within_the_lesson(make_window):
    window = make_window()
    player, goals = make_player(window)
    entered = []
    player.scene_entered.connect(entered.append)
    player.open(lesson())

    assert not player.previous() and player.index == 0
    assert player.next() and player.next() and player.index == 2
    assert not player.next() and player.index == 2
    assert player.previous() and player.index == 1
    assert entered == [0, 1, 2, 1]
    player.enter(99)  # a scene past the end is the last one
    assert player.index == 2
    assert goals.watched[-1] is None  # the last scene has no goal: nothing is watched


def test_each_scene_shows_again_what_the_one_before_hid(make_window):
    window = make_window()
    window.resize(1600, 900)
    player, _goals = make_player(window)
    player.open(lesson())

    player.next()  # the Training tab, hiding only the toolbar
    assert window.tabs.currentWidget() is window.training_view
    assert window.lessons.hider.hidden() == ("toolbar",)
    assert not window.dock.isHidden() and not window.network_tab.boundary_view.isHidden()
    assert window.menus.toolbar.isHidden()

    player.next()
    assert window.tabs.currentWidget() is window.conv_tab
    assert window.conv_tab.state().view == "playground"
    assert window.lessons.hider.hidden() == () and not window.menus.toolbar.isHidden()


def test_closing_shows_everything_and_keeps_the_scene_on_screen(make_window):
    window = make_window()
    player, goals = make_player(window)
    player.open(lesson())
    closed = []
    player.lesson_closed.connect(lambda: closed.append(True))

    player.close()

    assert closed == [True] and player.lesson is None and player.index == -1
    assert window.lessons.hider.hidden() == ()
    assert not window.network_tab.boundary_view.isHidden()
    assert window.tabs.currentWidget() is window.network_tab and window.network_tab.state().speed == 2.0
    assert goals.watched[-1] is None
    assert not player.next() and not player.previous()  # nothing open: nothing moves


def test_a_scene_keeps_the_machines_device(make_window):
    window = make_window()
    device = window.config.device
    player, _goals = make_player(window)

    session = player._session(lesson().scenes[0])

    assert session.tabs["training"]["config"]["device"] == device


def test_a_step_through_is_recorded_again_on_the_network_of_the_new_scene(make_window, qtbot):
    window = make_window()
    at_the_start = {"example_index": 0, "phase": "forward", "layer": 0, "fraction": 1.0}
    two_networks = Lesson(id="two-networks", title=Text("Two networks", ""), scenes=(
        Scene(title=Text("Small", ""), tab="network",
              tabs={"training": {"config": {"hidden": [2], "n_points": 200}}, "network": at_the_start}),
        Scene(title=Text("Deeper", ""), tab="network",
              tabs={"training": {"config": {"hidden": [3, 3], "n_points": 200}}, "network": at_the_start}),
        Scene(title=Text("No pass", ""), tab="network", tabs={"training": {"config": {"hidden": [3, 3],
                                                                                      "n_points": 200}}}),
    ))
    player, _goals = make_player(window)
    tab = window.network_tab

    player.open(two_networks)
    qtbot.waitUntil(lambda: tab.trace is not None and len(tab.trace.layers) == 2, timeout=20_000)
    player.next()  # the same example, on a network of another shape: its pass is recorded again, not kept
    qtbot.waitUntil(lambda: tab.trace is not None and len(tab.trace.layers) == 3, timeout=20_000)
    assert tab.state().example_index == 0 and tab.state().phase == "forward"

    player.next()  # no step-through: the pass and its caption go
    assert tab.trace is None and "Next example" in tab.caption.text()
