"""`export`: train or analyse headless and write the numbers a view shows.

    main.py export metrics [training options] --out curve.csv      the learning curve as CSV
    main.py export trace [training options] --example I --out t.json   one example's pass, glassbox.trace/1
    main.py export trace --session s.glassbox --example I --out t.json  the same, from a saved session
    main.py export session [training options] --steps N --out s.glassbox   the trained network as a session
    main.py export features --image PATH [--model NAME] --out maps.npz  every CNN layer's output
    main.py export landscape --surface NAME --optimizer adam --out path.npz   a surface and a path
    main.py export landscape [training options] --directions pca --out net.npz   a slice of the network's loss
    main.py export saliency|channel-images|dream ...    why a CNN said that (cli/explain/exports.py)
    main.py export autoencoder ...          an autoencoder's reconstructions (cli/explain/autoencoder.py)
    main.py export handout --lesson ID|FILE --out handout.pdf   a lesson's worksheet (cli/classroom/lesson.py)
    main.py export animation --view network|training|landscape|kernel ... --out a.gif   (cli/classroom/animation.py)
"""

from __future__ import annotations

import argparse
import sys

from cli.errors import CommandLineError, say_line, shown_value
from cli.explain.parser import EXPLAIN_EXPORTS
from cli.inputs import (headless_run, lab_inputs, make_trainer, network_landscape_inputs, note_slice_divergence,
                        surface_inputs)
from cli.options import (check_output_path, refuse_image_options, refuse_landscape_options, refuse_unused,
                         write_output)
from cli.progress import require_trace, train_and_slice
from cli.parser import EXPORTS
from cli.words import translate

SESSION_EXPORTS = ("trace", "session")  # the exports that can start from --session


def run(options: argparse.Namespace) -> int:
    if options.what not in EXPORTS:
        raise CommandLineError(translate("cli", "Unknown export '{0}'; choose one of: {1}.")
                               .format(shown_value(options.what), ", ".join(EXPORTS)))
    if options.what == "animation":  # it refuses the options it does not read itself
        from cli.classroom.animation import export_animation

        return export_animation(options)
    if options.what == "handout":
        from cli.classroom.lesson import export_handout

        return export_handout(options)
    if options.lesson is not None:
        raise CommandLineError(translate("cli", "--lesson applies to export handout and snapshot, not to export "
                                                "{0}.").format(options.what))
    if options.what in EXPLAIN_EXPORTS and not options.session:
        refuse_landscape_options(options, f"export {options.what}")
        if options.what == "autoencoder":
            from cli.explain.autoencoder import run as export_autoencoder

            return export_autoencoder(options)
        from cli.explain.exports import run as export_explanation

        return export_explanation(options)
    if options.session and options.what not in SESSION_EXPORTS:
        raise CommandLineError(translate("cli", "--session applies to export trace and export session, not to "
                                                "export {0}.").format(options.what))
    if options.what == "features":
        refuse_landscape_options(options, "export features")
        refuse_unused(options, "export features", "export features")
        return export_features(options)
    if options.what == "landscape":
        return export_landscape(options)
    refuse_landscape_options(options, f"export {options.what}")
    refuse_image_options(options, f"export {options.what}")
    refuse_unused(options, f"export {options.what}", f"export {options.what}")
    out = check_output_path(options.out)
    if options.what == "session":
        from cli.session import export_session

        export_session(options, out)
        say_line(out)
        return 0
    if options.what == "trace":
        text = export_trace_text(options)
    else:
        _, history, _ = headless_run(options)
        text = history.to_csv()
    write_output(out, text)
    say_line(out)
    return 0


def trace_trainer(options: argparse.Namespace):
    """The trainer a trace starts from: the session's, or a new one from the training options."""
    if not options.session:
        return make_trainer(options, trace=True)
    from cli.session import read_session_file, session_trainer

    trainer = session_trainer(read_session_file(options), options.session)
    require_trace(trainer.config)
    return trainer


def export_trace_text(options: argparse.Namespace) -> str:
    """Train --steps steps, then record training example --example's pass as glassbox.trace/1 JSON.

    Strict JSON: a run that diverged is refused with its sentence (a trace of it would hold no numbers),
    and a number that is not finite is never written as a bare NaN or Infinity.
    """
    import json
    import re

    from core.mlp.recording import record_example

    example = 0 if options.example is None else options.example
    trainer = trace_trainer(options)
    if not 0 <= example < trainer.n_train:
        raise CommandLineError(translate(
            "cli", "--example must be between 0 and {0} (the training set's size minus one), not {1}.")
            .format(trainer.n_train - 1, example))
    _, _, diverged = headless_run(options, trainer, quiet=True)
    if diverged is not None:
        raise diverged  # its own sentence: when it diverged and what to change
    trace = record_example(trainer, example).to_json_dict()
    try:
        text = json.dumps(trace, indent=1, allow_nan=False)
    except ValueError:
        raise CommandLineError(translate("cli", "The trace of example {0} holds numbers that are not finite (the "
                                                "update overflows); lower the learning rate.").format(example)) \
            from None
    # One line per innermost list (a vector, or one row of a matrix), so it reads like the maths.
    return re.sub(r"\[\s+([^\[\]]*?)\s+\]", lambda match: "[" + " ".join(match.group(1).split()) + "]", text) + "\n"


def export_features(options: argparse.Namespace) -> int:
    """Every layer's output for --image, in the layout of core.cnn.feature_maps.to_npz_dict, as an uncompressed .npz."""
    out = check_output_path(options.out)
    image, name = lab_inputs(options)
    import numpy as np

    from core.cnn.analysis import analyse, open_model
    from core.cnn.feature_maps import to_npz_dict

    model, info = open_model(name, options.models_dir)
    arrays = to_npz_dict(analyse(model, info, image))
    write_output(out, lambda handle: np.savez(handle, **arrays))
    say_line(out)
    return 0


def export_landscape(options: argparse.Namespace) -> int:
    """A surface's grid and one optimizer's path, or a slice of the network's loss, as an uncompressed .npz."""
    refuse_image_options(options, "export landscape")
    out = check_output_path(options.out)
    from core.landscape.surfaces import check_resolution, optimizer_path, save_npz, surface_npz

    if options.optimizers is not None:
        raise CommandLineError(translate("cli", "export landscape writes one path: use --optimizer NAME, not "
                                                "--optimizers."))
    if options.surface:
        if options.directions is not None:
            raise CommandLineError(translate("cli", "--directions slices a network; it does not apply to "
                                                    "--surface."))
        refuse_unused(options, "export surface", "export landscape --surface")
        optimizer = getattr(options, "optimizer", "adam").strip().lower()
        chosen, lr, start, momentum = surface_inputs(options, [optimizer])
        resolution = check_resolution(101 if options.resolution is None else options.resolution)
        path = optimizer_path(chosen, optimizer, lr, options.steps, start, momentum)
        if path.diverged_at is not None:
            say_line(translate("cli", "{0} diverged at step {1}; the path stops there.")
                     .format(optimizer, path.diverged_at), sys.stderr, "note: ")
        arrays = surface_npz(chosen, path, resolution)
    else:
        from core.landscape.network import network_npz

        config, directions, resolution = network_landscape_inputs(options)
        refuse_unused(options, "export slice", translate("cli", "export landscape (a slice of the network)"))
        landscape = train_and_slice(config, options.steps, directions, resolution).landscape
        note_slice_divergence(landscape.diverged_at)
        arrays = network_npz(landscape)
    write_output(out, lambda handle: save_npz(handle, arrays))
    say_line(out)
    return 0
