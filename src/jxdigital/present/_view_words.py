"""The words of the presentation view (``present.view``): the account's one count sentence,
the tables' headers and sections, a target's headline and its plain sentence, in Chinese
and English.

Phrases are data: ``VIEW[key][lang]`` is a template for ``str.format`` (``words(key, lang,
**fields)`` fills it). The functions below choose between phrases; they hold none.
"""

from __future__ import annotations

from typing import Any

from . import _phrases as P

VIEW: dict[str, dict[str, str]] = {
    # --- the one count sentence -------------------------------------------------------------
    "total": {"zh": "共{n}项目标", "en": "{n} targets"},
    "total_one": {"zh": "共1项目标", "en": "1 target"},
    "count": {"zh": "{words}{n}项", "en": "{n} {words}"},
    "list_sep": {"zh": "，", "en": ", "},
    "clause_sep": {"zh": "；", "en": "; "},
    "after_total": {"zh": "：", "en": ": "},
    "end": {"zh": "。", "en": "."},
    "finished_part": {"zh": "目标年已过的{n}项中，{counts}",
                      "en": "of the {n} whose year is over, {counts}"},
    "running_part": {"zh": "未到目标年的{n}项中，{counts}",
                     "en": "of the {n} still running, {counts}"},
    "unknown_why": {"zh": "（{parts}）", "en": " ({parts})"},
    "unknown_nowcast": {"zh": "{n}项目标年数据尚未公布、已按已有数据推算达标概率",
                        "en": "{n} with P(met) estimated from the figures so far"},
    "unknown_no_data": {"zh": "{n}项缺少可比数据", "en": "{n} without comparable figures"},
    "unknown_bound": {"zh": "{n}项仅知界限值、不足以判定",
                      "en": "{n} known only as a bound that does not settle it"},
    "completion": {"zh": "结果已知的{n}项中完成{met}项，完成率{rate}",
                   "en": "of the {n} settled, {met} met: a completion rate of {rate}"},
    "binding_part": {"zh": "其中约束性指标{n}项：{counts}",
                     "en": "binding targets ({n}): {counts}"},
    # --- sections --------------------------------------------------------------------------
    "section_binding": {"zh": "约束性指标", "en": "Binding targets"},
    "section_expected": {"zh": "预期性指标", "en": "Expected targets"},
    "h_region": {"zh": "地区", "en": "Region"},
    "grid_year": {"zh": "{name}（{year}年）", "en": "{name} ({year})"},
    "continued": {"zh": "（续）", "en": " (continued)"},
    "with_page": {"zh": "{head}（{page}）", "en": "{head} ({page})"},
    "name_sep": {"zh": "、", "en": "; "},
    "up": {"zh": "提高", "en": "up"},
    "down": {"zh": "下降", "en": "down"},
    "against_points": {"zh": "{pp}个百分点（{pct}）", "en": "{pp} points ({pct})"},
    "reached_early": {"zh": "提前达到", "en": "reached early"},
    "badge_p": {"zh": " · 达标概率{p}", "en": " · P(met) {p}"},
    "badge_grade": {"zh": " · 依据{g}", "en": " · evidence {g}"},
    # an Excel number format: points a year still needed
    "xl_points": {"zh": '0.00"个百分点"', "en": '0.00" points"'},
    "meta": {"zh": "由 jxdigital {version} 生成 · 规划代码 {plan}",
             "en": "Made by jxdigital {version} · plan {plan}"},
    "meta_scheme": {"zh": " · 判定方案 {scheme}", "en": " · scheme {scheme}"},
    "notes_source": {"zh": "最新数据来源：{source}", "en": "Latest figure from: {source}"},
    # a page of more than two sections names its first and how many more
    "and_more": {"zh": "{first}至{last}（{n}部分）", "en": "{first} to {last} ({n} sections)"},
    # --- the main table's headers -------------------------------------------------------------
    "h_seq": {"zh": "序号", "en": "#"},
    "h_indicator": {"zh": "指标", "en": "Indicator"},
    "h_attribute": {"zh": "属性", "en": "Type"},
    "h_target": {"zh": "目标", "en": "Target"},
    "h_latest": {"zh": "最新实际", "en": "Latest actual"},
    "h_projection": {"zh": "目标年预测（80%区间）", "en": "Target-year projection (80% interval)"},
    "h_projection_final": {"zh": "目标年推算（80%区间）",
                           "en": "Target-year estimate (80% interval)"},
    # ... the workbook's, its interval in columns of their own
    "h_projection_value": {"zh": "目标年预测", "en": "Target-year projection"},
    "h_projection_value_final": {"zh": "目标年推算", "en": "Target-year estimate"},
    "h_p_met": {"zh": "达标概率", "en": "P(met)"},
    "h_against": {"zh": "与目标相比", "en": "Against the target"},
    "h_need": {"zh": "所需年均增长", "en": "Growth needed a year"},
    "h_status": {"zh": "状态", "en": "Status"},
    "h_outcome": {"zh": "结果", "en": "Outcome"},
    "h_status_outcome": {"zh": "状态／结果", "en": "Status / outcome"},
    "h_grade": {"zh": "依据", "en": "Grade"},
    "h_reason": {"zh": "说明", "en": "Reason"},
    "h_latest_year": {"zh": "最新年份", "en": "Latest year"},
    "h_lo_80": {"zh": "80%区间下限", "en": "80% low"},
    "h_hi_80": {"zh": "80%区间上限", "en": "80% high"},
    "h_target_year": {"zh": "目标年", "en": "Target year"},
    "h_unit": {"zh": "单位", "en": "Unit"},
    "h_category": {"zh": "类别", "en": "Category"},
    "h_printed": {"zh": "目标（规划原文）", "en": "Target (as printed)"},
    "h_id": {"zh": "指标代码", "en": "Indicator id"},
    "h_settled": {"zh": "结果已定", "en": "Outcome settled"},
    # a cell with a year: 10378（2021）
    "with_year": {"zh": "{v}（{year}）", "en": "{v} ({year})"},
    "range": {"zh": "{point}（{lo}—{hi}）", "en": "{point} ({lo}–{hi})"},
    "yes": {"zh": "是", "en": "yes"},
    "no": {"zh": "否", "en": "no"},
    "early": {"zh": "（提前实现）", "en": " (early)"},
    # --- the data gaps ------------------------------------------------------------------------
    "h_gap_latest": {"zh": "最新可比数据", "en": "Latest comparable figure"},
    "h_gap_missing": {"zh": "缺少", "en": "Missing"},
    "gap_none": {"zh": "无", "en": "none"},
    "gap_years": {"zh": "{span}年的可比数据", "en": "comparable figures for {span}"},
    "year_span": {"zh": "{first}—{last}", "en": "{first}–{last}"},
    "gaps_title": {"zh": "数据缺口：{n}项目标尚无法判断",
                   "en": "Data gaps: {n} targets cannot be judged yet"},
    "gap_line": {"zh": "数据缺口：{items}。", "en": "Data gaps: {items}."},
    "gap_item": {"zh": "{name}（缺少{missing}）", "en": "{name} (missing {missing})"},
    "gap_group": {"zh": "{n}项（{names}）：{reason}", "en": "{n} targets ({names}): {reason}"},
    # --- the figures not used -------------------------------------------------------------------
    "h_unused_indicator": {"zh": "指标", "en": "Indicator"},
    "h_unused_year": {"zh": "年份", "en": "Year"},
    "h_unused_figure": {"zh": "数值", "en": "Figure"},
    "h_unused_source": {"zh": "来源", "en": "From"},
    "h_unused_why": {"zh": "未使用原因", "en": "Why not used"},
    "unused_head": {"zh": "下列数据未用于判断：年内数（截至年中某日或某月的数据）不作年度值使用，"
                          "口径与规划不同的数据不与目标比较。",
                    "en": "These figures were not used: a part-year figure (as of a date within "
                          "the year) is not a year's value, and a figure of a different "
                          "definition is not compared with the target."},
    "unused_tail": {"zh": "另有内置数据中口径与规划不同的数据{n}个未使用（原因见 Excel 工作簿"
                          "“数据”表的“使用情况”列）。",
                    "en": "{n} built-in figures of a different definition are not used either "
                          "(the 'Used' column of the workbook's actuals sheet says why)."},
    "unused_tail_one": {"zh": "另有内置数据中口径与规划不同的数据1个未使用（原因见 Excel 工作簿"
                              "“数据”表的“使用情况”列）。",
                        "en": "1 built-in figure of a different definition is not used either "
                              "(the 'Used' column of the workbook's actuals sheet says why)."},
    "origin_shipped": {"zh": "内置数据", "en": "built-in data"},
    "origin_yours": {"zh": "您的数据", "en": "your figures"},
    "origin_file": {"zh": "您的文件{file}", "en": "your file {file}"},
    # --- the retrospective --------------------------------------------------------------------
    "no_settled": {"zh": "尚无结果已知的目标，无法回看各年评估是否正确。",
                   "en": "No target has a known outcome yet, so the yearly reviews cannot be "
                         "checked against one."},
    "review_year": {"zh": "{year}年末", "en": "End {year}"},
    "this_review": {"zh": "本次（{date}）", "en": "This review ({date})"},
    "retro_cell": {"zh": "{p}{words}", "en": "{p}{words}"},
    # --- a target's slide ---------------------------------------------------------------------
    "head": {"zh": "{name}：{finding}", "en": "{name}: {finding}"},
    "f_met": {"zh": "{year}年{v}，完成{goal}的目标",
              "en": "{v} in {year}, meeting the target of {goal}"},
    "f_missed": {"zh": "{year}年{v}，未完成{goal}的目标",
                 "en": "{v} in {year}, missing the target of {goal}"},
    "f_met_early": {"zh": "{year}年已达{v}，完成{goal}的目标（提前实现）",
                    "en": "{v} in {year}, target of {goal} met early"},
    "f_achieved": {"zh": "{year}年已达{v}，提前实现{goal}的目标",
                   "en": "{v} in {year}, target of {goal} already reached"},
    "f_likely": {"zh": "{year}年预计{v}，可望达到{goal}的目标（达标概率{p}）",
                 "en": "{v} expected in {year}, likely to meet the target of {goal} "
                       "({p} chance)"},
    "f_close": {"zh": "{year}年预计{v}，能否达到{goal}的目标尚难确定（达标概率{p}）",
                "en": "{v} expected in {year}, too close to call against the target of "
                      "{goal} ({p} chance)"},
    "f_unlikely": {"zh": "{year}年预计{v}，难以达到{goal}的目标（达标概率{p}）",
                   "en": "{v} expected in {year}, unlikely to meet the target of {goal} "
                         "({p} chance)"},
    "f_nowcast_likely": {"zh": "{year}年推算约{v}，可能已完成{goal}的目标（达标概率{p}）",
                         "en": "an estimated {v} in {year}, probably meeting the target of "
                               "{goal} ({p} chance)"},
    "f_nowcast_close": {"zh": "{year}年推算约{v}，能否完成{goal}的目标尚不能确定（达标概率{p}）",
                        "en": "an estimated {v} in {year}, too close to call against "
                              "the target of {goal} ({p} chance)"},
    "f_nowcast_unlikely": {"zh": "{year}年推算约{v}，可能未完成{goal}的目标（达标概率{p}）",
                           "en": "an estimated {v} in {year}, probably short of the "
                                 "target of {goal} ({p} chance)"},
    "f_relative": {"zh": "{year}年预计{v}，全国约{nat}（高于全国的概率{p}）",
                   "en": "{v} expected in {year} against {nat} nationally ({p} chance of "
                         "being above)"},
    "f_relative_nowcast": {"zh": "{year}年推算约{v}，全国约{nat}（高于全国的概率{p}）",
                           "en": "an estimated {v} in {year} against {nat} nationally "
                                 "({p} chance of being above)"},
    "f_verdict_p": {"zh": "{words}（概率{p}）", "en": "{words} ({p} chance)"},
    "f_verdict": {"zh": "{words}", "en": "{words}"},
    # the plain sentence under a slide's headline
    "s_latest": {"zh": "{year}年{v}", "en": "{v} in {year}"},
    "s_growth": {"zh": "{base}年以来年均增长{g}", "en": "up {g} a year since {base}"},
    "s_points": {"zh": "{base}年以来年均{dir}{d}", "en": "{dir} {d} a year since {base}"},
    "s_need": {"zh": "此后每年需增长{need}才能达到目标", "en": "it needs {need} growth a year to "
                                                          "reach the target"},
    "s_need_points": {"zh": "此后每年需提高{need}才能达到目标",
                      "en": "it needs {need} a year to reach the target"},
    "s_nowcast": {"zh": "{year}年数据尚未公布，按已有数据推算，八成可能在{lo}至{hi}之间",
                  "en": "the {year} figure is not out yet: by the figures so far it has an "
                        "80% chance of lying between {lo} and {hi}"},
    "s_required": {"zh": "{base}—{year}年年均增长{g}，目标要求{req}",
                   "en": "growth of {g} a year in {base}–{year} against {req} required"},
    "s_passed": {"zh": "已超过目标", "en": "already beyond the target"},
    # --- the deck -------------------------------------------------------------------------------
    "summary_heading": {"zh": "各项目标达标概率", "en": "Chance of meeting each target"},
    "retrospective_heading": {"zh": "回顾：各年评估是否预见了结果",
                              "en": "Looking back: did each year's review see it coming?"},
    "colon": {"zh": "：", "en": ": "},
    "charts_rest": {"zh": "其余{n}项目标除规划基期值和目标外没有可画的数据，见“全部指标一览”。",
                    "en": "The other {n} targets have nothing to draw beyond their printed base "
                          "and target: see 'All targets'."},
}


def words(key: str, lang: str, **fields: Any) -> str:
    """The view phrase ``key`` in ``lang``, its ``{fields}`` filled."""
    return P.say(VIEW, key, lang, **fields)


def verdict_words(code: str, lang: str) -> str:
    """A verdict (``codes.VERDICTS``) in words: 完成, 尚不能确定, 快于预期, …"""
    return P.VERDICT[lang].get(code, code)


def counted(items: list[tuple[str, int]], lang: str) -> str:
    """``完成1项，未完成1项`` / ``1 met, 1 missed``: each (words, n) with n > 0."""
    return words("list_sep", lang).join(words("count", lang, words=w, n=n)
                                        for w, n in items if n)


def percent_text(x: float) -> str:
    """A rate as official reviews print it: ``89.3%``, ``50%``."""
    text = f"{x * 100:.1f}".rstrip("0").rstrip(".")
    return f"{text}%"


__all__ = ["VIEW", "counted", "percent_text", "verdict_words", "words"]
