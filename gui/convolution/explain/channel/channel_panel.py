""""What a channel looks for": the lab's sub-view that finds a channel's top images and grows its favourite one.

ChannelPanel holds the choice (model, data set, layer, channel), a progress bar in seconds with
Stop, the ChannelView that draws the answers, and a ChannelRunner that computes them in a
worker. The tab tells it the model and data set and calls `show_channel` when a feature map is
clicked; a layer box and a channel box let a teacher choose here as well. Nothing here runs torch.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QT_TR_NOOP, QSettings, Signal, Slot
from PySide6.QtWidgets import (QComboBox, QHBoxLayout, QLabel, QProgressBar, QPushButton, QSizePolicy, QSpinBox,
                               QVBoxLayout, QWidget)

from core.cnn.image_sets import DataSource, load_image_set
from gui.convolution.explain.channel.channel_runner import ChannelRunner
from gui.convolution.explain.channel.channel_view import ChannelView
from gui.convolution.explain.model_shelf import LIVE_MODEL, LiveNetwork
from gui.convolution.looks import Looks
from gui.style.zoom import ZOOM
from gui.widgets.clamped_label import ClampedLabel

GENERATED_FOR = {"digits": "digits", "shapes": "shapes"}  # an architecture's own generated set, when none is chosen
PROGRESS_WIDTH = 160  # pixels at 100%: the bar beside the status line
SETTING = "convolution/channel"  # the last layer and channel chosen, offered again (never searched by itself)


class ChannelPanel(QWidget):
    """Choose a channel; see the held-out images that excite it most, and grow the image it likes most."""

    message = Signal(str)  # a sentence the tab may show (a refusal, something unexpected)

    def __init__(self, settings: QSettings | None, models_dir: str | os.PathLike | None,
                 cache_dir: str | os.PathLike | None, threaded: bool = True, parent: QWidget | None = None,
                 loader=load_image_set, frame_s: float | None = None):
        """`threaded=False` answers every request before the call returns (tests, pictures); `loader` (how a data
        set is loaded, load_image_set's signature) and `frame_s` (the dream's pace) let tests go faster."""
        super().__init__(parent)
        self.settings = settings
        self.model: str | None = None
        self.source: DataSource | None = None
        self.layers = None  # ModelLayers of the model, once described
        self.layer: str | None = None
        self.channel: int | None = None
        self.searching = self.dreaming = False
        self._wanted = False  # a search waits for the model's layers
        self._status = lambda: ""  # writes the status line in the current language
        self.runner = ChannelRunner(models_dir, cache_dir, threaded, loader, frame_s, parent=self)
        self.looks = Looks(self)
        self._build()
        self._connect()
        self.retranslate_dynamic()

    def _build(self) -> None:
        self.layer_box = QComboBox()
        self.layer_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.channel_box = QSpinBox()
        self.channel_box.setRange(0, 0)
        self.channel_box.setEnabled(False)
        layer_label, channel_label = QLabel(), QLabel()
        self.looks.text(layer_label.setText, QT_TR_NOOP("Layer"))
        self.looks.text(channel_label.setText, QT_TR_NOOP("Channel"))
        self.looks.text(self.layer_box.setToolTip, QT_TR_NOOP("The layer whose channel you want to look into."))
        self.looks.text(self.channel_box.setToolTip, QT_TR_NOOP("Which of the layer's channels (its feature maps)."))
        self.progress = QProgressBar()
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.progress.setTextVisible(False)
        self.progress.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.stop_button = QPushButton()
        self.progress.setVisible(False)
        self.stop_button.setEnabled(False)
        self.looks.text(self.stop_button.setText, QT_TR_NOOP("Stop"))
        self.looks.text(self.stop_button.setToolTip, QT_TR_NOOP("Stop searching; choosing a channel starts again."))
        self.status = ClampedLabel(lines=1)
        self.view = ChannelView()
        self.grow_button = QPushButton()
        self.grow_button.setEnabled(False)
        self.view.dream_controls.addWidget(self.grow_button)

        for widget in (layer_label, self.layer_box, channel_label, self.channel_box):
            self.view.header.addWidget(widget)
        self.progress.setMaximumWidth(ZOOM.px(PROGRESS_WIDTH))
        progress_row = QHBoxLayout()
        progress_row.setContentsMargins(0, 0, 0, 0)
        progress_row.addWidget(self.progress)
        progress_row.addWidget(self.status, 1)
        progress_row.addWidget(self.stop_button)
        column = QVBoxLayout(self)
        column.setContentsMargins(4, 4, 4, 4)
        column.setSpacing(4)
        column.addWidget(self.view, 1)
        column.addLayout(progress_row)

    def _connect(self) -> None:
        self.layer_box.activated.connect(self._on_layer_chosen)
        self.channel_box.valueChanged.connect(self._on_channel_chosen)
        self.stop_button.clicked.connect(self._on_stop)
        self.grow_button.clicked.connect(self._on_grow)
        self.runner.described.connect(self._on_described)
        self.runner.progressed.connect(self._on_progressed)
        self.runner.found.connect(self._on_found)
        self.runner.dreamed.connect(self._on_dreamed)
        self.runner.refused.connect(self._on_refused)
        self.runner.ended.connect(self._on_ended)
        self.runner.failed.connect(self._on_failed)

    # ------------------------------------------------------------ what the tab tells it
    def set_model(self, name: str) -> None:
        """Look through a stored model (its name) or the network in training (LIVE_MODEL)."""
        if name == self.model:  # the tab says so at every analysis; its layers are known or on their way
            return
        self.model, self.layers = name, None
        self._wanted = self._wanted or self.searching  # a search cut short by the change starts again
        self._stopped_running()
        self.view.dream.clear()  # another model's dream
        self.runner.describe(name)

    def set_live_network(self, network: LiveNetwork) -> None:
        """A new network in training; if it is the one shown, its layers are read again."""
        self.runner.set_live_network(network)
        if self.model == LIVE_MODEL:
            self.layers = None
            self._wanted = self._wanted or self.searching
            self._stopped_running()
            self.view.dream.clear()
            self.runner.describe(LIVE_MODEL)

    def set_live_weights(self, weights: dict) -> None:
        """The network in training has new weights; the next search or dream uses them."""
        self.runner.set_live_weights(weights)

    def forget(self, name: str) -> None:
        """Model `name` was saved over: open it again when it is next used."""
        self.runner.forget(name)
        if name == self.model:  # its layers may have changed: read them again, and search again if one was shown
            self.model = None
            self.set_model(name)

    def set_source(self, source: DataSource) -> None:
        """The lab's current data set: its held-out images are the ones searched."""
        if source == self.source:
            return
        self.source = source
        if self.layer is not None and (self.searching or self.view.top is not None):
            self._search()

    def show_channel(self, layer: str, channel: int) -> None:
        """Start finding the images that excite this channel most, now (a running search or dream stops)."""
        self.layer, self.channel = str(layer), int(channel)
        if self.settings is not None:
            self.settings.setValue(SETTING + "/layer", self.layer)
            self.settings.setValue(SETTING + "/channel", self.channel)
        self._select(self.layer, self.channel)
        self._search()

    def shutdown(self) -> None:
        """Stop the worker (the window is closing); safe to call twice."""
        self.runner.shutdown()
        self._stopped_running()

    # ------------------------------------------------------------ starting jobs
    def _search(self) -> None:
        self.view.set_channel(self.layer, self.channel)
        self._set_dreaming(False)
        self.grow_button.setEnabled(self.model is not None)
        if self.model is None:  # the search starts when the tab names the model
            self._wanted = True
            self._say(lambda: self.tr("Choose a model first."))
            return
        if self.layers is None:  # the search starts when the model's layers are known
            self._wanted = True
            return
        source = self.source or (DataSource(GENERATED_FOR[self.layers.info.architecture])
                                 if self.layers.info.architecture in GENERATED_FOR else None)
        if source is None:
            self._refuse(self.tr("Choose a data set in the training panel below first."))
            return
        self._wanted = False
        self._show_progress(True)
        self.progress.setRange(0, 0)  # busy until the first progress arrives
        self._say(lambda: self.tr("Looking for the images that excite {0}, channel {1}…").format(
            self.layer, self.channel))
        if self.view.top is None:  # the empty grid says so too, until the images come
            self.view.show_sentence(self.status.text())
        self.runner.top(self.model, source, self.layer, self.channel)

    @Slot()
    def _on_grow(self) -> None:
        if self.dreaming:
            self.runner.cancel()
            return
        if self.model is None or self.layer is None:
            return
        self.view.dream.clear()
        self._set_dreaming(True)
        self.runner.dream(self.model, self.layer, self.channel)

    @Slot()
    def _on_stop(self) -> None:
        self.runner.cancel()

    @Slot(int)
    def _on_layer_chosen(self, index: int) -> None:
        layer = self.layer_box.itemData(index)
        if layer is None:
            return
        count = dict(self.layers.layers).get(layer, 1) if self.layers is not None else 1
        channel = min(self.channel_box.value(), count - 1)
        self.show_channel(layer, channel)

    @Slot(int)
    def _on_channel_chosen(self, value: int) -> None:
        layer = self.layer_box.currentData()
        if layer is not None and (layer, value) != (self.layer, self.channel):
            self.show_channel(layer, value)

    def _select(self, layer: str | None, channel: int | None) -> None:
        """Show `layer` and `channel` in the boxes without starting anything."""
        self.layer_box.blockSignals(True)
        self.channel_box.blockSignals(True)
        index = self.layer_box.findData(layer)
        if index >= 0:
            self.layer_box.setCurrentIndex(index)
            count = dict(self.layers.layers)[layer]
            self.channel_box.setRange(0, count - 1)
            self.channel_box.setEnabled(True)
        if channel is not None:
            self.channel_box.setValue(channel)
        self.layer_box.blockSignals(False)
        self.channel_box.blockSignals(False)

    # ------------------------------------------------------------ answers
    @Slot(object)
    def _on_described(self, layers) -> None:
        self.layers = layers
        self.view.dream.set_normalisation(layers.mean, layers.std)
        self.layer_box.blockSignals(True)
        self.layer_box.clear()
        for name, count in layers.layers:
            self.layer_box.addItem(name, name)
        self.layer_box.blockSignals(False)
        known = dict(layers.layers)
        if self.layer in known and self.channel is not None and self.channel < known[self.layer]:
            self._select(self.layer, self.channel)
            if self._wanted or self.view.top is not None:
                self._search()
            return
        layer, channel = self._remembered()
        layer = layer if layer in known else next(iter(known), None)
        if layer is not None:
            self._select(layer, min(max(0, channel), known[layer] - 1))
        if self.layer is not None:  # the channel shown is not in this model
            self.layer = self.channel = None
            self._wanted = False
            self.view.set_channel(None, None)
            self.grow_button.setEnabled(False)
        self._say(lambda: "")

    def _remembered(self) -> tuple[str | None, int]:
        """The layer and channel chosen last time (settings may hold anything: bad values count as none)."""
        if self.settings is None:
            return None, 0
        layer = self.settings.value(SETTING + "/layer")
        try:
            channel = int(self.settings.value(SETTING + "/channel", 0))
        except (TypeError, ValueError):
            channel = 0
        return (layer if isinstance(layer, str) else None), channel

    @Slot(object)
    def _on_progressed(self, progress) -> None:
        self.progress.setRange(0, max(1, progress.total))
        self.progress.setValue(progress.done)
        self._say(lambda: self._progress_text(progress))

    @Slot(object)
    def _on_found(self, result) -> None:
        self._show_progress(False, done=True)
        self.view.show_top(result.images, result.class_names, result.mean, result.std)
        self._say(lambda: self.tr("{0} held-out images of {1} searched in {2} s.").format(
            result.images.searched, result.title, f"{max(result.seconds, 0.01):.2g}"))  # 0.04 s, not "0.0 s"

    @Slot(object, bool)
    def _on_dreamed(self, frame, last: bool) -> None:
        self.view.dream.add_frame(frame)
        if last:
            self._set_dreaming(False)

    @Slot(str, str)
    def _on_refused(self, kind: str, sentence: str) -> None:
        if kind == "dream":
            self._set_dreaming(False)
            self._say(lambda: sentence)
            self.message.emit(sentence)
        else:
            self._refuse(sentence)

    @Slot(str)
    def _on_ended(self, kind: str) -> None:
        if kind == "dream":
            self._set_dreaming(False)
            return
        self._show_progress(False)
        self._say(lambda: self.tr("Stopped. Choose a channel to search again."))

    @Slot(str)
    def _on_failed(self, sentence: str) -> None:
        self._stopped_running()
        self._say(lambda: sentence)
        self.message.emit(sentence)

    # ------------------------------------------------------------ state and words
    def _refuse(self, sentence: str) -> None:
        self._show_progress(False)
        self.view.show_sentence(sentence)
        self._say(lambda: sentence)
        self.message.emit(sentence)

    def _show_progress(self, searching: bool, done: bool = False) -> None:
        """The bar while a search runs and full once it is done; otherwise the status line has its room."""
        self.searching = searching
        self.stop_button.setEnabled(searching)
        if not searching:
            self.progress.setRange(0, 1)
            self.progress.setValue(1 if done else 0)
        self.progress.setVisible(searching or done)

    def _stopped_running(self) -> None:
        self._show_progress(False)
        self._set_dreaming(False)

    def _set_dreaming(self, on: bool) -> None:
        self.dreaming = on
        self.retranslate_dynamic()

    def _say(self, text) -> None:
        self._status = text
        self.status.setText(text())

    def _progress_text(self, progress) -> str:
        left = progress.seconds_left
        left = "" if left is None else self.tr(" · less than a second left") if left < 1 else \
            self.tr(" · about {0} s left").format(round(left))
        if progress.phase == "loading":
            what = progress.what[:1].upper() + progress.what[1:]  # the core's phrase starts a sentence here
            return self.tr("{0}: {1} of {2}{3}").format(what, progress.done, progress.total, left)
        return self.tr("Searched {0} of {1} held-out images{2}").format(progress.done, progress.total, left)

    def rezoom(self) -> None:
        self.progress.setMaximumWidth(ZOOM.px(PROGRESS_WIDTH))

    def retranslate_dynamic(self) -> None:
        if not hasattr(self, "grow_button"):
            return
        self.grow_button.setText(self.tr("Stop growing") if self.dreaming else self.tr("Grow the image it likes most"))
        self.grow_button.setToolTip(self.tr(
            "Start from noise and change the image step by step so this channel answers more strongly."))
        self.status.setText(self._status())

