"""`export saliency`, `export channel-images` and `export dream`: why a CNN said what it said, in numbers.

    main.py export saliency --image IMG --model NAME --method gradcam|gradient|occlusion [--target CLASS]
                            [--layer NAME] [--window N --stride N] --out s.npz
    main.py export channel-images --model NAME --data SET|--folder DIR --layer NAME --channel N --k 9 --out top.npz
    main.py export dream --model NAME --layer NAME --channel N --steps 200 --out dream.png

The image goes through core.cnn.analysis.prepare_input, exactly as the window feeds it, so the
npz's `input` is what the network saw. The computing functions here are shared with
`snapshot --view saliency|channel` (cli/explain/snapshots.py), which draws what they return.
"""

from __future__ import annotations

import argparse
import io

from cli.errors import say_line
from cli.explain.inputs import (Lab, channel_of, check_data_fits, check_dream_steps, check_k, check_seed,
                                data_source, default_data, gradcam_layer, load_held_out, occlusion_square, open_lab,
                                saliency_methods, target_class)
from cli.options import check_output_path, refuse_unused, write_output
from cli.words import translate


def run(options: argparse.Namespace) -> int:
    """The export named by options.what (one of cli.explain.parser.EXPLAIN_EXPORTS but the autoencoder)."""
    from cli.progress import one_torch_thread

    what = options.what
    refuse_unused(options, f"export {what}", f"export {what}")
    out = check_output_path(options.out)
    export = {"saliency": export_saliency, "channel-images": export_channel_images, "dream": export_dream}[what]
    with one_torch_thread():
        return export(options, out)


# ----------------------------------------------------------------------------- saliency
def saliency_inputs(options: argparse.Namespace, every: bool = False):
    """Everything a saliency map needs, checked: (lab, network input, methods, target, each method's settings)."""
    from cli.inputs import lab_inputs
    from core.cnn.analysis import prepare_input

    methods = saliency_methods(options, every)
    image, _ = lab_inputs(options)
    lab = open_lab(options)
    target = target_class(options.target, lab.info.class_names)
    settings = {}
    if "gradcam" in methods:
        settings["gradcam"] = {"layer": gradcam_layer(lab, options.layer)}
    if "occlusion" in methods:
        window, stride = occlusion_square(options, lab)
        settings["occlusion"] = {"window": window, "stride": stride}
    return lab, prepare_input(image, lab.info), methods, target, settings


def attributions(lab: Lab, network_input, methods, target, settings) -> dict:
    """method → core.cnn.attribution.Attribution for each of `methods`, through core's own `explain`."""
    from core.cnn.attribution import explain

    return {method: explain(method, lab.model, network_input, target, lab.info.class_names,
                            **settings.get(method, {}))
            for method in methods}


def export_saliency(options: argparse.Namespace, out: str) -> int:
    """One method's map for --image, in Attribution.to_npz_dict's layout, as an uncompressed .npz."""
    import numpy as np

    lab, network_input, methods, target, settings = saliency_inputs(options)
    (answer,) = attributions(lab, network_input, methods, target, settings).values()
    arrays = answer.to_npz_dict()
    write_output(out, lambda handle: np.savez(handle, **arrays))
    say_line(out)
    return 0


# ----------------------------------------------------------------------------- channels
def channel_images(lab: Lab, layer: str, channel: int, k: int, image_set):
    """core.cnn.channels.top_images over the held-out images of `image_set`, with progress when slow."""
    from cli.progress import Progress
    from core.cnn.channels import top_images

    count = len(image_set.x_test)
    progress = Progress(translate("cli", "searching the images: {0}/{1} ({2}%)"), count, count / 2000)
    return top_images(lab.model, layer, channel, image_set.x_test, k, image_set.y_test.numpy(),
                      prepare=image_set.inputs, on_progress=lambda update: progress.update(update.done))


def held_out_images(options: argparse.Namespace, lab: Lab):
    """The ImageSet of --data or --folder (the model's own generated set when neither is given), checked to fit."""
    source = data_source(options, default=default_data(lab))
    check_data_fits(source, lab)
    return load_held_out(source)


def export_channel_images(options: argparse.Namespace, out: str) -> int:
    import numpy as np

    lab = open_lab(options)
    layer, channel = channel_of(options, lab)
    k = check_k(options)
    top = channel_images(lab, layer, channel, k, held_out_images(options, lab))
    arrays = top.to_npz_dict()
    write_output(out, lambda handle: np.savez(handle, **arrays))
    say_line(out)
    return 0


def grow_dream(lab: Lab, layer: str, channel: int, steps: int, seed: int = 0, frames: list | None = None):
    """core.cnn.channels.dream for the channel, kept within the pixels a camera could give; progress when slow.

    Returns the last DreamFrame; every frame on the way is appended to `frames` when given (a view's curve)."""
    from cli.progress import Progress
    from core.cnn.analysis import preprocessing_of
    from core.cnn.channels import dream_steps, input_bounds

    p = preprocessing_of(lab.info)
    bounds = input_bounds(p.mean, p.std, lab.input_shape[0])
    pixels = lab.input_shape[1] * lab.input_shape[2]
    progress = Progress(translate("cli", "growing the image: {0}/{1} steps ({2}%)"), steps, steps * pixels / 2e5)
    growing = dream_steps(lab.model, layer, channel, lab.input_shape, steps, bounds=bounds, seed=seed)
    while True:
        try:
            frame = next(growing)
        except StopIteration as finished:
            return finished.value
        progress.update(frame.step)
        if frames is not None:
            frames.append(frame)


def dream_pixels(image, info):
    """A dream (C×H×W in the network's input units) as H×W or H×W×3 uint8 pixels: the normalisation undone."""
    import numpy as np

    from core.cnn.analysis import preprocessing_of

    p = preprocessing_of(info)
    channels = image.shape[0]
    mean = np.broadcast_to(np.asarray(p.mean, dtype=np.float32), (channels,)).reshape(-1, 1, 1)
    std = np.broadcast_to(np.asarray(p.std, dtype=np.float32), (channels,)).reshape(-1, 1, 1)
    pixels = np.clip(np.rint((image * std + mean) * 255.0), 0, 255).astype(np.uint8)
    return pixels[0] if channels == 1 else np.ascontiguousarray(pixels.transpose(1, 2, 0))


def png_of(pixels) -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.fromarray(pixels).save(buffer, format="PNG")
    return buffer.getvalue()


def export_dream(options: argparse.Namespace, out: str) -> int:
    """The grown image as a PNG at the network's input size; its channel's final activation on stdout."""
    lab = open_lab(options)
    layer, channel = channel_of(options, lab)
    steps = check_dream_steps(options.steps)
    frame = grow_dream(lab, layer, channel, steps, check_seed(options))
    write_output(out, png_of(dream_pixels(frame.image, lab.info)))
    say_line(out)
    say_line(f"activation={frame.activation:.6g}")
    return 0
