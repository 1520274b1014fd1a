"""What a channel looks for, computed off the GUI thread: its top held-out images, and the image grown for it.

ChannelWorker sits on the one worker base (gui.threads.Worker) and has its own ModelShelf (the
stored models and the network in training). It answers three kinds of ChannelRequest:

- "describe": the model's layers that have channels, with how many, so the panel can offer them;
- "top": load the data set's held-out images (core.cnn.image_sets.load_image_set, once per
  source: the next channel is instant), then search them (core.cnn.channels.top_images_steps),
  reporting progress with an estimate of the seconds left;
- "dream": grow the image the channel likes most (core.cnn.channels.dream_steps), sending the
  frames at a pace a class can watch.

Long jobs check `should_stop` between batches and frames (a fraction of a second), and a newer
request of a kind that replaces them ends them: a new channel stops the search and the dream, Cancel
stops either, closing the window stops everything. A data set that is not downloaded, or one
whose images do not fit the model, is one sentence; the worker never downloads.
"""

from __future__ import annotations

import os
import time
from collections import OrderedDict
from dataclasses import dataclass
from typing import Callable

import numpy as np
import torch
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal

from core.cnn.analysis import preprocessing_of
from core.cnn.channels import ChannelImages, dream_steps, input_bounds, top_images_steps
from core.cnn.image_sets import DOWNLOADED, GENERATED, SHAPES_PREPROCESSING, DataSource, load_image_set
from core.data.downloads import is_downloaded
from core.errors import GlassboxError
from core.nets.model_store import ModelInfo
from gui.convolution.explain.model_shelf import ModelShelf
from gui.i18n import say
from gui.threads import OUT_OF_MEMORY, Worker

TOP_K = 9
DREAM_STEPS = 200
DREAM_FRAME_EVERY = 2  # a frame every this many steps
DREAM_FRAME_S = 0.04  # the pace of the frames: 100 frames take about 4 s, slow enough to watch it form
PROGRESS_PER_SECOND = 15.0
KEPT_SETS = 3  # loaded data sets kept for the next channel
POLL_S = 0.02  # while pacing frames, how often a new command is looked for
NOT_DOWNLOADED = QT_TRANSLATE_NOOP("ChannelWorker", "{0} is not downloaded yet: download it in the training panel "
                                                   "below first.")
DOES_NOT_FIT = QT_TRANSLATE_NOOP("ChannelWorker", "The model “{0}” takes {1} images, but {2} has {3} images; "
                                                 "choose {4} in the training panel below.")
NOTHING_FITS = QT_TRANSLATE_NOOP("ChannelWorker", "The model “{0}” takes {1} images, but {2} has {3} images, and "
                                                 "none of the lab's data sets fits it.")
TOO_BIG = QT_TRANSLATE_NOOP("ChannelWorker", "There is not enough memory to look through these images; "
                                             "choose a smaller data set.")
OR = QT_TRANSLATE_NOOP("ChannelWorker", " or ")


@dataclass(frozen=True)
class ChannelRequest:
    """One job, numbered per kind: a larger generation is a newer request of that kind."""

    generation: int
    kind: str  # "describe", "top" or "dream"
    model: str  # a stored model's name, or LIVE_MODEL
    layer: str = ""
    channel: int = 0
    source: DataSource | None = None  # the data set to search ("top")


@dataclass(frozen=True)
class ModelLayers:
    """A model's layers that have channels, as (name, how many), in order."""

    model: str
    info: ModelInfo
    layers: tuple[tuple[str, int], ...]
    mean: np.ndarray  # per input channel, from the model's preprocessing: pixels = input · std + mean
    std: np.ndarray


@dataclass(frozen=True)
class SearchProgress:
    """How far a top-images job has come: loading the set, then searching it."""

    phase: str  # "loading" or "searching"
    done: int
    total: int
    seconds_left: float | None  # None until there is a rate to go by
    what: str  # loading: what is being read, in the window's language


@dataclass(frozen=True, eq=False)
class TopResult:
    """The top images, and what the view needs to show them: the set's class names and normalisation."""

    images: ChannelImages
    class_names: tuple[str, ...]
    mean: np.ndarray  # per channel: pixels = input · std + mean
    std: np.ndarray
    title: str  # the data set, in the window's language
    seconds: float  # how long the search took (loading not counted)


@dataclass(frozen=True, eq=False)
class HeldOut:
    """A data set's held-out images, kept between channels."""

    title: object  # str or Phrase
    class_names: tuple[str, ...]
    preprocessing: dict
    images: torch.Tensor  # N×C×H×W uint8 pixels, or float32 inputs already normalised
    labels: torch.Tensor


Loader = Callable[..., object]  # load_image_set's signature: (source, should_stop, cache_dir) -> generator


class ChannelWorker(Worker):
    """Opens models, loads held-out images and looks into one channel at a time; talks only through signals."""

    described = Signal(object, object)  # ChannelRequest, ModelLayers
    progressed = Signal(object, object)  # ChannelRequest, SearchProgress
    found = Signal(object, object)  # ChannelRequest, TopResult
    dreamed = Signal(object, object, bool)  # ChannelRequest, DreamFrame, True for the last frame
    refused = Signal(object, str)  # ChannelRequest, one sentence
    ended = Signal(object)  # ChannelRequest stopped early (Cancel, a newer request) or given up after an error

    def __init__(self, models_dir: str | os.PathLike | None = None, cache_dir: str | os.PathLike | None = None,
                 loader: Loader = load_image_set, frame_s: float = DREAM_FRAME_S, clock=time.perf_counter):
        super().__init__(clock)
        self.shelf = ModelShelf(models_dir)
        self.cache_dir, self.loader, self.frame_s = cache_dir, loader, frame_s
        self._sets: OrderedDict[DataSource, HeldOut] = OrderedDict()
        self._current: ChannelRequest | None = None
        self._last_progress = -1.0

    def handle(self, command: str, argument) -> None:
        if command in ("describe", "top", "dream"):
            self._current = argument  # what `recover` ends if something unexpected goes wrong
            getattr(self, "_" + command)(argument)
            self._current = None
        else:
            self.shelf.obey(command, argument)  # the live network, its newest weights, a model saved over
        # "cancel" with nothing running, and "wake", have nothing to do.

    def recover(self, error: BaseException) -> None:
        if self._current is not None:
            self.ended.emit(self._current)
        self._current = None

    # ------------------------------------------------------------ describe
    def _describe(self, request: ChannelRequest) -> None:
        try:
            model, info = self.shelf.model(request.model)
            layers = channel_layers(model, info)
            p = preprocessing_of(info)
        except GlassboxError as error:
            self.refused.emit(request, say(error))
            return
        mean, std = (np.broadcast_to(np.asarray(v, np.float32), (p.channels,)).copy() for v in (p.mean, p.std))
        self.described.emit(request, ModelLayers(request.model, info, layers, mean, std))

    # ------------------------------------------------------------ top images
    def _top(self, request: ChannelRequest) -> None:
        with self.interruptible(replaced_by=("top", "describe")) as should_stop:
            try:
                model, info = self.shelf.model(request.model)
                source = request.source
                if source not in self._sets and source.kind in DOWNLOADED and \
                        not is_downloaded(source.kind, self.cache_dir):  # never downloaded here
                    self.refused.emit(request, QCoreApplication.translate("ChannelWorker", NOT_DOWNLOADED).format(
                        DOWNLOADED[source.kind][0]))
                    return
                held = self._held_out(request, should_stop)
                if held is None:
                    self._ended(request)
                    return
                sentence = fit_sentence(info, held)
                if sentence:
                    self.refused.emit(request, sentence)
                    return
                result = self._search(request, model, info, held, should_stop)
            except GlassboxError as error:
                self.refused.emit(request, say(error))
                return
            except OUT_OF_MEMORY:
                self.refused.emit(request, QCoreApplication.translate("ChannelWorker", TOO_BIG))
                return
            if result is None:
                self._ended(request)
            else:
                self.found.emit(request, result)

    def _held_out(self, request: ChannelRequest, should_stop) -> HeldOut | None:
        source = request.source
        if source in self._sets:
            self._sets.move_to_end(source)
            return self._sets[source]
        start = self.clock()
        self._last_progress = -1.0
        job = self.loader(source, should_stop, self.cache_dir)
        while True:
            try:
                step = next(job)
            except StopIteration as finished:
                loaded = finished.value
                break
            self._report(request, "loading", step.done, step.total, start, say(step.what))
        if loaded is None:
            return None
        held = HeldOut(loaded.title, tuple(loaded.class_names), dict(loaded.preprocessing), loaded.x_test,
                       loaded.y_test)
        self._sets[source] = held
        while len(self._sets) > KEPT_SETS:
            self._sets.popitem(last=False)
        return held

    def _search(self, request, model, info, held: HeldOut, should_stop) -> TopResult | None:
        prepare, mean, std = preparation(info, held)
        start = self.clock()
        self._last_progress = -1.0
        job = top_images_steps(model, request.layer, request.channel, held.images, TOP_K, labels=held.labels,
                               prepare=prepare, should_stop=should_stop)  # the core sizes batches: hundredths of a second each
        while True:
            try:
                step = next(job)
            except StopIteration as finished:
                found = finished.value
                break
            self._report(request, "searching", step.done, step.total, start, "")
        if found is None:
            return None
        return TopResult(found, held.class_names, mean, std, say(held.title), self.clock() - start)

    def _report(self, request, phase: str, done: int, total: int, start: float, what: str) -> None:
        """Progress, at most PROGRESS_PER_SECOND times a second (and always the last)."""
        now = self.clock()
        if done < total and now - self._last_progress < 1.0 / PROGRESS_PER_SECOND:
            return
        self._last_progress = now
        elapsed = now - start
        left = elapsed / done * (total - done) if done > 0 and elapsed > 0 else None
        self.progressed.emit(request, SearchProgress(phase, done, total, left, what))

    # ------------------------------------------------------------ dream
    def _dream(self, request: ChannelRequest) -> None:
        with self.interruptible(replaced_by=("top", "dream", "describe")) as should_stop:
            try:
                model, info = self.shelf.model(request.model)
                p = preprocessing_of(info)
                frames = dream_steps(model, request.layer, request.channel, (p.channels, *p.size), DREAM_STEPS,
                                     bounds=input_bounds(p.mean, p.std, p.channels), frame_every=DREAM_FRAME_EVERY,
                                     should_stop=should_stop)
                last = None
                while True:
                    try:
                        frame = next(frames)
                    except StopIteration as finished:
                        last = finished.value
                        break
                    if frame.step < frame.steps:
                        self.dreamed.emit(request, frame, False)
                        self._pace(should_stop)
            except GlassboxError as error:
                self.refused.emit(request, say(error))
                return
            if last is None:
                self._ended(request)
            else:
                self.dreamed.emit(request, last, True)

    def _pace(self, should_stop) -> None:
        """Wait until the next frame is due, answering Cancel and newer requests meanwhile."""
        due = self.clock() + self.frame_s
        while self.frame_s > 0 and self.clock() < due and not should_stop():
            self._stop.wait(min(POLL_S, max(0.0, due - self.clock())))

    def _ended(self, request: ChannelRequest) -> None:
        if not self.stopping:
            self.ended.emit(request)


# ----------------------------------------------------------------------------- plain helpers
def channel_layers(model: torch.nn.Sequential, info: ModelInfo) -> tuple[tuple[str, int], ...]:
    """(name, channels) of every layer whose output has channels: maps, or a fully connected layer's units."""
    p = preprocessing_of(info)
    x = torch.zeros((1, p.channels, *p.size))
    found = []
    with torch.no_grad():
        for name, child in model.named_children():
            x = child(x)
            if x.dim() == 4 or (x.dim() == 2 and not isinstance(child, torch.nn.Flatten)):
                found.append((name, int(x.shape[1])))
    return tuple(found)


def preparation(info: ModelInfo, held: HeldOut):
    """How stored images become this model's inputs, and the mean and std that turn them back into pixels.

    uint8 pixels are normalised the model's way (a digits model on Fashion-MNIST sees its own
    mean and std); a folder's photos are stored as inputs already, normalised the set's way.
    """
    channels = int(held.images.shape[1])
    if held.images.dtype == torch.uint8:
        p = preprocessing_of(info)
        mean, std = (np.broadcast_to(np.asarray(v, np.float32), (channels,)).copy() for v in (p.mean, p.std))
        scale = float(held.preprocessing.get("scale", 255))
        mean_t, std_t = torch.from_numpy(mean).view(1, -1, 1, 1), torch.from_numpy(std).view(1, -1, 1, 1)
        return (lambda batch: (batch.float() / scale - mean_t) / std_t), mean, std
    p = held.preprocessing
    mean, std = (np.broadcast_to(np.asarray(p.get(key, default), np.float32), (channels,)).copy()
                 for key, default in (("mean", 0.0), ("std", 1.0)))
    return (lambda batch: batch.float()), mean, std


def fit_sentence(info: ModelInfo, held: HeldOut) -> str:
    """One sentence when the set's images are not the shape the model takes, naming the sets that fit; else ""."""
    p = preprocessing_of(info)
    wanted = (p.channels, *p.size)
    have = tuple(int(v) for v in held.images.shape[1:])
    if have == wanted:
        return ""
    fitting = [say(title) for kind, (title, _, pre, _) in {**GENERATED, **DOWNLOADED}.items()
               if (pre["channels"], *pre["input_size"]) == wanted]
    if (SHAPES_PREPROCESSING["channels"], *SHAPES_PREPROCESSING["input_size"]) == wanted:
        fitting.append(QCoreApplication.translate("ChannelWorker", "a photo folder"))
    shape = "{0}×{1}×{2}".format
    values = (info.name, shape(*wanted), say(held.title), shape(*have))
    if not fitting:
        return QCoreApplication.translate("ChannelWorker", NOTHING_FITS).format(*values)
    joiner = QCoreApplication.translate("ChannelWorker", OR)
    return QCoreApplication.translate("ChannelWorker", DOES_NOT_FIT).format(*values, joiner.join(fitting))

