"""How the main job grows with the number of targets: python benchmarks/bench_report_scale.py
[SIZES ...] [--compare SRC] [--mix all|half|both]

The workload (generated here, seeded; a workload for timing, not data): the 十四五 table of
Jiangxi (19 rows, the shipped plan's names, units, base and target texts) typed once per
设区市 (nanchang, jiujiang, …: the table a department breaks down to its 11 cities, and
beyond 11 the cities again with a suffix), cut to SIZES targets (default 19 60 200 500),
with a figures file of year-end levels 2021–2024 (a trend from the base towards the target
with noise; every fifth series has its 2023 figure as a lower bound). Two mixes: "all"
(figures for every row with a numeric target: every such target is judged, so every one
gets a chart and a slide — the worst case) and "half" (figures for every other row; the
rest are data gaps, as in the shipped plans).

Each size runs ``jxdigital report --plan PLAN --actuals FIGS --today 2026-12-07 --out DIR``
as a whole process (what a scheduled job runs), once, and reports its wall time, the time
per target, and the size of report.html, deck.pptx, assessment.xlsx and charts/.
``--compare SRC`` runs the same commands with another version's source folder first on
``PYTHONPATH`` (e.g. a ``git worktree`` of an earlier commit), in the same run.
"""

from __future__ import annotations

import math
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

CITIES = ["nanchang", "jiujiang", "jingdezhen", "pingxiang", "xinyu", "yingtan", "ganzhou",
          "yichun", "shangrao", "jian", "fuzhou"]
SEED = 20261207
TODAY = "2026-12-07"


def _args() -> tuple[list[int], str | None, list[str]]:
    args = sys.argv[1:]
    compare = None
    if "--compare" in args:
        i = args.index("--compare")
        compare = args[i + 1]
        args = args[:i] + args[i + 2:]
    mixes = ["all", "half"]
    if "--mix" in args:
        i = args.index("--mix")
        mixes = ["all", "half"] if args[i + 1] == "both" else [args[i + 1]]
        args = args[:i] + args[i + 2:]
    return [int(a) for a in args] or [19, 60, 200, 500], compare, mixes


def workload(n: int, folder: Path, mix: str) -> tuple[Path, Path]:
    """The plan file and the figures file of ``n`` targets (see the module docstring)."""
    import jxdigital

    rows = [(t, t.indicator) for t in jxdigital.load_plan("jiangxi-14th-fyp")]
    rng = np.random.default_rng(SEED)
    plan, figs = [], []
    k = 0
    while len(plan) < n:
        city = CITIES[k % len(CITIES)] + ("" if k < len(CITIES) else f"_{k // len(CITIES)}")
        for j, (r, ind) in enumerate(rows):
            if len(plan) == n:
                break
            iid = f"{city}_{r.indicator_id}"  # one id per plan row (see issue 27)
            plan.append({"plan_id": "cities", "title_zh": "设区市数字经济主要指标（计时用）",
                         "indicator_id": iid, "name_zh": ind.name_zh, "name_en": ind.name_en,
                         "short_zh": ind.short_zh, "short_en": ind.short_en,
                         "category_zh": city, "category_en": city, "unit": ind.unit,
                         "base_year": 2020, "base_text": r.base_text, "target_year": 2025,
                         "target_text": r.target_text, "attribute": r.attribute,
                         "region": city})
            base, target = r.base_value, r.target_value  # as the catalogue parsed them
            if not (math.isfinite(base) and math.isfinite(target)) or base <= 0 or \
                    (mix == "half" and j % 2):
                continue
            pace = float(rng.uniform(0.6, 1.3))
            for y in range(2021, 2025):
                v = base * (target / base) ** ((y - 2020) / 5 * pace) * rng.normal(1, 0.02)
                if str(ind.unit).strip() in ("%", "％"):
                    v = min(v, 99.0)
                bound = y == 2023 and j % 5 == 0
                figs.append({"indicator_id": iid, "region": city, "year": y,
                             "value": round(float(v), 2),
                             "qualifier": "lower_bound" if bound else "exact",
                             "source_title": "workload (timing only)"})
        k += 1
    plan_path, figs_path = folder / "plan.csv", folder / "figs.csv"
    pd.DataFrame(plan).to_csv(plan_path, index=False)
    pd.DataFrame(figs).to_csv(figs_path, index=False)
    return plan_path, figs_path


def _size(path: Path) -> int:
    if path.is_dir():
        return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())
    return path.stat().st_size if path.exists() else 0


def run(plan: Path, figs: Path, out: Path, src: str | None) -> tuple[float, dict[str, int]]:
    env = dict(os.environ, MPLBACKEND="Agg")
    if src:
        env["PYTHONPATH"] = src
    cmd = [sys.executable, "-m", "jxdigital", "report", "--plan", str(plan), "--actuals",
           str(figs), "--today", TODAY, "--out", str(out)]
    t = time.perf_counter()
    done = subprocess.run(cmd, env=env, capture_output=True, text=True)
    wall = time.perf_counter() - t
    if done.returncode != 0:
        raise SystemExit(f"failed ({done.returncode}): {' '.join(cmd)}\n{done.stderr[-2000:]}")
    sizes = {name: _size(out / name) for name in
             ("report.html", "deck.pptx", "assessment.xlsx", "charts")}
    sizes["charts_n"] = len(list((out / "charts").glob("*.png")))
    return wall, sizes


def main() -> None:
    sizes, compare, mixes = _args()
    import jxdigital

    print(f"Python {sys.version.split()[0]}, {os.cpu_count()} CPUs, jxdigital "
          f"{jxdigital.__version__}; today {TODAY}\n")
    versions = [("this version", None)] + ([("compared", compare)] if compare else [])
    print("| mix | targets | version | wall time | per target | charts | report.html | "
          "deck.pptx | assessment.xlsx | charts/ |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    mb = 1024 * 1024
    with tempfile.TemporaryDirectory() as tmp:
        for mix in mixes:
            for n in sizes:
                folder = Path(tmp) / f"{mix}-{n}"
                folder.mkdir()
                plan, figs = workload(n, folder, mix)
                for name, src in versions:
                    wall, s = run(plan, figs, folder / f"out-{name.replace(' ', '-')}", src)
                    print(f"| {mix} | {n} | {name} | {wall:.1f} s | {wall / n * 1000:.0f} ms | "
                          f"{s['charts_n']} | {s['report.html'] / mb:.1f} MB | "
                          f"{s['deck.pptx'] / mb:.1f} MB | {s['assessment.xlsx'] / mb:.2f} MB | "
                          f"{s['charts'] / mb:.1f} MB |", flush=True)


if __name__ == "__main__":
    main()
