"""The images that excite a channel most, the patch each one excites, and the image grown for a channel.

Checked against a brute-force search written here, against the gradient's support (the input
pixels that can change a unit are the ones its box says it sees), and against a channel whose
favourite image is known: a single full-size kernel w is excited most, per unit of length, by w.
"""

from __future__ import annotations

import io

import numpy as np
import pytest
import torch
from torch import nn

from core.cnn.channels import (ChannelImages, dream, dream_steps, input_bounds, patch_box, receptive_field,
                               top_images, top_images_steps)
from core.errors import ConfigError, ModelError


def small_net(seed: int = 0, pool=nn.MaxPool2d) -> nn.Sequential:
    torch.manual_seed(seed)
    return nn.Sequential(
        nn.Conv2d(1, 3, 3, padding=1), nn.ReLU(), pool(2),
        nn.Conv2d(3, 4, 3, padding=0), nn.ReLU(), nn.Flatten(), nn.Linear(4 * 4 * 4, 5),
    )


def some_images(count: int = 40, seed: int = 1) -> np.ndarray:
    return np.random.default_rng(seed).uniform(0, 1, size=(count, 1, 12, 12)).astype(np.float32)


def brute_force(model, layer_index, channel, images, k):
    rows = []
    with torch.no_grad():
        for index, single in enumerate(images):
            maps = model[:layer_index + 1](torch.tensor(single)[None])[0, channel]
            flat = maps.reshape(-1)
            best = int(torch.argmax(flat))
            width = maps.shape[-1] if maps.dim() == 2 else 1
            rows.append((-float(flat[best]), index, best // width, best % width))
    rows.sort()
    return rows[:k]


@pytest.mark.parametrize("layer, index, channel", [("3", 3, 2), ("0", 0, 1), ("2", 2, 0), ("4", 4, 1), ("6", 6, 4)])
def test_the_top_images_are_those_a_brute_force_search_finds(layer, index, channel):
    model, images = small_net(), some_images()
    labels = np.arange(40) % 7
    result = top_images(model, layer, channel, images, k=9, labels=labels)
    expected = brute_force(model, index, channel, images, 9)
    assert list(result.indices) == [row[1] for row in expected]
    np.testing.assert_allclose(result.activations, [-row[0] for row in expected], rtol=1e-5, atol=1e-6)
    assert [tuple(p) for p in result.positions] == [(row[2], row[3]) for row in expected]
    np.testing.assert_array_equal(result.images, images[result.indices])
    np.testing.assert_array_equal(result.labels, labels[result.indices])
    assert result.searched == 40 and result.layer == layer and result.channel == channel


def test_small_batches_give_the_same_answer_and_report_progress():
    model, images = small_net(), some_images()
    steps = top_images_steps(model, "3", 1, images, k=5, batch_size=7)
    seen = []
    while True:
        try:
            seen.append(next(steps).done)
        except StopIteration as finished:
            result = finished.value
            break
    assert seen == [7, 14, 21, 28, 35, 40]
    whole = top_images(model, "3", 1, images, k=5)
    np.testing.assert_array_equal(result.indices, whole.indices)


def test_the_search_stops_when_asked_and_prepare_is_applied():
    model, images = small_net(), (some_images() * 255).astype(np.uint8)
    looked = []
    steps = top_images_steps(model, "3", 0, images, k=3, batch_size=10, should_stop=lambda: len(looked) >= 2)
    with pytest.raises(StopIteration) as finished:
        while True:
            looked.append(next(steps))
    assert finished.value.value is None
    result = top_images(model, "3", 0, torch.from_numpy(images), k=3, prepare=lambda b: b.float() / 255)
    np.testing.assert_allclose(result.images, images[result.indices] / np.float32(255), rtol=1e-6)


@pytest.mark.parametrize("pool", [nn.AvgPool2d, nn.MaxPool2d])
def test_the_patch_box_is_where_the_gradient_of_the_unit_lives(pool):
    model = small_net(seed=4, pool=pool)
    with torch.no_grad():  # every weight positive and every pixel positive: every ReLU passes, so the
        for parameter in model.parameters():  # support of the gradient is the whole receptive field
            parameter.abs_()
    x = torch.tensor(some_images(1)[0:1] + 0.1, requires_grad=True)
    for layer, index in (("0", 0), ("2", 2), ("3", 3)):
        maps = model[:index + 1](x)[0, 0]
        for row, col in ((0, 0), (maps.shape[0] - 1, maps.shape[1] - 1), (1, 2)):
            (gradient,) = torch.autograd.grad(maps[row, col], x, retain_graph=True)
            rows, cols = np.nonzero(gradient[0, 0].numpy())
            top, left, bottom, right = patch_box(model, layer, row, col, (12, 12))
            if pool is nn.AvgPool2d:
                assert (rows.min(), cols.min(), rows.max() + 1, cols.max() + 1) == (top, left, bottom, right)
            else:  # max pooling passes the gradient to one pixel of each window: inside the box
                assert top <= rows.min() and rows.max() < bottom and left <= cols.min() and cols.max() < right


def test_receptive_fields_by_hand():
    model = small_net()
    assert receptive_field(model, "0") == ((3, 3), (1, 1), (-1, -1))
    assert receptive_field(model, "2") == ((4, 4), (2, 2), (-1, -1))
    assert receptive_field(model, "3") == ((8, 8), (2, 2), (-1, -1))
    assert tuple(patch_box(model, "3", 0, 0, (12, 12))) == (0, 0, 7, 7)


def test_a_fully_connected_unit_sees_the_whole_image():
    result = top_images(small_net(), "6", 0, some_images(), k=2)
    assert result.boxes.tolist() == [[0, 0, 12, 12]] * 2


def test_bad_requests_are_refused_in_one_sentence():
    model, images = small_net(), some_images()
    for call, error, words in [
        (lambda: top_images(model, "conv9", 0, images), ConfigError, "no layer 'conv9'"),
        (lambda: top_images(model, "3", 4, images), ConfigError, "channels 0 to 3"),
        (lambda: top_images(model, "3", 0, images, k=0), ConfigError, "from 1 to 100"),
        (lambda: top_images(model, "3", 0, images[:0]), ConfigError, "no images"),
        (lambda: top_images(model, "3", 0, images[0]), ConfigError, "N×C×H×W"),
        (lambda: top_images(model, "3", 0, images, labels=[1, 2]), ConfigError, "40 images but 2 labels"),
        (lambda: top_images(model, "3", 0, np.zeros((2, 3, 12, 12))), ModelError, "do not fit"),
        (lambda: dream(model, "3", 0, (1, 12, 12), steps=0), ConfigError, "from 1 to 10000"),
        (lambda: dream(model, "3", 9, (1, 12, 12), steps=2), ConfigError, "channels 0 to 3"),
        (lambda: dream(model, "3", 0, (1, 12, 12), step_size=float("nan")), ConfigError, "0 or more"),
        (lambda: dream(model, "3", 0, (1, 12, 12), jitter=-1), ConfigError, "whole numbers of 0 or more"),
        (lambda: dream(model, "3", 0, (12, 12)), ConfigError, "C×H×W"),
        (lambda: dream(model, "3", 0, (1, 2, 2)), ModelError, "do not fit"),
    ]:
        with pytest.raises(error, match=words):
            call()


def test_the_npz_layout_loads_without_pickle():
    result = top_images(small_net(), "3", 1, some_images(), k=4)
    buffer = io.BytesIO()
    np.savez(buffer, **result.to_npz_dict())
    buffer.seek(0)
    loaded = np.load(buffer, allow_pickle=False)
    assert loaded["images"].shape == (4, 1, 12, 12) and loaded["boxes"].shape == (4, 4)
    assert str(loaded["layer"]) == "3" and isinstance(result, ChannelImages)


# ----------------------------------------------------------------------------- dream
def test_a_single_kernel_dreams_of_its_own_weights():
    torch.manual_seed(2)
    model = nn.Sequential(nn.Conv2d(1, 2, 8))  # one unit per channel, seeing the whole 8×8 image
    kernel = model[0].weight.detach()[1, 0].numpy()
    frames = list(dream_steps(model, "0", 1, (1, 8, 8), steps=60, jitter=0, blur_every=0, l2=0.0, frame_every=20))
    start = next(dream_steps(model, "0", 1, (1, 8, 8), steps=1, step_size=0.0, jitter=0, blur_every=0))
    change = (frames[-1].image - start.image)[0].ravel()
    cosine = change @ kernel.ravel() / np.linalg.norm(change) / np.linalg.norm(kernel)
    assert cosine > 0.9
    assert [frame.step for frame in frames] == [20, 40, 60]
    assert frames[0].activation < frames[1].activation < frames[2].activation


def test_the_dream_excites_its_channel_stays_in_bounds_and_repeats():
    model = small_net(seed=5)
    low, high = input_bounds([0.5], [0.25], 1)
    settings = dict(steps=40, bounds=(low, high), seed=3, frame_every=10)
    frames = list(dream_steps(model, "3", 2, (1, 12, 12), **settings))
    again = dream(model, "3", 2, (1, 12, 12), **settings)
    assert frames[-1].activation > frames[0].activation
    assert frames[-1].image.min() >= low[0] - 1e-6 and frames[-1].image.max() <= high[0] + 1e-6
    np.testing.assert_array_equal(frames[-1].image, again.image)
    assert frames[-1].image.shape == (1, 12, 12) and not frames[-1].image.flags.writeable
    assert model.training


def test_the_dream_stops_when_asked():
    frames = []
    steps = dream_steps(small_net(), "3", 0, (1, 12, 12), steps=100, frame_every=1,
                        should_stop=lambda: len(frames) >= 3)
    with pytest.raises(StopIteration) as finished:
        while True:
            frames.append(next(steps))
    assert finished.value.value is None and len(frames) == 3


def test_the_shipped_digits_model_finds_its_channel_images_fast_enough_to_be_tested():
    from core.cnn.analysis import open_model
    from core.cnn.image_sets import DIGITS_PREPROCESSING, as_tensor
    from core.data.synthetic_images import make_digits

    model, _ = open_model("digits")
    pixels, labels = make_digits(60, seed=5)
    result = top_images(model, "relu2", 3, as_tensor(pixels, DIGITS_PREPROCESSING), k=9, labels=labels)
    assert result.images.shape == (9, 1, 28, 28)
    assert np.all(np.diff(result.activations) <= 0)
    assert np.all(result.boxes[:, 2] > result.boxes[:, 0]) and np.all(result.boxes[:, 3] <= 28)


def test_a_channel_that_starts_switched_off_still_finds_its_image():
    conv = nn.Conv2d(1, 1, 3)
    with torch.no_grad():
        conv.weight.fill_(1.0)
        conv.bias.fill_(-5.0)  # the ReLU outputs 0 for any small starting image: no gradient through it
    model = nn.Sequential(conv, nn.ReLU(), nn.MaxPool2d(2))
    frames = list(dream_steps(model, "2", 0, (1, 8, 8), steps=60, l2=0.0, frame_every=60))
    assert frames[-1].activation > 0.5


def test_every_live_channel_of_the_shipped_digits_model_dreams_past_the_best_real_digit():
    """The dream climbs a channel's mean; it should beat every real digit at that, for every channel that
    fires at all (conv2's ReLUs start dead for a small random image: the leaky climb must wake them)."""
    from core.cnn.analysis import open_model
    from core.cnn.image_sets import DIGITS_PREPROCESSING, as_tensor
    from core.data.synthetic_images import make_digits

    model, _ = open_model("digits")
    pixels, _ = make_digits(200, seed=11)
    with torch.no_grad():
        real = model[:5](as_tensor(pixels, DIGITS_PREPROCESSING)).mean(dim=(2, 3)).max(dim=0).values  # relu2
    bounds = input_bounds([0.1307], [0.3081], 1)
    live = [channel for channel in range(16) if real[channel] > 0.05]
    assert len(live) >= 10
    beaten = [channel for channel in live
              if dream(model, "relu2", channel, (1, 28, 28), steps=100, bounds=bounds, frame_every=100).activation
              > real[channel]]
    assert beaten == live


def test_the_search_leaves_the_callers_model_as_it_was_and_batches_by_itself():
    model, images = small_net(), some_images(count=300)
    model.train()  # say, training in another thread
    before = {name: value.clone() for name, value in model.state_dict().items()}
    steps = top_images_steps(model, "4", 2, images, k=4)
    progress = []
    while True:
        try:
            progress.append(next(steps))
        except StopIteration as finished:
            result = finished.value
            break
    assert model.training
    assert all(torch.equal(value, before[name]) for name, value in model.state_dict().items())
    assert model[0].weight.is_contiguous()  # not left in channels-last order
    assert len(progress) >= 3 and progress[-1].done == 300  # automatic batches of at most 128 images
    expected = brute_force(model.eval(), 4, 2, images, 4)
    assert list(result.indices) == [row[1] for row in expected]
