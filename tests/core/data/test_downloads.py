"""The real downloader against a loopback HTTP server that serves files made here.

Nothing reaches the internet: `base_url` points at 127.0.0.1 and `files=` swaps in
the checksums of the fake files. Every failure must leave the cache as it was: no
.part file, no final file.
"""

from __future__ import annotations

import collections
import dataclasses
import gzip
import hashlib
import http.server
import io
import socket
import tarfile
import threading

import numpy as np
import pytest

from core.data import cifar, downloads
from core.data.downloads import DATASET_SOURCES, DownloadProgress, RemoteFile, download, load_dataset
from core.data.idx import encode_idx
from core.errors import DatasetError, DownloadError


class FileServer:
    """Serves `files` by name under /data/, counting requests, misbehaving on demand.

    `modes[name]` is one of: "ok" (default), "no-length" (no Content-Length, close at
    the end), "drop" (announce more bytes than are sent, then close), "hangup" (close
    without answering), "stall" (never answer until the test ends).
    """

    def __init__(self):
        self.files: dict[str, bytes] = {}
        self.modes: dict[str, str] = {}
        self.requests: collections.Counter = collections.Counter()
        self.released = threading.Event()
        server = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                name = self.path.rsplit("/", 1)[-1]
                server.requests[name] += 1
                mode = server.modes.get(name, "ok")
                if mode == "stall":
                    server.released.wait(10)
                    return
                if mode == "hangup":
                    return
                if name not in server.files:
                    self.send_error(404)
                    return
                data = server.files[name]
                self.send_response(200)
                if mode != "no-length":
                    self.send_header("Content-Length", str(len(data) + (1000 if mode == "drop" else 0)))
                self.end_headers()
                for start in range(0, len(data), 16 * 1024):  # several writes, like a real server
                    self.wfile.write(data[start:start + 16 * 1024])
                # HTTP/1.0: the connection closes when this returns, so "drop" is cut short here

            def log_message(self, *args):
                pass

        class Server(http.server.ThreadingHTTPServer):
            daemon_threads = True

            def handle_error(self, request, client_address):
                pass  # a client that cancels mid-file breaks the pipe; that is the point

        self.httpd = Server(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.httpd.serve_forever, args=(0.05,), daemon=True)
        self.thread.start()

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}/data/"

    def close(self):
        self.released.set()
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(5)


@pytest.fixture
def server():
    running = FileServer()
    yield running
    running.close()


def run(generator):
    """Drive a download to the end: (progress records, returned paths)."""
    records = []
    while True:
        try:
            records.append(next(generator))
        except StopIteration as finished:
            return records, finished.value


def leftovers(folder):
    return sorted(path.name for path in folder.rglob("*")) if folder.exists() else []


def with_checksums(name, served, algorithm="sha256", size=True):
    """The registry's files for `name`, with the checksums (and sizes) of the files we serve."""
    return [
        dataclasses.replace(
            remote,
            checksum=f"{algorithm}:{hashlib.new(algorithm, served[remote.name]).hexdigest()}",
            size=len(served[remote.name]) if size else None,
        )
        for remote in DATASET_SOURCES[name].files
    ]


def fake_idx_files(rng, n_train=20, n_test=10):
    arrays = {
        "train-images-idx3-ubyte.gz": rng.integers(0, 256, (n_train, 28, 28), dtype=np.uint8),
        "train-labels-idx1-ubyte.gz": rng.integers(0, 10, n_train, dtype=np.uint8),
        "t10k-images-idx3-ubyte.gz": rng.integers(0, 256, (n_test, 28, 28), dtype=np.uint8),
        "t10k-labels-idx1-ubyte.gz": rng.integers(0, 10, n_test, dtype=np.uint8),
    }
    return arrays, {name: gzip.compress(encode_idx(array)) for name, array in arrays.items()}


@pytest.fixture
def mnist(server):
    """Fake MNIST files on the server; returns (arrays, served bytes, registry entries)."""
    arrays, served = fake_idx_files(np.random.default_rng(1))
    server.files.update(served)
    return arrays, served, with_checksums("mnist", served, "md5")


def get(tmp_path, server, files, name="mnist", **options):
    return download(name, cache_dir=tmp_path, base_url=server.base_url, files=files, **options)


# ---- a good download ---------------------------------------------------------------

def check_progress(records: list[DownloadProgress], sizes: dict[str, int]):
    assert records, "a download reports progress"
    files_done = 0
    last_bytes = {}
    for record in records:
        assert record.files_total == len(sizes)
        assert files_done <= record.files_done <= record.files_total
        assert record.bytes_done >= last_bytes.get(record.file_name, 0)
        if record.bytes_total is not None:
            assert record.bytes_done <= record.bytes_total == sizes[record.file_name]
        files_done, last_bytes[record.file_name] = record.files_done, record.bytes_done
    final = records[-1]
    assert final.files_done == final.files_total and final.bytes_done == final.bytes_total
    assert last_bytes == sizes


def test_good_download_lands_verified_files_and_loads(tmp_path, server, mnist):
    arrays, served, files = mnist
    records, paths = run(get(tmp_path, server, files))
    folder = tmp_path / "mnist"
    assert paths == [folder / name for name in served]
    for path in paths:
        assert path.read_bytes() == served[path.name]
    assert leftovers(folder) == sorted(served)  # no .part left
    check_progress(records, {name: len(data) for name, data in served.items()})
    assert downloads.is_downloaded("mnist", tmp_path)

    train_x, train_y, test_x, test_y, class_names = load_dataset("mnist", tmp_path)
    np.testing.assert_array_equal(train_x, arrays["train-images-idx3-ubyte.gz"])
    np.testing.assert_array_equal(train_y, arrays["train-labels-idx1-ubyte.gz"])
    np.testing.assert_array_equal(test_x, arrays["t10k-images-idx3-ubyte.gz"])
    np.testing.assert_array_equal(test_y, arrays["t10k-labels-idx1-ubyte.gz"])
    assert train_x.dtype == np.uint8 and train_x.shape == (20, 28, 28)
    assert train_y.dtype == np.int64 and test_y.shape == (10,)
    assert class_names == tuple("0123456789")


def test_fashion_mnist_with_sha256_and_no_content_length(tmp_path, server):
    arrays, served = fake_idx_files(np.random.default_rng(2))
    server.files.update(served)
    server.modes.update({name: "no-length" for name in served})
    files = with_checksums("fashion-mnist", served, "sha256", size=False)
    records, paths = run(get(tmp_path, server, files, name="fashion-mnist"))
    assert [path.parent.name for path in paths] == ["fashion-mnist"] * 4
    # the size is unknown while a file streams, and known once it is finished
    assert [record.bytes_total is None for record in records].count(False) == 4
    check_progress(records, {name: len(data) for name, data in served.items()})
    *_, test_y, class_names = load_dataset("fashion-mnist", tmp_path)
    np.testing.assert_array_equal(test_y, arrays["t10k-labels-idx1-ubyte.gz"])
    assert class_names[0] == "T-shirt/top" and class_names[9] == "Ankle boot" and len(class_names) == 10


def fake_cifar_archive(rng):
    names = ("airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck")
    split, buffer = {}, io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as tar:
        for member in (*cifar.TRAIN_MEMBERS, cifar.TEST_MEMBER, cifar.META_MEMBER):
            if member == cifar.META_MEMBER:
                data = ("\n".join(names) + "\n\n").encode()
            else:
                images = rng.integers(0, 256, (3, 3, 32, 32), dtype=np.uint8)
                labels = rng.integers(0, 10, 3, dtype=np.uint8)
                split[member] = (images, labels)
                data = b"".join(bytes([label]) + image.tobytes() for image, label in zip(images, labels))
            info = tarfile.TarInfo(member)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return split, names, buffer.getvalue()


def test_cifar10_download_and_load(tmp_path, server):
    split, names, archive = fake_cifar_archive(np.random.default_rng(3))
    server.files[cifar.ARCHIVE_NAME] = archive
    files = with_checksums("cifar10", {cifar.ARCHIVE_NAME: archive})
    records, paths = run(get(tmp_path, server, files, name="cifar10"))
    assert paths == [tmp_path / "cifar10" / cifar.ARCHIVE_NAME]
    check_progress(records, {cifar.ARCHIVE_NAME: len(archive)})
    train_x, train_y, test_x, test_y, class_names = load_dataset("cifar10", tmp_path)
    assert train_x.shape == (15, 3, 32, 32) and train_x.dtype == np.uint8
    np.testing.assert_array_equal(train_x[:3], split[cifar.TRAIN_MEMBERS[0]][0])
    np.testing.assert_array_equal(test_x, split[cifar.TEST_MEMBER][0])
    np.testing.assert_array_equal(test_y, split[cifar.TEST_MEMBER][1])
    assert test_y.dtype == np.int64 and class_names == names


def test_cached_files_are_not_fetched_again_and_a_damaged_one_is(tmp_path, server, mnist):
    _, served, files = mnist
    run(get(tmp_path, server, files))
    assert set(server.requests.values()) == {1}
    records, paths = run(get(tmp_path, server, files))
    assert sum(server.requests.values()) == 4  # no new request
    assert [(r.files_done, r.bytes_done == r.bytes_total) for r in records] == [(i, True) for i in range(1, 5)]
    damaged = tmp_path / "mnist" / "t10k-images-idx3-ubyte.gz"
    damaged.write_bytes(b"not what was downloaded")
    run(get(tmp_path, server, files))
    assert server.requests["t10k-images-idx3-ubyte.gz"] == 2 and sum(server.requests.values()) == 5
    assert damaged.read_bytes() == served[damaged.name]


# ---- failures leave nothing behind --------------------------------------------------

def test_checksum_mismatch_deletes_the_file(tmp_path, server, mnist):
    _, _, files = mnist
    files[0] = dataclasses.replace(files[0], checksum="md5:" + "0" * 32)
    with pytest.raises(DownloadError, match=r"train-images-idx3-ubyte.gz was corrupted in transit \(checksum"):
        run(get(tmp_path, server, files))
    assert leftovers(tmp_path / "mnist") == []


def test_a_file_longer_than_expected_is_stopped_early(tmp_path, server, mnist):
    _, served, files = mnist
    files[0] = dataclasses.replace(files[0], size=100)
    with pytest.raises(DownloadError, match="checksum mismatch"):
        run(get(tmp_path, server, files))
    assert leftovers(tmp_path / "mnist") == []


def test_dropped_connection_leaves_nothing(tmp_path, server, mnist):
    _, served, files = mnist
    server.modes["train-images-idx3-ubyte.gz"] = "drop"
    size = len(served["train-images-idx3-ubyte.gz"])
    with pytest.raises(DownloadError, match=f"dropped after {size:,} of {size + 1000:,} bytes"):
        run(get(tmp_path, server, files))
    assert leftovers(tmp_path / "mnist") == []


def test_cancel_mid_file_removes_the_part_and_keeps_finished_files(tmp_path, server, mnist):
    _, served, files = mnist
    big = np.random.default_rng(4).bytes(1024 * 1024)  # many chunks
    server.files["train-labels-idx1-ubyte.gz"] = big
    files[1] = dataclasses.replace(files[1], checksum="md5:" + hashlib.md5(big).hexdigest(), size=len(big))
    stop = threading.Event()
    generator = get(tmp_path, server, files, should_stop=stop.is_set)
    seen = []
    with pytest.raises(DownloadError, match="cancelled") as caught:
        for record in generator:
            seen.append(record)
            if record.file_name == "train-labels-idx1-ubyte.gz" and record.bytes_done > 0:
                assert (tmp_path / "mnist" / "train-labels-idx1-ubyte.gz.part").exists()
                stop.set()
    assert seen[-1].bytes_done < len(big)
    assert "train-labels-idx1-ubyte.gz was removed" in str(caught.value)
    assert leftovers(tmp_path / "mnist") == ["train-images-idx3-ubyte.gz"]


def test_abandoning_the_generator_mid_file_removes_the_part(tmp_path, server, mnist):
    _, _, files = mnist
    server.files["train-images-idx3-ubyte.gz"] = big = bytes(1024 * 1024)
    files[0] = dataclasses.replace(files[0], checksum="md5:" + hashlib.md5(big).hexdigest(), size=len(big))
    generator = get(tmp_path, server, files)
    for record in generator:
        if record.bytes_done > 0:
            break
    generator.close()
    assert leftovers(tmp_path / "mnist") == []


def test_offline_says_it_could_not_reach_the_host(tmp_path, mnist):
    _, _, files = mnist
    with socket.socket() as probe:  # a port that was free a moment ago: nothing listens there
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    generator = download("mnist", cache_dir=tmp_path, base_url=f"http://127.0.0.1:{port}/", files=files)
    with pytest.raises(DownloadError, match=f"could not reach 127.0.0.1:{port}: the computer seems to be offline"):
        run(generator)
    assert leftovers(tmp_path / "mnist") == []


def test_http_404_is_reported(tmp_path, server, mnist):
    _, _, files = mnist
    del server.files["t10k-images-idx3-ubyte.gz"]
    with pytest.raises(DownloadError, match="HTTP 404 .* for t10k-images-idx3-ubyte.gz"):
        run(get(tmp_path, server, files))
    assert leftovers(tmp_path / "mnist") == ["train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz"]


def test_a_server_that_hangs_up_is_reported(tmp_path, server, mnist):
    _, _, files = mnist
    server.modes["train-labels-idx1-ubyte.gz"] = "hangup"
    with pytest.raises(DownloadError, match="closed the connection before sending train-labels-idx1-ubyte.gz"):
        run(get(tmp_path, server, files))
    assert leftovers(tmp_path / "mnist") == ["train-images-idx3-ubyte.gz"]


def test_a_stale_part_from_a_killed_run_is_overwritten(tmp_path, server, mnist):
    _, served, files = mnist
    folder = tmp_path / "mnist"
    folder.mkdir()
    (folder / "train-images-idx3-ubyte.gz.part").write_bytes(b"left by a crash" * 10_000)
    run(get(tmp_path, server, files))
    assert leftovers(folder) == sorted(served)
    assert (folder / "train-images-idx3-ubyte.gz").read_bytes() == served["train-images-idx3-ubyte.gz"]


def test_a_silent_server_times_out(tmp_path, server, mnist):
    _, _, files = mnist
    server.modes["train-images-idx3-ubyte.gz"] = "stall"
    with pytest.raises(DownloadError, match="stopped answering"):
        run(get(tmp_path, server, files, timeout=0.2))
    assert leftovers(tmp_path / "mnist") == []


def test_a_cache_folder_that_cannot_be_made_is_reported(tmp_path, server, mnist):
    _, _, files = mnist
    blocker = tmp_path / "a-file"
    blocker.write_text("a file where the cache folder should go")
    with pytest.raises(DownloadError, match="cannot write to the download folder"):
        run(download("mnist", cache_dir=blocker, base_url=server.base_url, files=files))
    assert sum(server.requests.values()) == 0


# ---- the registry, the cache folder, loading ----------------------------------------

def test_registry_lists_three_datasets_with_checksums():
    assert set(DATASET_SOURCES) == {"mnist", "fashion-mnist", "cifar10"}
    for source in DATASET_SOURCES.values():
        assert source.title and source.files
        for remote in source.files:
            assert remote.url.endswith("/" + remote.name) and remote.url.startswith(("https://", "http://"))
            algorithm, _, digest = remote.checksum.partition(":")
            assert algorithm == "md5" and len(digest) == 32 and int(digest, 16) >= 0
            assert remote.size and remote.size > 0
    with pytest.raises(ValueError):
        RemoteFile("x", "http://h/x", "crc32:1234")


def test_default_cache_dir_follows_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("GLASSBOX_CACHE_DIR", str(tmp_path / "mine"))
    assert downloads.default_cache_dir() == tmp_path / "mine"
    monkeypatch.delenv("GLASSBOX_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    if downloads.sys.platform.startswith("linux"):
        assert downloads.default_cache_dir() == tmp_path / "xdg" / "glassbox"
        monkeypatch.setenv("XDG_CACHE_HOME", "relative/ignored")
        monkeypatch.setenv("HOME", str(tmp_path / "home"))
        assert downloads.default_cache_dir() == tmp_path / "home" / ".cache" / "glassbox"
    monkeypatch.setattr(downloads.sys, "platform", "win32")
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "local"))
    assert downloads.default_cache_dir() == tmp_path / "local" / "Glassbox" / "cache"


def test_load_before_download_says_to_download(tmp_path):
    for name in DATASET_SOURCES:
        with pytest.raises(DatasetError, match="download the dataset first"):
            load_dataset(name, tmp_path)
        assert not downloads.is_downloaded(name, tmp_path)


def test_unknown_dataset_names_the_known_ones(tmp_path):
    with pytest.raises(DatasetError, match="mnist, fashion-mnist, cifar10"):
        load_dataset("imagenet", tmp_path)
    with pytest.raises(DatasetError, match="imagenet"):
        run(download("imagenet", cache_dir=tmp_path))


def test_mismatched_cached_files_raise_a_dataset_error(tmp_path):
    folder = tmp_path / "mnist"
    folder.mkdir()
    _, served = fake_idx_files(np.random.default_rng(5))
    served["t10k-labels-idx1-ubyte.gz"] = gzip.compress(encode_idx(np.zeros(3, dtype=np.uint8)))  # 10 images
    for name, data in served.items():
        (folder / name).write_bytes(data)
    with pytest.raises(DatasetError, match="matching"):
        load_dataset("mnist", tmp_path)


# ---- a server that stalls: Cancel still lands within a second ------------------------

class StallingServer:
    """Accepts one connection and then sends nothing ("silent") or only the headers ("headers") until closed."""

    def __init__(self, mode: str):
        self.mode = mode
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.accepted = threading.Event()
        self.released = threading.Event()
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.listener.getsockname()[1]}/data/"

    def _serve(self):
        connection, _ = self.listener.accept()
        with connection:
            connection.recv(4096)  # the request
            if self.mode == "headers":
                connection.sendall(b"HTTP/1.0 200 OK\r\nContent-Length: 100000\r\n\r\n" + b"x" * 10)
            self.accepted.set()
            self.released.wait(30)

    def close(self):
        self.released.set()
        self.listener.close()
        self.thread.join(5)


@pytest.mark.parametrize("mode", ["silent", "headers"])
def test_cancel_lands_within_a_second_while_the_server_sends_nothing(tmp_path, mnist, mode):
    _, _, files = mnist
    stalling = StallingServer(mode)
    stop = threading.Event()
    outcome = []

    def downloading():
        try:
            run(download("mnist", cache_dir=tmp_path, base_url=stalling.base_url, files=files,
                         should_stop=stop.is_set, timeout=60))  # the stall limit is far away
        except DownloadError as error:
            outcome.append(str(error))

    worker = threading.Thread(target=downloading, daemon=True)
    try:
        worker.start()
        assert stalling.accepted.wait(10)
        stop.set()
        worker.join(1.0)  # Cancel within a second, whatever the server does
        assert not worker.is_alive()
        assert outcome and "cancelled" in outcome[0]
        assert leftovers(tmp_path / "mnist") == []
    finally:
        stop.set()
        stalling.close()


def test_a_server_that_sends_headers_and_stalls_times_out(tmp_path, mnist):
    _, _, files = mnist
    stalling = StallingServer("headers")
    try:
        with pytest.raises(DownloadError, match="stopped answering"):
            run(download("mnist", cache_dir=tmp_path, base_url=stalling.base_url, files=files, timeout=0.3))
        assert leftovers(tmp_path / "mnist") == []
    finally:
        stalling.close()


def test_a_fifo_where_the_part_file_goes_does_not_block_the_download(tmp_path, server, mnist):
    import os
    if not hasattr(os, "mkfifo"):
        pytest.skip("FIFOs are a POSIX thing")
    _, served, files = mnist
    folder = tmp_path / "mnist"
    folder.mkdir()
    os.mkfifo(folder / "train-images-idx3-ubyte.gz.part")  # opened for writing, it would wait for a reader
    os.mkfifo(folder / "train-labels-idx1-ubyte.gz")  # not a verified file: fetched again, in its place
    run(get(tmp_path, server, files))
    assert leftovers(folder) == sorted(served)
    assert (folder / "train-labels-idx1-ubyte.gz").read_bytes() == served["train-labels-idx1-ubyte.gz"]
