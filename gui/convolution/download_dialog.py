"""DownloadDialog: fetch MNIST, Fashion-MNIST or CIFAR-10 with a progress bar, a Cancel and a Try again.

The dialog drives the core generator `core.data.downloads.download` in a worker thread on the worker base
(DESIGN.md habits 3 and 4): a `threading.Event` read through `should_stop` cancels it
between chunks, and the worker reports throttled progress, one failure sentence, or the
finished paths through signals. The dialog closes only once that thread has ended, so
Cancel, Esc and the window's X all wait for the core to remove its unfinished file.
"""

from __future__ import annotations

import contextlib
import os
import time
from pathlib import Path
from typing import Sequence

from PySide6.QtCore import QDir, QLocale, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import (
    QDialog, QHBoxLayout, QLabel, QMessageBox, QProgressBar, QPushButton, QVBoxLayout, QWidget,
)

from core.data.downloads import DownloadProgress, RemoteFile, dataset_dir, dataset_source, download, is_downloaded
from core.errors import GlassboxError
from gui.convolution.looks import in_language
from gui.i18n import say
from gui.style import theme
from gui.threads import LIVE_THREADS, Worker, stop_thread, thread_for

REPORTS_PER_SECOND = 20
PROGRESS_STEPS = 1000  # the bar counts per mille: CIFAR-10's bytes would crowd a 32-bit range
ERROR_STYLE = (f"background: {theme.WARNING_BACKGROUND}; color: #8A2B00; "
               f"border-left: 6px solid {theme.VERMILLION}; padding: 8px;")
DETAIL_STYLE = f"color: {theme.GREY};"


def tr(text: str) -> str:
    """The current language's text (lupdate files these under the empty context)."""
    return in_language(text)


def format_size(count: int) -> str:
    """Bytes as a person reads them, in SI units and the user's locale: '11.6 MB'."""
    return QLocale().formattedDataSize(count, 1, QLocale.DataSizeFormat.DataSizeSIFormat)


class DownloadWorker(Worker):
    """Runs one download in a worker thread, on the worker base; talks to the dialog only through signals.

    The download is the whole job: it runs as the thread starts, and the loop ends with it. An
    unexpected error follows the base's policy (`failed`, one sentence) and still ends the thread.
    """

    REPORTS_PER_SECOND = float(REPORTS_PER_SECOND)

    progressed = Signal(object)  # DownloadProgress, at most REPORTS_PER_SECOND a second plus each file's start and end
    succeeded = Signal(object)  # list[Path] of the finished files
    # failed (one sentence; a cancel ends there too, with the core's sentence) and finished (always last): the base's

    def __init__(self, dataset_name: str, cache_dir, base_url: str | None, files: Sequence[RemoteFile] | None):
        super().__init__(time.monotonic)
        self._arguments = dict(name=dataset_name, cache_dir=cache_dir, base_url=base_url, files=files)

    def started(self) -> None:
        try:
            paths = self._download()
        except GlassboxError as error:
            self.failed.emit(say(error))
        else:
            self.succeeded.emit(paths)
        finally:
            self.stop()  # one job: the loop ends with it

    def failure_sentence(self, error: BaseException) -> str:
        return tr("The download stopped unexpectedly ({0}); try again.").format(error)

    def _cancelled(self) -> bool:
        return self.stopping

    def _download(self) -> list[Path]:
        generator = download(should_stop=self._cancelled, **self._arguments)
        last_key = None
        with contextlib.closing(generator):
            while True:
                try:
                    record = next(generator)
                except StopIteration as end:
                    return list(end.value)
                # A new file, a finished file and the last byte always go out, so the dialog
                # never shows a stale file name; the bytes in between are throttled.
                key = (record.file_name, record.files_done, record.bytes_done == record.bytes_total)
                if self.report_due(force=key != last_key):
                    self.report_sent()
                    self.progressed.emit(record)
                    last_key = key


class DownloadDialog(QDialog):
    """Downloads one dataset into the cache; `exec()` is Accepted once every file is verified.

    After it closes, `paths` holds the finished files (success) and `error_text` the
    sentence of the last failure or of the cancel (otherwise "").
    """

    def __init__(self, dataset_name: str, cache_dir: str | os.PathLike | None = None, parent: QWidget | None = None,
                 base_url: str | None = None, files: Sequence[RemoteFile] | None = None):
        super().__init__(parent)
        self._source = dataset_source(dataset_name)
        files = tuple(files) if files is not None else None
        self._arguments = (dataset_name, cache_dir, base_url, files)
        self._files = files if files is not None else self._source.files
        self._folder = dataset_dir(dataset_name, cache_dir)
        self.paths: list[Path] = []
        self.error_text = ""
        self._worker: DownloadWorker | None = None
        self._thread: QThread | None = None
        self._spent_thread: QThread | None = None  # kept until the next start: not deleted inside its own signal
        self._started = self._cancelling = False
        self._outcome: tuple[str, object] | None = None
        self._bytes_by_file: dict[str, int] = {}
        self._totals_seen: dict[str, int] = {}
        self._build()

    # ------------------------------------------------------------------ building
    def _build(self) -> None:
        self.setWindowTitle(self.tr("Download {0}").format(self._source.title))
        self.setMinimumWidth(620)
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        self.title_label = self._label(self.tr("Downloading {0}").format(self._source.title),
                                       theme.font(theme.TITLE_POINT_SIZE, bold=True))
        self.folder_label = self._label(self.tr("Into: {0}").format(QDir.toNativeSeparators(str(self._folder))),
                                        theme.font(theme.BASE_POINT_SIZE), selectable=True)
        self.file_label = self._label("", theme.font(theme.BASE_POINT_SIZE + 1))
        self.progress_bar = QProgressBar()
        self.progress_bar.setFont(theme.font(theme.BASE_POINT_SIZE + 1, bold=True))
        self.progress_bar.setMinimumHeight(34)
        self.detail_label = self._label("", theme.font(theme.BASE_POINT_SIZE + 1))
        self.error_label = self._label("", theme.font(theme.BASE_POINT_SIZE + 1, bold=True), selectable=True)
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.error_label.hide()
        for widget in (self.title_label, self.folder_label, self.file_label, self.progress_bar,
                       self.detail_label, self.error_label):
            layout.addWidget(widget)
        layout.addStretch(1)
        self.retry_button = QPushButton(self.tr("Try again"))
        self.cancel_button = QPushButton(self.tr("Cancel"))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.retry_button, self.cancel_button):
            button.setFont(theme.font(theme.BASE_POINT_SIZE + 1))
            button.setMinimumHeight(36)
            button.setAutoDefault(False)  # Enter must not cancel a download by accident
            buttons.addWidget(button)
        self.retry_button.hide()
        layout.addLayout(buttons)
        self.retry_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.reject)

    @staticmethod
    def _label(text: str, font, selectable: bool = False) -> QLabel:
        label = QLabel(text)
        label.setFont(font)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)  # file names and sentences are data, not markup
        if selectable:
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                          | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        return label

    # ------------------------------------------------------------------ commands
    def is_running(self) -> bool:
        """Whether a worker thread exists (downloading, or finishing a cancel)."""
        return self._thread is not None

    @Slot()
    def start(self) -> None:
        """Start the download, or start it again after a failure; nothing while one runs."""
        if self._thread is not None:
            return
        self._started = True
        self._cancelling, self._outcome = False, None
        self.error_text, self.paths = "", []
        self._bytes_by_file.clear()
        self._totals_seen.clear()
        self.error_label.hide()
        self.retry_button.hide()
        self.title_label.setText(self.tr("Downloading {0}").format(self._source.title))
        self.cancel_button.setText(self.tr("Cancel"))
        self.cancel_button.setEnabled(True)
        self.progress_bar.setEnabled(True)
        self.file_label.setText(self.tr("Connecting…"))
        self.file_label.show()
        self.detail_label.setText("")
        self._show_amount()

        worker = DownloadWorker(*self._arguments)
        thread = thread_for(worker, "glassbox-download")
        # Connected before the start: a download of files already cached can end at once.
        worker.progressed.connect(self._on_progressed)
        worker.failed.connect(self._on_failed)
        worker.succeeded.connect(self._on_succeeded)
        thread.finished.connect(self._on_thread_finished)
        self._worker, self._thread, self._spent_thread = worker, thread, None
        thread.start()

    @Slot()
    def cancel(self) -> None:
        """Ask the worker to stop; the dialog rejects once it has (the core removes its .part first)."""
        if self._thread is None or self._cancelling:
            return
        self._cancelling = True
        self._worker.stop()
        self.cancel_button.setEnabled(False)
        self.cancel_button.setText(self.tr("Cancelling…"))
        self.detail_label.setText(self.tr("Stopping after the current piece…"))

    def shutdown(self, timeout_ms: int = 2000) -> bool:
        """Stop the download and wait for its thread (the app is quitting, or the dialog's loop ended without
        it): the core notices within a fraction of a second whatever the server does. True once it has ended."""
        thread = self._thread
        if thread is None:
            return True
        self._cancelling = True
        if not stop_thread(self._worker, thread, timeout_ms):
            return False
        self._on_thread_finished()
        return True

    def reject(self) -> None:
        """Cancel, Esc and the window's X: while downloading, cancel and close once the thread has ended."""
        if self._thread is not None:
            self.cancel()
            return
        super().reject()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        if not self._started:
            self.start()

    # ------------------------------------------------------------------ worker reports
    @Slot(object)
    def _on_progressed(self, record: DownloadProgress) -> None:
        if self._worker is not None:
            self._worker.report_consumed()  # the next may come
        self._bytes_by_file[record.file_name] = record.bytes_done
        if record.bytes_total is not None:
            self._totals_seen[record.file_name] = record.bytes_total
        if self._cancelling:
            return  # keep saying "Cancelling"
        count = record.files_total
        current = record.files_done < count and self._files[record.files_done].name == record.file_name
        number = min(record.files_done + 1 if current else record.files_done, count)
        self.file_label.setText(self.tr("File: {0}").format(record.file_name))
        done, total = self._show_amount()
        if total is None:
            amount = self.tr("{0} so far").format(format_size(done))
        else:
            amount = self.tr("{0} of {1}").format(format_size(done), format_size(total))
        self.detail_label.setText(self.tr("{0} · file {1} of {2}").format(amount, number, count))

    def _show_amount(self) -> tuple[int, int | None]:
        """Set the bar from the bytes so far; busy while any file's size is unknown."""
        sizes = [remote.size if remote.size is not None else self._totals_seen.get(remote.name)
                 for remote in self._files]
        done = sum(self._bytes_by_file.values())
        if any(size is None for size in sizes):
            self.progress_bar.setRange(0, 0)
            return done, None
        total = sum(sizes)
        self.progress_bar.setRange(0, PROGRESS_STEPS)
        self.progress_bar.setValue(PROGRESS_STEPS if total == 0 else min(PROGRESS_STEPS, done * PROGRESS_STEPS // total))
        return done, total

    @Slot(str)
    def _on_failed(self, sentence: str) -> None:
        self._outcome = ("failed", sentence)

    @Slot(object)
    def _on_succeeded(self, paths: list) -> None:
        self._outcome = ("succeeded", paths)

    @Slot()
    def _on_thread_finished(self) -> None:
        """The thread has ended: only now accept, reject or show the failure."""
        thread = self._thread
        if thread is None:
            return
        thread.wait()
        LIVE_THREADS.pop(thread, None)
        self._thread, self._worker, self._spent_thread = None, None, thread  # the worker deletes itself
        kind, value = self._outcome or ("failed", self.tr("The download stopped without a word; try again."))
        if kind == "succeeded":
            self.paths = list(value)
            self.accept()
        elif self._cancelling:
            self.error_text = value
            super().reject()
        else:
            self._show_failure(value)

    def _show_failure(self, sentence: str) -> None:
        self.error_text = sentence
        self.error_label.setText(sentence)
        self.error_label.show()
        if not self._bytes_by_file:  # no file was ever reached: "Connecting…" would be wrong now
            self.file_label.hide()
        if self.progress_bar.maximum() == 0:  # a busy bar would keep moving
            self.progress_bar.setRange(0, PROGRESS_STEPS)
            self.progress_bar.setValue(0)
        self.progress_bar.setEnabled(False)
        self.title_label.setText(self.tr("{0} could not be downloaded").format(self._source.title))
        self.detail_label.setText("")
        self.cancel_button.setText(self.tr("Close"))
        self.cancel_button.setEnabled(True)
        self.retry_button.show()
        self.retry_button.setDefault(True)
        self.retry_button.setFocus()
        self._fit_height()

    def _fit_height(self) -> None:
        """Grow to show every wrapped line; a window does not follow its labels' height-for-width."""
        layout = self.layout()
        layout.activate()
        needed = layout.totalHeightForWidth(self.width())
        if needed > self.height():
            self.resize(self.width(), needed)


def ensure_downloaded(parent: QWidget | None, dataset_name: str, cache_dir: str | os.PathLike | None = None, *,
                      ask: bool = True, base_url: str | None = None,
                      files: Sequence[RemoteFile] | None = None) -> bool:
    """True when `dataset_name`'s files are in the cache, downloading them (after asking) if not.

    `ask=False` skips the question; `base_url` and `files` go to the core's `download`
    (for tests against a loopback server).
    """
    if is_downloaded(dataset_name, cache_dir):
        return True
    if ask:
        source = dataset_source(dataset_name)
        folder = dataset_dir(dataset_name, cache_dir)
        missing = [remote for remote in (files or source.files) if not (folder / remote.name).is_file()]
        sizes = [remote.size for remote in missing]
        where = QDir.toNativeSeparators(str(folder))
        if all(size is not None for size in sizes):
            question = tr("Download {0} (about {1}) into {2}?").format(
                source.title, format_size(sum(sizes)), where)
        else:
            question = tr("Download {0} into {1}?").format(source.title, where)
        answer = QMessageBox.question(parent, tr("Download a dataset"), question,
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.Yes)
        if answer != QMessageBox.StandardButton.Yes:
            return False
    dialog = DownloadDialog(dataset_name, cache_dir, parent, base_url=base_url, files=files)
    try:
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
    finally:
        dialog.shutdown()  # exec() also returns when the app quits mid-download: never leave its thread running
        dialog.deleteLater()
    return accepted and is_downloaded(dataset_name, cache_dir)
