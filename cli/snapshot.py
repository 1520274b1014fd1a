"""`snapshot`: render a view to PNG without a screen, through the same code the window draws with.

    main.py snapshot --view training|network [training options] --steps N --out loss.png
    main.py snapshot --view cnn --image PATH [--model NAME] --out maps.png
    main.py snapshot --view landscape --surface NAME [--optimizers a,b] --out race.png
    main.py snapshot --view landscape [training options] [--directions pca] --out slice.png
    main.py snapshot --session s.glassbox --view training|network|cnn|landscape --out fig.png
    main.py snapshot --view saliency|channel|confusion|autoencoder ...   issue 13's views (cli/explain/snapshots.py)
    main.py snapshot --lesson ID|FILE --scene N --out scene.png   a lesson's scene as the class sees it (cli/classroom/lesson.py)
    ... --lang zh_CN                                    any of them in Chinese
"""

from __future__ import annotations

import argparse

from cli.errors import CommandLineError, shown_value
from cli.explain.parser import EXPLAIN_VIEWS
from cli.inputs import headless_run, lab_inputs, network_landscape_inputs, note_slice_divergence, surface_inputs
from cli.options import (announce_png, check_output_path, parse_size, refuse_image_options,
                         refuse_landscape_options, refuse_unused)
from cli.progress import train_and_slice
from cli.parser import VIEWS
from cli.words import translate

DEFAULT_RACE = "sgd,momentum,adam"


def run(options: argparse.Namespace) -> int:
    if options.lesson is not None:
        from cli.classroom.lesson import snapshot_lesson

        return snapshot_lesson(options)
    if options.scene is not None:
        raise CommandLineError(translate("cli", "--scene chooses a scene of --lesson; give --lesson ID as well."))
    if options.view not in VIEWS:
        raise CommandLineError(translate("cli", "Unknown view '{0}'; choose one of: {1}.")
                               .format(shown_value(options.view), ", ".join(VIEWS)))
    if options.view in EXPLAIN_VIEWS:
        from cli.explain.snapshots import run as snapshot_explanation

        return snapshot_explanation(options)
    if options.session:
        from cli.session_snapshot import snapshot_session

        return snapshot_session(options)
    if options.view == "cnn":
        return snapshot_cnn(options)
    if options.view == "landscape":
        return snapshot_landscape(options)
    return snapshot_training(options)


def snapshot_training(options: argparse.Namespace) -> int:
    """The learning curves (--view training) or the network (--view network) after --steps steps."""
    refuse_landscape_options(options, f"--view {options.view}")
    refuse_image_options(options, f"--view {options.view}")
    refuse_unused(options, f"snapshot {options.view}", f"--view {options.view}")
    out = check_output_path(options.out)
    size = parse_size(options.size)
    trainer, history, diverged = headless_run(options)
    announce_png(render_trained(options.view, trainer, history, diverged, out, size), out)
    return 0


def render_trained(view: str, trainer, history, diverged, out: str, size: tuple[int, int],
                   network_state: dict | None = None) -> bool:
    """The training or network view of `trainer` after headless training, with the run's caption or warning."""
    from cli.errors import said
    from core.mlp.reports import run_info
    from gui.snapshot import render_network_view, render_training_view

    info = run_info(trainer)
    warning = said(diverged) if diverged is not None else ""
    if view == "network":
        caption = translate("cli", "{0} · step {1}").format(info.title, trainer.step_count)
        return render_network_view(trainer, out, size, warning, caption=caption, state=network_state)
    return render_training_view(info, history, out, size, warning)


def snapshot_cnn(options: argparse.Namespace) -> int:
    refuse_landscape_options(options, "--view cnn")
    refuse_unused(options, "snapshot cnn", "--view cnn")
    out = check_output_path(options.out)
    size = parse_size(options.size)
    image, name = lab_inputs(options)
    from gui.snapshot import render_cnn_view

    title = cnn_title(name, image.name)
    announce_png(render_cnn_view(image, name, out, size, options.models_dir, title=title), out)
    return 0


def snapshot_landscape(options: argparse.Namespace) -> int:
    refuse_image_options(options, "--view landscape")
    if not options.surface:
        return snapshot_network_landscape(options)
    if options.directions is not None:
        raise CommandLineError(translate("cli", "--directions slices a network; it does not apply to --surface."))
    refuse_unused(options, "snapshot surface", translate("cli", "--view landscape --surface (an optimizer race)"))
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
    refuse_unused(options, "snapshot slice", translate("cli", "--view landscape (a slice of the network)"))
    from gui.snapshot import render_network_landscape

    result = train_and_slice(config, options.steps, directions, resolution)
    note_slice_divergence(result.landscape.diverged_at)
    title = slice_title(config, options.steps, directions)
    announce_png(render_network_landscape(result, out, size, title), out)
    return 0


def slice_title(config, steps: int, directions: str) -> str:
    hidden = "-".join(str(width) for width in config.hidden) or translate("cli", "no hidden layer")
    return translate("cli", "{dataset} · hidden {hidden} · {steps} steps · {directions} directions").format(
        dataset=config.dataset, hidden=hidden, steps=steps, directions=directions)


def cnn_title(model_name: str, image_name: str) -> str:
    return translate("cli", "What the {model} network makes of {image}").format(model=model_name, image=image_name)
