"""Open the window; training options given on the command line override the saved settings.

    main.py [--dataset circle --hidden 4,2 --lr 0.1 ...]
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

    from gui.main_window import MainWindow
    from gui.training.saved_config import load_saved_config

    config = config_from_options(options, load_saved_config(QSettings())) if training_options_given(options) else None
    window = MainWindow(config)
    window.show()
    return leave(app.exec())
