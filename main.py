"""Glassbox: the window by default, or a headless command that renders or exports.

    python main.py [training options]              open the app
    python main.py snapshot --view training ...    render a view to PNG, no screen needed
    python main.py export metrics ...              write the learning curve as CSV
    python main.py snapshot --view cnn --image PATH --out maps.png
    python main.py export features --image PATH --out maps.npz

Bad input prints one `error: ...` line on stderr and exits with status 2.
"""

from __future__ import annotations

import argparse
import os
import sys
from dataclasses import replace

EXIT_USAGE = 2
MAX_STEPS = 1_000_000
VIEWS = ("training", "network", "cnn")


class CommandLineError(Exception):
    """A bad option value, reported as `error: <message>` with exit status 2."""


class Parser(argparse.ArgumentParser):
    def error(self, message: str):  # one line, never the usage block or a traceback
        raise CommandLineError(message[0].upper() + message[1:] + ".")


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


def add_training_options(parser: argparse.ArgumentParser) -> None:
    """Options shared by the app and every headless command. Unset ones keep their defaults."""
    group = parser.add_argument_group("training")
    S = argparse.SUPPRESS
    group.add_argument("--dataset", default=S, help="circle, xor, gauss, spiral, moons, blobs, reg-plane, reg-bumps, or digits (28×28 images, 784 inputs)")
    group.add_argument("--noise", type=float, default=S, help="noise level from 0 to 1 (default 0)")
    group.add_argument("--train-fraction", type=float, default=S, help="share of points for training (0.1-0.9)")
    group.add_argument("--points", type=int, default=S, help="number of points to generate (default 500)")
    group.add_argument("--features", default=S, help="comma-separated inputs: x1,x2,x1^2,x2^2,x1*x2,sin(x1),sin(x2)")
    group.add_argument("--hidden", default=S, help="comma-separated hidden-layer widths, e.g. 8,8")
    group.add_argument("--activation", default=S, help="relu, tanh, sigmoid, linear or leaky_relu; or one per hidden layer, e.g. relu,tanh")
    group.add_argument("--optimizer", default=S, help="sgd, momentum, nesterov, adagrad, rmsprop, adam or adamw")
    group.add_argument("--lr", type=float, default=S, help="learning rate (default 0.03)")
    group.add_argument("--batch", type=int, default=S, help="batch size (default 16)")
    group.add_argument("--regularization", default=S, help="none, l1 or l2")
    group.add_argument("--regularization-rate", type=float, default=S, help="regularisation rate")
    group.add_argument("--seed", type=int, default=S, help="random seed for data, weights and batches (default 0)")
    group.add_argument("--device", default=S, help="auto (CUDA if available), cpu or cuda")


def build_parser() -> Parser:
    from core import __version__

    parser = Parser(prog="main.py", description="Glassbox: watch a neural network learn.")
    parser.add_argument("--version", action="version", version=f"Glassbox {__version__}")
    add_training_options(parser)
    commands = parser.add_subparsers(dest="command", parser_class=Parser)

    snapshot = commands.add_parser("snapshot", help="train headless and render a view to PNG")
    snapshot.add_argument("--view", default="training", help=f"which view to render: {', '.join(VIEWS)} "
                          "(cnn: what a trained CNN makes of --image)")
    snapshot.add_argument("--steps", type=int, default=300, help="training steps before rendering (default 300)")
    snapshot.add_argument("--out", required=True, help="the PNG file to write")
    snapshot.add_argument("--size", default="1600x900", help="image size WIDTHxHEIGHT (default 1600x900)")
    add_image_options(snapshot)
    add_training_options(snapshot)

    export = commands.add_parser("export", help="train headless and write numbers")
    export.add_argument("what", help="metrics: the loss and accuracy curve as CSV; "
                        "trace: one example's forward, backward and update as JSON; "
                        "features: every layer's output for --image through a trained CNN, as NumPy .npz")
    export.add_argument("--example", type=int, default=0, help="trace: index into the training set (default 0)")
    export.add_argument("--steps", type=int, default=300, help="training steps (default 300)")
    export.add_argument("--out", required=True, help="the file to write")
    add_image_options(export)
    add_training_options(export)
    return parser


def add_image_options(parser: argparse.ArgumentParser) -> None:
    """The convolution lab's options: `snapshot --view cnn` and `export features`."""
    group = parser.add_argument_group("convolution lab (snapshot --view cnn, export features)")
    group.add_argument("--image", help="the image to look at: PNG, JPEG, GIF, BMP or WebP")
    group.add_argument("--model", help="the trained CNN: digits (28x28 grey, the default) or shapes (64x64 colour)")
    group.add_argument("--models-dir", help="folder of trained models (default: the shipped assets/models)")


def lab_inputs(options: argparse.Namespace):
    """The checked --image (a LoadedImage) and --model name, before anything heavy runs."""
    from core.data.images import load_image
    from core.lab import DEFAULT_MODEL
    from core.nets.model_store import MODELS_DIR, available_models

    if not options.image:
        raise CommandLineError("This command needs --image PATH: the picture to run through the network.")
    image = load_image(os.path.expanduser(options.image))
    name = options.model or DEFAULT_MODEL
    folder = options.models_dir
    if folder is not None and not os.path.isdir(folder):
        raise CommandLineError(f"--models-dir '{folder}' is not a folder.")
    names = available_models(folder)
    if not names:
        raise CommandLineError(f"No trained model was found in {folder or MODELS_DIR}; "
                               "run scripts/train_models.py to create the digits and shapes models.")
    if name not in names:
        raise CommandLineError(f"Unknown model '{name}'; choose one of: {', '.join(names)}.")
    return image, name


def config_from_options(options: argparse.Namespace, base):
    """Apply the training options that were given on top of `base` (a TrainConfig), validated."""
    from core.config import parse_activations, parse_hidden

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
        raise CommandLineError(f"--steps must be between 0 and {MAX_STEPS:,}, not {steps}.")
    return steps


def check_output_path(path: str) -> str:
    """Refuse an --out we cannot write before spending time on training."""
    path = os.path.abspath(os.path.expanduser(path))
    folder = os.path.dirname(path)
    if os.path.isdir(path):
        raise CommandLineError(f"--out '{path}' is a folder; give a file name inside it.")
    if os.path.exists(folder) and not os.path.isdir(folder):
        raise CommandLineError(f"Cannot write '{path}': '{folder}' is a file, not a folder.")
    if not os.path.isdir(folder):
        raise CommandLineError(f"Cannot write '{path}': the folder '{folder}' does not exist.")
    if not os.access(folder, os.W_OK) or (os.path.exists(path) and not os.access(path, os.W_OK)):
        raise CommandLineError(f"Cannot write '{path}': permission denied; choose another --out.")
    return path


def parse_size(text: str) -> tuple[int, int]:
    try:
        width, height = (int(part) for part in text.lower().split("x"))
    except ValueError:
        raise CommandLineError(f"--size must look like 1600x900, not '{text}'.") from None
    if not (200 <= width <= 8000 and 200 <= height <= 8000):
        raise CommandLineError(f"--size must be between 200x200 and 8000x8000, not {text}.")
    return width, height


def make_trainer(options: argparse.Namespace):
    from core.config import TrainConfig
    from core.training import Trainer

    check_steps(options.steps)
    return Trainer(config_from_options(options, TrainConfig()))


def headless_run(options: argparse.Namespace, trainer=None):
    """Train as the options say; returns (trainer, history, divergence error or None)."""
    from core.progress import train_headless

    trainer = trainer or make_trainer(options)
    history, diverged = train_headless(trainer, check_steps(options.steps))
    if diverged is not None:
        print(f"note: {diverged}", file=sys.stderr)
    return trainer, history, diverged


def command_snapshot(options: argparse.Namespace) -> int:
    if options.view not in VIEWS:
        raise CommandLineError(f"Unknown view '{options.view}'; choose one of: {', '.join(VIEWS)}.")
    if options.view == "cnn":
        return snapshot_cnn(options)
    refuse_image_options(options, f"--view {options.view}")
    out = check_output_path(options.out)
    size = parse_size(options.size)
    trainer, history, diverged = headless_run(options)
    from core.progress import run_info
    from gui.render import render_network_view, render_training_view

    if options.view == "network":
        written = render_network_view(trainer, out, size, str(diverged or ""))
    else:
        written = render_training_view(run_info(trainer), history, out, size, str(diverged or ""))
    if not written:
        raise CommandLineError(f"Could not write the PNG '{out}'; check the folder and the disk space.")
    print(out)
    return 0


def snapshot_cnn(options: argparse.Namespace) -> int:
    out = check_output_path(options.out)
    size = parse_size(options.size)
    image, name = lab_inputs(options)
    from gui.render import render_cnn_view

    if not render_cnn_view(image, name, out, size, options.models_dir):
        raise CommandLineError(f"Could not write the PNG '{out}'; check the folder and the disk space.")
    print(out)
    return 0


def refuse_image_options(options: argparse.Namespace, what: str) -> None:
    """--image and --model mean nothing to the training views and exports: say so rather than ignore them."""
    given = [flag for flag, field in (("--image", "image"), ("--model", "model"), ("--models-dir", "models_dir"))
             if getattr(options, field, None) is not None]
    if given:
        raise CommandLineError(f"{' and '.join(given)} apply only to 'snapshot --view cnn' and "
                               f"'export features', not to {what}.")


EXPORTS = ("metrics", "trace", "features")


def command_export(options: argparse.Namespace) -> int:
    if options.what not in EXPORTS:
        raise CommandLineError(f"Unknown export '{options.what}'; choose one of: {', '.join(EXPORTS)}.")
    if options.what == "features":
        return export_features(options)
    refuse_image_options(options, f"export {options.what}")
    out = check_output_path(options.out)
    if options.what == "trace":
        text = export_trace_text(options)
    else:
        _, history, _ = headless_run(options)
        text = history.to_csv()
    try:
        with open(out, "w", encoding="utf-8") as handle:
            handle.write(text)
    except OSError as error:
        raise CommandLineError(f"Could not write '{out}': {error.strerror or error}.") from None
    print(out)
    return 0


def export_features(options: argparse.Namespace) -> int:
    """Every layer's output for --image, in the layout of core.features.to_npz_dict, as an uncompressed .npz."""
    out = check_output_path(options.out)
    image, name = lab_inputs(options)
    import numpy as np

    from core.features import to_npz_dict
    from core.lab import analyse, open_model

    model, info = open_model(name, options.models_dir)
    arrays = to_npz_dict(analyse(model, info, image))
    try:
        with open(out, "wb") as handle:  # a file object: np.savez would add ".npz" to a bare path
            np.savez(handle, **arrays)
    except OSError as error:
        raise CommandLineError(f"Could not write '{out}': {error.strerror or error}.") from None
    print(out)
    return 0


def export_trace_text(options: argparse.Namespace) -> str:
    """Train --steps steps, then record training example --example's pass as glassbox.trace/1 JSON."""
    import json
    import re

    from core.recording import record_example

    trainer = make_trainer(options)
    if not 0 <= options.example < trainer.n_train:
        raise CommandLineError(
            f"--example must be between 0 and {trainer.n_train - 1} (the training set's size minus one), "
            f"not {options.example}."
        )
    headless_run(options, trainer)
    text = json.dumps(record_example(trainer, options.example).to_json_dict(), indent=1)
    # One line per innermost list (a vector, or one row of a matrix), so it reads like the maths.
    return re.sub(r"\[\s+([^\[\]]*?)\s+\]", lambda match: "[" + " ".join(match.group(1).split()) + "]", text) + "\n"


def main(argv: list[str] | None = None) -> int:
    from core.errors import GlassboxError

    try:
        options = build_parser().parse_args(argv)
        if options.command == "snapshot":
            return command_snapshot(options)
        if options.command == "export":
            return command_export(options)
        from gui.app import make_application, run_gui

        make_application()  # QSettings needs the application's names
        from PySide6.QtCore import QSettings

        from gui.main_window import load_saved_config

        given = [option for option in OPTION_FIELDS if hasattr(options, option)]
        config = config_from_options(options, load_saved_config(QSettings())) if given else None
        return run_gui(config)
    except (CommandLineError, GlassboxError) as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except Exception as error:  # a bug of ours: still one line, never a traceback for users
        if os.environ.get("GLASSBOX_DEBUG"):
            raise
        print(f"error: unexpected failure ({type(error).__name__}: {error}); "
              "rerun with GLASSBOX_DEBUG=1 for details and please report it.", file=sys.stderr)
        return EXIT_USAGE


if __name__ == "__main__":
    sys.exit(main())
