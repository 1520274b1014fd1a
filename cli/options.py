"""Checking option values before any work starts, so bad input fails in a second, not after training.

Training options become a validated TrainConfig; --steps, --out and --size are checked
here; options that mean nothing to the chosen view or export are refused, not ignored.
"""

from __future__ import annotations

import argparse
import os
from dataclasses import replace
from typing import Callable, IO

from cli.errors import CommandLineError
from cli.words import translate

MAX_STEPS = 1_000_000

# Command-line option → TrainConfig field.
OPTION_FIELDS = {
    "dataset": "dataset",
    "noise": "noise",
    "train_fraction": "train_fraction",
    "points": "n_points",
    "features": "features",
    "hidden": "hidden",
    "activation": "activation",
    "optimizer": "optimizer",
    "lr": "learning_rate",
    "batch": "batch_size",
    "regularization": "regularization",
    "regularization_rate": "regularization_rate",
    "seed": "seed",
    "device": "device",
}
IMAGE_FLAGS = (("--image", "image"), ("--model", "model"), ("--models-dir", "models_dir"))
LANDSCAPE_FLAGS = ("surface", "optimizers", "start", "momentum", "resolution", "directions")


def training_options_given(options: argparse.Namespace) -> bool:
    return any(hasattr(options, option) for option in OPTION_FIELDS)


def config_from_options(options: argparse.Namespace, base):
    """Apply the training options that were given on top of `base` (a TrainConfig), validated."""
    from core.mlp.config import parse_activations, parse_hidden

    values = {}
    for option, field in OPTION_FIELDS.items():
        if hasattr(options, option):
            value = getattr(options, option)
            if option == "hidden":
                value = parse_hidden(value)
            elif option == "features":
                value = tuple(part.strip() for part in value.split(",") if part.strip())
            elif option == "activation":
                values["activation"], values["layer_activations"] = parse_activations(value)
                continue
            elif option in ("dataset", "optimizer", "regularization", "device"):
                value = value.strip().lower()
            values[field] = value
    return replace(base, **values).validated()


def check_steps(steps: int) -> int:
    if not 0 <= steps <= MAX_STEPS:
        raise CommandLineError(translate("cli", "--steps must be between 0 and {0}, not {1}.")
                               .format(f"{MAX_STEPS:,}", steps))
    return steps


def check_output_path(path: str) -> str:
    """Refuse an --out we cannot write before spending time on training."""
    path = os.path.abspath(os.path.expanduser(path))
    folder = os.path.dirname(path)
    if os.path.isdir(path):
        raise CommandLineError(translate("cli", "--out '{0}' is a folder; give a file name inside it.").format(path))
    if os.path.exists(folder) and not os.path.isdir(folder):
        raise CommandLineError(translate("cli", "Cannot write '{0}': '{1}' is a file, not a folder.")
                               .format(path, folder))
    if not os.path.isdir(folder):
        raise CommandLineError(translate("cli", "Cannot write '{0}': the folder '{1}' does not exist.")
                               .format(path, folder))
    if not os.access(folder, os.W_OK) or (os.path.exists(path) and not os.access(path, os.W_OK)):
        raise CommandLineError(translate("cli", "Cannot write '{0}': permission denied; choose another --out.")
                               .format(path))
    return path


def parse_size(text: str) -> tuple[int, int]:
    try:
        width, height = (int(part) for part in text.lower().split("x"))
    except ValueError:
        raise CommandLineError(translate("cli", "--size must look like 1600x900, not '{0}'.").format(text)) \
            from None
    if not (200 <= width <= 8000 and 200 <= height <= 8000):
        raise CommandLineError(translate("cli", "--size must be between 200x200 and 8000x8000, not {0}.")
                               .format(text))
    return width, height


def refuse_image_options(options: argparse.Namespace, what: str) -> None:
    """--image and --model mean nothing to the training views and exports: say so rather than ignore them."""
    given = [flag for flag, field in IMAGE_FLAGS if getattr(options, field, None) is not None]
    if given:
        raise CommandLineError(translate("cli", "{0} apply only to 'snapshot --view cnn' and 'export features', "
                                                "not to {1}.").format(translate("cli", " and ").join(given), what))


def refuse_landscape_options(options: argparse.Namespace, what: str) -> None:
    given = [flag for flag in LANDSCAPE_FLAGS if getattr(options, flag, None) is not None]
    if given:
        flags = translate("cli", " and ").join(f"--{flag}" for flag in given)
        raise CommandLineError(translate("cli", "{0} apply only to 'snapshot --view landscape' and 'export "
                                                "landscape', not to {1}.").format(flags, what))


def write_output(out: str, mode: str, fill: Callable[[IO], object]) -> None:
    """Open `out` ("w" text as UTF-8, or "wb"), let `fill` write it; a failure is one error line.

    A file object, not a path: np.savez would add ".npz" to a bare path.
    """
    try:
        with open(out, mode, encoding=None if "b" in mode else "utf-8") as handle:
            fill(handle)
    except OSError as error:
        raise CommandLineError(translate("cli", "Could not write '{0}': {1}.").format(out, error.strerror or error)) \
            from None


def announce_png(written: bool, out: str) -> None:
    """Print where the PNG went; a renderer that could not save it is one error line, never silence."""
    if not written:
        raise CommandLineError(translate("cli", "Could not write the PNG '{0}'; check the folder and the disk "
                                                "space.").format(out))
    print(out)
