"""Every reader against paths that are not ordinary files: a sentence at once, never a hang or a flood.

FIFOs (a read would wait for a writer forever), /dev/zero and /dev/urandom (endless), a folder
named like a file, a symlink loop, a broken link, an empty file, and a file bigger than the cap.
"""

from __future__ import annotations

import io
import os
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from core.data import cifar, images
from core.data.cifar import read_cifar10
from core.data.idx import encode_idx, read_idx
from core.data.image_folder import iter_images, scan_image_folder
from core.data.images import load_image
from core.errors import DatasetError, GlassboxError, ImageLoadError, SessionError
from core.session import files as session_files
from core.session.files import read_session

pytestmark = pytest.mark.skipif(not (hasattr(os, "mkfifo") and os.path.exists("/dev/zero")),
                                reason="needs FIFOs and /dev/zero")


def _fifo(path: Path) -> None:
    os.mkfifo(path)


def _zero(path: Path) -> None:
    os.symlink("/dev/zero", path)


def _urandom(path: Path) -> None:
    os.symlink("/dev/urandom", path)


def _folder(path: Path) -> None:
    path.mkdir()


def _loop(path: Path) -> None:
    os.symlink(path, path)


def _broken(path: Path) -> None:
    os.symlink(path.parent / "nowhere", path)


def _empty(path: Path) -> None:
    path.write_bytes(b"")


HOSTILE = {"fifo": _fifo, "/dev/zero": _zero, "/dev/urandom": _urandom, "folder": _folder,
           "symlink loop": _loop, "broken link": _broken, "empty": _empty}
READERS = {  # reader, its error class, the file name it is given
    "image": (load_image, ImageLoadError, "x.png"),
    "idx": (read_idx, DatasetError, "train-images-idx3-ubyte.gz"),
    "cifar": (read_cifar10, DatasetError, "cifar-10-binary.tar.gz"),
    "session": (read_session, SessionError, "lesson.glassbox"),
}


def _slug(case: str) -> str:
    return case.strip("/").replace("/", "_").replace(" ", "_")


def one_sentence(error: BaseException, kind: type) -> str:
    assert isinstance(error, kind), repr(error)
    text = str(error)
    assert "\n" not in text and text.endswith(".") and len(text) < 400, text
    return text


@pytest.mark.parametrize("reader", READERS, ids=READERS)
def test_a_special_path_is_one_sentence_at_once(tmp_path, reader):
    read, error, name = READERS[reader]
    for case, make in HOSTILE.items():
        folder = tmp_path / _slug(case)
        folder.mkdir()
        make(folder / name)
        with pytest.raises(error) as caught:
            read(folder / name)
        one_sentence(caught.value, error)


@pytest.mark.parametrize("reader", READERS, ids=READERS)
def test_a_path_the_system_refuses_is_one_sentence(tmp_path, reader):
    read, error, name = READERS[reader]
    for path in (tmp_path / ("n" * 5000 + name), tmp_path / "deep" / ("d" * 300) / name, tmp_path / f"nul\0{name}"):
        with pytest.raises(error) as caught:
            read(path)
        one_sentence(caught.value, error)


def test_files_over_each_readers_cap_are_refused_unread(tmp_path, monkeypatch):
    big = tmp_path / "big"
    big.write_bytes(b"\0" * 5000)
    for module, attribute, read, error in ((images, "MAX_FILE_BYTES", load_image, ImageLoadError),
                                           (session_files, "MAX_FILE_BYTES", read_session, SessionError)):
        monkeypatch.setattr(module, attribute, 1000)
        with pytest.raises(error, match="too big"):
            read(big)
    with pytest.raises(DatasetError, match="too big"):
        read_idx(big, max_bytes=1000)
    monkeypatch.setattr(cifar, "MAX_ARCHIVE_OVERHEAD", 0)
    monkeypatch.setattr(cifar, "MAX_BATCH_BYTES", 100)
    monkeypatch.setattr(cifar, "MAX_META_BYTES", 100)
    with pytest.raises(DatasetError, match="too big"):
        read_cifar10(big)


def test_a_gzip_that_inflates_past_the_cap_is_refused(tmp_path):
    import gzip

    path = tmp_path / "bomb.gz"
    path.write_bytes(gzip.compress(encode_idx(np.zeros((100, 100), np.uint8))))
    with pytest.raises(DatasetError, match="too large"):
        read_idx(path, max_bytes=5000)
    assert read_idx(path).shape == (100, 100)


def _png(path: Path) -> None:
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), (200, 10, 10)).save(buffer, "PNG")
    path.write_bytes(buffer.getvalue())


def test_a_folder_listing_skips_every_special_entry_without_opening_it(tmp_path):
    root = tmp_path / "photos"
    for cls in ("cat", "dog"):
        (root / cls).mkdir(parents=True)
        _png(root / cls / "good.png")
        for case, make in HOSTILE.items():
            make(root / cls / f"{_slug(case)}.png")
    _fifo(root / "fifo_class")  # not a folder: not a class
    _zero(root / "zero_class")
    _loop(root / "loop_class")
    folder = scan_image_folder(root)
    assert folder.class_names == ("cat", "dog")
    # The empty file is a regular file: listed, then skipped with its sentence when decoded.
    assert [p.name for p in folder.files[0]] == ["empty.png", "good.png"]
    decoded = list(iter_images(folder))
    assert sum(image is not None for _, _, image in decoded) == 2
    assert [p.name for p, _ in folder.skipped] == ["empty.png", "empty.png"]


def test_a_folder_that_is_not_a_folder_is_one_sentence(tmp_path):
    cases = {"fifo": _fifo, "/dev/zero": _zero, "symlink loop": _loop, "broken link": _broken, "empty": _empty}
    for case, make in cases.items():
        path = tmp_path / _slug(case)
        make(path)
        with pytest.raises(DatasetError) as caught:
            scan_image_folder(path)
        one_sentence(caught.value, DatasetError)
    for path in (tmp_path / ("n" * 5000), "bad\0path", tmp_path / "empty" / "below"):
        with pytest.raises(DatasetError) as caught:
            scan_image_folder(path)
        message = one_sentence(caught.value, DatasetError)
        assert len(message) < 250, message


def test_subfolders_named_with_control_characters_are_refused_in_one_printable_sentence(tmp_path):
    _png(tmp_path / "cat.png")
    (tmp_path / "dog\nerror: fake").mkdir()
    (tmp_path / "cat").mkdir()
    with pytest.raises(DatasetError) as caught:
        scan_image_folder(tmp_path)
    assert "control character" in one_sentence(caught.value, DatasetError)


def test_every_refusal_is_a_glassbox_error_not_an_os_error(tmp_path):
    # The readers' shared promise, checked on one more odd path: a file where a folder should be.
    (tmp_path / "file").write_text("x")
    for read, _, name in READERS.values():
        with pytest.raises(GlassboxError):
            read(tmp_path / "file" / name)


@pytest.mark.skipif(not os.path.exists("/proc/self/maps"), reason="no /proc here")
def test_a_file_that_says_it_is_empty_but_grows_past_the_cap_is_cut_off(tmp_path, monkeypatch):
    # /proc files report 0 bytes and then keep giving: the reader must stop at its cap, not trust the size.
    from core.nets import model_store

    growing = tmp_path / "growing"
    os.symlink("/proc/self/maps", growing)
    monkeypatch.setattr(images, "MAX_FILE_BYTES", 100)
    monkeypatch.setattr(session_files, "MAX_FILE_BYTES", 100)
    monkeypatch.setattr(model_store, "MAX_JSON_BYTES", 100)
    for read, error in ((load_image, ImageLoadError), (read_session, SessionError),
                        (lambda p: read_idx(p, max_bytes=100), DatasetError)):
        with pytest.raises(error, match="too big"):
            read(growing)
    os.symlink("/proc/self/maps", tmp_path / "m.json")
    (tmp_path / "m.safetensors").write_bytes(b"")
    with pytest.raises(model_store.ModelError, match="too big"):
        model_store.read_model_info("m", tmp_path)
