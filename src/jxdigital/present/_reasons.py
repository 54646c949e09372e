"""Step 6 of an assessment: one sentence per target, in each language, with the numbers and
in the right tense (a target year already over is never "still needs").

``reason(j, when, lang)`` assembles the sentence from phrases of the catalogue
(``words/reasons.csv``) and the clauses of ``_clauses``; no sentence is written here, and
no branch asks which language it is in.
"""

from __future__ import annotations

import math

from .. import codes
from ..assessment import Assessment, Judgement, SeriesKey, Timing
from ..catalog import Target
from . import _phrases as P
from . import _text as T
from ._clauses import (
    STORED,
    add_clause,
    before_stop,
    bend_clause,
    estimate_clause,
    estimates_clause,
    figure_words,
    given_clause,
    growth_clause,
    need_clause,
    paren,
    part_bounds_clause,
    part_year_clause,
    pending,
    rate_words,
    reconciled_clause,
    relation,
    said,
    target_words,
    target_year_clause,
    unit,
    year_total_clause,
    years_words,
)
from ._names import series_name, target_reason
from .words import Phrasebook, words_for

__all__ = ["rate_clause", "reason", "reasons", "reasons_in", "target_words"]


def _nan(x) -> bool:
    return x is None or (isinstance(x, float) and math.isnan(x))


def reasons(j: Judgement, when: Timing) -> tuple[str, str]:
    """(reason_zh, reason_en) for one judged target, as the assessment keeps them."""
    zh, en = (reason(j, when, lang) for lang in STORED)
    return zh, en


def reasons_in(a: Assessment, lang: str) -> dict[str, str]:
    """Each target's reason in ``lang``, by its key: the one the assessment kept where it
    keeps that language (``STORED``), else worded from its judgement (``reason``), so a
    language added as a column of the catalogue has its reasons too."""
    if lang in STORED:
        return {r.key: target_reason(r, lang) for r in a.targets}
    return {j.target.key: reason(j, a.timing, lang) for j in a.judgements}


def reason(j: Judgement, when: Timing, lang: str) -> str:
    """The reason of one judged target in ``lang``."""
    assert j.verdict is not None  # every judgement carries its verdict
    w = words_for(lang)
    if j.verdict.status_cn == "not_assessable":
        return _not_assessable(j.target, w)
    return _qualified(_stated(j, when, w), j, w)


def _stated(j: Judgement, when: Timing, w: Phrasebook) -> str:
    """The reason's own sentence: the verdict's, with what the target's kind adds."""
    assert j.verdict is not None
    st = j.verdict.status_cn
    if j.kind == "growth_comparison":
        text = _faster(j, when, w)
    elif st == "insufficient_data":
        text = _insufficient(j, when, w)
    elif j.kind == "relative":
        text = _relative(j, when, w)
    elif st in ("met", "missed"):
        text = _settled(j, w)
    elif st == "achieved":
        text = _achieved(j, when, w)
    else:
        text = _projected(j, when, w)
    if j.kind == "growth_rate" and st != "insufficient_data":
        text = w.say("reasons.then", a=rate_clause_in(j, w), b=w.uncap(text))
    if j.kind == "annual_flow":  # the target holds for each year, not only the last
        key = "reasons.every_year" if st in ("met", "missed") else "reasons.every_year_p"
        text = before_stop(text, w.say(key, goal=target_words(j.target, w.lang),
                                       year=j.target.target_year), w)
    if st == "at_risk" and j.verdict.met_now:  # met now, but the trend may undo it
        text = w.say("reasons.met_now", rest=w.uncap(text))
    if st in ("on_track", "at_risk", "off_track") and j.kind in ("level", "growth_rate"):
        bend = bend_clause(j, w)
        if bend:  # the projection bends away from the recent trend: say why
            text = add_clause(text, bend, w)
    return text


def _qualified(text: str, j: Judgement, w: Phrasebook) -> str:
    """``text`` with what its figures rest on: figures reconciled, spliced, estimated or
    bounded, the evidence grade, and why other figures were not used."""
    assert j.verdict is not None
    st = j.verdict.status_cn
    for res in j.reconciled:  # which of disagreeing year-end figures was used, and why
        text = before_stop(text, reconciled_clause(res, unit(j.level, w), w), w)
    if j.link is not None:  # figures of another definition, spliced at the base year
        _, ratio, year, names = j.link
        text = before_stop(text, w.say("reasons.linked", name=said(names, w.lang), year=year,
                                       ratio=f"{ratio:.2f}"), w)
    for clause in (estimates_clause(j, w), part_bounds_clause(j, w)):
        if clause:
            text = add_clause(text, clause, w)
    for yt in j.year_totals:  # a year's total estimated from its first months
        text = add_clause(text, year_total_clause(yt, unit(j.level, w), w), w)
    if j.evidence.grade in ("B", "C"):  # say what the verdict rests on
        text = add_clause(text, P.evidence_clause(j.evidence.kinds, w.lang), w)
    if st == "insufficient_data" and j.link_refused is not None:  # why not the other series
        text = before_stop(text, w.say("reasons.link_refused",
                                       why=said(j.link_refused, w.lang)), w)
    if st == "insufficient_data" and j.part_year:  # "no figures" is not the whole story
        text = before_stop(text, part_year_clause(j.part_year, w), w)
    return text


def _not_assessable(t: Target, w: Phrasebook) -> str:
    key = "reasons.no_base_year" if t.comparator == codes.FASTER_THAN else "reasons.no_value"
    return w.say(key, text=t.target_text)


def rate_clause_in(j: Judgement, w: Phrasebook) -> str:
    """A growth-rate target as the level it means: ``年均增长25%左右折合2025年…``."""
    t, lt = j.target, j.level
    return w.say("reasons.rate_target", rate=rate_words(t, w.lang), year=t.target_year,
                 goal=target_words(lt, w.lang), base_year=t.base_year,
                 base=unit(lt, w).value(lt.base_value))


def rate_clause(j: Judgement) -> tuple[str, str]:
    """``rate_clause_in`` in the languages the assessment keeps."""
    zh, en = (rate_clause_in(j, words_for(lang)) for lang in STORED)
    return zh, en


def _settled_words(j: Judgement, w: Phrasebook) -> str:
    """met / missed: the target-year figure against the target, with the margin."""
    t, o = j.level, j.outcome
    assert o is not None
    u = unit(t, w)
    values = dict(figure=w.cap(figure_words(o.figure, u, w)), goal=target_words(t, w.lang),
                  word=w.say("reasons.word_met" if o.met else "reasons.word_missed"))
    if o.figure.is_bound:
        above = o.met == (t.indicator.direction == "increase")
        return w.say("reasons.settled_bound", side=w.say(
            "reasons.side_above" if above else "reasons.side_below"), **values)
    m = o.margin
    gap = f"{abs(m) * 100:.1f}%"
    if t.indicator.is_share and not _nan(o.margin_pp):
        gap = w.say("reasons.gap_points", points=T.points(abs(o.margin_pp), w.lang), pct=gap)
    if abs(m) < 5e-4:
        return w.say("reasons.settled_at", **values)
    if o.met and t.comparator in ("around", "between") and not o.exceeded:
        return w.say("reasons.settled_within", **values)
    return w.say("reasons.settled_gap", rel=w.say("reasons.rel.above" if m > 0 else
                                                   "reasons.rel.below"), gap=gap,
                 extra=w.say("reasons.exceeded") if o.exceeded else "", **values)


def _settled(j: Judgement, w: Phrasebook) -> str:
    """The settled sentence with the growth so far against the growth the target required,
    and the estimated year-end that settled it."""
    t, o = j.level, j.outcome
    assert o is not None
    text = _settled_words(j, w)
    grow = growth_clause(j, o.figure, w)
    if grow:
        share = t.indicator.is_share
        need = j.progress.required_pp_plan if share else j.progress.required_cagr_plan
        if not _nan(need):
            grow += w.say("reasons.required", need=T.points(need, w.lang) if share
                          else T.rate(need))
        text = w.say("reasons.then", a=text, b=grow)
    est = next((e for e in j.estimates if e.year == o.figure.year), None)
    if est is not None:  # settled by a year-end estimated from part of the year: say so
        u = unit(t, w)
        lo, hi = o.figure.interval
        text = w.say("reasons.settled_by_estimate", estimate=w.cap(estimate_clause(est, u, w)),
                     low=u.value(lo), high=u.value(hi), rest=text)
    return text + w.say("reasons.stop")


def _achieved(j: Judgement, when: Timing, w: Phrasebook) -> str:
    t = j.level
    latest = j.own.last_before  # the figure before the target year that met it
    assert latest is not None
    text = w.say("reasons.achieved", figure=w.cap(figure_words(latest, unit(t, w), w)),
                 goal=target_words(t, w.lang), year=t.target_year)
    tail = target_year_clause(j, when, w)
    if tail:
        text = w.say("reasons.then", a=text, b=tail)
    return text + w.say("reasons.stop")


def _projected(j: Judgement, when: Timing, w: Phrasebook) -> str:
    """on / at risk / off track: the trend to the target year and P(met), in the tense the
    review date calls for."""
    t, fc = j.level, j.forecast
    fig = j.own.last_before  # what the projection starts from
    assert fig is not None
    u = unit(t, w)
    T_ = t.target_year
    grow = growth_clause(j, fig, w)
    need = need_clause(j, fig, when, w)
    values = dict(year=T_, value=u.projected_value(fc.projected), goal=target_words(t, w.lang),
                  band=w.say("reasons.band", lo=u.projected_value(fc.lo_80),
                             hi=u.projected_value(fc.hi_80)),
                  given=given_clause(fc.given, u, w), rel=relation(t, fc.projected, w),
                  p=T.prob(fc.p_met, w.lang), from_year=fig.year)
    figure = figure_words(fig, u, w)
    if when.year_over(T_):
        latest = w.say("reasons.latest_before", year=T_) if j.own.at_target is not None \
            else w.say("reasons.latest")
        head = w.say("reasons.head_over", known=w.cap(target_year_clause(j, when, w)),
                     latest=latest, figure=figure) + (paren(grow, w) if grow else "")
        return w.say("reasons.projected_over", head=head,
                     need=paren(need, w) if need else "", **values)
    head = w.say("reasons.with_growth", figure=w.cap(figure), growth=grow) if grow \
        else w.cap(figure)
    return w.say("reasons.projected", head=head,
                 need=w.say("reasons.sep") + need if need else "", **values)


def _insufficient(j: Judgement, when: Timing, w: Phrasebook) -> str:
    t = j.target
    clause = target_year_clause(j, when, w)
    over = bool(clause)
    pre = w.say("reasons.pre", clause=w.cap(clause)) if over else ""
    if j.kind == "growth_rate":
        sid = t.subject or t.indicator.indicator_id
        # the series by its name (the registry's; a plan's own id where it has none)
        name = series_name(SeriesKey(sid, t.indicator.region), t.indicator.region, w.lang)
        return w.cap(pre + w.say("reasons.needs_level", name=name, base=t.base_year))
    own, ref = j.own, j.reference
    if j.kind == "relative" and ref is not None and len(own.judged) >= 2 \
            and len(ref.judged) < 2:
        return pre + w.say("reasons.no_national", years=years_words(ref.judged, w))
    bound = own.at_target if own.at_target is not None and own.at_target.is_bound else None
    tail = ""
    if bound is not None and not over:  # a bound for a year not over yet (rare)
        tail = w.say("reasons.bound_unsettled", figure=figure_words(bound, unit(j.level, w), w))
    # once the target year is over there is no progress left to judge: the figures are
    # too few to estimate the target year's value
    need = w.say("reasons.need_two_estimate", year=t.target_year) if over else \
        w.say("reasons.need_two_progress")
    return w.cap(pre + tail + _too_few(j, bound is None, need, w))


def _too_few(j: Judgement, no_bound: bool, need: str, w: Phrasebook) -> str:
    """Which years there are, and that two are needed."""
    t, f = j.target, j.own.judged
    years = [int(y) for y in f["year"]]
    # a year-end bound derived from a part-year figure before the base year is shown but
    # not fitted (it says little of the trend): say so rather than count it as a year
    early = sorted({int(y) for y in f["year"][(f["kind"] == "derived") & (f["year"] < (
        t.base_year or 0)) & f["qualifier"].isin((codes.LOWER_BOUND, codes.UPPER_BOUND))]}) \
        if "kind" in f and len(f) else []
    sep = w.say("reasons.list_sep")
    if early and len(years) - len(early) < 2:
        fitted = [y for y in years if y not in early]
        return w.say("reasons.early_bounds", fitted=sep.join(map(str, fitted)) or
                     w.say("reasons.no_year"), early=sep.join(map(str, early)), need=need)
    if not years:
        return w.say("reasons.no_figures")
    if years == [t.base_year] and no_bound:
        return w.say("reasons.base_only", base=t.base_year, need=need)
    return w.say("reasons.few_years", years=sep.join(map(str, years)), n=len(years),
                 need=need)


def _relative(j: Judgement, when: Timing, w: Phrasebook) -> str:
    """超全国平均水平: the region against the national series."""
    assert j.verdict is not None
    t, fc, st = j.level, j.forecast, j.verdict.status_cn
    u = unit(t, w)
    ref = j.reference
    assert ref is not None
    if st in ("met", "missed"):
        o = j.outcome
        assert o is not None and o.reference is not None
        national = w.say("reasons.national", figure=figure_words(o.reference, u, w, year=False))
        return w.say("reasons.relative_met" if o.met else "reasons.relative_missed",
                     own=w.cap(figure_words(o.figure, u, w)), national=national)
    latest, rlatest = j.own.latest, ref.latest
    assert latest is not None and rlatest is not None
    national = w.say("reasons.national_in", figure=figure_words(rlatest, u, w, year=False),
                     year=rlatest.year)
    over = when.year_over(t.target_year)
    pre = w.say("reasons.pre", clause=w.cap(pending(t.target_year, w))) if over else ""
    values = dict(latest=figure_words(latest, u, w), national=national)
    if st == "achieved":
        return w.cap(pre + w.say("reasons.relative_achieved", **values))
    proj = w.say("reasons.relative_proj_over" if over else "reasons.relative_proj",
                 year=t.target_year, value=u.projected_value(fc.projected),
                 national=u.projected_value(fc.reference_projected), p=T.prob(fc.p_met, w.lang))
    return w.cap(pre + w.say("reasons.relative_open", projection=proj, **values))


def _faster(j: Judgement, when: Timing, w: Phrasebook) -> str:
    """增速快于…: growth of two level series since the base year."""
    assert j.verdict is not None
    t, fc, st, g = j.target, j.forecast, j.verdict.status_cn, j.progress
    b, T_ = t.base_year, t.target_year
    assert j.compared is not None and j.reference is not None
    subject, reference = (series_name(k, t.indicator.region, w.lang) for k in j.compared)
    own, ref = j.own, j.reference
    over = when.year_over(T_) and (own.at_target is None or ref.at_target is None)
    pre = w.say("reasons.not_all_published", year=T_) if over else ""
    if st == "insufficient_data":
        return w.cap(pre + w.say("reasons.faster_insufficient", subject=subject,
                                 reference=reference, base=b,
                                 own_years=years_words(own.judged, w),
                                 ref_years=years_words(ref.judged, w)))
    la, lb = own.latest, ref.latest
    assert la is not None and lb is not None
    so_far = w.say("reasons.so_far", subject=subject, reference=reference, base=b,
                   own_year=la.year, own_rate=T.rate(g.actual_cagr), ref_year=lb.year,
                   ref_rate=T.rate(g.required_cagr_plan))
    if st in ("met", "missed"):
        return w.say(f"reasons.faster_{st}", so_far=so_far, reference=reference)
    return pre + w.say("reasons.faster_open_over" if over else "reasons.faster_open",
                       so_far=so_far, base=b, year=T_, own=T.rate(fc.projected / 100),
                       other=T.rate(fc.reference_projected / 100), p=T.prob(fc.p_met, w.lang))
