"""Fixtures of the command-line tests."""

from __future__ import annotations

import pytest

from cli_inprocess import Reached, stop_here  # tests/cli is on sys.path


@pytest.fixture
def stubbed(monkeypatch, qapp, tmp_path):
    """The work stubbed out, the current folder a scratch one, and English restored afterwards."""
    import core.landscape.surfaces as surfaces
    import core.mlp.trainer
    import gui.snapshot

    real_path = surfaces.optimizer_path

    def optimizer_path(surface, name, lr, steps, *args, **kwargs):  # 0 steps is how the inputs are checked
        if steps:
            raise Reached
        return real_path(surface, name, lr, steps, *args, **kwargs)

    monkeypatch.setattr(core.mlp.trainer.Trainer, "__init__", stop_here)
    monkeypatch.setattr(core.mlp.trainer.Trainer, "from_snapshot", stop_here)
    monkeypatch.setattr(surfaces, "optimizer_path", optimizer_path)
    for name in ("render_training_view", "render_network_view", "render_cnn_view", "render_landscape_view",
                 "render_network_landscape", "render_saliency_view", "render_channel_view", "render_confusion_view",
                 "render_autoencoder_view"):
        monkeypatch.setattr(gui.snapshot, name, stop_here)
    import core.autoencoder.trainer
    import core.cnn.analysis
    import core.cnn.attribution
    import core.cnn.channels
    import core.cnn.image_sets

    monkeypatch.setattr(core.cnn.analysis, "analyse", stop_here)
    # Issue 13's work: explaining an image, loading a data set's images, growing a dream, the autoencoder's data.
    monkeypatch.setattr(core.cnn.attribution, "explain", stop_here)
    monkeypatch.setattr(core.cnn.image_sets, "load_image_set", stop_here)
    monkeypatch.setattr(core.cnn.channels, "dream_steps", stop_here)
    monkeypatch.setattr(core.autoencoder.trainer, "load_autoencoder_data", stop_here)
    import cli.window

    monkeypatch.setattr(cli.window, "run", stop_here)
    monkeypatch.chdir(tmp_path)
    yield
    from gui import i18n

    i18n.install("en")
