"""How long does exporting an animation take, against what a teacher does today: a screen recording?

One process records the same two animations a teacher would put on slides, each to a GIF and to an
MP4, at 960×540 and 15 frames a second for 8 seconds (120 frames): one example's pass through a
2-8-8-1 network on the spiral (the Network tab offscreen, core.animation.writer), and the optimizer
race on Himmelblau (the Landscape tab offscreen). A screen recording runs in real time: 8 seconds of
film take 8 seconds to record, per animation, before any cutting and converting. Last line:

    gif_s=<s> mp4_s=<s> realtime_s=16.0 mp4_vs_realtime=<ratio> gif_vs_realtime=<ratio> gif_mb=<MB> mp4_mb=<MB>

(seconds for both animations, drawing included; ratio < 1 is faster than recording the screen;
sizes of both files together). Training and racing are done once, before the clock starts.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

SIZE = (960, 540)
FPS = 15
SECONDS = 8


def prepare():
    """The finished numbers each animation draws: a trained network and one example's pass; a race."""
    from core.landscape.surfaces import race, surface
    from core.mlp.config import TrainConfig
    from core.mlp.recording import record_example
    from core.mlp.reports import progress_of, run_info, train_headless
    from core.mlp.trainer import Trainer
    from gui.landscape.state import RaceState

    trainer = Trainer(TrainConfig(dataset="spiral", hidden=(8, 8)))
    train_headless(trainer, 300)
    network = (run_info(trainer), progress_of(trainer, (), 0.0, boundaries=True, gradients=True),
               record_example(trainer, 3))
    state = RaceState()
    paths = race(surface(state.surface), list(state.optimizers), state.learning_rate, state.steps, state.start,
                 state.momentum)
    return network, (state, paths)


def record(make_source, path: str) -> float:
    """Seconds to draw every frame of a fresh source and write `path`."""
    from core.animation.writer import open_animation
    from gui.animation.sources import image_array

    started = time.perf_counter()
    source = make_source()
    writer = open_animation(path, SIZE, FPS, SECONDS)
    for index in range(source.frame_count):
        writer.add(image_array(source.frame(index)))
    writer.finish()
    source.close()
    return time.perf_counter() - started


def main() -> None:
    from gui.app import make_application

    make_application()
    from gui.animation.sources import network_pass_source, race_source

    (info, progress, trace), (state, paths) = prepare()
    makers = {"pass": lambda: network_pass_source(info, progress, trace, SIZE, FPS, SECONDS),
              "race": lambda: race_source(state, paths, SIZE, FPS, SECONDS)}
    record(makers["race"], os.path.join(tempfile.gettempdir(), "glassbox-warm-up.gif"))  # imports, fonts, caches
    seconds = {"gif": 0.0, "mp4": 0.0}
    size = {"gif": 0, "mp4": 0}
    with tempfile.TemporaryDirectory() as folder:
        for name, make in makers.items():
            for kind in ("gif", "mp4"):
                path = os.path.join(folder, f"{name}.{kind}")
                took = record(make, path)
                seconds[kind] += took
                size[kind] += os.path.getsize(path)
                print(f"{name}.{kind}: {took:.2f} s, {os.path.getsize(path) / 2**20:.2f} MB", flush=True)
    os.remove(os.path.join(tempfile.gettempdir(), "glassbox-warm-up.gif"))
    realtime = SECONDS * len(makers)
    print(f"gif_s={seconds['gif']:.2f} mp4_s={seconds['mp4']:.2f} realtime_s={realtime:.1f} "
          f"mp4_vs_realtime={seconds['mp4'] / realtime:.2f} gif_vs_realtime={seconds['gif'] / realtime:.2f} "
          f"gif_mb={size['gif'] / 2**20:.2f} mp4_mb={size['mp4'] / 2**20:.2f}")


if __name__ == "__main__":
    main()
