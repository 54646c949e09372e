"""The words on every chart, in Chinese and English: axis labels, titles, direct labels,
badges and footers.

One place per phrase (``words/chart.csv``): ``chart_words(key, lang, **fields)`` fills the
phrase ``chart.<key>``; ``marks_words`` names the marks a chart draws. The view's chart
specifications (``_chart_spec``) put them together; ``jxdigital.charts`` decides where
each goes and how large and holds no phrase of its own.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from .. import codes
from .words import by_key, words_for

#: Chart phrases, ``{key: {lang: template}}`` (``words/chart.csv``).
CHART = by_key("chart")

#: The marks a chart can carry without a legend, in the order the footer names them.
MARKS = (codes.LOWER_BOUND, "linked", "estimated", "other_definition", "other_sources",
         "part_year")


def chart_words(key: str, lang: str, **fields: Any) -> str:
    """The chart phrase ``key`` in ``lang``, its ``{fields}`` filled."""
    return words_for(lang).say(f"chart.{key}", **fields)


def marks_words(marks: Iterable[str], lang: str, bound: str = "") -> str:
    """What the marks drawn (``MARKS``: ``lower_bound``, ``other_definition``,
    ``other_sources``, ``part_year``) mean, there being no legend; "" when none is drawn."""
    drawn = set(marks)
    said = [chart_words("mark_lower_bound_eg", lang, example=bound)
            if m == codes.LOWER_BOUND and bound else chart_words(f"mark_{m}", lang)
            for m in MARKS if m in drawn]
    if not said:
        return ""
    return chart_words("marks", lang, marks=chart_words("marks_sep", lang).join(said))


