"""Glassbox: the window by default, or a headless command that renders or exports.

    python main.py [training options]              open the app
    python main.py snapshot --view training ...    render a view to PNG, no screen needed
    python main.py export metrics ...              write the learning curve as CSV
    python main.py snapshot --view cnn --image PATH --out maps.png
    python main.py export features --image PATH --out maps.npz
    python main.py snapshot --view landscape --surface himmelblau --optimizers sgd,adam --out race.png
    python main.py export landscape --surface rosenbrock --optimizer adam --out path.npz
    python main.py export landscape --dataset spiral --hidden 8,8 --directions pca --out net.npz
    python main.py evaluate --model digits --folder DIR    score a CNN on labelled photos

Bad input prints one `error: ...` line on stderr and exits with status 2.
"""

from __future__ import annotations

import argparse
import os
import sys
from dataclasses import replace

EXIT_USAGE = 2
MAX_STEPS = 1_000_000
VIEWS = ("training", "network", "cnn", "landscape")


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
    add_landscape_options(snapshot)
    add_training_options(snapshot)

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
    add_evaluate_command(commands)
    return parser


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


def lab_inputs(options: argparse.Namespace):
    """The checked --image (a LoadedImage) and --model name, before anything heavy runs."""
    from core.data.images import load_image
    from core.cnn.analysis import DEFAULT_MODEL
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
    from core.mlp.config import TrainConfig
    from core.mlp.trainer import Trainer

    check_steps(options.steps)
    return Trainer(config_from_options(options, TrainConfig()))


def headless_run(options: argparse.Namespace, trainer=None):
    """Train as the options say; returns (trainer, history, divergence error or None)."""
    from core.mlp.reports import train_headless

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
    if options.view == "landscape":
        return snapshot_landscape(options)
    refuse_landscape_options(options, f"--view {options.view}")
    refuse_image_options(options, f"--view {options.view}")
    out = check_output_path(options.out)
    size = parse_size(options.size)
    trainer, history, diverged = headless_run(options)
    from core.mlp.reports import run_info
    from gui.snapshot import render_network_view, render_training_view

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
    from gui.snapshot import render_cnn_view

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


def refuse_landscape_options(options: argparse.Namespace, what: str) -> None:
    given = [flag for flag in ("surface", "optimizers", "start", "momentum", "resolution", "directions")
             if getattr(options, flag, None) is not None]
    if given:
        flags = " and ".join(f"--{flag}" for flag in given)
        raise CommandLineError(f"{flags} apply only to 'snapshot --view landscape' and 'export landscape', "
                               f"not to {what}.")


def surface_inputs(options: argparse.Namespace, optimizers: list[str]):
    """Checked (surface, optimizers, learning rate, steps, start, momentum) before any work."""
    from core.landscape.surfaces import check_lr, check_momentum, check_steps as check_path_steps, parse_start, race, surface

    chosen = surface(options.surface.strip().lower())
    lr = options.lr if hasattr(options, "lr") else chosen.lr
    momentum = 0.9 if options.momentum is None else options.momentum
    start = parse_start(options.start) if options.start is not None else None
    check_lr(lr)
    check_momentum(momentum)
    check_path_steps(options.steps)
    race(chosen, optimizers, lr, 0, start, momentum)  # validates the names and the start without racing
    return chosen, lr, start, momentum


def snapshot_landscape(options: argparse.Namespace) -> int:
    refuse_image_options(options, "--view landscape")
    if not options.surface:
        return snapshot_network_landscape(options)
    out = check_output_path(options.out)
    size = parse_size(options.size)
    names = [name.strip().lower() for name in (options.optimizers or "sgd,momentum,adam").split(",") if name.strip()]
    chosen, lr, start, momentum = surface_inputs(options, names)
    from gui.snapshot import render_landscape_view

    if not render_landscape_view(chosen.name, names, lr, options.steps, start, momentum, out, size):
        raise CommandLineError(f"Could not write the PNG '{out}'; check the folder and the disk space.")
    print(out)
    return 0


def network_landscape_inputs(options: argparse.Namespace):
    """Checked (config, directions, resolution) for a slice of the network the training options describe."""
    from core.mlp.config import TrainConfig
    from core.landscape.slices import DIRECTIONS, MAX_NETWORK_RESOLUTION
    from core.landscape.surfaces import check_resolution

    directions = (options.directions or "random").strip().lower()
    if directions not in DIRECTIONS:
        raise CommandLineError(f"Unknown --directions '{directions}'; choose random or pca.")
    for flag in ("start", "momentum", "optimizers"):
        if getattr(options, flag) is not None:
            raise CommandLineError(f"--{flag} applies to a --surface, not to a network's landscape.")
    resolution = check_resolution(41 if options.resolution is None else options.resolution,
                                  high=MAX_NETWORK_RESOLUTION)
    check_steps(options.steps)
    return config_from_options(options, TrainConfig()), directions, resolution


def snapshot_network_landscape(options: argparse.Namespace) -> int:
    """The "Your network" panel: a slice of the trained network's loss with its projected path."""
    out = check_output_path(options.out)
    size = parse_size(options.size)
    config, directions, resolution = network_landscape_inputs(options)
    from core.landscape.slices import network_landscape_result
    from gui.snapshot import render_network_landscape

    result = network_landscape_result(config, options.steps, directions, resolution)
    if result.landscape.diverged_at is not None:
        print(f"note: training diverged at step {result.landscape.diverged_at}; the slice is around the last "
              "finite weights.", file=sys.stderr)
    hidden = "-".join(str(width) for width in config.hidden) or "no hidden layer"
    title = f"{config.dataset} · hidden {hidden} · {options.steps} steps · {directions} directions"
    if not render_network_landscape(result, out, size, title):
        raise CommandLineError(f"Could not write the PNG '{out}'; check the folder and the disk space.")
    print(out)
    return 0


def export_landscape(options: argparse.Namespace) -> int:
    """A surface's grid and one optimizer's path, or a slice of the network's loss, as an uncompressed .npz."""
    refuse_image_options(options, "export landscape")
    out = check_output_path(options.out)
    from core.landscape.surfaces import check_resolution, optimizer_path, save_npz, surface_npz

    if options.optimizers is not None:
        raise CommandLineError("export landscape writes one path: use --optimizer NAME, not --optimizers.")
    if options.surface:
        if options.directions is not None:
            raise CommandLineError("--directions slices a network; it does not apply to --surface.")
        optimizer = getattr(options, "optimizer", "adam").strip().lower()
        chosen, lr, start, momentum = surface_inputs(options, [optimizer])
        resolution = check_resolution(101 if options.resolution is None else options.resolution)
        path = optimizer_path(chosen, optimizer, lr, options.steps, start, momentum)
        if path.diverged_at is not None:
            print(f"note: {optimizer} diverged at step {path.diverged_at}; the path stops there.", file=sys.stderr)
        arrays = surface_npz(chosen, path, resolution)
    else:
        from core.landscape.slices import network_landscape, network_npz

        config, directions, resolution = network_landscape_inputs(options)
        landscape = network_landscape(config, options.steps, directions, resolution)
        if landscape.diverged_at is not None:
            print(f"note: training diverged at step {landscape.diverged_at}; the slice is around the last "
                  "finite weights.", file=sys.stderr)
        arrays = network_npz(landscape)
    try:
        with open(out, "wb") as handle:  # a file object: np.savez would add ".npz" to a bare path
            save_npz(handle, arrays)
    except OSError as error:
        raise CommandLineError(f"Could not write '{out}': {error.strerror or error}.") from None
    print(out)
    return 0


EXPORTS = ("metrics", "trace", "features", "landscape")


def command_export(options: argparse.Namespace) -> int:
    if options.what not in EXPORTS:
        raise CommandLineError(f"Unknown export '{options.what}'; choose one of: {', '.join(EXPORTS)}.")
    if options.what == "features":
        refuse_landscape_options(options, "export features")
        return export_features(options)
    if options.what == "landscape":
        return export_landscape(options)
    refuse_landscape_options(options, f"export {options.what}")
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
    """Every layer's output for --image, in the layout of core.cnn.feature_maps.to_npz_dict, as an uncompressed .npz."""
    out = check_output_path(options.out)
    image, name = lab_inputs(options)
    import numpy as np

    from core.cnn.feature_maps import to_npz_dict
    from core.cnn.analysis import analyse, open_model

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

    from core.mlp.recording import record_example

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


def add_evaluate_command(commands) -> None:
    evaluate = commands.add_parser("evaluate", help="score a trained CNN on a folder of labelled images")
    evaluate.add_argument("--model", default=None, help="the trained CNN: digits (the default) or shapes")
    evaluate.add_argument("--folder", required=True, help="a folder with one subfolder of images per class, "
                          "named as the model's classes (0 to 9 for digits)")
    evaluate.add_argument("--models-dir", help="folder of trained models (default: the shipped assets/models)")


SKIP_REASONS_SHOWN = 3


def command_evaluate(options: argparse.Namespace) -> int:
    """Classify every image under --folder as the app would; per-class lines, skipped files, then the total."""
    from core.data.image_folder import scan_image_folder
    from core.cnn.evaluation import evaluate_folder
    from core.cnn.analysis import DEFAULT_MODEL, open_model

    folder_path = os.path.expanduser(options.folder)
    if options.models_dir is not None and not os.path.isdir(options.models_dir):
        raise CommandLineError(f"--models-dir '{options.models_dir}' is not a folder.")
    model, info = open_model(options.model or DEFAULT_MODEL, options.models_dir)
    folder = scan_image_folder(folder_path, info.class_names)
    print(f"Evaluating '{info.name}' on {folder.total} images in {folder.root}")
    result = evaluate_folder(model, info, folder)
    width = max(len(name) for name in result.class_names)
    for index, name in enumerate(result.class_names):
        right, total = int(result.right[index]), int(result.total[index])
        share = f"{100 * right / total:5.1f}%" if total else "  no readable images"
        print(f"{name:>{width}}: {right}/{total} {share}")
    if result.skipped:
        count = len(result.skipped)
        print(f"skipped {count} unreadable file{'s' if count != 1 else ''}:")
        for path, reason in result.skipped[:SKIP_REASONS_SHOWN]:
            print(f"  {os.path.relpath(path, folder.root)}: {reason}")
        if count > SKIP_REASONS_SHOWN:
            print(f"  ... and {count - SKIP_REASONS_SHOWN} more")
    if result.n_total == 0:
        raise CommandLineError(f"None of the {folder.total} image files in '{folder.root}' could be read; "
                               "see the reasons above.")
    print(f"accuracy={result.accuracy:.4f} ({result.n_right}/{result.n_total})")
    return 0


def attach_negative_values(argv: list[str]) -> list[str]:
    """'--start -1,1' → '--start=-1,1': argparse would take '-1,1' for an option, not a value."""
    argv = list(argv)
    for index in range(len(argv) - 1):
        if argv[index] == "--start" and argv[index + 1].startswith("-"):
            argv[index : index + 2] = [f"--start={argv[index + 1]}"]
            break
    return argv


def main(argv: list[str] | None = None) -> int:
    from core.errors import GlassboxError

    try:
        options = build_parser().parse_args(attach_negative_values(sys.argv[1:] if argv is None else argv))
        if options.command == "snapshot":
            return command_snapshot(options)
        if options.command == "export":
            return command_export(options)
        if options.command == "evaluate":
            return command_evaluate(options)
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
