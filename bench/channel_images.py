"""How fast does Glassbox find the 9 held-out images that excite a channel most, against what a user writes instead?

Issue 13 asks for the top 9 images of a channel over 10,000 held-out images in under 5 s on the
2-core CPU. Two shipped models, every convolution layer, channel 3, 10,000 generated images each
(digits 28×28 grey, shapes 64×64 colour, the larger network), stored as uint8 like the app keeps
its held-out sets:
  - ours: core.cnn.channels.top_images with the set's own `inputs` conversion, as the channel
          panel and `export channel-images` run it;
  - hook: what a PyTorch user writes: a forward hook on the layer, the whole model run in batches of
          64 under no_grad, every map of the channel kept, max per image and a sort at the end;
  - loop: the Deep Visualization Toolbox's precompute: one image at a time through the whole model
          (timed on the deepest convolution of each model only: it is the slowest).
All three must give the same top 9 (same images in the same order; an order swap between two images
whose values differ by float rounding only is accepted and said).

Times are best of REPEATS runs, in CPU seconds of this process (time.process_time: on a quiet machine
with one torch thread, the wall-clock time; other programs on a busy machine do not count), with the
wall-clock seconds beside them. The app's workers run torch on 1 thread (gui/threads.py); the
command line uses torch's default (2 here): both are measured for ours. On this shared machine the
2-thread figure swings wildly (0.9 to 25 s for the same search): with another program on one core,
every parallel step waits a scheduler tick for its second thread; so it is printed, not judged.

Last line:

    top9_digits_s=<slowest digits layer, ours, 1 thread> top9_shapes_s=<slowest shapes layer>
    vs_hook=<hook ÷ ours, the smallest over layers> vs_loop=<loop ÷ ours, the smaller> dream200_s=<…> …

Goals: top9_digits_s < 5 and top9_shapes_s < 5 (the issue), vs_hook > 1.
"""

from __future__ import annotations

import os
import sys
import time

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

import torch  # noqa: E402
from torch import nn  # noqa: E402

from core.cnn.analysis import open_model  # noqa: E402
from core.cnn.channels import dream, input_bounds, top_images  # noqa: E402
from core.cnn.image_sets import DIGITS_PREPROCESSING, SHAPES_PREPROCESSING, ImageSet  # noqa: E402
from core.data.synthetic_images import make_digits, make_shapes  # noqa: E402

IMAGES = int(os.environ.get("BENCH_IMAGES", "10000"))
CHANNEL = 3
K = 9
REPEATS = 2
HOOK_BATCH = 64
DREAM_STEPS = 200


def held_out(kind: str) -> ImageSet:
    """10,000 images the shipped model never saw (seeds apart from its training seeds), kept as uint8."""
    if kind == "digits":
        pixels, labels = make_digits(IMAGES, seed=424_242)
        stored, preprocessing = torch.from_numpy(pixels).unsqueeze(1), DIGITS_PREPROCESSING
    else:
        pixels, labels = make_shapes(IMAGES, seed=434_343)
        stored, preprocessing = torch.from_numpy(pixels).permute(0, 3, 1, 2).contiguous(), SHAPES_PREPROCESSING
    y = torch.from_numpy(labels.astype(np.int64))
    return ImageSet(kind, kind, (), dict(preprocessing), stored[:0], y[:0], stored, y)


def timed(run, repeats: int = REPEATS):
    """The result, the best CPU seconds and the best wall-clock seconds over `repeats` runs."""
    best_cpu = best_wall = float("inf")
    for _ in range(repeats):
        cpu, wall = time.process_time(), time.perf_counter()
        result = run()
        best_cpu, best_wall = min(best_cpu, time.process_time() - cpu), min(best_wall, time.perf_counter() - wall)
    return result, best_cpu, best_wall


def top_of(values: np.ndarray) -> np.ndarray:
    """The k strongest, ties to the earlier image: the order core.cnn.channels promises."""
    return np.lexsort((np.arange(len(values)), -values))[:K]


def hook_search(model: nn.Sequential, layer: str, images: ImageSet) -> tuple[np.ndarray, np.ndarray]:
    """What a user writes: hook the layer, run the whole model, keep every map, sort at the end."""
    kept = []
    handle = dict(model.named_children())[layer].register_forward_hook(
        lambda module, inputs, output: kept.append(output[:, CHANNEL].detach().clone()))
    model.eval()
    try:
        with torch.no_grad():
            for start in range(0, len(images.x_test), HOOK_BATCH):
                model(images.inputs(images.x_test[start:start + HOOK_BATCH]))
    finally:
        handle.remove()
    values = torch.cat(kept).flatten(1).max(dim=1).values.to(torch.float64).numpy()
    order = top_of(values)
    return order, values[order]


def loop_search(model: nn.Sequential, layer: str, images: ImageSet) -> tuple[np.ndarray, np.ndarray]:
    """The Deep Visualization Toolbox's way: every image alone through the whole model."""
    module = dict(model.named_children())[layer]
    seen = {}
    handle = module.register_forward_hook(lambda m, i, output: seen.__setitem__("map", output[0, CHANNEL]))
    values = np.empty(len(images.x_test))
    model.eval()
    try:
        with torch.no_grad():
            for index in range(len(images.x_test)):
                model(images.inputs(images.x_test[index:index + 1]))
                values[index] = float(seen["map"].max())
    finally:
        handle.remove()
    order = top_of(values)
    return order, values[order]


def agreement(ours, other: tuple[np.ndarray, np.ndarray], name: str) -> str:
    """'same', 'same up to rounding' (a swap of two images whose values are within 1e-4), or a loud 'DIFFERENT'."""
    indices, values = other
    if np.array_equal(ours.indices, indices):
        return "same"
    close = np.allclose(np.sort(ours.activations.astype(np.float64)), np.sort(values), rtol=1e-5, atol=1e-4)
    if close and set(ours.indices[:-1]) <= set(indices) | {ours.indices[-1]}:
        return "same up to rounding"
    print(f"  {name}: THE TOP {K} DIFFER: ours {list(ours.indices)} {list(np.round(ours.activations, 4))}, "
          f"{name} {list(indices)} {list(np.round(values, 4))}")
    return "DIFFERENT"


def bench_model(kind: str) -> dict:
    model, _ = open_model(kind)
    model.eval()
    print(f"{kind}: drawing {IMAGES:,} held-out images …", flush=True)
    images = held_out(kind)
    layers = [name for name, child in model.named_children() if isinstance(child, nn.Conv2d)]
    deepest = layers[-1]
    figures = {"ours": {}, "ours2": {}, "hook": {}, "loop": {}}
    search = lambda: top_images(model, layer, CHANNEL, images.x_test, K, images.y_test, prepare=images.inputs)
    for layer in layers:
        torch.set_num_threads(1)
        search()  # warm-up: first calls pick their kernels
        found, cpu, wall = timed(search)
        figures["ours"][layer] = cpu
        hooked, hook_cpu, hook_wall = timed(lambda: hook_search(model, layer, images))
        figures["hook"][layer] = hook_cpu
        line = (f"  {layer}: ours {cpu:.2f} s (wall {wall:.2f}), hook {hook_cpu:.2f} s (wall {hook_wall:.2f}): "
                f"{hook_cpu / cpu:.1f}× ({agreement(found, hooked, 'hook')})")
        if layer == deepest:
            looped, loop_cpu, loop_wall = timed(lambda: loop_search(model, layer, images), repeats=1)
            figures["loop"][layer] = loop_cpu
            line += f", per-image loop {loop_cpu:.2f} s (wall {loop_wall:.2f}): {loop_cpu / cpu:.0f}× " \
                    f"({agreement(found, looped, 'loop')})"
        torch.set_num_threads(2)
        _, cpu2, wall2 = timed(search)
        figures["ours2"][layer] = wall2
        print(line + f"; ours on 2 threads: wall {wall2:.2f} s (CPU {cpu2:.2f})", flush=True)
    torch.set_num_threads(1)
    figures["dream"] = dream_seconds(model, kind, images)
    return figures


def dream_seconds(model: nn.Sequential, kind: str, images: ImageSet) -> float:
    """200 steps of the dream for channel 3 of the last ReLU after a convolution, as the panel runs it."""
    names = [name for name, _ in model.named_children()]
    layer = next(name for name in reversed(names[:names.index("flatten")]) if name.startswith("relu"))
    p = images.preprocessing
    bounds = input_bounds(p["mean"], p["std"], images.input_shape[0])
    frame, cpu, wall = timed(lambda: dream(model, layer, CHANNEL, images.input_shape, DREAM_STEPS, bounds=bounds))
    print(f"  dream of {layer} channel {CHANNEL}, {DREAM_STEPS} steps: {cpu:.2f} s (wall {wall:.2f}), "
          f"its mean activation {frame.activation:.2f}")
    return cpu


def main() -> None:
    print(f"torch {torch.__version__}, CPU; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores; "
          f"{IMAGES:,} images per model, channel {CHANNEL}, top {K}")
    digits, shapes = bench_model("digits"), bench_model("shapes")
    vs_hook = min(figures["hook"][layer] / figures["ours"][layer]
                  for figures in (digits, shapes) for layer in figures["ours"])
    vs_loop = min(figures["loop"][layer] / figures["ours"][layer] for figures in (digits, shapes)
                  for layer in figures["loop"])
    print(f"load average {os.getloadavg()[0]:.1f} at the end")
    print(f"top9_digits_s={max(digits['ours'].values()):.2f} top9_shapes_s={max(shapes['ours'].values()):.2f} "
          f"vs_hook={vs_hook:.1f} vs_loop={vs_loop:.0f} "
          f"dream200_digits_s={digits['dream']:.2f} dream200_shapes_s={shapes['dream']:.2f}")


if __name__ == "__main__":
    main()
