"""What a channel looks for: the panel shows the core's top images, outlines their patches, animates the dream.

The shipped "digits" model looks at a small set of generated digits, handed to the worker through an
injected loader (drawing the lab's 3,600 digits would take seconds per test). Threaded tests wait on
conditions, never on the clock.
"""

from __future__ import annotations

import numpy as np
import pytest
import torch
from PySide6.QtCore import QEvent, QCoreApplication
from PySide6.QtGui import QColor

from core.cnn.analysis import open_model
from core.cnn.channels import DreamFrame, dream, top_images
from core.cnn.image_sets import DIGITS_PREPROCESSING, DataSource, ImageSet, LoadProgress
from core.data.synthetic_images import DIGIT_CLASSES, make_digits
from core.errors import DatasetError
from gui.convolution.explain.channel.channel_panel import ChannelPanel
from gui.convolution.explain.channel.channel_tiles import OUTLINE
from gui.convolution.explain.channel.channel_view import channel_widget
from gui.convolution.explain.model_shelf import LIVE_MODEL, LiveNetwork

HELD_OUT = 90


@pytest.fixture(scope="module")
def digits_set() -> ImageSet:
    x, y = make_digits(HELD_OUT, 31)
    images = torch.from_numpy(x).unsqueeze(1)
    labels = torch.from_numpy(y.astype(np.int64))
    return ImageSet("generated digits", "digits", tuple(DIGIT_CLASSES), dict(DIGITS_PREPROCESSING), images[:10],
                    labels[:10], images, labels, "digits")


class Loader:
    """load_image_set's stand-in: two progress steps, then the set; counts its calls.

    With `hold_first`, the first call reports progress until it is told to stop (a search that is
    still loading when the next request comes), and says whether it was stopped."""

    def __init__(self, image_set: ImageSet, hold_first: bool = False):
        self.image_set, self.hold_first = image_set, hold_first
        self.calls, self.first_stopped = [], False

    def __call__(self, source, should_stop, cache_dir=None):
        self.calls.append(source)
        if source.kind not in ("digits", "shapes"):
            raise DatasetError("Glassbox cannot train on {kind!r}; choose one of: {choices}.", kind=source.kind,
                               choices="digits")
        if self.hold_first and len(self.calls) == 1:
            while not should_stop():
                yield LoadProgress(1, 2, "drawing generated digits")
            self.first_stopped = True
            return None
        yield LoadProgress(1, 2, "drawing generated digits")
        yield LoadProgress(2, 2, "drawing generated digits")
        return self.image_set


@pytest.fixture(scope="module")
def digits_model():
    return open_model("digits")


def make_panel(qtbot, loader, threaded=False, frame_s=None, cache_dir=None) -> ChannelPanel:
    panel = ChannelPanel(None, None, cache_dir, threaded=threaded, loader=loader, frame_s=frame_s)
    qtbot.addWidget(panel)
    panel.resize(700, 430)
    return panel


def finish(qtbot, panel: ChannelPanel) -> None:
    qtbot.waitUntil(lambda: panel.layers is not None and not panel.searching, timeout=20_000)


def test_before_a_channel_the_panel_says_how_to_choose_and_offers_the_layers(qtbot, digits_set):
    panel = make_panel(qtbot, Loader(digits_set))
    assert "Click a feature map" in panel.view.grid.empty_text
    assert not panel.grow_button.isEnabled()
    panel.set_model("digits")
    layers = [panel.layer_box.itemText(i) for i in range(panel.layer_box.count())]
    assert layers == ["conv1", "relu1", "pool1", "conv2", "relu2", "pool2", "fc1", "relu3", "fc2"]
    assert panel.view.top is None and "Click a feature map" in panel.view.grid.empty_text
    panel.layer_box.setCurrentIndex(layers.index("conv2"))
    panel.layer_box.activated.emit(layers.index("conv2"))  # as a click on the item does
    assert panel.channel_box.maximum() == 15
    assert panel.view.top is not None and panel.view.top.layer == "conv2"
    assert "conv2, channel 0" in panel.view.title.text()


def test_the_grid_shows_exactly_the_cores_choice(qtbot, digits_set, digits_model):
    panel = make_panel(qtbot, Loader(digits_set))
    panel.set_model("digits")
    panel.set_source(DataSource("digits"))
    panel.show_channel("conv2", 5)
    model, _ = digits_model
    expected = top_images(model, "conv2", 5, digits_set.x_test, labels=digits_set.y_test, prepare=digits_set.inputs)
    shown = panel.view.top
    np.testing.assert_array_equal(shown.indices, expected.indices)
    np.testing.assert_allclose(shown.activations, expected.activations, rtol=1e-5)
    np.testing.assert_array_equal(shown.boxes, expected.boxes)
    tiles = panel.view.grid.tiles
    assert len(tiles) == 9
    for tile, index, value in zip(tiles, expected.indices, expected.activations):
        label = int(digits_set.y_test[index])
        assert tile.caption == f"{DIGIT_CLASSES[label]} · {value:.2f}"  # conv2's strongest values are positive
        original = digits_set.x_test[index, 0].numpy().astype(int)  # the pixels as drawn, before normalising
        assert np.abs(tile.pixels[..., 0].astype(int) - original).max() <= 1
    assert "conv2, channel 5: what excites it most" == panel.view.title.text()
    assert f"{HELD_OUT} held-out images of generated digits searched" in panel.status.text()


def test_each_outline_is_drawn_where_the_box_says(qtbot, digits_set):
    panel = make_panel(qtbot, Loader(digits_set))
    panel.set_model("digits")
    panel.set_source(DataSource("digits"))
    panel.show_channel("conv1", 2)
    grid = panel.view.grid
    picture = grid.grab().toImage()
    orange = QColor(OUTLINE)
    for index in range(len(grid.tiles)):
        tile, rect = grid.tiles[index], grid.tile_rects()[index]
        top, left, bottom, right = (int(v) for v in panel.view.top.boxes[index])
        assert tile.box == (top, left, bottom, right)
        scale = rect.width() / 28
        patch = grid.box_rect(index)  # the patch in the widget: the box's pixels, scaled like the picture
        assert patch.left() == pytest.approx(rect.left() + left * scale)
        assert patch.bottom() == pytest.approx(rect.top() + bottom * scale)
        # The orange line runs just inside a large patch, just outside a small one: sample its middle.
        x = int(patch.center().x())
        inset = (3 + 2) / 2 * (1 if min(patch.width(), patch.height()) > 3 * (3 + 2) else -1)
        on_line = picture.pixelColor(x, int(patch.top() + inset))
        assert abs(on_line.red() - orange.red()) < 30 and abs(on_line.green() - orange.green()) < 30
        centre = picture.pixelColor(int(patch.center().x()), int(patch.center().y()))
        assert centre != on_line


def test_progress_reaches_the_end_and_the_set_is_loaded_once(qtbot, digits_set):
    loader = Loader(digits_set)
    panel = make_panel(qtbot, loader, threaded=True)
    seen = []
    panel.runner.progressed.connect(seen.append)
    panel.set_model("digits")
    panel.set_source(DataSource("digits"))
    panel.show_channel("conv2", 1)
    finish(qtbot, panel)
    assert panel.view.top is not None and panel.view.top.channel == 1
    last = seen[-1]
    assert (last.phase, last.done, last.total) == ("searching", HELD_OUT, HELD_OUT)
    assert panel.progress.value() == panel.progress.maximum()
    panel.show_channel("conv2", 2)
    finish(qtbot, panel)
    assert panel.view.top.channel == 2
    assert len(loader.calls) == 1  # the next channel uses the loaded set
    panel.shutdown()


def test_a_second_channel_replaces_the_first(qtbot, digits_set):
    loader = Loader(digits_set, hold_first=True)
    panel = make_panel(qtbot, loader, threaded=True)
    found = []
    panel.runner.found.connect(found.append)
    panel.set_model("digits")
    panel.set_source(DataSource("digits"))
    panel.show_channel("conv1", 0)
    qtbot.waitUntil(lambda: "Drawing generated digits: 1 of 2" in panel.status.text(), timeout=20_000)
    panel.show_channel("conv2", 3)
    finish(qtbot, panel)
    assert loader.first_stopped
    assert [(r.images.layer, r.images.channel) for r in found] == [("conv2", 3)]
    assert panel.view.title.text().startswith("conv2, channel 3")
    panel.shutdown()


def test_stop_ends_the_dream_and_keeps_its_frames(qtbot, digits_set):
    panel = make_panel(qtbot, Loader(digits_set), threaded=True, frame_s=0.2)
    panel.set_model("digits")
    panel.set_source(DataSource("digits"))
    panel.show_channel("conv1", 3)
    finish(qtbot, panel)
    panel.grow_button.click()
    assert panel.dreaming and panel.grow_button.text() == "Stop growing"
    qtbot.waitUntil(lambda: len(panel.view.dream.history) >= 2, timeout=20_000)
    panel.grow_button.click()
    qtbot.waitUntil(lambda: not panel.dreaming, timeout=5_000)
    frames = panel.view.dream.history
    assert 2 <= len(frames) and frames[-1][0] < 200
    assert panel.view.dream.frame.step == frames[-1][0]
    assert panel.grow_button.text() == "Grow the image it likes most"
    panel.shutdown()


def test_a_whole_dream_is_what_the_core_grows(qtbot, digits_set, digits_model):
    panel = make_panel(qtbot, Loader(digits_set))
    panel.set_model("digits")
    panel.set_source(DataSource("digits"))
    panel.show_channel("fc2", 7)
    panel.grow_button.click()
    assert not panel.dreaming
    steps = [step for step, _ in panel.view.dream.history]
    assert steps == list(range(2, 201, 2))
    from core.cnn.channels import input_bounds
    model, _ = digits_model
    last = dream(model, "fc2", 7, (1, 28, 28), 200, bounds=input_bounds([0.1307], [0.3081], 1), frame_every=2)
    np.testing.assert_allclose(panel.view.dream.frame.image, last.image, atol=1e-5)
    values = [value for _, value in panel.view.dream.history]
    assert values[-1] > values[0]  # the class score climbs as the image forms


def test_a_data_set_that_does_not_fit_the_model_is_one_sentence(qtbot, digits_set):
    panel = make_panel(qtbot, Loader(digits_set))
    sentences = []
    panel.message.connect(sentences.append)
    panel.set_model("shapes")
    panel.set_source(DataSource("digits"))
    panel.show_channel("conv1", 0)
    assert len(sentences) == 1
    assert "3×64×64" in sentences[0] and "generated shapes" in sentences[0]
    assert panel.view.grid.empty_text == sentences[0] and panel.view.top is None


def test_a_set_not_downloaded_is_one_sentence_and_nothing_is_fetched(qtbot, digits_set, tmp_path):
    loader = Loader(digits_set)
    panel = make_panel(qtbot, loader, cache_dir=tmp_path)
    sentences = []
    panel.message.connect(sentences.append)
    panel.set_model("digits")
    panel.set_source(DataSource("mnist"))
    panel.show_channel("conv1", 0)
    assert len(sentences) == 1 and "download it in the training panel below first" in sentences[0]
    assert loader.calls == []
    assert list(tmp_path.iterdir()) == []


def test_the_live_network_is_looked_into_with_its_newest_weights(qtbot, digits_set, digits_model):
    panel = make_panel(qtbot, Loader(digits_set))
    model, info = digits_model
    weights = {key: value.detach().numpy().copy() for key, value in model.state_dict().items()}
    panel.set_live_network(LiveNetwork("digits", info, {key: np.zeros_like(v) for key, v in weights.items()}))
    panel.set_live_weights(weights)
    panel.set_model(LIVE_MODEL)
    panel.set_source(DataSource("digits"))
    panel.show_channel("conv2", 5)
    expected = top_images(model, "conv2", 5, digits_set.x_test, labels=digits_set.y_test, prepare=digits_set.inputs)
    np.testing.assert_array_equal(panel.view.top.indices, expected.indices)


def test_shutdown_is_clean_while_a_dream_runs(qtbot, digits_set):
    panel = make_panel(qtbot, Loader(digits_set), threaded=True, frame_s=0.5)
    panel.set_model("digits")
    panel.set_source(DataSource("digits"))
    panel.show_channel("conv1", 1)
    finish(qtbot, panel)
    panel.grow_button.click()
    qtbot.waitUntil(lambda: panel.view.dream.frame is not None, timeout=20_000)
    thread = panel.runner._thread
    panel.shutdown()
    assert not thread.isRunning()
    panel.shutdown()  # twice is fine
    assert not panel.dreaming


def test_texts_follow_the_language_change(qtbot, digits_set):
    panel = make_panel(qtbot, Loader(digits_set))
    panel.set_model("digits")
    panel.show_channel("conv1", 4)
    panel.view.title.setText("")
    panel.status.setText("")
    QCoreApplication.sendEvent(panel.view, QEvent(QEvent.Type.LanguageChange))
    QCoreApplication.sendEvent(panel, QEvent(QEvent.Type.LanguageChange))
    assert panel.view.title.text() == "conv1, channel 4: what excites it most"
    assert "searched" in panel.status.text()


def test_channel_widget_draws_finished_results(qtbot, digits_set, digits_model):
    model, info = digits_model
    top = top_images(model, "pool1", 6, digits_set.x_test, labels=digits_set.y_test, prepare=digits_set.inputs)
    frame = DreamFrame(40, 200, np.zeros((1, 28, 28), np.float32), 1.5)
    widget = channel_widget(top, frame, info)
    qtbot.addWidget(widget)
    assert len(widget.grid.tiles) == 9 and widget.dream.frame is frame
    assert widget.title.text() == "pool1, channel 6: what excites it most"
    assert not widget.grab().isNull()
    empty = channel_widget(None, None, info)
    qtbot.addWidget(empty)
    assert empty.grid.tiles == [] and "Click a feature map" in empty.grid.empty_text


def test_a_channel_clicked_before_the_model_is_searched_once_the_model_comes(qtbot, digits_set):
    panel = make_panel(qtbot, Loader(digits_set))
    panel.show_channel("conv2", 4)
    assert panel.view.top is None and panel.status.text() == "Choose a model first."
    panel.set_model("digits")
    assert panel.view.top is not None and (panel.view.top.layer, panel.view.top.channel) == ("conv2", 4)
    assert (panel.layer_box.currentText(), panel.channel_box.value()) == ("conv2", 4)


def test_a_new_data_set_is_searched_again(qtbot, digits_set):
    loader = Loader(digits_set)
    panel = make_panel(qtbot, loader)
    panel.set_model("digits")
    panel.set_source(DataSource("digits"))
    panel.show_channel("conv1", 0)
    assert panel.view.top is not None
    sentences = []
    panel.message.connect(sentences.append)
    panel.set_source(DataSource("shapes"))  # the stand-in loader gives digits again: the same images, searched again
    assert [source.kind for source in loader.calls] == ["digits", "shapes"]
    assert panel.view.top is not None and sentences == []


def test_the_last_channel_is_offered_again_but_not_searched(qtbot, digits_set, settings):
    loader = Loader(digits_set)
    first = ChannelPanel(settings, None, None, threaded=False, loader=loader)
    qtbot.addWidget(first)
    first.set_model("digits")
    first.show_channel("pool2", 9)
    again = ChannelPanel(settings, None, None, threaded=False, loader=loader)
    qtbot.addWidget(again)
    again.set_model("digits")
    assert (again.layer_box.currentText(), again.channel_box.value()) == ("pool2", 9)
    assert again.view.top is None and len(loader.calls) == 1


def test_stop_ends_a_search_and_shutdown_ends_one_at_once(qtbot, digits_set):
    loader = Loader(digits_set, hold_first=True)
    panel = make_panel(qtbot, loader, threaded=True)
    panel.set_model("digits")
    panel.set_source(DataSource("digits"))
    panel.show_channel("conv1", 5)
    qtbot.waitUntil(lambda: "Drawing generated digits: 1 of 2" in panel.status.text(), timeout=20_000)
    assert panel.stop_button.isEnabled()
    panel.stop_button.click()
    qtbot.waitUntil(lambda: not panel.searching, timeout=5_000)
    assert loader.first_stopped and panel.view.top is None
    assert panel.status.text() == "Stopped. Choose a channel to search again." and not panel.stop_button.isEnabled()

    loader.calls.clear()  # the next search holds as well, until the panel shuts down
    loader.first_stopped = False
    panel.show_channel("conv1", 6)
    qtbot.waitUntil(lambda: loader.calls != [], timeout=20_000)
    thread = panel.runner._thread
    panel.shutdown()
    assert not thread.isRunning() and loader.first_stopped


def test_settings_that_make_no_sense_are_ignored(qtbot, digits_set, settings):
    settings.setValue("convolution/channel/layer", "no such layer")
    settings.setValue("convolution/channel/channel", "many")
    panel = ChannelPanel(settings, None, None, threaded=False, loader=Loader(digits_set))
    qtbot.addWidget(panel)
    panel.set_model("digits")
    assert (panel.layer_box.currentText(), panel.channel_box.value()) == ("conv1", 0)


def test_a_model_saved_over_is_read_again_and_searched_again(qtbot, digits_set):
    loader = Loader(digits_set)
    panel = make_panel(qtbot, loader)
    panel.set_model("digits")
    panel.show_channel("conv2", 2)
    first = panel.view.top
    described = []
    panel.runner.described.connect(described.append)
    panel.forget("digits")
    assert len(described) == 1 and panel.view.top is not first
    assert (panel.view.top.layer, panel.view.top.channel) == ("conv2", 2)


def test_a_channel_that_never_fires_says_so_instead_of_showing_nine_zeros(qtbot, digits_set, digits_model):
    model, _ = digits_model
    dead = top_images(model, "relu2", 2, digits_set.x_test, prepare=digits_set.inputs)
    assert float(dead.activations.max()) == 0.0  # the shipped model's relu2 channel 2 is off for every digit
    panel = make_panel(qtbot, Loader(digits_set))
    panel.set_model("digits")
    panel.show_channel("relu2", 2)
    assert panel.view.never_fires and panel.view.grid.tiles == []
    assert panel.view.grid.empty_text.startswith("Channel 2 of relu2 never fires") and \
        f"all {HELD_OUT} held-out images" in panel.view.grid.empty_text
    panel.show_channel("relu2", 3)
    assert not panel.view.never_fires and len(panel.view.grid.tiles) == 9


def test_channel_widget_draws_the_dreams_curve_from_its_frames(qtbot, digits_model):
    model, info = digits_model
    from core.cnn.channels import dream_steps

    frames = list(dream_steps(model, "relu2", 3, (1, 28, 28), 40, frame_every=10))
    widget = channel_widget(None, frames[-1], info, frames)
    qtbot.addWidget(widget)
    assert [step for step, _ in widget.dream.history] == [10, 20, 30, 40]
    assert widget.dream.frame is frames[-1]
