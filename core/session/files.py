"""Session files (.glassbox): write one atomically, read one without trusting it.

A session file is a zip holding only data:
    manifest.json              {"format": "glassbox-session", "version": 1, "app_version": ...,
                                "members": [{"name", "size", "sha256"}, ...]}  (every other member)
    session.json               {"app": {...}, "tabs": {tab name: state dict}}
    parts/<name>.json          {"meta": {...}, "arrays": {array name: {"dtype", "shape"}}}
    parts/<name>.safetensors   the part's arrays

Reading never unpickles, never executes and never extracts to disk. The file is read
once into memory (bounded), every member through a bounded reader, every member's
size and SHA-256 checked against the manifest, every JSON strictly (strict_json), every
array's header before its bytes (tensors). Whatever is wrong gives one SessionError
sentence that names the file, says what is wrong and what to do.
"""

from __future__ import annotations

import hashlib
import io
import os
import zipfile
from pathlib import Path
from typing import Any

import numpy as np

from core import __version__
from core.errors import SessionError
from core.files import atomic_output, read_bytes, shown_name
from core.session import strict_json, tensors
from core.session.parts import PART_NAMES, TAB_NAMES, Part, Session

FORMAT = "glassbox-session"
VERSION = 1
SUFFIX = ".glassbox"
MANIFEST = "manifest.json"
SESSION = "session.json"

MAX_FILE_BYTES = 512 * 2**20
MAX_MEMBER_BYTES = 256 * 2**20  # uncompressed, each
MAX_TOTAL_BYTES = 768 * 2**20  # uncompressed, all together
MAX_JSON_BYTES = 4 * 2**20  # settings and descriptions are small; this bounds the strict parser's work
MAX_MEMBERS = 2 + 2 * len(PART_NAMES)
MAX_RATIO = 200  # uncompressed / compressed, for members over RATIO_FLOOR bytes (the writer stores above 100)
RATIO_FLOOR = 64 * 2**10
WRITE_RATIO = 100
CHUNK = 2**20
ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # fixed, so the same session writes the same bytes


def part_members(name: str) -> tuple[str, str]:
    return f"parts/{name}.json", f"parts/{name}.safetensors"


# ============================================================================ writing
def write_session(path: str | os.PathLike, session: Session) -> None:
    """Write `session` to `path` atomically (a temporary file beside it, then a rename)."""
    path = Path(path)
    file = shown_name(path)
    members = _encode(session, file)
    manifest = {
        "format": FORMAT,
        "version": VERSION,
        "app_version": __version__,
        "members": [{"name": name, "size": len(data), "sha256": hashlib.sha256(data).hexdigest()}
                    for name, data in members],
    }
    members.insert(0, (MANIFEST, strict_json.dumps(manifest)))
    with atomic_output(path, error=SessionError) as stream:  # the old file stays whole on any failure
        too_flat = _write_zip(stream, members, stored=frozenset())
        if too_flat:  # rare (a flat image): write again with those members stored, not deflated
            stream.seek(0)
            stream.truncate()
            _write_zip(stream, members, stored=too_flat)


def _write_zip(stream, members: list[tuple[str, bytes]], stored: frozenset) -> frozenset:
    """Write the archive, deflating every member not in `stored`, each compressed once.

    Returns the members that shrank so much that read_session would take them for a bomb
    (over WRITE_RATIO, half the reader's MAX_RATIO); the caller writes them again stored.
    """
    with zipfile.ZipFile(stream, "w") as archive:
        for name, data in members:
            info = zipfile.ZipInfo(name, ZIP_TIME)
            info.compress_type = zipfile.ZIP_STORED if name in stored else zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, data)
        return frozenset(info.filename for info in archive.infolist()
                         if info.file_size > RATIO_FLOOR and info.file_size > WRITE_RATIO * max(1, info.compress_size))


def _encode(session: Session, file: str) -> list[tuple[str, bytes]]:
    if not isinstance(session, Session) or not isinstance(session.app, dict) or not isinstance(session.tabs, dict):
        raise SessionError("{file} cannot be saved: the session is incomplete; this is a bug in Glassbox, please "
                           "report it.", file=file)
    for tab, state in session.tabs.items():
        if tab not in TAB_NAMES or not isinstance(state, dict):
            raise SessionError("{file} cannot be saved: '{tab}' is not a tab's state.", file=file, tab=str(tab))
    try:
        members = [(SESSION, strict_json.dumps({"app": session.app, "tabs": session.tabs}))]
    except strict_json.JsonRejected:
        raise SessionError("{file} cannot be saved: the settings hold a value that is not plain data "
                           "or not a finite number.", file=file) from None
    for name in sorted(session.parts):
        part = session.parts[name]
        if name not in PART_NAMES or not isinstance(part, Part) or not isinstance(part.meta, dict):
            raise SessionError("{file} cannot be saved: '{part}' is not a part a session can hold.",
                               file=file, part=str(name))
        try:
            data = tensors.encode(part.arrays)
            description = {"meta": part.meta, "arrays": {
                key: {"dtype": str(array.dtype), "shape": list(array.shape)} for key, array in part.arrays.items()}}
            meta = strict_json.dumps(description)
        except (tensors.ArraysRejected, strict_json.JsonRejected, AttributeError):
            raise SessionError("{file} cannot be saved: the part '{part}' holds a value that is not plain data, "
                               "not a finite number or not a supported kind of array.", file=file, part=name) from None
        json_name, arrays_name = part_members(name)
        members += [(json_name, meta), (arrays_name, data)]
    for name, data in members:  # never write what read_session would refuse
        if len(data) > (MAX_JSON_BYTES if name.endswith(".json") else MAX_MEMBER_BYTES):
            raise SessionError("{file} cannot be saved: {member} would be too big for a session.",
                               file=file, member=name)
    if sum(len(data) for _, data in members) > MAX_TOTAL_BYTES:
        raise SessionError("{file} cannot be saved: the session would be too big.", file=file)
    return members


# ============================================================================ reading
def read_session(path: str | os.PathLike) -> Session:
    """Read and check a session file; SessionError (one sentence naming the file) if anything is wrong."""
    file = shown_name(path)
    data = _read_file(path, file)
    try:
        return _parse(data, file)
    except SessionError:
        raise
    except Exception as error:  # zipfile, zlib and struct raise many types on hostile bytes: all mean damaged
        raise SessionError("{file} is damaged and cannot be opened; ask for a fresh copy.", file=file) from error


def _read_file(path, file: str) -> bytes:
    """The whole file, if it is a regular file within MAX_FILE_BYTES (core.files: no blocking on a FIFO)."""
    return read_bytes(path, limit=MAX_FILE_BYTES, error=SessionError)


def _parse(data: bytes, file: str) -> Session:
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise SessionError("{file} is not a Glassbox session; open a .glassbox file saved by Glassbox.", file=file)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise SessionError("{file} is not a Glassbox session; open a .glassbox file saved by Glassbox.",
                           file=file) from None
    with archive:
        infos = _check_members(archive, file)
        manifest = _read_json(archive, infos, MANIFEST, file)
        listed = _check_manifest(manifest, file)
        _check_member_set(set(infos), listed, file)
        budget = [MAX_TOTAL_BYTES]
        contents = {}
        for name, (size, digest) in listed.items():
            content = _read_member(archive, infos[name], file, budget)
            if len(content) != size or hashlib.sha256(content).hexdigest() != digest:
                raise SessionError("{file} is damaged: {member} does not match its checksum; "
                                   "ask for a fresh copy.", file=file, member=name)
            contents[name] = content
    return _build(contents, file)


def _shown(name: str, limit: int = 60) -> str:
    """A name from the file, safe to put in a sentence: printable, on one line, not too long."""
    shown = name if name.isprintable() else ascii(name)[1:-1]
    return shown if len(shown) <= limit else shown[: limit - 1] + "…"


def _unsafe_name(name: str) -> bool:
    parts = name.split("/")
    return (not name or "\\" in name or ":" in name or "\0" in name or name.startswith("/")
            or any(part in ("", ".", "..") for part in parts) or any(ord(c) < 32 for c in name))


def _check_members(archive: zipfile.ZipFile, file: str) -> dict[str, zipfile.ZipInfo]:
    infos = archive.infolist()
    if len(infos) > MAX_MEMBERS:
        raise SessionError("{file} is not a Glassbox session: it holds {count} members; open a .glassbox file "
                           "saved by Glassbox.", file=file, count=len(infos))
    result: dict[str, zipfile.ZipInfo] = {}
    for info in infos:
        name = info.filename
        if _unsafe_name(name) or info.orig_filename != name:
            raise SessionError("{file} is not safe to open: a member's name ({member}) points outside the "
                               "session; ask its author to save it again from Glassbox.",
                               file=file, member=_shown(info.orig_filename))
        if name in result:
            raise SessionError("{file} is not safe to open: it holds {member} twice; ask its author to save it "
                               "again from Glassbox.", file=file, member=name)
        if info.flag_bits & 0x1:
            raise SessionError("{file} is encrypted; Glassbox sessions are never encrypted, so this is not one.",
                               file=file)
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise SessionError("{file} uses a compression Glassbox does not read; save it again from Glassbox.",
                               file=file)
        if info.file_size > MAX_MEMBER_BYTES:
            raise SessionError("{file} is not safe to open: {member} would unpack to more than {limit} MB; ask "
                               "its author to save it again from Glassbox.",
                               file=file, member=name, limit=MAX_MEMBER_BYTES // 2**20)
        if name.endswith(".json") and info.file_size > MAX_JSON_BYTES:
            raise SessionError("{file} is not safe to open: {member} is far too big; ask its author to save it "
                               "again from Glassbox.", file=file, member=name)
        if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(1, info.compress_size):
            raise SessionError("{file} is not safe to open: {member} is compressed suspiciously much "
                               "(a zip bomb?); ask its author to save it again from Glassbox.", file=file, member=name)
        result[name] = info
    if sum(info.file_size for info in infos) > MAX_TOTAL_BYTES:
        raise SessionError("{file} is not safe to open: it would unpack to more than {limit} MB; ask its author "
                           "to save it again from Glassbox.",
                           file=file, limit=MAX_TOTAL_BYTES // 2**20)
    if MANIFEST not in result:
        raise SessionError("{file} is not a Glassbox session (it has no manifest); "
                           "open a .glassbox file saved by Glassbox.", file=file)
    return result


def _read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, file: str, budget: list[int]) -> bytes:
    """The member's bytes, read in chunks and never past its declared size, the member cap or the total budget."""
    limit = min(info.file_size, MAX_MEMBER_BYTES, budget[0])
    chunks, total = [], 0
    with archive.open(info) as stream:
        while True:
            chunk = stream.read(min(CHUNK, limit + 1 - total))
            if not chunk:
                break
            total += len(chunk)
            if total > limit:
                raise SessionError("{file} is not safe to open: {member} unpacks to more than it declares; ask "
                                   "its author to save it again from Glassbox.",
                                   file=file, member=info.filename)
            chunks.append(chunk)
    budget[0] -= total
    return b"".join(chunks)


def _read_json(archive, infos, name: str, file: str) -> Any:
    return _loads(_read_member(archive, infos[name], file, [MAX_JSON_BYTES]), name, file)


def _loads(data: bytes, name: str, file: str) -> Any:
    try:
        return strict_json.loads(data)
    except strict_json.JsonRejected as error:
        if error.reason == "nested":
            raise SessionError("{file} is not safe to open: {member} is nested more than {limit} levels deep; ask "
                               "its author to save it again from Glassbox.",
                               file=file, member=name, limit=strict_json.MAX_DEPTH) from None
        if error.reason == "number":
            raise SessionError("{file} is damaged: {member} holds a number that is not finite or is absurdly "
                               "large; ask for a fresh copy.",
                               file=file, member=name) from None
        if error.reason == "duplicate":
            raise SessionError("{file} is damaged: {member} gives the same key twice; ask for a fresh copy.",
                               file=file, member=name) from None
        raise SessionError("{file} is damaged: {member} is not valid JSON; ask for a fresh copy.",
                           file=file, member=name) from None


def _check_manifest(manifest: Any, file: str) -> dict[str, tuple[int, str]]:
    """{member name: (size, sha256)} from a manifest whose format and version we read."""
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise SessionError("{file} is not a Glassbox session; open a .glassbox file saved by Glassbox.", file=file)
    version = manifest.get("version")
    if type(version) is not int or version < 1:
        raise SessionError("{file} is damaged: its format version is missing or invalid; ask for a fresh copy.",
                           file=file)
    if version > VERSION:
        raise SessionError("{file} was made by a newer Glassbox (session format {version}); "
                           "update Glassbox to open it.", file=file, version=version)
    members = manifest.get("members")
    if not isinstance(members, list) or len(members) > MAX_MEMBERS:
        raise SessionError("{file} is damaged: its list of members is missing or invalid; ask for a fresh copy.",
                           file=file)
    listed: dict[str, tuple[int, str]] = {}
    for entry in members:
        if (not isinstance(entry, dict) or set(entry) != {"name", "size", "sha256"}
                or not isinstance(entry["name"], str) or type(entry["size"]) is not int or entry["size"] < 0
                or not isinstance(entry["sha256"], str) or len(entry["sha256"]) != 64 or entry["name"] in listed):
            raise SessionError("{file} is damaged: its list of members is missing or invalid; ask for a fresh "
                               "copy.", file=file)
        listed[entry["name"]] = (entry["size"], entry["sha256"].lower())
    return listed


def _check_member_set(present: set[str], listed: dict[str, tuple[int, str]], file: str) -> None:
    expected = {SESSION}
    for name in listed:
        if name.startswith("parts/"):
            stem = name[len("parts/"):].rsplit(".", 1)[0]
            if stem not in PART_NAMES:
                raise SessionError("{file} holds an unknown part '{part}'; it may come from a newer Glassbox.",
                                   file=file, part=_shown(stem))
            expected.update(part_members(stem))
    for name in sorted(expected | set(listed) | present - {MANIFEST}):
        if name not in expected:
            raise SessionError("{file} holds an unexpected member {member}; it is not a Glassbox session "
                               "or has been tampered with.", file=file, member=_shown(name))
        if name not in present or name not in listed:
            raise SessionError("{file} is incomplete: {member} is missing; ask for a fresh copy.",
                               file=file, member=name)


def _build(contents: dict[str, bytes], file: str) -> Session:
    body = _loads(contents[SESSION], SESSION, file)
    if not isinstance(body, dict) or set(body) != {"app", "tabs"} or not isinstance(body["app"], dict) \
            or not isinstance(body["tabs"], dict):
        raise SessionError("{file} is damaged: {member} does not hold the app's settings and the tabs; ask for a "
                           "fresh copy.",
                           file=file, member=SESSION)
    for tab, state in body["tabs"].items():
        if tab not in TAB_NAMES:
            raise SessionError("{file} holds an unknown tab '{tab}'; it may come from a newer Glassbox.",
                               file=file, tab=_shown(tab))
        if not isinstance(state, dict):
            raise SessionError("{file} is damaged: the {tab} tab's settings are not readable; ask for a fresh "
                               "copy.", file=file, tab=tab)
    parts = {}
    for name in PART_NAMES:
        json_name, arrays_name = part_members(name)
        if json_name in contents:
            parts[name] = _build_part(contents[json_name], contents[arrays_name], json_name, arrays_name, file)
    return Session(app=body["app"], tabs=body["tabs"], parts=parts)


def _build_part(description: bytes, data: bytes, json_name: str, arrays_name: str, file: str) -> Part:
    described = _loads(description, json_name, file)
    if (not isinstance(described, dict) or set(described) != {"meta", "arrays"}
            or not isinstance(described["meta"], dict) or not isinstance(described["arrays"], dict)):
        raise SessionError("{file} is damaged: {member} is not a part's description; ask for a fresh copy.",
                           file=file, member=json_name)
    try:
        arrays = tensors.decode(data)
    except tensors.ArraysRejected as error:
        if error.reason == "dtype":
            raise SessionError("{file} is not safe to open: {member} holds an array of a kind Glassbox never "
                               "writes; ask its author to save it again from Glassbox.",
                               file=file, member=arrays_name) from None
        if error.reason == "not_finite":
            raise SessionError("{file} is damaged: {member} holds numbers that are not finite (NaN or infinity); "
                               "ask for a fresh copy.",
                               file=file, member=arrays_name) from None
        raise SessionError("{file} is damaged: {member} is not a readable set of arrays; ask for a fresh copy.",
                           file=file, member=arrays_name) from None
    declared = {name: (entry.get("dtype"), entry.get("shape")) if isinstance(entry, dict) else None
                for name, entry in described["arrays"].items()}
    actual = {name: (str(array.dtype), list(array.shape)) for name, array in arrays.items()}
    if declared != actual:
        raise SessionError("{file} is damaged: {member} does not hold the arrays its description lists; ask for a "
                           "fresh copy.",
                           file=file, member=arrays_name)
    return Part(meta=described["meta"], arrays={name: np.asarray(array) for name, array in arrays.items()})
