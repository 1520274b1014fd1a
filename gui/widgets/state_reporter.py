"""StateReporter: how a tab tells its subscribers what it shows, after the user changed it.

Every tab reports the same way: once per real change, never while it is applying a state
(a session or a lesson restoring it), and once at the end of that if anything differs.
"""

from __future__ import annotations

from contextlib import contextmanager
from typing import Callable, Iterator


class StateReporter:
    """Reads the tab's state with `read` and passes it to `emit` when it differs from the last one passed."""

    def __init__(self, read: Callable[[], object], emit: Callable[[object], None]):
        self._read, self._emit = read, emit
        self._last: object = None
        self._applying = False

    def start(self) -> None:
        """What the tab shows now is the starting point: nothing to report yet."""
        self._last = self._read()

    @contextmanager
    def applying(self) -> Iterator[None]:
        """Around `apply_state`: no report while it runs, then one if the state changed."""
        self._applying = True
        try:
            yield
        finally:
            self._applying = False
        self.report()

    def report(self) -> None:
        if self._applying:
            return
        state = self._read()
        if state != self._last:
            self._last = state
            self._emit(state)
