"""`export animation`: record what a view animates, drawn offscreen by the same views, as a GIF or an MP4.

    main.py export animation --view network [training options] [--example I] --out pass.gif
    main.py export animation --view training [training options] [--steps N] --out training.mp4
    main.py export animation --view landscape [--surface NAME --optimizers a,b --lr ...] --out race.gif
    main.py export animation --view kernel --image PATH [--kernel NAME --operation OP ...] --out kernel.mp4
    ... [--fps N] [--seconds S] [--size WxH] [--lang zh_CN]

The values are checked before anything is trained (a bad size, speed, length or file is one
`error:` line and exit status 2); the file appears whole when the last frame is written, or not
at all (Ctrl+C included). cli/parser.py adds these options to `export` (add_animation_options)
and cli/export.py hands `export animation` to `export_animation`.
"""

from __future__ import annotations

import argparse
import sys

from cli.errors import CommandLineError, say_line, shown_value
from cli.options import TRAINING, check_output_path
from cli.words import translate

ANIMATION_VIEWS = ("network", "training", "landscape", "kernel")
RECORDING = frozenset({"fps", "seconds", "size"})
KERNEL = frozenset({"image", "kernel", "operation", "grid", "padding", "stride"})
# What each view reads; any other option given is refused by name, never ignored.
USES = {
    "network": TRAINING | {"steps", "example"} | RECORDING,
    "training": TRAINING | {"steps"} | RECORDING,
    "landscape": frozenset({"surface", "optimizers", "start", "momentum", "lr", "steps"}) | RECORDING,
    "kernel": KERNEL | RECORDING,
}
ALWAYS = frozenset({"command", "what", "view", "out", "lang"})


def add_animation_options(parser: argparse.ArgumentParser) -> None:
    """The `export animation` options, as one group; an option the parser already has (--size, --stride on
    some commands) is left as it is and read from there."""
    from cli.parser import whole_number, finite_number

    group = parser.add_argument_group(translate("cli", "animation (export animation)"))
    taken = set(parser._option_string_actions)

    def add(flag: str, **keywords) -> None:
        if flag not in taken:
            group.add_argument(flag, **keywords)

    add("--view", default=None, help=translate(
        "cli", "what to record: network (one example's forward, loss, backward and update), training (the "
               "network, its boundary and the loss curves while it learns), landscape (the optimizer race on a "
               "--surface) or kernel (the kernel sliding over --image)"))
    add("--fps", type=whole_number, default=None,
        help=translate("cli", "frames per second (default 15 for a GIF, 25 for an MP4)"))
    add("--seconds", type=finite_number, default=None,
        help=translate("cli", "the animation's length in seconds, 1 to 120 (default 8)"))
    add("--size", default=None, help=translate("cli", "the frame size WIDTHxHEIGHT (default 960x540)"))
    add("--kernel", default=None, help=translate(
        "cli", "kernel: identity, box_blur, gaussian_blur, sharpen, sobel_x (the default), sobel_y, laplacian or "
               "emboss"))
    add("--operation", default=None, help=translate(
        "cli", "kernel: what to watch slide: convolution (the default), relu, max_pool or avg_pool"))
    add("--grid", type=whole_number, default=None,
        help=translate("cli", "kernel: the image is shrunk to this many pixels a side: 16, 32 (the default) or 64"))
    add("--padding", type=whole_number, default=None,
        help=translate("cli", "kernel: rings of zeros around the image, 0 to 3 (default 0)"))
    add("--stride", type=whole_number, default=None,
        help=translate("cli", "kernel: how far the window jumps, 1 to 4 (default 1)"))


def export_animation(options: argparse.Namespace) -> int:
    """Check every value, compute what the view shows (training, a race), record its frames, write the file."""
    from core.animation.settings import DEFAULT_FPS, DEFAULT_SECONDS, animation_format, check_animation

    view = _view(options)
    _refuse_unused(options, view)
    out = check_output_path(options.out)
    size = parse_animation_size(options.size)
    kind = animation_format(out)
    fps = DEFAULT_FPS[kind] if options.fps is None else options.fps
    seconds = DEFAULT_SECONDS if options.seconds is None else options.seconds
    check_animation(out, size, fps, seconds)  # before anything is trained or raced
    from cli.classroom.animation_views import SOURCES

    source = SOURCES[view](options, size, fps, seconds)
    try:
        record(source, out, size, fps, seconds)
    finally:
        source.close()
    say_line(out)
    return 0


def record(source, out: str, size: tuple[int, int], fps: int, seconds: float) -> None:
    """Every frame of `source` into `out`, with progress lines when slow; nothing is left at `out` unless the
    whole file was written (an error or Ctrl+C removes the part written)."""
    from core.animation.writer import estimate_animation, open_animation
    from cli.progress import Progress
    from gui.animation.sources import image_array

    estimate = estimate_animation(out, size, fps, seconds)
    progress = Progress(translate("cli", "recording: {0}/{1} frames ({2}%)"), source.frame_count, estimate.seconds)
    writer = open_animation(out, size, fps, seconds)
    try:
        for index in range(source.frame_count):
            writer.add(image_array(source.frame(index)))
            progress.update(index + 1)
        writer.finish()
    except BaseException:
        writer.abort()
        raise


def parse_animation_size(text: str | None) -> tuple[int, int]:
    """--size WIDTHxHEIGHT (default 960x540); its range is core.animation's, said by check_animation."""
    from core.animation.settings import DEFAULT_SIZE

    if text is None:
        return DEFAULT_SIZE
    try:
        width, height = (int(part) for part in text.strip().lower().split("x"))
    except ValueError:
        raise CommandLineError(translate("cli", "--size must look like 960x540, not '{0}'.").format(
            shown_value(text))) from None
    return width, height


def _view(options: argparse.Namespace) -> str:
    view = getattr(options, "view", None)
    if view is None:
        raise CommandLineError(translate("cli", "export animation needs --view: {0}.").format(
            ", ".join(ANIMATION_VIEWS)))
    view = view.strip().lower()
    if view not in ANIMATION_VIEWS:
        raise CommandLineError(translate("cli", "export animation records one of these views: {0}; not '{1}'.")
                               .format(", ".join(ANIMATION_VIEWS), shown_value(view)))
    return view


def _refuse_unused(options: argparse.Namespace, view: str) -> None:
    unused = [name for name in sorted(getattr(options, "given", ())) if name not in USES[view] | ALWAYS]
    if unused:
        flags = translate("cli", " and ").join("--" + name.replace("_", "-") for name in unused)
        raise CommandLineError(translate("cli", "{0} does not apply to {1}; leave it out.").format(
            flags, f"export animation --view {view}"))


def note(text: str) -> None:
    say_line(text, sys.stderr, "note: ")
