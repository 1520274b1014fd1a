"""Say the limits before the work: rough memory and time of training, traces and slices.

Work that cannot fit in this computer's memory is refused with one sentence before it
starts (`require_fits`), instead of being killed by the operating system half-way; work
that merely takes long is shown with progress. The figures come from the sizes alone
(weights, points, grid), with generous factors, so they are estimates to decide with,
not measurements: within a factor of two is good enough to say "about 6 GB".

The constants below were measured on a 2-core laptop-class CPU with the CPU torch build
(float32); a faster machine only makes the time estimates pessimistic.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from core.errors import GlassboxError, Phrase
from core.files import size_text

FLOPS_PER_SECOND = 8e9  # float32 matrix products on two cores, with overheads
FLOAT = 4  # bytes in a float32
DOUBLE = 8
BOUNDARY_SIDE = 100  # the decision-boundary picture's grid, per side (2-D data sets)
TRACE_BYTES_PER_WEIGHT = 190  # numpy copies (before, ∂L/∂w, after), Python lists and JSON text of each
SLICE_CHUNK_WEIGHT_SETS = 64  # weight sets a slice evaluates at once
SLICE_CHUNK_NUMBERS = 2**26  # ... and at most this many weights in all
SLICE_CHUNK_BYTES = 512 * 2**20  # a slice bounds one chunk's activations to this (core.landscape)
BASE_BYTES = 64 * 2**20  # what a run holds besides its arrays (interpreter, torch's buffers)
DRAW_SECONDS_PER_IMAGE = 0.002  # core.data.synthetic_images draws each digit with Pillow
EVALUATION_ROWS = 8192  # core.mlp.trainer measures a big set in chunks of this many rows
SAFETY = 0.8  # refuse work that needs more than this share of the free memory
UNKNOWN_MEMORY = 8 * 2**30  # assumed free when the system will not say


# What `require_fits` names in its sentence ("…; training it needs about 6 GB …").
TRAINING_IT = Phrase("training it")
TRACING_IT = Phrase("a trace of it")
SLICING_IT = Phrase("a loss slice of it")


class LimitError(GlassboxError):
    """Work too big for this computer's memory, refused before it starts."""


@dataclass(frozen=True)
class Estimate:
    """What a piece of work will roughly need: its weights, its peak memory, and the seconds of its longest
    single piece of work (for training: a step or a pass over every point, whichever is longer; for a
    slice or a trace: all of it)."""

    weights: int
    memory_bytes: int
    seconds: float


# ============================================================================ MLP
def _mlp_widths(config) -> tuple[int, ...]:
    """Every layer's width, inputs first: (n_inputs, *hidden, n_outputs)."""
    from core.data.toy2d import DATASETS

    spec = DATASETS.get(config.dataset)
    if spec is not None and spec.image_side:
        n_inputs = spec.image_side ** 2
    else:
        n_inputs = len(config.features)
    if spec is None or spec.task != "multiclass":
        n_outputs = 1
    else:
        n_outputs = len(spec.class_names)
    return (n_inputs, *tuple(int(width) for width in config.hidden), n_outputs)


def _weights(widths: tuple[int, ...]) -> int:
    return sum((fan_in + 1) * fan_out for fan_in, fan_out in zip(widths, widths[1:]))


def _is_image(config) -> bool:
    from core.data.toy2d import DATASETS

    spec = DATASETS.get(config.dataset)
    return bool(spec is not None and spec.image_side)


def mlp_training(config, points: int) -> Estimate:
    """A training run of `config` on `points` examples: its peak memory, and the time of one step.

    Memory: the weights about eight times (weights, gradients, two optimizer moments, the run's
    first weights, the last finite copy, a snapshot and torch's scratch), the data, and one
    evaluation pass over every point (two layers' activations alive at a time), plus the
    decision-boundary grid's neuron outputs for 2-D data.
    """
    widths = _mlp_widths(config)
    weights = _weights(widths)
    widest = max(widths)
    batch = max(1, min(int(config.batch_size), int(points)))
    memory = (BASE_BYTES + 8 * weights * FLOAT + points * (widths[0] + 1) * FLOAT
              + 3 * min(points, EVALUATION_ROWS) * widest * FLOAT)
    if not _is_image(config):
        memory += BOUNDARY_SIDE ** 2 * sum(widths[1:]) * FLOAT * 2
    step_flops = 6 * batch * weights
    evaluation_flops = 2 * points * weights  # the reports a run sends now and then
    seconds = max(step_flops, evaluation_flops) / FLOPS_PER_SECOND
    if _is_image(config):
        seconds = max(seconds, points * DRAW_SECONDS_PER_IMAGE)  # drawing the data set, once
    return Estimate(weights, int(memory), seconds)


def mlp_trace(config, points: int) -> Estimate:
    """Recording one example's forward pass, backward pass and update (core.mlp.trace) and writing it out."""
    training = mlp_training(config, points)
    memory = training.memory_bytes + TRACE_BYTES_PER_WEIGHT * training.weights
    return Estimate(training.weights, int(memory), 10 * training.weights / FLOPS_PER_SECOND)


def mlp_slice(config, points: int, resolution: int) -> Estimate:
    """A loss slice of `config`'s network: resolution² weight sets, each evaluated on `points` examples."""
    training = mlp_training(config, points)
    widths = _mlp_widths(config)
    sets = int(resolution) ** 2
    # core.landscape holds at most this many weight sets at once (fewer for a big network)
    chunk = max(1, min(sets, SLICE_CHUNK_WEIGHT_SETS, SLICE_CHUNK_NUMBERS // max(1, training.weights)))
    memory = (training.memory_bytes + 3 * training.weights * DOUBLE  # the centre and two directions
              + chunk * training.weights * FLOAT  # one chunk's weight sets
              + min(SLICE_CHUNK_BYTES, 2 * chunk * points * max(widths) * FLOAT)  # its activations
              + sets * DOUBLE)
    seconds = 2 * sets * points * training.weights / FLOPS_PER_SECOND
    return Estimate(training.weights, int(memory), seconds)


# ============================================================================ CNN
def cnn_training(parameters: int, image_shape: tuple[int, ...], batch: int,
                 multiply_adds_per_image: int | None = None) -> Estimate:
    """Training a CNN with `parameters` weights on images of `image_shape` (C, H, W) in batches of `batch`.

    Without `multiply_adds_per_image` (the model's count, if the caller knows it) a convolution is
    assumed to reuse each weight at a quarter of the image's positions.
    """
    pixels = 1
    for side in image_shape:
        pixels *= int(side)
    positions = max(1, pixels // max(1, int(image_shape[0]) if image_shape else 1))
    batch = max(1, int(batch))
    multiply_adds = multiply_adds_per_image or parameters * max(1, positions // 4)
    activations = 24 * pixels * FLOAT  # feature maps of every layer kept for the backward pass
    memory = BASE_BYTES + 8 * parameters * FLOAT + batch * activations
    return Estimate(int(parameters), int(memory), 6 * batch * multiply_adds / FLOPS_PER_SECOND)


# ============================================================================ the machine
def available_memory() -> int:
    """Bytes this process can still take without the system running out: what it says is available,
    within any container limit; UNKNOWN_MEMORY when it will not say."""
    candidates = [value for value in (_meminfo_available(), _cgroup_room()) if value is not None]
    if not candidates:
        try:
            candidates.append(os.sysconf("SC_AVPHYS_PAGES") * os.sysconf("SC_PAGE_SIZE"))
        except (AttributeError, ValueError, OSError):
            return UNKNOWN_MEMORY
    return max(0, min(candidates))


def _meminfo_available() -> int | None:
    try:
        with open("/proc/meminfo", "rb") as meminfo:  # a kernel file: small, regular, never blocks
            for line in meminfo.read(65536).decode("ascii", "replace").splitlines():
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        return None
    return None


def _cgroup_room() -> int | None:
    try:
        with open("/sys/fs/cgroup/memory.max", "rb") as limit_file:
            limit = limit_file.read(64).strip()
        if not limit or limit == b"max":
            return None
        with open("/sys/fs/cgroup/memory.current", "rb") as current_file:
            current = int(current_file.read(64).strip())
        return int(limit) - current
    except (OSError, ValueError):
        return None


def require_fits(estimate: Estimate, what: str, free: int | None = None) -> None:
    """Raise LimitError (one sentence) when `estimate` needs more memory than this computer has free.

    `what` names the work in the sentence ("a trace of it", "training it"): a Phrase, so it is translated.
    """
    free = available_memory() if free is None else free
    if estimate.memory_bytes > SAFETY * free:
        raise LimitError(
            "This network has {weights} weights; {what} needs about {need} but this computer has about "
            "{free} free; use fewer or smaller hidden layers, or fewer points.",
            weights=f"{estimate.weights:,}", what=what, need=size_text(estimate.memory_bytes),
            free=size_text(free),
        )


def describe(estimate: Estimate, per_step: bool = True) -> Phrase:
    """One short line for a hint: '2,113 weights · about 140 MB · up to 0.8 s a step' (or '· about 3 min'
    for work done once, per_step=False)."""
    if per_step:
        return Phrase("{weights} weights · about {memory} · up to {seconds} a step",
                      weights=f"{estimate.weights:,}", memory=size_text(estimate.memory_bytes),
                      seconds=seconds_text(estimate.seconds))
    return Phrase("{weights} weights · about {memory} · about {seconds}",
                  weights=f"{estimate.weights:,}", memory=size_text(estimate.memory_bytes),
                  seconds=seconds_text(estimate.seconds))


def seconds_text(seconds: float) -> str:
    """A duration as a number and a unit symbol (the same in every language): 0.8 s, 12 s, 3 min, 2.5 h."""
    if seconds < 0.01:
        return "0.01 s"
    if seconds < 10:
        return f"{seconds:.2g} s"
    if seconds < 120:
        return f"{seconds:.0f} s"
    if seconds < 7200:
        return f"{seconds / 60:.0f} min"
    return f"{seconds / 3600:.1f} h"
