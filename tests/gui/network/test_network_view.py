"""NetworkView draws an MLP and replays an ExampleTrace: batched edges, colours, phases, thinning, images."""

from dataclasses import replace

import numpy as np
import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor

from core.mlp.config import TrainConfig
from core.nets.mlp import ACTIVATIONS
from core.mlp.recording import record_example
from core.mlp.trace import ExampleTrace, LayerTrace
from core.mlp.trainer import Trainer
from gui.style import numbers, theme
from gui.network import layout as geo
from gui.network.editing import Edit, apply_edit
from gui.network.items import EdgeBatch, fill_colours
from gui.network.network_view import NetworkView


@pytest.fixture(scope="module")
def xor_trace() -> ExampleTrace:
    trainer = Trainer(TrainConfig(dataset="xor", hidden=(4, 3), n_points=100, device="cpu"))
    for _ in trainer.run(max_steps=50):
        pass
    return record_example(trainer, 2)


@pytest.fixture(scope="module")
def blobs() -> tuple[Trainer, ExampleTrace]:
    trainer = Trainer(TrainConfig(dataset="blobs", hidden=(6,), n_points=100, device="cpu"))
    for _ in trainer.run(max_steps=50):
        pass
    return trainer, record_example(trainer, 1)


def make_view(qtbot, trace: ExampleTrace | None = None, class_names=()) -> NetworkView:
    view = NetworkView()
    qtbot.addWidget(view)
    view.resize(1600, 900)
    if trace is not None:
        sizes = (len(trace.input), *(layer.weight.shape[0] for layer in trace.layers))
        hidden = tuple(layer.activation for layer in trace.layers[:-1])
        view.set_structure(sizes, trace.input_names, hidden, trace.output_activation, class_names)
        view.set_weights([(layer.weight, layer.bias) for layer in trace.layers])
    return view


def random_weights(sizes, seed=0):
    rng = np.random.default_rng(seed)
    return [(rng.normal(size=(n_out, n_in)), rng.normal(size=n_out)) for n_in, n_out in zip(sizes, sizes[1:])]


def fake_trace(sizes, seed=0) -> ExampleTrace:
    """A trace of the right shapes for nets no dataset here can train (784 inputs)."""
    rng = np.random.default_rng(seed)
    layers = []
    for (weight, bias), n_out in zip(random_weights(sizes, seed), sizes[1:]):
        z, a = rng.normal(size=n_out), rng.uniform(size=n_out)
        layers.append(LayerTrace("relu", weight, bias, z, a, z, z, rng.normal(size=weight.shape), z,
                                 weight * 0.9, bias * 0.9))
    layers[-1] = replace(layers[-1], activation="softmax", a=np.full(sizes[-1], 1 / sizes[-1]))
    x = rng.uniform(size=sizes[0])
    target = np.eye(sizes[-1])[0]
    return ExampleTrace(0, 0, tuple(f"p{i}" for i in range(sizes[0])), x, target, "cross_entropy", 2.3, "softmax",
                        "sgd", 0.1, "none", 0.0, tuple(layers))


def bucket_colour(values, scale) -> list[str]:
    colours = fill_colours()
    return [colours[index].name() for index in geo.fill_buckets(np.asarray(values), scale)]


# ---------------------------------------------------------------------- structure and edges
def test_structure_has_every_neuron_labels_and_headers(qtbot, xor_trace):
    view = make_view(qtbot, xor_trace)
    assert len(view.neuron_item.data) == 2 + 4 + 3 + 1
    assert [label.toPlainText() for label in view.input_labels] == ["x₁", "x₂"]
    assert [header.toPlainText() for header in view.layer_headers] == [
        "input", "hidden 1\ntanh ▾", "hidden 2\ntanh ▾", "output\nsigmoid"]
    assert view.input_labels[0].textItem.font().pointSize() >= 13
    assert view.drawn_edge_count() == 2 * 4 + 4 * 3 + 3 * 1
    assert not view.thinning_label.isVisibleTo(view)


def test_edges_are_drawn_in_a_few_batched_items(qtbot):
    view = make_view(qtbot)
    sizes = (64, 64, 64, 10)
    view.set_structure(sizes, [f"p{i}" for i in range(64)], ["relu", "relu"], "softmax")
    view.set_edge_limit(64)  # every edge: nothing is thinned
    view.set_weights(random_weights(sizes))
    assert view.drawn_edge_count() == 64 * 64 * 2 + 64 * 10
    scene_items = view.plot.scene().items()
    assert sum(isinstance(item, EdgeBatch) for item in scene_items) == 3
    assert len(scene_items) < 110  # 8,832 edges, yet about a hundred items in all (labels and ± buttons included)
    view.set_edge_limit(2)
    assert view.drawn_edge_count() == 2 * (64 + 64 + 10)
    assert len(view.plot.scene().items()) == len(scene_items)


def test_new_weights_recolour_the_same_items(qtbot, xor_trace):
    view = make_view(qtbot, xor_trace)
    items = list(view.edge_items)
    neurons, biases = view.neuron_item, view.bias_item
    before = [item.bucket_counts() for item in items]
    flipped = [(-layer.weight, -layer.bias) for layer in xor_trace.layers]
    view.set_weights(flipped)
    assert view.edge_items == items and view.neuron_item is neurons and view.bias_item is biases
    for item, counts in zip(items, before):
        after = item.bucket_counts()
        np.testing.assert_array_equal(after[:4], counts[4:8])  # positive ↔ negative, same widths
        np.testing.assert_array_equal(after[4:8], counts[:4])


def test_weight_sign_picks_orange_or_blue(qtbot):
    view = make_view(qtbot)
    view.set_structure((2, 1), ["x1", "x2"], [], "sigmoid")
    view.set_weights([(np.array([[0.8, -0.8]]), np.array([0.0]))])
    edges = view.edge_items[0]
    strongest_positive, strongest_negative = len(geo.EDGE_WIDTHS) - 1, 2 * len(geo.EDGE_WIDTHS) - 1
    inputs = view.net_layout.positions[0]
    np.testing.assert_allclose(edges.segments(strongest_positive)[:, :2], inputs[[0]])
    np.testing.assert_allclose(edges.segments(strongest_negative)[:, :2], inputs[[1]])
    assert edges.pens[strongest_positive].color().name() == QColor(theme.ORANGE).name()
    assert edges.pens[strongest_negative].color().name() == QColor(theme.BLUE).name()
    assert edges.pens[strongest_positive].widthF() > edges.pens[0].widthF()
    view.set_weights([(np.array([[0.8, -0.08]]), np.array([0.0]))])  # a small weight: thin and pale
    assert len(edges.segments(strongest_negative)) == 0 and len(edges.segments(len(geo.EDGE_WIDTHS))) == 1


def test_new_shapes_rebuild_and_keep_the_input_names(qtbot, xor_trace):
    view = make_view(qtbot, xor_trace)
    view.set_weights(random_weights((2, 5, 1)))
    assert view.sizes == (2, 5, 1)
    assert [label.toPlainText() for label in view.input_labels] == ["x₁", "x₂"]
    assert view.drawn_edge_count() == 2 * 5 + 5


# ---------------------------------------------------------------------- trace phases
def test_forward_fills_reached_layers_from_their_activations(qtbot, xor_trace):
    view = make_view(qtbot, xor_trace)
    layers = xor_trace.layers
    view.show_trace(xor_trace, "forward", 0, 0.5)
    neutral = fill_colours()[geo.FILL_NEUTRAL].name()
    assert view.neuron_colours(1) == [neutral] * 4  # the pulse has not arrived yet
    assert view.value_texts(1) == [""] * 4
    assert view.value_texts(0) == [numbers.short(x) for x in xor_trace.input]
    dots = np.column_stack(view.pulse_item.getData())
    assert len(dots) == 2 * 4  # one dot per edge of the layer, halfway along
    starts = view.net_layout.positions[0][:, 0]
    ends = view.net_layout.positions[1][:, 0]
    np.testing.assert_allclose(dots[:, 0], (starts[0] + ends[0]) / 2)

    view.show_trace(xor_trace, "forward", 0, 1.0)
    assert view.neuron_colours(1) == bucket_colour(layers[0].a, max(1.0, np.abs(layers[0].a).max()))
    assert view.value_texts(1) == [numbers.short(a) for a in layers[0].a]
    assert view.value_texts(2) == [""] * 3
    assert len(view.pulse_item.getData()[0]) == 0  # arrived: no dots left on the edges
    assert "Forward" in view.caption.text()


def test_loss_phase_states_prediction_target_and_loss(qtbot, xor_trace):
    view = make_view(qtbot, xor_trace)
    view.show_trace(xor_trace, "forward", 2, 0.5)
    assert not view.loss_text.isVisible()
    view.show_trace(xor_trace, "loss", 2)
    text = view.loss_text.toPlainText()
    assert view.loss_text.isVisible()
    assert f"loss {xor_trace.loss_value:.3f} (BCE)" in text
    assert f"target {xor_trace.target[0]:g}" in text
    assert f"prediction {numbers.short(xor_trace.layers[-1].a[0])}" in text


def test_backward_colours_edges_by_the_gradient(qtbot, xor_trace):
    view = make_view(qtbot, xor_trace)
    view.show_trace(xor_trace, "backward", 1, 0.3)
    for index in (1, 2):  # reached: ∂L/∂w
        grad = xor_trace.layers[index].grad_weight
        expected = np.bincount(geo.edge_buckets(grad.ravel(), np.abs(grad).max()), minlength=geo.EDGE_BUCKETS)
        np.testing.assert_array_equal(view.edge_items[index].bucket_counts(), expected)
    weight = xor_trace.layers[0].weight  # not reached yet: still the weights
    expected = np.bincount(geo.edge_buckets(weight.ravel(), np.abs(weight).max()), minlength=geo.EDGE_BUCKETS)
    np.testing.assert_array_equal(view.edge_items[0].bucket_counts(), expected)
    assert all(text.startswith("δ ") for text in view.value_texts(3) + view.value_texts(2))
    assert not any(text.startswith("δ") for text in view.value_texts(1))
    delta = xor_trace.layers[1].delta
    assert view.neuron_colours(2) == bucket_colour(delta, np.abs(delta).max())
    assert len(view.pulse_item.getData()[0]) == 4 * 3
    assert "∂L/∂w" in view.caption.text()


def test_update_shows_each_weight_change(qtbot, xor_trace):
    layer = xor_trace.layers[0]
    trace = replace(xor_trace, layers=(replace(layer, weight_after=-layer.weight), *xor_trace.layers[1:]))
    view = make_view(qtbot, trace)
    scale = np.abs(layer.weight).max()

    def counts(values):
        return np.bincount(geo.edge_buckets(values.ravel(), scale), minlength=geo.EDGE_BUCKETS)

    view.show_trace(trace, "update", -1, 0.0)
    np.testing.assert_array_equal(view.edge_items[0].bucket_counts(), counts(layer.weight))
    view.show_trace(trace, "update", -1, 0.5)  # while it updates, an edge shows its Δw (sign and relative size)
    change = -2 * layer.weight
    expected = np.bincount(geo.edge_buckets(change.ravel(), np.abs(change).max()), minlength=geo.EDGE_BUCKETS)
    np.testing.assert_array_equal(view.edge_items[0].bucket_counts(), expected)
    assert "Δw" in view.caption.text()
    view.show_trace(trace, "update", -1, 1.0)  # and it keeps showing Δw once the update is done
    np.testing.assert_array_equal(view.edge_items[0].bucket_counts(), expected)
    assert "−η·∂L/∂w" in view.caption.text()


def test_clear_trace_returns_to_the_weights(qtbot, xor_trace):
    view = make_view(qtbot, xor_trace)
    plain = [item.bucket_counts() for item in view.edge_items]
    view.show_trace(xor_trace, "backward", 0, 0.5)
    view.clear_trace()
    neutral = fill_colours()[geo.FILL_NEUTRAL].name()
    assert view.neuron_colours(1) == [neutral] * 4
    assert view.value_texts(1) == [""] * 4
    assert not view.loss_text.isVisible()
    assert len(view.pulse_item.getData()[0]) == 0
    for item, counts in zip(view.edge_items, plain):
        np.testing.assert_array_equal(item.bucket_counts(), counts)


def test_weights_that_arrive_during_a_trace_wait_for_clear_trace(qtbot, xor_trace):
    view = make_view(qtbot, xor_trace)
    view.show_trace(xor_trace, "forward", 1, 0.5)
    shown = [item.bucket_counts() for item in view.edge_items]
    view.set_weights([(-layer.weight, -layer.bias) for layer in xor_trace.layers])
    for item, counts in zip(view.edge_items, shown):  # the trace keeps its own weights on screen
        np.testing.assert_array_equal(item.bucket_counts(), counts)
    view.clear_trace()
    for item, counts in zip(view.edge_items, shown):
        np.testing.assert_array_equal(item.bucket_counts()[:4], counts[4:8])


def test_bad_arguments_are_refused(qtbot, xor_trace):
    view = make_view(qtbot, xor_trace)
    with pytest.raises(ValueError, match="phase"):
        view.show_trace(xor_trace, "sideways", 0)
    with pytest.raises(ValueError, match="edge limit"):
        view.set_edge_limit(0)
    with pytest.raises(ValueError, match="activation"):
        view.set_structure((2, 3, 1), ["x1", "x2"], [], "sigmoid")


# ---------------------------------------------------------------------- big nets
def test_big_layers_are_thinned_to_their_strongest_edges(qtbot):
    view = make_view(qtbot)
    sizes = (784, 128, 10)
    weights = random_weights(sizes)
    view.set_structure(sizes, [f"p{i}" for i in range(784)], ["relu"], "softmax")
    view.set_weights(weights)
    assert view.thinning_label.isVisibleTo(view)
    assert "strongest 8 of 784 per neuron" in view.thinning_label.text()
    assert view.drawn_edge_count(0) == 8 * 128
    assert view.drawn_edge_count(1) == 128 * 10  # 1,280 edges: small enough to draw them all
    sources, targets, _, _ = view._selected(0, weights[0][0])
    strength = np.abs(weights[0][0])
    eighth = np.sort(strength, axis=1)[:, -8]
    assert np.all(strength[targets, sources] >= eighth[targets])
    view.set_edge_limit(3)
    assert view.drawn_edge_count(0) == 3 * 128 and view.drawn_edge_count(1) == 3 * 10
    assert "strongest 3 of 784" in view.thinning_label.text()


def test_image_inputs_are_drawn_as_an_image(qtbot):
    view = make_view(qtbot)
    trace = fake_trace((784, 16, 10))
    view.show_trace(trace, "forward", 0, 0.2)
    assert view.input_image is not None
    assert len(view.neuron_item.data) == 16 + 10  # no 784 circles
    assert view.input_labels == []
    assert view.layer_headers[0].toPlainText() == "input\n28×28 image"
    image = view.input_image.image
    assert image.shape == (28, 28)
    pixels = image.ravel()[np.argsort(trace.input)]
    assert np.all(np.diff(pixels.astype(int)) >= 0) and pixels[-1] > pixels[0]  # brighter input, darker ink
    x, y, width, height = view.net_layout.image_rect
    starts = np.concatenate([view.edge_items[0].segments(b)[:, :2] for b in range(geo.EDGE_BUCKETS)])
    assert len(starts) == 16 * 8  # 12,544 edges, thinned to 8 per hidden neuron
    assert np.all((starts[:, 0] > x) & (starts[:, 0] < x + width) & (starts[:, 1] > y) & (starts[:, 1] < y + height))
    view.clear_trace()
    assert len(np.unique(view.input_image.image)) == 1  # a plain placeholder


def test_multiclass_bars_name_the_classes_and_the_top_one(qtbot, blobs):
    trainer, trace = blobs
    view = make_view(qtbot, trace, trainer.dataset.class_names)
    view.show_trace(trace, "forward", 0, 1.0)
    assert not view.bar_item.isVisible()
    view.show_trace(trace, "forward", len(trace.layers) - 1, 1.0)
    probabilities = trace.layers[-1].a
    top = trainer.dataset.class_names[int(np.argmax(probabilities))]
    assert view.bar_item.isVisible()
    np.testing.assert_allclose(view.bar_item.opts["width"], probabilities * 200.0)
    texts = [label.toPlainText() for label in view.class_labels]
    assert [text.split()[0] for text in texts] == ["A", "B", "C", "D"]
    assert f"top class: {top}" in view.top_class_text.toPlainText()
    view.show_trace(trace, "loss", len(trace.layers) - 1)
    assert f"prediction {top}" in view.loss_text.toPlainText()
    assert "cross-entropy" in view.loss_text.toPlainText()


def test_hovering_a_neuron_shows_its_formula_with_the_real_numbers(qtbot, xor_trace):
    view = make_view(qtbot, xor_trace)
    view.show_trace(xor_trace, "forward", 0, 1.0)
    layer = xor_trace.layers[0]
    tip = view.neuron_tip(data=(1, 2))
    assert "hidden layer 1" in tip and "tanh" in tip
    assert "z = Σ wᵢ·xᵢ + b" in tip
    assert f"{layer.z[2]:.3g}".replace("-", "−") in tip and f"{layer.a[2]:.3g}".replace("-", "−") in tip
    assert "δ" not in tip  # the backward numbers come with the backward phase
    view.show_trace(xor_trace, "backward", 0, 1.0)
    assert f"δ = ∂L/∂z = {layer.delta[2]:.3g}".replace("-", "−") in view.neuron_tip(data=(1, 2))
    assert view.neuron_tip(data=(0, 1)).startswith("Input x₂ = ")
    # The scatter item really uses it for its tooltips.
    assert view.neuron_item.opts["hoverable"] and view.neuron_item.opts["tip"] == view.neuron_tip


def test_every_small_layer_neuron_carries_its_decision_boundary(qtbot, xor_trace):
    from core.mlp.boundaries import BoundaryMaps

    view = make_view(qtbot, xor_trace)
    rng = np.random.default_rng(0)
    layers = (rng.uniform(-1, 1, (4, 8, 8)), rng.uniform(-1, 1, (3, 8, 8)), rng.uniform(0, 1, (1, 8, 8)))
    maps = BoundaryMaps(6.0, 8, layers, layers[-1][0])
    view.set_boundaries(maps)
    assert len(view.thumbs.items) == 4 + 3 + 1 and all(thumb.isVisible() for thumb in view.thumbs.items.values())
    # A sigmoid output p is drawn at (2p − 1) on the diverging table: 0.5, "unsure", in the middle.
    image = view.thumbs.items[(3, 0)].image.T
    expected = (layers[-1][0] * 255).astype(np.uint8)
    # x₂ points up as on the big map, whichever way this view's y axis runs.
    np.testing.assert_array_equal(image, expected[::-1] if view.view_box.yInverted() else expected)
    view.show_trace(xor_trace, "forward", 0, 0.5)  # during a pass the neuron shows a or δ instead
    assert not any(thumb.isVisible() for thumb in view.thumbs.items.values())
    view.clear_trace()
    assert all(thumb.isVisible() for thumb in view.thumbs.items.values())


def test_boundary_squares_sit_inside_their_neurons(qtbot, xor_trace):
    from PySide6.QtWidgets import QApplication

    from core.mlp.boundaries import BoundaryMaps

    view = NetworkView()
    qtbot.addWidget(view)
    view.resize(1200, 700)
    view.show()
    qtbot.waitExposed(view)
    sizes = (2, 4, 3, 1)
    view.set_structure(sizes, ("x1", "x2"), ("tanh", "tanh"), "sigmoid")
    view.set_weights([(layer.weight, layer.bias) for layer in xor_trace.layers])
    QApplication.processEvents()  # the layout settles before the first maps arrive, as in the app
    layers = tuple(np.zeros((n, 8, 8)) for n in sizes[1:])
    view.set_boundaries(BoundaryMaps(6.0, 8, layers, layers[-1][0]))
    px = view.view_box.viewPixelSize()[0]
    for (column, index), thumb in view.thumbs.items.items():
        rect = thumb.mapRectToParent(thumb.boundingRect())
        x, y = view.net_layout.positions[column][index]
        assert abs(rect.center().x() - x) < 1e-6 * max(1.0, abs(x)) + px
        assert rect.width() / px <= view.net_layout.marker_px[column] + 1  # no wider than the circle, in pixels


def test_an_edge_under_the_mouse_is_found_and_described(qtbot, xor_trace):
    view = make_view(qtbot, xor_trace)
    view.show()
    qtbot.waitExposed(view)
    start = view.net_layout.positions[1][2]  # hidden-1 neuron 3 …
    end = view.net_layout.positions[2][1]  # … to hidden-2 neuron 2
    middle = start + 0.3 * (end - start)  # off-centre: in a symmetric layout edges cross at their middles
    assert view.edge_at(*middle) == (1, 1, 2)
    far = view.net_layout.positions[0][0] + np.array([0.0, 1e4])
    assert view.edge_at(*far) is None
    tip = view.edge_tip(1, 1, 2)
    assert "neuron 3 of layer 1" in tip and "neuron 2 of hidden layer 2" in tip
    view.show_trace(xor_trace, "update", -1, 1.0)
    layer = xor_trace.layers[1]
    tip = view.edge_tip(1, 1, 2)
    assert f"∂L/∂w = {layer.grad_weight[1, 2]:.3g}".replace("-", "−") in tip and "Δw = " in tip
    with qtbot.waitSignal(view.edge_clicked) as blocker:
        view.edge_clicked.emit(*view.edge_at(*middle))
    assert blocker.args == [1, 1, 2]


# ---------------------------------------------------------------------- editing on the graph
@pytest.mark.parametrize("hidden, activations, edit, expected", [
    ((4, 3), ("tanh", "tanh"), Edit("neurons", layer=0, change=+1), ((5, 3), ("tanh", "tanh"))),
    ((4, 3), ("tanh", "tanh"), Edit("neurons", layer=1, change=-1), ((4, 2), ("tanh", "tanh"))),
    ((4, 1), ("tanh", "tanh"), Edit("neurons", layer=1, change=-1), None),  # a layer keeps one neuron
    ((4, 3), ("relu", "tanh"), Edit("layers", change=+1), ((4, 3, 3), ("relu", "tanh", "tanh"))),
    ((4, 3), ("relu", "tanh"), Edit("layers", change=-1), ((4,), ("relu",))),
    ((), (), Edit("layers", change=-1), None),
    ((), (), Edit("layers", change=+1), ((4,), ("tanh",))),
    ((4, 3), ("tanh", "tanh"), Edit("activation", layer=1, activation="relu"), ((4, 3), ("tanh", "relu"))),
    ((4,), ("tanh",), Edit("activation", layer=0, activation="swish"), None),
])
def test_apply_edit(hidden, activations, edit, expected):
    assert apply_edit(hidden, activations, edit) == expected


def test_graph_has_plus_and_minus_buttons_that_ask_for_an_edited_network(qtbot, xor_trace):
    view = make_view(qtbot, xor_trace)
    kinds = [(button.edit.kind, button.edit.layer, button.edit.change) for button in view.edit_buttons]
    assert kinds == [("neurons", 0, -1), ("neurons", 0, 1), ("neurons", 1, -1), ("neurons", 1, 1),
                     ("layers", -1, -1), ("layers", -1, 1)]
    assert all(button.isVisible() for button in view.edit_buttons)
    with qtbot.waitSignal(view.architecture_edited) as signal:
        view._on_mouse_clicked(FakeClick(view.edit_buttons[1].sceneBoundingRect().center()))
    assert signal.args == [(5, 3), ("tanh", "tanh")]
    menu = view.activation_menu(1)
    assert [action.text() for action in menu.actions()] == list(ACTIVATIONS)
    assert [action.isChecked() for action in menu.actions()] == [name == "tanh" for name in ACTIVATIONS]
    with qtbot.waitSignal(view.architecture_edited) as signal:
        menu.actions()[0].trigger()  # relu for hidden layer 2
    assert signal.args == [(4, 3), ("tanh", "relu")]


def test_a_one_neuron_layer_has_no_minus_and_pictures_have_no_buttons(qtbot):
    view = make_view(qtbot)
    view.set_structure((2, 1, 1), ["x1", "x2"], ["tanh"], "sigmoid")
    assert [button.isVisible() for button in view.edit_buttons] == [False, True, True, True]
    view.set_editable(False)
    assert view.edit_buttons == [] and "▾" not in view.layer_headers[1].toPlainText()


def test_clicking_a_neuron_asks_for_its_inspector(qtbot, xor_trace):
    view = make_view(qtbot, xor_trace)
    view.show()
    qtbot.waitExposed(view)
    x, y = view.net_layout.positions[2][1]  # hidden layer 2, neuron 2
    assert view.neuron_at(x, y) == (2, 1)
    assert view.neuron_at(x + 200, y) is None
    scene_point = view.view_box.mapViewToScene(QPointF(x, y))
    with qtbot.waitSignal(view.neuron_clicked) as signal:
        view._on_mouse_clicked(FakeClick(scene_point))
    assert signal.args == [2, 1]


class FakeClick:
    """The part of pyqtgraph's MouseClickEvent the view reads."""

    def __init__(self, scene_pos):
        self._scene_pos = scene_pos

    def button(self):
        return Qt.MouseButton.LeftButton

    def scenePos(self):  # noqa: N802 (pyqtgraph's name)
        return self._scene_pos

    def screenPos(self):  # noqa: N802
        return self._scene_pos


def test_layer_buttons_sit_under_the_layer_names_when_the_network_is_built_on_screen(qtbot, xor_trace):
    """Built while shown (the tab draws a network when it comes to the front), the buttons used to sit on the names."""
    view = NetworkView()
    qtbot.addWidget(view)
    view.resize(1600, 900)
    view.show()
    qtbot.waitExposed(view)
    sizes = (len(xor_trace.input), *(layer.weight.shape[0] for layer in xor_trace.layers))
    hidden = tuple(layer.activation for layer in xor_trace.layers[:-1])
    view.set_structure(sizes, xor_trace.input_names, hidden, xor_trace.output_activation)
    box = view.view_box

    def lowest_name() -> float:
        return max(box.mapSceneToView(header.sceneBoundingRect().bottomLeft()).y() for header in view.layer_headers)

    layer_buttons = [button for button in view.edit_buttons if button.edit.kind == "layers"]
    qtbot.waitUntil(lambda: all(button.pos().y() > lowest_name() for button in layer_buttons), timeout=2_000)
