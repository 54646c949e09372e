"""Load and validate a large file of users' figures: python benchmarks/bench_load_actuals.py

Writes a long CSV of ``--rows`` figures (default 600,000: 60 indicators of the shipped
catalogue x 2,000 regions x 5 years; each row with a unit, a source title, publisher, date
and note, about 50 MB) to a temporary folder, then times in fresh processes:

- ``load_actuals(path)``: read, parse and validate every row (vectorised);
- ``assess(actuals=path)``: the same, merged with the shipped figures and judged;
- ``pandas.read_csv(path, dtype=str)``: the peer, reading the same file with no checks;

and reports wall time and peak memory (max RSS) of each. The figures are synthetic (the
file's size and shape are the point); nothing here is a statistic.
"""

from __future__ import annotations

import argparse
import json
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

UNITS = {"亿元": "亿元", "万个": "万个", "万户": "万户", "%": "%", "个": "个", "家": "家"}


def write_file(path: Path, rows: int, seed: int = 20261201) -> None:
    from jxdigital.catalog import indicator_registry

    reg = indicator_registry()
    reg = reg[reg["unit"].isin(list(UNITS))].head(60)
    rng = np.random.default_rng(seed)
    n_ind = len(reg)
    years = np.arange(2021, 2026)
    n_reg = max(1, rows // (n_ind * len(years)))
    ind = np.repeat(reg["indicator_id"].to_numpy(), n_reg * len(years))[:rows]
    unit = np.repeat(reg["unit"].to_numpy(), n_reg * len(years))[:rows]
    region = np.tile(np.repeat([f"county_{i:04d}" for i in range(n_reg)], len(years)),
                     n_ind)[:rows]
    year = np.tile(years, n_ind * n_reg)[:rows]
    # each region's series grows from its own start (a series of random figures would jump
    # by ten times from year to year, which the reader refuses as a slip of unit); shares
    # stay below 100
    n_series = -(-rows // len(years))
    start = np.repeat(rng.uniform(1, 70, size=n_series), len(years))[:rows]
    growth = np.repeat(rng.uniform(1.0, 1.08, size=n_series), len(years))[:rows]
    value = np.round(start * growth ** (year - years[0]), 2)
    df = pd.DataFrame({
        "indicator_id": ind, "region": region, "year": year, "value": value, "unit": unit,
        "source_title": [f"{y}年县域统计公报" for y in year], "publisher": "县统计局",
        "published": [f"{y + 1}-03-15" for y in year], "note": "填报"})
    df.to_csv(path, index=False)


def _child(path: str) -> None:
    import warnings

    what = sys.argv[3]
    t0 = time.perf_counter()
    if what == "jxdigital":
        from jxdigital import load_actuals

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            n = len(load_actuals(path))
    elif what == "assess":
        import jxdigital

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            a = jxdigital.assess(actuals=path, today="2026-12-01")
        n = len(a)
    else:
        n = len(pd.read_csv(path, dtype=str, keep_default_na=False))
    dt = time.perf_counter() - t0
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB → MiB on Linux
    print(json.dumps({"rows": n, "seconds": dt, "max_rss_mib": rss}))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=600_000)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "figures.csv"
        write_file(path, args.rows)
        size = path.stat().st_size / 1e6
        import jxdigital

        print(f"Python {platform.python_version()}, pandas {pd.__version__}, "
              f"numpy {np.__version__}, jxdigital {jxdigital.__version__}")
        print(f"\nfile: {args.rows:,} rows, {size:.1f} MB\n")
        print("| what | result | median time | peak memory (max RSS) |")
        print("| --- | --- | --- | --- |")
        for what, label in (("jxdigital", "`load_actuals(path)` (read + validate)"),
                            ("assess", "`assess(actuals=path)` (read, validate, merge, judge "
                                       "the 19 targets)"),
                            ("pandas", "`pandas.read_csv(path, dtype=str)` (read only)")):
            runs = []
            for _ in range(args.repeat):
                out = subprocess.run([sys.executable, __file__, "--child", str(path), what],
                                     capture_output=True, text=True, check=True)
                runs.append(json.loads(out.stdout.strip().splitlines()[-1]))
            t = sorted(r["seconds"] for r in runs)[len(runs) // 2]
            m = max(r["max_rss_mib"] for r in runs)
            rows = f"{runs[0]['rows']:,}" + (" targets" if what == "assess" else "")
            print(f"| {label} | {rows} | {t:.2f} s | {m:.0f} MiB |")


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "--child":
        _child(sys.argv[2])
    else:
        main()
