"""The MLP's part of a session, for the code that also keeps the landscape's recorded path.

core.mlp sits below core.landscape, so Trainer.from_snapshot hands the path back as
plain arrays (`trainer.recorded_path`); this turns it into a TrajectoryRecorder again.
"""

from __future__ import annotations

import torch

from core.landscape.slices import TrajectoryRecorder
from core.mlp.snapshot import RecordedPath
from core.mlp.trainer import Trainer
from core.session.parts import Part


def recorder_from_path(path: RecordedPath) -> TrajectoryRecorder:
    """A recorder holding exactly the saved points, sampling on as the saved one would have."""
    recorder = TrajectoryRecorder(path.every, path.max_points, path.max_bytes)
    recorder.every = path.every  # the saved interval, already doubled as often as the run needed
    recorder.vectors = [torch.from_numpy(vector.copy()) for vector in path.vectors]
    recorder.steps = [int(step) for step in path.steps]
    return recorder


def restore_training(part: Part, device: str | None = None) -> tuple[Trainer, TrajectoryRecorder | None]:
    """The trainer a session's MLP part describes, and its recorded path (None if it carried none)."""
    trainer = Trainer.from_snapshot(part, device)
    path = trainer.recorded_path
    return trainer, (recorder_from_path(path) if path is not None else None)
