"""Run `python main.py ...` as a user does: a fresh process, offscreen, with a private home folder.

Shared by the command-line tests of the convolution lab, `evaluate` and the landscape.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
# Qt's offscreen plugin prints this for every shown window; it is not the program's output.
BENIGN_QT_NOISE = "propagateSizeHints"


# An English system, whatever the tester's locale: a test that wants another language says so.
ENGLISH_LOCALE = {"LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "LANGUAGE": "en"}


def run_main(args: list[str], home: Path, timeout: float = 120,
             env_extra: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """`python main.py *args` from the repository root; saved settings go to `home`, never the tester's.

    `env_extra`: environment variables to set on top (for example a Chinese system locale).
    """
    home.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ)
    env.pop("GLASSBOX_DEBUG", None)
    env.update(QT_QPA_PLATFORM="offscreen", HOME=str(home), XDG_CONFIG_HOME=str(home / ".config"))
    env.update(ENGLISH_LOCALE)
    env.update(env_extra or {})
    return subprocess.run([sys.executable, "main.py", *args], cwd=REPO_ROOT, env=env, capture_output=True,
                          text=True, timeout=timeout)


def error_lines(done: subprocess.CompletedProcess) -> list[str]:
    """stderr's lines without the offscreen plugin's notices."""
    return [line for line in done.stderr.strip().splitlines() if BENIGN_QT_NOISE not in line]
