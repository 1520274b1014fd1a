"""File › Export Animation…: film what the visible tab animates, as a GIF or an MP4 for slides.

The dialog does not block the window: a live recording films what the teacher does meanwhile
(training, drawing). What it offers comes from dialog_choices.py, its settings from dialog_form.py;
the frames go through an AnimationRecorder into core.animation's writer, with a progress bar and
Cancel. A bad value or an unwritable file is one sentence in the dialog, which stays open with the
settings. Closing the window cancels a recording: the dialog watches the window's Close event
(and `shutdown_animation(window)` does the same, for a window that prefers to say so).
"""

from __future__ import annotations

import logging
import os

from PySide6.QtCore import QEvent, QObject, Slot
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QProgressBar, QVBoxLayout

from core.animation.settings import check_animation
from core.errors import AnimationError, GlassboxError
from core.files import shown_name, size_text, writable_target
from gui import i18n
from gui.animation.dialog_choices import AnimationChoices, ask_yes_no
from gui.animation.dialog_form import AnimationForm
from gui.animation.recorder import AnimationRecorder
from gui.style import theme
from gui.style.zoom import ZOOM

log = logging.getLogger("glassbox")

DIALOG_NAME = "animation-dialog"  # one per window: File › Export Animation… raises it again


class AnimationDialog(QDialog):
    """The settings, then Record: progress and Cancel; one sentence if it goes wrong; the status bar at the end."""

    def __init__(self, window, ask=ask_yes_no):
        super().__init__(window)
        self.setObjectName(DIALOG_NAME)
        self.window_ = window
        self.choices = AnimationChoices(window, ask)
        self.recorder = AnimationRecorder(self)
        self.form = AnimationForm(window.settings)
        self.progress = QProgressBar()
        self.progress.hide()
        self.status = QLabel(wordWrap=True)
        self.buttons = QDialogButtonBox()
        self.record_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.cancel_button.setEnabled(False)
        layout = QVBoxLayout(self)
        for widget in (self.form, self.progress, self.status, self.buttons):
            layout.addWidget(widget)

        self.record_button.clicked.connect(self.record)
        self.cancel_button.clicked.connect(self.recorder.cancel)
        self.close_button.clicked.connect(self.close)
        self.form.ready_changed.connect(self._on_ready_changed)
        self.recorder.progressed.connect(self._on_progress)
        self.recorder.finishing.connect(self._on_finishing)
        self.recorder.finished.connect(self._on_finished)
        self.recorder.failed.connect(self._on_failed)
        self.recorder.cancelled.connect(self._on_cancelled)
        window.tabs.currentChanged.connect(self._on_tab_news)
        # What becomes possible while the dialog is open: an example stepped, a race computed, an image loaded.
        window.session.trace_recorded.connect(self._on_tab_news)
        window.conv_tab.state_changed.connect(self._on_tab_news)
        self._watching_race = False
        window.installEventFilter(self)  # its Close event cancels a recording
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Export Animation"))
        self.record_button.setText(self.tr("Record"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.refresh()  # the choices' names and notes
        self.form.retranslate()

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "form"):
            self.retranslate()
        super().changeEvent(event)

    # ------------------------------------------------------------------ the visible tab
    def refresh(self) -> None:
        """Read the visible tab again: its choices, and whether each can be filmed now."""
        if self.recorder.busy:
            return
        self.form.show_choices(self.choices.for_visible_tab())
        self._fit()
        view = self.window_.landscape_tab.view
        if view is not None and not self._watching_race:  # built: a race computed may make it recordable
            self._watching_race = True
            view.surfaces.race_computed.connect(self._on_tab_news)

    @Slot()
    def _on_tab_news(self, *_args) -> None:
        if self.isVisible():
            self.refresh()

    @Slot(bool)
    def _on_ready_changed(self, ready: bool) -> None:
        """After any change of the settings (another choice brings another note, perhaps longer)."""
        self.record_button.setEnabled(ready and not self.recorder.busy)
        self._fit()

    # ------------------------------------------------------------------ recording
    @Slot()
    def record(self) -> bool:
        """Start filming; False (with one sentence in the dialog) when it cannot start."""
        if self.recorder.busy:
            return False
        self.refresh()  # the tab's newest numbers (a trace stepped since the dialog opened)
        form, choice = self.form, self.form.choice()
        if choice is None:
            return False
        if choice.problem:
            return self._say(choice.problem, error=True)
        from core.animation.writer import open_animation  # its encoder is found only when a film is made

        size, fps, seconds, path = form.film_size(), form.fps_spin.value(), form.seconds_spin.value(), form.path()
        try:
            check_animation(path, size, fps, seconds)  # every value and the file, said before anything starts
            writable_target(path, AnimationError)
            source = choice.make(size, fps, seconds)
        except GlassboxError as error:
            return self._say(i18n.say(error), error=True)
        except Exception as error:  # noqa: BLE001 - one sentence, the log has the details, the window goes on
            log.exception("preparing an animation failed")
            return self._say(self.tr("The animation could not be prepared ({0}); nothing was saved.").format(
                type(error).__name__), error=True)
        if choice.live and not self.choices.prepare(choice, self):
            getattr(source, "close", lambda: None)()
            return False
        try:
            writer = open_animation(path, size, fps, seconds)
        except GlassboxError as error:
            getattr(source, "close", lambda: None)()
            return self._say(i18n.say(error), error=True)
        form.remember()
        self._set_recording(True)
        self._say(self.tr("Recording live for {0} s: do now what the film should show.").format(seconds)
                  if choice.live else self.tr("Drawing the frames…"))
        self.recorder.start(source, writer, path)
        return True

    def _set_recording(self, on: bool) -> None:
        self.form.set_enabled(not on)
        self.cancel_button.setEnabled(on)
        self.progress.setVisible(on)
        if on:
            self.record_button.setEnabled(False)
        else:
            self.refresh()  # the tab may have changed while it was filmed
            self.record_button.setEnabled(self.form.ready)

    def _say(self, text: str, error: bool = False) -> bool:
        self.status.setText(text)
        self.status.setStyleSheet(f"color: {theme.VERMILLION}; font-weight: bold;" if error else "")
        self._fit()
        return False

    def _fit(self) -> None:
        """Grow (or shrink) to the texts now shown: a wrapped note or sentence never ends cut off."""
        self.setMinimumWidth(ZOOM.px(560))  # room for the notes at any zoom; their lines wrap, never cut
        self.layout().activate()
        hint = self.sizeHint()
        self.resize(max(self.width(), hint.width()), max(hint.height(), self.minimumSizeHint().height()))

    @Slot(int, int)
    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(1, total))
        self.progress.setValue(done)
        self.progress.setFormat(self.tr("{0} of {1} frames").format(done, total))

    @Slot()
    def _on_finishing(self) -> None:
        self.progress.setRange(0, 0)  # busy: the writer assembles the file
        self._say(self.tr("Writing the file…"))

    @Slot(str)
    def _on_finished(self, path: str) -> None:
        self._set_recording(False)
        try:
            size = size_text(os.path.getsize(path))
        except OSError:
            size = "?"
        sentence = self.tr("Saved the animation to {0} ({1} frames, {2}).").format(
            shown_name(path), self.recorder.frames_done, size)
        self._say(sentence)
        self.window_.statusBar().showMessage(sentence, 15000)
        self.hide()

    @Slot(str)
    def _on_failed(self, sentence: str) -> None:
        self._set_recording(False)
        self._say(sentence, error=True)

    @Slot()
    def _on_cancelled(self) -> None:
        self._set_recording(False)
        self._say(self.tr("Cancelled; nothing was saved."))

    # ------------------------------------------------------------------ showing and closing
    def shutdown(self) -> None:
        """Cancel a recording and give its writer a moment to clean up (the window is closing)."""
        self.recorder.cancel()
        self.recorder.wait_for_writer(0.5)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if watched is self.window_ and event.type() == QEvent.Type.Close:
            self.shutdown()
        return False

    def showEvent(self, event) -> None:  # noqa: N802
        if not self.recorder.busy:
            self.refresh()
            self._say("")
        super().showEvent(event)

    def closeEvent(self, event) -> None:  # noqa: N802
        """Closing the dialog while filming cancels the film (nothing half-written stays)."""
        self.recorder.cancel()
        super().closeEvent(event)

    def reject(self) -> None:  # Esc: as closing
        self.recorder.cancel()
        super().reject()


def export_animation(window, ask=ask_yes_no) -> AnimationDialog:
    """File › Export Animation…: show the window's animation dialog (one per window), up to date."""
    dialog = window.findChild(AnimationDialog, DIALOG_NAME)
    if dialog is None:
        dialog = AnimationDialog(window, ask)
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    return dialog


def shutdown_animation(window) -> None:
    """Cancel any recording of `window`'s animation dialog (safe when there is none)."""
    dialog = window.findChild(AnimationDialog, DIALOG_NAME)
    if dialog is not None:
        dialog.shutdown()
