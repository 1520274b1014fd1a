"""The kernel sliding over an image as an animation: the output map fills in position by position.

The lab's kernel playground itself (gui.convolution.kernel_playground.KernelPlayground) is built
offscreen on the image, with the settings of `playground_state`; frame i shows the position that
time i / fps falls on, slowly at first and then faster, so the window crosses the whole image in the
animation's length (its arithmetic row shows that position's numbers) and the last second holds the
finished map.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np
from PySide6.QtWidgets import QLabel, QPushButton, QSlider

from core.data.images import from_array
from gui.animation.sources import FrameSource
from gui.convolution.kernel_playground import KernelPlayground

LEAST_WIDTH = 900  # narrower, the maps, the numbers and the colour bar overlap: draw this wide and scale down
REBUILD_JUMP = 48  # further than this ahead (or any way back), restore the position instead of stepping to it


class KernelSource(FrameSource):
    """`pixels` (H×W×3 uint8, the lab's image) under `playground_state` (gui.convolution.state.PlaygroundState)."""

    def __init__(self, pixels: np.ndarray, playground_state, size, fps, seconds, name: str = "image"):
        playground = KernelPlayground()
        _as_figure(playground)
        super().__init__(playground, size, fps, seconds, least_width=LEAST_WIDTH)
        playground.grab()  # delivers the pending resize, where the playground lays itself out for this width
        playground.arithmetic.set_wide(True)  # with no settings column the numbers fit in one row: the maps grow
        self.state = replace(playground_state, step=-1)
        playground.set_image(from_array(pixels, name))
        applied = playground.apply_state(self.state)
        # Settings that do not fit the image (a 5×5 kernel with stride 4 on 16 pixels): the playground's sentence.
        self.refusal = "" if applied and self.positions else playground.message.text()

    @property
    def positions(self) -> int:
        """How many positions the window takes (0 when the settings do not fit the image)."""
        return self.widget.step_count

    def step_at(self, index: int) -> int:
        """The position shown in frame `index`: 0 in the first frame, the last one from the hold on.

        The window starts slowly and speeds up (the square of the time): the first positions stay long
        enough to read their arithmetic, and the map still fills in within the animation's length.
        """
        if self.positions == 0:
            return -1
        return int(round(self.position(index) ** 2 * (self.positions - 1)))

    def show(self, index: int) -> None:
        playground, target = self.widget, self.step_at(index)
        current = playground.current_step_index
        if target < current or target - current > REBUILD_JUMP:
            playground.apply_state(replace(self.state, step=target))
            return
        for _ in range(target - current):
            playground.step()


def _as_figure(playground: KernelPlayground) -> None:
    """A figure for slides: the maps, the arithmetic, the formula and "Position n of N"; no settings, buttons
    or speed slider (the settings are in the heading and the formula)."""
    playground.side.hide()
    bar = playground.playback
    for widget in bar.findChildren(QPushButton) + bar.findChildren(QSlider) + bar.findChildren(QLabel):
        if widget is not bar.position:
            widget.hide()
