"""Where does the network get confused? A confusion matrix on held-out images, and its CSV.

`confusion_steps` classifies the images in batches (a generator: progress, a stop flag, and the
running matrix after every batch, so a view can fill it in while it counts) and ends with a
`Confusion`: counts[i, j] = held-out images of true class i predicted as class j, plus each
image's prediction, so `members(i, j)` answers "which 3s were read as 8s?".

`write_confusion_csv` writes the file `evaluate --confusion` promises, atomically (core.files): a
first row of exactly the class names, then one row per true class: its name, then how many of its images were predicted as each class.
A name that a spreadsheet would run as a formula (it starts with =, +, -, @ or a control
character) is written with a leading apostrophe, the usual guard against CSV formula injection.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Callable, Generator

import numpy as np
import torch
from torch import nn

from core.errors import ConfigError, GlassboxError, ModelError
from core.files import FileWriteError, atomic_write

CONFUSION_BATCH = 500
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")


@dataclass(frozen=True, eq=False)
class Confusion:
    """A confusion matrix: counts[true class, predicted class], and what each image was taken for."""

    class_names: tuple[str, ...]
    counts: np.ndarray  # (K, K) int64
    labels: np.ndarray  # (N,) int64: each image's true class (only the images counted so far)
    predictions: np.ndarray  # (N,) int64
    done: int  # images counted
    total: int  # images to count

    @property
    def complete(self) -> bool:
        return self.done == self.total

    @property
    def accuracy(self) -> float:
        """Share of the counted images classified right; 0.0 before any was counted."""
        counted = int(self.counts.sum())
        return float(np.trace(self.counts)) / counted if counted else 0.0

    def recall(self) -> np.ndarray:
        """Per true class, the share of its images predicted right (NaN for a class with no image)."""
        totals = self.counts.sum(axis=1)
        with np.errstate(invalid="ignore", divide="ignore"):
            return np.where(totals > 0, np.diag(self.counts) / np.maximum(totals, 1), np.nan)

    def members(self, true_class: int, predicted_class: int) -> np.ndarray:
        """Indices (into the images given) of the images of `true_class` that were predicted as `predicted_class`."""
        size = len(self.class_names)
        for value in (true_class, predicted_class):
            if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or not 0 <= int(value) < size:
                raise ConfigError("A cell of the confusion matrix is a pair of class numbers from 0 to {last}, "
                                  "not {value!r}.", last=size - 1, value=value)
        return np.flatnonzero((self.labels == true_class) & (self.predictions == predicted_class))

    def csv_text(self) -> str:
        return confusion_csv_text(self.class_names, self.counts)


def _frozen(array: np.ndarray) -> np.ndarray:
    copy = np.array(array, dtype=np.int64, copy=True)
    copy.setflags(write=False)
    return copy


def confusion_steps(model: nn.Module, images: torch.Tensor | np.ndarray, labels: Sequence[int] | np.ndarray,
                    class_names: Sequence[str], prepare: Callable[[torch.Tensor], torch.Tensor] | None = None,
                    batch_size: int = CONFUSION_BATCH, should_stop: Callable[[], bool] = lambda: False,
                    ) -> Generator[Confusion, None, Confusion | None]:
    """Classify N×C×H×W `images` batch by batch, yielding the running Confusion; the complete one at the end,
    or None if `should_stop()` ended it early. `prepare` makes stored images network inputs (ImageSet.inputs)."""
    names = tuple(str(name) for name in class_names)
    if len(names) < 2:
        raise ConfigError("A confusion matrix needs at least 2 classes, not {count}.", count=len(names))
    stored = images if isinstance(images, torch.Tensor) else torch.as_tensor(np.asarray(images))
    truth = np.asarray(labels, dtype=np.int64).reshape(-1)
    if stored.dim() != 4:
        raise ConfigError("The images must be N×C×H×W, not shape {shape}.", shape=tuple(stored.shape))
    if len(stored) != len(truth):
        raise ConfigError("There are {images} images but {labels} labels.", images=len(stored), labels=len(truth))
    if truth.size and not (0 <= truth.min() and truth.max() < len(names)):
        raise ConfigError("A label is outside the classes 0 to {last}.", last=len(names) - 1)
    prepare = prepare or (lambda batch: batch.float())
    parameter = next(model.parameters(), None)
    device = parameter.device if parameter is not None else torch.device("cpu")
    dtype = parameter.dtype if parameter is not None else torch.float32
    size, total = len(names), len(truth)
    counts = np.zeros((size, size), dtype=np.int64)
    predictions = np.empty(0, dtype=np.int64)

    def snapshot() -> Confusion:
        done = len(predictions)
        return Confusion(names, _frozen(counts), _frozen(truth[:done]), _frozen(predictions), done, total)

    was_training = model.training
    model.eval()
    try:
        with torch.no_grad():
            for start in range(0, total, max(1, int(batch_size))):
                if should_stop():
                    return None
                batch = prepare(stored[start:start + batch_size]).to(device=device, dtype=dtype)
                try:
                    logits = model(batch)
                except RuntimeError as error:
                    raise ModelError("The images do not fit this model: {error}", error=error) from None
                if logits.dim() != 2 or logits.shape[1] != size:
                    raise ModelError("The model outputs {outputs} scores but {count} class names were given.",
                                     outputs=logits.shape[-1], count=size)
                if not torch.isfinite(logits).all():
                    raise ModelError("The model gives numbers that are not finite for some images, so its weights "
                                     "are broken; choose another model or train it again.")
                predicted = logits.argmax(dim=1).cpu().numpy().astype(np.int64)
                np.add.at(counts, (truth[start:start + len(predicted)], predicted), 1)
                predictions = np.concatenate([predictions, predicted])
                yield snapshot()
    finally:
        model.train(was_training)
    return snapshot()


def confusion_matrix(model: nn.Module, images, labels, class_names: Sequence[str], prepare=None,
                     on_progress: Callable[[Confusion], None] | None = None) -> Confusion:
    """The complete Confusion (see confusion_steps)."""
    steps = confusion_steps(model, images, labels, class_names, prepare)
    while True:
        try:
            running = next(steps)
        except StopIteration as finished:
            return finished.value
        if on_progress is not None:
            on_progress(running)


def confusion_of_set(model: nn.Module, data, limit: int | None = None,
                     should_stop: Callable[[], bool] = lambda: False, batch_size: int = CONFUSION_BATCH,
                     ) -> Generator[Confusion, None, Confusion | None]:
    """confusion_steps over an ImageSet's held-out images (the first `limit` of them, if given); a smaller
    `batch_size` asks `should_stop` more often (the training worker counts between training steps)."""
    count = len(data.y_test) if limit is None else min(int(limit), len(data.y_test))
    if count == 0:
        raise ConfigError("{title} has no held-out images to count.", title=data.title)
    return confusion_steps(model, data.x_test[:count], data.y_test[:count].numpy(), data.class_names,
                           prepare=data.inputs, batch_size=batch_size, should_stop=should_stop)


def _cell(name: str) -> str:
    return "'" + name if name.startswith(FORMULA_STARTS) else name


def confusion_csv_text(class_names: Sequence[str], counts: np.ndarray) -> str:
    """The CSV text: a first row of exactly the class names, then one row per true class (its name, its counts).

    The header is one cell shorter than the rows, as the command line promises; pandas reads such a
    file with the true classes as its index, and csv.reader gives the names as row 0 unchanged.
    """
    names = [str(name) for name in class_names]
    matrix = np.asarray(counts)
    if matrix.shape != (len(names), len(names)) or not np.issubdtype(matrix.dtype, np.integer):
        raise ConfigError("A confusion matrix of {count} classes must be {count}×{count} whole numbers, "
                          "not shape {shape}.", count=len(names), shape=matrix.shape)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([_cell(name) for name in names])
    for name, row in zip(names, matrix):
        writer.writerow([_cell(name), *(int(value) for value in row)])
    return buffer.getvalue()


def write_confusion_csv(path: str | os.PathLike, class_names: Sequence[str], counts: np.ndarray,
                        error: type[GlassboxError] = FileWriteError) -> None:
    """Write the CSV to `path` whole, or leave the old file as it was (one `error` sentence on failure)."""
    atomic_write(path, confusion_csv_text(class_names, counts), error=error)
