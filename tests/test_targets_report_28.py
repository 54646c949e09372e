"""Issue 28 item 5 and "done when": the 测算 report and ``jxdigital targets`` on the shipped
national 十五五 plan and on a draft Jiangxi table typed as a user would (twelve rows continued
from the 十四五 table, bases from the final account), in Chinese and English; bad drafts get
clean errors or an honest "no history"."""

from __future__ import annotations

import warnings
from pathlib import Path

import openpyxl
import pytest

from _build import DRAFT_COLUMNS, plan_csv
from jxdigital.assessment import review_draft, target_options
from jxdigital.cli import Exit, main
from jxdigital.present.targets_view import targets_view
from jxdigital.report._targets import targets_markdown, write_targets

TODAY = "2026-12-01"
DRAFTS = Path(__file__).parent / "fixtures" / "drafts"
DRAFT = DRAFTS / "jiangxi_15th_draft.csv"
FIGS = DRAFTS / "jiangxi_department_figures.csv"


@pytest.fixture(autouse=True)
def _quiet():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        yield


@pytest.fixture(scope="module")
def review():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return review_draft(DRAFT, actuals=FIGS, continues="jiangxi-14th-fyp",
                            parent="china-15th-fyp", today=TODAY)


def test_the_draft_of_twelve_rows_is_judged_row_by_row(review):
    f = review.to_frame().set_index("key")
    assert len(f) == 12
    # a 2025 figure in the department's file: the account's published base
    assert (f.loc["online_retail_sales", "base_from"],
            f.loc["online_retail_sales", "base_value"]) == ("account", 2500)
    # figures to 2024 only: the 2025 base is the account's nowcast, with its interval
    sw = f.loc["software_it_services_revenue"]
    assert sw["base_from"] == "nowcast" and sw["base_low"] < sw["base_value"] < sw["base_high"]
    # no figures after 2020: no P(met), no ambition, never a number without evidence
    assert f.loc["ipv6_active_users", "status"] == "insufficient_data"
    assert f.loc["ipv6_active_users", "ambition"] == ""
    codes = set(review.checks_frame()["code"])
    assert "below_parent" in codes  # 12 % against the nation's 12.5 %, worded above it


def test_the_view_says_it_in_both_languages(review):
    zh, en = targets_view(review, "zh"), targets_view(review, "en")
    md = targets_markdown(zh)
    assert "积极（50%）" in md and "稳妥（90%）" in md
    assert "2025年基数按推算约" in md  # a nowcast base said as such
    assert "数据不足（至少需要2个年份）" in md
    assert "高于全国" in md
    e = targets_markdown(en)
    assert "ambitious (50%)" in e and "estimate" in e and "too few figures" in e
    assert len(zh.options.rows) == len(en.options.rows) == 12


@pytest.mark.slow
def test_the_report_folder_on_the_draft(review, tmp_path):
    v = targets_view(review, "zh")
    written = write_targets(v, tmp_path)
    assert {"targets.md", "targets.html", "targets.xlsx", "targets.pptx"} <= set(written)
    charts = [w for w in written if w.startswith("charts/")]
    assert len(charts) == sum(r.chart is not None for r in v.rows) >= 3
    html = (tmp_path / "targets.html").read_text(encoding="utf-8")
    assert html.count("<img") == len(charts) and "@font-face" in html
    wb = openpyxl.load_workbook(tmp_path / "targets.xlsx")
    assert wb.sheetnames[:3] == ["可达值", "草案目标评估", "一致性检查"]
    assert wb["可达值"].max_row == 13  # a header and the twelve rows


@pytest.mark.slow
def test_the_command_line_on_the_national_plan(tmp_path, capsys):
    assert main(["targets", "--plan", "china-15th-fyp", "--today", TODAY,
                 "--out", str(tmp_path), "--no-deck"]) == Exit.OK
    out = capsys.readouterr().out
    assert "目标测算" in out and "积极（50%）" in out
    assert (tmp_path / "targets.md").exists() and not (tmp_path / "targets.pptx").exists()


def test_the_command_line_on_a_draft_in_english(capsys):
    assert main(["targets", "--plan", str(DRAFT), "--actuals", str(FIGS), "--continues",
                 "jiangxi-14th-fyp", "--today", TODAY, "--lang", "en"]) == Exit.OK
    out = capsys.readouterr().out
    assert "target options" in out and "Draft target" in out


@pytest.mark.parametrize("args, said", [
    (["--probabilities", "50,120"], "--probabilities"),
    (["--probabilities", "half"], "--probabilities"),
    (["--year", "2020"], "not after the base year"),
    (["--map", "oops"], "--map"),
])
def test_bad_arguments_say_which(args, said, capsys):
    code = main(["targets", "--plan", str(DRAFT), "--today", TODAY, *args])
    err = capsys.readouterr().err
    assert code != Exit.OK and said in err and "Traceback" not in err


def test_a_share_above_100_and_a_year_before_the_base_are_refused(tmp_path, capsys):
    for row in ("sh,占比,%,jiangxi,2025,7,2030,120", "dv,增加值,亿元,jiangxi,2025,1,2024,2"):
        p = plan_csv(tmp_path, [row], columns=DRAFT_COLUMNS, name="bad.csv")
        assert main(["targets", "--plan", str(p), "--today", TODAY]) == Exit.INVALID_INPUT
        err = capsys.readouterr().err
        assert "bad.csv line 2" in err and "Traceback" not in err


def test_an_indicator_without_history_gets_no_number():
    o = target_options(DRAFT, actuals=FIGS, today=TODAY).to_frame()
    ipv6 = o[o["key"] == "ipv6_active_users"]
    assert set(ipv6["status"]) == {"no_history"} and ipv6["value"].isna().all()
