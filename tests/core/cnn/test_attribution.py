"""Saliency, Grad-CAM and occlusion, checked against independent computations.

Each map is compared with a computation written here without core.cnn.attribution: a known
answer (a linear model's gradient is its weights), finite differences, a Grad-CAM built
with hooks, and a plain loop over the occlusion square's positions.
"""

from __future__ import annotations

import io

import numpy as np
import pytest
import torch
from torch import nn
from torch.nn import functional as F

from core.cnn.attribution import (Attribution, default_layer, explain, grad_cam, gradient_saliency, occlusion,
                                  occlusion_positions, occlusion_steps, spatial_layers)
from core.errors import ConfigError, ModelError


def tiny_cnn(seed: int = 0, channels: int = 2, classes: int = 3, side: int = 8) -> nn.Sequential:
    torch.manual_seed(seed)
    return nn.Sequential(
        nn.Conv2d(channels, 4, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(4, 5, 3, padding=1), nn.ReLU(),
        nn.Flatten(), nn.Linear(5 * (side // 2) ** 2, classes),
    ).double()


def image(seed: int = 1, channels: int = 2, side: int = 8) -> np.ndarray:
    return np.random.default_rng(seed).normal(size=(channels, side, side)).astype(np.float32)


# ----------------------------------------------------------------------------- gradient saliency
def test_saliency_of_a_linear_model_is_the_largest_weight_over_channels():
    torch.manual_seed(0)
    model = nn.Sequential(nn.Flatten(), nn.Linear(2 * 5 * 5, 3))
    result = gradient_saliency(model, image(side=5), target=2)
    weights = model[1].weight.detach().numpy()[2].reshape(2, 5, 5)
    np.testing.assert_allclose(result.map, np.abs(weights).max(axis=0), rtol=1e-6)
    assert result.method == "gradient" and result.target == 2 and result.map.shape == (5, 5)


def test_saliency_matches_finite_differences():
    model, x = tiny_cnn(), image().astype(np.float64)
    result = gradient_saliency(model, x, target=1)
    eps, numeric = 1e-6, np.zeros_like(x)
    with torch.no_grad():
        for index in np.ndindex(*x.shape):
            up, down = x.copy(), x.copy()
            up[index] += eps
            down[index] -= eps
            scores = model(torch.tensor(np.stack([up, down])))[:, 1]
            numeric[index] = float(scores[0] - scores[1]) / (2 * eps)
    np.testing.assert_allclose(result.map, np.abs(numeric).max(axis=0), rtol=1e-3, atol=1e-5)


def test_the_predicted_class_is_the_default_and_probs_are_the_softmax():
    model, x = tiny_cnn(), image()
    result = gradient_saliency(model, x, class_names=["a", "b", "c"])
    with torch.no_grad():
        logits = model(torch.tensor(x, dtype=torch.float64)[None])[0]
    assert result.target == int(logits.argmax())
    assert result.target_name == "abc"[result.target]
    np.testing.assert_allclose(result.probs, torch.softmax(logits, 0).numpy(), rtol=1e-5)
    np.testing.assert_array_equal(result.input, x)
    assert not result.input.flags.writeable and not result.map.flags.writeable


def test_parameter_gradients_and_the_training_mode_are_left_alone():
    model = tiny_cnn().train()
    for method in ("gradient", "gradcam", "occlusion"):
        explain(method, model, image(), window=2, stride=2)
        assert model.training
        assert all(p.grad is None for p in model.parameters())


# ----------------------------------------------------------------------------- Grad-CAM
def hand_written_grad_cam(model: nn.Sequential, x: np.ndarray, target: int, index: int):
    captured = {}

    def keep(_module, _inputs, output):
        output.retain_grad()
        captured["maps"] = output

    handle = model[index].register_forward_hook(keep)
    try:
        scores = model(torch.tensor(x, dtype=torch.float64)[None])
        scores[0, target].backward()
    finally:
        handle.remove()
        model.zero_grad(set_to_none=True)
    maps, grads = captured["maps"][0].detach(), captured["maps"].grad[0]
    weights = grads.mean(dim=(1, 2))
    cam = torch.clamp((weights[:, None, None] * maps).sum(0), min=0)
    big = F.interpolate(cam[None, None], size=x.shape[1:], mode="bilinear", align_corners=False)[0, 0]
    return cam.numpy(), big.numpy()


@pytest.mark.parametrize("layer, index", [(None, 4), ("3", 3), ("0", 0), ("2", 2)])
def test_grad_cam_matches_a_hand_written_one(layer, index):
    model, x = tiny_cnn(seed=3), image(seed=4)
    for target in range(3):
        result = grad_cam(model, x, target=target, layer=layer)
        small, big = hand_written_grad_cam(model, x, target, index)
        assert result.layer == str(index)
        np.testing.assert_allclose(result.layer_map, small, rtol=1e-5, atol=1e-6)
        np.testing.assert_allclose(result.map, big, rtol=1e-5, atol=1e-6)
        assert result.map.shape == (8, 8)


def test_grad_cam_of_a_network_whose_answer_is_known():
    # conv: a 1×1 kernel of weight 1 (the maps are the image); score = Σ v·A, so ∂score/∂A = v and α = mean(v).
    conv = nn.Conv2d(1, 1, 1)
    linear = nn.Linear(16, 1)
    with torch.no_grad():
        conv.weight.fill_(1.0)
        conv.bias.zero_()
        linear.weight.copy_(torch.arange(16.0).view(1, 16) / 8 - 0.5)
    model = nn.Sequential(conv, nn.Flatten(), linear)
    x = np.abs(image(channels=1, side=4))
    result = grad_cam(model, x, target=0)
    alpha = float((torch.arange(16.0) / 8 - 0.5).mean())
    np.testing.assert_allclose(result.layer_map, np.maximum(alpha * x[0], 0), rtol=1e-5)


def test_grad_cam_refuses_layers_it_cannot_use():
    model = tiny_cnn()
    with pytest.raises(ConfigError, match="no layer 'conv9'"):
        grad_cam(model, image(), layer="conv9")
    with pytest.raises(ConfigError, match="outputs a vector"):
        grad_cam(model, image(), layer="6")
    with pytest.raises(ModelError, match="convolution layer"):
        grad_cam(nn.Sequential(nn.Flatten(), nn.Linear(128, 2)), image())
    assert default_layer(model) == "4"  # the last convolution's maps after its ReLU (the rectified maps)
    assert default_layer(nn.Sequential(nn.Conv2d(2, 3, 3), nn.Flatten(), nn.Linear(108, 2))) == "0"
    assert spatial_layers(model, (2, 8, 8)) == ("0", "1", "2", "3", "4")


# ----------------------------------------------------------------------------- occlusion
def occlusion_by_loop(model, x, target, window, stride, baseline):
    """Every pixel: the mean drop over the positions of the square that cover it, by brute force."""
    _, height, width = x.shape
    tops = sorted(set(range(0, height - window + 1, stride)) | {height - window})
    lefts = sorted(set(range(0, width - window + 1, stride)) | {width - window})
    with torch.no_grad():
        reference = float(model(torch.tensor(x, dtype=torch.float64)[None])[0, target])
        drops = {}
        for top in tops:
            for left in lefts:
                covered = x.copy()
                covered[:, top:top + window, left:left + window] = baseline
                drops[top, left] = reference - float(model(torch.tensor(covered, dtype=torch.float64)[None])[0, target])
    expected = np.zeros((height, width))
    for row in range(height):
        for col in range(width):
            mine = [drop for (top, left), drop in drops.items()
                    if top <= row < top + window and left <= col < left + window]
            expected[row, col] = np.mean(mine)
    return expected


@pytest.mark.parametrize("window, stride, baseline", [(3, 2, 0.0), (2, 1, -0.5), (4, 4, 1.0), (8, 3, 0.0)])
def test_occlusion_matches_a_plain_loop(window, stride, baseline):
    model, x = tiny_cnn(seed=5), image(seed=6)
    result = occlusion(model, x, target=2, window=window, stride=stride, baseline=baseline)
    np.testing.assert_allclose(result.map, occlusion_by_loop(model, x, 2, window, stride, baseline),
                               rtol=1e-5, atol=1e-5)
    assert (result.window, result.stride, result.baseline) == (window, stride, baseline)


def test_occlusion_batches_report_every_position_and_do_not_change_the_map():
    model, x = tiny_cnn(), image()
    seen = []
    steps = occlusion_steps(model, x, target=0, window=3, stride=2, batch_size=5)
    while True:
        try:
            progress = next(steps)
        except StopIteration as finished:
            result = finished.value
            break
        seen.extend(map(tuple, progress.positions))
        assert progress.drops.shape == (len(progress.positions),) and progress.done == len(seen)
    positions = occlusion_positions(8, 8, 3, 2)
    assert seen == list(map(tuple, positions)) and progress.total == len(positions) == 16
    one_batch = occlusion(model, x, target=0, window=3, stride=2)
    np.testing.assert_allclose(result.map, one_batch.map, rtol=1e-6)


def test_occlusion_stops_when_asked():
    calls = []
    steps = occlusion_steps(tiny_cnn(), image(), window=1, stride=1, batch_size=4,
                            should_stop=lambda: len(calls) >= 2)
    with pytest.raises(StopIteration) as finished:
        while True:
            calls.append(next(steps))
    assert finished.value.value is None and len(calls) == 2


def test_occlusion_refuses_bad_settings():
    for window, stride, baseline, words in [
        (0, 1, 0.0, "window must be from 1 to 8"), (9, 1, 0.0, "window must be from 1 to 8"),
        (3, 4, 0.0, "stride must be from 1 to the window"), (2.5, 1, 0.0, "whole numbers"),
        (3, 1, float("nan"), "finite number"), (True, 1, 0.0, "whole numbers"),
    ]:
        with pytest.raises(ConfigError, match=words):
            occlusion(tiny_cnn(), image(), window=window, stride=stride, baseline=baseline)


# ----------------------------------------------------------------------------- inputs and results
def test_bad_images_are_refused_in_one_sentence():
    for bad, words in [(np.zeros((8, 8)), "C×H×W"), (np.full((2, 8, 8), np.nan), "not finite"),
                       (np.zeros((3, 8, 8)), "2-channel")]:
        for method in ("gradient", "gradcam", "occlusion"):
            with pytest.raises(ConfigError, match=words):
                explain(method, tiny_cnn(), bad)


def test_a_class_that_is_not_there_is_refused():
    for target in (-1, 3, 1.5, True, "2"):
        with pytest.raises(ConfigError, match="class number from 0 to 2"):
            gradient_saliency(tiny_cnn(), image(), target=target)


def test_an_unknown_method_and_wrong_class_names_are_refused():
    with pytest.raises(ConfigError, match="Unknown explanation"):
        explain("lime", tiny_cnn(), image())
    with pytest.raises(ModelError, match="3 scores but 2 class names"):
        gradient_saliency(tiny_cnn(), image(), class_names=["a", "b"])


def test_broken_weights_are_refused_not_drawn():
    model = tiny_cnn()
    with torch.no_grad():
        model[6].weight.fill_(float("nan"))
    with pytest.raises(ModelError, match="not finite"):
        grad_cam(model, image(), target=0)


@pytest.mark.parametrize("method, keys", [
    ("gradient", set()), ("gradcam", {"layer", "layer_map"}), ("occlusion", {"window", "stride", "baseline"}),
])
def test_the_npz_layout_loads_without_pickle(method, keys):
    result = explain(method, tiny_cnn(), image(), window=2, stride=2, class_names=["a", "b", "c"])
    buffer = io.BytesIO()
    np.savez(buffer, **result.to_npz_dict())
    buffer.seek(0)
    loaded = np.load(buffer, allow_pickle=False)
    assert set(loaded.files) == {"input", "map", "target", "method", "probs", "classes"} | keys
    assert str(loaded["method"]) == method and loaded["input"].shape == (2, 8, 8)
    assert loaded["map"].shape == (8, 8) and int(loaded["target"]) == result.target
    assert isinstance(result, Attribution)


def test_the_shipped_digits_model_looks_at_the_ink():
    from core.cnn.analysis import open_model, prepare_input
    from core.data.images import from_array
    from core.data.synthetic_images import make_digits

    model, info = open_model("digits")
    pixels, labels = make_digits(1, seed=11)
    loaded = from_array(pixels[0], "digit")
    x = prepare_input(loaded, info)
    results = [explain(method, model, x, class_names=info.class_names, window=4, stride=2)
               for method in ("gradient", "gradcam", "occlusion")]
    ink = x[0] > x[0].min() + 0.5
    for result in results:
        assert result.map.shape == (28, 28) and np.isfinite(result.map).all()
    assert results[1].layer == "relu2" and results[1].layer_map.shape == (14, 14)
    assert results[1].map.max() > 0  # the rectified maps: before the ReLU the weighted sum is negative, the map blank
    # The gradient is largest where the ink is, on average.
    assert results[0].map[ink].mean() > results[0].map[~ink].mean()
