"""`evaluate`: score a trained CNN on a folder of labelled images, as the window would classify them.

    main.py evaluate --model digits --folder DIR [--models-dir DIR] [--confusion cm.csv]

DIR holds one subfolder per class, named as the model's classes. The output is one line
per class, the skipped files with their reasons, the confusion matrix as a table (rows: the
true class; columns: what it was taken for), and `accuracy=0.9400 (47/50)` last. --confusion
also writes the matrix as CSV (core.cnn.confusion.write_confusion_csv): the class names, then
one row per true class.
"""

from __future__ import annotations

import argparse
import errno
import os

from cli.errors import CommandLineError, say_line, shown_value
from cli.words import translate

SKIP_REASONS_SHOWN = 3


def run(options: argparse.Namespace) -> int:
    """Classify every image under --folder; per-class lines, skipped files, then the total."""
    from core.cnn.analysis import DEFAULT_MODEL, open_model
    from core.cnn.evaluation import evaluate_folder
    from core.data.image_folder import scan_image_folder

    from cli.options import check_output_path, refuse_unused

    refuse_unused(options, "evaluate", "evaluate")
    csv_path = check_output_path(options.confusion, "--confusion") if options.confusion is not None else None
    folder_path = check_path("--folder", options.folder)  # the folder reader says what else is wrong with it
    if options.models_dir is not None and not os.path.isdir(check_path("--models-dir", options.models_dir)):
        raise CommandLineError(translate("cli", "--models-dir '{0}' is not a folder.").format(
            shown_value(options.models_dir)))
    model, info = open_model(options.model or DEFAULT_MODEL, options.models_dir)
    folder = scan_image_folder(folder_path, info.class_names)
    say_line(translate("cli", "Evaluating '{0}' on {1} images in {2}").format(shown_value(info.name), folder.total,
                                                                              shown_value(folder.root)))
    result = evaluate_folder(model, info, folder)
    names = [shown_value(name) for name in result.class_names]  # a model's class names are data: one line each
    width = max(len(name) for name in names)
    for index, name in enumerate(names):
        right, total = int(result.right[index]), int(result.total[index])
        share = f"{100 * right / total:5.1f}%" if total else "  " + translate("cli", "no readable images")
        say_line(f"{name:>{width}}: {right}/{total} {share}")
    if result.skipped:
        print_skipped(result.skipped, folder.root)
    if result.n_total == 0:
        raise CommandLineError(translate("cli", "None of the {0} image files in '{1}' could be read; see the "
                                                "reasons above.").format(folder.total, shown_value(folder.root)))
    from cli.explain.confusion_table import confusion_table

    for line in confusion_table(result.class_names, result.confusion):
        say_line(line)
    if csv_path is not None:
        from core.cnn.confusion import write_confusion_csv

        write_confusion_csv(csv_path, result.class_names, result.confusion)
        say_line(translate("cli", "confusion matrix written to {0}").format(csv_path))
    say_line(f"accuracy={result.accuracy:.4f} ({result.n_right}/{result.n_total})")
    return 0


def print_skipped(skipped: list[tuple[str, str]], root: str) -> None:
    count = len(skipped)
    text = translate("cli", "skipped {0} unreadable file:") if count == 1 else translate(
        "cli", "skipped {0} unreadable files:")
    say_line(text.format(count))
    for path, reason in skipped[:SKIP_REASONS_SHOWN]:
        say_line(f"  {shown_value(os.path.relpath(path, root))}: {reason}")
    if count > SKIP_REASONS_SHOWN:
        say_line("  " + translate("cli", "... and {0} more").format(count - SKIP_REASONS_SHOWN))


def check_path(flag: str, path: str) -> str:
    """`path` (user folder expanded), unless the system refuses to even look it up (too long a name, no
    permission, a NUL character): then one sentence naming `flag`. A missing path is the reader's to say."""
    full = os.path.expanduser(path)
    try:
        os.stat(full)
    except (FileNotFoundError, NotADirectoryError):
        pass
    except OSError as error:
        if error.errno == errno.ENAMETOOLONG:
            raise CommandLineError(translate("cli", "{0} '{1}' is too long a path for this system; use a shorter "
                                                    "one.").format(flag, shown_value(path))) from None
        raise CommandLineError(translate("cli", "{0} '{1}' cannot be opened: {2}.").format(
            flag, shown_value(path), (error.strerror or str(error)).rstrip("."))) from None
    except ValueError:  # a NUL character
        raise CommandLineError(translate("cli", "{0} '{1}' is not a usable path.").format(flag, shown_value(path))) \
            from None
    return full
