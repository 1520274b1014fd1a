"""LandscapeView races optimizers across textbook surfaces: paths, playback, divergence, stalls, minima."""

import gc
import logging
import math
import threading

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

import gui.landscape.worker
from core.landscape.surfaces import race, surface
from gui.landscape.worker import RaceRequest, RaceWorker, compute_race
from gui.landscape.panels import GL_MISSING
from gui.landscape.race_view import LandscapeView
from gui.style.clock import MAX_SPEED, MIN_SPEED
from gui.threads import LIVE_THREADS


RACE_TIMEOUT_MS = 10_000  # the first race imports torch.optim (about a second); later ones take 0.1–0.6 s


def raced(qtbot, view):
    """Wait for the race of the latest settings: it runs in the view's race thread."""
    return qtbot.waitSignal(view.race_computed, timeout=RACE_TIMEOUT_MS)


@pytest.fixture
def view(qtbot):
    widget = LandscapeView()
    qtbot.addWidget(widget)
    widget.resize(1400, 850)
    with raced(qtbot, widget):
        widget.show()
    return widget


def assert_same_race(paths, expected):
    assert list(paths) == list(expected)
    for name, path in expected.items():
        np.testing.assert_allclose(paths[name].positions, path.positions)
        np.testing.assert_allclose(paths[name].loss, path.loss)
        assert paths[name].diverged_at == path.diverged_at


def test_choosing_optimizers_and_rates_recomputes_the_core_race(view, qtbot):
    view.set_surface("rosenbrock")
    view.set_steps(120)
    view.set_optimizers(["sgd", "nesterov", "adam"])
    view.set_learning_rate(2e-4)
    with raced(qtbot, view):
        view.set_momentum(0.8)
    rosenbrock = surface("rosenbrock")
    expected = race(rosenbrock, ["sgd", "nesterov", "adam"], 2e-4, 120, rosenbrock.start, 0.8)
    assert_same_race(view.paths, expected)
    assert set(view.row_texts()) == {"sgd", "nesterov", "adam"}


def test_a_slider_drag_recomputes_after_a_short_pause(view, qtbot):
    before = view.paths["sgd"]
    with qtbot.waitSignal(view.race_computed, timeout=3000):
        view.lr_slider.setValue(view.lr_slider.value() - 50)
    assert view.paths["sgd"].lr < before.lr
    assert "learning rate" in view.lr_label.text()


def test_stepping_draws_each_path_up_to_the_current_step(view, qtbot):
    with raced(qtbot, view):
        view.set_optimizers("sgd,momentum,adam")
    assert view.current_step == 0
    for _ in range(7):
        view.step()
    assert view.current_step == 7
    for name, curve in view.map.curves.items():
        x, y = curve.getData()
        assert len(x) == 8  # the start and seven steps
        np.testing.assert_allclose(x, view.paths[name].positions[:8, 0])
    view.back()
    assert len(view.map.curves["adam"].getData()[0]) == 7
    view.set_arrows(True)  # arrows at the heads: drawn as pairs of points, never NaN
    x, _ = view.map.gradient_arrows.getData()
    assert len(x) > 0 and len(x) % 2 == 0 and np.isfinite(x).all()
    view.reset()
    assert view.current_step == 0 and len(view.map.curves["sgd"].getData()[0]) == 1
    assert "step 0 of 300" in view.step_label.text()


def test_play_runs_to_the_end_and_stops(view, qtbot):
    with raced(qtbot, view):
        view.set_steps(20)
    view.set_speed(MAX_SPEED)
    view.play()
    assert view.playing
    view.animation.advance(0.05)  # 0.05 s at 10× and 30 steps/s: 15 steps, not yet the end
    assert view.playing and view.current_step == 15
    view.animation.advance(0.05)
    assert not view.playing
    assert view.current_step == 20
    view.play()  # from the end, play starts again from the beginning
    assert view.current_step == 0
    view.pause()
    assert not view.playing


def test_a_huge_learning_rate_diverges_and_says_so(view, qtbot):
    view.set_surface("rosenbrock")
    view.set_optimizers(["sgd", "adam"])
    with raced(qtbot, view):
        view.set_learning_rate(1.5)
    assert "1.5" in view.lr_label.text()
    assert view.paths["sgd"].diverged_at is not None
    view.set_arrows(True)
    for _ in range(view.paths["sgd"].diverged_at + 3):
        view.step()
    assert f"diverged at step {view.paths['sgd'].diverged_at}" in view.row_texts()["sgd"]
    x, y = view.map.curves["sgd"].getData()
    assert len(x) == len(view.paths["sgd"].positions)  # the path stops at its last finite point
    assert np.isfinite(x).all() and np.isfinite(y).all()
    with raced(qtbot, view):
        view.set_steps(view.steps)  # recompute at the end: still fine
    assert "diverged" not in view.row_texts()["adam"]


def test_clicking_the_map_moves_the_start_and_recomputes(view, qtbot):
    with raced(qtbot, view):
        view.set_start(1.0, -2.0)
    np.testing.assert_allclose(view.paths["sgd"].positions[0], [1.0, -2.0])
    np.testing.assert_allclose(view.map.start_marker.getData()[0], [1.0])
    point = view.map.scene_point(-2.0, 3.0)
    with raced(qtbot, view):
        qtbot.mouseClick(view.map.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert abs(view.start[0] + 2.0) < 0.1
    assert abs(view.start[1] - 3.0) < 0.1
    np.testing.assert_allclose(view.paths["adam"].positions[0], view.start)


def test_sgd_stalls_on_the_plateau(view, qtbot):
    view.set_surface("plateau")
    view.set_optimizers(["sgd", "adam"])
    with raced(qtbot, view):
        view.set_steps(300)
    view.play()
    view.pause()
    for _ in range(300):
        view.step()
    sgd = view.paths["sgd"]
    assert abs(sgd.loss[-1] - sgd.loss[0]) < 1e-4
    row = view.row_texts()["sgd"]
    assert "barely moving" in row
    assert view.paths["adam"].loss[-1] < 0.01


def test_himmelblau_sends_optimizers_to_different_minima(view, qtbot):
    view.set_surface("himmelblau")
    names = ["sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam", "adamw"]
    with raced(qtbot, view):
        view.set_optimizers(names)
    minima = np.array(surface("himmelblau").minima)
    reached = set()
    for name in names:
        end = view.paths[name].positions[-1]
        distances = np.linalg.norm(minima - end, axis=1)
        if distances.min() < 0.2:
            reached.add(int(distances.argmin()))
    assert len(reached) >= 2


def test_the_bowl_has_a_condition_number(view):
    view.set_surface("bowl")
    assert view.kappa_slider.isEnabled()
    view.set_kappa(100)
    assert "100" in view.title.text() and view.surface.params["kappa"] == pytest.approx(100)
    view.set_surface("saddle")
    assert not view.kappa_slider.isEnabled()


def test_a_bad_setting_is_one_sentence_and_keeps_the_paths(view, qtbot):
    with raced(qtbot, view):
        view.set_optimizers(["nesterov"])
    before = view.paths
    with qtbot.waitSignal(view.race_failed, timeout=RACE_TIMEOUT_MS) as failed:
        view.set_momentum(0.0)
    assert view.banner.isVisible() and "Nesterov" in view.banner.text()
    assert failed.args == [view.banner.text()] and "Traceback" not in view.banner.text()
    assert view.paths is before and not view.race_pending and not view.busy_label.isVisible()
    with raced(qtbot, view):
        view.set_momentum(0.5)
    assert not view.banner.isVisible()


def test_offscreen_has_no_3d_and_says_why(view):
    assert not view.has_3d
    assert view.missing_3d.isVisible()
    assert view.missing_3d.text() == GL_MISSING


def test_speed_goes_from_a_tenth_to_ten_times(view):
    view.set_speed(0.01)
    assert view.speed == pytest.approx(MIN_SPEED)
    view.set_speed(100)
    assert view.speed == pytest.approx(MAX_SPEED)
    view.speed_slider.setValue(view.speed_slider.minimum())
    assert view.speed == pytest.approx(0.1)
    view.speed_slider.setValue(view.speed_slider.maximum())
    assert view.speed == pytest.approx(10.0)
    assert "10×" in view.speed_label.text()
    assert math.isclose(MIN_SPEED, 0.1) and math.isclose(MAX_SPEED, 10.0)


def test_every_surface_draws(view):
    for name in ("bowl", "rosenbrock", "himmelblau", "saddle", "beale", "camel", "plateau"):
        view.set_surface(name)
        image = view.map.image.image
        assert image is not None and image.dtype == np.uint8
        x, y = view.map.contours.getData()
        assert len(x) > 0 and np.isfinite(x).all()


def test_the_main_window_builds_the_landscape_tab_when_it_is_first_opened(make_window, qtbot):
    window = make_window()
    assert window.landscape_tab.view is None  # no race at start-up
    window.tabs.setCurrentWidget(window.landscape_tab)
    view = window.landscape_tab.view.surfaces
    assert view is not None
    qtbot.waitUntil(lambda: bool(view.paths), timeout=RACE_TIMEOUT_MS)
    assert window.play_action.shortcut().isEmpty()  # Space is not "train" on this tab
    window.tabs.setCurrentWidget(window.training_view)
    assert not window.play_action.shortcut().isEmpty()


# ---------------------------------------------------------------------- the race thread
def _race_threads():
    return [thread for thread in LIVE_THREADS if thread.objectName() == "glassbox-race" and thread.isRunning()]


def test_the_race_runs_off_the_gui_thread_and_the_old_paths_stay_until_it_arrives(view, qtbot, monkeypatch):
    racing_threads = set()

    def recording_path(*args, **kwargs):
        racing_threads.add(threading.get_ident())
        return race_path(*args, **kwargs)

    race_path = gui.landscape.worker.optimizer_path
    monkeypatch.setattr(gui.landscape.worker, "optimizer_path", recording_path)
    before, curve = view.paths, view.map.curves["sgd"].getData()[0].copy()
    with raced(qtbot, view):
        view.set_learning_rate(0.002)
        assert view.race_pending and view.busy_label.isVisibleTo(view)  # says it is computing…
        assert view.map.cursor().shape() == Qt.CursorShape.BusyCursor
        assert view.paths is before  # …and keeps the previous paths on screen meanwhile
        np.testing.assert_array_equal(view.map.curves["sgd"].getData()[0], curve)
    assert racing_threads and threading.get_ident() not in racing_threads
    assert view.paths["sgd"].lr == pytest.approx(0.002)
    assert not view.race_pending and not view.busy_label.isVisibleTo(view)
    assert view.map.cursor().shape() == Qt.CursorShape.ArrowCursor


def test_quick_changes_draw_only_the_newest_race(view, qtbot):
    drawn = []
    view.race_computed.connect(lambda: drawn.append(view.paths["sgd"].lr))
    with raced(qtbot, view):
        for lr in (0.001, 0.002, 0.003, 0.004):
            view.set_learning_rate(lr)
    view.shutdown()  # waits for the thread: any older answer still on its way arrives now, and is ignored
    QApplication.processEvents()
    assert drawn == [pytest.approx(0.004)]
    assert not _race_threads()


def test_the_worker_races_only_the_newest_of_the_queued_requests():
    bowl = surface("bowl")
    worker = RaceWorker()  # no thread: run() below loops in this one, until its first answer stops it
    answers = []

    def answered(request, paths):
        answers.append((request.generation, paths))
        worker.stop()

    worker.race_finished.connect(answered)
    for generation, lr in enumerate((0.1, 0.2, 0.3), start=1):
        worker.request(RaceRequest(generation, bowl, ("sgd", "adam"), lr, 20, bowl.start, 0.9))
    worker.run()
    assert [generation for generation, _ in answers] == [3]
    assert answers[0][1]["adam"].lr == pytest.approx(0.3)
    worker.deleteLater()


def test_a_newer_request_abandons_a_race_between_optimizers():
    bowl = surface("bowl")
    request = RaceRequest(1, bowl, ("sgd", "momentum", "adam"), 0.1, 50, bowl.start, 0.9)
    checks = []

    def superseded():
        checks.append(True)
        return len(checks) > 1  # a newer request arrives while the first optimizer runs

    assert compute_race(request, superseded) is None and len(checks) == 2
    assert_same_race(compute_race(request), race(bowl, ["sgd", "momentum", "adam"], 0.1, 50, bowl.start, 0.9))


def test_an_unexpected_error_in_a_race_is_one_sentence_and_the_next_setting_races(view, qtbot, monkeypatch, caplog):
    real_race = gui.landscape.worker.compute_race

    def broken_race(request, superseded=lambda: False):
        if request.lr == pytest.approx(0.002):
            raise RuntimeError("injected failure")
        return real_race(request, superseded)

    monkeypatch.setattr(gui.landscape.worker, "compute_race", broken_race)
    before = view.paths
    with caplog.at_level(logging.ERROR, logger="glassbox"):
        with qtbot.waitSignal(view.race_failed, timeout=RACE_TIMEOUT_MS) as failed:
            view.set_learning_rate(0.002)
    sentence = failed.args[0]
    assert view.banner.isVisible() and view.banner.text() == sentence
    assert "injected failure" in sentence and "Traceback" not in sentence and "\n" not in sentence
    assert any(record.exc_info and record.exc_info[0] is RuntimeError for record in caplog.records)  # logged
    assert view.paths is before and not view.race_pending and not view.busy_label.isVisibleTo(view)
    assert _race_threads()  # the race thread lives on
    with raced(qtbot, view):  # the controls still work: another slider value races normally
        view.lr_slider.setValue(view.lr_slider.value() + 20)
    assert not view.banner.isVisible()
    assert view.paths["sgd"].lr == pytest.approx(view.learning_rate) and view.learning_rate > 0.002


def test_the_race_worker_recovers_from_an_unexpected_error_and_answers_the_next_request(monkeypatch):
    bowl = surface("bowl")
    real_race = gui.landscape.worker.compute_race

    def broken_first(request, superseded=lambda: False):
        if request.generation == 1:
            raise RuntimeError("injected failure")
        return real_race(request, superseded)

    monkeypatch.setattr(gui.landscape.worker, "compute_race", broken_first)
    worker = RaceWorker()  # no thread: run() below loops in this one, until its answer to request 2 stops it
    events = []

    def failed(sentence):
        events.append(("failed", sentence))
        worker.request(RaceRequest(2, bowl, ("sgd",), 0.1, 20, bowl.start, 0.9))

    def answered(request, paths):
        events.append(("finished", request.generation))
        worker.stop()

    worker.race_broken.connect(lambda request: events.append(("broken", request.generation)))
    worker.failed.connect(failed)
    worker.race_finished.connect(answered)
    worker.request(RaceRequest(1, bowl, ("sgd",), 0.1, 20, bowl.start, 0.9))
    worker.run()
    assert [event[0] for event in events] == ["broken", "failed", "finished"]
    assert events[0][1] == 1 and "injected failure" in events[1][1] and events[2][1] == 2
    worker.deleteLater()


def test_closing_the_view_stops_its_race_thread(qtbot):
    widget = LandscapeView()
    qtbot.addWidget(widget)
    threads = _race_threads()
    assert len(threads) == 1  # started by the first race
    widget.set_learning_rate(0.01)  # still racing when the view closes
    widget.close()
    assert not threads[0].isRunning() and not _race_threads()
    assert not widget.race_pending and not widget.busy_label.isVisibleTo(widget)


def test_a_view_dropped_without_closing_still_stops_its_race_thread(qapp):
    widget = LandscapeView()
    widget.set_learning_rate(0.01)
    thread = _race_threads()[0]
    del widget
    gc.collect()  # a QThread freed while running would abort the process here
    assert not thread.isRunning()


def test_a_view_for_pictures_races_in_the_calling_thread(qtbot):
    widget = LandscapeView(threaded=False)
    qtbot.addWidget(widget)
    widget.set_optimizers(["sgd", "adam"])
    assert widget.paths and not widget.race_pending  # drawn before the setter returned
    widget.set_steps(40)
    widget.go_to_end()
    assert widget.current_step == 40 and "step 40 of 40" in widget.step_label.text()
    widget.set_momentum(0.0)
    widget.set_optimizers(["nesterov"])
    assert "Nesterov" in widget.banner.text() and set(widget.paths) == {"sgd", "adam"}
    assert not _race_threads()


def test_closing_the_window_stops_the_landscape_race_thread(make_window, qtbot):
    window = make_window()
    window.tabs.setCurrentWidget(window.landscape_tab)
    view = window.landscape_tab.view.surfaces
    qtbot.waitUntil(lambda: bool(view.paths), timeout=RACE_TIMEOUT_MS)
    threads = _race_threads()
    assert len(threads) == 1
    window.close()
    assert not threads[0].isRunning()
