"""`export autoencoder` and `snapshot --view autoencoder`, run in-process with a few training steps.

The npz is checked against the trainer's own promises (the held-out fifth of each class, codes of
--bottleneck numbers, reconstructions shaped like the inputs, one loss per step), and against a
trainer driven directly here with the same data and seed.
"""

from __future__ import annotations

import os

import numpy as np
import pytest
from PIL import Image

from cli.progress import one_torch_thread
from cli_inprocess import run_in_process  # tests/cli is on sys.path
from test_cli_explain import drawn_once, loaded  # noqa: F401  (drawn_once: a fixture, used by `run`)


@pytest.fixture
def run(qapp, tmp_path, monkeypatch, drawn_once):  # noqa: F811
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GLASSBOX_CACHE_DIR", str(tmp_path / "cache"))
    yield run_in_process
    from gui import i18n

    i18n.install("en")


def ran(result) -> str:
    status, out, err = result
    assert status == 0, err
    assert "error:" not in err
    return out


def test_export_autoencoder_writes_the_held_out_images_their_codes_and_reconstructions(run, tmp_path):
    from core.autoencoder.trainer import AutoencoderConfig, AutoencoderTrainer, load_autoencoder_data

    out = tmp_path / "ae.npz"
    stdout = ran(run(["export", "autoencoder", "--data", "digits", "--bottleneck", "3", "--steps", "12",
                      "--seed", "4", "--device", "cpu", "--out", str(out)]))
    lines = stdout.strip().splitlines()
    assert lines[0] == str(out) and lines[-1].startswith("test_error=")
    data = loaded(load_autoencoder_data("digits", seed=4))
    with one_torch_thread():  # as the command runs it: quicker on a busy machine
        trainer = AutoencoderTrainer(data, AutoencoderConfig(bottleneck=3, seed=4, device="cpu"))
        for _ in trainer.run(max_steps=12):
            pass
        expected = trainer.reconstructions()
    with np.load(out, allow_pickle=False) as saved:
        count = len(data.x_test)
        assert {"inputs", "reconstructions", "codes", "labels", "loss_curve"} <= set(saved.files)
        assert saved["inputs"].shape == saved["reconstructions"].shape == (count, 28, 28)
        assert saved["codes"].shape == (count, 3)
        assert list(saved["labels"]) == [data.class_names[i] for i in data.y_test.tolist()]
        assert saved["loss_curve"].shape == (12,)
        np.testing.assert_array_equal(saved["inputs"], data.x_test.numpy())  # no noise: the originals as fed
        np.testing.assert_allclose(saved["loss_curve"], trainer.loss_curve, rtol=1e-5)
        np.testing.assert_allclose(saved["reconstructions"], expected.reconstructions, atol=1e-5)
        np.testing.assert_allclose(saved["codes"], expected.codes, atol=1e-5)
        assert ((saved["reconstructions"] >= 0) & (saved["reconstructions"] <= 1)).all()


def test_noise_goes_into_the_inputs_and_not_the_originals(run, tmp_path):
    out = tmp_path / "noisy.npz"
    ran(run(["export", "autoencoder", "--bottleneck", "2", "--steps", "3", "--noise", "0.4", "--seed", "4",
             "--out", str(out)]))
    with np.load(out, allow_pickle=False) as saved:
        assert saved["codes"].shape[1] == 2
        difference = np.abs(saved["inputs"] - saved["originals"])
        assert difference.mean() > 0.1  # a spread of 0.4, clipped to 0..1
        assert ((saved["inputs"] >= 0) & (saved["inputs"] <= 1)).all()


def test_a_folder_of_digits_trains_too(run, tmp_path):
    from test_cli_evaluate import write_digits

    write_digits(tmp_path / "mine", per_class=2)
    out = tmp_path / "folder.npz"
    ran(run(["export", "autoencoder", "--folder", str(tmp_path / "mine"), "--steps", "2", "--out", str(out)]))
    with np.load(out, allow_pickle=False) as saved:
        assert saved["inputs"].shape == (10, 28, 28)  # one of the two images of each class held out
        assert sorted(saved["labels"]) == [str(digit) for digit in range(10)]


def test_snapshot_autoencoder_writes_a_png_of_the_asked_size(run, tmp_path):
    out = tmp_path / "ae.png"
    stdout = ran(run(["snapshot", "--view", "autoencoder", "--steps", "5", "--seed", "4", "--size", "700x450",
                      "--out", str(out)]))
    assert stdout.strip() == str(out)
    with Image.open(out) as picture:
        assert picture.size == (700, 450)


HOSTILE = [
    ("bottleneck-small", ["--bottleneck", "1"], "--bottleneck must be from 2 to 64"),
    ("bottleneck-large", ["--bottleneck", "65"], "--bottleneck must be from 2 to 64"),
    ("bottleneck-word", ["--bottleneck", "two"], "'two' is not a whole number"),
    ("noise-negative", ["--noise", "-0.1"], "--noise must be from 0 to 1"),
    ("noise-large", ["--noise", "1.5"], "--noise must be from 0 to 1"),
    ("noise-nan", ["--noise", "nan"], "finite"),
    ("steps-negative", ["--steps", "-1"], "--steps must be between 0 and"),
    ("steps-huge", ["--steps", "99999999999"], "--steps must be between 0 and"),
    ("seed-negative", ["--seed", "-3"], "--seed"),
    ("seed-huge", ["--seed", str(2**64)], "--seed"),
    ("data-cifar", ["--data", "cifar10"], "Unknown --data 'cifar10'"),
    ("not-downloaded", ["--data", "mnist"], "is not in the cache"),
    ("folder-missing", ["--folder", "nowhere"], "not a folder"),
    ("device", ["--device", "tpu"], "tpu"),
    ("k", ["--k", "3"], "--k does not apply"),
    ("model", ["--model", "digits"], "--model does not apply"),
    ("out-fifo", ["--out", "{tmp}/fifo"], "not a file"),
    ("out-folder", ["--out", "{tmp}"], "is a folder"),
]


@pytest.mark.parametrize("args, fragment", [pytest.param(a, f, id=n) for n, a, f in HOSTILE])
def test_a_bad_value_is_one_error_line_and_exit_2(run, tmp_path, args, fragment):
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs here")
    os.mkfifo(tmp_path / "fifo")
    argv = ["export", "autoencoder", *[arg.format(tmp=tmp_path) for arg in args]]
    if "--out" not in argv:
        argv += ["--out", str(tmp_path / "x.npz")]
    status, out, err = run(argv)
    lines = err.strip().splitlines()
    assert status == 2, (out, err)
    assert len(lines) == 1 and lines[0].startswith("error: "), err
    assert fragment in lines[0]
    assert not (tmp_path / "x.npz").exists()


def test_the_window_can_open_on_the_autoencoder_tab(qapp, monkeypatch):
    import cli.window
    from cli.parser import TABS
    from core.session.parts import TAB_NAMES

    seen = []
    monkeypatch.setattr(cli.window, "run", lambda options: seen.append(options.tab) or 0)
    status, _, err = run_in_process(["--tab", "Autoencoder"])
    assert status == 0, err
    assert seen == ["autoencoder"]
    assert set(TABS) <= set(TAB_NAMES)  # every tab the command line offers is one the window can open on


def test_ctrl_c_while_training_exits_130_and_writes_nothing(run, tmp_path, monkeypatch):
    from core.autoencoder.trainer import AutoencoderTrainer

    real = AutoencoderTrainer.step

    def step(self):
        if self.step_count == 2:
            raise KeyboardInterrupt
        return real(self)

    monkeypatch.setattr(AutoencoderTrainer, "step", step)
    out = tmp_path / "ae.npz"
    status, _, err = run(["export", "autoencoder", "--steps", "50", "--seed", "4", "--out", str(out)])
    assert status == 130
    assert err.strip().startswith("error: cancelled") and len(err.strip().splitlines()) == 1
    assert not out.exists()
