"""Download MNIST, Fashion-MNIST and CIFAR-10 into a per-user cache, and load them.

`download` is a plain generator (DESIGN.md habit 3): it yields `DownloadProgress`
records, checks `should_stop()` between chunks, and returns the finished paths as its
StopIteration value, so the GUI worker, the command line and the tests drive the same
code. A file is streamed into `<name>.part`, hashed on the way, and renamed to its
final name only once its checksum matches, so a final name always means a verified
file; every failure removes the .part and raises `DownloadError` with one sentence.

Cancel never waits on the network: the blocking HTTP exchange of a file (name lookup,
connect, headers, each read) runs in a small daemon thread (`_Pump`) that hands chunks
over a short queue, and the generator looks at `should_stop()` at least every POLL_S
seconds while it waits for the next one, so a server that accepts and then sends nothing
(or sends headers and stalls) is cancelled within a fraction of a second. The pump's socket
gives up after `timeout` seconds of silence (the stall limit); a pump that was abandoned
ends by itself then, holding nothing but its socket meanwhile.

Layout: <cache>/<dataset>/<file name as on the server>. MNIST and Fashion-MNIST use the
same file names, hence one folder per dataset.
"""

from __future__ import annotations

import contextlib
import hashlib
import http.client
import os
import queue
import ssl
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Generator, Sequence

import numpy as np

from core.data.cifar import ARCHIVE_NAME, read_cifar10
from core.data.idx import read_idx
from core.errors import DatasetError, DownloadError

CHUNK_BYTES = 64 * 1024  # small enough that a cancel lands quickly, large enough to be cheap
DEFAULT_TIMEOUT = 30.0  # seconds a socket may stay silent, not a limit on the whole download
POLL_S = 0.1  # how often a download waiting for the network looks at its cancel flag
QUEUED_CHUNKS = 16  # chunks read ahead of the writer: at most 1 MB held
STALL_GRACE_S = 5.0  # beyond the socket's own limit, for a name lookup that ignores it
USER_AGENT = "Glassbox (teaching app; dataset download)"
CHECKSUM_ALGORITHMS = ("md5", "sha256")


@dataclass(frozen=True)
class RemoteFile:
    """One file of a dataset: where it lives and how to recognise it."""

    name: str  # the file name, identical on every mirror and in the cache
    url: str
    checksum: str  # "md5:<hex>" or "sha256:<hex>"
    size: int | None = None  # bytes, when known: a progress total if the server sends none

    def __post_init__(self) -> None:
        algorithm, _, digest = self.checksum.partition(":")
        if algorithm not in CHECKSUM_ALGORITHMS or not digest:
            raise ValueError(f"checksum must look like 'md5:<hex>' or 'sha256:<hex>', not {self.checksum!r}")

    def new_hash(self):
        algorithm = self.checksum.partition(":")[0]
        # MD5 is what the dataset authors publish; here it guards integrity, not secrecy.
        return hashlib.new(algorithm, usedforsecurity=False)

    def matches(self, hexdigest: str) -> bool:
        return self.checksum.partition(":")[2].lower() == hexdigest.lower()


@dataclass(frozen=True)
class DatasetSource:
    name: str  # "mnist", "fashion-mnist", "cifar10"
    title: str  # what a person reads
    files: tuple[RemoteFile, ...]


@dataclass(frozen=True)
class DownloadProgress:
    """Where a download stands; bytes count within the current file."""

    file_name: str
    bytes_done: int
    bytes_total: int | None  # None while neither the server nor the registry knows the size
    files_done: int  # files finished and verified (or found already cached)
    files_total: int


def _idx_files(base: str, checksums: dict[str, tuple[str, int]]) -> tuple[RemoteFile, ...]:
    return tuple(RemoteFile(name, base + name, "md5:" + md5, size) for name, (md5, size) in checksums.items())


# Checksums and sizes are the ones the dataset authors publish (torchvision lists the
# same MD5s). The original yann.lecun.com MNIST host answers most downloads with HTTP
# 403 nowadays, so MNIST comes from PyTorch's mirror.
DATASET_SOURCES: dict[str, DatasetSource] = {
    "mnist": DatasetSource("mnist", "MNIST handwritten digits", _idx_files(
        "https://ossci-datasets.s3.amazonaws.com/mnist/", {
            "train-images-idx3-ubyte.gz": ("f68b3c2dcbeaaa9fbdd348bbdeb94873", 9_912_422),
            "train-labels-idx1-ubyte.gz": ("d53e105ee54ea40749a09fcbcd1e9432", 28_881),
            "t10k-images-idx3-ubyte.gz": ("9fb629c4189551a2d022fa330f9573f3", 1_648_877),
            "t10k-labels-idx1-ubyte.gz": ("ec29112dd5afa0611ce80d1b7f02629c", 4_542),
        })),
    "fashion-mnist": DatasetSource("fashion-mnist", "Fashion-MNIST clothing", _idx_files(
        "http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/", {
            "train-images-idx3-ubyte.gz": ("8d4fb7e6c68d591d4c3dfef9ec88bf0d", 26_421_880),
            "train-labels-idx1-ubyte.gz": ("25c81989df183df01b3e8a0aad5dffbe", 29_515),
            "t10k-images-idx3-ubyte.gz": ("bef4ecab320f06d8554ea6380940ec79", 4_422_102),
            "t10k-labels-idx1-ubyte.gz": ("bb300cfdad3c16e7a12a480ee83cd310", 5_148),
        })),
    "cifar10": DatasetSource("cifar10", "CIFAR-10 small photos", (
        RemoteFile(ARCHIVE_NAME, "https://www.cs.toronto.edu/~kriz/" + ARCHIVE_NAME,
                   "md5:c32a1d4ab5d03f1284b67883e8d87530", 170_052_171),
    )),
}

IDX_SPLITS = (  # (images, labels) file names of the train and the test split
    ("train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz"),
    ("t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"),
)
CLASS_NAMES = {
    "mnist": tuple(str(digit) for digit in range(10)),
    "fashion-mnist": ("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
                      "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"),
}


def default_cache_dir() -> Path:
    """The per-user cache folder: $GLASSBOX_CACHE_DIR, else the platform's cache place."""
    override = os.environ.get("GLASSBOX_CACHE_DIR")
    if override:
        return Path(override).expanduser()
    if sys.platform == "win32":
        local = os.environ.get("LOCALAPPDATA")
        return (Path(local) if local else Path.home() / "AppData" / "Local") / "Glassbox" / "cache"
    xdg = os.environ.get("XDG_CACHE_HOME")
    if xdg and os.path.isabs(xdg):  # the XDG spec says to ignore a relative path
        return Path(xdg) / "glassbox"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "Glassbox"
    return Path.home() / ".cache" / "glassbox"


def dataset_source(name: str) -> DatasetSource:
    try:
        return DATASET_SOURCES[name]
    except KeyError:
        raise DatasetError(
            "Glassbox knows no dataset called {name!r}; "
            "choose one of {choices}.",
            name=name, choices=", ".join(DATASET_SOURCES),
        ) from None


def dataset_dir(name: str, cache_dir: str | os.PathLike | None = None) -> Path:
    """Where `name`'s files live (whether or not they are there yet)."""
    return Path(cache_dir if cache_dir is not None else default_cache_dir()) / dataset_source(name).name


def is_downloaded(name: str, cache_dir: str | os.PathLike | None = None) -> bool:
    """Whether every file is in the cache; a final name is only ever given to a verified file."""
    folder = dataset_dir(name, cache_dir)
    return all((folder / remote.name).is_file() for remote in dataset_source(name).files)


def download(
    name: str,
    cache_dir: str | os.PathLike | None = None,
    should_stop: Callable[[], bool] = lambda: False,
    base_url: str | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    files: Sequence[RemoteFile] | None = None,
) -> Generator[DownloadProgress, None, list[Path]]:
    """Fetch `name`'s files into the cache, yielding progress; return their paths.

    `base_url` replaces the host and folder of every URL (file names stay the same);
    `files` replaces the registry's file list, checksums included. Both exist so the
    tests can run this very code against a loopback server and files they make.
    """
    source = dataset_source(name)
    remotes = tuple(files) if files is not None else source.files
    folder = dataset_dir(name, cache_dir)
    with _writing(folder):
        folder.mkdir(parents=True, exist_ok=True)
    finished: list[Path] = []
    for index, remote in enumerate(remotes):
        target = folder / remote.name
        if _verified(target, remote):  # already here from an earlier run: no request at all
            size = target.stat().st_size
            yield DownloadProgress(remote.name, size, size, index + 1, len(remotes))
        elif should_stop():  # between files: no need to open another connection
            raise _cancelled(source.title, None)
        else:
            url = remote.url if base_url is None else base_url.rstrip("/") + "/" + remote.name
            yield from _fetch(remote, url, target, should_stop, timeout, source.title, index, len(remotes))
        finished.append(target)
    return finished


def _fetch(remote, url, target, should_stop, timeout, title, index, count):
    """Stream one file into target.part, verify it, then give it its final name."""
    host = urllib.parse.urlsplit(url).netloc or url
    part = target.with_name(target.name + ".part")
    done = 0
    pump = _Pump(url, host, remote, timeout, target.parent, title)
    try:
        total = pump.next(should_stop, title, remote.name)  # the Content-Length, else the registry's size
        with _writing(target.parent):
            digest = remote.new_hash()
            part.unlink(missing_ok=True)  # a stale part (or a FIFO put in its place, which would block an open)
            with open(part, "xb") as out:
                yield DownloadProgress(remote.name, 0, total, index, count)
                while True:
                    if should_stop():
                        raise _cancelled(title, remote.name)
                    chunk = pump.next(should_stop, title, remote.name)
                    if not chunk:
                        break
                    out.write(chunk)
                    digest.update(chunk)
                    done += len(chunk)
                    if remote.size is not None and done > remote.size:  # don't stream a wrong file to the end
                        raise _corrupt(remote.name)
                    yield DownloadProgress(remote.name, done, total, index, count)
            if total is not None and done < total:
                raise _dropped(host, remote.name, done, total)
            if not remote.matches(digest.hexdigest()):
                raise _corrupt(remote.name)
            os.replace(part, target)  # atomic: the final name never points at a partial file
    except BaseException:  # GeneratorExit too, when the caller abandons the generator mid-file
        with contextlib.suppress(OSError):
            part.unlink(missing_ok=True)
        raise
    finally:
        pump.close()
    yield DownloadProgress(remote.name, done, done, index + 1, count)  # the size is known for sure now


class _Pump:
    """One file's blocking HTTP exchange in a daemon thread: first the Content-Length (or None), then chunks,
    then b"" at the end; an error (already a DownloadError) is handed over in their place.

    The thread never outlives its socket's stall limit by much: it stops at the next chunk once closed,
    and a blocked read gives up after `timeout` seconds of silence.
    """

    def __init__(self, url, host, remote, timeout, folder, title):
        self._queue: queue.Queue = queue.Queue(maxsize=QUEUED_CHUNKS)
        self._closed = threading.Event()
        self._limit = timeout + STALL_GRACE_S  # the waiting side's own limit, should the thread never answer
        self._host = host
        self._thread = threading.Thread(target=self._run, args=(url, host, remote, timeout, folder, title),
                                        name="glassbox-download", daemon=True)
        self._thread.start()

    def _run(self, url, host, remote, timeout, folder, title) -> None:
        try:
            with _open(url, host, remote.name, timeout, folder, title) as response:
                total = _content_length(response) or remote.size
                if not self._put(("item", total)):
                    return
                done = 0
                while True:
                    chunk = _read(response, host, remote.name, done, total)
                    if not self._put(("item", chunk)) or not chunk:
                        return
                    done += len(chunk)
        except BaseException as error:  # noqa: BLE001 (handed to the waiting side, which raises it)
            self._put(("error", error))

    def _put(self, item) -> bool:
        """Hand `item` over; False once the waiting side has gone."""
        while not self._closed.is_set():
            try:
                self._queue.put(item, timeout=POLL_S)
                return True
            except queue.Full:
                continue
        return False

    def next(self, should_stop, title, file_name):
        """The next item, looking at `should_stop()` every POLL_S seconds while the network is silent."""
        deadline = time.monotonic() + self._limit
        while True:
            if should_stop():
                raise _cancelled(title, file_name)
            try:
                kind, value = self._queue.get(timeout=POLL_S)
            except queue.Empty:
                if time.monotonic() > deadline:
                    raise _stalled(self._host, file_name) from None
                continue
            if kind == "error":
                raise value
            return value

    def close(self) -> None:
        """The waiting side is done: the thread stops at its next chunk (or when its socket gives up)."""
        self._closed.set()


@contextlib.contextmanager
def _writing(folder: Path):
    """Turn a file-system error into the one sentence about the cache folder.

    Network errors are already DownloadErrors by the time they get here, so any OSError
    left comes from mkdir, open, write or rename.
    """
    try:
        yield
    except OSError as error:
        raise DownloadError(
            "Glassbox cannot write to the download folder {folder} ({error}); "
            "free some disk space or set GLASSBOX_CACHE_DIR to a folder you can write to.",
            folder=folder, error=error.strerror or error,
        ) from None


def _open(url, host, file_name, timeout, folder, title):
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    try:
        response = urllib.request.urlopen(request, timeout=timeout)
    except urllib.error.HTTPError as error:  # before URLError: it is a subclass
        error.close()
        raise DownloadError(
            "{host} answered HTTP {code} ({reason}) for {file_name}; "
            "the file may have moved, so try again later or update Glassbox.",
            host=host, code=error.code, reason=error.reason, file_name=file_name,
        ) from None
    except urllib.error.URLError as error:
        if isinstance(error.reason, ssl.SSLError):
            raise DownloadError(
                "Glassbox could not make a secure connection to {host} ({reason}); "
                "check the computer's clock and network, then try again.",
                host=host, reason=error.reason,
            ) from None
        # DNS failure, connection refused, unreachable network, connect timeout.
        raise DownloadError(
            "Glassbox could not reach {host}: the computer seems to be offline. Connect to "
            "the internet and try again, or copy the {title} files into {folder}.",
            host=host, title=title, folder=folder,
        ) from None
    except TimeoutError:  # connected, then no answer: urllib does not wrap this one
        raise _stalled(host, file_name) from None
    except (http.client.HTTPException, OSError) as error:  # e.g. closed before any answer
        raise DownloadError("{host} closed the connection before sending {file_name} ({error}); "
                            "try again.", host=host, file_name=file_name, error=error) from None
    if response.status != 200:
        response.close()
        raise DownloadError("{host} answered HTTP {status} for {file_name} instead of the file; "
                            "try again later.", host=host, status=response.status, file_name=file_name)
    return response


def _read(response, host, file_name, done, total):
    try:
        return response.read(CHUNK_BYTES)
    except TimeoutError:
        raise _stalled(host, file_name) from None
    except (http.client.HTTPException, OSError):  # IncompleteRead, reset connection...
        raise _dropped(host, file_name, done, total) from None


def _content_length(response) -> int | None:
    value = response.headers.get("Content-Length", "").strip()
    return int(value) if value.isascii() and value.isdigit() else None  # absent, or nonsense: no total


def _verified(path: Path, remote: RemoteFile) -> bool:
    """Whether a cached file is there and intact; a damaged one is removed, to be fetched again."""
    if not path.is_file():
        return False
    # A file of another size is not this one: not hashed (a huge one would take minutes, with no cancel).
    with _writing(path.parent):
        if remote.size is None or path.stat().st_size == remote.size:
            digest = remote.new_hash()
            with open(path, "rb") as stream:
                for block in iter(lambda: stream.read(1024 * 1024), b""):
                    digest.update(block)
            if remote.matches(digest.hexdigest()):
                return True
    with _writing(path.parent):
        path.unlink()
    return False


def _cancelled(title: str, file_name: str | None) -> DownloadError:
    if file_name:
        return DownloadError(
            "The download of {title} was cancelled; the unfinished {file_name} was removed, "
            "and the files finished so far were kept.",
            title=title, file_name=file_name,
        )
    return DownloadError("The download of {title} was cancelled, and the files finished so far were kept.",
                         title=title)


def _corrupt(file_name: str) -> DownloadError:
    return DownloadError(
        "{file_name} was corrupted in transit (checksum mismatch); it was deleted, try again.",
        file_name=file_name,
    )


def _dropped(host: str, file_name: str, done: int, total: int | None) -> DownloadError:
    if total is not None:
        return DownloadError("The connection to {host} dropped after {done:,} of {total:,} bytes of {file_name}; "
                             "nothing was kept, try again.", host=host, done=done, total=total, file_name=file_name)
    return DownloadError("The connection to {host} dropped after {done:,} bytes of {file_name}; "
                         "nothing was kept, try again.", host=host, done=done, file_name=file_name)


def _stalled(host: str, file_name: str) -> DownloadError:
    return DownloadError("{host} stopped answering while sending {file_name}; "
                         "check the internet connection and try again.", host=host, file_name=file_name)


def load_dataset(
    name: str, cache_dir: str | os.PathLike | None = None
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, tuple[str, ...]]:
    """(train_x, train_y, test_x, test_y, class_names) from the cached files.

    Images are uint8: N×28×28 for MNIST and Fashion-MNIST, N×3×32×32 (channels first,
    RGB) for CIFAR-10. Labels are int64 class indices, what torch's losses expect.
    """
    source = dataset_source(name)
    folder = dataset_dir(name, cache_dir)
    missing = [remote.name for remote in source.files if not (folder / remote.name).is_file()]
    if missing:
        raise DatasetError(
            "The {title} files are not in {folder} yet; download the dataset first.",
            title=source.title, folder=folder,
        )
    if name == "cifar10":
        data = read_cifar10(folder / ARCHIVE_NAME)
        return (data.train_images, data.train_labels.astype(np.int64),
                data.test_images, data.test_labels.astype(np.int64), data.class_names)
    class_names = CLASS_NAMES[name]
    splits = []
    for images_name, labels_name in IDX_SPLITS:
        images, labels = read_idx(folder / images_name), read_idx(folder / labels_name)
        if (images.ndim != 3 or images.dtype != np.uint8 or labels.dtype != np.uint8
                or labels.ndim != 1 or len(images) != len(labels)):
            raise DatasetError(
                "{images_name} and {labels_name} do not hold matching uint8 images and labels "
                "(shapes {images_shape} and {labels_shape}); download the dataset again.",
                images_name=images_name, labels_name=labels_name, images_shape=images.shape,
                labels_shape=labels.shape,
            )
        if len(labels) and int(labels.max()) >= len(class_names):
            raise DatasetError(
                "{labels_name} has label {largest}, beyond the "
                "{count} classes; download the dataset again.",
                labels_name=labels_name, largest=int(labels.max()), count=len(class_names),
            )
        splits += [images, labels.astype(np.int64)]
    return (*splits, class_names)
