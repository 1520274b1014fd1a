"""A part's arrays as safetensors bytes, written and read without trusting the bytes.

safetensors holds raw numbers and a JSON header: nothing in it can execute. Before
the library sees a file's bytes we read the header ourselves (strictly, see
strict_json), and accept only the dtypes a session needs, sane shapes, offsets that
tile the data exactly, and a bounded element count; afterwards every float must be
finite.
"""

from __future__ import annotations

import math
import re

import numpy as np
from safetensors.numpy import load as _load_safetensors
from safetensors.numpy import save as _save_safetensors

from core.session import strict_json

# safetensors' dtype codes → numpy: the only kinds a session holds.
DTYPES = {"F32": np.dtype(np.float32), "F64": np.dtype(np.float64), "I64": np.dtype(np.int64),
          "U8": np.dtype(np.uint8), "BOOL": np.dtype(np.bool_)}
MAX_HEADER_BYTES = 4 * 2**20
MAX_ARRAYS = 4096
MAX_DIMS = 8
MAX_ELEMENTS = 2**28  # per array (1 GiB of float32), well past any part's needs yet bounded
ARRAY_NAME = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.\-/]{0,127}\Z")


class ArraysRejected(ValueError):
    """Why a part's arrays were refused: `reason` is invalid, dtype, not_finite or name; `array` names one."""

    def __init__(self, reason: str, array: str = ""):
        super().__init__(reason, array)
        self.reason = reason
        self.array = array


def allowed_dtype(array: np.ndarray) -> bool:
    return array.dtype in DTYPES.values()


def check_array(name: str, array) -> np.ndarray:
    """The array as a contiguous numpy array, or ArraysRejected if a session cannot hold it."""
    if not isinstance(name, str) or not ARRAY_NAME.match(name):
        raise ArraysRejected("name", str(name)[:64])
    if not isinstance(array, np.ndarray) or not allowed_dtype(array):
        raise ArraysRejected("dtype", name)
    if array.ndim > MAX_DIMS or array.size > MAX_ELEMENTS:
        raise ArraysRejected("invalid", name)
    if array.dtype.kind == "f" and not np.isfinite(array).all():
        raise ArraysRejected("not_finite", name)
    return array if array.flags.c_contiguous else array.copy(order="C")  # (ascontiguousarray makes 0-d 1-d)


def encode(arrays: dict[str, np.ndarray]) -> bytes:
    if len(arrays) > MAX_ARRAYS:
        raise ArraysRejected("invalid")
    checked = {name: check_array(name, array) for name, array in arrays.items()}
    return _save_safetensors(checked)


def header_of(data: bytes) -> dict[str, tuple[np.dtype, tuple[int, ...]]]:
    """Each array's (dtype, shape) from a safetensors header, validated; ArraysRejected otherwise."""
    if len(data) < 8:
        raise ArraysRejected("invalid")
    size = int.from_bytes(data[:8], "little")
    if size > MAX_HEADER_BYTES or 8 + size > len(data):
        raise ArraysRejected("invalid")
    try:
        header = strict_json.loads(bytes(data[8 : 8 + size]).rstrip(b" "))
    except strict_json.JsonRejected:
        raise ArraysRejected("invalid") from None
    if not isinstance(header, dict) or len(header) > MAX_ARRAYS + 1:
        raise ArraysRejected("invalid")
    metadata = header.pop("__metadata__", {})
    if not isinstance(metadata, dict) or not all(isinstance(v, str) for v in metadata.values()):
        raise ArraysRejected("invalid")
    spans, result = [], {}
    for name, entry in header.items():
        if not ARRAY_NAME.match(name):
            raise ArraysRejected("name", name[:64])
        if not isinstance(entry, dict) or set(entry) != {"dtype", "shape", "data_offsets"}:
            raise ArraysRejected("invalid", name)
        dtype = DTYPES.get(entry["dtype"]) if isinstance(entry["dtype"], str) else None
        if dtype is None:
            raise ArraysRejected("dtype", name)
        shape, offsets = entry["shape"], entry["data_offsets"]
        if (not isinstance(shape, list) or len(shape) > MAX_DIMS
                or not all(type(n) is int and 0 <= n <= MAX_ELEMENTS for n in shape)):
            raise ArraysRejected("invalid", name)
        count = math.prod(shape)
        if count > MAX_ELEMENTS:
            raise ArraysRejected("invalid", name)
        if (not isinstance(offsets, list) or len(offsets) != 2 or not all(type(n) is int for n in offsets)
                or not 0 <= offsets[0] <= offsets[1] or offsets[1] - offsets[0] != count * dtype.itemsize):
            raise ArraysRejected("invalid", name)
        spans.append(tuple(offsets))
        result[name] = (dtype, tuple(shape))
    position = 0
    for start, end in sorted(spans):
        if start != position:
            raise ArraysRejected("invalid")
        position = end
    if 8 + size + position != len(data):
        raise ArraysRejected("invalid")
    return result


def decode(data: bytes) -> dict[str, np.ndarray]:
    """The arrays in safetensors bytes, after validating the header; ArraysRejected otherwise."""
    expected = header_of(data)
    try:
        arrays = _load_safetensors(bytes(data))
    except Exception:  # safetensors' own error type varies between versions; any failure means damaged
        raise ArraysRejected("invalid") from None
    if set(arrays) != set(expected):
        raise ArraysRejected("invalid")
    result = {}
    for name, array in arrays.items():
        dtype, shape = expected[name]
        if array.dtype != dtype or array.shape != shape:
            raise ArraysRejected("invalid", name)
        if dtype.kind == "f" and not np.isfinite(array).all():
            raise ArraysRejected("not_finite", name)
        result[name] = np.array(array, copy=True)
    return result
