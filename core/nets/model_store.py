"""Save and load trained CNNs as `<name>.safetensors` (weights) plus `<name>.json` (what they mean).

safetensors holds only named arrays, so loading a file can never run code, unlike a
pickle. The JSON says which architecture to build, the class names, how to prepare an
image (size, channels, whether a dark-on-light photo must be inverted) and how the
weights were trained. Every failure is a ModelError with one sentence a person can act on.

Nothing in a models folder is trusted: files are read through core.files (regular files only,
capped before parsing), the JSON strictly (core.session.strict_json: depth, finite numbers,
no duplicate keys), and every field is checked, down to a preprocessing std that would divide
by nearly nothing. `list_models` gives the usable models and why each other one was left out,
and never raises, so one hostile file costs a line in a list, not the app's start. Saving checks
the name and the description first, then writes each file atomically (core.files.atomic_write).
"""

from __future__ import annotations

import json
import math
import os
import re
import stat
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping

import torch
from safetensors.torch import load as load_safetensors
from safetensors.torch import save as save_safetensors
from torch import nn

from core.errors import GlassboxError, ModelError, Phrase
from core.files import atomic_write, open_regular, read_bytes, shown_name, shown_path
from core.nets.cnn import MAX_CLASSES, build_cnn, check_architecture, cnn_spec
from core.session import strict_json

FORMAT = "glassbox.model/1"
# The shipped models: assets/ sits next to core/ in a checkout and in an installed wheel alike
# (pyproject.toml ships it as package data; tests/test_packaging.py installs a wheel and checks).
MODELS_DIR = Path(__file__).resolve().parents[2] / "assets" / "models"
_NAME = re.compile(r"^[A-Za-z0-9_-]+$")  # a plain file stem: no paths, no dots
MAX_NAME = 100  # characters of a model name (file systems allow 255 bytes for the whole file name)
MAX_JSON_BYTES = 1 * 2**20  # a description is about 1 KB
MAX_WEIGHTS_BYTES = 256 * 2**20  # the largest architecture's weights are a few MB
MAX_HEADER_BYTES = 16 * 2**20  # a safetensors header (JSON) is a few KB
MAX_CLASS_NAME = 100  # characters of one class name
MEAN_LIMIT = 1e3  # |mean| above this, or a std outside STD_RANGE, is not a pixel normalisation
STD_RANGE = (1e-3, 1e3)


@dataclass(frozen=True)
class ModelInfo:
    """The JSON side of a stored model (read_model_info checks every field; see _check_description)."""

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
        return json.dumps(data, sort_keys=True, indent=2, allow_nan=False) + "\n"


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


@dataclass(frozen=True)
class ModelListing:
    """What a models folder holds: the usable models, and why each unusable one was left out."""

    names: list[str]  # sorted; each has a readable description and a weights file with a readable header
    problems: list[tuple[str, ModelError]]  # (model name, its error: str() is the English sentence)


def _folders(directory: str | os.PathLike | None) -> list[Path]:
    """The folders searched for models: the one given, else the shipped models and then the user's own."""
    return [Path(directory)] if directory is not None else [MODELS_DIR, user_models_dir()]


def check_name(name: str) -> str:
    """`name` if it can be a model's file name; else one ModelError sentence saying why (nothing is touched)."""
    if not isinstance(name, str) or not name.strip():
        raise ModelError("A model needs a name; type one with letters, digits, '-' or '_'.")
    shown = shown_path(name, limit=40)  # what was typed, whole: 'a/b' names itself, not 'b'
    if len(name) > MAX_NAME:
        raise ModelError("The model name '{name}' is too long ({count} characters); use at most {limit}.",
                         name=shown, count=len(name), limit=MAX_NAME)
    if not name.isprintable():
        raise ModelError("'{name}' is not a model name: it holds a control character such as a line break; "
                         "use letters, digits, '-' or '_' only.", name=shown)
    if "/" in name or "\\" in name or name in (".", ".."):
        raise ModelError("'{name}' is not a model name: a name cannot be a path or a folder; "
                         "use letters, digits, '-' or '_' only.", name=shown)
    if not _NAME.match(name):
        raise ModelError("'{name}' is not a model name; use letters, digits, '-' or '_' only.", name=shown)
    return name


def _regular(path: Path) -> bool:
    """A regular file (links followed) is there, decided without opening it."""
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except (OSError, ValueError):
        return False


def _paths(name: str, directory: str | os.PathLike | None) -> tuple[Path, Path]:
    check_name(name)
    folders = _folders(directory)
    folder = next((f for f in folders if _regular(f / f"{name}.json")), folders[0])
    return folder / f"{name}.safetensors", folder / f"{name}.json"


def is_shipped(name: str) -> bool:
    """Whether `name` is one of the models that come with Glassbox (a saved model may not replace it)."""
    return isinstance(name, str) and bool(_NAME.match(name)) and len(name) <= MAX_NAME \
        and _regular(MODELS_DIR / f"{name}.json")


def model_exists(name: str, directory: str | os.PathLike) -> bool:
    """Whether saving `name` into `directory` would replace something (either file, or anything in their place).

    Ask before saving over it. A name that cannot be a model's raises the ModelError save_model would.
    """
    check_name(name)
    folder = Path(directory)
    return any(os.path.lexists(folder / f"{name}{suffix}") for suffix in (".json", ".safetensors"))


def save_model(model: nn.Module, info: ModelInfo, directory: str | os.PathLike | None = None) -> tuple[Path, Path]:
    """Write the weights and then the description, each to a temporary file renamed over the old one
    only once complete: a full disk or a crash leaves the old model as it was.

    The name and the description are checked first (what load_model would refuse is never written).
    Without `directory` they go to the shipped models' folder (scripts/train_models.py);
    the app passes user_models_dir() and asks first when model_exists().
    """
    check_name(info.name)
    _check_description(_as_plain_data(info), info.name, f"{info.name}.json")
    folder = Path(directory) if directory is not None else MODELS_DIR
    weights_path, json_path = folder / f"{info.name}.safetensors", folder / f"{info.name}.json"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except (OSError, ValueError):
        raise ModelError("Model '{name}' could not be saved: the folder {folder} cannot be created; "
                         "choose another folder.", name=info.name, folder=shown_name(folder)) from None
    tensors = {key: value.detach().cpu().contiguous().clone() for key, value in model.state_dict().items()}
    # One metadata entry only: safetensors writes a map's entries in no fixed order, which would
    # make two saves of the same weights differ byte for byte.
    weights = save_safetensors(tensors, metadata={"format": "pt"})
    atomic_write(weights_path, weights, error=ModelError)
    atomic_write(json_path, info.to_json(), error=ModelError)
    return weights_path, json_path


def _as_plain_data(info: ModelInfo) -> Any:
    """The description as load_model will read it back, or ModelError if it is not plain, finite data."""
    try:
        return strict_json.loads(info.to_json().encode("utf-8"))
    except (TypeError, ValueError, RecursionError):
        raise ModelError("Model '{name}' cannot be saved: its description holds a value that is not plain "
                         "data or not a finite number.", name=info.name) from None


def read_model_info(name: str, directory: str | os.PathLike | None = None) -> ModelInfo:
    """The checked JSON description of a stored model; any fault is one ModelError sentence."""
    _, json_path = _paths(name, directory)
    file = shown_name(json_path)
    if not os.path.lexists(json_path):
        raise ModelError("Model '{name}' has no description file {json_path}; save or train the model again.",
                         name=name, json_path=file)
    data = read_bytes(json_path, limit=MAX_JSON_BYTES, error=ModelError)
    try:
        description = strict_json.loads(data)
    except strict_json.JsonRejected as error:
        reasons = {"nested": Phrase("it is nested too deeply"),
                   "number": Phrase("it holds a number that is not finite or is absurdly large"),
                   "duplicate": Phrase("it gives the same key twice")}
        reason = reasons.get(error.reason, Phrase("it is not valid JSON text"))
        raise ModelError("The description file {json_path} of model '{name}' cannot be read ({error}); "
                         "save or train the model again.", json_path=file, name=name, error=reason) from None
    return _check_description(description, name, file)


def _check_description(data: Any, name: str, file: str) -> ModelInfo:
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ModelError("{json_path} is not a Glassbox model description (expected format '{format}').",
                         json_path=file, format=FORMAT)
    architecture, classes = data.get("architecture"), data.get("class_names")
    preprocessing, training = data.get("preprocessing", {}), data.get("training", {})
    for key, value, kind in (("architecture", architecture, str), ("class_names", classes, list),
                             ("preprocessing", preprocessing, dict), ("training", training, dict)):
        if not isinstance(value, kind):
            raise ModelError("The description file {json_path} lacks a valid entry '{error}'; "
                             "save or train the model again.", json_path=file, error=key)
    cnn_spec(architecture if len(architecture) <= 40 else shown_name(architecture, 40))
    if not 2 <= len(classes) <= MAX_CLASSES:
        raise ModelError("Model '{name}' names {count} classes; a model needs between 2 and "
                         "{max_classes}.", name=name, count=len(classes), max_classes=MAX_CLASSES)
    for label in classes:
        if not isinstance(label, str) or not label.strip() or len(label) > MAX_CLASS_NAME or not label.isprintable():
            raise ModelError("Model '{name}' has a class name that is empty, too long or holds a control "
                             "character; save or train the model again.", name=name)
    if len(set(classes)) != len(classes):
        raise ModelError("Model '{name}' names the same class twice; save or train the model again.", name=name)
    _check_preprocessing(preprocessing, name)
    return ModelInfo(name=name, architecture=architecture, class_names=tuple(classes),
                     preprocessing=dict(preprocessing), training=dict(training))


def _numbers(value) -> list | None:
    """A number or a list of 1 to 3 numbers as a list of floats; None for anything else."""
    values = value if isinstance(value, list) else [value]
    if not 1 <= len(values) <= 3 or any(isinstance(v, bool) or not isinstance(v, (int, float)) for v in values):
        return None
    return [float(v) for v in values]


def _check_preprocessing(preprocessing: dict, name: str) -> None:
    """Refuse what would make every prediction NaN or nonsense: the numbers an image is normalised by, and sizes."""
    mean, std = _numbers(preprocessing.get("mean", 0.0)), _numbers(preprocessing.get("std", 1.0))
    if mean is None or not all(math.isfinite(m) and abs(m) <= MEAN_LIMIT for m in mean):
        raise ModelError("Model '{name}' has an unusable preprocessing mean (it must be 1 to 3 finite numbers "
                         "between -{limit:g} and {limit:g}); save or train the model again.",
                         name=name, limit=MEAN_LIMIT)
    if std is None or not all(STD_RANGE[0] <= s <= STD_RANGE[1] for s in std):
        raise ModelError("Model '{name}' has an unusable preprocessing std (it must be 1 to 3 numbers between "
                         "{low:g} and {high:g}; 0, negative or tiny values would divide by nearly nothing); "
                         "save or train the model again.", name=name, low=STD_RANGE[0], high=STD_RANGE[1])
    size = preprocessing.get("input_size", [1, 1])
    whole = (("channels", preprocessing.get("channels", 1)), ("digit_box", preprocessing.get("digit_box") or 0),
             *((f"input_size[{i}]", v) for i, v in enumerate(size if isinstance(size, list) else [None])))
    if not (isinstance(size, list) and len(size) == 2) or any(
            isinstance(v, bool) or not isinstance(v, int) or not 0 <= v <= 4096 for _, v in whole):
        raise ModelError("Model '{name}' has unusable preprocessing sizes (input_size, channels or digit_box); "
                         "save or train the model again.", name=name)
    scale = preprocessing.get("scale", 255)
    flags = (preprocessing.get("invert", False), preprocessing.get("centre_by_mass", False))
    if isinstance(scale, bool) or not isinstance(scale, (int, float)) or not 0 < scale <= 65535 \
            or not all(isinstance(flag, bool) for flag in flags):
        raise ModelError("Model '{name}' has unusable preprocessing settings (scale, invert or centre_by_mass); "
                         "save or train the model again.", name=name)


def check_weights(name: str, directory: str | os.PathLike | None = None) -> Path:
    """The weights file's path, once it is a regular file with a readable safetensors header (no tensor is read)."""
    weights_path, _ = _paths(name, directory)
    file = shown_name(weights_path)
    if not os.path.lexists(weights_path):
        raise ModelError("Model '{name}' has no weights file {weights_path}; save or train the model again.",
                         name=name, weights_path=file)
    with open_regular(weights_path, limit=MAX_WEIGHTS_BYTES, error=ModelError) as stream:
        head = stream.read(8)
        length = int.from_bytes(head, "little") if len(head) == 8 else -1
        header = stream.read(length) if 2 <= length <= MAX_HEADER_BYTES else b""
    try:
        parsed = strict_json.loads(header) if len(header) == length else None
    except strict_json.JsonRejected:
        parsed = None
    if not isinstance(parsed, dict):
        raise ModelError("The weights file {weights_path} is damaged and cannot be read ({error}).",
                         weights_path=file, error=Phrase("its header is not a safetensors header"))
    return weights_path


def load_model(name: str, directory: str | os.PathLike | None = None) -> tuple[nn.Sequential, ModelInfo]:
    """Build the architecture, fill in the stored weights after checking every name and shape, eval mode.

    Whatever is wrong with the files (however hostile) is one ModelError sentence.
    """
    info = read_model_info(name, directory)
    weights_path = check_weights(name, directory)
    file = shown_name(weights_path)
    data = read_bytes(weights_path, limit=MAX_WEIGHTS_BYTES, error=ModelError)
    try:
        tensors = load_safetensors(data)
    except Exception as error:  # safetensors raises its own error type for a damaged header or body
        raise ModelError("The weights file {weights_path} is damaged and cannot be read ({error}).",
                         weights_path=file, error=shown_name(str(error), 120)) from None
    try:
        return _filled(info, tensors, file)
    except GlassboxError:
        raise
    except Exception as error:  # torch on a hostile file: one sentence, never a traceback
        raise ModelError("The weights file {weights_path} is damaged and cannot be read ({error}).",
                         weights_path=file, error=shown_name(str(error), 120)) from None


def _filled(info: ModelInfo, tensors: dict, file: str) -> tuple[nn.Sequential, ModelInfo]:
    model = build_cnn(info.architecture, len(info.class_names))
    expected = model.state_dict()
    missing = sorted(set(expected) - set(tensors))
    extra = sorted(set(tensors) - set(expected))
    if missing or extra:
        raise ModelError(
            "The weights in {weights_path} do not fit architecture '{architecture}' "
            "(missing: {missing}; unexpected: {extra}).",
            weights_path=file, architecture=info.architecture,
            missing=shown_name(", ".join(missing), 200) or Phrase("none"),
            extra=shown_name(", ".join(extra), 200) or Phrase("none"),
        )
    for key, value in expected.items():
        found = tensors[key]
        if found.shape != value.shape or found.dtype != value.dtype:
            raise ModelError(
                "The weights in {weights_path} do not fit architecture '{architecture}': "
                "'{key}' is {found_shape} {found_dtype}, expected {shape} "
                "{dtype}.",
                weights_path=file, architecture=info.architecture, key=key,
                found_shape=tuple(found.shape), found_dtype=found.dtype, shape=tuple(value.shape),
                dtype=value.dtype,
            )
        if not bool(torch.isfinite(found).all()):
            raise ModelError(
                "The weights in {weights_path} contain NaN or infinite values in '{key}'.",
                weights_path=file, key=key,
            )
    model.load_state_dict(tensors, strict=True)
    check_architecture(model, cnn_spec(info.architecture).input_shape, len(info.class_names))
    return model.eval(), info


def _candidates(directory: str | os.PathLike | None) -> dict[str, bool]:
    """Model name -> whether both files are regular files, over the searched folders; never raises."""
    found: dict[str, bool] = {}
    for folder in _folders(directory):
        try:
            with os.scandir(folder) as entries:
                stems = [entry.name[:-5] for entry in entries if entry.name.endswith(".json")]
        except (OSError, ValueError):  # missing, not a folder, unreadable, a name too long
            continue
        for stem in stems:
            if _NAME.match(stem) and len(stem) <= MAX_NAME and _regular(folder / f"{stem}.json"):
                found[stem] = found.get(stem, False) or _regular(folder / f"{stem}.safetensors")
    return found


def available_models(directory: str | os.PathLike | None = None) -> list[str]:
    """Names of the stored models that have both files, sorted (not yet validated: list_models does that).

    Without `directory`: the shipped models and the ones saved from the app. Never raises: a folder
    that is missing or unreadable, and entries that are not regular files, are left out.
    """
    return sorted(name for name, complete in _candidates(directory).items() if complete)


def list_models(directory: str | os.PathLike | None = None) -> ModelListing:
    """The usable models, and (name, ModelError) for each one left out; never raises.

    Each model's description is read and checked and its weights header is read (the tensors
    are not), so a hostile file in the user's models folder costs one line in a list, not the app.
    """
    names, problems = [], []
    for name, complete in sorted(_candidates(directory).items()):
        try:
            read_model_info(name, directory)
            check_weights(name, directory)
            names.append(name)
        except ModelError as error:
            problems.append((name, error))
        except Exception as error:  # noqa: BLE001 - a listing must survive anything a file can do
            problems.append((name, ModelError("Model '{name}' cannot be read ({error}); save or train the "
                                              "model again.", name=name, error=shown_name(str(error), 120))))
    return ModelListing(names, problems)
