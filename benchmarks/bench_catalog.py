"""Time the catalogue and growth arithmetic. Run: python benchmarks/bench_catalog.py

Prints a Markdown table for BENCHMARKS.md (median of repeated runs, wall clock).
"""

from __future__ import annotations

import platform
import statistics
import subprocess
import sys
import time

import numpy as np


def median_time(fn, repeat: int = 7, number: int = 1) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        for _ in range(number):
            fn()
        times.append((time.perf_counter() - t0) / number)
    return statistics.median(times)


def main() -> None:
    import jxdigital
    from jxdigital.growth import implied_cagr, pro_rata_path

    rng = np.random.default_rng(0)
    n = 1_000_000
    base, target = rng.uniform(1, 1e4, n), rng.uniform(1, 1e4, n)
    rows = [
        ("`load_plan()` (19 rows, parse + validate)", median_time(jxdigital.load_plan, number=5)),
        ("`load_plan().audit()`", median_time(lambda: jxdigital.load_plan().audit(), number=5)),
        ("`plans()`", median_time(jxdigital.plans, number=5)),
        (f"`implied_cagr` on {n:,} pairs", median_time(lambda: implied_cagr(base, target, 5))),
        ("`pro_rata_path` 2020..2025", median_time(
            lambda: pro_rata_path(8354, 16000, 2020, 2025), number=1000)),
    ]
    for label, cmd in [("`jxdigital --help` (process)", ["-m", "jxdigital", "--help"]),
                       ("`jxdigital audit` (process)", ["-m", "jxdigital", "audit"])]:
        rows.append((label, median_time(lambda c=cmd: subprocess.run(
            [sys.executable, *c], capture_output=True, check=True), repeat=5)))
    print(f"Python {platform.python_version()}, numpy {np.__version__}, "
          f"{platform.machine()}, jxdigital {jxdigital.__version__}\n")
    print("| what | median |\n| --- | --- |")
    for label, t in rows:
        print(f"| {label} | {t * 1e3:.2f} ms |")


if __name__ == "__main__":
    main()
