"""English units: every unit a plan prints is multiplied out and named in English, with as
many significant figures as the Chinese text shows, in reasons, tables, charts, the workbook
and the deck. (The issue: ``1.1万亿元`` read "11,000 万亿元", ``1.9万人`` "19,000 万人".)

Every golden below is worked by hand from the printed unit's scale: 亿 = 10^8, 万 = 10^4,
万亿 = 10^12; million = 10^6, billion = 10^9, trillion = 10^12."""

from __future__ import annotations

import csv
import re

import pandas as pd
import pytest

from _build import plan_csv, read_figures, read_plan
from jxdigital import assess
from jxdigital._data import data_path
from jxdigital.present._text import num, unit_en, value

CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")

#: printed unit → (figure in that unit, English figure, English unit label for headers and
#: axes whose numbers stay in the printed unit).
GOLDEN = {
    # money: yuan in words past a million
    "元": (41000, "41,000 yuan", "yuan"),
    "万元": (8100, "81 million yuan", "10,000 yuan"),  # 8100 × 10^4 = 8.1 × 10^7
    "亿元": (0.52, "52 million yuan", "100 million yuan"),  # 0.52 × 10^8 = 5.2 × 10^7
    "万亿元": (1.1, "1.1 trillion yuan", "trillion yuan"),  # 1.1 × 10^12
    # counts: 个 names nothing of its own, the bare number
    "个": (100, "100", "count"),
    "万个": (3.4, "34,000", "× 10,000"),  # 3.4 × 10^4
    "户": (5000, "5,000 users", "users"),
    "万户": (13.6, "136,000 users", "× 10,000 users"),  # 13.6 × 10^4
    "亿户": (2.1, "210 million users", "× 100 million users"),  # 2.1 × 10^8
    "人": (800, "800 people", "people"),
    "万人": (1.9, "19,000 people", "× 10,000 people"),  # 1.9 × 10^4
    "亿人": (1.2, "120 million people", "× 100 million people"),
    # the other units the shipped plans print
    "%": (48.6, "48.6%", "%"),
    "": (48.6, "48.6", ""),  # an index
    "万": (2330, "23.3 million", "× 10,000"),  # 2330 × 10^4 = 2.33 × 10^7
    "亿": (4.6, "460 million", "× 100 million"),
    "件": (5500, "5,500 items", "items"),
    "家": (20, "20 firms", "firms"),
    "万家": (8, "80,000 firms", "× 10,000 firms"),
    "所": (10, "10 institutions", "institutions"),
    "名": (500, "500 people", "people"),
    "万名": (5, "50,000 people", "× 10,000 people"),
    "条": (2, "2", "count"),
    "万条": (5000, "50 million records", "× 10,000 records"),  # 5000 × 10^4 = 5 × 10^7
    "门": (500, "500 courses", "courses"),
    "朵": (8, "8 clouds", "clouds"),
    "类": (5, "5 categories", "categories"),
    "亿页": (1.5, "150 million pages", "× 100 million pages"),
    "台(套)": (20000, "20,000 units", "units"),
    "万台/套": (10, "100,000 units", "× 10,000 units"),
    "G": (10000, "10,000 Gbps", "Gbps"),
    "Gpbs": (70000, "70,000 Gbps", "Gbps"),  # the plan's typo
    "Gbps": (34790, "34,790 Gbps", "Gbps"),
    "T": (5, "5 Tbps", "Tbps"),  # bandwidth as printed, not converted
}


def catalogue_units() -> set[str]:
    with open(data_path("indicators.csv"), encoding="utf-8") as f:
        return {r["unit"] for r in csv.DictReader(f)}


# ------------------------------------------------------------------ the text helpers
@pytest.mark.parametrize("unit", sorted(GOLDEN))
def test_every_unit_in_english(unit):
    v, words, label = GOLDEN[unit]
    assert value(v, unit, "en") == words
    assert unit_en(unit) == label
    assert not CJK.search(words + label)


def test_every_unit_of_the_shipped_catalogue_has_an_english_golden():
    """A unit added to the catalogue without an English rendering fails here."""
    units = catalogue_units()
    assert {"亿元", "万亿元", "万户", "亿户", "万个", "个", "%"} <= units  # both main plans
    assert units <= set(GOLDEN), units - set(GOLDEN)


def test_every_catalogue_figure_reads_without_chinese():
    with open(data_path("indicators.csv"), encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    for r in rows:
        for col in ("base_value", "target_value", "target_high"):
            if r[col] not in ("", "nan"):
                text = value(float(r[col]), r["unit"], "en")
                assert not CJK.search(text), (r["plan_id"], r["indicator_id"], col, text)


@pytest.mark.parametrize(("v", "unit", "words"), [
    (16000, "亿元", "1.6 trillion yuan"),  # 1.6 × 10^4 × 10^8
    (0.8, "亿元", "80 million yuan"),
    (13200, "亿元", "1.32 trillion yuan"),
    (8354, "亿元", "835.4 billion yuan"),
    (811.5, "亿元", "81.15 billion yuan"),
    (10, "万个", "100,000"),
    (23800, "万户", "238 million users"),
    (1, "家", "1 firm"),
    (1, "万元", "10,000 yuan"),
    (3, "千万元", "30 million yuan"),  # 3 × 10^7, a scale the plans do not print yet
])
def test_scaled_forms(v, unit, words):
    assert value(v, unit, "en") == words


@pytest.mark.parametrize(("v", "unit", "words"), [
    # as many digits as the Chinese text shows (0.747亿元, 11.7万个, 2.62万人, 1.39万亿元)
    (0.7466, "亿元", "74.7 million yuan"),
    (11.7044, "万个", "117,000"),
    (2.6168, "万人", "26,200 people"),
    (13876, "亿元", "1.39 trillion yuan"),
    (9.5913, "亿户", "959 million users"),
    (16.9964, "亿户", "1.7 billion users"),  # 17.00亿户, trailing zeros dropped
    # and never fewer: a small figure keeps three significant figures
    (0.0052, "亿元", "520,000 yuan"),
    (0.52, "亿元", "52 million yuan"),  # not "0.1 billion"
])
def test_significant_figures(v, unit, words):
    assert value(v, unit, "en") == words


def test_a_unit_without_english_keeps_its_number_and_print():
    assert value(1.9, "万吨", "en") == "1.9 万吨"  # not multiplied out
    assert unit_en("万吨") == "万吨"


def test_chinese_is_unchanged():
    assert value(8100, "万元") == "8100万元"
    assert value(2.1, "亿户") == "2.1亿户"
    assert value(1.9, "万人") == "1.9万人"
    assert value(13200, "亿元") == "1.32万亿元"
    assert value(23800, "万户") == "2.38亿户"
    assert value(11.7044, "万个") == "11.7万个"
    assert num(0.0052) == "0.0052"  # was 0.005: three significant figures below 0.1


# ------------------------------------------------------------- a plan in every unit
COLUMNS = ("region", "name_en")  # after the plan columns
PLAN = [
    "small_rev,小额营收,亿元,2020,0.52,2025,0.8,jiangxi,Small revenue",
    "wan_rev,营收,万元,2020,8100,2025,12000,jiangxi,Revenue",
    "trillion,规模,万亿元,2020,1.1,2025,1.6,jiangxi,Scale",
    "income,收入,元,2020,32000,2025,40000,jiangxi,Income",
    "users_yi,用户,亿户,2020,2.1,2025,3,jiangxi,Users",
    "users_wan,宽带用户,万户,2020,13.6,2025,300,jiangxi,Broadband users",
    "homes,住户,户,2020,5000,2025,8000,jiangxi,Homes",
    "staff_wan,培训人数,万人,2020,1.9,2025,3,jiangxi,Staff trained",
    "pop_yi,人口,亿人,2020,1.2,2025,1.3,jiangxi,Population",
    "staff,人才,人,2020,500,2025,800,jiangxi,Talent",
    "stations,基站,万个,2020,3.4,2025,10,jiangxi,Base stations",
    "platforms,平台,个,2020,100,2025,200,jiangxi,Platforms",
    "big_rev,增加值,亿元,2020,8354,2025,16000,jiangxi,Value added",
]
#: (2020 figure, 2025 figure) in the plan's unit; big_rev has no 2025 figure (projected).
FIGURES = {"small_rev": (0.52, 0.76), "wan_rev": (8100, 12600), "trillion": (1.1, 1.5),
           "income": (32000, 41000), "users_yi": (2.1, 2.7), "users_wan": (13.6, 320),
           "homes": (5000, 8000), "staff_wan": (1.9, 3.1), "pop_yi": (1.2, 1.31),
           "staff": (500, 700), "stations": (3.4, 10.5), "platforms": (100, 150)}
#: indicator → (the 2025 figure, the target), in English, worked by hand.
SETTLED = {
    "small_rev": ("76 million yuan", "80 million yuan"),  # 0.76 × 10^8; 0.8 × 10^8
    "wan_rev": ("126 million yuan", "120 million yuan"),  # 12600 × 10^4; 12000 × 10^4
    "trillion": ("1.5 trillion yuan", "1.6 trillion yuan"),
    "income": ("41,000 yuan", "40,000 yuan"),
    "users_yi": ("270 million users", "300 million users"),  # 2.7 × 10^8; 3 × 10^8
    "users_wan": ("3.2 million users", "3 million users"),  # 320 × 10^4; 300 × 10^4
    "homes": ("8,000 users", "8,000 users"),
    "staff_wan": ("31,000 people", "30,000 people"),  # 3.1 × 10^4; 3 × 10^4
    "pop_yi": ("131 million people", "130 million people"),
    "staff": ("700 people", "800 people"),
    "stations": ("105,000", "100,000"),  # 10.5 × 10^4; 10 × 10^4
    "platforms": ("150", "200"),
}
#: indicator → its English display unit (issue 25: one per row, decided from the plan's own
#: numbers, the scale on which its target reads between 1 and 1,000), worked by hand:
#: 0.8亿元 = 80 million yuan; 12000万元 = 120 million; 3亿户 = 300 million users; 300万户 =
#: 3 million users; 3万人 = 30,000 people (under a million: units); 10万个 = 100,000.
LABELS = {"small_rev": "million yuan", "wan_rev": "million yuan", "trillion": "trillion yuan",
          "income": "yuan", "users_yi": "million users", "users_wan": "million users",
          "homes": "users", "staff_wan": "people", "pop_yi": "million people",
          "staff": "people", "stations": "", "platforms": "",
          "big_rev": "trillion yuan"}


def bare(figure: str, iid: str) -> str:
    """A figure's words without its unit: what a table cell under the unit shows."""
    return figure.removesuffix(" " + LABELS[iid]) if LABELS[iid] else figure


@pytest.fixture(scope="module")
def a(tmp_path_factory):
    d = tmp_path_factory.mktemp("units")
    plan = read_plan(d, PLAN, *COLUMNS)
    rows = [(i, y, v) for i, (v0, v1) in FIGURES.items() for y, v in ((2020, v0), (2025, v1))]
    rows += [("big_rev", 2020, 8354), ("big_rev", 2021, 10400), ("big_rev", 2022, 11000)]
    data = read_figures(plan, [(i, "jiangxi", y, v) for i, y, v in rows])
    return assess(plan, data, today="2026-12-01", lang="en")


def test_reasons_name_figures_and_targets_in_english(a):
    for iid, (fig, goal) in SETTLED.items():
        r = a[iid]
        assert r.final and r.status in ("met", "missed"), iid
        assert r.reason_en.startswith(f"{fig} in 2025, "), (iid, r.reason_en)
        assert f"the target of {goal}" in r.reason_en, (iid, r.reason_en)
        assert not CJK.search(r.reason_en), r.reason_en
    # 0.76 / 0.8 - 1 = -5.0 %
    assert a["small_rev"].reason_en.startswith(
        "76 million yuan in 2025, 5.0% below the target of 80 million yuan: missed")
    assert a["small_rev"].reason_zh.startswith("2025年0.76亿元，低于0.8亿元的目标5.0%，未完成")
    # the projected target: 11000亿元 in 2022 is 1.1 trillion yuan
    r = a["big_rev"]
    assert "the latest is 1.1 trillion yuan in 2022" in r.reason_en
    assert "the target of 1.6 trillion yuan" in r.reason_en and not CJK.search(r.reason_en)


def test_table_names_units_and_figures_in_english(a):
    from jxdigital.present.view import view

    v = view(a, "en")
    t = v.table.to_frame().set_index("#")
    seq = {r.indicator_id: str(r.seq) for r in a}
    # one display unit per row (issue 25): named once after the indicator, every figure of
    # the row a bare number on that scale ("Small revenue (million yuan)": 76, target 80)
    for iid, label in LABELS.items():
        name = t.loc[seq[iid], "Indicator"]
        assert name.endswith(f"({label})") if label else not name.endswith(")"), iid
    for iid, (fig, goal) in SETTLED.items():
        assert t.loc[seq[iid], "Latest actual"] == f"{bare(fig, iid)} (2025)", iid
        assert t.loc[seq[iid], "Target"] == bare(goal, iid), iid
    proj = t.loc[seq["big_rev"], "Target-year estimate (80% interval)"]
    assert re.fullmatch(r"[\d.]+ \([\d.]+–[\d.]+\)", proj), proj
    assert not any(CJK.search(x) for c in ("Indicator", "Latest actual", "Target")
                   for x in t[c])


def test_chart_axis_and_labels_in_english(a):
    import matplotlib.pyplot as plt

    from jxdigital import charts

    # one scale per chart: the axis names the row's display unit, the labels read on it
    for iid, label in (("staff_wan", "people"), ("users_yi", "million users"),
                       ("big_rev", "trillion yuan")):
        fig = charts.plot_indicator(a, iid, lang="en")
        ax = fig.axes[0]
        assert ax.get_ylabel() == label
        texts = " | ".join(t.get_text() for t in ax.texts)
        assert not CJK.search(texts), texts
        plt.close(fig)
        if iid == "staff_wan":
            assert "target 30,000 people" in texts and "2025: 31,000 people" in texts
        if iid == "users_yi":
            assert "target 300 million users" in texts and "2025: 270 million users" in texts
        if iid == "big_rev":
            assert "target 1.6 trillion yuan" in texts and "2022: 1.1 trillion yuan" in texts
    fig = charts.plot_dashboard(a, lang="en")
    # the unit is in each panel's title (the badge has the status only)
    texts = " | ".join([t.get_text() for ax in fig.axes for t in ax.texts]
                       + [ax.get_title(loc="left") for ax in fig.axes])
    plt.close(fig)
    assert "Staff trained (people)" in texts and "Users (million users)" in texts
    assert not CJK.search(texts), texts


def test_between_target_scales_both_ends_on_a_chart(tmp_path):
    from jxdigital.present.view import view

    plan = plan_csv(tmp_path, ["zones,新增园区,万个,2020,1,2025,2-3,jiangxi,Parks"], *COLUMNS)
    a = assess(plan, today="2024-06-30")
    assert view(a, "en")["zones"].mark == "20,000–30,000"
    assert view(a, "zh")["zones"].mark == "2—3万个"
    assert view(a, "zh")["zones"].target == "2—3"  # the table cell, the unit in the header


@pytest.mark.slow
def test_workbook_units_in_english(a, tmp_path):
    from jxdigital.report import to_excel

    path = to_excel(a, tmp_path / "en.xlsx", lang="en")
    sheets = pd.read_excel(path, sheet_name=None, keep_default_na=False)
    s = sheets["summary"].set_index("#")
    seq = {r.indicator_id: r.seq for r in a}
    for iid, label in LABELS.items():  # the unit after the name, every figure on its scale
        name = s.loc[seq[iid], "Indicator"]
        assert name.endswith(f"({label})") if label else not name.endswith(")"), iid
    for iid, (fig, _) in SETTLED.items():
        shown = float(bare(fig, iid).replace(",", ""))
        assert s.loc[seq[iid], "Latest actual"] == pytest.approx(shown), iid
    zh = pd.read_excel(to_excel(a, tmp_path / "zh.xlsx", lang="zh"), sheet_name="概览")
    assert zh["指标"].iloc[0] == "小额营收（亿元）" and zh["最新实际"].iloc[0] == 0.76


def test_deck_units_in_english(a, tmp_path):
    pytest.importorskip("pptx")
    from pptx import Presentation

    from jxdigital.slides import build_deck

    path = build_deck(a, tmp_path / "deck.pptx", lang="en", charts={})
    cells = [c.text for s in Presentation(str(path)).slides for sh in s.shapes
             if sh.has_table for row in sh.table.rows for c in row.cells]
    text = " | ".join(cells)
    for iid, (fig, _) in SETTLED.items():
        assert f"{bare(fig, iid)} (2025)" in cells, iid  # the status table
    assert "Staff trained (people)" in cells and "Users (million users)" in cells
    assert not CJK.search(text), text


@pytest.mark.parametrize("plan_id", ["jiangxi-14th-fyp", "china-14th-fyp-digital"])
def test_shipped_plans_read_in_english(plan_id):
    from jxdigital.present.view import view

    a = assess(plan_id, today="2026-12-01", lang="en")
    for r in a:
        assert not CJK.search(re.sub(r"'[^']*'", "", r.reason_en)), r.reason_en
    t = view(a, "en").table.to_frame()
    for c in ("Indicator", "Latest actual", "Target-year estimate (80% interval)"):
        assert not any(CJK.search(x) for x in t[c]), c
    if plan_id == "china-14th-fyp-digital":
        r = a["online_retail_sales"]  # 17万亿元
        assert "the target of 17 trillion yuan" in r.reason_en
        r = a["ipv6_active_users"]  # 8亿户
        assert "the target of 800 million users" in r.reason_en
    else:
        r = a["digital_economy_value_added"]  # 16000亿元
        assert "the target of 1.6 trillion yuan" in r.reason_en
