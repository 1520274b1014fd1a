"""The autoencoder: its layers in the seeds' form, its live training, and its data.

Checked by hand (a layer is σ(W·x + b)), against the answer to beat (the mean image), and for
the guards every trainer has: seeds repeat, a step never leaves a non-finite weight behind.
"""

from __future__ import annotations

import io

import numpy as np
import pytest
import torch
from PIL import Image, ImageDraw

from core.autoencoder.model import Autoencoder, check_shape
from core.autoencoder.trainer import (AutoencoderConfig, AutoencoderTrainer, autoencoder_data,
                                      load_autoencoder_data)
from core.errors import ConfigError, DatasetError, DivergedError


@pytest.fixture(scope="module")
def digits():
    from core.data.synthetic_images import make_digits

    pixels, labels = make_digits(400, seed=7)
    return autoencoder_data(pixels, labels, tuple("0123456789"), "generated digits", seed=0)


def test_each_layer_is_a_sigmoid_of_w_x_plus_b_and_the_decoder_mirrors_the_encoder():
    torch.manual_seed(0)
    model = Autoencoder(bottleneck=3, hidden=(16, 8))
    table = model.layer_table()
    assert [(l.name, l.part, l.inputs, l.outputs) for l in table] == [
        ("enc1", "encoder", 784, 16), ("enc2", "encoder", 16, 8), ("enc3", "encoder", 8, 3),
        ("dec1", "decoder", 3, 8), ("dec2", "decoder", 8, 16), ("dec3", "decoder", 16, 784)]
    x = torch.rand(5, 28, 28)
    h = x.reshape(5, -1)
    weights = model.weights()
    for name in ("enc1", "enc2", "enc3"):
        w, b = weights[name]
        h = torch.sigmoid(h @ torch.tensor(w).T + torch.tensor(b))
    with torch.no_grad():
        np.testing.assert_allclose(model.encode(x).numpy(), h.numpy(), rtol=1e-5, atol=1e-6)
        out = model(x)
    assert out.shape == (5, 784) and 0 <= float(out.min()) and float(out.max()) <= 1
    assert not weights["enc1"][0].flags.writeable


def test_shapes_out_of_range_are_refused():
    for bottleneck, hidden in [(1, (128,)), (65, (128,)), (True, (128,)), (2.5, (128,)), (8, (4,)),
                               (8, (64, 64, 64, 64)), (8, (2000,))]:
        with pytest.raises(ConfigError, match="bottleneck|hidden layers"):
            check_shape(bottleneck, hidden)
    for config in [AutoencoderConfig(noise=1.5), AutoencoderConfig(noise=float("nan")), AutoencoderConfig(learning_rate=0),
                   AutoencoderConfig(batch_size=0), AutoencoderConfig(optimizer="magic"), AutoencoderConfig(seed=-1)]:
        with pytest.raises(ConfigError):
            config.validated()


def test_an_untrained_network_answers_the_mean_image_and_training_beats_it(digits):
    trainer = AutoencoderTrainer(digits, AutoencoderConfig(bottleneck=8, learning_rate=3e-3, device="cpu"))
    before = trainer.evaluate()
    assert before.test_error == pytest.approx(before.mean_image_error, rel=0.05)
    assert np.isnan(before.train_loss)
    steps = list(trainer.run(max_steps=250))
    after = trainer.evaluate()
    assert [s.step for s in steps] == list(range(1, 251)) and trainer.loss_curve.shape == (250,)
    assert after.test_error < 0.85 * after.mean_image_error
    assert after.test_loss < before.test_loss and after.train_loss < steps[0].loss


def test_the_same_seed_trains_the_same_way(digits):
    curves = []
    for _ in range(2):
        trainer = AutoencoderTrainer(digits, AutoencoderConfig(bottleneck=2, noise=0.3, seed=4, device="cpu"))
        list(trainer.run(max_steps=5))
        curves.append(trainer.loss_curve)
    np.testing.assert_array_equal(curves[0], curves[1])


def test_a_non_finite_step_puts_the_last_good_weights_back(digits):
    trainer = AutoencoderTrainer(digits, AutoencoderConfig(bottleneck=2, device="cpu"))
    list(trainer.run(max_steps=3))
    good = {k: v.clone() for k, v in trainer.model.state_dict().items()}
    with torch.no_grad():
        trainer.model.encoder[0].weight[0, 0] = float("nan")
    with pytest.raises(DivergedError, match="step 4"):
        trainer.step()
    for key, value in trainer.model.state_dict().items():
        assert torch.equal(value, good[key])
    assert trainer.step_count == 3 and trainer.weights_finite()
    assert trainer.step().step == 4


def test_noise_corrupts_the_inputs_the_same_way_each_time_and_the_targets_stay_clean(digits):
    trainer = AutoencoderTrainer(digits, AutoencoderConfig(bottleneck=4, noise=0.5, device="cpu"))
    first, second = trainer.reconstructions(), trainer.reconstructions()
    np.testing.assert_array_equal(first.inputs, second.inputs)
    assert not np.array_equal(first.inputs, first.originals)
    assert first.inputs.min() >= 0 and first.inputs.max() <= 1
    np.testing.assert_array_equal(first.originals, digits.x_test.numpy())
    quiet = AutoencoderTrainer(digits, AutoencoderConfig(bottleneck=4, device="cpu")).reconstructions()
    np.testing.assert_array_equal(quiet.inputs, quiet.originals)


def test_codes_reconstructions_and_decoding_a_point(digits):
    trainer = AutoencoderTrainer(digits, AutoencoderConfig(bottleneck=2, device="cpu"))
    list(trainer.run(max_steps=3))
    result = trainer.reconstructions()
    n = len(digits.x_test)
    assert result.codes.shape == (n, 2) and result.reconstructions.shape == (n, 28, 28) == result.inputs.shape
    assert np.all((result.codes > 0) & (result.codes < 1))
    image = trainer.decode(result.codes[0])
    np.testing.assert_allclose(image, result.reconstructions[0], rtol=1e-5, atol=1e-6)
    assert image.shape == (28, 28) and not image.flags.writeable
    for bad in ([0.5], [0.5, float("nan")], [[0.1, 0.2, 0.3]], "ab"):
        with pytest.raises(ConfigError, match="2 finite numbers"):
            trainer.decode(bad)
    buffer = io.BytesIO()
    np.savez(buffer, **result.to_npz_dict(trainer.loss_curve))
    buffer.seek(0)
    loaded = np.load(buffer, allow_pickle=False)
    assert loaded["loss_curve"].shape == (3,) and loaded["labels"][0] == digits.class_names[int(digits.y_test[0])]


def test_retuning_keeps_the_weights_and_a_new_shape_is_refused(digits):
    trainer = AutoencoderTrainer(digits, AutoencoderConfig(bottleneck=2, device="cpu"))
    list(trainer.run(max_steps=2))
    weights = trainer.model.encoder[0].weight.detach().clone()
    trainer.retune(AutoencoderConfig(bottleneck=2, noise=0.2, learning_rate=1e-2, device="cpu"))
    assert torch.equal(trainer.model.encoder[0].weight, weights) and trainer.step_count == 2
    with pytest.raises(ConfigError, match="new network"):
        trainer.retune(AutoencoderConfig(bottleneck=3, device="cpu"))


def test_a_fifth_of_each_class_is_held_out():
    pixels = np.random.default_rng(0).integers(0, 256, size=(53, 28, 28), dtype=np.uint8)
    labels = np.array([0] * 20 + [1] * 30 + [2] * 3)
    data = autoencoder_data(pixels, labels, ("a", "b", "c"), "random", seed=1)
    assert np.bincount(data.y_test.numpy()).tolist() == [4, 6, 1]
    assert len(data.x_train) + len(data.x_test) == 53 and float(data.x_train.max()) <= 1.0
    both = torch.cat([data.x_train, data.x_test]).reshape(53, -1).sort(dim=0).values
    np.testing.assert_allclose(both.numpy(), np.sort(pixels.reshape(53, -1) / 255.0, axis=0), rtol=1e-6)
    for images, words in [(np.zeros((4, 20, 20)), "28×28"), (np.full((4, 28, 28), 2.0), "0 to 1"),
                          (np.zeros((1, 28, 28)), "at least 2 images")]:
        with pytest.raises(DatasetError, match=words):
            autoencoder_data(images, np.zeros(len(images)), ("a",), "bad")


def test_a_folder_of_drawn_digits_becomes_white_ink_on_black(tmp_path):
    for name, offset in (("one", 0), ("seven", 6)):
        (tmp_path / name).mkdir()
        for i in range(3):
            picture = Image.new("L", (60, 60), 255)
            ImageDraw.Draw(picture).line([(25 + offset + i, 10), (30 + i, 50)], fill=0, width=6)
            picture.save(tmp_path / name / f"{i}.png")
    (tmp_path / "one" / "broken.png").write_bytes(b"not an image")
    steps = load_autoencoder_data("folder", str(tmp_path))
    progress = []
    while True:
        try:
            progress.append(next(steps))
        except StopIteration as finished:
            data = finished.value
            break
    assert len(progress) == 7 and data.class_names == ("one", "seven")
    assert len(data.x_train) + len(data.x_test) == 6 and len(data.x_test) == 2
    images = torch.cat([data.x_train, data.x_test])
    assert float(images[:, 0, 0].max()) == 0.0 and float(images.amax(dim=(1, 2)).min()) > 0.5
    with pytest.raises(DatasetError, match="choose one of"):
        next(load_autoencoder_data("shapes"))
