"""Training the convolution lab's network live: the panel, the worker thread, and the maps that follow.

Generated sets are made small here (GENERATED_SIZES), so a test loads in well under a second.
The maps are redrawn by the tab's analysis worker: a test waits (on the GUI thread) until the
tab has drawn the answer to its latest analysis.
"""

from __future__ import annotations

import gzip

import numpy as np
import pytest
import torch
from PIL import Image

from core.cnn.trainer import CnnTrainer
from core.cnn import image_sets as cnn_datasets
from core.data.downloads import DATASET_SOURCES, dataset_dir
from core.data.idx import encode_idx
from core.errors import DivergedError
from core.nets.cnn import build_cnn
from core.nets.model_store import ModelInfo, available_models, load_model, save_model
from gui.convolution.worker import LOAD_CANCELLED
from gui.convolution.tab import LIVE_MODEL, ConvTab

WAIT_MS = 20_000


@pytest.fixture(autouse=True)
def small_generated_sets(monkeypatch):
    monkeypatch.setitem(cnn_datasets.GENERATED_SIZES, "digits", (240, 60))
    monkeypatch.setitem(cnn_datasets.GENERATED_SIZES, "shapes", (120, 30))


@pytest.fixture
def models_dir(tmp_path):
    """A seeded digits network as the 'shipped' one: fine-tuning starts from its kernels."""
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
    answered(qtbot, tab)
    yield tab
    tab.shutdown()


def answered(qtbot, tab: ConvTab) -> None:
    """Wait until the tab has drawn the answer to its latest analysis."""
    qtbot.waitUntil(lambda: not tab.analysing, timeout=WAIT_MS)


def load(qtbot, tab: ConvTab, kind: str, **options) -> None:
    tab.training.set_kind(kind)
    assert tab.training.request_load(**options)
    qtbot.waitUntil(lambda: not tab.training.busy, timeout=WAIT_MS)
    answered(qtbot, tab)


def at_step(qtbot, tab: ConvTab, step: int) -> None:
    """Wait until the panel shows step `step` and the lab has drawn the maps for it."""
    qtbot.waitUntil(lambda: tab.training.progress.format().startswith(f"step {step} "), timeout=WAIT_MS)
    answered(qtbot, tab)


def step_and_wait(qtbot, tab: ConvTab, step: int) -> None:
    """Press Step and wait until the lab has drawn the maps after training step `step`."""
    tab.training.step_button.click()
    at_step(qtbot, tab, step)


def conv1_weights(tab: ConvTab) -> np.ndarray:
    return tab.record.layer("conv1").weight


def test_loaded_data_puts_the_network_in_training_on_screen(qtbot, tab, models_dir):
    before = tab.record
    load(qtbot, tab, "digits")
    assert tab.training.loaded and not tab.message_is_error()
    assert tab.model_name == LIVE_MODEL and tab.strip.model_combo.currentData() == LIVE_MODEL
    assert "generated digits" in tab.strip.model_combo.currentText()
    assert tab.record is not before and "in training" in tab.cnn_view.title.text()
    status = tab.training.status_text()
    assert "240 training and 60 held-out" in status and "the shipped digits network" in status
    # Started from the shipped kernels: the maps show exactly those.
    shipped = load_model("digits", models_dir)[0]
    assert np.array_equal(conv1_weights(tab), shipped.conv1.weight.detach().numpy())


def test_each_step_redraws_the_kernels_and_maps_of_the_current_image(qtbot, tab):
    load(qtbot, tab, "digits")
    at_step(qtbot, tab, 0)
    kernels = conv1_weights(tab).copy()
    step_and_wait(qtbot, tab, 1)
    assert not np.array_equal(conv1_weights(tab), kernels)  # one step moved every kernel a little
    drawn = tab.cnn_view.record
    assert drawn is tab.record and np.array_equal(drawn.layer("conv1").weight, conv1_weights(tab))


def test_training_lowers_the_loss_and_reports_accuracy_then_pauses(qtbot, tab):
    tab.training.start_combo.setCurrentIndex(tab.training.start_combo.findData("random"))
    load(qtbot, tab, "digits")
    tab.training.lr_box.setValue(0.003)
    tab.training.lr_box.editingFinished.emit()
    tab.training.play_button.click()
    qtbot.waitUntil(lambda: tab.training.playing, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: len(tab.training.curve_data()[0]) >= 2 and tab.training.curve_data()[0][-1] >= 120,
                    timeout=WAIT_MS)
    tab.training.play_button.click()
    qtbot.waitUntil(lambda: not tab.training.playing, timeout=WAIT_MS)
    steps, losses = tab.training.curve_data()
    assert losses[-1] < 0.8 * losses[0]
    assert "held out" in tab.training.accuracy.text() and "%" in tab.training.accuracy.text()
    assert tab.training.play_button.text().endswith("Train")


def test_reset_goes_back_to_the_starting_kernels(qtbot, tab):
    load(qtbot, tab, "digits")
    at_step(qtbot, tab, 0)
    start = conv1_weights(tab).copy()
    for step in (1, 2, 3):
        step_and_wait(qtbot, tab, step)
    assert not np.array_equal(conv1_weights(tab), start)
    tab.training.reset_button.click()
    at_step(qtbot, tab, 0)
    assert np.array_equal(conv1_weights(tab), start)


def test_a_photo_folder_trains_with_unreadable_files_skipped_and_counted(qtbot, tab, tmp_path):
    root = tmp_path / "photos"
    rng = np.random.default_rng(0)
    for name, colour in (("red", (220, 30, 30)), ("blue", (30, 30, 220)), ("green", (30, 180, 30))):
        (root / name).mkdir(parents=True)
        for index in range(4):
            pixels = rng.integers(200, 255, (48, 48, 3), dtype=np.uint8)
            pixels[12:36, 12:36] = colour
            Image.fromarray(pixels).save(root / name / f"{index}.png")
    (root / "red" / "broken.jpg").write_bytes(b"not a jpeg")
    load(qtbot, tab, "folder", folder=str(root))
    status = tab.training.status_text()
    assert "1 unreadable file(s) were skipped (broken.jpg)" in status
    assert "broken.jpg" in tab.training.status.toolTip() and "JPEG" in tab.training.status.toolTip()
    assert tab.record.class_names == ("blue", "green", "red")


def test_a_folder_that_cannot_be_used_is_one_sentence_and_the_lab_keeps_its_network(qtbot, tab, tmp_path):
    (tmp_path / "one" / "only").mkdir(parents=True)
    Image.fromarray(np.zeros((8, 8, 3), np.uint8)).save(tmp_path / "one" / "only" / "a.png")
    model, record = tab.model_name, tab.record
    load(qtbot, tab, "folder", folder=str(tmp_path / "one"))
    assert tab.training.status.property("error") is True
    assert "only the class 'only'" in tab.training.status_text()
    assert tab.model_name == model and tab.record is record and not tab.training.loaded


def test_cancel_while_loading_keeps_what_was_there(qtbot, tab, monkeypatch):
    monkeypatch.setitem(cnn_datasets.GENERATED_SIZES, "shapes", (3000, 600))  # seconds to draw
    tab.training.set_kind("shapes")
    assert tab.training.request_load()
    assert tab.training.play_button.text() == "Cancel"
    tab.training.play_button.click()
    qtbot.waitUntil(lambda: not tab.training.busy, timeout=WAIT_MS)
    assert tab.training.status_text() == LOAD_CANCELLED and not tab.training.loaded


def test_a_diverged_run_is_one_sentence_and_training_pauses(qtbot, tab, monkeypatch):
    # A real divergence needs a trained network and a huge step (tests/core/test_cnn_training.py has one);
    # here the worker's handling of it is what matters.
    def diverge(trainer):
        raise DivergedError(trainer.step_count + 1, float("nan"))

    load(qtbot, tab, "digits")
    monkeypatch.setattr(CnnTrainer, "step", diverge)
    tab.training.play_button.click()
    qtbot.waitUntil(lambda: "diverged at step 1" in tab.training.status_text(), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: not tab.training.playing, timeout=WAIT_MS)
    assert tab.training.status.property("error") is True
    assert all(np.isfinite(layer.output).all() for layer in tab.record.layers)


def test_an_unexpected_training_error_is_one_sentence_and_train_works_again(qtbot, tab, monkeypatch):
    def broken(trainer):
        raise RuntimeError("a bug in the step")

    load(qtbot, tab, "digits")
    at_step(qtbot, tab, 0)
    monkeypatch.setattr(CnnTrainer, "step", broken)
    tab.training.play_button.click()
    qtbot.waitUntil(lambda: "a bug in the step" in tab.training.status_text(), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: not tab.training.playing, timeout=WAIT_MS)
    assert tab.training.status.property("error") is True and "Traceback" not in tab.training.status_text()
    assert tab.training.play_button.text().endswith("Train") and tab.training.step_button.isEnabled()
    monkeypatch.undo()
    step_and_wait(qtbot, tab, 1)  # the worker's thread lives on, and the next command works
    assert tab.live.running and tab.model_name == LIVE_MODEL


def test_an_unexpected_error_while_loading_is_one_sentence_and_the_next_load_works(qtbot, tab, monkeypatch):
    import gui.convolution.worker as cnn_worker

    def broken(*arguments):
        raise RuntimeError("the images could not be drawn")

    monkeypatch.setattr(cnn_worker, "load_image_set", broken)
    tab.training.set_kind("digits")
    assert tab.training.request_load()
    qtbot.waitUntil(lambda: not tab.training.busy, timeout=WAIT_MS)
    assert "the images could not be drawn" in tab.training.status_text() and not tab.training.loaded
    assert tab.training.status.property("error") is True and tab.training.load_button.isEnabled()
    monkeypatch.undo()
    load(qtbot, tab, "digits")
    assert tab.training.loaded and tab.model_name == LIVE_MODEL


def test_save_as_adds_the_network_to_the_list(qtbot, tab, models_dir):
    load(qtbot, tab, "digits")
    with qtbot.waitSignal(tab.live.saved, timeout=WAIT_MS):
        tab.training.save_requested.emit("class_digits")
    assert "class_digits" in available_models(models_dir)
    assert tab.strip.model_combo.findData("class_digits") >= 0
    assert "Saved as 'class_digits'" in tab.training.status_text()
    tab.training.save_requested.emit("digits")  # the shipped model's name is not free
    qtbot.waitUntil(lambda: "comes with Glassbox" in tab.training.status_text(), timeout=WAIT_MS)
    assert tab.training.status.property("error") is True


def test_a_dataset_that_is_not_downloaded_is_offered_and_refusing_loads_nothing(qtbot, tab, monkeypatch):
    asked = []
    monkeypatch.setattr("gui.convolution.training_panel.ensure_downloaded",
                        lambda parent, kind, cache_dir: asked.append(kind) or False)
    tab.training.set_kind("mnist")
    assert not tab.training.request_load()
    assert asked == ["mnist"] and "not downloaded" in tab.training.status_text()
    assert not tab.training.busy and tab.live.worker is None  # no thread was started for nothing


def test_downloaded_mnist_files_are_trained_on(qtbot, tab, tmp_path):
    folder = dataset_dir("mnist", tmp_path / "cache")
    folder.mkdir(parents=True)
    rng = np.random.default_rng(2)
    shapes = {"train-images-idx3-ubyte.gz": (64, 28, 28), "train-labels-idx1-ubyte.gz": (64,),
              "t10k-images-idx3-ubyte.gz": (16, 28, 28), "t10k-labels-idx1-ubyte.gz": (16,)}
    assert set(shapes) == {remote.name for remote in DATASET_SOURCES["mnist"].files}
    for name, shape in shapes.items():
        high = 10 if len(shape) == 1 else 256
        (folder / name).write_bytes(gzip.compress(encode_idx(rng.integers(0, high, shape, dtype=np.uint8))))
    load(qtbot, tab, "mnist")
    assert "MNIST: 64 training and 16 held-out" in tab.training.status_text()
    assert tab.model_name == LIVE_MODEL


def test_the_landscape_tab_slices_the_cnn_in_training_and_marks_it_stale_after_a_reset(qtbot, make_window):
    window = make_window()
    landscape = window.landscape_tab.ensure_built()
    panel = landscape.cnn
    panel.request_compute()  # nothing trained yet
    assert "no CNN in training yet" in panel.message.text() and not panel.computing
    lab = window.conv_tab
    lab.training.set_kind("digits")
    assert lab.training.request_load()
    qtbot.waitUntil(lambda: lab.training.loaded, timeout=WAIT_MS)
    for step in (1, 2, 3):
        step_and_wait(qtbot, lab, step)
    panel.resolution_spin.setValue(11)
    panel.directions_combo.setCurrentIndex(panel.directions_combo.findData("pca"))
    panel.request_compute()
    qtbot.waitUntil(lambda: panel.result is not None, timeout=60_000)
    result = panel.result.landscape
    assert result.loss.shape == (11, 11) and np.isfinite(result.loss).all()
    assert result.directions == "pca" and int(result.path_steps[-1]) == 3
    assert result.loss[5, 5] == pytest.approx(result.center_loss, rel=1e-4)
    assert "press Train in the Convolution tab" in panel.message.text()
    lab.training.reset_button.click()
    qtbot.waitUntil(lambda: panel.stale == "reset", timeout=WAIT_MS)


def test_slowing_down_mid_run_keeps_training_at_the_new_speed(qtbot, tab):
    load(qtbot, tab, "digits")
    tab.training.play_button.click()
    qtbot.waitUntil(lambda: current_rate(tab) > 20, timeout=WAIT_MS)
    tab.training.speed_combo.setCurrentIndex(tab.training.speed_combo.findData(5.0))
    # Counted from the run's start, 5 steps/s would owe a pause of many seconds: no step, no rate shown.
    qtbot.waitUntil(lambda: 0 < current_rate(tab) <= 10, timeout=5_000)
    tab.training.play_button.click()
    qtbot.waitUntil(lambda: not tab.training.playing, timeout=WAIT_MS)


def current_rate(tab: ConvTab) -> float:
    """The steps per second of the last report, 0 when it made no step."""
    text = tab.training.progress.format()
    return float(text.split("·")[-1].split()[0].replace(",", "")) if text.endswith("steps/s") else 0.0
