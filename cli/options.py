"""Checking option values before any work starts, so bad input fails in a second, not after training.

Training options become a validated TrainConfig; --steps, --out and --size are checked
here; options that mean nothing to the chosen view or export are refused, not ignored.
"""

from __future__ import annotations

import argparse
import os
from dataclasses import replace
from typing import Callable, IO

from cli.errors import CommandLineError, prints, say_line, shown_value
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


def check_output_path(path: str, flag: str = "--out") -> str:
    """The absolute --out (or `flag`'s file), refused in a second (not after training) when it cannot be written.

    The name printed when the file is written is this one, so it must print as itself: a
    name that is not text in the system's encoding, or holds a control character, is refused.
    """
    try:
        return _checked_output_path(path)
    except CommandLineError as error:
        if flag == "--out":
            raise
        # The sentences name --out; the same sentence (and its translation) serves another file option.
        raise CommandLineError(str(error).replace("--out", flag)) from None


def _checked_output_path(path: str) -> str:
    from core.files import FileWriteError, writable_target

    if not path.strip():
        raise CommandLineError(translate("cli", "--out needs a file name."))
    if any(0xD800 <= ord(char) <= 0xDFFF for char in path):
        raise CommandLineError(translate("cli", "--out '{0}' is not text in this system's encoding, so it could not "
                                                "be printed as written; choose a name made of letters and digits.")
                               .format(shown_value(path)))
    if not all(prints(char) for char in path):
        raise CommandLineError(translate("cli", "--out '{0}' holds a control character (such as a new line); "
                                                "choose a plain file name.").format(shown_value(path)))
    full = os.path.abspath(os.path.expanduser(path))
    folder = os.path.dirname(full)
    shown, shown_folder = shown_value(full), shown_value(folder)
    if os.path.isdir(full):
        raise CommandLineError(translate("cli", "--out '{0}' is a folder; give a file name inside it.").format(shown))
    if os.path.exists(folder) and not os.path.isdir(folder):
        raise CommandLineError(translate("cli", "Cannot write '{0}': '{1}' is a file, not a folder.")
                               .format(shown, shown_folder))
    if not os.path.lexists(folder):
        raise CommandLineError(translate("cli", "Cannot write '{0}': the folder '{1}' does not exist.")
                               .format(shown, shown_folder))
    if os.path.exists(full) and not os.path.isfile(full):
        raise CommandLineError(translate("cli", "Cannot write '{0}': it is a device, pipe or socket, not a file; "
                                                "choose a file name.").format(shown))
    writable_target(full, FileWriteError)  # and the rest: a name not too long, a usable path
    if not os.access(folder, os.W_OK) or (os.path.exists(full) and not os.access(full, os.W_OK)):
        raise CommandLineError(translate("cli", "Cannot write '{0}': permission denied; choose another --out.")
                               .format(shown))
    return full


def parse_size(text: str) -> tuple[int, int]:
    try:
        width, height = (int(part) for part in text.lower().split("x"))
    except ValueError:
        raise CommandLineError(translate("cli", "--size must look like 1600x900, not '{0}'.").format(
            shown_value(text))) from None
    if not (200 <= width <= 8000 and 200 <= height <= 8000):
        raise CommandLineError(translate("cli", "--size must be between 200x200 and 8000x8000, not {0}.")
                               .format(shown_value(text)))
    return width, height


def refuse_image_options(options: argparse.Namespace, what: str) -> None:
    """--image and --model mean nothing to the training views and exports: say so rather than ignore them."""
    given = [flag for flag, field in IMAGE_FLAGS if getattr(options, field, None) is not None]
    if given:
        raise CommandLineError(translate("cli", "{0} apply only to the commands that look into a CNN (snapshot "
                                                "--view cnn, saliency, channel or confusion; export features, "
                                                "saliency, channel-images or dream; evaluate), not to {1}.")
                               .format(translate("cli", " and ").join(given), what))


def refuse_landscape_options(options: argparse.Namespace, what: str) -> None:
    given = [flag for flag in LANDSCAPE_FLAGS if getattr(options, flag, None) is not None]
    if given:
        flags = translate("cli", " and ").join(f"--{flag}" for flag in given)
        raise CommandLineError(translate("cli", "{0} apply only to 'snapshot --view landscape' and 'export "
                                                "landscape', not to {1}.").format(flags, what))


def write_output(out: str, content: str | bytes | Callable[[IO[bytes]], object]) -> None:
    """Write `out` whole or not at all (core.files: a temporary file renamed over it when complete).

    `content`: the text (UTF-8) or bytes, or a function that writes into a binary file object
    (np.savez: a file object, not a path, since a bare path would gain ".npz"). A full disk,
    a vanished folder or Ctrl+C leaves the old file exactly as it was; a failure is one sentence.
    """
    from core.files import FileWriteError, atomic_output, atomic_write

    if callable(content):
        with atomic_output(out, FileWriteError) as stream:
            content(stream)
    else:
        atomic_write(out, content, FileWriteError)


def announce_png(written: bool, out: str) -> None:
    """Print where the PNG went; a renderer that could not save it is one error line, never silence."""
    if not written:
        raise CommandLineError(translate("cli", "Could not write the PNG '{0}'; check the folder and the disk "
                                                "space.").format(out))
    say_line(out)


# What each command's target reads; any other option given is refused by name (refuse_unused).
TRAINING = frozenset(OPTION_FIELDS)
IMAGE = frozenset(field for _, field in IMAGE_FLAGS)
SURFACE = frozenset({"surface", "optimizers", "start", "momentum", "lr", "steps"})
SLICE = TRAINING | {"steps", "directions", "resolution"}
USES = {
    "snapshot training": TRAINING | {"steps", "size"},
    "snapshot network": TRAINING | {"steps", "size"},
    "snapshot cnn": IMAGE | {"size"},
    "snapshot surface": SURFACE | {"size"},
    "snapshot slice": SLICE | {"size"},
    "snapshot session": frozenset({"session", "steps", "size"}),
    "snapshot session cnn": frozenset({"session", "size"}),
    "export metrics": TRAINING | {"steps"},
    "export trace": TRAINING | {"steps", "example", "session"},
    "export session": TRAINING | {"steps", "session"},
    "export features": IMAGE,
    "export surface": (SURFACE - {"optimizers"}) | {"optimizer", "resolution"},
    "export slice": SLICE,
    "evaluate": IMAGE - {"image"} | {"folder", "confusion"},
}
# Issue 13's targets: why the network said that, what a channel looks for, the confusion matrix, the autoencoder.
MODEL = IMAGE - {"image"}
SALIENCY = IMAGE | {"method", "target", "layer", "window", "stride"}
CHANNEL = MODEL | {"layer", "channel"}
DATA = frozenset({"data", "folder"})
AUTOENCODER = DATA | {"bottleneck", "steps", "seed", "noise", "device"}
USES |= {
    "export saliency": SALIENCY,
    "export channel-images": CHANNEL | DATA | {"k"},
    "export dream": CHANNEL | {"steps", "seed"},
    "export autoencoder": AUTOENCODER,
    "snapshot saliency": SALIENCY | {"size"},
    "snapshot channel": CHANNEL | DATA | {"k", "steps", "seed", "size"},
    "snapshot confusion": MODEL | DATA | {"size"},
    "snapshot autoencoder": AUTOENCODER | {"size"},
}
ALWAYS = frozenset({"command", "what", "view", "out", "lang"})


def refuse_unused(options: argparse.Namespace, target: str, what: str) -> None:
    """Refuse, by name, every option given that `target` (a key of USES) does not read: never ignore one."""
    unused = [name for name in sorted(getattr(options, "given", ())) if name not in USES[target] | ALWAYS]
    if unused:
        flags = translate("cli", " and ").join("--" + name.replace("_", "-") for name in unused)
        raise CommandLineError(translate("cli", "{0} does not apply to {1}; leave it out.").format(flags, what))
