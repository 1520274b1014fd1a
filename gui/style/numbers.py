"""Numbers as a class reads them: a real minus sign (clearer on a projector than a hyphen), no "−0".

Every view formats through these, so the minus-sign rule lives in exactly one place.
"""

from __future__ import annotations

import math

MINUS = "\u2212"
MISSING = "—"  # a value that is not there (not yet computed, or not finite)


def with_minus(text: str) -> str:
    """Replace the hyphen-minus of a formatted number by a real minus sign; "-0", "-0.00" lose their sign."""
    if text.startswith("-") and not any(c in "123456789" for c in text.split("e")[0]):
        text = text[1:]
    return text.replace("-", MINUS)


def significant(value: float, digits: int = 3) -> str:
    """`digits` significant digits: 0.123, −4.56e+03."""
    return with_minus(f"{float(value):.{digits}g}")


def fixed(value: float, decimals: int = 2) -> str:
    """A fixed number of decimals: 0.50, −1.25."""
    return with_minus(f"{float(value):.{decimals}f}")


def finite_or_missing(value: float, text: str) -> str:
    return text if math.isfinite(value) else MISSING


def short(value: float) -> str:
    """A number a class can read at a glance: 0.73, −1.20, 12, 4.2e−4."""
    value = float(value)
    if not math.isfinite(value):
        return str(value)
    magnitude = abs(value)
    if magnitude < 1e-12:
        text = "0"
    elif magnitude >= 100:
        text = f"{value:.0f}"
    elif magnitude >= 0.005:
        text = f"{value:.2f}"
    else:
        mantissa, exponent = f"{value:.1e}".split("e")
        text = f"{mantissa}e{int(exponent)}"
    return with_minus(text)


def readable(value: float) -> str:
    """Short, readable from the back of a room: 255, 12.5, 0.063, −3 (whole numbers without decimals)."""
    if not math.isfinite(value):
        return ""
    nearest = round(value)
    size = abs(value)
    if abs(value - nearest) < 5e-4 * max(1.0, size):
        text = str(int(nearest))
    elif size >= 100:
        text = f"{value:.0f}"
    else:
        digits = 1 if size >= 10 else 2 if size >= 0.01 else 3
        text = f"{value:.{digits}f}".rstrip("0").rstrip(".")
    return with_minus(text)


def percent(fraction: float, decimals: int = 1) -> str:
    """0.953 → "95.3%"; NaN → "—"."""
    if not math.isfinite(fraction):
        return MISSING
    return with_minus(f"{100 * fraction:.{decimals}f}%")


def signed(value: float, digits: int = 3) -> str:
    """A change, always with its sign: +0.5, −1.2e−03 (`digits` significant digits)."""
    return with_minus(f"{float(value):+.{digits}g}")
