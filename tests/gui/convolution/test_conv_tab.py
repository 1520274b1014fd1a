"""The Convolution tab: images from samples, files, the clipboard, drops and the canvas reach the CNN view.

The tab reads models from a folder the tests fill with freshly initialised (seeded)
networks, so nothing depends on the shipped weights being there. Its analysis runs in a
worker thread: a test waits (on the GUI thread) until the tab has drawn the answer.
"""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QColor, QDropEvent, QGuiApplication, QImage, QKeySequence

from core.data.synthetic_images import DIGIT_CLASSES, SHAPE_CLASSES, draw_digit
from gui.convolution.tab import ConvTab




@pytest.fixture
def digit_png(tmp_path):
    path = tmp_path / "three.png"
    Image.fromarray(255 - draw_digit(3, 0, 140)).save(path)  # dark ink on white, like a scan
    return path


def answered(qtbot, tab: ConvTab) -> None:
    """Wait until the tab has the answer to its latest analysis (drawn, or said in one sentence)."""
    qtbot.waitUntil(lambda: not tab.analysing, timeout=10_000)


@pytest.fixture
def make_tab(qtbot, settings, models_dir):
    def make(folder=models_dir, tab_settings=settings) -> ConvTab:
        tab = ConvTab(tab_settings, folder)
        qtbot.addWidget(tab)
        tab.resize(1400, 850)
        tab.show()
        qtbot.waitExposed(tab)
        answered(qtbot, tab)
        return tab
    return make


@pytest.fixture
def tab(make_tab) -> ConvTab:
    return make_tab()


def drop(tab: ConvTab, mime: QMimeData) -> None:
    event = QDropEvent(QPointF(200, 200), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    tab.dropEvent(event)


def test_the_tab_opens_with_a_sample_already_analysed(tab):
    assert tab.image is not None and tab.image.name == "digit 7"
    assert tab.record is not None and tab.model_name == "digits"
    assert tab.record.input.shape == (1, 28, 28)
    assert not tab.message_is_error()


def test_loading_a_png_shows_its_maps_and_names_the_top_class(qtbot, tab, digit_png):
    assert tab.load_path(digit_png)
    answered(qtbot, tab)
    record = tab.record
    assert tab.image.name == "three.png" and tab.source == "file"
    assert record.class_names == DIGIT_CLASSES
    assert record.top_class_name in tab.cnn_view.top_class_text()
    conv1 = record.layer("conv1").output
    assert tab.cnn_view.map_item("conv1", 0).image.shape == conv1.shape[1:]
    assert "three.png" in tab.cnn_view.title.text()
    assert not tab.message_is_error() and "three.png" in tab.message_text()
    assert tab.preview.pixmap() is not None and not tab.preview.pixmap().isNull()
    assert tab.strip.sample_combo.currentData() == ""  # no sample is claimed for a file


@pytest.mark.parametrize("content, fragment", [
    ("truncated", "damaged"),
    (b"just some notes, not a picture\n", "not a"),
    (b"", "empty"),
], ids=["truncated-png", "text", "empty"])
def test_a_bad_file_is_one_sentence_and_everything_on_screen_stays(qtbot, tab, digit_png, tmp_path, content,
                                                                    fragment):
    assert tab.load_path(digit_png)
    answered(qtbot, tab)
    image, record = tab.image, tab.record
    bad = tmp_path / "broken.png"
    whole = digit_png.read_bytes()
    bad.write_bytes(whole[:len(whole) // 2] if content == "truncated" else content)
    assert not tab.load_path(bad)
    assert tab.message_is_error()
    text = tab.message_text()
    assert "broken.png" in text and fragment in text and "Traceback" not in text
    assert tab.message.isVisible()
    assert tab.image is image and tab.record is record
    assert record.top_class_name in tab.cnn_view.top_class_text()


def test_a_missing_file_is_refused_in_one_sentence(tab, tmp_path):
    assert not tab.load_path(tmp_path / "gone.jpg")
    assert tab.message_is_error() and "gone.jpg" in tab.message_text()


def test_the_next_good_image_clears_the_error(qtbot, tab, digit_png, tmp_path):
    (tmp_path / "bad.png").write_bytes(b"nope")
    tab.load_path(tmp_path / "bad.png")
    assert tab.load_path(digit_png)
    answered(qtbot, tab)
    assert not tab.message_is_error()


def test_a_qimage_can_be_loaded_directly(qtbot, tab):
    image = QImage(90, 60, QImage.Format.Format_ARGB32)
    image.fill(QColor(255, 255, 255))
    for x in range(40, 50):
        for y in range(10, 50):
            image.setPixelColor(x, y, QColor(0, 0, 0))
    assert tab.load_qimage(image, "pasted bar")
    answered(qtbot, tab)
    assert tab.image.size == (90, 60) and tab.image.name == "pasted bar"
    assert tab.record is not None and tab.source == "clipboard"


def test_paste_takes_the_clipboard_image(tab):
    image = QImage(40, 40, QImage.Format.Format_RGB32)
    image.fill(QColor(200, 30, 30))
    QGuiApplication.clipboard().setImage(image)
    assert tab.paste()
    assert tab.image.size == (40, 40)
    np.testing.assert_array_equal(tab.image.pixels[20, 20], [200, 30, 30])


def test_paste_takes_a_copied_image_file(tab, digit_png):
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(digit_png))])
    QGuiApplication.clipboard().setMimeData(mime)
    assert tab.paste()
    assert tab.image.name == "three.png" and tab.source == "clipboard"


def test_image_bytes_can_be_loaded_directly(qtbot, tab, digit_png):
    assert tab.load_bytes(digit_png.read_bytes(), "from the web page")
    answered(qtbot, tab)
    assert tab.image.name == "from the web page" and tab.record is not None
    assert not tab.load_bytes(b"GIF89a broken", "half.gif")
    assert tab.message_is_error() and "half.gif" in tab.message_text()


def test_paste_of_text_that_is_no_image_says_so(tab):
    before = tab.image
    QGuiApplication.clipboard().setText("hello class")
    assert not tab.paste()
    assert tab.message_is_error() and "clipboard" in tab.message_text()
    assert tab.image is before


def test_a_dropped_file_is_loaded(tab, digit_png):
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(digit_png))])
    drop(tab, mime)
    assert tab.image.name == "three.png" and tab.source == "drop"


def test_dropped_image_bytes_are_decoded_by_our_own_decoder(tab, digit_png):
    mime = QMimeData()
    mime.setData("image/png", digit_png.read_bytes())
    drop(tab, mime)
    assert tab.image.size == (140, 140) and tab.image.format == "PNG"


def test_a_dropped_web_address_is_refused_without_downloading(tab):
    before = tab.record
    mime = QMimeData()
    mime.setUrls([QUrl("https://example.org/cat.jpg")])
    drop(tab, mime)
    assert tab.message_is_error() and "web address" in tab.message_text()
    assert tab.record is before


def test_drawing_on_the_canvas_updates_the_record_live(tab, qtbot):
    tab.load_sample("house")
    assert tab.model_name == "shapes"
    canvas = tab.canvas
    with qtbot.waitSignal(canvas.drawing_changed, timeout=2000):
        canvas.begin_stroke(QPointF(140, 40))
        canvas.extend_stroke(QPointF(140, 240))
        canvas.end_stroke()
    answered(qtbot, tab)
    first = tab.record
    assert tab.source == "drawing" and tab.image.name == "your drawing"
    assert tab.model_name == "digits" and first.input.shape == (1, 28, 28)  # drawing means digits
    with qtbot.waitSignal(canvas.drawing_changed, timeout=2000):
        canvas.begin_stroke(QPointF(60, 40))
        canvas.extend_stroke(QPointF(220, 40))
        canvas.end_stroke()
    answered(qtbot, tab)
    assert tab.record is not first
    assert not np.array_equal(tab.record.input, first.input)


def test_clearing_an_unused_canvas_keeps_the_photo(qtbot, tab, digit_png):
    tab.load_path(digit_png)
    answered(qtbot, tab)
    record = tab.record
    tab.canvas.clear()
    answered(qtbot, tab)
    assert tab.record is record and tab.source == "file"


def test_choosing_a_model_runs_the_image_through_it(qtbot, tab):
    tab.load_sample("scene")
    assert tab.set_model("shapes")
    answered(qtbot, tab)
    assert tab.record.input.shape == (3, 64, 64) and tab.record.class_names == SHAPE_CLASSES
    assert tab.strip.model_combo.currentData() == "shapes"


def test_an_unknown_model_is_refused_and_the_old_one_stays(tab):
    record = tab.record
    assert not tab.set_model("cats")
    assert tab.message_is_error() and "digits, shapes" in tab.message_text()
    assert tab.model_name == "digits" and tab.record is record


def test_a_damaged_model_is_one_sentence_and_another_model_still_works(qtbot, make_tab, models_dir, tmp_path):
    folder = tmp_path / "models"
    folder.mkdir()
    for name in ("digits.json", "shapes.json", "shapes.safetensors"):
        (folder / name).write_bytes((models_dir / name).read_bytes())
    (folder / "digits.safetensors").write_bytes(b"not really weights")
    tab = make_tab(folder=folder)
    assert tab.image is not None and tab.record is None  # the sample is shown; digits could not look at it
    assert tab.message_is_error() and "damaged" in tab.message_text()
    assert tab.set_model("shapes")
    answered(qtbot, tab)
    assert tab.record is not None and tab.record.class_names == SHAPE_CLASSES
    assert not tab.set_model("digits")
    assert tab.model_name == "shapes" and tab.strip.model_combo.currentData() == "shapes"


def test_samples_pick_their_model_and_are_remembered(make_tab, settings):
    tab = make_tab()
    tab.load_sample("star")
    assert tab.model_name == "shapes" and tab.strip.sample_combo.currentData() == "star"
    again = make_tab(tab_settings=settings)
    assert again.image.name == "star" and again.model_name == "shapes"


def test_without_models_the_image_still_loads_and_the_message_says_what_to_do(make_tab, tmp_path, digit_png):
    tab = make_tab(folder=tmp_path / "empty")
    assert tab.load_path(digit_png)
    assert tab.record is None and tab.image.name == "three.png"
    assert tab.message_is_error() and "train_models.py" in tab.message_text()
    assert not tab.strip.model_combo.isEnabled()


def test_the_kernel_playground_gets_the_image_when_shown(tab, digit_png):
    tab.load_path(digit_png)
    tab.show_playground()
    assert tab.playground.step_count > 0
    assert tab.playground._image is tab.image


# ------------------------------------------------------------------ the main window


def test_the_main_window_has_the_tab_the_menus_and_the_shortcuts(make_window):
    window = make_window()
    titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert "Convolution" in titles and window.tabs.widget(titles.index("Convolution")) is window.conv_tab
    assert window.open_image_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Open)
    assert window.open_image_action.shortcut().toString() == "Ctrl+O"
    assert window.paste_image_action.shortcut().toString() == "Ctrl+V"
    menus = {action.text().replace("&", ""): action.menu() for action in window.menuBar().actions()}
    assert window.open_image_action in menus["File"].actions()
    assert window.paste_image_action in menus["Edit"].actions()


def test_the_convolution_tab_takes_space_and_right_away_from_training_and_gives_them_back(make_window):
    window = make_window()
    window.tabs.setCurrentWidget(window.training_view)
    assert window.play_action.shortcut().toString() == "Space"
    window.tabs.setCurrentWidget(window.conv_tab)
    assert window.play_action.shortcut().isEmpty() and window.step_action.shortcut().isEmpty()
    assert window.dock.isHidden()  # the training settings make room for the pictures
    window.tabs.setCurrentWidget(window.training_view)
    assert window.play_action.shortcut().toString() == "Space"
    assert window.step_action.shortcut().toString() == "Right"
    assert not window.dock.isHidden()


def test_a_file_dropped_on_the_window_opens_in_the_convolution_tab(make_window, digit_png):
    window = make_window()
    window.tabs.setCurrentWidget(window.training_view)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(digit_png))])
    window.dropEvent(QDropEvent(QPointF(50, 50), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                                Qt.KeyboardModifier.NoModifier))
    assert window.tabs.currentWidget() is window.conv_tab
    assert window.conv_tab.image.name == "three.png"


# ------------------------------------------------------------------ the analysis worker


def test_only_the_newest_of_many_requests_is_drawn(qtbot, tab, digit_png):
    drawn = []
    tab.analysis.analysed.connect(lambda request, record, info: drawn.append(request))
    assert tab.load_path(digit_png)
    for name in ("house", "star", "circle"):
        assert tab.load_sample(name)
    answered(qtbot, tab)
    assert [request.image.name for request in drawn] == ["circle"]
    assert tab.record.class_names == SHAPE_CLASSES and "circle" in tab.cnn_view.title.text()


def test_unthreaded_the_answer_is_drawn_before_the_call_returns(qtbot, digit_png, settings, models_dir):
    tab = ConvTab(settings, models_dir, threaded=False)
    qtbot.addWidget(tab)
    assert tab.load_path(digit_png)
    assert not tab.analysing and tab.record is not None and tab.image.name == "three.png"
    assert tab.analysis._thread is None  # nothing ran in another thread
    assert "three.png" in tab.cnn_view.title.text()


def test_an_unexpected_analysis_error_is_one_sentence_and_the_next_request_works(qtbot, tab, digit_png,
                                                                                 monkeypatch):
    import gui.convolution.analysis_worker as analysis_worker

    image, record = tab.image, tab.record

    def broken(*arguments):
        raise RuntimeError("the forward pass broke")

    monkeypatch.setattr(analysis_worker, "analyse", broken)
    assert tab.load_path(digit_png)
    answered(qtbot, tab)
    assert tab.message_is_error()
    text = tab.message_text()
    assert "unexpected" in text and "the forward pass broke" in text and "Traceback" not in text
    assert tab.record is record and tab.cnn_view.record is record  # the last good picture stays
    assert tab.strip.model_combo.isEnabled() and tab.model_name == "digits"
    monkeypatch.undo()
    assert tab.load_path(digit_png)
    answered(qtbot, tab)
    assert not tab.message_is_error() and tab.record is not record and tab.image is not image
    assert "three.png" in tab.cnn_view.title.text()
