"""The shape of the command line: a thin main.py, small modules in cli/, and no stale lazy import.

The commands import core and gui inside their functions, so that `--help` and bad input
answer at once. An import there that no longer resolves would only show when a user ran
that command: each one is checked here without running anything.
"""

from __future__ import annotations

import ast
import importlib
import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

# Every module of the command line, its sub-packages' too (cli/explain/).
CLI_MODULES = sorted(str(path.relative_to(REPO_ROOT / "cli")) for path in (REPO_ROOT / "cli").rglob("*.py"))


def test_main_is_a_thin_entry():
    text = (REPO_ROOT / "main.py").read_text(encoding="utf-8")
    functions = [node.name for node in ast.parse(text).body if isinstance(node, ast.FunctionDef)]

    assert functions == ["main"]
    assert len(text.splitlines()) <= 40


@pytest.mark.parametrize("module", CLI_MODULES)
def test_every_command_line_module_stays_small(module):
    assert len((REPO_ROOT / "cli" / module).read_text(encoding="utf-8").splitlines()) <= 400


def imported_names(module: str) -> list[tuple[str, str]]:
    """(module, name) for every `from module import name` in cli/<module>, at any depth."""
    tree = ast.parse((REPO_ROOT / "cli" / module).read_text(encoding="utf-8"))
    return [(node.module, alias.name) for node in ast.walk(tree)
            if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module != "__future__"
            for alias in node.names]


@pytest.mark.parametrize("module", CLI_MODULES)
def test_every_name_the_command_line_imports_exists(module):
    missing = []
    for source, name in imported_names(module):
        if source.split(".")[0] not in ("core", "gui", "cli"):
            continue
        package = importlib.import_module(source)
        # `from gui import i18n` names a submodule: it exists when it can be found, imported or not.
        if not hasattr(package, name) and importlib.util.find_spec(f"{source}.{name}") is None:
            missing.append(f"from {source} import {name}")
    assert not missing, f"cli/{module} imports names that no longer exist: {missing}"


def test_the_headless_commands_load_no_qt_and_no_torch_until_they_run():
    script = ("import sys, cli, cli.parser, cli.snapshot, cli.export, cli.evaluate, cli.window\n"
              "print(sorted(name for name in sys.modules if name.startswith(('gui', 'PySide6', 'torch'))))\n")
    done = subprocess.run([sys.executable, "-c", script], cwd=REPO_ROOT, capture_output=True, text=True,
                          timeout=60)

    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]", done.stdout
