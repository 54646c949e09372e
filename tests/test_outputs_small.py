"""Issue 18, item 12: the smaller things a reader trips over."""

from __future__ import annotations

import pytest

from jxdigital import assess
from jxdigital.errors import ArgumentError
from jxdigital.report import to_html, to_markdown

TODAY = "2026-12-01"


def test_report_md_says_a_shared_reason_once_with_its_targets():
    md = to_markdown(assess(today=TODAY))
    gaps = md[md.index("## 数据缺口"):md.index("## 判定规则")]
    sentence = "仅有2020年基期值，2020年后无可比公开数据"
    assert gaps.count("- 11项（数字经济核心产业增加值占GDP比重、") == 1
    # once in the grouped line, and in the lines whose reason adds a clause of its own
    assert gaps.count(sentence) == 1 + 4


def test_a_report_does_not_send_its_reader_to_a_file_it_lacks():
    a = assess(today=TODAY)
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
    from jxdigital.present._table import display_table

    t = display_table(a, "en")
    latest = dict(zip(t["Indicator"], t["Latest actual"], strict=True))
    assert any(v.startswith("over 3,000 items") for v in latest.values())
    assert not any("+" in v for v in latest.values())


def test_an_english_row_states_its_figures_on_one_scale():
    """Issue 18, item 6: "16,000" beside "1.04 trillion yuan" in one row."""
    from jxdigital.present._table import display_table

    t = display_table(assess(today=TODAY, lang="en"), "en").set_index("Indicator")
    row = t.loc["Digital economy value added"]
    assert row["Target"] == "1.6 trillion yuan"
    assert row["Latest actual"] == "1.04 trillion yuan (2021)"
    assert "trillion yuan" in row["Projection for the target year (80% interval)"]
