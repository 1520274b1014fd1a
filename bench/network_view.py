"""How long does one animation frame of the network view take? Three nets, rendered offscreen at 1600×900.

A frame is one `show_trace` call with a new phase, layer or fraction, then the paint
that a running app would do (processEvents), and then a full render of the widget
(`grab`). Each net steps through 60 frames: forward, loss, backward and update. The
2-8-8-8-1 net replays a real trace recorded by the core. The 64-64-64-10 and
784-128-64-10 nets replay a trace computed here with numpy: there is no 64- or
784-input dataset to record one from. For 64-64-64-10 every edge is drawn (8,832 edges,
no thinning), which is the worst case. Last line:

    frame_ms_small=<x> frame_ms_8k=<y> frame_ms_mnist=<z>

(median ms). Goals: at most 16, 16 and 33.
"""

from __future__ import annotations

import os
import sys
import time

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

from core.mlp.trace import ExampleTrace, LayerTrace  # noqa: E402

SIZE = (1600, 900)
FRAMES_PER_LAYER = 8


def _relu(z: np.ndarray) -> np.ndarray:
    return np.maximum(z, 0.0)


def synthetic_trace(sizes: tuple[int, ...], seed: int = 0, learning_rate: float = 0.05) -> ExampleTrace:
    """A softmax classifier's forward and backward pass, done in numpy (ReLU hidden layers, cross-entropy)."""
    rng = np.random.default_rng(seed)
    side = int(round(np.sqrt(sizes[0])))
    if side * side == sizes[0]:  # an image input: a ring, like a hand-drawn zero
        yy, xx = np.mgrid[0:side, 0:side] / (side - 1) * 2 - 1
        radius = np.hypot(xx / 0.6, yy / 0.8)
        x = np.clip(1.0 - np.abs(radius - 0.75) * 5, 0, 1).ravel()
    else:
        x = rng.normal(size=sizes[0])
    weights = [rng.uniform(-1, 1, (n_out, n_in)) * np.sqrt(6 / (n_in + n_out)) for n_in, n_out in zip(sizes, sizes[1:])]
    biases = [rng.normal(0, 0.1, n_out) for n_out in sizes[1:]]
    signals, zs = [x], []
    for index, (weight, bias) in enumerate(zip(weights, biases)):
        z = weight @ signals[-1] + bias
        if index < len(weights) - 1:
            a = _relu(z)
        else:
            a = np.exp(z - z.max())
            a /= a.sum()
        zs.append(z)
        signals.append(a)
    target = np.zeros(sizes[-1])
    target[3 % sizes[-1]] = 1.0
    loss = float(-np.log(signals[-1][target.argmax()]))
    deltas = [None] * len(weights)
    grad_as = [None] * len(weights)
    grad_as[-1] = -target / signals[-1]
    deltas[-1] = signals[-1] - target
    for index in range(len(weights) - 2, -1, -1):
        grad_as[index] = weights[index + 1].T @ deltas[index + 1]
        deltas[index] = grad_as[index] * (zs[index] > 0)
    layers = []
    for index, (weight, bias) in enumerate(zip(weights, biases)):
        grad_weight = np.outer(deltas[index], signals[index])
        layers.append(LayerTrace(
            activation="relu" if index < len(weights) - 1 else "softmax",
            weight=weight, bias=bias, z=zs[index], a=signals[index + 1],
            grad_a=grad_as[index], delta=deltas[index], grad_weight=grad_weight, grad_bias=deltas[index],
            weight_after=weight - learning_rate * grad_weight, bias_after=bias - learning_rate * deltas[index],
        ))
    names = tuple(f"p{i}" for i in range(sizes[0]))
    return ExampleTrace(0, 0, names, x, target, "cross_entropy", loss, "softmax", "sgd", learning_rate, "none", 0.0,
                        tuple(layers))


def recorded_trace() -> ExampleTrace:
    """A real trace of a 2-8-8-8-1 net on the spiral, after some training."""
    from core.mlp.config import TrainConfig
    from core.mlp.recording import record_example
    from core.mlp.trainer import Trainer

    trainer = Trainer(TrainConfig(dataset="spiral", hidden=(8, 8, 8), n_points=200, device="cpu"))
    for _ in trainer.run(max_steps=300):
        pass
    return record_example(trainer, 5)


def schedule(n_linear: int) -> list[tuple[str, int, float]]:
    """About 60 frames: every layer forward, the loss, every layer backward, then the update."""
    steps = np.linspace(0.0, 1.0, FRAMES_PER_LAYER)
    frames = [("forward", layer, float(f)) for layer in range(n_linear) for f in steps]
    frames += [("loss", n_linear - 1, 1.0)] * 2
    frames += [("backward", layer, float(f)) for layer in range(n_linear - 1, -1, -1) for f in steps]
    frames += [("update", -1, float(f)) for f in np.linspace(0.0, 1.0, 10)]
    return frames


def measure(view, app, trace: ExampleTrace, edge_limit: int | None) -> np.ndarray:
    sizes = (len(trace.input), *(layer.weight.shape[0] for layer in trace.layers))
    hidden = tuple(layer.activation for layer in trace.layers[:-1])
    view.set_structure(sizes, trace.input_names, hidden, trace.output_activation)
    view.set_edge_limit(edge_limit)
    view.set_weights([(layer.weight, layer.bias) for layer in trace.layers])
    app.processEvents()
    view.grab()  # the first paint lays the widgets out
    times = []
    for phase, layer, fraction in schedule(len(trace.layers)):
        start = time.perf_counter()
        view.show_trace(trace, phase, layer, fraction)
        app.processEvents()
        view.grab()
        times.append(time.perf_counter() - start)
    view.clear_trace()
    return np.array(times) * 1000.0


def main() -> None:
    from gui.app import collect_garbage_on_gui_thread, make_application

    app = make_application()
    collect_garbage_on_gui_thread(app)  # as the window does (cli/window.py)
    from gui.network.network_view import NetworkView

    view = NetworkView()
    view.resize(*SIZE)
    view.show()
    cases = [
        ("small", "2-8-8-8-1 (recorded, spiral)", recorded_trace(), None),
        ("8k", "64-64-64-10 (all 8,832 edges)", synthetic_trace((64, 64, 64, 10)), 64),
        ("mnist", "784-128-64-10 (thinned automatically)", synthetic_trace((784, 128, 64, 10)), None),
    ]
    medians = {}
    for key, title, trace, limit in cases:
        times = measure(view, app, trace, limit)
        medians[key] = float(np.median(times))
        print(
            f"{title}: {len(times)} frames, {view.drawn_edge_count()} edges drawn, median {medians[key]:.1f} ms, "
            f"p90 {np.percentile(times, 90):.1f} ms, max {times.max():.1f} ms"
        )
    view.close()
    print(" ".join(f"frame_ms_{key}={value:.1f}" for key, value in medians.items()))


if __name__ == "__main__":
    main()
