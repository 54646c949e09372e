"""Time what users wait for: import, the main job, the deck. Run: python benchmarks/bench_report.py

Each row is the median wall time of whole processes (so interpreter start and imports count),
run with the interpreter this script runs under. Prints a Markdown table for BENCHMARKS.md.
"""

from __future__ import annotations

import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BIN = Path(sys.executable).parent


def wall(cmd: list[str], repeat: int) -> float:
    times = []
    env = {**os.environ, "MPLBACKEND": "Agg"}
    for _ in range(repeat):
        t0 = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True, env=env)
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def main() -> None:
    import jxdigital

    py = sys.executable
    cli = str(BIN / "jxdigital")
    with tempfile.TemporaryDirectory() as tmp:
        rows = [
            ("`python -c 'import jxdigital'`", wall([py, "-c", "import jxdigital"], 7)),
            ("`python -c 'import jxdigital; jxdigital.assess()'`",
             wall([py, "-c", "import jxdigital; jxdigital.assess()"], 5)),
            ("`jxdigital --help`", wall([cli, "--help"], 7)),
            ("`jxdigital assess`", wall([cli, "assess"], 5)),
            ("`jxdigital report --out DIR --today 2024-06-30` (mid-plan: no account)",
             wall([cli, "report", "--out", tmp, "--today", "2024-06-30"], 3)),
            ("`jxdigital report --out DIR` (everything, 2 chart processes; the plan is "
             "finished, so the account and 5 yearly reviews too)",
             wall([cli, "report", "--out", tmp], 3)),
            ("`jxdigital report --plan china-14th-fyp-digital --out DIR` (8 targets, account)",
             wall([cli, "report", "--plan", "china-14th-fyp-digital", "--out", tmp], 3)),
            ("`jxdigital report --out DIR --jobs 1` (charts in one process)",
             wall([cli, "report", "--out", tmp, "--jobs", "1"], 3)),
            ("`jxdigital report --out DIR --no-deck`",
             wall([cli, "report", "--out", tmp, "--no-deck"], 3)),
        ]
    print(f"Python {platform.python_version()}, {platform.machine()}, {os.cpu_count()} CPUs, "
          f"jxdigital {jxdigital.__version__}\n")
    print("| what | median wall time |\n| --- | --- |")
    for name, t in rows:
        print(f"| {name} | {t:.2f} s |")


if __name__ == "__main__":
    main()
