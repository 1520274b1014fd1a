"""write_session / read_session: a session comes back exactly, written atomically and deterministically."""

from __future__ import annotations

import json
import os
import zipfile

import numpy as np
import pytest

from core import __version__
from core.errors import SessionError
from core.mlp.config import TrainConfig
from core.mlp.trainer import Trainer
from core.session.files import FORMAT, VERSION, read_session, write_session
from core.session.parts import CNN_PART, LAB_IMAGE_PART, MLP_PART, Part, Session


def mlp_part() -> Part:
    trainer = Trainer(TrainConfig(dataset="xor", n_points=100, hidden=(4,), device="cpu"))
    list(trainer.run(max_steps=5))
    return trainer.snapshot()


def full_session() -> Session:
    rng = np.random.default_rng(0)
    return Session(
        app={"language": "zh_CN", "zoom": 1.25, "tab": "network", "recent": ["课堂 1.glassbox"]},
        tabs={
            "training": {"dataset": "spiral", "hidden": [8, 8], "learning_rate": 0.03, "show": True},
            "network": {"selected": None, "nested": {"a": [1, [2, [3.5]]]}},
            "convolution": {"model": "tiny", "layer": 2},
            "landscape": {"surface": "rosenbrock", "start": [-1.5, 2.0]},
        },
        parts={
            MLP_PART: mlp_part(),
            CNN_PART: Part(
                meta={"name": "tiny-cnn", "classes": ["cat", "dog"], "trained_in_lab": True},
                arrays={"conv1.weight": rng.standard_normal((4, 3, 3, 3)).astype(np.float32),
                        "conv1.bias": np.zeros(4, np.float32),
                        "mean": np.array([0.5, 0.25, 0.125]), "steps": np.array(7, np.int64),
                        "mask": np.array([True, False]), "empty": np.zeros((0, 3), np.float32)},
            ),
            LAB_IMAGE_PART: Part(meta={"source": "cat.png"},
                                 arrays={"pixels": rng.integers(0, 256, (32, 48, 3), dtype=np.uint8)}),
        },
    )


def assert_same(first: Session, second: Session) -> None:
    assert first.app == second.app
    assert first.tabs == second.tabs
    assert set(first.parts) == set(second.parts)
    for name, part in first.parts.items():
        other = second.parts[name]
        assert other.meta == part.meta
        assert set(other.arrays) == set(part.arrays)
        for key, array in part.arrays.items():
            assert other.arrays[key].dtype == array.dtype and other.arrays[key].shape == array.shape
            assert np.array_equal(other.arrays[key], array)


def test_a_session_with_every_part_comes_back_exactly(tmp_path):
    session = full_session()
    path = tmp_path / "lesson 1.glassbox"
    write_session(path, session)
    assert_same(read_session(path), session)
    assert_same(read_session(str(path)), session)


def test_the_file_is_a_zip_of_data_with_a_manifest(tmp_path):
    path = tmp_path / "s.glassbox"
    write_session(path, full_session())
    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
        manifest = json.loads(archive.read("manifest.json"))
    assert names[0] == "manifest.json"
    assert manifest["format"] == FORMAT and manifest["version"] == VERSION and manifest["app_version"] == __version__
    listed = {entry["name"] for entry in manifest["members"]}
    assert listed == set(names) - {"manifest.json"}
    assert {"session.json", "parts/mlp.json", "parts/mlp.safetensors", "parts/cnn.safetensors",
            "parts/lab_image.json"} <= listed


def test_an_empty_session_round_trips(tmp_path):
    path = tmp_path / "empty.glassbox"
    write_session(path, Session())
    assert_same(read_session(path), Session())


def test_the_same_session_writes_the_same_bytes(tmp_path):
    write_session(tmp_path / "a.glassbox", full_session())
    write_session(tmp_path / "b.glassbox", full_session())
    assert (tmp_path / "a.glassbox").read_bytes() == (tmp_path / "b.glassbox").read_bytes()


def test_writing_replaces_a_file_atomically_and_leaves_no_temporary(tmp_path):
    path = tmp_path / "s.glassbox"
    path.write_bytes(b"old")
    write_session(path, full_session())
    assert read_session(path).app["zoom"] == 1.25
    assert sorted(os.listdir(tmp_path)) == ["s.glassbox"]


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_a_new_file_is_readable_by_others_and_a_replaced_one_keeps_its_permissions(tmp_path):
    path = tmp_path / "s.glassbox"
    write_session(path, Session())
    assert path.stat().st_mode & 0o777 == 0o644
    path.chmod(0o600)
    write_session(path, full_session())
    assert path.stat().st_mode & 0o777 == 0o600


def test_a_flat_image_is_stored_so_that_the_reader_does_not_take_it_for_a_bomb(tmp_path):
    white = Part(arrays={"pixels": np.full((600, 800, 3), 255, np.uint8)})
    path = tmp_path / "white.glassbox"
    write_session(path, Session(parts={LAB_IMAGE_PART: white}))
    assert np.array_equal(read_session(path).parts[LAB_IMAGE_PART].arrays["pixels"], white.arrays["pixels"])


def test_a_folder_that_does_not_exist_gives_one_sentence_and_no_file(tmp_path):
    with pytest.raises(SessionError, match="The folder for s.glassbox does not exist"):
        write_session(tmp_path / "missing" / "s.glassbox", full_session())
    assert os.listdir(tmp_path) == []


@pytest.mark.parametrize("session, fragment", [
    (Session(app={"zoom": float("nan")}), "not plain data"),
    (Session(app={"callback": print}), "not plain data"),
    (Session(tabs={"spreadsheet": {}}), "'spreadsheet' is not a tab"),
    (Session(tabs={"training": "spiral"}), "'training' is not a tab"),
    (Session(parts={"weights": Part()}), "'weights' is not a part"),
    (Session(parts={MLP_PART: Part(arrays={"w": np.zeros(2, np.float16)})}), "'mlp' holds"),
    (Session(parts={MLP_PART: Part(arrays={"w": np.array([1.0, np.inf])})}), "'mlp' holds"),
    (Session(parts={MLP_PART: Part(arrays={"w": np.array(["text"], dtype=object)})}), "'mlp' holds"),
    (Session(parts={MLP_PART: Part(arrays={"w": [1.0, 2.0]})}), "'mlp' holds"),
    (Session(parts={MLP_PART: Part(arrays={"../w": np.zeros(2)})}), "'mlp' holds"),
    (Session(parts={MLP_PART: Part(meta={"x": 1e400 * 0})})  , "'mlp' holds"),
])
def test_a_session_that_could_not_be_read_back_is_not_written(tmp_path, session, fragment):
    path = tmp_path / "bad.glassbox"
    with pytest.raises(SessionError) as caught:
        write_session(path, session)
    assert fragment in str(caught.value) and "bad.glassbox" in str(caught.value)
    assert not path.exists() and os.listdir(tmp_path) == []


def test_settings_too_big_to_read_back_are_not_written(tmp_path, monkeypatch):
    from core.session import files

    monkeypatch.setattr(files, "MAX_JSON_BYTES", 100)
    with pytest.raises(SessionError, match="session.json would be too big"):
        write_session(tmp_path / "big.glassbox", Session(tabs={"network": {"notes": "x" * 200}}))
    assert os.listdir(tmp_path) == []


def test_the_arrays_read_back_are_writable_copies(tmp_path):
    path = tmp_path / "s.glassbox"
    write_session(path, full_session())
    pixels = read_session(path).parts[LAB_IMAGE_PART].arrays["pixels"]
    pixels[0, 0, 0] = 7  # no read-only buffer tied to the file's bytes
    assert pixels.flags.writeable
