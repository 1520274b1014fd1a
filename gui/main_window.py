"""MainWindow: menus, toolbar, the settings dock, the training view and the status bar.

It owns the TrainingWorker and its thread. Worker signals arrive here, in the GUI
thread, through @Slot methods (never lambdas, which PySide6 would run in the worker's
thread). Settings and window geometry persist in QSettings.
"""

from __future__ import annotations

import json
from dataclasses import replace

from PySide6.QtCore import QT_TRANSLATE_NOOP, QSettings, Qt, Slot
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QScrollArea,
    QStyle,
    QTabWidget,
)

from core import __version__
from core.mlp.config import TrainConfig
from core.device import cuda_available
from core.errors import ConfigError, GlassboxError
from core.mlp.reports import RunInfo, TrainingProgress
from core.mlp.trace import ExampleTrace
from gui.style import theme
from gui.convolution.tab import ConvTab
from gui.landscape.tab import LandscapeTab
from gui.widgets.lazy_tab import LazyTab
from gui.network.tab import NetworkTab
from gui.training.curves_view import TrainingView
from gui.training.saved_config import load_saved_config
from gui.training.settings_panel import SettingsPanel
from gui.threads import start_in_thread, stop_thread
from gui.training.worker import TrainingWorker

# Label → steps per second (None: as fast as the machine goes). QT_TRANSLATE_NOOP marks
# the labels for translation; they are translated where they are shown.
SPEEDS = (
    (QT_TRANSLATE_NOOP("MainWindow", "Max"), None),
    (QT_TRANSLATE_NOOP("MainWindow", "1000 steps/s"), 1000.0),
    (QT_TRANSLATE_NOOP("MainWindow", "100 steps/s"), 100.0),
    (QT_TRANSLATE_NOOP("MainWindow", "30 steps/s"), 30.0),
    (QT_TRANSLATE_NOOP("MainWindow", "10 steps/s"), 10.0),
    (QT_TRANSLATE_NOOP("MainWindow", "3 steps/s"), 3.0),
    (QT_TRANSLATE_NOOP("MainWindow", "1 step/s"), 1.0),
)
DEVICE_LABELS = (
    ("auto", QT_TRANSLATE_NOOP("MainWindow", "Automatic (CUDA if available)")),
    ("cpu", QT_TRANSLATE_NOOP("MainWindow", "CPU")),
    ("cuda", QT_TRANSLATE_NOOP("MainWindow", "CUDA GPU")),
)


class MainWindow(QMainWindow):
    def __init__(self, config: TrainConfig | None = None, settings: QSettings | None = None):
        super().__init__()
        self.settings = settings or QSettings()
        self.config = (config or load_saved_config(self.settings)).validated()
        self.setWindowTitle(self.tr("Glassbox — inside a neural network"))
        self.last_progress: TrainingProgress | None = None
        self.last_trace: ExampleTrace | None = None
        self.playing = False
        self._dock_hidden_for_conv = False  # the Convolution tab put the settings dock away

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
        self.panel = SettingsPanel(self.config)
        self._build_dock()
        self._build_actions()
        self._build_menus()
        self._build_toolbar()
        self._build_status_bar()
        self._restore_window()

        self.worker = TrainingWorker(self.config)
        self.speed_combo.currentIndexChanged.connect(self.on_speed_chosen)
        self.worker.run_started.connect(self.on_run_started)
        self.worker.progressed.connect(self.on_progress)
        self.worker.playing_changed.connect(self.on_playing_changed)
        self.worker.diverged.connect(self.on_diverged)
        self.worker.settings_rejected.connect(self.on_settings_rejected)
        self.worker.trace_recorded.connect(self.on_trace_recorded)
        self.worker.landscape_progressed.connect(self.on_landscape_progressed)
        self.worker.landscape_finished.connect(self.on_landscape_finished)
        self.worker.landscape_failed.connect(self.on_landscape_failed)
        self.network_tab.trace_requested.connect(self.on_trace_requested)
        self.network_tab.preset_requested.connect(self.on_preset_requested)
        self.network_tab.architecture_requested.connect(self.on_architecture_requested)
        self.network_tab.inspect_requested.connect(self.on_inspect_requested)
        self.network_tab.weight_edit_requested.connect(self.on_weight_edit_requested)
        self.tabs.currentChanged.connect(self.on_tab_changed)
        self.panel.config_changed.connect(self.on_config_changed)
        self.worker.set_speed(self.speed_combo.currentData())
        self.thread = start_in_thread(self.worker, "glassbox-training")
        self.tabs.setCurrentIndex(self._saved_tab_index())
        self.on_tab_changed(self.tabs.currentIndex())

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
        tab.network.compute_requested.connect(self.on_landscape_requested)
        tab.network.cancel_requested.connect(self.on_landscape_cancel_requested)
        live = self.conv_tab.live  # "Your CNN": the network the Convolution tab trains, in its own thread
        tab.cnn.compute_requested.connect(live.compute_landscape)
        tab.cnn.cancel_requested.connect(live.cancel_landscape)
        live.landscape_progressed.connect(tab.cnn.on_progress)
        live.landscape_finished.connect(tab.cnn.on_finished)
        live.landscape_failed.connect(tab.cnn.on_failed)
        live.stepped.connect(tab.cnn.on_training_step)
        live.network_replaced.connect(tab.cnn.on_network_replaced)
        return tab

    def _network_landscape(self):
        """The "Your network" panel, or None while the Landscape tab has never been opened."""
        tab = self.landscape_tab.view
        return tab.network if tab is not None else None

    def _action(self, text: str, slot, shortcut=None, icon=None, tip: str = "") -> QAction:
        action = QAction(text, self)
        if icon is not None:
            action.setIcon(self.style().standardIcon(icon))
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        if tip:
            action.setToolTip(tip)
            action.setStatusTip(tip)
        action.triggered.connect(slot)
        return action

    def _build_actions(self) -> None:
        pixmap = QStyle.StandardPixmap
        self.play_action = self._action(self.tr("Play"), self.toggle_play, Qt.Key.Key_Space, pixmap.SP_MediaPlay,
                                        self.tr("Train continuously (Space)"))
        self.step_action = self._action(self.tr("Step"), self.worker_step, Qt.Key.Key_Right, pixmap.SP_MediaSkipForward,
                                        self.tr("Do one training step (Right arrow)"))
        self.reset_action = self._action(self.tr("Reset"), self.worker_reset, QKeySequence("Ctrl+R"),
                                         pixmap.SP_BrowserReload, self.tr("New weights from the seed; step 0 (Ctrl+R)"))
        self.open_image_action = self._action(self.tr("Open Image…"), self.open_image, QKeySequence.StandardKey.Open,
                                              tip=self.tr("Open a picture in the Convolution tab (Ctrl+O)"))
        self.paste_image_action = self._action(self.tr("Paste Image"), self.paste_image, QKeySequence.StandardKey.Paste,
                                               tip=self.tr("Show the copied picture in the Convolution tab (Ctrl+V)"))
        self.save_image_action = self._action(self.tr("Save View as Image…"), self.save_plot_image, QKeySequence.StandardKey.Save)
        self.export_csv_action = self._action(self.tr("Export Metrics as CSV…"), self.export_metrics, QKeySequence("Ctrl+E"))
        self.quit_action = self._action(self.tr("Quit"), self.close, QKeySequence.StandardKey.Quit)
        self.fullscreen_action = self._action(self.tr("Full Screen"), self.toggle_full_screen, QKeySequence("F11"))
        self.fullscreen_action.setCheckable(True)
        self.shortcuts_action = self._action(self.tr("Keyboard Shortcuts"), self.show_shortcuts, QKeySequence("F1"))
        self.about_action = self._action(self.tr("About Glassbox"), self.show_about)

        self.device_group = QActionGroup(self)
        self.device_actions: dict[str, QAction] = {}
        for name, label in DEVICE_LABELS:
            action = QAction(self.tr(label), self, checkable=True)
            action.setData(name)
            if name == "cuda" and not cuda_available():
                action.setEnabled(False)
                action.setToolTip(self.tr("No CUDA GPU was found on this computer."))
            action.setChecked(name == self.config.device)
            action.triggered.connect(self.on_device_chosen)
            self.device_group.addAction(action)
            self.device_actions[name] = action

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
        train_menu.addActions([self.play_action, self.step_action, self.reset_action])
        train_menu.addSeparator()
        device_menu = train_menu.addMenu(self.tr("Device"))
        device_menu.addActions(list(self.device_actions.values()))
        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addActions([self.shortcuts_action, self.about_action])

    def _build_toolbar(self) -> None:
        toolbar = self.addToolBar(self.tr("Training"))
        toolbar.setObjectName("training-toolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar.addActions([self.play_action, self.step_action, self.reset_action])
        toolbar.addSeparator()
        toolbar.addWidget(QLabel(self.tr(" Speed ")))
        self.speed_combo = QComboBox()
        for label, rate in SPEEDS:
            self.speed_combo.addItem(self.tr(label), rate)
        self.speed_combo.setToolTip(self.tr("Slow training down to watch it step by step."))
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
        speed = self.settings.value("training/speed_index", 0)
        try:
            index = int(speed)
        except (TypeError, ValueError):
            index = 0
        if 0 <= index < self.speed_combo.count():
            self.speed_combo.setCurrentIndex(index)

    def save_settings(self) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        if self._dock_hidden_for_conv:
            self.dock.show()  # save the layout the training tabs use, not the Convolution tab's
        self.settings.setValue("window/state", self.saveState())
        if self._dock_hidden_for_conv:
            self.dock.hide()
        self.settings.setValue("training/config", json.dumps(self.config.to_dict()))
        self.settings.setValue("training/speed_index", self.speed_combo.currentIndex())
        self.settings.setValue("window/tab", self.tabs.currentIndex())
        self.settings.sync()

    # ------------------------------------------------------------------ commands
    @Slot()
    def toggle_play(self) -> None:
        if self.playing:
            self.worker.pause()
        else:
            self.training_view.hide_warning()
            self.worker.play()

    @Slot()
    def worker_step(self) -> None:
        self.worker.step()

    @Slot()
    def worker_reset(self) -> None:
        self.worker.reset()

    @Slot(object)
    def on_config_changed(self, config: TrainConfig) -> None:
        self.worker.apply_settings(config)

    @Slot(int)
    def on_speed_chosen(self, index: int) -> None:
        self.worker.set_speed(self.speed_combo.itemData(index))

    @Slot()
    def on_device_chosen(self) -> None:
        action = self.device_group.checkedAction()
        if action is not None:
            self.panel.set_device(action.data())

    # ------------------------------------------------------------------ worker reports
    @Slot(object, bool)
    def on_run_started(self, info: RunInfo, keep_history: bool) -> None:
        panel = self._network_landscape()
        if panel is not None and not keep_history:  # new weights: a slice on screen shows a network that is gone
            panel.on_network_replaced(reset=info.config == self.config)
        self.config = info.config
        self.panel.set_config(info.config)
        self.training_view.on_run_started(info, keep_history)
        self.network_tab.on_run_started(info, keep_history)
        self.device_label.setText(self.tr("Device: {0}").format(info.device_name))
        self.device_label.setToolTip(self.tr("Where the network's tensors live and train."))

    @Slot(object)
    def on_progress(self, progress: TrainingProgress) -> None:
        self.last_progress = progress
        self.training_view.on_progress(progress)
        self.network_tab.on_progress(progress)
        panel = self._network_landscape()
        if panel is not None:
            panel.on_training_step(progress.step)
        if self.playing:
            self.rate_label.setText(self.tr("{0:,.0f} steps/s").format(progress.steps_per_second))
        self.epoch_label.setText(self.tr("Step {0:,} · epoch {1:,.1f}").format(progress.step, progress.epoch))
        self.worker.report_consumed()

    @Slot(object)
    def on_trace_recorded(self, trace: ExampleTrace) -> None:
        self.last_trace = trace
        self.network_tab.on_trace_recorded(trace)

    @Slot(object)
    def on_trace_requested(self, example_index) -> None:
        self.worker.record_trace(example_index)

    @Slot(int, int, int, float)
    def on_weight_edit_requested(self, layer: int, out: int, inp: int, value: float) -> None:
        self.worker.set_weight(layer, out, inp, value)

    @Slot(object, object)
    def on_architecture_requested(self, hidden: tuple, activations: tuple) -> None:
        """± neurons or layers, or a layer's activation, changed on the graph: train on from the edited network."""
        try:
            config = replace(self.config, hidden=tuple(hidden), activation=activations[0] if activations
                             else self.config.activation, layer_activations=tuple(activations)).validated()
        except ConfigError as error:
            self.statusBar().showMessage(str(error), 10000)
            return
        self.panel.set_config(config)
        self.worker.apply_settings(config, keep_weights=True)

    @Slot(object)
    def on_inspect_requested(self, neuron) -> None:
        self.worker.inspect_neuron(neuron)

    @Slot(str, int)
    def on_landscape_requested(self, directions: str, resolution: int) -> None:
        self.worker.compute_landscape(directions, resolution)

    @Slot()
    def on_landscape_cancel_requested(self) -> None:
        self.worker.cancel_landscape()

    @Slot(float, object)
    def on_landscape_progressed(self, fraction: float, landscape) -> None:
        panel = self._network_landscape()
        if panel is not None:
            panel.on_progress(fraction, landscape)

    @Slot(object)
    def on_landscape_finished(self, result) -> None:
        panel = self._network_landscape()
        if panel is not None:
            panel.on_finished(result)

    @Slot(str)
    def on_landscape_failed(self, sentence: str) -> None:
        panel = self._network_landscape()
        if panel is not None:
            panel.on_failed(sentence)
        self.statusBar().showMessage(sentence, 10000)

    @Slot(str)
    def on_preset_requested(self, name: str) -> None:
        """'8 sigmoid layers': the classic picture of vanishing gradients."""
        if name == "deep_sigmoid":
            config = replace(self.config, hidden=(8,) * 8, activation="sigmoid", layer_activations=())
            self.panel.set_config(config)
            self.worker.apply_settings(config)

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
        self.worker.set_extras(on_network, on_network)
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
        self.playing = playing
        pixmap = QStyle.StandardPixmap.SP_MediaPause if playing else QStyle.StandardPixmap.SP_MediaPlay
        self.play_action.setIcon(self.style().standardIcon(pixmap))
        self.play_action.setText(self.tr("Pause") if playing else self.tr("Play"))
        if not playing:
            self.rate_label.setText(self.tr("paused"))

    @Slot(str)
    def on_diverged(self, message: str) -> None:
        self.training_view.show_warning(message)
        self.statusBar().showMessage(message, 15000)

    @Slot(str)
    def on_settings_rejected(self, message: str) -> None:
        """The worker kept the running settings: show them again, with the reason."""
        self.panel.set_config(self.config)
        self.panel.show_error(message)
        self.statusBar().showMessage(message, 15000)
        self.device_actions[self.config.device].setChecked(True)

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
        self.shutdown_worker()
        self.conv_tab.shutdown()  # its CNN training thread, if one was started
        if self.landscape_tab.view is not None:  # its optimizer races run in a thread of their own
            self.landscape_tab.view.shutdown()
        super().closeEvent(event)

    def shutdown_worker(self) -> None:
        """Stop the training thread: flag, quit, wait. Safe to call twice."""
        if self.thread is not None:
            stop_thread(self.worker, self.thread)
            self.thread = None
