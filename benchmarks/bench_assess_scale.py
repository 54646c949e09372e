"""How assess() grows with the number of targets: python benchmarks/bench_assess_scale.py
[REGIONS ...] [--repeat N]

The workload (generated here, seeded): a plan of P regions × 60 indicators (60 targets per
region, "X以上" in 2025 from a 2020 base), and a figures file with the year-end levels
2020–2023 of every target's series (a smooth trend with noise: a workload for timing, not
data). Two mixes: "exact" (every figure exact) and "mixed" (every fifth series has its 2022
figure approximate and every tenth its 2023 figure a lower bound, as departments' files
do: those targets are projected from 32 drawn histories each, ``assessment._draws``).
Regions are the 31 provinces, repeated with a suffix beyond 31. Sizes: 60 targets (one
region), 1,860 (31 × 60) and 7,440 (124 × 60). Each size is assessed ``REPEAT`` times
after one warm-up call; the best time is reported, with ``project()`` alone on the same
series for the cost of the projections themselves. (``assess()`` makes no words: records are
worded when first read. The same targets from files, the user's path:
``bench_user_path.py``.)
"""

from __future__ import annotations

import sys
import tempfile
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
from _timing import best

INDICATORS = 60
PROVINCES = ["beijing", "tianjin", "hebei", "shanxi", "inner_mongolia", "liaoning", "jilin",
             "heilongjiang", "shanghai", "jiangsu", "zhejiang", "anhui", "fujian", "jiangxi",
             "shandong", "henan", "hubei", "hunan", "guangdong", "guangxi", "hainan",
             "chongqing", "sichuan", "guizhou", "yunnan", "tibet", "shaanxi", "gansu",
             "qinghai", "ningxia", "xinjiang"]
REPEAT = 3  # best of, after a warm-up (``--repeat N`` to change)
_ARGS = sys.argv[1:]
if "--repeat" in _ARGS:  # --repeat N: N runs after the warm-up
    i = _ARGS.index("--repeat")
    REPEAT = int(_ARGS[i + 1])
    _ARGS = _ARGS[:i] + _ARGS[i + 2:]
SIZES = tuple(int(x) for x in _ARGS) or (1, 31, 124)  # regions
SEED = 20261201


def regions(n: int) -> list[str]:
    return [PROVINCES[i % 31] + ("" if i < 31 else f"_{i // 31}") for i in range(n)]


def workload(n_regions: int, folder: Path, mixed: bool = False) -> tuple[Path, pd.DataFrame]:
    """The plan file and the figures frame for ``n_regions`` × 60 targets."""
    rng = np.random.default_rng(SEED)
    plan_rows, figs = [], []
    for region in regions(n_regions):
        for k in range(INDICATORS):
            iid = f"i{k:02d}_{region}"
            base = float(rng.uniform(50, 5000))
            growth = float(rng.uniform(0.02, 0.2))
            target = base * (1 + growth * rng.uniform(0.7, 1.3)) ** 5
            plan_rows.append(f"{iid},指标{k},亿元,2020,{base:.1f},2025,{target:.1f}以上,{region}")
            for y in range(2020, 2024):
                v = base * (1 + growth) ** (y - 2020) * float(rng.normal(1, 0.02))
                qualifier = "exact"
                if mixed and y == 2022 and k % 5 == 0:
                    qualifier = "approximate"
                if mixed and y == 2023 and k % 10 == 3:
                    qualifier = "lower_bound"
                figs.append({"indicator_id": iid, "region": region, "year": y,
                             "value": round(v, 1), "qualifier": qualifier,
                             "source_title": "workload"})
    plan = folder / f"plan_{n_regions}.csv"
    plan.write_text("indicator_id,name_zh,unit,base_year,base_text,target_year,target_text,"
                    "region\n" + "\n".join(plan_rows) + "\n", encoding="utf-8")
    return plan, pd.DataFrame(figs)


def main() -> None:
    import jxdigital
    from jxdigital import load_actuals, load_plan
    from jxdigital.models import project

    print(f"jxdigital {jxdigital.__version__}; best of {REPEAT} after a warm-up\n")
    print("| figures | targets | assess() | per target | project() alone | assess / project |")
    print("|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as tmp, warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for mixed, n in [(m, n) for m in (False, True) for n in SIZES]:
            plan_path, figs = workload(n, Path(tmp), mixed)
            plan = load_plan(plan_path)
            data = load_actuals(figs, plan=plan)
            t_assess = best(lambda plan=plan, data=data: jxdigital.assess(
                plan, data, today="2024-06-30"), REPEAT)
            series = figs.rename(columns={"indicator_id": "id"})[["id", "year", "value"]]
            t_proj = best(lambda s=series: project(s, to=2025), REPEAT)
            k = n * INDICATORS
            print(f"| {'mixed' if mixed else 'exact'} | {k:,} | {t_assess:.2f} s | "
                  f"{t_assess / k * 1e3:.2f} ms | "
                  f"{t_proj:.3f} s | {t_assess / t_proj:.0f}× |")
            sys.stdout.flush()


if __name__ == "__main__":
    main()
