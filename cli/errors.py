"""The command line's one error policy: a bad input is one `error: ...` line on stderr and exit status 2.

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
    except (CommandLineError, GlassboxError) as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except Exception as error:  # a bug of ours: still one line, never a traceback for users
        if os.environ.get("GLASSBOX_DEBUG"):
            raise
        print(f"error: unexpected failure ({type(error).__name__}: {error}); "
              "rerun with GLASSBOX_DEBUG=1 for details and please report it.", file=sys.stderr)
        return EXIT_USAGE
