"""How well a part-year level tells its year-end (issue 26 item 1), on the shipped pairs.

    python benchmarks/bench_part_year.py

Every shipped series with a part-year level, the year-end of the same year and a year-end
before it (``observations.level_spread``'s pairs). Leave one pair out: learn the band from
the others (``observations._part_year``'s rule: ±max(2·RMS, max |e|) of the log error),
estimate the left-out year-end from its part-year level grown at the series' pace, and
check whether the year-end falls in the band. Also the error of reading the part-year
level as the year-end (no growth), what a chart reader would do. Deterministic, no network.
"""

from __future__ import annotations

import math

import numpy as np

from jxdigital.catalog._load import flow_ids
from jxdigital.observations import actuals
from jxdigital.observations._part_year import _factor, _month, _pace, _part_levels, _year_ends


def pairs():
    d = actuals()
    skip = set(flow_ids())
    part, ends = _part_levels(d, skip), _year_ends(d)
    out = []
    for (iid, region), rows in part.groupby(["indicator_id", "region"], sort=True):
        mine = ends[(ends["indicator_id"] == iid) & (ends["region"] == region)]
        seen = set()
        for r in rows.sort_values("as_of", kind="mergesort").itertuples():
            m = _month(r.as_of)
            same = mine[mine["year"] == r.year]
            if m >= 12 or not len(same) or (r.year, m) in seen:
                continue
            seen.add((r.year, m))
            ye = float(same["value"].iloc[0]) * _factor(str(same["unit"].iloc[0]), r.unit)
            pace, _ = _pace(mine, int(r.year), m, float(r.value), str(r.unit))
            if math.isnan(pace):
                continue
            guess = float(r.value) * math.exp((12 - m) / 12 * pace)
            out.append((f"{region}:{iid} {r.as_of}", ye, float(r.value), guess))
    return out


def main() -> None:
    p = pairs()
    e = np.array([math.log(ye / g) for _, ye, _, g in p])
    flat = np.array([math.log(ye / v) for _, ye, v, _ in p])
    inside = []
    for i in range(len(p)):
        rest = np.delete(e, i)
        half = max(2 * float(np.sqrt(np.mean(rest ** 2))), float(np.abs(rest).max()), 0.02)
        ye, g = p[i][1], p[i][3]
        inside.append(g * (1 - half) <= ye <= g * (1 + half))
    print(f"pairs: {len(p)}")
    print("| guess | mean abs log error | median | largest | in the leave-one-out band |")
    print("|---|---|---|---|---|")
    print(f"| part-year level grown at its pace | {np.mean(np.abs(e)):.3f} | "
          f"{np.median(np.abs(e)):.3f} | {np.max(np.abs(e)):.3f} | "
          f"{sum(inside)}/{len(inside)} |")
    print(f"| part-year level read as the year-end | {np.mean(np.abs(flat)):.3f} | "
          f"{np.median(np.abs(flat)):.3f} | {np.max(np.abs(flat)):.3f} | — |")
    for (name, ye, v, g), ok in zip(p, inside, strict=True):
        print(f"  {name}: part {v:g}, guess {g:.1f}, year-end {ye:g}, "
              f"{'in' if ok else 'OUT'}")


if __name__ == "__main__":
    main()
