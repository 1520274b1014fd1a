"""The grammar of issue 13's commands: why the network said that, what a channel looks for, and the autoencoder.

    export saliency --image IMG --model NAME --method gradcam|gradient|occlusion [--target C] [--layer L]
                    [--window N --stride N] --out s.npz
    export channel-images --model NAME --data SET|--folder DIR --layer L --channel N --k 9 --out top.npz
    export dream --model NAME --layer L --channel N --steps 200 --out dream.png
    export autoencoder --data digits|mnist|fashion-mnist|--folder DIR --bottleneck K --steps N --seed S
                       [--noise F] --out ae.npz
    snapshot --view saliency|channel|confusion|autoencoder  (the same options, plus --size)
    evaluate ... --confusion cm.csv

The option groups live here so that cli/parser.py stays short; the checks are in cli/explain/inputs.py.
`--steps` is shared with training, so each target has its own default (`default_steps`).
"""

from __future__ import annotations

import argparse

from cli.words import translate

EXPLAIN_EXPORTS = ("saliency", "channel-images", "dream", "autoencoder")
EXPLAIN_VIEWS = ("saliency", "channel", "confusion", "autoencoder")
DEFAULT_DREAM_STEPS = 200
DEFAULT_AUTOENCODER_STEPS = 1000  # about a minute on two cores: the digits already look like digits


def default_steps(options: argparse.Namespace, training_default: int) -> int:
    """--steps when not given: the dream's, the autoencoder's, or training's (`training_default`)."""
    target = options.what if options.command == "export" else getattr(options, "view", None)
    if target in ("dream", "channel"):
        return DEFAULT_DREAM_STEPS
    if target == "autoencoder":
        return DEFAULT_AUTOENCODER_STEPS
    return training_default


def add_explain_options(parser: argparse.ArgumentParser, export: bool) -> None:
    """Where the network looks, what a channel looks for, and the images to search or count."""
    targets = translate("cli", "export saliency, channel-images, dream") if export else translate(
        "cli", "snapshot --view saliency, channel, confusion")
    group = parser.add_argument_group(translate("cli", "why the network said that ({0})").format(targets))
    group.add_argument("--method", metavar="METHOD", help=translate(
        "cli", "saliency: gradcam, gradient or occlusion (snapshot: all three unless one is chosen)"))
    group.add_argument("--target", metavar="CLASS", help=translate(
        "cli", "saliency: the class to explain, by name or number (default: the predicted class)"))
    group.add_argument("--layer", metavar="NAME", help=translate(
        "cli", "the layer by name: Grad-CAM's (default: the last convolution), or the channel's layer"))
    group.add_argument("--window", metavar="N", type=_whole, help=translate(
        "cli", "occlusion: the grey square's side in pixels (default 6)"))
    group.add_argument("--stride", metavar="N", type=_whole, help=translate(
        "cli", "occlusion: pixels between two positions of the square (default 2)"))
    group.add_argument("--channel", metavar="N", type=_whole, help=translate(
        "cli", "the channel (feature map) of --layer to look into, from 0 (default 0)"))
    group.add_argument("--k", metavar="K", type=_whole, help=translate(
        "cli", "channel images: how many of the images that excite it most, 1 to 100 (default 9)"))
    add_data_options(group)


def add_data_options(group) -> None:
    group.add_argument("--data", metavar="SET", help=translate(
        "cli", "the images: digits, shapes, mnist, fashion-mnist or cifar10 (their held-out part; default: the "
               "set the model learned from)"))
    group.add_argument("--folder", metavar="DIR", help=translate(
        "cli", "instead of --data: a folder with one subfolder of images per class"))


def add_autoencoder_options(parser: argparse.ArgumentParser) -> None:
    """The autoencoder's shape; --data/--folder, --steps, --seed and --noise are shared with other groups."""
    group = parser.add_argument_group(translate("cli", "autoencoder (export autoencoder, snapshot --view "
                                                       "autoencoder; also --data or --folder, --steps, --seed, "
                                                       "--noise)"))
    group.add_argument("--bottleneck", metavar="K", type=_whole, help=translate(
        "cli", "the numbers in the middle, 2 to 64 (default 2)"))


def add_confusion_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--confusion", metavar="CM.csv", help=translate(
        "cli", "also write the confusion matrix as CSV: the class names, then one row per true class"))


def _whole(text: str) -> int:
    from cli.parser import whole_number

    return whole_number(text)
