"""The download dialog, running the real core downloader against a loopback server.

Nothing reaches the internet: `base_url` points at 127.0.0.1 and `files=` carries the
checksums and sizes of bytes made here. A server that stops after the first piece of a
file, until the test lets it go on, puts a cancel in the middle of a file without any sleep.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import http.server
import logging
import re
import socket
import threading

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox

from core.data.downloads import DATASET_SOURCES, dataset_dir, is_downloaded
from gui.convolution import download_dialog
from gui.convolution.download_dialog import PROGRESS_STEPS, DownloadDialog, ensure_downloaded
from gui.threads import LIVE_THREADS

FIRST_PIECE = 64 * 1024  # what a "stall-after" file sends before it waits for the test
MNIST_NAMES = [remote.name for remote in DATASET_SOURCES["mnist"].files]
TIMEOUT_MS = 10_000


class FileServer:
    """Serves `files` by name; `modes[name]`: "ok", "drop" (promise 1000 bytes more than
    it sends) or "stall-after" (send FIRST_PIECE bytes, then wait for `released`).
    Names in `hide_length` get no Content-Length.
    """

    def __init__(self):
        self.files: dict[str, bytes] = {}
        self.modes: dict[str, str] = {}
        self.hide_length: set[str] = set()
        self.released = threading.Event()
        server = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                name = self.path.rsplit("/", 1)[-1]
                if name not in server.files:
                    self.send_error(404)
                    return
                data, mode = server.files[name], server.modes.get(name, "ok")
                self.send_response(200)
                if name not in server.hide_length:
                    self.send_header("Content-Length", str(len(data) + (1000 if mode == "drop" else 0)))
                self.end_headers()
                start = 0
                if mode == "stall-after":
                    self.wfile.write(data[:FIRST_PIECE])
                    self.wfile.flush()
                    server.released.wait(TIMEOUT_MS / 1000)
                    start = FIRST_PIECE
                for offset in range(start, len(data), 16 * 1024):
                    self.wfile.write(data[offset:offset + 16 * 1024])
                # HTTP/1.0: the connection closes when this returns, so "drop" is cut short

            def log_message(self, *args):
                pass

        class Server(http.server.ThreadingHTTPServer):
            daemon_threads = True

            def handle_error(self, request, client_address):
                pass  # a cancelled client breaks the pipe; that is the point

        self.httpd = Server(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.httpd.serve_forever, args=(0.05,), daemon=True)
        self.thread.start()

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}/data/"

    def close(self):
        self.released.set()
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(5)


@pytest.fixture
def server():
    running = FileServer()
    yield running
    running.close()


def registry(served: dict[str, bytes], size: bool = True):
    """MNIST's registry entries with the checksums (and sizes) of the bytes served here."""
    return [dataclasses.replace(remote, checksum="md5:" + hashlib.md5(served[remote.name]).hexdigest(),
                                size=len(served[remote.name]) if size else None)
            for remote in DATASET_SOURCES["mnist"].files]


@pytest.fixture
def mnist(server):
    """Four files of made-up bytes on the server; the second one spans many chunks."""
    rng = np.random.default_rng(7)
    served = {name: rng.bytes(length) for name, length in zip(MNIST_NAMES, (30_000, 1024 * 1024, 9_000, 500))}
    server.files.update(served)
    return served, registry(served)


def leftovers(tmp_path) -> list[str]:
    folder = tmp_path / "mnist"
    return sorted(path.name for path in folder.iterdir()) if folder.exists() else []


def make_dialog(qtbot, tmp_path, server, files) -> DownloadDialog:
    dialog = DownloadDialog("mnist", tmp_path, base_url=server.base_url, files=files)
    qtbot.addWidget(dialog)
    return dialog


def run_to_failure(qtbot, dialog: DownloadDialog) -> None:
    dialog.show()  # showing starts the download
    qtbot.waitUntil(lambda: not dialog.is_running() and not dialog.error_label.isHidden(), timeout=TIMEOUT_MS)


def assert_failed_state(dialog: DownloadDialog, pattern: str) -> None:
    assert re.search(pattern, dialog.error_label.text())
    assert dialog.error_text == dialog.error_label.text()
    assert dialog.error_label.isVisible() and dialog.error_label.wordWrap()
    assert dialog.error_label.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse
    assert dialog.retry_button.isVisible() and dialog.retry_button.text() == "Try again"
    assert dialog.cancel_button.text() == "Close" and dialog.cancel_button.isEnabled()
    assert not dialog.progress_bar.isEnabled() and dialog.progress_bar.maximum() > 0  # not a moving busy bar
    assert dialog.isVisible() and not dialog.is_running()


# ---- success ---------------------------------------------------------------------------

def test_good_download_accepts_with_the_files_in_place_and_a_full_bar(qtbot, tmp_path, server, mnist):
    served, files = mnist
    dialog = make_dialog(qtbot, tmp_path, server, files)
    assert dialog.folder_label.text().endswith(str(tmp_path / "mnist"))
    with qtbot.waitSignal(dialog.finished, timeout=TIMEOUT_MS):
        dialog.show()
    assert dialog.result() == QDialog.DialogCode.Accepted and not dialog.is_running()
    assert dialog.paths == [tmp_path / "mnist" / name for name in MNIST_NAMES]
    for path in dialog.paths:
        assert path.read_bytes() == served[path.name]
    assert leftovers(tmp_path) == sorted(MNIST_NAMES)  # no .part
    assert dialog.progress_bar.value() == dialog.progress_bar.maximum() == PROGRESS_STEPS
    total = sum(len(data) for data in served.values())
    assert dialog.detail_label.text() == f"{download_dialog.format_size(total)} of " \
                                         f"{download_dialog.format_size(total)} · file 4 of 4"
    assert dialog.file_label.text() == "File: " + MNIST_NAMES[-1] and dialog.error_text == ""
    assert dialog.title_label.text() == "Downloading MNIST handwritten digits"


def test_unknown_sizes_show_a_busy_bar_and_the_bytes_so_far(qtbot, tmp_path, server, mnist):
    served, _ = mnist
    server.hide_length.update(served)
    server.modes[MNIST_NAMES[1]] = "stall-after"
    dialog = make_dialog(qtbot, tmp_path, server, registry(served, size=False))
    dialog.show()
    qtbot.waitUntil(lambda: dialog.file_label.text() == "File: " + MNIST_NAMES[1], timeout=TIMEOUT_MS)
    assert dialog.progress_bar.maximum() == 0  # busy: no total is known
    assert re.fullmatch(r".+ so far · file 2 of 4", dialog.detail_label.text())
    with qtbot.waitSignal(dialog.finished, timeout=TIMEOUT_MS):
        server.released.set()
    assert dialog.result() == QDialog.DialogCode.Accepted and is_downloaded("mnist", tmp_path)


# ---- failures: one sentence, Try again, nothing half-written -----------------------------

def test_checksum_mismatch_shows_the_sentence_and_try_again_downloads(qtbot, tmp_path, server, mnist):
    served, files = mnist
    server.files[MNIST_NAMES[0]] = bytes(len(served[MNIST_NAMES[0]]))  # right size, wrong bytes
    dialog = make_dialog(qtbot, tmp_path, server, files)
    run_to_failure(qtbot, dialog)
    assert_failed_state(dialog, r"train-images-idx3-ubyte.gz was corrupted in transit \(checksum mismatch\)")
    assert dialog.error_label.font().bold()
    assert leftovers(tmp_path) == []  # neither a .part nor a final name

    server.files[MNIST_NAMES[0]] = served[MNIST_NAMES[0]]
    with qtbot.waitSignal(dialog.finished, timeout=TIMEOUT_MS):
        qtbot.mouseClick(dialog.retry_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.error_text == "" and leftovers(tmp_path) == sorted(MNIST_NAMES)
    assert dialog.title_label.text() == "Downloading MNIST handwritten digits"
    assert dialog.error_label.isHidden() and dialog.retry_button.isHidden()


def test_dropped_connection_keeps_finished_files_and_close_rejects(qtbot, tmp_path, server, mnist):
    served, files = mnist
    server.modes[MNIST_NAMES[1]] = "drop"
    dialog = make_dialog(qtbot, tmp_path, server, files)
    run_to_failure(qtbot, dialog)
    size = len(served[MNIST_NAMES[1]])
    assert_failed_state(dialog, f"dropped after {size:,} of {size + 1000:,} bytes of {MNIST_NAMES[1]}")
    assert leftovers(tmp_path) == [MNIST_NAMES[0]]
    sentence = dialog.error_text
    with qtbot.waitSignal(dialog.finished, timeout=TIMEOUT_MS):
        qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Rejected and dialog.error_text == sentence


def test_offline_says_it_could_not_reach_the_host(qtbot, tmp_path, mnist):
    _, files = mnist
    with socket.socket() as probe:  # a port that was free a moment ago: nothing listens there
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    dialog = DownloadDialog("mnist", tmp_path, base_url=f"http://127.0.0.1:{port}/", files=files)
    qtbot.addWidget(dialog)
    run_to_failure(qtbot, dialog)
    assert_failed_state(dialog, f"could not reach 127.0.0.1:{port}: the computer seems to be offline")
    assert dialog.title_label.text() == "MNIST handwritten digits could not be downloaded"
    assert dialog.file_label.isHidden()  # no longer "Connecting…"
    assert leftovers(tmp_path) == []


# ---- an unexpected error in the worker: one sentence, sane buttons, a log entry, Try again works

def download_that_breaks(real_download, when):
    """The core's `download`, raising RuntimeError("boom") at the first record for which `when` is true;
    the real generator is closed on the way out, as the worker would close it, so it removes its .part."""

    def download(*arguments, **keywords):
        generator = real_download(*arguments, **keywords)
        with contextlib.closing(generator):
            while True:
                try:
                    record = next(generator)
                except StopIteration as end:
                    return end.value
                if when(record):
                    raise RuntimeError("boom")
                yield record

    return download


def broken_at_once(*arguments, **keywords):
    raise RuntimeError("boom")  # before a generator exists: no progress at all


def is_one_sentence(text: str) -> bool:
    return text.endswith(".") and "\n" not in text and ". " not in text and "Traceback" not in text


def assert_unexpected_failure(dialog: DownloadDialog, caplog) -> None:
    """What the issue's error policy asks: one sentence, sane controls, details logged, no thread left."""
    assert_failed_state(dialog, r"^The download stopped unexpectedly \(boom\); try again\.$")
    assert is_one_sentence(dialog.error_text) and "RuntimeError" not in dialog.error_text
    assert dialog.title_label.text() == "MNIST handwritten digits could not be downloaded"
    assert dialog.detail_label.text() == ""
    assert dialog.retry_button.isEnabled() and dialog.retry_button.isDefault()
    assert not any(thread.isRunning() for thread in list(LIVE_THREADS))  # the worker's thread has ended
    errors = [record for record in caplog.records if record.name == "glassbox" and record.exc_info]
    assert len(errors) == 1 and errors[0].exc_info[0] is RuntimeError, "the details go to the log, once"
    assert "boom" in caplog.text and "Traceback" in caplog.text


def retry_succeeds(qtbot, dialog: DownloadDialog, tmp_path, served) -> None:
    with qtbot.waitSignal(dialog.finished, timeout=TIMEOUT_MS):
        qtbot.mouseClick(dialog.retry_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted and not dialog.is_running()
    assert dialog.error_text == "" and dialog.error_label.isHidden() and dialog.retry_button.isHidden()
    assert leftovers(tmp_path) == sorted(MNIST_NAMES)
    for path in dialog.paths:
        assert path.read_bytes() == served[path.name]


def test_an_error_part_way_is_one_sentence_and_try_again_downloads(qtbot, tmp_path, server, mnist,
                                                                   monkeypatch, caplog):
    served, files = mnist
    real_download = download_dialog.download
    monkeypatch.setattr(download_dialog, "download", download_that_breaks(
        real_download, lambda record: record.file_name == MNIST_NAMES[1] and record.bytes_done > 0))
    dialog = make_dialog(qtbot, tmp_path, server, files)
    with caplog.at_level(logging.ERROR, logger="glassbox"):
        run_to_failure(qtbot, dialog)
    assert_unexpected_failure(dialog, caplog)
    # Progress came first: the first file is in place, the second had started and left no .part.
    assert dialog.file_label.isVisible() and dialog.file_label.text() == "File: " + MNIST_NAMES[1]
    assert dialog.progress_bar.value() > 0
    assert leftovers(tmp_path) == [MNIST_NAMES[0]]

    monkeypatch.setattr(download_dialog, "download", real_download)
    retry_succeeds(qtbot, dialog, tmp_path, served)


def test_an_error_before_any_progress_is_one_sentence_and_close_rejects(qtbot, tmp_path, server, mnist,
                                                                        monkeypatch, caplog):
    served, files = mnist
    real_download = download_dialog.download
    monkeypatch.setattr(download_dialog, "download", broken_at_once)
    dialog = make_dialog(qtbot, tmp_path, server, files)
    with caplog.at_level(logging.ERROR, logger="glassbox"):
        run_to_failure(qtbot, dialog)
    assert_unexpected_failure(dialog, caplog)
    assert dialog.file_label.isHidden()  # no longer "Connecting…"
    assert dialog.progress_bar.value() == 0 and leftovers(tmp_path) == []

    monkeypatch.setattr(download_dialog, "download", real_download)
    retry_succeeds(qtbot, dialog, tmp_path, served)


def test_after_an_unexpected_error_close_rejects_at_once(qtbot, tmp_path, server, mnist, monkeypatch):
    _, files = mnist
    monkeypatch.setattr(download_dialog, "download", broken_at_once)
    dialog = make_dialog(qtbot, tmp_path, server, files)
    run_to_failure(qtbot, dialog)
    sentence = dialog.error_text
    with qtbot.waitSignal(dialog.finished, timeout=TIMEOUT_MS):
        qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)  # Close is not stuck as "Cancelling…"
    assert dialog.result() == QDialog.DialogCode.Rejected and dialog.error_text == sentence
    assert not dialog.isVisible() and not dialog.is_running()


# ---- cancel, Esc and the window's X ------------------------------------------------------

@pytest.mark.parametrize("how", ["cancel button", "escape", "window close"])
def test_cancel_mid_file_waits_for_the_worker_then_rejects(qtbot, tmp_path, server, mnist, how):
    _, files = mnist
    server.modes[MNIST_NAMES[1]] = "stall-after"
    dialog = make_dialog(qtbot, tmp_path, server, files)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.file_label.text() == "File: " + MNIST_NAMES[1], timeout=TIMEOUT_MS)
    assert MNIST_NAMES[1] + ".part" in leftovers(tmp_path)
    if how == "cancel button":
        qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    elif how == "escape":
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    else:
        dialog.close()
    # Until the worker has removed its .part, the dialog stays, says so, and cannot be cancelled twice.
    assert dialog.isVisible() and dialog.is_running()
    assert dialog.cancel_button.text() == "Cancelling…" and not dialog.cancel_button.isEnabled()
    # The server sends nothing more, ever: the cancel still lands within a second.
    with qtbot.waitSignal(dialog.finished, timeout=1000):
        pass
    assert dialog.result() == QDialog.DialogCode.Rejected and not dialog.is_running()
    assert re.search(r"download of MNIST handwritten digits was cancelled; "
                     r"the unfinished train-labels-idx1-ubyte.gz was removed", dialog.error_text)
    assert leftovers(tmp_path) == [MNIST_NAMES[0]]  # no .part; the finished file is kept
    assert dialog.paths == []


def test_shutdown_while_the_server_stalls_ends_the_thread_within_a_second(qtbot, tmp_path, server, mnist):
    _, files = mnist
    server.modes[MNIST_NAMES[1]] = "stall-after"
    dialog = make_dialog(qtbot, tmp_path, server, files)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.file_label.text() == "File: " + MNIST_NAMES[1], timeout=TIMEOUT_MS)
    thread = dialog._thread
    assert dialog.shutdown(timeout_ms=1000)  # as when the app quits with the dialog open
    assert thread.isFinished() and thread not in LIVE_THREADS and not dialog.is_running()
    assert leftovers(tmp_path) == [MNIST_NAMES[0]]  # the unfinished file was removed


# ---- ensure_downloaded -------------------------------------------------------------------

def refuse(*args, **kwargs):
    raise AssertionError("nothing should be asked or shown when the files are cached")


def test_ensure_downloaded_is_true_at_once_when_cached(qtbot, tmp_path, monkeypatch):
    folder = dataset_dir("mnist", tmp_path)
    folder.mkdir(parents=True)
    for name in MNIST_NAMES:
        (folder / name).write_bytes(b"cached")
    monkeypatch.setattr(QMessageBox, "question", refuse)
    monkeypatch.setattr(DownloadDialog, "exec", refuse)
    assert ensure_downloaded(None, "mnist", tmp_path) is True


def test_ensure_downloaded_asks_with_the_size_and_folder_and_respects_no(qtbot, tmp_path, monkeypatch):
    asked = []

    def answer_no(parent, title, text, *args):
        asked.append(text)
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", answer_no)
    monkeypatch.setattr(DownloadDialog, "exec", refuse)
    assert ensure_downloaded(None, "mnist", tmp_path) is False
    # 9,912,422 + 28,881 + 1,648,877 + 4,542 bytes, as the registry lists them
    assert re.fullmatch(r"Download MNIST handwritten digits \(about 11[.,]6 MB\) into .+\?", asked[0])
    assert str(tmp_path / "mnist") in asked[0]
    assert leftovers(tmp_path) == []


def test_ensure_downloaded_runs_the_dialog_and_is_true_once_every_file_is_there(qtbot, tmp_path, server, mnist):
    _, files = mnist
    assert ensure_downloaded(None, "mnist", tmp_path, ask=False, base_url=server.base_url, files=files) is True
    assert is_downloaded("mnist", tmp_path) and leftovers(tmp_path) == sorted(MNIST_NAMES)
