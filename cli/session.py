"""Sessions on the command line: `export session` writes one; `--session FILE` starts `snapshot` and
`export trace` from one instead of from training options.

A session (core/session) holds the app's settings, every tab's state and the trained
network (Trainer.snapshot()), so a figure or a trace from it shows exactly what its author
saw. With --session, --steps counts steps trained beyond the session's (default 0), and the
training options are refused: the session already says what the network is.
"""

from __future__ import annotations

import argparse

from cli.errors import CommandLineError, shown_value
from cli.options import training_options_given
from cli.parser import check_session_path
from cli.words import translate


def refuse_training_options(options: argparse.Namespace) -> None:
    if training_options_given(options):
        raise CommandLineError(translate("cli", "--session already holds the network and its training settings; "
                                                "leave out the training options (--dataset, --hidden, --lr …)."))


def read_session_file(options: argparse.Namespace):
    """The checked session named by --session (a core.session.parts.Session); one sentence when it is bad."""
    from core.session.files import read_session

    refuse_training_options(options)
    path = check_session_path(options.session)
    try:
        return read_session(path)
    except OSError as error:  # the file went away or cannot be read after all
        raise CommandLineError(translate("cli", "Could not read the session file '{0}': {1}.")
                               .format(shown_value(path), error.strerror or error)) from None


def session_trainer(session, path: str):
    """The session's MLP trainer, exactly where its author left it."""
    return session_training(session, path)[0]


def session_training(session, path: str):
    """(trainer, recorder): the session's MLP trainer and the landscape's path recorded so far (a new one, from
    the current weights, when the session kept none)."""
    from core.session.parts import MLP_PART
    from core.session.training import restore_training

    part = session.parts.get(MLP_PART)
    if part is None:
        raise CommandLineError(translate("cli", "The session file '{0}' holds no trained network (it was saved "
                                                "without one).").format(path))
    trainer, recorder = restore_training(part)
    return trainer, recorder if recorder is not None and len(recorder) else new_recorder(trainer)


def new_recorder(trainer):
    """The landscape's path from the trainer's current weights, sampled as the window's training worker does."""
    from core.landscape.slices import TrajectoryRecorder
    from gui.training.worker import TRAJECTORY_EVERY, TRAJECTORY_POINTS

    recorder = TrajectoryRecorder(TRAJECTORY_EVERY, TRAJECTORY_POINTS)
    recorder.record(trainer.step_count, trainer.model)
    return recorder


def recorded_run(options: argparse.Namespace, trainer, recorder):
    """cli.inputs.headless_run (the same steps, the same evaluations), recording the landscape's path on the way."""
    from cli.inputs import headless_run

    return headless_run(options, trainer, recorder)


def export_session(options: argparse.Namespace, out: str) -> None:
    """Train as the options (or --session) say and write a session of the result to `out`."""
    from cli.inputs import make_trainer
    from core.session.files import write_session
    from core.session.parts import MLP_PART, Session
    from gui import i18n

    if options.session:
        source = read_session_file(options)
        trainer, recorder = session_training(source, options.session)
        app, tabs = dict(source.app), dict(source.tabs)
        parts = dict(source.parts)
    else:
        trainer, app, tabs, parts = make_trainer(options), {}, {}, {}
        recorder = new_recorder(trainer)
    _, history, _ = recorded_run(options, trainer, recorder)
    app["language"] = options.lang if options.lang in i18n.LANGUAGES else app.get("language", i18n.current())
    app.setdefault("tab", "training")
    tabs["training"] = training_tab(tabs.get("training"), trainer.config, history)
    parts[MLP_PART] = trainer.snapshot(recorder)  # with the path, so the Landscape tab can slice along it
    write_session(out, Session(app=app, tabs=tabs, parts=parts))


def training_tab(saved, config, history) -> dict:
    """The Training tab's state: its settings and speed, and its curves ("curves": CurvesState), `history` last."""
    from core.mlp.reports import METRICS
    from gui.training.state import CurvesState, TrainingState

    saved = saved if isinstance(saved, dict) else {}
    rows = list(CurvesState.from_dict(saved.get("curves")).rows)
    new = list(zip(*[history.column(name).tolist() for name in METRICS]))
    if rows and new and new[0][0] <= rows[-1][0]:
        rows = [row for row in rows if row[0] < new[0][0]]
    tab = TrainingState.from_dict(saved).with_config(config).to_dict()
    tab["curves"] = CurvesState.of_rows(rows + new).to_dict()
    return tab
