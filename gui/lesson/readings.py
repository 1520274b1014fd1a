"""read_window: the numbers a lesson's goal is judged on, read from what the window's tabs already hold.

Nothing is computed here that the tabs have not computed: the learning curves' last row, the
gradient chart's bars, the Landscape race's paths, the lab's latest answer, the confusion window's
counts and clicked cell, the autoencoder's latest evaluation. So a read costs well under a
millisecond on the GUI thread and never runs torch; GoalWatch reads twice a second. A tab that
has not been built yet (the Landscape and Autoencoder tabs are built when first opened) is not
built by reading it: its keys are None.

The keys, and what core.lesson.goals makes of them (its docstring lists them too):
  mlp.dataset, mlp.hidden_layers, mlp.hidden_neurons  the settings the running network uses
  mlp.test_loss, mlp.test_accuracy  the learning curves' last evaluation, of that same network
                                    (None before one, or a NaN accuracy for regression)
  mlp.gradient_first, mlp.gradient_last  mean |∂L/∂w| of the first and the last weight layer, as the
                                    Network tab's gradient chart last showed (None when its bars are
                                    of another depth of network, or not drawn yet)
  race.surface, race.kappa          the race's surface and the bowl's condition number
  race.pending                      True while the paths drawn are older than the settings
  race.step                         the playback position (steps shown so far)
  race.paths                        optimizer -> {"lr", "positions", "loss", "diverged_at"}: the drawn paths
  lab.pending                       True while the lab's latest image waits for the network's answer
  lab.image_kind                    where the lab's image came from: "drawing", "sample", "file", ...
  lab.probabilities                 class name -> probability, the lab network's answer for that image
                                    (None while a newer image waits for its answer)
  lab.confusion                     the confusion window's counts (rows: true class), None when not counted
  lab.confusion_clicked             (true class, predicted class) of the clicked cell, or None
  autoencoder.bottleneck            the numbers in the middle of the autoencoder that was evaluated
  autoencoder.class_error           class name -> mean squared error of its rebuilt held-out images
  autoencoder.mean_error            class name -> that error when answering the mean image
"""

from __future__ import annotations

import math
from typing import Any

KEYS = (
    "mlp.dataset", "mlp.hidden_layers", "mlp.hidden_neurons", "mlp.test_loss", "mlp.test_accuracy",
    "mlp.gradient_first", "mlp.gradient_last",
    "race.surface", "race.kappa", "race.pending", "race.step", "race.paths",
    "lab.pending", "lab.image_kind", "lab.probabilities", "lab.confusion", "lab.confusion_clicked",
    "autoencoder.bottleneck", "autoencoder.class_error", "autoencoder.mean_error",
)


def read_window(window) -> dict[str, Any]:
    """Every key of KEYS, read from `window` (a MainWindow); None where the window has no such number yet."""
    readings: dict[str, Any] = dict.fromkeys(KEYS)
    for read in (_read_mlp, _read_race, _read_lab, _read_confusion, _read_autoencoder):
        readings.update(read(window))
    return readings


def _finite(value) -> float | None:
    try:
        value = float(value)
    except (TypeError, ValueError):
        return None
    return value if math.isfinite(value) else None


def _built(lazy_tab):
    """The tab inside a LazyTab, or None until it has been opened (reading never builds it)."""
    return getattr(lazy_tab, "view", lazy_tab)


# ----------------------------------------------------------------------------- the Training and Network tabs
def _read_mlp(window) -> dict[str, Any]:
    config = window.session.config
    readings = {"mlp.dataset": config.dataset, "mlp.hidden_layers": len(config.hidden),
                "mlp.hidden_neurons": sum(config.hidden)}
    last = window.training_view.history.last()  # cleared whenever new weights start (run_started)
    if last is not None:
        readings["mlp.test_loss"] = _finite(last["test_loss"])
        readings["mlp.test_accuracy"] = _finite(last["test_accuracy"])
    progress = window.session.last_progress
    magnitudes = getattr(progress, "gradient_magnitudes", None)
    if magnitudes is None:  # the worker measures them only while the graph is on screen: the chart keeps the last
        magnitudes = getattr(window.network_tab.gradient_chart, "magnitudes", None)
    if magnitudes is not None and len(magnitudes) == len(config.hidden) + 1:  # bars of this network's depth
        readings["mlp.gradient_first"] = _finite(magnitudes[0])
        readings["mlp.gradient_last"] = _finite(magnitudes[-1])
    return readings


# ----------------------------------------------------------------------------- the Landscape race
def _read_race(window) -> dict[str, Any]:
    tab = _built(window.landscape_tab)
    view = getattr(tab, "surfaces", None)
    if view is None:
        return {}
    paths = {name: {"lr": path.lr, "positions": path.positions, "loss": path.loss, "diverged_at": path.diverged_at}
             for name, path in (view.paths or {}).items()}
    return {"race.surface": view.surface.name, "race.kappa": float(view.surface.params.get("kappa", view.kappa)),
            "race.pending": bool(view.race_pending), "race.step": int(view.current_step), "race.paths": paths}


# ----------------------------------------------------------------------------- the Convolution lab
def _read_lab(window) -> dict[str, Any]:
    tab = window.conv_tab
    readings = {"lab.pending": bool(tab.analysing), "lab.image_kind": tab.source or None}
    record = tab.record
    if record is not None and not tab.analysing:
        readings["lab.probabilities"] = {str(name): float(p) for name, p in zip(record.class_names, record.probs)}
    return readings


def _read_confusion(window) -> dict[str, Any]:
    switch = getattr(window.conv_tab.training, "confusion", None)
    confusion_window = getattr(switch, "window", None)
    if confusion_window is None or not confusion_window.isVisible():
        return {}  # a class cannot click in a window that is not on screen
    view = confusion_window.view
    counts = view.confusion.counts.tolist() if view.confusion is not None else None
    return {"lab.confusion": counts, "lab.confusion_clicked": view.selected if counts is not None else None}


# ----------------------------------------------------------------------------- the Autoencoder tab
def _read_autoencoder(window) -> dict[str, Any]:
    tab = _built(window.autoencoder_tab)
    report = getattr(getattr(tab, "runner", None), "last_report", None)
    if report is None:
        return {}
    names = report.reconstructions.class_names
    evaluation = report.evaluation
    codes = report.reconstructions.codes  # its width is the bottleneck of the network that was evaluated
    return {"autoencoder.bottleneck": int(codes.shape[1]) if codes.ndim == 2 else None,
            "autoencoder.class_error": dict(zip(names, evaluation.class_errors)) or None,
            "autoencoder.mean_error": dict(zip(names, evaluation.class_mean_image_errors)) or None}
