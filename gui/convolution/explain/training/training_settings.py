"""The training panel's choices as a person reads them, and as QSettings keeps them between sessions.

Each saved key is read with its type and range (gui/widgets/saved_values.py): a value that cannot be used
takes its default, and the window says which keys went back. The speed is saved as its index in SPEEDS.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TR_NOOP, QSettings

from core.optimizers import OPTIMIZERS
from gui.convolution.state import TRAINING_SOURCES, TRAINING_SPEEDS, TRAINING_STARTS, TrainingState, valid_save_name
from gui.widgets.saved_values import read_float, read_int, read_str, record_reset

SETTINGS_PREFIX = "cnn_training/"  # QSettings keys: the TrainingState's, with "speed" as the list's index

# (kind, what a person reads, tooltip)
SOURCES = (
    ("digits", QT_TR_NOOP("Drawn digits (no download)"), QT_TR_NOOP("3,000 handwriting-like digits that Glassbox draws itself")),
    ("shapes", QT_TR_NOOP("Drawn shapes (no download)"), QT_TR_NOOP("1,500 pictures of six kinds of object that Glassbox draws itself")),
    ("folder", QT_TR_NOOP("Your photo folder…"), QT_TR_NOOP("A folder with one subfolder of pictures per class, e.g. cat/, dog/, bird/")),
    ("mnist", QT_TR_NOOP("MNIST digits (11.6 MB)"), QT_TR_NOOP("70,000 handwritten digits; downloaded once, then kept")),
    ("fashion-mnist", QT_TR_NOOP("Fashion-MNIST (30.9 MB)"), QT_TR_NOOP("70,000 pictures of clothing in 10 kinds; downloaded once")),
    ("cifar10", QT_TR_NOOP("CIFAR-10 photos (170 MB)"), QT_TR_NOOP("60,000 small colour photos in 10 classes; downloaded once")),
)
SPEEDS = tuple(zip(TRAINING_SPEEDS, (QT_TR_NOOP("full speed"), QT_TR_NOOP("20 steps/s"), QT_TR_NOOP("5 steps/s"), QT_TR_NOOP("1 step/s"))))


def restore_training_state(settings: QSettings | None) -> TrainingState:
    """The last session's settings, each one checked; the defaults where there are none."""
    default, key = TrainingState(), lambda name: SETTINGS_PREFIX + name
    save_name = read_str(settings, key("save_name"), default.save_name, max_length=200)
    if not valid_save_name(save_name):
        record_reset(key("save_name"))
        save_name = default.save_name
    return TrainingState(
        source=read_str(settings, key("source"), default.source, choices=TRAINING_SOURCES),
        folder=read_str(settings, key("folder"), default.folder),
        start=read_str(settings, key("start"), default.start, choices=TRAINING_STARTS),
        optimizer=read_str(settings, key("optimizer"), default.optimizer, choices=tuple(OPTIMIZERS)),
        learning_rate=round(read_float(settings, key("learning_rate"), default.learning_rate, 0.00001, 10.0), 5),
        batch_size=read_int(settings, key("batch_size"), default.batch_size, 1, 512),
        speed=SPEEDS[read_int(settings, key("speed"), 0, 0, len(SPEEDS) - 1)][0],  # saved as the index in SPEEDS
        save_name=save_name)


def save_training_state(settings: QSettings, state: TrainingState, speed_index: int) -> None:
    """Remember `state` for the next session (the speed as its index in SPEEDS)."""
    values = state.to_dict()
    values["speed"] = speed_index
    for key, value in values.items():
        settings.setValue(SETTINGS_PREFIX + key, value)
