"""`snapshot`: render a view to PNG without a screen, through the same code the window draws with.

    main.py snapshot --view training|network [training options] --steps N --out loss.png
    main.py snapshot --view cnn --image PATH [--model NAME] --out maps.png
    main.py snapshot --view landscape --surface NAME [--optimizers a,b] --out race.png
    main.py snapshot --view landscape [training options] [--directions pca] --out slice.png
"""

from __future__ import annotations

import argparse

from cli.errors import CommandLineError
from cli.inputs import headless_run, lab_inputs, network_landscape_inputs, note_slice_divergence, surface_inputs
from cli.options import (announce_png, check_output_path, parse_size, refuse_image_options,
                         refuse_landscape_options)
from cli.parser import VIEWS

DEFAULT_RACE = "sgd,momentum,adam"


def run(options: argparse.Namespace) -> int:
    if options.view not in VIEWS:
        raise CommandLineError(f"Unknown view '{options.view}'; choose one of: {', '.join(VIEWS)}.")
    if options.view == "cnn":
        return snapshot_cnn(options)
    if options.view == "landscape":
        return snapshot_landscape(options)
    return snapshot_training(options)


def snapshot_training(options: argparse.Namespace) -> int:
    """The learning curves (--view training) or the network (--view network) after --steps steps."""
    refuse_landscape_options(options, f"--view {options.view}")
    refuse_image_options(options, f"--view {options.view}")
    out = check_output_path(options.out)
    size = parse_size(options.size)
    trainer, history, diverged = headless_run(options)
    from core.mlp.reports import run_info
    from gui.snapshot import render_network_view, render_training_view

    if options.view == "network":
        written = render_network_view(trainer, out, size, str(diverged or ""))
    else:
        written = render_training_view(run_info(trainer), history, out, size, str(diverged or ""))
    announce_png(written, out)
    return 0


def snapshot_cnn(options: argparse.Namespace) -> int:
    out = check_output_path(options.out)
    size = parse_size(options.size)
    image, name = lab_inputs(options)
    from gui.snapshot import render_cnn_view

    announce_png(render_cnn_view(image, name, out, size, options.models_dir), out)
    return 0


def snapshot_landscape(options: argparse.Namespace) -> int:
    refuse_image_options(options, "--view landscape")
    if not options.surface:
        return snapshot_network_landscape(options)
    out = check_output_path(options.out)
    size = parse_size(options.size)
    names = [name.strip().lower() for name in (options.optimizers or DEFAULT_RACE).split(",") if name.strip()]
    chosen, lr, start, momentum = surface_inputs(options, names)
    from gui.snapshot import render_landscape_view

    announce_png(render_landscape_view(chosen.name, names, lr, options.steps, start, momentum, out, size), out)
    return 0


def snapshot_network_landscape(options: argparse.Namespace) -> int:
    """The "Your network" panel: a slice of the trained network's loss with its projected path."""
    out = check_output_path(options.out)
    size = parse_size(options.size)
    config, directions, resolution = network_landscape_inputs(options)
    from core.landscape.network import network_landscape_result
    from gui.snapshot import render_network_landscape

    result = network_landscape_result(config, options.steps, directions, resolution)
    note_slice_divergence(result.landscape.diverged_at)
    hidden = "-".join(str(width) for width in config.hidden) or "no hidden layer"
    title = f"{config.dataset} · hidden {hidden} · {options.steps} steps · {directions} directions"
    announce_png(render_network_landscape(result, out, size, title), out)
    return 0
