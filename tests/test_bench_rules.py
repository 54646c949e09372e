"""The planners' rules that BENCHMARKS.md and the README compare jxdigital with
(``benchmarks/_rules.py``), on cases worked by hand: a comparison is only as fair as the
rules are faithful."""

from __future__ import annotations

import math
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
import _rules

# a level: 100 in 2020, 110 in 2021, 121 in 2022 (10 % a year); target 200 in 2025
YEARS, LEVELS = [2020, 2021, 2022], [100.0, 110.0, 121.0]


def _judge(values=LEVELS, X=200.0, share=False, sign=1, years=YEARS):
    return _rules.judge(years, values, years[0], values[0], years[-1], 2025, X, share, sign)


def test_time_elapsed_compares_compound_completion_with_the_time_gone():
    # completion ln(1.21)/ln(2) = 0.275 < time elapsed 2/5 = 0.4: behind
    assert _judge()["time_elapsed"] == (0.0, "miss")
    # 140 in 2022: ln(1.4)/ln(2) = 0.485 >= 0.4: on track
    assert _judge([100.0, 120.0, 140.0])["time_elapsed"] == (1.0, "met")


def test_eurostat_growth_ratio_classes():
    # actual 10 % a year against the 14.87 % required (2^(1/5) - 1): ratio 0.67, moderate
    assert math.isclose((1.21 ** 0.5 - 1) / (2 ** 0.2 - 1), 0.6725, abs_tol=1e-3)
    assert _judge()["eurostat"] == (0.0, "")
    # 100 → 102 → 104: 2 % a year, ratio 0.13: insufficient progress, confidently not met
    assert _judge([100.0, 102.0, 104.0])["eurostat"] == (0.0, "miss")
    # 100 → 130 → 150: 22.5 % a year, ratio 1.51: significant progress
    assert _judge([100.0, 130.0, 150.0])["eurostat"] == (1.0, "met")


def test_escap_projected_gap_and_the_straight_line_rules():
    # 121 × 1.1^3 = 161.05 < 200, still rising: "accelerate", not confident
    assert _judge()["escap"] == (0.0, "")
    # falling since the base: reverse trend, confidently not met
    assert _judge([100.0, 98.0, 95.0])["escap"] == (0.0, "miss")
    # OLS through the three points: 110.33 + 10.5 × (2025 − 2021) = 152.3 < 200
    assert _judge()["linear3"] == (0.0, "miss")
    assert _judge(X=150.0)["linear3"] == (1.0, "met")
    # the CAGR of the last three carried on: 121 × 1.1^3 = 161.05
    assert _judge(X=161.0)["cagr3"] == (1.0, "met") and _judge(X=162.0)["cagr3"][0] == 0.0
    # drift: 121 + 10.5 × 3 = 152.5
    assert _judge(X=152.5)["rwd"] == (1.0, "met") and _judge(X=153.0)["rwd"][0] == 0.0


def test_shares_are_judged_in_points_and_falling_targets_are_mirrored():
    # 40 → 46 % in two years against 60 % in five: completion 6/20 = 0.3 < 0.4; 3 points a
    # year against 4 required: ratio 0.75, moderate
    got = _judge([40.0, 43.0, 46.0], X=60.0, share=True)
    assert got["time_elapsed"] == (0.0, "miss") and got["eurostat"] == (0.0, "")
    # an energy intensity that should fall: 1.5 → 1.4 → 1.3 against 1.2 in 2025
    down = _judge([1.5, 1.4, 1.3], X=1.2, sign=-1)
    assert down["time_elapsed"] == (1.0, "met")  # ln(1.3/1.5)/ln(1.2/1.5) = 0.64 >= 0.4
    assert down["rwd"] == (1.0, "met")  # 1.3 − 0.1 × 3 = 1.0 <= 1.2


@pytest.mark.parametrize("rule", _rules.RULES)
def test_every_rule_says_yes_or_no_with_p_one_or_zero(rule):
    p, verdict = _judge()[rule]
    assert p in (0.0, 1.0) and verdict in ("met", "miss", "")
