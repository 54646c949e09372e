"""Issue 19, the speed of the judgement: many targets judged together give exactly what
each judged alone gives (the projections are made in one call, each series found once)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from _build import plan_csv, read_plan
from jxdigital import assess, load_actuals, load_plan
from jxdigital.assessment._assess import judge, judge_all
from jxdigital.assessment._evidence import BySeries, gather, plan_bases, series
from jxdigital.assessment._timing import timing
from jxdigital.models import (
    ProjectionInputError,
    project,
    project_each,
    project_pooled,
    project_pooled_each,
)

COLUMNS = ("region", "is_share")  # after the plan columns


def _mixed_plan(tmp_path):
    """Six rows over two regions: exact histories, a bound, an approximate figure, a share,
    a settled outcome and one with too few figures."""
    plan = plan_csv(tmp_path, [
        "a,甲,亿元,2020,100,2025,180以上,r1,false",
        "g,庚,亿元,2020,90,2025,150以上,r2,false",
        "b,乙,亿元,2020,50,2025,90以上,r1,false",
        "c,丙,%,2020,40,2025,60以上,r1,true",
        "d,丁,亿元,2020,10,2022,12以上,r1,false",
        "e,戊,亿元,2020,10,2025,30以上,r1,false",
    ], *COLUMNS)
    rows = []
    for iid, region, vals in (("a", "r1", [100, 112, 126, 141]),
                              ("g", "r2", [90, 96, 103, 109]),
                              ("a", "r2", [70, 71, 72, 73])):  # not a plan row: not judged
        rows += [(iid, region, 2020 + i, v, "exact") for i, v in enumerate(vals)]
    rows += [("b", "r1", 2020, 50, "exact"), ("b", "r1", 2021, 58, "lower_bound"),
             ("b", "r1", 2022, 66, "approximate"), ("c", "r1", 2020, 40, "exact"),
             ("c", "r1", 2021, 44, "exact"), ("c", "r1", 2022, 47.5, "exact"),
             ("d", "r1", 2020, 10, "exact"), ("d", "r1", 2021, 11, "exact"),
             ("d", "r1", 2022, 12.5, "exact"), ("e", "r1", 2020, 10, "exact")]
    figs = pd.DataFrame(rows, columns=["indicator_id", "region", "year", "value", "qualifier"])
    figs["source_title"] = "test"
    return load_plan(plan), figs


def test_judging_together_gives_what_judging_each_alone_gives(tmp_path):
    plan, figs = _mixed_plan(tmp_path)
    data = load_actuals(figs, plan=plan)
    when = timing("2023-06-30", "2026-12-01")
    d, _ = gather(data, when=when, bases=plan_bases(plan.targets))
    together = judge_all(list(plan), BySeries(d), when)
    alone = [judge(t, d, when) for t in plan]
    assert [j.verdict.status for j in together] == [j.verdict.status for j in alone]
    p_together = np.array([j.forecast.p_met for j in together])
    p_alone = np.array([j.forecast.p_met for j in alone])
    np.testing.assert_array_equal(np.isnan(p_together), np.isnan(p_alone))
    np.testing.assert_allclose(p_together[~np.isnan(p_alone)], p_alone[~np.isnan(p_alone)],
                               rtol=0, atol=1e-12)
    # the rows cover every path: projected from exact figures, pooled from ranges, a share,
    # settled (d: 12.5 against 12以上), and too few figures (e)
    assert {j.verdict.status for j in alone} >= {"met", "insufficient_data"}
    assert sum(not np.isnan(p) for p in p_alone[:4]) == 4


def test_one_region_does_not_leak_into_another(tmp_path):
    plan, figs = _mixed_plan(tmp_path)
    d, _ = gather(load_actuals(figs, plan=plan), when=timing("2023-06-30", "2026-12-01"))
    by = BySeries(d)
    for region in ("r1", "r2"):
        a, b = series(by, "a", region), series(d, "a", region)
        assert a["value"].tolist() == b["value"].tolist() == \
            figs[(figs.indicator_id == "a") & (figs.region == region)
                 & (figs.year <= 2022)]["value"].tolist()
    assert len(series(by, "a", "nowhere")) == 0


def test_assess_reports_the_same_p_met_for_a_target_alone_or_among_many(tmp_path):
    plan, figs = _mixed_plan(tmp_path)
    many = assess(plan, figs, as_of="2023-06-30", today="2026-12-01").to_frame()
    one_plan = plan_csv(tmp_path, ["g,庚,亿元,2020,90,2025,150以上,r2,false"], *COLUMNS,
                        name="one.csv")
    mine = figs[figs["indicator_id"] == "g"]
    one = assess(load_plan(one_plan), mine, as_of="2023-06-30", today="2026-12-01").to_frame()
    row = many[many["indicator_id"] == "g"].iloc[0]
    assert row["p_met"] == pytest.approx(one["p_met"].iloc[0], abs=1e-12)
    assert row["projected"] == pytest.approx(one["projected"].iloc[0], abs=1e-9)


def test_projecting_each_series_together_equals_projecting_it_alone():
    frame = pd.DataFrame({"id": ["x"] * 4 + ["y"] * 3,
                          "year": [2018, 2019, 2020, 2021, 2019, 2020, 2021],
                          "value": [10, 12, 13, 15, 200, 190, 185.0]})
    each = project_each(frame, to=2025, floor={"y": 185.0}, names={"x": "甲"})
    alone = project(pd.Series([10, 12, 13, 15.0], index=[2018, 2019, 2020, 2021]), to=2025)
    assert each["x"].ids == ["甲"]
    assert each["x"].cdf(20, 2025) == pytest.approx(alone.cdf(20, 2025), abs=1e-12)
    assert each["x"].point(2025) == pytest.approx(alone.point(2025))
    assert each["y"].quantile(0.01, 2025) >= 185.0  # the floor holds for its own series


def test_pooling_each_series_together_equals_pooling_it_alone():
    draws = pd.DataFrame([{"id": sid, "draw": k, "year": 2019 + i, "value": v * (1 + k / 20)}
                          for sid, path in (("x", [100, 110, 120]), ("y", [5, 6, 8]))
                          for k in range(3) for i, v in enumerate(path)])
    factors = {"x": [1.0, 1.1, 0.9]}
    each = project_pooled_each(draws, to=2025, factors=factors)
    for sid in ("x", "y"):
        alone = project_pooled(draws[draws["id"] == sid][["draw", "year", "value"]], to=2025,
                               id=sid, factors=factors.get(sid))
        for v in (6.0, 120.0, 150.0):
            assert each[sid].cdf(v, 2025) == pytest.approx(alone.cdf(v, 2025), abs=1e-12)
    with pytest.raises(ProjectionInputError, match="factors' for 'x'"):
        project_pooled_each(draws, to=2025, factors={"x": [1.0]})


def test_already_met_is_achieved_only_where_it_will_likely_stay_met(tmp_path):
    """已提前实现 is a forecast of the target year too: a running total (which does not
    fall) that has reached its target is achieved; a series that can fall and whose
    projection gives it less than P_ON_TRACK of staying there is at risk, saying why."""
    plan = read_plan(tmp_path, ["stations,基站,万个,2020,3,2025,10以上,r1,true",
                                "sales,销售额,亿元,2020,3,2025,10以上,r1,false"],
                     "region", "is_stock", name="p.csv")
    figs = pd.DataFrame([(iid, "r1", y, v) for iid in ("stations", "sales")
                         for y, v in ((2021, 13.0), (2022, 10.5))],
                        columns=["indicator_id", "region", "year", "value"])
    figs["source_title"] = "test"
    a = assess(plan, figs, as_of="2023-06-30", today="2026-12-01")
    assert a["stations"].status == "achieved" and a["stations"].p_met == 1.0
    sales = a["sales"]
    assert sales.status == "at_risk" and sales.p_met < 0.75
    assert "已达到目标" in sales.reason_zh and "not yet achieved" in sales.reason_en
