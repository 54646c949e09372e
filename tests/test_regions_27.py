"""Issue 27 item 10: one indicator for several regions in one plan — a provincial table
broken down to its 11 设区市, a 31-province table — keyed by (indicator, region), judged on
each region's own figures, and shown with a region column and a region-by-indicator
overview in every output."""

from __future__ import annotations

import json
import warnings

import openpyxl
import pytest

import jxdigital
from _build import DRAFT_COLUMNS, csv_file, plan_csv, target
from jxdigital import load_actuals, load_plan
from jxdigital.catalog._regions import CITIES, REGIONS
from jxdigital.cli import Exit, main
from jxdigital.errors import NotFoundError, PlanFormatError
from jxdigital.observations import ActualsError
from jxdigital.present.view import view
from jxdigital.report import to_excel, to_json, to_markdown

TODAY = "2026-12-01"
CITY_ZH = ["南昌市", "景德镇市", "萍乡市", "九江市", "新余市", "鹰潭市", "赣州市", "吉安市",
           "宜春市", "抚州市", "上饶市"]
PROVINCES = [code for code in REGIONS if code not in ("china", "hong_kong", "macao", "taiwan")]


@pytest.fixture
def cities(tmp_path):
    """A provincial table broken down to the 11 cities: a count and a share for each, the
    count's base city by city (k·100), its target three times the base; four years of
    figures, the count at k·100·(1, 1.5, 2, 2.5, 2.9)."""
    plan, figs = [], ["indicator_id,region,year,value,unit,source_title"]
    for k, city in enumerate(CITY_ZH, start=1):
        plan.append(target("city_sites", k * 300, name_zh="站点数", name_en="sites", unit="个",
                           region=city, base_text=k * 100, attribute="预期性"))
        plan.append(target("city_share", 8, name_zh="占比", name_en="share", unit="%",
                           region=city, base_text=5, attribute="约束性"))
        for y, m in ((2021, 1.5), (2022, 2.0), (2023, 2.5), (2024, 2.9)):
            figs.append(f"city_sites,{city[:-1]},{y},{k * 100 * m:g},个,市局")
        for y, v in ((2021, 5.5), (2022, 6.1), (2023, 6.6), (2024, 8.2 if k == 7 else 7.0)):
            figs.append(f"city_share,{city},{y},{v},%,市统计局")
    return (plan_csv(tmp_path, plan, name="cities.csv"),
            csv_file(tmp_path / "city_figs.csv", figs))


def _assess(plan, figs, lang="zh"):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return jxdigital.assess(str(plan), actuals=str(figs), today=TODAY, lang=lang)


def test_a_table_broken_down_to_11_cities_is_one_plan_keyed_by_region(cities):
    plan = load_plan(cities[0])
    assert len(plan) == 22
    assert plan.regions == tuple(CITIES)  # 南昌 … 上饶, in the file's order
    assert plan["city_sites@ganzhou"].target_value == 2100  # 赣州 is the 7th: 7·300
    assert plan[("city_sites", "fuzhou_jx")].base_value == 1000  # 抚州 is the 10th
    with pytest.raises(NotFoundError, match="city_sites@nanchang"):
        plan["city_sites"]  # one id, eleven regions: the error names the keys
    f = plan.to_frame()
    assert f["key"].is_unique and set(f["region"]) == set(CITIES)


def test_each_city_is_judged_on_its_own_figures(cities):
    a = _assess(*cities)
    f = a.to_frame().set_index("key")
    for k, code in enumerate(CITIES, start=1):
        # the latest figure is the city's own 2024 figure, k·100·2.9, never another's
        assert f.loc[f"city_sites@{code}", "latest_value"] == pytest.approx(k * 290)
        assert f.loc[f"city_sites@{code}", "region"] == code
    # 赣州's share reached 8.2 % in 2024, past its 8 % target; the others stand at 7 %
    assert f.loc["city_share@ganzhou", "latest_value"] == 8.2
    assert f.loc["city_share@nanchang", "latest_value"] == 7.0
    assert a["city_share@ganzhou"].p_met > a["city_share@nanchang"].p_met
    assert a[("city_share", "ganzhou")] is a["city_share@ganzhou"]


def test_the_report_has_a_region_column_and_a_region_by_indicator_overview(cities, tmp_path):
    a = _assess(*cities)
    md = to_markdown(a)
    assert md.count("共22项目标") == 1  # one count, once
    grid = md.split("## 分地区一览")[1].split("## ")[0]
    rows = [line for line in grid.splitlines() if line.startswith("| ") and "---" not in line]
    assert rows[0].startswith("| 地区 | ")  # header, then the 11 cities in the plan's order
    assert [r.split(" | ")[0][2:] for r in rows[1:]] == [c[:-1] for c in CITY_ZH]
    assert "| 地区 | 指标 |" in md.split("## 各项目标")[1]  # the main table's region column
    assert "### 赣州" in md  # a section per region
    en = to_markdown(a, lang="en")
    assert "## Region by indicator" in en and "| Ganzhou |" in en and "| Fuzhou |" in en
    out = to_excel(a, tmp_path / "a.xlsx")
    wb = openpyxl.load_workbook(out)
    assert "分地区" in wb.sheetnames
    ws = wb["分地区"]
    assert [ws.cell(i, 1).value for i in range(2, 13)] == [c[:-1] for c in CITY_ZH]
    head = [c.value for c in wb["概览"][1]]
    assert "地区" in head
    records = json.loads(to_json(a))
    targets = records["targets"] if isinstance(records, dict) else records
    assert {t["region"] for t in targets} == set(CITIES)


def test_charts_and_lists_name_the_region(cities, tmp_path):
    a = _assess(*cities)
    v = view(a, "zh")
    assert v["city_sites@ganzhou"].name == "赣州 站点数"
    assert v.chart("city_sites@ganzhou").title.startswith("赣州")
    ve = view(a, "en")
    assert ve["city_sites@jian"].name == "Ji'an: sites"
    # one dashboard page never mixes a region's panels with another's title
    pages = v.dashboard_pages
    assert sum(len(p.targets) for p in pages) == 22


def test_a_row_pasted_twice_is_an_error_naming_both_lines(tmp_path):
    p = plan_csv(tmp_path, ["city_sites,站点数,个,赣州市,2020,100,2025,300",
                            "city_sites,站点数,个,吉安市,2020,100,2025,300",
                            "city_sites,站点数,个,赣州,2020,100,2025,300"],
                 columns=DRAFT_COLUMNS, name="twice.csv")
    with pytest.raises(PlanFormatError) as e:
        load_plan(p)
    text = str(e.value)
    assert "line 4" in text and "line 2" in text and "ganzhou" in text
    assert main(["validate", str(p)]) == Exit.INVALID_INPUT


def test_rows_without_a_region_for_one_indicator_are_duplicates(tmp_path):
    p = plan_csv(tmp_path, ["city_sites,站点数,个,2020,100,2025,300",
                            "city_sites,站点数,个,2020,100,2025,300"], name="noregion.csv")
    with pytest.raises(PlanFormatError, match="line 2"):
        load_plan(p)


def test_one_indicator_for_two_target_years_is_two_targets(tmp_path):
    p = plan_csv(tmp_path, ["city_sites,站点数,个,jiangxi,2020,100,2025,300",
                            "city_sites,站点数,个,jiangxi,2020,100,2030,600"],
                 columns=DRAFT_COLUMNS, name="years.csv")
    plan = load_plan(p)
    assert [t.key for t in plan] == ["city_sites@2025", "city_sites@2030"]


def test_figures_without_a_region_for_a_plan_of_several_regions_are_refused(cities, tmp_path):
    figs = csv_file(tmp_path / "noregion_figs.csv", [
        "indicator_id,year,value,unit", "city_sites,2024,290,个"])
    with pytest.raises(ActualsError) as e:
        load_actuals(figs, plan=cities[0])
    assert "region" in str(e.value) and "nanchang" in str(e.value)


@pytest.mark.slow  # writes the whole report (4-12 s)
def test_a_31_province_table_in_the_wide_layout(tmp_path):
    plan, figs = [], ["indicator_id,region,unit,2021,2022,2023,2024"]
    for k, code in enumerate(PROVINCES, start=1):
        name = REGIONS[code] + ("省" if code not in ("beijing", "tianjin", "shanghai",
                                                    "chongqing") else "市")
        plan.append(f"prov_index,发展指数,点,{name},2020,{50 + k},2025,{60 + k}")
        figs.append(f"prov_index,{code},点,{51 + k},{53 + k},{55 + k},{57 + k}")
    p = plan_csv(tmp_path, plan, columns=DRAFT_COLUMNS, name="provinces.csv")
    f = csv_file(tmp_path / "province_figs.csv", figs)
    a = _assess(p, f)
    assert len(a) == 31 and len(a.plan.regions) == 31
    frame = a.to_frame().set_index("region")
    for k, code in enumerate(PROVINCES, start=1):
        assert frame.loc[code, "latest_value"] == 57 + k
    md = to_markdown(a)
    grid = md.split("## 分地区一览")[1].split("## ")[0]
    # the header and a row per province
    assert sum(line.startswith("| ") for line in grid.splitlines()) == 1 + 31
    assert main(["report", "--plan", str(p), "--actuals", str(f), "--today", TODAY,
                 "--out", str(tmp_path / "out"), "--no-deck"]) == Exit.OK
    assert (tmp_path / "out" / "report.html").read_text(encoding="utf-8").count("分地区一览") == 1


def test_the_fill_in_workbook_has_a_row_per_indicator_and_region(cities, tmp_path):
    out = tmp_path / "fill.xlsx"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        assert main(["template", "--plan", str(cities[0]), "--out", str(out)]) == Exit.OK
    ws = openpyxl.load_workbook(out)["填报"]
    head = [c.value for c in ws[1]]
    rows = list(ws.iter_rows(min_row=2, values_only=True))
    pairs = [(r[0], r[head.index("地区")]) for r in rows if r[0]]
    assert len(pairs) == 22 and len(set(pairs)) == 22
    assert ("city_sites", "ganzhou") in pairs
    # the base column holds each city's own base: 赣州 (the 7th) 700
    base = head.index("2020")
    assert [r[base] for r in rows if (r[0], r[head.index("地区")]) ==
            ("city_sites", "ganzhou")] == [700]


def test_the_workbook_groups_by_its_region_column_and_projections_name_their_target(
        cities, tmp_path):
    a = _assess(*cities)
    wb = openpyxl.load_workbook(to_excel(a, tmp_path / "a.xlsx"))
    head = [c.value for c in wb["概览"][1]]
    assert head[:3] == ["序号", "地区", "指标"]  # no section column repeating the region
    sheet = next(ws for ws in wb.worksheets if ws.title.startswith("预测"))
    cols = [c.value for c in sheet[1]]
    keys = {r[cols.index("目标代码（指标代码@地区）")]
            for r in sheet.iter_rows(min_row=2, values_only=True)}
    assert "city_sites@ganzhou" in keys and "city_sites@nanchang" in keys
