"""The words of the reports (``jxdigital.report``: Markdown, the HTML page, the workbook),
in Chinese and English: titles and section headings, the page's labels, the workbook's
sheet names, and the rules every report prints.

One place per phrase: the view (``present.view``) looks a phrase up by its key and language
(``report_words("heading_rules", "zh")`` → 判定规则); the reports only lay out the view.
"""

from __future__ import annotations

from .. import assessment as R
from ._names import plan_title, titled
from ._phrases import say

__all__ = ["REPORT", "SHEETS", "report_title", "report_words", "rule_lines", "sheet_name"]

#: Titles, headings, labels and short sentences: ``REPORT[key][lang]``, a template for
#: ``str.format`` where it has fields (``report_words`` fills them).
REPORT = {
    # what the report is, after the plan's title: a plan whose target years have all
    # passed, or one still running
    "what_final": {"zh": "目标完成情况评估", "en": "the final assessment"},
    "what_progress": {"zh": "目标实现情况评估", "en": "progress towards the targets"},
    # the sentence under the dates: what the assessment rests on (the counts follow)
    "based_on": {"zh": "评估依据：{as_of}。", "en": "Based on {as_of}."},
    # section headings, in the order a report shows them
    "heading_retrospective": {"zh": "回顾：各年评估与最终结果",
                              "en": "Looking back: each year's review against the outcome"},
    "heading_targets": {"zh": "各项目标", "en": "Targets"},
    "heading_gaps": {"zh": "数据缺口", "en": "Missing data"},
    "heading_by_region": {"zh": "分地区一览", "en": "Region by indicator"},
    "by_region_hint": {"zh": "每行一个地区，每列一项指标；格中为结果（或进展）及达标概率。",
                       "en": "One row per region, one column per indicator; each cell the "
                             "outcome (or progress) and P(met)."},
    "heading_unused": {"zh": "未使用的数据", "en": "Figures not used"},
    "heading_charts": {"zh": "分项图表", "en": "Charts"},
    "heading_dashboard": {"zh": "全部指标一览", "en": "All targets"},
    "heading_rules": {"zh": "判定规则", "en": "How the status is decided"},
    # the HTML page
    "html_lang": {"zh": "zh-CN", "en": "en"},
    "sort_hint": {"zh": "点击表头排序。", "en": "Click a header to sort."},
    # the workbook: the cover sheet's one column
    "about_column": {"zh": "说明", "en": "About this workbook"},
    # punctuation: the end of a sentence, and what stands between two sentences
    "full_stop": {"zh": "。", "en": "."},
    "sentence_gap": {"zh": "", "en": " "},
}

#: The workbook's sheets, in order: ``SHEETS[key][lang]`` is the sheet's name (the
#: retrospective only where an outcome is known).
SHEETS = {
    "about": {"zh": "说明", "en": "about"},
    "summary": {"zh": "概览", "en": "summary"},
    "by_region": {"zh": "分地区", "en": "by region"},
    "retrospective": {"zh": "回顾", "en": "retrospective"},
    "targets": {"zh": "目标明细", "en": "targets"},
    "actuals": {"zh": "数据", "en": "actuals"},
    "projections": {"zh": "预测", "en": "projections"},
}

#: The rules every report states, by key: the verdicts (once the target year is over, and
#: while it is ahead), then how bounds, bands, projections, grades and order are read.
RULES = {
    "final": {
        "zh": "目标年已过的目标按结果判定：完成、未完成，或尚不能确定（目标年数据尚未公布时给出"
              "按已有数据推算的达标概率，缺少可比数据时说明原因）；目标年前已达到目标、目标年数据"
              "尚未公布的计为完成（提前实现）。完成率为结果已知的目标中完成的比例。",
        "en": "A target whose year is over is met, missed, or not yet known (with P(met) "
              "estimated from the figures so far where the target-year figure is not out, or "
              "why not where there are no comparable figures); one reached before its year "
              "whose target-year figure is not out counts as met (early). The completion rate "
              "is the share met of the settled targets."},
    "running": {
        "zh": "未到目标年的目标按进展判定，用语同规划中期评估：提前实现（已达到目标且达标概率"
              "≥{on}，累计类指标已达到即是）、快于预期（达标概率≥{on}且进度快于规划路径）、"
              "基本符合预期（达标概率≥{on}）、存在风险（{off}≤达标概率<{on}；已达到但此后仍可能"
              "回落的也是）、滞后（达标概率<{off}）；可用年份少于{n}个（含基期）为“数据不足”，"
              "无数值目标为“无法评估”。",
        "en": "A target whose year is ahead is judged on progress, in the words of a mid-term "
              "review: achieved early (met, and P(met) ≥ {on}; a running total once it is "
              "met), ahead of plan (P(met) ≥ {on} and past the plan's own path), on track "
              "(P(met) ≥ {on}), at risk ({off} ≤ P(met) < {on}; also met but liable to fall "
              "back), behind plan (P(met) < {off}); fewer than {n} usable years (the base "
              "year included): insufficient data; no numeric target: not assessable."},
    "bounds": {
        "zh": "以界限值公布的数据（如“超X”）只有在其允许的所有取值都落在同一侧时才能定论。",
        "en": "A figure published as a bound settles a target only where every value it "
              "allows falls on one side."},
    "bands": {
        "zh": "“左右”和区间目标：对应当提高的指标，达到区间下限即为实现，高于区间为超额完成，"
              "低于下限为未完成；目标年前后用同一规则。",
        "en": "'About' and range targets on an indicator that should rise are met from the "
              "low end of the band up (above it is exceeded) and missed below it: one rule "
              "before and in the target year."},
    "projections": {
        "zh": "预测：jxdigital 趋势模型组合，区间由数千个年度序列（M3、旅游等公开基准）的回测"
              "误差校准：80%区间在回测中覆盖约八成的实际值。",
        "en": "Projections: jxdigital's combination of trend models, with intervals calibrated "
              "on backtests of thousands of yearly series (the public M3 and Tourism "
              "benchmarks): its 80% intervals held about eight in ten outcomes."},
    "grades": {
        "zh": "依据等级：A 仅依据精确的年末数据；B 含下限值、约数或推算值（如由年内累计数推得的"
              "年末下限），说明中注明；累计类指标（如5G基站开通数）的预测不低于已达到的数量。",
        "en": "Evidence grade: A rests on exact year-end figures only; B also on bounds, "
              "approximate or derived figures (such as a year-end bound from a part-year "
              "count), named in the reason; a running total (5G base stations) is never "
              "projected below the level it has reached."},
    "order": {
        "zh": "表中约束性指标在前，其余按规划顺序；每项指标的数值在各表、图和说明中用同一单位"
              "（指标名后括号内），规划原文见工作簿的“目标明细”表。",
        "en": "Tables list binding targets first, then the plan's order; each indicator's "
              "figures are in one unit in every table, chart and sentence (after its name); "
              "the plan's printed words are in the workbook's targets sheet."},
}


def report_words(key: str, lang: str, **fields) -> str:
    """The phrase ``key`` of ``REPORT`` in ``lang``, its ``{fields}`` filled in."""
    return say(REPORT, key, lang, **fields)


def sheet_name(key: str, lang: str) -> str:
    """The name of the workbook's sheet ``key`` (``SHEETS``): 概览 / summary."""
    return SHEETS[key][lang]


def report_title(a, lang: str, title: str | None = None) -> str:
    """The report's title: ``《…》：目标完成情况评估`` for a finished plan, else
    ``…：目标实现情况评估``, one colon at most (``titled``). ``title``: the plan's title as
    the report shows it, by default ``plan_title``."""
    title = plan_title(a.plan, lang) if title is None else title
    return titled(title, report_words("what_final" if a.finished else "what_progress", lang),
                  lang)


def rule_lines(lang: str, finished: bool = True, running: bool = True) -> list[str]:
    """How the verdict is decided, one sentence a rule (a report lists them): the rule for
    targets whose year is over (``finished``) and for those still running (``running``)
    where the plan has them, then the rest."""
    fields = {"on": f"{R.P_ON_TRACK:.0%}", "off": f"{R.P_OFF_TRACK:.0%}",
              "n": R.MIN_OBSERVATIONS}
    keys = [k for k, on in (("final", finished), ("running", running)) if on]
    keys += ["bounds", "bands", "projections", "grades", "order"]
    return [say(RULES, k, lang, **fields) for k in keys]
