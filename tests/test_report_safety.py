"""The report folder is one run's report, replaced whole or not at all, and text from a
plan never becomes a formula (Excel, CSV) or markup (Markdown, HTML)."""

from __future__ import annotations

import csv
import os
import re
from pathlib import Path

import openpyxl
import pytest

from _build import plan_csv, target
from jxdigital import assess
from jxdigital.cli import Exit, main
from jxdigital.report import write_report
from jxdigital.report._build import ReportFolderError
from jxdigital.report._json import defuse, safe_frame

TODAY = "2026-12-01"
#: names a spreadsheet would run as formulas, and one with markup, a pipe and an ampersand
NAMES = {"x1": '=HYPERLINK("http://x","y")', "x2": "+1+1", "x3": "@SUM(A1)", "x4": "-2+3",
         "x5": "<script>alert(1)</script> R&D|x"}


def _rows(ids) -> list[dict]:
    """A row named NAMES[i] for each of ``ids``: 640万户 in 2020 to 6000 in 2025."""
    return [target(i, 6000, name_zh=NAMES[i], unit="万户", base_text=640) for i in ids]


@pytest.fixture(scope="module")
def plans(tmp_path_factory):
    d = tmp_path_factory.mktemp("plans")
    return plan_csv(d, _rows(NAMES), name="big.csv"), plan_csv(d, _rows(["x1"]),
                                                               name="small.csv")


@pytest.fixture(scope="module")
def big(plans):
    return assess(plans[0], today=TODAY)


@pytest.fixture(scope="module")
def small(plans):
    return assess(plans[1], today=TODAY)


@pytest.fixture(scope="module")
def report(big, tmp_path_factory):
    out = tmp_path_factory.mktemp("report")
    write_report(big, out, deck=False, jobs=1)
    return out


@pytest.fixture
def no_font(monkeypatch):
    """Skip cutting the page's web font (the slowest step; nothing here needs it)."""
    from jxdigital.report import _html

    monkeypatch.setattr(_html, "font_face_css", lambda page: "")


def _tree(folder: Path) -> dict[str, tuple[bytes, int]]:
    """Every file under ``folder``: its bytes and modification time."""
    return {p.relative_to(folder).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns)
            for p in sorted(folder.rglob("*")) if p.is_file()}


def _fail_once(monkeypatch, when):
    """os.replace raises PermissionError, as on Windows for a file open in Excel, the
    first time ``when(src, dst)`` holds."""
    from jxdigital.report import _build

    monkeypatch.setattr(_build, "_WINDOWS", True)
    real = os.replace
    hit = []

    def fake(src, dst, *args, **kwargs):
        if not hit and when(Path(src), Path(dst)):
            hit.append((src, dst))
            raise PermissionError(13, "The process cannot access the file", str(src))
        return real(src, dst, *args, **kwargs)

    monkeypatch.setattr(os, "replace", fake)
    return hit


# --- the folder holds one run ---------------------------------------------------------

@pytest.mark.slow
def test_a_second_run_removes_what_it_did_not_write_and_keeps_the_users_files(
        big, small, tmp_path, no_font):
    out = tmp_path / "jxdigital-report"
    import pandas as pd

    figures = pd.DataFrame([{"indicator_id": i, "year": y, "value": v, "source_title": "t"}
                            for i in NAMES for y, v in ((2021, 900), (2022, 1300))])
    judged = assess(big.plan, figures, today=TODAY)  # a chart file for every target
    first = write_report(judged, out, jobs=1)  # with the deck
    assert "deck.pptx" in first and "charts/x5.png" in first
    (out / "notes.txt").write_text("mine", encoding="utf-8")
    (out / "charts" / "mine.txt").write_text("mine", encoding="utf-8")
    second = write_report(small, out, deck=False, jobs=1)
    assert not (out / "deck.pptx").exists()
    assert not [p for p in (out / "charts").glob("x[2-5].png")]
    files = set(_tree(out))
    assert files == set(second) | {"notes.txt", "charts/mine.txt"}
    assert (out / "notes.txt").read_text(encoding="utf-8") == "mine"
    assert not [p for p in out.iterdir() if p.name.startswith(".jxdigital")]


@pytest.mark.slow
@pytest.mark.parametrize("locked", ["assessment.xlsx", "report.md"])
def test_a_locked_old_file_leaves_the_previous_report_exactly(small, tmp_path, monkeypatch,
                                                              no_font, locked):
    out = tmp_path / "jxdigital-report"
    write_report(small, out, deck=False, jobs=1)
    (out / "notes.txt").write_text("mine", encoding="utf-8")
    before = _tree(out)
    hit = _fail_once(monkeypatch, lambda src, dst: src == out / locked)
    with pytest.raises(ReportFolderError) as e:
        write_report(small, out, deck=False, jobs=1)
    assert hit
    assert str(e.value) == (f"{out / locked} is open in another program (locked); the "
                            "previous report was kept unchanged; close it and run again")
    assert e.value.path == out / locked
    assert _tree(out) == before
    assert not [p for p in out.iterdir() if p.name.startswith(".jxdigital")]


@pytest.mark.slow
def test_a_failed_move_of_a_new_file_puts_everything_back(small, tmp_path, monkeypatch,
                                                          no_font):
    """The last file to move in fails: the new ones already moved are taken out again
    and the old ones go back (no new CSV/JSON beside the old Markdown)."""
    out = tmp_path / "r"
    write_report(small, out, deck=False, jobs=1)
    before = _tree(out)
    hit = _fail_once(monkeypatch, lambda src, dst: dst == out / "report.md")
    with pytest.raises(ReportFolderError, match=r"report\.md is open in another program"):
        write_report(small, out, deck=False, jobs=1)
    assert hit
    assert _tree(out) == before
    assert not [p for p in out.iterdir() if p.name.startswith(".jxdigital")]


@pytest.mark.slow
def test_a_file_that_cannot_be_moved_elsewhere_says_so(small, tmp_path, monkeypatch,
                                                       no_font):
    """Off Windows an open file is no obstacle: a PermissionError is about permissions."""
    from jxdigital.report import _build

    out = tmp_path / "r"
    write_report(small, out, deck=False, jobs=1)
    before = _tree(out)
    _fail_once(monkeypatch, lambda src, dst: src == out / "report.html")
    monkeypatch.setattr(_build, "_WINDOWS", False)
    with pytest.raises(ReportFolderError) as e:
        write_report(small, out, deck=False, jobs=1)
    assert str(e.value) == (f"{out / 'report.html'} cannot be moved (permission denied); "
                            "the previous report was kept unchanged")
    assert _tree(out) == before


@pytest.mark.slow
def test_a_new_folder_is_not_left_behind_by_a_failed_run(small, tmp_path, monkeypatch,
                                                         no_font):
    out = tmp_path / "new"
    _fail_once(monkeypatch, lambda src, dst: dst == out / "report.md")
    with pytest.raises(ReportFolderError):
        write_report(small, out, deck=False, jobs=1)
    assert not out.exists()


@pytest.mark.slow
def test_cli_names_the_locked_file_without_a_traceback(plans, small, tmp_path, monkeypatch,
                                                       capsys, no_font):
    out = tmp_path / "jxdigital-report"
    write_report(small, out, deck=False, jobs=1)
    before = _tree(out)
    _fail_once(monkeypatch, lambda src, dst: src == out / "assessment.xlsx")
    code = main(["report", "--plan", str(plans[1]), "--out", str(out), "--no-deck",
                 "--jobs", "1", "--today", TODAY])
    err = capsys.readouterr().err
    assert code == Exit.USAGE == 2  # the --out folder cannot take the report
    assert (f"jxdigital: error: {out / 'assessment.xlsx'} is open in another program "
            "(locked); the previous report was kept unchanged; close it and run again") in err
    assert "Traceback" not in err
    assert _tree(out) == before


# --- --out must be a folder -------------------------------------------------------------

def test_out_naming_a_file_is_a_clear_error(plans, small, tmp_path, capsys):
    f = tmp_path / "report.txt"
    f.write_text("not a folder", encoding="utf-8")
    code = main(["report", "--plan", str(plans[1]), "--out", str(f), "--no-deck",
                 "--today", TODAY])
    cap = capsys.readouterr()
    assert code == 2
    assert cap.err == f"jxdigital: error: argument --out: {str(f)!r} is a file, not a folder\n"
    assert cap.out == ""  # said before any assessment is made
    assert f.read_text(encoding="utf-8") == "not a folder"
    with pytest.raises(ReportFolderError, match="is a file, not a folder"):
        write_report(small, f, deck=False, jobs=1)
    with pytest.raises(ReportFolderError, match=r"cannot be made: .*report\.txt.* is a file"):
        write_report(small, f / "sub", deck=False, jobs=1)
    code = main(["report", "--plan", str(plans[1]), "--out", str(f / "sub"), "--today", TODAY])
    assert code == 2 and "argument --out: " in capsys.readouterr().err


def test_a_folder_that_cannot_be_written_is_a_clear_error(small, tmp_path, monkeypatch,
                                                          capsys):
    import tempfile

    out = tmp_path / "r"
    out.mkdir()
    real = tempfile.mkdtemp

    def denied(*args, **kwargs):
        if Path(kwargs.get("dir", "")) == out:
            raise PermissionError(13, "Permission denied", str(out))
        return real(*args, **kwargs)

    monkeypatch.setattr(tempfile, "mkdtemp", denied)
    with pytest.raises(ReportFolderError, match=r"cannot write the report folder .*"
                                                r"Permission denied"):
        write_report(small, out, deck=False, jobs=1)
    assert list(out.iterdir()) == []


# --- plan text is text ------------------------------------------------------------------

@pytest.mark.slow
def test_excel_stores_formula_like_text_as_text_and_numbers_as_numbers(report):
    book = openpyxl.load_workbook(report / "assessment.xlsx")
    seen = set()
    for ws in book:
        for row in ws.iter_rows():
            for c in row:
                if isinstance(c.value, str) and c.value[:1] in "=+-@":
                    assert c.data_type == "s", (ws.title, c.coordinate, c.value)
                    seen.add(ws.title)
                assert c.data_type != "f", (ws.title, c.coordinate, c.value)
    assert {"概览", "目标明细"} <= seen
    ws = book["目标明细"]
    head = [c.value for c in ws[1]]
    names = [ws.cell(i, head.index("指标名称") + 1).value for i in range(2, 7)]
    assert names == list(NAMES.values())
    values = [ws.cell(i, head.index("目标值") + 1) for i in range(2, 7)]
    assert [(c.data_type, c.value) for c in values] == [("n", 6000)] * 5


@pytest.mark.slow
def test_csv_defuses_formula_like_text_and_keeps_numbers(report):
    text = (report / "assessment.csv").read_text(encoding="utf-8-sig")
    rows = list(csv.DictReader(text.splitlines()))
    assert [r["name_zh"] for r in rows] == [
        "'" + NAMES[i] if i != "x5" else NAMES[i] for i in NAMES]
    assert '"\'=HYPERLINK(""http://x"",""y"")"' in text  # prefixed and quoted
    assert '"\'-2+3"' in text and '"\'@SUM(A1)"' in text and '"\'+1+1"' in text
    line = text.splitlines()[1]
    assert ",640.0,2025,6000.0," in line  # numbers unquoted, as before
    assert [r["target_value"] for r in rows] == ["6000.0"] * 5


def test_defuse_is_for_text_only():
    import pandas as pd

    for bad in ["=1+1", "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1", "-", "=-1"]:
        assert defuse(bad) == "'" + bad
    for ok in ["1+1", "江西", "", "-1.5", "+3", "-1,234.5", "1e5", "-1e-5", "—"]:
        assert defuse(ok) == ok
    df = pd.DataFrame({"n": [-1.5, 2.0], "i": [-1, 2], "b": [True, False],
                       "t": ["-2+3", None], "o": pd.Series([-1, "=x"], dtype=object)})
    out = safe_frame(df)
    assert out["n"].tolist() == [-1.5, 2.0] and out["i"].tolist() == [-1, 2]
    assert out["b"].tolist() == [True, False]
    assert out["t"].tolist()[0] == "'-2+3" and out["t"].isna().tolist()[1]
    assert out["o"].tolist() == [-1, "'=x"]  # a number in a text column stays a number


@pytest.mark.slow
def test_markdown_shows_plan_markup_as_text(report):
    md = (report / "report.md").read_text(encoding="utf-8")
    assert "<script>" not in md and "alert(1)</script>" not in md
    assert "&lt;script>alert(1)&lt;/script> R&amp;D\\|x" in md
    lines = md.splitlines()
    rows = [i for i, ln in enumerate(lines) if "&lt;script" in ln and ln.startswith("| ")]
    assert len(rows) == 1  # the targets (one table: no second account, no empty look back)
    for i in rows:  # the pipe in the name does not split its cell
        rule = max(j for j in range(i) if lines[j].startswith("|---"))
        assert len(re.split(r"(?<!\\)\|", lines[i])) == lines[rule].count("|") + 1
    # in the data gaps (a line of its own, or its name among those sharing a reason)
    gap = next(ln for ln in md.splitlines() if ln.startswith("- ") and "&lt;script" in ln)
    assert "R&amp;D|x" in gap


@pytest.mark.slow
def test_html_shows_plan_markup_as_text(report):
    page = (report / "report.html").read_text(encoding="utf-8")
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; R&amp;D|x" in page
    assert page.count("<script>") == 1  # the page's own sorting script only


def test_replace_files_keeps_the_old_files_when_even_putting_them_back_fails(tmp_path,
                                                                             monkeypatch):
    from jxdigital._atomic import ReplaceError, replace_files

    folder, stage = tmp_path / "f", tmp_path / "f" / ".stage"
    stage.mkdir(parents=True)
    (folder / "a.txt").write_text("old a", encoding="utf-8")
    (folder / "b.txt").write_text("old b", encoding="utf-8")
    (stage / "a.txt").write_text("new a", encoding="utf-8")
    real = os.replace

    def fake(src, dst):
        if Path(dst).name == "a.txt" and Path(dst).parent == folder:  # in, and back
            raise PermissionError(13, "locked", str(dst))
        return real(src, dst)

    monkeypatch.setattr(os, "replace", fake)
    with pytest.raises(ReplaceError) as e:
        replace_files(folder, {"a.txt": stage / "a.txt"}, ["a.txt", "b.txt"])
    assert e.value.path == folder / "a.txt" and not e.value.restored
    assert (folder / "b.txt").read_text(encoding="utf-8") == "old b"  # this one went back
    assert (e.value.backup / "a.txt").read_text(encoding="utf-8") == "old a"  # kept


def test_the_pages_font_is_the_same_bytes_whenever_it_is_made(monkeypatch):
    """Same inputs, same outputs: the embedded font subset carried the second it was cut."""
    from fontTools.ttLib.tables import _h_e_a_d

    from jxdigital.report._webfont import font_face_css

    monkeypatch.setattr(_h_e_a_d, "timestampNow", lambda: 3_900_000_000)
    first = font_face_css("共8项目标")
    monkeypatch.setattr(_h_e_a_d, "timestampNow", lambda: 3_900_000_001)
    assert font_face_css("共8项目标") == first
