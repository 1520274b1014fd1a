"""Files are data: read them without trusting the path, write them without losing the old one.

Reading: `read_bytes(path, limit=..., error=ImageLoadError)` opens without blocking (a FIFO
named x.png must not hang us), accepts regular files only (not folders, devices, pipes or
sockets), refuses a file over `limit` bytes before reading it, and stops reading at the
limit if the file grows meanwhile (/proc files report size 0). `check_regular` does the same
checks without reading, for readers that hand the path to a library.

Writing: `atomic_write(path, data)` and `atomic_output(path)` write a temporary file beside
the target, flush it to disk, then rename it over the target, so a full disk or a crash
leaves the old file exactly as it was. The target must be a regular file or not exist:
writing "over" /dev/full or a FIFO is refused rather than replacing the device node.

Every failure is one sentence in the caller's error class (a GlassboxError subclass), naming
the file and what to do; the templates are literal so they can be translated.
"""

from __future__ import annotations

import contextlib
import errno
import io
import os
import stat
import tempfile
from pathlib import Path
from typing import BinaryIO, Iterator

from core.errors import GlassboxError, Phrase

CHUNK = 2**20
SHOWN_NAME = 60  # characters of a file name echoed in a sentence


class FileReadError(GlassboxError):
    """A file cannot be read: missing, not a regular file, unreadable or too big."""


class FileWriteError(GlassboxError):
    """A file cannot be written: the folder is missing or read-only, the disk is full, or the name is bad."""


def shown_name(path: str | os.PathLike, limit: int = SHOWN_NAME) -> str:
    """The file's name as a sentence shows it: printable, and cut short if it is very long."""
    name = Path(path).name or str(path)
    printable = "".join(ch if ch.isprintable() else "\N{REPLACEMENT CHARACTER}" for ch in name)
    printable = printable.encode("utf-8", "replace").decode("utf-8", "replace")
    if len(printable) > limit:
        printable = printable[: limit - 1] + "…"
    return printable


def shown_path(path: str | os.PathLike, limit: int = SHOWN_NAME) -> str:
    """The whole path, printable, shortened in the middle if long: for things whose folder says what
    they are (/dev/full, /tmp/pipe), where the last part alone would mislead."""
    text = "".join(ch if ch.isprintable() else "\N{REPLACEMENT CHARACTER}" for ch in os.fsdecode(path))
    text = text.encode("utf-8", "replace").decode("utf-8", "replace")
    if len(text) > limit:
        keep = limit - 1
        text = text[: keep // 3] + "…" + text[-(keep - keep // 3):]
    return text


def picture_not_encoded(error: type[GlassboxError] = FileWriteError) -> GlassboxError:
    """The sentence for a picture that could not be encoded (empty, or too big for the encoder)."""
    return error("The picture could not be made into a PNG (it is empty or too big); make the window "
                 "smaller and save again.")


# ============================================================================ reading
def check_regular(path: str | os.PathLike, *, limit: int | None = None,
                  error: type[GlassboxError] = FileReadError) -> os.stat_result:
    """The file's stat if `path` is a regular file (within `limit` bytes); else `error`."""
    descriptor = _open_for_reading(path, error)
    try:
        return _checked_stat(descriptor, path, limit, error)
    finally:
        os.close(descriptor)


def read_bytes(path: str | os.PathLike, *, limit: int, error: type[GlassboxError] = FileReadError) -> bytes:
    """The whole file, if it is a regular file of at most `limit` bytes; else `error`."""
    descriptor = _open_for_reading(path, error)
    try:
        _checked_stat(descriptor, path, limit, error)
        chunks, total = [], 0
        while True:
            chunk = os.read(descriptor, min(CHUNK, limit + 1 - total))
            if not chunk:
                break
            total += len(chunk)
            if total > limit:  # it grew while we read, or it lied about its size
                raise _too_big(path, limit, error)
            chunks.append(chunk)
        return b"".join(chunks)
    except OSError as exc:
        raise _unreadable(path, exc, error) from exc
    finally:
        os.close(descriptor)


@contextlib.contextmanager
def open_regular(path: str | os.PathLike, *, limit: int,
                 error: type[GlassboxError] = FileReadError) -> Iterator[BinaryIO]:
    """A binary stream of a regular file of at most `limit` bytes, for readers that stream (tar, gzip).

    The same checks as `read_bytes` (no blocking on a FIFO, no device, no folder, capped), but
    the bytes are read as the caller goes; reading past `limit` (a file that grows) raises `error`,
    and so does a failed read (one sentence, not an OSError).
    """
    descriptor = _open_for_reading(path, error)
    try:
        _checked_stat(descriptor, path, limit, error)
        if hasattr(os, "set_blocking"):
            os.set_blocking(descriptor, True)  # a regular file: blocking reads are the ordinary kind
        raw = os.fdopen(descriptor, "rb", buffering=0)
    except BaseException:
        os.close(descriptor)
        raise
    with raw:
        yield _CappedReader(raw, path, limit, error)


class _CappedReader(io.RawIOBase):
    """A read-only stream that raises the caller's error once more than `limit` bytes have been read."""

    def __init__(self, raw, path, limit: int, error):
        super().__init__()
        self._raw, self._path, self._limit, self._error, self._total = raw, path, limit, error, 0

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return self._raw.seekable()

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        position = self._raw.seek(offset, whence)
        self._total = position
        return position

    def tell(self) -> int:
        return self._raw.tell()

    def readinto(self, buffer) -> int:
        try:
            count = self._raw.readinto(buffer)
        except OSError as exc:
            raise _unreadable(self._path, exc, self._error) from exc
        self._total += count or 0
        if self._total > self._limit:
            raise _too_big(self._path, self._limit, self._error)
        return count


def read_text(path: str | os.PathLike, *, limit: int, error: type[GlassboxError] = FileReadError) -> str:
    """`read_bytes` decoded as UTF-8 (a byte-order mark is allowed)."""
    data = read_bytes(path, limit=limit, error=error)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise error("{file} is not text (it is not UTF-8); choose another file.",
                    file=shown_name(path)) from None


def _open_for_reading(path, error) -> int:
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        return os.open(path, flags)
    except FileNotFoundError:
        raise error("{file} does not exist; check the name and the folder.", file=shown_name(path)) from None
    except IsADirectoryError:
        raise error("{file} is a folder, not a file; choose a file inside it.", file=shown_name(path)) from None
    except (OSError, ValueError) as exc:  # ValueError: a NUL byte in the path
        raise _unreadable(path, exc, error) from exc


def _checked_stat(descriptor: int, path, limit: int | None, error) -> os.stat_result:
    info = os.fstat(descriptor)
    if stat.S_ISDIR(info.st_mode):
        raise error("{file} is a folder, not a file; choose a file inside it.", file=shown_name(path))
    if not stat.S_ISREG(info.st_mode):
        raise error("{file} is not a regular file (it is a device, pipe or socket); choose a file.",
                    file=shown_path(path))
    if limit is not None and info.st_size > limit:
        raise _too_big(path, limit, error)
    return info


def _too_big(path, limit: int, error) -> GlassboxError:
    return error("{file} is too big to read here (over {limit}); choose a smaller file.",
                 file=shown_name(path), limit=size_text(limit))


def _unreadable(path, exc: BaseException, error) -> GlassboxError:
    if isinstance(exc, PermissionError):
        return error("{file} cannot be read because permission was denied; copy it somewhere you can read, "
                     "or choose another file.", file=shown_name(path))
    if isinstance(exc, OSError) and exc.errno == errno.ENAMETOOLONG:
        return error("The path {file} is too long for this system; move the file to a shorter path.",
                     file=shown_name(path))
    return error("{file} cannot be read; check that it exists and that you may read it.", file=shown_name(path))


def size_text(count: int) -> str:
    """A byte count the way a person says it: 512 MB, 3.2 GB (units are the same in every language)."""
    for unit, scale in (("GB", 2**30), ("MB", 2**20), ("KB", 2**10)):
        if count >= scale:
            value = count / scale
            return f"{value:.0f} {unit}" if value >= 10 else f"{value:.1f} {unit}"
    return f"{count} B"


# ============================================================================ writing
def writable_target(path: str | os.PathLike, error: type[GlassboxError] = FileWriteError) -> Path:
    """`path`, if a file can be written there: its folder exists and it is not a folder, device or pipe."""
    target = Path(path)
    name = shown_name(target)
    try:
        info = os.stat(target)
    except FileNotFoundError:
        info = None
    except OSError as exc:
        if exc.errno == errno.ENAMETOOLONG:
            raise error("The name {file} is too long for this system; choose a shorter name.", file=name) from None
        if exc.errno == errno.ENOTDIR:
            raise error("{file} cannot be written: a part of its folder path is a file, not a folder; "
                        "choose another folder.", file=name) from None
        raise error("{file} cannot be written; check that the folder exists and that you may write there.",
                    file=name) from None
    except ValueError:
        raise error("{file} is not a usable file name; choose another name.", file=name) from None
    if info is not None:
        if stat.S_ISDIR(info.st_mode):
            raise error("{file} is a folder; give a file name inside it.", file=name)
        if not stat.S_ISREG(info.st_mode):
            raise error("{file} is not a regular file (it is a device, pipe or socket); choose a file name.",
                        file=shown_path(target))
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise error("The folder for {file} does not exist; create it first or choose another folder.", file=name)
    if len(os.fsencode(target.name)) > 250:  # the temporary name adds a few characters to this one
        raise error("The name {file} is too long for this system; choose a shorter name.", file=name)
    return target


@contextlib.contextmanager
def atomic_output(path: str | os.PathLike, error: type[GlassboxError] = FileWriteError) -> Iterator[BinaryIO]:
    """A binary file to write; on leaving the block it replaces `path` whole, or not at all.

    An exception inside the block (or a failed write) removes the temporary file and leaves
    `path` as it was; OSErrors become one `error` sentence.
    """
    target = writable_target(path, error)
    temporary = None
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name[:200]}.", suffix=".tmp",
                                             dir=str(target.parent) or ".")
        with os.fdopen(handle, "wb") as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, shared_file_mode(target))  # mkstemp makes it private; exports are meant to be shared
        os.replace(temporary, target)
        temporary = None
    except OSError as exc:
        raise _unwritable(target, exc, error) from exc
    finally:
        if temporary is not None:
            with contextlib.suppress(OSError):
                os.unlink(temporary)


def atomic_write(path: str | os.PathLike, data: bytes | str,
                 error: type[GlassboxError] = FileWriteError) -> None:
    """Write `data` (text is UTF-8) to `path` whole, or leave the old file exactly as it was."""
    payload = data.encode("utf-8") if isinstance(data, str) else bytes(data)
    with atomic_output(path, error) as stream:
        stream.write(payload)


def _unwritable(target: Path, exc: OSError, error) -> GlassboxError:
    name = shown_name(target)
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return error("{file} could not be saved because the disk is full; free some space and save again "
                     "(the old file, if any, is unchanged).", file=name)
    if isinstance(exc, PermissionError) or exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return error("{file} could not be saved: you may not write in that folder; choose another folder.",
                     file=name)
    if exc.errno == errno.ENAMETOOLONG:
        return error("The name {file} is too long for this system; choose a shorter name.", file=name)
    return error("{file} could not be saved ({reason}); check the folder and the disk, then save again "
                 "(the old file, if any, is unchanged).", file=name,
                 reason=exc.strerror.rstrip(".").lower() if exc.strerror else Phrase("the system refused"))


def shared_file_mode(path: Path) -> int:
    """The permissions of the file being replaced, or rw-r--r-- (less the umask) for a new one: what a file
    written through a private scratch file (mkstemp) should get, since exports are meant to be shared."""
    try:
        return stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
