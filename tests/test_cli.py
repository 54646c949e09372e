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


def test_bad_plan_file_exits_2_with_a_located_message(tmp_path, capsys):
    bad = tmp_path / "bad.csv"
    bad.write_text("indicator_id,name_zh,unit,base_year,base_text,target_year,target_text\n"
                   "x,某指标,个,2020,1,2025,五个\n", encoding="utf-8")
    assert main(["audit", "--plan", str(bad)]) == Exit.INVALID_INPUT
    err = capsys.readouterr().err
    assert "bad.csv line 2 (indicator 'x'), column 'target_text'" in err


def test_unknown_plan_id_exits_2(capsys):
    assert main(["audit", "--plan", "nope"]) == Exit.INVALID_INPUT
    assert "shipped plans" in capsys.readouterr().err


def test_assess_table_and_json(capsys):
    assert main(["assess"]) == Exit.OK
    out = capsys.readouterr().out
    assert "数字经济增加值" in out and "数据不足" in out and "至少需要2个年份" in out
    assert main(["assess", "--format", "json", "--lang", "en"]) == Exit.OK
    doc = json.loads(capsys.readouterr().out)
    assert doc["plan"] == "jiangxi-14th-fyp" and doc["as_of"] == "latest"
    assert len(doc["targets"]) == 19
    de = next(t for t in doc["targets"] if t["indicator_id"] == "digital_economy_value_added")
    assert 0 <= de["p_met"] <= 1 and de["reason_zh"] and de["reason_en"]
    gap = next(t for t in doc["targets"] if t["indicator_id"] == "gigabit_broadband_users")
    assert gap["p_met"] is None  # missing numbers are null, never NaN


def test_fail_on_exits_3_when_a_target_is_off_track(tmp_path, capsys):
    plan = tmp_path / "plan.csv"
    plan.write_text("indicator_id,name_zh,unit,base_year,base_text,target_year,target_text\n"
                    "x,某指标,亿元,2020,100,2025,300\n", encoding="utf-8")
    data = tmp_path / "x.csv"
    data.write_text("indicator_id,year,value\nx,2021,90\nx,2022,80\nx,2023,72\n",
                    encoding="utf-8")
    args = ["assess", "--plan", str(plan), "--actuals", str(data)]
    assert main(args) == Exit.OK
    assert main([*args, "--fail-on", "off-track"]) == Exit.FAIL_ON
    assert "off-track: x" in capsys.readouterr().err


def test_bad_actuals_file_exits_2_and_names_the_row(tmp_path, capsys):
    data = tmp_path / "mine.csv"
    data.write_text("indicator_id,year,value\nbase_stations_5g,2023,很多\n", encoding="utf-8")
    assert main(["assess", "--actuals", str(data)]) == Exit.INVALID_INPUT
    assert "mine.csv line 2" in capsys.readouterr().err
