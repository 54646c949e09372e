"""The words on every chart, in Chinese and English: axis labels, titles, direct labels,
badges and footers.

One place per phrase: ``CHART[key][lang]`` is a template (``chart_words(key, lang,
**fields)`` fills it); the functions below build the labels that need a choice (a band or
a bound, a known outcome, marks actually drawn). ``jxdigital.charts`` decides where each
goes and how large; it holds no phrase of its own.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from typing import Any

from .. import codes
from ..assessment import P_OFF_TRACK, P_ON_TRACK, Account, Assessment, TargetStatus
from ..catalog._load import publisher_names
from . import _phrases as P
from . import _text as T
from ._names import (  # noqa: F401 (re-exported)
    localised,
    plan_title,
    short_name,
    status_of,
    target_name,
    titled,
)
from ._phrases import SHARED

#: Chart phrases by key and language; ``{field}`` is filled by ``chart_words``.
CHART: dict[str, dict[str, str]] = {
    # --- one target (plot_indicator and the dashboard's panels) ---
    "badge_p": {"zh": " · 达标概率{p}", "en": " · P(met) {p}"},
    "badge_grade": {"zh": " · 依据{grade}", "en": " · evidence {grade}"},
    "sources_differ": {"zh": "来源不一", "en": "sources differ"},
    "year_span": {"zh": "{first}—{last}", "en": "{first}–{last}"},
    "unpublished": {"zh": "{span}年数据尚未公布", "en": "{span}: not yet published"},
    "projection": {"zh": "{year}年预测 {point}\n80%区间 {lo}—{hi}",
                   "en": "{year} projection {point}\n80% interval {lo}–{hi}"},
    "national": {"zh": "全国", "en": "China"},
    "bound_example": {"zh": "{year}年为“{figure}”", "en": "{year}: '{figure}'"},
    "national_target": {"zh": "全国（目标：高于此线）", "en": "China (target: above this)"},
    "other_definition": {"zh": "口径不同", "en": "other definition"},
    "plan_path": {"zh": "规划路径", "en": "plan path"},
    "target": {"zh": "目标 {target}", "en": "target {target}"},
    "between": {"zh": "{low}—{high}", "en": "{low}–{high}"},
    "actual": {"zh": "{year}: {value}", "en": "{year}: {value}"},
    "panel_unit": {"zh": "（{unit}）", "en": " ({unit})"},
    # the footer of one target: sources, the projection, the marks drawn, the dates
    "sources": {"zh": "数据来源：{sources}。", "en": "Sources: {sources}. "},
    "no_sources": {"zh": "无", "en": "none"},
    "projection_model": {"zh": "预测：{model}，扇形为50/80/95%区间。",
                         "en": "Projection: {model}; fan = 50/80/95% intervals. "},
    "mark_lower_bound": {"zh": "▲为下限值", "en": "▲ = lower bound"},
    "mark_lower_bound_eg": {"zh": "▲为下限值（{example}）",
                            "en": "▲ = lower bound ({example})"},
    "mark_linked": {"zh": "□为按其他口径增速推算的值（依据C）",
                    "en": "□ = from another definition's growth (grade C)"},
    "mark_other_definition": {"zh": "空心点为口径不同的数据", "en": "hollow = other definition"},
    "mark_other_sources": {"zh": "灰点为未采用的其他来源",
                           "en": "grey dots = other sources not used"},
    "mark_part_year": {"zh": "◇为年内数（标注截至月份）",
                       "en": "◇ = part-year figure (dated)"},
    "part_year_date": {"zh": "{date}", "en": "{date}"},
    "marks_sep": {"zh": "；", "en": "; "},
    "marks": {"zh": "{marks}。", "en": "{marks}. "},
    "dates": {"zh": "{dates}。", "en": "{dates}. "},
    # --- every target: the status summary and the dashboard ---
    "p_axis": {"zh": "达标概率 P(目标实现)", "en": "P(target met)"},
    "summary_title": {"zh": "各项目标实现概率", "en": "chance of meeting each target"},
    "settled": {"zh": "{status}（{year}年实际）", "en": "{status} ({year} actual)"},
    "bar": {"zh": "{p} {status}", "en": "{p} {status}"},
    "no_comparable": {"zh": "（缺少可比数据）", "en": " (no comparable figures)"},
    "overview_footer": {
        "zh": "{dates}。条长为达标概率（结果已定的为100%或0），虚线为{off}和{on}。",
        "en": "{dates}. Bar length: P(target met) (100% or 0 where the outcome is settled); "
              "dashed lines at {off} and {on}."},
    "dashboard_footer": {
        "zh": "{dates}。每格为一项目标：实线为已用数据，阴影为预测区间，菱形为目标，"
              "框线颜色为状态。",
        "en": "{dates}. One target a panel: line, the figures used; shade, the projection's "
              "interval; diamond, the target; frame colour, the status."},
    # --- the retrospective ---
    "retrospective_title": SHARED["retrospective"],
    "p_at_review": {"zh": "当年评估的达标概率", "en": "P(met) at each review"},
    "outcome_label": {"zh": "{name}（{outcome}）", "en": "{name} ({outcome})"},
    "review_year": {"zh": "{year}年末", "en": "end {year}"},
    "this_review": {"zh": "{date}\n（本次）", "en": "{date}\n(this review)"},
    "no_known_outcome": {"zh": "尚无结果已知的目标", "en": "No target has a known outcome yet"},
    "retrospective_footer": {"zh": "{dates}。每次评估只用当年年末前已公布的数据。",
                             "en": "{dates}. Each review used only what had been published by "
                                   "the end of its year."},
}

#: A target's comparator beside its value, as a chart's direct label shows it.
TARGET_MARK = {
    "zh": {"at_least": "{v}以上", "more_than": ">{v}", "around": "{v}左右", "at_most": "≤{v}"},
    "en": {"at_least": "≥ {v}", "more_than": "> {v}", "around": "about {v}",
           "at_most": "≤ {v}"},
}

#: The marks a chart can carry without a legend, in the order the footer names them.
MARKS = (codes.LOWER_BOUND, "linked", "other_definition", "other_sources", "part_year")


def chart_words(key: str, lang: str, **fields: Any) -> str:
    """The chart phrase ``key`` in ``lang``, its ``{fields}`` filled."""
    return P.say(CHART, key, lang, **fields)


def _finite(x) -> bool:
    return x is not None and isinstance(x, (int, float)) and math.isfinite(x)


# --- which field a chart shows ------------------------------------------------------------

# the pickers are shared with every output (``_names``)
name_of, title_of = target_name, plan_title


def unit_label(r: TargetStatus, lang: str) -> str:
    """The y axis' unit: as printed, or its English (``100 million yuan``)."""
    return r.unit if lang == "zh" else T.unit_en(r.unit)


# --- one target ---------------------------------------------------------------------------

def badge_text(r: TargetStatus, lang: str) -> str:
    """The status badge: the status, with P(met) while the outcome is open, and the grade
    of what it rests on (B: bounds, approximate or derived figures)."""
    words = status_of(r, lang)
    if _finite(r.p_met) and r.status_cn not in ("achieved",) and not r.final:
        words += chart_words("badge_p", lang, p=T.prob(r.p_met, lang))
    if r.evidence_grade and r.evidence_grade != "A":
        words += chart_words("badge_grade", lang, grade=r.evidence_grade)
    return words





def panel_badge(r: TargetStatus, lang: str) -> str:
    """A dashboard panel's badge: the status (the unit is in the title)."""
    return badge_text(r, lang)


def panel_title(r: TargetStatus, lang: str) -> str:
    """A dashboard panel's title: the target's short name and the unit of its numbers
    (``数字经济增加值（亿元）``; the full name is in the report's table and the target's
    own chart)."""
    unit = unit_label(r, lang)
    return short_name(r, lang) + (chart_words("panel_unit", lang, unit=unit) if unit else "")


def unpublished_words(first: int, last: int, lang: str) -> str:
    """Years over whose figures are not out yet: ``2022—2025年数据尚未公布``."""
    span = str(first) if first == last else chart_words("year_span", lang, first=first,
                                                         last=last)
    return chart_words("unpublished", lang, span=span)


def projection_label(year: int, point: float, lo: float, hi: float, unit: str,
                     lang: str) -> str:
    """The projection's label at the target year, with its 80 % interval."""
    return chart_words("projection", lang, year=year, point=T.projected(point, unit, lang),
                       lo=T.projected(lo, unit, lang), hi=T.projected(hi, unit, lang))


def target_words(r: Any, lang: str) -> str:
    """The target with its comparator and unit: ``1.6万亿元以上`` / ``≥ 1.6 trillion yuan``;
    a range scales both ends (``2—3万个`` / ``20,000–30,000``)."""
    v = T.value(r.target_value, r.unit, lang)
    if r.comparator == "between" and _finite(r.target_high):
        low = T.num(r.target_value) if lang == "zh" else v
        return chart_words("between", lang, low=low,
                           high=T.value(r.target_high, r.unit, lang))
    mark = TARGET_MARK[lang].get(r.comparator)
    return mark.format(v=v) if mark else v


def target_label(r: TargetStatus, lang: str) -> str:
    """The target's direct label: ``目标 1.6万亿元以上``."""
    return chart_words("target", lang, target=target_words(r, lang))


def actual_label(year: int, value: float, unit: str, qualifier: str, lang: str) -> str:
    """The last actual's label: ``2021: 9400亿元``, a lower bound ``2022: 6.2万个以上`` /
    ``2022: over 62,000`` (never "62,000+")."""
    shown = T.figure(value, unit, qualifier, lang) if qualifier == codes.LOWER_BOUND \
        else T.value(value, unit, lang)
    return chart_words("actual", lang, year=year, value=shown)


def _publishers(publishers: Sequence[str], lang: str = "zh") -> str:
    """Who published the figures: in Chinese as printed (``江西省人民政府；国家统计局等``);
    in English each publisher's English name where it is known (``data/publishers.csv``),
    else its Chinese name, once (``Jiangxi Provincial People's Government; 大江网 and
    others``)."""
    if lang == "zh":
        return "；".join(publishers[:3]) + ("等" if len(publishers) > 3 else "")
    names = publisher_names()
    shown = list(dict.fromkeys(names.get(p, p) for p in publishers[:3]))
    return "; ".join(shown) + (" and others" if len(publishers) > 3 else "")


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


def indicator_footer(a: Assessment, r: TargetStatus, publishers: Sequence[str],
                     marks: Iterable[str], lang: str, bound: tuple | None = None) -> str:
    """One target's source line: the sources, the projection's model, the data's dates and
    what the marks drawn mean; ``bound``: (year, value) of the chart's own lower bound,
    its example for ▲ (``2022年“6.2万个以上”``)."""
    text = _publishers(publishers, lang) or chart_words("no_sources", lang)
    s = chart_words("sources", lang, sources=text)
    if r.model:
        s += chart_words("projection_model", lang, model=f"jxdigital {r.model}")
    s += chart_words("dates", lang, dates=T.chart_dates_words(a, r.latest_year, lang))
    example = ""
    if bound is not None:
        fig = T.figure(bound[1], r.unit, codes.LOWER_BOUND, lang)
        example = chart_words("bound_example", lang, year=bound[0], figure=fig)
    return s + marks_words(marks, lang, example)


# --- every target --------------------------------------------------------------------------

def summary_title(a: Assessment, lang: str) -> str:
    return titled(title_of(a.plan, lang), chart_words("summary_title", lang), lang)


def settled_words(r: TargetStatus, lang: str) -> str:
    """A settled outcome beside its bar: ``未实现（2025年实际）``."""
    return chart_words("settled", lang, status=status_of(r, lang), year=r.outcome_year)


def bar_words(p: float, r: TargetStatus, lang: str) -> str:
    """P(met) and the status beside a bar: ``48% 存在风险``."""
    return chart_words("bar", lang, p=T.prob(p, lang), status=status_of(r, lang))


def overview_footer(a: Assessment, lang: str) -> str:
    """The footer of the status summary and the dashboard: dates, counts and the rule."""
    return chart_words("overview_footer", lang, dates=T.dates_words(a, lang),
                       counts=T.counts_sentence(a, lang), on=f"{P_ON_TRACK:.0%}",
                       off=f"{P_OFF_TRACK:.0%}")


# --- the retrospective --------------------------------------------------------------------

def outcome_label(name: str, outcome: str, lang: str) -> str:
    """A line's end label: ``全国网上零售额（未实现）``."""
    return chart_words("outcome_label", lang, name=name, outcome=P.OUTCOME[lang][outcome])


def review_labels(years: Sequence[int], review: str, lang: str) -> list[str]:
    """The x ticks: each year-end review, the last one this review (dated ``review``)."""
    return [chart_words("review_year", lang, year=y) for y in years[:-1]] + \
        [chart_words("this_review", lang, date=review)]


def retrospective_footer(acc: Account, lang: str) -> str:
    return chart_words("retrospective_footer", lang, warnings=T.warnings_sentence(acc, lang),
                       dates=T.dates_words(acc.assessment, lang))
