"""The words on every chart, in Chinese and English: axis labels, titles, direct labels,
badges and footers.

One place per phrase: ``CHART[key][lang]`` is a template (``chart_words(key, lang,
**fields)`` fills it); ``marks_words`` names the marks a chart draws. The view's chart
specifications (``_chart_spec``) put them together; ``jxdigital.charts`` decides where
each goes and how large and holds no phrase of its own.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from .. import codes
from . import _phrases as P
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
    "and_others": {"zh": "等", "en": " and others"},
    "model_auto": {"zh": "jxdigital趋势模型组合", "en": "jxdigital's combined trend models"},
    "projection_model_slide": {"zh": "预测：{model}，阴影为80%区间。",
                               "en": "Projection: {model}; shade = 80% interval. "},
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
    "mark_estimated": {"zh": "部分年末值据当年年内数据推算（见说明）",
                       "en": "some year-ends are estimated from part-year figures (see the "
                             "reason)"},
    "part_year_date": {"zh": "{date}", "en": "{date}"},
    # a yearly total's part-year figure is the year so far, never a level of the series
    "part_year_total": {"zh": "{year}年1—{month}月累计", "en": "{year}, months 1–{month} total"},
    "marks_sep": {"zh": "；", "en": "; "},
    "marks": {"zh": "{marks}。", "en": "{marks}. "},
    "dates": {"zh": "{dates}。", "en": "{dates}. "},
    # --- every target: the status summary and the dashboard ---
    "p_axis": {"zh": "达标概率 P(目标实现)", "en": "P(target met)"},
    "summary_title": {"zh": "各项目标实现概率", "en": "chance of meeting each target"},
    "settled": {"zh": "{status}（{year}年实际）", "en": "{status} ({year} actual)"},
    "bar": {"zh": "{p} {status}", "en": "{p} {status}"},
    "no_comparable": {"zh": "（缺少可比数据）", "en": " (no comparable figures)"},
    "summary_none": {"zh": "没有可判断的目标：各项目标均缺少可比数据。",
                     "en": "No target can be judged: none has comparable figures."},
    "summary_gaps_one": {"zh": "另有1项目标缺少可比数据，未列入本图。",
                         "en": " One more target has no comparable figures and is not shown."},
    "summary_gaps": {"zh": "另有{n}项目标缺少可比数据，未列入本图。",
                     "en": " {n} more targets have no comparable figures and are not shown."},
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

#: The marks a chart can carry without a legend, in the order the footer names them.
MARKS = (codes.LOWER_BOUND, "linked", "estimated", "other_definition", "other_sources",
         "part_year")


def chart_words(key: str, lang: str, **fields: Any) -> str:
    """The chart phrase ``key`` in ``lang``, its ``{fields}`` filled."""
    return P.say(CHART, key, lang, **fields)


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


