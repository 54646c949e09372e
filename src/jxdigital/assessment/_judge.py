"""Step 2 of an assessment: each target judged (``judge``, ``judge_all``) into a frozen
``Judgement`` in codes: settle the outcome, project, measure and classify (``_steps``).
Target kinds differ only in how they gather and settle:

- ``level``: a level or share against a number (``reach``, ``at_least``, ``around``, …);
- ``growth_rate``: 年均增长g, judged as the level it implies (``x_B·(1+g)^(T−B)``);
- ``relative``: 超全国平均水平, the region against the national series;
- ``growth_comparison``: 增速快于…, the growth of two level series since the base year;
- ``annual_flow``: 每年…, the number added in every year;
- ``none``: no numeric target.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from typing import TypeAlias

import numpy as np
import pandas as pd

from .. import growth
from ..catalog import Target
from ..models import Projection
from ..observations import Resolution
from . import _rules as R
from . import _steps as S
from ._columns import Columns
from ._derived import LevelEstimate, PartYearBound, YearTotal
from ._evidence import (
    BySeries,
    flows,
    in_one_unit,
    in_unit,
    linked_figures,
    series,
    series_columns,
    with_base,
)
from ._figures import Side, fit_points
from ._grade import Evidence
from ._series import SeriesKey, kind_of, split_ref
from ._timing import Timing

NAN = math.nan
#: The usable observations, as a frame or with each series found once (``BySeries``).
Observed: TypeAlias = pd.DataFrame | BySeries


@dataclass(frozen=True)
class Judgement:
    """Everything decided about one target, before it is worded."""

    target: Target  # the row as printed
    level: Target  # what it is judged as (a growth-rate target: the level it implies)
    kind: str  # 'level' | 'growth_rate' | 'relative' | 'growth_comparison' | 'none'
    own: Side
    reference: Side | None = None
    progress: S.Progress = field(default_factory=S.Progress)
    outcome: S.Outcome | None = None
    forecast: S.Forecast = field(default_factory=S.Forecast)
    verdict: S.Verdict | None = None
    #: the two series of a growth comparison (own, compared), for naming them
    compared: tuple[SeriesKey, SeriesKey] | None = None
    reference_region: str = ""
    #: as_of dates of the comparable part-year figures of its own series (not used as a
    #: year's value; a reason that finds too few figures says so)
    part_year: tuple[str, ...] = ()
    #: what the verdict rests on (grade A/B/C and the kinds of inexact figures)
    evidence: Evidence = field(default_factory=Evidence)
    #: disagreements about its own series' year-ends that the other figures settled
    reconciled: tuple[Resolution, ...] = ()
    #: the series of another definition its figures were linked from, with the ratio at
    #: the base year (own / linked), that year and the series' (zh, en) name
    link: tuple[SeriesKey, float, int, tuple[str, str]] | None = None
    #: year totals it rests on that were derived from 1–N月 figures
    year_totals: tuple[YearTotal, ...] = ()
    #: year-ends it rests on that were estimated from part-year levels
    estimates: tuple[LevelEstimate, ...] = ()
    #: year totals it rests on known to be at least their 1–N月 counts
    part_bounds: tuple[PartYearBound, ...] = ()
    #: why a series of another definition was not linked to it (zh, en; data/links.csv)
    link_refused: tuple[str, str] | None = None
    #: the own figures the projection was fitted to (``fit_points``), where judged so
    fitted: Columns | None = None


# ---------------------------------------------------------------- per kind
@dataclass(frozen=True)
class _LevelEvidence:
    """A level target's judgement up to its projection (``ask``: the projection it needs,
    None where the outcome is settled or too few figures are known)."""

    target: Target
    level: Target
    kind: str
    own: Side
    link: tuple[SeriesKey, float, int, tuple[str, str]] | None
    outcome: S.Outcome | None
    progress: S.Progress
    met_now: bool
    before: Columns
    enough: bool
    ask: S.Ask | None


def _level_evidence(t: Target, level: Target, kind: str, d: Observed,
                    own_base: bool = False) -> _LevelEvidence:
    ind = level.indicator
    own = Side.of(in_unit(with_base(series_columns(d, ind.indicator_id, ind.region), level,
                                    own_base), ind.unit), level.target_year)
    link = None
    if t.linked and level.base_year is not None and \
            not (own.frame["year"] > level.base_year).any():
        linked, link = linked_figures(level, t.linked, d)
        if len(linked):
            own = Side.of(pd.concat([own.frame, linked], ignore_index=True)
                          .sort_values("year").reset_index(drop=True), level.target_year)
    outcome = S.settle(level, own.at_target)
    # progress is measured to the settling figure, else to the last one before the year
    basis = outcome.figure if outcome is not None else own.last_before
    progress = S.progress(level, own, basis)
    if kind == "growth_rate":  # judged against the stated rate, not its band's low end
        g = t.target_value / 100.0
        progress = replace(progress, required_cagr_plan=g,
                           growth_ratio=progress.actual_cagr / g if g else NAN)
    # met before the target year (已提前实现): the same rule as the outcome, one figure earlier
    early = S.settle(level, basis) if outcome is None else None
    before = fit_points(own, level.base_year)
    enough = len(before) >= R.MIN_OBSERVATIONS
    ask = None
    if outcome is None and enough:
        floor = S.stock_floor(own) if ind.is_stock else None  # a total never falls
        ask = S.ask_for(before, level, ind.indicator_id, ind.is_share, floor,
                        S.people_ceiling(level))  # nor do more people use it than live there
    return _LevelEvidence(t, level, kind, own, link, outcome, progress,
                          early is not None and early.met, before, enough, ask)


def _level_verdict(e: _LevelEvidence, p: Projection | None, when: Timing,
                   scheme: str) -> Judgement:
    """The judgement of a level target, given its projection ``p`` (of ``e.ask``)."""
    level, own = e.level, e.own
    forecast = S.Forecast()
    if p is not None:
        # a target-year figure that did not settle it (a bound, or a year-end estimated
        # from part of the year): P(met) is conditioned on the values it allows
        given = own.at_target if own.at_target is not None and (
            own.at_target.is_bound or own.at_target.qualifier in (
                "approximate", "estimate")) else None
        forecast = S.Forecast(projection=p, **S.summary_of(p, level.target_year, given),
                              p_met=S.p_met_level(level, p, given), given=given)
    verdict = S.classify(numeric=True, enough=e.enough, met_now=e.met_now,
                         p_met=forecast.p_met, outcome=e.outcome, progress_=e.progress,
                         scheme=scheme, target_year_over=when.year_over(e.target.target_year))
    return Judgement(target=e.target, level=level, kind=e.kind, own=own, progress=e.progress,
                     outcome=e.outcome, forecast=forecast, verdict=verdict, link=e.link,
                     fitted=e.before)


def _judge_annual_flow(t: Target, d: Observed, when: Timing, method: str,
                       scheme: str) -> Judgement:
    """每年…: the number added in every year must meet the target. A year that fell short
    settles it as missed; the target year's figure, with no year short, as met; before
    that, P(the target year's flow meets it) from the projection of the flows."""
    ind, T = t.indicator, t.target_year
    own = Side.of(in_unit(flows(d, ind.indicator_id, ind.region), ind.unit), T)
    settled = [o for o in (S.settle(t, f) for f in own.figures) if o is not None]
    short = [o for o in settled if not o.met]
    at_target = S.settle(t, own.at_target)
    outcome = short[0] if short else at_target if at_target is not None and at_target.met \
        else None
    enough = len(own.fit_columns) >= R.MIN_OBSERVATIONS
    forecast = S.Forecast()
    if outcome is None and enough:
        p = S.project_side(own.fit_columns, t, ind.indicator_id, method, share=False)
        if p is not None:
            forecast = S.Forecast(projection=p, **S.summary_of(p, T),
                                  p_met=S.p_met_level(t, p))
    verdict = S.classify(numeric=True, enough=enough, met_now=False, p_met=forecast.p_met,
                         outcome=outcome, progress_=S.Progress(), scheme=scheme,
                         target_year_over=when.year_over(T))
    return Judgement(target=t, level=t, kind="annual_flow", own=own, outcome=outcome,
                     forecast=forecast, verdict=verdict)


def _judge_relative(t: Target, d: Observed, when: Timing, method: str,
                    scheme: str, own_base: bool = False) -> Judgement:
    ind = t.indicator
    T = t.target_year
    region = t.reference or "china"
    own = Side.of(in_unit(with_base(series(d, ind.indicator_id, ind.region), t, own_base),
                          ind.unit), T)
    ref = Side.of(in_unit(series(d, ind.indicator_id, region), ind.unit), T)
    outcome = S.settle_above(own.at_target, ref.at_target)
    enough = len(own.judged) >= R.MIN_OBSERVATIONS and len(ref.judged) >= R.MIN_OBSERVATIONS
    met_now = False
    if outcome is None and enough:
        common = own.fit.merge(ref.fit, on="year", suffixes=("", "_ref"))
        if len(common):
            met_now = bool(common["value"].iloc[-1] > common["value_ref"].iloc[-1])
    forecast = S.Forecast()
    if outcome is None and enough:
        p = None if own.at_target is not None else \
            S.project_side(own.fit_columns, t, ind.indicator_id, method, ind.is_share)
        rp = None if ref.at_target is not None else \
            S.project_side(ref.fit_columns, t, str(SeriesKey(ind.indicator_id, region)), method,
                           ind.is_share)
        a, b = S.side_draws(own, p, T), S.side_draws(ref, rp, T)
        if a is not None and b is not None:
            summary = S.summary_of(p, T) if p is not None else {"projected": float(a[0])}
            forecast = S.Forecast(projection=p, reference_projection=rp, **summary,
                                  p_met=S.p_greater(a, b),
                                  reference_projected=float(np.median(b)))
    verdict = S.classify(numeric=True, enough=enough, met_now=met_now, p_met=forecast.p_met,
                         outcome=outcome, progress_=S.Progress(), scheme=scheme,
                         target_year_over=when.year_over(T))
    return Judgement(target=t, level=t, kind="relative", own=own, reference=ref,
                     outcome=outcome, forecast=forecast, verdict=verdict,
                     reference_region=region)


def _comparison_forecast(t: Target, own: Side, ref: Side, keys: tuple[SeriesKey, SeriesKey],
                         method: str) -> S.Forecast:
    """P(x_T / x_B > r_T / r_B) from the two sides' projections (independent draws); a
    side whose target-year figure is known counts as that figure."""
    B, T = t.base_year, t.target_year
    assert B is not None
    x0, r0 = own.exact_in(B), ref.exact_in(B)
    fa, fb = own.at_target, ref.at_target
    p = None if fa is not None and not fa.is_bound else S.project_side(
        own.fit_columns, t, keys[0].indicator_id, method, share=own.unit == "%")
    rp = None if fb is not None and not fb.is_bound else S.project_side(
        ref.fit_columns, t, str(keys[1]), method, share=ref.unit == "%")
    a, b = S.side_draws(own, p, T), S.side_draws(ref, rp, T)
    if a is None or b is None:
        return S.Forecast()
    n = T - B
    return S.Forecast(
        projection=p, reference_projection=rp,
        projected=100 * float(growth.implied_cagr(x0, float(np.median(a)), n)),
        reference_projected=100 * float(growth.implied_cagr(r0, float(np.median(b)), n)),
        p_met=float(np.mean(a[:, None] / x0 > b[None, :] / r0)))


def _judge_growth_comparison(t: Target, d: Observed, when: Timing, method: str,
                             scheme: str) -> Judgement:
    """增速快于…: the growth of two level series since the base year B; settled when both
    target-year figures are known, else P(own growth > compared growth)."""
    B, T = t.base_year, t.target_year
    assert B is not None
    ref_key = split_ref(t.reference, t.indicator.region)
    own_key = split_ref(t.subject, t.indicator.region) if t.subject else \
        SeriesKey(ref_key.indicator_id, t.indicator.region)
    own = Side.of(in_one_unit(series(d, *own_key)), T)
    ref = Side.of(in_one_unit(series(d, *ref_key)), T)
    x0, r0 = own.exact_in(B), ref.exact_in(B)
    la, lb = own.latest, ref.latest
    enough = (len(own.judged) >= R.MIN_OBSERVATIONS and len(ref.judged) >= R.MIN_OBSERVATIONS
              and not math.isnan(x0) and not math.isnan(r0) and la is not None
              and lb is not None and la.year > B and lb.year > B)
    outcome, progress, forecast = None, S.Progress(), S.Forecast()
    if enough:
        assert la is not None and lb is not None
        own_g = float(growth.implied_cagr(x0, la.value, la.year - B))
        ref_g = float(growth.implied_cagr(r0, lb.value, lb.year - B))
        progress = S.growth_progress(own_g, ref_g, min(la.year, lb.year) - B, T - B)
        fa, fb = own.at_target, ref.at_target
        if fa is not None and fb is not None and not fa.is_bound and not fb.is_bound:
            outcome = S.Outcome(met=fa.value / x0 > fb.value / r0, figure=fa,
                                margin=(own_g - ref_g) * 100, reference=fb)
        else:
            forecast = _comparison_forecast(t, own, ref, (own_key, ref_key), method)
    verdict = S.classify(numeric=True, enough=enough, met_now=False, p_met=forecast.p_met,
                         outcome=outcome, progress_=progress, scheme=scheme,
                         target_year_over=when.year_over(T))
    return Judgement(target=t, level=t, kind="growth_comparison", own=own, reference=ref,
                     progress=progress, outcome=outcome, forecast=forecast, verdict=verdict,
                     compared=(own_key, ref_key), reference_region=ref_key.region)


def _level_target(t: Target, d: Observed) -> Target | None:
    """A growth-rate target (年均增长g) restated as the level it implies in the target
    year, ``x_B · (1 + g)^(T − B)``, from the level series named by ``subject`` (or the
    target's own id) with an exact figure for the base year B; None where that is missing.
    ``左右`` on a rate counts as a floor (faster growth does not miss it), like every
    range target on an indicator that should rise."""
    if t.base_year is None or math.isnan(t.target_value):
        return None
    iid, region = split_ref(t.subject, t.indicator.region) if t.subject else \
        (t.indicator.indicator_id, t.indicator.region)
    s = in_one_unit(series(d, iid, region))
    base = s[(s["year"] == t.base_year) & (s["qualifier"] == "exact")]
    if not len(base):
        return None
    x0, n = float(base["value"].iloc[0]), t.target_year - t.base_year
    unit = str(base["unit"].iloc[0]) if "unit" in base else ""
    low, high = (v / 100.0 for v in t.met_range)  # rates are stored in %
    comparator = "at_least" if t.comparator in ("around", "between") else t.comparator
    ind = t.indicator.model_copy(update={"indicator_id": iid, "region": region, "unit": unit,
                                         "is_share": False, "direction": "increase"})
    return t.model_copy(update={
        "indicator": ind, "measure": "level", "base_value": x0, "base_text": str(x0),
        "base_qualifier": "exact", "comparator": comparator, "tolerance": NAN,
        "target_value": float(growth.compound(x0, low, n)) if math.isfinite(low) else NAN,
        "target_high": float(growth.compound(x0, high, n)) if math.isfinite(high) else NAN})


def _judge_other(t: Target, kind: str, d: Observed, when: Timing, method: str,
                 scheme: str, own_base: bool) -> Judgement:
    """Every kind but a level (and a rate restated as one): no target, 超全国平均水平,
    增速快于…, 每年…, and a rate whose base-year level is missing."""
    if kind == "none":
        verdict = S.classify(numeric=False, enough=False, met_now=False, p_met=NAN,
                             outcome=None, progress_=S.Progress(), scheme=scheme,
                             target_year_over=when.year_over(t.target_year))
        own = Side.of(series(d, t.indicator.indicator_id, t.indicator.region), t.target_year)
        return Judgement(target=t, level=t, kind="none", own=own, verdict=verdict)
    if kind == "relative":
        return _judge_relative(t, d, when, method, scheme, own_base)
    if kind == "growth_comparison":
        return _judge_growth_comparison(t, d, when, method, scheme)
    if kind == "annual_flow":
        return _judge_annual_flow(t, d, when, method, scheme)
    # a growth rate without an exact base-year level to restate it from
    verdict = S.classify(numeric=True, enough=False, met_now=False, p_met=NAN,
                         outcome=None, progress_=S.Progress(), scheme=scheme,
                         target_year_over=when.year_over(t.target_year))
    return Judgement(target=t, level=t, kind=kind, own=Side.empty(), verdict=verdict)


def judge(t: Target, d: Observed, when: Timing, method: str = "auto",
          scheme: str = "cn", own_base: bool = False) -> Judgement:
    """The judgement of one target from the usable observations ``d``. ``own_base``: the
    target is a user's, whose printed baseline is never replaced by a shipped figure."""
    return judge_all([t], d, when, method, scheme, own_base)[0]


def judge_all(targets: list[Target], d: Observed, when: Timing, method: str = "auto",
              scheme: str = "cn", own_base: bool = False) -> list[Judgement]:
    """``judge`` of every target, with the level targets' projections made together
    (``_steps.project_asks``): the same judgements as one by one, at a fraction of the
    cost. A rate target (年均增长g) is judged as the level it implies."""
    out: dict[int, Judgement] = {}
    pending: dict[int, _LevelEvidence] = {}
    for i, t in enumerate(targets):
        kind = kind_of(t)
        level = t if kind == "level" else _level_target(t, d) if kind == "growth_rate" \
            else None
        if level is None:
            out[i] = _judge_other(t, kind, d, when, method, scheme, own_base)
        else:  # a user's own baseline stands for a level row, not for a rate's level
            pending[i] = _level_evidence(t, level, kind, d, own_base and kind == "level")
    asks = {i: e.ask for i, e in pending.items() if e.ask is not None}
    made = dict(zip(asks, S.project_asks(list(asks.values()), method), strict=True))
    for i, e in pending.items():
        out[i] = _level_verdict(e, made.get(i), when, scheme)
    return [out[i] for i in range(len(targets))]
