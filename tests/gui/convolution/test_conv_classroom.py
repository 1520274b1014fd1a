"""Issue 11 in the Convolution tab: it fits a projector, speaks Chinese at once, zooms, presents, and saves its model."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QAbstractScrollArea, QWidget

import gui.i18n
from core.cnn.snapshot import model_from_part
from core.nets.cnn import build_cnn
from core.session.parts import Part
from gui.convolution.kernel_panels import ArithmeticRow
from gui.convolution.tab import ConvTab
from gui.style.zoom import ZOOM
from tests.gui.language_check import english_leftovers


def answered(qtbot, tab: ConvTab) -> None:
    qtbot.waitUntil(lambda: not tab.analysing, timeout=10_000)


@pytest.fixture
def make_tab(qtbot, settings, models_dir):
    def make(width=1000, height=600) -> ConvTab:
        tab = ConvTab(settings, models_dir)
        qtbot.addWidget(tab)
        tab.resize(width, height)
        tab.show()
        qtbot.waitExposed(tab)
        answered(qtbot, tab)
        return tab
    return make


@pytest.fixture
def chinese():
    gui.i18n.install("zh_CN")
    try:
        yield
    finally:
        gui.i18n.install("en")


@pytest.fixture
def zoom():
    try:
        yield ZOOM
    finally:
        ZOOM.set_factor(1.0)


def outside(tab: QWidget) -> list[str]:
    """Visible widgets that reach outside the tab (a scroll area's content may, that is what it scrolls)."""
    bounds = QRect(QPoint(0, 0), tab.size())
    found = []
    for widget in tab.findChildren(QWidget):
        if not widget.isVisibleTo(tab) or widget.isWindow() or _scrolled_content(widget, tab):
            continue
        rect = QRect(widget.mapTo(tab, QPoint(0, 0)), widget.size())
        if not bounds.adjusted(-1, -1, 1, 1).contains(rect):
            found.append(f"{type(widget).__name__} {rect.getRect()}")
    return found


def _scrolled_content(widget: QWidget, tab: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None and parent is not tab:
        if isinstance(parent, QAbstractScrollArea) and parent.viewport().isAncestorOf(widget):
            return True
        parent = parent.parentWidget()
    return False


# ------------------------------------------------------------------ fits
def test_the_tab_asks_for_no_more_than_a_projector_gives(make_tab):
    tab = make_tab()
    tab.training.set_open(True)
    hint = tab.minimumSizeHint()
    assert hint.width() <= 1000 and hint.height() <= 600, hint


@pytest.mark.parametrize("size", [(1000, 600), (1366, 650)])
@pytest.mark.parametrize("opened", [False, True])
def test_nothing_is_cut_off(make_tab, qtbot, size, opened):
    tab = make_tab(*size)
    tab.training.set_open(opened)
    for view in (0, 1):
        tab.views.setCurrentIndex(view)
        qtbot.waitUntil(lambda: tab.views.currentIndex() == view)
        tab.layout().activate()
        assert outside(tab) == []
    area = tab.views.widget(1)
    assert area.horizontalScrollBar().maximum() == 0
    assert tab.playground.width() <= area.viewport().width()
    tab.playground.step()  # a position's arithmetic and the size formula are on screen too
    tab.layout().activate()
    for widget in tab.playground.findChildren(QWidget):
        if widget.isVisibleTo(tab.playground):
            right = widget.mapTo(tab.playground, QPoint(0, 0)).x() + widget.width()
            assert right <= area.viewport().width() + 1, type(widget).__name__


def test_the_playground_stacks_when_narrow_and_spreads_when_wide(make_tab):
    tab = make_tab(1000, 600)
    tab.show_playground()
    assert not tab.playground.wide
    tab.resize(1920, 1000)
    tab.strip.side_button.setChecked(False)
    tab.layout().activate()
    tab.playground._reflow(tab.playground.width())
    assert tab.playground.wide


def test_the_image_panel_folds_away(make_tab):
    tab = make_tab()
    tab.strip.side_button.setChecked(False)
    assert not tab.side.isVisibleTo(tab)
    tab.strip.side_button.setChecked(True)
    assert tab.side.isVisibleTo(tab)


# ------------------------------------------------------------------ Chinese, at once
def test_chinese_everywhere_and_back(make_tab, qtbot, chinese):
    tab = make_tab()
    tab.training.set_open(True)
    tab.show_playground()
    tab.playground.step()
    tab.show_network()
    gui.i18n.install("zh_CN")  # Qt posts LanguageChange to the window: wait until it has been delivered
    qtbot.waitUntil(lambda: tab.views.tabText(0) == "网络看到了什么")
    assert english_leftovers(tab) == []
    assert "是" in tab.cnn_view.top_class_text()
    gui.i18n.install("en")
    qtbot.waitUntil(lambda: tab.views.tabText(0) == "What the network sees")
    assert english_leftovers(tab) != []
    assert tab.cnn_view.top_class_text().startswith("It's")
    assert tab.strip.open_button.text() == "Open image…"


def test_a_tab_made_in_chinese_is_chinese(make_tab, chinese):
    gui.i18n.install("zh_CN")
    tab = make_tab()
    assert english_leftovers(tab) == []


def test_errors_speak_the_window_language(make_tab, chinese, tmp_path):
    tab = make_tab()
    gui.i18n.install("zh_CN")
    broken = tmp_path / "broken.png"
    broken.write_bytes(b"not a picture")
    assert not tab.load_path(broken)
    assert tab.message_is_error() and tab.message_text()


# ------------------------------------------------------------------ zoom
def test_fonts_follow_the_zoom(make_tab, zoom):
    tab = make_tab()
    before = tab.message.font().pointSizeF()
    title = tab.image_panel.preview.width()
    zoom.set_factor(2.0)
    assert tab.message.font().pointSizeF() == pytest.approx(2 * before)
    assert tab.image_panel.preview.width() == pytest.approx(2 * title, abs=2)
    zoom.set_factor(1.0)
    assert tab.message.font().pointSizeF() == pytest.approx(before)


def test_scene_text_grows_with_the_zoom(make_tab, zoom, qtbot):
    tab = make_tab()
    heights = lambda: max(item.font().pixelSize() for item in tab.cnn_view.view_box.addedItems  # noqa: E731
                          if hasattr(item, "font") and callable(item.font) and item.font().pixelSize() > 0)
    before = heights()
    zoom.set_factor(1.5)
    assert heights() > before


# ------------------------------------------------------------------ presenter
def test_the_clicker_walks_the_layers_and_back(make_tab):
    tab = make_tab()
    title = tab.cnn_view.title.text()
    whole = tab.cnn_view.view_box.viewRange()[0]
    assert tab.cnn_view.focused_layer() is None
    tab.clicker_next()
    assert tab.cnn_view.focused_layer() == 0
    assert tab.cnn_view.title.text().startswith("input — ")  # the column's caption, large
    tab.clicker_next()
    assert tab.cnn_view.focused_layer() == 1
    shown = tab.cnn_view.view_box.viewRange()[0]
    assert shown[1] - shown[0] < whole[1] - whole[0]
    tab.clicker_previous()
    tab.clicker_previous()
    assert tab.cnn_view.focused_layer() is None
    assert tab.cnn_view.title.text() == title
    tab.clicker_previous()
    assert tab.cnn_view.focused_layer() == len(tab.cnn_view._columns) - 1


def test_the_clicker_steps_the_playground(make_tab):
    tab = make_tab()
    tab.show_playground()
    tab.clicker_next()
    tab.clicker_next()
    assert tab.playground.current_step_index == 1
    tab.clicker_previous()
    assert tab.playground.current_step_index == 0


def test_space_plays_the_playground_until_training_is_loaded(make_tab):
    tab = make_tab()
    tab.clicker_play()
    assert tab.views.currentIndex() == 1 and tab.playground.playing
    tab.clicker_play()
    assert not tab.playground.playing


def test_presenting_shows_only_the_view(make_tab):
    tab = make_tab()
    tab.set_presenting(True)
    assert not tab.side.isVisibleTo(tab) and not tab.training.isVisibleTo(tab)
    assert not tab.cnn_view.scale_combo.isVisibleTo(tab)
    assert not tab.playground.side.isVisibleTo(tab.playground)
    title = tab.cnn_view.title.font().pointSizeF()
    tab.set_presenting(False)
    assert tab.cnn_view.title.font().pointSizeF() < title
    assert tab.playground.side.isVisibleTo(tab.playground)
    assert tab.side.isVisibleTo(tab) and tab.training.isVisibleTo(tab)
    assert tab.cnn_view.scale_combo.isVisibleTo(tab)


# ------------------------------------------------------------------ session parts
def _parts(qtbot, tab):
    with qtbot.waitSignal(tab.model_part_ready) as caught:
        tab.request_model_part()
    return caught.args[0], tab.lab_image_part()


def test_a_named_model_and_the_image_round_trip(make_tab, qtbot):
    a = make_tab()
    assert a.load_sample("circle")
    answered(qtbot, a)
    model, image = _parts(qtbot, a)
    assert model_from_part(model).name == a.model_name
    b = make_tab()
    b.set_model("digits")
    assert b.restore_model_part(model)
    assert b.restore_lab_image_part(image)
    answered(qtbot, b)
    assert b.model_name == a.model_name
    np.testing.assert_array_equal(b.image.pixels, a.image.pixels)
    assert b.image.original_size == a.image.original_size
    assert b.cnn_view.probability_texts() == a.cnn_view.probability_texts()


def test_weights_trained_in_the_lab_round_trip(make_tab, qtbot, models_dir):
    import torch
    from gui.convolution.tab import LIVE_MODEL
    a = make_tab()
    torch.manual_seed(5)
    weights = {key: value.numpy().copy() for key, value in build_cnn("digits").state_dict().items()}
    info = a._check_model("digits")
    a._show_live_network("digits", info, weights, "my digits")
    answered(qtbot, a)
    model, image = _parts(qtbot, a)
    assert model.meta["kind"] == "trained"
    b = make_tab()
    assert b.restore_model_part(model)
    assert b.restore_lab_image_part(image)
    answered(qtbot, b)
    assert b.model_name == LIVE_MODEL
    assert b.cnn_view.probability_texts() == a.cnn_view.probability_texts()


def test_a_bad_part_keeps_what_was_shown(make_tab, qtbot):
    tab = make_tab()
    pixels, model = tab.image.pixels.copy(), tab.model_name
    assert not tab.restore_model_part(Part({"format": 1, "kind": "trained", "name": "x", "architecture": "nope"}, {}))
    assert tab.message_is_error()
    assert not tab.restore_lab_image_part(Part({"format": 1, "name": "x"}, {"pixels": np.zeros((5, 5), np.float64)}))
    assert not tab.restore_lab_image_part(Part({"format": 1, "name": "x", "original_size": [1, 1]},
                                               {"pixels": np.zeros((5000, 5), np.uint8)}))
    assert tab.model_name == model
    np.testing.assert_array_equal(tab.image.pixels, pixels)


def test_no_image_no_image_part(qtbot, settings, models_dir):
    tab = ConvTab(settings, models_dir)
    qtbot.addWidget(tab)
    assert tab.lab_image_part() is None


# ------------------------------------------------------------------ bugs from the issue
def test_the_loss_chart_is_plain_before_training(make_tab):
    tab = make_tab()
    item = tab.training.plot.getPlotItem()
    assert not item.getAxis("left").autoSIPrefix
    low, high = item.viewRange()[1]
    assert low >= 0 and high <= 10
    assert item.legend is None  # the legend sits above the plot, off the curves
    assert "held-out" in tab.training.curve_legend.text()


def test_the_shown_sum_agrees_with_the_shown_products(qtbot):
    row = ArithmeticRow()
    qtbot.addWidget(row)
    row.set_operation("convolution", np.array([[0.5, 1, 0.5], [1, 1, 1], [0.5, 1, 0.25]], np.float32))

    class Step:
        patch = np.array([[10, 11, 12], [3, 2, 1], [0, 5, 3]], np.float32)
        products = patch * np.array([[0.5, 1, 0.5], [1, 1, 1], [0.5, 1, 0.25]], np.float32)
        output = float(products.sum())
    row.show_convolution(Step)
    shown = [float(text.replace("−", "-")) for line in row.shown_products() for text in line]
    total = row.result.text().split("=")[1].split("\n")[0].strip().replace("−", "-")
    digits = {len(text.split(".")[1]) if "." in text else 0 for line in row.shown_products() for text in line}
    assert digits == {len(total.split(".")[1]) if "." in total else 0}
    assert abs(sum(shown) - float(total)) <= 0.5 * 10 ** -min(digits) * len(shown)
