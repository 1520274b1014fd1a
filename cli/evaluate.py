"""`evaluate`: score a trained CNN on a folder of labelled images, as the window would classify them.

    main.py evaluate --model digits --folder DIR [--models-dir DIR]

DIR holds one subfolder per class, named as the model's classes. The output is one line
per class, the skipped files with their reasons, and `accuracy=0.9400 (47/50)` last.
"""

from __future__ import annotations

import argparse
import os

from cli.errors import CommandLineError

SKIP_REASONS_SHOWN = 3


def run(options: argparse.Namespace) -> int:
    """Classify every image under --folder; per-class lines, skipped files, then the total."""
    from core.cnn.analysis import DEFAULT_MODEL, open_model
    from core.cnn.evaluation import evaluate_folder
    from core.data.image_folder import scan_image_folder

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
        print_skipped(result.skipped, folder.root)
    if result.n_total == 0:
        raise CommandLineError(f"None of the {folder.total} image files in '{folder.root}' could be read; "
                               "see the reasons above.")
    print(f"accuracy={result.accuracy:.4f} ({result.n_right}/{result.n_total})")
    return 0


def print_skipped(skipped: list[tuple[str, str]], root: str) -> None:
    count = len(skipped)
    print(f"skipped {count} unreadable file{'s' if count != 1 else ''}:")
    for path, reason in skipped[:SKIP_REASONS_SHOWN]:
        print(f"  {os.path.relpath(path, root)}: {reason}")
    if count > SKIP_REASONS_SHOWN:
        print(f"  ... and {count - SKIP_REASONS_SHOWN} more")
