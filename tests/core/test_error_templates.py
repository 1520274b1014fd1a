"""Core's error sentences are literal English templates with named values (core/errors.py).

str(error) is the same English sentence as ever; the GUI translates the template instead
(gui.i18n.say). scripts/core_messages.py lists every template in gui/core_messages.py
for lupdate; these tests keep that list in step with core/ (read as text: core's tests
import no Qt) and keep f-strings out of every raise.
"""

from __future__ import annotations

import ast
import importlib.util
import pickle
from pathlib import Path

import numpy as np
import pytest

from core.cnn.kernels import output_size
from core.data.downloads import _cancelled
from core.data.image_folder import scan_image_folder
from core.data.images import decode_image
from core.errors import (ConfigError, DatasetError, DivergedError, DownloadError, GlassboxError, ImageLoadError,
                         ModelError, Phrase)
from core.mlp.config import TrainConfig, parse_hidden
from core.optimizers import check_optimizer

ROOT = Path(__file__).resolve().parents[2]
CORE = ROOT / "core"


def _generator():
    spec = importlib.util.spec_from_file_location("core_messages_script", ROOT / "scripts" / "core_messages.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_gui_core_messages_lists_every_template_of_core():
    generator = _generator()
    templates, problems = generator.scan(CORE)

    assert problems == []
    listed = (ROOT / "gui" / "core_messages.py").read_text(encoding="utf-8")
    assert listed == generator.render(templates), "run python scripts/core_messages.py"
    assert len(templates) > 150
    assert "There is no kernel called {name!r}; choose one of {choices}." in templates
    assert "The learning rate" in templates  # a Phrase: a word the program puts into a sentence


def test_the_generated_literals_read_back_as_the_templates():
    generator = _generator()
    tricky = ['say "hi" in \\ place', "two\nlines", "tab\there", "{name!r} × {value:.4g}"]
    tree = ast.parse(generator.render(tricky))
    found = [node.args[1].value for node in ast.walk(tree)
             if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "QT_TRANSLATE_NOOP"]
    assert found == tricky


def _error_classes() -> set[str]:
    return {name for name, value in vars(__import__("core.errors", fromlist=["x"])).items()
            if isinstance(value, type) and issubclass(value, GlassboxError)}


def test_no_error_in_core_is_built_from_an_f_string_or_a_variable():
    classes = _error_classes() | {"Phrase"}
    offenders = []
    for path in sorted(CORE.rglob("*.py")):
        if path == CORE / "errors.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
            if name not in classes or name == "DivergedError":
                continue
            first = node.args[0] if node.args else None
            if first is not None and not (isinstance(first, ast.Constant) and isinstance(first.value, str)):
                offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert offenders == []


def _raised(function, *arguments, **keywords) -> GlassboxError:
    with pytest.raises(GlassboxError) as caught:
        function(*arguments, **keywords)
    return caught.value


def test_converted_errors_say_the_same_english_as_before():
    error = _raised(parse_hidden, "8,x")
    assert str(error) == "Hidden layers must be comma-separated whole numbers such as 8,8, not '8,x'."
    assert error.template == "Hidden layers must be comma-separated whole numbers such as 8,8, not '{text}'."
    assert error.values == {"text": "8,x"}

    error = _raised(TrainConfig(learning_rate=-1.0).validated)
    assert str(error) == "The learning rate must be a positive number up to 1000, not -1.0."
    assert isinstance(error.values["what"], Phrase) and error.values["what"].template == "The learning rate"

    error = _raised(TrainConfig(batch_size=0).validated)
    assert str(error).startswith("The batch size must be a whole number between 1 and ")

    assert str(_raised(check_optimizer, "adamx")) == (
        "Unknown optimizer 'adamx'; choose one of: sgd, momentum, nesterov, adagrad, rmsprop, adam, adamw.")
    assert str(_raised(output_size, 3, 5)) == (
        "A window of 5 does not fit in an input of 3 with padding 0; use a smaller kernel or more padding.")
    assert str(_raised(decode_image, b"")) == (
        "The image is empty (0 bytes); choose another file or save the image again.")
    assert str(_raised(decode_image, b"definitely not an image", name="notes.txt")) == (
        "notes.txt is not a PNG, JPEG, GIF, BMP or WebP image, so Glassbox cannot read it; "
        "save it as PNG or JPEG, or choose another image.")
    assert str(_cancelled("MNIST", "train.gz")) == (
        "The download of MNIST was cancelled; the unfinished train.gz was removed, "
        "and the files finished so far were kept.")
    assert str(_cancelled("MNIST", None)) == (
        "The download of MNIST was cancelled, and the files finished so far were kept.")


def test_a_clause_among_the_values_is_a_phrase_with_its_own_template(tmp_path):
    for name in ("cats", "dogs", "owls"):
        (tmp_path / name).mkdir()

    error = _raised(scan_image_folder, tmp_path, class_names=["cats", "dogs", "fish", "frogs"])

    assert isinstance(error, DatasetError)
    assert str(error) == (f"The subfolders of '{tmp_path}' must be named as the classes "
                          "('cats', 'dogs', 'fish' and 'frogs'): 'fish' and 'frogs' are missing "
                          "and 'owls' is not a class.")
    parts = error.values["parts"]
    assert parts.template == "{first} and {second}"
    assert [part.template for part in parts.values.values()] == ["{names} are missing", "{names} is not a class"]


def test_an_error_is_translated_through_its_template_and_phrases():
    chinese = {
        "{what} must be a positive number up to {high:g}, not {value}.": "{what}必须是不超过 {high:g} 的正数，而不是 {value}。",
        "The learning rate": "学习率",
    }
    error = _raised(TrainConfig(learning_rate=-1.0).validated)

    assert error.sentence(lambda text: chinese.get(text, text)) == "学习率必须是不超过 1000 的正数，而不是 -1.0。"
    assert error.sentence() == str(error)
    # A translation that lost a field falls back to the English rather than failing.
    assert error.sentence(lambda text: "{lost}") == str(error)


def test_the_constructor_stays_backwards_compatible():
    plain = ConfigError("A plain sentence with {braces} kept as they are.")
    assert str(plain) == "A plain sentence with {braces} kept as they are."
    assert plain.template == str(plain) and plain.values == {}
    assert isinstance(plain, ValueError)

    named = ModelError("There is no model '{name}'.", name="digits")
    assert str(named) == "There is no model 'digits'." and named.args == ("There is no model 'digits'.",)

    diverged = DivergedError(12, float("inf"))
    assert (diverged.step, diverged.value) == (12, float("inf"))
    assert str(diverged).startswith("Training diverged at step 12: the loss became inf. ")
    assert diverged.values == {"step": 12, "value": float("inf")}


def test_errors_and_phrases_survive_pickling():
    error = ImageLoadError("{who} is empty.", who=Phrase("The image"))
    again = pickle.loads(pickle.dumps(error))
    assert type(again) is ImageLoadError and str(again) == "The image is empty."
    assert again.values["who"].template == "The image"

    diverged = pickle.loads(pickle.dumps(DivergedError(3, np.float32(7.5))))
    assert diverged.step == 3 and str(diverged).startswith("Training diverged at step 3: the loss became 7.5.")
    assert str(pickle.loads(pickle.dumps(DownloadError("plain")))) == "plain"
