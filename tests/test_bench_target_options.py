"""The scoring of ``benchmarks/bench_target_options.py`` on cases worked by hand: "the value
reachable with probability p" is reached when the actual is at least it (an increasing
target) or at most it (a decreasing one). No data set, no statsforecast, no timing."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
import bench_target_options as B

# three series growing by 10 a year, 2016..2020 (their last value 140, 150, 160)
HIST = pd.DataFrame({"id": np.repeat(["a", "b", "c"], 5),
                     "year": np.tile(np.arange(2016, 2021), 3),
                     "value": np.concatenate([100 + 10 * np.arange(5) + 10 * i
                                              for i in range(3)]).astype(float)})


def test_offered_levels_are_the_one_sided_quantiles():
    assert B.offered_level(90, "up") == pytest.approx(0.10)  # increasing: the 10 % quantile
    assert B.offered_level(75, "down") == pytest.approx(0.75)  # decreasing: the 75 % one
    assert B.offered_level(50, "up") == B.offered_level(50, "down") == 0.5


def test_hit_rates_by_hand():
    offers = {("up", 90): np.array([10.0, 20.0, 30.0]),
              ("down", 90): np.array([12.0, 25.0, 29.0])}
    actual = np.array([10.0, 19.0, 35.0])  # a tie (reached), a miss, a hit
    rates = B.hit_rates(offers, actual)
    assert rates["up", 90] == pytest.approx(200 / 3)
    assert rates["down", 90] == pytest.approx(200 / 3)  # 10 <= 12, 19 <= 25; 35 > 29


def test_jxdigital_offers_and_their_hits_on_three_series():
    offers = B.offers_jxdigital(HIST)
    assert set(offers) == {(side, p) for side in B.SIDES for p in B.PROBS}
    # the more probable, the lower the value offered for a rise (and higher for a fall)
    assert np.all(offers["up", 90] < offers["up", 75])
    assert np.all(offers["up", 75] < offers["up", 50])
    assert np.all(offers["down", 50] < offers["down", 90])
    assert np.array_equal(offers["up", 50], offers["down", 50])  # both the median
    # each is Projection.quantiles at the target year, 2025
    from jxdigital.models import project

    q10 = project(HIST, to=2025).quantile(0.10, 2025, "b")
    assert offers["up", 90][1] == pytest.approx(q10)
    # actuals: a above its 50 % offer, b between its 90 % and 75 % offers, c below its 90 %
    up50, up75, up90 = (offers["up", p] for p in (50, 75, 90))
    actual = np.array([up50[0] + 1, (up90[1] + up75[1]) / 2, up90[2] - 1])
    rates = B.hit_rates(offers, actual)
    assert rates["up", 50] == pytest.approx(100 / 3)  # a only
    assert rates["up", 75] == pytest.approx(100 / 3)  # a only
    assert rates["up", 90] == pytest.approx(200 / 3)  # a and b


def test_recalibrated_levels_are_used_per_direction():
    levels = {d: {(side, p): 0.5 for side in B.SIDES for p in B.PROBS} for d in (False, True)}
    levels[False] = {key: 0.2 if key[0] == "up" else 0.8 for key in levels[False]}
    offers = B.offers_jxdigital(HIST, B.recalibrated(levels))
    assert not B.falling(HIST).any()
    from jxdigital.models import project

    p = project(HIST, to=2025)
    assert offers["up", 90][0] == pytest.approx(p.quantile(0.2, 2025, "a"))
    assert offers["down", 75][2] == pytest.approx(p.quantile(0.8, 2025, "c"))


def test_falling_is_the_last_value_below_the_first():
    h = pd.DataFrame({"id": ["x", "x", "x", "y", "y"], "year": [2020, 2018, 2019, 2019, 2020],
                      "value": [4.0, 5.0, 9.0, 1.0, 1.0]})
    assert B.falling(h).tolist() == [True, False]  # x: 5 in 2018, 4 in 2020; y: flat


def test_quantile_loss_by_hand():
    """The options are the 10/25/50/75/90 % quantiles; each case's mean pinball loss over
    them, divided by the history's mean absolute yearly change."""
    offers = {key: np.array([10.0, 10.0]) for key in B.LOSS_LEVELS}
    # 2 above every quantile: (0.1 + 0.25 + 0.5 + 0.75 + 0.9) · 2 / 5 = 1.0, / scale 2
    # 2 below: (0.9 + 0.75 + 0.5 + 0.25 + 0.1) · 2 / 5 = 1.0, / scale 4
    loss = B.quantile_loss(offers, np.array([12.0, 8.0]), np.array([2.0, 4.0]))
    assert loss == pytest.approx([0.5, 0.25])
    assert B.yearly_change(HIST) == pytest.approx([10.0, 10.0, 10.0])
