"""What each `export animation --view` computes headlessly before its frames are drawn (cli/classroom/animation.py).

network: train, then record example --example's pass, as `export trace` does. training: train, taking
a report (weights, boundary, gradients) about once a frame and the curves as `export metrics` does.
landscape: race the optimizers on a textbook surface, as `snapshot --view landscape` does. kernel: read
--image and set the kernel playground up from the options. Each returns a gui.animation source.
"""

from __future__ import annotations

import argparse
import os

from cli.classroom.animation import note
from cli.errors import CommandLineError, said, shown_value
from cli.words import translate

DEFAULT_RACE = "sgd,momentum,adam"


def network_source(options: argparse.Namespace, size, fps: int, seconds: float):
    from cli.inputs import headless_run, make_trainer
    from core.mlp.recording import record_example
    from core.mlp.reports import progress_of, run_info
    from gui.animation.sources import network_pass_source

    example = 0 if options.example is None else options.example
    trainer = make_trainer(options, trace=True)
    if not 0 <= example < trainer.n_train:
        raise CommandLineError(translate(
            "cli", "--example must be between 0 and {0} (the training set's size minus one), not {1}.")
            .format(trainer.n_train - 1, example))
    _, _, diverged = headless_run(options, trainer, quiet=True)
    if diverged is not None:
        raise diverged  # its own sentence: a pass through a network that diverged holds no numbers to show
    progress = progress_of(trainer, (), 0.0, boundaries=True, gradients=True)
    return network_pass_source(run_info(trainer), progress, record_example(trainer, example), size, fps, seconds)


def training_source(options: argparse.Namespace, size, fps: int, seconds: float):
    from cli.inputs import make_trainer
    from cli.options import check_steps
    from cli.progress import require_training, training_progress
    from core.animation.settings import frame_count
    from core.errors import DivergedError
    from core.mlp.reports import MetricsHistory, evaluation_steps, progress_of, run_info
    from gui.animation.sources import training_source as make_source

    trainer = make_trainer(options)
    steps = check_steps(options.steps)
    progress = training_progress(steps, require_training(trainer.config))  # make_trainer said any note
    curve_points = set(evaluation_steps(steps, 300))
    report_points = set(evaluation_steps(steps, frame_count(fps, seconds)))
    history = MetricsHistory()
    history.extend([trainer.evaluate()])
    reports = [progress_of(trainer, (), 0.0, boundaries=True, gradients=True)]
    try:
        for record in trainer.run(max_steps=steps):
            if record.step in curve_points:
                history.extend([trainer.evaluate()])
            if record.step in report_points:
                reports.append(progress_of(trainer, (), 0.0, boundaries=True, gradients=True))
            progress.update(record.step)
    except DivergedError as error:  # the film shows the run up to the divergence, as the Training tab would
        history.extend([trainer.evaluate()])
        note(said(error))
    return make_source(run_info(trainer), reports, history, size, fps, seconds)


def landscape_source(options: argparse.Namespace, size, fps: int, seconds: float):
    from cli.inputs import surface_inputs
    from core.landscape.surfaces import race
    from gui.animation.sources import race_source
    from gui.landscape.state import DEFAULT_SURFACE, STEPS_RANGE, RaceState

    low, high = STEPS_RANGE
    if not low <= options.steps <= high:
        raise CommandLineError(translate("cli", "--steps for a race must be between {0} and {1}, not {2}.")
                               .format(low, f"{high:,}", options.steps))
    checked = argparse.Namespace(**vars(options))
    checked.surface = options.surface or DEFAULT_SURFACE
    names = [name.strip().lower() for name in (options.optimizers or DEFAULT_RACE).split(",") if name.strip()]
    chosen, lr, start, momentum = surface_inputs(checked, names)
    paths = race(chosen, names, lr, options.steps, start, momentum)
    for name, path in paths.items():
        if path.diverged_at is not None:
            note(translate("cli", "{0} diverged at step {1}; the path stops there.").format(name, path.diverged_at))
    state = RaceState(surface=chosen.name, optimizers=tuple(paths), learning_rate=lr, momentum=momentum,
                      steps=options.steps, start=tuple(start) if start is not None else chosen.start)
    return race_source(state, paths, size, fps, seconds)


def kernel_source(options: argparse.Namespace, size, fps: int, seconds: float):
    from core.data.images import load_image
    from gui.animation.sources import kernel_source as make_source

    if not options.image:
        raise CommandLineError(translate("cli", "--view kernel needs --image PATH: the picture the kernel slides "
                                                "over."))
    state = playground_state(options)
    image = load_image(os.path.expanduser(options.image))
    source = make_source(image.pixels, state, size, fps, seconds, name=image.name)
    if source.refusal:
        source.close()
        raise CommandLineError(source.refusal)
    return source


def playground_state(options: argparse.Namespace):
    """The kernel playground's settings from --kernel, --operation, --grid, --padding and --stride (checked)."""
    from core.cnn.kernels import KERNELS, kernel
    from gui.convolution.state import GRID_SIDES, OPERATIONS, PlaygroundState, as_kernel

    name = (options.kernel or "sobel_x").strip().lower()
    if name not in KERNELS:
        raise CommandLineError(translate("cli", "Unknown --kernel '{0}'; choose one of: {1}.")
                               .format(shown_value(name), ", ".join(KERNELS)))
    operation = (options.operation or "convolution").strip().lower()
    if operation not in OPERATIONS:
        raise CommandLineError(translate("cli", "Unknown --operation '{0}'; choose one of: {1}.")
                               .format(shown_value(operation), ", ".join(OPERATIONS)))
    grid = 32 if options.grid is None else options.grid
    if grid not in GRID_SIDES:
        raise CommandLineError(translate("cli", "--grid must be one of {0}, not {1}.")
                               .format(", ".join(str(side) for side in GRID_SIDES), grid))
    padding = 0 if options.padding is None else options.padding
    stride = 1 if options.stride is None else options.stride
    for flag, value, low, high in (("--padding", padding, 0, 3), ("--stride", stride, 1, 4)):
        if not low <= value <= high:
            raise CommandLineError(translate("cli", "{0} must be between {1} and {2}, not {3}.")
                                   .format(flag, low, high, value))
    values = kernel(name, KERNELS[name].sizes[0])
    return PlaygroundState(operation=operation, kernel_name=name, kernel=as_kernel(values), stride=stride,
                           padding=padding, grid=grid)


SOURCES = {"network": network_source, "training": training_source, "landscape": landscape_source,
           "kernel": kernel_source}
