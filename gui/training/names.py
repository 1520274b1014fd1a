"""The words core/ uses as names, in the GUI's language: datasets, their descriptions, activations.

core/ knows no Qt, so its names stay English there; these lists mark them for translation
(context "Names") and `name()` looks them up when a view shows one.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

DATASET_NAMES = {
    "circle": QT_TRANSLATE_NOOP("Names", "circle"),
    "xor": QT_TRANSLATE_NOOP("Names", "XOR"),
    "gauss": QT_TRANSLATE_NOOP("Names", "two clouds"),
    "spiral": QT_TRANSLATE_NOOP("Names", "spiral"),
    "moons": QT_TRANSLATE_NOOP("Names", "moons"),
    "blobs": QT_TRANSLATE_NOOP("Names", "four blobs"),
    "reg-plane": QT_TRANSLATE_NOOP("Names", "regression: plane"),
    "reg-bumps": QT_TRANSLATE_NOOP("Names", "regression: hill and valley"),
    "digits": QT_TRANSLATE_NOOP("Names", "digits (28×28)"),
}
# core.data.toy2d's descriptions, word for word (a description core changes shows in English until added here).
DESCRIPTIONS = (
    QT_TRANSLATE_NOOP("Names", "A disc of one class inside a ring of the other."),
    QT_TRANSLATE_NOOP("Names", "Opposite quadrants share a class: no straight line separates them."),
    QT_TRANSLATE_NOOP("Names", "Two Gaussian clouds: the easy, linearly separable case."),
    QT_TRANSLATE_NOOP("Names", "Two interleaved spirals: hard, needs depth or good features."),
    QT_TRANSLATE_NOOP("Names", "Two interlocking half moons."),
    QT_TRANSLATE_NOOP("Names", "Four Gaussian blobs, one class each (softmax)."),
    QT_TRANSLATE_NOOP("Names", "Regression: the target rises along a tilted plane."),
    QT_TRANSLATE_NOOP("Names", "Regression: a hill and a valley."),
    QT_TRANSLATE_NOOP("Names", "Handwritten-style digits, 28×28 pixels = 784 inputs (an MNIST-sized network)."),
)
ACTIVATION_NAMES = {
    "relu": "ReLU",
    "tanh": "tanh",
    "sigmoid": "sigmoid",
    "linear": QT_TRANSLATE_NOOP("Names", "linear"),
    "leaky_relu": QT_TRANSLATE_NOOP("Names", "leaky ReLU"),
}


def name(text: str) -> str:
    """`text` (a core name, description or label) in the current language; unknown text stays as it is."""
    return QCoreApplication.translate("Names", text)


def dataset_name(key: str) -> str:
    return name(DATASET_NAMES.get(key, key))


def activation_name(key: str) -> str:
    return name(ACTIVATION_NAMES.get(key, key))
