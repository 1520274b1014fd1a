"""Textbook loss surfaces f(x, y), and the paths torch.optim optimizers take across them.

The functions are written in torch so autograd gives their gradients. Each Surface
carries what a view needs to show it well: a formula to print, a range where its
interesting features are, a start point that tells a story, its known minima, and a
learning rate at which plain SGD neither crawls nor explodes from that start.
`surface_grid` evaluates one over a rectangle for a heatmap or a 3-D mesh;
`optimizer_path` and `race` record where the optimizers of core.optimizers go.
"""

from __future__ import annotations

import math
import numbers
from dataclasses import dataclass, field
from typing import Callable, Sequence

import numpy as np
import torch

from core.errors import ConfigError
from core.optimizers import OPTIMIZERS, check_optimizer, make_optimizer

Point = tuple[float, float]
MAX_RESOLUTION = 2001  # 4 million points: far more than a screen shows, still fits in memory
MAX_COORDINATE = 1e6  # beyond this an optimizer has run away, so a start there is refused
KAPPA_RANGE = (1.0, 1000.0)


@dataclass(frozen=True)
class Surface:
    """One analytic function of two variables and how to show it."""

    name: str
    title: str
    formula: str
    function: Callable[[torch.Tensor, torch.Tensor], torch.Tensor]  # broadcasts over tensors
    x_range: Point
    y_range: Point
    start: Point
    minima: tuple[Point, ...]
    lr: float  # a learning rate that shows plain SGD making steady progress from `start`
    note: str  # the lesson this surface teaches, in one sentence
    saddle_points: tuple[Point, ...] = ()
    params: dict[str, float] = field(default_factory=dict)

    def __call__(self, x: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
        return self.function(x, y)

    def value(self, x: float, y: float) -> float:
        """f(x, y) as a float (float64 arithmetic)."""
        return float(self.function(torch.tensor(float(x), dtype=torch.float64),
                                   torch.tensor(float(y), dtype=torch.float64)))

    def gradient(self, x: float, y: float) -> Point:
        """(∂f/∂x, ∂f/∂y) at one point, by autograd."""
        point = torch.tensor([float(x), float(y)], dtype=torch.float64, requires_grad=True)
        self.function(point[0], point[1]).backward()
        gx, gy = point.grad.tolist()
        return gx, gy


# ----------------------------------------------------------------------------- the functions
def _rosenbrock(x, y):
    return (1 - x) ** 2 + 100 * (y - x**2) ** 2


def _himmelblau(x, y):
    return (x**2 + y - 11) ** 2 + (x + y**2 - 7) ** 2


def _saddle(x, y):
    return x**2 - y**2


def _beale(x, y):
    return (1.5 - x + x * y) ** 2 + (2.25 - x + x * y**2) ** 2 + (2.625 - x + x * y**3) ** 2


def _camel(x, y):
    return (4 - 2.1 * x**2 + x**4 / 3) * x**2 + x * y + (-4 + 4 * y**2) * y**2


# The plateau surface: a Gaussian trench of width PLATEAU_WIDTH along y = 0, whose floor
# slopes gently down to the minimum at (PLATEAU_MIN_X, 0). Off the trench the loss is
# 1 and the gradient is exponentially small (≈1e-4 at |y| = 1, ≈1e-13 at |y| = 2), so
# plain SGD stands still there, while Adam, which divides by the gradient's size, walks off.
PLATEAU_WIDTH = 0.25
PLATEAU_SLOPE_SCALE = 2.0
PLATEAU_MIN_X = 2.0


def _plateau(x, y):
    trench = torch.exp(-(y**2) / (2 * PLATEAU_WIDTH**2))
    floor = torch.exp(-((x - PLATEAU_MIN_X) ** 2) / (2 * PLATEAU_SLOPE_SCALE**2))
    return 1 - trench * floor


def _bowl(kappa: float = 10.0) -> Surface:
    if (not isinstance(kappa, numbers.Real) or isinstance(kappa, bool) or not math.isfinite(kappa)
            or not KAPPA_RANGE[0] <= kappa <= KAPPA_RANGE[1]):
        raise ConfigError(
            "The condition number must be a number between 1 and 1000, not {kappa!r}.",
            kappa=kappa,
        )
    kappa = float(kappa)
    return Surface(
        name="bowl",
        title=f"Convex bowl (κ = {kappa:g})",
        formula=f"f = ½(x² + {kappa:g}·y²)",
        function=lambda x, y: 0.5 * (x**2 + kappa * y**2),
        x_range=(-2.5, 2.5),
        y_range=(-2.5, 2.5),
        start=(-2.0, 1.5),
        minima=((0.0, 0.0),),
        # SGD is stable below 2/κ along y; 1.3/κ overshoots across the steep direction (a
        # zigzag) while creeping along the shallow one, and Nesterov (stable below ≈1.36/κ
        # at momentum 0.9) still converges.
        lr=1.3 / max(kappa, 2.0),
        note="The condition number κ stretches the bowl; SGD zigzags across it and momentum smooths the zigzag.",
        params={"kappa": kappa},
    )


_CAMEL_GLOBAL = (0.089842013100, -0.712656403021)
_HIMMELBLAU_MINIMA = ((3.0, 2.0), (-2.805118086953, 3.131312518250),
                      (-3.779310253378, -3.283185991286), (3.584428340330, -1.848126526964))

_FIXED = {
    "rosenbrock": Surface(
        name="rosenbrock", title="Rosenbrock", formula="f = (1−x)² + 100(y−x²)²", function=_rosenbrock,
        x_range=(-2.0, 2.0), y_range=(-1.0, 3.0), start=(-1.5, 2.0), minima=((1.0, 1.0),), lr=5e-4,
        note="A curved, nearly flat valley: finding it is easy, following it to (1, 1) is slow.",
    ),
    "himmelblau": Surface(
        name="himmelblau", title="Himmelblau", formula="f = (x²+y−11)² + (x+y²−7)²", function=_himmelblau,
        x_range=(-5.0, 5.0), y_range=(-5.0, 5.0), start=(0.0, -1.0), minima=_HIMMELBLAU_MINIMA, lr=0.01,
        note="Four minima of equal depth: where you start and how you step decide which one you reach.",
    ),
    "saddle": Surface(
        name="saddle", title="Saddle", formula="f = x² − y²", function=_saddle,
        x_range=(-2.0, 2.0), y_range=(-2.0, 2.0), start=(-1.8, 1e-3), minima=(), lr=0.05,
        saddle_points=((0.0, 0.0),),
        note="Downhill in x leads to a point that is uphill nowhere and downhill only in y: a saddle.",
    ),
    "beale": Surface(
        name="beale", title="Beale", formula="f = (1.5−x+xy)² + (2.25−x+xy²)² + (2.625−x+xy³)²",
        function=_beale, x_range=(-4.5, 4.5), y_range=(-4.5, 4.5), start=(1.0, 1.5), minima=((3.0, 0.5),),
        lr=1e-3, note="Steep walls and flat arms: step sizes that suit one region fail in another.",
    ),
    "camel": Surface(
        name="camel", title="Six-hump camel", formula="f = (4 − 2.1x² + x⁴/3)x² + xy + (4y² − 4)y²",
        function=_camel, x_range=(-2.0, 2.0), y_range=(-1.0, 1.0), start=(-1.5, -0.9),
        minima=(_CAMEL_GLOBAL, (-_CAMEL_GLOBAL[0], -_CAMEL_GLOBAL[1]),
                (-1.703606715, 0.796083569), (1.703606715, -0.796083569),
                (-1.607104753, -0.568651455), (1.607104753, 0.568651455)),
        lr=0.01, note="Six minima, two of them global: a local minimum is a real trap for gradient descent.",
    ),
    "plateau": Surface(
        name="plateau", title="Plateau and narrow valley",
        formula="f = 1 − exp(−y²/(2·0.25²))·exp(−(x−2)²/(2·2²))", function=_plateau,
        x_range=(-4.0, 4.0), y_range=(-3.0, 3.0), start=(-3.0, 1.0), minima=((PLATEAU_MIN_X, 0.0),), lr=0.05,
        note="On the plateau the gradient is almost zero, so SGD stalls; Adam rescales it and finds the valley.",
    ),
}

_FACTORIES: dict[str, Callable[..., Surface]] = {"bowl": _bowl, **{name: (lambda s=s: s) for name, s in _FIXED.items()}}

# name → the surface with its default parameters (titles, formulas and ranges for a menu)
SURFACES: dict[str, Surface] = {name: factory() for name, factory in _FACTORIES.items()}


def surface(name: str, **params: float) -> Surface:
    """The named surface; only the bowl takes a parameter, `kappa` (its condition number)."""
    if name not in _FACTORIES:
        raise ConfigError(
            "Unknown surface '{name}'; choose one of: {choices}.",
            name=name, choices=", ".join(SURFACES),
        )
    try:
        return _FACTORIES[name](**params)
    except TypeError:
        allowed = ", ".join(SURFACES[name].params) or "none"
        raise ConfigError(
            "The {name} surface takes no parameter {params}; its parameters are: {allowed}.",
            name=name, params=", ".join(params), allowed=allowed,
        ) from None


# ----------------------------------------------------------------------------- grids and input checks
def check_resolution(resolution: int, low: int = 3, high: int = MAX_RESOLUTION) -> int:
    if (not isinstance(resolution, numbers.Integral) or isinstance(resolution, bool)
            or not low <= resolution <= high):
        raise ConfigError("The resolution must be a whole number of at least {low} and at most {high}, "
                          "not {resolution!r}.", low=low, high=high, resolution=resolution)
    return int(resolution)


def check_range(what: str, limits: Point) -> Point:
    """A (low, high) pair of finite numbers with low < high."""
    try:
        low, high = (float(value) for value in limits)
    except (TypeError, ValueError):
        raise ConfigError(
            "The {what} range must be two numbers, low then high, not {limits!r}.",
            what=what, limits=limits,
        ) from None
    if not (math.isfinite(low) and math.isfinite(high) and low < high):
        raise ConfigError(
            "The {what} range must be two finite numbers with low below high, not {limits!r}.",
            what=what, limits=limits,
        )
    return low, high


def check_start(start) -> Point:
    """Two finite numbers within ±1,000,000: a start point an optimizer can leave from."""
    try:
        x, y = (float(value) for value in start)
    except (TypeError, ValueError):
        raise ConfigError(
            "The start point must be two numbers such as -1,1, not {start!r}.",
            start=start,
        ) from None
    if not all(math.isfinite(value) and abs(value) <= MAX_COORDINATE for value in (x, y)):
        raise ConfigError(
            "The start point must be two finite numbers between -1000000 and 1000000, not {start!r}.",
            start=start,
        )
    return x, y


def parse_start(text: str) -> Point:
    """'-1,1' → (-1.0, 1.0), as --start and the start field take it."""
    parts = str(text).strip().strip("()").split(",")
    try:
        if len(parts) != 2:
            raise ValueError
        point = tuple(float(part) for part in parts)
    except ValueError:
        raise ConfigError(
            "The start point must be two numbers separated by a comma, such as -1,1, not '{text}'.",
            text=text,
        ) \
            from None
    return check_start(point)


def surface_grid(
    surface: Surface, resolution: int, x_range: Point | None = None, y_range: Point | None = None
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The surface sampled on a resolution×resolution grid: (x, y, loss) with loss[j, i] = f(x[i], y[j]).

    Rows follow y and columns follow x, the layout of an image whose vertical axis is y.
    """
    resolution = check_resolution(resolution)
    x_low, x_high = check_range("x", x_range if x_range is not None else surface.x_range)
    y_low, y_high = check_range("y", y_range if y_range is not None else surface.y_range)
    x = np.linspace(x_low, x_high, resolution)
    y = np.linspace(y_low, y_high, resolution)
    with torch.no_grad():
        grid_x, grid_y = torch.meshgrid(torch.from_numpy(x), torch.from_numpy(y), indexing="xy")
        loss = surface(grid_x, grid_y).numpy().copy()
    return x, y, loss


# ----------------------------------------------------------------------------- optimizer paths
MAX_STEPS = 100_000
DIVERGED_COORDINATE = 1e6  # past this, a path has flown off any plot: call it diverged
DIVERGED_LOSS = 1e12
# Where each optimizer keeps the velocity a momentum arrow shows. SGD with momentum and
# Nesterov step by −lr·buffer; Adam and AdamW keep exp_avg, the running mean of gradients.
# SGD, AdaGrad and RMSProp (without momentum) have none.
MOMENTUM_STATE = {"momentum": "momentum_buffer", "nesterov": "momentum_buffer",
                  "adam": "exp_avg", "adamw": "exp_avg"}


@dataclass(frozen=True)
class OptimizerPath:
    """Where one optimizer went on a surface: n = steps + 1 points, start included.

    When the optimizer diverged, the arrays hold only the finite points before it and
    `diverged_at` is the step whose values were non-finite or huge.
    """

    optimizer: str
    lr: float
    positions: np.ndarray  # (n, 2) x, y
    loss: np.ndarray  # (n,) f at each position
    gradient: np.ndarray  # (n, 2) ∇f at each position
    momentum: np.ndarray | None  # (n, 2) the momentum / first-moment buffer carried into each point; None if none
    diverged_at: int | None = None

    @property
    def steps(self) -> int:
        """Steps actually taken (fewer than asked when it diverged)."""
        return len(self.positions) - 1


Path = OptimizerPath  # the name the first design used; OptimizerPath does not shadow pathlib.Path


def check_lr(lr: float) -> float:
    if not isinstance(lr, numbers.Real) or isinstance(lr, bool) or not math.isfinite(lr) or lr <= 0:
        raise ConfigError("The learning rate must be a finite number above 0, not {lr!r}.", lr=lr)
    return float(lr)


def check_steps(steps: int, high: int = MAX_STEPS) -> int:
    if not isinstance(steps, numbers.Integral) or isinstance(steps, bool) or not 0 <= steps <= high:
        raise ConfigError(
            "The number of steps must be a whole number between 0 and {high}, not {steps!r}.",
            high=high, steps=steps,
        )
    return int(steps)


def check_momentum(momentum: float, optimizer_names: Sequence[str] = ()) -> float:
    if (not isinstance(momentum, numbers.Real) or isinstance(momentum, bool) or not math.isfinite(momentum)
            or not 0.0 <= momentum <= 0.999):
        raise ConfigError(
            "The momentum must be a number between 0 and 0.999, not {momentum!r}.",
            momentum=momentum,
        )
    if momentum == 0 and "nesterov" in optimizer_names:  # torch.optim refuses Nesterov without momentum
        raise ConfigError("Nesterov needs a momentum above 0; raise the momentum or leave Nesterov out.")
    return float(momentum)


def _finite_point(values: Sequence[float], position: Sequence[float], loss: float) -> bool:
    return (all(math.isfinite(value) for value in values)
            and all(abs(value) <= DIVERGED_COORDINATE for value in position) and abs(loss) <= DIVERGED_LOSS)


def optimizer_path(
    surface: Surface, optimizer_name: str, lr: float, steps: int, start: Point | None = None, momentum: float = 0.9
) -> OptimizerPath:
    """Run a torch.optim optimizer (built by core.optimizers) on the 2-element parameter (x, y).

    Never raises for a run that goes wrong: a path that diverges stops at its last finite
    point, so a view can draw it flying off and say so.
    """
    check_optimizer(optimizer_name)
    lr, steps = check_lr(lr), check_steps(steps)
    momentum = check_momentum(momentum, (optimizer_name,))
    start = check_start(surface.start if start is None else start)
    point = torch.tensor(start, dtype=torch.float64, requires_grad=True)
    optimizer = make_optimizer(optimizer_name, [point], lr, momentum)
    buffer_key = MOMENTUM_STATE.get(optimizer_name)
    positions, losses, gradients, buffers = [], [], [], []
    diverged_at = None
    for step in range(steps + 1):
        optimizer.zero_grad(set_to_none=True)
        loss = surface(point[0], point[1])
        loss.backward()
        # Plain Python floats: one conversion per tensor, and cheap finiteness checks.
        position, gradient, value = point.tolist(), point.grad.tolist(), loss.item()
        buffer = optimizer.state[point].get(buffer_key) if buffer_key else None
        buffer = buffer.tolist() if buffer is not None else [0.0, 0.0]  # nothing carried before step 1
        if step > 0 and not _finite_point(position + gradient + buffer + [value], position, value):
            diverged_at = step
            break
        positions.append(position)
        gradients.append(gradient)
        losses.append(value)
        buffers.append(buffer)
        if step < steps:
            optimizer.step()
    return OptimizerPath(
        optimizer=optimizer_name,
        lr=lr,
        positions=np.array(positions, dtype=np.float64).reshape(-1, 2),
        loss=np.array(losses, dtype=np.float64),
        gradient=np.array(gradients, dtype=np.float64).reshape(-1, 2),
        momentum=np.array(buffers, dtype=np.float64).reshape(-1, 2) if buffer_key else None,
        diverged_at=diverged_at,
    )


def race(
    surface: Surface, optimizer_names: Sequence[str], lr: float, steps: int, start: Point | None = None,
    momentum: float = 0.9,
) -> dict[str, OptimizerPath]:
    """The same start, learning rate and step count for each optimizer: name → OptimizerPath, in the order given."""
    if isinstance(optimizer_names, str):
        optimizer_names = optimizer_names.split(",")
    names = list(dict.fromkeys(name.strip() for name in optimizer_names if name.strip()))
    if not names:
        raise ConfigError(
            "Choose at least one optimizer to race, from: {choices}.",
            choices=", ".join(OPTIMIZERS),
        )
    for name in names:
        check_optimizer(name)
    check_momentum(momentum, names)
    return {name: optimizer_path(surface, name, lr, steps, start, momentum) for name in names}


# ----------------------------------------------------------------------------- export
def surface_npz(
    surface: Surface, path: OptimizerPath, resolution: int = 101, x_range: Point | None = None,
    y_range: Point | None = None,
) -> dict[str, np.ndarray]:
    """The arrays `export landscape --surface` writes: x, y, loss (len(y)×len(x)), path, path_loss."""
    x, y, loss = surface_grid(surface, resolution, x_range, y_range)
    return {"x": x, "y": y, "loss": loss, "path": path.positions, "path_loss": path.loss}


def save_npz(target, arrays: dict[str, np.ndarray]) -> None:
    """Write export arrays to a .npz file: a binary file object, or a path written whole or not at all
    (core.files.atomic_output: the old file stays as it was if the write fails; FileWriteError, one sentence)."""
    import os

    from core.files import atomic_output

    if isinstance(target, (str, os.PathLike)):
        with atomic_output(target) as stream:
            np.savez(stream, **arrays)
    else:
        np.savez(target, **arrays)
