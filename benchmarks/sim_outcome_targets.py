"""Why calibration is not read on targets set around the outcome:
python benchmarks/sim_outcome_targets.py

A forecaster whose distributions are exactly right: log outcome ln Y ~ N(0, s²), and it says
so. Targets "X以上" set around the outcome, X = Y (1 + d), d drawn from ±5, ±10, ±20 %
(bench_rules.py's around-the-outcome design), make "met" the event d < 0, whatever Y is;
its P(met) = 1 − Φ(ln X / s) then reads as too high in the top bins and too low in the
bottom ones. Targets set without looking at the outcome (X = 1 + d) are met as often as it
says in every bin. Seeded; 200,000 cases per row; needs scipy (the benchmark environment).
"""

from __future__ import annotations

from itertools import pairwise

import numpy as np
from scipy.stats import norm

SEED = 20261201
N = 200_000
OFFSETS = np.array([-0.20, -0.10, -0.05, 0.05, 0.10, 0.20])
BINS = (0.0, 0.2, 0.4, 0.6, 0.8, 1.0000001)


def bins_of(p: np.ndarray, met: np.ndarray) -> list[str]:
    out = []
    for lo, hi in pairwise(BINS):
        m = (p >= lo) & (p < hi)
        out.append(f"{met[m].mean():.0%} vs {p[m].mean():.0%}" if m.any() else "—")
    return out


def main() -> None:
    rng = np.random.default_rng(SEED)
    print("| targets | s.d. of ln Y | [0,.2) | [.2,.4) | [.4,.6) | [.6,.8) | [.8,1] |")
    print("|---|---|---|---|---|---|---|")
    for design in ("around the outcome", "independent of it"):
        for s in (0.05, 0.15, 0.30):
            log_y = rng.standard_normal(N) * s
            d = rng.choice(OFFSETS, N)
            log_x = log_y + np.log1p(d) if design == "around the outcome" else np.log1p(d)
            p = 1 - norm.cdf(log_x / s)  # the right P(Y >= X) given what is known
            met = log_y >= log_x
            print(f"| {design} | {s:.2f} | " + " | ".join(bins_of(p, met)) + " |")
    print("\nCells: share met vs mean P(met).")


if __name__ == "__main__":
    main()
