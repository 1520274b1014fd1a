"""A status line that never changes the layout: always N lines tall, a longer text ends in "…".

A word-wrapped QLabel grows with its text, and in a tight panel that squeezes its
neighbours (or pushes the tab past a 1024×768 projector). This one keeps a fixed height
of `lines` lines of its own font; a text that needs more is cut at the last character that
fits, followed by "…", and shown whole in the tooltip.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRect, Qt
from PySide6.QtWidgets import QLabel, QWidget

ELLIPSIS = "…"
MARGIN = 6  # the label's own margins, so the last line's descenders are not cut


class ClampedLabel(QLabel):
    """Plain text in at most `lines` wrapped lines; `text()` is the whole text, as set."""

    def __init__(self, text: str = "", lines: int = 2, parent: QWidget | None = None):
        super().__init__(parent)
        self._lines = max(1, int(lines))
        self._full = ""
        self._tip = ""
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)  # names are shown as typed, never as markup
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setText(text)

    def text(self) -> str:  # noqa: D401 (Qt's name)
        return self._full

    def shown_text(self) -> str:
        """What is on screen: the text, or its first lines ending in "…"."""
        return super().text()

    def setText(self, text: str) -> None:  # noqa: N802 (Qt's name)
        self._full = str(text)
        self._refit()

    def setToolTip(self, tip: str) -> None:  # noqa: N802 (Qt's name)
        self._tip = str(tip or "")
        self._refit()

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._refit()

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._refit()

    def _refit(self) -> None:
        metrics = self.fontMetrics()
        room = self._lines * metrics.lineSpacing()
        self.setFixedHeight(room + MARGIN)
        width = max(1, self.contentsRect().width())

        def fits(candidate: str) -> bool:
            bounds = metrics.boundingRect(QRect(0, 0, width, 1 << 20), int(Qt.TextFlag.TextWordWrap), candidate)
            return bounds.height() <= room

        shown = self._full
        if not fits(shown):  # the longest beginning that fits with "…" after it
            low, high = 0, len(shown)
            while low < high:
                middle = (low + high + 1) // 2
                if fits(shown[:middle].rstrip() + ELLIPSIS):
                    low = middle
                else:
                    high = middle - 1
            shown = shown[:low].rstrip() + ELLIPSIS
        QLabel.setText(self, shown)
        QLabel.setToolTip(self, "\n\n".join(part for part in (self._full if shown != self._full else "", self._tip)
                                            if part))
