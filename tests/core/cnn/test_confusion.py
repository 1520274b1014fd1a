"""The confusion matrix, checked against counting by hand, and its CSV file."""

from __future__ import annotations

import csv
import io
import os

import numpy as np
import pytest
import torch
from torch import nn

from core.cnn.confusion import (Confusion, confusion_csv_text, confusion_matrix, confusion_of_set, confusion_steps,
                                write_confusion_csv)
from core.errors import ConfigError, DatasetError, ModelError
from core.files import FileWriteError


def net(seed: int = 0, classes: int = 3) -> nn.Sequential:
    torch.manual_seed(seed)
    return nn.Sequential(nn.Conv2d(1, 2, 3), nn.ReLU(), nn.Flatten(), nn.Linear(2 * 6 * 6, classes))


def data(count: int = 50, seed: int = 1, classes: int = 3):
    rng = np.random.default_rng(seed)
    return rng.normal(size=(count, 1, 8, 8)).astype(np.float32), rng.integers(0, classes, count)


def test_the_counts_are_those_of_counting_by_hand():
    model, (x, y) = net(), data()
    result = confusion_matrix(model, x, y, ["a", "b", "c"])
    with torch.no_grad():
        predicted = model(torch.tensor(x)).argmax(1).numpy()
    expected = np.zeros((3, 3), dtype=np.int64)
    for truth, guess in zip(y, predicted):
        expected[truth, guess] += 1
    np.testing.assert_array_equal(result.counts, expected)
    np.testing.assert_array_equal(result.predictions, predicted)
    assert result.complete and result.accuracy == pytest.approx(np.mean(predicted == y))
    np.testing.assert_allclose(result.recall(), np.diag(expected) / expected.sum(1))
    for i in range(3):
        for j in range(3):
            assert list(result.members(i, j)) == [n for n in range(50) if y[n] == i and predicted[n] == j]


def test_it_fills_in_batch_by_batch_and_stops_when_asked():
    model, (x, y) = net(), data()
    running = list(confusion_steps(model, x, y, "abc", batch_size=20))
    assert [r.done for r in running] == [20, 40, 50] and [r.counts.sum() for r in running] == [20, 40, 50]
    assert not running[0].complete and running[-1].complete
    seen = []
    steps = confusion_steps(model, x, y, "abc", batch_size=10, should_stop=lambda: len(seen) >= 2)
    with pytest.raises(StopIteration) as finished:
        while True:
            seen.append(next(steps))
    assert finished.value.value is None
    assert not running[-1].counts.flags.writeable


def test_an_image_set_is_counted_on_its_held_out_images():
    from core.cnn.image_sets import ImageSet

    x, y = data(count=30)
    pixels = torch.from_numpy(((x - x.min()) / np.ptp(x) * 255).astype(np.uint8))
    preprocessing = {"mean": [0.5], "std": [0.25], "scale": 255}
    image_set = ImageSet("tiny", "digits", ("a", "b", "c"), preprocessing, pixels[:10], torch.from_numpy(y[:10]),
                         pixels[10:], torch.from_numpy(y[10:]))
    steps = confusion_of_set(net(), image_set, limit=15)
    result = None
    for result in steps:
        pass
    expected = confusion_matrix(net(), image_set.inputs(pixels[10:25]), y[10:25], "abc")
    np.testing.assert_array_equal(result.counts, expected.counts)
    assert result.total == 15


def test_bad_requests_are_refused_in_one_sentence():
    model, (x, y) = net(), data()
    for call, error, words in [
        (lambda: confusion_matrix(model, x, y[:3], "abc"), ConfigError, "50 images but 3 labels"),
        (lambda: confusion_matrix(model, x[0], y[:1], "abc"), ConfigError, "N×C×H×W"),
        (lambda: confusion_matrix(model, x, y + 3, "abc"), ConfigError, "outside the classes 0 to 2"),
        (lambda: confusion_matrix(model, x, y % 2, "ab"), ModelError, "3 scores but 2 class names"),
        (lambda: confusion_matrix(model, x, y * 0, "a"), ConfigError, "at least 2 classes"),
        (lambda: confusion_matrix(model, np.zeros((50, 3, 8, 8)), y, "abc"), ModelError, "do not fit"),
        (lambda: confusion_matrix(model, x, y, "abc").members(3, 0), ConfigError, "from 0 to 2"),
    ]:
        with pytest.raises(error, match=words):
            call()
    broken = net()
    with torch.no_grad():
        broken[3].bias.fill_(float("inf"))
    with pytest.raises(ModelError, match="not finite"):
        confusion_matrix(broken, x, y, "abc")


def test_the_csv_has_the_class_names_then_one_row_per_true_class(tmp_path):
    counts = np.array([[5, 1, 0], [2, 7, 1], [0, 0, 9]])
    names = ["cat", "dog, big", "=HYPERLINK(1)"]
    path = tmp_path / "cm.csv"
    write_confusion_csv(path, names, counts)
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
    assert rows[0] == ["cat", "dog, big", "'=HYPERLINK(1)"]
    assert rows[1:] == [["cat", "5", "1", "0"], ["dog, big", "2", "7", "1"], ["'=HYPERLINK(1)", "0", "0", "9"]]
    result = Confusion(("a", "b"), np.array([[1, 2], [3, 4]]), np.zeros(0), np.zeros(0), 10, 10)
    assert result.csv_text() == "a,b\na,1,2\nb,3,4\n"


def test_a_failed_csv_write_keeps_the_old_file_and_says_why(tmp_path):
    path = tmp_path / "cm.csv"
    path.write_text("old", encoding="utf-8")
    with pytest.raises(ConfigError, match="3×3"):
        write_confusion_csv(path, "abc", np.ones((2, 2), dtype=np.int64))
    with pytest.raises(DatasetError, match="is a folder"):
        write_confusion_csv(tmp_path, "ab", np.ones((2, 2), dtype=np.int64), error=DatasetError)
    with pytest.raises(FileWriteError, match="does not exist"):
        write_confusion_csv(tmp_path / "missing" / "cm.csv", "ab", np.ones((2, 2), dtype=np.int64))
    if os.path.exists("/dev/full"):
        with pytest.raises(FileWriteError, match="not a regular file"):
            write_confusion_csv("/dev/full", "ab", np.ones((2, 2), dtype=np.int64))
    assert path.read_text(encoding="utf-8") == "old"
    with pytest.raises(ConfigError, match="whole numbers"):
        confusion_csv_text("ab", np.ones((2, 2)))
