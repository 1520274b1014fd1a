"""One example's step-through as an animation: forward layer by layer, the loss, backward, the update.

The Network tab itself (gui.network.tab.NetworkTab) is built offscreen without its toolbar, shown
the run and its weights, and handed the recorded pass as if its worker had sent it; each frame
seeks its TracePlayer to the unit and fraction that time i / fps falls on, so every unit of the
pass takes the same share of the animation, and the tab draws its own caption and formula.
"""

from __future__ import annotations

import math

from gui.animation.sources import FrameSource
from gui.network.tab import NetworkTab
from gui.network.trace_player import units_for

NARROW = 800  # below this width the graph takes the whole frame: beside the map its labels would overlap


class NetworkPassSource(FrameSource):
    """`trace` (core.mlp.trace.ExampleTrace) played through over `seconds`, on the network of `info` and
    `progress` (the TrainingProgress the trace was recorded from: its weights, boundaries, gradients)."""

    def __init__(self, info, progress, trace, size, fps, seconds):
        tab = NetworkTab()
        tab.toolbar.hide()  # a figure for slides: no buttons
        tab.network_view.set_editable(False)
        if size[0] < NARROW or info.dataset.is_image:
            # The decision boundary and the gradient sizes go (an image has no boundary map, and the gradient
            # chart alone is not worth a third of the frame): the graph takes the whole width.
            tab.main_splitter.widget(1).hide()
        if size[0] < NARROW:
            tab.network_view.legend.hide()  # as in presenter mode: the room goes to the graph
        super().__init__(tab, size, fps, seconds)
        tab.on_run_started(info)
        tab.on_progress(progress)
        tab.on_trace_recorded(trace)
        tab.player.pause()  # frames seek it; its clock never runs
        self.units = units_for(len(trace.layers))

    def unit_at(self, index: int) -> tuple[str, int, float]:
        """(phase, layer, fraction) shown in frame `index`."""
        progress = self.position(index) * len(self.units)
        unit = min(len(self.units) - 1, int(math.floor(progress)))
        fraction = min(1.0, progress - unit)
        return self.units[unit].phase, self.units[unit].layer, fraction

    def show(self, index: int) -> None:
        self.widget.player.seek(*self.unit_at(index))
