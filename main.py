"""Glassbox: the window by default, or a headless command that renders, exports or evaluates.

    python main.py [training options]              open the app
    python main.py snapshot --view training ...    render a view to PNG, no screen needed
    python main.py export metrics ...              write the learning curve as CSV
    python main.py snapshot --view cnn --image PATH --out maps.png
    python main.py export features --image PATH --out maps.npz
    python main.py snapshot --view landscape --surface himmelblau --optimizers sgd,adam --out race.png
    python main.py export landscape --surface rosenbrock --optimizer adam --out path.npz
    python main.py export landscape --dataset spiral --hidden 8,8 --directions pca --out net.npz
    python main.py evaluate --model digits --folder DIR    score a CNN on labelled photos

The command line itself lives in cli/. Bad input prints one `error: ...` line on stderr
and exits with status 2.
"""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    """The `glassbox` script's entry: hand the arguments (default: sys.argv[1:]) to cli/."""
    from cli import run

    return run(sys.argv[1:] if argv is None else list(argv))


if __name__ == "__main__":
    sys.exit(main())
