"""The codes every layer shares: comparators, qualifiers, measures, source types, statuses,
outcomes, target kinds, the default plan and the regions with a meaning of their own.

Plain strings and tuples with nothing imported, so any module may use them and
``jxdigital --help`` stays fast. Each code is defined here once; modules name them
(``codes.LOWER_BOUND``) rather than typing the string.
"""

from __future__ import annotations

# --- what a target's printed text means (catalog) -----------------------------------------
REACH, AT_LEAST, MORE_THAN, AROUND = "reach", "at_least", "more_than", "around"
AT_MOST, BETWEEN, NONE = "at_most", "between", "none"
ABOVE_NATIONAL_AVERAGE, FASTER_THAN = "above_national_average", "faster_than"
#: What a target's comparator means; ``assess`` honours these.
COMPARATOR_MEANINGS: dict[str, str] = {
    REACH: "reach the value (plain number or 达到): met at or beyond it in the desired "
           "direction",
    AT_LEAST: "at least the value (以上, 不少于, 不低于, ≥)",
    MORE_THAN: "more than the value (>, 超, 超过, 突破)",
    AROUND: "about the value (左右): met inside a tolerance band",
    AT_MOST: "at most the value (不高于, 以内, 以下, ≤)",
    BETWEEN: "within a printed range (2-3)",
    ABOVE_NATIONAL_AVERAGE: "above the national average of the same indicator (超全国平均水平)",
    FASTER_THAN: "growth faster than a reference series (快于…增速)",
    NONE: "no numeric value printed (—)",
}
COMPARATORS = tuple(COMPARATOR_MEANINGS)
#: How a printed baseline qualifies its number.
BASE_QUALIFIERS = ("exact", MORE_THAN, AT_LEAST, AROUND, NONE)
#: What a target row measures.
TARGET_MEASURES = ("level", "cagr", "annual_flow", "growth_comparison")

# --- how a published figure relates to the true value (observations) ----------------------
EXACT, LOWER_BOUND, UPPER_BOUND = "exact", "lower_bound", "upper_bound"
APPROXIMATE, ESTIMATE, PRELIMINARY, REVISED = "approximate", "estimate", "preliminary", "revised"
QUALIFIERS = (EXACT, LOWER_BOUND, UPPER_BOUND, APPROXIMATE, ESTIMATE, PRELIMINARY, REVISED)
#: What a figure measures: the level (a count, an amount), growth on the year, a share, or
#: the number added in the year.
OBSERVATION_MEASURES = ("level", "yoy_pct", "share_pct", "new_in_year")
#: Source types, most authoritative first; the selection rule ranks by this order.
SOURCE_TYPES = ("user", "statistical_bulletin", "department_release", "government_report",
                "white_paper", "plan_document", "news", "other")

# --- judgements (assessment) -------------------------------------------------------------
STATUSES = ("met", "achieved", "on_track", "at_risk", "off_track", "missed",
            "insufficient_data", "not_assessable")
#: Statuses that are final outcomes.
FINAL = ("met", "missed")
#: The outcomes of an account, in the order it reports them.
OUTCOMES = ("met", "missed", "unknown", "not_assessable")
#: A target whose year is still ahead, in the words of an official mid-term review
#: (提前实现 / 快于预期 / 基本符合预期 / 滞后), with jxdigital's honest middle (at risk) and
#: the targets without a verdict: ``ahead`` is on track and ahead of the plan's own path.
PROGRESS = ("achieved", "ahead", "on_track", "at_risk", "off_track", "insufficient_data",
            "not_assessable")
#: What one target's verdict is, in one code: its outcome once its year is over (met,
#: missed, unknown, not assessable), its progress while the year is ahead. Every output
#: words and counts these, so a finished target is never "on track".
VERDICTS = ("met", "missed", "unknown", "achieved", "ahead", "on_track", "at_risk",
            "off_track", "insufficient_data", "not_assessable")
#: The attribute of a binding target (约束性): listed first wherever targets are listed.
BINDING = "约束性"
#: How a target is judged.
KINDS = ("level", "growth_rate", "relative", "growth_comparison", "annual_flow", "none")

#: What a verdict rests on: A exact comparable year-end figures only (the base and at least
#: one later year); B bounds, approximate, estimated or derived figures on the plan's
#: definition; C a linked series of another definition.
EVIDENCE_GRADES = ("A", "B", "C")
#: ``assess(evidence=...)``: every kind of evidence, or exact year-end figures only.
EVIDENCE_RULES = ("all", "strict")

# --- plans and regions -----------------------------------------------------------------------
DEFAULT_PLAN = "jiangxi-14th-fyp"
#: The region of the shipped Jiangxi plans and of figures that name none.
DEFAULT_REGION = "jiangxi"
#: The country: what 全国 figures and 超全国平均水平 compare with.
NATION = "china"
#: The region of a user's plan file without a ``region`` column: a region of its own, so
#: the plan is judged on the user's figures only, never on a shipped region's.
USER_REGION = "user"
