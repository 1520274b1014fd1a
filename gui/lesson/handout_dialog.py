"""Lesson › Export Handout (PDF)…: the language, the file, then a progress bar with Cancel while it works.

The pictures are the real views: ScenePictures enters each scene in the window (the class
sees it flip through), then the window goes back to the scene it was on. The PDF is then
drawn a page at a time on a timer (HandoutDrawing), so the window never freezes, and
written whole or not at all. Cancel stops at once and writes nothing.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QCoreApplication, QEvent, QStandardPaths, Qt, QTimer, Slot
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout, QLabel,
                               QLayout, QLineEdit, QProgressBar, QPushButton, QVBoxLayout, QWidget)

from core.errors import GlassboxError
from core.files import FileWriteError, atomic_write, shown_name, writable_target
from gui import i18n
from gui.lesson.handout import HandoutDrawing
from gui.lesson.scene_pictures import ScenePictures

LANGUAGES = (("zh_CN", "中文"), ("en", "English"))  # each named in itself, as the View › Language menu does
FOLDER_KEY = "files/last_folder"  # the folder the window's other Save dialogs remember
INTRO_CHARACTERS = 44  # the intro's width in average characters: a readable line


def export_handout(window, lesson=None) -> HandoutDialog | None:
    """Open the handout dialog for `lesson` (default: the lesson open in the player); one at a time."""
    lesson = lesson if lesson is not None else window.lessons.player.lesson
    if lesson is None:
        window.warn(QCoreApplication.translate("HandoutDialog", "Open a lesson first (Lesson › Open Lesson…); its "
                                                                "handout is made from its scenes."))
        return None
    dialog = getattr(window, "_handout_dialog", None)
    try:
        showing = isinstance(dialog, HandoutDialog) and dialog.isVisible()
    except RuntimeError:  # closed: Qt deleted it
        showing = False
    if showing:
        dialog.raise_()
        dialog.activateWindow()
        return dialog
    dialog = HandoutDialog(window, lesson)
    window._handout_dialog = dialog
    dialog.show()
    return dialog


class HandoutDialog(QDialog):
    def __init__(self, window, lesson, parent: QWidget | None = None):
        super().__init__(parent if parent is not None else window if isinstance(window, QWidget) else None)
        self.main_window, self.lesson = window, lesson
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.pictures: ScenePictures | None = None
        self.drawing: HandoutDrawing | None = None
        self.path = ""
        self.language_box = QComboBox()
        for code, name in LANGUAGES:
            self.language_box.addItem(name, code)
        self.language_box.setCurrentIndex(0 if i18n.current() == "zh_CN" else 1)
        self.file_edit = QLineEdit(self._default_path())
        self.choose_button = QPushButton()
        self.choose_button.clicked.connect(self.choose_file)
        file_row = QHBoxLayout()
        file_row.addWidget(self.file_edit, 1)
        file_row.addWidget(self.choose_button)
        self.form = QFormLayout()
        self.language_label, self.file_label = QLabel(), QLabel()
        self.form.addRow(self.language_label, self.language_box)
        self.form.addRow(self.file_label, file_row)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.progress.hide()  # until the work starts
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox()
        self.export_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.export_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)  # the wrapped intro gets its height
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self._step_timer = QTimer(self)
        self._step_timer.setInterval(0)
        self._step_timer.timeout.connect(self._draw_next)
        self.retranslate()

    # ------------------------------------------------------------------ texts
    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Export Handout (PDF)"))
        self.intro.setText(self.tr("A worksheet to print: every scene's title, text, task and a picture of its view, "
                                   "with room for answers. The window shows each scene in turn while its picture "
                                   "is taken."))
        self.language_label.setText(self.tr("Language:"))
        self.file_label.setText(self.tr("File:"))
        self.choose_button.setText(self.tr("Choose…"))
        self.export_button.setText(self.tr("Export"))
        self._fit_intro()

    def _fit_intro(self) -> None:
        """Room for every line of the wrapped intro (a dialog does not ask a wrapped label its height for a width)."""
        width = self.intro.fontMetrics().averageCharWidth() * INTRO_CHARACTERS
        self.intro.setMinimumWidth(width)
        self.intro.setMinimumHeight(self.intro.heightForWidth(width))

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        elif event.type() == QEvent.Type.FontChange:  # View › Zoom
            self._fit_intro()
        super().changeEvent(event)

    @property
    def language(self) -> str:
        return self.language_box.currentData()

    @property
    def running(self) -> bool:
        return self.pictures is not None or self.drawing is not None

    # ------------------------------------------------------------------ the file
    def _default_path(self) -> str:
        """In the folder the last Save went to, else the user's documents: "<lesson>-handout.pdf"."""
        folder = str(self.main_window.settings.value(FOLDER_KEY, "") or "")
        if not folder or not os.path.isdir(folder):
            folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or \
                os.path.expanduser("~")
        return os.path.join(folder, f"{self.lesson.id}-handout.pdf")

    @Slot()
    def choose_file(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save Handout"), self.file_edit.text(),
                                              self.tr("PDF files (*.pdf)"))
        if path:
            self.file_edit.setText(path if path.lower().endswith(".pdf") else path + ".pdf")

    # ------------------------------------------------------------------ the work
    @Slot()
    def start(self) -> None:
        if self.running:
            return
        path = os.path.abspath(os.path.expanduser(self.file_edit.text().strip()))
        if not self.file_edit.text().strip():
            self.status.setText(self.tr("Give the file a name."))
            return
        try:
            writable_target(path, FileWriteError)  # a bad folder fails now, not after a minute of pictures
        except GlassboxError as error:
            self.status.setText(i18n.say(error))
            return
        self.path = path
        self.main_window.settings.setValue(FOLDER_KEY, os.path.dirname(path))
        self._set_inputs_enabled(False)
        count = len(self.lesson.scenes)
        self.progress.setRange(0, 2 * count + 1)  # a picture per scene, then a page per scene and the cover
        self.progress.setValue(0)
        self.progress.show()
        if self.main_window.lessons.player.lesson is not self.lesson:
            self.main_window.lessons.open_lesson(self.lesson)
        self.pictures = ScenePictures(self.main_window, parent=self)
        self.pictures.progressed.connect(self.on_pictures_progressed)
        self.pictures.finished.connect(self.on_pictures_finished)
        self.pictures.cancelled.connect(self.on_pictures_cancelled)
        self.pictures.start()

    @Slot(int, int)
    def on_pictures_progressed(self, done: int, total: int) -> None:
        self.progress.setValue(done)
        if done < total:
            self.status.setText(self.tr("Taking the picture of scene {0} of {1}…").format(done + 1, total))

    @Slot(list)
    def on_pictures_finished(self, pictures: list) -> None:
        self.pictures = None
        self.status.setText(self.tr("Drawing the pages…"))
        self.drawing = HandoutDrawing(self.lesson, self.language, pictures)
        self._step_timer.start()

    @Slot()
    def on_pictures_cancelled(self) -> None:
        """Stopped from outside (the window is closing): nothing is written."""
        if self.pictures is not None:
            self.pictures = None
            self.status.setText(self.tr("Cancelled; nothing was written."))
            self._set_inputs_enabled(True)
            self.progress.hide()

    @Slot()
    def _draw_next(self) -> None:
        drawing = self.drawing
        if drawing is None:
            self._step_timer.stop()
            return
        more = drawing.draw_next()
        self.progress.setValue(len(self.lesson.scenes) + drawing.done)
        if more:
            return
        self._step_timer.stop()
        self.drawing = None
        try:
            atomic_write(self.path, drawing.finish(), FileWriteError)
        except GlassboxError as error:
            self.status.setText(i18n.say(error))
            self._set_inputs_enabled(True)
            return
        self.main_window.show_status(self.tr("Saved the handout to {0}.").format(shown_name(self.path)))
        self.accept()

    def cancel_work(self) -> None:
        """Stop whatever runs; nothing is written, and the window goes back to its scene."""
        self._step_timer.stop()
        if self.pictures is not None:
            pictures, self.pictures = self.pictures, None
            pictures.cancel()
        if self.drawing is not None:
            drawing, self.drawing = self.drawing, None
            drawing.abort()

    def reject(self) -> None:
        if self.running:
            self.cancel_work()
            self.status.setText(self.tr("Cancelled; nothing was written."))
            self._set_inputs_enabled(True)
            self.progress.hide()
            return  # a second Cancel closes the dialog
        super().reject()

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        self.cancel_work()
        super().closeEvent(event)

    def _set_inputs_enabled(self, enabled: bool) -> None:
        for widget in (self.language_box, self.file_edit, self.choose_button, self.export_button):
            widget.setEnabled(enabled)
