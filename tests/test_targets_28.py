"""Issue 28, items 1-4: target options that mean what P(met) means, a draft judged before it
is adopted (checks with hand-computed cases), bases from the final account, and the national
十五五 plan shipped."""

from __future__ import annotations

import math
import warnings

import pytest

import jxdigital
from _build import DRAFT_COLUMNS, csv_file, plan_csv
from jxdigital import load_plan
from jxdigital.assessment import ambition_of, review_draft, target_options
from jxdigital.errors import ArgumentError, PlanFormatError

TODAY = "2026-12-01"
DRAFT = DRAFT_COLUMNS  # a department's draft: the region fourth


@pytest.fixture(autouse=True)
def _quiet():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        yield


_FIGS = {"dv": "dv,jiangxi,亿元,7000,8354,10378,11200,12300,13500,14600",
         "sh": "sh,jiangxi,%,,5.5,5.9,6.3,6.6,7.0,7.4",
         "energy": "energy,jiangxi,吨标准煤/万元,0.60,0.58,0.56,0.55,0.53,0.52,0.50"}


def _figs(tmp_path, *ids):
    """A department's own file: seven years of a value added (dv), six of a share (sh), a
    falling intensity (energy)."""
    return csv_file(tmp_path / "figs.csv", [
        "indicator_id,region,unit,2019,2020,2021,2022,2023,2024,2025",
        *(_FIGS[i] for i in ids)])


@pytest.fixture
def figs(tmp_path):
    return _figs(tmp_path, "dv", "sh", "energy")


@pytest.fixture
def draft(tmp_path):
    return plan_csv(tmp_path, [
        "dv,数字经济增加值,亿元,jiangxi,2025,—,2030,—,",
        "sh,核心产业占比,%,jiangxi,2025,—,2030,—,",
        "energy,单位GDP能耗,吨标准煤/万元,jiangxi,2025,—,2030,—,decrease",
        "nohist,新指标,个,jiangxi,2025,—,2030,—,"], "direction", columns=DRAFT, name="draft.csv")


# ---------------------------------------------------------------- 1. options mean P(met)
def test_a_target_set_at_an_option_is_judged_with_its_probability(tmp_path, figs, draft):
    o = target_options(draft, actuals=figs, today=TODAY)
    v = o.to_frame().set_index(["key", "probability"])["value"]
    rows = [f"dv,数字经济增加值,亿元,jiangxi,2025,14600,2030,{v['dv', 0.75]:.6f}以上,",
            f"sh,核心产业占比,%,jiangxi,2025,7.4,2030,{v['sh', 0.9]:.6f}以上,",
            f"energy,单位GDP能耗,吨标准煤/万元,jiangxi,2025,0.50,2030,"
            f"不高于{v['energy', 0.5]:.6f},decrease"]
    a = jxdigital.assess(str(plan_csv(tmp_path, rows, "direction", columns=DRAFT, name="set.csv")),
                         actuals=str(figs), today=TODAY)
    assert a["dv"].p_met == pytest.approx(0.75, abs=0.005)
    assert a["sh"].p_met == pytest.approx(0.90, abs=0.005)
    assert a["energy"].p_met == pytest.approx(0.50, abs=0.005)


def test_options_are_ordered_possible_and_carry_their_growth(figs, draft):
    f = target_options(draft, actuals=figs, today=TODAY).to_frame().set_index(
        ["key", "probability"])
    # more certain, less ambitious: a rising value falls with p, a falling one rises
    assert f.loc[("dv", 0.5), "value"] > f.loc[("dv", 0.75), "value"] > \
        f.loc[("dv", 0.9), "value"]
    assert f.loc[("energy", 0.5), "value"] < f.loc[("energy", 0.9), "value"]
    assert (f.xs("sh", level="key")["value"] <= 100).all()
    # growth from the 2025 figure, by hand: (v / 14600)^(1/5) − 1, and points a year
    v = f.loc[("dv", 0.75), "value"]
    assert f.loc[("dv", 0.75), "cagr"] == pytest.approx((v / 14600) ** 0.2 - 1)
    assert f.loc[("dv", 0.75), "base_from"] == "published"
    s = f.loc[("sh", 0.5), "value"]
    assert f.loc[("sh", 0.5), "pp_per_year"] == pytest.approx((s - 7.4) / 5)
    assert f.loc[("dv", 0.5), "grade"] == "A"


def test_no_history_gets_no_number(figs, draft):
    f = target_options(draft, actuals=figs, today=TODAY).to_frame()
    row = f[f["key"] == "nohist"]
    assert set(row["status"]) == {"no_history"} and row["value"].isna().all()


def test_a_published_target_year_figure_is_the_option(tmp_path):
    figs = _figs(tmp_path, "dv")
    p = plan_csv(tmp_path, ["dv,数字经济增加值,亿元,jiangxi,2020,8354,2025,—"], columns=DRAFT,
                 name="d.csv")
    f = target_options(p, actuals=figs, today=TODAY).to_frame()
    assert set(f["status"]) == {"known"} and set(f["value"]) == {14600.0}


def test_pro_rata_paths_run_from_the_base_to_the_option(figs, draft):
    o = target_options(draft, actuals=figs, today=TODAY)
    path = o.paths()
    one = path[(path["key"] == "dv") & (path["probability"] == 0.75)]
    assert list(one["year"]) == list(range(2025, 2031))
    v = o.to_frame().set_index(["key", "probability"]).loc[("dv", 0.75), "value"]
    assert one["value"].iloc[0] == 14600 and one["value"].iloc[-1] == pytest.approx(v)


def test_bad_arguments_are_clean_errors(figs, draft, tmp_path):
    with pytest.raises(ArgumentError, match="not after the base year"):
        target_options(draft, actuals=figs, year=2024, today=TODAY)
    with pytest.raises(ArgumentError, match="probabilit"):
        target_options(draft, actuals=figs, probabilities=(0.5, 1.5), today=TODAY)
    with pytest.raises(PlanFormatError, match="within"):
        load_plan(plan_csv(tmp_path, [
            "sh,占比,%,jiangxi,2025,7,2030,120"], columns=DRAFT, name="bad.csv"))
    with pytest.raises(PlanFormatError, match="base_year"):
        load_plan(plan_csv(tmp_path, [
            "dv,增加值,亿元,jiangxi,2025,1,2024,2"], columns=DRAFT, name="back.csv"))


# ---------------------------------------------------------------- 2. the draft's checks
def test_ambition_classes_follow_p_met():
    assert [ambition_of(p) for p in (0.95, 0.9, 0.8, 0.6, 0.3, 0.1, math.nan)] == \
        ["safe", "safe", "moderate", "ambitious", "stretch", "out_of_reach", ""]


def test_a_share_that_contradicts_its_level_rows_is_flagged(tmp_path):
    # 5000 / 46000 = 10.8696 % of GDP, not 12 %
    p = plan_csv(tmp_path, [
        "gdp,地区生产总值,亿元,jiangxi,2025,36000,2030,46000",
        "core_digital_industry_value_added,核心产业增加值,亿元,jiangxi,2025,3000,2030,5000",
        "core_digital_industry_share_of_gdp,核心产业占比,%,jiangxi,2025,8.3,2030,12"],
        columns=DRAFT, name="ratio.csv")
    checks = review_draft(p, today=TODAY).checks_frame()
    ratio = checks[checks["code"] == "ratio"].iloc[0]
    assert ratio["key"] == "core_digital_industry_share_of_gdp"
    assert ratio["expected"] == pytest.approx(100 * 5000 / 46000)
    assert ratio["value"] == 12


def test_a_gdp_growth_target_counts_as_the_level_it_implies(tmp_path):
    # GDP 36000 growing 5 % a year: 36000·1.05^5 = 45945.5; 5000 / 45945.5 = 10.88 %
    p = plan_csv(tmp_path, [
        "gdp_growth,地区生产总值增速,%,jiangxi,2025,—,2030,5,cagr,gdp",
        "core_digital_industry_value_added,核心产业增加值,亿元,jiangxi,2025,3000,2030,5000,,",
        "core_digital_industry_share_of_gdp,核心产业占比,%,jiangxi,2025,8.3,2030,10.88,,"],
        "measure", "subject", columns=DRAFT, name="rate.csv")
    gdp = csv_file(tmp_path / "gdp.csv", ["indicator_id,region,unit,2023,2024,2025",
                                          "gdp,jiangxi,亿元,32000,34000,36000"])
    r = review_draft(p, actuals=gdp, today=TODAY)
    assert "ratio" not in set(r.checks_frame()["code"])  # consistent within 0.3 points
    p2 = plan_csv(tmp_path, [
        "gdp_growth,地区生产总值增速,%,jiangxi,2025,—,2030,5,cagr,gdp",
        "core_digital_industry_value_added,核心产业增加值,亿元,jiangxi,2025,3000,2030,5000,,",
        "core_digital_industry_share_of_gdp,核心产业占比,%,jiangxi,2025,8.3,2030,12,,"],
        "measure", "subject", columns=DRAFT, name="rate2.csv")
    c = review_draft(p2, actuals=gdp, today=TODAY).checks_frame()
    assert c[c["code"] == "ratio"]["expected"].iloc[0] == pytest.approx(
        100 * 5000 / (36000 * 1.05 ** 5))


def test_above_the_nation_below_the_national_target_is_flagged(tmp_path):
    p = plan_csv(tmp_path, [
        "core_digital_industry_share_of_gdp,核心产业占比,%,jiangxi,2025,8.3,2030,12,china"],
        "reference", columns=DRAFT, name="above.csv")
    c = review_draft(p, parent="china-15th-fyp", today=TODAY).checks_frame()
    row = c[c["code"] == "below_parent"].iloc[0]
    assert (row["value"], row["expected"], row["parent"]) == (12, 12.5, "china-15th-fyp")
    ok = plan_csv(tmp_path, [
        "core_digital_industry_share_of_gdp,核心产业占比,%,jiangxi,2025,8.3,2030,13,china"],
        "reference", columns=DRAFT, name="above_ok.csv")
    assert review_draft(ok, parent="china-15th-fyp", today=TODAY).checks_frame().empty


def test_faster_than_the_nation_with_a_slower_rate_is_flagged(tmp_path):
    # the parent's value added goes 100 → 161.051 in five years: 10 % a year
    parent = plan_csv(tmp_path, [
        "dv,数字经济增加值,亿元,china,2025,100,2030,161.051"], columns=DRAFT, name="nation.csv")
    p = plan_csv(tmp_path, [
        "dv_growth,数字经济增加值增速,%,jiangxi,2025,—,2030,8,cagr,china:dv,dv"],
        "measure", "reference", "subject", columns=DRAFT, name="faster.csv")
    c = review_draft(p, parent=parent, today=TODAY).checks_frame()
    row = c[c["code"] == "slower_than_parent"].iloc[0]
    assert row["value"] == pytest.approx(0.08) and row["expected"] == pytest.approx(0.10)


def test_a_stated_growth_that_does_not_reach_the_target_is_flagged(tmp_path, figs):
    # 100 → 150 in five years is 8.45 % a year, not the stated 10 %
    p = plan_csv(tmp_path, [
        "dv,数字经济增加值,亿元,jiangxi,2025,100,2030,150,10"],
        "stated_growth_text", columns=DRAFT, name="stated.csv")
    c = review_draft(p, today=TODAY).checks_frame()
    row = c[c["code"] == "stated_growth"].iloc[0]
    assert row["expected"] == pytest.approx(1.5 ** 0.2 - 1)


def test_p_met_ambition_and_growth_per_row(tmp_path):
    figs = _figs(tmp_path, "dv")
    p = plan_csv(tmp_path, [
        "dv,数字经济增加值,亿元,jiangxi,2025,14600,2030,20000"], columns=DRAFT, name="row.csv")
    r = review_draft(p, actuals=figs, today=TODAY).to_frame().iloc[0]
    assert r["ambition"] == ambition_of(r["p_met"]) != ""
    assert r["required_growth"] == pytest.approx((20000 / 14600) ** 0.2 - 1)
    # the record: 2020 → 2025 exact figures, 8354 → 14600 over five years
    assert r["record_growth"] == pytest.approx((14600 / 8354) ** 0.2 - 1)


# ---------------------------------------------------------------- 3. bases from the account
def test_a_continued_row_takes_its_base_from_the_final_account(tmp_path):
    p = plan_csv(tmp_path, [
        "base_stations_5g,5G基站,万个,jiangxi,2025,—,2030,20",
        "dev,数字经济增加值,亿元,jiangxi,2025,—,2030,24000"], columns=DRAFT, name="next.csv")
    account = jxdigital.assess("jiangxi-14th-fyp", today=TODAY)["base_stations_5g"]
    r = review_draft(p, continues="jiangxi-14th-fyp",
                     mapping={"dev": "digital_economy_value_added"}, today=TODAY)
    f = r.to_frame().set_index("key")
    # no published 2025 figure: the nowcast, with its interval, said as such
    assert f.loc["base_stations_5g", "base_from"] == "nowcast"
    assert f.loc["base_stations_5g", "base_value"] == pytest.approx(account.projected)
    assert (f.loc["base_stations_5g", "base_low"], f.loc["base_stations_5g", "base_high"]) == \
        pytest.approx((account.lo_80, account.hi_80))
    assert f.loc["dev", "continues"] == "digital_economy_value_added"


def test_a_published_2025_figure_is_the_base(tmp_path):
    figs = csv_file(tmp_path / "f.csv", [
        "indicator_id,region,year,value,unit,source_title",
        "digital_economy_value_added,jiangxi,2025,16500,亿元,省统计局公报"])
    p = plan_csv(tmp_path, [
        "digital_economy_value_added,数字经济增加值,亿元,jiangxi,2025,—,2030,24000"],
        columns=DRAFT, name="next.csv")
    f = review_draft(p, actuals=figs, continues="jiangxi-14th-fyp", today=TODAY).to_frame()
    assert (f["base_from"].iloc[0], f["base_value"].iloc[0]) == ("account", 16500)
    assert f["required_growth"].iloc[0] == pytest.approx((24000 / 16500) ** 0.2 - 1)


# ---------------------------------------------------------------- 4. the national plan
def test_the_national_15th_plan_is_shipped_as_its_draft_prints_it():
    p = load_plan("china-15th-fyp")
    t = p["core_digital_industry_share_of_gdp"]
    assert (t.base_year, t.base_value, t.base_qualifier) == (2025, 10.5, "at_least")
    assert (t.target_year, t.target_value) == (2030, 12.5)
    assert "草案" in p.title_zh and "draft" in p.note
    o = target_options("china-15th-fyp", today=TODAY).to_frame()
    assert set(o["probability"]) == {0.5, 0.75, 0.9} and len(o) == 3
