"""`snapshot --session FILE --view VIEW`: a figure of what a saved session shows, from its trainer and tab states.

training, network: the session's network, after --steps more steps (default 0).
cnn: the session's lab image (else the lab's sample) through the session's model (else the shipped one).
landscape: the Landscape tab's open sub-view: the race as saved, or a slice of the session's network.
"""

from __future__ import annotations

import argparse

from cli.errors import CommandLineError
from cli.inputs import headless_run, note_slice_divergence
from cli.options import (announce_png, check_output_path, parse_size, refuse_image_options, refuse_landscape_options,
                         refuse_unused)
from cli.session import read_session_file, session_trainer
from cli.words import translate


def snapshot_session(options: argparse.Namespace) -> int:
    refuse_image_options(options, "--session")
    refuse_landscape_options(options, "--session")
    out = check_output_path(options.out)
    size = parse_size(options.size)
    session = read_session_file(options)
    target = "snapshot session cnn" if options.view == "cnn" else "snapshot session"
    refuse_unused(options, target, translate("cli", "--session with --view {0}").format(options.view))
    if options.view == "cnn":
        written = _cnn(session, out, size)
    elif options.view == "landscape":
        written = _landscape(session, options, out, size)
    else:
        written = _training(session, options, out, size)
    announce_png(written, out)
    return 0


def _training(session, options: argparse.Namespace, out: str, size: tuple[int, int]) -> bool:
    from cli.snapshot import render_trained

    trainer = session_trainer(session, options.session)
    saved = saved_curves(session) if options.view == "training" else None
    replayed = _replayed(options, trainer) if options.view == "training" and not saved else None
    trainer, history, diverged = replayed or headless_run(options, trainer)
    if saved:
        history = _joined(saved, history)
    return render_trained(options.view, trainer, history, diverged, out, size, session.tabs.get("network"))


def saved_curves(session) -> tuple:
    """The learning curve the session saved with the Training tab (rows of METRICS), if any."""
    from gui.training.state import CurvesState

    training = session.tabs.get("training")
    return CurvesState.from_dict(training.get("curves")).rows if isinstance(training, dict) else ()


def _joined(rows, history):
    """The saved rows, then `history` (evaluations from the session's step on)."""
    from types import SimpleNamespace

    from core.mlp.reports import METRICS, MetricsHistory

    joined = MetricsHistory()
    joined.extend(SimpleNamespace(**dict(zip(METRICS, row))) for row in rows)
    columns = [history.column(name) for name in METRICS]
    joined.extend(SimpleNamespace(**dict(zip(METRICS, row))) for row in zip(*columns))
    return joined


def _replayed(options: argparse.Namespace, trainer):
    """The learning curve from step 0, for the training view: a session keeps the network, not its curve.

    Training is deterministic, so when training from the session's settings reproduces its
    network exactly (same step, same weights: nobody edited or retuned it on the way), the
    curve of that replay is the session's own; returns (trainer, history, divergence) trained
    to the session's step and --steps beyond. Otherwise None: the curve starts at the session.
    """
    import numpy as np

    from cli.options import MAX_STEPS
    from core.errors import GlassboxError
    from cli.progress import require_training, train_with_progress
    from core.mlp.trainer import Trainer

    total = trainer.step_count + options.steps
    if trainer.step_count == 0 or total > MAX_STEPS:
        return None
    try:
        fresh = Trainer(trainer.config)
        _, diverged = train_with_progress(fresh, trainer.step_count, 0, None, require_training(fresh.config))
    except GlassboxError:
        return None
    same = diverged is None and fresh.step_count == trainer.step_count and all(
        np.array_equal(mine, theirs) for pair, other in zip(fresh.weights(), trainer.weights())
        for mine, theirs in zip(pair, other))
    if not same:
        return None
    return headless_run(argparse.Namespace(**{**vars(options), "steps": total}), Trainer(trainer.config))


def _cnn(session, out: str, size: tuple[int, int]) -> bool:
    from core.cnn.analysis import DEFAULT_MODEL, open_model
    from core.session.parts import CNN_PART, LAB_IMAGE_PART
    from gui.convolution.state import ConvolutionState
    from gui.snapshot import render_cnn_view

    state = ConvolutionState.from_dict(session.tabs.get("convolution"))
    image = _lab_image(session.parts.get(LAB_IMAGE_PART), state)
    part = session.parts.get(CNN_PART)
    model = _lab_model(part) if part is not None else open_model(state.model or DEFAULT_MODEL)
    from cli.snapshot import cnn_title

    return render_cnn_view(image, None, out, size, model=model, title=cnn_title(model[1].name, image.name))


def _lab_model(part):
    """(network, ModelInfo) of the session's lab model: weights trained in the lab, or the stored model it names."""
    from core.cnn.analysis import open_model
    from core.cnn.snapshot import model_from_part

    lab = model_from_part(part)  # checked: SessionError (one sentence) when anything is off
    if not lab.trained:
        return open_model(lab.name)
    import numpy as np
    import torch

    from core.nets.cnn import build_cnn

    model = build_cnn(lab.info.architecture, len(lab.info.class_names))
    model.load_state_dict({key: torch.from_numpy(np.array(value)) for key, value in lab.weights.items()})
    return model.eval(), lab.info


def _lab_image(part, state):
    """The session's image (uint8 pixels), else the sample the lab showed, else the lab's first sample."""
    import numpy as np

    from core.data.images import from_array
    from core.data.sample_images import sample_image, sample_names

    if part is not None:
        pixels = part.arrays.get("pixels")
        if not isinstance(pixels, np.ndarray) or pixels.dtype != np.uint8 or pixels.ndim not in (2, 3):
            raise CommandLineError(translate("cli", "The session's lab image is damaged: its pixels are not an "
                                                    "8-bit picture."))
        name = part.meta.get("name") if isinstance(part.meta.get("name"), str) else "session image"
        return from_array(pixels, name)
    names = sample_names()
    name = state.image.sample if state.image.kind == "sample" and state.image.sample in names else names[0]
    return from_array(sample_image(name), name)


def _landscape(session, options: argparse.Namespace, out: str, size: tuple[int, int]) -> bool:
    from core.session.parts import MLP_PART
    from gui.landscape.state import LandscapeState

    state = LandscapeState.from_dict(session.tabs.get("landscape"))
    if state.view == "network" and MLP_PART in session.parts:
        return _network_slice(session, options, state.network, out, size)
    from gui.snapshot import render_landscape_view

    race = state.race
    return render_landscape_view(race.surface, list(race.optimizers), race.learning_rate, race.steps, race.start,
                                 race.momentum, out, size)


def _network_slice(session, options, slice_state, out: str, size: tuple[int, int]) -> bool:
    """A slice of the session's network's loss around its weights, along the path the session recorded (and
    --steps more), with the line from its initial weights: what the tab's "Your network" panel computes."""
    from cli.session import recorded_run, session_training
    from cli.snapshot import slice_title
    from cli.progress import require_slice, slice_with_progress
    from gui.snapshot import render_network_landscape
    from gui.training.worker import LINE_POINTS

    trainer, recorder = session_training(session, options.session)
    seconds = require_slice(trainer.config, slice_state.resolution)  # before the extra steps: refused at once
    trainer, _, diverged = recorded_run(options, trainer, recorder)
    result = slice_with_progress(trainer, recorder, trainer.initial_weights, slice_state.directions,
                                 slice_state.resolution, LINE_POINTS, seconds)
    if diverged is not None:
        note_slice_divergence(diverged.step)
    title = slice_title(trainer.config, trainer.step_count, slice_state.directions)
    return render_network_landscape(result, out, size, title)
