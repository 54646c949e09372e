"""The user's path, files in to results: python benchmarks/bench_user_path.py
[TARGETS ...] [--repeat N] [--no-rows]

A planner types a plan file (one region, N indicators, each with its base in the plan and
an "X以上" target for 2025 on a 2020 base) and a figures file (the year-end levels
2021–2024 of every indicator: four rows an indicator), both CSV, and calls
``jxdigital.assess(plan_file, actuals=figures_file)``. The workload is generated here
(seeded, the same trend-with-noise series as ``bench_assess_scale.py``: for timing, not
data). Timed for each size, in one run, ``REPEAT`` times after one warm-up call (best
reported):

- ``assess()``: the files read, every target judged (statuses, projections, P(met));
- ``+ to_frame()``: the same, and the results table, which words every record in
  Chinese and English (records are worded when first read);
- ``project()`` alone on the same series (the plan's base and the four figures), the
  cost of the projections themselves, and the ratios.

Then the figures reader alone (``load_actuals(figures_file, plan=plan)``) on 7,440 and
600,000 rows, each over 20 and over 1,860 indicators (``--no-rows`` skips it): its cost
follows the rows, not the number of distinct indicators.

Sizes default to 1,860 and 3,720 targets; then the same path for a 31-province ×
60-indicator table (``multi_region_workload``: one plan file with a region column, the same
60 ids on a row per province, 1,860 targets; ``--no-regions`` skips it).
"""

from __future__ import annotations

import sys
import tempfile
import time
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
from _timing import best

REPEAT = 3  # best of, after a warm-up (``--repeat N`` to change)
SEED = 20261201
REGION = "jiangxi"
BASE, FIRST, LAST, TARGET = 2020, 2021, 2024, 2025
TODAY = "2025-06-30"
PLAN_HEADER = ("indicator_id,name_zh,unit,base_year,base_text,target_year,target_text,"
               "region\n")


def _workload(cells: list[tuple[str, str]], name: str, folder: Path
              ) -> tuple[Path, Path, pd.DataFrame]:
    """(plan file, figures file, the series as ``project()`` takes them) for one target per
    (region, indicator id) of ``cells``, its base in the plan and an "X以上" 2025 target,
    with its year-end levels 2021–2024 in the figures file."""
    rng = np.random.default_rng(SEED)
    plan_rows, figs, bases = [], [], []
    for region, iid in cells:
        base = float(rng.uniform(50, 5000))
        growth = float(rng.uniform(0.02, 0.2))
        target = base * (1 + growth * rng.uniform(0.7, 1.3)) ** (TARGET - BASE)
        plan_rows.append(f"{iid},指标{iid},亿元,{BASE},{base:.1f},{TARGET},{target:.1f}以上,"
                         f"{region}")
        bases.append((f"{region}:{iid}", BASE, round(base, 1)))
        for y in range(FIRST, LAST + 1):
            v = base * (1 + growth) ** (y - BASE) * float(rng.normal(1, 0.02))
            figs.append((iid, region, y, round(v, 1)))
    plan = folder / f"{name}_plan_{len(cells)}.csv"
    plan.write_text(PLAN_HEADER + "\n".join(plan_rows) + "\n", encoding="utf-8")
    frame = pd.DataFrame(figs, columns=["indicator_id", "region", "year", "value"])
    figures = folder / f"{name}_figures_{len(cells)}.csv"
    frame.to_csv(figures, index=False)
    # project() sees what assess() fits: the plan's base and the four figures
    series = pd.concat([pd.DataFrame(bases, columns=["id", "year", "value"]),
                        pd.DataFrame({"id": frame["region"] + ":" + frame["indicator_id"],
                                      "year": frame["year"], "value": frame["value"]})],
                       ignore_index=True)
    return plan, figures, series


def user_workload(n_targets: int, folder: Path) -> tuple[Path, Path, pd.DataFrame]:
    """``n_targets`` targets of one region, each its own indicator (``_workload``)."""
    return _workload([(REGION, f"u{k:05d}") for k in range(n_targets)], "user", folder)


def many_rows_workload(rows: int, n_ids: int, folder: Path) -> tuple[Path, Path]:
    """(plan file, figures file): ``n_ids`` indicators of a plan, ``rows`` figures of them
    spread over as many regions as it takes (each region's 2021–2024 figures)."""
    rng = np.random.default_rng(SEED)
    ids = [f"u{k:05d}" for k in range(n_ids)]
    plan_rows = [f"{iid},指标{k},亿元,{BASE},100.0,{TARGET},150.0以上,{REGION}"
                 for k, iid in enumerate(ids)]
    plan = folder / f"rows_plan_{n_ids}.csv"
    plan.write_text(PLAN_HEADER + "\n".join(plan_rows) + "\n", encoding="utf-8")
    years = np.arange(FIRST, LAST + 1)
    per_id = -(-rows // n_ids)
    n_regions = -(-per_id // len(years))
    iid = np.repeat(ids, n_regions * len(years))[:rows]
    region = np.tile(np.repeat([f"county_{i:05d}" for i in range(n_regions)], len(years)),
                     n_ids)[:rows]
    year = np.tile(years, n_ids * n_regions)[:rows]
    value = np.round(rng.uniform(50, 150, size=len(iid)), 1)
    figures = folder / f"rows_figures_{rows}_{n_ids}.csv"
    pd.DataFrame({"indicator_id": iid, "region": region, "year": year,
                  "value": value}).to_csv(figures, index=False)
    return plan, figures


def multi_region_workload(n_regions: int, folder: Path, n_ids: int = 60
                          ) -> tuple[Path, Path, pd.DataFrame]:
    """A table of ``n_ids`` indicators for each of ``n_regions`` provinces (``_workload``):
    one plan file with a region column, the same ids on a row per region (keys
    ``id@region``), one figures file."""
    from jxdigital.catalog import REGIONS

    regions = [r for r in REGIONS if r not in ("china", "hong_kong", "macao", "taiwan")]
    return _workload([(r, f"m{k:03d}") for r in regions[:n_regions] for k in range(n_ids)],
                     "regions", folder)


def best_pair(fn, then, repeat: int) -> tuple[float, float]:
    """(best time of ``fn()``, best time of ``fn()`` followed by ``then`` on its result)."""
    then(fn())  # warm-up
    first, both = [], []
    for _ in range(repeat):
        t = time.perf_counter()
        out = fn()
        first.append(time.perf_counter() - t)
        then(out)
        both.append(time.perf_counter() - t)
    return min(first), min(both)


def main(argv: list[str]) -> None:
    import jxdigital
    from jxdigital import load_actuals, load_plan
    from jxdigital.models import project

    repeat = REPEAT
    if "--repeat" in argv:
        i = argv.index("--repeat")
        repeat = int(argv[i + 1])
        argv = argv[:i] + argv[i + 2:]
    rows_too = "--no-rows" not in argv
    regions_too = "--no-regions" not in argv
    argv = [a for a in argv if a not in ("--no-rows", "--no-regions")]
    sizes = tuple(int(x) for x in argv) or (1860, 3720)
    print(f"jxdigital {jxdigital.__version__}; best of {repeat} after a warm-up\n")
    print("| targets | figures rows | assess() | + to_frame() | per target | project() alone "
          "| assess / project | + to_frame / project |")
    print("|---|---|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as tmp, warnings.catch_warnings():
        warnings.simplefilter("ignore")

        def row(label: str, n: int, plan: Path, figures: Path, series) -> None:
            t_assess, t_table = best_pair(
                lambda: jxdigital.assess(plan, actuals=figures, today=TODAY),
                lambda a: a.to_frame(), repeat)
            t_proj = best(lambda: project(series, to=TARGET), repeat)
            print(f"| {label} | {4 * n:,} | {t_assess:.2f} s | {t_table:.2f} s | "
                  f"{t_assess / n * 1e3:.2f} ms | {t_proj:.3f} s | "
                  f"{t_assess / t_proj:.1f}× | {t_table / t_proj:.1f}× |")
            sys.stdout.flush()

        for n in sizes:
            row(f"{n:,}", n, *user_workload(n, Path(tmp)))
        if regions_too:  # one table for 31 provinces: 60 ids × 31 regions
            row("31 × 60 (1,860, several regions)", 31 * 60,
                *multi_region_workload(31, Path(tmp)))
        if not rows_too:
            return
        print("\n| figures rows | indicators | load_actuals | per row | per indicator |")
        print("|---|---|---|---|---|")
        for rows, n_ids in ((7_440, 20), (7_440, 1_860), (600_000, 20), (600_000, 1_860)):
            plan_path, figures = many_rows_workload(rows, n_ids, Path(tmp))
            plan = load_plan(plan_path)
            t = best(lambda f=figures, p=plan: load_actuals(f, plan=p), repeat)
            print(f"| {rows:,} | {n_ids:,} | {t:.2f} s | {t / rows * 1e6:.1f} µs | "
                  f"{t / n_ids * 1e3:.2f} ms |")
            sys.stdout.flush()


if __name__ == "__main__":
    main(sys.argv[1:])
