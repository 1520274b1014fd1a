"""`python main.py evaluate --model NAME --folder DIR`, run as users run it, in a fresh process.

The digits are rendered here by the generator the model was trained with, but from a
seed it never saw (its training seeds are in assets/models/digits.json), and saved as a
class would bring them: dark ink on light paper, scanned at 112×112, and white-on-black.
The shipped digits model must read both.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

REPO_ROOT = Path(__file__).resolve().parents[2]
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from cli_runner import error_lines, run_main  # noqa: E402  (tests/cli is on sys.path)

from core.data.synthetic_images import DIGIT_CLASSES, render_digit  # noqa: E402
from core.nets.model_store import MODELS_DIR  # noqa: E402

SEED = 20240607
PER_CLASS = 5  # 50 images
LAST_LINE = re.compile(r"^accuracy=(\d\.\d{4}) \((\d+)/(\d+)\)$")

needs_shipped_digits = pytest.mark.skipif(not (MODELS_DIR / "digits.safetensors").is_file(),
                                          reason="the shipped digits model is not built (scripts/train_models.py)")


def write_digits(root: Path, seed: int = SEED, per_class: int = PER_CLASS) -> int:
    """per_class digits of each class: even ones dark ink on light paper, odd ones white on black."""
    rng = np.random.default_rng(seed)
    count = 0
    for digit in range(10):
        folder = root / str(digit)
        folder.mkdir(parents=True, exist_ok=True)
        for j in range(per_class):
            ink = Image.fromarray(render_digit(digit, rng)).resize((112, 112), Image.Resampling.BILINEAR)
            if j % 2 == 0:
                paper = np.asarray(ink, dtype=np.float32) / 255
                rgb = (1 - paper[..., None]) * np.array([245, 240, 225]) + paper[..., None] * np.array([20, 25, 60])
                Image.fromarray(rgb.round().astype(np.uint8)).save(folder / f"scan-{j}.jpg", quality=90)
            else:
                ink.save(folder / f"screen-{j}.png")
            count += 1
    return count


@pytest.fixture(scope="module")
def digits_folder(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("evaluate") / "digits"
    assert write_digits(root) == 10 * PER_CLASS
    (root / "7" / "torn.png").write_bytes(b"\x89PNG\r\n\x1a\n but the rest is missing")
    (root / "7" / "notes.txt").write_text("not an image, and not counted either")
    return root


@pytest.fixture(scope="module")
def evaluated(digits_folder, tmp_path_factory) -> subprocess.CompletedProcess:
    return run_main(["evaluate", "--model", "digits", "--folder", str(digits_folder)],
                    tmp_path_factory.mktemp("home"))


def test_the_test_seed_is_not_a_training_seed():
    training = json.loads((MODELS_DIR / "digits.json").read_text(encoding="utf-8"))["training"]
    assert SEED not in training["train_seeds"] and SEED != training["held_out_seed"]


@needs_shipped_digits
def test_the_shipped_digits_model_reads_ink_on_paper_and_white_on_black(evaluated):
    assert evaluated.returncode == 0, evaluated.stderr
    assert "Traceback" not in evaluated.stderr and not error_lines(evaluated)
    last = evaluated.stdout.strip().splitlines()[-1]
    match = LAST_LINE.match(last)
    assert match, last
    fraction, right, total = float(match.group(1)), int(match.group(2)), int(match.group(3))
    assert total == 10 * PER_CLASS  # the torn file is skipped, not counted as wrong
    assert fraction == pytest.approx(right / total, abs=5e-5)
    assert fraction >= 0.9, evaluated.stdout


@needs_shipped_digits
def test_one_line_per_class_with_right_total_and_percent(evaluated):
    lines = evaluated.stdout.splitlines()
    per_class = {}
    for line in lines:
        match = re.match(r"^\s*(\d): (\d+)/(\d+)\s+(\d+\.\d)%$", line)
        if match:
            per_class[match.group(1)] = tuple(int(v) for v in match.group(2, 3))
            assert float(match.group(4)) == pytest.approx(100 * per_class[match.group(1)][0] / PER_CLASS, abs=0.05)
    assert sorted(per_class) == list(DIGIT_CLASSES)
    assert all(total == PER_CLASS for _, total in per_class.values())
    right = sum(r for r, _ in per_class.values())
    assert lines[-1].endswith(f"({right}/{10 * PER_CLASS})")


@needs_shipped_digits
def test_an_unreadable_file_is_skipped_counted_and_explained(evaluated):
    out = evaluated.stdout
    assert "skipped 1 unreadable file:" in out
    reason = next(line for line in out.splitlines() if "torn.png" in line)
    assert reason.strip().startswith(os.path.join("7", "torn.png") + ":")
    assert "notes.txt" not in out


BAD = [
    ("folder-missing", ["--folder", "{tmp}/nowhere"], "does not exist"),
    ("folder-option-missing", [], "--folder"),
    ("folder-is-a-file", ["--folder", "{tmp}/file.png"], "is a file"),
    ("folder-empty", ["--folder", "{tmp}/empty"], "no class subfolders"),
    ("class-folders-without-images", ["--folder", "{tmp}/hollow"], "hold no images"),
    ("subfolders-are-not-the-classes", ["--folder", "{tmp}/pets"], "'cat' and 'dog' are not classes"),
    ("unknown-model", ["--model", "cats", "--folder", "{digits}"], "digits, shapes"),
    ("models-dir-missing", ["--models-dir", "{tmp}/no-models", "--folder", "{digits}"], "--models-dir"),
    ("everything-unreadable", ["--folder", "{tmp}/all-torn"], "None of the 10 image files"),
]


@needs_shipped_digits
@pytest.mark.parametrize("args, fragment", [pytest.param(a, f, id=n) for n, a, f in BAD])
def test_bad_input_prints_one_error_line_and_exits_2(digits_folder, tmp_path, args, fragment):
    (tmp_path / "empty").mkdir()
    for digit in DIGIT_CLASSES:
        (tmp_path / "hollow" / digit).mkdir(parents=True)
        (tmp_path / "all-torn" / digit).mkdir(parents=True)
        (tmp_path / "all-torn" / digit / "x.png").write_bytes(b"")
    for pet in ("cat", "dog"):
        (tmp_path / "pets" / pet).mkdir(parents=True)
        Image.fromarray(np.zeros((8, 8, 3), np.uint8)).save(tmp_path / "pets" / pet / "a.png")
    Image.fromarray(np.zeros((8, 8, 3), np.uint8)).save(tmp_path / "file.png")
    args = [arg.replace("{tmp}", str(tmp_path)).replace("{digits}", str(digits_folder)) for arg in args]
    done = run_main(["evaluate", *args], tmp_path / "home", timeout=60)
    assert done.returncode == 2, done.stdout + done.stderr
    assert "Traceback" not in done.stdout + done.stderr
    lines = error_lines(done)
    assert len(lines) == 1 and lines[0].startswith("error: "), done.stderr
    assert fragment in lines[0]
    assert "accuracy=" not in done.stdout
