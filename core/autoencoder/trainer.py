"""AutoencoderTrainer: trains an autoencoder live, step by step, like core.mlp.trainer and core.cnn.trainer.

`run(should_stop, max_steps)` is a generator of step records, so a worker trains a few steps,
reports and trains on, and the tests and the command line drive the same code. The loss is the
reconstruction loss: binary cross-entropy between the rebuilt pixels and the clean original
(pixels are 0..1, the decoder ends in a sigmoid). With a noise level, every training input gets
fresh Gaussian noise (clipped to 0..1) while the target stays clean: a denoising autoencoder.

The decoder's last bias starts at the logit of the mean training image, so an untrained network
already answers the mean image and training only improves on it. A step never leaves a
non-finite number behind: a loss or an updated weight that is not finite puts back the weights
of the step before and raises DivergedError, as the other trainers do.

The data are 28×28 images (pixels 0..1) with a fifth of each class held out (`autoencoder_data`);
`load_autoencoder_data` makes them from generated digits, MNIST, Fashion-MNIST or a photo folder.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from typing import Callable, Generator, Iterator, Sequence

import numpy as np
import torch
from torch.nn import functional as F

from core.autoencoder.model import DEFAULT_HIDDEN, PIXELS, SIDE, Autoencoder, check_shape
from core.device import describe_device, resolve_device
from core.errors import ConfigError, DatasetError, DivergedError, Phrase
from core.limits import BASE_BYTES, FLOAT, FLOPS_PER_SECOND, Estimate, require_fits
from core.optimizers import check_optimizer, make_optimizer

SOURCES = ("digits", "mnist", "fashion-mnist", "folder")
HELD_OUT_SHARE = 0.2
EVALUATION_EXAMPLES = 1000  # held-out images scored per evaluation and returned for the plane of codes
RECENT_STEPS = 50
MAX_CURVE = 1_000_000  # losses kept for the curve
TRAINING_THE_AUTOENCODER = Phrase("training the autoencoder")
# A folder's photos become MNIST-like digits: light ink on black, cut out and centred like core.cnn.analysis does.
FOLDER_PREPROCESSING = {"input_size": [SIDE, SIDE], "channels": 1, "mean": [0.0], "std": [1.0], "scale": 255,
                        "invert": True, "digit_box": 20, "centre_by_mass": True}


@dataclass(frozen=True)
class AutoencoderConfig:
    """The network's shape (bottleneck, hidden widths), the noise on its inputs, and how to train it."""

    bottleneck: int = 2
    hidden: tuple[int, ...] = DEFAULT_HIDDEN
    noise: float = 0.0  # standard deviation of the noise added to each input pixel (pixels are 0..1)
    optimizer: str = "adam"
    learning_rate: float = 3e-3  # measured (bench/autoencoder.py): 1e-3 and 1e-2 both rebuilt worse in 3,000 steps
    batch_size: int = 64
    device: str = "auto"
    seed: int = 0

    def validated(self) -> "AutoencoderConfig":
        check_shape(self.bottleneck, self.hidden)
        check_optimizer(self.optimizer)
        if not (isinstance(self.learning_rate, (int, float)) and not isinstance(self.learning_rate, bool)
                and math.isfinite(self.learning_rate) and 0 < self.learning_rate <= 10):
            raise ConfigError("The learning rate must be a number above 0 and at most 10, not {value!r}.",
                              value=self.learning_rate)
        if isinstance(self.batch_size, bool) or not isinstance(self.batch_size, int) or not 1 <= self.batch_size <= 4096:
            raise ConfigError("The batch size must be a whole number from 1 to 4096, not {value!r}.",
                              value=self.batch_size)
        if not (isinstance(self.noise, (int, float)) and not isinstance(self.noise, bool)
                and math.isfinite(self.noise) and 0 <= self.noise <= 1):
            raise ConfigError("The noise level must be a number from 0 to 1, not {value!r}.", value=self.noise)
        if isinstance(self.seed, bool) or not isinstance(self.seed, int) or not 0 <= self.seed < 2**63:
            raise ConfigError("The seed must be a whole number of 0 or more, not {value!r}.", value=self.seed)
        return replace(self, hidden=tuple(int(w) for w in self.hidden))


@dataclass(frozen=True)
class AutoencoderData:
    """28×28 images with pixels 0..1 (float32 N×28×28 tensors), split into training and held-out images."""

    title: str
    class_names: tuple[str, ...]
    x_train: torch.Tensor
    y_train: torch.Tensor  # int64 class indices
    x_test: torch.Tensor
    y_test: torch.Tensor


@dataclass(frozen=True)
class AutoencoderStep:
    step: int
    epoch: float
    loss: float  # the batch's reconstruction loss before the update


@dataclass(frozen=True)
class AutoencoderEvaluation:
    step: int
    train_loss: float  # mean over the last RECENT_STEPS batches; NaN before the first step
    test_loss: float  # reconstruction loss on the held-out images
    test_error: float  # mean squared error per pixel on the held-out images
    mean_image_error: float  # the same for answering the mean training image every time: what to beat
    mean_image_loss: float = math.nan  # the reconstruction loss (binary cross-entropy) of answering the mean image
    # Per class (by index; NaN for a class with no held-out image): test_error and mean_image_error over that
    # class's held-out images alone ("rebuild a 3 with 2 numbers" is judged on the 3s).
    class_errors: tuple[float, ...] = ()
    class_mean_image_errors: tuple[float, ...] = ()


@dataclass(frozen=True, eq=False)
class Reconstructions:
    """The held-out images, what the network was fed, what it rebuilt and their codes (read-only copies)."""

    step: int
    originals: np.ndarray  # N×28×28, pixels 0..1
    inputs: np.ndarray  # N×28×28 exactly as fed (the originals plus the noise)
    reconstructions: np.ndarray  # N×28×28
    codes: np.ndarray  # N×bottleneck, each number 0..1
    labels: np.ndarray  # N int64 class indices
    class_names: tuple[str, ...]

    def to_npz_dict(self, loss_curve: np.ndarray) -> dict[str, np.ndarray]:
        """The `export autoencoder` layout; loads back with np.load(allow_pickle=False)."""
        return {"inputs": self.inputs, "originals": self.originals, "reconstructions": self.reconstructions,
                "codes": self.codes, "labels": np.array([self.class_names[i] for i in self.labels], dtype=np.str_),
                "classes": np.array(self.class_names, dtype=np.str_),
                "loss_curve": np.asarray(loss_curve, dtype=np.float32)}


def _per_class(values: torch.Tensor, labels: torch.Tensor, classes: int) -> tuple[float, ...]:
    """The mean of `values` (one per image) over each class's images; NaN for a class with none."""
    values, labels = values.detach().to("cpu", torch.float64).numpy(), labels.numpy()
    counts = np.bincount(labels, minlength=classes)[:classes]
    sums = np.bincount(labels, weights=values, minlength=classes)[:classes]
    with np.errstate(invalid="ignore", divide="ignore"):
        return tuple(float(v) for v in np.where(counts > 0, sums / np.maximum(counts, 1), math.nan))


def _frozen(tensor: torch.Tensor, shape: tuple | None = None) -> np.ndarray:
    array = tensor.detach().to("cpu", torch.float32).numpy().copy()
    array = array.reshape(shape) if shape is not None else array
    array.setflags(write=False)
    return array


class AutoencoderTrainer:
    """One autoencoder, its optimizer and its data, on the chosen device."""

    loss_name = "binary_cross_entropy"

    def __init__(self, data: AutoencoderData, config: AutoencoderConfig = AutoencoderConfig()):
        self.config = config.validated()
        self.data = data
        if len(data.x_train) == 0:
            raise ConfigError("{title} has no training images.", title=data.title)
        if tuple(data.x_train.shape[1:]) != (SIDE, SIDE) or tuple(data.x_test.shape[1:]) != (SIDE, SIDE):
            raise DatasetError("The autoencoder takes 28×28 images, not {shape}.", shape=tuple(data.x_train.shape[1:]))
        self.device = resolve_device(self.config.device)
        self.device_name = describe_device(self.device)
        require_fits(self.estimate(), TRAINING_THE_AUTOENCODER)
        self._x_train = data.x_train.to(self.device, torch.float32).reshape(-1, PIXELS)
        count = min(EVALUATION_EXAMPLES, len(data.x_test))
        self._x_test = data.x_test[:count].to(self.device, torch.float32).reshape(-1, PIXELS)
        self._y_test = data.y_test[:count].to(torch.int64)
        self.reset()

    def estimate(self) -> Estimate:
        """Rough peak memory and time of a step (core.limits' units), for this shape and data."""
        c = self.config
        widths = (PIXELS, *c.hidden, c.bottleneck)
        weights = 2 * sum(a * b + b for a, b in zip(widths, widths[1:]))
        images = len(self.data.x_train) + len(self.data.x_test)
        memory = BASE_BYTES + 8 * weights * FLOAT + 2 * images * PIXELS * FLOAT + 6 * c.batch_size * sum(widths) * FLOAT
        return Estimate(weights, int(memory), 6 * c.batch_size * weights / FLOPS_PER_SECOND)

    # ----------------------------------------------------------------- state
    def reset(self) -> None:
        """Fresh weights from the seed (the decoder answering the mean image), a fresh optimizer, step 0."""
        c = self.config
        torch.manual_seed(c.seed)
        model = Autoencoder(c.bottleneck, c.hidden)
        mean = self._x_train.mean(dim=0).cpu().clamp(1e-3, 1 - 1e-3)
        with torch.no_grad():
            model.decoder[-2].bias.copy_(torch.log(mean / (1 - mean)))
        self.model = model.to(self.device).train()
        self.optimizer = make_optimizer(c.optimizer, self.model.parameters(), c.learning_rate)
        self._generator = torch.Generator().manual_seed(c.seed)
        self._order = torch.empty(0, dtype=torch.long)
        self._cursor = 0
        self.step_count = 0
        self._losses: list[float] = []
        self._snapshot = self._copy_state()

    def can_retune(self, config: AutoencoderConfig) -> bool:
        """True when only the noise, optimizer, learning rate or batch differ: the weights can stay."""
        return (config.bottleneck, tuple(config.hidden), config.device, config.seed) == (
            self.config.bottleneck, self.config.hidden, self.config.device, self.config.seed)

    def retune(self, config: AutoencoderConfig) -> None:
        """New noise, optimizer, learning rate or batch for the next steps; the weights and the step count stay."""
        config = config.validated()
        if not self.can_retune(config):
            raise ConfigError("A new bottleneck, shape, device or seed needs a new network; start training again.")
        self.config = config
        self.optimizer = make_optimizer(config.optimizer, self.model.parameters(), config.learning_rate)

    def _copy_state(self) -> dict:
        return {key: value.detach().clone() for key, value in self.model.state_dict().items()}

    def _roll_back(self, value: float) -> DivergedError:
        self.model.load_state_dict(self._snapshot)
        self.optimizer = make_optimizer(self.config.optimizer, self.model.parameters(), self.config.learning_rate)
        return DivergedError(self.step_count + 1, value)

    def weights_finite(self) -> bool:
        return all(bool(torch.isfinite(p).all()) for p in self.model.parameters())

    # ----------------------------------------------------------------- facts
    @property
    def n_train(self) -> int:
        return len(self._x_train)

    @property
    def epoch(self) -> float:
        return self.step_count * min(self.config.batch_size, self.n_train) / self.n_train

    @property
    def loss_curve(self) -> np.ndarray:
        """Every step's training loss so far (the first MAX_CURVE)."""
        return np.asarray(self._losses, dtype=np.float32)

    # ----------------------------------------------------------------- training
    def _noisy(self, x: torch.Tensor, generator: torch.Generator) -> torch.Tensor:
        if self.config.noise == 0:
            return x
        noise = torch.randn(x.shape, generator=generator).to(x.device, x.dtype)
        return (x + self.config.noise * noise).clamp(0.0, 1.0)

    def step(self) -> AutoencoderStep:
        """One optimizer step on the next batch; DivergedError (weights rolled back) if it went non-finite."""
        if self._cursor >= len(self._order):
            self._order = torch.randperm(self.n_train, generator=self._generator)
            self._cursor = 0
        batch = self._order[self._cursor:self._cursor + self.config.batch_size].to(self.device)
        self._cursor += self.config.batch_size
        clean = self._x_train[batch]
        self.model.train()
        rebuilt = self.model(self._noisy(clean, self._generator))
        if not bool(torch.isfinite(rebuilt).all()):  # binary cross-entropy refuses such numbers outright
            raise self._roll_back(math.nan)
        loss = F.binary_cross_entropy(rebuilt, clean)
        value = float(loss.detach())
        if not math.isfinite(value):
            raise self._roll_back(value)
        self.optimizer.zero_grad(set_to_none=True)
        loss.backward()
        self.optimizer.step()
        if not self.weights_finite():
            raise self._roll_back(math.inf)
        for key, saved in self._snapshot.items():
            saved.copy_(self.model.state_dict()[key])
        self.step_count += 1
        if len(self._losses) < MAX_CURVE:
            self._losses.append(value)
        return AutoencoderStep(self.step_count, self.epoch, value)

    def run(self, should_stop: Callable[[], bool] = lambda: False,
            max_steps: int | None = None) -> Iterator[AutoencoderStep]:
        """Train until `should_stop()` or `max_steps`; DivergedError ends it with the weights rolled back."""
        done = 0
        while (max_steps is None or done < max_steps) and not should_stop():
            yield self.step()
            done += 1

    @torch.no_grad()
    def _held_out(self) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor, torch.Tensor]:
        """The held-out originals, the inputs fed (the same noise every time), their codes and reconstructions."""
        was_training = self.model.training
        self.model.eval()
        try:
            inputs = self._noisy(self._x_test, torch.Generator().manual_seed(self.config.seed + 1))
            codes = self.model.encode(inputs)
            return self._x_test, inputs, codes, self.model.decode(codes)
        finally:
            self.model.train(was_training)

    def evaluate(self) -> AutoencoderEvaluation:
        recent = self._losses[-RECENT_STEPS:]
        train_loss = float(np.mean(recent)) if recent else math.nan
        if len(self._x_test) == 0:
            return AutoencoderEvaluation(self.step_count, train_loss, math.nan, math.nan, math.nan, math.nan)
        originals, _, _, rebuilt = self._held_out()
        with torch.no_grad():
            test_loss = float(F.binary_cross_entropy(rebuilt, originals)) if bool(torch.isfinite(rebuilt).all()) \
                else math.nan
            error = float(((rebuilt - originals) ** 2).mean())
            mean_image = self._x_train.mean(dim=0)
            baseline = float(((mean_image - originals) ** 2).mean())
            clamped = mean_image.clamp(1e-3, 1 - 1e-3)  # what reset() starts the decoder answering
            baseline_loss = float(F.binary_cross_entropy(clamped.expand_as(originals), originals))
            classes = len(self.data.class_names)
            by_class = _per_class(((rebuilt - originals) ** 2).mean(dim=1), self._y_test, classes)
            mean_by_class = _per_class(((mean_image - originals) ** 2).mean(dim=1), self._y_test, classes)
        return AutoencoderEvaluation(self.step_count, train_loss, test_loss, error, baseline, baseline_loss,
                                     by_class, mean_by_class)

    def reconstructions(self) -> Reconstructions:
        """The held-out images (up to EVALUATION_EXAMPLES) with their codes and reconstructions."""
        originals, inputs, codes, rebuilt = self._held_out()
        shape = (-1, SIDE, SIDE)
        labels = self._y_test.numpy().copy()
        labels.setflags(write=False)
        return Reconstructions(self.step_count, _frozen(originals, shape), _frozen(inputs, shape),
                               _frozen(rebuilt, shape), _frozen(codes), labels, self.data.class_names)

    @torch.no_grad()
    def decode(self, point: Sequence[float] | np.ndarray) -> np.ndarray:
        """The 28×28 image (pixels 0..1) the decoder makes of one code: a point of the plane of codes."""
        try:
            code = np.asarray(point, dtype=np.float64).reshape(-1)
        except (TypeError, ValueError):
            code = None
        if code is None or code.shape != (self.config.bottleneck,) or not np.isfinite(code).all():
            raise ConfigError("A code for this autoencoder is {count} finite numbers, not {value}.",
                              count=self.config.bottleneck, value=repr(point)[:60])
        was_training = self.model.training
        self.model.eval()
        try:
            image = self.model.decode(torch.as_tensor(code, dtype=torch.float32, device=self.device)[None])
        finally:
            self.model.train(was_training)
        return _frozen(image, (SIDE, SIDE))


# ============================================================================ data
def autoencoder_data(images: np.ndarray | torch.Tensor, labels: Sequence[int] | np.ndarray,
                     class_names: Sequence[str], title: str, seed: int = 0) -> AutoencoderData:
    """N 28×28 images (uint8 pixels, or floats 0..1; N×1×28×28 too) split with a fifth of each class held out."""
    x = torch.as_tensor(np.asarray(images)) if not isinstance(images, torch.Tensor) else images
    x = x.reshape(len(x), -1) if x.dim() >= 2 else x
    if x.dim() != 2 or x.shape[1] != PIXELS:
        raise DatasetError("The autoencoder takes 28×28 images, not {shape}.", shape=tuple(np.shape(images))[1:])
    x = x.to(torch.float32) / 255.0 if x.dtype == torch.uint8 else x.to(torch.float32)
    if not bool(torch.isfinite(x).all()) or (len(x) and (x.min() < 0 or x.max() > 1)):
        raise DatasetError("The images' pixels must be numbers from 0 to 1 (or bytes from 0 to 255).")
    y = np.asarray(labels, dtype=np.int64).reshape(-1)
    if len(y) != len(x) or len(x) < 2:
        raise DatasetError("The autoencoder needs at least 2 images, each with a class; got {images} images and "
                           "{labels} labels.", images=len(x), labels=len(y))
    rng = np.random.default_rng(seed)
    train, test = [], []
    for label in np.unique(y):
        members = rng.permutation(np.flatnonzero(y == label))
        held = max(1, round(len(members) * HELD_OUT_SHARE)) if len(members) >= 2 else 0
        test.extend(members[:held])
        train.extend(members[held:])
    train, test = np.sort(np.asarray(train, dtype=np.int64)), np.sort(np.asarray(test, dtype=np.int64))
    x = x.reshape(-1, SIDE, SIDE)
    return AutoencoderData(title if isinstance(title, str) else str(title), tuple(str(name) for name in class_names), x[train],
                           torch.from_numpy(y[train]), x[test], torch.from_numpy(y[test]))


def load_autoencoder_data(kind: str, path: str = "", should_stop: Callable[[], bool] = lambda: False,
                          cache_dir=None, seed: int = 0, limit: int | None = None,
                          ) -> Generator[object, None, AutoencoderData | None]:
    """Make the autoencoder's data from a source (SOURCES), yielding progress; None if stopped early.

    `limit` keeps the first images only (a quick lesson does not need all 70,000 of MNIST).
    """
    from core.cnn.image_sets import DataSource, load_image_set

    if kind not in SOURCES:
        raise DatasetError("The autoencoder cannot learn from {kind!r}; choose one of: {choices}.", kind=kind,
                           choices=", ".join(SOURCES))
    if kind == "folder":
        loaded = yield from _folder_digits(path, should_stop)
    else:
        image_set = yield from load_image_set(DataSource(kind), should_stop, cache_dir, seed)
        if image_set is None:
            return None
        loaded = (torch.cat([image_set.x_train, image_set.x_test]).reshape(-1, PIXELS),
                  torch.cat([image_set.y_train, image_set.y_test]).numpy(), image_set.class_names, image_set.title)
    if loaded is None:
        return None
    x, y, names, title = loaded
    if limit is not None:
        x, y = x[:int(limit)], y[:int(limit)]
    return autoencoder_data(x, y, names, title, seed)


def _folder_digits(path: str, should_stop):
    from core.cnn.analysis import prepare_input
    from core.cnn.image_sets import LoadProgress
    from core.data.image_folder import iter_images, scan_image_folder
    from core.nets.model_store import ModelInfo

    folder = scan_image_folder(path)
    info = ModelInfo(folder.root.name, "digits", folder.class_names, dict(FOLDER_PREPROCESSING))
    title = Phrase("the folder '{name}'", name=folder.root.name)
    inputs, labels = [], []
    for done, (_, label, image) in enumerate(iter_images(folder, max_side=512), start=1):
        if should_stop():
            return None
        if image is not None:
            inputs.append(np.clip(prepare_input(image, info)[0], 0.0, 1.0))
            labels.append(label)
        yield LoadProgress(done, folder.total, Phrase("reading the photos in {title}", title=title))
    if len(inputs) < 2:
        raise DatasetError("The folder '{folder}' has fewer than 2 readable images; add some pictures.",
                           folder=folder.root)
    return np.stack(inputs), np.asarray(labels), folder.class_names, title
