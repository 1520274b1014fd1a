"""MainWindow: window chrome only: tabs, status bar, the settings dock, and joining the tabs.

The MLP being trained lives in a TrainingSession (gui/training/session.py), which owns
the worker and its thread; the window subscribes to it and joins the tabs to it (tabs
never import each other). Menus and toolbar are built by gui/window_menus.py, presenter
mode by gui/presenter.py, session files by gui/window_sessions.py. Settings and window
geometry persist in QSettings (gui/window_settings.py), the training settings through a TrainingState.
"""

from __future__ import annotations

import logging
import time

from PySide6.QtCore import QEvent, QSettings, Qt, QTimer, Slot
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QFrame, QLayout, QMainWindow, QMessageBox, QScrollArea, QTabWidget

from core.mlp.config import TrainConfig
from core.mlp.reports import RunInfo, TrainingProgress
from core.session.parts import TAB_NAMES
from gui.app import prepare_fonts
from gui.autoencoder.tab import AutoencoderTab
from gui.convolution.tab import ConvTab
from gui.landscape.tab import LandscapeTab
from gui.lesson.window_lessons import WindowLessons
from gui.network.tab import NetworkTab
from gui.presenter import Presenter
from gui.style.zoom import ZOOM
from gui import threads
from gui.threads import Clock
from gui.training.controls import TrainingControls
from gui.training.curves_view import TrainingView
from gui.training.session import TrainingSession
from gui.training.settings_panel import SettingsPanel
from gui.widgets.lazy_tab import LazyTab
from gui.widgets import saved_values
from gui.widgets.run_status import RunStatus
from gui.widgets.settings_dock import SettingsDock
from gui.window_menus import WindowMenus
from gui.window_sessions import WindowSessions
from gui.window_settings import restore_window, save_window, saved_tab_index, saved_training_state, step_seconds

NARROW_WIDTH = 1280  # below this the settings dock collapses (its toggle stays on the toolbar)


class MainWindow(QMainWindow):
    def __init__(self, config: TrainConfig | None = None, settings: QSettings | None = None,
                 clock: Clock = time.perf_counter, tab: str | None = None):
        """`config` (from the command line) overrides the saved settings; `tab` opens on that tab
        ("training", "network", "convolution", "landscape", "autoencoder"); `clock` is for tests."""
        super().__init__()
        prepare_fonts(QApplication.instance())
        self.settings = settings or QSettings()
        state = saved_training_state(self.settings)
        if config is not None:
            state = state.with_config(config.validated())
        self._dock_hidden_for_conv = False  # the Convolution tab put the settings dock away
        self._dock_hidden_for_width = False  # the window is too narrow for it
        self.session = TrainingSession(state, clock, parent=self)

        self.training_view = TrainingView()
        self.network_tab = NetworkTab()
        self.conv_tab = ConvTab(self.settings)
        self.landscape_tab = LazyTab(self._make_landscape_tab)  # built when first opened: it races optimizers
        self.autoencoder_tab = LazyTab(self._make_autoencoder_tab)  # built when first opened
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        for page in (self.training_view, self.network_tab, self.conv_tab, self.landscape_tab, self.autoencoder_tab):
            self.tabs.addTab(page, "")
        self.setAcceptDrops(True)  # a session file opens; any other file goes to the Convolution tab
        # At 100% every tab fits a 1024×768 screen without scrolling; zoomed far in on a small screen
        # a tab can need more than the screen has: then it scrolls, instead of the window growing off-screen.
        self.tab_scroller = QScrollArea()
        self.tab_scroller.setWidgetResizable(True)
        self.tab_scroller.setFrameShape(QFrame.Shape.NoFrame)
        self.tab_scroller.setWidget(self.tabs)
        self.setCentralWidget(self.tab_scroller)
        self.layout().setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)  # narrow screens: the dock folds
        self.panel = SettingsPanel(state.config)
        self.dock = SettingsDock(self.panel, self)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.dock)
        self.controls = TrainingControls(self.session, state, self)
        self.play_action, self.step_action, self.reset_action = self.controls.actions
        self.speed_combo, self.device_actions = self.controls.speed_combo, self.controls.device_actions
        self.presenter = Presenter(self)
        self.play_action.triggered.disconnect(self.controls.toggle_play)  # Play and Step act on the visible tab
        self.play_action.triggered.connect(self.presenter.on_play_triggered)
        self.step_action.triggered.disconnect(self.session.step)
        self.step_action.triggered.connect(self.presenter.on_step_triggered)
        self.sessions = WindowSessions(self, self.settings)
        self.menus = WindowMenus(self, self.settings)
        self.lessons = WindowLessons(self, self.settings)  # the Lesson menu, the player, its panel and keys
        self.open_image_action, self.save_image_action = self.menus.open_image_action, self.menus.save_image_action
        self.paste_image_action, self.export_csv_action = self.menus.paste_image_action, self.menus.export_csv_action
        self.fullscreen_action, self.presenter_action = self.menus.fullscreen_action, self.menus.presenter_action
        self.run_status = RunStatus()
        self.statusBar().addPermanentWidget(self.run_status)
        self.device_label, self.rate_label = self.run_status.device_label, self.run_status.rate_label
        self.step_action.triggered.connect(self.on_step_action)
        self.retranslate()
        self.menus.apply_saved_zoom()
        ZOOM.changed.connect(self.on_zoom_changed)
        self._restore_window()
        self._connect_session()
        self.tabs.currentChanged.connect(self.on_tab_changed)
        self.session.start()
        self.tabs.setCurrentIndex(TAB_NAMES.index(tab) if tab in TAB_NAMES else self._saved_tab_index())
        self.on_tab_changed(self.tabs.currentIndex())
        QTimer.singleShot(0, self.report_saved_settings)  # once shown: saved settings that did not read

    # The session's run, as tests and tools read it from the window.
    worker = property(lambda self: self.session.worker)
    thread = property(lambda self: self.session.thread)
    config = property(lambda self: self.session.config)  # the settings the running network uses
    playing = property(lambda self: self.session.playing)
    last_progress = property(lambda self: self.session.last_progress)
    last_trace = property(lambda self: self.session.last_trace)

    def _connect_session(self) -> None:
        """The window's own subscriptions, then the Training and Network tabs' (the Landscape tab's when built)."""
        session, network = self.session, self.network_tab
        self.panel.config_changed.connect(session.apply_settings)
        self.controls.device_chosen.connect(self.panel.set_device)
        self.controls.play_requested.connect(self.training_view.hide_warning)
        session.run_started.connect(self.on_run_started)
        session.progressed.connect(self.on_progress)
        session.playing_changed.connect(self.run_status.on_playing_changed)
        session.diverged.connect(self.show_training_problem)
        session.failed.connect(self.show_training_problem)
        session.settings_rejected.connect(self.on_settings_rejected)
        session.config_proposed.connect(self.panel.set_config)
        session.architecture_refused.connect(self.show_status)
        session.landscape_failed.connect(self.show_status)
        session.run_started.connect(self.training_view.on_run_started)
        session.progressed.connect(self.training_view.on_progress)
        session.run_started.connect(network.on_run_started)
        session.progressed.connect(network.on_progress)
        session.trace_recorded.connect(network.on_trace_recorded)
        if hasattr(network, "on_trace_refused"):
            session.trace_refused.connect(network.on_trace_refused)
        session.trace_refused.connect(self.show_status)
        network.trace_requested.connect(session.record_trace)
        network.preset_requested.connect(session.apply_preset)
        network.architecture_requested.connect(session.edit_architecture)
        network.inspect_requested.connect(session.inspect_neuron)
        network.weight_edit_requested.connect(session.set_weight)
        live = self.conv_tab.live  # the lab's own network: its step, on its tab's status bar
        live.network_started.connect(self.on_conv_run_started)
        live.stepped.connect(self.on_conv_stepped)

    # ------------------------------------------------------------------ building
    def _make_landscape_tab(self) -> LandscapeTab:
        tab = LandscapeTab()
        session, panel = self.session, tab.network  # "Your network": the network the session trains
        panel.compute_requested.connect(session.compute_landscape)
        panel.cancel_requested.connect(session.cancel_landscape)
        session.landscape_progressed.connect(panel.on_progress)
        session.landscape_finished.connect(panel.on_finished)
        session.landscape_failed.connect(panel.on_failed)
        session.stepped.connect(panel.on_training_step)
        session.network_replaced.connect(panel.on_network_replaced)
        live = self.conv_tab.live  # "Your CNN": the network the Convolution tab trains, in its own thread
        tab.cnn.compute_requested.connect(live.compute_landscape)
        tab.cnn.cancel_requested.connect(live.cancel_landscape)
        live.landscape_progressed.connect(tab.cnn.on_progress)
        live.landscape_finished.connect(tab.cnn.on_finished)
        live.landscape_failed.connect(tab.cnn.on_failed)
        live.stepped.connect(tab.cnn.on_training_step)
        live.network_replaced.connect(tab.cnn.on_network_replaced)
        if self.presenter.on and hasattr(tab, "set_presenting"):
            tab.set_presenting(True)
        return tab

    def _make_autoencoder_tab(self) -> AutoencoderTab:
        tab = AutoencoderTab(self.settings)
        runner = tab.runner  # its run's step, epoch and speed go on the status bar while its tab is open
        runner.run_started.connect(self.on_autoencoder_run_started)
        runner.progressed.connect(self.on_autoencoder_progress)
        runner.playing_changed.connect(self.on_autoencoder_playing)
        if self.presenter.on:
            tab.set_presenting(True)
        return tab

    # ------------------------------------------------------------------ language and zoom
    def retranslate(self) -> None:
        """Every text of the chrome, in the language now installed; the numbers from the last report."""
        self.setWindowTitle(self.tr("Glassbox — inside a neural network"))
        for index, (title, tip) in enumerate((
                (self.tr("Training"), self.tr("Loss and accuracy curves, live")),
                (self.tr("Network"), self.tr("Every neuron and weight; step one example through forward and backward")),
                (self.tr("Convolution"), self.tr("Load, paste, drop or draw an image and see every convolution layer")),
                (self.tr("Landscape"), self.tr("Race optimizers downhill, or slice the loss of your network")),
                (self.tr("Autoencoder"), self.tr("Squeeze digits through a few numbers and rebuild them")))):
            self.tabs.setTabText(index, title)
            self.tabs.setTabToolTip(index, tip)
        self.menus.retranslate()
        self.lessons.retranslate()
        self.presenter.retranslate()
        self.sessions.fill_recent_menu()
        self._explain_tab(keep_news=True)

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "menus"):
            self.retranslate()
        elif event.type() == QEvent.Type.WindowStateChange and hasattr(self, "menus"):
            self.fullscreen_action.setChecked(self.isFullScreen())
        super().changeEvent(event)

    @Slot(float)
    def on_zoom_changed(self, _factor: float) -> None:
        QTimer.singleShot(0, self._fit_dock)  # after the dock has taken its width at the new zoom

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._fit_dock()
        self.presenter.place_hint()

    def _fit_dock(self) -> None:
        """The settings dock folds away when the tabs and it do not both fit (and below NARROW_WIDTH);
        its toolbar toggle brings it back; wider again, it returns by itself."""
        tabs_width = self.tabs.minimumSizeHint().width() + 12
        # The dock folds first; the tabs themselves are never cut off (zoomed far in, they scroll instead).
        screen = self.screen().availableGeometry() if QApplication.platformName() != "offscreen" else None
        minimum_height = self.layout().totalMinimumSize().height()
        if screen is not None:
            self.setMinimumSize(min(tabs_width, screen.width()), min(minimum_height, screen.height()))
        else:
            self.setMinimumSize(tabs_width, minimum_height)
        needed = tabs_width + self.dock.minimumWidth() + self.lessons.fit_panel(self.width() - tabs_width)
        # Zoomed in, everything needs proportionally more room: the dock folds at a wider window.
        narrow = self.width() < max(NARROW_WIDTH * ZOOM.factor, needed)
        if narrow and not self.dock.isHidden() and not self.dock.isFloating():
            self._dock_hidden_for_width = True
            self.dock.hide()
        elif not narrow and self._dock_hidden_for_width and not self.lessons.hider.is_hidden("dock"):
            self._dock_hidden_for_width = False
            if self.dock_belongs_on_tab() and not self.presenter.on:
                self.dock.show()

    def dock_belongs_on_tab(self) -> bool:
        """Not on the labs' tabs, which have their own settings; nor while a lesson's scene hides it."""
        lessons = getattr(self, "lessons", None)
        if lessons is not None and lessons.hider.is_hidden("dock"):
            return False
        return self.tabs.currentWidget() not in (self.conv_tab, self.landscape_tab, self.autoencoder_tab)

    def refit_docks(self) -> None:
        """The lesson panel came or went, or a scene gave the settings dock back: fold it if there is no room."""
        self._fit_dock()

    # ------------------------------------------------------------------ settings persistence
    def _restore_window(self) -> None:
        restore_window(self, self.settings)
        self._fit_dock()

    def save_settings(self) -> None:
        save_window(self, self.settings, self.session.state, self.tabs.currentIndex(),
                    self._dock_hidden_for_conv or self._dock_hidden_for_width)

    # ------------------------------------------------------------------ commands
    @Slot()
    def toggle_play(self) -> None:
        self.controls.toggle_play()

    @Slot()
    def worker_step(self) -> None:
        self.session.step()

    @Slot()
    def worker_reset(self) -> None:
        self.session.reset()

    @Slot(object)
    def on_config_changed(self, config: TrainConfig) -> None:
        self.session.apply_settings(config)

    # ------------------------------------------------------------------ what the session reports
    @Slot(object, bool)
    def on_run_started(self, info: RunInfo, keep_history: bool) -> None:
        self.panel.set_config(info.config)
        self.run_status.set_step_seconds(step_seconds(info.config))
        self.run_status.on_run_started(info)

    @Slot()
    def on_step_action(self) -> None:
        """Step on the Training tab trains once: a slow network says "working" until the step reports."""
        if self.tabs.currentWidget() is self.training_view:
            self.run_status.on_step_requested()

    @Slot(object)
    def on_progress(self, progress: TrainingProgress) -> None:
        self.run_status.show_progress(progress, self.playing)

    # The labs train networks of their own: the status bar shows theirs on their tabs (RunStatus.show_lab).
    @Slot(object)
    def on_autoencoder_run_started(self, info) -> None:
        self.run_status.lab_started("autoencoder", info.device_name)

    @Slot(object)
    def on_autoencoder_progress(self, report) -> None:
        self.run_status.lab_progressed("autoencoder", report.step, report.epoch, report.steps_per_second)

    @Slot(bool)
    def on_autoencoder_playing(self, playing: bool) -> None:
        self.run_status.lab_playing("autoencoder", playing)

    @Slot(object)
    def on_conv_run_started(self, info) -> None:
        self.run_status.lab_started("convolution", info.device_name)

    @Slot(int)
    def on_conv_stepped(self, step: int) -> None:
        self.run_status.lab_progressed("convolution", step)  # the lab tells its step, not its epoch or speed

    @Slot(str)
    def show_status(self, sentence: str) -> None:
        self.statusBar().showMessage(sentence, 10000)

    @Slot(int)
    def on_tab_changed(self, index: int) -> None:
        """Keys go to what is shown; the worker computes heatmaps only while the graph is visible."""
        page = self.tabs.widget(index)
        on_network, on_conv, on_landscape = (page is tab for tab in (self.network_tab, self.conv_tab, self.landscape_tab))
        on_landscape = on_landscape or page is self.autoencoder_tab  # a tab with its own training and keys
        # On the Convolution and Landscape tabs Space and Right belong to their own buttons and
        # sliders, not to training an invisible network; in presenter mode the clicker routes keys.
        presenting = self.presenter.on
        self.network_tab.set_shortcuts_active(on_network and not presenting)
        training_keys = not (on_network or on_conv or on_landscape or presenting)
        self.play_action.setShortcut(QKeySequence(Qt.Key.Key_Space) if training_keys else QKeySequence())
        self.step_action.setShortcut(QKeySequence(Qt.Key.Key_Right) if training_keys else QKeySequence())
        self.session.set_extras(on_network, on_network)
        self.run_status.show_lab("convolution" if on_conv else "autoencoder" if page is self.autoencoder_tab else None)
        # The training settings mean nothing to the Convolution tab: give its pictures the room.
        if (on_conv or on_landscape) and not self.dock.isHidden():
            self._dock_hidden_for_conv = True
            self.dock.hide()
        elif not (on_conv or on_landscape) and self._dock_hidden_for_conv:
            self._dock_hidden_for_conv = False
            if not presenting and not self._dock_hidden_for_width:
                self.dock.show()
        self._explain_tab()

    def _explain_tab(self, keep_news: bool = False) -> None:
        """The status line's hint and the Play and Step tips, for the visible tab (`keep_news`: unless the
        status line says something else, such as "Opened lesson.glassbox.")."""
        page = self.tabs.currentWidget()
        play_tip, step_tip = self.tr("Train continuously (Space)"), self.tr("Do one training step (Right arrow)")
        if page is self.conv_tab:
            message = self.tr("Open (Ctrl+O), paste (Ctrl+V) or drop an image, or draw a digit.")
            play_tip = self.tr("Play or pause this tab's demonstration")
            step_tip = self.tr("The next step of this tab's demonstration")
        elif page is self.landscape_tab:
            message = self.tr("Textbook surfaces: race optimizers downhill. Your network: slice the loss of the "
                              "network you are training.")
            play_tip = self.tr("Start or pause the race of optimizers")
            step_tip = self.tr("One step of the race")
        elif page is self.autoencoder_tab:
            message = self.tr("Press ▶ Train (Space) to squeeze and rebuild digits; click the plane of codes to "
                              "decode any point.")
            play_tip = self.tr("Train or pause the autoencoder")
            step_tip = self.tr("One training step of the autoencoder")
        elif page is self.network_tab:
            message = self.tr("Right arrow: send one example through the network, layer by layer. Space: play its pass.")
            play_tip, step_tip = self.tr("Train the network continuously"), self.tr("Do one training step")
        else:
            message = self.tr("Press Play (Space) to train, or Step (Right arrow) for one step.")
        for action, tip in ((self.play_action, play_tip), (self.step_action, step_tip)):
            action.setToolTip(tip)
            action.setStatusTip(tip)
        showing = self.statusBar().currentMessage()
        if not keep_news or showing in ("", getattr(self, "_hint", "")):
            self.statusBar().showMessage(message)
        self._hint = message

    def _saved_tab_index(self) -> int:
        return saved_tab_index(self.settings, self.tabs.count())

    @Slot()
    def report_saved_settings(self) -> None:
        """One sentence, on the status line, about saved settings that went back to their defaults."""
        sentence = saved_values.take_sentence()
        if sentence:
            self.statusBar().showMessage(sentence, 30000)

    @Slot(str)
    def show_unexpected(self, sentence: str) -> None:
        """An unexpected error somewhere in the window (gui/app.py's hooks): one sentence; the app goes on."""
        self.statusBar().showMessage(sentence, 15000)

    @Slot(str)
    def show_training_problem(self, message: str) -> None:
        """Diverged, or something unexpected stopped training: one sentence, on the curves and below."""
        self.training_view.show_warning(message)
        self.statusBar().showMessage(message, 15000)

    @Slot(str)
    def on_settings_rejected(self, message: str) -> None:
        """The worker kept the running settings: show them again, with the reason."""
        self.panel.set_config(self.config)
        self.panel.show_error(message)
        self.statusBar().showMessage(message, 15000)

    # ------------------------------------------------------------------ files dropped, sessions, messages
    def open_session(self, path: str) -> bool:
        """Open a .glassbox file: True when it was shown, False (after one sentence) when it could not be."""
        return self.sessions.open_session(path)

    def dragEnterEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        self.lessons.drag_entered(event) or self.sessions.drag_entered(event)  # a lesson file opens as a lesson

    def dragMoveEvent(self, event) -> None:  # noqa: N802
        self.lessons.drag_entered(event) or self.sessions.drag_entered(event)

    def dropEvent(self, event) -> None:  # noqa: N802
        self.lessons.dropped(event) or self.sessions.dropped(event)

    @staticmethod
    def save_png(image, path: str) -> None:
        """Write `image` as a PNG whole or not at all (gui/snapshot.py; its menus may not import it)."""
        from gui.snapshot import save_png

        save_png(image, path)

    def warn(self, message: str) -> None:
        QMessageBox.warning(self, self.tr("Glassbox"), message)

    @Slot()
    def toggle_full_screen(self) -> None:
        self.showNormal() if self.isFullScreen() else self.showFullScreen()

    # ------------------------------------------------------------------ closing
    def closeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        self.presenter.set_on(False)
        if not getattr(self, "_zoom_released", False):  # a closed window remembers no later zoom
            self._zoom_released = True
            ZOOM.changed.disconnect(self.menus.on_zoom_changed)
            ZOOM.changed.disconnect(self.on_zoom_changed)
            ZOOM.changed.disconnect(self.dock.on_zoom_changed)
        try:
            self.save_settings()
        except Exception:  # noqa: BLE001 - closing must go on: the workers still stop, the window still closes
            logging.getLogger("glassbox").exception("the settings could not be saved")
        self.sessions.finish_writing()  # a session being written is the user's work: it finishes first
        threads.begin_closing()  # every worker's stop flag at once; all the waits below share one deadline
        try:
            self.session.shutdown()
            self.conv_tab.shutdown()  # its CNN training thread, if one was started
            if self.landscape_tab.view is not None:  # its optimizer races run in a thread of their own
                self.landscape_tab.view.shutdown()
            if self.autoencoder_tab.view is not None:  # so does its autoencoder
                self.autoencoder_tab.view.shutdown()
        finally:
            threads.end_closing()
        super().closeEvent(event)

    def shutdown_worker(self) -> None:
        """Stop the training thread: flag, quit, wait. Safe to call twice."""
        self.session.shutdown()
