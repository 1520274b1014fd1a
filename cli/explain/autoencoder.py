"""`export autoencoder`: train an autoencoder headless and write what it makes of the held-out images.

    main.py export autoencoder --data digits|mnist|fashion-mnist | --folder DIR --bottleneck K --steps N
                               --seed S [--noise F] [--device cpu] --out ae.npz

A fifth of each class is held out (core.autoencoder.trainer.autoencoder_data); the .npz holds,
for those images, `inputs` (as fed: with the noise), `originals`, `reconstructions` (same shape),
`codes` (N×K), `labels` (class names) and `classes`, plus every step's training `loss_curve`.
`snapshot --view autoencoder` trains the same way (`train_autoencoder`) and draws the tab's pictures.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass

from cli.errors import CommandLineError, said, say_line
from cli.explain.inputs import check_seed, data_source, loading_progress
from cli.options import check_output_path, check_steps, refuse_unused, write_output
from cli.words import translate

KINDS = ("digits", "mnist", "fashion-mnist")


@dataclass(frozen=True)
class Trained:
    """A trained autoencoder's results, as numpy copies: what the export writes and the snapshot draws."""

    reconstructions: object  # core.autoencoder.trainer.Reconstructions
    loss_curve: object  # np.ndarray
    evaluation: object  # AutoencoderEvaluation
    config: object  # AutoencoderConfig
    layers: tuple  # Autoencoder.layer_table()


def run(options: argparse.Namespace) -> int:
    from cli.progress import one_torch_thread

    refuse_unused(options, "export autoencoder", "export autoencoder")
    out = check_output_path(options.out)
    with one_torch_thread():
        trained = train_autoencoder(options)
    import numpy as np

    arrays = trained.reconstructions.to_npz_dict(trained.loss_curve)
    write_output(out, lambda handle: np.savez(handle, **arrays))
    say_line(out)
    evaluation = trained.evaluation
    say_line(f"test_error={evaluation.test_error:.6g} mean_image_error={evaluation.mean_image_error:.6g}")
    return 0


def autoencoder_config(options: argparse.Namespace):
    """The checked AutoencoderConfig of --bottleneck, --noise, --seed and --device."""
    from core.autoencoder.model import BOTTLENECK_RANGE
    from core.autoencoder.trainer import AutoencoderConfig
    from core.device import resolve_device

    low, high = BOTTLENECK_RANGE
    bottleneck = 2 if options.bottleneck is None else options.bottleneck
    if not low <= bottleneck <= high:
        raise CommandLineError(translate("cli", "--bottleneck must be from {0} to {1} numbers, not {2}.")
                               .format(low, high, bottleneck))
    noise = getattr(options, "noise", 0.0)
    if not 0 <= noise <= 1:
        raise CommandLineError(translate("cli", "--noise must be from 0 to 1 (the noise's spread, in pixels from 0 "
                                                "to 1), not {0}.").format(noise))
    device = getattr(options, "device", "auto").strip().lower()
    resolve_device(device)  # an unknown device, or CUDA where there is none: one sentence now
    return AutoencoderConfig(bottleneck=bottleneck, noise=noise, seed=check_seed(options), device=device).validated()


def load_data(options: argparse.Namespace, seed: int):
    """The autoencoder's images from --data or --folder (generated digits by default), with progress when slow."""
    from core.autoencoder.trainer import load_autoencoder_data

    source = data_source(options, KINDS, default="digits")
    steps = load_autoencoder_data(source.kind, source.path, seed=seed)
    progress = None
    while True:
        try:
            update = next(steps)
        except StopIteration as finished:
            return finished.value
        progress = progress or loading_progress(source.kind, update.total)
        progress.update(update.done)


def train_autoencoder(options: argparse.Namespace) -> Trained:
    """Check every option, load the images, train --steps steps with progress lines, and collect the results.

    A divergence stops training with the last finite weights and says so in a `note:` line.
    """
    from cli.progress import SLOW_SECONDS, training_progress
    from core.autoencoder.trainer import AutoencoderTrainer
    from core.errors import DivergedError
    from core.limits import describe

    steps = check_steps(options.steps)
    config = autoencoder_config(options)
    data = load_data(options, config.seed)
    trainer = AutoencoderTrainer(data, config)  # refuses, in one sentence, what this memory cannot hold
    estimate = trainer.estimate()
    if steps * estimate.seconds > SLOW_SECONDS:
        say_line(said(describe(estimate)), sys.stderr, "note: ")
    progress = training_progress(steps, estimate.seconds)
    try:
        for record in trainer.run(max_steps=steps):
            progress.update(record.step)
    except DivergedError as error:
        say_line(said(error), sys.stderr, "note: ")
    return Trained(trainer.reconstructions(), trainer.loss_curve, trainer.evaluate(), trainer.config,
                   trainer.model.layer_table())
