"""``assess()``: join a plan, its actuals and the projections into a status per target.

One pipeline of typed steps per target: gather the evidence (``_evidence``) → settle the
outcome, project, measure and classify (``_steps``) → word it (``_reasons``) → the
``TargetStatus`` record. Target kinds differ only in how they gather and settle:

- ``level``: a level or share against a number (``reach``, ``at_least``, ``around``, …);
- ``growth_rate``: 年均增长g, judged as the level it implies (``x_B·(1+g)^(T−B)``);
- ``relative``: 超全国平均水平, the region against the national series;
- ``growth_comparison``: 增速快于…, the growth of two level series since the base year;
- ``none``: no numeric target.
"""

from __future__ import annotations

import datetime as dt
import logging
import math
import time
from collections.abc import Iterable
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import TypeAlias

import numpy as np
import pandas as pd

from .. import growth
from ..catalog import DEFAULT_PLAN, Plan, Target, indicator_registry, is_shipped, load_plan
from ..catalog.reference import flow_share_sources, link_decisions, plan_stock_ids
from ..codes import EVIDENCE_RULES
from ..errors import ArgumentError
from ..models import Projection
from ..observations import Resolution, load_actuals, merge_actuals
from ..observations import actuals as shipped_actuals
from . import _rules as R
from . import _steps as S
from ._columns import Columns, Frames
from ._evidence import (
    BySeries,
    LevelEstimate,
    PartYearBound,
    Side,
    YearTotal,
    fit_points,
    flows,
    gather,
    in_one_unit,
    in_unit,
    known_part_year,
    level_estimates_of,
    linked_figures,
    part_year_bounds_of,
    plan_bases,
    resting,
    series,
    series_columns,
    with_base,
    year_totals,
)
from ._grade import Evidence, evidence_of
from ._model import Assessment, TargetStatus
from ._series import SeriesKey, kind_of, own_series, reference_series, split_ref
from ._timing import Timing, timing
from ._wording import CODES, Wording

log = logging.getLogger("jxdigital.assessment")

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


def _as_plan(plan) -> Plan:
    if isinstance(plan, Plan):
        return plan
    return load_plan(DEFAULT_PLAN if plan is None else plan)


def _as_data(data, plan: Plan) -> pd.DataFrame:
    if data is None:
        return shipped_actuals()
    if isinstance(data, pd.DataFrame) and "origin" in data.columns:
        return data
    mine = load_actuals(data, plan=plan)
    # A departments' file may hold every county's figures: keep the series this plan is
    # judged on before merging.
    return merge_actuals(shipped_actuals(), _of_series(mine, _needed_series(plan)))


def _needed_series(plan: Plan, shares: bool = False) -> set[tuple[str, str]]:
    """The series ``plan`` is judged on: own and compared, the growth targets' level
    series and the series linked to them; ``shares``: also the series a yearly total's
    share of the year is learned from (``data/flows.csv``)."""
    links = _links(plan, "all")  # once for the plan, not once per target
    linked = [(t, t.linked or links.get(t.indicator_id, ("", None))[0]) for t in plan.targets]
    needed = {s for t in plan.targets for s in (own_series(t), reference_series(t),
                                                (t.indicator.indicator_id, t.indicator.region))
              if s is not None}
    needed |= {(iid, region or t.indicator.region) for t, link in linked if link
               for region, _, iid in [link.rpartition(":")]}
    if shares:
        sources = flow_share_sources()
        needed |= {(iid, region) for key in {k[0] for k in needed} if key in sources
                   for region, _, iid in [sources[key].rpartition(":")]}
    return {(str(a), str(b)) for a, b in needed}


def _of_series(data: pd.DataFrame, needed: set[tuple[str, str]]) -> pd.DataFrame:
    keys = pd.MultiIndex.from_frame(data[["indicator_id", "region"]].astype(str))
    return data[keys.isin(list(needed))]


def _part_year_dates(part: pd.DataFrame) -> dict[tuple[str, str], list[tuple[int, str]]]:
    """Per series, the (year, as_of) of its comparable part-year figures."""
    out: dict[tuple[str, str], list[tuple[int, str]]] = {}
    for iid, region, year, as_of in zip(part["indicator_id"], part["region"], part["year"],
                                        part["as_of"].astype(str), strict=True):
        out.setdefault((iid, region), []).append((int(year), as_of))
    return out


def _part_year_of(t: Target, dates: dict[tuple[str, str], list[tuple[int, str]]]
                  ) -> tuple[str, ...]:
    return tuple(sorted(a for y, a in dates.get(own_series(t), ())
                        if y <= t.target_year))


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


# ---------------------------------------------------------------- the record
# ``record`` flattens a judgement into the ``TargetStatus`` every output shows: what the
# target is, when it was judged, what was measured, the status, and what differs by kind.

def _target_fields(j: Judgement) -> dict:
    t, lt, ind = j.target, j.level, j.target.indicator
    low, high = lt.met_range
    band = lt.band if lt.comparator in ("around", "between") else (NAN, NAN)
    return dict(
        plan_id=t.plan_id, seq=t.seq, indicator_id=ind.indicator_id, key=t.key,
        name_zh=ind.name_zh,
        name_en=ind.name_en, short_zh=ind.short_zh or ind.name_zh,
        short_en=ind.short_en or ind.name_en, category_zh=ind.category_zh,
        category_en=ind.category_en,
        unit=lt.indicator.unit, is_share=ind.is_share, attribute=t.attribute,
        comparator=t.comparator, region=ind.region, reference=t.reference,
        base_year=t.base_year,
        base_value=lt.base_value if j.kind == "growth_rate" else t.base_value,
        target_year=t.target_year, target_value=lt.target_value, target_high=lt.target_high,
        target_text=t.target_text, target_low_met=low, target_high_met=high,
        band_low=band[0], band_high=band[1])


def _measure_fields(j: Judgement, when: Timing) -> dict:
    f = j.forecast
    return dict(
        as_of=when.label, review_date=when.review.isoformat(),
        generated=when.generated.isoformat(), n_obs=len(j.own.judged_columns),
        years_used=", ".join(str(int(y)) for y in j.own.judged_columns["year"]),
        level_target="",
        model=f.model, projected=f.projected, lo_80=f.lo_80, hi_80=f.hi_80, p_met=f.p_met,
        reference_projected=f.reference_projected,
        **{k: getattr(j.progress, k) for k in _PROGRESS_FIELDS})


#: The measures of ``Progress`` a record shows (its fields hold numbers: no deep copy).
_PROGRESS_FIELDS = tuple(f.name for f in fields(S.Progress))


def _status_fields(j: Judgement, when: Timing, wording: Wording) -> dict:
    v = j.verdict
    assert v is not None
    zh, en = wording.reasons(j, when)
    g = j.progress
    said = R.verdict(v.status_cn, when.year_over(j.target.target_year), g.completion,
                     g.time_elapsed)
    status_zh, status_en = wording.status(v.scheme, v.status, said)
    return dict(status=v.status, status_zh=status_zh, status_en=status_en,
                status_cn=v.status_cn, verdict=said, eurostat_class=v.eurostat_class,
                un_class=v.un_class,
                final=v.final, phase=v.phase, reason_zh=zh, reason_en=en,
                evidence_grade=j.evidence.grade)


def _figure_fields(j: Judgement) -> dict:
    """The latest figure (the target-year one when it settled the outcome), the compared
    series' latest, and the outcome's margin."""
    out: dict = {}
    latest = j.outcome.figure if j.outcome is not None else j.own.latest
    if latest is not None:
        out.update(latest_year=latest.year, latest_value=latest.value,
                   latest_qualifier=latest.qualifier, latest_source=latest.source,
                   latest_publisher=latest.publisher)
    if j.reference is not None and j.reference.latest is not None:
        out.update(reference_latest_year=j.reference.latest.year,
                   reference_latest=j.reference.latest.value)
    if j.outcome is not None:
        out.update(p_met=1.0 if j.outcome.met else 0.0, outcome_year=j.target.target_year,
                   margin=j.outcome.margin, margin_pp=j.outcome.margin_pp,
                   exceeded=j.outcome.exceeded)
    return out


def _kind_fields(j: Judgement, wording: Wording) -> dict:
    """What a growth rate, a growth comparison or a relative target shows differently."""
    if j.kind == "growth_rate" and j.level is not j.target:
        return dict(level_target=wording.level_target(j))
    if j.kind == "growth_comparison":
        # the row's unit is % (a growth rate): latest and projected values are annual
        # growth since the base year, in %; the levels stay in `series`
        g = j.progress
        out = dict(unit="%", is_share=False, base_value=NAN, target_value=NAN,
                   target_low_met=NAN, target_high_met=NAN, latest_value=100 * g.actual_cagr,
                   reference_latest=100 * g.required_cagr_plan,
                   reference_cagr=g.required_cagr_plan, required_cagr_plan=NAN,
                   completion=NAN, time_elapsed=NAN)
        return out | (dict(margin=NAN) if j.outcome is not None else {})
    if j.kind == "relative" and j.outcome is not None:
        ref = j.outcome.reference
        return dict(reference_latest_year=j.target.target_year,
                    reference_latest=ref.value if ref else NAN)
    return {}


def record(j: Judgement, when: Timing, wording: Wording = CODES) -> TargetStatus:
    """The flat ``TargetStatus`` of a judgement (what frames, JSON and reports show),
    worded by ``wording``; later parts override earlier ones."""
    return TargetStatus(**(_target_fields(j) | _measure_fields(j, when)
                           | _status_fields(j, when, wording) | _figure_fields(j)
                           | _kind_fields(j, wording)))


def _reconciled(t: Target, resolutions: list[Resolution]) -> tuple[Resolution, ...]:
    key = own_series(t)
    return tuple(r for r in resolutions if r.decided and (r.indicator_id, r.region) == key
                 and r.year <= t.target_year)


def _graded(j: Judgement, names: pd.DataFrame, **more) -> Judgement:
    """The judgement with its evidence grade, and the linked series named (from the
    catalogue, the plan's own indicators first); ``more``: other fields to set."""
    assert j.verdict is not None
    base = j.level.base_year if j.level is not None else None
    if j.outcome is not None:  # a settled outcome rests on the figures that settled it
        frames = [_settling(j.own, j.outcome.figure),
                  _settling(j.reference, j.outcome.reference) if j.reference is not None
                  else None]
    else:
        frames = [resting(j.own, base, j.fitted),
                  resting(j.reference, None) if j.reference is not None else None]
    link = j.link
    if link is not None:
        iid = link[0].indicator_id
        zh = str(names["name_zh"].get(iid, iid)) if iid in names.index else iid
        en = str(names["name_en"].get(iid, "") or zh) if iid in names.index else iid
        link = (*link[:3], (zh, en))
    own = frames[0] if frames[0] is not None else j.own.judged_columns
    return replace(j, evidence=evidence_of(frames, j.verdict.status_cn), link=link,
                   year_totals=year_totals(own), estimates=level_estimates_of(own),
                   part_bounds=part_year_bounds_of(own), **more)


def _settling(side: Side | None, fig) -> Columns | None:
    """The rows of ``side`` for the year of the figure ``fig`` that settled an outcome."""
    if side is None or fig is None:
        return None
    f = side.frame
    return Columns(f[f["year"] == fig.year].head(1).reset_index(drop=True))


def _links(p: Plan, evidence: str) -> dict[str, tuple[str, tuple[str, str] | None]]:
    """For a shipped plan, the rows ``data/links.csv`` decides: indicator → (the series
    linked, or "" with why not (zh, en)). strict links nothing."""
    if not is_shipped(p):
        return {}
    return {r.indicator_id:
            (r.series, None) if r.decision == "link" and evidence != "strict"
            else ("", (r.why_zh, r.why_en) if r.decision == "refuse" else None)
            for r in link_decisions() if r.plan_id == p.plan_id}


def _check(scheme: str, lang: str, evidence: str = "all") -> None:
    if scheme not in R.SCHEMES:
        raise ArgumentError(f"argument 'scheme': expected one of {', '.join(R.SCHEMES)}, "
                         f"got {scheme!r}")
    if lang not in ("zh", "en"):
        raise ArgumentError(f"argument 'lang': expected 'zh' or 'en', got {lang!r}")
    if evidence not in EVIDENCE_RULES:
        raise ArgumentError(f"argument 'evidence': expected one of {', '.join(EVIDENCE_RULES)}"
                            f", got {evidence!r}")


def _used(judgements: list[Judgement]) -> tuple[dict, dict, Frames, Frames]:
    """(projections, compared series' projections, figures used, figures of the compared
    series), each by the target's key (the frames cut when looked up)."""
    projections, references, used, compared = {}, {}, {}, {}
    for j in judgements:
        iid = j.target.key
        used[iid] = j.own.judged_columns  # frames cut when looked up (``Frames``)
        if j.reference is not None:
            compared[iid] = j.reference.judged_columns
        if j.forecast.projection is not None:
            projections[iid] = j.forecast.projection
        if j.forecast.reference_projection is not None:
            references[iid] = j.forecast.reference_projection
    return projections, references, Frames(used), Frames(compared)


def assess(plan: str | Path | Plan | None = None, actuals=None, as_of=None,
           lang: str = "zh", scheme: str = "cn", method: str = "auto",
           today=None, wording: Wording = CODES, evidence: str = "all") -> Assessment:
    """Assess every target of ``plan`` (default: the 十四五 indicator table) against
    ``actuals`` (default: the shipped set; a user's file or frame is merged with it and
    wins) as known by ``as_of`` (a year or date; default: everything published).

    ``today``: the date the assessment is made (default: the machine's date); a target
    year that had ended by then (or by ``as_of``) without a published figure is nowcast,
    and its reason says so. ``scheme``: 'cn' (default; P(target met) decides),
    'eurostat' (growth ratio) or 'un' (projected gap); a settled outcome is final in
    every scheme (see ``jxdigital.assessment._rules``). ``wording``: who puts the statuses
    and reasons into words (``jxdigital.assess`` passes ``jxdigital.present.WORDS``; the
    default ``CODES`` leaves the codes). ``evidence``: 'all' (default: bounds, approximate
    and derived figures count, and each verdict carries its grade) or 'strict' (exact
    published year-end figures only: every verdict grade A).
    """
    _check(scheme, lang, evidence)
    started = time.perf_counter()
    when = timing(as_of, today)
    p = _as_plan(plan)
    base = p.base_year if p.base_year is not None else min(
        (t.base_year for t in p if t.base_year is not None), default=None)
    if as_of is not None and base is not None and int(when.cutoff[:4]) < base:
        raise ArgumentError(f"argument 'as_of': {as_of} is before the plan's base year {base}; "
                            f"nothing of the plan can be judged then (give {base} or later)")
    data = _as_data(actuals, p)
    d, resolutions = gather(data, when=when, strict=evidence == "strict",
                            stocks=plan_stock_ids(p), bases=plan_bases(p.targets))
    # A user's plan: its own baselines stand; shipped figures count only for its region
    # (``series`` selects by region; a file without a region column has its own).
    own_base = not is_shipped(p)
    part = _part_year_dates(known_part_year(data, when))
    by_series = BySeries(d)  # each series found once, not once per target
    names = indicator_registry(p).set_index("indicator_id")
    # strict: exact year-end figures of each target's own series only, nothing linked
    links = _links(p, evidence)
    as_judged = [t.model_copy(update={"linked": links.get(t.indicator_id, ("", None))[0]})
                 if evidence == "strict" or t.indicator_id in links else t for t in p]
    judged = judge_all(as_judged, by_series, when, method, scheme, own_base)
    judgements = [_graded(j, names, part_year=_part_year_of(t, part),
                          link_refused=links.get(t.indicator_id, ("", None))[1],
                          reconciled=_reconciled(t, resolutions))
                  for t, j in zip(as_judged, judged, strict=True)]
    def targets() -> list[TargetStatus]:  # worded when first read (Assessment.targets)
        return [record(j, when, wording) for j in judgements]
    projections, references, used, compared = _used(judgements)
    known = data if when.last_year is None else data[data["year"] <= when.last_year]
    def history(ids: Iterable[str] | None = None) -> pd.DataFrame:
        """Each year-end review of the plan (of its targets ``ids`` only, where given: a
        retrospective needs only the targets whose outcome is known)."""
        keep = None if ids is None else set(ids)
        sub = p if keep is None else p.model_copy(
            update={"targets": tuple(t for t in p if t.key in keep)})
        # each review reads only the series those targets rest on (five reviews of a few
        # targets need not sift every figure of a plan of hundreds)
        mine = data if keep is None else _of_series(data, _needed_series(sub, shares=True))
        return assessment_history(sub, mine, scheme=scheme, method=method,
                                  today=when.generated, until=when.review, wording=wording,
                                  evidence=evidence)
    log.info("assessed %s: %d targets (%d projected) as of %s in %.2f s", p.plan_id,
             len(judgements), len(projections), when.label, time.perf_counter() - started)
    return Assessment(p, targets, when.label, scheme, lang, d, projections, references, used,
                      actuals=known, timing=when, source=data, method=method,
                      history=history, wording=wording, compared_series=compared)


HISTORY_COLUMNS = ["review_year", "as_of", "plan_id", "seq", "indicator_id", "key", "region",
                   "name_zh",
                   "latest_year", "latest_value", "n_obs", "projected", "p_met", "status",
                   "status_cn", "verdict", "status_zh", "phase", "final", "reason_zh",
                   "reason_en"]


def assessment_history(plan=None, actuals=None, years=None, scheme: str = "cn",
                       method: str = "auto", today=None, until=None,
                       wording: Wording = CODES, evidence: str = "all") -> pd.DataFrame:
    """The status of each target as it would have been judged at the end of each year in
    ``years`` (default: every year of the plan period, base year excluded, that had ended
    by ``until``, a date, default ``today``), using only what had been published by then:
    were the warnings right?"""
    p = _as_plan(plan)
    data = _as_data(actuals, p)
    if years is None:
        start = p.base_year if p.base_year is not None else \
            min((t.base_year for t in p if t.base_year is not None), default=None)
        end = p.target_year or max(t.target_year for t in p)
        last = timing(None, until if until is not None else today).review
        years = [y for y in range((start if start is not None else end - 5) + 1, end + 1)
                 if last >= dt.date(y, 12, 31)]
    frames = []
    if not len(years):
        return pd.DataFrame(columns=HISTORY_COLUMNS)
    for y in years:
        f = assess(p, data, as_of=y, scheme=scheme, method=method, today=today,
                   wording=wording, evidence=evidence).to_frame()
        f.insert(0, "review_year", int(y))
        frames.append(f[HISTORY_COLUMNS])
    return pd.concat(frames, ignore_index=True)

