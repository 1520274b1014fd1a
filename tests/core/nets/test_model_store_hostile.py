"""The model store against hostile folders: every bad model is one ModelError sentence, and listing never raises."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest
import torch

from core.errors import ModelError
from core.nets import model_store
from core.nets.cnn import build_cnn
from core.nets.model_store import (ModelInfo, available_models, check_name, list_models, load_model,
                                   model_exists, read_model_info, save_model)

needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
needs_devices = pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero here")
CLASSES = tuple("0123456789")


def info(name: str = "mine", **preprocessing) -> ModelInfo:
    return ModelInfo(name, "digits", CLASSES, {"input_size": [28, 28], "channels": 1, "mean": [0.1307],
                                               "std": [0.3081], **preprocessing}, {"seed": 1})


@pytest.fixture(scope="module")
def weights_bytes(tmp_path_factory) -> bytes:
    folder = tmp_path_factory.mktemp("good")
    torch.manual_seed(0)
    weights, _ = save_model(build_cnn("digits"), info(), folder)
    return weights.read_bytes()


@pytest.fixture
def folder(tmp_path, weights_bytes) -> Path:
    """A models folder holding one good model, 'good'."""
    (tmp_path / "good.safetensors").write_bytes(weights_bytes)
    (tmp_path / "good.json").write_text(info("good").to_json())
    return tmp_path


def one_sentence(error: BaseException) -> str:
    assert isinstance(error, ModelError), repr(error)
    text = str(error)
    assert "\n" not in text and text.endswith(".") and len(text) < 400, text
    assert "Traceback" not in text
    return text


def description(**changes) -> str:
    data = json.loads(info("bad").to_json())
    for key, value in changes.items():
        if key.startswith("pre_"):
            data["preprocessing"][key[4:]] = value
        else:
            data[key] = value
    return json.dumps(data)


DEEP = "[" * 100_000 + "]" * 100_000
HOSTILE_DESCRIPTIONS = {
    "nested 100,000 deep": DEEP,
    "nested inside a field": description().replace('"training": {',
                                                   '"training": {"x": ' + "[" * 5000 + "]" * 5000 + ", "),
    "binary": b"\x00\xff\xfe\x89PNG\r\n" * 50,
    "not UTF-8": b'{"format": "glassbox.model/1", "architecture": "digits", "x": "\xe9"}',
    "NaN": description(training={"loss": float("nan")}),
    "Infinity": description().replace('"seed": 1', '"seed": Infinity'),
    "huge integer": description().replace('"seed": 1', '"seed": ' + "9" * 5000),
    "overflowing float": description().replace('"seed": 1', '"seed": 1e999'),
    "duplicate key": description()[:-1] + ', "architecture": "shapes"}',
    "a list": "[1, 2, 3]",
    "null": "null",
    "empty": "",
    "mean NaN": description().replace("0.1307", "NaN"),
    "mean absurd": description(pre_mean=[1e300]),
    "mean not a number": description(pre_mean="0.5"),
    "std zero": description(pre_std=[0.0]),
    "std negative": description(pre_std=[-0.3]),
    "std tiny": description(pre_std=[1e-300]),
    "std absurd": description(pre_std=[1e300]),
    "std boolean": description(pre_std=True),
    "std of four channels": description(pre_std=[0.3, 0.3, 0.3, 0.3]),
    "input size absurd": description(pre_input_size=[10**9, 28]),
    "input size text": description(pre_input_size="28x28"),
    "channels a float": description(pre_channels=1.5),
    "invert a string": description(pre_invert="yes"),
    "scale zero": description(pre_scale=0),
    "preprocessing a list": description(preprocessing=[1, 2]),
    "training a string": description(training="fast"),
    "architecture a number": description(architecture=7),
    "architecture 5,000 letters": description(architecture="x" * 5000),
    "class names a string": description(class_names="0123456789"),
    "class name a number": description(class_names=[0, 1]),
    "class name with a line break": description(class_names=["cat", "dog\nerror: fake"]),
    "class name too long": description(class_names=["cat", "d" * 5000]),
    "class names repeated": description(class_names=["cat", "cat"]),
    "one class": description(class_names=["cat"]),
    "too many classes": description(class_names=[str(i) for i in range(1000)]),
    "format missing": description(format=None),
}


def test_a_hostile_description_is_one_sentence_and_the_listing_skips_it(folder, weights_bytes):
    # One test over every case (the suite collects garbage after each test, which costs more than a case).
    (folder / "bad.safetensors").write_bytes(weights_bytes)
    for case, content in HOSTILE_DESCRIPTIONS.items():
        (folder / "bad.json").write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
        with pytest.raises(ModelError) as caught:
            load_model("bad", folder)
        message = one_sentence(caught.value)
        assert "bad" in message or "architecture" in message, (case, message)
        listing = list_models(folder)
        assert listing.names == ["good"], case
        assert [name for name, _ in listing.problems] == ["bad"], case
        assert str(listing.problems[0][1]) == message, case


def test_a_huge_description_is_refused_unread(folder, weights_bytes, monkeypatch):
    monkeypatch.setattr(model_store, "MAX_JSON_BYTES", 1000)
    (folder / "bad.safetensors").write_bytes(weights_bytes)
    (folder / "bad.json").write_text(description(training={"notes": "x" * 5000}))
    assert "too big" in one_sentence(pytest.raises(ModelError, read_model_info, "bad", folder).value)
    assert list_models(folder).names == ["good"]


def _header(length: int, body: bytes = b"") -> bytes:
    return length.to_bytes(8, "little") + body


HOSTILE_WEIGHTS = {
    "empty": b"",
    "seven bytes": b"\x01" * 7,
    "header longer than the file": _header(10**6, b"{}"),
    "header of 2**63 bytes": _header(2**63),
    "header not JSON": _header(8, b"\xff" * 8),
    "header a deep JSON": _header(20_000, b"[" * 10_000 + b"]" * 10_000),
    "header claims a huge tensor": _header(80, b'{"conv1.weight":{"dtype":"F32","shape":[99999999,9999],'
                                               b'"data_offsets":[0,4]}}'.ljust(80)),
    "a pickle": b"\x80\x04\x95 this is a pickle, not safetensors" * 4,
}


def test_hostile_weights_are_one_sentence(folder):
    (folder / "bad.json").write_text(info("bad").to_json())
    for case, content in HOSTILE_WEIGHTS.items():
        (folder / "bad.safetensors").write_bytes(content)
        with pytest.raises(ModelError, match="bad") as caught:
            load_model("bad", folder)
        one_sentence(caught.value)
        assert list_models(folder).names in (["good"], ["bad", "good"]), case  # a header may pass; loading refuses


def _fifo(path: Path) -> None:
    os.mkfifo(path)


def _device(path: Path) -> None:
    os.symlink("/dev/zero", path)


def _urandom(path: Path) -> None:
    os.symlink("/dev/urandom", path)


def _folder(path: Path) -> None:
    path.mkdir()


def _loop(path: Path) -> None:
    os.symlink(path, path)


def _broken(path: Path) -> None:
    os.symlink(path.parent / "nowhere", path)


HOSTILE_PATHS = {"fifo": _fifo, "/dev/zero": _device, "/dev/urandom": _urandom, "folder": _folder,
                 "symlink loop": _loop, "broken link": _broken, "empty file": lambda p: p.write_bytes(b"")}


@needs_fifo
@needs_devices
@pytest.mark.parametrize("suffix", [".json", ".safetensors"])
def test_special_files_in_place_of_a_model_never_block_or_grow(folder, weights_bytes, suffix):
    for case, make in HOSTILE_PATHS.items():
        (folder / "bad.json").write_text(info("bad").to_json())
        (folder / "bad.safetensors").write_bytes(weights_bytes)
        target = folder / f"bad{suffix}"
        target.unlink()
        make(target)
        with pytest.raises(ModelError) as caught:
            load_model("bad", folder)
        one_sentence(caught.value)
        assert "bad" not in available_models(folder) or case == "empty file", case
        assert list_models(folder).names == ["good"], case
        if target.is_dir() and not target.is_symlink():
            target.rmdir()
        else:
            target.unlink()


@needs_fifo
def test_the_listing_survives_any_models_folder(tmp_path):
    os.mkfifo(tmp_path / "fifo_folder")
    for odd in (tmp_path / "fifo_folder", tmp_path / "missing", tmp_path / ("n" * 5000), Path("/dev/zero")):
        assert available_models(odd) == [] and list_models(odd).names == [] and list_models(odd).problems == []
    (tmp_path / "notes.json").mkdir()
    (tmp_path / "x y.json").write_text("{}")  # not a model name: not a model, not a problem
    (tmp_path / "half.json").write_text(info("half").to_json())  # no weights beside it
    listing = list_models(tmp_path)
    assert listing.names == [] and [name for name, _ in listing.problems] == ["half"]
    assert "no weights file" in str(listing.problems[0][1])


# ============================================================================ saving
BAD_NAMES = {"": "needs a name", "   ": "needs a name", "a" * 300: "too long", "../digits": "path",
             "a/b": "path", "a\\b": "path", ".": "path", "..": "path", "two\nlines": "control character",
             "tab\there": "control character", "bell\x07": "control character", "with space": "not a model name",
             "dots.json": "not a model name", "x" * 101: "too long"}


def test_a_bad_name_is_refused_before_anything_is_written(tmp_path):
    for name, words in BAD_NAMES.items():
        for attempt in (lambda: save_model(build_cnn("digits"), info(name), tmp_path / "models"),
                        lambda: model_exists(name, tmp_path), lambda: check_name(name),
                        lambda: load_model(name, tmp_path)):
            with pytest.raises(ModelError) as caught:
                attempt()
            message = one_sentence(caught.value)
            assert words in message and "\t" not in message and len(message) < 250, (name, message)
    assert os.listdir(tmp_path) == []


def test_model_exists_tells_whether_saving_would_replace_something(tmp_path, weights_bytes):
    assert not model_exists("mine", tmp_path) and not model_exists("mine", tmp_path / "missing")
    save_model(build_cnn("digits"), info("mine"), tmp_path)
    assert model_exists("mine", tmp_path) and not model_exists("other", tmp_path)
    (tmp_path / "mine.json").unlink()
    assert model_exists("mine", tmp_path)  # half a model is still something to replace


def test_a_failed_save_leaves_the_old_model_exactly_as_it_was(tmp_path, monkeypatch):
    torch.manual_seed(1)
    old = [p.read_bytes() for p in save_model(build_cnn("digits"), info("mine"), tmp_path)]
    from core import files

    def full(descriptor):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(files.os, "fsync", full)
    torch.manual_seed(2)
    with pytest.raises(ModelError) as caught:
        save_model(build_cnn("digits"), info("mine"), tmp_path)
    assert "disk is full" in one_sentence(caught.value)
    monkeypatch.undo()
    assert [(tmp_path / f"mine{s}").read_bytes() for s in (".safetensors", ".json")] == old
    assert sorted(os.listdir(tmp_path)) == ["mine.json", "mine.safetensors"]


@pytest.mark.parametrize("preprocessing", [{"std": [0.0]}, {"mean": [float("nan")]}, {"std": [float("inf")]},
                                           {"callback": print}])
def test_a_description_that_could_not_be_read_back_is_not_saved(tmp_path, preprocessing):
    with pytest.raises(ModelError) as caught:
        save_model(build_cnn("digits"), info("mine", **preprocessing), tmp_path)
    one_sentence(caught.value)
    assert os.listdir(tmp_path) == []


@needs_fifo
def test_saving_over_a_fifo_or_into_a_file_is_one_sentence(tmp_path):
    os.mkfifo(tmp_path / "mine.safetensors")
    with pytest.raises(ModelError) as caught:
        save_model(build_cnn("digits"), info("mine"), tmp_path)
    one_sentence(caught.value)
    assert stat.S_ISFIFO(os.stat(tmp_path / "mine.safetensors").st_mode)
    (tmp_path / "a_file").write_text("x")
    with pytest.raises(ModelError) as caught:
        save_model(build_cnn("digits"), info("mine"), tmp_path / "a_file" / "models")
    one_sentence(caught.value)
