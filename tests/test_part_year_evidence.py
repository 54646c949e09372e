"""Issue 26: every figure drawn is used or explained — part-year levels of series that can
fall, part-year counts of yearly flows, and the bases a plan prints for the series its
growth targets rest on."""

from __future__ import annotations

import math

import pytest

from _build import REGIONAL, figures_frame, read_plan
from jxdigital import load_actuals
from jxdigital.api import assess
from jxdigital.observations import actuals, level_spread

TODAY = "2026-12-01"
pytestmark = pytest.mark.filterwarnings("ignore::UserWarning")


#: a figure: (indicator_id, region, year, value, as_of, measure)
FIGURE = (*REGIONAL, "as_of", "measure")


# ---------------------------------------------------------------- 1. part-year levels
def test_the_national_ipv6_target_is_judged_from_its_2025_count(national_final):
    """8.34亿 in June 2025 (the shipped 国家IPv6发展监测平台 figure) grown for the rest of
    the year at its pace since the 2022 year-end (7.28亿): the verdict rests on it."""
    r = national_final["ipv6_active_users"]
    # pace = ln(8.34/7.28)/2.5 a year; half a year to go: 8.34·exp(0.5·pace) = 8.57
    pace = math.log(8.34 / 7.28) / 2.5
    assert r.latest_year == 2025
    assert r.latest_value == pytest.approx(8.34 * math.exp(0.5 * pace), rel=1e-3)
    assert "2025年6月为8.34亿户" in r.reason_zh and "8.57亿户" in r.reason_zh
    assert "8.34" in r.reason_en or "834 million" in r.reason_en
    # the 80 % interval lies within the range the 2025 estimate allows, and P(met) is
    # conditioned on it: far from the 71 % a projection from 2022 gave
    assert 7.0 < r.lo_80 < 8.57 < r.hi_80 < 10.0
    assert r.p_met > 0.75


def test_the_spread_of_year_ends_around_part_year_guesses_is_learned_from_shipped_pairs():
    from jxdigital.catalog.reference import flow_ids
    s = level_spread(actuals(), set(flow_ids()))
    assert s is not None and s.pairs >= 10
    # pairs from the national 5G, gigabit and IPv6 releases (both a mid-year and a year-end)
    assert {"china:ipv6_active_users", "china:base_stations_5g"} <= set(s.series)
    assert 0.05 < s.spread < 0.25  # a band, not a point and not a guess of anything


def test_a_user_share_that_falls_within_the_year_is_read_from_its_mid_year_level(tmp_path):
    plan = read_plan(tmp_path, ["active_share,活跃用户占比,%,2020,40,2025,60,jiangxi"], "region")
    rows = [("active_share", "jiangxi", y, v, "", "share_pct")
            for y, v in ((2020, 40), (2021, 46), (2022, 51), (2023, 55), (2024, 58))]
    before = assess(plan, figures_frame(rows, FIGURE), today=TODAY)["active_share"]
    rows.append(("active_share", "jiangxi", 2025, 48, "2025-06", "share_pct"))  # it fell
    after = assess(plan, figures_frame(rows, FIGURE), today=TODAY)["active_share"]
    assert before.p_met > 0.25
    # 48 at mid-2025, falling at its pace since 2024 (58): 48·exp(0.5·ln(48/58)) = 43.6;
    # ±13 % of it stays below 60: settled as missed, and the reason says from what
    assert after.status == "missed" and after.p_met == 0.0
    assert "2025年6月为48%" in after.reason_zh


def test_a_part_year_figure_of_unknown_kind_is_not_read_as_a_level(tmp_path):
    """产值 1—6月 may be a total over half a year: an indicator not known to be a level is
    left unused, never turned into a year-end."""
    plan = read_plan(tmp_path, ["output_a,产值A,亿元,2020,100,2025,200,jiangxi"], "region")
    rows = [("output_a", "jiangxi", 2024, 150, "2024-06-30", "level")]
    r = assess(plan, figures_frame(rows, FIGURE), today=TODAY)["output_a"]
    assert r.status == "insufficient_data" and r.years_used == "2020"


# ---------------------------------------------------------------- 2. part-year flows
def test_a_yearly_flow_target_is_met_once_its_part_year_count_exceeds_it(tmp_path):
    """江西2020年政府工作报告: 2020年建成2万个5G基站; 1—8月已新增20842个 (shipped row,
    省工信厅口径): a count added within a year only adds up, so the year is met."""
    plan = read_plan(tmp_path, ["base_stations_5g,新建5G基站,个,,,2020,20000,jiangxi,"
                                "annual_flow"], "region", "measure")
    r = assess(plan, today=TODAY)["base_stations_5g"]
    assert r.status == "met" and r.final
    assert r.latest_value == 20842 and r.latest_qualifier == "lower_bound"
    assert "1—8月累计" in r.reason_zh and "尚未公布" not in r.reason_zh
    assert "January–August" in r.reason_en


def test_a_part_year_total_bounds_its_year_and_is_never_read_as_a_level(national_final):
    """软件业务收入 1—5月 5.58万亿元 (2025): a lower bound on the 2025 total, not a fall."""
    from jxdigital.assessment._evidence import gather
    d, _ = gather(actuals())
    rows = d[(d["indicator_id"] == "software_it_services_revenue") & (d["region"] == "china")
             & (d["year"] == 2025)]
    assert len(rows) == 1 and rows["qualifier"].iloc[0] == "lower_bound"
    assert rows["value"].iloc[0] == 55788 and rows["part_as_of"].iloc[0] == "2025-05"
    a = national_final
    r = a["software_it_services_revenue"]
    # below the 2024 level it says nothing new: not among the figures judged, no fall
    used = a.series["software_it_services_revenue"]
    assert 2025 not in set(used["year"]) and r.latest_year == 2024
    assert r.lo_80 >= 13.73 * 0.9


# ---------------------------------------------------------------- 4. printed bases
BASES = ("region", "measure", "subject", "reference")  # after the plan columns


def test_a_growth_target_reads_the_base_its_plan_prints_for_the_series(tmp_path):
    plan = read_plan(tmp_path, [
        "bigdata_rev,大数据产业规模,亿元,2020,1000,2025,3000,jiangxi,level,,",
        "bigdata_cagr,大数据产业年均增长,%,2020,,2025,25左右,jiangxi,cagr,bigdata_rev,"], *BASES)
    rows = [("bigdata_rev", "jiangxi", y, v, "", "level")
            for y, v in ((2021, 1250), (2022, 1560), (2023, 1950))]
    a = assess(plan, load_actuals(figures_frame(rows, FIGURE), plan=plan), today=TODAY)
    level, rate = a["bigdata_rev"], a["bigdata_cagr"]
    assert level.status != "insufficient_data"
    assert rate.status != "insufficient_data"
    assert "含2020年基期值" not in rate.reason_zh
    # judged as the level it implies from the printed 1000: 25%左右 counts from its band's
    # low end, so at most 1000·1.25^5 = 3051.8 and above 1000·1.2^5 = 2488.3
    assert 1000 * 1.2 ** 5 < rate.target_value <= 1000 * 1.25 ** 5
    assert not math.isnan(rate.p_met)


def test_a_growth_comparison_reads_the_printed_base_of_its_subject(tmp_path):
    plan = read_plan(tmp_path, [
        "de_va,数字经济增加值,亿元,2020,8000,2025,16000,jiangxi,level,,",
        "de_faster,数字经济增速,%,2020,,2025,快于全省经济增速,jiangxi,growth_comparison,"
        "de_va,jiangxi:gdp"], *BASES)
    rows = [("de_va", "jiangxi", y, v, "", "level")
            for y, v in ((2021, 9000), (2022, 10000), (2023, 11000))]
    # merged with the shipped GDP
    r = assess(plan, figures_frame(rows, FIGURE), today=TODAY)["de_faster"]
    assert r.status != "insufficient_data", r.reason_zh
    assert r.p_met > 0.75  # about 11 % a year against the province's GDP (about 5 %)


# ---------------------------------------------------------------- 5. possible ranges
def test_a_count_of_people_is_never_projected_above_the_population(tmp_path):
    """Jiangxi's population (第七次全国人口普查, 4518.8635万; data/populations.csv) caps
    its real-name government-service users: a target above it cannot be met, and no
    interval goes beyond it."""
    plan = read_plan(tmp_path, ["online_gov_service_real_name_users,实名用户,万,2020,"
                                "1000,2025,5000,jiangxi"], "region")
    rows = [("online_gov_service_real_name_users", "jiangxi", y, v, "", "level")
            for y, v in ((2020, 1000), (2021, 1800), (2022, 3000))]
    r = assess(plan, figures_frame(rows, FIGURE), today=TODAY)["online_gov_service_real_name_users"]
    assert r.hi_80 <= 4518.8635 + 1e-6 and r.projected <= 4518.8635 + 1e-6
    assert r.p_met == 0.0  # 5000万 is more people than live in Jiangxi


@pytest.mark.parametrize("plan_id", ["china-14th-fyp-digital", "jiangxi-14th-fyp",
                                     "jiangxi-14th-fyp-text", "jiangxi-bigdata-2017"])
@pytest.mark.parametrize("as_of", [2022, 2023, 2024, None])
def test_no_shipped_interval_leaves_its_possible_range(final, plan_id, as_of):
    from jxdigital.catalog._load import counts_people, populations
    a = final(plan_id) if as_of is None else assess(plan_id, as_of=as_of, today=TODAY)
    f = a.to_frame()
    for r in f.itertuples():
        if r.lo_80 != r.lo_80:  # no projection
            continue
        assert r.lo_80 <= r.projected <= r.hi_80, r.indicator_id
        if r.is_share:
            assert r.lo_80 >= 0 and r.hi_80 <= 100, r.indicator_id
        else:
            assert r.lo_80 >= 0, r.indicator_id
        t = next(t for t in a.plan if t.indicator_id == r.indicator_id)
        people = counts_people(r.indicator_id, t.indicator.region)
        if people:
            cap = populations()[t.indicator.region] / t.indicator.unit_scale
            assert r.hi_80 <= cap + 1e-9, (r.indicator_id, r.hi_80, cap)
        p = a.projections.get(r.indicator_id)
        if p is not None and people:
            q = p.quantiles([0.975], r.target_year)
            assert q[0] <= cap + 1e-9


def test_a_statement_early_in_a_year_is_not_read_as_that_years_end():
    """"5G覆盖87%的行政村" said in March 2022 restates the end-2021 figure (the January
    2022 work conference's 87%): it lies before the months the band was learned from
    (May at the earliest), so it does not become an end-2022 estimate."""
    from jxdigital.catalog.reference import flow_ids
    assert level_spread(actuals(), set(flow_ids())).first_month >= 5
    r = assess("jiangxi-14th-fyp-text", today=TODAY)
    row = r.to_frame().set_index("indicator_id").loc["village_5g_share"]
    assert row["status"] == "insufficient_data" and row["years_used"] == "2021"


def test_a_count_of_accounts_is_not_capped_at_the_population():
    """Jiangxi's IPv6活跃用户数 counts accounts (万户: 4024万 in 2020 against 4519万
    residents, a 5000万 target): no population cap, unlike the national count of people."""
    from jxdigital.catalog._load import counts_people
    assert counts_people("ipv6_active_users", "china")
    assert not counts_people("ipv6_active_users", "jiangxi")


# ---------------------------------------------------------------- 3. what a chart draws
def test_a_part_year_total_is_drawn_labelled_as_the_year_so_far(national_final):
    """软件业务收入 1—5月 5.58万亿元 beside a 13.73万亿 2024 level: labelled as what it is,
    never as a bare date that reads as a level of the series."""
    from jxdigital.present.view import view
    a = national_final
    zh = view(a, "zh").chart("software_it_services_revenue")
    en = view(a, "en").chart("software_it_services_revenue")
    assert [n.text for n in zh.part_year_notes] == ["2025年1—5月累计"]
    assert [n.text for n in en.part_year_notes] == ["2025, months 1–5 total"]
    assert len(zh.part_year) == 1  # the latest of the year only (not also 1—3月)


def test_a_chart_shows_the_projection_the_tables_show(national_final):
    """IPv6 2025 is known only as an estimate from June's count: the chart's projection label
    and the end of its fan are the record's conditioned median and 80 % interval."""
    from jxdigital.present.view import view
    a = national_final
    r = a["ipv6_active_users"]
    c = view(a, "zh").chart("ipv6_active_users")
    assert c.last.text.startswith("2025: 约")
    assert f"{r.projected:.3g}" in c.fan.label
    lo80 = next(b for b in c.fan.bands if b[0] == 80)
    assert lo80[1][-1] == pytest.approx(r.lo_80) and lo80[2][-1] == pytest.approx(r.hi_80)
    assert "部分年末值据当年年内数据推算" in c.footer.replace("\n", "")
    assert "部分年末值据当年年内数据推算" in c.footer_slide.replace("\n", "")
