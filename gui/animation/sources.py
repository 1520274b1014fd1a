"""Frame sources: the tabs' own widgets, built offscreen, moved to frame i and drawn at the animation's size.

Every source has `size` (width, height), `fps`, `frame_count` and `frame(i) -> QImage` of exactly
`size`, and `close()` when the recording is done. A source is fed finished numpy results (a trace,
reports, a race's paths, an image): it never runs torch, so it can draw on the GUI thread between
a recorder's slices. Frame i shows the animation at time i / fps; the last second or so holds the
end, so a looping GIF lets the class see the result before it starts again.

    network_pass_source(info, progress, trace, size, fps, seconds)   one example's pass (source_network)
    training_source(info, reports, history, size, fps, seconds)       the network learning (source_training)
    race_source(race_state, paths, size, fps, seconds)                the optimizer race (source_race)
    kernel_source(pixels, playground_state, size, fps, seconds)       the kernel sliding (source_kernel)
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QWidget

from core.animation.settings import frame_count

HOLD_SECONDS = 1.0  # the end stays on screen this long (at most a fifth of the animation)


class FrameSource:
    """A widget drawn frame by frame. Subclasses move the widget to a frame in `show(i)`."""

    def __init__(self, widget: QWidget, size: tuple[int, int], fps: int, seconds: float, least_width: int = 0):
        self.widget = widget
        self.size = (int(size[0]), int(size[1]))
        # A view laid out for a wider screen than the frame is drawn that wide and scaled down: smaller text
        # beats panels that overlap. Never drawn smaller and scaled up.
        scale = max(1.0, least_width / self.size[0])
        self.drawn = (round(self.size[0] * scale), round(self.size[1] * scale))
        self.fps = int(fps)
        self.seconds = float(seconds)
        self.frame_count = frame_count(fps, seconds)
        self.hold_frames = min(int(round(HOLD_SECONDS * self.fps)), self.frame_count // 5)
        self._painted_once = False
        widget.resize(*self.drawn)

    def position(self, index: int) -> float:
        """How far through the animation frame `index` is, 0 to 1 (1 for the held end)."""
        moving = self.frame_count - self.hold_frames - 1
        if moving <= 0:
            return 1.0
        return min(1.0, max(0.0, index / moving))

    def frame(self, index: int) -> QImage:
        """Frame `index` (0 ≤ index < frame_count) as a QImage of exactly `size`."""
        if not 0 <= index < self.frame_count:
            raise IndexError(f"frame {index} of {self.frame_count}")
        self.show(index)
        image = grab_at(self.widget, self.size, first=not self._painted_once, drawn=self.drawn)
        self._painted_once = True
        return image

    def show(self, index: int) -> None:
        raise NotImplementedError

    def close(self) -> None:
        """Let the widget go (its timers stop with it)."""
        self.widget.close()

    def __enter__(self):
        return self

    def __exit__(self, *_):
        self.close()


def grab_at(widget: QWidget, size: tuple[int, int], first: bool = False,
            drawn: tuple[int, int] | None = None) -> QImage:
    """`widget` drawn at `drawn` (default `size`), as an RGB QImage of exactly `size`.

    A widget drawn larger than `size` (asked to, or because it cannot shrink that far) is scaled down,
    centred on its own background: never a small picture scaled up. `first`: paint once before the real
    grab, because plots widen their axes to fit their tick labels only after a first paint (gui/snapshot.py).
    """
    drawn = drawn or size
    if widget.size().width() != drawn[0] or widget.size().height() != drawn[1]:
        widget.resize(*drawn)
    if widget.layout() is not None:
        widget.layout().activate()
    if first:
        widget.grab()
    QCoreApplication.sendPostedEvents()  # layout requests the data changes posted; never timers or input
    shot = widget.grab().toImage()
    if (shot.width(), shot.height()) != tuple(size):
        shot = _fitted(shot, size, widget.palette().window().color())
    return shot.convertToFormat(QImage.Format.Format_RGB888)


def _fitted(shot: QImage, size: tuple[int, int], background) -> QImage:
    scaled = shot.scaled(*size, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation)
    picture = QImage(*size, QImage.Format.Format_RGB32)
    picture.fill(background)
    painter = QPainter(picture)
    painter.drawImage((size[0] - scaled.width()) // 2, (size[1] - scaled.height()) // 2, scaled)
    painter.end()
    return picture


def image_array(image: QImage) -> np.ndarray:
    """A QImage as the H×W×3 uint8 RGB array core.animation.writer takes (a copy)."""
    image = image.convertToFormat(QImage.Format.Format_RGB888)
    width, height, line = image.width(), image.height(), image.bytesPerLine()
    data = np.frombuffer(image.constBits(), np.uint8, count=line * height).reshape(height, line)
    return data[:, : 3 * width].reshape(height, width, 3).copy()


def network_pass_source(info, progress, trace, size, fps, seconds):
    from gui.animation.source_network import NetworkPassSource

    return NetworkPassSource(info, progress, trace, size, fps, seconds)


def training_source(info, reports, history, size, fps, seconds):
    from gui.animation.source_training import TrainingSource

    return TrainingSource(info, reports, history, size, fps, seconds)


def race_source(race_state, paths, size, fps, seconds):
    from gui.animation.source_race import RaceSource

    return RaceSource(race_state, paths, size, fps, seconds)


def kernel_source(pixels, playground_state, size, fps, seconds, name: str = "image"):
    from gui.animation.source_kernel import KernelSource

    return KernelSource(pixels, playground_state, size, fps, seconds, name)
