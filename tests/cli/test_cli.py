"""The command line, run as users run it: `python main.py ...` in a fresh process.

Each run gets Qt's offscreen platform and a private HOME, so no saved settings of the
person running the tests are read or written. Training is kept to a few hundred steps.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

REPO_ROOT = Path(__file__).resolve().parents[2]
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from core import __version__  # noqa: E402  (needs the repository root on sys.path)

TRAIN_BLUE = (0x00, 0x72, 0xB2)  # Okabe-Ito blue: the training curve
TEST_VERMILLION = (0xD5, 0x5E, 0x00)  # Okabe-Ito vermillion: the test curve
CSV_HEADER = "step,epoch,train_loss,test_loss,train_accuracy,test_accuracy"
# Qt's offscreen plugin prints this for every shown window; it is not the program's output.
BENIGN_QT_NOISE = "propagateSizeHints"
RUN_TIMEOUT_S = 120
BAD_INPUT_TIMEOUT_S = 60
BAD_INPUT_FAST_S = 30


@dataclass
class Run:
    args: list[str]
    returncode: int
    stdout: str
    stderr: str
    seconds: float

    @property
    def stderr_lines(self) -> list[str]:
        """stderr's lines, less Qt's benign offscreen-plugin message."""
        return [line for line in self.stderr.strip().splitlines() if BENIGN_QT_NOISE not in line]

    def describe(self) -> str:
        return (f"main.py {' '.join(self.args)}\nexit status {self.returncode} "
                f"after {self.seconds:.1f}s\n--- stdout ---\n{self.stdout}--- stderr ---\n{self.stderr}")


def run_main(args: list[str], home: Path, timeout: float = RUN_TIMEOUT_S) -> Run:
    """Run `python main.py *args` from the repository root with a private home folder."""
    home.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ)
    env.pop("GLASSBOX_DEBUG", None)  # it turns an unexpected failure into a traceback
    env.update(
        QT_QPA_PLATFORM="offscreen",
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / ".config"),
    )
    started = time.monotonic()
    try:
        done = subprocess.run(
            [sys.executable, "main.py", *args],
            cwd=REPO_ROOT, env=env, capture_output=True, text=True, timeout=timeout,
        )
    except subprocess.TimeoutExpired as expired:
        pytest.fail(f"main.py {' '.join(args)} still ran after {timeout}s "
                    f"(stderr so far: {expired.stderr!r})")
    return Run(args, done.returncode, done.stdout, done.stderr, time.monotonic() - started)


def assert_no_traceback(run: Run) -> None:
    assert "Traceback" not in run.stdout + run.stderr, run.describe()


def pixels_near(path: Path, colour: tuple[int, int, int], tolerance: float = 30) -> int:
    rgb = np.asarray(Image.open(path).convert("RGB"), dtype=np.int32)
    distance = np.sqrt(((rgb - np.array(colour)) ** 2).sum(axis=-1))
    return int((distance < tolerance).sum())


def distinct_colours(path: Path) -> int:
    rgb = np.asarray(Image.open(path).convert("RGB"))
    return len(np.unique(rgb.reshape(-1, 3), axis=0))


# ---------------------------------------------------------------- runs shared by tests


@pytest.fixture(scope="module")
def workdir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("cli")


@pytest.fixture(scope="module")
def spiral_snapshot(workdir) -> tuple[Run, Path]:
    out = workdir / "loss.png"
    run = run_main(
        ["snapshot", "--view", "training", "--dataset", "spiral", "--hidden", "8,8",
         "--steps", "300", "--seed", "0", "--out", str(out)],
        workdir / "home",
    )
    return run, out


def export_metrics(workdir: Path, name: str, seed: int) -> tuple[Run, Path]:
    out = workdir / name
    run = run_main(
        ["export", "metrics", "--dataset", "xor", "--hidden", "4", "--steps", "50",
         "--seed", str(seed), "--out", str(out)],
        workdir / "home",
    )
    return run, out


@pytest.fixture(scope="module")
def xor_metrics(workdir) -> tuple[Run, Path]:
    return export_metrics(workdir, "m.csv", seed=0)


# ---------------------------------------------------------------- --version


def test_version_prints_the_package_version(tmp_path):
    run = run_main(["--version"], tmp_path / "home")

    assert run.returncode == 0, run.describe()
    assert __version__ in run.stdout, run.describe()
    assert run.stdout.strip() == f"Glassbox {__version__}", run.describe()


# ---------------------------------------------------------------- snapshot


def test_snapshot_writes_a_png_of_the_default_size(spiral_snapshot):
    run, out = spiral_snapshot

    assert run.returncode == 0, run.describe()
    assert_no_traceback(run)
    assert out.is_file(), run.describe()
    with Image.open(out) as image:
        assert image.format == "PNG"
        assert image.size == (1600, 900)


def test_snapshot_prints_the_written_path(spiral_snapshot):
    run, out = spiral_snapshot

    assert run.returncode == 0, run.describe()
    assert str(out) in run.stdout, run.describe()


def test_snapshot_shows_the_learning_curves(spiral_snapshot):
    run, out = spiral_snapshot
    assert run.returncode == 0, run.describe()

    assert distinct_colours(out) > 50, "the image looks blank"
    assert pixels_near(out, TRAIN_BLUE) > 200, "no training curve (#0072B2) drawn"
    assert pixels_near(out, TEST_VERMILLION) > 200, "no test curve (#D55E00) drawn"


def test_snapshot_of_a_healthy_run_prints_no_note_or_warning(spiral_snapshot):
    run, _ = spiral_snapshot

    assert run.returncode == 0, run.describe()
    assert run.stderr_lines == [], run.describe()


@pytest.mark.parametrize("size", [(800, 500), (400, 300)], ids=["800x500", "400x300"])
def test_snapshot_size_option_sets_the_image_size(tmp_path, size):
    width, height = size
    out = tmp_path / "small.png"

    run = run_main(["snapshot", "--steps", "20", "--size", f"{width}x{height}", "--out", str(out)],
                   tmp_path / "home")

    assert run.returncode == 0, run.describe()
    with Image.open(out) as image:
        assert image.format == "PNG"
        assert image.size == (width, height)


def test_diverging_run_still_writes_the_snapshot_and_says_so(tmp_path):
    out = tmp_path / "diverged.png"

    run = run_main(
        ["snapshot", "--lr", "50", "--activation", "relu", "--optimizer", "sgd",
         "--steps", "100", "--size", "800x500", "--out", str(out)],
        tmp_path / "home",
    )

    assert run.returncode == 0, run.describe()
    assert_no_traceback(run)
    assert any(line.startswith("note: Training diverged at step") for line in run.stderr_lines), (
        run.describe())
    with Image.open(out) as image:
        assert image.format == "PNG"
        assert image.size == (800, 500)


# ---------------------------------------------------------------- export metrics


def test_export_metrics_writes_the_learning_curve_as_csv(xor_metrics):
    run, out = xor_metrics

    assert run.returncode == 0, run.describe()
    assert_no_traceback(run)
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0] == CSV_HEADER
    rows = [line.split(",") for line in lines[1:]]
    assert all(len(row) == 6 for row in rows)
    assert rows[0][0] == "0"
    assert rows[-1][0] == "50"


def test_export_metrics_is_deterministic_for_a_seed(workdir, xor_metrics):
    _, first = xor_metrics
    run, again = export_metrics(workdir, "m-again.csv", seed=0)

    assert run.returncode == 0, run.describe()
    assert again.read_bytes() == first.read_bytes()


def test_export_metrics_differs_for_another_seed(workdir, xor_metrics):
    _, first = xor_metrics
    run, other = export_metrics(workdir, "m-seed1.csv", seed=1)

    assert run.returncode == 0, run.describe()
    assert other.read_bytes() != first.read_bytes()


def test_snapshot_of_the_network_view(tmp_path):
    out = tmp_path / "net.png"
    run = run_main(["snapshot", "--view", "network", "--dataset", "xor", "--hidden", "4,3", "--steps", "200",
                    "--seed", "0", "--out", str(out)], tmp_path / "home")
    assert run.returncode == 0, run.describe()
    assert Image.open(out).size == (1600, 900)
    assert pixels_near(out, TRAIN_BLUE) > 200 and pixels_near(out, (0xE6, 0x9F, 0x00)) > 200  # edges and heatmap
    assert distinct_colours(out) > 50


def test_export_trace_writes_the_documented_json(tmp_path):
    import json

    out = tmp_path / "trace.json"
    args = ["export", "trace", "--dataset", "xor", "--hidden", "4,3", "--activation", "tanh", "--optimizer", "sgd",
            "--lr", "0.1", "--steps", "20", "--seed", "0", "--example", "5", "--out", str(out)]
    run = run_main(args, tmp_path / "home")
    assert run.returncode == 0, run.describe()
    trace = json.loads(out.read_text(encoding="utf-8"))
    assert trace["format"] == "glassbox.trace/1"
    assert (trace["activation"], trace["output_activation"], trace["loss"]) == ("tanh", "sigmoid", "bce")
    assert (trace["optimizer"], trace["learning_rate"], trace["step"], trace["example"]) == ("sgd", 0.1, 20, 5)
    assert [np.shape(layer["weight"]) for layer in trace["layers"]] == [(4, 2), (3, 4), (1, 3)]
    # A student's check with a calculator: z = W·x + b for the first layer, and the SGD update.
    first = trace["layers"][0]
    z = np.array(first["weight"]) @ np.array(trace["input"]) + np.array(first["bias"])
    np.testing.assert_allclose(first["z"], z, rtol=1e-5)
    np.testing.assert_allclose(first["a"], np.tanh(z), rtol=1e-5)
    np.testing.assert_allclose(
        first["weight_after"], np.array(first["weight"]) - 0.1 * np.array(first["grad_weight"]), rtol=1e-5
    )


def test_export_trace_with_one_activation_per_layer(tmp_path):
    import json

    out = tmp_path / "trace.json"
    args = ["export", "trace", "--dataset", "xor", "--hidden", "4,3", "--activation", "relu,sigmoid", "--steps", "5",
            "--out", str(out)]
    run = run_main(args, tmp_path / "home")
    assert run.returncode == 0, run.describe()
    trace = json.loads(out.read_text(encoding="utf-8"))
    assert trace["activation"] == "relu,sigmoid"
    assert [layer["activation"] for layer in trace["layers"]] == ["relu", "sigmoid", "sigmoid"]
    second = trace["layers"][1]
    z = np.array(second["weight"]) @ np.array(trace["layers"][0]["a"]) + np.array(second["bias"])
    np.testing.assert_allclose(second["a"], 1 / (1 + np.exp(-z)), rtol=1e-5)


# ---------------------------------------------------------------- bad input

# Many steps, so a check that only happened after training would show as slow.
SNAP = ["snapshot", "--steps", "100000", "--out", "{tmp}/x.png"]
EXPORT = ["export", "metrics", "--steps", "100000", "--out", "{tmp}/x.csv"]

# (id, arguments, fragments the error line must contain). {tmp} is a fresh folder that
# holds a regular file named file.txt.
BAD_INPUT = [
    ("unknown-dataset", [*SNAP, "--dataset", "nosuch"], ["nosuch"]),
    ("negative-lr", [*SNAP, "--lr", "-1"], ["-1"]),
    ("zero-lr", [*SNAP, "--lr", "0"], ["0"]),
    ("lr-not-a-number", [*SNAP, "--lr", "abc"], ["abc"]),
    ("lr-nan", [*SNAP, "--lr", "nan"], ["nan"]),
    ("zero-hidden", [*SNAP, "--hidden", "0"], ["0"]),
    ("hidden-not-a-number", [*SNAP, "--hidden", "8,x"], ["8,x"]),
    ("hidden-too-wide", [*SNAP, "--hidden", "5000"], ["5000"]),
    ("zero-batch", [*SNAP, "--batch", "0"], ["0"]),
    ("negative-steps", ["snapshot", "--steps", "-5", "--out", "{tmp}/x.png"], ["-5"]),
    ("too-many-steps", ["snapshot", "--steps", "99999999", "--out", "{tmp}/x.png"], ["99999999"]),
    ("steps-not-a-number", ["snapshot", "--steps", "abc", "--out", "{tmp}/x.png"], ["abc"]),
    ("unknown-activation", [*SNAP, "--activation", "swish"], ["swish"]),
    ("activations-per-layer-miscounted", [*SNAP, "--hidden", "4,3", "--activation", "relu,tanh,relu"],
     ["one activation per hidden layer (2)"]),
    ("unknown-optimizer", [*SNAP, "--optimizer", "lbfgs"], ["lbfgs"]),
    ("unknown-device", [*SNAP, "--device", "tpu"], ["tpu"]),
    ("noise-too-high", [*SNAP, "--noise", "3"], ["3"]),
    ("unknown-feature", [*SNAP, "--features", "x9"], ["x9"]),
    ("no-features", [*SNAP, "--features", ","], []),
    ("negative-seed", [*SNAP, "--seed", "-1"], ["-1"]),
    ("too-few-points", [*SNAP, "--points", "0"], ["0"]),
    ("train-fraction-too-high", [*SNAP, "--train-fraction", "2"], ["2"]),
    ("unknown-regularization", [*SNAP, "--regularization", "foo"], ["foo"]),
    ("size-too-small", [*SNAP, "--size", "10x10"], ["10x10"]),
    ("size-not-a-size", [*SNAP, "--size", "big"], ["big"]),
    ("unknown-view", [*SNAP, "--view", "nosuch"], ["nosuch"]),
    ("unknown-option", [*SNAP, "--frobnicate"], ["--frobnicate"]),
    ("missing-out", ["snapshot", "--steps", "20"], ["--out"]),
    ("out-folder-missing", ["snapshot", "--steps", "100000", "--out", "/nonexistent-dir/x.png"],
     ["/nonexistent-dir"]),
    ("out-is-a-folder", ["snapshot", "--steps", "100000", "--out", "{tmp}"], ["{tmp}"]),
    ("out-under-a-file", ["snapshot", "--steps", "100000", "--out", "{tmp}/file.txt/x.png"],
     ["file.txt"]),
    ("unknown-export", ["export", "nosuch", "--out", "{tmp}/x"], ["nosuch"]),
    ("export-missing-what", ["export", "--out", "{tmp}/x"], []),
    ("export-bad-hidden", [*EXPORT, "--hidden", "5000"], ["5000"]),
    ("export-out-is-a-folder", ["export", "metrics", "--steps", "100000", "--out", "{tmp}"],
     ["{tmp}"]),
    ("export-out-under-a-file",
     ["export", "metrics", "--steps", "100000", "--out", "{tmp}/file.txt/x.csv"], ["file.txt"]),
    ("export-out-folder-missing",
     ["export", "metrics", "--steps", "100000", "--out", "/nonexistent-dir/x.csv"],
     ["/nonexistent-dir"]),
    ("trace-example-too-big", ["export", "trace", "--steps", "100000", "--example", "9999", "--out",
                               "{tmp}/x.json"], ["9999"]),
    ("trace-example-negative", ["export", "trace", "--steps", "100000", "--example", "-1", "--out",
                                "{tmp}/x.json"], ["-1"]),
    ("trace-example-not-a-number", ["export", "trace", "--example", "abc", "--out", "{tmp}/x.json"], ["abc"]),
    ("trace-bad-activation", ["export", "trace", "--activation", "swish", "--out", "{tmp}/x.json"], ["swish"]),
    # Without a command the window would open: bad options must stop it first.
    ("app-unknown-option", ["--frobnicate"], ["--frobnicate"]),
    ("app-zero-lr", ["--lr", "0"], ["0"]),
    ("option-before-command", ["--dataset", "nosuch", *SNAP], ["nosuch"]),
]


def _cuda_available() -> bool:
    import torch

    return torch.cuda.is_available()


BAD_INPUT_PARAMS = [pytest.param(args, fragments, id=name) for name, args, fragments in BAD_INPUT]
BAD_INPUT_PARAMS.append(pytest.param(
    [*SNAP, "--device", "cuda"], ["CUDA"], id="cuda-without-gpu",
    marks=pytest.mark.skipif(_cuda_available(), reason="a CUDA GPU is available here"),
))


@pytest.mark.parametrize("args, fragments", BAD_INPUT_PARAMS)
def test_bad_input_prints_one_error_line_and_exits_2(tmp_path, args, fragments):
    work = tmp_path / "work"
    work.mkdir()
    (work / "file.txt").write_text("not a folder\n", encoding="utf-8")
    args = [arg.replace("{tmp}", str(work)) for arg in args]
    fragments = [fragment.replace("{tmp}", str(work)) for fragment in fragments]

    run = run_main(args, tmp_path / "home", timeout=BAD_INPUT_TIMEOUT_S)

    assert run.returncode == 2, run.describe()
    assert_no_traceback(run)
    assert len(run.stderr_lines) == 1, run.describe()
    line = run.stderr_lines[0]
    assert line.startswith("error: ") and line[len("error: "):].strip(), run.describe()
    for fragment in fragments:
        assert fragment in line, f"{fragment!r} not named in: {line}"
    assert run.seconds < BAD_INPUT_FAST_S, f"took {run.seconds:.1f}s: it trained before failing"
    assert not any((work / name).exists() for name in ("x.png", "x.csv", "x.json"))
