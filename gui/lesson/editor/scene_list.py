"""The lesson's scenes as a list: numbered titles, drag and drop to reorder, a ⚠ on a scene with a problem."""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtWidgets import QAbstractItemView, QListWidget, QListWidgetItem

from core.lesson.model import Scene

ROW_ROLE = Qt.ItemDataRole.UserRole  # the row a scene had when the list was filled: a drop reads the new order


class SceneList(QListWidget):
    """One row per scene; `reordered(list)` gives the old rows in their new order after a drag."""

    reordered = Signal(object)  # list[int]

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)

    def fill(self, rows: list[tuple[str, str]], current: int) -> None:
        """Show `rows` ((text, tooltip) per scene) and select row `current`, without emitting currentRowChanged
        for the rebuild itself (the caller shows the scene)."""
        with QSignalBlocker(self):
            self.clear()
            for row, (text, tip) in enumerate(rows):
                item = QListWidgetItem(text)
                item.setToolTip(tip)
                item.setData(ROW_ROLE, row)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsDragEnabled)
                self.addItem(item)
            self.setCurrentRow(current)

    def set_row(self, row: int, text: str, tip: str) -> None:
        item = self.item(row)
        if item is not None:
            item.setText(text)
            item.setToolTip(tip)

    def dropEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        """Qt moves the item; the draft learns the new order from the rows the items remember."""
        super().dropEvent(event)
        order = [self.item(row).data(ROW_ROLE) for row in range(self.count())]
        if all(isinstance(row, int) for row in order) and sorted(order) == list(range(self.count())):
            # After the drag has ended: the editor refills this list, which Qt's drag is still inside now.
            QTimer.singleShot(0, lambda: self.reordered.emit(order))


def scene_row_text(number: int, scene: Scene, language: str, untitled: str, problem: bool) -> str:
    """ "3. The loss  ·  4 min" (with ⚠ first when the scene needs fixing before the lesson can be saved)."""
    title = scene.title.get(language).strip() or untitled
    title = " ".join(title.split())  # a title with line breaks stays on its row
    mark = "⚠ " if problem else ""
    return f"{mark}{number}. {title}"
