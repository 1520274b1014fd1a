"""core/files.py: reading never trusts a path, writing never loses the old file."""

from __future__ import annotations

import os
import stat

import pytest

from core import files
from core.errors import GlassboxError
from core.files import (FileReadError, FileWriteError, atomic_output, atomic_write, check_regular, open_regular,
                        read_bytes, read_text, shown_name, writable_target)

POSIX = os.name == "posix"
needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
needs_devices = pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero here")


class Refused(GlassboxError):
    """The caller's own error class: every failure must come out as it."""


def one_sentence(error: BaseException) -> str:
    text = str(error)
    assert isinstance(error, Refused), repr(error)
    assert "\n" not in text and text.endswith("."), text
    return text


def refused_read(path, limit: int = 1000, reader=read_bytes) -> str:
    with pytest.raises(Refused) as caught:
        reader(path, limit=limit, error=Refused)
    return one_sentence(caught.value)


# ============================================================================ reading
def test_a_regular_file_is_read_whole(tmp_path):
    path = tmp_path / "a.bin"
    path.write_bytes(b"\x00\x01" * 100)
    assert read_bytes(path, limit=200, error=Refused) == b"\x00\x01" * 100
    assert check_regular(path, limit=200, error=Refused).st_size == 200
    path.write_text("\ufeffhello", encoding="utf-8")
    assert read_text(path, limit=200, error=Refused) == "hello"


def test_a_file_over_the_limit_is_refused_before_it_is_read(tmp_path):
    path = tmp_path / "big.bin"
    path.write_bytes(b"x" * 1001)
    assert "too big" in refused_read(path)
    with pytest.raises(Refused, match="too big"):
        check_regular(path, limit=1000, error=Refused)


@pytest.mark.skipif(not os.path.exists("/proc/self/maps"), reason="no /proc here")
def test_a_file_that_reports_size_zero_but_grows_past_the_limit_stops_at_the_limit():
    # /proc files say 0 bytes and then give more: like a file that grows while it is read.
    assert "too big" in refused_read("/proc/self/maps", limit=10)


def test_missing_folder_and_empty_name(tmp_path):
    assert "does not exist" in refused_read(tmp_path / "gone.png")
    (tmp_path / "x.png").mkdir()
    assert "folder" in refused_read(tmp_path / "x.png")
    assert refused_read(tmp_path / "bad\0name")


@needs_fifo
def test_a_fifo_is_refused_at_once_without_a_writer(tmp_path):
    fifo = tmp_path / "x.png"
    os.mkfifo(fifo)
    assert "not a regular file" in refused_read(fifo)
    assert "not a regular file" in refused_read(fifo, reader=read_text)
    with pytest.raises(Refused, match="not a regular file"):
        check_regular(fifo, error=Refused)
    with pytest.raises(Refused, match="not a regular file"):
        with open_regular(fifo, limit=10, error=Refused):
            pass


@needs_devices
@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom", "/dev/null"])
def test_devices_are_refused_without_reading_them(device):
    assert "not a regular file" in refused_read(device, limit=2**40)


@pytest.mark.skipif(not POSIX, reason="symbolic links")
def test_a_symlink_loop_and_a_broken_link_are_one_sentence(tmp_path):
    os.symlink(tmp_path / "loop_b", tmp_path / "loop_a")
    os.symlink(tmp_path / "loop_a", tmp_path / "loop_b")
    assert refused_read(tmp_path / "loop_a")
    os.symlink(tmp_path / "nowhere", tmp_path / "broken.png")
    assert "does not exist" in refused_read(tmp_path / "broken.png")


def test_a_path_too_long_for_the_system_is_one_sentence(tmp_path):
    message = refused_read(tmp_path / ("n" * 5000))
    assert "too long" in message and len(message) < 300, message


def test_text_that_is_not_utf8_is_one_sentence(tmp_path):
    path = tmp_path / "latin.txt"
    path.write_bytes(b"caf\xe9")
    assert "not UTF-8" in refused_read(path, reader=read_text)


def test_open_regular_streams_and_stops_a_file_that_grows_past_its_limit(tmp_path):
    path = tmp_path / "stream.bin"
    path.write_bytes(b"abcdef")
    with open_regular(path, limit=6, error=Refused) as stream:
        assert stream.read(2) == b"ab"
        stream.seek(0)
        assert stream.read() == b"abcdef"
    with open_regular(path, limit=6, error=Refused) as stream:
        with path.open("ab") as grower:  # it grows after the size was checked
            grower.write(b"ghij")
        with pytest.raises(Refused, match="too big"):
            stream.read()


def test_shown_name_is_printable_and_short():
    assert shown_name("/a/b/photo.png") == "photo.png"
    assert "\n" not in shown_name("bad\nname.png") and shown_name("bad\nname.png").endswith("name.png")
    assert len(shown_name("x" * 5000)) == files.SHOWN_NAME
    assert shown_name(b"\xff.png".decode("utf-8", "surrogateescape")).isprintable()


# ============================================================================ writing
def test_atomic_write_replaces_the_file_whole(tmp_path):
    path = tmp_path / "out.csv"
    atomic_write(path, "new\n")
    assert path.read_text() == "new\n"
    atomic_write(path, b"newer\n", error=Refused)
    assert path.read_bytes() == b"newer\n" and os.listdir(tmp_path) == ["out.csv"]


def test_a_failure_inside_the_block_leaves_the_old_file_exactly_as_it_was(tmp_path):
    path = tmp_path / "out.csv"
    path.write_bytes(b"old contents")
    with pytest.raises(RuntimeError):
        with atomic_output(path, error=Refused) as stream:
            stream.write(b"half of the new")
            raise RuntimeError("the exporter failed half way")
    assert path.read_bytes() == b"old contents" and os.listdir(tmp_path) == ["out.csv"]


def test_a_full_disk_is_one_sentence_and_the_old_file_is_kept(tmp_path, monkeypatch):
    path = tmp_path / "out.csv"
    path.write_bytes(b"old contents")

    def full(descriptor):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(files.os, "fsync", full)
    with pytest.raises(Refused) as caught:
        atomic_write(path, b"x" * 10000, error=Refused)
    assert "disk is full" in one_sentence(caught.value)
    assert path.read_bytes() == b"old contents" and os.listdir(tmp_path) == ["out.csv"]


@needs_fifo
def test_writing_over_a_fifo_a_folder_or_a_device_is_refused(tmp_path):
    fifo = tmp_path / "x.png"
    os.mkfifo(fifo)
    (tmp_path / "folder.png").mkdir()
    for target in (fifo, tmp_path / "folder.png") + ((("/dev/full"),) if os.path.exists("/dev/full") else ()):
        with pytest.raises(Refused) as caught:
            atomic_write(target, b"data", error=Refused)
        one_sentence(caught.value)
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)


def test_bad_targets_are_refused_before_anything_is_written(tmp_path):
    for target, words in ((tmp_path / ("n" * 300), "too long"), (tmp_path / "missing" / "a.csv", "does not exist"),
                          (tmp_path / "bad\0.csv", "not a usable")):
        with pytest.raises(Refused, match=words):
            writable_target(target, Refused)
    (tmp_path / "file").write_text("x")
    with pytest.raises(Refused, match="is a file, not a folder|cannot be written"):
        atomic_write(tmp_path / "file" / "a.csv", b"x", error=Refused)
    assert sorted(os.listdir(tmp_path)) == ["file"]


@pytest.mark.skipif(not POSIX, reason="POSIX permissions")
def test_a_replaced_file_keeps_its_permissions(tmp_path):
    path = tmp_path / "shared.csv"
    path.write_text("old")
    path.chmod(0o640)
    atomic_write(path, "new")
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


def test_default_error_classes_are_glassbox_errors(tmp_path):
    with pytest.raises(FileReadError):
        read_bytes(tmp_path / "gone", limit=10)
    with pytest.raises(FileWriteError):
        atomic_write(tmp_path / "missing" / "x", b"")
