"""Train the built-in CNNs on generated images and write their weights to assets/models.

    python scripts/train_models.py                  # train both, overwrite assets/models
    python scripts/train_models.py --model digits   # one of them
    python scripts/train_models.py --check          # retrain and compare with the shipped files

Everything is seeded and runs on one CPU thread with deterministic algorithms, so a
re-run writes the same bytes (on the same kind of CPU and torch version). The held-out
accuracy is measured on images generated with a different seed than the training set.
"""

from __future__ import annotations

import argparse
import filecmp
import math
import sys
import tempfile
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import numpy as np
import torch
from torch.nn import functional as F

REPO_ROOT = Path(__file__).resolve().parents[1]
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from core.cnn.image_sets import DIGITS_PREPROCESSING, SHAPES_PREPROCESSING, as_tensor  # noqa: E402
from core.data.synthetic_images import DIGIT_CLASSES, SHAPE_CLASSES, make_digits, make_shapes  # noqa: E402
from core.nets.cnn import build_cnn, cnn_spec  # noqa: E402
from core.nets.model_store import MODELS_DIR, ModelInfo, save_model  # noqa: E402


@dataclass(frozen=True)
class Recipe:
    """How one shipped model is made. Training data comes in chunks with fresh seeds: more variety than epochs."""

    make: Callable[[int, int], tuple[np.ndarray, np.ndarray]]
    class_names: tuple[str, ...]
    preprocessing: dict
    chunk_size: int
    train_seeds: tuple[int, ...]  # one generated chunk per seed, each seen `passes` times
    passes: int
    test_seed: int  # never one of the training seeds
    test_size: int
    batch_size: int = 64
    lr: float = 2e-3
    torch_seed: int = 0


RECIPES = {
    "digits": Recipe(
        make=make_digits, class_names=DIGIT_CLASSES,
        # MNIST's usual standardisation. Measured here on one short run: 95% held out and 85% on scikit-learn's
        # real digits, against 94% and 78% with plain 0..1 inputs. Like MNIST: white ink on black; a scan of dark
        # ink on paper is inverted, then the ink fitted into a 20x20 box and centred by its centre of mass.
        preprocessing=DIGITS_PREPROCESSING,
        chunk_size=30000, train_seeds=tuple(range(101, 109)), passes=3,
        test_seed=9001, test_size=10000,
    ),
    "shapes": Recipe(
        make=make_shapes, class_names=SHAPE_CLASSES,
        # Centred inputs. Measured here: 94% after 3 passes over 20,000 images, against 64% on 0..1.
        preprocessing=SHAPES_PREPROCESSING,
        chunk_size=20000, train_seeds=(201, 202, 203, 204), passes=4,
        test_seed=9002, test_size=3000,
    ),
}


@contextmanager
def deterministic():
    """One thread and deterministic kernels while training, then the caller's settings back."""
    threads, strict = torch.get_num_threads(), torch.are_deterministic_algorithms_enabled()
    torch.set_num_threads(1)
    torch.use_deterministic_algorithms(True)
    try:
        yield
    finally:
        torch.set_num_threads(threads)
        torch.use_deterministic_algorithms(strict)


def train_model(architecture: str, chunks, preprocessing: dict, passes: int, batch_size: int, lr: float,
                torch_seed: int, log: Callable[[str], None] = print) -> torch.nn.Sequential:
    """Adam with a cosine learning-rate decay over every chunk of (x uint8, y) data; returns the trained model.

    `chunks` is a list of zero-argument callables, so only one chunk of images lives in memory at a time.
    """
    with deterministic():
        return _train(architecture, chunks, preprocessing, passes, batch_size, lr, torch_seed, log)


def _train(architecture, chunks, preprocessing, passes, batch_size, lr, torch_seed, log) -> torch.nn.Sequential:
    torch.manual_seed(torch_seed)
    model = build_cnn(architecture)
    optimiser = torch.optim.Adam(model.parameters(), lr=lr)
    generator = torch.Generator().manual_seed(torch_seed)
    step, total = 0, None
    for index, load in enumerate(chunks):
        x_np, y_np = load()
        x, y = as_tensor(x_np, preprocessing), torch.from_numpy(y_np)
        if total is None:  # every chunk has the same size, so the schedule is known after the first
            total = len(chunks) * passes * math.ceil(len(y) / batch_size)
        model.train()
        for _ in range(passes):
            order = torch.randperm(len(y), generator=generator)
            running = 0.0
            for start in range(0, len(y), batch_size):
                batch = order[start:start + batch_size]
                for group in optimiser.param_groups:
                    group["lr"] = lr * 0.5 * (1 + math.cos(math.pi * step / total))
                loss = F.cross_entropy(model(x[batch]), y[batch])
                optimiser.zero_grad()
                loss.backward()
                optimiser.step()
                running += float(loss.detach()) * len(batch)
                step += 1
            log(f"  chunk {index + 1}/{len(chunks)}: mean loss {running / len(y):.4f}")
    return model.eval()


@torch.no_grad()
def predict(model: torch.nn.Module, x: np.ndarray, preprocessing: dict, batch_size: int = 500) -> np.ndarray:
    model.eval()
    return np.concatenate([model(as_tensor(x[i:i + batch_size], preprocessing)).argmax(1).numpy()
                           for i in range(0, len(x), batch_size)])


def accuracy(model: torch.nn.Module, x: np.ndarray, y: np.ndarray, preprocessing: dict) -> float:
    return float((predict(model, x, preprocessing) == y).mean())


def build(name: str, out_dir: Path, log: Callable[[str], None] = print) -> float:
    """Train the named model from its recipe, evaluate it on held-out images, write both files."""
    recipe = RECIPES[name]
    assert recipe.test_seed not in recipe.train_seeds
    spec = cnn_spec(name)
    started = time.perf_counter()
    log(f"{name}: training on {len(recipe.train_seeds)} x {recipe.chunk_size} generated images, "
        f"{recipe.passes} passes each")
    chunks = [lambda seed=seed: recipe.make(recipe.chunk_size, seed) for seed in recipe.train_seeds]
    model = train_model(name, chunks, recipe.preprocessing, recipe.passes, recipe.batch_size, recipe.lr,
                        recipe.torch_seed, log)
    x_test, y_test = recipe.make(recipe.test_size, recipe.test_seed)
    held_out = accuracy(model, x_test, y_test, recipe.preprocessing)
    seconds = time.perf_counter() - started
    log(f"{name}: held-out accuracy {held_out:.4f} on {recipe.test_size} images (seed {recipe.test_seed}), "
        f"{seconds:.0f} s")
    info = ModelInfo(
        name=name, architecture=spec.name, class_names=recipe.class_names,
        preprocessing=recipe.preprocessing,
        training={
            "held_out_accuracy": round(held_out, 4),
            "held_out_samples": recipe.test_size,
            "held_out_seed": recipe.test_seed,
            "train_seeds": list(recipe.train_seeds),
            "samples": recipe.chunk_size * len(recipe.train_seeds),
            "epochs": recipe.passes,
            "batch_size": recipe.batch_size,
            "optimizer": "adam",
            "learning_rate": recipe.lr,
            "lr_schedule": "cosine",
            "torch_seed": recipe.torch_seed,
            "data": f"core.data.synthetic_images.make_{name}",
            "script": "scripts/train_models.py",
        },
    )
    save_model(model, info, out_dir)
    return held_out


def compare(name: str, built: Path, shipped: Path) -> bool:
    same = True
    for suffix in (".safetensors", ".json"):
        a, b = built / f"{name}{suffix}", shipped / f"{name}{suffix}"
        ok = b.is_file() and filecmp.cmp(a, b, shallow=False)
        print(f"{name}{suffix}: {'match' if ok else 'MISMATCH'}")
        same &= ok
    return same


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", choices=[*RECIPES, "all"], default="all")
    parser.add_argument("--out", type=Path, default=MODELS_DIR, help="folder for the .safetensors and .json files")
    parser.add_argument("--check", action="store_true",
                        help="retrain into a temporary folder and compare with the files in --out; exit 1 on a mismatch")
    args = parser.parse_args(argv)
    names = list(RECIPES) if args.model == "all" else [args.model]
    if not args.check:
        for name in names:
            build(name, args.out)
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        results = []
        for name in names:
            build(name, Path(tmp))
            results.append(compare(name, Path(tmp), args.out))
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
