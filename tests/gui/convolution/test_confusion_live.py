"""The confusion matrix of the lab's network in training: counted in the training worker on the held-out
pictures, shown in a window the panel opens, its clicked cell's pictures beside it.

Generated sets are small here (60 held-out digits), so a run loads and counts in well under a second.
"""

from __future__ import annotations

import functools
import threading

import numpy as np
import pytest
import torch
from PySide6.QtCore import QEvent, QPoint, QSettings, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip

from core.cnn import image_sets as cnn_datasets
from core.cnn.confusion import Confusion, confusion_matrix
from core.cnn.image_sets import DataSource, load_image_set
from core.nets.cnn import build_cnn
from core.nets.model_store import ModelInfo, save_model
from gui.convolution.explain.training import training_confusion
from gui.convolution.explain.training.confusion_view import ConfusionView, confusion_widget
from gui.convolution.explain.training.confusion_window import MAX_THUMBNAILS
from gui.convolution.tab import ConvTab
from gui.convolution.training_panel import CnnTrainingPanel
from gui.threads import follow, stop_thread

WAIT_MS = 20_000


@pytest.fixture(autouse=True)
def small_generated_sets(monkeypatch):
    monkeypatch.setitem(cnn_datasets.GENERATED_SIZES, "digits", (240, 60))


@pytest.fixture
def models_dir(tmp_path):
    folder = tmp_path / "models"
    torch.manual_seed(0)
    save_model(build_cnn("digits"), ModelInfo("digits", "digits", tuple("0123456789"),
                                              dict(cnn_datasets.DIGITS_PREPROCESSING)), folder)
    return folder


@pytest.fixture
def tab(qtbot, settings, models_dir, tmp_path):
    tab = ConvTab(settings, models_dir, cache_dir=tmp_path / "cache")
    qtbot.addWidget(tab)
    tab.resize(1400, 900)
    tab.show()
    qtbot.waitExposed(tab)
    yield tab
    tab.shutdown()
    if tab.training.confusion.window is not None:
        tab.training.confusion.window.close()


@functools.cache
def digits_set():
    """The generated digits exactly as the worker draws them (same sizes, same seed); drawn once."""
    assert cnn_datasets.GENERATED_SIZES["digits"] == (240, 60)
    return follow(load_image_set(DataSource("digits"), seed=tab_seed()), lambda _progress: None)


def tab_seed() -> int:
    from core.cnn.trainer import CnnTrainConfig
    return CnnTrainConfig().seed


def latest_weights(tab: ConvTab) -> list:
    """Every weight report the lab receives, newest last."""
    received = []
    tab.live.weights_changed.connect(received.append)
    return received


def open_and_load(qtbot, tab: ConvTab, start: str = "shipped"):
    tab.training.confusion.set_open(True)
    window = tab.training.confusion.window
    tab.training.start_combo.setCurrentIndex(tab.training.start_combo.findData(start))
    tab.training.set_kind("digits")
    assert tab.training.request_load()
    qtbot.waitUntil(lambda: window.report is not None, timeout=WAIT_MS)
    return window


def counted_by_core(weights: dict, data) -> Confusion:
    model = build_cnn("digits")
    model.load_state_dict({key: torch.from_numpy(value) for key, value in weights.items()})
    return confusion_matrix(model, data.x_test, data.y_test.numpy(), data.class_names, prepare=data.inputs)


def test_the_counts_are_core_confusion_matrix_for_the_same_weights(qtbot, tab):
    weights = latest_weights(tab)
    window = open_and_load(qtbot, tab)
    report = window.report
    qtbot.waitUntil(lambda: len(weights) > 0, timeout=WAIT_MS)
    assert report.step == 0 and report.held_out == 60 and report.confusion.total == 60
    data = digits_set()
    expected = counted_by_core(weights[-1], data)
    assert np.array_equal(report.confusion.counts, expected.counts)
    # The pictures came along, as a person sees them (the set's pixels, channels last).
    assert np.array_equal(window.pixels, data.x_test.numpy().transpose(0, 2, 3, 1))
    assert "on 60 held-out pictures" in window.view.summary_text() and "step 0" in window.view.summary_text()


def test_the_matrix_follows_each_training_step(qtbot, tab):
    weights = latest_weights(tab)
    window = open_and_load(qtbot, tab, start="random")
    tab.training.lr_box.setValue(0.01)
    tab.training.lr_box.editingFinished.emit()
    first = window.report.confusion.counts.copy()
    for step in (1, 2, 3, 4, 5):
        tab.training.step_button.click()
        qtbot.waitUntil(lambda: window.report.step == step, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: tab.training.progress.format().startswith("step 5 "), timeout=WAIT_MS)
    assert not np.array_equal(window.report.confusion.counts, first)  # five steps of a random net change its mind
    expected = counted_by_core(weights[-1], digits_set())
    assert np.array_equal(window.report.confusion.counts, expected.counts)
    assert window.pixels is not None  # sent with the run's first count, kept for the later ones


def test_clicking_a_cell_shows_exactly_its_pictures_with_a_caption_naming_the_classes(qtbot, tab):
    window = open_and_load(qtbot, tab, start="random")
    confusion = window.report.confusion
    off_diagonal = confusion.counts - np.diag(np.diag(confusion.counts))
    true_class, predicted = np.unravel_index(int(np.argmax(off_diagonal)), off_diagonal.shape)
    assert off_diagonal[true_class, predicted] > 0
    window.resize(900, 520)
    window.show()
    qtbot.waitExposed(window)
    centre = window.view.cell_rect(int(true_class), int(predicted)).center().toPoint()
    qtbot.mouseClick(window.view, Qt.MouseButton.LeftButton, pos=centre)
    members = confusion.members(int(true_class), int(predicted))
    assert window.view.selected == (true_class, predicted)
    assert np.array_equal(window.shown, members[:MAX_THUMBNAILS])
    assert window.thumbnails.count() == min(len(members), MAX_THUMBNAILS)
    shown_pixels = window.pixels[window.shown]
    data = digits_set()
    assert np.array_equal(shown_pixels, data.x_test.numpy()[members[:MAX_THUMBNAILS]].transpose(0, 2, 3, 1))
    assert (data.y_test.numpy()[members] == true_class).all()
    caption = window.caption.text()
    assert f"These {len(members)} pictures of '{true_class}' were read as '{predicted}'." in caption
    right = int(np.argmax(np.diag(confusion.counts)))
    window.view.select(right, right)
    assert f"pictures of '{right}' were read correctly" in window.caption.text()
    assert "read correctly" in window.view.tooltip_for(right, right)


def test_nothing_is_counted_while_the_window_is_closed_and_opening_counts_at_once(qtbot, tab):
    weights = latest_weights(tab)
    tab.training.set_kind("digits")
    assert tab.training.request_load()
    qtbot.waitUntil(lambda: tab.training.loaded, timeout=WAIT_MS)
    tab.training.step_button.click()
    qtbot.waitUntil(lambda: tab.training.progress.format().startswith("step 1 "), timeout=WAIT_MS)
    assert tab.training.confusion.window is None and tab.training.confusion._report is None
    tab.training.confusion.set_open(True)
    window = tab.training.confusion.window
    qtbot.waitUntil(lambda: window.report is not None, timeout=WAIT_MS)
    assert window.report.step == 1 and window.pixels is not None
    assert np.array_equal(window.report.confusion.counts, counted_by_core(weights[-1], digits_set()).counts)


def test_the_window_is_remembered_and_closing_it_unchecks_the_button(qtbot, tmp_path):
    settings = QSettings(str(tmp_path / "remember.ini"), QSettings.Format.IniFormat)
    panel = CnnTrainingPanel(settings)
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitExposed(panel)
    panel.confusion_button.click()
    assert panel.confusion.is_open() and panel.confusion.window.isVisible()
    assert settings.value("cnn_training/confusion_open") in (True, "true")
    panel.confusion.window.close()
    assert not panel.confusion_button.isChecked()
    assert settings.value("cnn_training/confusion_open") in (False, "false")
    panel.confusion.set_open(True)
    again = CnnTrainingPanel(settings)  # the next session
    qtbot.addWidget(again)
    assert again.confusion.window is None
    again.show()
    qtbot.waitExposed(again)
    assert again.confusion.is_open() and again.confusion.window.isVisible()
    for window in (panel.confusion.window, again.confusion.window):
        window.close()


def test_closing_the_main_window_ends_the_app_and_the_window_is_remembered_as_open(qtbot, make_window, settings):
    window = make_window()
    panel = window.conv_tab.training
    window.show()
    qtbot.waitExposed(window)
    panel.confusion.set_open(True)
    # Qt ends the app when the last window that quits on close has closed (checked by hand with app.exec():
    # lastWindowClosed comes while the confusion window is open); this one is not such a window.
    assert not panel.confusion.window.testAttribute(Qt.WidgetAttribute.WA_QuitOnClose)
    window.close()
    panel.confusion.window.close()  # as the app does when it ends
    assert settings.value("cnn_training/confusion_open") in (True, "true")  # open again next time


def test_the_window_fits_a_projector(qtbot):
    panel = CnnTrainingPanel()
    qtbot.addWidget(panel)
    panel.confusion.set_open(True)
    window = panel.confusion.window
    assert window.width() <= 1000 and window.height() <= 700
    hint = window.minimumSizeHint()
    assert hint.width() <= 700 and hint.height() <= 450
    window.close()


def test_current_source_is_the_chosen_pictures(qtbot, tmp_path):
    panel = CnnTrainingPanel()
    qtbot.addWidget(panel)
    panel.set_kind("mnist")
    assert panel.current_source() == DataSource("mnist")
    panel.set_kind("folder")
    panel._folder = str(tmp_path)  # as if chosen in the folder dialog
    assert panel.current_source() == DataSource("folder", str(tmp_path))


def test_closing_during_a_count_ends_the_thread_within_a_second(qtbot, tab, monkeypatch):
    entered = threading.Event()

    def endless(model, data, limit, should_stop, batch_size):  # a count that only ends when told to
        entered.set()
        while not should_stop():
            yield None
        return None

    open_and_load(qtbot, tab)
    monkeypatch.setattr(training_confusion, "confusion_of_set", endless)
    tab.training.step_button.click()
    assert entered.wait(WAIT_MS / 1000)
    assert stop_thread(tab.live.worker, tab.live.thread, timeout_ms=1000)


# ---- the counter, without a thread ------------------------------------------------------------------

def test_the_counter_is_throttled_and_sends_the_pictures_once_per_run(fake_clock):
    data = digits_set()
    counter = training_confusion.ConfusionCounter(fake_clock, every_s=2.0)
    counter.new_run(data)
    assert not counter.due(force=True)  # nobody looks
    counter.wanted = True
    assert counter.due()
    model = build_cnn("digits")
    first = counter.count(model, 0, lambda: False)
    assert first.pixels.shape == (60, 28, 28, 1) and first.pixels.dtype == np.uint8
    assert not counter.due() and counter.due(force=True)
    fake_clock.advance(2.0)
    assert counter.due()
    second = counter.count(model, 1, lambda: False)
    assert second.pixels is None and np.array_equal(second.confusion.counts, first.confusion.counts)
    assert counter.count(model, 2, lambda: True) is None  # stopped before its first batch
    counter.new_run(data)
    assert counter.count(model, 0, lambda: False).pixels is not None


def test_the_count_is_capped_per_architecture_and_photos_become_pixels_again():
    assert training_confusion.limit_for("digits") == 2000 and training_confusion.limit_for("shapes") == 200
    assert training_confusion.limit_for("an unknown one") == training_confusion.DEFAULT_LIMIT
    rng = np.random.default_rng(1)
    pixels = rng.integers(0, 256, (5, 8, 8, 3), dtype=np.uint8)
    preprocessing = dict(cnn_datasets.SHAPES_PREPROCESSING)
    stored = cnn_datasets.as_tensor(pixels, preprocessing)  # how a folder's photos are stored
    photos = cnn_datasets.ImageSet("photos", "shapes", ("a", "b"), preprocessing, stored, torch.zeros(5).long(),
                                   stored, torch.zeros(5).long())
    assert np.array_equal(training_confusion.held_out_pixels(photos, 4), pixels[:4])


# ---- the view ------------------------------------------------------------------------------------

def ten_classes() -> Confusion:
    rng = np.random.default_rng(0)
    counts = rng.integers(0, 6, (10, 10))
    counts[np.diag_indices(10)] = rng.integers(80, 200, 10)
    labels = np.repeat(np.arange(10), counts.sum(axis=1))
    predictions = np.concatenate([np.repeat(np.arange(10), row) for row in counts])
    return Confusion(tuple("0123456789"), counts, labels, predictions, len(labels), len(labels))


@pytest.mark.parametrize("size", [(420, 330), (700, 450), (1100, 700)])
def test_every_cell_is_found_where_it_is_drawn_and_counts_stay_readable(qtbot, size):
    view = ConfusionView()
    qtbot.addWidget(view)
    confusion = ten_classes()
    view.set_confusion(confusion, held_out=10_000, step=7)
    view.resize(*size)
    for row in range(10):
        for column in range(10):
            centre = view.cell_rect(row, column).center()
            assert view.cell_at(centre.x(), centre.y()) == (row, column)
    grid = view.geometry_now().grid
    assert grid.right() <= size[0] and grid.bottom() <= size[1]
    assert view._count_font(view.geometry_now().cell, confusion.counts).pointSizeF() >= 8
    assert "on the first 1," in view.summary_text() and "10,000" in view.summary_text()
    assert view.cell_at(1, 1) is None


def test_a_click_on_a_cell_says_which_cell(qtbot):
    view = ConfusionView()
    qtbot.addWidget(view)
    view.set_confusion(ten_classes())
    view.resize(600, 450)
    view.show()
    qtbot.waitExposed(view)
    with qtbot.waitSignal(view.cell_clicked) as clicked:
        qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=view.cell_rect(3, 8).center().toPoint())
    assert clicked.args == [3, 8]
    tip = view.tooltip_for(3, 8)
    assert "'3'" in tip and "'8'" in tip and str(int(ten_classes().counts[3, 8])) in tip
    centre = view.cell_rect(3, 8).center().toPoint()
    QApplication.sendEvent(view, QHelpEvent(QEvent.Type.ToolTip, centre, view.mapToGlobal(centre)))
    assert QToolTip.text() == tip  # hovering shows it


def test_the_snapshot_widget_needs_no_worker(qtbot):
    widget = confusion_widget(ten_classes())
    qtbot.addWidget(widget)
    image = widget.grab().toImage()
    assert not image.isNull() and image.width() >= 400
    # The diagonal is framed in black: its cells' edges are dark whatever their colour.
    rect = widget.cell_rect(2, 2)
    edge = image.pixelColor(QPoint(int(rect.left()) + 1, int(rect.center().y())))
    assert edge.lightness() < 60


def test_the_window_follows_the_zoom(qtbot):
    from gui.style.zoom import ZOOM

    panel = CnnTrainingPanel()
    qtbot.addWidget(panel)
    panel.confusion.set_open(True)
    window = panel.confusion.window
    caption, label = window.caption.font().pointSizeF(), window.view._label_font().pointSizeF()
    try:
        ZOOM.set_factor(2.0)
        assert window.caption.font().pointSizeF() == pytest.approx(2 * caption)
        assert window.view._label_font().pointSizeF() == pytest.approx(2 * label)
        assert window.view.minimumWidth() >= 2 * 220 - 1
    finally:
        ZOOM.set_factor(1.0)
        window.close()


def test_a_folder_matrix_does_not_call_its_pictures_held_out(qtbot):
    """`snapshot --view confusion --folder` counts every picture of the folder: none of them was held out."""
    confusion = Confusion(("cat", "dog"), np.array([[3, 1], [0, 4]]), np.zeros(8, dtype=np.int64),
                          np.zeros(8, dtype=np.int64), 8, 8)
    held = confusion_widget(confusion)
    folder = confusion_widget(confusion, from_folder=True)
    qtbot.addWidget(held)
    qtbot.addWidget(folder)
    assert "held-out" in held.summary_text()
    assert "held-out" not in folder.summary_text() and "folder" in folder.summary_text()
    assert "87.5%" in folder.summary_text() and "8 pictures" in folder.summary_text()
