"""Open the window; training options given on the command line override the saved settings.

    main.py [--dataset circle --hidden 4,2 --lr 0.1 ...] [--tab network] [--lang zh_CN] [lesson.glassbox]
"""

from __future__ import annotations

import argparse

from cli.options import config_from_options, training_options_given


def run(options: argparse.Namespace) -> int:
    from gui.app import collect_garbage_on_gui_thread, leave, make_application, start_log

    app = make_application()  # QSettings needs the application's names; pyqtgraph needs the application
    collect_garbage_on_gui_thread(app)
    start_log()
    from PySide6.QtCore import QSettings

    from core.session.parts import TAB_NAMES
    from gui import i18n
    from gui.main_window import MainWindow
    from gui.training.saved_config import load_saved_config
    from gui.window_menus import saved_language, saved_terms

    settings = QSettings()
    # The language comes first, so every text is written in it: --lang, else the saved choice, else the system's.
    i18n.install(getattr(options, "lang", None) or saved_language(settings), terms=saved_terms(settings))
    config = config_from_options(options, load_saved_config(settings)) if training_options_given(options) else None
    tab = getattr(options, "tab", None)
    window = MainWindow(config, tab=tab) if tab else MainWindow(config)
    window.show()
    session_file = getattr(options, "session_file", None)
    if session_file and window.open_session(str(session_file)):
        # What the person typed wins over what the file says: `--lang zh_CN` and `--tab` after the session's own.
        if getattr(options, "lang", None):
            window.menus.set_language(options.lang)
        if tab:
            window.tabs.setCurrentIndex(TAB_NAMES.index(tab))
    return leave(app.exec())
