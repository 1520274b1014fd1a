"""Open the window; training options given on the command line override the saved settings.

    main.py [--dataset circle --hidden 4,2 --lr 0.1 ...] [--tab network] [--lang zh_CN] [lesson.glassbox]

Before Qt starts, two checks (gui/window_start.py): a screen Qt can open (else one `error:`
line naming what is missing, exit 2, instead of Qt's abort), and a settings file that is a
regular file of a sane size (else this run uses private defaults and the window says so).
Ctrl+C closes the window like its close button and exits with 130; SIGTERM does the same
and exits with 0. An unexpected error in the window is one sentence on its status line.
"""

from __future__ import annotations

import argparse
import os

from cli.errors import CommandLineError
from cli.options import config_from_options, training_options_given


def run(options: argparse.Namespace) -> int:
    from cli.words import translate
    from gui.window_start import display_problem

    problem = display_problem(translate=translate)
    if problem:
        raise CommandLineError(problem)
    from gui.app import (APPLICATION, ORGANIZATION, close_on_signals, collect_garbage_on_gui_thread,
                         freeze_startup_objects, install_error_hooks, leave, make_application, start_log)
    from gui.window_start import unusable_settings_file, use_private_settings

    ignored_settings = unusable_settings_file(ORGANIZATION, APPLICATION)
    if ignored_settings is not None:  # before any QSettings reads it: a FIFO would block, a huge file would load
        use_private_settings()
    app = make_application()  # QSettings needs the application's names; pyqtgraph needs the application
    collect_garbage_on_gui_thread(app)
    start_log()
    reporter = install_error_hooks()
    close_on_signals(app)
    if os.environ.get("GLASSBOX_WATCH_STALLS"):  # a debugging aid: where the GUI thread stalls, on stderr
        from gui.app import watch_stalls

        try:
            watch_stalls(app, float(os.environ["GLASSBOX_WATCH_STALLS"]))
        except ValueError:
            watch_stalls(app)
    from PySide6.QtCore import QSettings

    from core.session.parts import TAB_NAMES
    from gui import i18n
    from gui.main_window import MainWindow
    from gui.training.saved_config import load_saved_config
    from gui.widgets import saved_values
    from gui.window_menus import saved_language, saved_terms
    from gui.window_start import settings_file_sentence

    settings = QSettings()
    # The language comes first, so every text is written in it: --lang, else the saved choice, else the system's.
    i18n.install(getattr(options, "lang", None) or saved_language(settings), terms=saved_terms(settings))
    if ignored_settings is not None:
        saved_values.add_note(settings_file_sentence(ignored_settings))
    config = config_from_options(options, load_saved_config(settings)) if training_options_given(options) else None
    tab = getattr(options, "tab", None)
    window = MainWindow(config, settings=settings, tab=tab) if tab else MainWindow(config, settings=settings)
    reporter.occurred.connect(window.show_unexpected)
    window.show()
    freeze_startup_objects()
    session_file = getattr(options, "session_file", None)
    if session_file and window.open_session(str(session_file)):
        # What the person typed wins over what the file says: `--lang zh_CN` and `--tab` after the session's own.
        if getattr(options, "lang", None):
            window.menus.set_language(options.lang)
        if tab in TAB_NAMES:  # every name in cli.parser.TABS once its tab is registered there
            window.tabs.setCurrentIndex(TAB_NAMES.index(tab))
    ready_file = os.environ.get("GLASSBOX_READY_FILE")  # a test hook: says when the window is on screen
    if ready_file:
        from core.files import atomic_write

        atomic_write(ready_file, "ready\n")
    return leave(app.exec())
