"""The command line's grammar: the window's options and the snapshot, export and evaluate commands.

Each command gets the option groups it can use. `snapshot` and `export` choose what they
render or write by a value (`--view cnn`, `export features`), so they carry the groups of
all their targets, and the command refuses a group its target ignores, naming the
targets it applies to (cli/options.py). Training options are accepted before the command
as well as after it, as they always were.
"""

from __future__ import annotations

import argparse

from cli.errors import CommandLineError

VIEWS = ("training", "network", "cnn", "landscape")
EXPORTS = ("metrics", "trace", "features", "landscape")


class Parser(argparse.ArgumentParser):
    def error(self, message: str):  # one line, never the usage block or a traceback
        raise CommandLineError(message[0].upper() + message[1:] + ".")


def parse_args(argv: list[str]) -> argparse.Namespace:
    return build_parser().parse_args(attach_negative_values(argv))


def build_parser() -> Parser:
    from core import __version__

    parser = Parser(prog="main.py", description="Glassbox: watch a neural network learn.")
    parser.add_argument("--version", action="version", version=f"Glassbox {__version__}")
    add_training_options(parser)
    commands = parser.add_subparsers(dest="command", parser_class=Parser)
    add_snapshot_command(commands)
    add_export_command(commands)
    add_evaluate_command(commands)
    return parser


def add_snapshot_command(commands) -> None:
    snapshot = commands.add_parser("snapshot", help="train headless and render a view to PNG")
    snapshot.add_argument("--view", default="training", help=f"which view to render: {', '.join(VIEWS)} "
                          "(cnn: what a trained CNN makes of --image)")
    snapshot.add_argument("--steps", type=int, default=300, help="training steps before rendering (default 300)")
    snapshot.add_argument("--out", required=True, help="the PNG file to write")
    snapshot.add_argument("--size", default="1600x900", help="image size WIDTHxHEIGHT (default 1600x900)")
    add_image_options(snapshot)
    add_landscape_options(snapshot)
    add_training_options(snapshot)


def add_export_command(commands) -> None:
    export = commands.add_parser("export", help="train headless and write numbers")
    export.add_argument("what", help="metrics: the loss and accuracy curve as CSV; "
                        "trace: one example's forward, backward and update as JSON; "
                        "features: every layer's output for --image through a trained CNN, as NumPy .npz; "
                        "landscape: a loss surface and a descent path (--surface) or a slice of the network's "
                        "loss, as NumPy .npz")
    export.add_argument("--example", type=int, default=0, help="trace: index into the training set (default 0)")
    export.add_argument("--steps", type=int, default=300, help="training steps (default 300)")
    export.add_argument("--out", required=True, help="the file to write")
    add_image_options(export)
    add_landscape_options(export)
    add_training_options(export)


def add_evaluate_command(commands) -> None:
    evaluate = commands.add_parser("evaluate", help="score a trained CNN on a folder of labelled images")
    evaluate.add_argument("--model", default=None, help="the trained CNN: digits (the default) or shapes")
    evaluate.add_argument("--folder", required=True, help="a folder with one subfolder of images per class, "
                          "named as the model's classes (0 to 9 for digits)")
    evaluate.add_argument("--models-dir", help="folder of trained models (default: the shipped assets/models)")


def add_training_options(parser: argparse.ArgumentParser) -> None:
    """Options shared by the app and the training commands. Unset ones keep their defaults."""
    group = parser.add_argument_group("training")
    S = argparse.SUPPRESS
    group.add_argument("--dataset", default=S, help="circle, xor, gauss, spiral, moons, blobs, reg-plane, "
                       "reg-bumps, or digits (28×28 images, 784 inputs)")
    group.add_argument("--noise", type=float, default=S, help="noise level from 0 to 1 (default 0)")
    group.add_argument("--train-fraction", type=float, default=S, help="share of points for training (0.1-0.9)")
    group.add_argument("--points", type=int, default=S, help="number of points to generate (default 500)")
    group.add_argument("--features", default=S, help="comma-separated inputs: x1,x2,x1^2,x2^2,x1*x2,sin(x1),sin(x2)")
    group.add_argument("--hidden", default=S, help="comma-separated hidden-layer widths, e.g. 8,8")
    group.add_argument("--activation", default=S, help="relu, tanh, sigmoid, linear or leaky_relu; "
                       "or one per hidden layer, e.g. relu,tanh")
    group.add_argument("--optimizer", default=S, help="sgd, momentum, nesterov, adagrad, rmsprop, adam or adamw")
    group.add_argument("--lr", type=float, default=S, help="learning rate (default 0.03)")
    group.add_argument("--batch", type=int, default=S, help="batch size (default 16)")
    group.add_argument("--regularization", default=S, help="none, l1 or l2")
    group.add_argument("--regularization-rate", type=float, default=S, help="regularisation rate")
    group.add_argument("--seed", type=int, default=S, help="random seed for data, weights and batches (default 0)")
    group.add_argument("--device", default=S, help="auto (CUDA if available), cpu or cuda")


def add_landscape_options(parser: argparse.ArgumentParser) -> None:
    """The loss landscape's options: `snapshot --view landscape` and `export landscape`."""
    group = parser.add_argument_group("loss landscape (snapshot --view landscape, export landscape)")
    group.add_argument("--surface", help="a textbook surface: bowl, rosenbrock, himmelblau, saddle, beale, camel "
                       "or plateau (without it, export landscape slices the network the training options describe)")
    group.add_argument("--optimizers", help="snapshot: comma-separated optimizers to race, e.g. sgd,momentum,adam")
    group.add_argument("--start", help="the start point x,y on the surface, e.g. -1,1 (default: the surface's own)")
    group.add_argument("--momentum", type=float, help="momentum for momentum, Nesterov and RMSProp (default 0.9)")
    group.add_argument("--resolution", type=int, default=None, help="grid points per axis (default 101 for a "
                       "surface, 41 for a network)")
    group.add_argument("--directions", default=None, help="network slice: random (filter-normalised) or pca "
                       "(of the training path)")


def add_image_options(parser: argparse.ArgumentParser) -> None:
    """The convolution lab's options: `snapshot --view cnn` and `export features`."""
    group = parser.add_argument_group("convolution lab (snapshot --view cnn, export features)")
    group.add_argument("--image", help="the image to look at: PNG, JPEG, GIF, BMP or WebP")
    group.add_argument("--model", help="the trained CNN: digits (28x28 grey, the default) or shapes (64x64 colour)")
    group.add_argument("--models-dir", help="folder of trained models (default: the shipped assets/models)")


def attach_negative_values(argv: list[str]) -> list[str]:
    """'--start -1,1' → '--start=-1,1': argparse would take '-1,1' for an option, not a value."""
    argv = list(argv)
    for index in range(len(argv) - 1):
        if argv[index] == "--start" and argv[index + 1].startswith("-"):
            argv[index : index + 2] = [f"--start={argv[index + 1]}"]
            break
    return argv
