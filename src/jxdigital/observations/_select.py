"""Which observation counts when several exist for one indicator-year, and where they disagree.

Only figures comparable with the plan's definition can be selected (``comparable``):
the selected one is the figure used for fitting, and a year with only non-comparable
figures has none selected (pass ``include_noncomparable=True`` to opt in). Among the
eligible, in order (first difference decides):

1. a user's own figure beats the shipped one (``priority``: later frames win);
2. comparable beats not comparable (matters only when opted in);
3. year-end / full-year beats part-year (empty ``as_of``);
4. source type: statistical bulletin > department release > government report >
   white paper > plan document > news > other (``SOURCE_TYPES``);
5. published beats derived;
6. exact / revised / preliminary beat approximate, then bounds, then estimates;
7. later publication beats earlier (a revision beats the first release);
8. then source title, alphabetically, so the choice is always the same.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .. import codes
from ._model import SOURCE_TYPES

QUALIFIER_RANK = {"revised": 0, "exact": 1, "preliminary": 2, "approximate": 3,
                  codes.LOWER_BOUND: 4, codes.UPPER_BOUND: 4, "estimate": 5}
#: Sources further apart than this (relative) are listed by ``conflicts()``.
CONFLICT_TOLERANCE = 0.01
_KEY = ["indicator_id", "region", "year", "measure"]


def _ranked(df: pd.DataFrame, priority: pd.Series | None) -> pd.DataFrame:
    r = df[[*_KEY, "source_title"]].copy(deep=False)  # the ranking needs only these
    r["_priority"] = -(priority.to_numpy() if priority is not None else 0)
    r["_comparable"] = ~df["comparable"].astype(bool)
    r["_part_year"] = df["as_of"].astype(str) != ""
    r["_source"] = df["source_type"].map({s: i for i, s in enumerate(SOURCE_TYPES)})
    r["_derived"] = df["kind"] == "derived"
    r["_qualifier"] = df["qualifier"].map(QUALIFIER_RANK)
    r["_published"] = df["published"].astype(str)
    order = ["_priority", "_comparable", "_part_year", "_source", "_derived", "_qualifier",
             "_published", "source_title"]
    asc = [True, True, True, True, True, True, False, True]
    return r.sort_values(order, ascending=asc, kind="mergesort")


def mark_selected(df: pd.DataFrame, priority: pd.Series | None = None,
                  include_noncomparable: bool = False) -> pd.DataFrame:
    """Add ``selected``: True for the one observation per indicator-region-year-measure
    the rule above picks. Rows keep their order."""
    out = df.copy(deep=False)  # copy-on-write: the caller's frame is never changed
    out["selected"] = False
    eligible = out if include_noncomparable else out[out["comparable"].astype(bool)]
    if eligible.empty:
        return out
    ranked = _ranked(eligible, None if priority is None else priority[eligible.index])
    first = ranked.groupby(_KEY, sort=False).head(1).index
    out.loc[first, "selected"] = True
    return out


def conflicts(df: pd.DataFrame, tolerance: float = CONFLICT_TOLERANCE,
              include_noncomparable: bool = False) -> pd.DataFrame:
    """Indicator-years whose year-end sources disagree by more than ``tolerance`` (relative).

    Each figure stands for a range: an exact (or approximate, estimated, preliminary,
    revised) figure for itself, a lower bound ("6万多", "超8000") for itself and above, an
    upper bound ("近1.04万亿") for itself and below. Sources disagree when no value lies
    within ``tolerance`` of all their ranges: ``spread = max(lows) / min(highs) - 1``.
    Only figures comparable with the plan's definition are compared unless
    ``include_noncomparable``. One row per observation involved, with ``selected``
    showing the rule's choice, so a user can see and override it.
    """
    ye = df[(df["as_of"] == "")]
    if not include_noncomparable:
        ye = ye[ye["comparable"].astype(bool)]
    ye = ye[ye.duplicated(_KEY, keep=False)]  # a figure alone in its year disagrees with none
    ye = ye[ye["unit"] == ye.groupby(_KEY)["unit"].transform("first")]
    v = ye["value"].astype(float)
    low = v.where(ye["qualifier"] != codes.UPPER_BOUND, -np.inf)
    high = v.where(ye["qualifier"] != codes.LOWER_BOUND, np.inf)
    lo = low.groupby([ye[k] for k in _KEY]).transform("max")
    hi = high.groupby([ye[k] for k in _KEY]).transform("min")
    n = ye.groupby(_KEY)["value"].transform("size")
    with np.errstate(divide="ignore", invalid="ignore"):
        spread = np.where(hi > 0, lo / hi - 1, np.where(lo > hi, np.inf, 0.0))
    spread = pd.Series(spread, index=ye.index)
    hit = ye[(n > 1) & (spread > tolerance)].copy()
    hit["spread"] = spread[hit.index]
    cols = ["indicator_id", "region", "year", "measure", "value", "unit", "qualifier", "kind",
            "comparable", "source_type", "source_title", "publisher", "published", "selected",
            "spread"]
    return hit[cols].sort_values([*_KEY, "selected"], ascending=[True] * 4 + [False]) \
        .reset_index(drop=True)


def override_selection(df: pd.DataFrame, indicator_id: str, year: int, source_title: str,
                       region: str = "jiangxi", measure: str = "level") -> pd.DataFrame:
    """Choose another source for one indicator-year (matches ``source_title`` substring)."""
    key = ((df["indicator_id"] == indicator_id) & (df["region"] == region)
           & (df["year"] == year) & (df["measure"] == measure))
    pick = key & df["source_title"].str.contains(source_title, regex=False)
    if pick.sum() != 1:
        titles = df.loc[key, "source_title"].tolist()
        raise ValueError(f"source_title {source_title!r} matches {int(pick.sum())} of the "
                         f"observations of {indicator_id} {region} {year}: {titles}")
    out = df.copy()
    out.loc[key, "selected"] = False
    out.loc[pick, "selected"] = True
    return out
