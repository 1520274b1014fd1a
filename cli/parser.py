"""The command line's grammar: the window's options and the snapshot, export, evaluate and lesson commands.

Each command gets the option groups it can use. `snapshot` and `export` choose what they
render or write by a value (`--view cnn`, `export features`), so they carry the groups of
all their targets, and the command refuses a group its target ignores, naming the
targets it applies to (cli/options.py). Training options are accepted before the command
as well as after it, as they always were. `--lang` is accepted everywhere; the window
also takes `--tab` and a session file (`main.py lesson1.glassbox`).

The help texts are translated when the parser is built: cli/language.py installs the
language first.
"""

from __future__ import annotations

import argparse
import math
import os
import re

from cli.errors import CommandLineError, shown_value
from cli.explain.parser import (EXPLAIN_EXPORTS, EXPLAIN_VIEWS, add_autoencoder_options, add_confusion_option,
                                add_explain_options, default_steps)
from cli.classroom.lesson import add_lesson_command, add_lesson_options
from cli.words import HelpFormatter, translate

VIEWS = ("training", "network", "cnn", "landscape", *EXPLAIN_VIEWS)
EXPORTS = ("metrics", "trace", "features", "landscape", "session", *EXPLAIN_EXPORTS, "handout", "animation")
TABS = ("training", "network", "convolution", "landscape", "autoencoder")
SESSION_SUFFIX = ".glassbox"
DEFAULT_STEPS = 300  # without --session; with one, --steps counts steps beyond the session's (default 0)


class Parser(argparse.ArgumentParser):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("formatter_class", HelpFormatter)
        super().__init__(*args, **kwargs)

    def error(self, message: str):  # one line, never the usage block or a traceback
        raise CommandLineError(translate("cli", "{0}.").format(message[0].upper() + message[1:]))

    def format_help(self) -> str:
        """argparse ends each heading with an ASCII ':'; a heading in Chinese takes the full-width '：'."""
        return re.sub(r"^(\S[^\n]*[^\x00-\x7f][^\n]*):$", r"\1：", super().format_help(), flags=re.MULTILINE)


# Options whose empty value means something: --hidden "" is a network without hidden layers.
EMPTY_ALLOWED = frozenset({"hidden"})


def parse_args(argv: list[str]) -> argparse.Namespace:
    from cli.language import scan_language

    parser = build_parser()
    argv, session_file = split_session_file(parser, attach_negative_values(argv, value_options(parser)))
    options = parser.parse_args(argv)
    options.given = given_options(parser, options)
    refuse_empty(options)
    options.lang = scan_language(argv)
    options.session_file = session_file
    return finish(options)


def value_options(parser: argparse.ArgumentParser) -> set[str]:
    """Every option string, of the main parser and of each command, that takes a value."""
    parsers = [parser, *parser._subparsers._group_actions[0].choices.values()]
    return {option for each in parsers for option, action in each._option_string_actions.items()
            if action.nargs != 0}


def given_options(parser: argparse.ArgumentParser, options: argparse.Namespace) -> frozenset[str]:
    """The options typed on the command line (their dest names), so a command can refuse those it ignores."""
    actions = list(parser._actions)
    if options.command is not None:
        actions += parser._subparsers._group_actions[0].choices[options.command]._actions
    given = set()
    for action in actions:
        if not action.option_strings or not hasattr(options, action.dest) or action.dest in ("help", "version"):
            continue
        if action.default is argparse.SUPPRESS or getattr(options, action.dest) != action.default:
            given.add(action.dest)
    return frozenset(given)


def refuse_empty(options: argparse.Namespace) -> None:
    """An option given an empty value is a mistake, never "use the default": say so (--surface "", --model "")."""
    for name in sorted(options.given | {"what"}):
        value = getattr(options, name, None)
        if isinstance(value, str) and not value.strip() and name not in EMPTY_ALLOWED:
            flag = "export WHAT" if name == "what" else "--" + name.replace("_", "-")
            raise CommandLineError(translate("cli", "{0} was given an empty value; give one or leave the option "
                                                    "out.").format(flag))


def finite_number(text: str) -> float:
    """An option's number: finite (not nan or inf), and -0.0 is 0."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(translate("cli", "'{0}' is not a number").format(shown_value(text))) \
            from None
    if not math.isfinite(value):
        raise argparse.ArgumentTypeError(translate("cli", "{0} is not a finite number").format(shown_value(text)))
    return value + 0.0  # -0.0 + 0.0 is 0.0: a negative zero reaches no library


def whole_number(text: str) -> int:
    """An option's whole number (any size: the option's own check says which range it takes)."""
    try:
        return int(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(translate("cli", "'{0}' is not a whole number").format(
            shown_value(text))) from None


def finish(options: argparse.Namespace) -> argparse.Namespace:
    """Check the options that argparse cannot, and fill the defaults that depend on other options."""
    tab = getattr(options, "tab", None)
    if tab is not None:
        options.tab = tab.strip().lower()
        if options.tab not in TABS:
            raise CommandLineError(translate("cli", "--tab must be one of {0}, not '{1}'.")
                                   .format(", ".join(TABS), shown_value(tab)))
    else:
        options.tab = None
    if options.command is not None:
        if options.tab is not None:
            raise CommandLineError(translate("cli", "--tab chooses the window's tab; it does not apply to {0}.")
                                   .format(options.command))
        if options.session_file is not None:
            raise CommandLineError(translate("cli", "A session file given alone opens the window; for {0}, "
                                                    "use --session {1}.").format(options.command,
                                                                                 shown_value(options.session_file)))
    if options.command in ("snapshot", "export"):
        if options.steps is None:
            options.steps = default_steps(options, 0 if options.session else DEFAULT_STEPS)
    return options


def split_session_file(parser: argparse.ArgumentParser, argv: list[str]) -> tuple[list[str], str | None]:
    """Take the window's session file (a word before any command that is not an option's value) out of argv."""
    takes_value = {option for option, action in parser._option_string_actions.items() if action.nargs != 0}
    commands = {"snapshot", "export", "evaluate", "lesson"}
    found: list[int] = []
    index = 0
    while index < len(argv):
        token = argv[index]
        if token == "--" or token in commands:
            break
        if token.startswith("-"):
            index += 2 if token in takes_value else 1
            continue
        found.append(index)
        index += 1
    if not found:
        return argv, None
    if len(found) > 1:
        raise CommandLineError(translate("cli", "Give one session file, not {0}.").format(len(found)))
    path = argv[found[0]]
    return argv[: found[0]] + argv[found[0] + 1 :], check_session_file(path)


def check_session_file(path: str) -> str:
    """An existing, readable session file's absolute path; one sentence for anything else."""
    full = os.path.abspath(os.path.expanduser(path))
    if not path.lower().endswith(SESSION_SUFFIX) and not os.path.isfile(full):
        raise CommandLineError(translate("cli", "'{0}' is neither a command (snapshot, export, evaluate) nor a "
                                                "session file ({1}).").format(shown_value(path), SESSION_SUFFIX))
    return check_session_path(full, "{0}")


def check_session_path(path: str, shown: str = "--session '{0}'") -> str:
    """`path` made absolute if it is a readable regular file; else one sentence naming it."""
    full = os.path.abspath(os.path.expanduser(path))
    name = shown.format(shown_value(path))
    if not os.path.exists(full):
        raise CommandLineError(translate("cli", "The session file {0} does not exist.").format(_quoted(name)))
    if os.path.isdir(full):
        raise CommandLineError(translate("cli", "The session file {0} is a folder, not a file.")
                               .format(_quoted(name)))
    if not os.path.isfile(full):
        raise CommandLineError(translate("cli", "The session file {0} is not a regular file (a pipe or a "
                                                "device?); save the session to a file and open that.")
                               .format(_quoted(name)))
    if not os.access(full, os.R_OK):
        raise CommandLineError(translate("cli", "The session file {0} cannot be read: permission denied.")
                               .format(_quoted(name)))
    return full


def _quoted(name: str) -> str:
    return name if name.startswith("--") else f"'{name}'"


def build_parser() -> Parser:
    from core import __version__

    parser = Parser(prog="main.py", description=translate("cli", "Glassbox: watch a neural network learn."))
    parser.add_argument("--version", action="version", version=f"Glassbox {__version__}",
                        help=translate("cli", "show the version and exit"))
    add_language_option(parser)
    parser.add_argument("--tab", default=None, help=translate("cli", "the tab the window opens on: {0}")
                        .format(", ".join(TABS)))
    add_training_options(parser)
    commands = parser.add_subparsers(dest="command", parser_class=Parser, title=translate("cli", "commands"),
                                     metavar="{snapshot,export,evaluate,lesson}")
    add_snapshot_command(commands)
    add_export_command(commands)
    add_evaluate_command(commands)
    add_lesson_command(commands)
    return parser


def add_language_option(parser: argparse.ArgumentParser, suppress: bool = False) -> None:
    parser.add_argument("--lang", default=argparse.SUPPRESS if suppress else None, metavar="zh_CN|en",
                        help=translate("cli", "the language of the window and of these messages: zh_CN "
                                              "(Simplified Chinese) or en (default: the system's)"))


def add_session_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--session", default=None, metavar="FILE.glassbox",
                        help=translate("cli", "start from a saved session (File › Save Session… or export "
                                              "session) instead of training options; --steps then counts "
                                              "extra steps (default 0)"))


def add_snapshot_command(commands) -> None:
    snapshot = commands.add_parser("snapshot", help=translate("cli", "train headless and render a view to PNG"))
    add_language_option(snapshot, suppress=True)
    snapshot.add_argument("--view", default="training",
                          help=translate("cli", "which view to render: {0} (cnn: what a trained CNN makes of "
                                                "--image)").format(", ".join(VIEWS)))
    snapshot.add_argument("--steps", type=whole_number, default=None,
                          help=translate("cli", "training steps before rendering (default 300)") + translate(
                              "cli", "; a dream takes 200 by default, the autoencoder 1000"))
    snapshot.add_argument("--out", required=True, help=translate("cli", "the PNG file to write"))
    snapshot.add_argument("--size", default="1600x900",
                          help=translate("cli", "image size WIDTHxHEIGHT (default 1600x900)"))
    add_session_option(snapshot)
    add_image_options(snapshot)
    add_explain_options(snapshot, export=False)
    add_autoencoder_options(snapshot)
    add_landscape_options(snapshot)
    add_lesson_options(snapshot, scene=True)
    add_training_options(snapshot)


def add_export_command(commands) -> None:
    export = commands.add_parser("export", help=translate("cli", "train headless and write numbers"))
    add_language_option(export, suppress=True)
    export.add_argument("what", help=translate(
        "cli", "metrics: the loss and accuracy curve as CSV; trace: one example's forward, backward and update "
               "as JSON; features: every layer's output for --image through a trained CNN, as NumPy .npz; "
               "landscape: a loss surface and a descent path (--surface) or a slice of the network's loss, as "
               "NumPy .npz; session: the trained network and its settings as a .glassbox session file")
        + "; " + translate(
        "cli", "saliency: where the CNN looks in --image (gradcam, gradient or occlusion), as .npz; "
               "channel-images: the held-out images that excite a channel most, as .npz; dream: the image grown "
               "to excite a channel, as PNG; autoencoder: train an autoencoder and write its held-out "
               "reconstructions and codes, as .npz") + "; " + translate(
        "cli", "handout: a lesson's worksheet to print, as PDF (--lesson)") + "; " + translate(
        "cli", "animation: record a view's animation (--view network, training, landscape or kernel) as GIF or MP4"))
    export.add_argument("--example", type=whole_number, default=None,
                        help=translate("cli", "trace: index into the training set (default 0)"))
    export.add_argument("--steps", type=whole_number, default=None,
                        help=translate("cli", "training steps (default 300)") + translate(
                            "cli", "; a dream takes 200 by default, the autoencoder 1000"))
    export.add_argument("--out", required=True, help=translate("cli", "the file to write"))
    add_session_option(export)
    add_image_options(export)
    add_explain_options(export, export=True)
    add_autoencoder_options(export)
    add_landscape_options(export)
    add_lesson_options(export, scene=False)
    add_training_options(export)
    from cli.classroom.animation import add_animation_options

    add_animation_options(export)  # export animation's group; it reads a flag the parser has already (--size)


def add_evaluate_command(commands) -> None:
    evaluate = commands.add_parser("evaluate",
                                   help=translate("cli", "score a trained CNN on a folder of labelled images"))
    add_language_option(evaluate, suppress=True)
    evaluate.add_argument("--model", default=None,
                          help=translate("cli", "the trained CNN: digits (the default) or shapes"))
    evaluate.add_argument("--folder", required=True,
                          help=translate("cli", "a folder with one subfolder of images per class, named as the "
                                                "model's classes (0 to 9 for digits)"))
    add_confusion_option(evaluate)
    evaluate.add_argument("--models-dir",
                          help=translate("cli", "folder of trained models (default: the shipped assets/models)"))


def add_training_options(parser: argparse.ArgumentParser) -> None:
    """Options shared by the app and the training commands. Unset ones keep their defaults."""
    group = parser.add_argument_group(translate("cli", "training"))
    S = argparse.SUPPRESS
    group.add_argument("--dataset", default=S, help=translate(
        "cli", "circle, xor, gauss, spiral, moons, blobs, reg-plane, reg-bumps, or digits (28×28 images, 784 "
               "inputs)"))
    group.add_argument("--noise", type=finite_number, default=S,
                       help=translate("cli", "noise level from 0 to 1 (default 0)"))
    group.add_argument("--train-fraction", type=finite_number, default=S,
                       help=translate("cli", "share of points for training (0.1-0.9)"))
    group.add_argument("--points", type=whole_number, default=S,
                       help=translate("cli", "number of points to generate (default 500)"))
    group.add_argument("--features", default=S, help=translate(
        "cli", "comma-separated inputs: x1,x2,x1^2,x2^2,x1*x2,sin(x1),sin(x2)"))
    group.add_argument("--hidden", default=S, help=translate("cli", "comma-separated hidden-layer widths, e.g. 8,8"))
    group.add_argument("--activation", default=S, help=translate(
        "cli", "relu, tanh, sigmoid, linear or leaky_relu; or one per hidden layer, e.g. relu,tanh"))
    group.add_argument("--optimizer", default=S,
                       help=translate("cli", "sgd, momentum, nesterov, adagrad, rmsprop, adam or adamw"))
    group.add_argument("--lr", type=finite_number, default=S, help=translate("cli", "learning rate (default 0.03)"))
    group.add_argument("--batch", type=whole_number, default=S, help=translate("cli", "batch size (default 16)"))
    group.add_argument("--regularization", default=S, help=translate("cli", "none, l1 or l2"))
    group.add_argument("--regularization-rate", type=finite_number, default=S,
                       help=translate("cli", "regularisation rate"))
    group.add_argument("--seed", type=whole_number, default=S,
                       help=translate("cli", "random seed for data, weights and batches (default 0)"))
    group.add_argument("--device", default=S, help=translate("cli", "auto (CUDA if available), cpu or cuda"))


def add_landscape_options(parser: argparse.ArgumentParser) -> None:
    """The loss landscape's options: `snapshot --view landscape` and `export landscape`."""
    group = parser.add_argument_group(translate("cli", "loss landscape (snapshot --view landscape, export "
                                                       "landscape)"))
    group.add_argument("--surface", help=translate(
        "cli", "a textbook surface: bowl, rosenbrock, himmelblau, saddle, beale, camel or plateau (without it, "
               "export landscape slices the network the training options describe)"))
    group.add_argument("--optimizers", help=translate(
        "cli", "snapshot: comma-separated optimizers to race, e.g. sgd,momentum,adam"))
    group.add_argument("--start", help=translate(
        "cli", "the start point x,y on the surface, e.g. -1,1 (default: the surface's own)"))
    group.add_argument("--momentum", type=finite_number, help=translate(
        "cli", "momentum for momentum, Nesterov and RMSProp (default 0.9)"))
    group.add_argument("--resolution", type=whole_number, default=None, help=translate(
        "cli", "grid points per axis (default 101 for a surface, 41 for a network)"))
    group.add_argument("--directions", default=None, help=translate(
        "cli", "network slice: random (filter-normalised) or pca (of the training path)"))


def add_image_options(parser: argparse.ArgumentParser) -> None:
    """The convolution lab's options: `snapshot --view cnn` and `export features`."""
    group = parser.add_argument_group(translate("cli", "convolution lab (snapshot --view cnn, saliency, channel, "
                                                       "confusion; export features, saliency, channel-images, "
                                                       "dream)"))
    group.add_argument("--image", help=translate("cli", "the image to look at: PNG, JPEG, GIF, BMP or WebP"))
    group.add_argument("--model", help=translate(
        "cli", "the trained CNN: digits (28x28 grey, the default) or shapes (64x64 colour)"))
    group.add_argument("--models-dir",
                       help=translate("cli", "folder of trained models (default: the shipped assets/models)"))


def attach_negative_values(argv: list[str], takes_value: set[str] | frozenset[str] = frozenset()) -> list[str]:
    """'--start -1,1' → '--start=-1,1', '--lr -1e-3' → '--lr=-1e-3': argparse would take a value that starts
    with '-' for an option (and say "expected one argument"), unless it is a plain negative number."""
    argv = list(argv)
    index = 0
    while index < len(argv) - 1:
        token, value = argv[index], argv[index + 1]
        if token == "--":
            break
        if (token in takes_value or token == "--start") and value.startswith("-") and value != "--" and (
                token == "--start" or _is_number(value)):
            argv[index : index + 2] = [f"{token}={value}"]
        index += 1
    return argv


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True
