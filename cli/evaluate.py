"""`evaluate`: score a trained CNN on a folder of labelled images, as the window would classify them.

    main.py evaluate --model digits --folder DIR [--models-dir DIR]

DIR holds one subfolder per class, named as the model's classes. The output is one line
per class, the skipped files with their reasons, and `accuracy=0.9400 (47/50)` last.
"""

from __future__ import annotations

import argparse
import os

from cli.errors import CommandLineError
from cli.words import translate

SKIP_REASONS_SHOWN = 3


def run(options: argparse.Namespace) -> int:
    """Classify every image under --folder; per-class lines, skipped files, then the total."""
    from core.cnn.analysis import DEFAULT_MODEL, open_model
    from core.cnn.evaluation import evaluate_folder
    from core.data.image_folder import scan_image_folder

    folder_path = os.path.expanduser(options.folder)
    if options.models_dir is not None and not os.path.isdir(options.models_dir):
        raise CommandLineError(translate("cli", "--models-dir '{0}' is not a folder.").format(options.models_dir))
    model, info = open_model(options.model or DEFAULT_MODEL, options.models_dir)
    folder = scan_image_folder(folder_path, info.class_names)
    print(translate("cli", "Evaluating '{0}' on {1} images in {2}").format(info.name, folder.total, folder.root))
    result = evaluate_folder(model, info, folder)
    width = max(len(name) for name in result.class_names)
    for index, name in enumerate(result.class_names):
        right, total = int(result.right[index]), int(result.total[index])
        share = f"{100 * right / total:5.1f}%" if total else "  " + translate("cli", "no readable images")
        print(f"{name:>{width}}: {right}/{total} {share}")
    if result.skipped:
        print_skipped(result.skipped, folder.root)
    if result.n_total == 0:
        raise CommandLineError(translate("cli", "None of the {0} image files in '{1}' could be read; see the "
                                                "reasons above.").format(folder.total, folder.root))
    print(f"accuracy={result.accuracy:.4f} ({result.n_right}/{result.n_total})")
    return 0


def print_skipped(skipped: list[tuple[str, str]], root: str) -> None:
    count = len(skipped)
    text = translate("cli", "skipped {0} unreadable file:") if count == 1 else translate(
        "cli", "skipped {0} unreadable files:")
    print(text.format(count))
    for path, reason in skipped[:SKIP_REASONS_SHOWN]:
        print(f"  {os.path.relpath(path, root)}: {reason}")
    if count > SKIP_REASONS_SHOWN:
        print("  " + translate("cli", "... and {0} more").format(count - SKIP_REASONS_SHOWN))
