"""Score a stored model on a folder of labelled images (one subfolder per class).

Every image goes through `core.cnn.analysis.prepare_input`, exactly what the convolution lab
feeds the network for that image, so the score is the one a student would see by
loading the pictures one by one. Unreadable files are skipped and counted.

The work is a generator (`folder_evaluation_steps`) that yields the running result after each
batch, so a GUI can show progress and stop it; `evaluate_folder` runs it to the end.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator

import numpy as np
import torch
from torch import nn

from core.data.image_folder import ImageFolder, iter_images, scan_image_folder
from core.cnn.analysis import prepare_input
from core.nets.model_store import ModelInfo

BATCH_SIZE = 64


@dataclass(frozen=True)
class FolderEvaluation:
    """How many images of each class a model got right; a snapshot, complete when `done == total_files`."""

    class_names: tuple[str, ...]
    right: np.ndarray  # (classes,) int64: images of class i predicted as class i
    total: np.ndarray  # (classes,) int64: readable images of class i that were classified
    confusion: np.ndarray  # (classes, classes) int64: [true class, predicted class]
    skipped: tuple[tuple[Path, str], ...]  # unreadable files and why
    done: int  # files looked at so far, readable or not
    total_files: int

    @property
    def n_right(self) -> int:
        return int(self.right.sum())

    @property
    def n_total(self) -> int:
        return int(self.total.sum())

    @property
    def accuracy(self) -> float:
        """Right over classified; 0.0 when nothing could be classified."""
        return self.n_right / self.n_total if self.n_total else 0.0

    def class_accuracy(self, index: int) -> float | None:
        """Class `index`'s accuracy, or None when it had no readable image."""
        return float(self.right[index] / self.total[index]) if self.total[index] else None


def folder_evaluation_steps(model: nn.Module, info: ModelInfo, folder: ImageFolder | str | os.PathLike,
                     batch_size: int = BATCH_SIZE) -> Iterator[FolderEvaluation]:
    """Classify the folder batch by batch, yielding the running FolderEvaluation after each batch.

    A path is scanned against the model's class names first (DatasetError if the
    subfolders do not match). Stop early by simply not asking for the next result.
    """
    if not isinstance(folder, ImageFolder):
        folder = scan_image_folder(folder, info.class_names)
    elif tuple(folder.class_names) != tuple(info.class_names):
        folder = scan_image_folder(folder.root, info.class_names)
    k = len(info.class_names)
    confusion = np.zeros((k, k), dtype=np.int64)
    done, inputs, labels, yielded = 0, [], [], False
    total_files = folder.total

    def snapshot() -> FolderEvaluation:
        return FolderEvaluation(tuple(info.class_names), np.diag(confusion).copy(), confusion.sum(axis=1),
                          confusion.copy(), tuple(folder.skipped), done, total_files)

    for _, index, image in iter_images(folder):
        done += 1
        if image is not None:
            inputs.append(prepare_input(image, info))
            labels.append(index)
        if len(inputs) >= batch_size or (done == total_files and inputs):
            predicted = predict(model, np.stack(inputs))
            np.add.at(confusion, (np.asarray(labels), predicted), 1)
            inputs, labels, yielded = [], [], True
            yield snapshot()
    if not yielded:
        yield snapshot()  # every file was unreadable: still one (empty) result


def evaluate_folder(model: nn.Module, info: ModelInfo, folder: ImageFolder | str | os.PathLike,
                    batch_size: int = BATCH_SIZE,
                    on_progress: Callable[[FolderEvaluation], None] | None = None) -> FolderEvaluation:
    """The complete FolderEvaluation of `folder` (see folder_evaluation_steps)."""
    result = None
    for result in folder_evaluation_steps(model, info, folder, batch_size):
        if on_progress is not None:
            on_progress(result)
    return result


def predict(model: nn.Module, batch: np.ndarray) -> np.ndarray:
    """The top class of each N×C×H×W input, without gradients, in eval mode (the mode is restored)."""
    parameter = next(model.parameters(), None)
    device = parameter.device if parameter is not None else torch.device("cpu")
    dtype = parameter.dtype if parameter is not None else torch.float32
    was_training = model.training
    model.eval()
    try:
        with torch.no_grad():
            logits = model(torch.as_tensor(batch, device=device, dtype=dtype))
    finally:
        model.train(was_training)
    return logits.argmax(dim=1).cpu().numpy()
