"""What a scene hides: one check box per hideable part of the window (core.lesson.model.HIDEABLE).

The boxes stand in two columns when the room allows and in one otherwise, so the labels are never cut
and the editor still fits a 1024×768 screen (at any zoom, in either language).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSignalBlocker, QSize, Signal
from PySide6.QtWidgets import QCheckBox, QGridLayout, QLabel, QLayout, QWidget

from core.lesson.model import HIDEABLE
from gui.lesson.hiding import HIDEABLE_LABELS  # translated as they are read

MAX_COLUMNS = 2


class HideChecklist(QWidget):
    """Check boxes in HIDEABLE's order; emits `changed(tuple)` with the names checked, in that order."""

    changed = Signal(object)  # tuple[str, ...]

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.boxes: dict[str, QCheckBox] = {}
        for name in HIDEABLE:
            box = QCheckBox()
            box.setObjectName(name)
            box.toggled.connect(self._on_toggled)
            self.boxes[name] = box
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setVerticalSpacing(2)
        self.grid.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)  # minimumSizeHint decides
        self.columns = 0
        self.retranslate()

    def hidden(self) -> tuple[str, ...]:
        return tuple(name for name in HIDEABLE if self.boxes[name].isChecked())

    def set_hidden(self, names) -> None:
        """Check exactly `names` (unknown names are ignored) without emitting `changed`."""
        for name, box in self.boxes.items():
            with QSignalBlocker(box):
                box.setChecked(name in names)

    def _on_toggled(self, _checked: bool) -> None:
        self.changed.emit(self.hidden())

    # ------------------------------------------------------------------ one column or two
    def _box_width(self) -> int:
        return max(box.sizeHint().width() for box in self.boxes.values())

    def _columns_for(self, width: int) -> int:
        needed = 2 * self._box_width() + self.grid.horizontalSpacing()
        return MAX_COLUMNS if width >= needed else 1

    def _lay_out(self, columns: int) -> None:
        if columns == self.columns:
            return
        self.columns = columns
        for widget in (self.note, *self.boxes.values()):
            self.grid.removeWidget(widget)
        self.grid.addWidget(self.note, 0, 0, 1, columns)
        rows = (len(HIDEABLE) + columns - 1) // columns  # down the first column, then the second
        for index, box in enumerate(self.boxes.values()):
            self.grid.addWidget(box, 1 + index % rows, index // rows)
        self.updateGeometry()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        one_column = self._box_width()
        return QSize(one_column, super().minimumSizeHint().height())

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        self._lay_out(self._columns_for(event.size().width()))
        super().resizeEvent(event)

    # ------------------------------------------------------------------ words
    def changeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        elif event.type() == QEvent.Type.FontChange:
            self._lay_out(self._columns_for(self.width()))
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.note.setText(self.tr("Hide what the class does not need yet (the scene shows everything else):"))
        for name, box in self.boxes.items():
            box.setText(HIDEABLE_LABELS.get(name, name))
        self._lay_out(self._columns_for(self.width()) if self.columns else MAX_COLUMNS)
