"""Save and load trained CNNs as `<name>.safetensors` (weights) plus `<name>.json` (what they mean).

safetensors holds only named arrays, so loading a file can never run code, unlike a
pickle. The JSON says which architecture to build, the class names, how to prepare an
image (size, channels, whether a dark-on-light photo must be inverted) and how the
weights were trained. Every failure is a ModelError with one sentence a person can act on.
"""

from __future__ import annotations

import json
import os
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping

import torch
from safetensors.torch import load_file, save_file
from torch import nn

from core.errors import ModelError, Phrase
from core.nets.cnn import MAX_CLASSES, build_cnn, check_architecture, cnn_spec

FORMAT = "glassbox.model/1"
# The shipped models: assets/ sits next to core/ in a checkout and in an installed wheel alike
# (pyproject.toml ships it as package data; tests/test_packaging.py installs a wheel and checks).
MODELS_DIR = Path(__file__).resolve().parents[2] / "assets" / "models"
_NAME = re.compile(r"^[A-Za-z0-9_-]+$")  # a plain file stem: no paths, no dots


@dataclass(frozen=True)
class ModelInfo:
    """The JSON side of a stored model."""

    name: str
    architecture: str
    class_names: tuple[str, ...]
    preprocessing: Mapping[str, Any] = field(default_factory=dict)
    training: Mapping[str, Any] = field(default_factory=dict)

    def to_json(self) -> str:
        data = {
            "format": FORMAT,
            "name": self.name,
            "architecture": self.architecture,
            "class_names": list(self.class_names),
            "preprocessing": dict(self.preprocessing),
            "training": dict(self.training),
        }
        # Sorted keys and a fixed layout: re-running the training script gives the same bytes.
        return json.dumps(data, sort_keys=True, indent=2) + "\n"


def user_models_dir() -> Path:
    """Where models trained in the app are saved: $GLASSBOX_MODELS_DIR, else the platform's data place."""
    override = os.environ.get("GLASSBOX_MODELS_DIR")
    if override:
        return Path(override).expanduser()
    if sys.platform == "win32":
        local = os.environ.get("APPDATA")
        return (Path(local) if local else Path.home() / "AppData" / "Roaming") / "Glassbox" / "models"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / "Glassbox" / "models"
    xdg = os.environ.get("XDG_DATA_HOME")
    base = Path(xdg) if xdg and os.path.isabs(xdg) else Path.home() / ".local" / "share"
    return base / "glassbox" / "models"


def _folders(directory: str | os.PathLike | None) -> list[Path]:
    """The folders searched for models: the one given, else the shipped models and then the user's own."""
    return [Path(directory)] if directory is not None else [MODELS_DIR, user_models_dir()]


def _paths(name: str, directory: str | os.PathLike | None) -> tuple[Path, Path]:
    if not _NAME.match(name):
        raise ModelError("'{name}' is not a model name; use letters, digits, '-' or '_' only.", name=name)
    folders = _folders(directory)
    folder = next((f for f in folders if (f / f"{name}.json").is_file()), folders[0])
    return folder / f"{name}.safetensors", folder / f"{name}.json"


def is_shipped(name: str) -> bool:
    """Whether `name` is one of the models that come with Glassbox (a saved model may not replace it)."""
    return bool(_NAME.match(name)) and (MODELS_DIR / f"{name}.json").is_file()


def save_model(model: nn.Module, info: ModelInfo, directory: str | os.PathLike | None = None) -> tuple[Path, Path]:
    """Write the weights and the description; each file is replaced only once it is complete.

    Without `directory` they go to the shipped models' folder (scripts/train_models.py);
    the app passes user_models_dir().
    """
    if not _NAME.match(info.name):
        raise ModelError(
            "'{name}' is not a model name; use letters, digits, '-' or '_' only.",
            name=info.name,
        )
    folder = Path(directory) if directory is not None else MODELS_DIR
    weights_path, json_path = folder / f"{info.name}.safetensors", folder / f"{info.name}.json"
    weights_path.parent.mkdir(parents=True, exist_ok=True)
    tensors = {key: value.detach().cpu().contiguous().clone() for key, value in model.state_dict().items()}
    tmp_weights = weights_path.with_suffix(".safetensors.tmp")
    # One metadata entry only: safetensors writes a map's entries in no fixed order, which would
    # make two saves of the same weights differ byte for byte.
    save_file(tensors, str(tmp_weights), metadata={"format": "pt"})
    os.chmod(tmp_weights, 0o644)  # safetensors creates it private; shipped weights are for everyone to read
    os.replace(tmp_weights, weights_path)
    tmp_json = json_path.with_suffix(".json.tmp")
    tmp_json.write_text(info.to_json(), encoding="utf-8")
    os.replace(tmp_json, json_path)
    return weights_path, json_path


def read_model_info(name: str, directory: str | os.PathLike | None = None) -> ModelInfo:
    """The checked JSON description of a stored model."""
    _, json_path = _paths(name, directory)
    try:
        data = json.loads(json_path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ModelError("Model '{name}' has no description file {json_path}; run scripts/train_models.py "
                         "to create it.", name=name, json_path=json_path) from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ModelError(
            "The description file {json_path} of model '{name}' cannot be read ({error}); "
            "run scripts/train_models.py to rewrite it.",
            json_path=json_path, name=name, error=error,
        ) from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ModelError(
            "{json_path} is not a Glassbox model description (expected format '{format}').",
            json_path=json_path, format=FORMAT,
        )
    try:
        info = ModelInfo(
            name=name,
            architecture=str(data["architecture"]),
            class_names=tuple(str(c) for c in data["class_names"]),
            preprocessing=dict(data.get("preprocessing", {})),
            training=dict(data.get("training", {})),
        )
    except (KeyError, TypeError, ValueError) as error:
        raise ModelError(
            "The description file {json_path} lacks a valid entry {error}; "
            "run scripts/train_models.py to rewrite it.",
            json_path=json_path, error=error,
        ) from None
    cnn_spec(info.architecture)  # a known architecture, or the ModelError that lists them
    if not 2 <= len(info.class_names) <= MAX_CLASSES:
        raise ModelError("Model '{name}' names {count} classes; a model needs between 2 and "
                         "{max_classes}.", name=name, count=len(info.class_names), max_classes=MAX_CLASSES)
    return info


def load_model(name: str, directory: str | os.PathLike | None = None) -> tuple[nn.Sequential, ModelInfo]:
    """Build the architecture, fill in the stored weights after checking every name and shape, eval mode."""
    info = read_model_info(name, directory)
    weights_path, _ = _paths(name, directory)
    if not weights_path.is_file():
        raise ModelError("Model '{name}' has no weights file {weights_path}; run scripts/train_models.py "
                         "to create it.", name=name, weights_path=weights_path)
    try:
        tensors = load_file(str(weights_path))
    except Exception as error:  # safetensors raises its own error type for a damaged header or body
        raise ModelError(
            "The weights file {weights_path} is damaged and cannot be read ({error}).",
            weights_path=weights_path, error=error,
        ) from None
    model = build_cnn(info.architecture, len(info.class_names))
    expected = model.state_dict()
    missing = sorted(set(expected) - set(tensors))
    extra = sorted(set(tensors) - set(expected))
    if missing or extra:
        raise ModelError(
            "The weights in {weights_path} do not fit architecture '{architecture}' "
            "(missing: {missing}; unexpected: {extra}).",
            weights_path=weights_path, architecture=info.architecture, missing=", ".join(missing) or Phrase("none"),
            extra=", ".join(extra) or Phrase("none"),
        )
    for key, value in expected.items():
        found = tensors[key]
        if found.shape != value.shape or found.dtype != value.dtype:
            raise ModelError(
                "The weights in {weights_path} do not fit architecture '{architecture}': "
                "'{key}' is {found_shape} {found_dtype}, expected {shape} "
                "{dtype}.",
                weights_path=weights_path, architecture=info.architecture, key=key,
                found_shape=tuple(found.shape), found_dtype=found.dtype, shape=tuple(value.shape),
                dtype=value.dtype,
            )
        if not bool(torch.isfinite(found).all()):
            raise ModelError(
                "The weights in {weights_path} contain NaN or infinite values in '{key}'.",
                weights_path=weights_path, key=key,
            )
    model.load_state_dict(tensors, strict=True)
    check_architecture(model, cnn_spec(info.architecture).input_shape, len(info.class_names))
    return model.eval(), info


def available_models(directory: str | os.PathLike | None = None) -> list[str]:
    """Names of the stored models that have both files, sorted (not yet validated: load_model does that).

    Without `directory`: the shipped models and the ones saved from the app.
    """
    names = set()
    for folder in _folders(directory):
        if folder.is_dir():
            names.update(path.stem for path in folder.glob("*.json")
                         if _NAME.match(path.stem) and path.with_suffix(".safetensors").is_file())
    return sorted(names)

