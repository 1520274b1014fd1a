"""The channel worker's plain decisions (which layers, which data sets fit, how images are prepared) and its
error policy: a core error is one sentence, an unexpected one too, and the next request still works."""

from __future__ import annotations

import numpy as np
import torch

from core.cnn.analysis import open_model
from core.cnn.image_sets import (CIFAR_PREPROCESSING, DIGITS_PREPROCESSING, SHAPES_PREPROCESSING, DataSource,
                                 LoadProgress)
from core.nets.model_store import ModelInfo
from gui.convolution.explain.channel.channel_panel import ChannelPanel
from gui.convolution.explain.channel.channel_worker import HeldOut, channel_layers, fit_sentence, preparation


def held(images: torch.Tensor, preprocessing: dict, title: str = "generated digits") -> HeldOut:
    return HeldOut(title, tuple("0123456789"), dict(preprocessing), images, torch.zeros(len(images), dtype=torch.int64))


def test_the_layers_offered_are_those_with_channels():
    model, info = open_model("shapes")
    layers = dict(channel_layers(model, info))
    assert layers["conv1"] == 8 and layers["pool3"] == 32 and layers["fc1"] == 64 and layers["fc2"] == 6
    assert "flatten" not in layers


def test_the_sentence_for_a_set_that_does_not_fit_names_the_sets_that_do():
    cifar = ModelInfo("pets", "cifar", tuple("abcdefghij"), dict(CIFAR_PREPROCESSING))
    digits = held(torch.zeros((2, 1, 28, 28), dtype=torch.uint8), DIGITS_PREPROCESSING)
    sentence = fit_sentence(cifar, digits)
    assert sentence == ("The model “pets” takes 3×32×32 images, but generated digits has 1×28×28 images; "
                        "choose CIFAR-10 in the training panel below.")
    _, digits_info = open_model("digits")
    assert "generated digits or MNIST or Fashion-MNIST" in fit_sentence(digits_info, held(
        torch.zeros((2, 3, 32, 32), dtype=torch.uint8), CIFAR_PREPROCESSING, "CIFAR-10"))
    assert fit_sentence(digits_info, digits) == ""


def test_pixels_are_normalised_the_models_way_and_photos_are_left_as_they_are():
    _, info = open_model("digits")
    pixels = torch.tensor([[[[0, 255]]]], dtype=torch.uint8)
    prepare, mean, std = preparation(info, held(pixels, {**DIGITS_PREPROCESSING, "mean": [0.5], "std": [0.5]}))
    np.testing.assert_allclose(prepare(pixels).numpy().ravel(), [(0 - 0.1307) / 0.3081, (1 - 0.1307) / 0.3081],
                               rtol=1e-6)
    np.testing.assert_allclose(mean, [0.1307]) and np.testing.assert_allclose(std, [0.3081])
    photos = torch.randn(2, 3, 4, 4)
    prepare, mean, std = preparation(info, held(photos, SHAPES_PREPROCESSING, "the folder 'pets'"))
    assert torch.equal(prepare(photos), photos)
    np.testing.assert_allclose(mean, [0.5] * 3) and np.testing.assert_allclose(std, [0.25] * 3)


def test_a_channel_that_is_not_there_is_one_sentence(qtbot):
    panel = ChannelPanel(None, None, None, threaded=False, loader=Loader(_tiny_set()))
    qtbot.addWidget(panel)
    sentences = []
    panel.message.connect(sentences.append)
    panel.set_model("digits")
    panel.show_channel("conv2", 99)
    assert sentences == ["Layer 'conv2' has channels 0 to 15; there is no channel 99."]
    assert panel.view.grid.empty_text == sentences[0] and not panel.searching


def test_an_unexpected_error_is_one_sentence_and_the_next_request_works(qtbot):
    class Breaking(Loader):
        def __call__(self, source, should_stop, cache_dir=None):
            if not self.calls:
                self.calls.append(source)
                raise RuntimeError("the disk fell off")
            return super().__call__(source, should_stop, cache_dir)

    panel = ChannelPanel(None, None, None, threaded=False, loader=Breaking(_tiny_set()))
    qtbot.addWidget(panel)
    sentences = []
    panel.message.connect(sentences.append)
    panel.set_model("digits")
    panel.set_source(DataSource("digits"))
    ended = []
    panel.runner.ended.connect(ended.append)
    panel.show_channel("conv1", 1)
    assert len(sentences) == 1 and "the disk fell off" in sentences[0]
    assert ended == ["top"] and not panel.runner.pending("top")
    assert not panel.searching and panel.view.top is None
    panel.show_channel("conv1", 1)
    assert panel.view.top is not None and len(sentences) == 1


class Loader:
    """load_image_set's stand-in: one progress step, then the set; counts its calls."""

    def __init__(self, image_set):
        self.image_set, self.calls = image_set, []

    def __call__(self, source, should_stop, cache_dir=None):
        self.calls.append(source)
        yield LoadProgress(1, 1, "drawing generated digits")
        return self.image_set


def _tiny_set():
    from core.cnn.image_sets import ImageSet
    from core.data.synthetic_images import DIGIT_CLASSES, make_digits

    x, y = make_digits(20, 5)
    images, labels = torch.from_numpy(x).unsqueeze(1), torch.from_numpy(y.astype(np.int64))
    return ImageSet("generated digits", "digits", tuple(DIGIT_CLASSES), dict(DIGITS_PREPROCESSING), images, labels,
                    images, labels)
