"""The words of the reports (``jxdigital.report``: Markdown, the HTML page, the workbook),
in Chinese and English: titles and section headings, the page's labels, the workbook's
sheet names and column headers, and the sentences every report prints (the rule, the
basis of the assessment).

One place per phrase: a report looks a phrase up by its key and language
(``report_words("heading_rules", "zh")`` → 判定规则) and only assembles; it holds no
phrase of its own.
"""

from __future__ import annotations

from .. import assessment as R
from ._names import plan_title, target_name, target_reason
from ._phrases import COLON, SHARED, STATUS, say
from ._text import as_of_words, counts_sentence

# the plan's and a target's own words in one language are ``_slide_words``'s (shared by
# every output); the reports take them from here with the rest of their words
__all__ = ["REPORT", "SHEETS", "SUMMARY_HEADERS", "account_sentence", "based_on_sentence",
           "gap_group",
           "labelled", "plan_title", "report_title", "report_words", "rule_lines",
           "sentence", "sentences", "sheet_name", "summary_header", "target_name",
           "target_reason"]

#: Titles, headings, labels and short sentences: ``REPORT[key][lang]``, a template for
#: ``str.format`` where it has fields (``report_words`` fills them).
REPORT = {
    # the report's title: a plan whose target years have all passed, or one still running
    "title_final": {"zh": "{title}：目标完成情况评估", "en": "{title}: the final account"},
    "title_progress": {"zh": "{title}：目标实现情况评估",
                       "en": "{title}: progress towards the targets"},
    # the sentence under the dates: what the assessment rests on (the counts follow)
    "based_on": {"zh": "评估依据：{as_of}。", "en": "Based on {as_of}."},
    # section headings, in the order a report shows them
    "heading_account": {"zh": "完成情况总览", "en": "The final account"},
    "account_note": {
        "zh": "“已实现”含目标年前已达到、目标年数据尚未公布的目标；“尚不能确定”的目标给出按已有数据"
              "推算的达标概率。",
        "en": "'Met' includes targets reached before the target year whose target-year "
              "figure is not yet published; for targets not yet known, the P(met) nowcast "
              "from the figures so far is given."},
    "heading_retrospective": SHARED["retrospective"],
    "heading_targets": {"zh": "各项目标", "en": "Targets"},
    "heading_gaps": {"zh": "数据缺口", "en": "Missing data"},
    "heading_unused": {"zh": "未使用的数据", "en": "Figures not used"},
    "heading_charts": {"zh": "分项图表", "en": "Charts"},
    "heading_dashboard": {"zh": "全部指标一览", "en": "All targets"},
    "heading_rules": {"zh": "判定规则", "en": "How the status is decided"},
    # the HTML page
    "html_lang": {"zh": "zh-CN", "en": "en"},
    "sort_hint": {"zh": "点击表头排序。", "en": "Click a header to sort."},
    # the workbook: the cover sheet's one column, the actuals sheet's added column
    "about_column": {"zh": "说明", "en": "About this workbook"},
    "usage_column": {"zh": "使用情况", "en": "used"},
    # punctuation: a label and its text (名称：说明 / name: text), the end of a sentence,
    # and what stands between two sentences
    "full_stop": {"zh": "。", "en": "."},
    "sentence_gap": {"zh": "", "en": " "},
}

#: The workbook's sheets, in order: ``SHEETS[key][lang]`` is the sheet's name.
SHEETS = {
    "about": {"zh": "说明", "en": "about"},
    "summary": {"zh": "概览", "en": "summary"},
    "account": {"zh": "完成情况", "en": "account"},
    "retrospective": {"zh": "回顾", "en": "retrospective"},
    "targets": {"zh": "targets", "en": "targets"},
    "actuals": {"zh": "actuals", "en": "actuals"},
    "projections": {"zh": "projections", "en": "projections"},
}

#: The headers of the workbook's summary sheet, by the ``Assessment.to_frame()`` column
#: each shows: ``SUMMARY_HEADERS[column][lang]``.
SUMMARY_HEADERS = {
    "seq": {"zh": "序号", "en": "#"},
    "category_zh": {"zh": "类别", "en": "Category"},
    "name_zh": {"zh": "指标", "en": "Indicator"},
    "unit": {"zh": "单位", "en": "Unit"},
    "target_text": {"zh": "目标（规划原文）", "en": "Target (as printed)"},
    "target_value": {"zh": "目标值", "en": "Target value"},
    "target_year": {"zh": "目标年", "en": "Target year"},
    "latest_year": {"zh": "最新年份", "en": "Latest year"},
    "latest_value": {"zh": "最新值", "en": "Latest value"},
    "projected": {"zh": "目标年预测值", "en": "Projected"},
    "lo_80": {"zh": "80%区间下限", "en": "80% low"},
    "hi_80": {"zh": "80%区间上限", "en": "80% high"},
    "p_met": {"zh": "达标概率（%）", "en": "P(met) (%)"},
    "final": {"zh": "结果已定", "en": "Outcome settled"},
    "margin": SHARED["against_target"],
    "actual_cagr": {"zh": "基期以来年均增长（%）", "en": "Growth since base (%)"},
    "required_cagr_now": {"zh": "此后需年均增长（%）", "en": "Growth now needed (%)"},
    "status_zh": {"zh": "状态", "en": "Status"},
    "reason_zh": {"zh": "说明", "en": "Reason"},
}


def report_words(key: str, lang: str, **fields) -> str:
    """The phrase ``key`` of ``REPORT`` in ``lang``, its ``{fields}`` filled in."""
    return say(REPORT, key, lang, **fields)


def sheet_name(key: str, lang: str) -> str:
    """The name of the workbook's sheet ``key`` (``SHEETS``): 概览 / summary."""
    return SHEETS[key][lang]


def summary_header(column: str, lang: str) -> str:
    """The summary sheet's header for the ``to_frame()`` column ``column``."""
    return SUMMARY_HEADERS[column][lang]


def sentence(text: str, lang: str) -> str:
    """``text`` ended as a sentence (。 / .)."""
    return text + report_words("full_stop", lang)


def sentences(lang: str, *parts: str) -> str:
    """Whole sentences one after the other: run together in Chinese, a space between
    them in English."""
    return report_words("sentence_gap", lang).join(parts)


def labelled(label: str, text: str, lang: str) -> str:
    """``label：text`` / ``label: text``."""
    return f"{label}{COLON[lang]}{text}"


def report_title(a, lang: str, title: str | None = None) -> str:
    """The report's title: ``《…》：目标完成情况评估`` for a finished plan, else
    ``…：目标实现情况评估``. ``title``: the plan's title as the report shows it (escaped
    for its format), by default ``plan_title``."""
    title = plan_title(a.plan, lang) if title is None else title
    return report_words("title_final" if a.finished else "title_progress", lang, title=title)


def based_on_sentence(a, lang: str) -> str:
    """What the assessment rests on, then its counts: ``评估依据：全部已发布数据。共8项目标：…``."""
    return sentences(lang, report_words("based_on", lang, as_of=as_of_words(a, lang)),
                     counts_sentence(a, lang))


def account_sentence(counts: str, lang: str) -> str:
    """The account's counts (``account_counts_sentence``) and what 已实现 / 尚不能确定 cover."""
    return sentences(lang, counts, report_words("account_note", lang))


def rule_lines(lang: str) -> list[str]:
    """How the status is decided, one sentence a rule (each report lists them: a Markdown
    or HTML list, the workbook's cover sheet)."""
    on, off = f"{R.P_ON_TRACK:.0%}", f"{R.P_OFF_TRACK:.0%}"
    st = STATUS[lang]
    if lang == "zh":
        return [
            f"目标年数据已知的目标判定为“{st['met']}”或“{st['missed']}”（最终结果）；以界限值公布的"
            "数据（如“超X”）只有在其允许的所有取值都落在同一侧时才能定论。",
            f"其余目标以达标概率 P 为主要依据：P ≥ {on} 为“{st['on_track']}”，"
            f"{off} ≤ P < {on} 为“{st['at_risk']}”，P < {off} 为"
            f"“{st['off_track']}”；最新实际已达到目标且 P ≥ {on}（累计类指标总是如此）为"
            f"“{st['achieved']}”，已达到但此后仍可能回落的为“{st['at_risk']}”。",
            f"可用年份少于{R.MIN_OBSERVATIONS}个（含基期）为“{st['insufficient_data']}”；"
            f"无数值目标为“{st['not_assessable']}”。",
            "目标年已过而数据尚未公布的目标，按已公布数据推算目标年数值和达标概率，并注明。",
            "“左右”和区间目标：对应当提高的指标，达到区间下限即为实现，高于区间为超额完成，"
            "低于下限为未实现；目标年前后用同一规则。",
            "预测：jxdigital 趋势模型组合，区间由数千个年度序列（M3、旅游等公开基准）的回测"
            "误差校准：80%区间在回测中覆盖约八成的实际值。",
            "依据等级：A 仅依据精确的年末数据；B 含下限值、约数或推算值（如由年内累计数推得的"
            "年末下限），说明中注明；累计类指标（如5G基站开通数）的预测不低于已达到的数量。",
        ]
    return [
        f"A target whose target-year figure is known is {st['met']} or {st['missed']} "
        "(final); a figure published as a bound settles it only where every value it allows "
        "falls on one side.",
        f"P(target met) decides: P ≥ {on} {st['on_track']}, {off} ≤ P < {on} "
        f"{st['at_risk']}, P < {off} {st['off_track']}; a latest actual that already meets "
        f"the target is {st['achieved']} where P ≥ {on} (a running total always), and "
        f"{st['at_risk']} where it may still fall back.",
        f"Fewer than {R.MIN_OBSERVATIONS} usable years (baseline included): "
        f"{st['insufficient_data']}; no numeric target: {st['not_assessable']}.",
        "A target year already over whose figure is not yet published is nowcast from the "
        "figures so far, and the reason says so.",
        "'About' and range targets on an indicator that should rise are met from the "
        "low end of the band up (above it is exceeded) and missed below it: one rule before "
        "and in the target year.",
        "Projections: jxdigital's combination of trend models, with intervals calibrated on "
        "backtests of thousands of yearly series (the public M3 and Tourism benchmarks): its "
        "80% intervals held about eight in ten outcomes.",
        "Evidence grade: A rests on exact year-end figures only; B also on bounds, approximate "
        "or derived figures (such as a year-end bound from a part-year count), named in the "
        "reason; a running total (5G base stations) is never projected below the level it "
        "has reached.",
    ]


def gap_group(names: list[str], reason: str, lang: str) -> str:
    """Several targets with the same reason in one line: ``12项（A、B、…）：reason``."""
    if lang == "zh":
        return f"{len(names)}项（{'、'.join(names)}）：{reason}"
    return f"{len(names)} targets ({'; '.join(names)}): {reason[:1].lower()}{reason[1:]}"
