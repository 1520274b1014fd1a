"""MainWindow: window chrome only: menus, toolbar, tabs, status bar and the settings dock.

The MLP being trained lives in a TrainingSession (gui/training/session.py), which owns
the worker and its thread; the window subscribes to it and joins the tabs to it (tabs
never import each other). Settings and window geometry persist in QSettings, the
training settings through a TrainingState.
"""

from __future__ import annotations

import json
import time

from PySide6.QtCore import QSettings, Qt, Slot
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QScrollArea,
    QTabWidget,
)

from core import __version__
from core.mlp.config import TrainConfig
from core.mlp.reports import RunInfo, TrainingProgress
from gui.convolution.tab import ConvTab
from gui.landscape.tab import LandscapeTab
from gui.network.tab import NetworkTab
from gui.style import theme
from gui.threads import Clock
from gui.training.controls import TrainingControls, make_action
from gui.training.curves_view import TrainingView
from gui.training.saved_config import load_saved_config
from gui.training.session import TrainingSession
from gui.training.settings_panel import SettingsPanel
from gui.training.state import TrainingState
from gui.widgets.lazy_tab import LazyTab

CONFIG_KEY, SPEED_KEY = "training/config", "training/speed_index"


def saved_training_state(settings: QSettings) -> TrainingState:
    """The last session's training settings; a value that no longer reads falls back to its default alone."""
    return TrainingState.from_dict({"config": load_saved_config(settings).to_dict(),
                                    "speed_index": settings.value(SPEED_KEY, 0)})


def save_training_state(settings: QSettings, state: TrainingState) -> None:
    saved = state.to_dict()
    settings.setValue(CONFIG_KEY, json.dumps(saved["config"]))
    settings.setValue(SPEED_KEY, saved["speed_index"])


class MainWindow(QMainWindow):
    def __init__(self, config: TrainConfig | None = None, settings: QSettings | None = None,
                 clock: Clock = time.perf_counter):
        """`config` (from the command line) overrides the saved settings; `clock` is for tests."""
        super().__init__()
        self.settings = settings or QSettings()
        state = saved_training_state(self.settings)
        if config is not None:
            state = state.with_config(config.validated())
        self.setWindowTitle(self.tr("Glassbox — inside a neural network"))
        self._dock_hidden_for_conv = False  # the Convolution tab put the settings dock away
        self.session = TrainingSession(state, clock, parent=self)

        self.training_view = TrainingView()
        self.network_tab = NetworkTab()
        self.conv_tab = ConvTab(self.settings)
        self.landscape_tab = LazyTab(self._make_landscape_tab)  # built when first opened: it races optimizers
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.training_view, self.tr("Training"))
        self.tabs.addTab(self.network_tab, self.tr("Network"))
        self.tabs.addTab(self.conv_tab, self.tr("Convolution"))
        self.tabs.addTab(self.landscape_tab, self.tr("Landscape"))
        self.tabs.setTabToolTip(0, self.tr("Loss and accuracy curves, live"))
        self.tabs.setTabToolTip(1, self.tr("Every neuron and weight; step one example through forward and backward"))
        self.tabs.setTabToolTip(2, self.tr("Load, paste, drop or draw an image and see every convolution layer"))
        self.setAcceptDrops(True)  # a file dropped anywhere on the window goes to the Convolution tab
        self.setCentralWidget(self.tabs)
        self.panel = SettingsPanel(state.config)
        self._build_dock()
        self._build_actions(state)
        self._build_menus()
        self._build_toolbar()
        self._build_status_bar()
        self._restore_window()
        self._connect_session()
        self.tabs.currentChanged.connect(self.on_tab_changed)
        self.session.start()
        self.tabs.setCurrentIndex(self._saved_tab_index())
        self.on_tab_changed(self.tabs.currentIndex())

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
        session.playing_changed.connect(self.on_playing_changed)
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
        network.trace_requested.connect(session.record_trace)
        network.preset_requested.connect(session.apply_preset)
        network.architecture_requested.connect(session.edit_architecture)
        network.inspect_requested.connect(session.inspect_neuron)
        network.weight_edit_requested.connect(session.set_weight)

    # ------------------------------------------------------------------ building
    def _build_dock(self) -> None:
        scroll = QScrollArea()
        scroll.setWidget(self.panel)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.dock = QDockWidget(self.tr("Settings"), self)
        self.dock.setObjectName("settings-dock")
        self.dock.setWidget(scroll)
        self.dock.setMinimumWidth(self.panel.sizeHint().width() + 30)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.dock)

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
        return tab

    def _build_actions(self, state: TrainingState) -> None:
        self.controls = TrainingControls(self.session, state, self)
        self.play_action, self.step_action, self.reset_action = self.controls.actions
        self.speed_combo, self.device_actions = self.controls.speed_combo, self.controls.device_actions
        self.open_image_action = make_action(self, self.tr("Open Image…"), self.open_image, QKeySequence.StandardKey.Open,
                                             tip=self.tr("Open a picture in the Convolution tab (Ctrl+O)"))
        self.paste_image_action = make_action(self, self.tr("Paste Image"), self.paste_image,
                                              QKeySequence.StandardKey.Paste,
                                              tip=self.tr("Show the copied picture in the Convolution tab (Ctrl+V)"))
        self.save_image_action = make_action(self, self.tr("Save View as Image…"), self.save_plot_image,
                                             QKeySequence.StandardKey.Save)
        self.export_csv_action = make_action(self, self.tr("Export Metrics as CSV…"), self.export_metrics,
                                             QKeySequence("Ctrl+E"))
        self.quit_action = make_action(self, self.tr("Quit"), self.close, QKeySequence.StandardKey.Quit)
        self.fullscreen_action = make_action(self, self.tr("Full Screen"), self.toggle_full_screen, QKeySequence("F11"))
        self.fullscreen_action.setCheckable(True)
        self.shortcuts_action = make_action(self, self.tr("Keyboard Shortcuts"), self.show_shortcuts, QKeySequence("F1"))
        self.about_action = make_action(self, self.tr("About Glassbox"), self.show_about)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.addAction(self.open_image_action)
        file_menu.addSeparator()
        file_menu.addActions([self.save_image_action, self.export_csv_action])
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit_menu = bar.addMenu(self.tr("&Edit"))
        edit_menu.addAction(self.paste_image_action)
        view_menu = bar.addMenu(self.tr("&View"))
        view_menu.addAction(self.dock.toggleViewAction())
        self.view_menu = view_menu
        train_menu = bar.addMenu(self.tr("&Train"))
        train_menu.addActions(self.controls.actions)
        train_menu.addSeparator()
        device_menu = train_menu.addMenu(self.tr("Device"))
        device_menu.addActions(list(self.device_actions.values()))
        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addActions([self.shortcuts_action, self.about_action])

    def _build_toolbar(self) -> None:
        toolbar = self.addToolBar(self.tr("Training"))
        toolbar.setObjectName("training-toolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar.addActions(self.controls.actions)
        toolbar.addSeparator()
        toolbar.addWidget(QLabel(self.tr(" Speed ")))
        toolbar.addWidget(self.speed_combo)
        self.view_menu.addAction(toolbar.toggleViewAction())
        self.view_menu.addSeparator()
        self.view_menu.addAction(self.fullscreen_action)

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.device_label = QLabel(self.tr("Device: …"))
        self.rate_label = QLabel("")
        self.epoch_label = QLabel("")
        for label in (self.epoch_label, self.rate_label, self.device_label):
            label.setFont(theme.font(theme.BASE_POINT_SIZE))
            label.setContentsMargins(12, 0, 12, 0)
            bar.addPermanentWidget(label)

    # ------------------------------------------------------------------ settings persistence
    def _restore_window(self) -> None:
        geometry = self.settings.value("window/geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1400, 860)
        state = self.settings.value("window/state")
        if state is not None:
            self.restoreState(state)

    def save_settings(self) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        if self._dock_hidden_for_conv:
            self.dock.show()  # save the layout the training tabs use, not the Convolution tab's
        self.settings.setValue("window/state", self.saveState())
        if self._dock_hidden_for_conv:
            self.dock.hide()
        save_training_state(self.settings, self.session.state)
        self.settings.setValue("window/tab", self.tabs.currentIndex())
        self.settings.sync()

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
        self.device_label.setText(self.tr("Device: {0}").format(info.device_name))
        self.device_label.setToolTip(self.tr("Where the network's tensors live and train."))

    @Slot(object)
    def on_progress(self, progress: TrainingProgress) -> None:
        if self.playing:
            self.rate_label.setText(self.tr("{0:,.0f} steps/s").format(progress.steps_per_second))
        self.epoch_label.setText(self.tr("Step {0:,} · epoch {1:,.1f}").format(progress.step, progress.epoch))

    @Slot(str)
    def show_status(self, sentence: str) -> None:
        self.statusBar().showMessage(sentence, 10000)

    @Slot(int)
    def on_tab_changed(self, index: int) -> None:
        """Keys go to what is shown; the worker computes heatmaps only while the graph is visible."""
        on_network = self.tabs.widget(index) is self.network_tab
        # On the Convolution tab Space and Right belong to its buttons and sliders (the kernel
        # playground's Play button, its speed slider), not to training an invisible network.
        on_conv = self.tabs.widget(index) is self.conv_tab
        # The Landscape tab races optimizers on textbook surfaces: its own buttons, not training keys.
        on_landscape = self.tabs.widget(index) is self.landscape_tab
        self.network_tab.set_shortcuts_active(on_network)
        training_keys = not (on_network or on_conv or on_landscape)
        self.play_action.setShortcut(QKeySequence(Qt.Key.Key_Space) if training_keys else QKeySequence())
        self.step_action.setShortcut(QKeySequence(Qt.Key.Key_Right) if training_keys else QKeySequence())
        self.session.set_extras(on_network, on_network)
        # The training settings mean nothing to the Convolution tab: give its pictures the room.
        if (on_conv or on_landscape) and not self.dock.isHidden():
            self._dock_hidden_for_conv = True
            self.dock.hide()
        elif not (on_conv or on_landscape) and self._dock_hidden_for_conv:
            self._dock_hidden_for_conv = False
            self.dock.show()
        if on_conv:
            message = self.tr("Open (Ctrl+O), paste (Ctrl+V) or drop an image, or draw a digit.")
        elif on_landscape:
            message = self.tr("Textbook surfaces: race optimizers downhill. Your network: slice the loss of the "
                              "network you are training.")
        elif on_network:
            message = self.tr("Right arrow: send one example through the network, layer by layer. Space: play its pass.")
        else:
            message = self.tr("Press Play (Space) to train, or Step (Right arrow) for one step.")
        self.statusBar().showMessage(message)

    def _saved_tab_index(self) -> int:
        try:
            index = int(self.settings.value("window/tab", 0))
        except (TypeError, ValueError):
            return 0
        return index if 0 <= index < self.tabs.count() else 0

    @Slot(bool)
    def on_playing_changed(self, playing: bool) -> None:
        if not playing:
            self.rate_label.setText(self.tr("paused"))

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

    # ------------------------------------------------------------------ images for the Convolution tab
    @Slot()
    def open_image(self) -> None:
        self.tabs.setCurrentWidget(self.conv_tab)
        self.conv_tab.open_dialog()

    @Slot()
    def paste_image(self) -> None:
        self.tabs.setCurrentWidget(self.conv_tab)
        self.conv_tab.paste()

    def dragEnterEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        self.conv_tab.dragEnterEvent(event)

    def dragMoveEvent(self, event) -> None:  # noqa: N802
        self.conv_tab.dragMoveEvent(event)

    def dropEvent(self, event) -> None:  # noqa: N802
        self.tabs.setCurrentWidget(self.conv_tab)
        self.conv_tab.dropEvent(event)

    # ------------------------------------------------------------------ file and help
    @Slot()
    def save_plot_image(self) -> None:
        path = self._ask_save_path(self.tr("Save Plot Image"), "training.png", self.tr("PNG images (*.png)"))
        if path and not self.tabs.currentWidget().grab().save(path, "PNG"):
            self._warn(self.tr("Could not write {0}; choose a folder you can write to.").format(path))

    @Slot()
    def export_metrics(self) -> None:
        path = self._ask_save_path(self.tr("Export Metrics"), "metrics.csv", self.tr("CSV files (*.csv)"))
        if not path:
            return
        try:
            with open(path, "w", encoding="utf-8") as handle:
                handle.write(self.training_view.history.to_csv())
        except OSError as error:
            self._warn(self.tr("Could not write {0} ({1}); choose a folder you can write to.").format(
                path, error.strerror or error))

    def _ask_save_path(self, title: str, default_name: str, filters: str) -> str:
        folder = str(self.settings.value("files/last_folder", ""))
        path, _ = QFileDialog.getSaveFileName(self, title, f"{folder}/{default_name}" if folder else default_name, filters)
        if path:
            self.settings.setValue("files/last_folder", path.rsplit("/", 1)[0])
        return path

    def _warn(self, message: str) -> None:
        QMessageBox.warning(self, self.tr("Glassbox"), message)

    @Slot()
    def toggle_full_screen(self) -> None:
        self.showNormal() if self.isFullScreen() else self.showFullScreen()

    @Slot()
    def show_shortcuts(self) -> None:
        QMessageBox.information(
            self,
            self.tr("Keyboard Shortcuts"),
            self.tr(
                "Training tab:\n"
                "  Space — play or pause training\n"
                "  Right arrow — one training step\n"
                "Network tab:\n"
                "  Space — play or pause one example's pass\n"
                "  Right arrow — animate one layer (a new example when the pass is done)\n"
                "  Shift+Right — to the end of the phase;  Left — back;  N — next example\n"
                "  Page Down / Page Up (a presentation clicker) — step and back\n"
                "  Click a neuron — its inspector;  click an edge — type a weight\n"
                "Convolution tab:\n"
                "  Ctrl+O — open an image;  Ctrl+V — paste one;  or drop a file on the window\n"
                "  Ctrl+Z — undo a stroke on the drawing\n"
                "  Kernel playground: P — play or pause;  . — step;  , — back;  End — to the end\n"
                "Everywhere:\n"
                "  Ctrl+R — reset the weights\n"
                "  Ctrl+S — save the current view as a PNG image\n"
                "  Ctrl+E — export the metrics as CSV\n"
                "  F11 — full screen, for the projector\n"
                "  Ctrl+Q — quit"
            ),
        )

    @Slot()
    def show_about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About Glassbox"),
            self.tr(
                "<h3>Glassbox {0}</h3><p>Opens the black box of a neural network for the classroom: "
                "watch a real PyTorch network train, live.</p><p>PySide6, pyqtgraph, NumPy and PyTorch.</p>"
            ).format(__version__),
        )

    # ------------------------------------------------------------------ closing
    def closeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        self.save_settings()
        self.session.shutdown()
        self.conv_tab.shutdown()  # its CNN training thread, if one was started
        if self.landscape_tab.view is not None:  # its optimizer races run in a thread of their own
            self.landscape_tab.view.shutdown()
        super().closeEvent(event)

    def shutdown_worker(self) -> None:
        """Stop the training thread: flag, quit, wait. Safe to call twice."""
        self.session.shutdown()
