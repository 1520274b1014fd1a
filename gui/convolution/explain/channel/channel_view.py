"""What a channel looks for, drawn: its top images in a grid beside the image grown for it.

ChannelView draws finished results (ChannelImages, DreamFrame: numpy only); the panel
(channel_panel.py) feeds it from its worker, and `channel_widget` fills one headlessly for
`snapshot --view channel`. Nothing here runs torch.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
from PySide6.QtCore import QT_TR_NOOP, QSize
from PySide6.QtWidgets import QHBoxLayout, QSizePolicy, QVBoxLayout, QWidget

from core.cnn.channels import ChannelImages, DreamFrame
from core.nets.model_store import ModelInfo
from gui.convolution.explain.channel.channel_dream_view import DreamView
from gui.convolution.explain.channel.channel_pixels import normalisation, to_pixels
from gui.convolution.explain.channel.channel_tiles import Tile, TileGrid
from gui.convolution.looks import Looks, shown_name, translate
from gui.style import theme
from gui.style.numbers import fixed
from gui.widgets.clamped_label import ClampedLabel

GRID_SHARE, DREAM_SHARE = 3, 2  # how the width is split between the top images and the dream
HOW_TO_CHOOSE = QT_TR_NOOP("Click a feature map in “What the network sees”, or choose a layer and a channel above: "
                           "the images that excite that channel most appear here.")
DREAM_HINT = QT_TR_NOOP("“Grow” starts from noise and changes the image, step by step, so the channel "
                        "answers more and more strongly.")
LEGEND = QT_TR_NOOP("Orange box: the patch where the channel answers most. Below: class · value.")
LEGEND_TIP = QT_TR_NOOP("Each image is one of the held-out images, strongest first. The orange box is the part of "
                        "the image the channel sees at the place where its value is highest; below the image are "
                        "its class and that value.")


class ChannelView(QWidget):
    """Title, 3×3 grid of top images with their legend, and the dream with its curve."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.looks = Looks(self)
        self.layer: str | None = None
        self.channel: int | None = None
        self.top: ChannelImages | None = None
        self.class_names: tuple[str, ...] = ()
        self._grid_sentence: str | None = None  # a sentence shown instead of the tiles (None: how to choose)

        self.title = ClampedLabel(lines=1)
        self.looks.font(self.title, theme.PLOT_LABEL_POINT_SIZE, bold=True)
        self.grid = TileGrid()
        self.legend = ClampedLabel(lines=1)
        self.looks.text(self.legend.setText, LEGEND)
        self.looks.text(self.legend.setToolTip, LEGEND_TIP)
        self.dream_title = ClampedLabel(lines=1)
        self.looks.font(self.dream_title, theme.BASE_POINT_SIZE, bold=True)
        self.looks.text(self.dream_title.setText, QT_TR_NOOP("The image it likes most"))
        self.dream = DreamView()
        self.looks.text(self.dream.set_empty_text, DREAM_HINT)
        self.dream_controls = QHBoxLayout()  # the panel puts Grow/Stop here
        self.dream_controls.setContentsMargins(0, 0, 0, 0)
        self.header = QHBoxLayout()  # the title; the panel adds its layer and channel boxes after it
        self.header.setContentsMargins(0, 0, 0, 0)
        self.header.addWidget(self.title, 1)

        left = QVBoxLayout()
        left.setContentsMargins(0, 0, 0, 0)
        left.addWidget(self.grid, 1)
        right = QVBoxLayout()
        right.setContentsMargins(0, 0, 0, 0)
        right.addWidget(self.dream_title)
        right.addWidget(self.dream, 1)
        right.addLayout(self.dream_controls)
        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.addLayout(left, GRID_SHARE)
        body.addSpacing(12)
        body.addLayout(right, DREAM_SHARE)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(self.header)
        column.addLayout(body, 1)
        column.addWidget(self.legend)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.retranslate_dynamic()

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return QSize(680, 380)

    def rezoom(self) -> None:
        """The painted parts take their fonts and line widths from the zoom when they next paint."""
        self.grid.update()
        self.dream.update()

    # ------------------------------------------------------------ what it shows
    def set_channel(self, layer: str | None, channel: int | None) -> None:
        """Name the channel in the title; the tiles of another channel go."""
        if (layer, channel) != (self.layer, self.channel):
            self.top = None
            self.grid.set_tiles([])
            self.dream.clear()
        self.layer, self.channel = layer, channel
        self._grid_sentence = None
        self.retranslate_dynamic()

    def show_top(self, top: ChannelImages, class_names: Sequence[str], mean: np.ndarray, std: np.ndarray) -> None:
        """The top images, strongest first, in pixels (x·std + mean), with outlines and captions."""
        self.layer, self.channel = top.layer, int(top.channel)
        self.top, self.class_names = top, tuple(class_names)
        self._pixels = to_pixels(top.images, mean, std) if len(top.images) else np.zeros((0, 1, 1, 3), np.uint8)
        self._grid_sentence = None
        self.retranslate_dynamic()

    def show_sentence(self, sentence: str) -> None:
        """One sentence in place of the tiles (a data set to download first, a model that does not fit)."""
        self.top = None
        self.grid.set_tiles([])
        self._grid_sentence = sentence
        self.grid.set_empty_text(sentence)

    def retranslate_dynamic(self) -> None:
        if self.layer is None:
            self.title.setText(self.tr("What does a channel look for?"))
        else:
            self.title.setText(self.tr("{0}, channel {1}: what excites it most").format(self.layer, self.channel))
        self.grid.set_empty_text(self._grid_sentence if self._grid_sentence is not None else
                                 translate(HOW_TO_CHOOSE) if self.layer is None else "")
        if self.never_fires:  # nine arbitrary images at 0 would teach nothing
            self.grid.set_tiles([])
            self.grid.set_empty_text(self.tr(
                "Channel {1} of {0} never fires: it stays at 0 or below for all {2} held-out images, so no image "
                "excites it. Try another channel.").format(self.layer, self.channel, self.top.searched))
        elif self.top is not None:
            self.grid.set_tiles([Tile(pixels, tuple(int(v) for v in box), self._caption(label, value))
                                 for pixels, box, label, value in zip(self._pixels, self.top.boxes, self.top.labels,
                                                                      self.top.activations)])

    @property
    def never_fires(self) -> bool:
        """True when the channel's strongest answer to every image searched is 0 or less (a "dead" channel)."""
        return self.top is not None and len(self.top.activations) > 0 and float(np.max(self.top.activations)) <= 0

    def _caption(self, label: int, value: float) -> str:
        if 0 <= label < len(self.class_names):
            return self.tr("{0} · {1}").format(shown_name(self.class_names[label]), fixed(float(value)))
        return fixed(float(value))


def channel_widget(top: ChannelImages | None, dream: DreamFrame | None, info: ModelInfo,
                   frames: Sequence[DreamFrame] | None = None) -> QWidget:
    """A ChannelView filled from finished results, ready to grab (for `snapshot --view channel`).

    The top images' labels are read as `info.class_names`; images are turned back into pixels
    with `info.preprocessing`'s mean and std. `frames`, the dream's frames in order, draw its
    curve (without them the curve is `dream`'s one point). No worker and no torch: numpy in, widget out.
    """
    view = ChannelView()
    view.layout().setContentsMargins(8, 8, 8, 8)  # a picture on its own needs a margin the lab's panel gives it
    preprocessing: Mapping = info.preprocessing or {}
    if top is not None:
        channels = top.images.shape[1] if top.images.ndim == 4 else 1
        view.show_top(top, info.class_names, *normalisation(preprocessing, channels))
    if dream is not None:
        view.dream.set_normalisation(*normalisation(preprocessing, dream.image.shape[0]))
        if top is None:
            view.set_channel(None, None)
        for frame in frames or ():
            if frame.step < dream.step:
                view.dream.add_frame(frame)
        view.dream.add_frame(dream)
    view.resize(view.sizeHint())
    return view
