"""The command line's words in the chosen language: our sentences, argparse's own, and their layout.

Every sentence the command line prints goes through `translate("cli", "...")` with
`{0}`/`{name}` placeholders filled by `.format()` after translation, so Qt's lupdate finds
it and assets/i18n/cli.zh_CN.ts holds its Chinese. argparse asks gettext for its own
words ("usage: ", "options", its error sentences); `use_for_argparse()` routes them
through the "argparse" context instead, listed below so lupdate sees them too. Help text
in Chinese wraps by terminal columns (HelpFormatter).
"""

from __future__ import annotations

import argparse
import re
import unicodedata

_unattached: list = []  # the command line's own translator, asked directly while there is no application


def translate(context: str, text: str) -> str:
    """`text` in the installed language (English when no translator is installed)."""
    from PySide6.QtCore import QCoreApplication

    if _unattached and QCoreApplication.instance() is None:
        return _unattached[0].translate(context, text) or text
    return QCoreApplication.translate(context, text)


def speak_without_application(language: str) -> None:
    """Answer in `language` before any Qt application exists (the window's options are read before its
    QApplication is made, and making one needs a display): our .qm is asked directly, not installed."""
    from PySide6.QtCore import QTranslator

    from gui.i18n import I18N_FOLDER

    _unattached.clear()
    translator = QTranslator()
    if translator.load(str(I18N_FOLDER / f"cli.{language}.qm")):
        _unattached.append(translator)


def _argparse_gettext(text: str) -> str:
    return translate("argparse", text)


def _argparse_ngettext(singular: str, plural: str, count: int) -> str:
    return translate("argparse", singular if count == 1 else plural)


def use_for_argparse() -> None:
    """Make argparse's gettext calls answer in the installed language (argparse reads `_` at call time)."""
    argparse._ = _argparse_gettext  # type: ignore[attr-defined]
    argparse.ngettext = _argparse_ngettext  # type: ignore[attr-defined]


def _listed_for_lupdate() -> tuple[str, ...]:
    """argparse's sentences a user can meet, for lupdate (the "argparse" context of cli.zh_CN.ts); never called."""
    return (
        translate("argparse", "usage: "),
        translate("argparse", "options"),
        translate("argparse", "positional arguments"),
        translate("argparse", "show this help message and exit"),
        translate("argparse", "the following arguments are required: %s"),
        translate("argparse", "unrecognized arguments: %s"),
        translate("argparse", "argument %(argument_name)s: %(message)s"),
        translate("argparse", "invalid %(type)s value: %(value)r"),
        translate("argparse", "invalid choice: %(value)r (choose from %(choices)s)"),
        translate("argparse", "expected one argument"),
        translate("argparse", "expected at most one argument"),
        translate("argparse", "expected at least one argument"),
        translate("argparse", "expected %s argument"),
        translate("argparse", "expected %s arguments"),
        translate("argparse", "ambiguous option: %(option)s could match %(matches)s"),
        translate("argparse", "ignored explicit argument %r"),
        translate("argparse", "not allowed with argument %s"),
        translate("argparse", "one of the arguments %s is required"),
        translate("argparse", "unknown parser %(parser_name)r (choices: %(choices)s)"),
        translate("argparse", "can't open '%(filename)s': %(error)s"),
    )


_UNITS = re.compile(r"[\x00-\x7f]*?[^\s\x00-\x7f]|[^\s]+|\s+")  # a wide character (with what leads to it), a word, a gap


def display_width(text: str) -> int:
    """Terminal columns: a Chinese character takes two."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


class HelpFormatter(argparse.HelpFormatter):
    """argparse's help layout, wrapping Chinese by the columns it takes (two per character), not by its length."""

    def _split_lines(self, text: str, width: int) -> list[str]:
        if display_width(text) == len(text):
            return super()._split_lines(text, width)
        lines, line = [], ""
        for unit in _UNITS.findall(" ".join(text.split())):
            if line and display_width(line + unit.rstrip()) > width:
                lines.append(line.rstrip())
                line = unit.lstrip()
            else:
                line += unit
        return lines + ([line.rstrip()] if line.strip() else [])
