"""File › Export Animation… on a real window: it offers what the visible tab animates, films it into a real
GIF, says one sentence when it cannot, leaves nothing when cancelled, and remembers the last choices."""

from __future__ import annotations

import pytest
from PIL import Image
from PySide6.QtWidgets import QWidget

from gui.animation.dialog import DIALOG_NAME, AnimationDialog, export_animation
from gui.animation.dialog_form import fitted_view_size


@pytest.fixture
def answers():
    """The answers the dialog's yes/no questions get (instead of a modal box), and the questions asked."""
    state = {"answer": True, "asked": []}

    def ask(_parent, _title, question):
        state["asked"].append(question)
        return state["answer"]
    state["ask"] = ask
    return state


@pytest.fixture
def films(tmp_path):
    """A folder of its own for the films (the window's settings file lives in tmp_path)."""
    folder = tmp_path / "films"
    folder.mkdir()
    return folder


def race_ready(window, qtbot):
    window.tabs.setCurrentWidget(window.landscape_tab)
    view = window.landscape_tab.ensure_built().surfaces
    qtbot.waitUntil(lambda: bool(view.paths) and not view.race_pending, timeout=20_000)
    return view


def tiny(dialog, path, fps: int = 4, seconds: int = 1) -> None:
    dialog.form.set_film_size(64, 64)
    dialog.form.fps_spin.setValue(fps)
    dialog.form.seconds_spin.setValue(seconds)
    dialog.form.use_file(str(path))


def test_the_race_is_filmed_into_a_gif_and_the_choices_are_remembered(make_window, qtbot, films, answers):
    window = make_window()
    race_ready(window, qtbot)
    window.menus.export_animation_action.trigger()  # File › Export Animation…
    dialog = window.findChild(AnimationDialog, DIALOG_NAME)
    assert dialog is not None and dialog.isVisible()
    assert [dialog.form.what_box.itemText(i) for i in range(dialog.form.what_box.count())] == ["The optimizer race"]
    dialog.form.format_box.setCurrentIndex(dialog.form.format_box.findData("mp4"))
    assert dialog.form.file_edit.text().endswith("optimizer-race.mp4")
    dialog.form.format_box.setCurrentIndex(dialog.form.format_box.findData("gif"))
    tiny(dialog, films / "race.gif")
    assert "4 frames" in dialog.form.estimate.text()
    with qtbot.waitSignal(dialog.recorder.finished, timeout=30_000):
        dialog.record_button.click()
    with Image.open(films / "race.gif") as gif:
        assert gif.size == (64, 64) and gif.n_frames >= 2  # the paths grow: frames differ
    assert window.statusBar().currentMessage().startswith("Saved the animation to race.gif (4 frames, ")
    assert not dialog.isVisible() and not answers["asked"]
    window.close()

    again = make_window()
    race_ready(again, qtbot)
    dialog = export_animation(again, answers["ask"])
    assert (dialog.form.format(), dialog.form.fps_spin.value(), dialog.form.seconds_spin.value()) == ("gif", 4, 1)
    assert dialog.form.film_size() == (64, 64)
    assert dialog.form.file_edit.text() == str(films / "optimizer-race.gif")  # the last folder


def test_the_network_pass_needs_a_stepped_example_then_films_it(make_window, qtbot, films, answers):
    window = make_window()
    window.tabs.setCurrentWidget(window.network_tab)
    dialog = export_animation(window, answers["ask"])
    keys = [dialog.form.what_box.itemData(i) for i in range(dialog.form.what_box.count())]
    assert keys == ["network_pass", "training"]
    assert dialog.form.problem.isVisibleTo(dialog) and "Step one example first" in dialog.form.problem.text()
    assert not dialog.record_button.isEnabled()

    window.session.record_trace(0)
    qtbot.waitUntil(lambda: window.network_tab.trace is not None, timeout=20_000)
    qtbot.waitUntil(lambda: not dialog.form.problem.isVisibleTo(dialog))  # the dialog heard of the new trace
    tiny(dialog, films / "pass.gif", fps=3, seconds=2)
    with qtbot.waitSignal(dialog.recorder.finished, timeout=60_000):
        assert dialog.record()
    with Image.open(films / "pass.gif") as gif:
        assert gif.size == (64, 64) and gif.n_frames >= 2


def test_a_bad_file_is_one_sentence_and_cancel_mid_way_leaves_no_file(make_window, qtbot, films, answers):
    window = make_window()
    race_ready(window, qtbot)
    dialog = export_animation(window, answers["ask"])
    tiny(dialog, films / "no such folder" / "race.gif", fps=10, seconds=60)
    assert not dialog.record()
    assert "does not exist" in dialog.status.text() and "\n" not in dialog.status.text()
    assert dialog.isVisible() and dialog.form.fps_spin.value() == 10 and dialog.form.film_size() == (64, 64)
    assert not dialog.recorder.busy

    dialog.form.use_file(str(films / "race.gif"))
    assert dialog.record()
    qtbot.waitUntil(lambda: dialog.recorder.frames_done >= 1, timeout=10_000)
    with qtbot.waitSignal(dialog.recorder.cancelled, timeout=1000):
        dialog.cancel_button.click()
    dialog.recorder.wait_for_writer(2.0)
    assert list(films.iterdir()) == []
    assert dialog.status.text() == "Cancelled; nothing was saved."
    assert dialog.record_button.isEnabled() and dialog.isVisible()


def test_closing_the_window_cancels_a_recording(make_window, qtbot, films, answers):
    window = make_window()
    race_ready(window, qtbot)
    dialog = export_animation(window, answers["ask"])
    tiny(dialog, films / "race.gif", fps=10, seconds=60)
    assert dialog.record()
    qtbot.waitUntil(lambda: dialog.recorder.frames_done >= 1, timeout=10_000)
    window.close()
    assert not dialog.recorder.busy
    dialog.recorder.wait_for_writer(2.0)
    assert list(films.iterdir()) == []


def test_training_live_asks_before_it_starts_training(make_window, qtbot, films, answers):
    window = make_window()
    window.tabs.setCurrentWidget(window.training_view)
    dialog = export_animation(window, answers["ask"])
    assert [dialog.form.what_box.itemData(i) for i in range(dialog.form.what_box.count())] == ["training"]
    tiny(dialog, films / "training.gif", fps=4, seconds=1)
    answers["answer"] = False
    assert not dialog.record()
    assert len(answers["asked"]) == 1 and not window.playing and not dialog.recorder.busy

    answers["answer"] = True
    with qtbot.waitSignal(dialog.recorder.finished, timeout=20_000):
        assert dialog.record()
    assert window.playing
    with Image.open(films / "training.gif") as gif:
        assert gif.size == (64, 64)
    window.play_action.trigger()
    qtbot.waitUntil(lambda: not window.playing)


def test_each_tab_offers_its_own_animations(make_window, qtbot, answers):
    window = make_window()
    dialog = export_animation(window, answers["ask"])
    offered = {}
    for tab in (window.conv_tab, window.autoencoder_tab):
        window.tabs.setCurrentWidget(tab)
        offered[tab] = [dialog.form.what_box.itemData(i) for i in range(dialog.form.what_box.count())]
    assert offered[window.conv_tab] == ["kernel", "occlusion", "cnn"]
    assert offered[window.autoencoder_tab] == ["autoencoder"]
    view_entry = dialog.form.size_box.findData("view")
    assert view_entry >= 0 and "The view's size" in dialog.form.size_box.itemText(view_entry)


def test_the_views_size_fits_the_largest_film(qtbot):
    huge, small = QWidget(), QWidget()
    for widget in (huge, small):
        qtbot.addWidget(widget)
    huge.resize(3841, 2000)
    small.resize(30, 500)
    assert fitted_view_size(huge) == (1920, 1000)  # halved, aspect kept, even sides
    assert fitted_view_size(small) == (64, 500)
