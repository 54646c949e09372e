"""Backtest the on/off-track verdicts on shipped series: python benchmarks/bench_backtest.py

What later happened is known only where a shipped series runs past the year it is judged
in. For every shipped series with at least 5 selected, comparable, exact year-end figures
(any region), every "target year" T in it and every review year A with 1..3 years to go
(T - A) and at least 3 figures up to A, a one-row plan is written as a user would write it
("X以上", base = the series' first figure) with X set around what really happened in T:
X = actual(T) x (1 + d), d in -20%, -10%, -5%, +5%, +10%, +20%. It is assessed with
``jxdigital.assess(plan, as_of=f"{A + 1}-06-30")`` (year A's bulletin is out by then; later
figures are not used) and the verdict is compared with whether actual(T) >= X.

Reported: how often the verdict was confident (achieved/on track vs off track), how often a
confident verdict was right (the hit rate), how often it said "at risk", and the Brier score
of P(target met). The targets are constructed; the series and the outcomes are real.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import numpy as np
import pandas as pd

OFFSETS = (-0.20, -0.10, -0.05, 0.05, 0.10, 0.20)
MIN_YEARS = 5
MIN_HISTORY = 3
MAX_AHEAD = 3
HEADER = "indicator_id,name_zh,unit,base_year,base_text,target_year,target_text,region,is_share"


def series_frame(actuals: pd.DataFrame) -> pd.DataFrame:
    d = actuals[actuals["selected"] & actuals["comparable"].astype(bool)
                & (actuals["qualifier"] == "exact") & (actuals["as_of"].astype(str) == "")
                & actuals["measure"].isin(["level", "share_pct"])]
    n = d.groupby(["indicator_id", "region"])["year"].transform("nunique")
    return d[n >= MIN_YEARS].sort_values(["indicator_id", "region", "year"])


def cases(d: pd.DataFrame):
    for (iid, region), g in d.groupby(["indicator_id", "region"], sort=True):
        years = g["year"].to_numpy(int)
        values = g["value"].to_numpy(float)
        for j, target_year in enumerate(years):
            for review in range(target_year - MAX_AHEAD, target_year):
                if (years <= review).sum() < MIN_HISTORY:
                    continue
                for dx in OFFSETS:
                    yield dict(indicator_id=iid, region=region, unit=g["unit"].iloc[0],
                               name_zh=g["indicator_id"].iloc[0],
                               is_share=bool(g["measure"].iloc[0] == "share_pct"),
                               base_year=int(years[0]), base_value=float(values[0]),
                               review=review, target_year=int(target_year),
                               actual=float(values[j]), target=float(values[j]) * (1 + dx),
                               offset=dx)


def run() -> pd.DataFrame:
    import jxdigital

    d = series_frame(jxdigital.actuals())
    out = []
    with tempfile.TemporaryDirectory() as tmp:
        for i, c in enumerate(cases(d)):
            path = Path(tmp) / f"plan{i}.csv"
            row = (f"{c['indicator_id']},{c['name_zh']},{c['unit']},{c['base_year']},"
                   f"{c['base_value']:.10g},{c['target_year']},{c['target']:.10g}以上,"
                   f"{c['region']},{str(c['is_share']).lower()}")
            path.write_text(HEADER + "\n" + row + "\n", encoding="utf-8")
            plan = jxdigital.load_plan(path)
            r = jxdigital.assess(plan, as_of=f"{c['review'] + 1}-06-30")[c["indicator_id"]]
            out.append({**c, "status": r.status, "p_met": r.p_met, "n_obs": r.n_obs,
                        "met": c["actual"] >= c["target"]})
    return pd.DataFrame(out)


def summarise(res: pd.DataFrame) -> pd.DataFrame:
    rows = []
    groups = [("all", res)] + [(f"d = {o:+.0%}", g) for o, g in res.groupby("offset")] + \
        [(f"{k} year(s) ahead", g) for k, g in
         res.assign(k=res["target_year"] - res["review"]).groupby("k")] + \
        [(f"{i} ({r})", g) for (i, r), g in res.groupby(["indicator_id", "region"])]
    for label, g in groups:
        said_met = g["status"].isin(["achieved", "on_track"])
        said_miss = g["status"] == "off_track"
        confident = said_met | said_miss
        right = (said_met & g["met"]) | (said_miss & ~g["met"])
        p = g["p_met"].astype(float)
        ok = p.notna()
        rows.append({
            "cases": len(g),
            "group": label,
            "confident": f"{confident.mean():.0%}",
            "hit rate (confident)": f"{right[confident].mean():.0%}" if confident.any() else "—",
            "at risk": f"{(g['status'] == 'at_risk').mean():.0%}",
            "insufficient": f"{(g['status'] == 'insufficient_data').mean():.0%}",
            "Brier P(met)": f"{np.mean((p[ok] - g['met'][ok].astype(float)) ** 2):.3f}",
        })
    return pd.DataFrame(rows)[["group", "cases", "confident", "hit rate (confident)",
                               "at risk", "insufficient", "Brier P(met)"]]


def markdown(df: pd.DataFrame) -> str:
    lines = ["| " + " | ".join(df.columns) + " |", "|" + "---|" * len(df.columns)]
    lines += ["| " + " | ".join(str(v) for v in row) + " |" for row in df.itertuples(index=False)]
    return "\n".join(lines)


def main() -> None:
    import jxdigital

    res = run()
    series = res.groupby(["indicator_id", "region"])["target_year"].agg(["min", "max"])
    print(f"jxdigital {jxdigital.__version__}; {len(series)} series, {len(res)} cases\n")
    print("Series: " + ", ".join(f"{i} ({r})" for i, r in series.index) + "\n")
    print(markdown(summarise(res)))
    if "--cases" in sys.argv:
        print(res.to_string())


if __name__ == "__main__":
    main()
