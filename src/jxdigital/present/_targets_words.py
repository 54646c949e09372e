"""The words of the 测算 report (target options and a draft's review), in Chinese and
English: ``TARGETS[key][lang]`` is a template for ``str.format``."""

from __future__ import annotations

from typing import Any

from . import _phrases as P

TARGETS: dict[str, dict[str, str]] = {
    "what": {"zh": "目标测算", "en": "target options"},
    "dates": {"zh": "生成于{date}；所用数据最晚为{year}年。",
              "en": "Made {date}; latest figure used: {year}."},
    "dates_none": {"zh": "生成于{date}。", "en": "Made {date}."},
    "intro": {"zh": "“可达值”为按与达标概率相同的校准预测推算、以给定概率能够达到的目标年数值："
                    "积极（50%）、适中（75%）、稳妥（90%）。按可达值设定的目标，其达标概率即为该概率。",
              "en": "A value within reach is what the same calibrated projection that gives "
                    "P(met) reaches with the stated probability: ambitious (50 %), moderate "
                    "(75 %), safe (90 %). A target set at it is judged with that P(met)."},
    "classes": {"zh": "目标力度按达标概率分档：≥90%稳妥，75%—90%适中，50%—75%积极，25%—50%偏难，"
                      "<25%难以实现。",
                "en": "Ambition from P(met): ≥ 90 % safe, 75–90 % moderate, 50–75 % "
                      "ambitious, 25–50 % stretch, < 25 % out of reach."},
    "heading_options": {"zh": "可达值", "en": "Values within reach"},
    "heading_review": {"zh": "草案目标评估", "en": "The draft's targets"},
    "heading_checks": {"zh": "一致性检查", "en": "Consistency checks"},
    "continued": {"zh": "（续）", "en": " (continued)"},
    "heading_charts": {"zh": "各指标测算图", "en": "Charts"},
    "no_checks": {"zh": "未发现行间或与上级规划不一致之处。",
                  "en": "No inconsistency across rows or with the parent plan."},
    # table headers
    "h_indicator": {"zh": "指标", "en": "Indicator"},
    "h_region": {"zh": "地区", "en": "Region"},
    "h_base": {"zh": "基数", "en": "Base"},
    "h_option": {"zh": "{name}（{p}）", "en": "{name} ({p})"},
    "h_grade": {"zh": "依据", "en": "Grade"},
    "h_target": {"zh": "草案目标", "en": "Draft target"},
    "h_p_met": {"zh": "达标概率", "en": "P(met)"},
    "h_ambition": {"zh": "力度", "en": "Ambition"},
    "h_required": {"zh": "需年均", "en": "Needs a year"},
    "h_record": {"zh": "近年实际年均", "en": "Record a year"},
    "h_projected": {"zh": "趋势年均", "en": "Trend a year"},
    "h_note": {"zh": "说明", "en": "Note"},
    # cells
    "years": {"zh": "（{a}—{b}年）", "en": " ({a}–{b})"},
    "option_cell": {"zh": "{v}（{g}）", "en": "{v} ({g})"},
    "growth_cagr": {"zh": "年均{g}", "en": "{g} a year"},
    "growth_pp": {"zh": "年均{g}个百分点", "en": "{g} points a year"},
    "base_plan": {"zh": "{v}（{y}年，规划）", "en": "{v} ({y}, plan)"},
    "base_published": {"zh": "{v}（{y}年）", "en": "{v} ({y})"},
    "base_account": {"zh": "{v}（{y}年，决算）", "en": "{v} ({y}, final account)"},
    "base_nowcast": {"zh": "约{v}（{y}年推算，80%区间{lo}—{hi}）",
                     "en": "about {v} ({y} estimated, 80% interval {lo}–{hi})"},
    "base_none": {"zh": "—", "en": "—"},
    "no_history": {"zh": "数据不足（至少需要2个年份）", "en": "too few figures (two years needed)"},
    "known": {"zh": "{y}年已公布：{v}", "en": "published for {y}: {v}"},
    "not_applicable": {"zh": "无可推算的水平序列", "en": "no level series to project"},
    "base_note_nowcast": {"zh": "{y}年基数按推算约{v}（80%区间{lo}—{hi}），尚无公布数",
                          "en": "the {y} base is an estimate, about {v} (80% interval "
                                "{lo}–{hi}); no figure is published"},
    # checks
    "check_ratio": {"zh": "{name}目标{v}与同表{others}目标之比{x}不一致",
                    "en": "{name}: the target {v} differs from {x}, the ratio of the "
                          "table's own targets ({others})"},
    "check_below_parent": {"zh": "{name}目标{v}低于{parent}同年目标{x}，与“高于全国”的表述不符",
                           "en": "{name}: the target {v} is below {parent}'s target {x} for the "
                                 "same year, though worded as above the nation"},
    "check_slower_than_parent": {
        "zh": "{name}年均增速{v}低于{parent}目标隐含的年均{x}，与“快于全国”的表述不符",
        "en": "{name}: {v} a year is below the {x} a year {parent}'s target implies, though "
              "worded as faster than the nation"},
    "check_parent_bar": {"zh": "{name}：按{parent}，同年全国目标为{x}",
                         "en": "{name}: {parent} targets {x} for the same year"},
    "check_stated_growth": {"zh": "{name}所列年均增速{v}与基数到目标隐含的年均{x}不一致",
                            "en": "{name}: the stated {v} a year differs from the {x} a year "
                                  "base → target implies"},
    # charts
    "chart_title": {"zh": "{name}：{year}年可达值", "en": "{name}: within reach by {year}"},
    "chart_footer": {"zh": "实线为已公布数据，阴影为80%预测区间，横线为各概率下的可达值，"
                           "菱形为草案目标。{dates}",
                     "en": "Line: published figures; band: 80% projection interval; ticks: "
                           "values within reach; diamond: the draft's target. {dates}"},
    "mark": {"zh": "{name} {v}", "en": "{name} {v}"},
    "draft_mark": {"zh": "草案 {v}", "en": "draft {v}"},
    "sheet_options": {"zh": "可达值数据", "en": "options data"},
    "sheet_review": {"zh": "草案评估数据", "en": "draft data"},
    "sheet_checks": {"zh": "一致性检查数据", "en": "checks data"},
    "sheet_paths": {"zh": "路径数据", "en": "paths data"},
}

#: The options' names (``assessment._options.OPTION_NAMES``) and the ambition classes
#: (``assessment._draft.AMBITION``).
NAMES = {"zh": {"ambitious": "积极", "moderate": "适中", "safe": "稳妥", "stretch": "偏难",
                "out_of_reach": "难以实现"},
         "en": {"ambitious": "ambitious", "moderate": "moderate", "safe": "safe",
                "stretch": "stretch", "out_of_reach": "out of reach"}}


def say(key: str, lang: str, **fields: Any) -> str:
    """A phrase of the 测算 report in ``lang``."""
    return P.say(TARGETS, key, lang, **fields)


def name(code: str, lang: str) -> str:
    """An option's or an ambition class's name ("" for none)."""
    return NAMES[lang].get(code, code)
