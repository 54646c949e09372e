"""One target as every output shows it, in one language (``TargetView``): its display
unit, its table cells, its headline and plain sentence under it, its badges."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from .. import codes
from ..assessment import P_OFF_TRACK, P_ON_TRACK, TargetStatus
from . import _text as T
from ._clauses import target_words
from ._colours import STATUS_COLOURS, STATUS_INK
from ._names import in_region, short_name, target_name, target_reason
from ._units import DisplayUnit, unit_of
from ._view_words import verdict_words, words
from .words import words_for


@dataclass(frozen=True)
class TargetView:
    """One target as every output shows it, in one language."""

    record: TargetStatus = field(repr=False)
    id: str
    seq: int
    binding: bool
    section: str
    #: the target's name; in a plan of several regions with its region (赣州 5G基站), as
    #: charts, slides and lists say it
    name: str
    short: str
    unit: DisplayUnit
    finished: bool  # its target year was over at the review date
    verdict: str
    verdict_text: str
    fill: str
    ink: str
    target: str  # the target in the display unit, without the unit (a table cell)
    goal: str  # the target with its unit, as a sentence says it (超过16000亿元)
    mark: str  # ... as a chart labels it (>16000亿元, ≤1.3, 10%以上)
    printed: str  # the target as the plan prints it (原文)
    latest: str
    projection: str
    p_met: str
    against: str
    need: str
    grade: str
    reason: str
    headline: str  # a slide's title: the finding in one line
    line: str  # one plain sentence under it
    badge: str  # a chart's status badge
    panel_badge: str  # a dashboard panel's: the verdict and P(met), nothing more
    #: the region's name in a plan of several regions (a table's region column), else ""
    region: str = ""
    indicator: str = ""  # the indicator's name without the region (a table beside it)
    indicator_short: str = ""

    @property
    def name_with_unit(self) -> str:
        """``数字经济增加值（亿元）`` / ``Digital economy value added (trillion yuan)``."""
        return self.name + self.unit.suffix()

    @property
    def row_name(self) -> str:
        """The name a table row with a region column shows: the indicator's, with its unit."""
        return (self.indicator or self.name) + self.unit.suffix()

    @property
    def has_verdict(self) -> bool:
        """Judged (a slide and a chart of its own): not a data gap."""
        return self.record.status_cn not in ("insufficient_data", "not_assessable")


def _finite(x: Any) -> bool:
    return isinstance(x, (int, float)) and not isinstance(x, bool) and math.isfinite(x)


def _around_number(code: str, lang: str) -> tuple[str, str]:
    """The words an Excel number format puts before and after the number for a comparator
    or a qualifier (``view.xl_before.*``, ``view.xl_after.*``): ``("", "以上")``."""
    w = words_for(lang)
    return (w.table("view.xl_before").get(code, ""), w.table("view.xl_after").get(code, ""))


def _target_cell(r: TargetStatus, u: DisplayUnit, lang: str) -> str:
    if r.comparator == codes.ABOVE_NATIONAL_AVERAGE:
        return target_words(r, lang)
    if r.comparator in (codes.FASTER_THAN, codes.NONE) or not _finite(r.target_value):
        return T.target_label(r.comparator, r.target_text, r.target_value, r.target_high,
                              r.reference, lang)
    v = u.number(r.target_value)
    if r.comparator == "between" and _finite(r.target_high):
        return words_for(lang).say("numbers.mark.between", v=v, hi=u.number(r.target_high))
    # 倍增, 全覆盖: the words, then the value
    return T.target_mark(r.comparator, r.target_text, r.target_value, v, lang)


def _goal(r: TargetStatus, u: DisplayUnit, lang: str) -> str:
    """The target with its unit, for a sentence: ``16000亿元``, ``at least 10%`` (the
    reasons' own words, ``target_words``)."""
    if r.comparator != codes.ABOVE_NATIONAL_AVERAGE and not _finite(r.target_value):
        return _target_cell(r, u, lang)
    return target_words(r, lang)


def _mark(r: TargetStatus, u: DisplayUnit, lang: str) -> str:
    """The target with its unit, as a chart's label shows it: ``>16000亿元``, ``≤1.3``."""
    if not _finite(r.target_value) or r.comparator in (
            codes.ABOVE_NATIONAL_AVERAGE, codes.FASTER_THAN, "between"):
        return _goal(r, u, lang)
    return T.comparator_mark(r.comparator, u.value(r.target_value), lang)


def _with_year(v: str, year: Any, lang: str) -> str:
    return words("with_year", lang, v=v, year=year) if year is not None else v


def _latest_cell(r: TargetStatus, u: DisplayUnit, lang: str) -> str:
    if r.latest_year is None or not _finite(r.latest_value):
        return "—"
    if r.comparator == codes.FASTER_THAN:  # growth since the base year, in %
        return _with_year(f"{T._trim(r.latest_value, 1)}%", r.latest_year, lang)
    return _with_year(u.figure(r.latest_value, r.latest_qualifier, bare=True), r.latest_year,
                      lang)


def _projection_cell(r: TargetStatus, u: DisplayUnit, lang: str) -> str:
    if not _finite(r.projected) or r.final:
        return "—"
    if r.comparator == codes.FASTER_THAN:
        return f"{T.rate(r.projected / 100)} vs {T.rate(r.reference_projected / 100)}"
    return words("range", lang, point=u.projected(r.projected), lo=u.projected(r.lo_80),
                 hi=u.projected(r.hi_80))


def _open(r: TargetStatus) -> bool:
    """Whether a target's P(met) is shown: it has one and its outcome is not settled."""
    return _finite(r.p_met) and not r.final and r.verdict not in ("achieved", "met")


def _p_cell(r: TargetStatus, lang: str) -> str:
    return T.prob(r.p_met, lang) if _open(r) else "—"


def _against_cell(r: TargetStatus, lang: str) -> str:
    if r.final and _finite(r.margin):
        pct = f"{r.margin * 100:+.1f}%"
        if _finite(r.margin_pp):
            return words("against_points", lang, pp=f"{r.margin_pp:+.2f}", pct=pct)
        return pct
    if r.verdict == "met":  # reached before the target year, its figure not out yet
        return words("reached_early", lang)
    return "—"


def _need(r: TargetStatus) -> float:
    """The growth a year still needed (a fraction, or points for a share), NaN when none:
    never once the year is over or the target met, nor when already past the target."""
    if r.final or r.verdict == "achieved" or r.verdict in codes.OUTCOMES:
        return math.nan
    need = r.required_pp_now if r.is_share else r.required_cagr_now
    sign = -1.0 if r.target_low_met == -math.inf else 1.0  # met below a value: a fall
    if not _finite(need) or sign * need <= 0:
        return math.nan
    return need


def _need_cell(r: TargetStatus, lang: str) -> str:
    need = _need(r)
    if not _finite(need):
        return "—"
    return T.points(need, lang) if r.is_share and _finite(r.required_pp_now) else T.rate(need)


def _headline(r: TargetStatus, name: str, u: DisplayUnit, goal: str, finished: bool,
              lang: str) -> str:
    """The finding in one line, its words from the verdict (never a side that contradicts
    the badge): ``5G基站：2025年预计10.1万个，能否达到10万个的目标尚难确定（达标概率59%）``."""
    v, p = r.verdict, T.prob(r.p_met, lang) if _finite(r.p_met) else ""
    latest = u.figure(r.latest_value, r.latest_qualifier) if _finite(r.latest_value) else ""
    proj = u.projected_value(r.projected) if _finite(r.projected) else ""
    T_ = r.target_year
    if v in ("met", "missed") and latest and r.final:
        finding = words("f_met" if v == "met" else "f_missed", lang, year=r.latest_year,
                        v=latest, goal=goal)
    elif v == "met" and latest:  # reached before its year, the target-year figure not out
        finding = words("f_met_early", lang, year=r.latest_year, v=latest, goal=goal)
    elif v == "achieved" and latest:
        finding = words("f_achieved", lang, year=r.latest_year, v=latest, goal=goal)
    elif r.comparator == codes.ABOVE_NATIONAL_AVERAGE and proj and \
            _finite(r.reference_projected):
        nat = u.projected_value(r.reference_projected)
        finding = words("f_relative_nowcast" if finished else "f_relative", lang, year=T_,
                        v=proj, nat=nat, p=p)
    elif proj and p and r.comparator != codes.FASTER_THAN and _finite(r.target_value):
        lean = "likely" if r.p_met >= P_ON_TRACK else \
            "unlikely" if r.p_met < P_OFF_TRACK else "close"
        key = f"f_nowcast_{lean}" if finished else f"f_{lean}"
        finding = words(key, lang, year=T_, v=proj, goal=goal, p=p)
    elif p:  # growth comparisons and the like: the verdict and P
        finding = words("f_verdict_p", lang, words=verdict_words(v, lang), p=p)
    else:
        finding = words("f_verdict", lang, words=verdict_words(v, lang))
    return words("head", lang, name=name, finding=finding)


def _line(r: TargetStatus, u: DisplayUnit, finished: bool, lang: str) -> str:
    """One plain sentence under the headline, for directors: the latest figure and what it
    means (no grades, no model words; the full reason is in the notes and the report)."""
    parts: list[str] = []
    sep = words("clause_sep", lang)
    latest = u.figure(r.latest_value, r.latest_qualifier) if _finite(r.latest_value) else ""
    if r.final and r.base_year is not None and _finite(r.actual_cagr) and \
            _finite(r.required_cagr_plan):
        parts.append(words("s_required", lang, base=r.base_year, year=r.latest_year,
                           g=T.rate(r.actual_cagr), req=T.rate(r.required_cagr_plan)))
    elif finished and _finite(r.projected) and r.verdict == "unknown":
        if latest:
            parts.append(words("s_latest", lang, year=r.latest_year, v=latest))
        parts.append(words("s_nowcast", lang, year=r.target_year,
                           v=u.projected_value(r.projected), lo=u.projected_value(r.lo_80),
                           hi=u.projected_value(r.hi_80)))
    else:
        if latest:
            head = words("s_latest", lang, year=r.latest_year, v=latest)
            if r.is_share and _finite(r.actual_pp_per_year) and r.base_year is not None:
                d = r.actual_pp_per_year
                head += words("list_sep", lang) + words(
                    "s_points", lang, base=r.base_year, dir=words("up" if d >= 0 else "down",
                                                                  lang),
                    d=T.points(abs(d), lang))
            elif _finite(r.actual_cagr) and r.base_year is not None and \
                    r.latest_year != r.base_year:
                head += words("list_sep", lang) + words(
                    "s_growth", lang, base=r.base_year, g=T.rate(r.actual_cagr))
            parts.append(head)
        need = _need(r)
        if _finite(need):
            if r.is_share:
                parts.append(words("s_need_points", lang, need=T.points(need, lang)))
            else:
                parts.append(words("s_need", lang, need=T.rate(need)))
        elif r.verdict in ("achieved",):
            parts.append(words("s_passed", lang))
    if not parts:
        return ""
    return words_for(lang).cap(sep.join(parts)) + words("end", lang)


def _badge(r: TargetStatus, text: str, lang: str) -> str:
    """The chart's badge: the verdict, with P(met) while the outcome is open, and the
    grade where the verdict rests on more than exact figures."""
    out = text
    if _open(r):
        out += words("badge_p", lang, p=T.prob(r.p_met, lang))
    if r.evidence_grade and r.evidence_grade != "A":
        out += words("badge_grade", lang, g=r.evidence_grade)
    return out


def _panel_badge(r: TargetStatus, text: str, lang: str) -> str:
    """A dashboard panel's badge, short enough for a fifth of a slide: ``尚不能确定 59%``."""
    return f"{text} {T.prob(r.p_met, lang)}" if _open(r) else text


def target_view(r: TargetStatus, finished: bool, section: str, lang: str,
                region: str = "", reason: str | None = None) -> TargetView:
    """A ``TargetStatus`` as every output shows it in ``lang``; ``region`` the region's
    name where the plan lists several (it names the target everywhere but in tables, which
    have a region column); ``reason`` its reason in ``lang`` where the record does not
    keep that language (``_reasons.reasons_in``)."""
    u = unit_of(r, lang)
    plain, plain_short = target_name(r, lang), short_name(r, lang)
    name, short = in_region(region, plain, lang), in_region(region, plain_short, lang)
    goal = _goal(r, u, lang)
    verdict = r.verdict or r.status_cn
    said = verdict_words(verdict, lang)
    if r.status_cn == "achieved" and verdict == "met":
        said += words("early", lang)
    return TargetView(
        record=r, id=r.key, seq=r.seq, binding=r.attribute == codes.BINDING,
        section=section, name=name, short=short, unit=u, finished=finished, verdict=verdict,
        verdict_text=said, fill=STATUS_COLOURS.get(verdict, "#FFFFFF"),
        ink=STATUS_INK.get(verdict, "#000000"), target=_target_cell(r, u, lang), goal=goal,
        mark=_mark(r, u, lang),
        printed=r.target_text or "—", latest=_latest_cell(r, u, lang),
        projection=_projection_cell(r, u, lang), p_met=_p_cell(r, lang),
        against=_against_cell(r, lang), need=_need_cell(r, lang),
        grade=r.evidence_grade or "—", reason=target_reason(r, lang) if reason is None else reason,
        headline=_headline(r, short, u, goal, finished, lang), line=_line(r, u, finished, lang),
        badge=_badge(r, said, lang), panel_badge=_panel_badge(r, said, lang),
        region=region, indicator=plain, indicator_short=plain_short)



__all__ = ["TargetView", "target_view"]
