"""The dataset file parsers: MNIST's IDX and CIFAR-10's binary archive.

The files are made here, small, so nothing is downloaded. The CIFAR tests also check
that hostile archive members (paths out of the folder, links, pickles) are never
written, followed or run: the reader only ever reads named members into memory.
"""

from __future__ import annotations

import gzip
import io
import os
import pickle
import struct
import tarfile

import numpy as np
import pytest

from core.data import cifar
from core.data.idx import encode_idx, parse_idx, read_idx
from core.errors import DatasetError

RNG = np.random.default_rng(0)


# ---- IDX -------------------------------------------------------------------------

def hand_made_idx(images: np.ndarray) -> bytes:
    """IDX bytes written straight from the format description, independent of encode_idx."""
    n, rows, cols = images.shape
    return b"\x00\x00\x08\x03" + struct.pack(">III", n, rows, cols) + images.tobytes()


@pytest.mark.parametrize("gzipped", [False, True], ids=["plain", "gzip"])
def test_idx_images_and_labels_round_trip(tmp_path, gzipped):
    images = RNG.integers(0, 256, (20, 28, 28), dtype=np.uint8)
    labels = RNG.integers(0, 10, 20, dtype=np.uint8)
    for name, data in (("images", hand_made_idx(images)), ("labels", encode_idx(labels))):
        (tmp_path / name).write_bytes(gzip.compress(data) if gzipped else data)
    read_images, read_labels = read_idx(tmp_path / "images"), read_idx(tmp_path / "labels")
    assert read_images.dtype == np.uint8 and read_images.shape == (20, 28, 28)
    assert read_labels.dtype == np.uint8 and read_labels.shape == (20,)
    np.testing.assert_array_equal(read_images, images)
    np.testing.assert_array_equal(read_labels, labels)
    read_images[0, 0, 0] = 1  # a writable copy, not a view of the file's bytes


def test_idx_header_encodes_type_and_big_endian_dims():
    data = encode_idx(np.zeros((2, 3), dtype=np.uint8))
    assert data[:4] == b"\x00\x00\x08\x02"
    assert data[4:12] == b"\x00\x00\x00\x02\x00\x00\x00\x03"
    assert len(data) == 12 + 6


@pytest.mark.parametrize("dtype", ["int8", "int16", "int32", "float32", "float64"])
def test_idx_multibyte_values_are_big_endian_and_come_back_native(dtype):
    values = (RNG.standard_normal((4, 5)) * 100).astype(dtype)
    data = encode_idx(values)
    assert data[4 + 8:] == values.astype(values.dtype.newbyteorder(">")).tobytes()
    back = parse_idx(data)
    assert back.dtype == np.dtype(dtype) and back.dtype.isnative
    np.testing.assert_array_equal(back, values)


@pytest.mark.parametrize(
    "data, words",
    [
        (b"", "too short"),
        (b"\x01\x00\x08\x01" + struct.pack(">I", 1) + b"\x00", "magic"),
        (b"\x00\x00\x07\x01" + struct.pack(">I", 1) + b"\x00", "magic"),  # no type 0x07
        (b"\x00\x00\x08\x00", "dimensions"),
        (b"\x00\x00\x08\x03" + struct.pack(">I", 2), "header"),
        (b"\x00\x00\x08\x01" + struct.pack(">I", 5) + b"abc", "truncated"),
        (b"\x00\x00\x08\x01" + struct.pack(">I", 2) + b"abc", "truncated"),  # extra bytes
        (b"\x00\x00\x0c\x01" + struct.pack(">I", 2) + b"\x00" * 7, "truncated"),  # int32 needs 8
        (b"\x00\x00\x08\x03" + struct.pack(">III", 2**31, 2**31, 2**31), "truncated"),  # absurd dims
    ],
    ids=["empty", "magic", "type", "zero-dims", "short-header", "short-data", "extra-data",
         "short-int32", "huge-dims"],
)
def test_malformed_idx_raises_a_dataset_error(data, words):
    with pytest.raises(DatasetError, match=words) as caught:
        parse_idx(data, "labels.idx")
    assert "labels.idx" in str(caught.value)


def test_damaged_gzip_and_missing_file_raise_dataset_errors(tmp_path):
    whole = gzip.compress(encode_idx(np.arange(1000, dtype=np.uint8)))
    (tmp_path / "cut.gz").write_bytes(whole[: len(whole) // 2])
    with pytest.raises(DatasetError, match="cut.gz"):
        read_idx(tmp_path / "cut.gz")
    with pytest.raises(DatasetError, match="missing"):
        read_idx(tmp_path / "absent.gz")


def test_idx_larger_than_the_cap_is_refused_without_reading_it_all(tmp_path):
    (tmp_path / "big.gz").write_bytes(gzip.compress(encode_idx(np.zeros(10_000, dtype=np.uint8))))
    with pytest.raises(DatasetError, match="too large"):
        read_idx(tmp_path / "big.gz", max_bytes=1000)


# ---- CIFAR-10 ----------------------------------------------------------------------

CLASS_NAMES = ("airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck")


def batch_bytes(images: np.ndarray, labels: np.ndarray) -> bytes:
    """The binary records: a label byte, then the red, green and blue planes."""
    return b"".join(bytes([label]) + image.tobytes() for image, label in zip(images, labels))


def add_member(tar: tarfile.TarFile, name: str, data: bytes = b"", **fields) -> None:
    info = tarfile.TarInfo(name)
    info.size = len(data)
    for key, value in fields.items():
        setattr(info, key, value)
    tar.addfile(info, io.BytesIO(data) if data else None)


def make_archive(path, batches, meta=None, extra=()) -> None:
    """A cifar-10-binary.tar.gz look-alike: `batches` maps member name -> bytes."""
    meta = meta if meta is not None else ("\n".join(CLASS_NAMES) + "\n\n").encode()
    with tarfile.open(path, "w:gz") as tar:
        add_member(tar, cifar.MEMBER_DIR, type=tarfile.DIRTYPE)
        for name, data, fields in extra:
            add_member(tar, name, data, **fields)
        for name, data in batches.items():
            add_member(tar, name, data)
        add_member(tar, cifar.META_MEMBER, meta)


def fake_batches(per_batch=4, test=3, rng=RNG):
    split = {}
    for name in (*cifar.TRAIN_MEMBERS, cifar.TEST_MEMBER):
        n = test if name == cifar.TEST_MEMBER else per_batch
        images = rng.integers(0, 256, (n, 3, 32, 32), dtype=np.uint8)
        labels = rng.integers(0, 10, n, dtype=np.uint8)
        split[name] = (images, labels)
    return split


def test_batch_records_become_channel_first_images():
    record = bytes([7]) + bytes(range(256)) * 12  # 3,072 pixel bytes
    images, labels = cifar.parse_batch(record * 2)
    assert images.shape == (2, 3, 32, 32) and images.dtype == np.uint8
    assert labels.tolist() == [7, 7]
    # channel c, row r, column k is pixel byte c*1024 + r*32 + k of the record
    for c, r, k in [(0, 0, 0), (0, 1, 5), (1, 0, 0), (2, 31, 31)]:
        assert images[1, c, r, k] == record[1 + c * 1024 + r * 32 + k]


@pytest.mark.parametrize("size", [0, cifar.RECORD_SIZE - 1, cifar.RECORD_SIZE + 1, 3 * cifar.RECORD_SIZE - 5])
def test_a_batch_that_is_not_whole_records_raises(size):
    with pytest.raises(DatasetError, match="records"):
        cifar.parse_batch(b"\x00" * size, "data_batch_1.bin")


def test_archive_round_trip(tmp_path):
    split = fake_batches()
    archive = tmp_path / cifar.ARCHIVE_NAME
    make_archive(archive, {name: batch_bytes(*pair) for name, pair in split.items()})
    data = cifar.read_cifar10(archive)
    assert data.class_names == CLASS_NAMES
    train_images = np.concatenate([split[name][0] for name in cifar.TRAIN_MEMBERS])
    train_labels = np.concatenate([split[name][1] for name in cifar.TRAIN_MEMBERS])
    np.testing.assert_array_equal(data.train_images, train_images)
    np.testing.assert_array_equal(data.train_labels, train_labels)
    np.testing.assert_array_equal(data.test_images, split[cifar.TEST_MEMBER][0])
    np.testing.assert_array_equal(data.test_labels, split[cifar.TEST_MEMBER][1])
    assert data.train_images.shape == (20, 3, 32, 32) and data.train_images.dtype == np.uint8


def test_archive_with_a_broken_batch_or_missing_member_raises(tmp_path):
    batches = {name: batch_bytes(*pair) for name, pair in fake_batches().items()}
    broken = dict(batches, **{cifar.TRAIN_MEMBERS[2]: batches[cifar.TRAIN_MEMBERS[2]][:-1]})
    make_archive(tmp_path / "broken.tar.gz", broken)
    with pytest.raises(DatasetError, match="data_batch_3.bin"):
        cifar.read_cifar10(tmp_path / "broken.tar.gz")
    del batches[cifar.TEST_MEMBER]
    make_archive(tmp_path / "partial.tar.gz", batches)
    with pytest.raises(DatasetError, match="lacks .*test_batch.bin"):
        cifar.read_cifar10(tmp_path / "partial.tar.gz")


def test_label_beyond_the_named_classes_raises(tmp_path):
    split = fake_batches()
    images, labels = split[cifar.TEST_MEMBER]
    split[cifar.TEST_MEMBER] = (images, np.array([0, 1, 200], dtype=np.uint8))
    make_archive(tmp_path / "a.tar.gz", {name: batch_bytes(*pair) for name, pair in split.items()})
    with pytest.raises(DatasetError, match="label 200"):
        cifar.read_cifar10(tmp_path / "a.tar.gz")


def test_not_a_tar_gz_raises(tmp_path):
    (tmp_path / "junk.tar.gz").write_bytes(b"this is not an archive" * 10)
    with pytest.raises(DatasetError, match="junk.tar.gz"):
        cifar.read_cifar10(tmp_path / "junk.tar.gz")
    (tmp_path / "plain.tar.gz").write_bytes(gzip.compress(b"\x01" * 2000))
    with pytest.raises(DatasetError, match="plain.tar.gz"):
        cifar.read_cifar10(tmp_path / "plain.tar.gz")


def snapshot(folder):
    return sorted(str(path.relative_to(folder)) for path in folder.rglob("*"))


class _Payload:
    """Unpickling this would create a folder: proof that something unpickled the archive."""

    def __init__(self, marker):
        self.marker = marker

    def __reduce__(self):
        return os.mkdir, (self.marker,)


def test_hostile_members_are_never_written_followed_or_unpickled(tmp_path, monkeypatch):
    marker = tmp_path / "unpickled"
    hostile = [
        ("../evil", b"escaped", {}),
        ("../../evil2", b"escaped", {}),
        (str(tmp_path / "absolute-evil"), b"escaped", {}),
        (f"{cifar.MEMBER_DIR}/link-out", b"", {"type": tarfile.SYMTYPE, "linkname": "../../evil3"}),
        (f"{cifar.MEMBER_DIR}/batches.meta", pickle.dumps(_Payload(str(marker))), {}),
        (f"{cifar.MEMBER_DIR}/data_batch_1", pickle.dumps(_Payload(str(marker))), {}),
    ]
    archive_dir = tmp_path / "archive"
    archive_dir.mkdir()
    archive = archive_dir / cifar.ARCHIVE_NAME
    make_archive(archive, {name: batch_bytes(*pair) for name, pair in fake_batches().items()}, extra=hostile)
    work = tmp_path / "work" / "inner"
    work.mkdir(parents=True)
    monkeypatch.chdir(work)
    before = snapshot(tmp_path)
    data = cifar.read_cifar10(archive)
    assert len(data.train_images) == 20
    assert snapshot(tmp_path) == before  # nothing extracted, here or anywhere in tmp_path
    assert not marker.exists()


@pytest.mark.parametrize("kind", [tarfile.SYMTYPE, tarfile.LNKTYPE])
def test_a_wanted_member_that_is_a_link_is_refused(tmp_path, kind):
    secret = tmp_path / "secret.bin"
    secret.write_bytes(b"\x01" * cifar.RECORD_SIZE)  # would parse as a batch if followed
    batches = {name: batch_bytes(*pair) for name, pair in fake_batches().items()}
    del batches[cifar.TRAIN_MEMBERS[0]]
    link = [(cifar.TRAIN_MEMBERS[0], b"", {"type": kind, "linkname": str(secret)})]
    make_archive(tmp_path / "links.tar.gz", batches, extra=link)
    before = snapshot(tmp_path)
    with pytest.raises(DatasetError, match="link"):
        cifar.read_cifar10(tmp_path / "links.tar.gz")
    assert snapshot(tmp_path) == before


def test_oversized_member_is_refused_before_it_is_read(tmp_path):
    batches = {name: batch_bytes(*pair) for name, pair in fake_batches().items()}
    make_archive(tmp_path / "a.tar.gz", batches, meta=b"x\n" * (cifar.MAX_META_BYTES // 2 + 1))
    with pytest.raises(DatasetError, match="oversized"):
        cifar.read_cifar10(tmp_path / "a.tar.gz")


def test_class_names_need_text_lines():
    assert cifar.parse_class_names(b"cat\r\ndog\n\n\n") == ("cat", "dog")
    with pytest.raises(DatasetError):
        cifar.parse_class_names(b"\n\n")
    with pytest.raises(DatasetError):
        cifar.parse_class_names(b"\xff\xfe")
