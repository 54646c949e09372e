"""Target options for the next plan: the value within reach at a probability.

For an indicator with a history and a target year ``T``, the value reachable with
probability ``p`` comes from the same calibrated projection, and the same evidence (bounds,
part-year estimates, running-total floors, population caps), that gives a target's P(met):

    v_p = F⁻¹(1 − p)   for an indicator that should rise:  P(X_T ≥ v_p) = p
    v_p = F⁻¹(p)       for one that should fall:           P(X_T ≤ v_p) = p

and, where a target-year figure is known only as a range [a, b], the quantile of X_T within
it: F⁻¹(F(a) + q·(F(b) − F(a))). A target set at ``v_p`` is judged with P(met) = p.

Each option carries the growth it implies from the base year (CAGR for levels and yearly
totals, points a year for shares, the rate itself for a growth-rate row), the evidence grade
of the figures it rests on and the base it is measured from: the plan's printed base, the
published figure, or, where neither is known, the nowcast of the base year (said as such).
A row whose series has fewer than two figures gets no number: its status says why.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field

import numpy as np
import pandas as pd

from .. import growth
from ..catalog import Plan, Target, is_shipped
from ..catalog.reference import plan_stock_ids
from ..errors import ArgumentError
from ..models import Projection
from . import _rules as R
from . import _steps as S
from ._admit import gather
from ._columns import Columns
from ._evidence import BySeries, flows, in_one_unit, in_unit, plan_bases, series, with_base
from ._figures import Side, fit_points, resting
from ._grade import evidence_of
from ._inputs import as_data, as_plan
from ._series import split_ref
from ._timing import Timing, timing

NAN = math.nan
#: The default probabilities of the options, with the names the README gives them:
#: 积极 (ambitious, 50 %), 适中 (moderate, 75 %), 稳妥 (safe, 90 %).
PROBABILITIES = (0.5, 0.75, 0.9)
OPTION_NAMES = {0.5: "ambitious", 0.75: "moderate", 0.9: "safe"}

#: What an option row says of itself (``TargetOption.status``).
OPTION_STATUSES = (
    "ok",  # projected: the value within reach at the probability
    "known",  # the target year's figure is already published: the value is that figure
    "no_history",  # fewer than MIN_OBSERVATIONS figures: no number
    "not_applicable",  # no level series to project (a comparison without its series)
)

OPTION_COLUMNS = [
    "plan_id", "key", "indicator_id", "region", "name_zh", "name_en", "unit", "measure",
    "is_share", "direction", "target_year", "probability", "option", "value",
    "base_year", "base_value", "base_from", "base_low", "base_high", "base_qualifier", "cagr",
    "pp_per_year",
    "rate", "grade", "n_obs", "latest_year", "latest_value", "status", "series_id",
    "series_region"]


@dataclass(frozen=True)
class Base:
    """The level an option's growth is measured from: ``source`` 'plan' (printed),
    'published' (a figure of the base year), 'nowcast' (projected: ``low``–``high`` its 80 %
    interval) or 'none'."""

    year: int | None
    value: float = NAN
    source: str = "none"
    low: float = NAN
    high: float = NAN
    #: how the value is known: exact, or as the plan prints it, lower_bound ("10.5%以上")
    #: or approximate ("左右"); growth from a bound is a bound too
    qualifier: str = "exact"


@dataclass(frozen=True)
class TargetOption:
    """One target row at one probability: the value within reach and what it implies."""

    plan_id: str
    key: str
    indicator_id: str
    region: str
    name_zh: str
    name_en: str
    unit: str
    measure: str
    is_share: bool
    direction: str
    target_year: int
    probability: float
    option: str  # ambitious / moderate / safe, or "" for another probability
    value: float  # in the row's unit (a growth-rate row: % a year)
    base_year: int | None
    base_value: float
    base_from: str
    base_low: float
    base_high: float
    base_qualifier: str
    cagr: float  # growth a year from the base to the value (levels and yearly totals)
    pp_per_year: float  # points a year (shares)
    rate: bool  # the value is a growth rate (a 年均增长 row)
    grade: str
    n_obs: int
    latest_year: int | None
    latest_value: float
    status: str
    series_id: str  # the series projected (a growth row: its level series)
    series_region: str


@dataclass(frozen=True)
class _Row:
    """One plan row's evidence: the series it projects, its side and projection ask."""

    target: Target
    year: int
    iid: str
    region: str
    kind: str  # 'level' | 'flow' | 'rate' | 'none'
    side: Side
    fit: Columns  # the figures a projection is fitted to (``fit_points``)
    ask: S.Ask | None
    given: object | None  # a target-year figure known only as a range


def series_of(t: Target) -> tuple[str, str, str]:
    """(indicator id, region, kind) of the series a row's options project: a growth-rate
    row (年均增长) and a growth comparison project their level series (``subject``), a
    yearly total its yearly figures, the rest their own level."""
    own = (t.indicator.indicator_id, t.indicator.region)
    if t.measure in ("cagr", "growth_comparison"):
        iid, region = split_ref(t.subject, t.indicator.region) if t.subject else own
        return iid, region, "rate" if t.measure == "cagr" else "level"
    if t.measure == "annual_flow":
        return *own, "flow"
    return *own, "level"


def _row(t: Target, year: int, d: BySeries, own_base: bool) -> _Row:
    iid, region, kind = series_of(t)
    probe = t.model_copy(update={"target_year": year})
    if kind == "flow":
        frame = in_unit(flows(d, iid, region), t.indicator.unit)
    elif kind == "rate" or (iid, region) != (t.indicator.indicator_id, t.indicator.region):
        frame = in_one_unit(series(d, iid, region))
    else:
        frame = in_unit(with_base(series(d, iid, region), probe, own_base), t.indicator.unit)
    side = Side.of(frame, year)
    fit = fit_points(side, t.base_year)
    settled = side.at_target is not None and not side.at_target.is_bound and \
        side.at_target.qualifier not in ("approximate", "estimate")
    ask = None
    if not settled and len(fit) >= R.MIN_OBSERVATIONS:
        share = kind == "level" and t.indicator.is_share and iid == t.indicator.indicator_id
        floor = S.stock_floor(side) if t.indicator.is_stock and kind == "level" else None
        ceiling = S.people_ceiling(probe) if kind == "level" else None
        ask = S.ask_for(fit, probe, iid, share, floor, ceiling)
    given = side.at_target if side.at_target is not None and not settled else None
    return _Row(t, year, iid, region, kind, side, fit, ask, given)


def reachable(p: Projection, year: int, probability: float, increasing: bool = True,
              given=None) -> float:
    """The value reached with ``probability`` under ``p`` in ``year``: its (1 − probability)
    quantile for an indicator that should rise, its ``probability`` quantile for one that
    should fall; within the range of a target-year figure known only as a range
    (``given``), the quantile of the projection inside it (``_steps.quantiles_within``)."""
    q = 1.0 - probability if increasing else probability
    within = S.quantiles_within(p, year, [q], given, eps=1e-9)
    if within is not None:
        return float(within[0])
    return float(p.quantile(float(np.clip(q, 1e-9, 1 - 1e-9)), year))


def _nowcast_ask(r: _Row) -> S.Ask | None:
    """The projection of a row's base year from the figures before it, where no figure of
    that year is known (None otherwise, or with too few figures)."""
    B = r.target.base_year
    if B is None or (len(r.side.frame) and (r.side.frame["year"] == B).any()):
        return None
    before = r.fit.where(r.fit["year"] < B) if len(r.fit) else r.fit
    if len(before) < R.MIN_OBSERVATIONS:
        return None
    return S.ask_for(before, r.target.model_copy(update={"target_year": B}), r.iid,
                     r.ask.share if r.ask else False)


def _base(r: _Row, nowcast: Projection | None) -> Base:
    """The level the row's growth is measured from: the plan's printed exact base, a
    published figure of the base year, else the base year's ``nowcast``."""
    t = r.target
    B = t.base_year
    if B is None:
        return Base(None)
    if r.kind != "rate" and t.base_qualifier == "exact" and math.isfinite(t.base_value):
        return Base(B, t.base_value, "plan")
    at = r.side.frame[(r.side.frame["year"] == B)
                      & (r.side.frame["qualifier"].astype(str) == "exact")]
    if len(at):
        return Base(B, float(at["value"].iloc[0]), "published")
    if r.kind != "rate" and math.isfinite(t.base_value):  # printed as a bound or 左右
        q = "approximate" if t.base_qualifier == "around" else "lower_bound"
        return Base(B, t.base_value, "plan", qualifier=q)
    if nowcast is not None:
        lo, hi = nowcast.quantiles([0.1, 0.9], B)
        return Base(B, float(nowcast.point(B)), "nowcast", float(lo), float(hi))
    return Base(B)


def _growths(value: float, base: Base, year: int, r: _Row) -> tuple[float, float, float]:
    """(the value as the row states it, CAGR from the base, points a year from the base)."""
    n = year - base.year if base.year is not None else 0
    if n <= 0 or not math.isfinite(base.value):
        return value, NAN, NAN
    if r.kind == "rate":
        rate = float(growth.implied_cagr(base.value, value, n)) if base.value > 0 else NAN
        return 100.0 * rate, rate, NAN
    if r.target.indicator.is_share:
        return value, NAN, (value - base.value) / n
    cagr = float(growth.implied_cagr(base.value, value, n)) if base.value > 0 and value > 0 \
        else NAN
    return value, cagr, NAN


@dataclass(frozen=True)
class TargetOptions:
    """The options of every row of a plan: ``to_frame()`` one row per target and
    probability; ``paths()`` the pro-rata path of each option from the base; ``projections``
    the projection behind each row (by key), for fan charts."""

    plan: Plan = field(repr=False)
    options: tuple[TargetOption, ...]
    probabilities: tuple[float, ...]
    timing: Timing = field(repr=False)
    projections: dict = field(default_factory=dict, repr=False)
    #: the figures each row's series rests on (by key), for charts
    series: dict = field(default_factory=dict, repr=False)

    def to_frame(self) -> pd.DataFrame:
        f = pd.DataFrame([asdict(o) for o in self.options], columns=OPTION_COLUMNS)
        for c in ("base_year", "latest_year", "target_year"):
            f[c] = f[c].astype("Int64")
        return f

    def paths(self) -> pd.DataFrame:
        """Each option's pro-rata path, year by year from its base to its target year:
        compound growth for levels and totals (x_B·(1+g)^(t−B)), equal points for shares
        (x_B + (t−B)·Δ); rows without a base or a value have none."""
        rows = []
        for o in self.options:
            if o.base_year is None or not math.isfinite(o.base_value) or \
                    not math.isfinite(o.value) or o.rate:
                continue
            n = o.target_year - o.base_year
            for k in range(n + 1):
                v = o.base_value + k * o.pp_per_year if o.is_share else \
                    o.base_value * (1 + o.cagr) ** k if math.isfinite(o.cagr) else NAN
                rows.append({"key": o.key, "probability": o.probability,
                             "year": o.base_year + k, "value": v})
        return pd.DataFrame(rows, columns=["key", "probability", "year", "value"])

    def __len__(self) -> int:
        return len(self.options)

    def __repr__(self) -> str:
        keys = len({o.key for o in self.options})
        return (f"TargetOptions({self.plan.plan_id!r}, {keys} targets × "
                f"{len(self.probabilities)} probabilities)")

    def _repr_html_(self) -> str:
        cols = ["key", "name_zh", "target_year", "probability", "value", "unit", "cagr",
                "pp_per_year", "base_value", "base_from", "grade", "status"]
        return self.to_frame()[cols]._repr_html_()


def check_probabilities(probabilities: Sequence[float]) -> tuple[float, ...]:
    """The probabilities as fractions strictly between 0 and 1, in the order given;
    ValueError else (the command line takes percentages and divides them)."""
    out = []
    for p in probabilities:
        try:
            x = float(p)
        except (TypeError, ValueError):
            x = math.nan
        if not 0 < x < 1:
            raise ValueError(f"probabilities strictly between 0 and 1 such as 0.75, got {p!r}")
        out.append(x)
    if not out:
        raise ValueError("at least one probability")
    return tuple(out)


def options_of(plan: Plan, data: pd.DataFrame, when: Timing, year: int | None = None,
               probabilities: Sequence[float] = PROBABILITIES, method: str = "auto",
               bases: dict[str, Base] | None = None) -> TargetOptions:
    """The options of every row of ``plan`` from the observations ``data`` as known
    ``when``; ``year``: the target year of every row (default: each row's own);
    ``bases``: bases given from outside by key (the final account of the plan a row
    continues), which win over what the row's own figures say."""
    probs = check_probabilities(probabilities)
    d, _ = gather(data, when=when, stocks=plan_stock_ids(plan),
                  bases=plan_bases(plan.targets))
    by_series = BySeries(d)
    own_base = not is_shipped(plan)
    rows = [_row(t, year or t.target_year, by_series, own_base) for t in plan]
    given = bases or {}
    # each row's projection to its target year and, for a base year with no figure, to
    # the base year (its nowcast), made together
    asks: dict[tuple[str, int], S.Ask] = {}
    for i, r in enumerate(rows):
        if r.ask is not None:
            asks["target", i] = r.ask
        now = None if r.target.key in given else _nowcast_ask(r)
        if now is not None:
            asks["base", i] = now
    made = dict(zip(asks, S.project_asks(list(asks.values()), method), strict=True))
    out: list[TargetOption] = []
    for i, r in enumerate(rows):
        out += _options_of_row(r, made.get(("target", i)), probs,
                               given.get(r.target.key) or _base(r, made.get(("base", i))))
    return TargetOptions(plan, tuple(out), probs, when,
                         {rows[i].target.key: p for (what, i), p in made.items()
                          if what == "target"},
                         {r.target.key: r.side.frame for r in rows})


def _options_of_row(r: _Row, p: Projection | None, probs: tuple[float, ...],
                    base: Base) -> list[TargetOption]:
    t, ind = r.target, r.target.indicator
    increasing = ind.direction != "decrease"
    latest = r.side.latest
    grade = evidence_of([resting(r.side, t.base_year, r.fit)], "on_track").grade \
        if len(r.fit) else ""
    known = r.side.at_target if r.side.at_target is not None and r.given is None else None
    status = "known" if known is not None else "ok" if p is not None else \
        "no_history" if r.kind != "none" else "not_applicable"
    out = []
    for prob in probs:
        if known is not None:
            level = float(known.value)
        elif p is not None:
            level = reachable(p, r.year, prob, increasing, r.given)
        else:
            level = NAN
        value, cagr, pp = _growths(level, base, r.year, r) if math.isfinite(level) else \
            (NAN, NAN, NAN)
        out.append(TargetOption(
            plan_id=t.plan_id, key=t.key, indicator_id=ind.indicator_id, region=ind.region,
            name_zh=ind.name_zh, name_en=ind.name_en,
            unit="%" if r.kind == "rate" else ind.unit, measure=t.measure,
            is_share=ind.is_share and r.kind == "level", direction=ind.direction,
            target_year=r.year, probability=prob, option=OPTION_NAMES.get(prob, ""),
            value=value, base_year=base.year, base_value=base.value, base_from=base.source,
            base_low=base.low, base_high=base.high, base_qualifier=base.qualifier,
            cagr=cagr, pp_per_year=pp,
            rate=r.kind == "rate", grade=grade, n_obs=len(r.fit),
            latest_year=None if latest is None else int(latest.year),
            latest_value=NAN if latest is None else float(latest.value), status=status,
            series_id=r.iid, series_region=r.region))
    return out


def target_options(plan=None, actuals=None, year: int | None = None,
                   probabilities: Sequence[float] = PROBABILITIES, *, today=None,
                   as_of=None, method: str = "auto",
                   bases: dict[str, Base] | None = None) -> TargetOptions:
    """What each row of ``plan`` (a shipped plan id, a plan file or a ``Plan``: a draft's
    rows say which indicators and regions to project) can reach by ``year`` (default:
    each row's target year) with each of ``probabilities`` (default 50 / 75 / 90 %):
    ``to_frame()`` one row per target and probability with ``value`` in the row's unit,
    the growth it implies from the base, the evidence grade and a ``status``
    (ok / known / no_history / not_applicable). ``actuals`` as for ``assess`` (a user's
    file is merged over the shipped figures); ``today``/``as_of`` as for ``assess``."""
    p = as_plan(plan)
    if year is not None:
        try:
            year = int(year)
        except (TypeError, ValueError):
            raise ArgumentError(f"argument 'year': expected a year such as 2030, got "
                                f"{year!r}") from None
        early = [t.key for t in p if t.base_year is not None and t.base_year >= year]
        if early:
            raise ArgumentError(f"argument 'year': {year} is not after the base year of "
                                f"{', '.join(early[:5])}")
    try:
        probs = check_probabilities(probabilities)
    except ValueError as e:
        raise ArgumentError(f"argument 'probabilities': expected {e}") from None
    return options_of(p, as_data(actuals, p), timing(as_of, today), year, probs, method,
                      bases)
