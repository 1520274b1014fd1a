"""What a session holds, as plain data: no Qt, no torch objects, nothing that could execute.

A `Session` is the app's settings (language, zoom, the tab on screen), every tab's state
dictionary (each tab's `state.py` `to_dict()`), and named binary `Part`s: the MLP's
weights and optimizer state, the lab's CNN, the lab's image. A part is a JSON-able
`meta` dictionary plus named numpy arrays, which is exactly what a safetensors file
and a JSON file can carry: so the file format needs to know nothing about what a part means.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

# The part names the app writes. A reader keeps unknown names out (see core/session/files.py).
MLP_PART = "mlp"            # core.mlp.trainer.Trainer.snapshot(): weights, initial weights, optimizer, RNG, path
CNN_PART = "cnn"            # the Convolution lab's model: shipped name, or weights trained in the lab
LAB_IMAGE_PART = "lab_image"  # the lab's image, as uint8 pixels (arrays {"pixels": H×W or H×W×3})
PART_NAMES = (MLP_PART, CNN_PART, LAB_IMAGE_PART)

# The tab names, as `--tab` and `snapshot --view` spell them and as Session.tabs keys them.
TAB_NAMES = ("training", "network", "convolution", "landscape", "autoencoder")


@dataclass(frozen=True)
class Part:
    meta: dict[str, Any] = field(default_factory=dict)
    arrays: dict[str, np.ndarray] = field(default_factory=dict)


@dataclass(frozen=True)
class Session:
    app: dict[str, Any] = field(default_factory=dict)      # {"language": "zh_CN", "zoom": 1.25, "tab": "network"}
    tabs: dict[str, dict[str, Any]] = field(default_factory=dict)  # TAB_NAMES -> that tab's state.to_dict()
    parts: dict[str, Part] = field(default_factory=dict)  # PART_NAMES -> Part
