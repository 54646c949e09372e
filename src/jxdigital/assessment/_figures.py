"""A target's figures around its target year: a ``Side`` is one series (the target's own,
or the one it is compared with) split into what the projection rests on (before the target
year), the target-year ``Figure`` that may settle the outcome, and figures after it;
``fit_points`` and ``resting`` say which of them a projection and a verdict rest on.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cached_property

import numpy as np
import pandas as pd

from .. import codes
from ..observations import interval
from ._columns import Columns, columns_of, isin

#: Qualifiers that state a value itself (not a bound on it).
POINT_QUALIFIERS = ("exact", "revised", "preliminary", "approximate", "estimate")
_POINTS = frozenset(POINT_QUALIFIERS)
_BOUNDS = frozenset((codes.LOWER_BOUND, codes.UPPER_BOUND))

EMPTY = pd.DataFrame(columns=["year", "value", "qualifier", "source_title", "publisher",
                              "published", "kind", "unit"])


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
        cols = Columns(EMPTY.copy())
        return cls(cols, Columns(EMPTY.copy()), None, ())

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
