"""The scoring of ``benchmarks/bench_real_options.py`` on cases made by hand: whether an
outcome reached an option (a published bound only where it decides), where a planners'
target sits among the options, Brier and "P >= 0.5 → met", and how a record is extended
with the same series' figures under another plan. No data files, no timing."""

from __future__ import annotations

import math
import sys
from pathlib import Path
from types import SimpleNamespace

import pandas as pd
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
import bench_real_options as B


def test_reached_exact_outcomes_and_ties():
    assert B.reached(11.76, "exact", 10.0, 1) is True
    assert B.reached(10.0, "exact", 10.0, 1) is True  # a tie reaches the option
    assert B.reached(37.21, "exact", 37.2221, 1) is False  # short by 0.01
    # a falling indicator reaches the value offered when it is at most it
    assert B.reached(0.9, "exact", 1.0, -1) is True
    assert B.reached(1.1, "exact", 1.0, -1) is False
    assert B.reached(math.nan, "exact", 1.0, 1) is None
    assert B.reached(1.0, "exact", math.nan, 1) is None


def test_reached_with_a_published_bound_only_where_it_decides():
    # "超6.2万" (every value above 6.2) reaches 4 and 6.2, says nothing about 7
    assert B.reached(6.2, "lower_bound", 4.0, 1) is True
    assert B.reached(6.2, "lower_bound", 6.2, 1) is True
    assert B.reached(6.2, "lower_bound", 7.0, 1) is None
    # "近5" (every value below 5): not reaching 6, open against 4
    assert B.reached(5.0, "upper_bound", 6.0, 1) is False
    assert B.reached(5.0, "upper_bound", 4.0, 1) is None
    # mirrored for a falling indicator: a lower bound above the option rules it out
    assert B.reached(5.0, "lower_bound", 4.0, -1) is False
    assert B.reached(5.0, "upper_bound", 6.0, -1) is True


def test_placement_among_the_options():
    up = {0.5: 18.0, 0.75: 15.0, 0.9: 12.0}
    assert B.placement(20.0, up, 1) == B.PLACES[0]  # beyond the 50 % option
    assert B.placement(17.0, up, 1) == B.PLACES[1]
    assert B.placement(18.0, up, 1) == B.PLACES[1]  # at the 50 % option: P = 50 %
    assert B.placement(13.0, up, 1) == B.PLACES[2]
    assert B.placement(12.0, up, 1) == B.PLACES[3]
    # a falling indicator: the 50 % option is the lowest value, beyond it is below it
    down = {0.5: 1.0, 0.75: 1.2, 0.9: 1.4}
    assert B.placement(0.9, down, -1) == B.PLACES[0]
    assert B.placement(1.1, down, -1) == B.PLACES[1]
    assert B.placement(1.5, down, -1) == B.PLACES[3]
    assert B.placement(17.0, {0.5: 18.0, 0.75: math.nan, 0.9: 12.0}, 1) == ""


def test_scores_by_hand():
    # P 0.8 met, 0.3 missed, 0.6 missed, no P, P but no outcome
    n, brier, hit = B.scores([0.8, 0.3, 0.6, math.nan, 0.9], [True, False, False, True, None])
    assert n == 3
    assert brier == pytest.approx((0.2 ** 2 + 0.3 ** 2 + 0.6 ** 2) / 3)
    assert hit == pytest.approx(2 / 3)  # 0.8 → met right, 0.3 → missed right, 0.6 wrong
    assert B.scores([math.nan], [True])[0] == 0
    assert B.reach_rates({0.5: [True, False, None], 0.9: [True, True, True]}) == \
        {0.5: (2, 1), 0.9: (3, 3)}


def test_families():
    assert B.family("cn14_ict") == "十四五"
    assert B.family("cn13_bigdata") == "十三五"
    assert B.family("cn12_ecommerce") == "十二五"
    assert B.family("cn_broadband_china") == "宽带中国"
    assert B.family("jiangxi_gwr_2020") == "Jiangxi"
    assert B.family("cn_ipv6_2022") == "short action plans"


def test_a_record_extended_with_the_same_series_under_an_earlier_plan(monkeypatch):
    monkeypatch.setattr(B, "CHAINS", {"s": (("old", "new"), "one series")})
    every = pd.DataFrame({
        "case_id": ["old", "old", "old", "old", "new"],
        "year": [2011, 2013, 2015, 2016, 2016],
        "value": [1.0, 2.0, 2.9, 9.9, 3.5],
        "qualifier": ["exact", "lower_bound", "exact", "exact", "exact"],
        "publisher": ["A", "B", "C", "D", "E"], "url": ["u1", "u2", "u3", "u4", "u5"]})
    new = SimpleNamespace(
        case_id="new", row=pd.Series({"base_year": 2015, "base_value": 3.0, "plan_url": "p"}),
        figures=pd.Series({2015: 3.0, 2016: 3.5}), qualifiers=pd.Series({2016: "exact"}))
    own = B.setting_record(new, every, extended=False)
    assert list(own) == [2015]  # the printed base only: nothing after 2015
    assert own[2015][:3] == (3.0, "exact", "new")
    ext = B.setting_record(new, every, extended=True)
    # the earlier plan's rows up to 2015 fill in; its own 2015 value (2.9) does not
    # replace the plan's printed base (3.0), and 2016 stays out
    assert {y: v[:3] for y, v in ext.items()} == {
        2011: (1.0, "exact", "old"), 2013: (2.0, "lower_bound", "old"),
        2015: (3.0, "exact", "new")}
    assert ext[2011][3:] == ("A", "u1")
