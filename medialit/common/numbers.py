"""Statistics as text: two decimals, or "undefined"."""

from __future__ import annotations

import math
from typing import Any


def number_text(value: Any) -> str:
    """A statistic as text with two decimals, or "undefined" for ``nan`` (or ``None``)."""
    value = float("nan") if value is None else float(value)
    return "undefined" if math.isnan(value) else f"{value:.2f}"
