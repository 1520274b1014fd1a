"""The window's actions, menus and toolbar, with their texts in the current language.

`WindowMenus` builds them once and writes every text in `retranslate()`, which the window
calls again when the language changes. The View menu's language and zoom choices live
here too: they are remembered in QSettings and applied at once.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QObject, QSettings, Qt, Slot
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QFileDialog, QLabel, QMainWindow, QMessageBox, QStyle

from core import __version__
from core.errors import GlassboxError
from core.files import FileWriteError, atomic_write
from core.session.parts import TAB_NAMES
from gui import i18n
from gui.style.zoom import ZOOM, clamp_zoom
from gui.training.controls import make_action
from gui.widgets.saved_values import read_bool, read_float, read_str

LANGUAGE_KEY, TERMS_KEY, ZOOM_KEY = "view/language", "view/english_terms", "view/zoom"


def saved_language(settings: QSettings) -> str:
    return read_str(settings, LANGUAGE_KEY, i18n.SYSTEM, choices=(*i18n.LANGUAGES, i18n.SYSTEM))


def saved_terms(settings: QSettings) -> bool:
    return read_bool(settings, TERMS_KEY, False)


class WindowMenus(QObject):
    """Builds the window's actions, menus and toolbar; `retranslate()` writes their texts."""

    def __init__(self, window: QMainWindow, settings: QSettings):
        super().__init__(window)
        self.window, self.settings = window, settings
        w, key = window, QKeySequence
        self.open_image_action = make_action(w, "", self.open_image, key.StandardKey.Open)
        self.paste_image_action = make_action(w, "", self.paste_image, key.StandardKey.Paste)
        self.save_image_action = make_action(w, "", self.save_view_image, key.StandardKey.Save)
        self.export_csv_action = make_action(w, "", self.export_metrics, key("Ctrl+E"))
        self.export_animation_action = make_action(w, "", self.export_animation, key("Ctrl+Shift+E"))
        self.save_session_action = make_action(w, "", w.sessions.save_dialog, key("Ctrl+Shift+S"))
        self.open_session_action = make_action(w, "", w.sessions.open_dialog, key("Ctrl+Shift+O"))
        self.quit_action = make_action(w, "", w.close, key.StandardKey.Quit)
        self.fullscreen_action = make_action(w, "", w.toggle_full_screen, key("F11"))
        self.fullscreen_action.setCheckable(True)
        self.presenter_action = make_action(w, "", w.presenter.toggle, key("F5"),
                                            QStyle.StandardPixmap.SP_DesktopIcon)
        self.presenter_action.setCheckable(True)
        self.zoom_in_action = make_action(w, "", ZOOM.zoom_in)
        self.zoom_in_action.setShortcuts([key("Ctrl+="), key("Ctrl++")])
        self.zoom_out_action = make_action(w, "", ZOOM.zoom_out, key("Ctrl+-"))
        self.zoom_reset_action = make_action(w, "", self.reset_zoom, key("Ctrl+0"))
        self.terms_action = make_action(w, "", self.on_terms_toggled)
        self.terms_action.setCheckable(True)
        self.terms_action.setChecked(saved_terms(settings))
        self.language_group = QActionGroup(w)
        self.language_actions: dict[str, QAction] = {}
        for code, label in ((i18n.CHINESE, "简体中文"), (i18n.ENGLISH, "English"), (i18n.SYSTEM, "")):
            action = QAction(label, w, checkable=True)
            action.setData(code)
            action.triggered.connect(self.on_language_chosen)
            self.language_group.addAction(action)
            self.language_actions[code] = action
        chosen = saved_language(settings)  # unless --lang chose another language for this run
        self.language_actions[chosen if i18n.resolve(chosen) == i18n.current() else i18n.current()].setChecked(True)
        self.shortcuts_action = make_action(w, "", self.show_shortcuts, key("F1"))
        self.about_action = make_action(w, "", self.show_about)
        self._build_menus()
        self._build_toolbar()
        # On the window itself too, so their shortcuts work while presenter mode hides the menus and toolbar.
        w.addActions([self.open_image_action, self.paste_image_action, self.save_image_action, self.export_csv_action,
                      self.export_animation_action,
                      self.save_session_action, self.open_session_action, self.quit_action, self.fullscreen_action,
                      self.presenter_action, self.zoom_in_action, self.zoom_out_action, self.zoom_reset_action,
                      self.shortcuts_action, w.reset_action])
        ZOOM.changed.connect(self.on_zoom_changed)

    def _build_menus(self) -> None:
        w = self.window
        bar = w.menuBar()
        self.file_menu = bar.addMenu("")
        self.file_menu.addActions([self.open_session_action])
        self.recent_menu = self.file_menu.addMenu("")
        self.file_menu.addAction(self.save_session_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.open_image_action)
        self.file_menu.addSeparator()
        self.file_menu.addActions([self.save_image_action, self.export_animation_action, self.export_csv_action])
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        self.edit_menu = bar.addMenu("")
        self.edit_menu.addAction(self.paste_image_action)
        self.view_menu = bar.addMenu("")
        self.view_menu.addAction(w.dock.toggleViewAction())
        self.train_menu = bar.addMenu("")
        self.train_menu.addActions(w.controls.actions)
        self.train_menu.addSeparator()
        self.device_menu = self.train_menu.addMenu("")
        self.device_menu.addActions(list(w.device_actions.values()))
        self.help_menu = bar.addMenu("")
        self.help_menu.addActions([self.shortcuts_action, self.about_action])

    def _build_toolbar(self) -> None:
        w = self.window
        self.toolbar = w.addToolBar("")
        self.toolbar.setObjectName("training-toolbar")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toolbar.addActions(w.controls.actions)
        self.toolbar.addSeparator()
        self.speed_label = QLabel()
        self.toolbar.addWidget(self.speed_label)
        self.toolbar.addWidget(w.speed_combo)
        self.toolbar.addSeparator()
        self.toolbar.addActions([w.dock.toggleViewAction(), self.presenter_action])
        view = self.view_menu
        view.addAction(self.toolbar.toggleViewAction())
        view.addSeparator()
        view.addActions([self.zoom_in_action, self.zoom_out_action, self.zoom_reset_action])
        view.addSeparator()
        self.language_menu = view.addMenu("")
        self.language_menu.addActions(list(self.language_actions.values()))
        view.addAction(self.terms_action)
        view.addSeparator()
        view.addActions([self.fullscreen_action, self.presenter_action])

    def retranslate(self) -> None:
        """Every text of the menus and the toolbar, in the language now installed."""
        texts = (
            (self.open_image_action, self.tr("Open Image…"), self.tr("Open a picture in the Convolution tab (Ctrl+O)")),
            (self.paste_image_action, self.tr("Paste Image"),
             self.tr("Show the copied picture in the Convolution tab (Ctrl+V)")),
            (self.save_image_action, self.tr("Save View as Image…"), self.tr("Save what this tab shows as a PNG (Ctrl+S)")),
            (self.export_csv_action, self.tr("Export Metrics as CSV…"), self.tr("Save the loss and accuracy curves (Ctrl+E)")),
            (self.export_animation_action, self.tr("Export Animation…"),
             self.tr("Record what this tab animates as a GIF or MP4, for slides (Ctrl+Shift+E)")),
            (self.save_session_action, self.tr("Save Session…"),
             self.tr("Save every tab, the network's weights and the lab's image in one file (Ctrl+Shift+S)")),
            (self.open_session_action, self.tr("Open Session…"), self.tr("Open a saved session file (Ctrl+Shift+O)")),
            (self.quit_action, self.tr("Quit"), ""),
            (self.fullscreen_action, self.tr("Full Screen"), self.tr("Fill the screen, for the projector (F11)")),
            (self.presenter_action, self.tr("Presenter Mode"),
             self.tr("Full screen, large views, clicker keys; Esc leaves it (F5)")),
            (self.zoom_in_action, self.tr("Zoom In"), self.tr("Larger text and drawings (Ctrl+=)")),
            (self.zoom_out_action, self.tr("Zoom Out"), self.tr("Smaller text and drawings (Ctrl+-)")),
            (self.zoom_reset_action, self.tr("Reset Zoom"), self.tr("Back to 100% (Ctrl+0)")),
            (self.terms_action, self.tr("Show English Terms"),
             self.tr("Write the English term beside key Chinese terms, for students who will read English books")),
            (self.language_actions[i18n.SYSTEM], self.tr("Follow the System"),
             self.tr("Use the computer's language")),
            (self.shortcuts_action, self.tr("Keyboard Shortcuts"), ""),
            (self.about_action, self.tr("About Glassbox"), ""),
        )
        for action, text, tip in texts:
            action.setText(text)
            action.setToolTip(tip or text)
            action.setStatusTip(tip)
        self.file_menu.setTitle(self.tr("&File"))
        self.recent_menu.setTitle(self.tr("Open Recent"))
        self.edit_menu.setTitle(self.tr("&Edit"))
        self.view_menu.setTitle(self.tr("&View"))
        self.train_menu.setTitle(self.tr("&Train"))
        self.device_menu.setTitle(self.tr("Device"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.language_menu.setTitle(self.tr("Language"))
        self.terms_action.setEnabled(i18n.current() != i18n.ENGLISH)  # it adds English to Chinese only
        self.toolbar.setWindowTitle(self.tr("Toolbar"))
        self.speed_label.setText(self.tr(" Speed "))

    # ------------------------------------------------------------------ language and zoom
    def apply_saved_zoom(self) -> None:
        """The zoom the window had when it was last closed."""
        ZOOM.set_factor(clamp_zoom(read_float(self.settings, ZOOM_KEY, 1.0, 0.1, 10.0)))

    def set_language(self, choice: str) -> None:
        """Switch now and remember: "zh_CN", "en" or "system"."""
        if choice not in self.language_actions:
            return
        self.language_actions[choice].setChecked(True)
        self.settings.setValue(LANGUAGE_KEY, choice)
        i18n.install(choice, terms=self.terms_action.isChecked())

    @Slot()
    def on_language_chosen(self) -> None:
        action = self.language_group.checkedAction()
        if action is not None:
            self.set_language(action.data())

    @Slot()
    def on_terms_toggled(self) -> None:
        on = self.terms_action.isChecked()
        self.settings.setValue(TERMS_KEY, on)
        i18n.install(i18n.current(), terms=on)

    @Slot()
    def reset_zoom(self) -> None:
        ZOOM.set_factor(1.0)

    @Slot(float)
    def on_zoom_changed(self, factor: float) -> None:
        self.settings.setValue(ZOOM_KEY, factor)
        self.zoom_in_action.setEnabled(factor < 2.5 - 1e-9)
        self.zoom_out_action.setEnabled(factor > 0.75 + 1e-9)
        self.window.statusBar().showMessage(self.tr("Zoom {0}%").format(round(factor * 100)), 2000)

    # ------------------------------------------------------------------ images, files and help
    @Slot()
    def open_image(self) -> None:
        self.window.tabs.setCurrentWidget(self.window.conv_tab)
        self.window.conv_tab.open_dialog()

    @Slot()
    def paste_image(self) -> None:
        self.window.tabs.setCurrentWidget(self.window.conv_tab)
        self.window.conv_tab.paste()

    def view_image_name(self) -> str:
        """A name after the visible tab and the time: network-2026-12-01-1430.png."""
        return f"{TAB_NAMES[self.window.tabs.currentIndex()]}-{datetime.now():%Y-%m-%d-%H%M}.png"

    @Slot()
    def save_view_image(self) -> None:
        path = self.ask_save_path(self.tr("Save View as Image"), self.view_image_name(), self.tr("PNG images (*.png)"))
        if not path:
            return
        try:  # encoded in memory, then written whole or not at all: a failed save leaves the old file as it was
            self.window.save_png(self.window.tabs.currentWidget().grab(), path)
        except GlassboxError as error:
            self.window.warn(i18n.say(error))

    @Slot()
    def export_animation(self) -> None:
        try:
            from gui.animation.dialog import export_animation
        except ImportError:
            self.window.show_status(self.tr("Exporting animations is not available in this version."))
            return
        export_animation(self.window)

    @Slot()
    def export_metrics(self) -> None:
        path = self.ask_save_path(self.tr("Export Metrics"), "metrics.csv", self.tr("CSV files (*.csv)"))
        if not path:
            return
        try:
            atomic_write(path, self.window.training_view.history.to_csv(), FileWriteError)
        except GlassboxError as error:
            self.window.warn(i18n.say(error))

    def ask_save_path(self, title: str, default_name: str, filters: str) -> str:
        folder = read_str(self.settings, "files/last_folder", "")
        path, _ = QFileDialog.getSaveFileName(self.window, title, f"{folder}/{default_name}" if folder else default_name,
                                              filters)
        if path:
            self.settings.setValue("files/last_folder", path.rsplit("/", 1)[0])
        return path

    @Slot()
    def show_shortcuts(self) -> None:
        QMessageBox.information(self.window, self.tr("Keyboard Shortcuts"), self.shortcuts_text())

    def shortcuts_text(self) -> str:
        return self.tr(
            "Training tab:\n"
            "  Space — play or pause training\n"
            "  Right arrow — one training step\n"
            "Network tab:\n"
            "  Space — play or pause one example's pass\n"
            "  Right arrow — animate one layer (a new example when the pass is done)\n"
            "  Shift+Right — to the end of the phase;  Left — back;  N — next example\n"
            "  Page Down / Page Up (a presentation clicker) — step and back, when no lesson is open\n"
            "  Click a neuron — its inspector;  click an edge — type a weight\n"
            "Convolution tab:\n"
            "  Ctrl+O — open an image;  Ctrl+V — paste one;  or drop a file on the window\n"
            "  Ctrl+Z — undo a stroke on the drawing\n"
            "  Kernel playground: P — play or pause;  . — step;  , — back;  End — to the end\n"
            "Autoencoder tab:\n"
            "  Space — train or pause;  Step on the toolbar — one training step\n"
            "  Click or drag on the plane of codes — decode that point\n"
            "Lessons:\n"
            "  Ctrl+L — open a lesson\n"
            "  Page Down / Page Up (a presentation clicker) — the next or previous scene, while a lesson is open;\n"
            "    the arrows and Space still step and play the view on screen\n"
            "  H — in presenter mode, fold the lesson's box to one line, or unfold it\n"
            "Everywhere:\n"
            "  Ctrl+R — reset the weights\n"
            "  Ctrl+S — save the current view as a PNG image\n"
            "  Ctrl+Shift+E — export an animation (GIF or MP4) of what this tab animates\n"
            "  Ctrl+E — export the metrics as CSV\n"
            "  Ctrl+Shift+S / Ctrl+Shift+O — save or open a session file\n"
            "  Ctrl+= / Ctrl+- / Ctrl+0 — zoom in, out, back to 100%\n"
            "  F5 — presenter mode: Page Down, Page Up, arrows and Space drive the visible tab (with a lesson open,\n"
            "    Page Down and Page Up move between scenes); Esc leaves\n"
            "  F11 — full screen, for the projector\n"
            "  Ctrl+Q — quit"
        )

    @Slot()
    def show_about(self) -> None:
        QMessageBox.about(self.window, self.tr("About Glassbox"), self.tr(
            "<h3>Glassbox {0}</h3><p>Opens the black box of a neural network for the classroom: "
            "watch a real PyTorch network train, live.</p><p>PySide6, pyqtgraph, NumPy and PyTorch.</p>"
        ).format(__version__))
