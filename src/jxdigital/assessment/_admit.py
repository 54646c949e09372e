"""Step 1 of an assessment: which figures it may use (``gather``).

``usable`` is the admission rule (comparable, year-end levels known by ``as_of``); beyond
the year-end figures, the part-year ones, growth rates and the plan's printed bases give
year-ends of their own, and disagreements about a running total are settled by the rest.
"""

from __future__ import annotations

import pandas as pd

from .. import codes
from ..catalog.reference import flow_ids, flow_share_sources, level_ids, stock_ids
from ..observations import (
    LEVEL_MEASURES,
    Resolution,
    apply_resolutions,
    flow_bounds,
    flow_totals,
    growth_levels,
    is_usable,
    level_estimates,
    level_spread,
    mark_selected,
    published_by,
    reconcile,
    shipped_actuals,
    stock_bounds,
)
from ._timing import Timing, cutoff

#: Qualifiers of a value as measured (what ``evidence="strict"`` admits).
POINT_EXACT = (codes.EXACT, codes.REVISED, codes.PRELIMINARY)


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
    if bases is not None and len(bases):
        data, known = _with_printed_bases(data, known, bases, year)
    resolutions: list[Resolution] = []
    if not strict:
        stocks = stock_ids() if stocks is None else stocks
        data = pd.concat([data, *_derived_figures(known, year, cut, stocks)], ignore_index=True)
        resolutions = reconcile(known, stocks)
    ok = is_usable(data, year, cut)
    if strict:
        ok &= data["qualifier"].isin(POINT_EXACT) & (data["kind"] == "published")
    d = data[ok].drop(columns="selected")
    priority = pd.Series((d["origin"] != "jxdigital").astype(int).to_numpy(), index=d.index)
    d = apply_resolutions(mark_selected(d, priority=priority), resolutions)
    return d.reset_index(drop=True), resolutions


def _with_printed_bases(data: pd.DataFrame, known: pd.DataFrame, bases: pd.DataFrame,
                        year: int | None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """``data`` and ``known`` with the plan's printed bases where no year-end figure of
    that year is known: a growth target or a comparison resting on the series reads it
    too."""
    printed = bases[~_has_level(bases, known)]
    if year is not None:
        printed = printed[printed["year"] <= year]
    if not len(printed):
        return data, known
    return (pd.concat([data, printed], ignore_index=True),
            pd.concat([known, printed], ignore_index=True))


def _derived_figures(known: pd.DataFrame, year: int | None, cut: str,
                     stocks: frozenset[str]) -> list[pd.DataFrame]:
    """The year-end figures the other figures give: a running total's bound from its
    part-year level, a yearly total from its 1–N月 figure over the share of the year (else
    a bound), a level grown by its rate, a level estimated from a part-year one."""
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
    return [stock_bounds(part, stocks), growth_levels(start), totals, bounds, estimates]


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
