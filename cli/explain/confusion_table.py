"""A confusion matrix as a plain-text table for the terminal: rows are the true classes, columns the predicted.

Column headings are the class names cut short (a long name would make every column wide), the
rows carry the names in full (cut at ROW_NAME characters), and the diagonal, the images read
right, is marked with brackets so it stands out without colour.
"""

from __future__ import annotations

from cli.errors import shown_value
from cli.words import display_width, translate

COLUMN_NAME = 8  # characters of a class name heading a column
ROW_NAME = 24


def _padded(text: str, width: int) -> str:
    """`text` right-aligned in `width` terminal columns (a Chinese character takes two)."""
    return " " * max(0, width - display_width(text)) + text


def confusion_table(class_names, counts) -> list[str]:
    """The lines of the table: a title, the column headings, then one row per true class."""
    names = [shown_value(str(name), ROW_NAME) for name in class_names]
    headings = [shown_value(str(name), COLUMN_NAME) for name in class_names]
    cells = [[f"[{int(value)}]" if i == j else str(int(value)) for j, value in enumerate(row)]
             for i, row in enumerate(counts)]
    widths = [max([display_width(headings[j])] + [display_width(row[j]) for row in cells]) for j in range(len(names))]
    label = max(display_width(name) for name in names)
    lines = [translate("cli", "confusion matrix (rows: the true class; columns: what it was taken for; "
                              "[right]):"),
             " " * label + " | " + " ".join(_padded(heading, width) for heading, width in zip(headings, widths))]
    for name, row in zip(names, cells):
        lines.append(_padded(name, label) + " | " + " ".join(_padded(cell, width) for cell, width in zip(row, widths)))
    return lines
