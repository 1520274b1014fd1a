"""The Network tab: live graph, step-through of one example, keys, and the deep-sigmoid preset."""

from dataclasses import replace

import numpy as np
from PySide6.QtGui import QKeySequence

from core.mlp.config import TrainConfig
from gui.network.editing import Edit

XOR = TrainConfig(dataset="xor", hidden=(4, 3), n_points=100, activation="tanh", optimizer="sgd",
                  learning_rate=0.1, device="cpu")


def open_network_tab(make_window, qtbot, config=XOR):
    window = make_window(config)
    window.tabs.setCurrentWidget(window.network_tab)
    qtbot.waitUntil(lambda: window.last_progress.gradient_magnitudes is not None, timeout=5_000)
    return window


def test_graph_shows_the_live_network(make_window, qtbot):
    window = open_network_tab(make_window, qtbot)
    view = window.network_tab.network_view
    assert view.drawn_edge_count() == 2 * 4 + 4 * 3 + 3 * 1
    assert window.network_tab.gradient_chart.magnitudes.shape == (3,)
    assert window.network_tab.boundary_view.image.image is not None


def test_step_through_plays_forward_loss_backward_update(make_window, qtbot):
    window = open_network_tab(make_window, qtbot)
    tab = window.network_tab
    tab.player.set_speed(10)
    frames = []
    tab.player.frame_changed.connect(lambda phase, layer, fraction: frames.append(phase))
    tab.toggle_pass()  # no trace yet: records the next example and plays it
    qtbot.waitUntil(lambda: tab.trace is not None, timeout=5_000)
    with qtbot.waitSignal(tab.player.finished, timeout=10_000):
        pass
    assert frames.index("forward") < frames.index("loss") < frames.index("backward") < frames.index("update")
    assert "Update" in tab.caption.text() and "η = 0.1" in tab.caption.text()
    # The pass trained the real network on that example: one step, weights = weight_after.
    qtbot.waitUntil(lambda: window.last_progress.step == 1, timeout=5_000)
    for layer, (weight, _) in zip(tab.trace.layers, window.last_progress.weights):
        np.testing.assert_allclose(weight, layer.weight_after, rtol=1e-6)


def test_keys_drive_the_step_through_on_the_network_tab(make_window, qtbot):
    window = open_network_tab(make_window, qtbot)
    tab = window.network_tab
    assert window.play_action.shortcut().isEmpty()  # Space belongs to the step-through here
    assert tab.play_pass_action.isEnabled()
    # A presentation clicker sends Page Down / Page Up: they step and go back too.
    assert QKeySequence("PgDown") in tab.step_layer_action.shortcuts()
    assert QKeySequence("PgUp") in tab.back_action.shortcuts()
    tab.step_layer_action.trigger()  # Right: a new example, first layer animated
    qtbot.waitUntil(lambda: tab.trace is not None and not tab.player.playing, timeout=5_000)
    assert tab.player.sequence.unit.phase == "forward" and tab.player.sequence.unit.layer == 0
    assert "Forward, layer 1 of 3" in tab.caption.text()
    tab.step_layer_action.trigger()
    qtbot.waitUntil(lambda: tab.player.sequence.unit.layer == 1 and not tab.player.playing, timeout=5_000)
    tab.back_action.trigger()
    assert (tab.player.sequence.unit.layer, tab.player.sequence.fraction) == (0, 1.0)
    window.tabs.setCurrentWidget(window.training_view)
    assert not tab.play_pass_action.isEnabled()
    assert not window.play_action.shortcut().isEmpty()


def test_clicking_a_point_steps_that_example(make_window, qtbot):
    window = open_network_tab(make_window, qtbot)
    tab = window.network_tab
    tab.boundary_view.example_clicked.emit(17)
    qtbot.waitUntil(lambda: tab.trace is not None, timeout=5_000)
    assert tab.trace.example_index == 17
    tab.player.pause()


def test_deep_sigmoid_preset_shows_vanishing_gradients(make_window, qtbot):
    window = open_network_tab(make_window, qtbot)
    window.network_tab.preset_requested.emit("deep_sigmoid")
    qtbot.waitUntil(lambda: window.config.hidden == (8,) * 8, timeout=5_000)
    qtbot.waitUntil(lambda: len(window.network_tab.gradient_chart.magnitudes) == 9, timeout=5_000)
    assert window.config.activation == "sigmoid"
    magnitudes = window.network_tab.gradient_chart.magnitudes
    assert magnitudes[0] < magnitudes[-1] / 100


def test_a_typed_weight_reaches_the_network(make_window, qtbot):
    window = open_network_tab(make_window, qtbot)
    window.network_tab.weight_edit_requested.emit(0, 3, 1, 2.5)
    qtbot.waitUntil(lambda: window.last_progress.weights[0][0][3, 1] == np.float32(2.5), timeout=5_000)
    window.network_tab.weight_edit_requested.emit(0, 9, 1, 2.5)  # no such neuron: explained, nothing changes
    qtbot.waitUntil(lambda: window.panel.error.isVisible(), timeout=5_000)
    assert "no weight" in window.panel.error.text()


def test_a_neuron_added_on_the_graph_keeps_the_learned_weights(make_window, qtbot):
    window = open_network_tab(make_window, qtbot)
    window.worker_step()
    qtbot.waitUntil(lambda: window.last_progress.step == 1, timeout=5_000)
    before = window.last_progress.weights
    view = window.network_tab.network_view
    view.request_edit(view.edit_buttons[1].edit)  # + on hidden layer 1
    qtbot.waitUntil(lambda: window.config.hidden == (5, 3), timeout=5_000)
    qtbot.waitUntil(lambda: window.last_progress.weights[0][0].shape == (5, 2), timeout=5_000)
    after = window.last_progress.weights
    np.testing.assert_array_equal(after[0][0][:4], before[0][0])
    np.testing.assert_array_equal(after[1][0][:, :4], before[1][0])
    assert window.panel.hidden.text() == "5,3"
    assert view.sizes == (2, 5, 3, 1)


def test_a_pass_half_way_goes_with_its_caption_when_a_layer_is_added(make_window, qtbot):
    """The pass on screen was of the network before the edit: no neuron of it is on screen any more, so
    neither is its pass, nor a caption that describes it ("layer 1 of 3" of a network now 4 layers deep)."""
    window = open_network_tab(make_window, qtbot)
    tab = window.network_tab
    tab.step_layer_action.trigger()  # Right: a new example, its first layer
    qtbot.waitUntil(lambda: tab.trace is not None and not tab.player.playing, timeout=5_000)
    assert "Forward, layer 1 of 3" in tab.caption.text()
    view = tab.network_view
    plus_layer = [button.edit for button in view.edit_buttons if button.edit.kind == "layers" and button.edit.change > 0]
    view.request_edit(plus_layer[0])
    qtbot.waitUntil(lambda: len(window.last_progress.weights) == 4, timeout=5_000)
    qtbot.waitUntil(lambda: tab.trace is None, timeout=5_000)
    assert "layer 1 of 3" not in tab.caption.text() and tab.player.sequence is None


def test_a_layer_activation_chosen_on_the_graph_is_trained_with(make_window, qtbot):
    window = open_network_tab(make_window, qtbot)
    view = window.network_tab.network_view
    view.activation_menu(0).actions()[0].trigger()  # relu for hidden layer 1
    qtbot.waitUntil(lambda: window.config.layer_activations == ("relu", "tanh"), timeout=5_000)
    qtbot.waitUntil(lambda: view.activations == ("relu", "tanh"), timeout=5_000)
    assert "per layer" in window.panel.activation.currentText()
    assert "relu,tanh" in window.training_view.title.text()


def test_clicking_a_neuron_opens_its_inspector_with_live_numbers(make_window, qtbot):
    window = open_network_tab(make_window, qtbot)
    tab = window.network_tab
    tab.network_view.neuron_clicked.emit(1, 2)  # hidden layer 1, neuron 3
    inspector = tab.inspector
    assert inspector.isVisible() and "Neuron 3 of hidden layer 1" in inspector.title.text()
    qtbot.waitUntil(lambda: inspector.activity is not None, timeout=5_000)
    activity = inspector.activity
    assert (activity.layer, activity.index) == (0, 2)
    weights, biases = window.last_progress.weights[0]
    np.testing.assert_allclose(inspector.weight_bars.opts["width"], np.abs([*weights[2], biases[2]]), rtol=1e-6)
    counts = sum(np.asarray(bars.opts["height"]) for bars in inspector.histogram_bars)
    assert counts.sum() == len(activity.values) == len(tab.info.dataset.y_train)
    assert len(inspector.histogram_bars) == 2  # stacked by class
    assert "a = tanh(z)" in inspector.formula.text() and "x₁" in inspector.formula.text()
    assert inspector.boundary.image.image is not None
    window.worker_step()  # the numbers follow training
    qtbot.waitUntil(lambda: inspector.activity.step == 1, timeout=5_000)


def test_the_inspector_closes_when_its_neuron_is_removed(make_window, qtbot):
    window = open_network_tab(make_window, qtbot)
    tab = window.network_tab
    tab.network_view.neuron_clicked.emit(2, 2)  # hidden layer 2, neuron 3 (of 3)
    qtbot.waitUntil(lambda: tab.inspector.activity is not None, timeout=5_000)
    tab.network_view.request_edit(Edit("neurons", layer=1, change=-1))
    qtbot.waitUntil(lambda: not tab.inspector.isVisible(), timeout=5_000)
    tab.network_view.neuron_clicked.emit(1, 0)
    qtbot.waitUntil(lambda: tab.inspector.activity is not None, timeout=5_000)
    tab.inspector.close()
    window.worker_step()
    qtbot.waitUntil(lambda: window.last_progress.step == 1, timeout=5_000)
    assert window.last_progress.neuron_activity is None


def test_an_mnist_sized_network_on_digits_shows_its_input_image_and_steps_through(make_window, qtbot):
    digits = TrainConfig(dataset="digits", hidden=(128, 64), n_points=200, learning_rate=0.003, device="cpu")
    window = make_window(digits)
    window.tabs.setCurrentWidget(window.network_tab)
    tab = window.network_tab
    qtbot.waitUntil(lambda: window.last_progress.gradient_magnitudes is not None, timeout=10_000)
    view = tab.network_view
    assert view.sizes == (784, 128, 64, 10) and view.net_layout.image_side == 28
    assert not tab.boundary_view.isVisible() and window.last_progress.boundaries is None
    assert view.input_image.image.max() > 100  # a digit, not the blank placeholder
    assert view.thinning_label.isVisible()
    tab.player.set_speed(10)
    tab.toggle_pass()
    qtbot.waitUntil(lambda: tab.trace is not None, timeout=5_000)
    with qtbot.waitSignal(tab.player.finished, timeout=15_000):
        pass
    assert len(tab.trace.input) == 784 and tab.trace.input_names[0] == "p1"
    assert "top class" in view.top_class_text.toPlainText() or view.bar_item.isVisible()


def test_the_toolbar_chooses_how_many_edges_each_neuron_draws(make_window, qtbot):
    window = open_network_tab(make_window, qtbot, replace(XOR, hidden=(16, 16)))
    tab = window.network_tab
    view = tab.network_view
    assert view.drawn_edge_count() == 2 * 16 + 16 * 16 + 16  # auto: small layers are drawn whole
    tab.edge_limit_combo.setCurrentIndex(tab.edge_limit_combo.findData(4))
    assert view.drawn_edge_count() == 2 * 16 + 16 * 4 + 4  # at most 4 per neuron (2 inputs: both)
    assert view.thinning_label.isVisible() and "strongest 4" in view.thinning_label.text()
    tab.edge_limit_combo.setCurrentIndex(tab.edge_limit_combo.count() - 1)  # all
    assert view.drawn_edge_count() == 2 * 16 + 16 * 16 + 16 and not view.thinning_label.isVisible()


def test_the_network_is_drawn_when_its_tab_comes_to_the_front(make_window, qtbot):
    """Reports that arrive behind another tab are kept, not drawn; the newest is drawn on show."""
    window = make_window(XOR)
    window.resize(1200, 800)
    window.show()
    window.tabs.setCurrentWidget(window.training_view)
    qtbot.waitUntil(lambda: window.last_progress is not None, timeout=10_000)
    tab = window.network_tab
    window.worker_step()
    qtbot.waitUntil(lambda: window.last_progress is not None and window.last_progress.step >= 1, timeout=10_000)
    assert tab._unseen_progress is not None and tab._unseen_progress.step >= 1
    window.tabs.setCurrentWidget(tab)
    assert tab._unseen_progress is None
    drawn = tab.network_view._weights[0][0]
    assert np.array_equal(drawn, window.last_progress.weights[0][0])


def test_a_refused_step_through_says_why_and_takes_the_next_request(make_window, qtbot):
    window = open_network_tab(make_window, qtbot)
    tab = window.network_tab
    requests = []
    tab.trace_requested.connect(requests.append)
    tab.next_example(play=False)
    qtbot.waitUntil(lambda: tab.trace is not None, timeout=5_000)
    tab._waiting_for_trace = True  # a request the worker then refuses (core.mlp.recording.StepDivergedError)
    sentence = "Example 3's pass at step 9 diverged: the loss became inf."
    tab.on_trace_refused(sentence)
    assert tab.caption.text() == sentence
    tab.next_example(play=False)  # not stuck waiting for a trace that will never come
    assert len(requests) == 2
    qtbot.waitUntil(lambda: not tab._waiting_for_trace, timeout=5_000)


def test_the_inspector_survives_a_smaller_network_then_a_zoom(make_window, qtbot):
    """Found by the monkey test: the inspector's title named a layer the new network no longer had."""
    from gui.style.zoom import ZOOM

    window = open_network_tab(make_window, qtbot)
    tab = window.network_tab
    tab.network_view.neuron_clicked.emit(2, 1)  # hidden layer 2, neuron 2
    inspector = tab.inspector
    assert inspector.isVisible() and "Neuron 2 of hidden layer 2" in inspector.title.text()
    window.panel.hidden.setText("")  # no hidden layer at all
    window.panel.hidden.editingFinished.emit()
    qtbot.waitUntil(lambda: tab.network_view.sizes == (2, 1), timeout=5_000)
    inspector.retranslate()  # a language change says the title again
    ZOOM.set_factor(1.25)  # and so does a zoom
    ZOOM.set_factor(1.0)
    assert "Neuron 2 of hidden layer 2" in inspector.title.text() or not inspector.isVisible()
