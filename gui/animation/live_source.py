"""LiveSource: frames grabbed from a widget on screen while it animates, in real time.

Some things only happen live: a network training, the occlusion square sweeping as its worker
answers, the lab's CNN and the autoencoder learning. Nothing can draw those ahead of time, so the
recorder grabs the widget once per frame tick (AnimationRecorder paces a source whose `live` is
True by the clock). The grab is the widget at its size on screen, scaled to fit the film's frame
with its aspect kept; the margins take the window's background colour.
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter, QPalette
from PySide6.QtWidgets import QWidget


class LiveSource:
    """`frame_count` frames of `widget` at `fps`, each `size` = (width, height) pixels, grabbed as time passes."""

    live = True  # paced by real time (AnimationRecorder), not drawn as fast as possible

    def __init__(self, widget: QWidget, size: tuple[int, int], fps: int, seconds: float,
                 on_begin: Callable[[], None] | None = None, on_end: Callable[[], None] | None = None):
        """`on_begin` runs when the recording starts (e.g. start training); `on_end` when it ends, however."""
        width, height = int(size[0]), int(size[1])
        if width < 1 or height < 1 or fps < 1 or seconds <= 0:
            raise ValueError("a live source needs a positive size, frame rate and length")
        self.widget = widget
        self.size = (width, height)
        self.fps = int(fps)
        self.seconds = float(seconds)
        self.frame_count = max(1, round(self.fps * self.seconds))
        self.interval_ms = max(1, round(1000 / self.fps))
        self._on_begin, self._on_end = on_begin, on_end
        self._running = False

    def background(self) -> QColor:
        """The window's own background, for the margins around a grab of another shape."""
        return self.widget.window().palette().color(QPalette.ColorRole.Window)

    def begin(self) -> None:
        if not self._running:
            self._running = True
            if self._on_begin is not None:
                self._on_begin()

    def end(self) -> None:
        """Safe to call twice: the recorder calls it when the frames are done and again when it is over."""
        if self._running:
            self._running = False
            if self._on_end is not None:
                self._on_end()

    def frame(self, _index: int) -> QImage:
        """The widget as it looks now, fitted into a `size` frame (the index does not matter: it is now)."""
        grab = self.widget.grab()
        image = QImage(self.size[0], self.size[1], QImage.Format.Format_RGB32)
        image.fill(self.background())
        ratio = grab.devicePixelRatio() or 1.0
        source_width, source_height = grab.width() / ratio, grab.height() / ratio
        if source_width <= 0 or source_height <= 0:
            return image
        scale = min(self.size[0] / source_width, self.size[1] / source_height)
        width, height = source_width * scale, source_height * scale
        target = QRectF((self.size[0] - width) / 2, (self.size[1] - height) / 2, width, height)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.drawPixmap(target, grab, QRectF(grab.rect()))
        painter.end()
        return image


def view_size(widget: QWidget) -> tuple[int, int]:
    """The widget's size on screen, in even pixels (H.264's colour planes are half the size each way)."""
    width, height = max(2, widget.width()), max(2, widget.height())
    return width - width % 2, height - height % 2

