"""The final account: targets whose year has passed are met, missed or nowcast, every state
of a plan gets a status and a reason, and every output says when it was made."""

from __future__ import annotations

import itertools
import json
import math
import re

import pandas as pd
import pytest

import jxdigital
from _build import read_figures, read_plan
from jxdigital.api import assess, assessment_history
from jxdigital.assessment import STATUSES
from jxdigital.models import project

TODAY = "2026-12-01"  # the plan period 2021-2025 is over
# "超3.6", "6万多": the loader says it read a bound; these tests mean it
pytestmark = pytest.mark.filterwarnings("ignore:.*a lower bound:UserWarning")
COLUMNS = ("region", "reference", "subject")  # after the plan columns

RETAIL = "online_retail,网上零售额,亿元,2020,1582,2025,3000左右,jiangxi,,"


def retail(tmp_path, values: dict[int, object]):
    plan = read_plan(tmp_path, [RETAIL], *COLUMNS)
    data = read_figures(plan, [("online_retail", "jiangxi", y, v) for y, v in values.items()])
    return assess(plan, data, today=TODAY)["online_retail"]


# ---------------------------------------------------------------- the issue's own case
def test_a_target_year_figure_below_the_band_is_missed_with_its_margin(tmp_path):
    r = retail(tmp_path, {2021: 1800, 2022: 2000, 2023: 2200, 2024: 2400, 2025: 2500})
    assert r.status == "missed" and r.status_zh == "未完成" and r.final and r.p_met == 0.0
    # 2500 against 3000左右: (2500 - 3000) / 3000 = -16.7 %
    assert r.margin == pytest.approx(-1 / 6)
    assert r.reason_zh.startswith("2025年2500亿元，低于3000亿元左右的目标16.7%，未完成")
    assert r.reason_en.startswith("250 billion yuan in 2025, 16.7% below the target of about "
                                  "300 billion yuan: missed")
    # growth over the whole period, hand-computed: (2500/1582)^(1/5) - 1 = 9.58 %
    assert "2020—2025年年均增长9.6%" in r.reason_zh
    assert math.isnan(r.required_cagr_now)  # nothing is "needed" after the target year


def test_a_target_year_figure_above_the_band_is_met_and_exceeded(tmp_path):
    r = retail(tmp_path, {2021: 1800, 2022: 2000, 2023: 2200, 2024: 2400, 2025: 3200})
    assert r.status == "met" and r.status_zh == "完成" and r.final and r.p_met == 1.0
    assert r.exceeded and r.margin == pytest.approx(200 / 3000)
    assert "超额完成" in r.reason_zh and "(exceeded): met" in r.reason_en


def test_inside_the_band_is_met_without_exceeding(tmp_path):
    r = retail(tmp_path, {2024: 2400, 2025: 3100})  # 2850-3150
    assert r.status == "met" and not r.exceeded
    assert "在3000亿元左右的目标范围内，已完成" in r.reason_zh


def test_a_missing_target_year_figure_is_nowcast_in_the_past_tense(tmp_path):
    r = retail(tmp_path, {2021: 1800, 2022: 2000, 2023: 2200, 2024: 2400})
    assert r.phase == "nowcast" and not r.final
    assert r.status in ("on_track", "at_risk", "off_track")
    assert r.reason_zh.startswith("2025年数据尚未公布；最新为2024年2400亿元")
    assert "按2024年及以前的数据推算，2025年约" in r.reason_zh
    assert "此后需" not in r.reason_zh and "now needs" not in r.reason_en
    # the one remaining year needed 3000/2400 - 1 = 25.0 %
    assert "需2025年增长25.0%" in r.reason_zh
    assert "it needed 25.0% growth in 2025" in r.reason_en
    assert r.reason_en.startswith("The 2025 figure is not yet published")


def test_the_same_target_before_its_year_is_over_is_in_progress(tmp_path):
    plan = read_plan(tmp_path, [RETAIL], *COLUMNS)
    data = read_figures(plan, [("online_retail", "jiangxi", y, v)
                          for y, v in {2021: 1800, 2022: 2000, 2023: 2200}.items()])
    r = assess(plan, data, today="2024-06-30")["online_retail"]
    assert r.phase == "in_progress" and "此后需年均增长" in r.reason_zh
    assert r.review_date == r.generated == "2024-06-30"


# ---------------------------------------------------------------- bounds
@pytest.mark.filterwarnings("ignore:.*read as lower bounds:UserWarning")  # bounds on purpose
def test_a_bound_settles_an_outcome_only_when_it_decides(tmp_path):
    plan = read_plan(tmp_path, ["de,数字经济增加值,万亿元,2020,2.5,2025,3.5,jiangxi,,",
                                "bs,5G基站,万个,2020,3.4,2025,10,jiangxi,,"], *COLUMNS)
    data = read_figures(plan, [("de", "jiangxi", 2024, "3.3"), ("de", "jiangxi", 2025, "超3.6"),
                          ("bs", "jiangxi", 2021, "4.2"), ("bs", "jiangxi", 2023, "5.5"),
                          ("bs", "jiangxi", 2025, "6万多")])
    a = assess(plan, data, today=TODAY)
    assert a["de"].status == "met" and a["de"].final and a["de"].p_met == 1.0
    assert "2025年3.6万亿元以上，已高于3.5万亿元的目标，已完成" in a["de"].reason_zh
    bs = a["bs"]
    assert not bs.final and bs.phase == "nowcast"  # 6万多 neither meets nor misses 10万
    # P(met) is the projection's, given what the bound says: P(X >= 10 | X >= 6)
    p = project(pd.Series([3.4, 4.2, 5.5], index=[2020, 2021, 2023]), to=2025)
    expect = (1 - p.cdf(10, 2025)) / (1 - p.cdf(6, 2025))
    assert bs.p_met == pytest.approx(expect)
    assert "2025年6万个以上" in bs.reason_zh


def test_an_approximate_figure_at_the_threshold_does_not_settle(tmp_path):
    plan = read_plan(tmp_path, ["share,核心产业占比,%,2020,7.8,2025,10,china,,"], *COLUMNS)
    data = read_figures(plan, [("share", "china", 2023, "9.9"), ("share", "china", 2025, "10左右")])
    r = assess(plan, data, today=TODAY)["share"]
    assert not r.final and r.phase == "nowcast" and 0 < r.p_met < 1
    data = read_figures(plan, [("share", "china", 2023, "9.9"), ("share", "china", 2025, "约12")])
    assert assess(plan, data, today=TODAY)["share"].status == "met"


# ---------------------------------------------------------------- every state of a plan
LEVEL = "x,规模,亿元,2020,100,2025,{t},jiangxi,,"
STATES = {  # name: figures for x (base 100 from the plan), in years
    "no figures": {},
    "base only": {2020: 100},
    "before the target year": {2021: 110, 2022: 125, 2023: 140},
    "in the target year, meets": {2023: 150, 2025: 210},
    "in the target year, misses": {2023: 150, 2025: 160},
    "after the target year only": {2022: 120, 2023: 130, 2026: 200},
    "bounds only": {2022: "超110", 2025: "超150"},
    "a settling bound": {2023: 150, 2025: "超220"},
}
TARGETS = {"reach": "200", "at_least": "200以上", "more_than": ">200", "around": "200左右",
           "at_most": "≤300", "between": "180-220"}


@pytest.fixture(scope="module")
def judged_states(tmp_path_factory):
    """``judged(state, today, scheme)``: the assessment of one plan with a row per
    comparator of TARGETS (``x_reach``, ``x_at_least``, ...), each with the figures of
    ``state``; made once per state, day and scheme for the six comparators together, each
    row judged as it is alone (test_judge_batch.py: together gives what alone gives)."""
    folder = tmp_path_factory.mktemp("levels")
    plan = read_plan(folder, [LEVEL.replace("x,", f"x_{k},", 1).format(t=t)
                              for k, t in TARGETS.items()], *COLUMNS)
    done = {}

    def judged(state, today, scheme):
        if (state, today, scheme) not in done:
            rows = [(f"x_{k}", "jiangxi", y, v) for k in TARGETS
                    for y, v in STATES[state].items()]
            done[state, today, scheme] = assess(plan, read_figures(plan, rows) if rows else None,
                                                today=today, scheme=scheme)
        return done[state, today, scheme]

    return judged


@pytest.mark.filterwarnings("ignore:.*read as lower bounds:UserWarning")  # bounds on purpose
@pytest.mark.parametrize(("state", "target"), list(itertools.product(STATES, TARGETS)))
def test_every_state_of_a_level_target_gets_a_status_and_a_reason(judged_states, state,
                                                                  target):
    for today in ("2024-06-30", TODAY):
        for scheme in ("cn", "eurostat", "un"):
            r = judged_states(state, today, scheme)[f"x_{target}"]
            assert r.status_cn in STATUSES and len(r.reason_zh) > 10 and len(r.reason_en) > 10
            assert r.final == (r.status_cn in ("met", "missed"))
            if r.final:
                assert r.p_met in (0.0, 1.0) and r.phase == "final"
            if today == TODAY and not r.final:
                assert "2025年数据尚未公布" in r.reason_zh or \
                    ("2025年仅知" in r.reason_zh and "不足以判定" in r.reason_zh)


def test_the_target_year_figure_decides_every_comparator(tmp_path):
    rows = [("x", "jiangxi", 2023, 150)]
    cases = [("200", 210, "met"), ("200", 190, "missed"), (">200", 200, "missed"),
             (">200", 200.5, "met"), ("200以上", 200, "met"), ("≤300", 290, "met"),
             ("≤300", 310, "missed"), ("200左右", 191, "met"), ("200左右", 189, "missed"),
             ("180-220", 230, "met"), ("180-220", 170, "missed")]
    for target, value, expect in cases:
        plan = read_plan(tmp_path, [LEVEL.format(t=target)], *COLUMNS)
        r = assess(plan, read_figures(plan, [*rows, ("x", "jiangxi", 2025, value)]),
                   today=TODAY)["x"]
        assert r.status == expect, (target, value, r.status)


SHARE_REL = "nc,数控化率,%,2020,43.5,2025,超全国平均水平,jiangxi,china,"
REL_STATES = {
    "no national figures": [("nc", "jiangxi", 2022, 50)],
    "both before": [("nc", "jiangxi", 2022, 50), ("nc", "china", 2020, 52),
                    ("nc", "china", 2022, 55)],
    "own in the target year only": [("nc", "jiangxi", 2022, 50), ("nc", "jiangxi", 2025, 60),
                                    ("nc", "china", 2020, 52), ("nc", "china", 2022, 55)],
    "both in the target year, above": [("nc", "jiangxi", 2025, 62), ("nc", "china", 2020, 52),
                                       ("nc", "china", 2025, 60)],
    "both in the target year, below": [("nc", "jiangxi", 2025, 58), ("nc", "china", 2020, 52),
                                       ("nc", "china", 2025, 60)],
    "after the target year": [("nc", "jiangxi", 2022, 50), ("nc", "jiangxi", 2026, 60),
                              ("nc", "china", 2020, 52), ("nc", "china", 2026, 61)],
}


@pytest.mark.parametrize("state", REL_STATES)
def test_every_state_of_a_relative_target(tmp_path, state):
    plan = read_plan(tmp_path, [SHARE_REL], *COLUMNS)
    r = assess(plan, read_figures(plan, REL_STATES[state]), today=TODAY)["nc"]
    assert r.status_cn in STATUSES and len(r.reason_zh) > 10 and len(r.reason_en) > 10
    if state.endswith("above"):
        assert r.status == "met" and "已超全国平均水平，已完成" in r.reason_zh
    if state.endswith("below"):
        assert r.status == "missed" and "未完成" in r.reason_zh


FASTER = ("g,数字经济增加值增速,%,2020,,2025,快于全省经济增速,jiangxi,jiangxi:gdp,"
          "digital_economy_value_added")
DE, GDP = "digital_economy_value_added", "gdp"
# figures of Jiangxi's real size (digital economy about 10000亿元, GDP about 25000亿元):
# figures a hundred times smaller would be refused as a slip of unit against the shipped ones
FASTER_STATES = {
    "no figures": [],
    "bases only": [(DE, "jiangxi", 2020, 10000), (GDP, "jiangxi", 2020, 25000)],
    "before": [(DE, "jiangxi", y, 10000 * 1.15 ** (y - 2020)) for y in range(2020, 2024)]
    + [(GDP, "jiangxi", y, 25000 * 1.05 ** (y - 2020)) for y in range(2020, 2024)],
    "after the target year, none for it": [
        (DE, "jiangxi", 2020, 10000), (DE, "jiangxi", 2022, 12500), (DE, "jiangxi", 2026, 20000),
        (GDP, "jiangxi", 2020, 25000), (GDP, "jiangxi", 2022, 27500),
        (GDP, "jiangxi", 2026, 35000)],
    "one side in the target year": [
        (DE, "jiangxi", 2020, 10000), (DE, "jiangxi", 2022, 12500), (DE, "jiangxi", 2025, 17000),
        (GDP, "jiangxi", 2020, 25000), (GDP, "jiangxi", 2022, 27500)],
    "both in the target year": [(DE, "jiangxi", 2020, 10000), (DE, "jiangxi", 2025, 15000),
                                (GDP, "jiangxi", 2020, 25000), (GDP, "jiangxi", 2025, 40000)],
}


@pytest.mark.parametrize(("state", "scheme"), list(itertools.product(
    FASTER_STATES, ("cn", "eurostat", "un"))))
def test_every_state_of_a_growth_comparison(tmp_path, state, scheme):
    plan = read_plan(tmp_path, [FASTER], *COLUMNS)
    rows = FASTER_STATES[state]
    r = assess(plan, read_figures(plan, rows) if rows else None, today=TODAY, scheme=scheme)["g"]
    assert r.status_cn in STATUSES and len(r.reason_zh) > 10 and len(r.reason_en) > 10
    if state == "both in the target year":  # 1.5 against 1.6: slower, missed in any scheme
        assert r.status == "missed" and r.final and "未快于" in r.reason_zh
    if state == "before" and scheme == "eurostat":
        # 15 % against 5 % a year: growth ratio 3 → significant progress
        assert r.growth_ratio == pytest.approx(0.15 / 0.05)
        assert r.status == "significant_progress"
    if state == "before" and scheme == "un":
        assert r.status == "on_track" and r.un_class == "on_track"


RATE = ("big_data_cagr,大数据产业年均增长,%,2022,—,2025,25左右,jiangxi,,"
        "big_data_industry_revenue")


@pytest.mark.parametrize("values", [{}, {2022: 100}, {2022: 100, 2023: 130, 2024: 160},
                                    {2022: 100, 2024: 160, 2025: 200},
                                    {2022: 100, 2024: 150, 2025: 180},
                                    {2022: 100, 2023: 120, 2026: 250}])
def test_every_state_of_a_growth_rate_target(tmp_path, values):
    plan = read_plan(tmp_path, [RATE + ",cagr"], *COLUMNS, "measure", name="rate.csv")
    rows = [("big_data_industry_revenue", "jiangxi", y, v) for y, v in values.items()]
    for scheme in ("cn", "eurostat"):
        r = assess(plan, read_figures(plan, rows) if rows else None, today=TODAY,
                   scheme=scheme)["big_data_cagr"]
        assert r.status_cn in STATUSES and len(r.reason_zh) > 10
        if values.get(2025) == 200:  # 100 * 1.245^3 = 193.0: met
            assert r.status == "met" and r.reason_zh.startswith("年均增长25%左右折合2025年")
        if values.get(2025) == 180:
            assert r.status == "missed"


# ---------------------------------------------------------------- dates on everything
@pytest.fixture(scope="module")
def national(national_final):
    return national_final


def test_the_national_plan_has_known_outcomes(national):
    a = national
    assert a.finished and len(a) == 8
    gig = a["gigabit_broadband_users"]  # 2.38亿户 = 23800万户 against 6000万户
    assert gig.status == "met" and gig.final and gig.margin == pytest.approx(23800 / 6000 - 1)
    retail = a["online_retail_sales"]  # 159722亿元 = 15.9722万亿元 against 17万亿元
    assert retail.status == "missed" and retail.margin == pytest.approx(15.9722 / 17 - 1)
    assert "低于17万亿元的目标6.0%，未完成" in retail.reason_zh
    core = a["core_digital_industry_share_of_gdp"]  # 2026 政府工作报告: 2025 "10.5%以上" vs 10
    assert core.status == "met" and core.final and core.latest_qualifier == "lower_bound"
    acc = a.account()
    assert acc.counts() == {"met": 2, "missed": 1, "unknown": 5, "not_assessable": 0}
    f = acc.to_frame()
    assert set(f.loc[f["final"], "indicator_id"]) == {"gigabit_broadband_users",
                                                      "online_retail_sales",
                                                      "core_digital_industry_share_of_gdp"}


def test_the_retrospective_judges_each_year_with_what_was_published_then(national):
    r = national.account().retrospective()
    assert sorted(r["review_year"].unique()) == [2021, 2022, 2023, 2024, 2025, 2026]
    retail = r[r["indicator_id"] == "online_retail_sales"].set_index("review_year")
    # at the end of 2021 only the 2019 and 2020 figures were out (2021's came in Jan 2022)
    h = assessment_history("china-14th-fyp-digital", years=[2021], today=TODAY)
    assert h.set_index("indicator_id").loc["online_retail_sales", "latest_year"] == 2020
    assert retail.loc[2026, "status"] == "missed" and retail.loc[2026, "current"]
    assert not retail.loc[2021:2024, "status"].isin(["met", "missed"]).any()
    # at the end of 2025 the year's total was not out, but 1–10月 (12.79万亿) over the share
    # of the year ten months cover nationally (77.4–79.8 % in 2019–2024) is at most
    # 12.79 / 0.774 ≈ 16.5万亿 < 17万亿: missed, and the reason says how it was estimated
    assert retail.loc[2025, "status"] == "missed"
    h25 = assessment_history("china-14th-fyp-digital", years=[2025], today=TODAY)
    assert "据1—10月累计12.79万亿元推算" in \
        h25.set_index("indicator_id").loc["online_retail_sales", "reason_zh"]
    w = national.account().warnings().set_index("indicator_id")
    assert w.loc["online_retail_sales", "reviews"] == 4  # 2021–2024; 2025 already settled
    assert w.loc["online_retail_sales", "wrong"] == 0  # never said "on track"


@pytest.mark.slow
def test_every_output_states_its_dates(national, tmp_path):
    from jxdigital.report import to_excel, to_html, to_json, to_markdown

    a = national
    stamp = "生成于2026-12-01；所用数据最晚为2025年"
    md = to_markdown(a)
    assert md.startswith("# 《“十四五”数字经济发展规划》·主要指标：目标完成情况评估\n\n" + stamp)
    assert "## 回顾：各年评估与最终结果" in md
    counts = ("共8项目标：完成2项，未完成1项，尚不能确定5项（4项目标年数据尚未公布、已按已有数据"
              "推算达标概率，1项缺少可比数据）；结果已知的3项中完成2项，完成率66.7%。")
    assert md.count(counts) == 1  # the count, once: no second, differently worded count
    en = to_markdown(a, "en")
    assert "Generated 2026-12-01; latest figure used: 2025" in en
    # one colon in a title: the English plan title has its own, so a dash follows it
    assert en.startswith("# National 14th Five-Year Plan for the Digital Economy (Guofa [2021] "
                         "No. 29): main indicators — the final assessment\n")
    assert not re.search(r"[\u4e00-\u9fff]", en)
    assert stamp in to_html(a, charts={}, font_css="")
    doc = json.loads(to_json(a))
    assert doc["schema_version"] == 4 and doc["generated"] == "2026-12-01"
    assert doc["data_until"] == 2025 and doc["finished"] and doc["counts"]["zh"] == counts
    assert doc["account"]["counts"]["missed"] == 1
    assert {t["indicator_id"]: t["final"] for t in doc["targets"]}["online_retail_sales"]
    sheets = pd.read_excel(to_excel(a, tmp_path / "a.xlsx"), sheet_name=None)
    assert list(sheets)[:3] == ["说明", "概览", "回顾"]
    assert sheets["说明"]["说明"].iloc[1].startswith(stamp)


def test_charts_say_when_and_name_the_unpublished_years(jiangxi_final, national_final):
    import matplotlib.pyplot as plt

    from jxdigital import charts

    a = jiangxi_final
    fig = charts.plot_indicator(a, "digital_economy_value_added", lang="zh")
    texts = " ".join(t.get_text() for t in fig.findobj(plt.Text))
    assert "2022—2025年数据尚未公布" in texts  # past years, not "the future"
    assert "本项数据最晚为2021年" in texts and "生成于2026-12-01" in texts
    plt.close(fig)
    fig = charts.plot_retrospective(national_final)
    texts = " ".join(t.get_text() for t in fig.findobj(plt.Text))
    assert "全国网上零售额（未完成）" in texts and "千兆宽带用户数（完成）" in texts
    plt.close(fig)


def test_the_shipped_jiangxi_report_says_whether_each_outcome_is_known(jiangxi_final):
    from jxdigital.present.view import view

    a = jiangxi_final
    t = view(a).table.to_frame()
    assert set(t["结果"]) == {"尚不能确定"}  # no 2025 figure is published for any row
    assert a.account().counts()["unknown"] == 19


def test_today_defaults_to_the_machine_date_and_is_checked():
    import datetime as dt

    assert jxdigital.assess().generated == dt.date.today()
    with pytest.raises(ValueError, match="argument 'today'"):
        jxdigital.assess(today="yesterday")


@pytest.mark.slow
def test_cli_report_writes_the_account(tmp_path, capsys):
    from jxdigital.cli import main

    out = tmp_path / "rep"
    assert main(["report", "--plan", "china-14th-fyp-digital", "--today", TODAY, "--out",
                 str(out), "--no-deck", "--jobs", "1"]) == 0
    text = capsys.readouterr().out
    assert text.count("共8项目标：完成2项，未完成1项，尚不能确定5项") == 1
    assert (out / "charts" / "retrospective.png").stat().st_size > 10_000
    html = (out / "report.html").read_text("utf-8")
    assert "回顾：各年评估与最终结果" in html and "生成于2026-12-01" in html


def test_the_readme_shows_the_national_account(national_final):
    """The README's table is the one the library prints."""
    from pathlib import Path

    from jxdigital.present.view import view
    from jxdigital.report._markdown import markdown_table

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text("utf-8")
    v = view(national_final)
    table = v.table.select("indicator", "target", "latest", "p_met", "against", "status")
    assert markdown_table(table) in readme
    assert v.counts in readme
