"""The printed handout (gui/lesson/handout.py), the scene pictures it is made from (scene_pictures.py) and its
dialog (handout_dialog.py), against a small window of fakes; tests/cli/test_cli_lesson.py pictures the real window."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QLabel

from core.files import FileWriteError
from core.lesson.model import Goal, Lesson, Scene, Text
from gui.lesson.handout import HandoutDrawing, handout_bytes, handout_words, write_handout
from gui.lesson.scene_pictures import ScenePictures

LONG = "A neuron multiplies each input by a weight, adds the bias, and passes the sum through an activation. "
LONG_ZH = "神经元把每个输入乘以权重，加上偏置，再经过激活函数。"


def small_lesson(explanation_times: int = 1) -> Lesson:
    scenes = (
        Scene(title=Text("One neuron", "一个神经元"), explanation=Text(LONG * explanation_times, LONG_ZH),
              look_at=Text("The thickness of the lines.", "线的粗细。"),
              try_this=Text("Drag a weight.\nWatch the boundary.", "拖动一个权重。\n看决策边界。"),
              tab="network", minutes=5, goal=Goal("mlp_test_loss", {"threshold": 0.1})),
        Scene(title=Text("Layers", "层"), tab="training", minutes=4,
              explanation=Text("Each layer feeds the next.", "每一层的输出是下一层的输入。")),
    )
    return Lesson(id="small", title=Text("A small lesson", "一节小课"),
                  summary=Text("Two scenes.", "两个场景。"), author="Ms Li", scenes=scenes)


def picture(colour: str = "#88aaff", size=(640, 400)) -> QImage:
    image = QImage(*size, QImage.Format.Format_RGB32)
    image.fill(QColor(colour))
    return image


def page_count(data: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page\b(?!s)", data))


def fonts(data: bytes) -> set[bytes]:
    return set(re.findall(rb"/BaseFont\s*/(?:[A-Z]{6}\+)?([\w-]+)", data))


# ---------------------------------------------------------------------- the PDF
@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_a_handout_has_a_cover_and_a_page_per_scene(qapp, tmp_path, language):
    path = tmp_path / f"handout-{language}.pdf"
    write_handout(path, small_lesson(), language, [picture(), picture("#ffaa88")])
    data = path.read_bytes()
    assert data.startswith(b"%PDF")
    assert data.rstrip().endswith(b"%%EOF")
    assert page_count(data) >= 3  # the cover, then each scene on a page of its own


def test_a_chinese_handout_draws_with_the_shipped_chinese_font(qapp, tmp_path):
    data = handout_bytes(small_lesson(), "zh_CN", [])
    assert any(b"GlassboxCJK" in name for name in fonts(data)), fonts(data)


def test_the_words_are_the_lessons_own_in_the_chosen_language(qapp):
    words = handout_words(small_lesson(), "zh_CN")
    assert words.title == "一节小课"
    assert words.scenes[0].heading.endswith("一个神经元")
    assert ("", LONG_ZH) in words.scenes[0].sections
    assert any(text.startswith("拖动一个权重") for _, text in words.scenes[0].sections)
    assert len(words.scenes[0].sections) == 4  # explanation, look at, try this, the challenge
    assert len(words.scenes[1].sections) == 1  # nothing empty is printed
    english = handout_words(small_lesson(), "en")
    assert english.title == "A small lesson" and "9" in english.total  # 5 + 4 minutes


def test_finding_the_words_in_another_language_leaves_the_window_in_its_own(qapp):
    from gui import i18n

    before = i18n.current()
    handout_words(small_lesson(), "zh_CN" if before == "en" else "en")
    assert i18n.current() == before


def test_a_long_text_flows_onto_more_pages_instead_of_being_cut(qapp):
    short = page_count(handout_bytes(small_lesson(), "en", [picture()]))
    long = page_count(handout_bytes(small_lesson(explanation_times=40), "en", [picture()]))  # 4,000 characters
    assert long > short


def test_a_missing_picture_leaves_room_and_no_error(qapp):
    data = handout_bytes(small_lesson(), "en", [QImage()])  # a null picture, and none for scene 2
    assert page_count(data) >= 3


def test_the_drawing_goes_a_page_at_a_time(qapp):
    drawing = HandoutDrawing(small_lesson(), "en", [])
    assert drawing.steps == 3
    assert drawing.draw_next() and drawing.done == 1
    data = drawing.finish()
    assert drawing.done == 3 and page_count(data) >= 3


def test_an_unwritable_handout_is_one_sentence_and_no_file(qapp, tmp_path):
    target = tmp_path / "missing-folder" / "handout.pdf"
    with pytest.raises(FileWriteError):
        write_handout(target, small_lesson(), "en", [])
    assert not target.exists()


def test_writing_over_a_handout_replaces_it_whole(qapp, tmp_path):
    path = tmp_path / "handout.pdf"
    path.write_bytes(b"old")
    write_handout(path, small_lesson(), "en", [])
    assert path.read_bytes().startswith(b"%PDF")
    assert [p.name for p in tmp_path.iterdir()] == ["handout.pdf"]  # no temporary file left


# ---------------------------------------------------------------------- the pictures, in a window of fakes
class FakeSession(QObject):
    last_progress = "a report"  # the network has reported before: a scene that changes nothing waits for nothing
    progressed = Signal(object)
    failed = Signal(str)
    diverged = Signal(str)
    trace_recorded = Signal(object)
    trace_refused = Signal(str)


class FakePlayer(QObject):
    """Enters a scene by painting its number; the network's answer comes while entering, as a fast worker's."""

    scene_entered = Signal(int)

    def __init__(self, window, lesson, answer: bool):
        super().__init__()
        self.window, self.lesson, self.index, self.answer = window, lesson, 0, answer
        self.entered: list[int] = []

    def enter(self, index: int) -> None:
        self.index = index
        self.entered.append(index)
        self.window.tabs.setText(f"scene {index + 1}")
        self.window.tabs.setStyleSheet(f"background: {['#ff0000', '#00ff00', '#0000ff'][index % 3]}")
        if self.answer:
            self.window.session.progressed.emit(object())
        self.scene_entered.emit(index)


class FakeLessons:
    def __init__(self, player):
        self.player = player
        self.opened = []

    def open_lesson(self, lesson):
        self.opened.append(lesson)
        self.player.lesson = lesson
        self.player.enter(0)


class FakeWindow(QObject):
    def __init__(self, lesson, settings, answer: bool = True):
        super().__init__()
        self.session = FakeSession()
        self.tabs = QLabel()
        self.tabs.resize(320, 200)
        self.settings = settings
        self.lessons = FakeLessons(FakePlayer(self, lesson, answer))
        self.statuses: list[str] = []
        self.warnings: list[str] = []

    def show_status(self, sentence: str) -> None:
        self.statuses.append(sentence)

    def warn(self, sentence: str) -> None:
        self.warnings.append(sentence)


@pytest.fixture
def window(qtbot, tmp_path):
    made = FakeWindow(small_lesson(), QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(made.tabs)
    return made


def test_pictures_are_taken_scene_by_scene_and_the_window_goes_back(qtbot, window):
    window.lessons.player.enter(1)
    pictures = ScenePictures(window, quiet_ms=50, give_up_ms=2000)
    progress = []
    pictures.progressed.connect(lambda done, total: progress.append((done, total)))
    with qtbot.waitSignal(pictures.finished, timeout=10000) as finished:
        pictures.start([1, 0])
    taken = finished.args[0]
    assert len(taken) == 2 and all(image.size().width() == 320 for image in taken)
    assert taken[0].pixelColor(5, 5) != taken[1].pixelColor(5, 5)  # each shows its own scene
    assert progress == [(0, 2), (1, 2), (2, 2)]
    assert window.lessons.player.entered == [1, 1, 0, 1]  # the scenes asked for, then back to the one it was on


def test_a_scene_that_asks_nothing_of_the_workers_is_pictured_when_quiet(qtbot, tmp_path):
    window = FakeWindow(small_lesson(), QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat), answer=False)
    qtbot.addWidget(window.tabs)
    pictures = ScenePictures(window, quiet_ms=50, give_up_ms=60000)  # giving up would time the wait out
    with qtbot.waitSignal(pictures.finished, timeout=10000):
        pictures.start([1])
    assert len(pictures.pictures) == 1


def test_a_network_that_never_reported_is_waited_for(qtbot, tmp_path, monkeypatch):
    import gui.lesson.scene_pictures as scene_pictures

    window = FakeWindow(small_lesson(), QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat), answer=False)
    window.session.last_progress = None  # the window has just opened: its first report is still on its way
    qtbot.addWidget(window.tabs)
    looked = []
    real = scene_pictures.still_working
    monkeypatch.setattr(scene_pictures, "still_working", lambda *args: looked.append(1) or real(*args))
    pictures = ScenePictures(window, quiet_ms=10, give_up_ms=60000)
    pictures.start([0])
    qtbot.waitUntil(lambda: len(looked) >= 3, timeout=5000)  # quiet again and again, but still waiting
    assert pictures.pictures == []
    with qtbot.waitSignal(pictures.finished, timeout=5000):
        window.session.progressed.emit(object())
    assert len(pictures.pictures) == 1


def test_a_worker_that_never_answers_is_given_up_on(qtbot, tmp_path):
    lesson = small_lesson()
    stepping = Scene(title=Text("A pass", ""), tab="network",
                     tabs={"network": {"example_index": 3, "phase": "forward"}})
    lesson = Lesson(id="pass", title=lesson.title, scenes=(stepping,))
    window = FakeWindow(lesson, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window.tabs)
    pictures = ScenePictures(window, quiet_ms=50, give_up_ms=300)  # the pass it asked for never comes
    with qtbot.waitSignal(pictures.finished, timeout=10000):
        pictures.start()
    assert len(pictures.pictures) == 1 and not pictures.pictures[0].isNull()


def test_cancel_stops_and_goes_back(qtbot, tmp_path):
    window = FakeWindow(small_lesson(), QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat), answer=False)
    qtbot.addWidget(window.tabs)
    pictures = ScenePictures(window, quiet_ms=60000, give_up_ms=60000)
    finished = []
    pictures.finished.connect(finished.append)
    with qtbot.waitSignal(window.lessons.player.scene_entered, timeout=5000):
        pictures.start()
    with qtbot.waitSignal(pictures.cancelled, timeout=1000):
        pictures.cancel()
    assert not pictures.running and not finished
    assert window.lessons.player.entered == [0]  # it was on scene 1 and entered only that: nothing to go back to


def test_a_closing_window_stops_the_pictures_and_enters_no_scene(qtbot, tmp_path):
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication

    window = FakeWindow(small_lesson(), QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat), answer=False)
    qtbot.addWidget(window.tabs)
    window.lessons.player.enter(1)
    pictures = ScenePictures(window, quiet_ms=60000, give_up_ms=60000)
    with qtbot.waitSignal(window.lessons.player.scene_entered, timeout=5000):
        pictures.start()
    with qtbot.waitSignal(pictures.cancelled, timeout=1000):
        QApplication.sendEvent(window, QEvent(QEvent.Type.Close))
    assert not pictures.running
    assert window.lessons.player.entered == [1, 0]  # not back to scene 2: the window is going away


# ---------------------------------------------------------------------- the dialog
def opened(request, dialog):
    """`dialog`, closed after the test unless it closed itself (it deletes itself on closing)."""
    import shiboken6

    request.addfinalizer(lambda: shiboken6.isValid(dialog) and dialog.close())
    return dialog


def test_the_dialog_writes_the_handout_and_remembers_the_folder(qtbot, window, tmp_path, request):
    from gui.lesson.handout_dialog import export_handout

    dialog = opened(request, export_handout(window, small_lesson()))
    target = tmp_path / "out" / "mine.pdf"
    target.parent.mkdir()
    dialog.file_edit.setText(str(target))
    dialog.language_box.setCurrentIndex(dialog.language_box.findData("zh_CN"))
    with qtbot.waitSignal(dialog.accepted, timeout=20000):
        dialog.export_button.click()
    assert target.read_bytes().startswith(b"%PDF")
    assert window.statuses and "mine.pdf" in window.statuses[-1]
    assert window.settings.value("files/last_folder") == str(target.parent)


def test_the_dialog_refuses_a_folder_that_does_not_exist_before_any_picture(qtbot, window, tmp_path, request):
    from gui.lesson.handout_dialog import export_handout

    dialog = opened(request, export_handout(window, small_lesson()))
    dialog.file_edit.setText(str(tmp_path / "nowhere" / "h.pdf"))
    dialog.export_button.click()
    assert dialog.status.text() and not dialog.running
    assert window.lessons.player.entered == []


def test_cancel_in_the_dialog_writes_nothing(qtbot, tmp_path, request):
    from gui.lesson.handout_dialog import export_handout

    window = FakeWindow(small_lesson(), QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat), answer=False)
    qtbot.addWidget(window.tabs)
    dialog = opened(request, export_handout(window, small_lesson()))
    target = tmp_path / "h.pdf"
    dialog.file_edit.setText(str(target))
    dialog.export_button.click()
    qtbot.waitUntil(lambda: window.lessons.player.entered != [] and dialog.pictures is not None, timeout=5000)
    dialog.cancel_button.click()
    assert not dialog.running and dialog.export_button.isEnabled()
    assert not target.exists()


def test_without_a_lesson_the_window_says_what_to_do(qtbot, window):
    from gui.lesson.handout_dialog import export_handout

    window.lessons.player.lesson = None
    assert export_handout(window) is None
    assert window.warnings
