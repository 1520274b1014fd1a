"""What `snapshot` and `export` share: headless MLP training, the lab's image and model, landscape inputs.

Every input is checked before anything heavy runs.
"""

from __future__ import annotations

import argparse
import os
import sys

from cli.errors import CommandLineError, say_line, shown_value
from cli.options import check_steps, config_from_options
from cli.progress import require_trace, require_training, train_with_progress
from cli.words import translate


def make_trainer(options: argparse.Namespace, trace: bool = False):
    """A new trainer from the training options, once core.limits says its training (and, with `trace`, a trace
    of one example) fits in memory."""
    from core.mlp.config import TrainConfig
    from core.mlp.trainer import Trainer

    steps = check_steps(options.steps)
    config = config_from_options(options, TrainConfig())
    if trace:
        require_trace(config)
    require_training(config, steps)
    return Trainer(config)


def headless_run(options: argparse.Namespace, trainer=None, recorder=None, quiet: bool = False):
    """Train as the options say, with progress lines when slow; returns (trainer, history, divergence or None).

    `recorder`: a TrajectoryRecorder that records the landscape's path on the way. A divergence is a
    `note:` line unless `quiet` (the caller refuses the run with it instead).
    """
    trainer = trainer or make_trainer(options)
    steps = check_steps(options.steps)
    history, diverged = train_with_progress(trainer, steps, 300, recorder, require_training(trainer.config))
    if diverged is not None and not quiet:
        from cli.errors import said

        say_line(said(diverged), sys.stderr, "note: ")
    return trainer, history, diverged


def lab_inputs(options: argparse.Namespace):
    """The checked --image (a LoadedImage) and --model name, before anything heavy runs."""
    from core.data.images import load_image

    if not options.image:
        raise CommandLineError(translate("cli", "This command needs --image PATH: the picture to run through the "
                                                "network."))
    image = load_image(os.path.expanduser(options.image))
    return image, model_name(options)


def model_name(options: argparse.Namespace) -> str:
    """The checked --model name (the digits model when not given) in the checked --models-dir."""
    from core.cnn.analysis import DEFAULT_MODEL
    from core.nets.model_store import MODELS_DIR, available_models

    name = options.model or DEFAULT_MODEL
    folder = options.models_dir
    if folder is not None and not os.path.isdir(folder):
        raise CommandLineError(translate("cli", "--models-dir '{0}' is not a folder.").format(shown_value(folder)))
    names = available_models(folder)
    if not names:
        raise CommandLineError(translate("cli", "No trained model was found in {0}; run scripts/train_models.py "
                                                "to create the digits and shapes models.").format(folder or MODELS_DIR))
    if name not in names:
        raise CommandLineError(translate("cli", "Unknown model '{0}'; choose one of: {1}.")
                               .format(shown_value(name), ", ".join(shown_value(name) for name in names)))
    return name


def surface_inputs(options: argparse.Namespace, optimizers: list[str]):
    """Checked (surface, learning rate, start, momentum) for a textbook surface, before any work."""
    from core.landscape.surfaces import check_lr, check_momentum, parse_start, race, surface
    from core.landscape.surfaces import check_steps as check_path_steps

    chosen = surface(options.surface.strip().lower())
    lr = options.lr if hasattr(options, "lr") else chosen.lr
    momentum = 0.9 if options.momentum is None else options.momentum
    start = parse_start(options.start) if options.start is not None else None
    check_lr(lr)
    check_momentum(momentum)
    check_path_steps(options.steps)
    race(chosen, optimizers, lr, 0, start, momentum)  # validates the names and the start without racing
    return chosen, lr, start, momentum


def network_landscape_inputs(options: argparse.Namespace):
    """Checked (config, directions, resolution) for a slice of the network the training options describe."""
    from core.mlp.config import TrainConfig
    from core.landscape.slices import DIRECTIONS, MAX_NETWORK_RESOLUTION
    from core.landscape.surfaces import check_resolution

    directions = (options.directions or "random").strip().lower()
    if directions not in DIRECTIONS:
        raise CommandLineError(translate("cli", "Unknown --directions '{0}'; choose random or pca.")
                               .format(shown_value(directions)))
    for flag in ("start", "momentum", "optimizers"):
        if getattr(options, flag) is not None:
            raise CommandLineError(translate("cli", "--{0} applies to a --surface, not to a network's landscape.")
                                   .format(flag))
    resolution = check_resolution(41 if options.resolution is None else options.resolution,
                                  high=MAX_NETWORK_RESOLUTION)
    check_steps(options.steps)
    return config_from_options(options, TrainConfig()), directions, resolution


def note_slice_divergence(diverged_at: int | None) -> None:
    if diverged_at is not None:
        say_line(translate("cli", "training diverged at step {0}; the slice is around the last finite weights.")
                 .format(diverged_at), sys.stderr, "note: ")
