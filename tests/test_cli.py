"""The command line, as a scheduled job sees it: output and exit codes."""

import json

import pytest

from _build import plan_csv
from jxdigital.cli import Exit, main


def test_audit_table_in_chinese_marks_three_mismatches(capsys):
    assert main(["audit"]) == Exit.OK
    out = capsys.readouterr().out
    assert "数字经济增加值" in out and "13.9%" in out and "+0.7点" in out
    assert out.count("不符") == 3
    assert "3 项规划年均增长" in out


def test_audit_json_is_valid_and_has_no_nan_tokens(capsys):
    assert main(["audit", "--format", "json"]) == Exit.OK
    rows = json.loads(capsys.readouterr().out)
    assert len(rows) == 19
    flagged = {r["indicator_id"] for r in rows if r["flagged"]}
    assert flagged == {"software_it_services_revenue", "online_retail_sales",
                       "mobile_iot_terminals"}


def test_plans_lists_the_shipped_plans(capsys):
    assert main(["plans", "--format", "csv"]) == Exit.OK
    assert "jiangxi-14th-fyp,"in capsys.readouterr().out


def test_bad_plan_file_exits_2_with_a_located_message(tmp_path, capsys):
    bad = plan_csv(tmp_path, ["x,某指标,个,2020,1,2025,五个"], name="bad.csv")
    assert main(["audit", "--plan", str(bad)]) == Exit.INVALID_INPUT
    err = capsys.readouterr().err
    assert "bad.csv line 2 (indicator 'x'), column 'target_text'" in err


def test_unknown_plan_id_exits_2(capsys):
    assert main(["audit", "--plan", "nope"]) == Exit.USAGE == 2
    assert "shipped plans" in capsys.readouterr().err


def test_assess_table_and_json(capsys):
    assert main(["assess", "--today", "2024-06-30"]) == Exit.OK
    out = capsys.readouterr().out
    assert "数字经济增加值" in out and "数据不足" in out and "至少需要2个年份" in out
    assert main(["assess", "--today", "2026-12-01"]) == Exit.OK  # the plan is over
    out = capsys.readouterr().out
    assert "尚不能确定" in out and "数据不足" not in out and "序时进度" not in out
    assert out.count("共19项目标") == 1
    assert main(["assess", "--format", "json", "--lang", "en"]) == Exit.OK
    doc = json.loads(capsys.readouterr().out)
    assert doc["plan"] == "jiangxi-14th-fyp" and doc["as_of"] == "latest"
    assert len(doc["targets"]) == 19
    de = next(t for t in doc["targets"] if t["indicator_id"] == "digital_economy_value_added")
    assert 0 <= de["p_met"] <= 1 and de["reason_zh"] and de["reason_en"]
    gap = next(t for t in doc["targets"] if t["indicator_id"] == "gigabit_broadband_users")
    assert gap["p_met"] is None  # missing numbers are null, never NaN


def test_english_table_has_no_chinese_targets(capsys):
    assert main(["assess", "--lang", "en", "--today", "2024-06-30"]) == Exit.OK
    table = capsys.readouterr().out.split("\n\n")[1]
    # targets on the scale of the row's figures (issue 18, issue 25): 3000左右 亿元 is about
    # 300 in a row headed in billions of yuan
    assert "above the national average" in table and "about 300" in table
    assert "Online retail sales (billion yuan)" in table
    assert "超全国平均水平" not in table and "左右" not in table and "以上" not in table


def test_fail_on_exits_3_when_a_target_is_off_track(tmp_path, capsys):
    plan, data = _off_track_case(tmp_path)
    args = ["assess", "--plan", str(plan), "--actuals", str(data), "--today", "2024-06-30"]
    assert main(args) == Exit.OK
    assert main([*args, "--fail-on", "off-track"]) == Exit.FAIL_ON
    assert "off-track: x" in capsys.readouterr().err


def test_fail_on_counts_a_missed_target_once_the_plan_is_over(tmp_path, capsys):
    plan, data = _off_track_case(tmp_path)
    missed = tmp_path / "missed.csv"
    missed.write_text(data.read_text("utf-8") + "x,2025,70\n", encoding="utf-8")
    args = ["assess", "--plan", str(plan), "--actuals", str(missed), "--today", "2026-12-01"]
    assert main([*args, "--fail-on", "off-track"]) == Exit.FAIL_ON
    std = capsys.readouterr()
    assert "未完成" in std.out and "missed: x" in std.err


def test_bad_actuals_file_exits_2_and_names_the_row(tmp_path, capsys):
    data = tmp_path / "mine.csv"
    data.write_text("indicator_id,year,value\nbase_stations_5g,2023,很多\n", encoding="utf-8")
    assert main(["assess", "--actuals", str(data)]) == Exit.INVALID_INPUT
    assert "mine.csv line 2" in capsys.readouterr().err


def _off_track_case(tmp_path):
    plan = plan_csv(tmp_path, ["x,某指标,亿元,2020,100,2025,300"])
    data = tmp_path / "x.csv"
    data.write_text("indicator_id,year,value\nx,2021,90\nx,2022,80\nx,2023,72\n",
                    encoding="utf-8")
    return plan, data


@pytest.mark.slow  # writes the whole report, the deck too
def test_report_writes_the_folder_and_fails_on_off_track(tmp_path, capsys):
    plan, data = _off_track_case(tmp_path)
    out = tmp_path / "out"
    args = ["report", "--plan", str(plan), "--actuals", str(data), "--out", str(out),
            "--jobs", "1", "--today", "2024-06-30"]
    assert main([*args, "--fail-on", "off-track"]) == Exit.FAIL_ON
    std = capsys.readouterr()
    assert "滞后" in std.out and "off-track: x" in std.err
    names = {p.name for p in out.iterdir()}
    assert {"report.md", "report.html", "assessment.xlsx", "deck.pptx", "assessment.json",
            "charts"} <= names
    assert (out / "charts" / "x.png").stat().st_size > 10_000
    assert "[1/" not in std.err  # not a terminal: no progress lines


def test_report_with_bad_actuals_writes_nothing(tmp_path, capsys):
    data = tmp_path / "mine.csv"
    data.write_text("indicator_id,year,value\nbase_stations_5g,2023,很多\n", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["report", "--actuals", str(data), "--out", str(out)]) == Exit.INVALID_INPUT
    assert "mine.csv line 2" in capsys.readouterr().err
    assert not out.exists()


def test_project_prints_the_projection_or_says_why_not(capsys):
    assert main(["project", "digital_economy_value_added", "--format", "csv"]) == Exit.OK
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("id,year,h,point,lo_50,hi_50,lo_80,hi_80,lo_95,hi_95")
    assert [ln.split(",")[1] for ln in lines[1:]] == ["2022", "2023", "2024", "2025"]
    assert main(["project", "it_patents_granted"]) == Exit.INVALID_INPUT
    assert "至少需要2个年份" in capsys.readouterr().err
    assert main(["project", "no_such_id"]) == Exit.USAGE  # an unknown id is an argument


def test_chart_writes_the_file_asked(tmp_path, capsys):
    path = tmp_path / "5g.svg"
    assert main(["chart", "base_stations_5g", "--out", str(path), "--lang", "en"]) == Exit.OK
    assert path.read_text("utf-8").startswith("<?xml")
    assert main(["chart", "summary", "--out", str(tmp_path / "s.png"),
                 "--style", "print"]) == Exit.OK
    assert main(["chart", "base_stations_5g", "--out", str(tmp_path / "x.gif")]) == \
        Exit.USAGE
    assert ".png, .svg or .pdf" in capsys.readouterr().err


def test_validate_lists_every_problem_with_line_and_column(tmp_path, capsys):
    bad = tmp_path / "mine.csv"
    bad.write_text("indicator_id,year,value,source_title\n"
                   "digital_economy_value_added,2023,abc,x\nfoo,2022,1,y\n"
                   "base_stations_5g,1850,3,z\n", encoding="utf-8")
    assert main(["validate", str(bad)]) == Exit.INVALID_INPUT
    err = capsys.readouterr().err
    assert "3 problem(s) in this actuals file" in err
    assert "mine.csv line 2 (indicator 'digital_economy_value_added'), column 'value'" in err
    assert "mine.csv line 3, column 'indicator_id'" in err
    assert "line 4 (indicator 'base_stations_5g'), column 'year'" in err
    plan, data = _off_track_case(tmp_path)
    assert main(["validate", str(plan)]) == Exit.OK
    assert "a valid plan file with 1 targets" in capsys.readouterr().out
    assert main(["validate", str(data), "--plan", str(plan)]) == Exit.OK
    assert main(["validate", str(tmp_path / "none.csv")]) == Exit.INVALID_INPUT


def test_help_is_fast_because_nothing_heavy_is_imported():
    import subprocess
    import sys

    code = ("import sys; from jxdigital.cli import build_parser; build_parser(); "
            "heavy = {'pandas', 'matplotlib', 'statsmodels', 'pptx', 'scipy'}; "
            "print(sorted(heavy & set(sys.modules)))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.strip()
    assert out == "[]"


def test_validate_says_when_the_rule_uses_none_of_the_disagreeing_figures(monkeypatch):
    """Each disagreement is a whole note: the figures, then which one the rule uses, or that
    it uses none (before, such a note was printed as an empty line)."""
    import pandas as pd

    import jxdigital.observations as obs
    from jxdigital import cli

    rows = pd.DataFrame({"indicator_id": ["x", "x", "y", "y"], "year": [2023] * 4,
                         "value": [10.0, 12.0, 5.0, 6.0],
                         "source_title": ["甲", "乙", "丙", "丁"],
                         "selected": [False, True, False, False]})
    monkeypatch.setattr(obs, "conflicts", lambda data: rows)
    assert cli._disagreements(None) == [
        "x 2023: sources disagree: 10 (甲); 12 (乙); the selection rule uses 12",
        "y 2023: sources disagree: 5 (丙); 6 (丁); the selection rule uses none of them"]
