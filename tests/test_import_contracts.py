"""The house's layers hold: import-linter's contracts in pyproject.toml pass (DESIGN.md, "The shape of the house").

core imports no gui, cli, Qt or pyqtgraph; cli sits above gui above core; in gui, the
window and the snapshot renderer sit above the tabs, the tabs above the training session,
and that above the style, widgets and worker base; no tab imports another; and no view
imports torch (only the worker modules do); in core, the MLP and CNN packages never
import each other, and only the landscape sits above both.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
CONTRACT_COUNT = 8
# A fresh process with the linted folder first on the path; no cache folder is written.
LINT = ("import sys\n"
        "from importlinter.cli import lint_imports\n"
        "sys.exit(lint_imports(config_filename='pyproject.toml', no_cache=True, no_logo=True))\n")


def lint(root: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", LINT], cwd=root, capture_output=True, text=True, timeout=120)


def test_the_import_contracts_are_kept():
    done = lint(REPO_ROOT)

    report = done.stdout + done.stderr
    assert done.returncode == 0, f"lint-imports found broken contracts:\n{report}"
    assert f"Contracts: {CONTRACT_COUNT} kept, 0 broken." in report, report


def test_the_contracts_catch_planted_violations(tmp_path):
    """The contracts name real modules: a planted violation of each kind breaks them."""
    ignore = shutil.ignore_patterns("__pycache__")
    for package in ("core", "gui", "cli"):
        shutil.copytree(REPO_ROOT / package, tmp_path / package, ignore=ignore)
    shutil.copy2(REPO_ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    (tmp_path / "core" / "planted.py").write_text("import gui.snapshot\n", encoding="utf-8")
    (tmp_path / "gui" / "network" / "planted.py").write_text("import gui.landscape\n", encoding="utf-8")
    (tmp_path / "gui" / "training" / "planted.py").write_text("import gui.network\n", encoding="utf-8")
    (tmp_path / "cli" / "planted.py").write_text("import main\n", encoding="utf-8")
    (tmp_path / "gui" / "landscape" / "planted_view.py").write_text("import torch\n", encoding="utf-8")
    (tmp_path / "core" / "mlp" / "planted.py").write_text("import core.cnn.trainer\n", encoding="utf-8")

    done = lint(tmp_path)

    report = done.stdout + done.stderr
    assert done.returncode != 0, report
    for line in ("core.planted -> gui.snapshot", "gui.network.planted -> gui.landscape",
                 "gui.training.planted -> gui.network", "cli.planted -> main",
                 "gui.landscape.planted_view -> torch", "core.mlp.planted -> core.cnn.trainer"):
        assert line in report, report
