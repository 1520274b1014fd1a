"""A stranger's session file: anything malformed or malicious is one SessionError sentence naming the file."""

from __future__ import annotations

import hashlib
import io
import json
import os
import random
import sys
import zipfile

import numpy as np
import pytest
from safetensors.numpy import save as raw_safetensors

from core.errors import SessionError
from core.session import files
from core.session.files import read_session, write_session
from core.session.parts import LAB_IMAGE_PART, MLP_PART, Part, Session

NAME = "lesson.glassbox"


def good_session() -> Session:
    return Session(
        app={"language": "en", "zoom": 1.0},
        tabs={"training": {"dataset": "spiral", "hidden": [8, 8]}},
        parts={MLP_PART: Part({"kind": "test"}, {"w": np.arange(6, dtype=np.float32).reshape(2, 3)}),
               LAB_IMAGE_PART: Part({}, {"pixels": np.arange(48, dtype=np.uint8).reshape(4, 4, 3)})},
    )


def good_members(tmp_path) -> dict[str, bytes]:
    path = tmp_path / "good.glassbox"
    write_session(path, good_session())
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def manifest_for(content: dict[str, bytes], **changes) -> bytes:
    manifest = {
        "format": "glassbox-session", "version": 1, "app_version": "0.1.0",
        "members": [{"name": name, "size": len(data), "sha256": hashlib.sha256(data).hexdigest()}
                    for name, data in content.items() if name != "manifest.json"],
    }
    manifest.update(changes)
    return json.dumps(manifest).encode()


def build(tmp_path, members: dict[str, bytes] | list[tuple[str, bytes]], manifest: bytes | None = None,
          compression: int = zipfile.ZIP_DEFLATED) -> str:
    """A zip of `members` with a correct manifest (unless one is given, or it is among the members)."""
    items = list(members.items()) if isinstance(members, dict) else list(members)
    named = dict(items)
    if "manifest.json" not in named:
        items.insert(0, ("manifest.json", manifest if manifest is not None else manifest_for(named)))
    path = tmp_path / NAME
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in items:
            info = zipfile.ZipInfo(name, (1980, 1, 1, 0, 0, 0))
            info.compress_type = compression
            archive.writestr(info, data)
    return str(path)


def refused(path, *fragments: str) -> str:
    with pytest.raises(SessionError) as caught:
        read_session(path)
    message = str(caught.value)
    assert os.path.basename(str(path)) in message, message
    assert "\n" not in message and "Traceback" not in message and message.endswith("."), message
    for fragment in fragments:
        assert fragment in message, message
    return message


def with_member(members: dict[str, bytes], name: str, data: bytes) -> dict[str, bytes]:
    return {**{key: value for key, value in members.items() if key != "manifest.json"}, name: data}


# ----------------------------------------------------------------------------- the file itself
def test_a_missing_file(tmp_path):
    refused(tmp_path / NAME, "does not exist")


def test_a_folder(tmp_path):
    folder = tmp_path / NAME
    folder.mkdir()
    refused(folder, "folder")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_is_refused_without_blocking(tmp_path):
    fifo = tmp_path / NAME
    os.mkfifo(fifo)
    refused(fifo, "not a regular file")


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero here")
def test_a_device_is_refused_without_reading_it():
    refused("/dev/zero", "zero", "not a regular file")


def test_a_file_too_big(tmp_path, monkeypatch):
    path = build(tmp_path, good_members(tmp_path))
    monkeypatch.setattr(files, "MAX_FILE_BYTES", 100)
    refused(path, "too big")


@pytest.mark.parametrize("content", [b"", b"hello, this is text", b"PK\x03\x04garbage", os.urandom(300),
                                     json.dumps({"format": "glassbox-session"}).encode()])
def test_not_a_zip(tmp_path, content):
    path = tmp_path / NAME
    path.write_bytes(content)
    refused(path)


def test_every_truncation_is_refused(tmp_path):
    data = open(build(tmp_path, good_members(tmp_path)), "rb").read()
    path = tmp_path / "cut.glassbox"
    for length in range(0, len(data) - 1, max(1, len(data) // 97)):
        path.write_bytes(data[:length])
        refused(path)


def test_a_zip_of_something_else(tmp_path):
    path = tmp_path / NAME
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("word/document.xml", "<doc/>")
    refused(path, "not a Glassbox session")


# ----------------------------------------------------------------------------- the manifest
def test_a_different_format(tmp_path):
    members = {k: v for k, v in good_members(tmp_path).items() if k != "manifest.json"}
    refused(build(tmp_path, members, manifest_for(members, format="zip-of-cats")), "not a Glassbox session")


def test_a_newer_version_says_so(tmp_path):
    members = {k: v for k, v in good_members(tmp_path).items() if k != "manifest.json"}
    refused(build(tmp_path, members, manifest_for(members, version=2)), "newer Glassbox", "update")


@pytest.mark.parametrize("version", [0, -1, "1", 1.0, None, True])
def test_an_invalid_version(tmp_path, version):
    members = {k: v for k, v in good_members(tmp_path).items() if k != "manifest.json"}
    refused(build(tmp_path, members, manifest_for(members, version=version)), "version")


@pytest.mark.parametrize("entries", [
    "all", [{"name": "session.json"}], [{"name": "session.json", "size": -1, "sha256": "0" * 64}],
    [{"name": "session.json", "size": 1, "sha256": "short"}],
])
def test_an_invalid_member_list(tmp_path, entries):
    members = {k: v for k, v in good_members(tmp_path).items() if k != "manifest.json"}
    refused(build(tmp_path, members, manifest_for(members, members=entries)), "damaged")


def test_a_missing_manifest(tmp_path):
    path = tmp_path / NAME
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("session.json", "{}")
    refused(path, "no manifest")


def test_a_missing_member(tmp_path):
    members = {k: v for k, v in good_members(tmp_path).items() if k != "manifest.json"}
    manifest = manifest_for(members)
    del members["parts/mlp.safetensors"]
    refused(build(tmp_path, members, manifest), "parts/mlp.safetensors", "missing")


def test_a_part_without_its_arrays(tmp_path):
    members = {k: v for k, v in good_members(tmp_path).items() if k != "manifest.json"}
    del members["parts/mlp.safetensors"]
    refused(build(tmp_path, members), "parts/mlp.safetensors", "missing")


def test_a_member_not_in_the_manifest(tmp_path):
    members = {k: v for k, v in good_members(tmp_path).items() if k != "manifest.json"}
    manifest = manifest_for(members)
    members["notes.txt"] = b"hello"
    refused(build(tmp_path, members, manifest), "unexpected member notes.txt")


def test_an_extra_member_in_both(tmp_path):
    members = good_members(tmp_path)
    refused(build(tmp_path, with_member(members, "run.py", b"import os")), "unexpected member run.py")


@pytest.mark.parametrize("name", ["evil\nname", "x" * 500, "parts/\u202egnp.json"])
def test_a_strange_name_stays_on_one_short_line(tmp_path, name):
    message = refused(build(tmp_path, with_member(good_members(tmp_path), name, b"")))
    assert len(message) < 300


def test_an_unknown_tab_with_a_strange_name(tmp_path):
    content = json.dumps({"app": {}, "tabs": {"a\nb" * 100: {}}}).encode()
    message = refused(build(tmp_path, with_member(good_members(tmp_path), "session.json", content)), "unknown tab")
    assert len(message) < 300


def test_an_unknown_part(tmp_path):
    members = good_members(tmp_path)
    members = with_member(members, "parts/virus.json", b'{"meta": {}, "arrays": {}}')
    refused(build(tmp_path, members), "unknown part 'virus'")


def test_a_checksum_mismatch(tmp_path):
    members = {k: v for k, v in good_members(tmp_path).items() if k != "manifest.json"}
    manifest = manifest_for(members)
    members["session.json"] = members["session.json"].replace(b"spiral", b"circle")
    refused(build(tmp_path, members, manifest), "session.json", "checksum")


def test_a_wrong_declared_size(tmp_path):
    members = {k: v for k, v in good_members(tmp_path).items() if k != "manifest.json"}
    manifest = json.loads(manifest_for(members))
    manifest["members"][0]["size"] += 1
    refused(build(tmp_path, members, json.dumps(manifest).encode()), "checksum")


# ----------------------------------------------------------------------------- member names and zip features
@pytest.mark.parametrize("name", ["../session.json", "parts/../../etc/passwd", "/etc/passwd", "parts\\mlp.json",
                                  "C:/windows/x", "parts//mlp.json", "./session.json", "a\x01b"])
def test_a_name_pointing_outside(tmp_path, name):
    members = with_member(good_members(tmp_path), name, b"{}")
    refused(build(tmp_path, members), "not safe")


def test_a_duplicate_member(tmp_path):
    members = good_members(tmp_path)
    items = [(k, v) for k, v in members.items()] + [("session.json", members["session.json"])]
    with pytest.warns(UserWarning):  # zipfile itself warns when writing a duplicate name
        path = build(tmp_path, items)
    refused(path, "twice")


def test_an_encrypted_member(tmp_path):
    """zipfile cannot write encrypted members: set the flag in the local and central headers by hand."""
    data = bytearray(open(build(tmp_path, good_members(tmp_path)), "rb").read())
    for signature, flag_offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        entry = data.find(signature)
        while entry != -1:
            data[entry + flag_offset] |= 0x1
            entry = data.find(signature, entry + 4)
    path = tmp_path / "locked.glassbox"
    path.write_bytes(bytes(data))
    refused(path, "encrypted")


def test_an_unsupported_compression(tmp_path):
    refused(build(tmp_path, good_members(tmp_path), compression=zipfile.ZIP_BZIP2), "compression")


def test_a_compression_bomb(tmp_path):
    zeros = raw_safetensors({"pixels": np.zeros((2048, 4096), np.uint8)})  # 8 MB that deflate to 8 kB
    members = with_member(good_members(tmp_path), "parts/lab_image.safetensors", zeros)
    members["parts/lab_image.json"] = b'{"meta": {}, "arrays": {"pixels": {"dtype": "uint8", "shape": [2048, 4096]}}}'
    refused(build(tmp_path, members), "not safe", "parts/lab_image.safetensors", "bomb")


def test_a_json_member_over_its_cap(tmp_path):
    members = with_member(good_members(tmp_path), "session.json", b"{" + b" " * (5 * 2**20) + b"}")
    refused(build(tmp_path, members, compression=zipfile.ZIP_STORED), "not safe", "session.json", "too big")


def test_a_member_over_the_size_cap(tmp_path, monkeypatch):
    path = build(tmp_path, good_members(tmp_path))
    monkeypatch.setattr(files, "MAX_MEMBER_BYTES", 64)
    refused(path, "not safe", "more than")


def test_members_over_the_total_cap(tmp_path, monkeypatch):
    path = build(tmp_path, good_members(tmp_path))
    monkeypatch.setattr(files, "MAX_TOTAL_BYTES", 200)
    refused(path, "not safe", "more than")


def test_too_many_members(tmp_path):
    members = good_members(tmp_path)
    for index in range(40):
        members[f"filler{index}"] = b""
    refused(build(tmp_path, members), "members")


def test_a_member_that_lies_about_its_size(tmp_path):
    """The central directory says 10 bytes; the data holds more: never read past what it declares."""
    path = build(tmp_path, good_members(tmp_path))
    data = bytearray(open(path, "rb").read())
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
        assert archive.getinfo("session.json").file_size > 10
    # Patch the uncompressed size (offset 24 of a central directory entry) of session.json's entry.
    patched_entries = 0
    entry = data.find(b"PK\x01\x02")
    while entry != -1:
        name_length = int.from_bytes(data[entry + 28: entry + 30], "little")
        if data[entry + 46: entry + 46 + name_length] == b"session.json":
            data[entry + 24: entry + 28] = (10).to_bytes(4, "little")
            patched_entries += 1
        entry = data.find(b"PK\x01\x02", entry + 4)
    assert patched_entries == 1
    patched = tmp_path / "patched.glassbox"
    patched.write_bytes(bytes(data))
    refused(patched)


# ----------------------------------------------------------------------------- JSON
DEEP = b'{"app": {}, "tabs": {"training": ' + b"[" * 100_000 + b"]" * 100_000 + b"}}"


@pytest.mark.parametrize("content, fragment", [
    (b"{not json", "not valid JSON"),
    (b'{"app": {}, "tabs": {}', "not valid JSON"),
    (b"\xff\xfe{}", "not valid JSON"),
    (DEEP, "nested"),
    (b'{"app": {"zoom": NaN}, "tabs": {}}', "not finite"),
    (b'{"app": {"zoom": Infinity}, "tabs": {}}', "not finite"),
    (b'{"app": {"zoom": -Infinity}, "tabs": {}}', "not finite"),
    (b'{"app": {"zoom": 1e999}, "tabs": {}}', "not finite"),
    (b'{"app": {"seed": 1' + b"0" * 400 + b'}, "tabs": {}}', "absurdly large"),
    (b'{"app": {}, "app": {}, "tabs": {}}', "twice"),
    (b'[]', "does not hold"),
    (b'{"app": [], "tabs": {}}', "does not hold"),
    (b'{"app": {}, "tabs": {}, "run": "rm -rf /"}', "does not hold"),
    (b'{"app": {}, "tabs": {"spreadsheet": {}}}', "unknown tab 'spreadsheet'"),
    (b'{"app": {}, "tabs": {"training": [1, 2]}}', "training tab"),
])
def test_bad_session_json(tmp_path, content, fragment):
    members = with_member(good_members(tmp_path), "session.json", content)
    refused(build(tmp_path, members, compression=zipfile.ZIP_STORED), fragment)


def test_a_deeply_nested_manifest(tmp_path):
    members = {k: v for k, v in good_members(tmp_path).items() if k != "manifest.json"}
    refused(build(tmp_path, members, b"[" * 5000 + b"]" * 5000), "nested")


def test_nesting_within_the_limit_is_fine(tmp_path):
    nested: list = []
    for _ in range(60):
        nested = [nested]
    write_session(tmp_path / "ok.glassbox", Session(tabs={"network": {"deep": nested}}))
    assert read_session(tmp_path / "ok.glassbox").tabs["network"]["deep"] == nested


@pytest.mark.parametrize("content", [b'{"meta": {}}', b'{"meta": [], "arrays": {}}', b'{"meta": {}, "arrays": {}}',
                                     b'{"meta": {}, "arrays": {"w": {"dtype": "float32", "shape": [3, 2]}}}'])
def test_a_part_description_that_does_not_fit(tmp_path, content):
    refused(build(tmp_path, with_member(good_members(tmp_path), "parts/mlp.json", content)), "parts/mlp")


# ----------------------------------------------------------------------------- arrays
def arrays_member(tmp_path, arrays: dict, description: dict | None = None) -> str:
    members = with_member(good_members(tmp_path), "parts/mlp.safetensors", raw_safetensors(arrays))
    described = {"meta": {}, "arrays": description if description is not None else {
        name: {"dtype": str(array.dtype), "shape": list(array.shape)} for name, array in arrays.items()}}
    members["parts/mlp.json"] = json.dumps(described).encode()
    return build(tmp_path, members)


@pytest.mark.parametrize("dtype", [np.float16, np.int32, np.int8, np.uint16, np.complex64])
def test_an_array_of_a_kind_never_written(tmp_path, dtype):
    if dtype is np.complex64:
        pytest.skip("safetensors cannot even write complex numbers")
    refused(arrays_member(tmp_path, {"w": np.zeros(3, dtype)}), "kind Glassbox never writes")


@pytest.mark.parametrize("value", [np.nan, np.inf, -np.inf])
def test_non_finite_numbers_in_an_array(tmp_path, value):
    refused(arrays_member(tmp_path, {"w": np.array([1.0, value], np.float32)}), "not finite")
    refused(arrays_member(tmp_path, {"w": np.array([1.0, value], np.float64)}), "not finite")


def test_arrays_not_matching_their_description(tmp_path):
    refused(arrays_member(tmp_path, {"w": np.zeros(3, np.float32)}, {"w": {"dtype": "float32", "shape": [4]}}),
            "does not hold the arrays")


def safetensors_with_header(header: dict, data: bytes = b"") -> bytes:
    text = json.dumps(header).encode()
    return len(text).to_bytes(8, "little") + text + data


@pytest.mark.parametrize("content", [
    b"",
    b"\x00" * 7,
    (2**63).to_bytes(8, "little") + b"{}",  # a header "size" far past the file
    (10).to_bytes(8, "little") + b"{}",
    safetensors_with_header({"w": {"dtype": "F32", "shape": [2**40, 2**40], "data_offsets": [0, 8]}}, b"\0" * 8),
    safetensors_with_header({"w": {"dtype": "F32", "shape": [2], "data_offsets": [0, 16]}}, b"\0" * 16),
    safetensors_with_header({"w": {"dtype": "F32", "shape": [2], "data_offsets": [4, 12]}}, b"\0" * 12),
    safetensors_with_header({"w": {"dtype": "F32", "shape": [2], "data_offsets": [0, 8]},
                             "v": {"dtype": "F32", "shape": [2], "data_offsets": [0, 8]}}, b"\0" * 8),
    safetensors_with_header({"w": {"dtype": "F32", "shape": [-2], "data_offsets": [0, 8]}}, b"\0" * 8),
    safetensors_with_header({"w": {"dtype": "F32", "shape": [2], "data_offsets": [0, 8]}}, b"\0" * 9),
    safetensors_with_header({"w": {"dtype": "F32", "shape": [2]}}, b"\0" * 8),
    safetensors_with_header({"w": {"dtype": "F32", "shape": [2], "data_offsets": [0, 8], "x": 1}}, b"\0" * 8),
    safetensors_with_header({"../w": {"dtype": "F32", "shape": [2], "data_offsets": [0, 8]}}, b"\0" * 8),
    safetensors_with_header([1, 2]),
    (4).to_bytes(8, "little") + b"NaN!",
])
def test_malformed_safetensors(tmp_path, content):
    members = with_member(good_members(tmp_path), "parts/mlp.safetensors", content)
    members["parts/mlp.json"] = b'{"meta": {}, "arrays": {"w": {"dtype": "float32", "shape": [2]}}}'
    refused(build(tmp_path, members), "parts/mlp.safetensors")


# ----------------------------------------------------------------------------- fuzzing
def test_random_damage_only_ever_gives_a_session_error(tmp_path):
    good = open(build(tmp_path, good_members(tmp_path)), "rb").read()
    path = tmp_path / "fuzz.glassbox"
    chooser = random.Random(11)
    for _ in range(400):
        data = bytearray(good)
        kind = chooser.randrange(4)
        if kind == 0:
            for _ in range(chooser.randint(1, 8)):
                data[chooser.randrange(len(data))] = chooser.randrange(256)
        elif kind == 1:
            data = data[: chooser.randrange(len(data))]
        elif kind == 2:
            start = chooser.randrange(len(data))
            data[start:start] = os.urandom(chooser.randint(1, 64))
        else:
            start = chooser.randrange(len(data))
            del data[start: start + chooser.randint(1, 64)]
        path.write_bytes(bytes(data))
        try:
            read_session(path)
        except SessionError as error:
            assert "fuzz.glassbox" in str(error) and "\n" not in str(error)


def test_fuzzed_bytes_with_hypothesis(tmp_path):
    hypothesis = pytest.importorskip("hypothesis")
    strategies = pytest.importorskip("hypothesis.strategies")
    good = open(build(tmp_path, good_members(tmp_path)), "rb").read()
    path = tmp_path / "fuzz.glassbox"

    @hypothesis.settings(max_examples=200, deadline=None, database=None)
    @hypothesis.given(strategies.integers(0, len(good)), strategies.binary(max_size=32), strategies.integers(0, 32))
    def check(position, inserted, removed):
        path.write_bytes(good[:position] + inserted + good[position + removed:])
        try:
            read_session(path)
        except SessionError:
            pass

    check()


def test_the_recursion_limit_is_not_what_stops_deep_json(tmp_path):
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(10_000)
    try:
        members = with_member(good_members(tmp_path), "session.json", DEEP)
        refused(build(tmp_path, members, compression=zipfile.ZIP_STORED), "nested")
    finally:
        sys.setrecursionlimit(limit)


def test_damaged_members_behind_a_correct_manifest_only_ever_give_a_session_error(tmp_path):
    """The manifest's checksums are recomputed, so the damage reaches the JSON and safetensors readers."""
    good = {k: v for k, v in good_members(tmp_path).items() if k != "manifest.json"}
    chooser = random.Random(5)
    names = sorted(good)
    for attempt in range(300):
        name = chooser.choice(names)
        data = bytearray(good[name])
        for _ in range(chooser.randint(1, 4)):
            if chooser.random() < 0.7 and data:
                data[chooser.randrange(len(data))] = chooser.choice(b'{}[]":,0123456789eE.-+ \\nNaI\x00\xff')
            else:
                data = data[: chooser.randrange(len(data) + 1)]
        path = build(tmp_path, {**good, name: bytes(data)})
        try:
            read_session(path)
        except SessionError as error:
            assert NAME in str(error) and "\n" not in str(error)
