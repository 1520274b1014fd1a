"""Glassbox's command line: the window with options, or a headless command that renders, writes or scores.

    main.py [training options] [--tab T] [FILE.glassbox]   open the window (cli/window.py)
    main.py snapshot --view VIEW ... --out x.png      render a view to PNG (cli/snapshot.py)
    main.py export WHAT ... --out FILE                write the numbers (cli/export.py)
    main.py evaluate --model NAME --folder DIR        score a CNN on labelled photos (cli/evaluate.py)
    main.py lesson --list | --check FILE              the lessons (cli/classroom/lesson.py)

Issue 14's lessons: snapshot --lesson ID --scene N (a scene as the class sees it) and export handout
--lesson ID (the worksheet as PDF), in cli/classroom/lesson.py.

Issue 13's explanations and the autoencoder: export saliency|channel-images|dream (cli/explain/exports.py),
export autoencoder (cli/explain/autoencoder.py), snapshot --view saliency|channel|confusion|autoencoder
(cli/explain/snapshots.py), their options in cli/explain/parser.py and checks in cli/explain/inputs.py.

Every command takes --lang zh_CN|en (cli/language.py; default: the system's language).
The grammar is in cli/parser.py, value checks in cli/options.py. Bad input prints one
`error: ...` line on stderr and exits with status 2 (cli/errors.py); Ctrl+C during a
command is `error: cancelled…` and status 130, with nothing written.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import Callable

from cli.errors import EXIT_USAGE, CommandLineError, report_errors

__all__ = ["run", "CommandLineError", "EXIT_USAGE"]


def run(argv: list[str]) -> int:
    """Parse `argv` (without the program name), run its command, and return the exit status."""
    return report_errors(lambda: _dispatch(argv))


def _dispatch(argv: list[str]) -> int:
    from cli.language import start_language
    from cli.parser import parse_args

    if _draws_with_widgets(argv):
        _make_widget_application()
    start_language(argv)  # before the parser: its help texts and errors are written in that language
    options = parse_args(argv)
    command = _command(options.command)
    if options.command is None:
        return command(options)  # the window answers Ctrl+C itself (gui/app.py)
    try:
        return command(options)
    except KeyboardInterrupt:
        from cli.errors import Cancelled
        from cli.words import translate

        raise Cancelled(translate("cli", "cancelled (Ctrl+C); nothing was written.")) from None


def _command(name: str | None) -> Callable[[argparse.Namespace], int]:
    """The module that runs `name`, imported only when chosen (the window's imports Qt)."""
    if name == "snapshot":
        from cli.snapshot import run
    elif name == "export":
        from cli.export import run
    elif name == "evaluate":
        from cli.evaluate import run
    elif name == "lesson":
        from cli.classroom.lesson import run
    else:
        from cli.window import run
    return run


# Exports drawn by the window's widgets: they need a QApplication (offscreen), not the bare QCoreApplication
# that cli/language.py makes for the other exports, and one cannot be swapped for the other later.
WIDGET_EXPORTS = ("handout", "animation")


def _draws_with_widgets(argv: list[str]) -> bool:
    words = [token for token in argv if not token.startswith("-")]
    return "export" in words and any(word in WIDGET_EXPORTS for word in words[words.index("export") + 1:])


def _make_widget_application() -> None:
    from gui.snapshot import ensure_offscreen

    ensure_offscreen()
    from gui.app import make_application

    make_application()


def finish(status: int) -> int:
    """`status`; after Ctrl+C (130) the process leaves at once instead: tearing down torch and Qt took
    seconds under load, and there is nothing left to keep (the command wrote nothing; the window saved)."""
    if status == 130:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(status)
    return status
