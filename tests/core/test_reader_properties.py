"""Property tests of every reader: any bytes, any folder tree gives a result or a typed GlassboxError.

Never another exception, never a hang: random bytes as an image, an IDX file, a CIFAR archive or
member, a model description or weights file, a session; random folder trees holding FIFOs, links
to /dev/zero, link loops, empty files and deep JSON. Examples are few and small so the file stays fast.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import tarfile
import tempfile
import zipfile
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.data import cifar
from core.data.idx import parse_idx, read_idx
from core.data.image_folder import iter_images, scan_image_folder
from core.data.images import LoadedImage, decode_image, load_image
from core.errors import DatasetError, ImageLoadError, ModelError, SessionError
from core.nets.model_store import FORMAT, ModelInfo, list_models, load_model, read_model_info
from core.session.files import read_session

FEW = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SOME = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SPECIAL = hasattr(os, "mkfifo") and os.path.exists("/dev/zero")

# Real signatures, so that random tails reach the decoders instead of stopping at "not an image".
SIGNATURES = [b"", b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff\xe0", b"GIF89a", b"BM", b"II*\x00", b"MM\x00*",
              b"RIFF\x10\x00\x00\x00WEBP", b"\x00\x00\x01\x00", b"P6\n", b"qoif", b"\x01\xda", b"8BPS"]


def _valid_images() -> list[bytes]:
    from PIL import Image

    made = []
    for mode, fmt, value in (("RGB", "PNG", (10, 200, 30)), ("L", "TIFF", 7), ("F", "TIFF", 0.25), ("I;16", "PNG", 300),
                             ("P", "GIF", 3), ("RGB", "JPEG", (0, 0, 255)), ("RGBA", "TIFF", (1, 2, 3, 4))):
        buffer = io.BytesIO()
        Image.new(mode, (6, 5), value).save(buffer, fmt)
        made.append(buffer.getvalue())
    return made


VALID_IMAGES = _valid_images()


def _image_or_refusal(data: bytes) -> None:
    try:
        image = decode_image(data, name="fuzz.png", max_side=64)
    except ImageLoadError as error:
        assert "\n" not in str(error) and str(error).endswith(".")
        return
    assert isinstance(image, LoadedImage) and image.pixels.dtype == np.uint8 and image.pixels.shape[2] == 3


@SOME
@given(st.sampled_from(SIGNATURES), st.binary(max_size=300))
def test_random_bytes_as_an_image(signature, tail):
    _image_or_refusal(signature + tail)


@SOME
@given(st.sampled_from(VALID_IMAGES), st.lists(st.tuples(st.integers(0, 10**6), st.integers(0, 255)), max_size=6),
       st.integers(0, 10**6))
def test_damaged_real_images(original, flips, cut):
    data = bytearray(original)
    for position, value in flips:
        data[position % len(data)] = value
    _image_or_refusal(bytes(data[: max(1, len(data) - cut % len(data))]))


@FEW
@given(st.binary(max_size=200), st.booleans())
def test_random_bytes_as_an_idx_file(data, zipped):
    try:
        parse_idx(data)
    except DatasetError:
        pass
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "images-idx3-ubyte.gz"
        path.write_bytes(gzip.compress(data) if zipped else data)
        try:
            assert isinstance(read_idx(path), np.ndarray)
        except DatasetError:
            pass


@FEW
@given(st.integers(0, 255), st.integers(0, 9), st.lists(st.integers(0, 2**32 - 1), max_size=9), st.binary(max_size=64))
def test_idx_headers_with_random_dimensions(code, ndim, dims, body):
    data = bytes([0, 0, code, ndim]) + b"".join(d.to_bytes(4, "big") for d in dims) + body
    try:
        parse_idx(data)
    except DatasetError:
        pass


def _tar_gz(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as tar:
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return buffer.getvalue()


@FEW
@given(st.binary(max_size=400), st.sampled_from(["raw", "gzip", "tar"]),
       st.sampled_from([cifar.TEST_MEMBER, cifar.META_MEMBER, *cifar.TRAIN_MEMBERS]))
def test_random_bytes_as_a_cifar_archive_or_member(data, wrap, member):
    for parse in (cifar.parse_batch, cifar.parse_class_names):
        try:
            parse(data)
        except DatasetError:
            pass
    content = {"raw": lambda: data, "gzip": lambda: gzip.compress(data),
               "tar": lambda: _tar_gz({member: data, cifar.META_MEMBER: b"a\nb\n"})}[wrap]()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / cifar.ARCHIVE_NAME
        path.write_bytes(content)
        try:
            cifar.read_cifar10(path)
        except DatasetError:
            pass


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=20)
GOOD_DESCRIPTION = json.loads(ModelInfo("fuzz", "digits", tuple("0123456789"),
                                        {"input_size": [28, 28], "channels": 1, "mean": [0.1], "std": [0.3]}).to_json())
FIELDS = st.sampled_from(["format", "architecture", "class_names", "preprocessing", "training"])
PREPROCESSING_FIELDS = st.sampled_from(["mean", "std", "input_size", "channels", "invert", "digit_box", "scale"])


def _model_or_refusal(folder: Path, name: str = "fuzz") -> None:
    try:
        read_model_info(name, folder)
        load_model(name, folder)
    except ModelError as error:
        assert "\n" not in str(error) and str(error).endswith(".")
    listing = list_models(folder)
    assert set(listing.names) | {n for n, _ in listing.problems} <= {"fuzz", "good"}


@FEW
@given(st.one_of(st.binary(max_size=300), JSON_VALUES.map(lambda v: json.dumps(v, allow_nan=True).encode()),
                 st.tuples(FIELDS, JSON_VALUES).map(lambda c: json.dumps({**GOOD_DESCRIPTION, c[0]: c[1]}).encode()),
                 st.tuples(PREPROCESSING_FIELDS, JSON_VALUES).map(lambda c: json.dumps(
                     {**GOOD_DESCRIPTION, "preprocessing": {**GOOD_DESCRIPTION["preprocessing"], c[0]: c[1]}}).encode()),
                 st.integers(1, 200_000).map(lambda d: b"[" * d + b"]" * d)))
def test_random_model_descriptions(content):
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "fuzz.json").write_bytes(content)
        (Path(folder) / "fuzz.safetensors").write_bytes(b"")
        _model_or_refusal(Path(folder))


@FEW
@given(st.binary(max_size=300), st.integers(0, 2**64 - 1), st.booleans())
def test_random_weights_files(tail, length, real_length):
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "fuzz.json").write_text(json.dumps(GOOD_DESCRIPTION))
        size = len(tail) if real_length else length
        (Path(folder) / "fuzz.safetensors").write_bytes(size.to_bytes(8, "little") + tail)
        _model_or_refusal(Path(folder))


@FEW
@given(st.one_of(st.binary(max_size=300),
                 st.dictionaries(st.sampled_from(["manifest.json", "session.json", "parts/mlp.json", "../x", "a"]),
                                 st.binary(max_size=60), max_size=4)))
def test_random_sessions(content):
    if isinstance(content, dict):
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            for name, data in content.items():
                archive.writestr(name, data)
        content = buffer.getvalue()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "fuzz.glassbox"
        path.write_bytes(content)
        try:
            read_session(path)
        except SessionError as error:
            assert "\n" not in str(error) and str(error).endswith(".")


# ============================================================================ folder trees
KINDS = ["folder", "image", "empty", "noise", "deep json", "description"] + (
    ["fifo", "zero", "loop", "broken"] if SPECIAL else [])
NAMES = st.sampled_from(["cat", "dog", "x.png", "a.JPG", "b.tif", ".hidden.png", "fuzz.json", "fuzz.safetensors",
                         "good.json", "n\nl.png"])
TREES = st.lists(st.tuples(st.lists(NAMES, min_size=1, max_size=3), st.sampled_from(KINDS)), max_size=12)


def _make(path: Path, kind: str) -> None:
    if path.exists() or path.is_symlink():
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    if kind == "folder":
        path.mkdir()
    elif kind == "image":
        path.write_bytes(VALID_IMAGES[len(path.name) % len(VALID_IMAGES)])
    elif kind == "empty":
        path.write_bytes(b"")
    elif kind == "noise":
        path.write_bytes(os.urandom(64))
    elif kind == "deep json":
        path.write_bytes(b"[" * 50_000 + b"]" * 50_000)
    elif kind == "description":
        path.write_text(json.dumps(GOOD_DESCRIPTION))
    elif kind == "fifo":
        os.mkfifo(path)
    elif kind == "zero":
        os.symlink("/dev/zero", path)
    elif kind == "loop":
        os.symlink(path, path)
    elif kind == "broken":
        os.symlink(path.parent / "nowhere", path)


@FEW
@given(TREES)
def test_random_folder_trees(tree):
    with tempfile.TemporaryDirectory() as base:
        root = Path(base) / "root"
        root.mkdir()
        for parts, kind in tree:
            try:
                _make(root.joinpath(*parts), kind)
            except OSError:
                pass  # a file, a FIFO or a link loop already stands where this entry's folder would be
        try:
            folder = scan_image_folder(root)
            for _, _, image in iter_images(folder, max_side=16):
                assert image is None or image.pixels.dtype == np.uint8
            assert len(folder.skipped) <= folder.total
        except DatasetError as error:
            assert "\n" not in str(error) and str(error).endswith(".")
        for models in (root, *[p for p in root.iterdir() if p.is_dir() and not p.is_symlink()]):
            listing = list_models(models)
            assert all(isinstance(error, ModelError) for _, error in listing.problems)
        for path in root.rglob("*"):
            if path.suffix.lower() in (".png", ".jpg", ".tif"):
                try:
                    load_image(path, max_side=16)
                except ImageLoadError:
                    pass


@pytest.mark.skipif(not SPECIAL, reason="needs FIFOs and /dev/zero")
def test_a_models_folder_of_nothing_but_trouble_lists_nothing_and_raises_nothing(tmp_path):
    for kind, name in (("fifo", "a.json"), ("zero", "b.json"), ("loop", "c.json"), ("deep json", "d.json"),
                       ("broken", "e.json"), ("folder", "f.json")):
        _make(tmp_path / name, kind)
        _make(tmp_path / name.replace(".json", ".safetensors"), "zero")
    assert FORMAT and list_models(tmp_path).names == []
