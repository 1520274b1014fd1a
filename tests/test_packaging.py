"""The wheel carries everything a non-editable install needs: the code, the `cli` package and the shipped models.

The wheel is built offline (no index, no build isolation: setuptools comes from this
environment) from a copy of the sources, so the build leaves no build/ or egg-info in the
checkout. It is installed into a bare folder and run from another directory, with the
repository nowhere on the path.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]
SOURCES = ("main.py", "core", "gui", "cli", "assets", "pyproject.toml", "README.md")
MODEL_FILES = sorted(f"assets/models/{path.name}" for path in (REPO_ROOT / "assets" / "models").iterdir()
                     if path.suffix in (".safetensors", ".json"))
TRANSLATIONS = sorted(f"assets/i18n/{path.name}" for path in (REPO_ROOT / "assets" / "i18n").glob("*.qm"))
FONT_FILES = sorted(f"assets/fonts/{path.name}" for path in (REPO_ROOT / "assets" / "fonts").iterdir())
CLI_MODULES = sorted(f"cli/{path.name}" for path in (REPO_ROOT / "cli").glob("*.py"))
STEP_TIMEOUT_S = 120

LOAD_DIGITS = """
import sys
from pathlib import Path
import cli, core, main
from core.nets.model_store import MODELS_DIR, available_models, load_model
site = Path(sys.argv[1]).resolve()
for module in (core, cli, main):
    assert Path(module.__file__).resolve().is_relative_to(site), module.__file__
assert MODELS_DIR.resolve().is_relative_to(site), MODELS_DIR
model, info = load_model("digits")
print(info.name, len(info.class_names), sorted(available_models(MODELS_DIR)))
"""


def run(args: list[str], cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    done = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=STEP_TIMEOUT_S)
    assert done.returncode == 0, f"{' '.join(args)}\n--- stdout ---\n{done.stdout}\n--- stderr ---\n{done.stderr}"
    return done


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """A wheel built from a copy of the checkout, offline."""
    from importlib.metadata import version

    assert tuple(int(part) for part in version("setuptools").split(".")[:2]) >= (70, 1), (
        "setuptools older than 70.1 builds no wheel by itself: install the test extra (pip install -e '.[test]')")
    work = tmp_path_factory.mktemp("packaging")
    source = work / "src"
    source.mkdir()
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info", "build")
    for name in SOURCES:
        path = REPO_ROOT / name
        if path.is_dir():
            shutil.copytree(path, source / name, ignore=ignore)
        else:
            shutil.copy2(path, source / name)
    run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-index", "--no-build-isolation",
         "--disable-pip-version-check", "-q", "-w", str(work / "dist"), str(source)], cwd=work)
    (built,) = (work / "dist").glob("glassbox-*.whl")
    return built


@pytest.fixture(scope="module")
def installed(wheel) -> Path:
    """The wheel installed into a bare folder (no virtual environment: its dependencies are this one's)."""
    site = wheel.parent.parent / "site"
    run([sys.executable, "-m", "pip", "install", "--no-deps", "--no-index", "--no-compile",
         "--disable-pip-version-check", "-q", "--target", str(site), str(wheel)], cwd=wheel.parent)
    return site


def without_the_checkout(site: Path, home: Path) -> dict[str, str]:
    """An environment whose path is the installed folder, then this interpreter's, never the repository."""
    root = REPO_ROOT.resolve()
    kept = [entry for entry in sys.path
            if entry and not Path(entry).resolve().is_relative_to(root)]
    env = dict(os.environ)
    for name in ("GLASSBOX_DEBUG", "PYTHONHOME", "PYTHONSTARTUP"):
        env.pop(name, None)
    home.mkdir(exist_ok=True)
    env.update(PYTHONPATH=os.pathsep.join([str(site), *kept]), PYTHONNOUSERSITE="1", HOME=str(home),
               GLASSBOX_MODELS_DIR=str(home / "models"), QT_QPA_PLATFORM="offscreen")
    return env


def test_the_wheel_carries_the_models_and_the_command_line(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())

    assert MODEL_FILES and set(MODEL_FILES) <= names, sorted(names)
    assert set(CLI_MODULES) <= names and "cli/__init__.py" in names
    assert {"main.py", "core/__init__.py", "gui/__init__.py"} <= names
    assert not [name for name in names if name.startswith(("assets/screenshots/", "tests/"))]
    assert not [name for name in names if "__pycache__" in name or name.endswith(".pyc")]


def test_the_wheel_carries_the_translations_and_the_chinese_font(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())

    assert TRANSLATIONS and set(TRANSLATIONS) <= names, sorted(names)
    assert "assets/fonts/GlassboxCJK-Regular.otf" in FONT_FILES and "assets/fonts/OFL.txt" in FONT_FILES
    assert set(FONT_FILES) <= names, sorted(names)


def test_an_installed_wheel_finds_its_models_and_runs_from_anywhere(installed, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = without_the_checkout(installed, tmp_path / "home")

    loaded = run([sys.executable, "-c", LOAD_DIGITS, str(installed)], cwd=elsewhere, env=env)
    version = run([sys.executable, "-m", "main", "--version"], cwd=elsewhere, env=env)

    assert loaded.stdout.split()[:2] == ["digits", "10"], loaded.stdout
    assert "digits" in loaded.stdout and "shapes" in loaded.stdout
    from core import __version__

    assert version.stdout.strip() == f"Glassbox {__version__}"
