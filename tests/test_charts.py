"""Charts: Chinese renders with no missing glyph, every status and comparator draws, saved
files have the asked size, and nothing global changes."""

from __future__ import annotations

import csv
import io
import logging
import warnings
from pathlib import Path

import matplotlib
import matplotlib.pyplot as plt
import pytest
from PIL import Image

from _build import read_figures, read_plan
from jxdigital import assess, charts
from jxdigital.charts._style import wrap
from jxdigital.present._text import prob

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def shipped():
    return assess()


@pytest.fixture(scope="module")
def every_case(tmp_path_factory):
    """One plan with every comparator, and data that gives every status."""
    d = tmp_path_factory.mktemp("plan")
    rows = [
        "met,已实现指标,亿元,2020,100,2025,150以上,jiangxi,",  # achieved
        "good,稳定增长指标,亿元,2020,100,2025,>135,jiangxi,",  # on track
        "coin,不确定指标,亿元,2020,100,2025,200,jiangxi,",  # at risk
        "bad,滞后指标,亿元,2020,100,2025,400左右,jiangxi,",  # off track, 左右 band
        "cap,能耗指标PUE,,2020,1.6,2025,不高于1.3,jiangxi,",  # ≤
        "share,渗透率,%,2020,20,2025,超全国平均水平,jiangxi,china",  # relative
        "none,无数据指标,个,2020,10,2025,20,jiangxi,",  # insufficient data
    ]
    plan = read_plan(d, rows, "region", "reference")
    obs = []
    for y, v in zip(range(2020, 2024), (100, 130, 145, 160), strict=True):
        obs.append(("met", "jiangxi", y, v))
    for y in range(2020, 2024):
        obs += [("good", "jiangxi", y, 100 * 1.10 ** (y - 2020)),
                ("coin", "jiangxi", y, 100 * 1.14 ** (y - 2020)),
                ("bad", "jiangxi", y, 100 * 1.03 ** (y - 2020)),
                ("cap", "jiangxi", y, 1.6 - 0.05 * (y - 2020)),
                ("share", "jiangxi", y, 20 + 2.0 * (y - 2020)),
                ("share", "china", y, 22 + 1.5 * (y - 2020))]
    # judged mid-plan, where every progress status can be (after 2025: outcomes)
    return assess(plan, read_figures(plan, obs, source="test"), today="2024-06-30")


def _draw_strict(fig, caplog):
    """Draw ``fig`` outside any rc_context (as Jupyter does), failing on a missing glyph."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        caplog.set_level(logging.WARNING, logger="matplotlib.font_manager")
        buf = io.BytesIO()
        fig.savefig(buf, format="png", dpi=50)
    bad = [r for r in caplog.records if "not found" in r.getMessage()]
    assert not bad, bad[0].getMessage()
    plt.close(fig)


@pytest.mark.slow
def test_every_catalogue_name_renders_in_charts(shipped, caplog):
    """Glyph test through the chart functions, drawn after they return (the Jupyter case)."""
    names = set()
    with (ROOT / "data" / "indicators.csv").open(encoding="utf-8") as fh:
        names |= {r["name_zh"] for r in csv.DictReader(fh)}
    fig = charts.plot_status_summary(shipped)
    ax = fig.axes[0]
    ax.set_yticks(range(len(names)), labels=sorted(names))  # every catalogue name
    ax.set_xlabel("数字经济增加值（亿元） ≥ ≤ — ‰ →")
    _draw_strict(fig, caplog)
    for plan_id in ("jiangxi-14th-fyp", "jiangxi-bigdata-2023-2025"):
        _draw_strict(charts.plot_dashboard(assess(plan_id)), caplog)


def test_indicator_chart_shows_status_target_and_projection(shipped):
    fig = charts.plot_indicator(shipped, "digital_economy_value_added")
    ax = fig.axes[0]
    texts = [t.get_text() for t in ax.texts]
    # the chart states the assessment's own verdict, P and projection (not a pinned one)
    r = shipped["digital_economy_value_added"]
    assert any(t.startswith(r.status_zh) and f"达标概率{prob(r.p_met)}" in t for t in texts)
    # the row's one display unit (the plan prints 16000 in 亿元): target, projection, axis
    assert "目标 16000亿元" in texts
    assert any(t.startswith("2025年预测 14800亿元\n80%区间 5700亿元—33000亿元") for t in texts)
    assert ax.get_title(loc="left") == "数字经济增加值" and ax.get_ylabel() == "亿元"
    footer = fig.texts[-1].get_text()
    assert footer.startswith("数据来源：") and "扇形为50/80/95%区间" in footer
    # ticks stop at the target year, as whole years: the space right is for labels only
    assert max(ax.get_xticks()) == 2025
    assert [t.get_text() for t in ax.get_xticklabels()][-1] == "2025"
    plt.close(fig)
    en = charts.plot_indicator(shipped, "digital_economy_value_added", lang="en")
    texts = [t.get_text() for t in en.axes[0].texts]
    assert any(t.startswith("not yet known") for t in texts)
    assert "target 1.6 trillion yuan" in texts and en.axes[0].get_ylabel() == "trillion yuan"
    plt.close(en)


def test_a_chart_per_status_and_comparator(every_case):
    got = {r.indicator_id: r.status for r in every_case}
    assert got["met"] == "achieved" and got["none"] == "insufficient_data"
    assert {"on_track", "at_risk", "off_track"} <= set(got.values())
    for r in every_case:
        fig = charts.plot_indicator(every_case, r.indicator_id)
        ax = fig.axes[0]
        badge = next(t for t in ax.texts if t.get_gid() == "jxdigital-badge")
        assert badge.get_text().startswith(r.status_zh)  # colour always paired with words
        colour = matplotlib.colors.to_hex(badge.get_bbox_patch().get_facecolor())
        assert colour.lower() == charts.STATUS_COLOURS[r.verdict].lower()
        texts = [t.get_text() for t in ax.texts]
        if r.comparator == "around":  # the band: a vertical bar at the target year
            segs = [s for c in ax.collections if hasattr(c, "get_segments")
                    for s in c.get_segments()]
            assert any(abs(s[0][0] - 2025) < 1e-9 and s[0][1] < 400 < s[1][1] for s in segs)
        if r.comparator == "above_national_average":
            assert "全国（目标：高于此线）" in texts  # the line the target must beat
        if r.comparator == "at_most":
            assert any("≤1.3" in t for t in texts)
        plt.close(fig)


def test_saved_png_has_the_size_and_dpi_asked(tmp_path, shipped):
    fig = charts.plot_indicator(shipped, "base_stations_5g", style="slide")
    path = charts.save(fig, tmp_path / "5g.png")
    with Image.open(path) as im:
        assert im.size == (2460, 1120)  # 12.3 x 5.6 in at 200 dpi: the slide's picture box
        assert round(im.info["dpi"][0]) == 200
    assert (path.stat().st_mode & 0o777) == 0o644
    charts.save(fig, tmp_path / "5g.pdf")
    svg = charts.save(fig, tmp_path / "5g.svg").read_bytes()
    assert svg == charts.save(fig, tmp_path / "again.svg").read_bytes()  # deterministic
    plt.close(fig)


def test_slide_style_type_sizes(shipped):
    fig = charts.plot_indicator(shipped, "base_stations_5g", style="slide")
    ax = fig.axes[0]
    fig.canvas.draw()
    assert min(t.get_fontsize() for t in ax.get_xticklabels()) >= 14
    labels = [t.get_fontsize() for t in ax.texts]
    assert labels and min(labels) >= 12 and max(labels) <= 18
    plt.close(fig)


def test_save_is_atomic_and_checks_the_path(tmp_path, shipped):
    fig = charts.plot_status_summary(shipped)
    target = tmp_path / "summary.png"
    target.write_bytes(b"old chart")

    def broken(*args, **kwargs):
        Path(args[0]).write_bytes(b"half")
        raise RuntimeError("disk full")

    fig.savefig = broken
    with pytest.raises(RuntimeError, match="disk full"):
        charts.save(fig, target)
    assert target.read_bytes() == b"old chart"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["summary.png"]  # no temp left
    with pytest.raises(ValueError, match=r"\.png, \.svg or \.pdf"):
        charts.save(fig, tmp_path / "chart.jpg")
    with pytest.raises(FileNotFoundError, match="does not exist"):
        charts.save(fig, tmp_path / "missing" / "chart.png")
    plt.close(fig)


def test_global_rcparams_untouched_and_bad_arguments(shipped):
    before = dict(matplotlib.rcParams)
    plt.close(charts.plot_dashboard(shipped, style="print"))
    assert dict(matplotlib.rcParams) == before
    with pytest.raises(ValueError, match=r"style.*notebook, slide, print"):
        charts.plot_indicator(shipped, "base_stations_5g", style="poster")
    with pytest.raises(KeyError, match="not a target of plan"):
        charts.plot_indicator(shipped, "no_such_id")
    with pytest.raises(ValueError, match="lang"):
        charts.plot_status_summary(shipped, lang="fr")


def test_chinese_footer_wraps_between_characters():
    lines = wrap("数据来源：江西省人民政府；江西省工业和信息化厅。预测：jxdigital auto。", 12)
    assert all(sum(1 if ord(c) > 0x2E80 else 0.55 for c in ln) <= 12 for ln in lines)
    assert "".join(lines).replace(" ", "") == \
        "数据来源：江西省人民政府；江西省工业和信息化厅。预测：jxdigitalauto。"


@pytest.mark.parametrize("text, width, words", [
    # issue 25, item 10: "…未实 / 现1项" and "≥75%符合 / 序时进度" were cut mid-word
    ("生成于2026-12-01；所用数据最晚为2022年（全部已发布数据）。共8项目标：完成1项，未完成1项，"
     "尚不能确定6项。", 24, ("未完成1项", "尚不能确定6项", "2026-12-01")),
    ("未定结果的状态依据达标概率：≥75%基本符合预期，<25%滞后。", 15, ("基本符合预期", "≥75%")),
    # an English footer broke "over 62,000" after its thousands separator
    ("Latest figure 2022; ▲ lower bound (2022: 'over 62,000'); generated 2026-12-01.", 16,
     ("62,000",)),
])
def test_footers_break_by_chinese_rules_at_word_boundaries(text, width, words):
    lines = wrap(text, width)
    assert " ".join(lines).replace("  ", " ") == text or "".join(lines) == text
    for w in words:  # each word whole on one line
        assert any(w in line for line in lines), (w, lines)
    for line in lines:  # nothing starts with closing or ends with opening punctuation
        assert line[:1] not in "，。；：）、" and line[-1:] not in "（“"
