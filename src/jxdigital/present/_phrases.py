"""The phrase catalogue: every status, class, outcome and phase name, in Chinese and English.

One place per phrase; code that shows one looks it up here by its code and language
(``STATUS["zh"]["at_risk"]`` → 存在风险). The codes are the assessment's
(``jxdigital.assessment._rules``).
"""

from __future__ import annotations

#: A target's verdict (``codes.VERDICTS``, ``TargetStatus.verdict``), as official reviews
#: say it: an outcome once the target year is over (完成 / 未完成 / 尚不能确定), else the
#: mid-term review's classes (提前实现 / 快于预期 / 基本符合预期 / 滞后) and jxdigital's
#: 存在风险 between them.
VERDICT = {
    "zh": {"met": "完成", "missed": "未完成", "unknown": "尚不能确定",
           "achieved": "提前实现", "ahead": "快于预期", "on_track": "基本符合预期",
           "at_risk": "存在风险", "off_track": "滞后", "insufficient_data": "数据不足",
           "not_assessable": "无法评估"},
    "en": {"met": "met", "missed": "missed", "unknown": "not yet known",
           "achieved": "achieved early", "ahead": "ahead of plan", "on_track": "on track",
           "at_risk": "at risk", "off_track": "behind plan",
           "insufficient_data": "insufficient data", "not_assessable": "not assessable"},
}
#: The status of a target (``TargetStatus.status_cn``), in the same words.
STATUS = {lang: {code: words[code] for code in ("met", "achieved", "on_track", "at_risk",
                                                 "off_track", "missed", "insufficient_data",
                                                 "not_assessable")}
          for lang, words in VERDICT.items()}
#: Classes of the two published alternative schemes.
EUROSTAT = {
    "zh": {"significant_progress": "显著进展", "moderate_progress": "适度进展",
           "insufficient_progress": "进展不足", "moving_away": "背离目标"},
    "en": {"significant_progress": "significant progress", "moderate_progress":
           "moderate progress", "insufficient_progress": "insufficient progress",
           "moving_away": "moving away"},
}
UN = {
    "zh": {"on_track": "基本实现", "moderate_progress": "适度进展", "marginal_progress": "进展微弱",
           "stagnation": "停滞", "regression": "倒退"},
    "en": {"on_track": "on track", "moderate_progress": "moderate progress",
           "marginal_progress": "marginal progress", "stagnation": "stagnation",
           "regression": "regression"},
}
#: The outcome of a target in an account.
OUTCOME = {lang: {code: words[code] for code in ("met", "missed", "unknown",
                                                  "not_assessable")}
           for lang, words in VERDICT.items()}
#: Whether a target's outcome is known.
PHASE = {
    "zh": {"final": "已知", "nowcast": "未公布（推算）", "in_progress": "未到目标年"},
    "en": {"final": "known", "nowcast": "not yet published (nowcast)",
           "in_progress": "target year ahead"},
}

#: Whether a figure was used (the workbook's actuals sheet); other values are reasons.
USAGE = {"zh": {"used": "已使用", "not_in_plan": "未用于本规划"},
         "en": {"used": "used", "not_in_plan": "not used by this plan"}}

#: Headings and labels more than one output shows (a chart, the report, the deck, the CLI).
SHARED = {
    "account": {"zh": "完成情况", "en": "Final account"},
    "retrospective": {"zh": "回顾：各年评估与最终结果",
                      "en": "Looking back: each year's review against the outcome"},
    "looking_back": {"zh": "回顾", "en": "Looking back"},
    "against_target": {"zh": "与目标相比", "en": "Against the target"},
    "outcome_column": {"zh": "目标年结果", "en": "Outcome"},
}
#: The kinds of inexact evidence a grade-B verdict rests on.
EVIDENCE_KINDS = {
    "zh": {"lower_bound": "下限值", "upper_bound": "上限值", "approximate": "约数",
           "estimate": "预计数", "derived": "推算值", "linked": "其他口径衔接值"},
    "en": {"lower_bound": "lower bounds", "upper_bound": "upper bounds",
           "approximate": "approximate figures", "estimate": "estimates",
           "derived": "derived figures", "linked": "a linked series of another definition"},
}
#: The evidence grades, in words.
GRADES = {
    "zh": {"A": "A（精确年度数据）", "B": "B（含下限、约数或推算值）", "C": "C（其他口径推算）",
           "": "—"},
    "en": {"A": "A (exact year-end figures)", "B": "B (bounds, approximate or derived)",
           "C": "C (linked series of another definition)", "": "—"},
}


def evidence_clause(kinds: tuple[str, ...], lang: str) -> str:
    """``（依据含下限值、推算值）`` / `` (rests partly on lower bounds and derived figures)``."""
    words = [EVIDENCE_KINDS[lang][k] for k in kinds if k in EVIDENCE_KINDS[lang]]
    if not words:
        return ""
    if lang == "zh":
        return "（依据含" + "、".join(words) + "）"
    listed = words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]
    return f" (rests partly on {listed})"


#: The colon that ends a label in each language.
COLON = {"zh": "：", "en": ": "}


def say(table: dict, key: str, lang: str, **fields) -> str:
    """The phrase ``key`` of a catalogue ``{key: {"zh": …, "en": …}}`` in ``lang``, its
    ``{fields}`` filled."""
    text = table[key][lang]
    return text.format(**fields) if fields else text


def label(key: str, lang: str) -> str:
    """A ``SHARED`` phrase as a label: ``完成情况：`` / ``Final account: ``."""
    return SHARED[key][lang] + COLON[lang]


# Kept for the names other modules used: (zh, en) views of the tables above.
STATUS_ZH, STATUS_EN = STATUS["zh"], STATUS["en"]
OUTCOME_WORDS = OUTCOME
PHASE_ZH, PHASE_EN = PHASE["zh"], PHASE["en"]


def status_words(code: str, lang: str) -> str:
    """A status code in words (the code itself when unknown)."""
    return STATUS[lang].get(code, code)


def scheme_words(scheme: str, status: str, verdict: str, lang: str) -> str:
    """The status in ``scheme`` in words: a Eurostat or UNSD class, else the verdict (where
    the scheme makes no assessment while the target year is ahead, insufficient data)."""
    table = EUROSTAT if scheme == "eurostat" else UN if scheme == "un" else None
    if table is not None and status in table[lang]:
        return table[lang][status]
    if table is not None and status == "insufficient_data" and verdict not in OUTCOME[lang]:
        return STATUS[lang][status]
    return VERDICT[lang].get(verdict, status_words(verdict, lang))
