"""Issue 17, the uncertainty of the history: figures that allow a range are drawn, each
history projected and the forecasts pooled; a yearly total's 1–N月 figure over the share
of the year it covers; a linked series' band grows with the years since the splice."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from jxdigital import assess, load_actuals
from jxdigital.assessment._draws import BOUND_SPAN, bands, histories
from jxdigital.models import project, project_pooled
from jxdigital.observations import flow_totals, shipped_actuals, year_shares

TODAY = "2026-12-01"


# --- pooling projections of several histories ------------------------------------------

def _draws(*paths: list[float], years=(2019, 2020, 2021)) -> pd.DataFrame:
    return pd.DataFrame([{"draw": k, "year": y, "value": v} for k, p in enumerate(paths)
                         for y, v in zip(years, p, strict=True)])


def test_one_history_pooled_is_that_historys_projection():
    one = project(pd.Series([100.0, 110.0, 120.0], index=[2019, 2020, 2021]), to=2025)
    pooled = project_pooled(_draws([100, 110, 120], [100, 110, 120]), to=2025)
    for v in (120.0, 140.0, 180.0):
        assert pooled.cdf(v, 2025) == pytest.approx(one.cdf(v, 2025))
    a, b = pooled.to_frame().iloc[-1], one.to_frame().iloc[-1]
    assert a["point"] == pytest.approx(b["point"])
    assert a["lo_80"] == pytest.approx(b["lo_80"], rel=0.01)
    assert a["hi_80"] == pytest.approx(b["hi_80"], rel=0.01)


def test_the_pooled_distribution_is_the_mean_of_the_histories():
    low, high = [100, 110, 115], [100, 110, 125]
    pooled = project_pooled(_draws(low, high), to=2025, id="x")
    each = [project(pd.Series(p, index=[2019, 2020, 2021], dtype=float), to=2025)
            for p in (low, high)]
    for v in (120.0, 135.0, 150.0):
        assert pooled.cdf(v, 2025, "x") == pytest.approx(
            (each[0].cdf(v, 2025) + each[1].cdf(v, 2025)) / 2)
    # its median lies between the two histories' medians, its 80 % interval spans both
    f = pooled.to_frame().iloc[-1]
    lo = min(e.to_frame().iloc[-1]["lo_80"] for e in each)
    hi = max(e.to_frame().iloc[-1]["hi_80"] for e in each)
    assert lo <= f["lo_80"] and f["hi_80"] <= hi
    assert each[0].quantile(0.5, 2025) < pooled.quantile(0.5, 2025, "x") < \
        each[1].quantile(0.5, 2025)


def test_pooling_asks_for_histories_on_the_same_years():
    from jxdigital.models import ProjectionInputError

    bad = pd.concat([_draws([1, 2, 3]), _draws([1, 2], years=(2019, 2020)).assign(draw=1)])
    with pytest.raises(ProjectionInputError, match="same years"):
        project_pooled(bad, to=2025)
    with pytest.raises(ProjectionInputError, match="missing draw"):
        project_pooled(pd.DataFrame({"year": [2020], "value": [1.0]}), to=2025)


# --- the bands histories are drawn from ------------------------------------------------

def test_each_kind_of_figure_allows_its_own_band():
    fit = pd.DataFrame({"year": [2020, 2021, 2022, 2023, 2024],
                        "value": [100.0, 110.0, 120.0, 130.0, 140.0],
                        "qualifier": ["exact", "approximate", "lower_bound", "upper_bound",
                                      "approximate"],
                        "spread": [np.nan, np.nan, np.nan, np.nan, 0.10]})
    lo, hi = bands(fit)
    # exact: itself; 约110: ± 2 %; "120多": 120–132; "近130": 117–130; linked ± 10 %
    assert lo.tolist() == pytest.approx([100, 107.8, 120, 130 * (1 - BOUND_SPAN), 126])
    assert hi.tolist() == pytest.approx([100, 112.2, 120 * (1 + BOUND_SPAN), 130, 154])


def test_histories_stay_in_their_bands_and_are_the_same_every_run():
    fit = pd.DataFrame({"year": [2020, 2021, 2022], "value": [100.0, 110.0, 120.0],
                        "qualifier": ["exact", "approximate", "lower_bound"]})
    h = histories(fit)
    assert h.equals(histories(fit))  # a fixed seed
    by_year = h.groupby("year")["value"]
    assert by_year.min().tolist() == pytest.approx([100, 107.8, 120], abs=0.4)
    assert by_year.max().tolist() == pytest.approx([100, 112.2, 132], abs=0.4)
    assert histories(fit.assign(qualifier="exact")) is None  # nothing to draw


def test_an_approximate_history_widens_the_interval(tmp_path):
    plan = tmp_path / "plan.csv"
    plan.write_text("indicator_id,name_zh,unit,base_year,base_text,target_year,target_text,"
                    "region\nv,某营业收入,亿元,2020,400,2025,600,jiangxi\n", encoding="utf-8")
    exact = pd.DataFrame({"indicator_id": "v", "year": [2021, 2022, 2023],
                          "value": [440.0, 480.0, 520.0], "source_title": "统计公报"})
    approx = exact.assign(value=["约440", "约480", "约520"])
    a = assess(plan, load_actuals(exact, plan=plan), today="2024-06-30")["v"]
    b = assess(plan, load_actuals(approx, plan=plan), today="2024-06-30")["v"]
    assert b.evidence_grade == "B" and a.evidence_grade == "A"
    assert b.hi_80 - b.lo_80 > a.hi_80 - a.lo_80
    # ± 2 % on each figure is small beside three years of trend uncertainty
    assert b.p_met == pytest.approx(a.p_met, abs=0.02)


# --- a yearly total's 1–N月 figure -----------------------------------------------------

def test_the_share_of_the_year_is_learned_from_the_national_monthly_series():
    s = year_shares(shipped_actuals(), "china:online_retail_sales")[11]
    # 1–11月 over the year's total, 全国网上零售额 (亿元, 国家统计局 releases):
    by_hand = [45990 / 51556, 64306 / 71751, 94958 / 106324, 105374 / 117601,
               124585 / 137900, 139600 / 154264, 140308 / 155200]
    assert s.years == (2016, 2017, 2019, 2020, 2022, 2023, 2024)
    assert s.share == pytest.approx(np.mean(by_hand), abs=1e-3)
    assert s.low == pytest.approx(min(by_hand), abs=1e-3)
    assert 0.02 <= s.spread < 0.05


def test_a_part_year_total_gives_the_years_total_with_its_band(tmp_path):
    plan = tmp_path / "plan.csv"
    plan.write_text("indicator_id,name_zh,unit,base_year,base_text,target_year,target_text,"
                    "region\nonline_retail_sales,网上零售额,亿元,2020,1582,2025,3000,jiangxi\n",
                    encoding="utf-8")
    figs = pd.DataFrame({"indicator_id": "online_retail_sales",
                         "year": [2021, 2022, 2023, 2024],
                         "as_of": ["", "", "", "2024-11-30"],
                         "value": [1800.0, 2000.0, 2200.0, 2100.0],
                         "source_title": "省统计局", "published": "2025-01-01"})
    a = assess(plan, load_actuals(figs, plan=plan), today="2025-01-15")
    s = a.series["online_retail_sales"].set_index("year")
    share = year_shares(shipped_actuals(), "china:online_retail_sales")[11].share
    assert s.loc[2024, "value"] == pytest.approx(2100 / share)
    assert s.loc[2024, "kind"] == "derived"
    r = a["online_retail_sales"]
    assert r.latest_year == 2024 and r.evidence_grade == "B"
    assert "2024年全年据1—11月累计2100亿元推算，前11个月通常占全年" in r.reason_zh
    assert "estimated from 210 billion yuan in January–November" in r.reason_en
    assert a.unused().query("year == 2024").empty  # used, through the year's total
    # strict: a part-year figure is not a year's value
    strict = assess(plan, load_actuals(figs, plan=plan), today="2025-01-15",
                    evidence="strict")
    assert strict.series["online_retail_sales"]["year"].max() == 2023


def test_a_month_with_too_few_years_derives_nothing():
    d = shipped_actuals()
    part = d[(d["indicator_id"] == "online_retail_sales") & (d["region"] == "china")
             & (d["as_of"] == "2019-07")].assign(year=2026, as_of="2026-05")
    # 1–5月: no year of the national series has that month, so no share to divide by
    assert flow_totals(pd.concat([d, part]), {"online_retail_sales":
                                              "china:online_retail_sales"}).empty


# --- a linked series drifts away from the plan's definition -----------------------------

def test_a_linked_figures_band_grows_with_the_years_since_the_splice(tmp_path):
    from jxdigital.assessment._evidence import LINK_DRIFT, link_spread

    assert link_spread(np.array([1, 4])).tolist() == pytest.approx([LINK_DRIFT,
                                                                     2 * LINK_DRIFT])
    plan = tmp_path / "plan.csv"
    plan.write_text("indicator_id,name_zh,unit,base_year,base_text,target_year,target_text,"
                    "region,linked\nnarrow,规上营业收入,亿元,2020,4000,2025,5500,jiangxi,broad\n"
                    "broad,全口径营业收入,亿元,2020,5000,2025,8000,jiangxi,\n",
                    encoding="utf-8")
    figs = pd.DataFrame({"indicator_id": "broad", "year": [2020, 2022, 2023, 2024],
                         "value": [5000.0, 5800.0, 6300.0, 6900.0], "source_title": "公报"})
    a = assess(plan, load_actuals(figs, plan=plan), today="2025-06-30")
    narrow, broad = a["narrow"], a["broad"]
    # the broad series on its own scale, exact, against the linked one: the linked fan is
    # wider relative to its level, and P(met) less sure
    assert (narrow.hi_80 - narrow.lo_80) / narrow.projected > \
        (broad.hi_80 - broad.lo_80) / broad.projected
    s = a.series["narrow"].set_index("year")
    assert s.loc[2024, "spread"] == pytest.approx(LINK_DRIFT * 2)  # 4 years after 2020
