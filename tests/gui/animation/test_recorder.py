"""AnimationRecorder draws a source's frames into a writer in slices, and ends once: finished, failed or
cancelled; LiveSource grabs a widget into frames of exactly the film's size."""

from __future__ import annotations

import threading

import numpy as np
import pytest
from PIL import Image
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QLabel, QWidget

from core.animation.writer import open_animation
from core.errors import AnimationError
from gui.animation.live_source import LiveSource, view_size
from gui.animation.recorder import AnimationRecorder, image_to_rgb


class ColourSource:
    """Frame i is one flat colour whose red channel is i × step (mod 256)."""

    def __init__(self, count: int, size=(10, 6), fail_at: int | None = None, step: int = 1):
        self.frame_count, self.size, self.fail_at, self.step = count, size, fail_at, step
        self.drawn: list[int] = []

    def frame(self, index: int) -> QImage:
        if index == self.fail_at:
            raise AnimationError("The frame could not be drawn.")
        self.drawn.append(index)
        image = QImage(self.size[0], self.size[1], QImage.Format.Format_RGB32)
        image.fill(QColor(index * self.step % 256, 40, 200))
        return image


class FakeWriter:
    def __init__(self, path: str = "", fail_at: int | None = None, gate: threading.Event | None = None):
        self.path, self.fail_at, self.gate = path, fail_at, gate
        self.frames: list[np.ndarray] = []
        self.finished = self.aborted = False

    def add(self, frame: np.ndarray) -> None:
        if self.gate is not None:
            self.gate.wait(5)
        if len(self.frames) == self.fail_at:
            raise AnimationError("The disk is full; free some space and record again.")
        self.frames.append(frame)

    def finish(self) -> None:
        self.finished = True

    def abort(self) -> None:
        self.aborted = True


@pytest.fixture
def recorder(qtbot):
    recorder = AnimationRecorder()
    yield recorder
    recorder.cancel()
    recorder.wait_for_writer(2.0)


def test_image_to_rgb_respects_padded_lines():
    image = QImage(5, 3, QImage.Format.Format_RGB32)  # 5×3 bytes a line in RGB888: padded to 16
    image.fill(QColor(1, 2, 3))
    image.setPixelColor(4, 2, QColor(250, 0, 9))
    rgb = image_to_rgb(image)
    assert rgb.shape == (3, 5, 3) and rgb.dtype == np.uint8
    assert tuple(rgb[0, 0]) == (1, 2, 3)
    assert tuple(rgb[2, 4]) == (250, 0, 9)
    assert image_to_rgb(image, (10, 6)).shape == (6, 10, 3)  # a frame of another size is scaled to the film's


def test_every_frame_goes_to_the_writer_in_order_with_progress(recorder, qtbot):
    source, writer = ColourSource(40), FakeWriter("film.gif")
    progress: list[tuple[int, int]] = []
    recorder.progressed.connect(lambda done, total: progress.append((done, total)))
    with qtbot.waitSignal(recorder.finished, timeout=10_000) as done:
        recorder.start(source, writer)
    assert done.args == ["film.gif"]
    assert [int(frame[0, 0, 0]) for frame in writer.frames] == list(range(40))
    assert writer.finished and not writer.aborted
    assert progress[0] == (0, 40) and progress[-1] == (40, 40)
    assert [done for done, _ in progress] == sorted(done for done, _ in progress)
    assert not recorder.busy


def test_cancel_stops_drawing_and_aborts_the_writer(recorder, qtbot):
    gate = threading.Event()  # the writer is slow: it waits for the gate before each frame
    source, writer = ColourSource(5000), FakeWriter("film.gif", gate=gate)
    finished: list[str] = []
    recorder.finished.connect(finished.append)
    recorder.start(source, writer)
    qtbot.waitUntil(lambda: recorder.frames_done >= 2, timeout=5000)
    with qtbot.waitSignal(recorder.cancelled, timeout=1000):
        recorder.cancel()
    gate.set()
    qtbot.waitUntil(lambda: writer.aborted, timeout=2000)
    drawn = len(source.drawn)
    assert drawn < 5000 and not writer.finished and not finished
    assert not recorder.busy
    recorder.wait_for_writer(2.0)
    assert len(source.drawn) == drawn  # nothing more is drawn after Cancel


def test_a_writer_error_is_one_sentence_and_aborts(recorder, qtbot):
    writer = FakeWriter("film.gif", fail_at=3)
    with qtbot.waitSignal(recorder.failed, timeout=5000) as failed:
        recorder.start(ColourSource(30), writer)
    assert failed.args[0] == "The disk is full; free some space and record again."
    qtbot.waitUntil(lambda: writer.aborted, timeout=2000)
    assert not writer.finished and not recorder.busy


def test_a_source_error_is_one_sentence_and_aborts(recorder, qtbot):
    writer = FakeWriter("film.gif")
    with qtbot.waitSignal(recorder.failed, timeout=5000) as failed:
        recorder.start(ColourSource(30, fail_at=7), writer)
    assert failed.args[0] == "The frame could not be drawn."
    qtbot.waitUntil(lambda: writer.aborted, timeout=2000)
    assert not writer.finished


def test_a_real_gif_is_written_whole(recorder, qtbot, tmp_path):
    path = tmp_path / "film.gif"
    source = ColourSource(6, size=(64, 64), step=45)  # distinct: a GIF merges equal frames
    writer = open_animation(path, (64, 64), 6, seconds=1)
    with qtbot.waitSignal(recorder.finished, timeout=20_000):
        recorder.start(source, writer, str(path))
    with Image.open(path) as gif:
        assert gif.size == (64, 64) and gif.n_frames == 6
    assert [p.name for p in tmp_path.iterdir()] == ["film.gif"]  # no scratch file left


def test_a_cancelled_real_gif_leaves_nothing(recorder, qtbot, tmp_path):
    path = tmp_path / "film.gif"
    source = ColourSource(120, size=(64, 64))
    writer = open_animation(path, (64, 64), 12, seconds=10)
    recorder.start(source, writer, str(path))
    qtbot.waitUntil(lambda: recorder.frames_done >= 1, timeout=5000)
    recorder.cancel()
    recorder.wait_for_writer(2.0)
    assert list(tmp_path.iterdir()) == []


def test_live_source_fits_the_widget_into_the_frame(qtbot):
    window = QWidget()
    palette = window.palette()
    palette.setColor(QPalette.ColorRole.Window, QColor(10, 20, 30))
    window.setPalette(palette)
    label = QLabel(window)
    label.setStyleSheet("background: rgb(250, 200, 0);")
    label.setAutoFillBackground(True)
    label.resize(50, 50)  # square, into a 2:1 frame: margins left and right
    qtbot.addWidget(window)
    source = LiveSource(label, (40, 20), fps=5, seconds=2)
    assert source.live and source.frame_count == 10 and source.interval_ms == 200
    rgb = image_to_rgb(source.frame(0))
    assert rgb.shape == (20, 40, 3)
    assert tuple(rgb[10, 20]) == (250, 200, 0)  # the widget, in the middle
    assert tuple(rgb[10, 1]) == (10, 20, 30)  # the window's background, in the margin
    assert view_size(label) == (50, 50)


def test_live_recording_runs_in_real_time_and_calls_its_hooks(recorder, qtbot):
    label = QLabel("live")
    label.resize(30, 30)
    qtbot.addWidget(label)
    calls: list[str] = []
    source = LiveSource(label, (16, 16), fps=20, seconds=0.25, on_begin=lambda: calls.append("begin"),
                        on_end=lambda: calls.append("end"))
    writer = FakeWriter("live.gif")
    with qtbot.waitSignal(recorder.finished, timeout=5000):
        recorder.start(source, writer)
    assert len(writer.frames) == 5 and all(frame.shape == (16, 16, 3) for frame in writer.frames)
    assert calls == ["begin", "end"]


def test_a_real_mp4_is_written_whole(recorder, qtbot, tmp_path):
    path = tmp_path / "film.mp4"
    writer = open_animation(path, (64, 64), 10, seconds=1)
    with qtbot.waitSignal(recorder.finished, timeout=20_000):
        recorder.start(ColourSource(10, size=(64, 64), step=20), writer, str(path))
    assert path.read_bytes()[4:8] == b"ftyp"  # an MP4 container, moved whole into place
    assert [p.name for p in tmp_path.iterdir()] == ["film.mp4"]



class SlowFinishWriter(FakeWriter):
    """finish() waits for the gate, then writes the file unless told it was cancelled (as the real writer)."""

    def __init__(self, path, gate: threading.Event, honours_cancel: bool):
        super().__init__(str(path))
        self.gate, self.flag = gate, None
        self.entered = threading.Event()  # finish() has begun
        if honours_cancel:
            self.finish = self._finish_with_flag

    def add(self, frame):
        self.frames.append(frame)

    def finish(self):
        self.entered.set()
        self.gate.wait(5)
        with open(self.path, "wb") as stream:
            stream.write(b"GIF89a")

    def _finish_with_flag(self, cancelled=None):
        self.flag = cancelled
        self.entered.set()
        self.gate.wait(5)
        if cancelled is None or not cancelled.is_set():
            with open(self.path, "wb") as stream:
                stream.write(b"GIF89a")


@pytest.mark.parametrize("honours_cancel", [True, False])
def test_cancel_while_the_file_is_assembled_leaves_no_new_file(recorder, qtbot, tmp_path, honours_cancel):
    gate = threading.Event()
    writer = SlowFinishWriter(tmp_path / "film.gif", gate, honours_cancel)
    with qtbot.waitSignal(recorder.finishing, timeout=5000):
        recorder.start(ColourSource(3), writer, writer.path)
    qtbot.waitUntil(writer.entered.is_set, timeout=5000)
    with qtbot.waitSignal(recorder.cancelled, timeout=1000):
        recorder.cancel()
    gate.set()
    recorder.wait_for_writer(2.0)
    assert list(tmp_path.iterdir()) == []
    assert (writer.flag is not None) == honours_cancel
