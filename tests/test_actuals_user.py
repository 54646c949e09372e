"""Users' own actuals: layouts, number formats, selection, conflicts, and every bad input."""

import warnings

import pandas as pd
import pytest

from _build import plan_csv, text_file
from jxdigital import ActualsError, load_actuals, merge_actuals
from jxdigital.observations import conflicts, override_selection, parse_number


@pytest.mark.parametrize("text, value, qualifier", [
    ("10378", 10378, "exact"), ("10,378", 10378, "exact"), ("1.2万", 12000, "exact"),
    ("1.04万亿", 1.04e12, "exact"), ("35.0%", 35.0, "exact"), ("6万多", 60000, "lower_bound"),
    ("约4.2万", 42000, "approximate"), ("近5000万", 5e7, "upper_bound"),
    ("预计1500", 1500, "estimate"), ("超600", 600, "lower_bound"), ("突破10万", 1e5, "lower_bound"),
    ("3000左右", 3000, "approximate"), ("１２３", 123, "exact"), ("1.5亿", 1.5e8, "exact"),
    (8354, 8354, "exact"),
])
def test_chinese_number_formats(text, value, qualifier):
    n = parse_number(text)
    assert n.value == pytest.approx(value) and n.qualifier == qualifier


@pytest.mark.parametrize("bad", ["", "abc", "6万多多", "1.2.3", "万"])
def test_unreadable_numbers(bad):
    with pytest.raises(ValueError, match="expected a number"):
        parse_number(bad)


LONG = """indicator_id,year,value,unit,source_title,publisher,published
base_stations_5g,2021,6万多,,工作会议,江西省工业和信息化厅,2022-01-20
base_stations_5g,2022,62000,个,通信业运行情况,江西省通信管理局,2023-02-01
digital_economy_value_added,2021,1.04万亿,,新华社报道,新华社,2022-05-01
gigabit_broadband_users,2022,0.0125,亿户,通信业运行情况,江西省通信管理局,2023-02-01
"""


def test_units_are_converted_to_the_catalogue_unit(tmp_path):
    with pytest.warns(UserWarning, match="lower bound"):
        df = load_actuals(text_file(tmp_path, LONG)).set_index(["indicator_id", "year"])
    assert df.loc[("base_stations_5g", 2021), "value"] == pytest.approx(6.0)  # 6万多 → 6 万个
    assert df.loc[("base_stations_5g", 2021), "qualifier"] == "lower_bound"
    assert df.loc[("base_stations_5g", 2022), "value"] == pytest.approx(6.2)  # 62000 个
    assert df.loc[("digital_economy_value_added", 2021), "value"] == pytest.approx(10400)
    assert df.loc[("gigabit_broadband_users", 2022), "value"] == pytest.approx(125)  # 万户
    assert (df["unit"].loc["base_stations_5g"] == "万个").all()
    assert (df["origin"] == "mine.csv").all() and (df["source_type"] == "user").all()


def test_wide_layout_with_chinese_names_equals_long(tmp_path):
    wide = load_actuals(text_file(tmp_path, "指标名称,单位,2021年,2022年,2023年\n"
                                            "5G基站开通数(万个),万个,6,6.2,\n"
                                            "数字经济增加值,亿元,10378,—,\n", "wide.csv"))
    long = load_actuals(text_file(tmp_path, "indicator_id,year,value,unit\n"
                                            "base_stations_5g,2021,6,万个\n"
                                            "base_stations_5g,2022,6.2,万个\n"
                                            "digital_economy_value_added,2021,10378,亿元\n",
                                  "long.csv"))
    key = ["indicator_id", "year"]
    cols = ["indicator_id", "year", "value", "unit", "measure", "selected"]
    pd.testing.assert_frame_equal(wide[cols].sort_values(key).reset_index(drop=True),
                                  long[cols].sort_values(key).reset_index(drop=True))
    assert len(wide) == 3  # the empty 2023 cells and — stay missing: no rows invented


def test_csv_and_excel_give_the_same_frame(tmp_path):
    csv_path = text_file(tmp_path, LONG, "same.csv")
    xlsx = tmp_path / "same.xlsx"
    pd.read_csv(csv_path, dtype=str, keep_default_na=False).to_excel(xlsx, index=False)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        a, b = load_actuals(csv_path), load_actuals(xlsx)
    pd.testing.assert_frame_equal(a.drop(columns="origin"), b.drop(columns="origin"))


THREE = """indicator_id,year,value,unit,source_type,source_title,publisher,published,qualifier
base_stations_5g,2021,6,万个,news,江西日报报道,江西日报,2022-02-01,lower_bound
base_stations_5g,2021,4.2,万个,department_release,通信管理局通报,江西省通信管理局,2022-11-01,exact
base_stations_5g,2021,4.25,万个,statistical_bulletin,2021年统计公报,江西省统计局,2022-03-01,exact
base_stations_5g,2022,7.0,万个,news,报道甲,某报,2023-01-01,exact
base_stations_5g,2022,7.05,万个,news,报道乙,某报,2023-02-01,exact
"""


def _three(tmp_path, name="a.csv"):
    """THREE read: its sources disagree, and the reader says so (a warning)."""
    with pytest.warns(UserWarning, match="sources disagree"):
        return load_actuals(text_file(tmp_path, THREE, name))


def test_selection_rule_on_three_sources(tmp_path):
    df = _three(tmp_path)
    sel = df[df.selected].set_index("year")
    assert sel.loc[2021, "source_title"] == "2021年统计公报"  # bulletin > department > news
    assert sel.loc[2022, "source_title"] == "报道乙"  # same type: later publication wins
    assert df.groupby("year")["selected"].sum().tolist() == [1, 1]


def test_conflicts_list_disagreements_over_one_percent(tmp_path):
    c = conflicts(_three(tmp_path))
    assert set(c["year"]) == {2021}  # 7.0 vs 7.05 is 0.7 %: not a conflict
    assert len(c) == 3 and c["spread"].iloc[0] == pytest.approx(6 / 4.2 - 1)
    assert c["selected"].sum() == 1


def test_override_picks_another_source(tmp_path):
    df = override_selection(_three(tmp_path), "base_stations_5g", 2021, "通信管理局")
    assert df[df.selected & (df.year == 2021)]["value"].item() == pytest.approx(4.2)
    with pytest.raises(ValueError, match="matches 0"):
        override_selection(df, "base_stations_5g", 2021, "nope")


def test_the_users_value_wins_when_merged(tmp_path):
    shipped = _three(tmp_path, "shipped.csv")
    mine = load_actuals(text_file(tmp_path, "indicator_id,year,value,unit\n"
                                            "base_stations_5g,2021,5.1,万个\n", "mine.csv"))
    both = merge_actuals(shipped, mine)
    sel = both[both.selected & (both.year == 2021)]
    assert sel["value"].item() == pytest.approx(5.1) and sel["origin"].item() == "mine.csv"
    assert len(both) == 6 and set(both["origin"]) == {"shipped.csv", "mine.csv"}


def _problem(tmp_path, body, header="indicator_id,year,value,unit"):
    path = text_file(tmp_path, header + "\n" + body + "\n", "bad.csv")
    with pytest.raises(ActualsError) as e:
        load_actuals(path)
    (p,) = e.value.problems
    assert p.file == str(path) and str(path) in str(e.value)
    return p


def test_unknown_indicator_suggests_the_nearest(tmp_path):
    p = _problem(tmp_path, "base_station_5g,2021,6,万个")
    assert (p.row, p.column) == (2, "indicator_id") and "base_stations_5g" in p.expected


def test_unknown_chinese_name_suggests_the_nearest(tmp_path):
    p = _problem(tmp_path, "5G基站数,2021,6,万个", "indicator,year,value,unit")
    assert p.column == "indicator" and "5G基站开通数" in p.expected


def test_non_numeric_value(tmp_path):
    p = _problem(tmp_path, "base_stations_5g,2021,六万,万个")
    assert (p.column, p.value) == ("value", "六万")


def test_duplicate_indicator_year_without_distinguishing_source(tmp_path):
    p = _problem(tmp_path, "base_stations_5g,2021,6,万个\nbase_stations_5g,2021,6.1,万个")
    assert (p.row, p.column) == (3, "year") and "line 2" in p.expected


@pytest.mark.parametrize("row, column, expected", [
    ("base_stations_5g,1890,6,万个", "year", "1990"),  # year out of range
    ("base_stations_5g,2021,-6,万个", "value", ">= 0"),  # negative count
    ("core_digital_industry_share_of_gdp,2022,112,%", "value", "[0, 100]"),  # percent > 100
    ("base_stations_5g,2021,6,万户", "unit", "万个"),  # unit that does not convert
], ids=["year_out_of_range", "negative_count", "percent_above_100", "unit_not_convertible"])
def test_bad_value_year_or_unit(tmp_path, row, column, expected):
    p = _problem(tmp_path, row)
    assert p.column == column and expected in p.expected


def test_lenient_mode_keeps_good_rows_and_reports_bad_ones(tmp_path):
    path = text_file(tmp_path, "indicator_id,year,value,unit\nbase_stations_5g,2021,6,万个\n"
                               "base_stations_5g,2022,abc,万个\nnope,2022,1,个\n")
    with pytest.warns(UserWarning, match="2 rows"):
        df = load_actuals(path, strict=False)
    assert len(df) == 1 and df["value"].item() == 6
    assert df.attrs["problems"].to_frame()["row"].tolist() == [3, 4]


def test_a_users_plan_brings_its_own_indicators(tmp_path):
    plan = plan_csv(tmp_path, ["new_thing,新指标,个,2020,5,2025,10,china"], "region")
    df = load_actuals(text_file(tmp_path, "indicator_id,year,value\nnew_thing,2021,6\n"), plan=plan)
    assert df["region"].item() == "china" and df["unit"].item() == "个"
