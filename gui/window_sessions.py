"""Session files (.glassbox) in the window: save everything shown, open it again exactly, remember recent ones.

Saving gathers every tab's state, the language, zoom and visible tab, then asks the
training session for the MLP's snapshot and the Convolution tab for its model (both answer
by signal, from their threads), and writes the file once both have answered. Opening reads
and checks the whole file first (core/session/files.py); a bad file changes nothing and is
named in one sentence.
"""

from __future__ import annotations

import logging
import os
import stat
import threading
from pathlib import Path

from PySide6.QtCore import QObject, QSettings, QTimer, Signal, Slot
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox

from core.errors import GlassboxError
from core.files import shown_name
from core.session.parts import CNN_PART, LAB_IMAGE_PART, MLP_PART, TAB_NAMES, Part, Session
from gui import i18n
from gui.autoencoder.state import AutoencoderState
from gui.convolution.state import ConvolutionState
from gui.landscape.state import LandscapeState
from gui.network.state import NetworkState
from gui.style.zoom import ZOOM
from gui.training.state import CurvesState, TrainingState
from gui.widgets.saved_values import read_str, read_str_list

RECENT_KEY = "files/recent_sessions"
MAX_RECENT = 8
SUFFIX = ".glassbox"
ANSWER_TIMEOUT_MS = 20_000
WRITE_WAIT_S = 5.0  # closing waits this long at most for a session being written


class WindowSessions(QObject):
    """Save, open and remember session files for `window` (a MainWindow)."""

    written = Signal(str, object)  # path, None or the error: from the writer thread, handled on the GUI thread

    def __init__(self, window: QMainWindow, settings: QSettings):
        super().__init__(window)
        self.window, self.settings = window, settings
        self._pending: dict | None = None  # a save waiting for the snapshots: {"path", "session", "parts"}
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.on_answer_late)
        self._writer: threading.Thread | None = None
        self.written.connect(self.on_written)
        session, conv = window.session, window.conv_tab
        if hasattr(session, "snapshot_ready"):
            session.snapshot_ready.connect(self.on_snapshot_ready)
        self._curves_after_restore = None  # a session's learning curves, shown once its run has started
        session.snapshot_restored.connect(self.on_snapshot_restored)
        if hasattr(conv, "model_part_ready"):
            conv.model_part_ready.connect(self.on_model_part_ready)

    # ------------------------------------------------------------------ recent files
    def recent(self) -> list[str]:
        return read_str_list(self.settings, RECENT_KEY, MAX_RECENT)

    def remember(self, path: str) -> None:
        paths = [path] + [old for old in self.recent() if old != path]
        self.settings.setValue(RECENT_KEY, paths[:MAX_RECENT])
        self.fill_recent_menu()

    def forget(self, path: str) -> None:
        self.settings.setValue(RECENT_KEY, [old for old in self.recent() if old != path])
        self.fill_recent_menu()

    def fill_recent_menu(self) -> None:
        menu = self.window.menus.recent_menu
        menu.clear()
        for path in self.recent():
            if os.path.lexists(path) and not is_regular_file(path):  # a folder, pipe or device in its place
                continue  # (a missing file is still offered: its USB stick may come back; choosing it says so)
            action = menu.addAction(Path(path).name)
            action.setToolTip(path)
            action.setData(path)
            action.triggered.connect(self.on_recent_chosen)
        if menu.isEmpty():
            menu.addAction(self.tr("No recent sessions")).setEnabled(False)

    @Slot()
    def on_recent_chosen(self) -> None:
        action = self.sender()
        path = str(action.data()) if action is not None else ""
        if not is_regular_file(path):
            self.forget(path)
            self.window.show_status(self.tr("{0} is no longer there; it was removed from the recent sessions.")
                                    .format(shown_name(path)))
            return
        self.open_session(path)

    # ------------------------------------------------------------------ saving
    @Slot()
    def save_dialog(self) -> None:
        path = self.window.menus.ask_save_path(self.tr("Save Session"), "lesson" + SUFFIX,
                                         self.tr("Glassbox sessions (*.glassbox)"))
        if not path:
            return
        if not path.endswith(SUFFIX):
            path += SUFFIX  # a name the dialog did not ask about: ask here before replacing it
            if os.path.lexists(path) and QMessageBox.question(
                    self.window, self.tr("Save Session"),
                    self.tr("{0} already exists. Replace it?").format(shown_name(path))) \
                    != QMessageBox.StandardButton.Yes:
                return
        self.save(path)

    def save(self, path: str) -> None:
        """Start saving to `path`; the file is written once the training session and the lab have answered."""
        if self._pending is not None:
            self.window.show_status(self.tr("Still saving the last session; try again in a moment."))
            return
        w = self.window
        parts: dict[str, Part] = {}
        lab_image = getattr(w.conv_tab, "lab_image_part", lambda: None)()
        if lab_image is not None:
            parts[LAB_IMAGE_PART] = lab_image
        waiting = set()
        if hasattr(w.session, "request_snapshot"):
            waiting.add(MLP_PART)
        if hasattr(w.conv_tab, "request_model_part"):
            waiting.add(CNN_PART)
        app = {"language": i18n.current(), "zoom": ZOOM.factor, "tab": TAB_NAMES[w.tabs.currentIndex()]}
        self._pending = {"path": path, "session": Session(app=app, tabs=self.tab_states(), parts=parts),
                         "waiting": waiting}
        w.statusBar().showMessage(self.tr("Saving…"))
        self._timer.start(ANSWER_TIMEOUT_MS)
        if MLP_PART in waiting:
            w.session.request_snapshot()
        if CNN_PART in waiting:
            w.conv_tab.request_model_part()
        self._write_when_ready()

    @Slot(object)
    def on_snapshot_ready(self, part) -> None:
        self._answered(MLP_PART, part)

    @Slot(object)
    def on_model_part_ready(self, part) -> None:
        self._answered(CNN_PART, part)

    def _answered(self, name: str, part) -> None:
        if self._pending is None or name not in self._pending["waiting"]:
            return
        self._pending["waiting"].discard(name)
        if isinstance(part, Part):
            self._pending["session"].parts[name] = part
        self._write_when_ready()

    def _write_when_ready(self) -> None:
        """Once every part has answered, write the file in a thread of its own: compressing a digits network
        took 1.8 s, which the GUI thread must not spend (the window stays live; "Saving…" shows meanwhile)."""
        if self._pending is None or self._pending["waiting"] or self._pending.get("writing"):
            return
        self._timer.stop()
        self._pending["writing"] = True
        self._writer = threading.Thread(target=self._write, args=(self._pending["path"], self._pending["session"]),
                                        name="glassbox-session-save", daemon=True)
        self._writer.start()

    def _write(self, path: str, session: Session) -> None:
        """In the writer thread: the file is whole or not written at all (core/session/files.py)."""
        from core.session.files import write_session

        try:
            write_session(path, session)
            error = None
        except Exception as problem:  # noqa: BLE001 - every outcome goes back to the window as one sentence
            error = problem
        self.written.emit(path, error)

    @Slot(str, object)
    def on_written(self, path: str, error) -> None:
        self._pending = None
        if error is None:
            self.remember(path)
            self.window.show_status(self.tr("Saved the session to {0}.").format(shown_name(path)))
            return
        if not isinstance(error, (GlassboxError, OSError)):
            logging.getLogger("glassbox").error("saving a session failed", exc_info=error)
        sentence = i18n.say(error) if isinstance(error, GlassboxError) else str(getattr(error, "strerror", "") or error)
        self.window.statusBar().clearMessage()
        self.window.warn(self.tr("Could not save {0}: {1}").format(shown_name(path), sentence))

    def finish_writing(self, timeout_s: float = WRITE_WAIT_S) -> None:
        """At closing: let a session being written finish (it is the user's work), for up to `timeout_s`."""
        writer = getattr(self, "_writer", None)
        if writer is not None and writer.is_alive():
            writer.join(timeout_s)

    @Slot()
    def on_answer_late(self) -> None:
        if self._pending is not None and not self._pending.get("writing"):
            path, self._pending = self._pending["path"], None
            self.window.warn(self.tr("Could not save {0}: the network did not answer in time; "
                                     "try again.").format(shown_name(path)))

    @Slot()
    def on_snapshot_restored(self) -> None:
        curves, self._curves_after_restore = self._curves_after_restore, None
        if curves is not None:
            self.window.training_view.apply_state(curves, next_run_keeps=False)

    def tab_states(self) -> dict[str, dict]:
        """Every tab's state as plain data, keyed by TAB_NAMES (the Landscape and Autoencoder tabs' once built)."""
        w = self.window
        # The Training tab's dict holds the run's settings and, under "curves", its learning curves
        # (the command line's `export session` writes the same shape).
        training = {**w.session.state.to_dict(), "curves": w.training_view.state().to_dict()}
        states = {"training": training, "network": w.network_tab.state().to_dict(),
                  "convolution": w.conv_tab.state().to_dict()}
        if w.landscape_tab.view is not None:
            states["landscape"] = w.landscape_tab.view.state().to_dict()
        if w.autoencoder_tab.view is not None:
            states["autoencoder"] = w.autoencoder_tab.view.state().to_dict()
        return states

    def apply(self, session: Session) -> None:
        """Show a session that was read and checked: language, zoom, every tab, the networks, the tab on screen."""
        w, app, tabs, parts = self.window, session.app, session.tabs, session.parts
        if app.get("language") in i18n.LANGUAGES:
            w.menus.set_language(app["language"])
        if isinstance(app.get("zoom"), (int, float)):
            ZOOM.set_factor(app["zoom"])
        if "training" in tabs:
            training = TrainingState.from_dict(tabs["training"])
            w.speed_combo.setCurrentIndex(training.speed_index)
            if MLP_PART not in parts:
                w.session.apply_settings(training.config)
        curves = CurvesState.from_dict(tabs["training"].get("curves")) if isinstance(tabs.get("training"), dict) \
            else None
        if MLP_PART in parts and hasattr(w.session, "restore_snapshot"):
            # The curves go on screen once the restored run has started: a run_started of the network
            # being replaced (the window's first, still on its way) would otherwise clear them.
            self._curves_after_restore = curves
            w.session.restore_snapshot(parts[MLP_PART])
        elif curves is not None:
            w.training_view.apply_state(curves)
        if "network" in tabs:
            w.network_tab.apply_state(NetworkState.from_dict(tabs["network"]))
        if "convolution" in tabs:
            w.conv_tab.apply_state(ConvolutionState.from_dict(tabs["convolution"]))
        for name, method in ((CNN_PART, "restore_model_part"), (LAB_IMAGE_PART, "restore_lab_image_part")):
            if name in parts and hasattr(w.conv_tab, method):
                getattr(w.conv_tab, method)(parts[name])
        if "landscape" in tabs:
            w.landscape_tab.ensure_built().apply_state(LandscapeState.from_dict(tabs["landscape"]))
        if "autoencoder" in tabs:
            w.autoencoder_tab.ensure_built().apply_state(AutoencoderState.from_dict(tabs["autoencoder"]))
        if app.get("tab") in TAB_NAMES:
            w.tabs.setCurrentIndex(TAB_NAMES.index(app["tab"]))

    # ------------------------------------------------------------------ files dropped on the window
    def drag_entered(self, event) -> None:
        """A session file opens as a session; anything else goes to the Convolution tab."""
        if dropped_session(event):
            event.acceptProposedAction()
        elif event.type() == event.Type.DragEnter:
            self.window.conv_tab.dragEnterEvent(event)
        else:
            self.window.conv_tab.dragMoveEvent(event)

    def dropped(self, event) -> None:
        path = dropped_session(event)
        if path:
            event.acceptProposedAction()
            self.open_session(path)
            return
        self.window.tabs.setCurrentWidget(self.window.conv_tab)
        self.window.conv_tab.dropEvent(event)

    # ------------------------------------------------------------------ opening
    @Slot()
    def open_dialog(self) -> None:
        folder = read_str(self.settings, "files/last_folder", "")
        path, _ = QFileDialog.getOpenFileName(self.window, self.tr("Open Session"), folder,
                                              self.tr("Glassbox sessions (*.glassbox)"))
        if path:
            self.open_session(path)

    def open_session(self, path: str) -> bool:
        """Read and check all of `path`, then show it; a bad file says why and changes nothing."""
        from core.session.files import read_session

        try:
            session = read_session(path)
        except (GlassboxError, OSError) as error:
            sentence = i18n.say(error) if isinstance(error, GlassboxError) else \
                self.tr("Could not read {0}: {1}").format(shown_name(path), error.strerror or error)
            QMessageBox.warning(self.window, self.tr("Open Session"), sentence)
            return False
        self.apply(session)
        self.remember(str(path))
        self.window.show_status(self.tr("Opened {0}.").format(Path(path).name))
        return True


def dropped_session(event) -> str | None:
    """The session file a drag carries (one local .glassbox file), else None."""
    mime = event.mimeData()
    paths = [url.toLocalFile() for url in mime.urls() if url.isLocalFile()] if mime.hasUrls() else []
    return paths[0] if len(paths) == 1 and is_session_file(paths[0]) else None


def is_regular_file(path: str) -> bool:
    """True for an existing regular file (a stat: never opens, so a FIFO cannot block)."""
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except (OSError, ValueError):
        return False


def is_session_file(path: str) -> bool:
    return path.lower().endswith(SUFFIX)
