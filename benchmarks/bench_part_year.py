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

from jxdigital.catalog.reference import flow_ids
from jxdigital.observations import actuals, part_year_pairs


def main() -> None:
    p = part_year_pairs(actuals(), set(flow_ids()))
    e = np.array([x.error for x in p])
    flat = np.array([math.log(x.year_end / x.part) for x in p])
    inside = []
    for i in range(len(p)):
        rest = np.delete(e, i)
        half = max(2 * float(np.sqrt(np.mean(rest ** 2))), float(np.abs(rest).max()), 0.02)
        inside.append(p[i].guess * (1 - half) <= p[i].year_end <= p[i].guess * (1 + half))
    print(f"pairs: {len(p)}")
    print("| guess | mean abs log error | median | largest | in the leave-one-out band |")
    print("|---|---|---|---|---|")
    print(f"| part-year level grown at its pace | {np.mean(np.abs(e)):.3f} | "
          f"{np.median(np.abs(e)):.3f} | {np.max(np.abs(e)):.3f} | "
          f"{sum(inside)}/{len(inside)} |")
    print(f"| part-year level read as the year-end | {np.mean(np.abs(flat)):.3f} | "
          f"{np.median(np.abs(flat)):.3f} | {np.max(np.abs(flat)):.3f} | — |")
    for x, ok in zip(p, inside, strict=True):
        print(f"  {x.series} {x.as_of}: part {x.part:g}, guess {x.guess:.1f}, year-end "
              f"{x.year_end:g}, {'in' if ok else 'OUT'}")


if __name__ == "__main__":
    main()
