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
                 "render_network_landscape"):
        monkeypatch.setattr(gui.snapshot, name, stop_here)
    import core.cnn.analysis

    monkeypatch.setattr(core.cnn.analysis, "analyse", stop_here)
    import cli.window

    monkeypatch.setattr(cli.window, "run", stop_here)
    monkeypatch.chdir(tmp_path)
    yield
    from gui import i18n

    i18n.install("en")
