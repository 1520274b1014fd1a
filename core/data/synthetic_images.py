"""Image sets the project draws itself: handwriting-like digits and coloured shapes.

The built-in CNNs train on these, so the app ships working models without downloading
anything. Everything is seeded numpy + Pillow; the same seed gives the same pixels.

Digits are drawn as pen strokes, not fonts: each digit has several ways people write it
(a 7 with or without a bar, an open or closed 4, ...). Each sample is warped like a real
hand would do it (jittered control points, elastic wobble, slant, rotation, stroke
width, size, position, blur), then size-normalised and centred by its centre of mass
as MNIST does, so a model trained here also reads real handwriting. System fonts are left
out on purpose: the training set would then depend on which fonts a machine has installed,
and re-running the training script must reproduce the shipped weights.
"""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

from core.errors import DatasetError

DIGIT_CLASSES = tuple("0123456789")
SHAPE_CLASSES = ("circle", "square", "triangle", "star", "house", "tree")
DIGIT_SIZE = 28
SHAPE_SIZE = 64
_SUPER = 4  # draw digits 4x larger, then average down: anti-aliased strokes like a scan


def _ell(cx, cy, rx, ry, a0, a1, n=11):
    """Points on an ellipse from angle a0 to a1 in degrees (0 = right, 90 = down: image y grows downward)."""
    a = np.radians(np.linspace(a0, a1, n))
    return [(cx + rx * np.cos(t), cy + ry * np.sin(t)) for t in a]


# Each style is a list of strokes; a stroke is ("s", control points) for a smooth spline
# or ("p", corners) for straight segments. Coordinates: x right, y down, height about 1.
_DIGIT_STYLES = {
    0: [
        [("s", _ell(0.3, 0.5, 0.3, 0.5, -90, 270, 13))],
        [("s", _ell(0.32, 0.5, 0.3, 0.5, -80, 300, 14))],  # overshoots at the top
        [("s", _ell(0.22, 0.5, 0.22, 0.5, -100, 260, 13))],  # narrow
    ],
    1: [
        [("p", [(0.5, 0.0), (0.5, 1.0)])],
        [("p", [(0.22, 0.22), (0.5, 0.0), (0.5, 1.0)])],  # with a flag
        [("p", [(0.25, 0.2), (0.5, 0.0), (0.5, 1.0)]), ("p", [(0.25, 1.0), (0.75, 1.0)])],  # flag and base
        [("p", [(0.2, 0.35), (0.5, 0.0), (0.5, 1.0)])],  # long flag, steep so it never reads as a 7
        [("s", [(0.1, 0.3), (0.3, 0.18), (0.5, 0.0)]), ("p", [(0.5, 0.0), (0.48, 1.0)]),
         ("p", [(0.2, 1.0), (0.8, 1.0)])],
    ],
    2: [
        [("s", [(0.05, 0.25), (0.3, 0.02), (0.62, 0.05), (0.72, 0.3), (0.5, 0.62), (0.0, 1.0)]),
         ("p", [(0.0, 1.0), (0.8, 1.0)])],
        [("s", [(0.05, 0.22), (0.32, 0.0), (0.65, 0.08), (0.68, 0.35), (0.35, 0.72), (0.08, 0.98),
                (0.05, 0.84), (0.22, 0.82), (0.45, 0.96), (0.8, 0.98)])],  # curly loop at the base
        [("s", [(0.0, 0.2), (0.35, 0.0), (0.7, 0.15), (0.6, 0.45)]),
         ("p", [(0.6, 0.45), (0.05, 1.0), (0.75, 0.95)])],
        [("s", [(0.1, 0.2), (0.35, 0.0), (0.6, 0.1), (0.55, 0.4), (0.3, 0.75), (0.12, 1.0)]),
         ("p", [(0.12, 1.0), (0.75, 1.0)])],  # a small hook and a steep neck
    ],
    3: [
        [("s", [(0.05, 0.12), (0.35, 0.0), (0.65, 0.1), (0.62, 0.35), (0.3, 0.48)]),
         ("s", [(0.3, 0.48), (0.68, 0.6), (0.7, 0.86), (0.38, 1.0), (0.0, 0.88)])],
        [("p", [(0.05, 0.0), (0.7, 0.0), (0.3, 0.42)]),  # flat top
         ("s", [(0.3, 0.42), (0.68, 0.57), (0.72, 0.84), (0.4, 1.0), (0.0, 0.88)])],
    ],
    4: [
        [("p", [(0.55, 0.0), (0.0, 0.68), (0.78, 0.68)]), ("p", [(0.55, 0.0), (0.55, 1.0)])],  # closed
        [("p", [(0.08, 0.0), (0.0, 0.6), (0.75, 0.6)]), ("p", [(0.56, 0.15), (0.56, 1.0)])],  # open
        [("p", [(0.15, 0.0), (0.02, 0.55), (0.72, 0.55)]), ("p", [(0.6, 0.0), (0.58, 1.0)])],
        [("s", [(0.05, 0.0), (0.02, 0.42), (0.15, 0.6), (0.5, 0.62), (0.85, 0.6)]),
         ("p", [(0.6, 0.05), (0.6, 1.0)])],  # a rounded corner and a long crossbar
    ],
    5: [
        [("p", [(0.72, 0.0), (0.12, 0.0), (0.06, 0.45)]),
         ("s", [(0.06, 0.45), (0.4, 0.37), (0.7, 0.55), (0.68, 0.86), (0.38, 1.0), (0.0, 0.9)])],
        [("p", [(0.14, 0.02), (0.06, 0.46)]), ("p", [(0.14, 0.02), (0.75, 0.0)]),
         ("s", [(0.06, 0.46), (0.45, 0.4), (0.72, 0.62), (0.6, 0.92), (0.25, 1.0), (0.0, 0.88)])],
    ],
    6: [
        [("s", [(0.65, 0.0), (0.3, 0.2), (0.06, 0.58), (0.1, 0.9), (0.35, 1.0), (0.6, 0.88),
                (0.62, 0.62), (0.35, 0.52), (0.08, 0.68)])],
        [("s", [(0.5, 0.0), (0.2, 0.35), (0.08, 0.75), (0.3, 1.0), (0.58, 0.85), (0.5, 0.58),
                (0.2, 0.62)])],
    ],
    7: [
        [("p", [(0.0, 0.0), (0.7, 0.0), (0.25, 1.0)])],
        [("p", [(0.0, 0.0), (0.7, 0.0), (0.25, 1.0)]), ("p", [(0.22, 0.5), (0.7, 0.5)])],  # crossed
        [("p", [(0.0, 0.08), (0.0, 0.0), (0.7, 0.0)]), ("s", [(0.7, 0.0), (0.48, 0.4), (0.35, 1.0)])],
        [("p", [(0.0, 0.18), (0.0, 0.0), (0.72, 0.0), (0.3, 1.0)]), ("p", [(0.2, 0.52), (0.65, 0.48)])],
    ],
    8: [
        [("s", [(0.62, 0.12), (0.35, 0.0), (0.1, 0.14), (0.2, 0.38), (0.5, 0.56), (0.65, 0.8),
                (0.35, 1.0), (0.05, 0.8), (0.2, 0.56), (0.5, 0.38), (0.6, 0.15), (0.4, 0.0)])],
        [("s", _ell(0.35, 0.24, 0.25, 0.24, 90, 450, 11)), ("s", _ell(0.35, 0.74, 0.3, 0.26, -90, 270, 11))],
    ],
    9: [
        [("s", _ell(0.3, 0.27, 0.3, 0.27, 0, 360, 12)), ("p", [(0.6, 0.27), (0.6, 1.0)])],
        [("s", _ell(0.3, 0.27, 0.3, 0.27, 0, 360, 12)), ("s", [(0.6, 0.27), (0.58, 0.7), (0.42, 1.0)])],
        [("s", [(0.62, 0.12)] + _ell(0.32, 0.27, 0.3, 0.26, -30, 340, 11)[1:] + [(0.62, 0.6), (0.55, 1.0)])],
        [("s", _ell(0.3, 0.27, 0.3, 0.27, 0, 360, 12)),  # the tail curls back to the left
         ("s", [(0.6, 0.27), (0.6, 0.7), (0.45, 0.95), (0.2, 1.0), (0.05, 0.9)])],
        [("s", [(0.6, 0.1), (0.35, 0.0), (0.05, 0.18), (0.12, 0.45), (0.4, 0.5), (0.6, 0.35)]),
         ("p", [(0.62, 0.0), (0.6, 1.0)])],  # an open loop, then a separate stem
    ],
}


def _spline(points: np.ndarray, per_segment: int = 8) -> np.ndarray:
    """A Catmull-Rom curve through the control points (smooth, and it passes through each one)."""
    p = np.vstack([2 * points[0] - points[1], points, 2 * points[-1] - points[-2]])
    t = np.linspace(0, 1, per_segment, endpoint=False)[None, :, None]
    p0, p1, p2, p3 = (p[i:len(p) - 3 + i, None, :] for i in range(4))
    curve = 0.5 * (2 * p1 + (p2 - p0) * t + (2 * p0 - 5 * p1 + 4 * p2 - p3) * t**2
                   + (3 * p1 - p0 - 3 * p2 + p3) * t**3)
    return np.vstack([curve.reshape(-1, 2), points[-1:]])


def _densify(points: np.ndarray, per_segment: int = 8) -> np.ndarray:
    """Straight segments cut into short pieces, so the elastic warp can bend them."""
    t = np.linspace(0, 1, per_segment, endpoint=False)[None, :, None]
    pieces = points[:-1, None, :] + (points[1:, None, :] - points[:-1, None, :]) * t
    return np.vstack([pieces.reshape(-1, 2), points[-1:]])


def _wobble(rng: np.random.Generator, amplitude: float, frequency: float):
    """A smooth random displacement field: a sum of a few plane waves, like a hand's drift."""
    k = rng.normal(0, frequency, (3, 2))
    phase = rng.uniform(0, 2 * np.pi, (3, 2))
    amp = rng.normal(0, amplitude, (3, 2))

    def field(p: np.ndarray) -> np.ndarray:
        arg = 2 * np.pi * (p @ k.T)  # (n, 3)
        return p + np.stack([(amp[:, d] * np.sin(arg + phase[:, d])).sum(1) for d in (0, 1)], axis=1)

    return field


def _digit_strokes(digit: int, rng: np.random.Generator, wild: float = 1.0) -> list[np.ndarray]:
    """One hand-drawn version of `digit` as dense polylines in template units; `wild` scales the distortions."""
    styles = _DIGIT_STYLES[digit]
    style = styles[rng.integers(len(styles))]
    jitter = _wobble(rng, 0.05 * wild, 1.2)  # moves control points: shared corners move together
    elastic = _wobble(rng, 0.02 * wild, 2.5)  # bends the finished curve
    strokes = []
    for kind, points in style:
        control = jitter(np.asarray(points, dtype=float))
        line = _spline(control) if kind == "s" else _densify(control)
        strokes.append(elastic(line))
    # Slant, rotation and squash: the affine part of a writer's habits.
    angle = np.radians(rng.uniform(-15, 15) * wild)
    shear = rng.uniform(-0.4, 0.3) * wild  # negative leans the top to the right, which is more common
    sx = 1 + (rng.uniform(0.7, 1.5) - 1) * wild
    rot = np.array([[np.cos(angle), -np.sin(angle)], [np.sin(angle), np.cos(angle)]])
    matrix = rot @ np.array([[sx, shear], [0.0, 1.0]])
    return [line @ matrix.T for line in strokes]


def _layout_digit(digit: int, rng: np.random.Generator, neat: bool = False) -> tuple[list[np.ndarray], float]:
    """Strokes in 28x28 pixel coordinates, fitted into a 20x20 box and centred by ink mass like MNIST."""
    strokes = _digit_strokes(digit, rng, wild=0.3 if neat else 1.0)
    width = rng.uniform(1.4, 4.2)  # pen width in output pixels
    if neat:
        width = 2.2
    allp = np.vstack(strokes)
    lo, hi = allp.min(0), allp.max(0)
    box = rng.uniform(16.0, 21.0) - width  # MNIST fits the ink into 20x20; vary it a little
    scale = box / max(hi - lo)
    # Centre of ink mass: midpoints of the segments weighted by their length (the pen width is constant).
    mids = np.vstack([(s[1:] + s[:-1]) / 2 for s in strokes])
    lengths = np.concatenate([np.linalg.norm(np.diff(s, axis=0), axis=1) for s in strokes]) + 1e-9
    com = (mids * lengths[:, None]).sum(0) / lengths.sum()
    target = DIGIT_SIZE / 2 + np.clip(rng.normal(0, 0.7, 2), -2, 2)
    offset = target - (com - lo) * scale
    margin = width / 2 + 0.5  # keep the whole stroke on the canvas
    offset = np.clip(offset, margin, DIGIT_SIZE - margin - (hi - lo) * scale)
    return [(stroke - lo) * scale + offset for stroke in strokes], width


def _draw_strokes(strokes: list[np.ndarray], width: float, size: int) -> Image.Image:
    """White strokes on black at `size` pixels (coordinates are in the 28-pixel frame), anti-aliased."""
    zoom = size / DIGIT_SIZE * _SUPER
    big = Image.new("L", (size * _SUPER,) * 2, 0)
    draw = ImageDraw.Draw(big)
    pen = max(1, int(round(width * zoom)))
    r = pen / 2
    for stroke in strokes:
        pts = stroke * zoom
        draw.line([tuple(p) for p in pts], fill=255, width=pen, joint="curve")
        for x, y in (pts[0], pts[-1]):  # round pen tips
            draw.ellipse((x - r, y - r, x + r, y + r), fill=255)
    return big.resize((size, size), Image.BOX)


def draw_digit(digit: int, seed: int, size: int = 112) -> np.ndarray:
    """A clean digit (no blur or noise), white on black, as uint8 (size, size): for samples and pictures."""
    strokes, width = _layout_digit(digit, np.random.default_rng(seed), neat=True)
    return np.asarray(_draw_strokes(strokes, width, size), dtype=np.uint8)


def render_digit(digit: int, rng: np.random.Generator) -> np.ndarray:
    """One 28x28 uint8 training digit, white on black, MNIST-like, with blur and noise augmentations."""
    strokes, width = _layout_digit(digit, rng)
    img = _draw_strokes(strokes, width, DIGIT_SIZE)
    blur = rng.random()
    if blur < 0.3:  # a low-resolution capture (webcam, thumbnail): detail lost, then scaled back up
        low = int(rng.integers(11, 19))
        img = img.resize((low, low), Image.BOX).resize((DIGIT_SIZE, DIGIT_SIZE), Image.BILINEAR)
    elif blur < 0.75:  # out of focus, or a soft pencil
        img = img.filter(ImageFilter.GaussianBlur(rng.uniform(0.3, 1.2)))
    x = np.asarray(img, dtype=np.float32)
    x *= rng.uniform(0.8, 1.0) * 255 / max(x.max(), 1)  # ink is not always full white
    if rng.random() < 0.2:  # a little sensor or paper noise
        x += np.abs(rng.normal(0, rng.uniform(2, 12), x.shape))
    return np.clip(x, 0, 255).astype(np.uint8)


def _checked(n, seed) -> tuple[int, int]:
    """A whole count and a non-negative seed, or one DatasetError sentence (numpy would raise ValueError)."""
    whole = (int, np.integer)
    if isinstance(n, bool) or not isinstance(n, whole) or n < 0 or isinstance(seed, bool) \
            or not isinstance(seed, whole) or not 0 <= seed < 2**63:
        raise DatasetError("Generated images need a whole number of images and a seed from 0 to {max_seed}, "
                           "not {n} and {seed}.", max_seed=2**63 - 1, n=str(n)[:20], seed=str(seed)[:40])
    return int(n), int(seed)


def _balanced_labels(n: int, k: int, rng: np.random.Generator) -> np.ndarray:
    return rng.permutation(np.arange(n) % k).astype(np.int64)


def make_digits(n: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """n handwriting-like digits: x uint8 (n, 28, 28) white on black, y int64 in 0..9, balanced."""
    n, seed = _checked(n, seed)
    rng = np.random.default_rng(seed)
    y = _balanced_labels(n, 10, rng)
    x = np.empty((n, DIGIT_SIZE, DIGIT_SIZE), dtype=np.uint8)
    for i, digit in enumerate(y):
        x[i] = render_digit(int(digit), rng)
    return x, y


# ---- coloured shapes -------------------------------------------------------------------

def _polygon(n: int, radius: float = 1.0, start: float = -90.0) -> np.ndarray:
    a = np.radians(start + 360.0 * np.arange(n) / n)
    return radius * np.stack([np.cos(a), np.sin(a)], axis=1)


def _star(inner: float) -> np.ndarray:
    outer = _polygon(5)
    inner_pts = _polygon(5, inner, start=-90 + 36)
    return np.stack([outer, inner_pts], axis=1).reshape(-1, 2)


def object_parts(label: int, rng: np.random.Generator) -> list[tuple[np.ndarray, str]]:
    """Polygons in unit coordinates (about -1..1) with a colour role: 'main', 'detail' or 'trunk'."""
    name = SHAPE_CLASSES[label]
    if name == "circle":
        return [(_polygon(40) * [rng.uniform(0.85, 1.15), 1.0], "main")]
    if name == "square":
        return [(_polygon(4, start=45) / np.sqrt(0.5) * 0.8 * [rng.uniform(0.85, 1.15), 1.0], "main")]
    if name == "triangle":
        corners = _polygon(3) + rng.normal(0, 0.12, (3, 2))
        return [(corners, "main")]
    if name == "star":
        return [(_star(rng.uniform(0.35, 0.5)), "main")]
    if name == "house":
        roof = np.array([[-0.95, -0.15], [0.95, -0.15], [0.0, -rng.uniform(0.75, 1.0)]])
        body = np.array([[-0.7, -0.15], [0.7, -0.15], [0.7, 0.9], [-0.7, 0.9]])
        dx = rng.uniform(-0.4, 0.25)
        door = np.array([[dx, 0.35], [dx + 0.28, 0.35], [dx + 0.28, 0.9], [dx, 0.9]])
        parts = [(body, "main"), (roof, "trunk" if rng.random() < 0.5 else "main"), (door, "detail")]
        return parts
    # tree: a trunk under a round crown or a pine's stacked triangles
    trunk = np.array([[-0.13, 0.2], [0.13, 0.2], [0.13, 1.0], [-0.13, 1.0]])
    if rng.random() < 0.5:
        return [(trunk, "trunk"), (_polygon(30, 0.62) + [0.0, -0.3], "main")]
    layers = [np.array([[-w, y + 0.45], [w, y + 0.45], [0.0, y - 0.35]]) for w, y in ((0.8, 0.0), (0.62, -0.35), (0.45, -0.62))]
    return [(trunk, "trunk")] + [(layer, "main") for layer in layers]


def _luminance(rgb) -> float:
    return float(np.dot(rgb, [0.299, 0.587, 0.114]))


def _background(rng: np.random.Generator, size: int) -> np.ndarray:
    """Plain, gradient, blotchy noise or a faint texture, as float RGB (size, size, 3)."""
    c0, c1 = rng.uniform(0, 255, (2, 3))
    kind = rng.integers(4)
    if kind == 0:
        return np.broadcast_to(c0, (size, size, 3)).astype(np.float32)
    yy, xx = np.mgrid[0:size, 0:size] / (size - 1)
    if kind == 1:
        a = rng.uniform(0, 2 * np.pi)
        t = (np.cos(a) * (xx - 0.5) + np.sin(a) * (yy - 0.5)) * np.sqrt(2) + 0.5
        return (c0 + (c1 - c0) * t[..., None]).astype(np.float32)
    if kind == 2:
        blotch = rng.uniform(0, 1, (6, 6)).astype(np.float32)
        t = np.asarray(Image.fromarray(blotch).resize((size, size), Image.BICUBIC))
        return (c0 + (c1 - c0) * 0.6 * np.clip(t, 0, 1)[..., None]).astype(np.float32)
    period = rng.uniform(4, 12)
    a = rng.uniform(0, np.pi)
    waves = np.sin(2 * np.pi * (np.cos(a) * xx + np.sin(a) * yy) * size / period)
    return (c0 + (c1 - c0) * 0.25 * (waves[..., None] > 0)).astype(np.float32)


def _contrasting_colour(rng: np.random.Generator, against: float) -> tuple[int, int, int]:
    """A random colour whose brightness differs clearly from `against`, so the object stays visible."""
    for _ in range(20):
        c = rng.uniform(0, 255, 3)
        if abs(_luminance(c) - against) > 60:
            break
    return tuple(int(v) for v in c)


def render_shape(label: int, rng: np.random.Generator, size: int = SHAPE_SIZE,
                 clutter: bool = True) -> np.ndarray:
    """One RGB uint8 image (size, size, 3) with one object of class `label` on a busy background."""
    sup = 2  # draw at twice the size and average down, for smooth edges
    canvas = size * sup
    background = _background(rng, canvas)
    img = Image.fromarray(np.clip(background, 0, 255).astype(np.uint8))
    draw = ImageDraw.Draw(img)
    mean_lum = _luminance(background.reshape(-1, 3).mean(0))
    if clutter:  # distractors drawn behind the object: thin lines, specks, arcs
        for _ in range(rng.integers(0, 4)):
            colour = tuple(int(v) for v in rng.uniform(0, 255, 3))
            p = rng.uniform(0, canvas, 4)
            kind = rng.integers(3)
            if kind == 0:
                draw.line(tuple(p), fill=colour, width=int(rng.integers(1, 4)))
            elif kind == 1:
                r = rng.uniform(1, 4)
                draw.ellipse((p[0] - r, p[1] - r, p[0] + r, p[1] + r), fill=colour)
            else:
                box = (min(p[0], p[2]), min(p[1], p[3]), max(p[0], p[2]) + 2, max(p[1], p[3]) + 2)
                start = rng.uniform(0, 360)  # at most half a turn, so it never reads as a ring
                draw.arc(box, start, start + rng.uniform(30, 180), fill=colour, width=2)
    radius = rng.uniform(0.22, 0.42) * canvas
    centre = rng.uniform(radius * 0.9, canvas - radius * 0.9, 2)
    upright = SHAPE_CLASSES[label] in ("house", "tree")  # people draw these standing up
    angle = np.radians(rng.uniform(-20, 20) if upright else rng.uniform(0, 360))
    rot = np.array([[np.cos(angle), -np.sin(angle)], [np.sin(angle), np.cos(angle)]])
    colours = {role: _contrasting_colour(rng, mean_lum) for role in ("main", "detail", "trunk")}
    if SHAPE_CLASSES[label] == "tree" and rng.random() < 0.6:
        colours["main"] = (int(rng.uniform(0, 90)), int(rng.uniform(110, 230)), int(rng.uniform(0, 90)))
    outline = rng.random() < 0.2
    for points, role in object_parts(label, rng):
        pts = [tuple(p) for p in points @ rot.T * radius + centre]
        if outline:
            draw.polygon(pts, outline=colours[role], width=int(rng.integers(2, 6)))
        else:
            draw.polygon(pts, fill=colours[role])
    small = np.asarray(img.resize((size, size), Image.BOX), dtype=np.float32)
    small = small + rng.normal(0, rng.uniform(0, 8), small.shape)
    return np.clip(small, 0, 255).astype(np.uint8)


def make_shapes(n: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """n shape images: x uint8 (n, 64, 64, 3) RGB, y int64 indexes into SHAPE_CLASSES, balanced."""
    n, seed = _checked(n, seed)
    rng = np.random.default_rng(seed)
    y = _balanced_labels(n, len(SHAPE_CLASSES), rng)
    x = np.empty((n, SHAPE_SIZE, SHAPE_SIZE, 3), dtype=np.uint8)
    for i, label in enumerate(y):
        x[i] = render_shape(int(label), rng)
    return x, y
