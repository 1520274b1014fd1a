"""CIFAR-10's binary version, read straight out of cifar-10-binary.tar.gz.

Each batch file is a run of 3,073-byte records: one label byte (0-9), then 1,024 red,
1,024 green and 1,024 blue bytes, each a 32×32 image in row-major order. So a record
reshapes to channels × rows × columns with no copying, and images come back as uint8
N×3×32×32 (channels first, the layout torch's Conv2d takes). batches.meta.txt names
the classes, one per line.

Safety, because the archive comes from the internet: we read only the regular-file
members we name, into memory. Nothing is extracted to disk, links are never followed
(tarfile.extractfile would follow them), and the pickled python version is never
touched: unpickling runs code.
"""

from __future__ import annotations

import os
import struct
import tarfile
import zlib
from dataclasses import dataclass

import numpy as np

from core.errors import DatasetError
from core.files import open_regular, shown_name

ARCHIVE_NAME = "cifar-10-binary.tar.gz"
MEMBER_DIR = "cifar-10-batches-bin"
TRAIN_MEMBERS = tuple(f"{MEMBER_DIR}/data_batch_{i}.bin" for i in range(1, 6))
TEST_MEMBER = f"{MEMBER_DIR}/test_batch.bin"
META_MEMBER = f"{MEMBER_DIR}/batches.meta.txt"

IMAGE_SHAPE = (3, 32, 32)
RECORD_SIZE = 1 + 3 * 32 * 32
# A real batch is 10,000 records (30.7 MB); the caps stop a hostile archive from
# making us read gigabytes into memory.
MAX_BATCH_BYTES = 20_000 * RECORD_SIZE
MAX_META_BYTES = 64 * 1024
MAX_ARCHIVE_OVERHEAD = 64 * 2**20  # tar headers and members we skip


@dataclass(frozen=True)
class Cifar10:
    """The whole dataset, as read from the archive."""

    train_images: np.ndarray  # uint8 (50000, 3, 32, 32): channels first, RGB
    train_labels: np.ndarray  # uint8 (50000,)
    test_images: np.ndarray  # uint8 (10000, 3, 32, 32)
    test_labels: np.ndarray  # uint8 (10000,)
    class_names: tuple[str, ...]


def parse_batch(data: bytes, source: str = "a CIFAR-10 batch") -> tuple[np.ndarray, np.ndarray]:
    """Images (uint8 N×3×32×32) and labels (uint8 N) from the bytes of one batch file."""
    images, labels = _batch_views(data, source)
    return images.copy(), labels.copy()


def _batch_views(data: bytes, source: str) -> tuple[np.ndarray, np.ndarray]:
    """Read-only views into `data`: the caller concatenates them, so each byte is copied once."""
    if not data or len(data) % RECORD_SIZE:
        raise DatasetError(
            "{source} holds {size:,} bytes, not a whole number of {record_size:,}-byte records "
            "(truncated or corrupt); download the dataset again.",
            source=source, size=len(data), record_size=RECORD_SIZE,
        )
    records = np.frombuffer(data, dtype=np.uint8).reshape(-1, RECORD_SIZE)
    return records[:, 1:].reshape(-1, *IMAGE_SHAPE), records[:, 0]


def parse_class_names(data: bytes, source: str = "batches.meta.txt") -> tuple[str, ...]:
    """Class names, one per line; the real file ends with blank lines, which are dropped."""
    try:
        text = data.decode("ascii")
    except UnicodeDecodeError:
        raise DatasetError(
            "{source} is not a text file of class names; download the dataset again.",
            source=source,
        ) from None
    names = tuple(line.strip() for line in text.splitlines() if line.strip())
    if not names:
        raise DatasetError("{source} names no classes; download the dataset again.", source=source)
    return names


def read_members(archive: str | os.PathLike, wanted: dict[str, int]) -> dict[str, bytes]:
    """The bytes of the named regular-file members of a .tar.gz, each at most its size cap.

    `wanted` maps member name -> size cap. The archive is read front to back once
    (stream mode), so gzip never has to rewind; a member that appears twice keeps its
    last copy, as tar itself would.
    """
    name = shown_name(archive)
    found: dict[str, bytes] = {}
    if not os.path.lexists(archive):
        raise DatasetError("{name} is missing; download the dataset first.", name=name)
    # A gzip this much larger than every member together is not the archive we want.
    limit = sum(wanted.values()) + MAX_ARCHIVE_OVERHEAD
    try:
        with open_regular(archive, limit=limit, error=DatasetError) as raw, \
                tarfile.open(fileobj=raw, mode="r|gz") as tar:
            for member in tar:
                key = member.name[2:] if member.name.startswith("./") else member.name
                if key not in wanted:
                    continue  # never look at, let alone write, anything else (../evil, absolute paths...)
                if not member.isreg():
                    raise DatasetError(
                        "{name} stores {key} as a link or folder, not a plain file; "
                        "Glassbox refuses to follow it, download the dataset again.",
                        name=name, key=key,
                    )
                if member.size > wanted[key]:
                    raise DatasetError("{name} stores an oversized {key} ({size:,} bytes); "
                                       "download the dataset again.", name=name, key=key, size=member.size)
                stream = tar.extractfile(member)
                found[key] = stream.read(wanted[key] + 1) if stream is not None else b""
                if len(found[key]) > wanted[key]:
                    raise DatasetError("{name} stores an oversized {key} ({size:,} bytes); "
                                       "download the dataset again.", name=name, key=key, size=len(found[key]))
    except DatasetError:
        raise
    except (tarfile.TarError, EOFError, zlib.error) as error:
        raise DatasetError("{name} is not a readable .tar.gz archive ({error}); "
                           "download the dataset again.", name=name, error=error) from None
    except (OSError, ValueError, struct.error, UnicodeError, OverflowError) as error:  # includes gzip.BadGzipFile
        raise DatasetError("{name} cannot be read ({error}); "
                           "download the dataset again.", name=name,
                           error=getattr(error, "strerror", None) or error) from None
    missing = [key for key in wanted if key not in found]
    if missing:
        raise DatasetError("{name} lacks {missing}; it is not the CIFAR-10 binary archive, "
                           "download the dataset again.", name=name, missing=', '.join(missing))
    return found


def read_cifar10(archive: str | os.PathLike) -> Cifar10:
    """Read cifar-10-binary.tar.gz (or a smaller archive with the same member names)."""
    caps = {member: MAX_BATCH_BYTES for member in (*TRAIN_MEMBERS, TEST_MEMBER)}
    caps[META_MEMBER] = MAX_META_BYTES
    members = read_members(archive, caps)
    class_names = parse_class_names(members[META_MEMBER], META_MEMBER)
    train = [_batch_views(members[key], key) for key in TRAIN_MEMBERS]
    test_images, test_labels = parse_batch(members[TEST_MEMBER], TEST_MEMBER)
    train_labels = np.concatenate([labels for _, labels in train])
    largest = int(max(train_labels.max(), test_labels.max()))
    if largest >= len(class_names):
        raise DatasetError(
            "{archive} has label {largest} but names only "
            "{count} classes; download the dataset again.",
            archive=shown_name(archive), largest=largest, count=len(class_names),
        )
    return Cifar10(
        train_images=np.concatenate([images for images, _ in train]),
        train_labels=train_labels,
        test_images=test_images,
        test_labels=test_labels,
        class_names=class_names,
    )
