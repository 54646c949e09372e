"""What the command line prints (``jxdigital.cli``), in Chinese and English: the audit
table and its sentences, and the headings of the status table.

The command line imports this inside its subcommands (``--help`` imports no pandas).
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from ._names import plan_title, target_reason

#: The audit table's headers, by key (the base and target year columns are named by year).
AUDIT_HEADERS = {
    "zh": {"indicator": "指标", "unit": "单位", "direction": "方向", "implied": "隐含年均增长",
           "stated": "规划年均增长", "gap": "差(百分点)", "check": "核对"},
    "en": {"indicator": "indicator", "unit": "unit", "direction": "direction",
           "implied": "implied CAGR", "stated": "stated", "gap": "gap (pp)", "check": "check"},
}
#: The way a target counts (``Indicator.direction``).
DIRECTION = {"zh": {"increase": "上升", "decrease": "下降"},
             "en": {"increase": "increase", "decrease": "decrease"}}
#: The audit's findings on a row, and what joins them.
CHECK = {"zh": {"mismatch": "不符", "direction": "方向矛盾", "join": "；"},
         "en": {"mismatch": "MISMATCH", "direction": "DIRECTION", "join": "; "}}
#: Percentage points (a change a year of a share), after the number.
POINTS = {"zh": "点", "en": "pp"}
def direction_words(code: str, lang: str) -> str:
    """``increase`` / ``decrease`` in words (the code itself when unknown)."""
    return DIRECTION[lang].get(code, code)


def _pct(x: float) -> str:
    return "" if x != x else f"{x * 100:.1f}%"


def implied_growth(cagr: float, pp_per_year: float, lang: str) -> str:
    """The growth a year the base and target imply: a rate (13.9%), or for a share
    percentage points a year (+0.7点 / +0.7pp); empty when neither is known."""
    if cagr == cagr:
        return _pct(cagr)
    return "" if pp_per_year != pp_per_year else f"{pp_per_year:+.1f}{POINTS[lang]}"


def check_words(mismatch: bool, direction_conflict: bool, lang: str) -> str:
    """The audit's findings on a row: 不符；方向矛盾 / MISMATCH; DIRECTION (empty if none)."""
    w = CHECK[lang]
    return w["join"].join(w[k] for k, on in (("mismatch", mismatch),
                                             ("direction", direction_conflict)) if on)


def audit_table(plan: Any, a: pd.DataFrame, lang: str) -> pd.DataFrame:
    """``Plan.audit()`` as the command line prints it."""
    h = AUDIT_HEADERS[lang]
    name = a["name_zh"] if lang == "zh" else a["name_en"].where(a["name_en"] != "",
                                                                a["name_zh"])
    return pd.DataFrame({
        h["indicator"]: name,
        h["unit"]: a["unit"],
        str(plan.base_year or "base"): a["base_text"],
        str(plan.target_year or "target"): a["target_text"],
        h["direction"]: a["direction"].map(lambda d: direction_words(d, lang)),
        h["implied"]: [implied_growth(g, d, lang) for g, d in
                       zip(a["implied_cagr"], a["implied_pp_per_year"], strict=True)],
        h["stated"]: a["stated_growth_text"].replace("—", ""),
        h["gap"]: a["gap_pp"].map(lambda x: "" if x != x else f"{x:+.1f}"),
        h["check"]: [check_words(f, d, lang) for f, d in
                     zip(a["flagged"], a["direction_conflict"], strict=True)],
    })


def mismatch_sentence(n: int, lang: str) -> str:
    """How many stated growth rates differ from the base→target growth."""
    if lang == "zh":
        return f"{n} 项规划年均增长与基期→目标值隐含增长相差超过0.5个百分点。"
    return f"{n} stated growth rates differ from the base→target CAGR by more than 0.5 points."


def direction_conflict_sentence(r: Any, lang: str) -> str:
    """A row (of ``Plan.audit()``) whose direction column contradicts its base and target."""
    up = r.direction == "increase"
    if lang == "zh":
        return (f"方向矛盾：{r.name_zh}的direction列为{direction_words(r.direction, 'zh')}，"
                f"但目标{r.target_text}{'低于' if up else '高于'}基期值{r.base_text}；"
                "仍按direction列判断，请核对。")
    return (f"DIRECTION: {r.indicator_id} says {r.direction} but its target {r.target_text} "
            f"is {'below' if up else 'above'} its base {r.base_text}; judged as the row "
            "says: please check it.")


__all__ = ["AUDIT_HEADERS", "CHECK", "DIRECTION", "POINTS", "audit_table", "check_words",
           "direction_conflict_sentence", "direction_words", "implied_growth",
           "mismatch_sentence", "plan_title", "target_reason"]
