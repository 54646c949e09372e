"""Step 1 of an assessment: the figures a target is judged on, split around its target year.

``usable`` is the admission rule (comparable, year-end levels known by ``as_of``); a
``Side`` is one series of figures (the target's own, or the national one it is compared
with) split into what the projection rests on (before the target year), the target-year
figure that may settle the outcome, and figures after it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cached_property
from typing import overload

import numpy as np
import pandas as pd

from .. import codes
from ..catalog import Target, conversion_factor
from ..catalog.reference import flow_ids, flow_share_sources, level_ids, stock_ids
from ..observations import (
    APPROXIMATE_HALF_WIDTH,
    LEVEL_MEASURES,
    Resolution,
    apply_resolutions,
    flow_bounds,
    flow_totals,
    growth_levels,
    interval,
    is_usable,
    level_estimates,
    level_spread,
    mark_selected,
    published_by,
    reconcile,
    shipped_actuals,
    stock_bounds,
)
from ._columns import Columns, columns_of, isin
from ._draws import LINK_DRIFT
from ._series import SeriesKey
from ._timing import Timing, cutoff

#: Qualifiers of a value as measured (what ``evidence="strict"`` admits).
POINT_EXACT = (codes.EXACT, codes.REVISED, codes.PRELIMINARY)
#: Qualifiers that state a value itself (not a bound on it).
POINT_QUALIFIERS = ("exact", "revised", "preliminary", "approximate", "estimate")
_POINTS = frozenset(POINT_QUALIFIERS)
_BOUNDS = frozenset((codes.LOWER_BOUND, codes.UPPER_BOUND))

_EMPTY = pd.DataFrame(columns=["year", "value", "qualifier", "source_title", "publisher",
                               "published", "kind", "unit"])


def usable(data: pd.DataFrame, as_of=None, when: Timing | None = None,
           strict: bool = False) -> pd.DataFrame:
    """The observations an assessment may use (``observations.is_usable``: comparable,
    year-end, level or share, known by ``as_of``); ``strict``: exact published figures only
    (no bounds, approximate, estimated or derived ones). See ``evidence``."""
    return gather(data, as_of, when, strict)[0]


def _has_level(rows: pd.DataFrame, data: pd.DataFrame) -> pd.Series:
    """Which of ``rows`` (indicator, region, year) already have a year-end level in ``data``."""
    have = data[data["measure"].isin(LEVEL_MEASURES) & (data["as_of"].astype(str) == "")]
    keys = set(zip(have["indicator_id"], have["region"], have["year"], strict=True))
    return pd.Series([k in keys for k in zip(rows["indicator_id"], rows["region"],
                                              rows["year"], strict=True)], index=rows.index)


def plan_bases(targets) -> pd.DataFrame:
    """The printed exact base-year levels of ``targets``, as rows of an actuals frame."""
    rows = [{"indicator_id": t.indicator.indicator_id, "region": t.indicator.region,
             "year": t.base_year, "as_of": "", "value": t.base_value, "unit": t.indicator.unit,
             "measure": "share_pct" if t.indicator.is_share else "level",
             "qualifier": codes.EXACT, "comparable": True,
             "kind": "published", "source_title": f"规划基期值 (plan baseline, {t.plan_id})",
             "origin": "plan", "selected": True, "published": "", "publisher": ""}
            for t in targets if t.base_year is not None and t.base_value == t.base_value
            and t.base_qualifier == codes.EXACT and t.measure == "level"]
    return pd.DataFrame(rows)


def _known(data: pd.DataFrame, year: int | None, cut: str) -> pd.DataFrame:
    """Every figure known by the cut-off: year-end ones up to ``year``, part-year ones dated
    by ``cut``, published by it where the date is known."""
    if year is None:
        return data[published_by(data["published"], cut)] if cut else data
    part = data["as_of"].astype(str) != ""
    period = (data["year"] <= year).where(~part, published_by(data["as_of"], cut))
    return data[period & published_by(data["published"], cut)]


def gather(data: pd.DataFrame, as_of=None, when: Timing | None = None,
           strict: bool = False, stocks: frozenset[str] | None = None,
           bases: pd.DataFrame | None = None) -> tuple[pd.DataFrame, list[Resolution]]:
    """(the usable observations, how disagreements about running totals were resolved).

    Beyond the year-end figures: a running total's part-year level bounds its year-end
    from below (``stock_bounds``), a yearly total's 1–N月 figure gives the year's total
    over the share of the year it covers (``flow_totals``), a growth rate grows the year
    before's level (``growth_levels``), and where year-end figures of a running total disagree,
    the other figures decide which fits (``reconcile``). The selection rule is applied
    again to what remains (a user's figure first). ``stocks``: the running totals (default:
    the catalogue's, ``data/stocks.csv``; a plan adds its own ``is_stock`` rows); ``bases``:
    the plan's printed base-year levels: where no year-end figure of that year is known,
    each stands for its series (a growth target or a comparison resting on the series reads
    it, and growth rates may grow from it)."""
    year, cut = (when.last_year, when.cutoff) if when is not None else cutoff(as_of)
    known = _known(data, year, cut)
    resolutions: list[Resolution] = []
    if bases is not None and len(bases):
        # a base the plan prints stands for its series wherever no year-end figure of that
        # year is known: a growth target or a comparison resting on the series reads it too
        printed = bases[~_has_level(bases, known)]
        if year is not None:
            printed = printed[printed["year"] <= year]
        if len(printed):
            data = pd.concat([data, printed], ignore_index=True)
            known = pd.concat([known, printed], ignore_index=True)
    if not strict:
        stocks = stock_ids() if stocks is None else stocks
        start = known
        # what part-year figures give rests on the series of the indicators that have
        # some: the rest (a user's thousands of year-end figures) need not be searched
        part = _with_part_year(known)
        learn = _with_part_year(_share_data(known, year, cut))
        totals = flow_totals(part, flow_share_sources(), learn)
        flows = set(flow_ids())
        bounds = flow_bounds(part, flows)
        if len(totals) and len(bounds):  # where the share of the year is known, it says more
            done = set(zip(totals["indicator_id"], totals["region"], totals["year"],
                           strict=True))
            bounds = bounds[[m != "level" or (i, r, y) not in done for i, r, y, m
                             in zip(bounds["indicator_id"], bounds["region"], bounds["year"],
                                    bounds["measure"], strict=True)]]
        skip = set(stocks) | flows
        estimates = level_estimates(part, skip, level_spread(learn, flows),
                                    set(level_ids()) - skip)
        data = pd.concat([data, stock_bounds(part, stocks), growth_levels(start), totals,
                          bounds, estimates], ignore_index=True)
        resolutions = reconcile(known, stocks)
    ok = is_usable(data, year, cut)
    if strict:
        ok &= data["qualifier"].isin(POINT_EXACT) & (data["kind"] == "published")
    d = data[ok].drop(columns="selected")
    priority = pd.Series((d["origin"] != "jxdigital").astype(int).to_numpy(), index=d.index)
    d = apply_resolutions(mark_selected(d, priority=priority), resolutions)
    return d.reset_index(drop=True), resolutions


def _with_part_year(d: pd.DataFrame) -> pd.DataFrame:
    """The figures of the indicators with a part-year figure (``as_of`` set) among ``d``."""
    ids = d["indicator_id"][(d["as_of"].astype(str) != "").to_numpy()].unique()
    return d[d["indicator_id"].isin(ids).to_numpy()]


def _share_data(known: pd.DataFrame, year: int | None, cut: str) -> pd.DataFrame:
    """The figures the share of a year a 1–N月 figure covers is learned from: those known
    by the cut-off, the shipped ones among them (a user's file rarely holds the national
    monthly series)."""
    shipped = shipped_actuals()
    return pd.concat([known, _known(shipped, year, cut)], ignore_index=True) \
        if (~known["origin"].isin(("jxdigital", "plan"))).any() else known


def fit_points(side: Side, base_year: int | None) -> Columns:
    """The figures a projection is fitted to: those before the target year, less bounds
    derived from part-year levels for years before the base year. (A running total's
    year-end "at least its September level" is close to the year-end and is fitted as the
    value, like a published bound; one from early in a year before the plan began, such as
    "800万 at its launch in October 2019", says little of the trend and would inflate it.)
    As ``Columns`` (the frame is ``.frame``)."""
    cols = side.fit_columns
    if not len(cols) or "kind" not in cols or base_year is None:
        return cols
    q = cols["qualifier"]
    bound = isin(q, _BOUNDS)
    if not bound.any():
        return cols  # no bound among them: nothing to leave out
    derived = cols["kind"] == "derived"
    years = cols["year"]
    # a draft looking forward from a base year no figure has reached (十五五 from 2025):
    # every figure is before it; a bound after its last exact figure is the latest word
    # on the trend and stays, one before it ("800万 at its launch") does not
    if base_year > years.max():
        exact = years[~bound]
        base_year = int(exact.max()) if len(exact) else base_year
    keep = ~(derived & bound & (years < base_year))
    # a published bound ("超X", "6万多") is a value only where nothing else would do: fitted
    # as the value it sits below the truth and drags the trend down (BENCHMARKS.md)
    published_bound = bound & ~derived
    if (keep & ~published_bound).sum() >= 2:
        keep &= ~published_bound
    return cols if keep.all() else cols.where(keep)


def resting(side: Side, base_year: int | None,
            fitted: Columns | None = None) -> Columns:
    """The figures a verdict rests on (what its grade speaks of): those its projection is
    fitted to (``fit_points``) and the target-year figure; a bound shown on the chart but
    not fitted ("7000亿以上" in 2019, beside exact figures) is not among them. ``fitted``:
    ``fit_points``' result where the judgement has it already. As ``Columns``."""
    fit = fitted if fitted is not None else fit_points(side, base_year)
    if side.at_target is None:
        return fit
    at = side.frame[side.frame["year"] == side.at_target.year]
    return Columns(pd.concat([fit.frame, at], ignore_index=True))


def _rows_of(cols: Columns, mask: np.ndarray, columns: tuple[str, ...]) -> list[dict]:
    """The rows of ``cols`` in ``mask`` as records of ``columns`` only: most series have
    none, and a record of every column of a wide frame costs a column lookup each."""
    if not mask.any():
        return []
    return cols.frame.loc[mask, list(columns)].to_dict("records")


@dataclass(frozen=True)
class YearTotal:
    """A year's total derived from its 1–N月 figure (``observations.flow_totals``):
    ``part_value`` (in the series' unit) as of ``as_of`` ÷ ``share``, the share of the
    year reached by then in ``share_from`` over ``share_years`` (``low`` to ``high``)."""

    year: int
    as_of: str
    part_value: float
    share: float
    low: float
    high: float
    share_from: str
    share_years: str


def year_totals(frame: pd.DataFrame | Columns) -> tuple[YearTotal, ...]:
    """The year totals among ``frame``'s figures that were derived from part-year ones."""
    cols = columns_of(frame)
    if "share" not in cols:
        return ()
    d = _rows_of(cols, cols.known("share"),
                 ("year", "part_as_of", "value", "share", "share_low", "share_high",
                  "share_from", "share_years"))
    # the part-year figure in the frame's unit (its value is the total, converted)
    return tuple(YearTotal(int(r["year"]), str(r["part_as_of"]),
                           float(r["value"]) * float(r["share"]),
                           float(r["share"]), float(r["share_low"]), float(r["share_high"]),
                           str(r["share_from"]), str(r["share_years"]))
                 for r in d)


@dataclass(frozen=True)
class LevelEstimate:
    """A year-end estimated from a part-year level (``observations.level_estimates``):
    ``part_value`` at ``as_of`` grown at ``pace`` (annual, log) since ``pace_from`` for the
    rest of the year; ``spread``: the relative half-width learned from ``pairs`` pairs."""

    year: int
    as_of: str
    part_value: float
    value: float
    pace: float
    pace_from: str
    spread: float
    pairs: int


def level_estimates_of(frame: pd.DataFrame | Columns) -> tuple[LevelEstimate, ...]:
    """The year-ends among ``frame``'s figures that were estimated from part-year levels."""
    cols = columns_of(frame)
    if "pace" not in cols:
        return ()
    d = _rows_of(cols, cols.known("pace"),
                 ("year", "part_as_of", "value", "pace", "pace_from", "spread", "pairs"))
    # the part-year figure in the frame's unit (its value is the estimate, converted)
    return tuple(LevelEstimate(int(r["year"]), str(r["part_as_of"]),
                               float(r["value"]) / math.exp(
                                   (12 - int(str(r["part_as_of"])[5:7])) / 12 * r["pace"]),
                               float(r["value"]), float(r["pace"]), str(r["pace_from"]),
                               float(r["spread"]), int(r["pairs"]))
                 for r in d)


@dataclass(frozen=True)
class PartYearBound:
    """A year's total known to be at least its 1–N月 count (``observations.flow_bounds``)."""

    year: int
    as_of: str
    value: float


def part_year_bounds_of(frame: pd.DataFrame | Columns) -> tuple[PartYearBound, ...]:
    """The lower bounds among ``frame``'s figures that a part-year count of a yearly total
    gave."""
    cols = columns_of(frame)
    if "part_value" not in cols or "kind" not in cols:
        return ()
    # (a year-end estimated from a level, or a total over its share, is approximate)
    d = _rows_of(cols, cols.known("part_value") & (cols["qualifier"] == codes.LOWER_BOUND)
                 & (cols["kind"] == "derived"), ("year", "part_as_of", "value"))
    return tuple(PartYearBound(int(r["year"]), str(r["part_as_of"]), float(r["value"]))
                 for r in d)


def known_part_year(data: pd.DataFrame, when: Timing) -> pd.DataFrame:
    """The comparable part-year figures (``as_of`` set: ``2024-06-30``, ``2019-10``) known
    by ``when``: dated, and published where the date is known, by its cut-off. ``usable``
    never takes them as a year's value; a reason that finds too few figures says they
    exist, and ``Assessment.unused()`` lists them."""
    d = data[data["measure"].isin(LEVEL_MEASURES) & data["comparable"].astype(bool)
             & (data["as_of"].astype(str) != "")]
    if when.cutoff:
        d = d[published_by(d["as_of"], when.cutoff) & published_by(d["published"],
                                                                      when.cutoff)]
    return d


def _selected_levels(d: pd.DataFrame) -> pd.DataFrame:
    """``series`` for every series of ``d`` at once: the selected levels (or shares),
    sorted by series and year, less the stale lower bounds."""
    s = d[d["selected"] & d["measure"].isin(LEVEL_MEASURES)]
    s = s.sort_values(["indicator_id", "region", "year"], kind="mergesort")
    keys = [s["indicator_id"], s["region"]]
    running = s["value"].where(s["qualifier"] != codes.LOWER_BOUND).groupby(keys).cummax()
    earlier_max = running.groupby(keys).shift()
    stale = (s["qualifier"] == codes.LOWER_BOUND) & (s["value"] <= earlier_max)
    return s[~stale].reset_index(drop=True)


class BySeries:
    """The usable observations ``frame`` with every series' selected levels found once:
    judging many targets reads each series in one step instead of filtering the whole
    frame per target (``series`` and ``flows`` accept it in place of the frame)."""

    def __init__(self, frame: pd.DataFrame):
        self.frame = frame
        self._levels = _selected_levels(frame)
        # sorted by series, so each series' rows are one run: (start, stop)
        ids = self._levels["indicator_id"].astype(str).to_numpy()
        regions = self._levels["region"].astype(str).to_numpy()
        starts: np.ndarray | list[int] = np.flatnonzero(
            np.r_[True, (ids[1:] != ids[:-1]) | (regions[1:] != regions[:-1])]) \
            if len(ids) else []
        stops = np.r_[starts[1:], len(ids)].astype(int) if len(ids) else []
        self._runs = {(ids[a], regions[a]): (int(a), int(b))
                      for a, b in zip(starts, stops, strict=True)}
        # every column read once: a series' columns are slices of these
        self._arrays = {c: self._levels[c].to_numpy() for c in self._levels.columns}
        self._names = frozenset(self._arrays)

    def series(self, indicator_id: str, region: str) -> pd.DataFrame:
        return self.series_columns(indicator_id, region).frame

    def series_columns(self, indicator_id: str, region: str) -> Columns:
        """``series`` as ``Columns``: its columns are slices of the arrays read once, its
        frame is cut when asked for."""
        start, stop = self._runs.get((indicator_id, region), (0, 0))
        return Columns(make=lambda: self._run(start, stop), names=self._names,
                       rows=stop - start, source=(self._arrays, start, stop))

    def _run(self, start: int, stop: int) -> pd.DataFrame:
        run = self._levels.iloc[start:stop]
        run.index = pd.RangeIndex(stop - start)  # a new frame's index: nothing copied
        return run


def series(d: pd.DataFrame | BySeries, indicator_id: str, region: str) -> pd.DataFrame:
    """The selected yearly levels (or shares) of one indicator and region, oldest first.

    A lower bound no higher than an earlier figure ("突破1万亿" after 10378亿) says nothing
    new and would read as a fall: it is left out (coverage and charts still show it).
    """
    return series_columns(d, indicator_id, region).frame


def series_columns(d: pd.DataFrame | BySeries, indicator_id: str, region: str) -> Columns:
    """``series`` as ``Columns`` (its frame is ``.frame``)."""
    if isinstance(d, BySeries):
        return d.series_columns(indicator_id, region)
    return Columns(_selected_levels(d[(d["indicator_id"] == indicator_id)
                                      & (d["region"] == region)]))


def flows(d: pd.DataFrame | BySeries, indicator_id: str, region: str) -> pd.DataFrame:
    """The number added in each year (``new_in_year``) of one indicator and region, oldest
    first; a year with only a level figure counts that (an indicator that is itself a
    yearly count: patents granted in the year)."""
    if isinstance(d, BySeries):
        d = d.frame
    s = d[(d["indicator_id"] == indicator_id) & (d["region"] == region) & d["selected"]
          & d["measure"].isin(("new_in_year", "level"))]
    s = s.sort_values(["year", "measure"], ascending=[True, False], kind="mergesort")
    return s.drop_duplicates("year").reset_index(drop=True)  # new_in_year first


@overload
def in_unit(s: Columns, unit: str) -> Columns: ...
@overload
def in_unit(s: pd.DataFrame, unit: str) -> pd.DataFrame: ...
def in_unit(s: pd.DataFrame | Columns, unit: str) -> pd.DataFrame | Columns:
    """Figures expressed in the plan row's unit (a national plan prints 万亿元 where the
    catalogue stores 亿元); figures whose unit does not convert are left out. (A frame
    comes back as a frame, ``Columns`` as ``Columns``.)"""
    cols = columns_of(s)
    if not len(cols) or "unit" not in cols:
        return s
    units = cols["unit"]
    if (units == unit).all():  # the usual case: already in the row's unit
        return s
    if isinstance(s, Columns):
        return Columns(in_unit(s.frame, unit))
    factors = []
    for u in s["unit"].fillna(unit).astype(str):
        try:
            factors.append(1.0 if u == unit else conversion_factor(u, unit))
        except ValueError:
            factors.append(math.nan)
    f = pd.Series(factors, index=s.index)
    out = s[f.notna()].copy()
    out["value"] = out["value"].astype(float) * f[f.notna()]
    out["unit"] = unit
    return out.reset_index(drop=True)


def with_base(s: pd.DataFrame | Columns, t: Target,
              own: bool = False) -> pd.DataFrame | Columns:
    """Add the plan's own baseline when no figure for the base year is known.

    ``own`` (a user's plan): the plan's baseline also replaces shipped figures for its
    base year, which belong to the shipped plans, not to this one; the user's own
    figures for that year still count. (A frame comes back as a frame, ``Columns`` as
    ``Columns``.)
    """
    if t.base_year is None or math.isnan(t.base_value):
        return s
    cols = columns_of(s)
    at_base = cols["year"] == t.base_year
    if own and at_base.any() and "origin" in cols:
        shipped_base = at_base & (cols["origin"] == "jxdigital")
        if shipped_base.any():
            if isinstance(s, Columns):
                return Columns(with_base(s.frame, t, own))
            s = s[~shipped_base]
            at_base = s["year"].to_numpy() == t.base_year
    if at_base.any():
        return s
    if isinstance(s, Columns):
        return Columns(with_base(s.frame, t, own))
    row = {"year": t.base_year, "value": t.base_value,
           "qualifier": codes.LOWER_BOUND if t.base_qualifier in ("more_than", "at_least")
           else "exact", "source_title": f"规划基期值 (plan baseline, {t.plan_id})",
           "publisher": "", "published": "", "kind": "published", "unit": t.indicator.unit}
    return pd.concat([pd.DataFrame([row]), s], ignore_index=True).sort_values("year") \
        .reset_index(drop=True)


def link_spread(years_since: np.ndarray) -> np.ndarray:
    """The band of a linked figure k years after the splice, as a share of its value:
    ± 2·LINK_DRIFT·√k (about 95 % of the drift of the scope ratio; at least the band of an
    approximate figure)."""
    return np.maximum(2 * LINK_DRIFT * np.sqrt(np.maximum(years_since, 0)),
                      APPROXIMATE_HALF_WIDTH)


def linked_figures(t: Target, linked: str, d: pd.DataFrame):
    """The figures of a series of another definition (``linked``: 'region:id' or 'id'),
    spliced onto ``t``'s own at its base year B: each later figure × r, r = the plan's base
    value / the linked series' value in B (grade C evidence, ``kind`` 'linked'). Returns
    (frame, (key, r, B)), or an empty frame and None where B has no point figure to splice at.
    """
    region, _, iid = linked.rpartition(":")
    key = SeriesKey(iid, region or t.indicator.region)
    other = in_one_unit(series(d, key.indicator_id, key.region))
    B = t.base_year
    at = other[(other["year"] == B) & other["qualifier"].isin(POINT_QUALIFIERS)]
    if B is None or not len(at) or math.isnan(t.base_value) or \
            float(at["value"].iloc[0]) <= 0:
        return _EMPTY.copy(), None
    r = t.base_value / float(at["value"].iloc[0])
    later = other[other["year"] > B].copy()
    later["value"] = later["value"].astype(float) * r
    later["unit"] = t.indicator.unit
    later["kind"] = "linked"
    # the two definitions drift apart: the band widens with the years since the splice
    later["spread"] = link_spread(later["year"].to_numpy(int) - int(B))
    later["qualifier"] = later["qualifier"].replace(
        {codes.EXACT: codes.APPROXIMATE, codes.REVISED: codes.APPROXIMATE,
         codes.PRELIMINARY: codes.APPROXIMATE})
    return later, (key, r, int(B), (key.indicator_id, key.indicator_id))


def in_one_unit(s: pd.DataFrame) -> pd.DataFrame:
    """Figures of one series in a single unit (its latest figure's), so that ratios of
    them mean something when a user's figures and shipped ones are in different units."""
    if not len(s) or "unit" not in s or s["unit"].nunique() <= 1:
        return s
    return in_unit(s, str(s["unit"].iloc[-1]))


@dataclass(frozen=True)
class Figure:
    """One yearly figure as evidence: a value, or a bound on it."""

    year: int
    value: float
    qualifier: str = "exact"
    source: str = ""
    publisher: str = ""
    #: the share of the value either side an approximate figure allows, where it is its
    #: own (a linked figure's grows with the years since the splice); NaN: the default
    spread: float = math.nan

    @property
    def interval(self) -> tuple[float, float]:
        """The values the figure allows: itself, a band around it, or everything above
        (below) a bound (``observations.interval``)."""
        return interval(self.value, self.qualifier, self.spread)

    @property
    def is_bound(self) -> bool:
        return self.qualifier in (codes.LOWER_BOUND, codes.UPPER_BOUND)

    @property
    def open_ends(self) -> tuple[bool, bool]:
        """Whether each end of ``interval`` is excluded: a bound ("超过400", "400多",
        "近400") allows only values beyond its number. ("400以上" is read the same way:
        the published figures do not keep 以上 apart from 超过.)"""
        return self.qualifier == codes.LOWER_BOUND, self.qualifier == codes.UPPER_BOUND

    def all_above(self, x: float, strict: bool) -> bool:
        """Does every value the figure allows exceed ``x`` (``strict``) or reach it?"""
        lo, open_lo = self.interval[0], self.open_ends[0]
        return lo > x or (lo == x and (open_lo or not strict))

    def all_below(self, x: float, strict: bool) -> bool:
        """Does every value the figure allows fall short of ``x`` (``strict``) or stay
        at most at it?"""
        hi, open_hi = self.interval[1], self.open_ends[1]
        return hi < x or (hi == x and (open_hi or not strict))


def _figure_in(cols: Columns, i: int) -> Figure:
    """The figure in row ``i`` (a position) of ``cols``."""
    def col(name, default=None):  # one cell (a row of mixed types would be built whole)
        return cols[name][i] if name in cols else default
    spread = col("spread", math.nan)
    missing = spread != spread if isinstance(spread, float) else \
        spread is None or pd.isna(spread)
    return Figure(year=int(col("year")), value=float(col("value")),
                  qualifier=str(col("qualifier")), source=str(col("source_title")),
                  publisher=str(col("publisher", "") or ""),
                  spread=math.nan if missing else float(spread))


def _figure_at(frame: pd.DataFrame, i: int) -> Figure:
    """The figure in row ``i`` (a position) of ``frame``."""
    return _figure_in(Columns(frame), i)


class Side:
    """One series of figures around a target year ``T``.

    ``frame``: every figure used (oldest first, for charts and years_used); ``fit``: the
    figures before ``T``, which a projection rests on; ``at_target``: the figure for ``T``;
    ``later``: figures after ``T`` (shown, not used). Judging reads their ``Columns``
    (``columns``, ``fit_columns``, ``judged_columns``): each column is read once, and the
    frames are cut only when something asks for them."""

    def __init__(self, columns: Columns, fit: Columns, at_target: Figure | None,
                 later: tuple[Figure, ...]):
        self.columns, self.fit_columns = columns, fit
        self.at_target, self.later = at_target, later

    @property
    def frame(self) -> pd.DataFrame:
        return self.columns.frame

    @property
    def fit(self) -> pd.DataFrame:
        return self.fit_columns.frame

    @classmethod
    def of(cls, frame: pd.DataFrame | Columns, target_year: int) -> Side:
        cols = columns_of(frame)
        if cols.made:
            index = cols.frame.index
            if not (isinstance(index, pd.RangeIndex) and index.start == 0
                    and index.step == 1):
                cols = Columns(cols.frame.reset_index(drop=True))
        years = cols["year"]
        before = years < target_year
        if before.all():  # the usual case: every figure before the target year
            return cls(cols, cols, None, ())
        at = np.flatnonzero(years == target_year)
        return cls(cols, cols.where(before),
                   _figure_in(cols, int(at[0])) if len(at) else None,
                   tuple(_figure_in(cols, int(i)) for i in np.flatnonzero(years > target_year)))

    @classmethod
    def empty(cls) -> Side:
        cols = Columns(_EMPTY.copy())
        return cls(cols, Columns(_EMPTY.copy()), None, ())

    @cached_property
    def judged_columns(self) -> Columns:
        """The figures up to and including the target year (what the verdict rests on)."""
        if self.at_target is None:
            return self.fit_columns
        if not self.later:
            return self.columns
        return self.columns.where(self.columns["year"] <= self.at_target.year)

    @property
    def judged(self) -> pd.DataFrame:
        """The figures up to and including the target year (what the verdict rests on)."""
        return self.judged_columns.frame

    def columns_of(self, frame: pd.DataFrame | Columns) -> Columns:
        """The ``Columns`` of ``frame``: those kept where it is one of this side's."""
        if isinstance(frame, Columns):
            return frame
        for cols in (self.fit_columns, self.columns, self.judged_columns):
            if cols.made and cols.frame is frame:
                return cols
        return Columns(frame)

    @cached_property
    def last_before(self) -> Figure | None:
        """The last figure before the target year (what progress is measured to)."""
        n = len(self.fit_columns)
        return _figure_in(self.fit_columns, n - 1) if n else None

    @property
    def latest(self) -> Figure | None:
        """The figure a judgement speaks of: the target-year one, else the last before."""
        return self.at_target if self.at_target is not None else self.last_before

    @cached_property
    def figures(self) -> tuple[Figure, ...]:
        """Every figure up to and including the target year, oldest first."""
        cols = self.judged_columns
        return tuple(_figure_in(cols, i) for i in range(len(cols)))

    @cached_property
    def _stated(self) -> dict:
        """Year → the first value stated (not bounded) for it in ``frame``."""
        cols = self.columns
        if not len(cols):
            return {}
        years, values = cols["year"], cols["value"]
        first: dict = {}
        for i, q in enumerate(cols["qualifier"]):  # a few figures: no arrays to build
            if q in _POINTS and years[i] not in first:
                first[years[i]] = float(values[i])
        return first

    def exact_in(self, year: int | None) -> float:
        """The value stated (not bounded) for ``year``, else NaN."""
        if year is None:
            return math.nan
        return self._stated.get(year, math.nan)

    @property
    def unit(self) -> str:
        u = self.frame["unit"].dropna() if "unit" in self.frame else pd.Series(dtype=str)
        u = u[u.astype(str) != ""]
        return str(u.iloc[-1]) if len(u) else ""
