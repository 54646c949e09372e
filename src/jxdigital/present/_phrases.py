"""The names of every status, class, outcome and phase, by code and language.

The words are the catalogue's (``words/status.csv``); these tables are views of it by
language, for code that shows one by its code (``STATUS["zh"]["at_risk"]`` → 存在风险).
The codes are the assessment's (``jxdigital.assessment._rules``).
"""

from __future__ import annotations

from .words import PerLanguage, by_key, by_language, words_for

#: A target's verdict (``codes.VERDICTS``, ``TargetStatus.verdict``), as official reviews
#: say it: an outcome once the target year is over (完成 / 未完成 / 尚不能确定), else the
#: mid-term review's classes (提前实现 / 快于预期 / 基本符合预期 / 滞后) and jxdigital's
#: 存在风险 between them.
VERDICT = by_language("status.verdict")
#: The status of a target (``TargetStatus.status_cn``), in the same words.
STATUS = PerLanguage(lambda lang: {code: VERDICT[lang][code] for code in (
    "met", "achieved", "on_track", "at_risk", "off_track", "missed", "insufficient_data",
    "not_assessable")})
#: Classes of the two published alternative schemes.
EUROSTAT = by_language("status.eurostat")
UN = by_language("status.un")
#: The outcome of a target in an account.
OUTCOME = PerLanguage(lambda lang: {code: VERDICT[lang][code] for code in (
    "met", "missed", "unknown", "not_assessable")})
#: Whether a target's outcome is known.
PHASE = by_language("status.phase")
#: Whether a figure was used (the workbook's actuals sheet); other values are reasons.
USAGE = by_language("status.usage")
#: Headings and labels more than one output shows (a chart, the report, the deck, the CLI).
SHARED = by_key("status.shared")
#: The kinds of inexact evidence a grade-B verdict rests on.
EVIDENCE_KINDS = by_language("status.evidence")
#: The evidence grades, in words ("" for none).
GRADES = PerLanguage(lambda lang: {("" if k == "none" else k): v for k, v in
                                   words_for(lang).table("status.grade").items()})
#: The colon that ends a label in each language.
COLON = PerLanguage(lambda lang: words_for(lang).say("status.colon"))


def evidence_clause(kinds: tuple[str, ...], lang: str) -> str:
    """``（依据含下限值、推算值）`` / `` (rests partly on lower bounds and derived figures)``."""
    w = words_for(lang)
    named = w.table("status.evidence")
    said = [named[k] for k in kinds if k in named]
    if not said:
        return ""
    return w.say("status.evidence_clause", kinds=w.listed(said))


def say(table: dict, key: str, lang: str, **fields) -> str:
    """The phrase ``key`` of a table ``{key: {lang: …}}`` in ``lang``, its ``{fields}``
    filled."""
    text = table[key][lang]
    return text.format(**fields) if fields else text


def label(key: str, lang: str) -> str:
    """A ``SHARED`` phrase as a label: ``完成情况：`` / ``Final account: ``."""
    w = words_for(lang)
    return w.say(f"status.shared.{key}") + w.say("status.colon")


# Kept for the names other modules used: (zh, en) views of the tables above.
STATUS_ZH, STATUS_EN = STATUS["zh"], STATUS["en"]
OUTCOME_WORDS = OUTCOME
PHASE_ZH, PHASE_EN = PHASE["zh"], PHASE["en"]


def verdict_words(code: str, lang: str) -> str:
    """A verdict (``codes.VERDICTS``) in words: 完成, 尚不能确定, 快于预期, … (the code
    itself when unknown)."""
    return words_for(lang).table("status.verdict").get(code, code)


def status_words(code: str, lang: str) -> str:
    """A status code in words (the code itself when unknown)."""
    return STATUS[lang].get(code, code)


def scheme_words(scheme: str, status: str, verdict: str, lang: str) -> str:
    """The status in ``scheme`` in words: a Eurostat or UNSD class, else the verdict (where
    the scheme makes no assessment while the target year is ahead, insufficient data)."""
    w = words_for(lang)
    classes = w.table(f"status.{scheme}") if scheme in ("eurostat", "un") else None
    if classes is not None and status in classes:
        return classes[status]
    if classes is not None and status == "insufficient_data" and verdict not in OUTCOME[lang]:
        return STATUS[lang][status]
    return w.table("status.verdict").get(verdict, status_words(verdict, lang))
