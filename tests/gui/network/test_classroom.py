"""The Network tab in class: it speaks Chinese, fits a projector, zooms, answers a clicker, and says when it is stale."""

import itertools
from dataclasses import replace

import pyqtgraph as pg
import pytest
from PySide6.QtCore import QPointF

from core.mlp.config import TrainConfig
from core.mlp.recording import record_example
from core.mlp.trainer import Trainer
from gui import i18n
from gui.network.tab import NetworkTab
from gui.style.zoom import ZOOM
from tests.gui.language_check import english_leftovers

XOR = TrainConfig(dataset="xor", hidden=(4, 3), n_points=100, activation="tanh", optimizer="sgd",
                  learning_rate=0.1, device="cpu")
DEEP = replace(XOR, hidden=(8,) * 8, activation="sigmoid")
BLOBS = TrainConfig(dataset="blobs", hidden=(6,), n_points=100, device="cpu")


def trace_of(config, steps=30, example=2):
    trainer = Trainer(config)
    for _ in trainer.run(max_steps=steps):
        pass
    return record_example(trainer, example)


@pytest.fixture(scope="module")
def traces():
    return {name: trace_of(config) for name, config in (("xor", XOR), ("deep", DEEP), ("blobs", BLOBS))}


@pytest.fixture
def chinese():
    """Chinese for one test; the rest of the suite runs in English."""
    i18n.install("zh_CN")
    try:
        yield
    finally:
        i18n.install("en")


def tab_showing(qtbot, trace, size, phase="update", layer=-1, class_names=()) -> NetworkTab:
    """A NetworkTab of `size` showing one frame of `trace`, painted once (text items place themselves then)."""
    tab = NetworkTab()
    qtbot.addWidget(tab)
    tab.resize(*size)
    tab.show()
    qtbot.waitExposed(tab)
    sizes = (len(trace.input), *(layer.weight.shape[0] for layer in trace.layers))
    tab.network_view.set_structure(sizes, trace.input_names, tuple(item.activation for item in trace.layers[:-1]),
                                   trace.output_activation, class_names)
    tab.on_trace_recorded(trace)
    tab.player.seek(phase, layer, 1.0)
    tab.grab()
    return tab


def scene_texts(view) -> list[pg.TextItem]:
    """The text items a person can read on the graph now."""
    items = [item for item in view.plot.scene().items() if isinstance(item, pg.TextItem)]
    return [item for item in items if item.isVisible() and item.toPlainText().strip()]


def collisions(view) -> list[tuple[str, ...]]:
    """Every pair of readable graph texts that overlap, and every text that leaves the visible view."""
    visible = view.view_box.sceneBoundingRect()
    items = scene_texts(view)
    found = [("overlap", a.toPlainText(), b.toPlainText()) for a, b in itertools.combinations(items, 2)
             if a.sceneBoundingRect().intersects(b.sceneBoundingRect())]
    return found + [("outside", item.toPlainText()) for item in items
                    if not visible.contains(item.sceneBoundingRect())]


# ---------------------------------------------------------------------- fits a classroom screen
def test_the_tab_fits_a_1024_by_768_projector(qtbot):
    tab = NetworkTab()
    qtbot.addWidget(tab)
    hint = tab.minimumSizeHint()
    assert hint.width() <= 1000 and hint.height() <= 600


@pytest.mark.parametrize("size", [(1000, 600), (1340, 620), (1900, 950)])
@pytest.mark.parametrize("phase, layer", [("forward", 2), ("loss", 2), ("backward", 1), ("update", -1)])
def test_no_text_on_the_graph_covers_another_or_leaves_it(qtbot, traces, size, phase, layer):
    tab = tab_showing(qtbot, traces["xor"], size, phase, layer)
    assert collisions(tab.network_view) == []
    shown = [text for text in tab.network_view.value_texts(2) if text]
    assert shown, "the numbers of hidden layer 2 are on screen"


def test_the_loss_caption_leaves_hidden_layer_2s_deltas_readable_at_1366(qtbot, traces):
    tab = tab_showing(qtbot, traces["xor"], (1340, 620), "update", -1)
    view = tab.network_view
    loss = view.loss_text.sceneBoundingRect()
    deltas = [label for label in view.value_labels[2] if label.isVisible()]
    assert view.loss_text.isVisible() and len(deltas) == 3
    assert all(label.toPlainText().startswith("δ") for label in deltas)
    assert not any(label.sceneBoundingRect().intersects(loss) for label in deltas)


@pytest.mark.parametrize("size", [(1000, 600), (1340, 620), (1900, 950)])
def test_eight_sigmoid_layers_keep_their_names_readable(qtbot, traces, size):
    tab = tab_showing(qtbot, traces["deep"], size)
    headers = tab.network_view.layer_headers
    assert len(headers) == 10
    for a, b in itertools.combinations(headers, 2):
        assert not a.sceneBoundingRect().intersects(b.sceneBoundingRect()), (a.toPlainText(), b.toPlainText())
    visible = tab.network_view.view_box.sceneBoundingRect()
    assert all(visible.contains(header.sceneBoundingRect()) for header in headers)


@pytest.mark.parametrize("size", [(1000, 600), (1340, 620), (1900, 950)])
def test_the_top_class_marker_stays_inside_the_view(qtbot, traces, size):
    tab = tab_showing(qtbot, traces["blobs"], size, "loss", 1, class_names=("A", "B", "C", "D"))
    view = tab.network_view
    top = [label for label in view.class_labels if "◀" in label.toPlainText()]
    assert len(top) == 1 and top[0].isVisible()
    assert view.view_box.sceneBoundingRect().contains(top[0].sceneBoundingRect())


# ---------------------------------------------------------------------- zoom
def test_texts_circles_and_captions_grow_with_the_zoom(qtbot, traces):
    tab = tab_showing(qtbot, traces["xor"], (1900, 950), "update", -1)
    view = tab.network_view
    before = view.layer_headers[1].sceneBoundingRect().height()
    caption = tab.caption.font().pointSizeF()
    try:
        ZOOM.set_factor(2.0)
        tab.grab()
        assert view.layer_headers[1].textItem.font().pointSizeF() == pytest.approx(2 * 15)
        assert view.layer_headers[1].sceneBoundingRect().height() > 1.7 * before
        assert tab.caption.font().pointSizeF() == pytest.approx(2 * caption)
        assert view.trace is not None and view.loss_text.isVisible()  # the frame on screen is kept
        assert collisions(view) == []
    finally:
        ZOOM.set_factor(1.0)
    assert view.layer_headers[1].textItem.font().pointSizeF() == pytest.approx(15)


def drawn_share(view) -> float:
    """How much of the graph's height or width the neuron columns take on screen (the larger share)."""
    box, layout = view.view_box, view.net_layout
    extents = [layout.column_extent(column) for column in range(len(view.sizes))]
    first = box.mapViewToScene(QPointF(layout.xs[0], min(top for top, _ in extents)))
    last = box.mapViewToScene(QPointF(layout.xs[-1], max(bottom for _, bottom in extents)))
    rect = box.sceneBoundingRect()
    return max(abs(last.x() - first.x()) / rect.width(), abs(last.y() - first.y()) / rect.height())


@pytest.mark.parametrize("zoom", [1.5, 2.0])
@pytest.mark.parametrize("name", ["xor", "deep"])
def test_zoomed_in_on_a_small_screen_the_network_keeps_most_of_the_graph(qtbot, traces, name, zoom):
    tab = tab_showing(qtbot, traces[name], (900, 560), "update", -1)
    view = tab.network_view
    try:
        ZOOM.set_factor(zoom)
        # The larger fonts lay the tab out again on the event loop's next turns; the graph then refits.
        qtbot.waitUntil(lambda: drawn_share(view) >= 0.45, timeout=2_000)
        tab.grab()
        assert drawn_share(view) >= 0.45
        assert view.loss_text.isVisible()
        assert collisions(view) == []
    finally:
        ZOOM.set_factor(1.0)


@pytest.mark.parametrize("zoom", [1.5, 2.0])
def test_zoomed_in_on_a_small_screen_class_names_never_cover_each_other(qtbot, traces, zoom):
    tab = tab_showing(qtbot, traces["blobs"], (900, 560), "loss", 1, class_names=("A", "B", "C", "D"))
    view = tab.network_view
    try:
        ZOOM.set_factor(zoom)
        qtbot.waitUntil(lambda: not view.legend.wordWrap(), timeout=2_000)  # laid out again for the larger fonts
        tab.grab()
        assert [found for found in collisions(view) if found[0] == "overlap"] == []
        top = [label for label in view.class_labels if "◀" in label.toPlainText()]
        assert len(top) == 1 and top[0].isVisible()
    finally:
        ZOOM.set_factor(1.0)


# ---------------------------------------------------------------------- language
def test_a_language_switch_rewords_the_frame_on_screen(qtbot, traces, chinese):
    i18n.install("en")
    tab = tab_showing(qtbot, traces["xor"], (1340, 620), "loss", 2)
    view = tab.network_view
    assert "Loss" in tab.caption.text() and "prediction" in view.loss_text.toPlainText()
    i18n.install("zh_CN")
    qtbot.waitUntil(lambda: "损失" in tab.caption.text(), timeout=2_000)
    assert "预测" in view.loss_text.toPlainText() and view.layer_headers[1].toPlainText().startswith("隐藏层")
    assert english_leftovers(tab) == []
    assert collisions(view) == []
    i18n.install("en")
    qtbot.waitUntil(lambda: "Loss" in tab.caption.text(), timeout=2_000)
    assert "prediction" in view.loss_text.toPlainText() and view.layer_headers[1].toPlainText().startswith("hidden")


def test_the_whole_tab_speaks_chinese_with_a_pass_and_the_inspector_open(make_window, qtbot, chinese):
    i18n.install("en")
    window = make_window(XOR)
    window.tabs.setCurrentWidget(window.network_tab)
    tab = window.network_tab
    qtbot.waitUntil(lambda: window.last_progress.gradient_magnitudes is not None, timeout=5_000)
    tab.step_layer()
    qtbot.waitUntil(lambda: tab.trace is not None and not tab.player.playing, timeout=5_000)
    tab.network_view.neuron_clicked.emit(1, 2)
    qtbot.waitUntil(lambda: tab.inspector.activity is not None, timeout=5_000)
    assert english_leftovers(tab) != []  # English to begin with
    i18n.install("zh_CN")
    qtbot.waitUntil(lambda: "前向传播" in tab.caption.text(), timeout=2_000)
    assert english_leftovers(tab) == []
    assert "神经元" in tab.inspector.title.text() and "样本" in tab.inspector.formula.text()
    assert tab.play_pass_action.text() == "▶ 播放这一遍"
    i18n.install("en")
    qtbot.waitUntil(lambda: "Forward" in tab.caption.text(), timeout=2_000)
    assert tab.play_pass_action.text() == "▶ Play pass" and "Neuron 3" in tab.inspector.title.text()
    tab.inspector.close()


# ---------------------------------------------------------------------- clicker and presenter
def test_a_clicker_steps_goes_back_and_plays(make_window, qtbot):
    window = make_window(XOR)
    window.tabs.setCurrentWidget(window.network_tab)
    tab = window.network_tab
    tab.clicker_next()  # no pass yet: a new example, its first layer
    qtbot.waitUntil(lambda: tab.trace is not None and not tab.player.playing, timeout=5_000)
    assert (tab.player.sequence.unit.phase, tab.player.sequence.unit.layer) == ("forward", 0)
    tab.clicker_next()
    qtbot.waitUntil(lambda: tab.player.sequence.unit.layer == 1 and not tab.player.playing, timeout=5_000)
    tab.clicker_previous()
    assert (tab.player.sequence.unit.layer, tab.player.sequence.fraction) == (0, 1.0)
    tab.clicker_play()
    assert tab.player.playing
    tab.clicker_play()
    assert not tab.player.playing


def test_presenting_hides_the_editing_and_makes_the_caption_large(qtbot, traces):
    tab = tab_showing(qtbot, traces["xor"], (1340, 620), "update", -1)
    size = tab.caption.font().pointSizeF()
    assert tab.network_view.edit_buttons and tab.edge_limit_combo.isVisible()
    tab.set_presenting(True)
    qtbot.waitUntil(lambda: not tab.edge_limit_combo.isVisible(), timeout=2_000)  # the toolbar hides it on its turn
    assert tab.network_view.edit_buttons == [] and not tab.edge_limit_combo.isVisible()
    assert not tab.preset_action.isVisible() and not tab.gradient_chart.isVisible()
    assert tab.caption.font().pointSizeF() > size * 1.3
    assert tab.network_view.trace is not None and tab.network_view.loss_text.isVisible()  # the frame stays
    assert tab.state().editable  # presenting is not a change of what the tab shows
    tab.grab()
    assert collisions(tab.network_view) == []
    tab.set_presenting(False)
    qtbot.waitUntil(tab.edge_limit_combo.isVisible, timeout=2_000)
    assert tab.network_view.edit_buttons and tab.gradient_chart.isVisible()
    assert tab.caption.font().pointSizeF() == pytest.approx(size)


# ---------------------------------------------------------------------- stale numbers
def test_a_pass_left_on_screen_while_training_goes_on_says_it_is_stale(make_window, qtbot):
    window = make_window(XOR)
    window.tabs.setCurrentWidget(window.network_tab)
    tab = window.network_tab
    tab.step_layer()
    qtbot.waitUntil(lambda: tab.trace is not None and not tab.player.playing, timeout=5_000)
    step = tab.trace.step
    assert not tab.trace_stale and "step" not in tab.caption.text()
    for _ in range(3):
        window.worker_step()
    qtbot.waitUntil(lambda: window.last_progress.step > step + 1, timeout=5_000)
    qtbot.waitUntil(lambda: tab.trace_stale, timeout=5_000)
    assert f"from step {step}" in tab.caption.text() and "fresh example" in tab.caption.text()
    view = tab.network_view
    assert view.stale and view.value_labels[1][0].opacity() < 0.5 and view.neuron_item.opacity() < 0.5
    tab.step_layer()  # Right: a fresh example, drawn at full strength
    qtbot.waitUntil(lambda: tab.trace is not None and tab.trace.step > step and not tab.player.playing,
                    timeout=5_000)
    assert not tab.trace_stale and not view.stale and view.neuron_item.opacity() == 1.0
    assert "Forward" in tab.caption.text()
