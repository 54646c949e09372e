"""What the command line prints (``jxdigital.cli``), in Chinese and English: the audit
table and its sentences, and the headings of the status table.

The command line imports this inside its subcommands (``--help`` imports no pandas).
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from ._names import plan_title, reads_printed, target_reason
from .words import PerLanguage, by_language, words_for

#: The audit table's headers, by key (the base and target year columns are named by year).
AUDIT_HEADERS = by_language("cli.h")
#: The way a target counts (``Indicator.direction``).
DIRECTION = by_language("cli.direction")
#: The audit's findings on a row, and what joins them.
CHECK = by_language("cli.check")
#: Percentage points (a change a year of a share), after the number.
POINTS = PerLanguage(lambda lang: words_for(lang).say("cli.points"))


def direction_words(code: str, lang: str) -> str:
    """``increase`` / ``decrease`` in words (the code itself when unknown)."""
    return words_for(lang).table("cli.direction").get(code, code)


def _pct(x: float) -> str:
    return "" if x != x else f"{x * 100:.1f}%"


def implied_growth(cagr: float, pp_per_year: float, lang: str) -> str:
    """The growth a year the base and target imply: a rate (13.9%), or for a share
    percentage points a year (+0.7点 / +0.7pp); empty when neither is known."""
    if cagr == cagr:
        return _pct(cagr)
    if pp_per_year != pp_per_year:
        return ""
    return f"{pp_per_year:+.1f}{words_for(lang).say('cli.points')}"


def check_words(mismatch: bool, direction_conflict: bool, lang: str) -> str:
    """The audit's findings on a row: 不符；方向矛盾 / MISMATCH; DIRECTION (empty if none)."""
    w = words_for(lang).table("cli.check")
    return w["join"].join(w[k] for k, on in (("mismatch", mismatch),
                                             ("direction", direction_conflict)) if on)


def audit_table(plan: Any, a: pd.DataFrame, lang: str) -> pd.DataFrame:
    """``Plan.audit()`` as the command line prints it."""
    h = words_for(lang).table("cli.h")
    # the printed name, or in another language the English where there is one
    name = a["name_en"].where((a["name_en"] != "") & (not reads_printed(lang)), a["name_zh"])
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
    return words_for(lang).say("cli.mismatch", n=n)


def direction_conflict_sentence(r: Any, lang: str) -> str:
    """A row (of ``Plan.audit()``) whose direction column contradicts its base and target."""
    w = words_for(lang)
    side = w.say("cli.side.below" if r.direction == "increase" else "cli.side.above")
    return w.say("cli.direction_conflict", name=r.name_zh, id=r.indicator_id,
                 direction=direction_words(r.direction, lang), target=r.target_text,
                 side=side, base=r.base_text)


__all__ = ["AUDIT_HEADERS", "CHECK", "DIRECTION", "POINTS", "audit_table", "check_words",
           "direction_conflict_sentence", "direction_words", "implied_growth",
           "mismatch_sentence", "plan_title", "target_reason"]
