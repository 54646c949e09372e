"""Steps 2–5 of an assessment, each a small function with a typed result.

``progress`` (序时进度 and growth since the base year) → ``settle`` (the final outcome, when
the target-year figure decides it) → ``forecast`` (projection and P(target met)) →
``classify`` (the status in the chosen scheme). Words come after, from the ``Wording`` given
(``jxdigital.present``).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd

from .. import growth
from ..catalog import Target
from ..catalog.reference import counts_people, populations
from ..models import Projection, project_each, project_pooled_each
from . import _rules as R
from ._columns import Columns, columns_of
from ._draws import Drawn, histories
from ._figures import Figure, Side

NAN = math.nan
#: Quantile levels used to compare two projections (P(a > b)).
GRID = np.linspace(0.01, 0.99, 99)


# ---------------------------------------------------------------- progress (序时进度)
@dataclass(frozen=True)
class Progress:
    """How far a level target has come since its base year (NaN where not defined).

    completion = ln(x_t/x_0)/ln(x_T/x_0) (levels) or (x_t − x_0)/(x_T − x_0) (shares),
    against time_elapsed = (t − B)/(T − B); growth_ratio = actual / required growth since
    the base year, gap_ratio = (ŷ_T − x_0)/(x_T − x_0) extrapolating it (both compound for
    levels, in points for shares: jxdigital's own measures beside 序时进度);
    required_*_now: growth needed from the latest figure to the target.

    The published schemes' own measures (``_rules``, docs/methods.md §1.1), compound for
    every indicator: eurostat_ratio = d · CAGR_a / |CAGR_r| over Eurostat's five-year
    window from ``eurostat_from`` (set, with the ratio NaN, where the figures span fewer
    than ``EUROSTAT_MIN_SPAN`` years: Eurostat makes no assessment); unsd_ratio, UNSD's
    projected-gap ratio from the base year."""

    completion: float = NAN
    time_elapsed: float = NAN
    actual_cagr: float = NAN
    required_cagr_plan: float = NAN
    actual_pp_per_year: float = NAN
    required_pp_plan: float = NAN
    growth_ratio: float = NAN
    gap_ratio: float = NAN
    required_cagr_now: float = NAN
    required_pp_now: float = NAN
    eurostat_from: int | None = None
    eurostat_ratio: float = NAN
    unsd_ratio: float = NAN


def progress(t: Target, side: Side, latest: Figure | None) -> Progress:
    """Measures of a level or share target to ``latest``: from its base-year figure, and
    the published schemes' own (``eurostat_*``, ``unsd_ratio``)."""
    own = _since_base(t, side, latest)
    if latest is None or math.isnan(t.target_value):
        return own
    start, ratio = eurostat_ratio(t, side, latest)
    # the same Progress as dataclasses.replace, without its cost per target
    return Progress(**own.__dict__ | {"eurostat_from": start, "eurostat_ratio": ratio,
                                      "unsd_ratio": unsd_ratio(t, side, latest)})


def _value_in(t: Target, side: Side, year: int) -> float:
    """The stated value for ``year``: a figure, else the plan's exact base value."""
    x = side.exact_in(year)
    if math.isnan(x) and year == t.base_year and t.base_qualifier == "exact":
        x = t.base_value
    return x


def _sign(t: Target) -> int:
    return 1 if t.indicator.direction == "increase" else -1


def eurostat_ratio(t: Target, side: Side, latest: Figure) -> tuple[int, float]:
    """Eurostat's short-term measure (docs/methods.md §1.1): the window's first year s, the
    figure of t − 5 or the first after it, and R = d · CAGR_a / |CAGR_r|, CAGR_a from x_s to
    the latest figure x_t, CAGR_r from x_s to the target in its year, compound for shares
    too. (s, NaN) where t − s is under ``EUROSTAT_MIN_SPAN`` years (s = t without an
    earlier figure in the window) or a value is not positive (no compound rate)."""
    t1, xt, v, T = latest.year, latest.value, t.target_value, t.target_year
    found = [(y, x) for y in range(t1 - R.EUROSTAT_WINDOW, t1)
             if not math.isnan(x := _value_in(t, side, y))]
    s, xs = found[0] if found else (t1, xt)
    if t1 - s < R.EUROSTAT_MIN_SPAN or min(xs, xt, v) <= 0 or s >= T:
        return s, NAN
    actual = float(growth.implied_cagr(xs, xt, t1 - s))
    need = float(growth.implied_cagr(xs, v, T - s))
    return s, _sign(t) * actual / abs(need) if need != 0 else NAN


def unsd_ratio(t: Target, side: Side, latest: Figure) -> float:
    """UNSD's projected-gap ratio P = (ŷ_T − x_b)/(x_T − x_b), ŷ_T = x_t (1 + g)^(T − t)
    with g the compound growth since the base year b (shares too). Without a figure for b,
    the first after it (before t), else the closest before it, up to five years (the
    Progress Chart's rule as EUSTAT restates it).
    NaN where no compound rate exists or the target is not ahead of x_b."""
    b, t1, xt, v, T = t.base_year, latest.year, latest.value, t.target_value, t.target_year
    if b is None:
        return NAN
    years = [b, *range(b + 1, t1), *range(b - 1, b - 1 - R.EUROSTAT_WINDOW, -1)]
    found = next(((y, x) for y in years if not math.isnan(x := _value_in(t, side, y))),
                 None)
    if found is None or found[0] >= t1:
        return NAN
    y0, x0 = found
    if min(x0, xt) <= 0 or _sign(t) * (v - x0) <= 0:
        return NAN
    g = float(growth.implied_cagr(x0, xt, t1 - y0))
    return (float(growth.compound(xt, g, max(T - t1, 0))) - x0) / (v - x0)


def _since_base(t: Target, side: Side, latest: Figure | None) -> Progress:
    """Measures of a level or share target from its base-year figure to ``latest``."""
    if t.base_year is None or latest is None or math.isnan(t.target_value):
        return Progress()
    x0 = side.exact_in(t.base_year)
    if math.isnan(x0):
        x0 = t.base_value if t.base_qualifier == "exact" else NAN
    t0, t1, T = t.base_year, latest.year, t.target_year
    xt, v = latest.value, t.target_value
    if math.isnan(x0) or t1 <= t0:
        if t1 < T and xt > 0 and v >= 0 and not t.indicator.is_share:
            return Progress(required_cagr_now=float(growth.required_cagr(xt, t1, v, T)))
        return Progress()
    elapsed = (t1 - t0) / (T - t0)
    if t.indicator.is_share:
        pp = (xt - x0) / (t1 - t0)
        need = (v - x0) / (T - t0)
        return Progress(
            completion=(xt - x0) / (v - x0) if v != x0 else NAN, time_elapsed=elapsed,
            actual_pp_per_year=pp, required_pp_plan=need,
            growth_ratio=pp / need if need != 0 else NAN,
            gap_ratio=(xt + pp * (T - t1) - x0) / (v - x0) if v != x0 else NAN,
            required_pp_now=(v - xt) / (T - t1) if t1 < T else NAN)
    if x0 <= 0 or xt <= 0 or v <= 0:
        return Progress(time_elapsed=elapsed)
    g = float(growth.implied_cagr(x0, xt, t1 - t0))
    need = float(growth.implied_cagr(x0, v, T - t0))
    return Progress(
        completion=math.log(xt / x0) / math.log(v / x0) if v != x0 else NAN,
        time_elapsed=elapsed, actual_cagr=g, required_cagr_plan=need,
        growth_ratio=g / need if need != 0 else NAN,
        gap_ratio=(float(growth.compound(xt, g, T - t1)) - x0) / (v - x0) if v != x0 else NAN,
        required_cagr_now=float(growth.required_cagr(xt, t1, v, T)) if t1 < T else NAN)


def growth_progress(own: float, required: float, years_done: int, years: int) -> Progress:
    """Growth-comparison measures: own growth against the compared series' growth (the
    growth it must beat), as a ratio (Eurostat) and as the projected gap (UNSD)."""
    if math.isnan(own) or math.isnan(required) or required <= 0:
        return Progress(actual_cagr=own, required_cagr_plan=required)
    gap = ((1 + own) ** years - 1) / ((1 + required) ** years - 1)
    # neither scheme has arithmetic for 增速快于: both read these since the base year
    return Progress(actual_cagr=own, required_cagr_plan=required,
                    growth_ratio=own / required, gap_ratio=gap,
                    time_elapsed=min(years_done / years, 1.0),
                    eurostat_ratio=own / required, unsd_ratio=gap)


# ---------------------------------------------------------------- outcome (已实现/未实现)
@dataclass(frozen=True)
class Outcome:
    """A settled target: the target-year figure (a value, or a bound that decides)."""

    met: bool
    figure: Figure
    margin: float = NAN  # (value − target) / target
    margin_pp: float = NAN  # value − target, in points (shares)
    exceeded: bool = False  # beyond the band of a 左右 / range target (超额完成)
    reference: Figure | None = None  # the national figure, for relative targets


def decides(low: float, high: float, strict_low: bool, fig: Figure) -> bool | None:
    """Does every value ``fig`` allows meet [low, high] (True), none (False), or it depends
    (None)? ``strict_low``: the low end itself does not meet (more than). A bound allows
    only values beyond its number, so "超过400" meets "突破400" and "近400" misses "不低于400".
    """
    all_in = fig.all_above(low, strict=strict_low) and fig.all_below(high, strict=False)
    none_in = fig.all_below(low, strict=not strict_low) or fig.all_above(high, strict=True)
    return True if all_in else False if none_in else None


def settle(t: Target, fig: Figure | None) -> Outcome | None:
    """The final outcome of a level target from its target-year figure, when the figure
    decides it: "超3.6万亿" settles a 3.5万亿 target as met; "6万多" settles a 10万 target
    neither way (None)."""
    if fig is None:
        return None
    low, high = t.met_range
    if math.isnan(low) and math.isnan(high):
        return None
    strict = t.comparator == "more_than" and t.indicator.direction == "increase"
    met = decides(low, high, strict, fig)
    if met is None:
        return None
    v, goal = fig.value, t.target_value
    band_low, band_high = t.band
    exceeded = met and t.comparator in ("around", "between") and (
        fig.all_above(band_high, strict=True) if t.indicator.direction == "increase"
        else fig.all_below(band_low, strict=True))
    return Outcome(met=met, figure=fig,
                   margin=(v - goal) / abs(goal) if goal else NAN,
                   margin_pp=v - goal if t.indicator.is_share else NAN, exceeded=exceeded)


def settle_above(own: Figure | None, ref: Figure | None) -> Outcome | None:
    """超全国平均水平 in the target year: settled when both figures are known and their
    intervals do not overlap."""
    if own is None or ref is None:
        return None
    rlo, rhi = ref.interval
    # above when every own value exceeds every national one ("超过30" vs 30 is); not above
    # when no own value exceeds any national one
    met = True if own.all_above(rhi, strict=not ref.open_ends[1]) else \
        False if own.interval[1] <= rlo else None
    if met is None:
        return None
    return Outcome(met=met, figure=own, margin=(own.value - ref.value) / abs(ref.value)
                   if ref.value else NAN, margin_pp=own.value - ref.value, reference=ref)


# ---------------------------------------------------------------- forecast (P(met))
@dataclass(frozen=True)
class Forecast:
    """The projection to the target year and P(target met) (NaN where there is none)."""

    projection: Projection | None = None
    reference_projection: Projection | None = None
    projected: float = NAN
    lo_80: float = NAN
    hi_80: float = NAN
    model: str = ""
    p_met: float = NAN
    reference_projected: float = NAN
    #: a target-year bound that did not settle the outcome; P(met) is conditioned on it
    given: Figure | None = None


def stock_floor(side: Side) -> float | None:
    """The level a running total that does not fall is known to have reached: the highest
    value its figures allow as a minimum (an exact figure, a lower bound, the low end of an
    approximate one)."""
    lows = [f.interval[0] for f in side.figures if math.isfinite(f.interval[0])]
    return max(lows) if lows else None


@dataclass(frozen=True)
class Ask:
    """A projection a judgement needs: the figures before the target year (``columns``:
    their ``Columns``; ``fit``, their frame), the year, the series' id, whether it is a
    share (kept in 0–100) and a level the outcome is known to reach (``floor``). Many are
    made in one call (``project_asks``)."""

    columns: Columns
    target_year: int
    sid: str
    share: bool = False
    floor: float | None = None
    #: a level the outcome cannot exceed (a count of people: the region's population)
    ceiling: float | None = None

    @property
    def fit(self) -> pd.DataFrame:
        return self.columns.frame


def ask_for(fit: pd.DataFrame | Columns, t: Target, sid: str, share: bool,
            floor: float | None = None, ceiling: float | None = None) -> Ask | None:
    """The projection to ask for, or None with fewer than ``MIN_OBSERVATIONS`` figures
    before the target year (``fit``: a frame, or its ``Columns``)."""
    cols = columns_of(fit)
    if len(cols) < R.MIN_OBSERVATIONS or cols["year"][-1] >= t.target_year:
        return None
    return Ask(cols, t.target_year, sid, share, floor, ceiling)


def people_ceiling(t: Target) -> float | None:
    """The most a count of people can be (``data/caps.csv``): the region's population in
    the row's unit (persons ÷ the unit's scale); None for other indicators."""
    ind = t.indicator
    if not counts_people(ind.indicator_id, ind.region) or not ind.unit_scale:
        return None
    people = populations().get(ind.region)
    return None if people is None else people / float(ind.unit_scale)


def project_asks(asks: list[Ask], method: str) -> list[Projection]:
    """The calibrated projection of each ask, made together: exact histories in one call
    per target year and kind (``models.project_each``); where a figure allows a range
    (``_draws.bands``), histories drawn from the ranges, projected and pooled
    (``models.project_pooled_each``). The same as projecting each alone."""
    exact: dict[tuple[int, bool], list[int]] = {}
    drawn: dict[tuple[int, bool], list[tuple[int, Drawn]]] = {}
    cols = [a.columns for a in asks]
    for i, a in enumerate(asks):
        d = histories(a.columns, (0.0, 100.0) if a.share else None, a.target_year)
        if d is None:
            exact.setdefault((a.target_year, a.share), []).append(i)
        else:
            drawn.setdefault((a.target_year, a.share), []).append((i, d))
    out: dict[int, Projection] = {}
    for (year, share), rows in exact.items():
        frame = pd.DataFrame({
            "id": np.repeat(rows, [len(cols[i]) for i in rows]),
            "year": np.concatenate([np.asarray(cols[i]["year"], dtype=int) for i in rows]),
            "value": np.concatenate([np.asarray(cols[i]["value"], dtype=float)
                                     for i in rows])})
        made = project_each(frame, to=year, method=method,
                            bounds=(0.0, 100.0) if share else None,
                            floor=_floors_of(asks, rows),
                            names={i: asks[i].sid for i in rows},
                            ceiling=_ceilings_of(asks, rows))
        for i in rows:
            out[i] = made[i]
    for (year, share), items in drawn.items():
        frame = pd.concat([d.frame.assign(id=i) for i, d in items], ignore_index=True)
        made = project_pooled_each(frame, to=year, method=method,
                                   bounds=(0.0, 100.0) if share else None,
                                   floor=_floors_of(asks, [i for i, _ in items]),
                                   factors={i: d.factors for i, d in items},
                                   names={i: asks[i].sid for i, _ in items},
                                   ceiling=_ceilings_of(asks, [i for i, _ in items]))
        for i, _ in items:
            out[i] = made[i]
    return [out[i] for i in range(len(asks))]


def _ceilings_of(asks: list[Ask], rows: list[int]) -> dict[int, float] | None:
    caps = {i: float(c) for i in rows if (c := asks[i].ceiling) is not None}
    return caps or None


def _floors_of(asks: list[Ask], rows: list[int]) -> dict[int, float] | None:
    floors = {i: float(f) for i in rows if (f := asks[i].floor) is not None}
    return floors or None


def project_side(fit: pd.DataFrame | Columns, t: Target, sid: str, method: str,
                 share: bool, floor: float | None = None) -> Projection | None:
    """The calibrated projection of the figures before the target year (None with fewer
    than ``MIN_OBSERVATIONS``); ``floor``: a level the outcome is known to reach (a stock's
    last known level), below which neither the projection nor its intervals go. Where a
    figure allows a range (``_draws.bands``), histories drawn from the ranges are projected
    and pooled."""
    a = ask_for(fit, t, sid, share, floor)
    return None if a is None else project_asks([a], method)[0]


def _p_in(p: Projection, year: int, low: float, high: float) -> float:
    """P(low ≤ X ≤ high) under the projection."""
    up = 1.0 - p.cdf(low, year) if math.isfinite(low) else 1.0
    down = p.cdf(high, year) if math.isfinite(high) else 1.0
    return max(0.0, down - (1.0 - up))


def p_met_level(t: Target, p: Projection, given: Figure | None = None) -> float:
    """P(the target-year value meets the target), under the projection; where a target-
    year bound is known but did not settle it, conditioned on that bound:
    P(met | X ∈ bound) = P(X ∈ met ∩ bound) / P(X ∈ bound)."""
    low, high = t.met_range
    T = t.target_year
    if given is None:
        return _p_in(p, T, low, high)
    lo, hi = given.interval
    inside = _p_in(p, T, lo, hi)
    if inside < 1e-6:  # the projection leaves no room for the published bound
        return NAN
    return min(1.0, _p_in(p, T, max(low, lo), min(high, hi)) / inside)


def side_draws(side: Side, p: Projection | None, year: int) -> np.ndarray | None:
    """The target-year value of one side: the known figure, else the projection's
    quantiles on ``GRID``; None when neither exists."""
    if side.at_target is not None and not side.at_target.is_bound:
        return np.array([side.at_target.value])
    if p is None:
        return None
    return p.quantiles(GRID, year)


def p_greater(a: np.ndarray, b: np.ndarray) -> float:
    """P(A > B) for independent draws (or quantiles) of A and B."""
    return float(np.mean(a[:, None] > b[None, :]))


def quantiles_within(p: Projection, year: int, qs, given: Figure | None,
                     eps: float = 1e-6) -> np.ndarray | None:
    """The quantiles ``qs`` of the projection within the range a figure for ``year``
    allows (``given``: a bound, or a year-end estimated from part of the year):
    F⁻¹(F(a) + q·(F(b) − F(a))), kept in [a, b]; None without such a figure or where the
    projection leaves the range no room."""
    if given is None:
        return None
    a, b = given.interval
    fa = p.cdf(a, year) if math.isfinite(a) else 0.0
    fb = p.cdf(b, year) if math.isfinite(b) else 1.0
    if fb - fa <= 1e-6:
        return None
    inner = np.clip(fa + np.asarray(qs, dtype=float) * (fb - fa), eps, 1 - eps)
    return np.clip(p.quantiles(inner, year), a, b)


def summary_of(p: Projection, year: int, given: Figure | None = None) -> dict:
    """The projection's point, 80 % interval and model for ``year``; where a figure for
    ``year`` is known only as a range (``given``: a bound, or a year-end estimated from
    part of the year), the median and 80 % interval of the projection within that range:
    quantile q of X | X ∈ [a, b] is F⁻¹(F(a) + q·(F(b) − F(a)))."""
    within = quantiles_within(p, year, [0.5, 0.1, 0.9], given)
    if within is not None:
        mid, lo, hi = (float(v) for v in within)
        return {"projected": mid, "lo_80": lo, "hi_80": hi, "model": p.model_name}
    lo, hi = p.quantiles([0.1, 0.9], year)
    return {"projected": p.point(year), "lo_80": float(lo), "hi_80": float(hi),
            "model": p.model_name}


# ---------------------------------------------------------------- classify
@dataclass(frozen=True)
class Verdict:
    status_cn: str
    status: str  # in the chosen scheme: the cn status, or a Eurostat / UNSD class
    eurostat_class: str = ""
    un_class: str = ""
    final: bool = False
    phase: str = "in_progress"  # 'in_progress' | 'nowcast' | 'final'
    scheme: str = "cn"
    #: a figure before the target year already meets the target (已达到目标值)
    met_now: bool = False


def classify(*, numeric: bool, enough: bool, met_now: bool, p_met: float,
             outcome: Outcome | None, progress_: Progress, scheme: str,
             target_year_over: bool) -> Verdict:
    """The status in ``scheme``: a settled outcome (met/missed) whatever the scheme;
    otherwise the primary rule, or the Eurostat / UNSD class of their own measures
    (``Progress.eurostat_ratio``, ``unsd_ratio``); in the Eurostat scheme, a target whose
    figures Eurostat would not assess (``_rules.EUROSTAT_MIN_SPAN``) has insufficient
    data."""
    settled = None if outcome is None else outcome.met
    cn = R.status_cn(numeric=numeric, enough_data=enough, met_now=met_now, p_met=p_met,
                     outcome=settled)
    phase = "final" if settled is not None else "nowcast" if target_year_over \
        else "in_progress"
    judged = cn not in ("not_assessable", "insufficient_data")
    met_so_far = met_now or settled is True
    eu = R.eurostat_class(progress_.eurostat_ratio, met_so_far) if judged else ""
    un = R.un_class(progress_.unsd_ratio, met_so_far) if judged else ""
    if scheme == "cn" or settled is not None:
        status = cn
    elif scheme == "eurostat":
        # a window Eurostat would look at, too short (or not positive) to assess
        no_trend = judged and progress_.eurostat_from is not None
        status = eu or ("insufficient_data" if no_trend else cn)
    else:
        status = un or cn
    return Verdict(status_cn=cn, status=status, eurostat_class=eu, un_class=un,
                   final=settled is not None, phase=phase, scheme=scheme,
                   met_now=met_now and settled is None)
