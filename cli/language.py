"""Which language the command line speaks: --lang, else the system locale; chosen before the parser is built.

The help texts are written when the parser is built, so the language is found first by a
plain scan of argv. Installed translators need a Qt application: `snapshot` gets the offscreen
QApplication it would make anyway; `export` and `evaluate` get a bare QCoreApplication. The
window makes its own QApplication later (cli/window.py installs the language there), so until
then the command line asks its own translator directly. English needs no translator.
"""

from __future__ import annotations

import os

from cli.errors import CommandLineError, shown_value

COMMANDS = ("snapshot", "export", "evaluate")
# What --lang accepts (case and '-' or '_' do not matter) → the language's name in gui.i18n.
LANGUAGE_NAMES = {"zh_cn": "zh_CN", "zh": "zh_CN", "en": "en", "system": "system"}
_application = []  # the application made here, kept alive for the rest of the run


def normalise_language(value: str) -> str:
    """"zh_CN", "en" or "system" for what a user typed after --lang; one sentence when it is none of them."""
    name = LANGUAGE_NAMES.get(value.strip().lower().replace("-", "_"))
    if name is None:
        from cli.words import translate

        raise CommandLineError(translate("cli", "--lang must be zh_CN or en, not '{0}'.").format(shown_value(value)))
    return name


def scan_language(argv: list[str]) -> str | None:
    """The value of --lang (or --lang=VALUE) in argv, normalised; None when it is not given."""
    found = None
    for index, token in enumerate(argv):
        if token == "--":
            break
        if token == "--lang":
            if index + 1 >= len(argv):
                return None  # the parser says that --lang needs a value
            found = normalise_language(argv[index + 1])
        elif token.startswith("--lang="):
            found = normalise_language(token.split("=", 1)[1])
    return found


def command_in(argv: list[str]) -> str | None:
    return next((token for token in argv if token in COMMANDS), None)


def start_language(argv: list[str]) -> str:
    """Install the language `argv` asks for (or the system's) for the rest of this run; returns it."""
    from gui import i18n

    try:
        choice = scan_language(argv)
    except CommandLineError:
        _install(i18n, i18n.resolve(None), argv)  # say what is wrong with --lang in the system's language
        raise
    return _install(i18n, i18n.resolve(None if choice in (None, "system") else choice), argv)


def _install(i18n, language: str, argv: list[str]) -> str:
    from PySide6.QtCore import QCoreApplication

    from cli.words import speak_without_application, use_for_argparse

    use_for_argparse()
    command = command_in(argv)
    if language == i18n.ENGLISH:
        return i18n.install(language)
    if command is None and QCoreApplication.instance() is None:
        # The window makes its QApplication itself (cli/window.py), and that needs a display: --help and a
        # bad option must not. Until then our own words are read from our .qm directly.
        speak_without_application(language)
        return language
    _make_application(command)
    return i18n.install(language)


def _make_application(command: str | None) -> None:
    from PySide6.QtCore import QCoreApplication

    if QCoreApplication.instance() is not None:
        return
    if command in ("export", "evaluate"):
        _application.append(QCoreApplication([]))
        return
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # snapshot: the same platform gui/snapshot.py uses
    from gui.app import make_application

    _application.append(make_application())
