"""Does the autoencoder do what the lesson promises? It rebuilds held-out digits far better than the mean image,
its 2-number codes group the digits by class better than chance, and it trains the same on CUDA as on the CPU.

The measures are computed here independently of the trainer: the mean image's error and binary
cross-entropy in numpy, and a k-nearest-neighbour vote over the codes (bench/autoencoder.py measures
the same at full size, against PCA).
"""

from __future__ import annotations

import numpy as np
import pytest
import torch

from core.autoencoder.trainer import AutoencoderConfig, AutoencoderTrainer, autoencoder_data


def generated_digits(count: int, seed: int):
    from core.data.synthetic_images import make_digits

    pixels, labels = make_digits(count, seed=seed)
    return autoencoder_data(pixels, labels, tuple("0123456789"), "generated digits", seed=0)


def knn_accuracy(train_codes, train_labels, test_codes, test_labels, k: int = 5) -> float:
    """The share of held-out codes whose k nearest training codes vote for their own class."""
    distances = ((test_codes[:, None, :] - train_codes[None, :, :]) ** 2).sum(axis=2)
    nearest = np.argsort(distances, axis=1, kind="stable")[:, :k]
    votes = [np.bincount(train_labels[row], minlength=10).argmax() for row in nearest]
    return float(np.mean(np.asarray(votes) == test_labels))


def test_a_few_hundred_steps_rebuild_held_out_digits_far_better_than_the_mean_image():
    data = generated_digits(500, seed=8)
    trainer = AutoencoderTrainer(data, AutoencoderConfig(bottleneck=16, device="cpu"))
    for _ in trainer.run(max_steps=300):
        pass
    result = trainer.evaluate()
    originals = data.x_test.reshape(len(data.x_test), -1).numpy().astype(np.float64)
    mean = data.x_train.reshape(len(data.x_train), -1).numpy().astype(np.float64).mean(axis=0)
    mean_error = ((originals - mean) ** 2).mean()
    clamped = np.clip(mean, 1e-3, 1 - 1e-3)
    mean_loss = -(originals * np.log(clamped) + (1 - originals) * np.log(1 - clamped)).mean()
    assert result.mean_image_error == pytest.approx(mean_error, rel=1e-4)
    assert result.mean_image_loss == pytest.approx(mean_loss, rel=1e-4)
    assert result.test_error < 0.85 * mean_error
    assert result.test_loss < 0.92 * mean_loss


def test_two_number_codes_group_the_digits_by_class_better_than_chance():
    data = generated_digits(600, seed=8)
    trainer = AutoencoderTrainer(data, AutoencoderConfig(bottleneck=2, device="cpu"))
    for _ in trainer.run(max_steps=1000):
        pass
    held = trainer.reconstructions()
    with torch.no_grad():
        train_codes = trainer.model.encode(data.x_train).numpy()
    accuracy = knn_accuracy(train_codes, data.y_train.numpy(), held.codes, held.labels)
    chance = np.bincount(held.labels).max() / len(held.labels)  # always answering the commonest class
    assert held.codes.shape == (len(data.x_test), 2)
    assert accuracy > 1.8 * chance
    assert trainer.evaluate().test_error < 0.9 * trainer.evaluate().mean_image_error


@pytest.mark.skipif(not torch.cuda.is_available(), reason="no CUDA device on this machine")
@pytest.mark.parametrize("noise", [0.0, 0.3])
def test_the_trainer_on_cuda_follows_the_cpu(noise):
    data = generated_digits(200, seed=3)
    runs = {}
    for device in ("cpu", "cuda"):
        trainer = AutoencoderTrainer(data, AutoencoderConfig(bottleneck=4, noise=noise, device=device, seed=5))
        losses = [step.loss for step in trainer.run(max_steps=25)]
        runs[device] = trainer, losses, trainer.reconstructions(), trainer.evaluate()
    (cpu, cpu_losses, cpu_held, cpu_eval), (gpu, gpu_losses, gpu_held, gpu_eval) = runs["cpu"], runs["cuda"]
    assert next(gpu.model.parameters()).device.type == "cuda"
    np.testing.assert_allclose(gpu_losses, cpu_losses, rtol=1e-3, atol=1e-5)
    np.testing.assert_allclose(gpu_held.inputs, cpu_held.inputs, atol=1e-6)  # the same noise on both
    np.testing.assert_allclose(gpu_held.reconstructions, cpu_held.reconstructions, atol=2e-3)
    np.testing.assert_allclose(gpu_held.codes, cpu_held.codes, atol=2e-3)
    assert gpu_eval.test_error == pytest.approx(cpu_eval.test_error, rel=1e-2)
    np.testing.assert_allclose(gpu.decode([0.2, 0.4, 0.6, 0.8]), cpu.decode([0.2, 0.4, 0.6, 0.8]), atol=2e-3)
