"""The core knows no screen: nothing under core/ may import Qt or pyqtgraph."""

from __future__ import annotations

import ast
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
CORE = REPO_ROOT / "core"
FORBIDDEN = ("PySide6", "PySide2", "PyQt5", "PyQt6", "shiboken6", "pyqtgraph")
_FORBIDDEN_RE = "|".join(FORBIDDEN)
# importlib.import_module("PySide6.QtCore"), __import__('pyqtgraph'), import_module(name="PyQt5")
DYNAMIC_IMPORT = re.compile(
    r"""(?:import_module|__import__)\s*\(\s*(?:name\s*=\s*)?[rRbBuU]?["'](?:""" + _FORBIDDEN_RE + r""")\b"""
)
IMPORT_FUNCTIONS = {"import_module", "__import__"}


def _top_level(module: str | None) -> str:
    return (module or "").split(".")[0]


def qt_imports(source: str, filename: str = "<source>") -> list[str]:
    """Every forbidden import in `source`, as 'line N: module'."""
    found = []
    for node in ast.walk(ast.parse(source, filename=filename)):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            names = [node.module] if node.level == 0 else []
        elif isinstance(node, ast.Call):
            func = node.func
            func_name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
            args = list(node.args) + [kw.value for kw in node.keywords if kw.arg == "name"]
            names = (
                [args[0].value]
                if func_name in IMPORT_FUNCTIONS and args and isinstance(args[0], ast.Constant)
                and isinstance(args[0].value, str)
                else []
            )
        else:
            continue
        found += [f"line {node.lineno}: {name}" for name in names if _top_level(name) in FORBIDDEN]
    for match in DYNAMIC_IMPORT.finditer(source):
        line = source.count("\n", 0, match.start()) + 1
        entry = f"line {line}: {match.group(0)}"
        if not any(item.startswith(f"line {line}:") for item in found):
            found.append(entry)
    return found


def core_files() -> list[Path]:
    return sorted(CORE.rglob("*.py"))


def test_core_has_python_files_to_check():
    files = {path.relative_to(CORE).as_posix() for path in core_files()}
    assert {"__init__.py", "mlp/trainer.py", "mlp/config.py", "nets/mlp.py", "data/toy2d.py"} <= files


@pytest.mark.parametrize(
    "snippet",
    [
        "from PySide6 import QtCore",
        "import PySide6.QtWidgets as qw",
        "import numpy, pyqtgraph",
        "from pyqtgraph.Qt import QtGui",
        "import PyQt5",
        "from PyQt6.QtCore import Qt",
        "import shiboken6",
        "def f():\n    from PySide2 import QtCore",
        "import importlib\nimportlib.import_module('PySide6.QtCore')",
        "from importlib import import_module\nimport_module(\"pyqtgraph.opengl\")",
        "__import__('PyQt6')",
        "mod = 'PySide6'\nimport importlib; importlib.import_module(name=\"PySide6\")",
    ],
)
def test_checker_flags_qt_imports(snippet):
    assert qt_imports(snippet), f"the checker missed a Qt import in: {snippet!r}"


@pytest.mark.parametrize(
    "snippet",
    [
        "import torch\nfrom torch.nn import functional as F",
        "from . import toy2d\nfrom .features import FEATURES",
        '"""Nothing under core/ may import Qt or pyqtgraph."""',
        "import pyqtgraph_helpers_not_qt",
        "import PySide6ish",
    ],
)
def test_checker_accepts_qt_free_code(snippet):
    assert qt_imports(snippet) == []


def test_no_core_module_imports_qt_or_pyqtgraph():
    offenders = {}
    for path in core_files():
        found = qt_imports(path.read_text(encoding="utf-8"), str(path))
        if found:
            offenders[path.relative_to(REPO_ROOT).as_posix()] = found
    assert not offenders, f"core/ must not import Qt or pyqtgraph; found: {offenders}"


IMPORTED = (
    "core",
    "core.errors",
    "core.mlp.config",
    "core.device",
    "core.optimizers",
    "core.data",
    "core.data.toy2d",
    "core.data.input_features",
    "core.nets",
    "core.nets.mlp",
    "core.mlp.trainer",
)


def core_modules() -> list[str]:
    """Every module under core/, as an importable dotted name."""
    names = []
    for path in core_files():
        parts = path.relative_to(REPO_ROOT).with_suffix("").parts
        names.append(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return names


def test_importing_core_loads_no_qt_module():
    # A fresh interpreter: pytest-qt has already loaded PySide6 into this one.
    modules = list(IMPORTED) + [name for name in core_modules() if name not in IMPORTED]
    code = (
        "import importlib, json, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        f"forbidden = {FORBIDDEN!r}\n"
        "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in forbidden)))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO_ROOT, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    loaded = json.loads(result.stdout.strip().splitlines()[-1])
    assert loaded == [], f"importing core pulled in Qt/pyqtgraph modules: {loaded}"
