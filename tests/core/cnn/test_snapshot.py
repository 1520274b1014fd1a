"""The lab's model as a session part: named or trained, and every malformed part refused in one sentence."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from core.cnn.snapshot import model_from_part, part_from_model
from core.data.synthetic_images import DIGIT_CLASSES
from core.errors import SessionError
from core.nets.cnn import build_cnn
from core.nets.model_store import ModelInfo
from core.session.parts import Part

INFO = ModelInfo("lab digits", "digits", DIGIT_CLASSES, {
    "input_size": [28, 28], "channels": 1, "mean": [0.1307], "std": [0.3081], "scale": 255,
    "invert": True, "digit_box": 20, "centre_by_mass": True})


def trained_weights() -> dict[str, np.ndarray]:
    torch.manual_seed(3)
    return {key: value.numpy().copy() for key, value in build_cnn("digits").state_dict().items()}


def test_a_named_model_is_only_its_name():
    part = part_from_model("digits")
    assert part.arrays == {}
    model = model_from_part(part)
    assert model.name == "digits" and not model.trained


def test_trained_weights_come_back_exactly():
    weights = trained_weights()
    model = model_from_part(part_from_model("lab digits", INFO, weights))
    assert model.trained and model.info.architecture == "digits"
    assert model.info.class_names == tuple(DIGIT_CLASSES)
    assert set(model.weights) == set(weights)
    for key, value in weights.items():
        np.testing.assert_array_equal(model.weights[key], value)
        assert model.weights[key] is not value


def test_the_part_is_plain_data():
    part = part_from_model("lab digits", INFO, trained_weights())
    import json
    json.dumps(part.meta)
    assert all(isinstance(value, np.ndarray) and value.dtype == np.float32 for value in part.arrays.values())


def _broken(change) -> Part:
    part = part_from_model("lab digits", INFO, trained_weights())
    meta, arrays = dict(part.meta), dict(part.arrays)
    change(meta, arrays)
    return Part(meta, arrays)


@pytest.mark.parametrize("change", [
    lambda m, a: m.update(format=99),
    lambda m, a: m.update(kind="pickle"),
    lambda m, a: m.update(name=""),
    lambda m, a: m.update(name=["x"]),
    lambda m, a: m.update(architecture="resnet152"),
    lambda m, a: m.update(class_names=["only one"]),
    lambda m, a: m.update(class_names=["a"] * 10),
    lambda m, a: m.update(class_names=list(range(10))),
    lambda m, a: m.update(class_names=[str(i) for i in range(12)]),  # shapes no longer match
    lambda m, a: m.update(preprocessing="rm -rf"),
    lambda m, a: m.update(preprocessing={"input_size": [99, 99]}),
    lambda m, a: a.pop(next(iter(a))),
    lambda m, a: a.update(extra=np.zeros(3, np.float32)),
    lambda m, a: a.update({next(iter(a)): np.zeros((1, 2, 3), np.float32)}),
    lambda m, a: a.update({next(iter(a)): np.full_like(a[next(iter(a))], np.nan)}),
    lambda m, a: a.update({next(iter(a)): np.full_like(a[next(iter(a))], 1e30)}),
    lambda m, a: a.update({next(iter(a)): a[next(iter(a))].astype(np.int64)}),
])
def test_a_malformed_part_is_one_sentence(change):
    with pytest.raises(SessionError) as caught:
        model_from_part(_broken(change))
    sentence = str(caught.value)
    assert sentence.endswith(".") and "\n" not in sentence and "Traceback" not in sentence


def test_a_named_part_with_weights_is_refused():
    with pytest.raises(SessionError):
        model_from_part(Part({"format": 1, "kind": "named", "name": "digits"}, {"w": np.zeros(2, np.float32)}))


def test_not_a_mapping_is_refused():
    with pytest.raises(SessionError):
        model_from_part(Part(["not", "a", "dict"], {}))  # type: ignore[arg-type]
