"""The command line's one error policy: a bad input is one `error: ...` line on stderr and exit status 2.

The `error: ` and `note: ` prefixes stay English in every language, so scripts can find
them; the sentence after them is in the language in use (core errors through gui.i18n.say).
A user never sees a traceback: our typed errors and bad options print their sentence, and
a bug of ours prints one line that says how to get the details (GLASSBOX_DEBUG=1).
"""

from __future__ import annotations

import os
import sys
from typing import Callable

EXIT_USAGE = 2
EXIT_INTERRUPTED = 130


class CommandLineError(Exception):
    """A bad option value, reported as `error: <message>` with exit status 2."""


def report_errors(command: Callable[[], int]) -> int:
    """Run `command` and turn whatever it raises into one line on stderr and an exit status."""
    from core.errors import GlassboxError

    try:
        return command()
    except CommandLineError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_USAGE
    except GlassboxError as error:
        print(f"error: {said(error)}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except Exception as error:  # a bug of ours: still one line, never a traceback for users
        if os.environ.get("GLASSBOX_DEBUG"):
            raise
        from cli.words import translate

        text = translate("cli", "unexpected failure ({0}: {1}); rerun with GLASSBOX_DEBUG=1 for details and "
                                "please report it.")
        print("error: " + text.format(type(error).__name__, error), file=sys.stderr)
        return EXIT_USAGE


def said(error: Exception) -> str:
    """A core error's sentence in the language in use (gui.i18n translates its template)."""
    try:
        from gui.i18n import say
    except ImportError:  # no Qt at all: the English sentence still says it
        return str(error)
    return say(error)
