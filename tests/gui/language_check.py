"""Find English left on screen after switching to Chinese: what a test of a translated view asserts.

`english_leftovers(widget)` walks a widget and everything in it (labels, buttons, check
boxes, group boxes, combo items, tab titles, actions and menus, tooltips, window titles,
pyqtgraph axis labels and titles, QGraphicsScene text) and returns each text that still
holds an English word. Technical names that a Chinese classroom writes in English too
(ReLU, softmax, Adam, MNIST...) are allowed, as are numbers and units.
"""

from __future__ import annotations

import re

from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QGraphicsSimpleTextItem,
    QGraphicsTextItem,
    QGraphicsView,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QTabWidget,
    QWidget,
)

# Words a Chinese textbook leaves in English; compare lower-case.
ALLOWED = {
    "relu", "leaky", "leaky_relu", "tanh", "sigmoid", "softmax", "linear", "sgd", "adam", "adamw", "rmsprop",
    "adagrad", "nesterov", "momentum", "mnist", "cifar", "cuda", "cpu", "gpu", "png", "csv", "json", "npz", "jpeg",
    "gif", "bmp", "webp", "glassbox", "ctrl", "shift", "alt", "esc", "space", "page", "up", "down", "home", "end",
    "tab", "enter", "del", "pytorch", "torch", "numpy", "pyside", "pyside6", "pyqtgraph", "qt", "pca", "xor",
    "mse", "rosenbrock", "himmelblau", "beale", "camel", "sobel", "max", "min", "log", "exp", "sin", "cos", "argmax",
    "conv", "pool", "fc", "rgb", "id", "ok", "pgdn", "pgup", "utc", "cnn", "mlp", "grad", "cam", "l1", "l2",
    "glassbox.log", "ln", "var", "std", "kb", "mb", "gb", "px", "fps", "x1", "x2", "y", "x", "tb", "https",
    "http", "www", "github", "com", "safetensors", "onnx", "lr", "ce", "bce", "nan", "inf", "n", "b", "w", "z",
    "opengl", "pyopengl",
    "english",  # the language menu names each language in itself: 简体中文 / English
}
WORD = re.compile(r"[A-Za-z][A-Za-z_']{3,}")


def english_words(text: str) -> list[str]:
    """English words of four letters or more in `text` that are not allowed technical names."""
    text = re.sub(r"<[^>]+>", " ", text or "")  # rich text: the tags are not words
    text = re.sub(r"&[a-z]+;", " ", text)
    return [word for word in WORD.findall(text) if word.lower().strip("'") not in ALLOWED]


def visible_texts(root: QWidget) -> list[tuple[str, str]]:
    """(where, text) for every text a person can read in `root`, including hover tips."""
    found: list[tuple[str, str]] = []

    def add(where: str, text: str | None) -> None:
        if text:
            found.append((where, text))

    for widget in [root, *root.findChildren(QWidget)]:
        name = type(widget).__name__
        add(f"{name}.toolTip", widget.toolTip())
        add(f"{name}.windowTitle", widget.windowTitle() if widget.isWindow() else "")
        if isinstance(widget, (QLabel, QAbstractButton)):
            add(f"{name}.text", widget.text())
        if isinstance(widget, QLineEdit):
            add(f"{name}.placeholder", widget.placeholderText())
        if isinstance(widget, QGroupBox):
            add(f"{name}.title", widget.title())
        if isinstance(widget, QComboBox):
            for index in range(widget.count()):
                add(f"{name}.item", widget.itemText(index))
                add(f"{name}.itemTip", widget.itemData(index, 3))  # Qt.ToolTipRole
        if isinstance(widget, QTabWidget):
            for index in range(widget.count()):
                add(f"{name}.tab", widget.tabText(index))
                add(f"{name}.tabTip", widget.tabToolTip(index))
        if isinstance(widget, QMenu):
            add(f"{name}.title", widget.title())
        for action in widget.actions():
            add("QAction.text", action.text())
            add("QAction.toolTip", action.toolTip() if action.toolTip() != action.text().replace("&", "") else "")
        if isinstance(widget, QGraphicsView) and widget.scene() is not None:
            for item in widget.scene().items():
                if isinstance(item, QGraphicsTextItem):
                    add("QGraphicsTextItem", item.toPlainText())
                elif isinstance(item, QGraphicsSimpleTextItem):
                    add("QGraphicsSimpleTextItem", item.text())
                add(f"{type(item).__name__}.toolTip", item.toolTip())
    return found


def english_leftovers(root: QWidget) -> list[str]:
    """Every readable text in `root` that still holds an English word: empty when all is translated."""
    return [f"{where}: {text!r}" for where, text in visible_texts(root) if english_words(text)]
