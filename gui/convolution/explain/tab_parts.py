"""ConvTab's explanation side: the "Where does it look?" and "What a channel looks for" sub-views, and the network
in training as every view of the lab sees it.

A mixin (like state.LabParts) so tab.py stays about images and models. The tab supplies `views`, `cnn_view`,
`training`, `live`, `analysis`, `canvas`, `image`, `source`, `model_name`, `_infos`, `_fill_models`, `set_model`,
`_analyse`, `_say` and `_report_state`. Every worker of the lab gets the same news: the model chosen, the
network in training and each report's weights, a model saved over, and the training panel's pictures.
"""

from __future__ import annotations

from dataclasses import replace
from functools import partial

from PySide6.QtCore import QT_TR_NOOP, Qt, Slot

from gui.convolution.explain.channel.channel_panel import ChannelPanel
from gui.convolution.explain.model_shelf import LIVE_MODEL, LiveNetwork
from gui.convolution.explain.saliency.saliency_panel import SaliencyPanel
from gui.convolution.looks import scrolled

SALIENCY_VIEW, CHANNEL_VIEW = 2, 3  # their places in the lab's views (state.VIEWS)


class ExplainParts:
    """The sub-views that answer "why?", joined to the lab's model, image, training and feature maps."""

    def _build_explanations(self, settings, models_dir, cache_dir, threaded: bool) -> None:
        self.saliency = SaliencyPanel(models_dir, threaded)
        self.channels = ChannelPanel(settings, models_dir, cache_dir, threaded)
        # Scrolled when the room is smaller than they need (the training panel open on a small screen), as the
        # playground is: the lab's minimum size stays what a projector gives.
        self.views.addTab(scrolled(self.saliency), "")
        self.views.addTab(scrolled(self.channels), "")
        # Four titles on a projector's 1024 pixels: every tab stays in sight, shortened ("…") where it must be,
        # whole in its tooltip, rather than hidden behind scroll arrows.
        self.views.setUsesScrollButtons(False)
        self.views.setElideMode(Qt.TextElideMode.ElideRight)
        for index, title, tip in (
                (SALIENCY_VIEW, QT_TR_NOOP("Where does it look?"), QT_TR_NOOP(
                    "Three maps of where the network looks for a class: gradient saliency, Grad-CAM and occlusion.\n"
                    "Click a class's bar to explain that class instead of the network's answer.")),
                (CHANNEL_VIEW, QT_TR_NOOP("What a channel looks for"), QT_TR_NOOP(
                    "The test images that excite one channel most, and the image it likes best.\nClick a feature map "
                    "in \"What the network sees\", then \"What does this channel look for?\" in its window."))):
            self.looks.text(partial(self.views.setTabText, index), title)
            self.looks.text(partial(self.views.setTabToolTip, index), tip)
        self.channels.set_source(self.training.current_source())
        self.training.changed.connect(self._on_training_settings)
        self.training.load_requested.connect(self._on_training_load)
        self.cnn_view.detail_changed.connect(self._on_detail_changed)
        self.channels.message.connect(self._on_channel_message)
        self.saliency.changed.connect(self._report_state)

    def show_saliency(self) -> None:
        self.views.setCurrentIndex(SALIENCY_VIEW)

    def show_channel(self, layer: str, index: int) -> None:
        """The channel sub-view, finding what channel `index` of `layer` looks for."""
        self.views.setCurrentIndex(CHANNEL_VIEW)
        self.channels.show_channel(layer, index)

    def _explain(self) -> None:
        """The model and image now on screen, for the explanation views (each asks only for what changed)."""
        for panel in (self.saliency, self.channels):
            panel.set_model(self.model_name)
        mid_stroke = self.source == "drawing" and self.canvas.drawing
        self.saliency.set_image(self.image, settled=not mid_stroke)

    def _shutdown_explanations(self) -> None:
        self.saliency.shutdown()
        self.channels.shutdown()

    # ------------------------------------------------------------------ the network in training
    @Slot(object)
    def _on_live_network(self, run) -> None:
        """A training run (CnnRunInfo) has its data and its starting weights: show it in place of the chosen model."""
        self._show_live_network(run.architecture, run.info, run.weights, run.title)

    def _show_live_network(self, architecture: str, info, weights: dict, title: str) -> None:
        self._infos[LIVE_MODEL] = info
        self._live_title = title
        self._live_network = LiveNetwork(architecture, info, weights)
        for worker in (self.analysis, self.saliency, self.channels):
            worker.set_live_network(self._live_network)
        self._fill_models()
        self.set_model(LIVE_MODEL)

    def looking_through_live_network(self) -> bool:
        return self.model_name == LIVE_MODEL

    @Slot(object)
    def _on_live_weights(self, weights: dict) -> None:
        if self._live_network is not None:
            self._live_network = replace(self._live_network, weights=weights)
        for worker in (self.analysis, self.saliency, self.channels):
            worker.set_live_weights(weights)
        if self.model_name == LIVE_MODEL and self.image is not None and self.isVisible():
            self._analyse()

    @Slot(str)
    def _on_model_saved(self, name: str) -> None:
        self._infos.pop(name, None)  # a model saved over an older one of that name is read again
        for worker in (self.analysis, self.saliency, self.channels):
            worker.forget(name)
        self._fill_models()

    # ------------------------------------------------------------------ joining the views
    @Slot()
    def _on_training_settings(self) -> None:
        self.channels.set_source(self.training.current_source())

    @Slot(object, object)
    def _on_training_load(self, source, _config) -> None:
        self.channels.set_source(source)  # the pictures the network in training learns from

    @Slot()
    def _on_detail_changed(self) -> None:
        """The map window opened: its "What does this channel look for?" leads to the channel sub-view."""
        detail = self.cnn_view.detail
        if detail is not None and not detail.property("channel_linked"):
            detail.channel_asked.connect(self._on_channel_asked)
            detail.setProperty("channel_linked", True)

    @Slot(str, int)
    def _on_channel_asked(self, layer: str, index: int) -> None:
        self.cnn_view.detail.close()  # it covers the lab, where the answer is shown
        self.show_channel(layer, index)

    @Slot(str)
    def _on_channel_message(self, sentence: str) -> None:
        self._say(sentence, error=True)
