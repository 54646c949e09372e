"""Issue 18, item 12: the smaller things a reader trips over."""

from __future__ import annotations

import pytest

from jxdigital import assess
from jxdigital.errors import ArgumentError
from jxdigital.report import to_html, to_markdown

TODAY = "2026-12-01"


def test_report_md_says_a_shared_reason_once_with_its_targets(jiangxi_final):
    md = to_markdown(jiangxi_final)
    gaps = md[md.index("## 数据缺口"):md.index("## 判定规则")]
    sentence = "仅有2020年基期值，2020年后无可比公开数据"
    assert gaps.count("- 11项（数字经济核心产业增加值占GDP比重、") == 1
    # once in the grouped line, and in the lines whose reason adds a clause of its own
    assert gaps.count(sentence) == 1 + 4


def test_a_report_does_not_send_its_reader_to_a_file_it_lacks(jiangxi_final):
    a = jiangxi_final
    assert "BENCHMARKS" not in to_markdown(a) and "BENCHMARKS" not in to_html(a)
    assert "BENCHMARKS" not in to_markdown(assess(today=TODAY, lang="en"))


def test_as_of_a_year_says_the_year():
    from jxdigital.present._text import as_of_words

    assert as_of_words(assess(as_of=2022, today=TODAY), "zh") == "截至2022年已发布的数据"


def test_judging_before_the_plans_base_year_is_an_error():
    with pytest.raises(ArgumentError, match="before the plan's base year 2020"):
        assess(as_of=2019, today=TODAY)
    assess(as_of=2020, today=TODAY)  # the base year itself: the baseline is known


def test_a_bound_reads_as_one_in_english_tables():
    a = assess(today=TODAY, lang="en")
    from jxdigital.present.view import view

    t = view(a, "en").table.to_frame()
    latest = dict(zip(t["Indicator"], t["Latest actual"], strict=True))
    assert latest["Patents granted in information technology per year (items)"] == \
        "over 3,000 (2020)"
    assert not any("+" in v for v in latest.values())


def test_an_english_row_states_its_figures_on_one_scale():
    """Issue 18, item 6, and issue 25, item 5: "16,000" beside "1.04 trillion yuan" in one
    row. One display unit a row, named once after the indicator."""
    from jxdigital.present.view import view

    t = view(assess(today=TODAY, lang="en")).table.to_frame().set_index("Indicator")
    row = t.loc["Digital economy value added (trillion yuan)"]
    assert row["Target"] == "1.6"
    assert row["Latest actual"] == "1.04 (2021)"
    assert row["Target-year estimate (80% interval)"] == "1.48 (0.57–3.3)"
