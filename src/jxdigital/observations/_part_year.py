"""What a part-year figure says about its year (issue 26).

- **A yearly total's 1–N月 figure bounds the year from below** (``flow_bounds``): the
  number of base stations built, firms cultivated or revenue earned in a year only adds
  up within the year, so a part-year count of a yearly flow (``new_in_year``, or a level
  of an indicator in ``data/flows.csv``) is a lower bound on the year's total. Where the
  share of the year it covers is learned (``flow_totals``), the estimate says more.
- **A part-year level of a series that can fall is a noisy measurement of its year-end**
  (``level_estimates``): 8.34亿 IPv6 users in June 2025 says the year-end is near 8.34亿
  grown at the series' own pace for the rest of the year. How far year-ends sit from that
  guess is learned from the series that have both (``level_spread``): the error
  e = ln(year-end / (part · exp(r · pace))), r = the share of the year still to run,
  pace = the annual log growth from the last year-end before to the part-year figure.
  The year-end is given as an approximate figure (centre part · exp(r · pace), relative
  half-width ``spread`` = max(2·√mean(e²), max |e|)).

Running totals that do not fall keep their own rule (``stock_bounds``: at least the
part-year level); yearly totals are never read as levels.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd

from .. import codes
from ..catalog import conversion_factor
from ._reconcile import APPROXIMATE_HALF_WIDTH, _part_year_ok

#: Fewest (part-year, year-end) pairs before a part-year level is used as a year-end.
MIN_PAIRS = 5
_POINT = (codes.EXACT, codes.REVISED, codes.PRELIMINARY)
#: The columns a year-end estimated from a part-year level adds.
LEVEL_COLUMNS = ["spread", "part_as_of", "part_value", "pace", "pace_from", "pairs"]


@dataclass(frozen=True)
class LevelSpread:
    """How far year-ends sit from a part-year level grown at the series' pace: ``spread``,
    the relative half-width of the band a year-end is given, over ``pairs`` pairs of
    ``series``; ``first_month``: the earliest month among the pairs (a figure from earlier
    in a year is not read: it lies outside what was learned, and a statement early in a
    year often restates the last year-end: 87% of villages "in March 2022" was the end-2021
    figure)."""

    spread: float
    pairs: int
    series: tuple[str, ...]
    first_month: int = 1


@dataclass(frozen=True)
class PartYearPair:
    """A series with a part-year level (``part`` at month ``month`` of ``year``) and the
    year-end of that year (``year_end``), both in the part-year figure's unit; ``guess``:
    the part-year level grown at the series' pace for the rest of the year."""

    series: str
    as_of: str
    year: int
    month: int
    part: float
    year_end: float
    guess: float

    @property
    def error(self) -> float:
        """ln(year-end / guess)."""
        return math.log(self.year_end / self.guess)


def _month(as_of: str) -> int:
    try:
        return int(str(as_of)[5:7])
    except ValueError:
        return 0


def _factor(unit: str, to: str) -> float:
    if unit == to:
        return 1.0
    try:
        return conversion_factor(unit, to)
    except ValueError:
        return math.nan


def _part_levels(df: pd.DataFrame, skip: set[str], levels: set[str] | None = None
                 ) -> pd.DataFrame:
    d = df[(df["as_of"].astype(str) != "") & df["measure"].isin(("level", "share_pct"))
           & df["qualifier"].isin(_POINT) & ~df["indicator_id"].isin(list(skip))]
    if levels is not None:  # only what is known to be a level: a share, or listed
        d = d[(d["measure"] == "share_pct") | (d["unit"].astype(str) == "%")
              | d["indicator_id"].isin(list(levels))]
    d = d[_part_year_ok(d)]
    months = d["as_of"].astype(str).map(_month)
    return d[(months >= 1) & (months <= 12)]


def _of_indicators(df: pd.DataFrame, part: pd.DataFrame) -> pd.DataFrame:
    """The rows of ``df`` of the indicators in ``part``: each series' year-ends are then
    found among a few rows, not among every figure (a user's file of thousands)."""
    return df[df["indicator_id"].isin(part["indicator_id"].unique())]


def _year_ends(df: pd.DataFrame) -> pd.DataFrame:
    return df[(df["as_of"].astype(str) == "") & df["measure"].isin(("level", "share_pct"))
              & df["comparable"].astype(bool)
              & df["qualifier"].isin((*_POINT, codes.APPROXIMATE))]


#: One series' year-end figures, in the frame's order: (years, values, units).
Ends = tuple[list, list, list]


def _ends_by_series(ends: pd.DataFrame) -> dict[tuple[str, str], Ends]:
    """``ends`` split by series (indicator, region) in one pass, each in the frame's order
    (a series' year-ends looked up per part-year figure were a frame search each)."""
    out: dict[tuple[str, str], Ends] = {}
    for iid, region, y, v, u in zip(ends["indicator_id"], ends["region"], ends["year"].tolist(),
                                    ends["value"].tolist(), ends["unit"].tolist(), strict=True):
        years, values, units = out.setdefault((iid, region), ([], [], []))
        years.append(y)
        values.append(v)
        units.append(u)
    return out


def _pace(ends: Ends, year: int, month: int, value: float, unit: str) -> tuple[float, str]:
    """(annual log growth from the last year-end before ``year`` to ``value`` at ``month``
    of ``year``, 'YYYY value unit' of that year-end); NaN where there is none. The last
    year-end: of the latest year before ``year``, the last given for it."""
    years, values, units = ends
    last = None
    for i, y in enumerate(years):
        if y < year and (last is None or y >= years[last]):
            last = i
    if last is None:
        return math.nan, ""
    v = float(values[last]) * _factor(str(units[last]), unit)
    years_since = (year - 1 - int(years[last])) + month / 12
    if not (v > 0 and value > 0 and years_since > 0):
        return math.nan, ""
    return (math.log(value / v) / years_since,
            f"{int(years[last])} {float(values[last]):g} {units[last]}")


def part_year_pairs(df: pd.DataFrame, skip: set[str]) -> list[PartYearPair]:
    """Every series of ``df`` with a part-year level, the year-end of the same year and one
    before it (for the pace), one pair per series, year and month (``skip``: indicators
    that are not levels: yearly totals)."""
    part = _part_levels(df, skip)
    ends = _ends_by_series(_year_ends(_of_indicators(df, part)))
    out = []
    for (iid, region), rows in part.groupby(["indicator_id", "region"], sort=True):
        mine = ends.get((iid, region), ([], [], []))
        seen = set()
        for r in rows.sort_values("as_of", kind="mergesort").itertuples():
            m = _month(r.as_of)
            same = next((i for i, y in enumerate(mine[0]) if y == r.year), None)
            if m >= 12 or same is None or (r.year, m) in seen:
                continue
            seen.add((r.year, m))
            ye = float(mine[1][same]) * _factor(str(mine[2][same]), r.unit)
            pace, _ = _pace(mine, int(r.year), m, float(r.value), str(r.unit))
            if math.isnan(pace) or not ye > 0:
                continue
            out.append(PartYearPair(f"{region}:{iid}", str(r.as_of), int(r.year), m,
                                    float(r.value), ye,
                                    float(r.value) * math.exp((12 - m) / 12 * pace)))
    return out


def level_spread(df: pd.DataFrame, skip: set[str]) -> LevelSpread | None:
    """The error of the part-year guess of a year-end over ``part_year_pairs``; None with
    fewer than ``MIN_PAIRS`` pairs."""
    pairs = part_year_pairs(df, skip)
    if len(pairs) < MIN_PAIRS:
        return None
    e = np.array([p.error for p in pairs])
    # centred on the guess itself (no learned shift: a handful of pairs from growing
    # series would pull a flat share down), wide enough for the root-mean-square error
    # twice over and for the largest one
    half = max(2 * float(np.sqrt(np.mean(e ** 2))), float(np.abs(e).max()))
    return LevelSpread(max(half, APPROXIMATE_HALF_WIDTH), len(e),
                       tuple(sorted({p.series for p in pairs})),
                       min(p.month for p in pairs))


def level_estimates(df: pd.DataFrame, skip: set[str], spread: LevelSpread | None,
                    levels: set[str]) -> pd.DataFrame:
    """Year-ends estimated from part-year levels (see the module docstring): one derived,
    approximate row per indicator-region-year with a part-year level (its latest) and a
    year-end before it, where the year has no year-end level. Only shares and the
    indicators known to be levels (``levels``: ``data/levels.csv``) are read so: a figure
    of an indicator of unknown kind may be a part-year total (产值 1–6月) and is left
    unused. ``skip``: running totals (their own rule) and yearly totals."""
    if spread is None:
        return df.iloc[0:0]
    part = _part_levels(df, skip, levels)
    if not len(part):
        return df.iloc[0:0]
    ends = _year_ends(_of_indicators(df, part))
    have = set(zip(ends["indicator_id"], ends["region"], ends["year"], strict=True))
    by_series = _ends_by_series(ends)
    part = part.assign(part_month=part["as_of"].astype(str).map(_month))
    latest = part.sort_values(["part_month", "as_of"], kind="mergesort").groupby(
        ["indicator_id", "region", "year"]).tail(1)
    rows = []
    for r in latest.itertuples():
        if (r.indicator_id, r.region, r.year) in have or r.part_month < spread.first_month:
            continue
        mine = by_series.get((r.indicator_id, r.region), ([], [], []))
        pace, pace_from = _pace(mine, int(r.year), int(r.part_month), float(r.value), str(r.unit))
        if math.isnan(pace):
            continue
        rest = (12 - int(r.part_month)) / 12
        value = float(r.value) * math.exp(rest * pace)
        if r.measure == "share_pct":
            value = min(max(value, 0.0), 100.0)
        rows.append(r._asdict() | {
            "as_of": "", "value": value, "qualifier": codes.APPROXIMATE, "kind": "derived",
            "comparable": True, "scope_note": "", "selected": True, "spread": spread.spread,
            "part_as_of": str(r.as_of), "part_value": float(r.value), "pace": pace,
            "pace_from": pace_from, "pairs": spread.pairs,
            "derived_from": f"part-year level {float(r.value):g} {r.unit} at {r.as_of} "
                            f"({r.source_title}) grown for the rest of the year at the "
                            f"pace since {pace_from} ({pace * 100:+.1f}% a year, log); "
                            f"±{spread.spread * 100:.0f}% learned from {spread.pairs} "
                            f"part-year/year-end pairs",
            "note": f"year-end ≈ the level at {r.as_of} grown at its pace"})
    if not rows:
        return df.iloc[0:0]
    out = pd.DataFrame(rows, columns=[*df.columns, *LEVEL_COLUMNS])
    return out.drop(columns=["Index", "part_month"], errors="ignore")


def flow_bounds(df: pd.DataFrame, flows: set[str]) -> pd.DataFrame:
    """Year totals bounded from below by part-year ones: per indicator-region-year and
    measure, the largest 1–N月 count of a ``new_in_year`` figure (any indicator) or of a
    level of a yearly total (``flows``), where the year has no full-year figure of that
    measure. Derived lower bounds."""
    d = df[(df["as_of"].astype(str) != "") & df["qualifier"].isin(
        (*_POINT, codes.LOWER_BOUND))
        & ((df["measure"] == "new_in_year")
           | ((df["measure"] == "level") & df["indicator_id"].isin(list(flows))))]
    d = d[_part_year_ok(d)]
    if not len(d):
        return df.iloc[0:0]
    full = df[(df["as_of"].astype(str) == "") & df["comparable"].astype(bool)]
    have = set(zip(full["indicator_id"], full["region"], full["year"], full["measure"],
                   strict=True))
    top = d.sort_values("value", kind="mergesort").groupby(
        ["indicator_id", "region", "year", "measure"]).tail(1)
    rows = []
    for r in top.itertuples():
        if (r.indicator_id, r.region, r.year, r.measure) in have:
            continue
        m = _month(r.as_of)
        rows.append(r._asdict() | {
            "as_of": "", "qualifier": codes.LOWER_BOUND, "kind": "derived",
            "comparable": True, "scope_note": "", "selected": True,
            "part_as_of": str(r.as_of), "part_value": float(r.value),
            "derived_from": f"1–{m}月 {float(r.value):g} {r.unit} ({r.source_title}): "
                            "a total over the year only adds up within it",
            "note": f"year total ≥ 1–{m}月"})
    if not rows:
        return df.iloc[0:0]
    out = pd.DataFrame(rows, columns=[*df.columns, "part_as_of", "part_value"])
    return out.drop(columns="Index", errors="ignore")
