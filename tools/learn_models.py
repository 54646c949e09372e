"""Learn what ``jxdigital.models`` ships in ``learned.json``, from the M3 yearly TRAINING parts.

    python tools/learn_models.py [path/to/m3_yearly.csv]

Rolling-origin backtests inside each series' training part (the official test part is
never read): for every history-length bucket, windows of that many points end at an
origin and the next 1..8 training years are the future. From them:

1. ``auto_weights``: per bucket, non-negative weights summing to one over the component
   forecasts (levels, and logs for positive series) that minimise the mean absolute
   scaled error over horizons 1..6 (a linear programme, scipy HiGHS), on windows whose
   six following years all lie in the training part;
2. ``damped_trend_phi``: the damping factor of ``DampedTrend`` minimising the same loss;
3. ``calibration``: per model, bucket and horizon 1..8, quantiles of the scaled errors
   ``(y - ŷ) / s`` (``s`` = the history's mean absolute yearly change), i.e. split
   conformal intervals across series. ``auto``'s errors are those of the whole model,
   including its per-series backtest against drift, so its intervals cover that step too;
4. ``calibration_falling``: ``auto``'s error quantiles again, from the windows whose
   history ends below its first value only (the histories ``auto`` combines with
   ``auto_weights_falling``), for the quantiles of projections after a fall.

Deterministic: no sampling; the same input gives the same file. Uses only the public
interface of ``jxdigital.models``: the table being learned is passed to the models as
``learned=`` (nothing is patched).
"""

from __future__ import annotations

import hashlib
import json
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd
from scipy.optimize import linprog
from scipy.sparse import csr_matrix, hstack, identity, vstack

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from jxdigital.models import (  # noqa: E402
    BUCKETS,
    COMPONENT_NAMES,
    MAX_LEARNED_H,
    MODELS,
    QUANTILE_LEVELS,
    SCALE_YEARS,
    DampedTrend,
    Drift,
    bucket_label,
    component_paths,
    point_paths,
)

DEFAULT_DATA = ROOT.parent / "shared" / "reference" / "bench" / "m3_yearly.csv"
OUT = ROOT / "src" / "jxdigital" / "models" / "learned.json"
H_LOSS = 6  # horizons the weights are chosen on (the M3 yearly horizon)
H_MAX = MAX_LEARNED_H
ORIGINS_PER_SERIES = 8  # most recent origins per series and bucket: no series dominates
WEIGHT_ORIGINS = 10  # origins per series with a complete 6-year future, for the weight LP
POOLED_MIN = 4  # the long bucket learns from windows with their whole past, >= 4 points
PHI_GRID = np.round(np.arange(0.50, 1.0001, 0.02), 2)
LP_WINDOWS = 2500  # evenly spaced windows per bucket for the weight LP (its cost is superlinear)


def training_parts(path: Path) -> list[np.ndarray]:
    df = pd.read_csv(path)
    df = df[df["split"] == "train"].sort_values(["series_id", "t"])
    return [g["value"].to_numpy(float) for _, g in df.groupby("series_id", sort=True)]


def windows(train: list[np.ndarray], lo: int, hi: int, *, complete: bool = False):
    """(histories, futures (n, H_MAX) NaN-padded, MASE scales) for one bucket.

    Exact-length buckets take the last ``lo`` points before each origin; the long bucket
    (``hi`` open) takes the whole past (at least ``POOLED_MIN`` points). ``complete``: only
    origins whose next ``H_LOSS`` years are all in the training part (for the weights).
    """
    pooled = hi >= 10_000
    need = POOLED_MIN if pooled else lo
    cap = WEIGHT_ORIGINS if complete else ORIGINS_PER_SERIES
    hist, fut, scale = [], [], []
    for y in train:
        n = len(y)
        last = (n - H_LOSS) if complete else (n - 1)
        for o in range(last, max(need - 1, last - cap), -1):
            h = y[:o] if pooled else y[o - lo:o]
            f = np.full(H_MAX, np.nan)
            f[: min(H_MAX, n - o)] = y[o:o + H_MAX]
            hist.append(h)
            fut.append(f)
            scale.append(np.mean(np.abs(np.diff(y[:o]))))
    return hist, np.array(fut), np.array(scale)


def lad_weights(F: np.ndarray, Y: np.ndarray, s: np.ndarray) -> np.ndarray:
    """argmin_w Σ |(F w - y) / s| subject to w >= 0, Σ w = 1 (F: (rows, K))."""
    ok = ~np.isnan(Y) & np.isfinite(F).all(axis=1)
    A, b = F[ok] / s[ok, None], Y[ok] / s[ok]
    m, k = A.shape
    cost = np.r_[np.zeros(k), np.ones(2 * m)]
    a_eq = vstack([hstack([csr_matrix(A), -identity(m), identity(m)]),
                   csr_matrix(np.r_[np.ones(k), np.zeros(2 * m)][None, :])])
    res = linprog(cost, A_eq=a_eq, b_eq=np.r_[b, 1.0], bounds=(0, None), method="highs")
    if res.status != 0:
        raise RuntimeError(f"weight LP failed: {res.message}")
    return res.x[:k]


def components(positive: bool) -> list[str]:
    names = [f"level:{c}" for c in COMPONENT_NAMES]
    if positive:
        names += [f"log:{c}" for c in COMPONENT_NAMES if c != "naive"]  # log naive = naive
    return names


def learn_weights(bucket_windows) -> dict:
    out = {"positive": {}, "level": {}}
    hh = np.arange(1, H_LOSS + 1)
    for bi, (hist, fut, scale) in enumerate(bucket_windows):  # complete futures only
        keep = np.unique(np.linspace(0, len(hist) - 1, min(LP_WINDOWS, len(hist))).astype(int))
        hist, fut, scale = [hist[i] for i in keep], fut[keep], scale[keep]
        for variant in ("positive", "level"):
            names = components(variant == "positive")
            F = component_paths(names, hist, hh)
            w = lad_weights(F.reshape(-1, len(names)), fut[:, :H_LOSS].ravel(),
                            np.repeat(scale, H_LOSS))
            w = np.where(w < 1e-4, 0.0, w)
            w = w / w.sum()
            out[variant][str(bi)] = {c: round(float(x), 4) for c, x in zip(names, w,
                                                                          strict=True) if x > 0}
        print(f"  weights bucket {bucket_label(bi)}: {len(hist)} windows in the LP",
              flush=True)
    return out


def learn_phi(bucket_windows) -> float:
    loss = np.zeros(len(PHI_GRID))
    for hist, fut, scale in bucket_windows:
        if len(hist[0]) < DampedTrend.min_points:
            continue
        for k, phi in enumerate(PHI_GRID):
            p = point_paths(DampedTrend(phi=float(phi)), hist, H_LOSS).point
            loss[k] += np.nansum(np.abs(p - fut[:, :H_LOSS]) / scale[:, None])
    return float(PHI_GRID[int(np.argmin(loss))])


CALIBRATED = {  # table key -> (model, treat positive series as plain levels)
    "naive": (MODELS["naive"](), False),
    "drift": (Drift(log=False), False),
    "drift_log": (Drift(log=True), False),
    "linear_trend": (MODELS["linear_trend"](), False),
    "log_linear_trend": (MODELS["log_linear_trend"](), False),
    "damped_trend": (DampedTrend(), False),
    "theta": (MODELS["theta"](), False),
    "auto_positive": (MODELS["auto"](), False),
    "auto_level": (MODELS["auto"](), True),
}


def widen_with_horizon(q: np.ndarray) -> np.ndarray:
    """(H, Q) quantiles made to spread out with the horizon: lower quantiles never rise and
    upper ones never fall as h grows (the last horizons rest on few windows and are noisy)."""
    lower = QUANTILE_LEVELS < 0.5
    q = q.copy()
    q[:, lower] = np.minimum.accumulate(q[:, lower], axis=0)
    q[:, ~lower] = np.maximum.accumulate(q[:, ~lower], axis=0)
    return q


#: The tables learned again from the falling windows alone (``calibration_falling``).
CALIBRATED_FALLING = ("auto_positive", "auto_level")


def learn_calibration(bucket_windows, learned: dict,
                      keys=tuple(CALIBRATED)) -> tuple[dict, dict]:
    """Error quantiles of each model in ``CALIBRATED`` (those named in ``keys``), which
    uses the weights and damping just learned (``learned``)."""
    tables, counts = {}, {}
    for key in keys:
        model, as_levels = CALIBRATED[key]
        per_bucket = []
        for bi, (hist, fut, _) in enumerate(bucket_windows):
            lo = BUCKETS[bi][0]
            if lo < model.min_points:  # the model refuses so short a history
                donor = max(BUCKETS.index(b) for b in BUCKETS if b[0] <= model.min_points)
                per_bucket.append(None if bi < donor else per_bucket[donor])
                continue
            f = point_paths(model, hist, H_MAX, as_levels=as_levels, learned=learned)
            e = (fut - f.point_c) / f.scale[:, None]  # level scale: unbounded M3 series
            q = np.nanquantile(e, QUANTILE_LEVELS, axis=0).T  # (H, Q)
            q = np.maximum.accumulate(q, axis=1)
            q = widen_with_horizon(q)
            per_bucket.append(np.round(q, 4).tolist())
            counts.setdefault(key, {})[bucket_label(bi)] = [
                int(np.sum(~np.isnan(e[:, j]))) for j in range(H_MAX)]
        first = next(p for p in per_bucket if p is not None)
        tables[key] = [p if p is not None else first for p in per_bucket]
        print(f"  calibration {key}", flush=True)
    return tables, counts


def falling_or_not(w, falling: bool):
    """The windows (histories, futures, scales) whose history ends below its first value
    (``falling``) or not."""
    hist, fut, scale = w
    down = np.array([h[-1] < h[0] for h in hist], dtype=bool)
    keep = np.flatnonzero(down if falling else ~down)
    return [hist[i] for i in keep], fut[keep], scale[keep]


def main(path: Path = DEFAULT_DATA) -> None:
    t0 = time.time()
    train = training_parts(path)
    bucket_windows = [windows(train, lo, hi) for lo, hi in BUCKETS]
    weight_windows = [windows(train, lo, hi, complete=True) for lo, hi in BUCKETS]
    learned = {
        "about": ("Learned by tools/learn_models.py from the training parts of the 645 M3 "
                  "yearly series (rolling origins; the test parts were not read)."),
        "data": {"file": path.name, "sha256": hashlib.sha256(path.read_bytes()).hexdigest(),
                 "series": len(train)},
        "buckets": [list(b) for b in BUCKETS],
        "quantile_levels": QUANTILE_LEVELS.tolist(),
        "max_learned_h": H_MAX,
        "origins_per_series": ORIGINS_PER_SERIES,
        "weight_origins_per_series": WEIGHT_ORIGINS,
        "pooled_min_points": POOLED_MIN,
        "scale_years": SCALE_YEARS,
        "windows_per_bucket": {bucket_label(i): len(w[0])
                               for i, w in enumerate(bucket_windows)},
    }
    # one table for histories that end below where they start, one for the rest, each
    # from the windows of its own kind (benchmarks/validate_falling.py chose this on the
    # training parts only)
    learned["auto_weights"] = learn_weights([falling_or_not(w, False) for w in weight_windows])
    learned["auto_weights_falling"] = learn_weights([falling_or_not(w, True)
                                                     for w in weight_windows])
    learned["damped_trend_phi"] = learn_phi(weight_windows)
    print(f"  damped_trend_phi = {learned['damped_trend_phi']}", flush=True)
    # auto and DampedTrend() below use the weights and damping just learned
    learned["calibration"], learned["calibration_counts"] = learn_calibration(bucket_windows,
                                                                              learned)
    # auto's error quantiles after a fall, from the falling windows alone (the table above
    # is learned from every window; after a fall its projections land too low)
    learned["calibration_falling"], learned["calibration_falling_counts"] = learn_calibration(
        [falling_or_not(w, True) for w in bucket_windows], learned, CALIBRATED_FALLING)
    tmp = OUT.with_suffix(".json.tmp")
    tmp.write_text(json.dumps(learned, ensure_ascii=False, separators=(",", ":")) + "\n",
                   encoding="utf-8")
    tmp.replace(OUT)
    print(f"wrote {OUT} ({OUT.stat().st_size / 1024:.0f} kB) in {time.time() - t0:.0f} s")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_DATA)
