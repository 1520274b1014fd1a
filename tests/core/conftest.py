"""Fixtures for the core tests: plain pytest, no Qt.

The repository root goes on sys.path so `import core` works however pytest is started
(`python -m pytest` adds it already; a bare `pytest` does not).
"""

import sys
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))


@pytest.fixture
def repo_root() -> Path:
    return REPO_ROOT


@pytest.fixture(autouse=True)
def _one_torch_thread():
    """Tiny networks train faster on one thread, and the suite shares 2 cores with others."""
    import torch

    previous = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(previous)
