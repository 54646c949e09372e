"""Users' own plan tables: read like the shipped one; every bad input named precisely."""

import math

import pandas as pd
import pytest

from _build import csv_file, plan_csv, plan_header, read_plan
from jxdigital import PlanFormatError, load_plan

GOOD = [
    "gigabit_users,千兆宽带用户数,万户,2020,640,2025,6000",
    "core_share,数字经济核心产业增加值占GDP比重,%,2020,7.8,2025,10",
    "new_dc_pue,新建大型数据中心PUE,,2020,—,2025,≤1.3",
]


def problem(path):
    with pytest.raises(PlanFormatError) as e:
        load_plan(path)
    return e.value, str(path)


def test_a_national_plan_from_csv(tmp_path):
    plan = read_plan(tmp_path, [r + ",china,预期性,—" for r in GOOD], "region", "attribute",
                     "stated_growth_text")
    assert plan.plan_id == "plan" and len(plan) == 3 and plan.region == "china"
    assert plan["gigabit_users"].indicator.region == "china"
    pue = plan["new_dc_pue"]
    assert (pue.comparator, pue.target_value, pue.indicator.direction) == ("at_most", 1.3,
                                                                           "decrease")
    assert pue.base_qualifier == "none" and math.isnan(pue.base_value)
    assert plan["core_share"].indicator.is_share
    # (6000 / 640) ** 0.2 - 1 = exp(2.23804 / 5) - 1 = exp(0.447608) - 1 = 0.5646
    assert plan.audit().set_index("indicator_id").loc[
        "gigabit_users", "implied_cagr"] == pytest.approx(0.5646, abs=1e-4)


def test_xlsx_reads_the_same_as_csv(tmp_path):
    csv_path = plan_csv(tmp_path, GOOD)
    xlsx = tmp_path / "plan.xlsx"
    pd.read_csv(csv_path, dtype=str, keep_default_na=False).to_excel(xlsx, index=False)
    a, b = load_plan(csv_path).to_frame(), load_plan(xlsx).to_frame()
    pd.testing.assert_frame_equal(a, b)


def test_the_shipped_table_reads_as_a_user_file(tmp_path):
    from jxdigital._data import data_path

    df = pd.read_csv(data_path("indicators.csv"), dtype=str, keep_default_na=False)
    path = tmp_path / "copy.csv"
    df[df.plan_id == "jiangxi-14th-fyp"].to_csv(path, index=False)
    with pytest.warns(UserWarning, match="also in the shipped catalogue"):
        mine = load_plan(path).to_frame()
    shipped = load_plan().to_frame()
    cols = ["indicator_id", "base_value", "target_value", "comparator", "stated_growth"]
    pd.testing.assert_frame_equal(mine[cols], shipped[cols])


def test_unparseable_target_names_file_line_id_column(tmp_path):
    err, path = problem(plan_csv(tmp_path, [GOOD[0], "core_share,比重,%,2020,7.8,2025,10以上以上"]))
    (p,) = err.problems
    assert (p.file, p.row, p.indicator_id, p.column, p.value) == (
        path, 3, "core_share", "target_text", "10以上以上")
    assert f"{path} line 3 (indicator 'core_share'), column 'target_text'" in str(err)
    assert "expected a number with an optional qualifier" in str(err)


def test_unknown_comparator_word(tmp_path):
    err, _ = problem(plan_csv(tmp_path, ["x,某指标,个,2020,1,2025,大约不到5"]))
    assert err.problems[0].column == "target_text"


def test_comparator_column_that_disagrees_with_the_text(tmp_path):
    err, _ = problem(plan_csv(tmp_path, ["x,某指标,个,2020,1,2025,5以上,around"], "comparator"))
    assert err.problems[0].column == "comparator" and "at_least" in str(err)
    err, _ = problem(plan_csv(tmp_path, ["x,某指标,个,2020,1,2025,5以上,roughly"], "comparator"))
    assert "one of" in str(err)


def test_base_year_not_before_target_year(tmp_path):
    err, _ = problem(plan_csv(tmp_path, ["x,某指标,个,2025,1,2025,5"]))
    p = err.problems[0]
    assert (p.column, p.row) == ("base_year", 2) and "before target_year 2025" in p.expected


def test_negative_level(tmp_path):
    err, _ = problem(plan_csv(tmp_path, ["x,某指标,亿元,2020,-5,2025,5"]))
    assert err.problems[0].column == "base_text" and ">= 0" in err.problems[0].expected


def test_percent_outside_0_100(tmp_path):
    err, _ = problem(plan_csv(tmp_path, ["x,覆盖率,%,2020,50,2025,120"]))
    assert err.problems[0].column == "target_text" and "[0, 100]" in err.problems[0].expected


def test_duplicate_ids(tmp_path):
    err, _ = problem(plan_csv(tmp_path, [GOOD[0], GOOD[0]]))
    p = err.problems[0]
    assert (p.row, p.column) == (3, "indicator_id") and "line 2" in p.expected


def test_missing_and_unknown_columns(tmp_path):
    err, _ = problem(csv_file(tmp_path / "plan.csv", [
        "indicator_id,name_zh,unit,base_year,base_text,target_txt", "x,某指标,个,2020,1,5"]))
    cols = {p.column for p in err.problems}
    assert cols == {"target_year", "target_text", "target_txt"}


def test_bad_year_bad_id_and_bad_attribute_all_reported_at_once(tmp_path):
    err, _ = problem(plan_csv(tmp_path, ["5g,某指标,个,20x0,1,2025,5,重要"], "attribute"))
    assert {p.column for p in err.problems} == {"indicator_id", "base_year", "attribute"}
    assert err.to_frame().shape[0] == 3


def test_base_needs_a_year_only_when_printed(tmp_path):
    plan = read_plan(tmp_path, ["x,某指标,个,,—,2025,5"])
    assert plan["x"].base_year is None
    err, _ = problem(plan_csv(tmp_path, ["x,某指标,个,,3,2025,5"]))
    assert err.problems[0].column == "base_year"


def test_share_flag_needs_percent_unit(tmp_path):
    err, _ = problem(plan_csv(tmp_path, ["x,某指标,个,2020,1,2025,5,true"], "is_share"))
    assert err.problems[0].column == "is_share"


def test_faster_than_needs_a_reference(tmp_path):
    err, _ = problem(plan_csv(tmp_path, ["x,增速,%,2020,—,2025,快于全国平均增速,growth_comparison"],
                              "measure"))
    assert err.problems[0].column == "reference"


def test_multi_plan_file_needs_which(tmp_path):
    rows = ["a,x,某指标,个,2020,1,2025,5", "b,x,某指标,个,2020,1,2025,6"]
    path = csv_file(tmp_path / "plan.csv", ["plan_id," + plan_header(), *rows])
    with pytest.raises(PlanFormatError, match="which= one of a, b"):
        load_plan(path)
    assert load_plan(path, which="b")["x"].target_value == 6
    with pytest.raises(PlanFormatError) as e:
        load_plan(csv_file(tmp_path / "plan.csv", ["plan_id," + plan_header(), rows[0],
                                                   "b,x,某指标,个,2020,1,2025,6以上以上"]),
                  which="b")
    assert e.value.problems[0].row == 3  # the line in the file, not in the selection


def test_other_file_types_and_missing_files(tmp_path):
    with pytest.raises(FileNotFoundError, match=r"nope\.csv"):
        load_plan(tmp_path / "nope.csv")
    (tmp_path / "plan.json").write_text("{}")
    with pytest.raises(PlanFormatError, match=r"a \.csv or \.xlsx file"):
        load_plan(tmp_path / "plan.json")
