"""Wall-clock timing shared by the benchmark scripts."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable


def timed(label: str, action: Callable[[], object], repeat: int = 5) -> float:
    """Run ``action`` ``repeat`` times, print the median and best wall-clock time, return the median."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    median = statistics.median(times)
    print(f"{label:<56} median {median * 1000:9.1f} ms   best {min(times) * 1000:9.1f} ms")
    return median
