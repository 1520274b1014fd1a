"""Does the autoencoder squeeze and rebuild digits well, and do its 2-number codes group them, against PCA?

Issue 13: "the autoencoder on 1,000 real-looking digits, trained for a few thousand steps:
held-out reconstruction error well below that of answering the mean image, and with 2 numbers,
codes that visibly group the digits by class". The data: 1,000 generated digits through the
trainer's own loader (load_autoencoder_data, a fifth of each class held out: 800 to train on,
200 held out); MNIST's first 1,000 too where it is already in the cache (never downloaded).

For bottlenecks of 2, 8 and 32 numbers, in this one process:
  - ours: AutoencoderTrainer with its defaults, STEPS steps (1 torch thread, as the app's worker);
  - PCA:  what a user would pick instead: the same number of principal components (numpy SVD of
          the 800 training images), projected and rebuilt; it has no training to wait for.
Reconstruction: the held-out mean squared error ÷ that of answering the mean training image
(1 = no better than the mean; lower is better). Grouping (2 numbers only): the share of held-out
digits whose 5 nearest training codes vote for their own class (chance: 0.10), and the silhouette
of the held-out codes by class (−1 … 1; 0 = classes overlap, 1 = tight separate groups).

Last line:

    ae2_vs_mean=… pca2_vs_mean=… ae2_knn=… pca2_knn=… chance=… ae2_silhouette=… pca2_silhouette=…
    ae8_vs_mean=… pca8_vs_mean=… ae32_vs_mean=… pca32_vs_mean=… train2_s=… steps=…

Goals: ae2_vs_mean < 1 clearly and ae2_knn well above chance; which side wins is said, not assumed.
"""

from __future__ import annotations

import os
import sys
import time

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

import torch  # noqa: E402

from core.autoencoder.trainer import AutoencoderConfig, AutoencoderTrainer, load_autoencoder_data  # noqa: E402

STEPS = int(os.environ.get("BENCH_STEPS", "3000"))
IMAGES = 1000
BOTTLENECKS = (2, 8, 32)
NEIGHBOURS = 5


def loaded(kind: str):
    steps = load_autoencoder_data(kind, limit=IMAGES)
    while True:
        try:
            next(steps)
        except StopIteration as finished:
            return finished.value


def knn_accuracy(train_codes, train_labels, test_codes, test_labels) -> float:
    distances = ((test_codes[:, None, :] - train_codes[None, :, :]) ** 2).sum(axis=2)
    nearest = np.argsort(distances, axis=1, kind="stable")[:, :NEIGHBOURS]
    votes = np.array([np.bincount(train_labels[row], minlength=train_labels.max() + 1).argmax() for row in nearest])
    return float(np.mean(votes == test_labels))


def silhouette(codes, labels) -> float:
    distances = np.sqrt(((codes[:, None, :] - codes[None, :, :]) ** 2).sum(axis=2))
    scores = []
    for i, label in enumerate(labels):
        same = labels == label
        same[i] = False
        if not same.any():
            continue
        inside = distances[i, same].mean()
        outside = min(distances[i, labels == other].mean() for other in np.unique(labels) if other != label)
        scores.append((outside - inside) / max(inside, outside))
    return float(np.mean(scores))


def pca(train: np.ndarray, test: np.ndarray, components: int):
    """Training and held-out codes, and the held-out images rebuilt from their codes."""
    mean = train.mean(axis=0)
    _, _, rows = np.linalg.svd(train - mean, full_matrices=False)
    basis = rows[:components]
    test_codes = (test - mean) @ basis.T
    return (train - mean) @ basis.T, test_codes, test_codes @ basis + mean


def compare(kind: str) -> dict:
    data = loaded(kind)
    train = data.x_train.reshape(len(data.x_train), -1).numpy().astype(np.float64)
    test = data.x_test.reshape(len(data.x_test), -1).numpy().astype(np.float64)
    y_train, y_test = data.y_train.numpy(), data.y_test.numpy()
    mean_error = ((test - train.mean(axis=0)) ** 2).mean()
    chance = np.bincount(y_test).max() / len(y_test)
    print(f"{kind}: {len(train)} training and {len(test)} held-out images; answering the mean image: "
          f"error {mean_error:.4f} per pixel; chance of naming the class: {chance:.2f}", flush=True)
    figures = {"chance": chance}
    for bottleneck in BOTTLENECKS:
        trainer = AutoencoderTrainer(data, AutoencoderConfig(bottleneck=bottleneck, device="cpu"))
        cpu, wall = time.process_time(), time.perf_counter()
        for _ in trainer.run(max_steps=STEPS):
            pass
        cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
        result, held = trainer.evaluate(), trainer.reconstructions()
        pca_train, pca_test, rebuilt = pca(train, test, bottleneck)
        ours, theirs = result.test_error / mean_error, ((rebuilt - test) ** 2).mean() / mean_error
        figures[f"ae{bottleneck}"], figures[f"pca{bottleneck}"] = ours, theirs
        line = (f"  {bottleneck} numbers: autoencoder {ours:.3f} of the mean image's error after {STEPS} steps "
                f"({cpu:.1f} s, wall {wall:.1f}; training loss {result.train_loss:.4f}, held-out {result.test_loss:.4f} "
                f"vs the mean image's {result.mean_image_loss:.4f}), PCA {theirs:.3f}: "
                f"{'the autoencoder' if ours < theirs else 'PCA'} rebuilds better")
        if bottleneck == 2:
            figures["train2_s"] = cpu
            with torch.no_grad():
                train_codes = trainer.model.encode(data.x_train).numpy().astype(np.float64)
            codes = held.codes.astype(np.float64)
            figures["ae2_knn"] = knn_accuracy(train_codes, y_train, codes, y_test)
            figures["pca2_knn"] = knn_accuracy(pca_train, y_train, pca_test, y_test)
            figures["ae2_silhouette"], figures["pca2_silhouette"] = silhouette(codes, y_test), silhouette(pca_test, y_test)
            line += (f"; grouping by class: {NEIGHBOURS}-nearest-neighbour accuracy autoencoder "
                     f"{figures['ae2_knn']:.2f}, PCA {figures['pca2_knn']:.2f} (chance {chance:.2f}), silhouette "
                     f"autoencoder {figures['ae2_silhouette']:.3f}, PCA {figures['pca2_silhouette']:.3f}")
        print(line, flush=True)
    return figures


def main() -> None:
    from core.data.downloads import is_downloaded

    torch.set_num_threads(1)
    print(f"torch {torch.__version__}, CPU, 1 thread; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} "
          f"cores; {IMAGES} images, {STEPS} steps, defaults {AutoencoderConfig()}")
    if is_downloaded("mnist"):
        compare("mnist")
    else:
        print("MNIST is not in the cache: generated digits only (nothing is downloaded)")
    f = compare("digits")
    print(f"load average {os.getloadavg()[0]:.1f} at the end")
    print(f"ae2_vs_mean={f['ae2']:.3f} pca2_vs_mean={f['pca2']:.3f} ae2_knn={f['ae2_knn']:.2f} "
          f"pca2_knn={f['pca2_knn']:.2f} chance={f['chance']:.2f} ae2_silhouette={f['ae2_silhouette']:.3f} "
          f"pca2_silhouette={f['pca2_silhouette']:.3f} ae8_vs_mean={f['ae8']:.3f} pca8_vs_mean={f['pca8']:.3f} "
          f"ae32_vs_mean={f['ae32']:.3f} pca32_vs_mean={f['pca32']:.3f} train2_s={f['train2_s']:.1f} steps={STEPS}")


if __name__ == "__main__":
    main()
