"""Checked inputs of issue 13's commands: the model, the class, the layer and channel, and the held-out images.

Every value is checked before anything heavy runs, and a bad one is one sentence that names its
option and says what it takes: the layers a model has, its classes, the channels of a layer.
A data set that is not downloaded is refused with how to get it; nothing is ever downloaded here.
"""

from __future__ import annotations

import argparse
import os
from dataclasses import dataclass

from cli.errors import CommandLineError, shown_value
from cli.words import translate

DATA_KINDS = ("digits", "shapes", "mnist", "fashion-mnist", "cifar10")
DEFAULT_K = 9


@dataclass(frozen=True)
class Lab:
    """A stored CNN, opened: the network, its description and the shape of one input (C, H, W)."""

    model: object  # torch.nn.Sequential
    info: object  # core.nets.model_store.ModelInfo
    input_shape: tuple[int, int, int]


def open_lab(options: argparse.Namespace) -> Lab:
    """The --model (checked by name first), opened."""
    from cli.inputs import model_name
    from core.cnn.analysis import open_model
    from core.nets.cnn import cnn_spec

    model, info = open_model(model_name(options), options.models_dir)
    return Lab(model, info, tuple(cnn_spec(info.architecture).input_shape))


def input_shape_text(shape) -> str:
    return "×".join(str(value) for value in shape)


def saliency_methods(options: argparse.Namespace, every: bool) -> tuple[str, ...]:
    """The --method asked for; with `every` (snapshot) all three when none is given."""
    from core.cnn.attribution import METHODS

    if options.method is None:
        if every:
            return METHODS
        raise CommandLineError(translate("cli", "export saliency needs --method: one of {0}.")
                               .format(", ".join(METHODS)))
    method = options.method.strip().lower()
    if method not in METHODS:
        raise CommandLineError(translate("cli", "Unknown --method '{0}'; choose one of: {1}.")
                               .format(shown_value(options.method), ", ".join(METHODS)))
    if method != "occlusion":
        given = [flag for flag in ("window", "stride") if getattr(options, flag) is not None]
        if given:
            raise CommandLineError(translate("cli", "{0} applies only to --method occlusion, not to {1}.").format(
                translate("cli", " and ").join("--" + flag for flag in given), method))
    if method != "gradcam" and options.layer is not None:
        raise CommandLineError(translate("cli", "--layer applies only to --method gradcam, not to {0}.")
                               .format(method))
    return (method,)


def target_class(text: str | None, class_names) -> int | None:
    """--target as a class index: a class name, else a class number; None (the predicted class) when not given."""
    if text is None:
        return None
    names = [str(name) for name in class_names]
    wanted = text.strip()
    if wanted in names:
        return names.index(wanted)
    folded = [name.casefold() for name in names]
    if wanted.casefold() in folded:
        return folded.index(wanted.casefold())
    try:
        index = int(wanted)
    except ValueError:
        index = None
    if index is not None and 0 <= index < len(names):
        return index
    raise CommandLineError(translate("cli", "Unknown class '{0}' for --target; give a class name ({1}) or a "
                                            "number from 0 to {2}.").format(
        shown_value(text), ", ".join(shown_value(name, 20) for name in names), len(names) - 1))


def gradcam_layer(lab: Lab, name: str | None) -> str:
    """--layer for Grad-CAM: one whose output is a stack of maps (the last convolution when not given)."""
    from core.cnn.attribution import default_layer, spatial_layers

    if name is None:
        return default_layer(lab.model)
    layers = spatial_layers(lab.model, lab.input_shape)
    if name.strip() not in layers:
        raise CommandLineError(translate("cli", "Grad-CAM needs a layer that outputs maps; choose --layer from: "
                                                "{0} (not '{1}').").format(", ".join(layers), shown_value(name)))
    return name.strip()


def occlusion_square(options: argparse.Namespace, lab: Lab) -> tuple[int, int]:
    """--window and --stride, checked against the network's input size."""
    from core.cnn.attribution import DEFAULT_STRIDE, DEFAULT_WINDOW

    side = min(lab.input_shape[1:])
    window = DEFAULT_WINDOW if options.window is None else options.window
    if not 1 <= window <= side:
        raise CommandLineError(translate("cli", "--window must be from 1 to {0} pixels (the network sees {1} "
                                                "images), not {2}.").format(side, input_shape_text(lab.input_shape),
                                                                           window))
    stride = min(DEFAULT_STRIDE, window) if options.stride is None else options.stride
    if not 1 <= stride <= window:
        raise CommandLineError(translate("cli", "--stride must be from 1 to the window ({0} pixels), so that every "
                                                "pixel is covered; not {1}.").format(window, stride))
    return window, stride


def channel_of(options: argparse.Namespace, lab: Lab) -> tuple[str, int]:
    """(--layer, --channel), checked: a layer of the model (the last convolution when not given) and one of its
    channels (0 when not given)."""
    from core.cnn.attribution import default_layer
    from core.nets.cnn import layer_shapes

    shapes = dict(layer_shapes(lab.model, lab.input_shape))
    layer = default_layer(lab.model) if options.layer is None else options.layer.strip()
    if layer not in shapes:
        raise CommandLineError(translate("cli", "The model '{0}' has no layer '{1}'; choose --layer from: {2}.")
                               .format(lab.info.name, shown_value(options.layer), ", ".join(shapes)))
    count = shapes[layer][0]
    channel = 0 if options.channel is None else options.channel
    if not 0 <= channel < count:
        raise CommandLineError(translate("cli", "--channel must be from 0 to {0} (layer {1} has {2} channels), "
                                                "not {3}.").format(count - 1, layer, count, channel))
    return layer, channel


def check_k(options: argparse.Namespace) -> int:
    from core.cnn.channels import MAX_K

    k = DEFAULT_K if options.k is None else options.k
    if not 1 <= k <= MAX_K:
        raise CommandLineError(translate("cli", "--k must be from 1 to {0}, not {1}.").format(MAX_K, k))
    return k


def check_dream_steps(steps: int) -> int:
    from core.cnn.channels import MAX_DREAM_STEPS

    if not 1 <= steps <= MAX_DREAM_STEPS:
        raise CommandLineError(translate("cli", "--steps must be from 1 to {0} for a dream, not {1}.")
                               .format(f"{MAX_DREAM_STEPS:,}", steps))
    return steps


def check_seed(options: argparse.Namespace) -> int:
    seed = getattr(options, "seed", 0)  # a training option: absent unless given
    if not 0 <= seed < 2**63:
        raise CommandLineError(translate("cli", "--seed must be a whole number from 0 to {0}, not {1}.")
                               .format(2**63 - 1, seed))
    return seed


def data_source(options: argparse.Namespace, kinds=DATA_KINDS, default: str | None = None):
    """--data or --folder as a core DataSource (`default` when neither is given); a set that needs downloading
    must be in the cache already."""
    from core.cnn.image_sets import DataSource

    if options.data is not None and options.folder is not None:
        raise CommandLineError(translate("cli", "Give --data or --folder, not both."))
    if options.folder is not None:
        from cli.evaluate import check_path

        path = check_path("--folder", options.folder)
        if not os.path.isdir(path):
            raise CommandLineError(translate("cli", "--folder '{0}' is not a folder; give a folder with one "
                                                    "subfolder of images per class.").format(shown_value(path)))
        return DataSource("folder", path)
    kind = (options.data or default or "").strip().lower()
    if kind not in kinds:
        if options.data is None:
            raise CommandLineError(translate("cli", "This command needs --data ({0}) or --folder DIR.")
                                   .format(", ".join(kinds)))
        raise CommandLineError(translate("cli", "Unknown --data '{0}'; choose one of: {1} (or --folder DIR).")
                               .format(shown_value(options.data), ", ".join(kinds)))
    source = DataSource(kind)
    if source.needs_download:
        from core.data.downloads import dataset_dir, dataset_source, is_downloaded

        if not is_downloaded(kind):
            raise CommandLineError(translate(
                "cli", "{0} is not in the cache ({1}); download it once in the window (Convolution tab, Train on: "
                       "{0}), then run this again.").format(dataset_source(kind).title, shown_value(dataset_dir(kind))))
    return source


def default_data(lab: Lab) -> str | None:
    """The generated set the model's architecture learned from, if there is one."""
    return {"digits": "digits", "shapes": "shapes"}.get(lab.info.architecture)


def check_data_fits(source, lab: Lab) -> None:
    """Refuse, before loading, images of another shape than the network takes."""
    from core.cnn.image_sets import DOWNLOADED, GENERATED
    from core.nets.cnn import cnn_spec

    architecture = (GENERATED | DOWNLOADED)[source.kind][1] if source.kind != "folder" else "shapes"
    shape = tuple(cnn_spec(architecture).input_shape)
    if shape != lab.input_shape:
        what = source.kind if source.kind != "folder" else translate("cli", "a folder's photos")
        raise CommandLineError(translate("cli", "The model '{0}' takes {1} images, but {2} are {3}; choose a model "
                                                "and images that fit.").format(
            lab.info.name, input_shape_text(lab.input_shape), what, input_shape_text(shape)))


def load_held_out(source, seed: int = 0):
    """The ImageSet of `source` (its held-out images are what the channel and confusion commands look at), with
    progress lines on stderr when it is slow."""
    from core.cnn.image_sets import load_image_set

    steps = load_image_set(source, seed=seed)
    progress = None
    while True:
        try:
            update = next(steps)
        except StopIteration as finished:
            return finished.value
        progress = progress or loading_progress(source.kind, update.total)
        progress.update(update.done)


def loading_progress(kind: str, total: int):
    """Progress lines for loading `total` images of `kind`, shown when it is slow: drawing 1,500 generated
    images takes about a second, a photo about 20 ms, and reading a downloaded set (total 1) seconds."""
    from cli.progress import Progress
    from core.cnn.image_sets import GENERATED_SIZES

    if kind in GENERATED_SIZES:
        seconds = sum(GENERATED_SIZES[kind]) / 1500
    else:
        seconds = total * 0.02 if kind == "folder" else 60.0
    return Progress(translate("cli", "loading the images: {0}/{1} ({2}%)"), total, seconds)
