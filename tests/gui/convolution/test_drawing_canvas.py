"""DrawingCanvas: mouse strokes become dark ink on white, with throttled signals, undo and clear."""

import time

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt

from core.data.images import from_array
from gui.convolution.drawing_canvas import DrawingCanvas


@pytest.fixture
def canvas(qtbot) -> DrawingCanvas:
    widget = DrawingCanvas()
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def drag(qtbot, canvas: DrawingCanvas, points, button=Qt.MouseButton.LeftButton) -> None:
    """Press at the first point, move through the others, release at the last (paper coordinates)."""
    paper = canvas.paper
    qtbot.mousePress(paper, button, pos=QPoint(*points[0]))
    for point in points[1:]:
        qtbot.mouseMove(paper, QPoint(*point))
    qtbot.mouseRelease(paper, button, pos=QPoint(*points[-1]))


def to_image(canvas: DrawingCanvas, x: int, y: int) -> tuple[int, int]:
    """The image pixel (row, column) under paper position (x, y)."""
    point = canvas.paper.to_image(QPoint(x, y).toPointF())
    return int(point.y()), int(point.x())


def test_a_new_canvas_is_blank_white_rgb(canvas):
    image = canvas.image()
    assert image.shape == (280, 280, 3) and image.dtype == np.uint8
    assert (image == 255).all()
    assert canvas.is_empty()
    assert from_array(image, "drawing").pixels.shape == (280, 280, 3)


def test_a_drag_darkens_the_pixels_along_its_path_and_signals(qtbot, canvas):
    paper = canvas.paper
    start, end = (paper.width() // 2 - 80, paper.height() // 2), (paper.width() // 2 + 80, paper.height() // 2)
    points = [(start[0] + step * 20, start[1]) for step in range(9)]
    assert points[-1] == end
    with qtbot.waitSignal(canvas.drawing_changed, timeout=2000):
        drag(qtbot, canvas, points)
    image = canvas.image()
    for x in range(start[0], end[0] + 1, 10):
        row, col = to_image(canvas, x, start[1])
        assert image[row, col].max() < 60, (x, image[row, col])  # dark ink on the path
        assert (image[row, col] == image[row, col, 0]).all()  # grey ink: R = G = B
    far_row, far_col = to_image(canvas, start[0], start[1] + 60)
    assert (image[far_row, far_col] == 255).all()  # paper away from the path stays white
    assert not canvas.is_empty()


def test_drawing_changed_is_throttled_while_drawing_and_fires_on_release(qtbot, canvas):
    times = []
    canvas.drawing_changed.connect(lambda: times.append(time.perf_counter()))
    paper = canvas.paper
    qtbot.mousePress(paper, Qt.MouseButton.LeftButton, pos=QPoint(60, 60))
    for step in range(1, 40):
        qtbot.mouseMove(paper, QPoint(60 + step * 4, 60 + step * 3))
    during = len(times)
    assert 1 <= during < 39  # the first move signals at once; the rest wait their turn
    with qtbot.waitSignal(canvas.drawing_changed, timeout=2000):
        pass  # the moves after the first signal are announced once the throttle runs out, still drawing
    during = len(times)
    gaps = np.diff(times)
    assert (gaps >= 0.025).all(), gaps  # never more than ~30 per second while drawing
    qtbot.mouseRelease(paper, Qt.MouseButton.LeftButton, pos=QPoint(216, 177))
    assert len(times) == during + 1  # the release always signals, at once
    qtbot.waitUntil(lambda: not canvas._throttle.isActive(), timeout=2000)
    assert len(times) == during + 1  # and nothing stale follows it


def test_undo_removes_only_the_last_stroke(qtbot, canvas):
    paper = canvas.paper
    drag(qtbot, canvas, [(60, 80), (140, 80), (220, 80)])
    drag(qtbot, canvas, [(60, 200), (140, 200), (220, 200)])
    first, second = to_image(canvas, 140, 80), to_image(canvas, 140, 200)
    image = canvas.image()
    assert image[first].max() < 60 and image[second].max() < 60
    with qtbot.waitSignal(canvas.drawing_changed, timeout=2000):
        qtbot.keyClick(paper, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    image = canvas.image()
    assert image[first].max() < 60
    assert (image[second] == 255).all()
    assert len(canvas.strokes) == 1
    canvas.undo_button.click()
    assert canvas.is_empty() and not canvas.undo_button.isEnabled()


def test_clear_empties_and_signals(qtbot, canvas):
    drag(qtbot, canvas, [(100, 100), (180, 180)])
    assert not canvas.is_empty()
    with qtbot.waitSignal(canvas.drawing_changed, timeout=2000):
        canvas.clear_button.click()
    assert canvas.is_empty()
    assert (canvas.image() == 255).all()


def test_right_button_rubs_out_and_pen_width_sets_the_stroke(qtbot, canvas):
    canvas.set_pen_width(10)
    drag(qtbot, canvas, [(60, 140), (220, 140)])
    row, col = to_image(canvas, 140, 140)
    thin = int((canvas.image()[:, col, 0] < 128).sum())
    assert 6 <= thin <= 14  # about the pen width, in image pixels
    drag(qtbot, canvas, [(130, 100), (130, 180)], button=Qt.MouseButton.RightButton)
    image = canvas.image()
    assert (image[to_image(canvas, 130, 140)] == 255).all()  # rubbed out
    assert image[to_image(canvas, 200, 140)].max() < 60  # ink elsewhere stays


def test_a_click_without_a_drag_leaves_a_dot(qtbot, canvas):
    qtbot.mouseClick(canvas.paper, Qt.MouseButton.LeftButton, pos=QPoint(150, 150))
    assert canvas.image()[to_image(canvas, 150, 150)].max() < 60
