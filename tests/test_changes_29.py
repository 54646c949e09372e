"""Issue 29 item 10: a scheduled job's report says what changed since the last one in the
folder — figures added or revised with their sources, targets whose verdict or P(met) moved
and why — and ``--fail-on changed`` alerts only then. Two runs a month apart."""

from __future__ import annotations

import json
import warnings

import pytest

import jxdigital
from jxdigital.assessment import PriorRun, changes_since, used_figures
from jxdigital.cli import Exit, main

ONE = ("indicator_id,region,year,value,unit,source_title\n"
       "base_stations_5g,jiangxi,2023,7.8,万个,部门数据\n")
TWO = ONE + ("base_stations_5g,jiangxi,2024,9.6,万个,部门数据\n"
             "digital_economy_value_added,jiangxi,2024,13500,亿元,部门数据\n")


@pytest.fixture(autouse=True)
def _quiet():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        yield


def _run(tmp_path, name, text, today):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return jxdigital.assess(actuals=str(p), today=today)


def _prior(a, version="0.1.0") -> PriorRun:
    doc = {"plan": a.plan.plan_id, "generated": a.generated.isoformat(), "version": version,
           "targets": [t.model_dump() for t in a.targets], "figures": used_figures(a)}
    return PriorRun.model_validate(json.loads(json.dumps(doc, default=str)))


def test_a_new_figure_moves_a_target_and_says_why(tmp_path):
    before = _run(tmp_path, "m1.csv", ONE, "2026-11-01")
    after = _run(tmp_path, "m2.csv", TWO, "2026-12-01")
    c = changes_since(_prior(before), after, "0.1.0")
    added = {(f.indicator_id, f.year): f for f in c.figures if f.kind == "added"}
    assert added[("base_stations_5g", 2024)].new == 9.6
    assert added[("base_stations_5g", 2024)].source == "部门数据"
    moved = {t.key: t for t in c.targets}
    assert moved["base_stations_5g"].what == "p_met"
    assert moved["base_stations_5g"].why == ("new_figure",)
    # the plan is over: progress words never appear, only verdicts and P(met)
    assert all(t.what in ("verdict", "p_met") for t in c.targets)
    assert c.since == "2026-11-01"


def test_a_revised_figure_and_a_model_change_are_named(tmp_path):
    before = _run(tmp_path, "m1.csv", TWO, "2026-11-01")
    revised = TWO.replace("2024,9.6", "2024,8.1")
    after = _run(tmp_path, "m2.csv", revised, "2026-12-01")
    c = changes_since(_prior(before, version="0.0.9"), after, "0.1.0")
    rev = [f for f in c.figures if f.kind == "revised"]
    assert [(f.indicator_id, f.year, f.old, f.new) for f in rev] == \
        [("base_stations_5g", 2024, 9.6, 8.1)]
    t = next(t for t in c.targets if t.key == "base_stations_5g")
    assert t.why == ("revised_figure", "model_change")


def test_nothing_changed_is_said_and_is_no_alert(tmp_path):
    a = _run(tmp_path, "m1.csv", TWO, "2026-11-01")
    b = _run(tmp_path, "m2.csv", TWO, "2026-12-01")
    c = changes_since(_prior(a), b, "0.1.0")
    assert not c.any


@pytest.mark.slow
def test_two_monthly_runs_of_the_job(tmp_path, capsys):
    out = tmp_path / "rep"
    (tmp_path / "m1.csv").write_text(ONE, encoding="utf-8")
    (tmp_path / "m2.csv").write_text(TWO, encoding="utf-8")
    args = ["report", "--out", str(out), "--no-deck", "--fail-on", "changed"]
    assert main([*args, "--actuals", str(tmp_path / "m1.csv"), "--today",
                 "2026-11-01"]) == Exit.OK  # no earlier report: nothing to compare with
    assert main([*args, "--actuals", str(tmp_path / "m2.csv"), "--today",
                 "2026-12-01"]) == Exit.FAIL_ON
    printed = capsys.readouterr()
    assert "与上次报告（2026-11-01）相比" in printed.out and "changed since" in printed.err
    md = (out / "report.md").read_text(encoding="utf-8")
    assert md.index("与上次报告") < md.index("## 各项目标")  # it opens the report
    assert "新增数据：5G基站开通数2024年9.6万个（部门数据）" in md
    doc = json.loads((out / "assessment.json").read_text(encoding="utf-8"))
    assert doc["changes"]["since"] == "2026-11-01" and doc["changes"]["any"] is True
    assert any(f["key"] == "base_stations_5g" and f["year"] == 2024
               for f in doc["changes"]["figures"])
    # a third run with the same figures: nothing changed, no alert
    assert main([*args, "--actuals", str(tmp_path / "m2.csv"), "--today",
                 "2026-12-02"]) == Exit.OK
    assert "均无变化" in (out / "report.md").read_text(encoding="utf-8")
