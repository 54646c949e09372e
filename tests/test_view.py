"""Issue 25: the account told once. One view of an assessment (``jxdigital.view``) that every
output lays out: one vocabulary and one count per output, binding targets first, one display
unit per indicator, and what the charts draw."""

from __future__ import annotations

import io
import re

import matplotlib
import numpy as np
import pytest

matplotlib.use("Agg")

import itertools

import jxdigital
from _build import figures_csv, plan_csv, target
from jxdigital import charts
from jxdigital.assessment._rules import verdict
from jxdigital.present.view import view
from jxdigital.report import to_markdown

TODAY = "2026-12-01"
CJK = re.compile(r"[\u3400-\u9fff]")


@pytest.fixture(scope="module")
def national(national_final):
    return national_final


@pytest.fixture(scope="module")
def jiangxi(jiangxi_final):
    return jiangxi_final


@pytest.fixture(scope="module")
def binding(tmp_path_factory):
    """A department's table with two binding (约束性) rows, one target settled."""
    d = tmp_path_factory.mktemp("binding")
    digital = {"category_zh": "数字产业化", "category_en": "Digital industries"}
    rows = [target("a_value", 200, name_zh="数字经济增加值", name_en="Digital economy value added",
                   **digital, attribute="预期性", region="jiangxi"),
            target("b_share", 10, name_zh="核心产业占比", name_en="Core share", **digital,
                   unit="%", base_text=5, attribute="约束性", region="jiangxi"),
            target("c_users", 80, name_zh="用户数", name_en="Users", category_zh="数字治理",
                   category_en="Digital governance", unit="万户", base_text=50,
                   attribute="预期性", region="jiangxi"),
            target("d_pue", "1.3以下", name_zh="数据中心PUE", name_en="Data centre PUE",
                   category_zh="绿色", category_en="Green", unit="", base_text=1.5,
                   attribute="约束性", region="jiangxi")]
    figs = [("a_value", "jiangxi", 2021, 120), ("a_value", "jiangxi", 2022, 140),
            ("b_share", "jiangxi", 2021, 6), ("b_share", "jiangxi", 2022, 7),
            ("c_users", "jiangxi", 2021, 60), ("c_users", "jiangxi", 2025, 85),
            ("d_pue", "jiangxi", 2021, 1.45)]
    return plan_csv(d, rows), figures_csv(d, figs, source="部门报表", name="figs.csv")


def _numbers_in(sentence: str) -> list[int]:
    return [int(x) for x in re.findall(r"(\d+)项", sentence)]


# --- 1, 2: one vocabulary, one count ------------------------------------------------------

@pytest.mark.parametrize("status,over,completion,elapsed,expected", [
    ("met", True, 1.0, 1.0, "met"),
    ("achieved", True, 1.2, 1.0, "met"),  # met before the year and cannot fall back
    ("missed", True, 0.6, 1.0, "missed"),
    ("on_track", True, 0.9, 1.0, "unknown"),  # year over, figure not out: not 符合预期
    ("at_risk", True, 0.5, 1.0, "unknown"),
    ("insufficient_data", True, float("nan"), 1.0, "unknown"),
    ("not_assessable", True, float("nan"), 1.0, "not_assessable"),
    ("on_track", False, 0.7, 0.6, "ahead"),  # 快于预期: past the plan's own path
    ("on_track", False, 0.5, 0.6, "on_track"),  # 基本符合预期
    ("on_track", False, float("nan"), 0.6, "on_track"),
    ("at_risk", False, 0.7, 0.6, "at_risk"),  # ahead of the path, but P < 0.75
    ("off_track", False, 0.1, 0.6, "off_track"),
    ("achieved", False, 1.1, 0.6, "achieved"),
])
def test_the_verdict_rule(status, over, completion, elapsed, expected):
    assert verdict(status, over, completion, elapsed) == expected


def test_the_count_sentence_is_one_sentence_counting_every_target_once(national, jiangxi,
                                                                       binding):
    v = view(national)
    assert v.counts == ("共8项目标：完成2项，未完成1项，尚不能确定5项（4项目标年数据尚未公布、已按"
                        "已有数据推算达标概率，1项缺少可比数据）；结果已知的3项中完成2项，完成率66.7%。")
    assert view(national, "en").counts.startswith(
        "8 targets: 2 met, 1 missed, 5 not yet known")
    assert "a completion rate of 66.7%" in view(national, "en").counts
    # mid-plan: the progress words, every target counted once (a target settled early too)
    mid = view(jxdigital.assess(*binding, today="2023-06-01"))
    assert mid.counts == ("共4项目标：完成1项，存在风险2项，滞后1项；"
                          "其中约束性指标2项：存在风险1项，滞后1项。")
    for a in (national, jiangxi, jxdigital.assess(*binding, today=TODAY)):
        head = view(a).counts.split("：", 1)[1].split("；")[0].split("（")[0]
        assert sum(_numbers_in(head)) == len(a)
    assert "序时进度" not in view(national).counts + view(jiangxi).counts


def test_binding_targets_come_first_with_their_own_count(binding):
    a = jxdigital.assess(*binding, today=TODAY)
    v = view(a)
    assert [s.title for s in v.table.sections] == ["约束性指标", "数字产业化", "数字治理"]
    assert [t.id for t in v.targets][:2] == ["b_share", "d_pue"]
    assert v.counts.endswith("其中约束性指标2项：尚不能确定2项。")
    assert "完成率100%" in v.counts
    en = view(a, "en")
    assert en.table.sections[0].title == "Binding targets"
    assert "binding targets (2): 2 not yet known" in en.counts
    md = to_markdown(a)
    assert md.index("约束性指标") < md.index("数字产业化") < md.index("数字治理")
    assert md.index("核心产业占比") < md.index("数字经济增加值")


def test_a_finished_plan_speaks_only_of_outcomes(national, jiangxi):
    """Item 1: once the year is over, no 序时进度 and no progress status in any table,
    badge, headline or count of the view (the retrospective shows what each past review
    said, in its own row)."""
    progress = ("序时进度", "基本符合预期", "快于预期", "滞后", "存在风险", "数据不足")
    for a in (national, jiangxi):
        v = view(a)
        texts = [v.counts, *(c.text for row in v.table.rows for c in row)]
        for t in v.targets:
            texts += [t.verdict_text, t.badge, t.panel_badge, t.headline, t.line]
        texts += [p.footer for p in v.summary_pages] + [p.footer for p in v.dashboard_pages]
        for word in progress:
            assert not [x for x in texts if word in x], word
        assert {t.verdict for t in v.targets} <= {"met", "missed", "unknown", "not_assessable"}


def test_the_retrospective_says_a_verdict_without_a_contradicting_number(national):
    """Item 4: a review that found the target already met says 提前实现, not "93% 已提前实现"."""
    v = view(national)
    rows = {r[0].text: [c.text for c in r] for r in v.retrospective.rows}
    assert rows["千兆宽带用户数"][1:] == ["68% 存在风险", "68% 存在风险", "提前实现", "提前实现",
                                       "完成", "完成", "完成"]
    assert rows["全国网上零售额"][-1] == "未完成"
    for cells in rows.values():
        for c in cells[1:]:
            assert not re.match(r"\d+% (提前实现|完成|未完成)", c)


def test_a_headline_never_claims_more_than_its_verdict(jiangxi, national):
    """Item 4: the 5G slide said "高于10万个的目标" under an orange 存在风险 badge."""
    for a in (jiangxi, national):
        for lang in ("zh", "en"):
            for t in view(a, lang).targets:
                if t.verdict == "unknown" and 0.25 <= t.record.p_met < 0.75:
                    assert not re.search(r"高于|达到|已完成|meets|meeting", t.headline), \
                        t.headline
    t = view(jiangxi)["base_stations_5g"]
    assert t.verdict_text == "尚不能确定" and "尚不能确定" in t.headline


def test_no_settled_target_means_one_sentence_and_no_retrospective(jiangxi):
    """Item 3: the Jiangxi plan today has no known outcome: a sentence, no empty table,
    chart or slide."""
    from jxdigital.charts._render import chart_jobs, job_keys

    v = view(jiangxi)
    assert v.retrospective is None and v.retrospective_chart is None
    assert v.retro_sentence.count("。") == 1 and "尚无" in v.retro_sentence
    keys = [k for j in chart_jobs(v) for k in job_keys(j)]
    assert "_retrospective" not in keys
    md = to_markdown(jiangxi)
    assert v.retro_sentence in md and "## 回顾" not in md


# --- 5: one display unit per indicator ----------------------------------------------------

def test_each_row_is_in_one_unit_in_every_cell(national):
    v = view(national)
    i = v.table.ids.index("gigabit_broadband_users")
    row = {c.key: cell.text for c, cell in zip(v.table.columns, v.table.rows[i], strict=True)}
    assert row["indicator"] == "千兆宽带用户数（万户）"
    assert row["target"] == "6000" and row["latest"] == "23800（2025）"
    en = view(national, "en")["ipv6_active_users"]
    assert en.name_with_unit == "IPv6 active users (million users)"
    assert en.target == "800" and "800 million users" in en.goal
    assert "8 " not in en.target


def test_the_plans_typo_is_shown_only_where_the_plan_is_quoted(jiangxi):
    v = view(jiangxi)
    t = v["interprovincial_bandwidth"]
    assert t.name_with_unit == "省际出口带宽（Gbps）"
    assert "Gpbs" in jiangxi.plan["interprovincial_bandwidth"].source.quote  # 原文
    shown = [t.name_with_unit, t.goal, t.mark, t.latest, t.reason, t.headline, t.line,
             v.chart(t.id).title, v.chart(t.id).axis_label]
    assert not [x for x in shown if "Gpbs" in x]
    for p in v.dashboard_pages:
        assert "Gpbs" not in p.title
    assert "Gpbs" not in str(jxdigital.coverage())


# --- 8, 9, 10: charts ---------------------------------------------------------------------

def test_dashboard_years_are_plain_and_shared_for_a_plan_without_baselines(final):
    """Item 8: jiangxi-bigdata-2017's panels read "−1, 0, …" with an offset "+2.02e3"."""
    a = final("jiangxi-bigdata-2017")
    for page in range(1, len(view(a).dashboard_pages) + 1):
        fig = charts.plot_dashboard(a, style="slide", page=page)
        fig.canvas.draw()
        ticks = set()
        for ax in (x for x in fig.axes if x.get_visible()):
            labels = tuple(t.get_text() for t in ax.get_xticklabels())
            assert all(re.fullmatch(r"\d{4}", x) for x in labels if x), labels
            assert not ax.xaxis.get_offset_text().get_text()
            ticks.add(tuple(ax.get_xticks()))
        assert len(ticks) == 1  # the panels of a page share their years
        matplotlib.pyplot.close(fig)


def _segments(ax):
    """Every drawn line of ``ax`` as display-space segments, and its markers as boxes."""
    from matplotlib.collections import LineCollection

    segs, marks = [], []
    for line in ax.lines:
        if not line.get_visible():
            continue
        xy = line.get_transform().transform(np.column_stack(line.get_data()).astype(float))
        if line.get_linestyle() not in ("None", "none", "", " "):
            segs += list(itertools.pairwise(xy))
        if line.get_marker() not in ("None", "none", "", " ", None):
            r = line.get_markersize() * ax.figure.dpi / 72 / 2
            marks += [(x - r, y - r, x + r, y + r) for x, y in xy]
    for coll in ax.collections:
        if isinstance(coll, LineCollection) and coll.get_visible():
            for path in coll.get_paths():
                xy = coll.get_transform().transform(path.vertices)
                segs += list(itertools.pairwise(xy))
    return segs, marks


def _crosses(box, a, b) -> bool:
    """Whether segment a–b passes through the box (x0, y0, x1, y1) (Liang–Barsky)."""
    x0, y0, x1, y1 = box
    dx, dy = b[0] - a[0], b[1] - a[1]
    lo, hi = 0.0, 1.0
    for p, q in ((-dx, a[0] - x0), (dx, x1 - a[0]), (-dy, a[1] - y0), (dy, y1 - a[1])):
        if p == 0:
            if q < 0:
                return False
        else:
            t = q / p
            if p < 0:
                lo = max(lo, t)
            else:
                hi = min(hi, t)
    return lo <= hi


# each case draws every target's chart (1-2 s): the quick loop keeps Jiangxi's slides in
# Chinese, the report's own; the other seven run in the full suite
@pytest.mark.parametrize(("style", "lang", "plan"), [
    pytest.param(*case, marks=() if case == ("slide", "zh", None) else pytest.mark.slow)
    for case in itertools.product(["slide", "notebook"], ["zh", "en"],
                                  [None, "china-14th-fyp-digital"])])
def test_no_label_is_crossed_by_a_line_or_a_marker(final, plan, lang, style):
    """Item 9: "2021: 1.04 trillion yuan" was struck through by the projection, "口径不同"
    crossed by the line, "2025: 15.97万亿元" by the plan path."""
    from jxdigital.charts._indicator import BADGE_GID

    a = final(plan)
    bad = []
    for t in view(a).targets:
        fig = charts.plot_indicator(a, t.id, lang=lang, style=style)
        fig.canvas.draw()
        r = fig.canvas.get_renderer()
        ax = fig.axes[0]
        segs, marks = _segments(ax)
        for text in ax.texts:
            if not text.get_visible() or not text.get_text().strip() or \
                    text.get_gid() == BADGE_GID:
                continue
            e = text.get_window_extent(r)
            box = (e.x0 + 1, e.y0 + 1, e.x1 - 1, e.y1 - 1)
            hit = any(_crosses(box, p, q) for p, q in segs) or any(
                m[0] < box[2] and box[0] < m[2] and m[1] < box[3] and box[1] < m[3]
                for m in marks)
            if hit:
                bad.append((t.id, text.get_text()))
        matplotlib.pyplot.close(fig)
    assert bad == []


def test_the_slide_chart_draws_only_what_the_finding_needs(national):
    """Item 9: "other definition", "2022-07" and "2025-06" piled up on the IPv6 chart; the
    slide keeps the 80 % band and the figures used, the report's chart the rest (hollow
    diamonds: part-year figures; hollow circles: another definition)."""
    from matplotlib.collections import PolyCollection

    def drawn(fig):
        ax = fig.axes[0]
        hollow = sum(len(ln.get_xdata()) for ln in ax.lines if ln.get_visible()
                     and ln.get_marker() in ("D", "o") and ln.get_markerfacecolor() == "none")
        bands = sum(1 for c in ax.collections if isinstance(c, PolyCollection)
                    and c.get_visible() and len(c.get_paths()))
        return hollow, bands

    slide = charts.plot_indicator(national, "ipv6_active_users", style="slide")
    detail = charts.plot_indicator(national, "ipv6_active_users", style="notebook")
    assert drawn(slide) == (0, 1)
    hollow, bands = drawn(detail)
    assert hollow >= 2 and bands == 3
    matplotlib.pyplot.close("all")


def test_frozen_ticks_draw_the_same_picture(jiangxi_final):
    """The report's charts draw their ticks as texts (``freeze_ticks``, a third cheaper):
    the picture must be the one matplotlib draws, pixel for pixel."""
    from jxdigital.charts import _indicator as I
    from jxdigital.charts import _overview as O
    from jxdigital.charts import _style as S

    v = view(jiangxi_final)
    st = S.get_style("slide")
    pictures = {}
    for frozen in (False, True):
        with S.drawing(st):
            fig, _, _ = I._build(v.chart("base_stations_5g"), st, detail=True, title=True,
                                 dpi=100, frozen=frozen)
        pictures[("chart", frozen)] = S.png_bytes(fig, 100)
        fig = O._dashboard(v, v.dashboard_pages[0], st, None, False, frozen=frozen)
        pictures[("dashboard", frozen)] = S.png_bytes(fig, 100)
        matplotlib.pyplot.close("all")
    from PIL import Image

    for kind in ("chart", "dashboard"):
        a, b = (np.asarray(Image.open(io.BytesIO(pictures[(kind, f)]))) for f in (False, True))
        assert a.shape == b.shape and (a == b).all(), kind


MIRRORS = ("转载", "镜像", "wxjptree", "wxredian", "digipub", "caiding5", "smartjx",
           "liusenlaw", "oldageplaystationers")


@pytest.mark.parametrize("plan", [None, "china-14th-fyp-digital", "jiangxi-bigdata-2017"])
def test_footers_name_the_original_publisher_in_the_charts_language(final, plan):
    """Item 10: "转载 wxjptree.com" and "国家数据局局长刘烈宏 at 国务院新闻办" in footers; a
    chart without a source said "数据来源：无"."""
    a = final(plan)
    for lang in ("zh", "en"):
        v = view(a, lang)
        footers = [f for t in v.targets for f in (v.chart(t.id).footer,
                                                  v.chart(t.id).footer_slide)]
        for f in footers:
            assert not [m for m in MIRRORS if m in f], f
            assert "数据来源：无" not in f and "Source: none" not in f
        if lang == "en":
            chinese = [f for f in footers if CJK.search(f)]
            # only the names with no English form may stay Chinese: no 转载, no 局长
            for f in chinese:
                assert not re.search(r"局长|国务院新闻办|转载", f), f


def test_publisher_origins_are_sourced_data():
    """Every mirror a shipped figure was read from maps to its original publisher, with the
    basis for saying so (data/publisher_origins.csv)."""
    import pandas as pd

    from jxdigital._data import data_path

    origins = pd.read_csv(data_path("publisher_origins.csv"), dtype=str).fillna("")
    assert {"publisher", "original_zh", "original_en", "basis"} <= set(origins.columns)
    named = origins[origins["original_zh"] != ""]
    assert len(named) > 100 and (named["basis"] != "").all()
    assert not named["original_zh"].str.contains("|".join(MIRRORS)).any()


# --- the registry of outputs --------------------------------------------------------------

def test_a_missing_extra_is_said_and_its_output_left_out(tmp_path, monkeypatch, jiangxi):
    """The workbook was dropped silently (``contextlib.suppress(ImportError)``) when
    openpyxl/XlsxWriter was missing: now a warning names the extra to install."""
    import importlib.util

    from jxdigital.report import _build, write_report

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec",
                        lambda name, *a: None if name == "xlsxwriter" else real(name, *a))
    assert _build.missing_outputs() == [
        "no assessment.xlsx: it needs the [excel] extra (pip install 'jxdigital[excel]')"]
    with pytest.warns(UserWarning, match=r"no assessment\.xlsx: it needs the \[excel\] extra"):
        written = write_report(jiangxi, tmp_path / "out", jobs=1, deck=False)
    assert "assessment.xlsx" not in {p.name for p in written.values()}
    assert not (tmp_path / "out" / "assessment.xlsx").exists()
    assert (tmp_path / "out" / "report.html").exists()


def test_an_import_error_inside_a_renderer_surfaces(tmp_path, monkeypatch, jiangxi):
    """An ImportError raised while writing an output is a failure, not a missing output:
    the folder is left as it was."""
    from jxdigital.report import _build, write_report

    def broken(v, out, ctx):
        raise ImportError("cannot import name 'gone' from 'somewhere'")

    i = next(k for k, r in enumerate(_build.RENDERERS) if r.name == "markdown")
    renderers = list(_build.RENDERERS)
    renderers[i] = _build.Renderer("markdown", ("report.md",), broken)
    monkeypatch.setattr(_build, "RENDERERS", tuple(renderers))
    with pytest.raises(ImportError, match="gone"):
        write_report(jiangxi, tmp_path / "out", jobs=1, deck=False)
    assert not (tmp_path / "out").exists()


def test_the_report_steps_follow_the_registry(jiangxi):
    from jxdigital.charts._render import chart_jobs, job_keys
    from jxdigital.report import report_steps
    from jxdigital.report._build import RENDERERS

    v = view(jiangxi)
    charts_n = sum(len(job_keys(j)) for j in chart_jobs(v))
    assert report_steps(jiangxi) == charts_n + len(RENDERERS)
    assert report_steps(jiangxi, deck=False) == charts_n + len(RENDERERS) - 1


# --- every output of a finished plan: one count, no 序时进度 --------------------------------

@pytest.fixture(scope="module")
def national_folder(national, tmp_path_factory):
    from jxdigital.report import write_report

    out = tmp_path_factory.mktemp("national") / "report"
    write_report(national, out, jobs=2)
    return out


def _output_texts(folder) -> dict[str, str]:
    """The words of every output of a report folder, as a reader meets them."""
    import html as html_lib

    import openpyxl
    from pptx import Presentation

    page = (folder / "report.html").read_text(encoding="utf-8")
    body = page[page.index("<body"):]
    body = re.sub(r"<(script|style)\b.*?</\1>", " ", body, flags=re.S)
    visible = html_lib.unescape(re.sub(r"<[^>]+>", " ", body))
    wb = openpyxl.load_workbook(folder / "assessment.xlsx")
    book = "\n".join(str(c.value) for ws in wb.worksheets for row in ws.iter_rows()
                     for c in row if c.value is not None)
    prs = Presentation(str(folder / "deck.pptx"))
    deck = "\n".join(sh.text_frame.text for s in prs.slides for sh in s.shapes
                     if sh.has_text_frame)
    deck += "\n".join(c.text for s in prs.slides for sh in s.shapes if sh.has_table
                      for row in sh.table.rows for c in row.cells)
    return {"report.md": (folder / "report.md").read_text(encoding="utf-8"),
            "report.html": visible, "assessment.xlsx": book, "deck.pptx": deck}


@pytest.mark.slow
def test_every_output_counts_once_and_speaks_of_outcomes(national, national_folder, capsys):
    """Item 1: report.html said "…符合序时进度2项…" and, a line later, "…尚不能确定6项"; the
    deck's slide 2 and slide 5 disagreed."""
    from jxdigital.cli import main

    counts = view(national).counts
    texts = _output_texts(national_folder)
    main(["assess", "--plan", "china-14th-fyp-digital", "--today", TODAY])
    texts["cli"] = capsys.readouterr().out
    for name, text in texts.items():
        assert text.count(counts) == 1, name
        assert text.count("共8项目标") == 1, name
        assert "序时进度" not in text, name
    retrospective_png = national_folder / "charts" / "retrospective.png"
    assert retrospective_png.exists()  # two outcomes are known: their look back is drawn


def test_the_english_deck_states_ipv6_in_one_unit(national, tmp_path):
    """Item 5: "IPv6 active users (× 100 million users) 8" and two slides later "800
    million users"."""
    from pptx import Presentation

    from jxdigital.slides import build_deck

    prs = Presentation(str(build_deck(national, tmp_path / "en.pptx", lang="en", charts={})))
    cells = [[c.text for c in row.cells] for s in prs.slides for sh in s.shapes
             if sh.has_table for row in sh.table.rows]
    ipv6 = next(r for r in cells if r[0].startswith("IPv6 active users"))
    assert ipv6[:2] == ["IPv6 active users (million users)", "800"]
    text = "\n".join(sh.text_frame.text for s in prs.slides for sh in s.shapes
                     if sh.has_text_frame)
    assert "× 100 million" not in text and "Gpbs" not in text


@pytest.mark.parametrize("target", ["software_it_services_revenue", "online_retail_sales"])
def test_tick_labels_are_the_values_they_mark(national, target):
    """Ticks 2.5 apart read "2, 5, 8, 10, 12": "12" marked 12.5."""
    for style in ("slide", "notebook"):
        fig = charts.plot_indicator(national, target, style=style)
        fig.canvas.draw()
        ax = fig.axes[0]
        lo, hi = sorted(ax.get_ylim())
        for loc, label in zip(ax.get_yticks(), ax.get_yticklabels(), strict=True):
            if lo <= loc <= hi:
                assert float(label.get_text().replace(",", "")) == pytest.approx(loc), \
                    (loc, label.get_text())
        matplotlib.pyplot.close(fig)


def test_two_labels_at_the_target_year_sit_beside_their_own_markers(national):
    """The online-retail chart put "2025: 15.97万亿元" beside the target's diamond and
    "目标 17万亿元" beside the figure."""
    fig = charts.plot_indicator(national, "online_retail_sales", style="slide")
    fig.canvas.draw()
    r = fig.canvas.get_renderer()
    ax = fig.axes[0]
    to_px = ax.transData.transform
    actual_y = to_px((2025, 15.9722))[1]
    target_y = to_px((2025, 17.0))[1]
    boxes = {t.get_text(): t.get_window_extent(r) for t in ax.texts}
    actual = next(b for k, b in boxes.items() if "15.97" in k)
    target = next(b for k, b in boxes.items() if "17" in k and "15.97" not in k)
    assert (actual.y0 + actual.y1) / 2 < (target.y0 + target.y1) / 2  # below, as its point
    assert abs((actual.y0 + actual.y1) / 2 - actual_y) < abs((actual.y0 + actual.y1) / 2
                                                             - target_y)
    matplotlib.pyplot.close(fig)
