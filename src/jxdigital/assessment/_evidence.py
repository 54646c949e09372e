"""The figures a target is judged on: one series' selected yearly levels (``series``; many
targets read them from ``BySeries``, each series found once), its yearly flows, in the
row's unit, with the plan's own baseline (``with_base``), or linked from a series of
another definition (``linked_figures``).

The steps around it have modules of their own (``_admit``: which figures an assessment may
use; ``_figures``: a series split around its target year; ``_derived``: the derived
figures a judgement rests on); their names are still found here.
"""

from __future__ import annotations

import math
from typing import overload

import numpy as np
import pandas as pd

from .. import codes
from ..catalog import Target, conversion_factor
from ..observations import APPROXIMATE_HALF_WIDTH, LEVEL_MEASURES
from ._admit import POINT_EXACT, gather, known_part_year, usable
from ._columns import Columns, columns_of
from ._derived import (
    LevelEstimate,
    PartYearBound,
    YearTotal,
    level_estimates_of,
    part_year_bounds_of,
    year_totals,
)
from ._draws import LINK_DRIFT
from ._figures import EMPTY, POINT_QUALIFIERS, Figure, Side, fit_points, resting
from ._series import SeriesKey


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
        return EMPTY.copy(), None
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


__all__ = [
    "POINT_EXACT", "POINT_QUALIFIERS", "BySeries", "Figure", "LevelEstimate", "PartYearBound",
    "Side", "YearTotal", "fit_points", "flows", "gather", "in_one_unit", "in_unit",
    "known_part_year", "level_estimates_of", "link_spread", "linked_figures",
    "part_year_bounds_of", "plan_bases", "resting", "series", "series_columns", "usable",
    "with_base", "year_totals",
]
