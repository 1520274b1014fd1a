"""How fast does the convolution lab answer? A 12-megapixel photo, and one pen stroke, offscreen at 1600×900.

Both cases go through the real ConvTab, shown at 1600×900 in one process:

- load: `ConvTab.load_path(photo.jpg)` on a 4000×3000 JPEG (photo-like: gradients,
  shapes and noise, quality 90) with the shapes model, the one the tab uses for photos.
  That is decode (drafted by libjpeg), preview, the request to the tab's analysis
  worker, which preprocesses and runs the forward pass of every layer in its thread,
  the wait for its answer (in an event loop, as the app waits), `CNNView.show_record`,
  then the paint a running app does (processEvents) and a full render of the tab (`grab`).
- stroke: one more segment painted into the drawing canvas, then the tab's
  `drawing_changed` handler (from_array, a request to the analysis worker), the wait
  for its answer (analyse in the worker, then show_record), then processEvents and `grab`.

Each is the median of RUNS runs after one warm-up. Time splits follow, so a missed goal
names what dominates. Last line:

    load_ms_12mp=<x> stroke_ms=<y>

(median ms). Goals on CPU: at most 150 and 30.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

SIZE = (1600, 900)
PHOTO_SIZE = (4000, 3000)
RUNS = 10


def make_photo(path: str) -> None:
    """A photo-like 4000×3000 JPEG: smooth gradients, a few filled shapes, and sensor noise."""
    from PIL import Image, ImageDraw

    width, height = PHOTO_SIZE
    rng = np.random.default_rng(0)
    yy, xx = np.mgrid[0:height, 0:width].astype(np.float32)
    rgb = np.stack([120 + 100 * xx / width, 80 + 120 * yy / height, 200 - 120 * (xx + yy) / (width + height)], -1)
    image = Image.fromarray(np.clip(rgb, 0, 255).astype(np.uint8))
    draw = ImageDraw.Draw(image)
    for _ in range(25):
        x, y = rng.integers(0, width), rng.integers(0, height)
        r = int(rng.integers(100, 700))
        colour = tuple(int(c) for c in rng.integers(0, 256, 3))
        if rng.random() < 0.5:
            draw.ellipse((x - r, y - r, x + r, y + r), fill=colour)
        else:
            draw.polygon([(x, y - r), (x + r, y + r), (x - r, y + r)], fill=colour)
    pixels = np.asarray(image, dtype=np.int16) + rng.normal(0, 8, (height, width, 3)).astype(np.int16)
    Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8)).save(path, format="JPEG", quality=90)


def ms(start: float) -> float:
    return (time.perf_counter() - start) * 1000


def wait_for_answer(tab) -> None:
    """Run the event loop until the tab has drawn the answer to its latest analysis (no polling)."""
    from PySide6.QtCore import QEventLoop

    if not tab.analysing:
        return
    loop = QEventLoop()
    runner = tab.analysis
    for signal in (runner.analysed, runner.refused, runner.failed):
        signal.connect(loop.quit)
    loop.exec()
    for signal in (runner.analysed, runner.refused, runner.failed):
        signal.disconnect(loop.quit)


def main() -> None:
    from gui.app import collect_garbage_on_gui_thread, make_application

    app = make_application()
    collect_garbage_on_gui_thread(app)  # as the window does (cli/window.py)
    from gui.convolution.tab import ConvTab

    folder = tempfile.mkdtemp(prefix="glassbox-bench-")
    photo = os.path.join(folder, "photo.jpg")
    started = time.perf_counter()
    make_photo(photo)
    print(f"made a {PHOTO_SIZE[0]}×{PHOTO_SIZE[1]} JPEG ({os.path.getsize(photo) / 2**20:.1f} MB) "
          f"in {ms(started):.0f} ms")

    import torch

    tab = ConvTab()
    tab.resize(*SIZE)
    tab.show()  # its first show loads the default sample with the digits model
    app.processEvents()
    if "shapes" not in tab._model_names() or "digits" not in tab._model_names():
        raise SystemExit("the shipped models are missing: run scripts/train_models.py")
    # make_application set torch's threads as the app runs them (gui.app.GUI_TORCH_THREADS).
    print(f"-- torch intra-op threads: {torch.get_num_threads()} (as the app runs)")
    load, stroke = measure_load(app, tab, photo), measure_stroke(app, tab)
    tab.close()
    os.remove(photo)
    os.rmdir(folder)
    print(f"load_ms_12mp={load:.1f} stroke_ms={stroke:.1f}")


def measure_load(app, tab, photo: str) -> float:
    """Median ms from the photo's path to the tab fully drawn, then the same steps timed one by one."""
    from core.data.images import load_image
    from core.cnn.analysis import analyse, open_model

    tab.set_model("shapes", analyse_now=False)

    def load_once() -> float:
        start = time.perf_counter()
        assert tab.load_path(photo), tab.message_text()
        wait_for_answer(tab)
        app.processEvents()
        tab.grab()
        return ms(start)

    load_once()  # warm-up: the first show_record builds the layers' items
    load = np.array([load_once() for _ in range(RUNS)])
    model, info = open_model("shapes")
    split = {"decode": [], "analyse": [], "show_record": [], "paint+grab": []}
    for _ in range(RUNS):
        t = time.perf_counter()
        image = load_image(photo)
        split["decode"].append(ms(t))
        t = time.perf_counter()
        record = analyse(model, info, image)
        split["analyse"].append(ms(t))
        t = time.perf_counter()
        tab.cnn_view.show_record(record)
        split["show_record"].append(ms(t))
        t = time.perf_counter()
        app.processEvents()
        tab.grab()
        split["paint+grab"].append(ms(t))
    print(f"12 MP photo → CNN view drawn ({tab.model_name}): median {np.median(load):.1f} ms, "
          f"max {load.max():.1f} ms over {RUNS} runs")
    print("  splits (median ms): " + ", ".join(f"{k} {np.median(v):.1f}" for k, v in split.items()))
    return float(np.median(load))


def measure_stroke(app, tab) -> float:
    """Median ms from one new segment of a stroke to the prediction and maps redrawn (the tab's own handler)."""
    from PySide6.QtCore import QPointF

    from core.data.images import from_array
    from core.cnn.analysis import analyse, open_model
    from gui.convolution.tab import DRAWING_NAME

    canvas = tab.canvas
    canvas.clear()
    side = canvas.side
    canvas.begin_stroke(QPointF(side * 0.3, side * 0.2))  # the first signal switches the tab to the digits model
    wait_for_answer(tab)
    app.processEvents()
    stroke = canvas.strokes[-1]
    path = [QPointF(side * (0.3 + 0.4 * f), side * (0.2 + 0.05 * np.sin(6 * f))) for f in np.linspace(0, 1, 8)]
    path += [QPointF(side * (0.7 - 0.25 * f), side * (0.25 + 0.55 * f)) for f in np.linspace(0, 1, 2 * RUNS)]
    split = {"handler": [], "answer": [], "paint": [], "grab": []}

    def stroke_once(point: QPointF) -> float:
        start = time.perf_counter()
        last = stroke.points[-1]
        stroke.points.append(point)
        canvas._paint_segment(stroke, last, point)  # what extend_stroke draws before drawing_changed
        tab._on_drawing_changed()  # what drawing_changed calls
        split["handler"].append(ms(start))
        t = time.perf_counter()
        wait_for_answer(tab)  # the worker's analyse, then the tab's show_record
        split["answer"].append(ms(t))
        t = time.perf_counter()
        app.processEvents()
        split["paint"].append(ms(t))
        t = time.perf_counter()
        tab.grab()
        split["grab"].append(ms(t))
        return ms(start)

    for point in path[:8]:  # warm-up, and a first bit of ink
        stroke_once(point)
    for values in split.values():
        values.clear()
    strokes = np.array([stroke_once(point) for point in path[8:]])
    canvas.end_stroke()
    app.processEvents()
    model, info = open_model("digits")
    image = from_array(canvas.image(), DRAWING_NAME)
    analyse_ms = []
    for _ in range(RUNS):
        t = time.perf_counter()
        analyse(model, info, image)
        analyse_ms.append(ms(t))
    print(f"one stroke segment → prediction and maps redrawn ({tab.model_name}, says {tab.record.top_class_name}): "
          f"median {np.median(strokes):.1f} ms, max {strokes.max():.1f} ms over {len(strokes)} segments")
    print("  splits (median ms): " + ", ".join(f"{k} {np.median(v):.1f}" for k, v in split.items())
          + f"; of the answer, analyse alone {np.median(analyse_ms):.1f}")
    return float(np.median(strokes))


if __name__ == "__main__":
    main()
