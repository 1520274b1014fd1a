"""Glassbox: the window by default, or a headless command that renders, exports or evaluates.

    python main.py [training options]              open the app
    python main.py --tab network --lang zh_CN      open it on the Network tab, in Chinese
    python main.py lesson1.glassbox                open the app on a saved session
    python main.py snapshot --view training ...    render a view to PNG, no screen needed
    python main.py export metrics ...              write the learning curve as CSV
    python main.py snapshot --view cnn --image PATH --out maps.png
    python main.py export features --image PATH --out maps.npz
    python main.py snapshot --view landscape --surface himmelblau --optimizers sgd,adam --out race.png
    python main.py export landscape --surface rosenbrock --optimizer adam --out path.npz
    python main.py export landscape --dataset spiral --hidden 8,8 --directions pca --out net.npz
    python main.py evaluate --model digits --folder DIR    score a CNN on labelled photos
    python main.py export session --dataset spiral --steps 500 --out lesson1.glassbox
    python main.py snapshot --session lesson1.glassbox --view network --lang zh_CN --out fig.png
    python main.py export trace --session lesson1.glassbox --example 3 --out t.json

The command line itself lives in cli/. Every command takes --lang zh_CN|en (default: the
system's language). Bad input prints one `error: ...` line on stderr and exits with status 2.
"""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    """The `glassbox` script's entry: hand the arguments (default: sys.argv[1:]) to cli/."""
    from cli import finish, run

    status = run(sys.argv[1:] if argv is None else list(argv))
    return finish(status) if argv is None else status

if __name__ == "__main__":
    sys.exit(main())
