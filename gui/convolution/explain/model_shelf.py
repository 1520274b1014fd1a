"""The models a lab worker looks through, opened the same way by every worker (worker-side: imports torch).

A ModelShelf lives inside one worker's thread. It opens each stored model once (through
core.cnn.analysis.open_model, which checks every weight's name and shape) and keeps it, and it
holds the network in training under LIVE_MODEL: rebuilt from a LiveNetwork when a new one
starts, with the newest report's numpy weights applied lazily, when it is next looked through,
so a worker that receives thirty reports a second loads only the one it uses.

Each worker has its own shelf (its own copies of the models): a torch module is never shared
between two threads.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

import torch

from core.cnn.analysis import open_model
from core.nets.cnn import build_cnn
from core.nets.model_store import ModelInfo

LIVE_MODEL = "(training)"  # the key of the network in training: never a file name


@dataclass(frozen=True)
class LiveNetwork:
    """The network in training, as a worker rebuilds it: its architecture, description and weights."""

    architecture: str
    info: ModelInfo
    weights: dict  # name -> numpy copy of the state dict


class ModelShelf:
    """Stored models opened once, and the live network with its newest weights applied when used."""

    def __init__(self, models_dir: str | os.PathLike | None = None):
        self.models_dir = models_dir
        self._models: dict[str, tuple[torch.nn.Sequential, ModelInfo]] = {}  # name -> opened model
        self._live_weights: dict | None = None  # the newest weights, not yet in the live network

    def model(self, name: str) -> tuple[torch.nn.Sequential, ModelInfo]:
        """The model `name` (a stored model's name or LIVE_MODEL) in eval mode, with its description.

        Raises the core's ModelError for a name that is not there or a file that cannot be opened.
        """
        if name not in self._models:
            model, info = open_model(name, self.models_dir)
            self._models[name] = (model.eval(), info)
        model, info = self._models[name]
        if name == LIVE_MODEL and self._live_weights is not None:
            weights, self._live_weights = self._live_weights, None
            model.load_state_dict({key: torch.from_numpy(value) for key, value in weights.items()})
        return model, info

    def has(self, name: str) -> bool:
        """True when `name` is already open (the live network once set)."""
        return name in self._models

    def set_live(self, network: LiveNetwork) -> None:
        """A new network in training: build it now; its starting weights go in when it is first used."""
        model = build_cnn(network.architecture, len(network.info.class_names))
        self._models[LIVE_MODEL] = (model.eval(), network.info)
        self._live_weights = network.weights

    def set_live_weights(self, weights: dict) -> None:
        """The network in training has new weights (numpy copies); only the newest are ever applied."""
        self._live_weights = weights

    def forget(self, name: str) -> None:
        """Model `name` was saved over (or is gone): open it again when it is next used."""
        self._models.pop(name, None)

    def obey(self, command: str, argument) -> bool:
        """Carry out one of the commands every lab runner sends its worker (LabRunner: "live", "weights",
        "forget"); False for any other command, which is the worker's own."""
        actions = {"live": self.set_live, "weights": self.set_live_weights, "forget": self.forget}
        if command not in actions:
            return False
        actions[command](argument)
        return True
