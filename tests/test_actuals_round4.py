"""Round 4 leads (data/NOTES_actuals_round4.md): the broader 电子信息产业 series kept apart from the
plan's 规上电子信息制造业 row, and the national 关键工序数控化率 figure added with its scope."""

import pandas as pd
import pytest

import jxdigital
from jxdigital.catalog import indicator_registry

BROAD = "electronic_info_industry_revenue"  # 全口径 电子信息产业营业收入 (series.csv)
PLAN_ROW = "electronic_info_manufacturing_revenue"  # 规上电子信息制造业营业收入, 2020 base 4070
CNNB = "http://daily.cnnb.com.cn/nbrb/html/2022-07/27/content_1328048.htm?div=-1"


@pytest.fixture(scope="module")
def actuals() -> pd.DataFrame:
    return jxdigital.actuals()


def test_the_broad_series_is_its_own_indicator_in_yuan_hundred_millions():
    reg = indicator_registry().set_index("indicator_id")
    assert reg.loc[BROAD, "defined_in"] == "series.csv"
    assert reg.loc[BROAD, "unit"] == "亿元" and not reg.loc[BROAD, "is_share"]
    assert reg.loc[PLAN_ROW, "defined_in"] == "jiangxi-14th-fyp"


def test_the_broad_series_loads_in_its_own_unit_with_the_printed_figures(actuals):
    broad = actuals[(actuals.indicator_id == BROAD) & (actuals.region == "jiangxi")
                    & (actuals.measure == "level")]
    assert (broad["unit"] == "亿元").all()
    year_end = broad[broad["as_of"] == ""]
    got = {(int(r.year), r.value, r.qualifier) for r in year_end.itertuples()}
    # "去年突破万亿元大关" (2023-04), "营收达到1.08万亿元" (叶建春),
    # "实现营业收入1.16万亿元" (应炯), "如今过5000亿元" (2021-01 press conference: 2020)
    for golden in [(2022, 10000.0, "lower_bound"), (2023, 10800.0, "exact"),
                   (2024, 11600.0, "exact"), (2020, 5000.0, "lower_bound")]:
        assert golden in got, golden
    printed = year_end[year_end["year"] == 2024].iloc[0]
    assert (printed["value_published"], printed["unit_published"]) == (1.16, "万亿元")


def test_the_broad_series_is_never_selected_for_the_plan_row(actuals):
    plan_row = actuals[(actuals.indicator_id == PLAN_ROW) & (actuals.region == "jiangxi")]
    chosen = plan_row[plan_row["selected"]]
    assert 4070.0 in set(chosen["value"])  # the plan's own 2020 base
    broad_levels = set(actuals.loc[(actuals.indicator_id == BROAD)
                                   & (actuals.measure == "level"), "value"])
    assert not set(chosen["value"]) & broad_levels
    # no 全口径 figure was filed under the plan row's id
    assert not plan_row["scope_note"].str.contains("全口径").any()


def test_the_added_national_nc_rate_carries_its_population_and_quote(actuals):
    row = actuals[actuals["source_url"] == CNNB]
    assert len(row) == 1
    r = row.iloc[0]
    assert (r.indicator_id, r.region, r.year, r.value) == ("equipment_nc_rate", "china", 2021, 55.3)
    assert r.as_of == "" and r.qualifier == "exact" and r.checked
    assert "重点工业企业" in r.scope_note and "装备数控化率" in r.scope_note
    assert "2021年分别达到55.3%和74.7%" in r.note


def test_national_2021_nc_rates_all_say_which_enterprises_they_count(actuals):
    nc = actuals[(actuals.indicator_id == "equipment_nc_rate") & (actuals.region == "china")
                 & (actuals.year == 2021)]
    assert sorted(nc["value"]) == [51.3, 54.6, 55.3, 55.3]
    assert (nc["scope_note"].str.contains("工业企业")).all()
    assert nc.loc[nc["selected"], "value"].tolist() == [55.3]
