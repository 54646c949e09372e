"""What a judgement says of the derived figures it rests on: year totals from 1–N月
figures (``YearTotal``), year-ends estimated from part-year levels (``LevelEstimate``) and
totals known to be at least their 1–N月 count (``PartYearBound``), read from the columns
``observations`` gives those figures."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd

from .. import codes
from ._columns import Columns, columns_of


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
