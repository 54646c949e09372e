"""``jxdigital template``: the workbook a department fills in (填报表), and its round trip
through ``load_actuals`` and the command line."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

openpyxl = pytest.importorskip("openpyxl")
pytest.importorskip("xlsxwriter")

import jxdigital  # noqa: E402
from _build import plan_csv  # noqa: E402
from jxdigital.cli import main  # noqa: E402
from jxdigital.observations import parse_number  # noqa: E402
from jxdigital.report import write_template  # noqa: E402
from jxdigital.report._fill import SHIPPED_FILL, parse_years  # noqa: E402

GREY = "FF" + SHIPPED_FILL.lstrip("#").upper()
SOURCE_COLUMNS = ["来源", "发布单位", "发布日期", "口径说明"]


@pytest.fixture(scope="module")
def plan():
    return jxdigital.load_plan()


@pytest.fixture(scope="module")
def template(tmp_path_factory, plan) -> Path:
    return write_template(tmp_path_factory.mktemp("tpl") / "填报表.xlsx", plan)


def _sheet(path: Path):
    wb = openpyxl.load_workbook(path)
    ws = wb.worksheets[0]
    header = [c.value for c in ws[1]]
    rows = {ws.cell(r, 1).value: r for r in range(2, ws.max_row + 1) if ws.cell(r, 1).value}
    return wb, ws, header, rows


def _cell(ws, header, rows, iid: str, column: str):
    return ws.cell(rows[iid], header.index(column) + 1)


def test_template_of_the_default_plan(template, plan):
    wb, ws, header, rows = _sheet(template)
    assert wb.sheetnames[0] == "填报" and ws.sheet_state == "visible"
    assert "说明" in wb.sheetnames
    assert wb["_jxdigital"].sheet_state == "hidden"
    # one row per indicator, in the plan's order, with the plan's name and unit
    assert list(rows) == [t.indicator_id for t in plan]
    assert len(rows) == 19
    t = plan["digital_economy_value_added"]
    assert _cell(ws, header, rows, t.indicator_id, "指标名称").value == t.indicator.name_zh
    assert _cell(ws, header, rows, t.indicator_id, "单位").value == "亿元"
    assert "8354" in _cell(ws, header, rows, t.indicator_id, "定义").value
    assert _cell(ws, header, rows, t.indicator_id, "地区").value == "jiangxi"
    # the header: names, the base year, a column per year, then the source columns
    assert header[:4] == ["indicator_id", "指标名称", "单位", "定义"]
    assert [h for h in header if re.fullmatch(r"\d{4}", h)] == [str(y) for y in range(2020, 2026)]
    assert header[header.index("2025") + 1:][:4] == SOURCE_COLUMNS
    assert ws.freeze_panes == "D2"  # header and the name columns stay in view

    # the plan's base figure, in grey, saying where it comes from
    base = _cell(ws, header, rows, t.indicator_id, "2020")
    assert base.value == 8354 and base.fill.fgColor.rgb == GREY
    assert "规划基期值" in base.comment.text
    # the figures the assessment rests on (published, bounds and derived ones, with their
    # qualifier), in the plan's unit, grey, with their source in a comment; every other year
    # cell is empty and white
    used = jxdigital.assess(plan).series
    have = {(iid, int(r.year)): r for iid, f in used.items() for r in f.itertuples()
            if 2021 <= r.year <= 2025 and r.as_of == "" and r.indicator_id == iid}
    assert len(have) >= 3
    for (iid, year), r in have.items():
        c = _cell(ws, header, rows, iid, str(year))
        assert c.fill.fgColor.rgb == GREY, (iid, year)
        assert parse_number(c.value).value == pytest.approx(r.value)
        assert r.source_title in c.comment.text
    for iid in rows:
        for y in range(2021, 2026):
            if (iid, y) not in have:
                c = _cell(ws, header, rows, iid, str(y))
                assert c.value is None and c.fill.fgColor.rgb != GREY, (iid, y)

    # the hidden record lists exactly the grey cells, with the text the reader will see
    record = list(wb["_jxdigital"].iter_rows(values_only=True))
    assert record[0] == ("sheet", "row", "column", "text", "indicator_id")
    greys = {(c.row, header[c.column - 1]) for row in ws.iter_rows(min_row=2) for c in row
             if c.fill.fgColor.rgb == GREY}
    assert {(r, col) for _, r, col, _, _ in record[1:]} == greys
    for sheet, r, col, text, _ in record[1:]:
        v = ws.cell(r, header.index(col) + 1).value
        assert sheet == "填报"
        assert text == (f"{v:.15g}" if isinstance(v, (int, float)) else v)


def _validation_words(formula: str) -> list[str]:
    return re.findall(r',"([^"]+)",""\)', formula)


def test_year_cells_reject_text_that_cannot_be_read(template):
    wb, ws, header, _ = _sheet(template)
    dv = [d for d in ws.data_validations.dataValidation if d.type == "custom"]
    assert len(dv) == 1
    dv = dv[0]
    first = openpyxl.utils.get_column_letter(header.index("2020") + 1)
    last = openpyxl.utils.get_column_letter(header.index("2025") + 1)
    assert str(dv.sqref).startswith(f"{first}2:{last}")  # every year cell, and rows below
    assert dv.showErrorMessage and dv.errorStyle in (None, "stop") and dv.error
    formula = dv.formula1
    assert len(formula) <= 255  # Excel's limit for a validation formula
    assert formula.startswith("OR(ISNUMBER(" + first + "2)")
    assert '"—"' in formula

    def accepts(text: str) -> bool:  # the formula, as Excel evaluates it on a text entry
        if text in ("—", "-"):
            return True
        for w in _validation_words(formula):
            text = text.replace(w, "")
        try:
            float(text.strip().rstrip("%"))
        except ValueError:
            return False
        return True

    for ok in ["6万多", "约3000", "3000以上", "3000左右", "超过3000", "1.2万", "48.6%", "—"]:
        assert accepts(ok), ok
        if ok != "—":
            parse_number(ok)  # what the formula lets through, the reader reads
    for bad in ["较快增长", "n/a", "3000亿元?", "约", "见备注"]:
        assert not accepts(bad), bad

    help_text = "\n".join(str(c.value) for c in wb["说明"]["A"] if c.value)
    for form in ["6万多", "约3000", "—", "48.6%", "2022-03-01", "每行一个来源"]:
        assert form in help_text


def test_round_trip_through_load_actuals(template, plan, tmp_path):
    untouched = jxdigital.load_actuals(template, plan=plan)
    assert len(untouched) == 0  # the grey figures are jxdigital's, not the user's
    assert any("template" in n for n in untouched.attrs["notes"])

    wb, ws, header, rows = _sheet(template)
    _cell(ws, header, rows, "online_retail_sales", "2023").value = 2100
    _cell(ws, header, rows, "online_retail_sales", "2024").value = "约3000"
    _cell(ws, header, rows, "online_retail_sales", "来源").value = "江西省统计公报"
    _cell(ws, header, rows, "online_retail_sales", "发布单位").value = "江西省统计局"
    _cell(ws, header, rows, "online_retail_sales", "发布日期").value = "2025-03-01"
    filled = tmp_path / "江西填报.xlsx"
    wb.save(filled)

    mine = jxdigital.load_actuals(filled, plan=plan).sort_values("year")
    assert len(mine) == 2
    assert mine["indicator_id"].tolist() == ["online_retail_sales"] * 2
    assert mine["year"].tolist() == [2023, 2024]
    assert mine["value"].tolist() == [2100, 3000]
    assert mine["unit"].tolist() == ["亿元", "亿元"]
    assert mine["qualifier"].tolist() == ["exact", "approximate"]
    assert set(mine["source_title"]) == {"江西省统计公报"}
    assert set(mine["publisher"]) == {"江西省统计局"}
    assert set(mine["published"]) == {"2025-03-01"}
    assert set(mine["region"]) == {"jiangxi"}
    assert set(mine["origin"]) == {"江西填报.xlsx"}

    # a grey figure typed over is the user's
    record = list(openpyxl.load_workbook(template)["_jxdigital"].iter_rows(values_only=True))[1:]
    _, r, col, text, _ = next((x for x in record if x[2] != "2020"), record[0])
    iid = ws.cell(r, 1).value
    old = parse_number(text).value
    ws.cell(r, header.index(col) + 1).value = old * 1.1
    wb.save(filled)
    mine = jxdigital.load_actuals(filled, plan=plan)
    assert len(mine) == 3
    over = mine[mine["indicator_id"] == iid]
    assert over["year"].tolist() == [int(col)]
    assert over["value"].iloc[0] == pytest.approx(old * 1.1)
    assert over["source_title"].iloc[0] == "江西填报.xlsx"  # the row gave no source


def test_round_trip_through_the_command_line(tmp_path, capsys):
    out = tmp_path / "填报表.xlsx"
    assert main(["template", "--out", str(out)]) == 0
    assert "填报表.xlsx" in capsys.readouterr().out
    assert [p.name for p in tmp_path.iterdir()] == ["填报表.xlsx"]  # no temporary left

    before = out.read_bytes()
    assert main(["template", "--out", str(out)]) == 2  # never overwritten by accident
    err = capsys.readouterr().err
    assert "--out" in err and "exists" in err and "--force" in err
    assert out.read_bytes() == before
    assert main(["template", "--out", str(out), "--force"]) == 0
    assert main(["template", "--out", str(tmp_path / "x.csv")]) == 2
    assert ".xlsx" in capsys.readouterr().err

    wb, ws, header, rows = _sheet(out)
    _cell(ws, header, rows, "software_it_services_revenue", "2023").value = 450
    _cell(ws, header, rows, "software_it_services_revenue", "来源").value = "部门统计"
    share = _cell(ws, header, rows, "core_digital_industry_share_of_gdp", "2023")
    share.value, share.number_format = 0.072, "0.0%"  # what Excel keeps of a typed 7.2%
    wb.save(out)
    mine = jxdigital.load_actuals(out).set_index("indicator_id")["value"]
    assert mine.to_dict() == {"software_it_services_revenue": 450,
                              "core_digital_industry_share_of_gdp": pytest.approx(7.2)}
    capsys.readouterr()
    assert main(["assess", "--actuals", str(out), "--today", "2026-12-01"]) == 0
    assert "软件和信息技术服务业营业收入" in capsys.readouterr().out


def test_a_users_plan_file(tmp_path):
    plan_file = plan_csv(tmp_path, [
        "zj_digital_value,浙江数字经济增加值,亿元,2020,30000,2025,50000,zhejiang",
        "zj_base_stations,浙江5G基站数,万个,2020,6.26,2025,20以上,zhejiang"], "region",
        name="zj_plan.csv")
    out = tmp_path / "zj.xlsx"
    assert main(["template", "--plan", str(plan_file), "--out", str(out)]) == 0
    wb, ws, header, rows = _sheet(out)
    assert list(rows) == ["zj_digital_value", "zj_base_stations"]
    assert _cell(ws, header, rows, "zj_base_stations", "单位").value == "万个"
    assert {ws.cell(r, header.index("地区") + 1).value for r in rows.values()} == {"zhejiang"}
    greys = [(c.row, header[c.column - 1], c.value) for row in ws.iter_rows(min_row=2)
             for c in row if c.fill.fgColor.rgb == GREY]
    assert greys == [(2, "2020", 30000), (3, "2020", 6.26)]  # the base, nothing shipped

    _cell(ws, header, rows, "zj_base_stations", "2022").value = "10以上"  # in the row's 万个
    wb.save(out)
    with pytest.warns(UserWarning, match="lower bound"):
        mine = jxdigital.load_actuals(out, plan=plan_file)
    assert len(mine) == 1
    r = mine.iloc[0]
    assert (r["indicator_id"], r["region"], r["year"]) == ("zj_base_stations", "zhejiang", 2022)
    assert (r["value"], r["unit"], r["qualifier"]) == (10, "万个", "lower_bound")


def test_years_option(tmp_path, capsys):
    out = tmp_path / "t.xlsx"
    assert main(["template", "--years", "2021-2023", "--out", str(out)]) == 0
    _, _, header, _ = _sheet(out)
    assert [h for h in header if re.fullmatch(r"\d{4}", h)] == ["2020", "2021", "2022", "2023"]

    for bad in ["2023-2021", "21-23", "2021-2023x", "1800"]:
        assert main(["template", "--years", bad, "--out", str(tmp_path / "u.xlsx")]) == 2
        err = capsys.readouterr().err
        assert "argument --years" in err and bad in err
    assert not (tmp_path / "u.xlsx").exists()
    assert parse_years("2021-2023") == [2021, 2022, 2023]
    assert parse_years("2021, 2023") == [2021, 2023]


def test_english_template_reads_back(tmp_path, plan):
    out = write_template(tmp_path / "figures.xlsx", plan, years=[2023, 2024], lang="en")
    wb, ws, header, rows = _sheet(out)
    assert header[:4] == ["indicator_id", "indicator", "unit", "definition"]
    assert wb.sheetnames[0] == "figures"
    assert _cell(ws, header, rows, "digital_economy_value_added", "indicator").value == \
        "Digital economy value added"
    assert len(jxdigital.load_actuals(out, plan=plan)) == 0
    _cell(ws, header, rows, "ipv6_active_users", "2024").value = 5200
    _cell(ws, header, rows, "ipv6_active_users", "source_title").value = "MIIT bulletin"
    wb.save(out)
    mine = jxdigital.load_actuals(out, plan=plan)
    assert mine[["indicator_id", "year", "value", "source_title"]].values.tolist() == [
        ["ipv6_active_users", 2024, 5200, "MIIT bulletin"]]


def test_template_prefills_what_the_assessment_uses(template):
    """5G: the assessment rests on end-2021 ≈ 4.2万 (6.2万 at 2022-09 less the 2万 built
    in 2022) and end-2022 ≥ 6.2万 (the September count); the 工信厅's "6万多" for 2021 is
    not used, so it is not what the department is shown."""
    _wb, ws, header, rows = _sheet(template)
    c21 = _cell(ws, header, rows, "base_stations_5g", "2021")
    c22 = _cell(ws, header, rows, "base_stations_5g", "2022")
    assert c21.value == "约4.2" and c22.value == "6.2以上"
    assert "推算" in c21.comment.text and "2022-09" in c22.comment.text
    assert "6以上" not in {str(c.value) for row in ws.iter_rows() for c in row}


def test_template_definitions_speak_the_workbook_language(template, tmp_path, plan):
    """The Chinese form's 定义 holds the plan's words and the audit's finding in Chinese,
    no English catalogue note; the English form keeps the note."""
    _wb, ws, header, rows = _sheet(template)
    definitions = {iid: _cell(ws, header, rows, iid, "定义").value for iid in rows}
    for iid, text in definitions.items():
        assert not re.search(r"[A-Za-z]{4,} [a-z]{3,}", text.replace("IPv6", "")), (iid, text)
    assert "核对：规划所列年均增长18%与296→600不符（按基期和目标推算为年均15.2%）" in \
        definitions["software_it_services_revenue"]
    assert "单位原文为“Gpbs”，应为Gbps" in definitions["interprovincial_bandwidth"]
    # the unit column shows the meant unit; the plan's typo stays in its quoted words
    assert _cell(ws, header, rows, "interprovincial_bandwidth", "单位").value == "Gbps"
    en = write_template(tmp_path / "en.xlsx", plan, lang="en")
    ws_en = openpyxl.load_workbook(en).worksheets[0]
    texts = [c.value for c in ws_en["D"] if c.value]
    assert any("Stated growth 18% does not match 296→600" in t for t in texts)


def test_template_cells_show_in_full(template):
    """Ids are not cut, and every line of a wrapped name or definition shows: the row is at
    least as tall as its lines (15 pt a name line, 12 pt a 9 pt definition line)."""
    _wb, ws, header, rows = _sheet(template)
    letter = openpyxl.utils.get_column_letter
    id_width = ws.column_dimensions[letter(header.index("indicator_id") + 1)].width
    assert id_width >= 0.85 * max(map(len, rows))
    width = ws.column_dimensions[letter(header.index("定义") + 1)].width
    for iid, r in rows.items():
        text = _cell(ws, header, rows, iid, "定义").value
        chars = [sum(2 if ord(ch) > 0x2E80 else 1 for ch in part) for part in text.split("\n")]
        need = sum(-(-c // int(width * 11 / 9)) for c in chars)  # lines at the least
        assert ws.row_dimensions[r].height >= 12 * need, (iid, need)



def test_a_workbook_is_dated_the_day_given_not_by_the_clock(tmp_path):
    """A workbook's creation time is the day given (xlsxwriter's default is the clock), so
    rewriting it with the same inputs writes the same bytes: a job that compares files
    sees no change."""
    import datetime as dt
    import zipfile

    out = write_template(tmp_path / "a.xlsx", today=dt.date(2026, 12, 1))
    with zipfile.ZipFile(out) as z:
        core = z.read("docProps/core.xml").decode()
    assert "<dcterms:created xsi:type=\"dcterms:W3CDTF\">2026-12-01T00:00:00Z" in core
