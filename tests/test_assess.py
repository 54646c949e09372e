"""The assessment: hand-calculated measures, every comparator, status rule, as-of, shipped plan."""

from __future__ import annotations

import math
from functools import partial

import pandas as pd
import pytest

import jxdigital
from _build import REGIONAL, read_figures, read_plan
from jxdigital import load_plan
from jxdigital.api import assess as _assess
from jxdigital.api import assessment_history as _history
from jxdigital.assessment import (
    P_OFF_TRACK,
    P_ON_TRACK,
    STATUSES,
    status_cn,
)
from jxdigital.models import project

#: These tests judge 2020→2025 targets while the plan period runs (the final account has
#: tests of its own, in test_outcomes.py).
TODAY = "2023-06-30"


def assess(*args, today=TODAY, **kwargs):
    return _assess(*args, today=today, **kwargs)


def assessment_history(*args, today=TODAY, **kwargs):
    return _history(*args, today=today, **kwargs)


#: rows: (indicator_id, region, year, value[, published])
data_of = partial(read_figures, columns=(*REGIONAL, "published"), published="",
                  source="test source {indicator_id} {year}")


def test_measures_by_hand(tmp_path):
    plan = read_plan(tmp_path, ["sales,销售额,亿元,2020,100,2025,200以上,jiangxi"], "region")
    data = data_of(plan, [("sales", "jiangxi", 2020, 100), ("sales", "jiangxi", 2021, 120),
                          ("sales", "jiangxi", 2022, 144)])
    r = assess(plan, data)["sales"]
    assert r.latest_year == 2022 and r.latest_value == 144 and r.n_obs == 3
    assert r.actual_cagr == pytest.approx(0.20)  # (144/100)^(1/2) - 1
    assert r.required_cagr_plan == pytest.approx(2 ** 0.2 - 1)  # 0.1487
    assert r.growth_ratio == pytest.approx(0.20 / (2 ** 0.2 - 1))  # 1.345
    assert r.time_elapsed == pytest.approx(0.4)  # 2 of 5 years
    assert r.completion == pytest.approx(math.log(1.44) / math.log(2))  # 0.526, compound
    assert r.required_cagr_now == pytest.approx((200 / 144) ** (1 / 3) - 1)  # 0.1157
    assert r.gap_ratio == pytest.approx((144 * 1.2 ** 3 - 100) / 100)  # 1.488
    assert r.unsd_ratio == pytest.approx(r.gap_ratio) and r.un_class == "on_track"  # UNSD
    # Eurostat looks back five years from 2022 to 2017; the figures begin in 2020, two
    # years before the latest: under the three it needs, no Eurostat class
    assert r.eurostat_from == 2020 and math.isnan(r.eurostat_ratio)
    assert r.eurostat_class == ""
    p = project(pd.Series([100.0, 120.0, 144.0], index=[2020, 2021, 2022]), to=2025)
    assert r.p_met == pytest.approx(1 - p.cdf(200, 2025))
    assert r.projected == pytest.approx(p.point(2025))
    assert "2020—2022年年均增长20.0%" in r.reason_zh and "此后需年均增长11.6%" in r.reason_zh
    assert "growth of 20.0% a year" in r.reason_en


def test_shares_are_measured_in_points(tmp_path):
    plan = read_plan(tmp_path, ["core_share,核心产业占比,%,2020,6.5,2025,10以上,jiangxi"], "region")
    data = data_of(plan, [("core_share", "jiangxi", 2021, 7.0),
                          ("core_share", "jiangxi", 2022, 7.5)])
    r = assess(plan, data)["core_share"]
    assert r.years_used == "2020, 2021, 2022"  # the plan's baseline joins the actuals
    assert r.actual_pp_per_year == pytest.approx(0.5)
    assert r.required_pp_plan == pytest.approx(0.7)
    assert r.completion == pytest.approx(1.0 / 3.5)  # linear for points
    assert r.required_pp_now == pytest.approx(2.5 / 3)
    assert math.isnan(r.actual_cagr)
    assert 0 <= r.lo_80 <= r.hi_80 <= 100


def test_a_target_already_met_is_achieved(tmp_path):
    plan = read_plan(tmp_path, ["bs5g,5G基站,万个,2020,3.4,2025,10,jiangxi"], "region")
    data = data_of(plan, [("bs5g", "jiangxi", 2021, 6.0), ("bs5g", "jiangxi", 2022, 10.5)])
    r = assess(plan, data)["bs5g"]
    assert r.status == "achieved" and r.status_zh == "提前实现"
    assert "已达到10万个" in r.reason_zh


def test_more_than_is_strict(tmp_path):
    plan = read_plan(tmp_path, ["x,指标,个,2020,5,2025,>10,jiangxi"], "region")
    data = data_of(plan, [("x", "jiangxi", 2021, 8), ("x", "jiangxi", 2022, 10)])
    assert assess(plan, data)["x"].status != "achieved"


def test_a_series_moving_away_is_off_track(tmp_path):
    plan = read_plan(tmp_path, ["x,指标,亿元,2020,100,2025,300,jiangxi"], "region")
    data = data_of(plan, [("x", "jiangxi", 2021, 90), ("x", "jiangxi", 2022, 80),
                          ("x", "jiangxi", 2023, 72)])
    r = assess(plan, data, scheme="eurostat")["x"]
    assert r.status_cn == "off_track" and r.p_met < P_OFF_TRACK
    assert r.growth_ratio < 0 and r.status == "moving_away"
    assert "低于300亿元目标" in r.reason_zh


def test_an_uncertain_projection_is_at_risk(tmp_path):
    series = pd.Series([100.0, 112.0, 121.0, 137.0], index=[2020, 2021, 2022, 2023])
    median = project(series, to=2025).quantile(0.5, 2025)
    plan = read_plan(tmp_path, [f"x,指标,亿元,2020,100,2025,{median:.2f}以上,jiangxi"], "region")
    data = data_of(plan, [("x", "jiangxi", y, v) for y, v in series.items()])
    r = assess(plan, data)["x"]
    assert 0.4 < r.p_met < 0.6 and r.status == "at_risk" and r.status_zh == "存在风险"


def test_at_most_around_and_between(tmp_path):
    plan = read_plan(tmp_path, [
        "pue,新建数据中心PUE,,2020,1.6,2025,≤1.3,jiangxi",
        "retail,网上零售额,亿元,2020,1582,2025,3000左右,jiangxi",
        "hubs,枢纽,个,2020,1,2025,2-3,jiangxi",
    ], "region")
    data = data_of(plan, [("pue", "jiangxi", 2021, 1.5), ("pue", "jiangxi", 2022, 1.45),
                          ("retail", "jiangxi", 2021, 1800), ("retail", "jiangxi", 2022, 2000),
                          ("hubs", "jiangxi", 2021, 1), ("hubs", "jiangxi", 2022, 2)])
    a = assess(plan, data)
    ys = {"pue": [1.6, 1.5, 1.45], "retail": [1582, 1800, 2000], "hubs": [1, 1, 2]}
    projs = {k: project(pd.Series(v, index=[2020, 2021, 2022]), to=2025) for k, v in ys.items()}
    assert a["pue"].p_met == pytest.approx(projs["pue"].cdf(1.3, 2025))
    # 左右 (±5 % by default) and ranges on an indicator that should rise: met from the low
    # end of the band up (above it is 超额完成), one rule before and in the target year.
    lo = 3000 * 0.95
    assert a["retail"].p_met == pytest.approx(1 - projs["retail"].cdf(lo, 2025))
    assert (a["retail"].target_low_met, a["retail"].target_high_met) == (lo, math.inf)
    assert (a["retail"].band_low, a["retail"].band_high) == (lo, 3000 * 1.05)
    assert a["hubs"].status == "achieved"  # 2 in 2022 already reaches the range 2-3


def test_relative_to_national(tmp_path):
    plan = read_plan(tmp_path, ["nc,关键工序数控化率,%,2020,43.5,2025,超全国平均水平,jiangxi"],
                     "region")
    above = data_of(plan, [("nc", "jiangxi", 2021, 53.0), ("nc", "china", 2020, 52.1),
                           ("nc", "china", 2021, 51.3)])
    r = assess(plan, above)["nc"]
    assert r.status == "achieved" and r.reference_latest == 51.3
    below = data_of(plan, [("nc", "jiangxi", 2021, 45.0), ("nc", "jiangxi", 2022, 46.0),
                           ("nc", "china", 2020, 52.1), ("nc", "china", 2021, 55.3),
                           ("nc", "china", 2022, 58.6)])
    r = assess(plan, below)["nc"]
    assert r.p_met < 0.25 and r.status == "off_track" and "全国" in r.reason_zh
    none = data_of(plan, [("nc", "jiangxi", 2021, 53.0)])
    r = assess(plan, none)["nc"]
    assert r.status == "insufficient_data" and "缺少全国同口径数据" in r.reason_zh


def test_as_of_never_uses_later_data(tmp_path):
    plan = read_plan(tmp_path, ["x,指标,亿元,2020,100,2025,200,jiangxi"], "region")
    data = data_of(plan, [("x", "jiangxi", 2021, 110, "2022-01-20"),
                          ("x", "jiangxi", 2022, 125, "2023-01-18"),
                          ("x", "jiangxi", 2023, 250, "2024-01-18")])
    assert assess(plan, data, today="2024-06-30")["x"].status == "achieved"
    # a report made before the 2023 figure came out (2024-01-18) cannot use it (issue 27)
    early = assess(plan, data, today="2023-06-30")["x"]
    assert early.latest_year == 2022 and early.status != "achieved"
    r = assess(plan, data, as_of=2023)["x"]  # the 2023 figure came out in 2024
    assert r.latest_year == 2022 and r.latest_value == 125 and r.status != "achieved"
    r = assess(plan, data, as_of="2022-06-30")["x"]
    assert r.latest_year == 2021
    # Without publication dates a mid-year date still cannot see that year's figure.
    undated = data_of(plan, [("x", "jiangxi", 2021, 110), ("x", "jiangxi", 2022, 125),
                             ("x", "jiangxi", 2023, 250)])
    assert assess(plan, undated, as_of="2023-06-30")["x"].latest_year == 2022
    assert assess(plan, undated, as_of="2023-12-31")["x"].latest_year == 2023
    h = assessment_history(plan, data, years=range(2021, 2025)).set_index("as_of")
    assert h.loc["2021", "latest_year"] == 2020 and h.loc["2024", "status"] == "achieved"


def test_status_rule_thresholds():
    kw = {"numeric": True, "enough_data": True, "met_now": False}
    assert status_cn(p_met=P_ON_TRACK, **kw) == "on_track"
    assert status_cn(p_met=0.5, **kw) == "at_risk"
    assert status_cn(p_met=P_OFF_TRACK - 0.01, **kw) == "off_track"
    assert status_cn(numeric=False, enough_data=True, met_now=False, p_met=0.9) == \
        "not_assessable"
    assert status_cn(numeric=True, enough_data=False, met_now=False, p_met=0.9) == \
        "insufficient_data"


def test_shipped_plan_assesses_every_row_and_says_why():
    a = jxdigital.assess()
    f = a.to_frame()
    assert len(f) == 19 and set(f["status"]) <= set(STATUSES)
    assert (f["reason_zh"].str.len() > 10).all() and (f["reason_en"].str.len() > 10).all()
    lacking = f[f["status"] == "insufficient_data"]
    assert lacking["reason_zh"].str.contains("至少需要2个年份").all()
    de = a["digital_economy_value_added"]
    assert de.n_obs >= 3 and de.status in ("on_track", "at_risk", "off_track")
    # 2022 is only "突破1万亿" (>= 10000), below 2021's 10378: a bound that says nothing new
    assert de.latest_year == 2021 and de.latest_value == 10378 and not math.isnan(de.p_met)
    assert de.years_used == "2019, 2020, 2021"  # a pre-plan year helps the fit
    for col in ["plan_id", "indicator_id", "name_zh", "as_of", "latest_year", "latest_value",
                "completion", "time_elapsed", "actual_cagr", "required_cagr_plan",
                "growth_ratio", "projected", "lo_80", "hi_80", "p_met", "required_cagr_now",
                "status", "reason_zh", "reason_en"]:
        assert col in f.columns, col


def test_bad_arguments():
    with pytest.raises(ValueError, match="argument 'scheme'"):
        assess(scheme="sdg")
    with pytest.raises(ValueError, match="argument 'as_of'"):
        assess(as_of="last year")


def test_growth_rate_target_is_restated_as_a_level(tmp_path):
    """大数据产业年均复合增长率25%左右 (2022→2025) on a user's revenue series."""
    plan = load_plan("jiangxi-bigdata-2023-2025")
    data = data_of(plan, [("big_data_industry_revenue", "jiangxi", 2022, 100.0),
                          ("big_data_industry_revenue", "jiangxi", 2023, 130.0),
                          ("big_data_industry_revenue", "jiangxi", 2024, 160.0)])
    r = assess(plan, data)["big_data_industry_cagr"]
    # 左右 on a rate is ±0.5 points, read as a floor: 24.5 % a year for 3 years from 100.
    assert r.target_low_met == pytest.approx(100 * 1.245 ** 3)  # 192.97
    assert r.target_high_met == math.inf
    assert r.actual_cagr == pytest.approx(1.6 ** 0.5 - 1)  # 26.5 %
    assert r.required_cagr_plan == pytest.approx(0.25, abs=1e-9)
    assert r.unit == "亿元" and r.indicator_id == "big_data_industry_cagr"
    assert r.status in ("on_track", "at_risk", "off_track") and 0 < r.p_met < 1
    assert r.reason_zh.startswith("年均增长25%左右折合2025年193亿元以上（2022年为100亿元）")
    assert r.reason_en.startswith("Growth of about 25% a year from 2022 (10 billion yuan) means "
                                  "at least 19.3 billion yuan in 2025")
    # Without the base-year figure the rate cannot be turned into a level.
    r = assess(plan, data_of(plan, [("big_data_industry_revenue", "jiangxi", 2023, 130.0),
                                    ("big_data_industry_revenue", "jiangxi", 2024, 160.0)]))
    assert r["big_data_industry_cagr"].status == "insufficient_data"
    assert "大数据产业规模" in r["big_data_industry_cagr"].reason_zh  # named, not its id


FASTER = ("de_growth,数字经济增加值增速,%,2020,,2025,快于全省经济增速,jiangxi,"
          "jiangxi:gdp,digital_economy_value_added")


def faster_plan(tmp_path):
    return read_plan(tmp_path, [FASTER], "region", "reference", "subject", name="faster.csv")


def test_faster_than_decided_when_both_growths_are_known(tmp_path):
    plan = faster_plan(tmp_path)
    # figures of Jiangxi's real size (a hundred times smaller would be a slip of unit)
    rows = [("digital_economy_value_added", "jiangxi", 2020, 10000.0),
            ("gdp", "jiangxi", 2020, 25000.0), ("gdp", "jiangxi", 2025, 37500.0)]
    de25 = ("digital_economy_value_added", "jiangxi", 2025)
    r = assess(plan, data_of(plan, [*rows, (*de25, 16000.0)]))["de_growth"]
    assert r.status == "met" and r.p_met == 1.0 and r.final  # 1.60 > 1.50
    assert r.actual_cagr == pytest.approx(1.6 ** 0.2 - 1)
    assert r.reference_cagr == pytest.approx(1.5 ** 0.2 - 1)
    r = assess(plan, data_of(plan, [*rows, (*de25, 14000.0)]))["de_growth"]
    assert r.status == "missed" and r.p_met == 0.0 and "未快于" in r.reason_zh


def test_faster_than_projected_and_missing(tmp_path):
    plan = faster_plan(tmp_path)
    de = [("digital_economy_value_added", "jiangxi", y, 10000.0 * 1.15 ** (y - 2020))
          for y in range(2020, 2024)]
    gdp = [("gdp", "jiangxi", y, 25000.0 * 1.05 ** (y - 2020)) for y in range(2020, 2024)]
    r = assess(plan, data_of(plan, de + gdp))["de_growth"]
    # 15 % against 5 % a year, steady: far more likely faster than not.
    assert r.status == "on_track" and r.p_met > 0.9
    assert r.projected > r.reference_projected
    assert r.latest_value == pytest.approx(15.0) and r.unit == "%"  # growth so far, in %
    assert "数字经济增加值2020—2023年年均增长15.0%" in r.reason_zh
    # The shipped plan: there is no national digital-economy value added of the same
    # definition, and the reason says which years each side has.
    nat = assess("jiangxi-14th-fyp-text")["digital_economy_growth_vs_national"]
    assert nat.status == "insufficient_data" and "全国数字经济增加值无" in nat.reason_zh


def test_english_band_keeps_units_on_both_ends(tmp_path):
    plan = read_plan(tmp_path, ["x,规模,亿元,2020,100,2025,300—400,jiangxi"], "region")
    data = data_of(plan, [("x", "jiangxi", 2020, 100.0), ("x", "jiangxi", 2021, 120.0),
                          ("x", "jiangxi", 2022, 140.0)])
    en = assess(plan, data)["x"].reason_en
    assert "30 billion yuan–40 billion yuan" in en


def test_text_plan_targets_read_in_english():
    """The text plan's word targets (倍增, 全覆盖, 快于…增速, 2-3, 不高于1.3) in English."""
    from jxdigital.present._text import target_label

    a = {r.indicator_id: r for r in jxdigital.assess("jiangxi-14th-fyp-text")}

    def en(iid):
        r = a[iid]
        return target_label(r.comparator, r.target_text, r.target_value, r.target_high,
                             r.reference, "en")

    assert en("digital_economy_value_added") == "double (16,708)"  # 8354 × 2
    assert en("township_5g_coverage") == "all (100)"
    assert en("digital_economy_growth_vs_national") == "faster than national growth"
    assert en("digital_economy_growth_vs_provincial_gdp") == "faster than Jiangxi's GDP growth"
    assert en("new_data_center_pue") == "≤ 1.3"
    assert en("benchmark_smart_cities") == "2–3"
    assert target_label("at_least", "10以上", 10.0, lang="zh") == "10以上"  # Chinese: as printed


def test_english_numbers_carry_english_units():
    """No Chinese unit is left in English text: 万家 3 → 30,000 firms; 1.5 亿页 → 150 million
    pages; classifiers that name nothing (个) give a bare number."""
    from jxdigital.present._text import unit_en, value

    assert value(3, "万家", "en") == "30,000 firms"
    assert value(1.5, "亿页", "en") == "150 million pages"
    assert value(6, "万个", "en") == "60,000"
    assert value(34790, "Gpbs", "en") == "34,790 Gbps"  # the plan's typo, read as Gbps
    assert value(12, "所", "en") == "12 institutions"
    assert unit_en("万台/套") == "× 10,000 units" and unit_en("个") == "count"
    assert value(3, "万家") == "3万家"  # Chinese unchanged
