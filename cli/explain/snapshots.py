"""`snapshot --view saliency|channel|confusion|autoencoder`: issue 13's views, rendered to PNG headless.

    main.py snapshot --view saliency --image IMG [--model NAME] [--method M] [--target C] --out s.png
    main.py snapshot --view channel [--model NAME] [--data SET|--folder DIR] --layer L --channel N --out c.png
    main.py snapshot --view confusion [--model NAME] [--data SET|--folder DIR] --out cm.png
    main.py snapshot --view autoencoder [--data SET|--folder DIR] --bottleneck K --steps N --out ae.png

The numbers are computed here with core, through the same functions as the matching export
(cli/explain/exports.py, cli/explain/autoencoder.py); the views only draw them (gui/snapshot.py). --view saliency
draws all three methods unless --method picks one; --view channel draws the top images and the dream.
"""

from __future__ import annotations

import argparse

from cli.errors import CommandLineError, shown_value
from cli.options import announce_png, check_output_path, parse_size, refuse_unused
from cli.words import translate


def run(options: argparse.Namespace) -> int:
    view = options.view
    if options.session:
        raise CommandLineError(translate("cli", "--session applies to --view training, network, cnn and landscape, "
                                                "not to --view {0}.").format(view))
    refuse_unused(options, f"snapshot {view}", f"--view {view}")
    out = check_output_path(options.out)
    size = parse_size(options.size)
    render = {"saliency": _saliency, "channel": _channel, "confusion": _confusion, "autoencoder": _autoencoder}[view]
    from cli.progress import one_torch_thread

    with one_torch_thread():
        written = render(options, out, size)
    announce_png(written, out)
    return 0


def _saliency(options: argparse.Namespace, out: str, size: tuple[int, int]) -> bool:
    from cli.explain.exports import attributions, saliency_inputs
    from gui.snapshot import render_saliency_view

    lab, network_input, methods, target, settings = saliency_inputs(options, every=True)
    answers = attributions(lab, network_input, methods, target, settings)
    return render_saliency_view(answers, lab.info, out, size)


def _channel(options: argparse.Namespace, out: str, size: tuple[int, int]) -> bool:
    from cli.explain.exports import channel_images, grow_dream, held_out_images
    from cli.explain.inputs import channel_of, check_dream_steps, check_k, check_seed, open_lab
    from gui.snapshot import render_channel_view

    lab = open_lab(options)
    layer, channel = channel_of(options, lab)
    k, steps, seed = check_k(options), check_dream_steps(options.steps), check_seed(options)
    top = channel_images(lab, layer, channel, k, held_out_images(options, lab))
    frames: list = []
    dream = grow_dream(lab, layer, channel, steps, seed, frames)
    return render_channel_view(top, dream, lab.info, out, size, frames)


def _confusion(options: argparse.Namespace, out: str, size: tuple[int, int]) -> bool:
    from gui.snapshot import render_confusion_view

    return render_confusion_view(model_confusion(options), out, size, from_folder=options.folder is not None)


def model_confusion(options: argparse.Namespace):
    """The --model's core.cnn.confusion.Confusion on --folder's images (all of them, as `evaluate` scores them) or
    on --data's held-out images (the model's own generated set when neither is given)."""
    from cli.explain.inputs import check_data_fits, data_source, default_data, load_held_out, open_lab

    lab = open_lab(options)
    source = data_source(options, default=default_data(lab))
    if source.kind == "folder":
        return folder_confusion(lab, source.path)
    check_data_fits(source, lab)
    image_set = load_held_out(source)
    if tuple(image_set.class_names) != tuple(lab.info.class_names):
        raise CommandLineError(translate("cli", "The model '{0}' tells apart {1}, but {2} holds {3}; choose a model "
                                                "trained on these classes.").format(
            lab.info.name, _names(lab.info.class_names), source.kind, _names(image_set.class_names)))
    from core.cnn.confusion import confusion_matrix

    return confusion_matrix(lab.model, image_set.x_test, image_set.y_test.numpy(), lab.info.class_names,
                            prepare=image_set.inputs)


def folder_confusion(lab, path: str):
    """The confusion on every readable image of a class folder, each prepared as the window prepares it."""
    import numpy as np

    from cli.progress import Progress
    from core.cnn.analysis import prepare_input
    from core.cnn.confusion import confusion_matrix
    from core.data.image_folder import iter_images, scan_image_folder

    folder = scan_image_folder(path, lab.info.class_names)
    progress = Progress(translate("cli", "reading the images: {0}/{1} ({2}%)"), folder.total, folder.total / 100)
    inputs, labels = [], []
    for done, (_, label, image) in enumerate(iter_images(folder), start=1):
        if image is not None:
            inputs.append(prepare_input(image, lab.info))
            labels.append(label)
        progress.update(done)
    if not inputs:
        raise CommandLineError(translate("cli", "None of the {0} image files in '{1}' could be read; check that "
                                                "they are pictures (PNG, JPEG, GIF, BMP or WebP).")
                               .format(folder.total, shown_value(folder.root)))
    return confusion_matrix(lab.model, np.stack(inputs), np.asarray(labels), lab.info.class_names)


def _names(names) -> str:
    shown = [shown_value(str(name), 20) for name in names]
    return ", ".join(shown if len(shown) <= 6 else shown[:5] + ["…"])


def _autoencoder(options: argparse.Namespace, out: str, size: tuple[int, int]) -> bool:
    from cli.explain.autoencoder import train_autoencoder
    from gui.snapshot import render_autoencoder_view

    trained = train_autoencoder(options)
    return render_autoencoder_view(trained.reconstructions, trained.loss_curve, trained.evaluation, trained.config,
                                   trained.layers, out, size)
