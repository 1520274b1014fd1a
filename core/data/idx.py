"""MNIST's IDX file format, read (and written, for tests and exports) with numpy.

An IDX file is a 4-byte magic number (two zero bytes, a type code, the number of
dimensions), then one big-endian uint32 per dimension, then the values in C order,
big-endian. MNIST and Fashion-MNIST ship them gzipped. We read them ourselves because
torchvision has no CPU build that runs with our torch (DESIGN.md).

Every malformed file raises `DatasetError` with one sentence, because the bytes came
from the internet or the user's disk and are not our bug.
"""

from __future__ import annotations

import gzip
import math
import os
import struct
import zlib

import numpy as np

from core.errors import DatasetError
from core.files import open_regular, shown_name

# Type code -> big-endian numpy dtype, as the format defines them.
IDX_DTYPES = {
    0x08: np.dtype(">u1"),
    0x09: np.dtype(">i1"),
    0x0B: np.dtype(">i2"),
    0x0C: np.dtype(">i4"),
    0x0D: np.dtype(">f4"),
    0x0E: np.dtype(">f8"),
}
_CODES = {dtype.newbyteorder("="): code for code, dtype in IDX_DTYPES.items()}

GZIP_MAGIC = b"\x1f\x8b"
# MNIST's largest file inflates to 47 MB; a file claiming more than this is not a dataset
# we ship, and the cap keeps a hostile gzip from filling memory.
MAX_IDX_BYTES = 512 * 1024 * 1024
MAX_DIMENSIONS = 8


def parse_idx(data: bytes | bytearray, source: str = "the IDX file") -> np.ndarray:
    """The array stored in IDX bytes (already un-gzipped), in native byte order.

    `source` names the file in error messages.
    """
    if len(data) < 4:
        raise DatasetError(
            "{source} is too short to be an IDX file; download the dataset again.",
            source=source,
        )
    zero1, zero2, code, ndim = data[0], data[1], data[2], data[3]
    if zero1 != 0 or zero2 != 0 or code not in IDX_DTYPES:
        raise DatasetError(
            "{source} is not an IDX file (bad magic number 0x{magic}); download the dataset again.",
            source=source, magic=data[:4].hex(),
        )
    if not 1 <= ndim <= MAX_DIMENSIONS:
        raise DatasetError("{source} declares {ndim} dimensions, which no dataset has; "
                           "download the dataset again.", source=source, ndim=ndim)
    header_size = 4 + 4 * ndim
    if len(data) < header_size:
        raise DatasetError("{source} ends inside its header; download the dataset again.", source=source)
    dims = struct.unpack(f">{ndim}I", data[4:header_size])
    dtype = IDX_DTYPES[code]
    expected = math.prod(dims) * dtype.itemsize  # Python ints: no overflow on hostile dims
    actual = len(data) - header_size
    if actual != expected:
        raise DatasetError(
            "{source} should hold {expected:,} bytes of data for shape {dims} but holds {actual:,} "
            "(truncated or corrupt); download the dataset again.",
            source=source, expected=expected, dims=dims, actual=actual,
        )
    values = np.frombuffer(data, dtype=dtype, count=math.prod(dims), offset=header_size)
    # One copy: native byte order, writable, and independent of the (large) input bytes.
    return values.reshape(dims).astype(dtype.newbyteorder("="), copy=True)


def read_idx(path: str | os.PathLike, max_bytes: int = MAX_IDX_BYTES) -> np.ndarray:
    """Read an IDX file, gzipped or plain (told apart by the gzip magic bytes, not the name).

    The path is not trusted (core.files): only a regular file is opened (a FIFO or device is
    refused without blocking), and neither the file nor what it inflates to is read past `max_bytes`.
    """
    name = shown_name(path)
    if not os.path.lexists(path):
        raise DatasetError("{name} is missing; download the dataset first.", name=name)
    try:
        with open_regular(path, limit=max_bytes, error=DatasetError) as raw:
            compressed = raw.read(2) == GZIP_MAGIC
            raw.seek(0)
            if compressed:
                with gzip.GzipFile(fileobj=raw) as stream:
                    data = _read_at_most(stream, max_bytes + 1)
            else:
                data = _read_at_most(raw, max_bytes + 1)
    except DatasetError:
        raise
    except (EOFError, zlib.error, gzip.BadGzipFile) as error:
        raise DatasetError(
            "{name} is a damaged gzip file ({error}); download the dataset again.",
            name=name, error=error,
        ) from None
    except (OSError, ValueError) as error:
        raise DatasetError(
            "{name} cannot be read ({error}); "
            "check the file and try again.",
            name=name, error=getattr(error, "strerror", None) or error,
        ) from None
    if len(data) > max_bytes:
        raise DatasetError("{name} is larger than {max_bytes:,} bytes, too large to be a dataset file "
                           "Glassbox reads; download the dataset again.", name=name, max_bytes=max_bytes)
    return parse_idx(data, name)


def _read_at_most(stream, limit: int) -> bytearray:
    """Up to `limit` bytes, in blocks: read(limit) would reserve the whole limit up front."""
    data = bytearray()
    while len(data) < limit:
        block = stream.read(min(1 << 20, limit - len(data)))
        if not block:
            break
        data += block
    return data


def encode_idx(array: np.ndarray) -> bytes:
    """The IDX bytes of `array` (not gzipped): the inverse of `parse_idx`."""
    array = np.asarray(array)
    native = array.dtype.newbyteorder("=")
    if native not in _CODES or array.ndim < 1 or array.ndim > MAX_DIMENSIONS:
        raise ValueError(f"IDX cannot store a {array.ndim}-D array of {array.dtype}")
    header = bytes([0, 0, _CODES[native], array.ndim]) + struct.pack(f">{array.ndim}I", *array.shape)
    return header + np.ascontiguousarray(array, dtype=IDX_DTYPES[_CODES[native]]).tobytes()
