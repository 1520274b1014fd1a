"""Issue 13's explanations run on CUDA like on the CPU: the same top images, dream, and maps within float tolerance.

Every core path must move its tensors to the model's device; a model moved to "cuda" and its CPU
twin get the same answers here. Skipped cleanly where no CUDA device is present.
"""

from __future__ import annotations

import copy

import numpy as np
import pytest
import torch

from core.cnn.attribution import gradient_saliency, grad_cam, occlusion
from core.cnn.channels import dream, input_bounds, top_images

pytestmark = pytest.mark.skipif(not torch.cuda.is_available(), reason="no CUDA device on this machine")


@pytest.fixture(scope="module")
def twins():
    from core.cnn.analysis import open_model
    from core.cnn.image_sets import DIGITS_PREPROCESSING, as_tensor
    from core.data.synthetic_images import make_digits

    model, _ = open_model("digits")
    pixels, labels = make_digits(300, seed=21)
    on_gpu = copy.deepcopy(model).to("cuda")
    return model, on_gpu, pixels, labels, as_tensor(pixels, DIGITS_PREPROCESSING)


@pytest.mark.parametrize("layer, channel", [("conv1", 2), ("relu2", 5), ("pool2", 9), ("fc1", 7)])
def test_top_images_on_cuda_are_those_of_the_cpu(twins, layer, channel):
    from core.cnn.image_sets import DIGITS_PREPROCESSING, ImageSet

    cpu, gpu, pixels, labels, _ = twins
    stored = torch.from_numpy(pixels).unsqueeze(1)
    held = ImageSet("d", "digits", (), dict(DIGITS_PREPROCESSING), stored[:0], torch.zeros(0), stored,
                    torch.from_numpy(labels))
    expected = top_images(cpu, layer, channel, stored, 9, labels, prepare=held.inputs)
    found = top_images(gpu, layer, channel, stored, 9, labels, prepare=held.inputs)
    np.testing.assert_allclose(found.activations, expected.activations, rtol=1e-4, atol=1e-4)
    assert list(found.indices) == list(expected.indices)
    np.testing.assert_array_equal(found.boxes, expected.boxes)
    assert next(gpu.parameters()).device.type == "cuda"


def test_the_dream_on_cuda_climbs_like_on_the_cpu(twins):
    cpu, gpu, *_ = twins
    bounds = input_bounds([0.1307], [0.3081], 1)
    expected = dream(cpu, "relu2", 3, (1, 28, 28), steps=30, bounds=bounds)
    found = dream(gpu, "relu2", 3, (1, 28, 28), steps=30, bounds=bounds)
    # Thirty normalised steps amplify rounding differences a little; the images stay close.
    assert np.abs(found.image - expected.image).mean() < 0.05
    assert found.activation == pytest.approx(expected.activation, rel=0.05, abs=0.05)


@pytest.mark.parametrize("method", ["gradient", "gradcam", "occlusion"])
def test_the_maps_on_cuda_are_those_of_the_cpu(twins, method):
    cpu, gpu, _, _, inputs = twins
    image = inputs[4].numpy()
    run = {"gradient": gradient_saliency, "gradcam": grad_cam,
           "occlusion": lambda model, x: occlusion(model, x, window=6, stride=3)}[method]
    expected, found = run(cpu, image), run(gpu, image)
    assert found.target == expected.target
    np.testing.assert_allclose(found.probs, expected.probs, rtol=1e-4, atol=1e-5)
    scale = max(1e-6, float(np.abs(expected.map).max()))
    np.testing.assert_allclose(found.map / scale, expected.map / scale, atol=1e-3)
