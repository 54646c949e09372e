"""Issue 17, the uncertainty of the history: figures that allow a range are drawn, each
history projected and the forecasts pooled; a yearly total's 1–N月 figure over the share
of the year it covers; a linked series' band grows with the years since the splice."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from _build import plan_csv
from jxdigital import assess, load_actuals
from jxdigital.assessment._draws import BOUND_SPAN, bands, histories
from jxdigital.models import project, project_pooled
from jxdigital.observations import flow_totals, published_by, shipped_actuals, year_shares

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
    h = histories(fit).frame
    assert h.equals(histories(fit).frame)  # a fixed seed
    by_year = h.groupby("year")["value"]
    assert by_year.min().tolist() == pytest.approx([100, 107.8, 120], abs=0.4)
    assert by_year.max().tolist() == pytest.approx([100, 112.2, 132], abs=0.4)
    assert histories(fit.assign(qualifier="exact")) is None  # nothing to draw


def test_a_running_totals_part_year_level_is_drawn_up_to_twice_its_pace():
    # 6.2万 at end-September 2022, 4.2万 at end-2021: 2万 in nine months; the last three
    # months add 0 to 2 × 2/3万, so end-2022 is drawn from 6.2–7.53万
    fit = pd.DataFrame({"year": [2020, 2021, 2022], "value": [3.4, 4.2, 6.2],
                        "qualifier": ["exact", "approximate", "lower_bound"],
                        "part_as_of": [None, None, "2022-09"]})
    lo, hi = bands(fit)
    assert (lo[2], hi[2]) == pytest.approx((6.2, 6.2 + 2 * 3 / 9 * 2.0))


def test_a_linked_forecast_carries_the_drift_of_the_scope_ratio_to_the_target_year():
    fit = pd.DataFrame({"year": [2020, 2022, 2023, 2024],
                        "value": [4000.0, 4640.0, 5040.0, 5520.0],
                        "qualifier": ["exact", "approximate", "approximate", "approximate"],
                        "kind": ["published", "linked", "linked", "linked"]})
    d = histories(fit, target_year=2025, n=2000)
    # the linked figures as they are; the forecast × exp(W), W ~ N(0, 0.05² × (2025 − 2020))
    assert (d.frame.groupby("year")["value"].std() == 0).all()
    assert np.log(d.factors).std() == pytest.approx(0.05 * np.sqrt(5), rel=0.02)
    assert np.median(d.factors) == pytest.approx(1.0, abs=1e-3)


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


@pytest.mark.filterwarnings("ignore:.*also in the shipped catalogue:UserWarning")
def test_a_part_year_total_gives_the_years_total_with_its_band(tmp_path):
    plan = plan_csv(tmp_path, ["online_retail_sales,网上零售额,亿元,2020,1582,2025,3000,jiangxi"],
                    "region")
    figs = pd.DataFrame({"indicator_id": "online_retail_sales",
                         "year": [2021, 2022, 2023, 2024],
                         "as_of": ["", "", "", "2024-11-30"],
                         "value": [1800.0, 2000.0, 2200.0, 2100.0],
                         "source_title": "省统计局", "published": "2025-01-01"})
    a = assess(plan, load_actuals(figs, plan=plan), today="2025-01-15")
    s = a.series["online_retail_sales"].set_index("year")
    # learned from what was published by the day the report is made (issue 27)
    known = shipped_actuals()
    known = known[published_by(known["published"], "2025-01-15")]
    share = year_shares(known, "china:online_retail_sales")[11].share
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

def _linked(tmp_path, target: float):
    """A plan row of 4000亿 in 2020 linked to a broader series (5000亿 in 2020) known in
    2022–2024, assessed mid-2025."""
    plan = plan_csv(tmp_path, [f"narrow,规上营业收入,亿元,2020,4000,2025,{target:g},jiangxi,broad",
                               "broad,全口径营业收入,亿元,2020,5000,2025,8000,jiangxi,"],
                    "region", "linked")
    figs = pd.DataFrame({"indicator_id": "broad", "year": [2020, 2022, 2023, 2024],
                         "value": [5000.0, 5800.0, 6300.0, 6900.0], "source_title": "公报"})
    return assess(plan, load_actuals(figs, plan=plan), today="2025-06-30")


def test_a_linked_figures_band_grows_with_the_years_since_the_splice(tmp_path):
    from jxdigital.assessment._draws import LINK_DRIFT
    from jxdigital.assessment._evidence import link_spread

    # ± 2 s.d. of the drift of the scope ratio: 2 × 5 % × √k
    assert link_spread(np.array([1, 4])).tolist() == pytest.approx([2 * LINK_DRIFT,
                                                                     4 * LINK_DRIFT])
    a = _linked(tmp_path, 5500)
    narrow, broad = a["narrow"], a["broad"]
    # the broad series on its own scale, exact, against the linked one: the linked fan is
    # wider relative to its level, and P(met) less sure
    assert (narrow.hi_80 - narrow.lo_80) / narrow.projected > \
        (broad.hi_80 - broad.lo_80) / broad.projected
    s = a.series["narrow"].set_index("year")
    assert s.loc[2024, "spread"] == pytest.approx(4 * LINK_DRIFT)  # 4 years after 2020


def test_the_chart_draws_linked_figures_as_open_squares_on_a_dashed_line(tmp_path):
    import matplotlib

    matplotlib.use("Agg")
    from jxdigital import charts

    a = _linked(tmp_path, 6000)
    fig = charts.plot_indicator(a, "narrow")
    ax = fig.axes[0]
    squares = [ln for ln in ax.lines if ln.get_marker() == "s"]
    assert [list(ln.get_xdata()) for ln in squares] == [[2022, 2023, 2024]]
    assert squares[0].get_markerfacecolor() == "white"
    assert any(ln.get_linestyle() == "--" and list(ln.get_xdata())[:1] == [2020]
               for ln in ax.lines)  # from the base year on, dashed
    assert any("□为按其他口径增速推算的值" in t.get_text() for t in fig.texts)
    matplotlib.pyplot.close(fig)


def test_a_bound_from_before_the_base_year_is_not_counted_as_a_year_of_trend(jiangxi_final):
    r = jiangxi_final["ganfutong_registered_users"]
    # 800万 at 赣服通2.0's launch (October 2019) bounds end-2019 but is not fitted: one year
    # (2020) of trend, and the reason must not say "2 years … at least 2 years are needed"
    assert r.status_cn == "insufficient_data"
    assert "可用于趋势的仅有2020年；2019年为年内数推得的下限" in r.reason_zh
    assert "共2个年份" not in r.reason_zh
    assert "2019 is a bound from a part-year figure before the base year" in r.reason_en


def test_a_series_too_far_from_the_plans_definition_stays_out_and_the_reason_says_why(
        jiangxi_final):
    a = jiangxi_final
    r = a["electronic_info_manufacturing_revenue"]
    # 电子信息产业 (1.08万亿 2023, 1.16万亿 2024) is not linked: its scope widened in 2022
    assert r.status_cn == "insufficient_data" and r.evidence_grade == ""
    assert "另有口径不同的数据未衔接：全口径电子信息产业营业收入" in r.reason_zh
    assert "its scope appears to have widened" in r.reason_en
    assert "未衔接" in a["industrial_internet_platform_penetration"].reason_zh


def test_a_link_decided_for_a_shipped_plan_is_made_and_strict_unmakes_it(monkeypatch):
    from jxdigital.assessment import _inputs
    from jxdigital.catalog.reference import LinkDecision

    decided = (LinkDecision(plan_id="jiangxi-14th-fyp",
                            indicator_id="electronic_info_manufacturing_revenue",
                            series="jiangxi:electronic_info_industry_revenue",
                            decision="link"),)
    monkeypatch.setattr(_inputs, "link_decisions", lambda: decided)
    # the shipped figures are of another definition (comparable false); a user's own,
    # given as comparable, are linked: 约5000亿 in 2020, 1.08万亿 2023, 1.16万亿 2024
    mine = pd.DataFrame({"indicator_id": "electronic_info_industry_revenue",
                         "region": "jiangxi", "year": [2020, 2023, 2024],
                         "value": ["约5000", "10800", "11600"], "unit": "亿元",
                         "source_title": "工信厅"})
    r = assess(actuals=mine, today=TODAY)["electronic_info_manufacturing_revenue"]
    assert r.evidence_grade == "C" and "2020年口径比约0.81" in r.reason_zh  # 4070 / 5000
    s = assess(actuals=mine, today=TODAY, evidence="strict")
    assert s["electronic_info_manufacturing_revenue"].status_cn == "insufficient_data"


def test_a_linked_series_that_is_not_a_plan_row_keeps_its_figures(tmp_path):
    # linked to a catalogue series (not a row of this plan): the file's figures of it are
    # kept when the file is read for the plan, not dropped as "not this plan's"
    plan = plan_csv(tmp_path, ["narrow,规上营业收入,亿元,2020,4000,2025,6000,jiangxi,"
                               "jiangxi:electronic_info_industry_revenue"], "region", "linked")
    figs = tmp_path / "figs.csv"
    figs.write_text("indicator_id,region,year,value,unit,source_title\n"
                    + "".join(f"electronic_info_industry_revenue,jiangxi,{y},{v},亿元,公报\n"
                              for y, v in ((2020, 5000), (2023, 6300), (2024, 6900))),
                    encoding="utf-8")
    r = assess(plan, figs, today="2025-06-30")["narrow"]
    assert r.evidence_grade == "C" and r.latest_value == pytest.approx(6900 * 0.8)
