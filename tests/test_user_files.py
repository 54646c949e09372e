"""Users' own files as they really come: encodings, Excel cells, dates, units, layouts.

Each case is one of the inputs that used to be misread silently, crash, or get an error that
did not help. Every figure here is typed by the test; golden values are hand-calculated.
"""

from __future__ import annotations

import datetime as dt
import warnings

import pytest

from _build import plan_csv, plan_header, text_file
from jxdigital import ActualsError, load_actuals, load_plan
from jxdigital.cli import Exit, main
from jxdigital.errors import PlanFormatError

openpyxl = pytest.importorskip("openpyxl")


def quiet_load(*args, **kwargs):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return load_actuals(*args, **kwargs)


def one(df, iid="base_stations_5g", year=2021):
    rows = df[(df["indicator_id"] == iid) & (df["year"] == year)]
    assert len(rows) == 1, rows
    return rows.iloc[0]


def problems(excinfo) -> str:
    return "\n".join(str(p) for p in excinfo.value.problems)


def xlsx(tmp_path, rows, name="mine.xlsx", formats=None, sheet="Sheet1", before=None):
    """A workbook whose first visible sheet is ``before`` (if given) and then ``rows``."""
    wb = openpyxl.Workbook()
    ws = wb.active
    if before is not None:
        ws.title = "说明"
        for r in before:
            ws.append(r)
        ws = wb.create_sheet(sheet)
    else:
        ws.title = sheet
    for r in rows:
        ws.append(r)
    for ref, fmt in (formats or {}).items():
        ws[ref].number_format = fmt
    p = tmp_path / name
    wb.save(p)
    return p, wb


# --- 1. as_of: a date at the end of the year is a year-end figure ---------------------------

@pytest.mark.parametrize("as_of", ["2021-12-31", "2021-12", "2021年末", "2021年底",
                                   "2021/12/31", "2021年12月31日"])
def test_a_year_end_as_of_is_a_year_end_figure(tmp_path, as_of):
    df = quiet_load(text_file(tmp_path, f"indicator_id,year,as_of,value\n"
                                        f"base_stations_5g,2021,{as_of},6.2\n"))
    row = one(df)
    assert row["as_of"] == "" and row["selected"]  # used, not dropped as part-year


def test_an_excel_date_cell_in_as_of_is_read(tmp_path):
    p, _ = xlsx(tmp_path, [["indicator_id", "year", "as_of", "value"],
                           ["base_stations_5g", 2021, dt.datetime(2021, 12, 31), 6.2],
                           ["base_stations_5g", 2022, dt.datetime(2022, 6, 30), 7.1]])
    df = quiet_load(p)
    assert one(df)["as_of"] == "" and one(df, year=2022)["as_of"] == "2022-06-30"


def test_a_part_year_as_of_is_kept_as_part_year(tmp_path):
    df = quiet_load(text_file(tmp_path, "indicator_id,year,as_of,value\n"
                                        "base_stations_5g,2022,2022年6月,7.1\n"))
    assert one(df, year=2022)["as_of"] == "2022-06"


@pytest.mark.parametrize("as_of, expected", [("上半年", "a date such as"),
                                             ("2023-06-30", "within the figure's year 2022")])
def test_an_unreadable_or_wrong_year_as_of_is_an_error(tmp_path, as_of, expected):
    with pytest.raises(ActualsError) as e:
        load_actuals(text_file(tmp_path, f"indicator_id,year,as_of,value\n"
                                         f"base_stations_5g,2022,{as_of},7.1\n"))
    assert "line 2" in problems(e) and "column 'as_of'" in problems(e)
    assert expected in problems(e)


# --- 3. percent cells -----------------------------------------------------------------------

def test_an_excel_percent_cell_is_read_as_the_percentage_it_shows(tmp_path):
    p, _ = xlsx(tmp_path, [["indicator_id", "year", "value"],
                           ["equipment_digitalization_rate", 2021, 0.486]],
                formats={"C2": "0.0%"})
    assert one(quiet_load(p), "equipment_digitalization_rate")["value"] == pytest.approx(48.6)


def test_a_fraction_typed_in_a_percent_row_is_flagged(tmp_path):
    with pytest.raises(ActualsError) as e:
        load_actuals(text_file(tmp_path, "indicator_id,year,value\n"
                                         "equipment_digitalization_rate,2021,0.35\n"))
    msg = problems(e)
    assert "line 2" in msg and "0.35 reads as 0.35%" in msg and "did you mean 35" in msg


# --- 4. multipliers without a unit ----------------------------------------------------------

def test_wan_without_unit_in_a_yi_yuan_row_reads_as_wan_yi(tmp_path):
    # 1.04万 in a 亿元 row: 1.04万亿元 = 10400亿元 lies near the 8354亿元 base;
    # 1.04万元 = 0.000104亿元 does not. The analyst meant the first.
    df = quiet_load(text_file(tmp_path, "indicator_id,year,value\n"
                                        "digital_economy_value_added,2021,1.04万\n"))
    row = one(df, "digital_economy_value_added")
    assert row["value"] == pytest.approx(10400) and row["unit_published"] == "亿元"


def test_a_multiplier_with_a_scaled_unit_is_composed_not_rejected(tmp_path):
    df = quiet_load(text_file(tmp_path, "indicator_id,year,value,unit\n"
                                        "digital_economy_value_added,2021,1.2万,亿元\n"))
    assert one(df, "digital_economy_value_added")["value"] == pytest.approx(12000)


def test_an_ambiguous_multiplier_says_both_readings(tmp_path):
    plan = plan_csv(tmp_path, ["x_value,某产值,亿元,,,2025,100"])
    with pytest.raises(ActualsError) as e:
        quiet_load(text_file(tmp_path, "indicator_id,year,value\nx_value,2021,1.5万\n"),
                   plan=plan)
    msg = problems(e)
    assert "1.5万元" in msg and "1.5万 × 亿元" in msg and "line 2" in msg


# --- 7. publication dates -------------------------------------------------------------------

@pytest.mark.parametrize("published", ["2022/3/1", "2022年3月1日", "2022.03.01", "2022-3-1",
                                       "20220301"])
def test_publication_dates_are_read_in_every_common_form(tmp_path, published):
    df = quiet_load(text_file(tmp_path, f"indicator_id,year,value,published\n"
                                        f"base_stations_5g,2021,6.2,{published}\n"))
    assert one(df)["published"] == "2022-03-01"


def test_an_unreadable_publication_date_is_an_error(tmp_path):
    with pytest.raises(ActualsError) as e:
        load_actuals(text_file(tmp_path, "indicator_id,year,value,published\n"
                                         "base_stations_5g,2021,6.2,三月初\n"))
    assert "column 'published'" in problems(e) and "2022年3月1日" in problems(e)


def test_as_of_cutoff_keeps_a_figure_published_with_slashes(tmp_path):
    import jxdigital

    path = text_file(tmp_path, "indicator_id,year,value,published\n"
                               "base_stations_5g,2021,6.2,2022/3/1\n")
    a = jxdigital.assess(actuals=path, as_of="2022-06-30", today="2026-12-01")
    assert "2021年6.2万个" in a["base_stations_5g"].reason_zh.replace("2021年末", "2021年")


# --- 8. conflicts in users' files -----------------------------------------------------------

ZJ_PLAN = (f"{plan_header('region')}\n"
           "zj_value,数字经济增加值,亿元,2020,30218,2025,45000,浙江\n")


def test_conflicting_user_figures_are_warned_and_listed(tmp_path, capsys):
    plan = text_file(tmp_path, ZJ_PLAN, "zj.csv")
    figs = text_file(tmp_path, "indicator_id,year,value,source_title\n"
                               "zj_value,2021,8303,快报\nzj_value,2021,5000,公报\n")
    with pytest.warns(UserWarning, match="sources disagree"):
        load_actuals(figs, plan=plan)
    assert main(["conflicts", "--plan", str(plan), "--actuals", str(figs)]) == 0
    out = capsys.readouterr().out
    assert "8303" in out and "5000" in out and "zhejiang" in out
    assert main(["coverage", "--plan", str(plan), "--actuals", str(figs)]) == 0


# --- 9. smaller misreadings -----------------------------------------------------------------

@pytest.mark.parametrize("text, column, expected", [
    ("indicator_id,year,value\nbase_stations_5g,2022.5,7\n", "year", "a whole year"),
    ("indicator_id,year,value\nbase_stations_5g,2022,0\n", "value", "placeholder"),
    ("indicator_id,year,value\nbase_stations_5g,2022,\"10,00\"\n", "value", "grouped in threes"),
])
def test_misreadings_are_errors_naming_the_cell(tmp_path, text, column, expected):
    with pytest.raises(ActualsError) as e:
        load_actuals(text_file(tmp_path, text))
    assert f"column '{column}'" in problems(e) and expected in problems(e)


def test_a_true_zero_can_be_given_as_exact(tmp_path):
    df = quiet_load(text_file(tmp_path, "indicator_id,year,value,qualifier\n"
                                        "ganzhengtong_daily_active_rate,2021,0,exact\n"))
    assert one(df, "ganzhengtong_daily_active_rate")["value"] == 0


def test_a_formula_without_a_saved_result_names_the_cell(tmp_path):
    p, _ = xlsx(tmp_path, [["indicator_id", "year", "value"],
                           ["base_stations_5g", 2021, "=1+2"]])
    with pytest.raises(ActualsError) as e:
        load_actuals(p)
    assert "C2" in problems(e) and "no saved result" in problems(e)


def test_merged_label_cells_apply_to_every_row_and_merged_values_are_an_error(tmp_path):
    p, wb = xlsx(tmp_path, [["指标名称", "年份", "数值"], ["5G基站开通数", 2021, 6.2],
                            [None, 2022, 7.1]])
    ws = wb.active
    ws.merge_cells("A2:A3")
    wb.save(p)
    df = quiet_load(p)
    assert list(df["year"]) == [2021, 2022]  # the second row kept its indicator
    wide = [["指标名称", "2021", "2022"], ["5G基站开通数", 6.2, None]]
    p2, wb2 = xlsx(tmp_path, wide, "wide.xlsx")
    wb2.active.merge_cells("B2:C2")
    wb2.save(p2)
    with pytest.raises(ActualsError) as e:
        load_actuals(p2)
    assert "B2:C2" in problems(e) and "unmerge" in problems(e)


def test_qualifier_words_are_kept(tmp_path):
    df = quiet_load(text_file(tmp_path, "indicator_id,year,value\n"
                                        "base_stations_5g,2021,近5万\nbase_stations_5g,2022,不到8万\n"
                                        "core_digital_industry_share_of_gdp,2021,10%左右\n"))
    assert one(df)["qualifier"] == "upper_bound" and one(df)["value"] == pytest.approx(5)
    assert one(df, year=2022)["qualifier"] == "upper_bound"
    share = one(df, "core_digital_industry_share_of_gdp")
    assert share["qualifier"] == "approximate" and share["value"] == pytest.approx(10)


# --- crashes and poor errors ----------------------------------------------------------------

def test_a_gbk_csv_from_chinese_excel_is_read_and_says_so(tmp_path, capsys):
    text = "指标名称,2021年,2022年\n5G基站开通数,6.2,7.1\n"
    p = text_file(tmp_path, text, "gbk.csv", encoding="gbk")
    df = quiet_load(p)
    assert list(df["value"]) == [6.2, 7.1]
    assert any("GBK" in n for n in df.attrs["notes"])
    assert main(["validate", str(p)]) == 0
    assert "GBK" in capsys.readouterr().out


def test_a_utf16_text_file_is_read(tmp_path):
    p = text_file(tmp_path, "\ufeff指标名称\t2021年\n5G基站开通数\t6.2\n", "u16.csv",
                  encoding="utf-16-le")
    assert list(quiet_load(p)["value"]) == [6.2]


@pytest.mark.parametrize("name, content, expected", [
    ("empty.csv", b"", "the file is empty"),
    ("blank.csv", b"\r\n\r\n", "the file is empty"),
    ("empty.xlsx", b"", "the file is empty"),
    ("fake.xlsx", b"indicator_id,year,value\n", "not one"),
])
def test_empty_and_broken_files_name_the_file(tmp_path, name, content, expected):
    p = tmp_path / name
    p.write_bytes(content)
    with pytest.raises(ActualsError) as e:
        load_actuals(p)
    assert name in problems(e) and expected in problems(e)


def test_a_missing_actuals_file_is_called_an_actuals_file(tmp_path, capsys):
    assert main(["assess", "--actuals", str(tmp_path / "missing.csv")]) == \
        Exit.INVALID_INPUT == 4
    err = capsys.readouterr().err
    assert "actuals file not found" in err and "plan file" not in err


def test_validator_internals_never_leak(tmp_path):
    with pytest.raises(ActualsError) as e:
        load_actuals(text_file(tmp_path, "indicator_id,year,value,region,comparable\n"
                                         "base_stations_5g,2021,6.2,Jiangxi Province!,false\n"))
    msg = problems(e)
    assert "should match pattern" not in msg and "Value error" not in msg
    assert "lowercase pinyin" in msg and "scope_note" in msg


def test_a_ragged_row_names_its_line_not_a_column(tmp_path):
    with pytest.raises(ActualsError) as e:
        load_actuals(text_file(tmp_path, "indicator_id,year,value\nbase_stations_5g,2021,6,2\n"))
    msg = problems(e)
    assert "line 2" in msg and "3 fields" in msg and "indicator_id" not in msg


def test_wide_layout_errors_name_the_year_column_once(tmp_path):
    text = "指标名称,2021年,2022年,2023年\n5G基站开通数,abc,abc,abc\n"
    with pytest.raises(ActualsError) as e:
        load_actuals(text_file(tmp_path, text))
    assert len(e.value.problems) == 1
    msg = problems(e)
    assert "column '2021年' (also '2022年', '2023年')" in msg
    assert "value" not in msg.split("expected")[0]


def test_a_wide_excel_error_names_the_cell(tmp_path):
    p, _ = xlsx(tmp_path, [["指标名称", "2021年", "2022年"], ["5G基站开通数", 6.2, "六万"]])
    with pytest.raises(ActualsError) as e:
        load_actuals(p)
    assert "cell C2" in problems(e)


@pytest.mark.parametrize("name", ["base_stations_5g", "5G基站开通数（万个）", "5G基站开通数 (万个)",
                                  "５Ｇ基站开通数"])
def test_names_as_users_copy_them_are_recognised(tmp_path, name):
    df = quiet_load(text_file(tmp_path, f"指标,2021年\n{name},6.2\n"))
    assert one(df)["value"] == pytest.approx(6.2)


def test_a_fullwidth_gdp_name_from_the_report_is_recognised(tmp_path):
    text = "指标名称,2021年\n数字经济核心产业增加值占ＧＤＰ比重（%）,7.1\n"
    df = quiet_load(text_file(tmp_path, text))
    assert one(df, "core_digital_industry_share_of_gdp")["value"] == pytest.approx(7.1)


def test_the_given_plans_names_come_first(tmp_path):
    plan = plan_csv(tmp_path, ["my_5g,5G基站开通数,万个,2020,2,2025,8,浙江"], "region")
    df = quiet_load(text_file(tmp_path, "指标名称,2021年\n5G基站开通数,3\n"), plan=plan)
    row = df.iloc[0]
    assert row["indicator_id"] == "my_5g" and row["region"] == "zhejiang"


@pytest.mark.parametrize("region", ["浙江", "浙江省", "Zhejiang", "zhejiang"])
def test_region_names_are_read_as_codes(tmp_path, region):
    df = quiet_load(text_file(tmp_path, f"indicator_id,year,value,region\n"
                                        f"base_stations_5g,2021,6.2,{region}\n"))
    assert one(df)["region"] == "zhejiang"


@pytest.mark.parametrize("header", ["2021年末", "2021年度", "２０２１年", "2021 年", "2021"])
def test_year_headers_as_people_write_them(tmp_path, header):
    df = quiet_load(text_file(tmp_path, f"指标名称,{header}\n5G基站开通数,6.2\n"))
    assert one(df)["value"] == pytest.approx(6.2)


def test_a_title_row_and_data_on_a_second_sheet(tmp_path):
    p, _ = xlsx(tmp_path, [["江西省数字经济指标填报（2022年）"], [],
                           ["指标名称", "单位", "2021年"], ["5G基站开通数", "万个", 6.2]],
                before=[["请在第二个工作表填报"]], sheet="数据")
    df = quiet_load(p)
    assert one(df)["value"] == pytest.approx(6.2)
    assert any("数据" in n for n in df.attrs["notes"]) and any("row 3" in n
                                                              for n in df.attrs["notes"])


def test_a_plan_workbook_with_a_title_row_is_validated_as_a_plan(tmp_path, capsys):
    p, _ = xlsx(tmp_path, [["浙江省数字经济规划指标"],
                           ["indicator_id", "name_zh", "unit", "base_year", "base_text",
                            "target_year", "target_text"],
                           ["zj_value", "数字经济增加值", "亿元", 2020, 30218, 2025, 45000]],
                name="plan.xlsx")
    assert main(["validate", str(p)]) == 0
    assert "valid plan file with 1 targets" in capsys.readouterr().out
    assert len(load_plan(p)) == 1


def test_an_overlong_indicator_id_is_rejected_clearly(tmp_path):
    long_id = "x" * 301
    p = plan_csv(tmp_path, [f"{long_id},某指标,亿元,2020,1,2025,2"])
    with pytest.raises(PlanFormatError) as e:
        load_plan(p)
    assert "at most 64 characters" in problems(e) and "301" in problems(e)


def test_validate_reports_what_the_assessment_would_hide(tmp_path, capsys):
    p = text_file(tmp_path, "indicator_id,year,as_of,value,source_title\n"
                            "base_stations_5g,2022,2022-06-30,7.1,半年报\n"
                            "base_stations_5g,2021,,6万多,会议\n", "figs.csv")
    assert main(["validate", str(p)]) == 0
    out = capsys.readouterr().out
    assert "part-year" in out and "2022-06-30" in out and "lower bound" in out


def test_every_row_read_is_a_valid_observation_record():
    # the vectorised reader applies the record's rules; the pydantic model must agree
    from jxdigital import actuals
    from jxdigital.observations import Observation

    for row in actuals().drop(columns="selected").to_dict("records"):
        Observation(**row)


def test_a_gbk_plan_with_a_title_line_loads(tmp_path):
    text = ("浙江省数字经济规划主要指标\n"
            f"{plan_header('region')}\n"
            "zj_value,数字经济增加值,亿元,2020,30218,2025,45000,浙江省\n")
    plan = load_plan(text_file(tmp_path, text, "plan.csv", encoding="gbk"))
    assert plan.region == "zhejiang" and plan["zj_value"].target_value == 45000


@pytest.mark.parametrize("text, unit, iid, expected", [
    ("10万多", "万个", "base_stations_5g", 10.0),  # 10万个, not 10万×万个 = 10亿个
    ("1.2万", "亿元", "digital_economy_value_added", 12000.0),  # 1.2万亿元
    ("6万多", "个", "base_stations_5g", 6.0),  # an unscaled unit: just multiply
])
def test_a_multiplier_on_a_scaled_unit_is_read_by_its_magnitude(tmp_path, text, unit, iid,
                                                               expected):
    df = quiet_load(text_file(tmp_path,
                              f"indicator_id,year,value,unit\n{iid},2021,{text},{unit}\n"))
    assert one(df, iid)["value"] == pytest.approx(expected)


def test_template_cells_left_as_they_are_are_not_read_even_in_a_copied_row(tmp_path):
    from jxdigital.report import write_template

    path = write_template(tmp_path / "t.xlsx")
    wb = openpyxl.load_workbook(path)
    ws = wb.worksheets[0]
    header = [c.value for c in ws[1]]
    row = next(r for r in range(2, ws.max_row + 1)
               if ws.cell(r, 1).value == "digital_economy_value_added")
    copy = ws.max_row + 1
    for j in range(1, len(header) + 1):  # the analyst copies the row to add another source
        ws.cell(copy, j).value = ws.cell(row, j).value
    ws.cell(copy, header.index("2023") + 1).value = 13000
    ws.cell(copy, header.index("来源") + 1).value = "统计快报"
    wb.save(path)
    df = quiet_load(path)
    assert list(df["year"]) == [2023] and list(df["source_title"]) == ["统计快报"]


def test_a_lenient_loads_problems_survive_copies():
    import copy
    import pickle

    from jxdigital.errors import InputError, Problem

    err = ActualsError([Problem("f.csv", 2, "x", "value", "abc", "a number")])
    for twin in (copy.deepcopy(err), pickle.loads(pickle.dumps(err))):
        assert isinstance(twin, InputError) and twin.problems == err.problems
        assert str(twin) == str(err)
