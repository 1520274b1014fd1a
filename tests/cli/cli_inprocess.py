"""Run the command line in-process (`cli.run`), fast: its exit status, stdout and stderr, with the work stubbed.

`stubbed` (a fixture, tests/cli/conftest.py) replaces the work with `Reached`: building a network, racing on a
surface for more than 0 steps, analysing an image, rendering a view and opening the window.
`run_in_process` reports such a run as "reached": every check passed and the work would
start now. The current folder is a scratch one; English is restored afterwards.
"""

from __future__ import annotations

import io
from contextlib import redirect_stderr, redirect_stdout

import cli


class Reached(BaseException):
    """The checks passed and the work would start: not an Exception, so no handler of the program catches it."""


def stop_here(*args, **kwargs):
    raise Reached


def run_in_process(argv: list[str]) -> tuple[object, str, str]:
    """(exit status, or "reached" when the work would start; stdout; stderr) of `main.py *argv`."""
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        try:
            status = cli.run(argv)
        except Reached:
            status = "reached"
        except SystemExit as leaving:  # --help and --version
            status = leaving.code or 0
    return status, out.getvalue(), err.getvalue()
