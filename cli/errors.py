"""The command line's one error policy: a bad input is one `error: ...` line on stderr and exit status 2.

The `error: ` and `note: ` prefixes stay English in every language, so scripts can find
them; the sentence after them is in the language in use (core errors through gui.i18n.say).
A user never sees a traceback: our typed errors and bad options print their sentence, and
a bug of ours prints one line that says how to get the details (GLASSBOX_DEBUG=1).

Every line printed here goes through `one_line`: a value a user typed (or a file name, a
class name from a model) can hold newlines, control characters or 5,000 characters, and
must still print as one short, printable line. Ctrl+C during a command is `error:
cancelled…` and exit status 130 (128 + SIGINT, the shell's convention); nothing is written,
because every output is written to a temporary file and renamed only when complete.
"""

from __future__ import annotations

import errno
import os
import re
import sys
import unicodedata
from typing import Callable

EXIT_USAGE = 2
EXIT_INTERRUPTED = 130
VALUE_LIMIT = 80  # characters of one echoed value (a run without spaces) in a printed line
LINE_LIMIT = 600  # characters of a whole printed line

_LONG_RUN = re.compile(r"\S{%d,}" % (VALUE_LIMIT + 1))


class CommandLineError(Exception):
    """A bad option value, reported as `error: <message>` with exit status 2."""

    exit_status = EXIT_USAGE


class Cancelled(CommandLineError):
    """Ctrl+C during a command: `error: cancelled…`, exit status 130, nothing written."""

    exit_status = EXIT_INTERRUPTED


def shown_value(value: object, limit: int = VALUE_LIMIT) -> str:
    """`value` as one printable piece of a line: control characters escaped, cut in the middle past `limit`."""
    text = printable(value)
    if len(text) > limit:
        head = (limit - 1) // 2
        text = text[:head] + "…" + text[len(text) - (limit - 1 - head):]
    return text


def one_line(text: object, limit: int = LINE_LIMIT) -> str:
    """`text` as one printable line: control characters escaped, every long run of non-spaces and the line cut."""
    line = _LONG_RUN.sub(lambda match: shown_value(match.group(0)), printable(text))
    return line if len(line) <= limit else line[: limit - 1] + "…"


def printable(text: object) -> str:
    """`text` with every character that does not print (controls, new lines, unassigned ones) escaped."""
    text = str(text)
    return text if text.isprintable() else "".join(char if prints(char) else _escaped(char) for char in text)


def prints(char: str) -> bool:
    """Whether `char` shows as itself on one line: not a control, format, line-breaking or unassigned character
    (any space prints: a full-width one is part of a Chinese name)."""
    return char.isprintable() or unicodedata.category(char) == "Zs"


def _escaped(char: str) -> str:
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # a byte that is not text in the file system's encoding (surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    if char in "\n\r\t":
        return {"\n": "\\n", "\r": "\\r", "\t": "\\t"}[char]
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def say_line(text: object, stream=None, prefix: str = "") -> None:
    """Print `prefix` + `text` as one printable line (on stdout unless `stream`)."""
    print(prefix + one_line(text), file=stream or sys.stdout)


def report_errors(command: Callable[[], int]) -> int:
    """Run `command` and turn whatever it raises into one line on stderr and an exit status."""
    from core.errors import GlassboxError

    try:
        return command()
    except CommandLineError as error:
        _error_line(str(error))
        return error.exit_status
    except GlassboxError as error:
        _error_line(said(error))
        return EXIT_USAGE
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except MemoryError:
        from cli.words import translate

        _error_line(translate("cli", "Not enough memory for this; use a smaller network, fewer points or a lower "
                                     "resolution."))
        return EXIT_USAGE
    except OSError as error:  # the system refused something a typed path asked for: still the user's input
        _error_line(system_refusal(error))
        return EXIT_USAGE
    except Exception as error:  # a bug of ours: still one line, never a traceback for users
        if os.environ.get("GLASSBOX_DEBUG"):
            raise
        from cli.words import translate

        text = translate("cli", "unexpected failure ({0}: {1}); rerun with GLASSBOX_DEBUG=1 for details and "
                                "please report it.")
        _error_line(text.format(type(error).__name__, shown_value(error, 200)))
        return EXIT_USAGE


def system_refusal(error: OSError) -> str:
    """One sentence for an OSError that reached the top: what the system said, and the path it was about."""
    from cli.words import translate

    if error.errno == errno.ENAMETOOLONG:
        return translate("cli", "A path given is too long for this system ('{0}'); use a shorter one.").format(
            shown_value(error.filename or ""))
    reason = (error.strerror or str(error)).rstrip(".")
    if error.filename:
        return translate("cli", "'{0}': {1}.").format(shown_value(error.filename), reason)
    return translate("cli", "The system refused: {0}.").format(reason)


def _error_line(text: str) -> None:
    print("error: " + one_line(text), file=sys.stderr)


def said(error: Exception) -> str:
    """A core error's sentence in the language in use (gui.i18n translates its template), its values cut short."""
    error = _with_short_values(error)
    try:
        from gui.i18n import say
    except ImportError:  # no Qt at all: the English sentence still says it
        return str(error)
    return say(error)


def _with_short_values(error: Exception) -> Exception:
    """A copy of a GlassboxError whose plain values are printable and at most VALUE_LIMIT characters."""
    from core.errors import GlassboxError, Phrase

    values = getattr(error, "values", None)
    if not isinstance(error, GlassboxError) or not values:
        return error
    short = {key: value if isinstance(value, (Phrase, int, float)) else shown_value(value)
             for key, value in values.items()}
    if short == values:
        return error
    copy = GlassboxError.__new__(type(error))
    copy.__dict__.update(error.__dict__)  # a subclass's own fields (a DivergedError's step)
    GlassboxError.__init__(copy, error.template, **short)
    return copy
