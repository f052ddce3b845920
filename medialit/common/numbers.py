"""Numbers as text: statistics to two decimals (or "undefined"), and counts with their noun."""

from __future__ import annotations

import math
from typing import Any


def number_text(value: Any) -> str:
    """A statistic as text with two decimals, or "undefined" for ``nan`` (or ``None``)."""
    value = float("nan") if value is None else float(value)
    return "undefined" if math.isnan(value) else f"{value:.2f}"


def count_text(count: int, noun: str, plural: str | None = None) -> str:
    """A count with its noun, singular or plural: ``"1 file"``, ``"2 files"``, ``"2 copies"``."""
    return f"{count} {noun if count == 1 else plural or noun + 's'}"
