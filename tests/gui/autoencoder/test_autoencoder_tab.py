"""The Autoencoder tab: it trains, shows originals beside reconstructions, the loss, the plane of codes
(decoding a clicked point exactly as the trainer does), a new network per bottleneck, noisy inputs, and the
layers; its settings are remembered and checked key by key."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QApplication

from core.autoencoder.model import BOTTLENECK_RANGE as CORE_BOTTLENECK_RANGE
from core.autoencoder.trainer import SOURCES as CORE_SOURCES, AutoencoderConfig, autoencoder_data
from core.data.synthetic_images import make_digits
from gui.autoencoder.state import BOTTLENECK_RANGE, SOURCES, AutoencoderState
from gui.autoencoder.tab import SETTINGS_KEY, AutoencoderTab, planned_layers
from gui.style.zoom import ZOOM


@pytest.fixture(scope="module")
def digits():
    x, y = make_digits(300, 3)
    return autoencoder_data(x, y, [str(d) for d in range(10)], "test digits")


@pytest.fixture
def tab(qtbot, settings, tmp_path):
    view = AutoencoderTab(settings, cache_dir=tmp_path / "cache", threaded=False)
    qtbot.addWidget(view)
    view.resize(1000, 600)
    yield view
    view.shutdown()


def trainer_of(tab):
    return tab.runner.worker._trainer


def start(tab, digits, **settings):
    tab.controls.apply_state(AutoencoderState(**settings))
    tab.runner.use(digits, tab.config())
    assert tab.runner.info is not None and tab.runner.last_report is not None


def test_state_matches_the_core_and_checks_each_key():
    assert BOTTLENECK_RANGE == CORE_BOTTLENECK_RANGE
    assert set(SOURCES) == set(CORE_SOURCES)
    state = AutoencoderState(source="mnist", bottleneck=8, noise=0.3, learning_rate=0.01, speed_index=2,
                             point=(0.2, 0.9))
    assert AutoencoderState.from_dict(state.to_dict()) == state
    broken = AutoencoderState.from_dict({"source": "cifar", "bottleneck": 1, "noise": 0.3, "point": [2, 0],
                                         "learning_rate": float("nan"), "speed_index": True})
    assert broken == AutoencoderState(noise=0.3)  # the one good value kept, every bad one at its default
    assert AutoencoderState.from_dict("nonsense") == AutoencoderState()


def test_training_updates_the_reconstructions_and_the_curve(tab, digits):
    start(tab, digits)
    before = tab.strip.rebuilt.copy()
    assert len(tab.strip.originals) == 10  # one of each class
    assert tab.chart.train_curve.getData()[0] is None or len(tab.chart.train_curve.getData()[0]) == 0
    tab.runner.train_steps(25)
    report = tab.runner.last_report
    assert report.step == 25
    xs, ys = tab.chart.train_curve.getData()
    assert len(xs) == 25 and np.allclose(ys, report.loss_curve)
    assert not np.allclose(tab.strip.rebuilt, before)
    assert tab.chart.baseline.isVisible() and np.isfinite(tab.chart.baseline_value)
    assert list(tab.chart.test_curve.getData()[0]) == [0, 25]  # the held-out loss at each report
    assert "25" in tab.controls.readout.text()


def test_the_plane_shows_every_code_with_a_legend(tab, digits):
    start(tab, digits)
    tab.runner.train_steps(5)
    codes = tab.runner.last_report.reconstructions.codes
    shown = sum(len(item.getData()[0]) for item in tab.plane.points)
    assert shown == len(codes) == len(digits.x_test)
    first = tab.plane.points[3].getData()
    members = tab.runner.last_report.reconstructions.labels == 3
    assert np.allclose(first[0], codes[members, 0]) and np.allclose(first[1], codes[members, 1])
    legend = tab.plane.legend.text()
    assert all(f">{digit}</b>" in legend for digit in range(10))
    assert tab.plane.decodable


def test_a_click_on_the_plane_decodes_exactly_that_point(tab, digits, qtbot):
    start(tab, digits)
    tab.runner.train_steps(10)
    plot, box = tab.plane.plot, tab.plane.box
    tab.show()
    qtbot.waitExposed(tab)
    QApplication.processEvents()  # the plot laid out at its size: view coordinates map to the right pixels
    where = plot.mapFromScene(box.mapViewToScene(QPointF(0.25, 0.75)))
    qtbot.mouseClick(plot.viewport(), Qt.MouseButton.LeftButton, pos=where)
    x, y = tab.plane.point
    assert abs(x - 0.25) < 0.03 and abs(y - 0.75) < 0.03
    assert (tab.plane.cross_x.value(), tab.plane.cross_y.value()) == (x, y)
    assert np.array_equal(tab.plane.decoded.image, trainer_of(tab).decode((x, y)))
    tab.plane.pick(0.9, 0.1)
    assert np.array_equal(tab.plane.decoded.image, trainer_of(tab).decode((0.9, 0.1)))


def test_the_bottleneck_slider_builds_a_network_of_that_size(tab, digits):
    start(tab, digits)
    tab.runner.train_steps(3)
    tab.controls.bottleneck_slider.setValue(8)
    assert trainer_of(tab).model.bottleneck == 8 and trainer_of(tab).step_count == 0
    assert tab.runner.info.config.bottleneck == 8
    assert tab.diagram.sizes() == [784, 128, 8, 128, 784]
    assert tab.runner.last_report.reconstructions.codes.shape[1] == 8
    assert not tab.plane.decodable and "2" in tab.plane.note.text()
    assert "8 numbers" in tab.controls.bottleneck_label.text()


def test_noise_shows_the_noisy_inputs_and_keeps_the_weights(tab, digits):
    start(tab, digits)
    tab.runner.train_steps(4)
    assert not tab.strip.noisy and "noisy input" not in tab.strip.row_titles()
    tab.controls.noise_slider.setValue(20)  # 0.2
    assert trainer_of(tab).config.noise == pytest.approx(0.2) and trainer_of(tab).step_count == 4
    assert tab.strip.noisy and tab.strip.row_titles() == ["original", "noisy input", "rebuilt"]
    assert not np.allclose(tab.strip.inputs, tab.strip.originals)


def test_the_layer_diagram_lists_the_tables_sizes(tab, digits):
    assert tab.diagram.sizes() == [784, 128, 2, 128, 784]  # the plan, before any network exists
    start(tab, digits, bottleneck=16)
    table = trainer_of(tab).model.layer_table()
    assert tab.diagram.layers == table == planned_layers(16)
    labels = tab.diagram.boxes.step_labels()
    assert labels[0].startswith("W₁, b₁") and labels[-1].startswith("W′₂, b′₂")
    assert all("sigmoid" in label for label in labels)


def test_settings_are_remembered(settings, qtbot, tmp_path):
    first = AutoencoderTab(settings, threaded=False)
    qtbot.addWidget(first)
    first.controls.bottleneck_slider.setValue(12)
    first.controls.noise_slider.setValue(10)
    first.controls.speed_combo.setCurrentIndex(2)
    first.controls.source_combo.setCurrentIndex(SOURCES.index("fashion-mnist"))
    second = AutoencoderTab(settings, threaded=False)
    qtbot.addWidget(second)
    assert second.state().bottleneck == 12 and second.state().noise == pytest.approx(0.1)
    assert second.state().speed_index == 2 and second.state().source == "fashion-mnist"
    settings.setValue(SETTINGS_KEY, "{not json")
    third = AutoencoderTab(settings, threaded=False)
    qtbot.addWidget(third)
    assert third.state() == AutoencoderState()


def test_a_set_not_downloaded_says_where_to_get_it(tab):
    tab.controls.source_combo.setCurrentIndex(SOURCES.index("mnist"))
    tab.controls.load_button.click()
    assert "Convolution tab" in tab.controls.status.text()
    assert tab.runner.worker is None and not tab.controls.busy


def test_it_follows_the_zoom_and_survives_a_language_change(tab, digits):
    from gui import i18n

    start(tab, digits)
    size = tab.controls.readout.font().pointSizeF()
    try:
        ZOOM.set_factor(1.5)
        assert tab.controls.readout.font().pointSizeF() > size
    finally:
        ZOOM.set_factor(1.0)
    try:
        i18n.install("zh_CN")  # (its Chinese is built at the end; here: every view retranslates and survives)
        QApplication.processEvents()
    finally:
        i18n.install("en")
    QApplication.processEvents()
    assert tab.controls.load_button.text() == "Load data"
    tab.runner.train_steps(2)
    assert tab.controls.load_button.text() and tab.runner.last_report.step == 2
    for plot in (tab.chart.plot, tab.plane.plot):  # losses of 0.27 read 0.27, never 270 (pyqtgraph's SI prefix)
        assert plot.getPlotItem().getAxis("left").autoSIPrefixScale == 1.0


def test_threaded_training_plays_pauses_decodes_and_stops(qtbot, settings, digits):
    view = AutoencoderTab(settings)
    qtbot.addWidget(view)
    try:
        with qtbot.waitSignal(view.runner.run_started, timeout=20000):
            view.runner.use(digits, AutoencoderConfig())
        view.clicker_play()
        qtbot.waitUntil(lambda: view.runner.last_report is not None and view.runner.last_report.step > 3,
                        timeout=20000)
        assert view.controls.playing
        with qtbot.waitSignal(view.runner.decoded, timeout=20000):
            view.plane.pick(0.4, 0.6)
        view.clicker_play()
        qtbot.waitUntil(lambda: not view.controls.playing, timeout=20000)
        assert view.plane.decoded.image.shape == (28, 28)
    finally:
        view.shutdown()
    assert view.runner.thread is None
