"""The Autoencoder tab in the window: built when first opened, Play and Step act on it, its settings travel
in session files, and the window closes cleanly while it trains."""

from __future__ import annotations

import pytest

from core.autoencoder.trainer import AutoencoderConfig, autoencoder_data
from core.data.synthetic_images import make_digits
from core.session.parts import TAB_NAMES, Session
from gui.autoencoder.state import AutoencoderState
from gui.autoencoder.tab import AutoencoderTab
from gui.threads import still_running


@pytest.fixture(scope="module")
def digits():
    x, y = make_digits(200, 5)
    return autoencoder_data(x, y, [str(d) for d in range(10)], "test digits")


def open_tab(window) -> AutoencoderTab:
    window.tabs.setCurrentIndex(TAB_NAMES.index("autoencoder"))
    return window.autoencoder_tab.ensure_built()


def test_the_tab_is_built_when_first_opened_and_takes_the_window_keys(make_window):
    window = make_window()
    assert window.autoencoder_tab.view is None
    assert window.tabs.tabText(TAB_NAMES.index("autoencoder")) == "Autoencoder"
    tab = open_tab(window)
    assert isinstance(tab, AutoencoderTab)
    assert window.dock.isHidden()  # the MLP's settings mean nothing here
    assert window.play_action.shortcut().isEmpty()  # Space is the tab's own
    calls = []
    tab.clicker_play = lambda: calls.append("play")
    tab.clicker_next = lambda: calls.append("next")
    window.play_action.trigger()
    window.step_action.trigger()
    assert calls == ["play", "next"] and not window.playing
    assert "autoencoder" in window.play_action.toolTip()


def test_its_settings_travel_in_a_session(make_window):
    window = make_window()
    assert "autoencoder" not in window.sessions.tab_states()  # never opened: nothing to save
    tab = open_tab(window)
    tab.controls.bottleneck_slider.setValue(6)
    saved = window.sessions.tab_states()["autoencoder"]
    assert AutoencoderState.from_dict(saved).bottleneck == 6

    other = make_window()
    wanted = AutoencoderState(bottleneck=24, noise=0.3, point=(0.1, 0.8))
    other.sessions.apply(Session(app={"tab": "autoencoder"}, tabs={"autoencoder": wanted.to_dict()}))
    assert other.tabs.currentIndex() == TAB_NAMES.index("autoencoder")
    assert other.autoencoder_tab.view.state() == wanted
    assert other.autoencoder_tab.view.diagram.sizes() == [784, 128, 24, 128, 784]


def test_the_window_closes_while_the_autoencoder_trains(make_window, qtbot, digits):
    window = make_window()
    tab = open_tab(window)
    with qtbot.waitSignal(tab.runner.run_started, timeout=20000):
        tab.runner.use(digits, AutoencoderConfig())
    tab.runner.set_playing(True)
    qtbot.waitUntil(lambda: tab.runner.last_report is not None and tab.runner.last_report.step > 2, timeout=20000)
    thread = tab.runner.thread
    window.close()
    assert not thread.isRunning()
    assert thread not in still_running()


def test_presenter_mode_gives_the_pictures_the_room_and_the_clicker_trains(make_window):
    window = make_window()
    tab = open_tab(window)
    steps = []
    tab.runner.step = lambda: steps.append("step")
    tab.controls.loaded = True  # as after Load data
    window.presenter.set_on(True)
    try:
        assert tab.presenting and tab.controls.isHidden()
        window.step_action.trigger()  # the toolbar's Step, and the clicker's Next, train one step here
        assert steps == ["step"]
    finally:
        window.presenter.set_on(False)
    assert not tab.controls.isHidden()


def test_space_trains_or_pauses_unless_a_number_is_being_typed(make_window, qtbot):
    from PySide6.QtCore import Qt

    window = make_window()
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)  # shortcuts go to the active window only
    tab = open_tab(window)
    qtbot.waitUntil(tab.isVisible)
    toggles = []
    tab.controls.toggle = lambda: toggles.append(True)
    tab.plane.plot.setFocus()
    qtbot.keyClick(tab.plane.plot, Qt.Key.Key_Space)
    assert toggles == [True]
    tab.controls.lr_box.setFocus()
    qtbot.keyClick(tab.controls.lr_box, Qt.Key.Key_Space)
    assert toggles == [True]


def test_the_status_bar_shows_the_run_of_the_tab_that_is_open(make_window, qtbot, digits):
    window = make_window()
    status = window.run_status
    step_label, rate_label, device_label = status.lab_labels
    tab = open_tab(window)
    assert status.lab == "autoencoder"
    assert status.epoch_label.isHidden() and status.rate_label.isHidden() and status.device_label.isHidden()  # nothing of the MLP's
    assert step_label.text() == "" and not step_label.isHidden()  # no autoencoder yet: no step
    with qtbot.waitSignal(tab.runner.run_started, timeout=20000):
        tab.runner.use(digits, AutoencoderConfig())
    assert device_label.text() == f"Device: {tab.runner.info.device_name}"
    tab.runner.set_playing(True)
    qtbot.waitUntil(lambda: tab.runner.last_report is not None and tab.runner.last_report.step > 3, timeout=20000)
    tab.runner.set_playing(False)
    qtbot.waitUntil(lambda: rate_label.text() == "paused", timeout=20000)
    report = tab.runner.last_report  # a report after the pause updates the label in the same slot call
    assert step_label.text() == f"Step {report.step:,} · epoch {report.epoch:,.1f}"
    assert rate_label.text() == "paused"

    window.tabs.setCurrentIndex(TAB_NAMES.index("training"))  # the MLP's run again, in its own labels
    assert status.lab is None and step_label.isHidden() and not status.rate_label.isHidden()
    mlp = window.last_progress
    assert status.epoch_label.text() == ("" if mlp is None else f"Step {mlp.step:,} · epoch {mlp.epoch:,.1f}")

    window.conv_tab.live.stepped.emit(1234)  # the Convolution lab's network says its step, nothing more
    window.tabs.setCurrentIndex(TAB_NAMES.index("convolution"))
    assert status.lab == "convolution"
    assert step_label.text() == "Step 1,234" and rate_label.text() == "" and status.rate_label.isHidden()
    window.tabs.setCurrentIndex(TAB_NAMES.index("autoencoder"))
    assert step_label.text() == f"Step {report.step:,} · epoch {report.epoch:,.1f}"
