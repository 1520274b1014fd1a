""""Where does it look?" off the GUI thread: gradient saliency, Grad-CAM and occlusion, the newest request wins.

SaliencyWorker sits on the one worker base (gui.threads.Worker) with its own ModelShelf. An
"explain" request is answered with the two cheap maps (a gradient and a Grad-CAM, one backward
pass each: a few milliseconds for the lab's networks) and the layers Grad-CAM can use. An
"occlude" request runs core.cnn.attribution.occlusion_steps and sends every batch of square
positions as it is scored, so the panel can replay the square moving, then the whole map.
A newer request of either kind, "cancel" or the stop flag ends a running occlusion at its next
batch (a batch of 64 copies takes well under 0.2 s).

SaliencyRunner is the GUI thread's side, like AnalysisRunner: it numbers the requests, starts
the thread on first use and passes on only the answers to the latest request of each kind.
threaded=False answers in the calling thread before `explain`/`occlude` return (tests, pictures).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import partial

from PySide6.QtCore import QObject, Signal, Slot

from core.cnn.analysis import prepare_input
from core.cnn.attribution import default_layer, grad_cam, gradient_saliency, occlusion_steps, spatial_layers
from core.data.images import LoadedImage
from core.errors import GlassboxError, ModelError
from gui.convolution.explain.model_shelf import ModelShelf
from gui.i18n import say
from gui.convolution.explain.lab_runner import LabRunner
from gui.threads import Generations, Worker, follow


@dataclass(frozen=True)
class SaliencyRequest:
    """What to explain: one image through one model for one class (None: the predicted one), numbered."""

    generation: int
    kind: str  # "explain" (the gradient and Grad-CAM maps) or "occlude"
    model: str  # a stored model's name, or LIVE_MODEL
    image: LoadedImage
    target: int | None = None
    layer: str = ""  # Grad-CAM's layer; "" is the last convolution
    window: int = 6  # occlusion only
    stride: int = 2


@dataclass(frozen=True)
class CheapMaps:
    """The answer to an "explain" request: the gradient and Grad-CAM Attributions, and Grad-CAM's choices."""

    gradient: object  # core.cnn.attribution.Attribution
    gradcam: object | None  # None for a network without a convolution
    layers: tuple[str, ...]  # the layers Grad-CAM can use
    default_layer: str
    info: object  # the model's ModelInfo (class names, preprocessing for showing the input)


class SaliencyWorker(Worker):
    """Opens models and explains images in its own thread; talks only through signals."""

    explained = Signal(object, object)  # SaliencyRequest, CheapMaps
    occlusion_progressed = Signal(object, object)  # SaliencyRequest, (OcclusionProgress, the image's (H, W))
    occluded = Signal(object, object)  # SaliencyRequest, the occlusion Attribution
    refused = Signal(object, str)  # SaliencyRequest, one sentence (a model that cannot be opened, a bad window)
    abandoned = Signal(object)  # SaliencyRequest given up (cancelled, or an unexpected error said on `failed`)

    def __init__(self, models_dir: str | os.PathLike | None = None):
        super().__init__()
        self.shelf = ModelShelf(models_dir)
        self._current: SaliencyRequest | None = None

    def handle(self, command: str, argument) -> None:
        if command == "explain":
            self._explain_newest(argument)
        elif command == "occlude":
            self._occlude_newest(argument)
        else:
            self.shelf.obey(command, argument)  # the live network, its newest weights, a model saved over
        # "wake" and a "cancel" with nothing running only unblock the queue.

    def recover(self, error: BaseException) -> None:
        if self._current is not None:
            self.abandoned.emit(self._current)
        self._current = None

    def _explain_newest(self, request: SaliencyRequest) -> None:
        """Carry out every command queued so far, then answer only the newest request among them."""
        queued: list = []
        while self.interrupted(queued, replaced_by=("explain", "occlude")) and not self.stopping:
            pass
        occlusion = None
        for command, argument in queued:
            if command == "explain":
                request = argument
            elif command == "occlude":
                occlusion = argument  # after the cheap maps: they are on screen before the square starts
            else:
                self.guarded(self.handle, command, argument)
        if not self.stopping:
            self._answer(request, self._explain)
        if occlusion is not None and not self.stopping:
            self._occlude_newest(occlusion)

    def _occlude_newest(self, request: SaliencyRequest) -> None:
        """Occlusion for the newest "occlude" request; a newer one replaces it between two batches."""
        while request is not None and not self.stopping:
            request = self._answer(request, self._occlude)

    def _answer(self, request: SaliencyRequest, method):
        """`method(request)`; a core error is the request's one sentence. Anything else leaves `_current` set,
        so the error policy's `recover` gives that request up (the runner then takes the next one)."""
        self._current = request
        try:
            answer = method(request)
        except GlassboxError as error:
            self.refused.emit(request, say(error))
            answer = None
        self._current = None
        return answer

    def _explain(self, request: SaliencyRequest) -> None:
        model, info = self.shelf.model(request.model)
        image = prepare_input(request.image, info)
        gradient = gradient_saliency(model, image, request.target, info.class_names)
        layers = spatial_layers(model, image.shape)
        try:
            fallback = default_layer(model)
        except ModelError:  # no convolution: the gradient map alone
            self.explained.emit(request, CheapMaps(gradient, None, (), "", info))
            return
        layer = request.layer if request.layer in layers else fallback
        gradcam = grad_cam(model, image, request.target, layer, info.class_names)
        self.explained.emit(request, CheapMaps(gradient, gradcam, layers, fallback, info))

    def _occlude(self, request: SaliencyRequest) -> SaliencyRequest | None:
        """Run one occlusion, sending each batch; returns a newer "occlude" request that ended it, if any."""
        model, info = self.shelf.model(request.model)
        image = prepare_input(request.image, info)
        deferred: list = []
        stopped = False

        def should_stop() -> bool:
            # Only a newer occlusion (or cancel, or stop) ends this one. A drawing stroke's cheap maps are
            # answered between two batches, with the weights the occlusion started with; weights and other
            # commands wait until it ends, so its map comes from one network.
            nonlocal stopped
            stopped = stopped or self.interrupted(deferred, replaced_by=("occlude",))
            cheap = [argument for command, argument in deferred if command == "explain"]
            if cheap and not stopped:
                deferred[:] = [item for item in deferred if item[0] != "explain"]
                self.guarded(self._answer, cheap[-1], self._explain)  # its own failure does not end this one
                self._current = request
            return stopped

        result = None
        try:
            steps = occlusion_steps(model, image, request.target, request.window, request.stride,
                                    class_names=info.class_names, should_stop=should_stop)
            result = follow(steps, partial(self._report_occlusion, request, tuple(image.shape[1:])))
        finally:
            newer = [argument for command, argument in deferred if command == "occlude"]
            cheap = [argument for command, argument in deferred if command == "explain"]
            for command, argument in deferred:  # weights, a new network, a saved model: in order
                if command not in ("occlude", "explain"):
                    self.guarded(self.handle, command, argument)
        if result is None:
            self.abandoned.emit(request)
        else:
            self.occluded.emit(request, result)
        if cheap and not self.stopping:
            self._answer(cheap[-1], self._explain)
        return newer[-1] if newer else None


    def _report_occlusion(self, request: SaliencyRequest, size: tuple[int, int], progress) -> None:
        self.occlusion_progressed.emit(request, (progress, size))


class SaliencyRunner(LabRunner):
    """The GUI thread's side: numbers requests, starts the thread on first use, passes on only the latest answers."""

    explained = Signal(object, object)  # the latest "explain" SaliencyRequest, its CheapMaps
    occlusion_progressed = Signal(object, object)  # the latest "occlude" SaliencyRequest, (OcclusionProgress, (H, W))
    occluded = Signal(object, object)  # the latest "occlude" SaliencyRequest, its Attribution
    refused = Signal(object, str)  # a latest request, one sentence
    failed = Signal(str)  # one sentence: something unexpected went wrong; the next request works again
    thread_name = "glassbox-cnn-saliency"

    def __init__(self, models_dir: str | os.PathLike | None = None, threaded: bool = True,
                 parent: QObject | None = None):
        super().__init__(threaded, parent)
        self.models_dir = models_dir
        self.cheap = Generations()  # the gradient and Grad-CAM requests
        self.occlusion = Generations()  # the occlusion requests (their own numbers: a stroke must not end one)

    @property
    def pending(self) -> bool:
        """True while the latest cheap maps have not arrived."""
        return self.cheap.pending

    @property
    def occluding(self) -> bool:
        """True while the latest occlusion is still being computed."""
        return self.occlusion.pending

    def explain(self, model: str, image: LoadedImage, target: int | None, layer: str) -> SaliencyRequest:
        request = SaliencyRequest(self.cheap.next(), "explain", model, image, target, layer)
        self._command("explain", request)
        return request

    def occlude(self, model: str, image: LoadedImage, target: int | None, window: int, stride: int) -> SaliencyRequest:
        request = SaliencyRequest(self.occlusion.next(), "occlude", model, image, target, "", window, stride)
        self._command("occlude", request)
        return request

    def cancel_occlusion(self) -> None:
        """Stop the running occlusion at its next batch; its answers still on their way are dropped."""
        self.occlusion.give_up()
        if self._worker is not None and self.threaded:
            self._worker.send("cancel")

    def give_up(self) -> None:
        self.cheap.give_up()
        self.occlusion.give_up()

    def make_worker(self) -> SaliencyWorker:
        worker = SaliencyWorker(self.models_dir)
        worker.explained.connect(self._on_explained)
        worker.occlusion_progressed.connect(self._on_occlusion_progressed)
        worker.occluded.connect(self._on_occluded)
        worker.refused.connect(self._on_refused)
        worker.abandoned.connect(self._on_abandoned)
        worker.failed.connect(self._on_failed)
        return worker

    # A stale answer, or one that arrives after shutdown, is dropped.
    @Slot(object, object)
    def _on_explained(self, request: SaliencyRequest, maps: CheapMaps) -> None:
        if self.cheap.settle(request.generation):
            self.explained.emit(request, maps)

    @Slot(object, object)
    def _on_occlusion_progressed(self, request: SaliencyRequest, progress) -> None:
        if request.generation == self.occlusion.latest and self.occlusion.pending:
            self.occlusion_progressed.emit(request, progress)

    @Slot(object, object)
    def _on_occluded(self, request: SaliencyRequest, attribution) -> None:
        if self.occlusion.settle(request.generation):
            self.occluded.emit(request, attribution)

    @Slot(object, str)
    def _on_refused(self, request: SaliencyRequest, sentence: str) -> None:
        generations = self.occlusion if request.kind == "occlude" else self.cheap
        if generations.settle(request.generation):
            self.refused.emit(request, sentence)

    @Slot(object)
    def _on_abandoned(self, request: SaliencyRequest) -> None:
        (self.occlusion if request.kind == "occlude" else self.cheap).settle(request.generation)

    @Slot(str)
    def _on_failed(self, sentence: str) -> None:
        self.failed.emit(sentence)
