"""The convolution lab under hostile use: odd save names, saving over a model, broken settings and model
files, special files as images, and closing while a long step runs."""

from __future__ import annotations

import os
import threading
import time

import numpy as np
import pytest
import torch
from PySide6.QtCore import QSettings

from core.cnn import image_sets as cnn_datasets
from core.cnn.trainer import CnnTrainer
from core.nets.cnn import build_cnn
from core.nets.model_store import ModelInfo, available_models, save_model
from gui.convolution.tab import LIVE_MODEL, ConvTab
from gui.convolution.training_panel import CnnTrainingPanel
from gui.threads import stop_thread
from gui.widgets import saved_values

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


def make_tab(qtbot, settings, models_dir, tmp_path) -> ConvTab:
    tab = ConvTab(settings, models_dir, cache_dir=tmp_path / "cache")
    qtbot.addWidget(tab)
    tab.resize(1400, 900)
    tab.show()
    qtbot.waitExposed(tab)
    qtbot.waitUntil(lambda: not tab.analysing, timeout=WAIT_MS)
    return tab


@pytest.fixture
def tab(qtbot, settings, models_dir, tmp_path):
    tab = make_tab(qtbot, settings, models_dir, tmp_path)
    yield tab
    tab.shutdown()


def load_digits(qtbot, tab: ConvTab) -> None:
    tab.training.set_kind("digits")
    assert tab.training.request_load()
    qtbot.waitUntil(lambda: not tab.training.busy, timeout=WAIT_MS)
    assert tab.training.loaded


def step_and_wait(qtbot, tab: ConvTab, step: int) -> None:
    tab.training.step_button.click()
    qtbot.waitUntil(lambda: tab.training.progress.format().startswith(f"step {step} "), timeout=WAIT_MS)


def status(tab: ConvTab) -> str:
    return tab.training.status_text()


# ---- saving ------------------------------------------------------------------------------------

def test_a_300_letter_name_is_one_sentence_and_training_goes_on(qtbot, tab, models_dir):
    load_digits(qtbot, tab)
    assert not tab.training.request_save("a" * 300)
    assert "too long" in status(tab) and tab.training.status.property("error") is True
    assert "Saved" not in status(tab) and len(status(tab)) < 300
    step_and_wait(qtbot, tab, 1)
    with qtbot.waitSignal(tab.live.saved, timeout=WAIT_MS):
        assert tab.training.request_save("good_name")
    assert "Saved as 'good_name'" in status(tab)


def test_a_save_that_fails_in_the_worker_says_so_and_the_worker_lives_on(qtbot, tab, models_dir, monkeypatch):
    load_digits(qtbot, tab)

    def full_disk(trainer, name, directory=None):
        raise OSError(36, "File name too long")

    monkeypatch.setattr(CnnTrainer, "save", full_disk)
    tab.training.request_save("class_model")
    qtbot.waitUntil(lambda: "was not saved" in status(tab), timeout=WAIT_MS)
    assert "File name too long" in status(tab) and tab.training.status.property("error") is True
    assert "class_model" not in available_models(models_dir)
    monkeypatch.undo()
    step_and_wait(qtbot, tab, 1)  # Step, Train and Save still work
    tab.training.play_button.click()
    qtbot.waitUntil(lambda: tab.training.playing, timeout=WAIT_MS)
    tab.training.play_button.click()
    qtbot.waitUntil(lambda: not tab.training.playing, timeout=WAIT_MS)
    with qtbot.waitSignal(tab.live.saved, timeout=WAIT_MS):
        tab.training.request_save("class_model")
    assert "class_model" in available_models(models_dir) and tab.live.running


def test_saving_over_a_model_of_the_same_name_asks_and_cancel_keeps_it(qtbot, tab, models_dir, monkeypatch):
    load_digits(qtbot, tab)
    with qtbot.waitSignal(tab.live.saved, timeout=WAIT_MS):
        tab.training.request_save("my_model")
    before = (models_dir / "my_model.safetensors").read_bytes()
    step_and_wait(qtbot, tab, 1)
    asked = []
    monkeypatch.setattr(tab.training, "confirm_replace", lambda name: asked.append(name) or False)
    tab.training.request_save("my_model")
    assert asked == ["my_model"] and "Nothing was saved" in status(tab)
    step_and_wait(qtbot, tab, 2)  # anything the worker had been sent would have run by now
    assert (models_dir / "my_model.safetensors").read_bytes() == before
    monkeypatch.setattr(tab.training, "confirm_replace", lambda name: asked.append(name) or True)
    with qtbot.waitSignal(tab.live.saved, timeout=WAIT_MS):
        tab.training.request_save("my_model")
    assert asked == ["my_model", "my_model"] and "Saved as 'my_model'" in status(tab)
    assert (models_dir / "my_model.safetensors").read_bytes() != before


def test_a_new_name_is_saved_without_asking(qtbot, tab, monkeypatch):
    load_digits(qtbot, tab)
    monkeypatch.setattr(tab.training, "confirm_replace", lambda name: pytest.fail("nothing to replace"))
    with qtbot.waitSignal(tab.live.saved, timeout=WAIT_MS):
        tab.training.request_save("brand_new")


# ---- divergence ----------------------------------------------------------------------------------

def test_a_divergence_is_marked_on_the_last_finite_loss_and_a_reset_clears_it(qtbot, tab, monkeypatch):
    from core.errors import DivergedError
    load_digits(qtbot, tab)
    step_and_wait(qtbot, tab, 1)
    step_and_wait(qtbot, tab, 2)

    def diverge(trainer):
        raise DivergedError(trainer.step_count + 1, float("inf"))

    monkeypatch.setattr(CnnTrainer, "step", diverge)
    tab.training.step_button.click()
    qtbot.waitUntil(lambda: "diverged at step 3" in status(tab), timeout=WAIT_MS)
    steps, losses = tab.training.curve_data()
    marked_x, marked_y = tab.training.divergence_mark.getData()
    assert list(marked_x) == [steps[-1]] == [2] and list(marked_y) == [losses[-1]] and np.isfinite(losses).all()
    monkeypatch.undo()
    tab.training.reset_button.click()
    qtbot.waitUntil(lambda: tab.training.progress.format().startswith("step 0 "), timeout=WAIT_MS)
    marked_x, _ = tab.training.divergence_mark.getData()
    assert marked_x is None or len(marked_x) == 0


# ---- limits ------------------------------------------------------------------------------------

def test_training_that_cannot_fit_in_memory_is_one_sentence_before_it_starts(qtbot, tab, monkeypatch):
    from core.cnn import trainer as cnn_trainer
    load_digits(qtbot, tab)
    assert "weights · about" in tab.training.progress.toolTip()  # the estimate, beside the steps/s
    monkeypatch.setattr(cnn_trainer, "available_memory", lambda: 1024)
    tab.training.batch_box.setValue(64)
    tab.training.batch_box.editingFinished.emit()  # a bigger batch for the run in training: refused
    qtbot.waitUntil(lambda: "choose a smaller batch" in status(tab), timeout=WAIT_MS)
    step_and_wait(qtbot, tab, 1)  # the run goes on with the batch it had
    tab.training.set_kind("digits")
    assert tab.training.request_load()  # a new run: refused before it starts, the old one stays
    qtbot.waitUntil(lambda: not tab.training.busy, timeout=WAIT_MS)
    assert "choose a smaller batch" in status(tab) and tab.training.status.property("error") is True
    assert tab.model_name == LIVE_MODEL and tab.training.loaded
    step_and_wait(qtbot, tab, 2)


# ---- closing while a long step runs -------------------------------------------------------------

def test_closing_during_a_long_step_ends_the_thread_within_a_second(qtbot, tab, monkeypatch):
    load_digits(qtbot, tab)
    entered = threading.Event()

    def long_step(trainer):  # a step over a huge batch: the real one asks `abort` between its pieces
        entered.set()
        while not trainer.abort():
            time.sleep(0.002)
        return None

    monkeypatch.setattr(CnnTrainer, "step", long_step)
    tab.training.play_button.click()
    assert entered.wait(WAIT_MS / 1000)
    assert stop_thread(tab.live.worker, tab.live.thread, timeout_ms=1000)


# ---- settings and model files that cannot be used -----------------------------------------------

def test_unusable_saved_training_settings_fall_back_key_by_key(qtbot, tmp_path):
    path = tmp_path / "odd.ini"
    path.write_text("[cnn_training]\nbatch_size=99999999999999999999\nlearning_rate=nan\nspeed=-7\n"
                    "optimizer=sgd\nsave_name=\"../../etc\"\nsource=cifar10\nopen=maybe\n")
    settings = QSettings(str(path), QSettings.Format.IniFormat)
    saved_values.take_resets()
    panel = CnnTrainingPanel(settings)
    qtbot.addWidget(panel)
    state = panel.state()
    assert (state.batch_size, state.learning_rate, state.speed, state.save_name) == (32, 0.001, None, "my_model")
    assert (state.optimizer, state.source) == ("sgd", "cifar10")  # the good keys are kept
    assert {"cnn_training/batch_size", "cnn_training/learning_rate", "cnn_training/speed",
            "cnn_training/save_name"} <= set(saved_values.take_resets())


def test_broken_model_files_are_named_once_refused_when_chosen_and_the_lab_starts(qtbot, settings, models_dir, tmp_path):
    (models_dir / "deep.json").write_text("[" * 100_000 + "]" * 100_000)
    (models_dir / "deep.safetensors").write_bytes(b"")
    (models_dir / "odd.json").write_text((models_dir / "digits.json").read_text().replace("0.1307", "NaN"))
    (models_dir / "odd.safetensors").write_bytes((models_dir / "digits.safetensors").read_bytes())
    tab = make_tab(qtbot, settings, models_dir, tmp_path)
    try:
        assert tab.model_name == "digits" and tab.record is not None
        assert "2 model(s) in the models folder cannot be used" in tab.message_text()
        assert "nan%" not in tab.message_text()
        for name in ("deep", "odd"):
            assert not tab.set_model(name)  # chosen anyway: one sentence, and digits stays
            assert tab.message_is_error() and len(tab.message_text().splitlines()) == 1
            assert tab.model_name == "digits"
    finally:
        tab.shutdown()


# ---- images from paths ---------------------------------------------------------------------------

@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are a POSIX thing")
def test_special_files_as_images_are_one_sentence_and_the_picture_stays(qtbot, tab, tmp_path):
    before = tab.image
    fifo = tmp_path / "x.png"
    os.mkfifo(fifo)
    folder = tmp_path / "folder.png"
    folder.mkdir()
    for path in (fifo, folder, "/dev/zero"):
        if not os.path.exists(path):
            continue
        assert not tab.load_path(path)
        assert tab.message_is_error() and tab.image is before
        assert len(tab.message_text().splitlines()) == 1


def test_a_pasted_image_far_too_big_is_shrunk_before_it_is_copied(qtbot, tab):
    from PySide6.QtGui import QImage
    from gui.convolution.sources import image_from_qimage
    huge = QImage(6000, 3000, QImage.Format.Format_RGB32)
    huge.fill(0xFFFFFF)
    image = image_from_qimage(huge, "screenshot")
    assert image.original_size == (6000, 3000) and max(image.pixels.shape[:2]) <= 1024
    assert np.asarray(image.pixels).dtype == np.uint8
    assert tab.load_qimage(huge) and tab.model_name != LIVE_MODEL
