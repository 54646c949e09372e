"""The command line, as a scheduled job sees it: output and exit codes."""

import json

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


def test_bad_plan_file_exits_3_with_a_located_message(tmp_path, capsys):
    bad = tmp_path / "bad.csv"
    bad.write_text("indicator_id,name_zh,unit,base_year,base_text,target_year,target_text\n"
                   "x,某指标,个,2020,1,2025,五个\n", encoding="utf-8")
    assert main(["audit", "--plan", str(bad)]) == Exit.INVALID_INPUT
    err = capsys.readouterr().err
    assert "bad.csv line 2 (indicator 'x'), column 'target_text'" in err


def test_unknown_plan_id_exits_3(capsys):
    assert main(["audit", "--plan", "nope"]) == Exit.INVALID_INPUT
    assert "shipped plans" in capsys.readouterr().err
