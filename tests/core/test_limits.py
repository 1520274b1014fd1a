"""core.limits: estimates grow with the work, and work that cannot fit is refused in one sentence."""

import pytest

from core.errors import Phrase
from core.limits import (
    Estimate, LimitError, available_memory, cnn_training, describe, mlp_slice, mlp_trace, mlp_training,
    require_fits, seconds_text,
)
from core.mlp.config import TrainConfig

HUGE = TrainConfig(dataset="digits", hidden=(4096, 4096, 4096))
SMALL = TrainConfig(dataset="spiral", hidden=(8, 8))


def test_weights_are_counted_exactly():
    # spiral, features x1 x2: 2→8→8→1 has (2+1)·8 + (8+1)·8 + (8+1)·1 weights and biases
    assert mlp_training(SMALL, 500).weights == 24 + 72 + 9
    # digits: 784 pixels, 10 classes
    assert mlp_training(HUGE, 500).weights == 785 * 4096 + 2 * 4097 * 4096 + 4097 * 10


def test_the_issue_trace_is_refused_on_a_small_machine():
    with pytest.raises(LimitError) as caught:
        require_fits(mlp_trace(HUGE, 500), Phrase("a trace of it"), free=4 * 2**30)
    sentence = str(caught.value)
    assert "36,818,954 weights" in sentence and "a trace of it" in sentence
    assert "GB" in sentence and "\n" not in sentence


def test_small_work_fits_and_big_work_needs_more():
    require_fits(mlp_training(SMALL, 500), Phrase("training it"), free=2**30)
    assert mlp_trace(HUGE, 500).memory_bytes > 4 * 2**30
    assert mlp_training(HUGE, 500).memory_bytes < mlp_trace(HUGE, 500).memory_bytes
    many = TrainConfig(dataset="spiral", hidden=(512, 512, 512), n_points=200_000)
    few = TrainConfig(dataset="spiral", hidden=(512, 512, 512), n_points=500)
    assert mlp_training(many, 200_000).seconds > 100 * mlp_training(few, 500).seconds
    assert mlp_slice(SMALL, 500, 401).seconds > 50 * mlp_slice(SMALL, 500, 41).seconds


def test_cnn_estimate_grows_with_batch_and_parameters():
    small = cnn_training(10_000, (1, 28, 28), 32)
    assert cnn_training(10_000, (1, 28, 28), 256).memory_bytes > small.memory_bytes
    assert cnn_training(1_000_000, (1, 28, 28), 32).seconds > small.seconds


def test_the_machine_reports_some_free_memory():
    assert available_memory() > 0


def test_description_is_one_short_line():
    line = describe(Estimate(2113, 140 * 2**20, 0.8))
    assert line == "2,113 weights · about 140 MB · up to 0.8 s a step"
    assert describe(Estimate(5, 2**30, 200), per_step=False).endswith("about 3 min")
    assert seconds_text(0.0001) == "0.01 s" and seconds_text(9000) == "2.5 h"
