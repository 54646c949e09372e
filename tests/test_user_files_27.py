"""Issue 27 (users' files II), the crashes and unhelpful errors: every one of these inputs is
either read or refused with the file, line and column named — never a traceback."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

import jxdigital
from _build import csv_file, plan_csv
from jxdigital import load_actuals, load_plan
from jxdigital.cli import Exit, main
from jxdigital.errors import InputError

TODAY = "2026-12-01"


# ---------------------------------------------------------------- 3. two columns, one year
@pytest.mark.parametrize("header", ["indicator_id,2021,2022,2022,unit",
                                    "indicator_id,2022,value,2022,unit",
                                    "indicator_id,unit,2023,2023"])
def test_two_columns_with_one_name_are_an_error_naming_both(tmp_path, header, capsys):
    n = header.count(",")
    row = ",".join(["digital_economy_value_added", *["1"] * n])
    p = tmp_path / "wide.csv"
    p.write_text(f"{header}\n{row}\n", encoding="utf-8")
    with pytest.raises(InputError) as e:
        load_actuals(p)
    text = str(e.value)
    assert "wide.csv line 1" in text and "columns " in text and " and " in text
    assert main(["validate", str(p)]) == Exit.INVALID_INPUT
    err = capsys.readouterr()
    assert "Traceback" not in err.err and "bug" not in err.err


# ---------------------------------------------------------------- 4. a BOM before GBK bytes
def _bom_gbk(tmp_path, text: str, name="bom.csv"):
    p = tmp_path / name
    p.write_bytes(b"\xef\xbb\xbf" + text.encode("gbk"))
    return p


def test_a_utf8_mark_before_gbk_text_is_read(tmp_path):
    p = _bom_gbk(tmp_path, "indicator_id,year,value,unit,source_title\n"
                           "digital_economy_value_added,2024,12000,亿元,省统计局公报\n"
                           "digital_economy_value_added,2023,11000,亿元,省统计局公报\n")
    d = load_actuals(p)
    assert sorted(d["value"]) == [11000, 12000]
    assert set(d["source_title"]) == {"省统计局公报"}  # decoded as GBK, not mojibake


def test_a_utf8_mark_before_bytes_of_no_encoding_is_an_error_naming_the_file(tmp_path, capsys):
    p = tmp_path / "junk.csv"
    p.write_bytes(b"\xef\xbb\xbfindicator_id,year,value\nx,2024,\xff\xfe\xff\x81\x30\n")
    with pytest.raises(InputError) as e:
        load_actuals(p)
    assert "junk.csv" in str(e.value) and "GBK" in str(e.value)
    assert main(["validate", str(p)]) == Exit.INVALID_INPUT
    assert "Traceback" not in capsys.readouterr().err


# ---------------------------------------------------------------- 5. a terminal without Chinese
@pytest.mark.parametrize("command", [["assess"], ["plans"], ["audit"]])
def test_a_terminal_that_cannot_print_chinese_gets_escapes_not_a_traceback(command, tmp_path):
    env = dict(os.environ, PYTHONIOENCODING="ascii", MPLBACKEND="Agg")
    r = subprocess.run([sys.executable, "-m", "jxdigital", *command, "--today", TODAY]
                       if command == ["assess"] else [sys.executable, "-m", "jxdigital",
                                                      *command],
                       capture_output=True, env=env, cwd=tmp_path, timeout=120)
    assert r.returncode == 0, r.stderr.decode("ascii", "replace")
    assert b"Traceback" not in r.stderr
    assert b"\\u" in r.stdout  # escaped, not dropped


@pytest.mark.slow  # writes the whole report in a second Python (4-6 s)
def test_files_are_utf8_whatever_the_terminal(tmp_path):
    env = dict(os.environ, PYTHONIOENCODING="ascii", MPLBACKEND="Agg")
    out = tmp_path / "rep"
    r = subprocess.run([sys.executable, "-m", "jxdigital", "report", "--plan",
                        "china-14th-fyp-digital", "--today", TODAY, "--out", str(out),
                        "--no-deck"], capture_output=True, env=env, timeout=600)
    assert r.returncode == 0, r.stderr.decode("ascii", "replace")
    assert "完成率" in (out / "report.md").read_text(encoding="utf-8")


# ---------------------------------------------------------------- 6. full-width ％
def test_full_width_percent_is_the_same_unit_as_percent(tmp_path):
    plan = plan_csv(tmp_path, ["share_x,占比,％,2020,40,2025,60"])
    figs = csv_file(tmp_path / "figs.csv", ["indicator_id,year,value,unit,source_title",
                                            "share_x,2021,45,％,t", "share_x,2022,48,%,t",
                                            "share_x,2023,50,％,t"])
    p = load_plan(plan)
    assert p.targets[0].indicator.is_share and p.targets[0].indicator.unit == "%"
    r = jxdigital.assess(p, figs, today=TODAY)["share_x"]
    assert r.years_used == "2020, 2021, 2022, 2023" and 0 <= r.lo_80 <= r.hi_80 <= 100


# ---------------------------------------------------------------- 7. a folder for a file
def test_validate_a_folder_says_it_is_one_and_what_to_pass(tmp_path, capsys):
    (tmp_path / "figures.csv").write_text("indicator_id,year,value\n", encoding="utf-8")
    assert main(["validate", str(tmp_path)]) == Exit.INVALID_INPUT
    err = capsys.readouterr().err
    assert "is a folder" in err and "figures.csv" in err and "no such file" not in err


# ---------------------------------------------------------------- 2. figures from the future
def _future(tmp_path):
    plan = plan_csv(tmp_path, ["x_users,用户数,万户,2020,100,2025,200,jiangxi"], "region")
    figs = csv_file(tmp_path / "figs.csv", ["indicator_id,region,year,value,published,source_title",
                                            "x_users,jiangxi,2023,150,2024-02-01,公报",
                                            "x_users,jiangxi,2024,170,2025-02-01,公报",
                                            "x_users,jiangxi,2025,230,2099-02-01,公报"])
    return plan, figs


def test_a_figure_published_after_the_report_date_is_not_used(tmp_path):
    plan, figs = _future(tmp_path)
    a = jxdigital.assess(plan, figs, today="2026-01-15")
    r = a["x_users"]
    assert r.status != "met" and r.latest_year == 2024  # not settled by a 2099 publication
    u = a.unused()
    row = u[u["year"] == 2025]
    assert list(row["reason_code"]) == ["published_after_cutoff"]
    assert "2099-02-01" in row["reason_zh"].iloc[0]
    # made after it appeared, the same file settles it
    assert jxdigital.assess(plan, figs, today="2099-03-01")["x_users"].status == "met"


def test_validate_notes_figures_published_after_today(tmp_path, capsys):
    plan, figs = _future(tmp_path)
    assert main(["validate", str(figs), "--plan", str(plan)]) == Exit.OK
    out = capsys.readouterr().out
    assert "1 figure(s) published after today" in out and "2099-02-01" in out


# ---------------------------------------------------------------- 8. counting words
def _one_figure(tmp_path, unit: str, text: str, base: float = 1.0):
    """A one-row plan in ``unit`` (from ``base`` to twice it) and one figure printed as
    ``text``."""
    return (plan_csv(tmp_path, [f"thing,某数量,{unit},2020,{base:g},2025,{2 * base:g}"]),
            csv_file(tmp_path / "figs.csv", ["indicator_id,year,value,source_title",
                                             f"thing,2021,{text},t"]))


@pytest.mark.parametrize(("unit", "text", "value"), [
    ("万个", "61625个", 6.1625), ("万个", "1467个", 0.1467), ("万个", "5.9万个", 5.9),
    ("亿户", "3.35亿户", 3.35), ("家", "1200家", 1200.0), ("万户", "4024万户", 4024.0)])
def test_a_counting_word_that_fits_the_rows_unit_is_part_of_the_figure(tmp_path, unit, text,
                                                                      value):
    plan, figs = _one_figure(tmp_path, unit, text, base=value)  # a plan of its magnitude
    d = load_actuals(figs, plan=load_plan(plan))
    assert d["value"].iloc[0] == pytest.approx(value) and d["unit"].iloc[0] == unit


@pytest.mark.parametrize(("unit", "text", "word"), [("万个", "61625座", "座"),
                                                    ("万户", "1467家", "家")])
def test_a_counting_word_that_does_not_fit_is_an_error_saying_which(tmp_path, unit, text, word):
    plan, figs = _one_figure(tmp_path, unit, text)
    with pytest.raises(InputError) as e:
        load_actuals(figs, plan=load_plan(plan))
    msg = str(e.value)
    assert "figs.csv line 2" in msg and f"'{word}' does not fit" in msg and unit in msg


def test_a_yearly_flow_rows_target_sets_the_scale_of_its_figures(tmp_path):
    """"65.4万" in a 万个 row of a yearly flow (新建5G基站, target 6万个 a year) is 65.4万个,
    as it is in a running-total row: the target's scale settles it."""
    plan = plan_csv(tmp_path, ["new_bs,新建5G基站,万个,,,2025,6,annual_flow"], "measure")
    figs = csv_file(tmp_path / "figs.csv", ["indicator_id,year,value,measure,source_title",
                                            "new_bs,2021,5.9万,new_in_year,t",
                                            "new_bs,2022,65.4万,new_in_year,t",
                                            "new_bs,2023,2万,new_in_year,t"])
    d = load_actuals(figs, plan=load_plan(plan))
    assert list(d.sort_values("year")["value"]) == pytest.approx([5.9, 65.4, 2.0])
