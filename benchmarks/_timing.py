"""Timing shared by the benchmarks: the best of several calls after a warm-up."""

from __future__ import annotations

import time
from collections.abc import Callable


def best(fn: Callable[[], object], repeat: int) -> float:
    """The best time of ``repeat`` calls of ``fn`` after one warm-up call (the first call
    pays for imports and caches a user pays once a session)."""
    fn()  # warm-up
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)
