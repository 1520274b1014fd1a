"""What the core hands to views and exports is finite: the one place overflowed numbers are made so.

The trainer keeps the weights finite (it rolls back any step that is not), but finite weights
can still overflow downstream: a hand-typed weight of a million through three ReLU layers gives
activations of 1e18 and more, and sums of those reach inf (or inf − inf = NaN). Maps, neuron
activity and gradient sizes pass through `finite` before they leave the core.
"""

from __future__ import annotations

import numpy as np


def finite(values) -> np.ndarray:
    """A float copy with ±inf as the largest number of its type (with sign) and NaN as 0."""
    array = np.array(values, dtype=np.result_type(np.asarray(values).dtype, np.float32), copy=True)
    if np.isfinite(array).all():
        return array
    largest = float(np.finfo(array.dtype).max)
    return np.nan_to_num(array, nan=0.0, posinf=largest, neginf=-largest)
