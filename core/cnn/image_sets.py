"""The image sets a CNN can be trained on in the app, each made ready for one architecture.

Five kinds of source, one result (`ImageSet`):

- "digits" and "shapes": pictures the project draws itself (core.data.synthetic_images),
  the very kind the shipped models learned from, so they work offline;
- "mnist", "fashion-mnist" and "cifar10": the classic sets, from the download cache
  (core.data.downloads);
- "folder": a class's own photos, one subfolder per class (core.data.image_folder).
  Every photo goes through core.cnn.analysis.prepare_input, the path the convolution lab uses
  for any image, so a model trained here sees photos exactly as the lab shows them.

Loading is a generator (DESIGN.md habit 3): it yields `LoadProgress`, checks
`should_stop()` and returns the ImageSet, so the worker shows a progress bar and can
cancel a folder of a thousand photos. A downloaded set is read in one go by
core.data.downloads (a CIFAR archive takes seconds), so that read runs in a daemon thread
the generator can walk away from: Cancel and closing the window never wait for it. Images are kept as uint8 where the source is
uint8 (60,000 MNIST digits take 47 MB instead of 188) and normalised per batch.
"""

from __future__ import annotations

import math
import os
import queue
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Generator

import numpy as np
import torch

from core.data.downloads import dataset_source, is_downloaded, load_dataset
from core.data.image_folder import iter_images, scan_image_folder
from core.data.synthetic_images import DIGIT_CLASSES, SHAPE_CLASSES, make_digits, make_shapes
from core.errors import DatasetError, Phrase
from core.cnn.analysis import prepare_input
from core.nets.cnn import MAX_CLASSES
from core.nets.model_store import ModelInfo

# How the shipped models' inputs are prepared (their JSON says the same; scripts/train_models.py
# writes these very dicts). MNIST's digits are white ink on black in a 20×20 box centred by mass.
DIGITS_PREPROCESSING = {
    "input_size": [28, 28], "channels": 1, "mean": [0.1307], "std": [0.3081], "scale": 255,
    "invert": True, "digit_box": 20, "centre_by_mass": True,
}
SHAPES_PREPROCESSING = {
    "input_size": [64, 64], "channels": 3, "mean": [0.5, 0.5, 0.5], "std": [0.25, 0.25, 0.25],
    "scale": 255, "invert": False,
}
# Fashion-MNIST: light garments on black, filling the frame, so a photo of a shirt on a
# light table is inverted and letterboxed rather than cut out like a digit.
FASHION_PREPROCESSING = {
    "input_size": [28, 28], "channels": 1, "mean": [0.2860], "std": [0.3530], "scale": 255, "invert": True,
}
# CIFAR-10's published channel means and standard deviations.
CIFAR_PREPROCESSING = {
    "input_size": [32, 32], "channels": 3, "mean": [0.4914, 0.4822, 0.4465], "std": [0.2470, 0.2435, 0.2616],
    "scale": 255, "invert": False,
}

GENERATED_SIZES = {"digits": (3000, 600), "shapes": (1500, 300)}  # (train, test): a few seconds to draw
GENERATED_CHUNK = 150  # images drawn between two progress reports
FOLDER_TEST_SHARE = 0.2  # a fifth of each class's photos is held out, when it has at least two
FOLDER_MAX_SIDE = 512  # photos are decoded at most this large: the network sees 64×64 anyway
POLL_S = 0.1  # how often a read in the background looks at `should_stop`


@dataclass(frozen=True)
class DataSource:
    """What to train on: a kind and, for a folder, its path."""

    kind: str  # "digits", "shapes", "mnist", "fashion-mnist", "cifar10" or "folder"
    path: str = ""

    @property
    def needs_download(self) -> bool:
        return self.kind in DOWNLOADED


# kind -> (what a person reads, a Phrase the GUI translates; architecture; preprocessing;
#          the shipped model to start from)
GENERATED = {
    "digits": (Phrase("generated digits"), "digits", DIGITS_PREPROCESSING, "digits"),
    "shapes": (Phrase("generated shapes"), "shapes", SHAPES_PREPROCESSING, "shapes"),
}
DOWNLOADED = {
    "mnist": ("MNIST", "digits", DIGITS_PREPROCESSING, "digits"),
    "fashion-mnist": ("Fashion-MNIST", "digits", FASHION_PREPROCESSING, None),
    "cifar10": ("CIFAR-10", "cifar", CIFAR_PREPROCESSING, None),
}
KINDS = (*GENERATED, *DOWNLOADED, "folder")


@dataclass(frozen=True)
class LoadProgress:
    """How far loading has come: `done` of `total` images (or files), and what is happening."""

    done: int
    total: int
    what: str  # a Phrase: the GUI translates it (gui.i18n.say)


@dataclass
class ImageSet:
    """Training and held-out images ready for one architecture, and how to describe a model trained on them."""

    title: str  # "generated digits", "MNIST", "the folder 'pets'"
    architecture: str
    class_names: tuple[str, ...]
    preprocessing: dict
    x_train: torch.Tensor  # N×C×H×W: uint8 pixels, or float32 already normalised (a folder's photos)
    y_train: torch.Tensor  # int64 class indices
    x_test: torch.Tensor
    y_test: torch.Tensor
    base_model: str | None = None  # the shipped model whose kernels make a good start, if any
    augment: bool = False  # small photo sets: random flips and shifts make each pass new
    skipped: list[tuple[Path, str]] = field(default_factory=list)  # unreadable files and why

    @property
    def input_shape(self) -> tuple[int, int, int]:
        return tuple(int(v) for v in self.x_train.shape[1:])

    def inputs(self, images: torch.Tensor) -> torch.Tensor:
        """Images of this set as float network inputs: uint8 pixels are scaled and normalised."""
        if images.dtype != torch.uint8:
            return images.float()
        p = self.preprocessing
        mean = torch.tensor(p["mean"], dtype=torch.float32, device=images.device).view(1, -1, 1, 1)
        std = torch.tensor(p["std"], dtype=torch.float32, device=images.device).view(1, -1, 1, 1)
        return (images.float() / float(p.get("scale", 255)) - mean) / std

    def model_info(self, name: str, training: dict | None = None) -> ModelInfo:
        return ModelInfo(name=name, architecture=self.architecture, class_names=self.class_names,
                         preprocessing=dict(self.preprocessing), training=dict(training or {}))


def as_tensor(x: np.ndarray, preprocessing: dict) -> torch.Tensor:
    """uint8 images (N, H, W) or (N, H, W, C) as normalised float inputs (N, C, H, W)."""
    return _normalise(_channels_first(x), preprocessing)


def _channels_first(x: np.ndarray) -> torch.Tensor:
    t = torch.from_numpy(np.ascontiguousarray(x))
    return t.unsqueeze(1) if t.ndim == 3 else t.permute(0, 3, 1, 2).contiguous()


def _normalise(t: torch.Tensor, p: dict) -> torch.Tensor:
    mean = torch.tensor(p["mean"], dtype=torch.float32).view(1, -1, 1, 1)
    std = torch.tensor(p["std"], dtype=torch.float32).view(1, -1, 1, 1)
    return (t.float() / float(p["scale"]) - mean) / std


def load_image_set(
    source: DataSource, should_stop: Callable[[], bool] = lambda: False, cache_dir: str | os.PathLike | None = None,
    seed: int = 0,
) -> Generator[LoadProgress, None, ImageSet | None]:
    """Make `source` ready to train on, yielding progress; None if `should_stop()` ended it early."""
    if source.kind in GENERATED:
        return (yield from _generated(source.kind, should_stop, seed))
    if source.kind in DOWNLOADED:
        return (yield from _downloaded(source.kind, cache_dir, should_stop))
    if source.kind == "folder":
        return (yield from _folder(source.path, should_stop, seed))
    raise DatasetError(
        "Glassbox cannot train on {kind!r}; choose one of: {choices}.",
        kind=source.kind, choices=", ".join(KINDS),
    )


def _generated(kind: str, should_stop, seed: int):
    title, architecture, preprocessing, base = GENERATED[kind]
    make = make_digits if kind == "digits" else make_shapes
    n_train, n_test = GENERATED_SIZES[kind]
    total = n_train + n_test
    parts, done = [], 0
    # Chunks with their own seeds: progress between them, and a set that does not depend on the chunk size's luck.
    for start in range(0, total, GENERATED_CHUNK):
        if should_stop():
            return None
        count = min(GENERATED_CHUNK, total - start)
        parts.append(make(count, seed * 100_003 + 7919 + start))
        done += count
        yield LoadProgress(done, total, Phrase("drawing {title}", title=title))
    x = np.concatenate([p[0] for p in parts])
    y = np.concatenate([p[1] for p in parts]).astype(np.int64)
    images = _channels_first(x)
    classes = DIGIT_CLASSES if kind == "digits" else SHAPE_CLASSES
    return ImageSet(title, architecture, tuple(classes), dict(preprocessing), images[:n_train],
                    torch.from_numpy(y[:n_train]), images[n_train:], torch.from_numpy(y[n_train:]), base)


def _in_background(work: Callable, should_stop: Callable[[], bool]):
    """`work()`'s value, computed in a daemon thread; None as soon as `should_stop()` (the thread is left
    to finish on its own and its result dropped). Its exception, if it raises one, is raised here."""
    answer: queue.Queue = queue.Queue(maxsize=1)

    def run() -> None:
        try:
            answer.put(("value", work()))
        except BaseException as error:  # noqa: BLE001 (raised again on the waiting side)
            answer.put(("error", error))

    threading.Thread(target=run, name="glassbox-reading", daemon=True).start()
    while not should_stop():
        try:
            kind, value = answer.get(timeout=POLL_S)
        except queue.Empty:
            continue
        if kind == "error":
            raise value
        return value
    return None


def _downloaded(kind: str, cache_dir, should_stop):
    title, architecture, preprocessing, base = DOWNLOADED[kind]
    if not is_downloaded(kind, cache_dir):
        raise DatasetError("{title} is not downloaded yet; download it first "
                           "(it is fetched once and kept in the cache).", title=dataset_source(kind).title)
    yield LoadProgress(0, 1, Phrase("reading {title}", title=title))
    loaded = _in_background(lambda: load_dataset(kind, cache_dir), should_stop)
    if loaded is None:
        return None
    x_train, y_train, x_test, y_test, classes = loaded
    yield LoadProgress(1, 1, Phrase("reading {title}", title=title))
    to_images = (lambda x: torch.from_numpy(np.ascontiguousarray(x))) if x_train.ndim == 4 else _channels_first
    return ImageSet(title, architecture, tuple(classes), dict(preprocessing), to_images(x_train),
                    torch.from_numpy(y_train), to_images(x_test), torch.from_numpy(y_test), base)


def _folder(path: str, should_stop, seed: int):
    folder = scan_image_folder(path)
    if len(folder.class_names) < 2:
        raise DatasetError(
            "The folder '{folder}' has only the class '{class_name}'; a network "
            "learns to tell classes apart, so add a second subfolder of other pictures.",
            folder=folder.root, class_name=folder.class_names[0],
        )
    if len(folder.class_names) > MAX_CLASSES:
        raise DatasetError(
            "The folder '{folder}' has {count} subfolders; "
            "Glassbox trains on at most {max_classes} classes.",
            folder=folder.root, count=len(folder.class_names), max_classes=MAX_CLASSES,
        )
    title = Phrase("the folder '{name}'", name=folder.root.name)
    info = ModelInfo(folder.root.name, "shapes", folder.class_names, dict(SHAPES_PREPROCESSING))
    inputs: list[np.ndarray] = []
    labels: list[int] = []
    total = folder.total
    for done, (_, label, image) in enumerate(iter_images(folder, max_side=FOLDER_MAX_SIDE), start=1):
        if should_stop():
            return None
        if image is not None:
            inputs.append(prepare_input(image, info))
            labels.append(label)
        yield LoadProgress(done, total, Phrase("reading the photos in {title}", title=title))
    counts = np.bincount(np.asarray(labels, dtype=np.int64), minlength=len(folder.class_names))
    empty = [name for name, count in zip(folder.class_names, counts) if count == 0]
    if empty:
        raise DatasetError("The class '{class_name}' in '{folder}' has no readable image; add some pictures "
                           "to its subfolder.", class_name=empty[0], folder=folder.root)
    train, test = _split_per_class(np.asarray(labels), FOLDER_TEST_SHARE, seed)
    x = torch.from_numpy(np.stack(inputs))
    y = torch.from_numpy(np.asarray(labels, dtype=np.int64))
    return ImageSet(title, "shapes", folder.class_names, dict(SHAPES_PREPROCESSING), x[train], y[train],
                    x[test], y[test], base_model="shapes", augment=True, skipped=list(folder.skipped))


def _split_per_class(labels: np.ndarray, share: float, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """Indices of the training and the held-out images: `share` of each class held out, when it has two or more."""
    rng = np.random.default_rng(seed)
    train, test = [], []
    for label in np.unique(labels):
        members = rng.permutation(np.flatnonzero(labels == label))
        held = math.floor(len(members) * share + 0.5) if len(members) >= 2 else 0
        held = max(held, 1) if len(members) >= 2 else 0
        test.extend(members[:held])
        train.extend(members[held:])
    return np.sort(np.asarray(train, dtype=np.int64)), np.sort(np.asarray(test, dtype=np.int64))
