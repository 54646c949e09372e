"""Yearly actuals with provenance: the shipped set, users' files, selection and coverage."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..catalog import DEFAULT_PLAN, Plan, load_plan
from ..catalog.reference import plan_stock_ids, stock_ids
from ._coverage import LEGEND, Coverage
from ._coverage import coverage as _coverage
from ._flows import YearShare, as_of_month, flow_totals, year_shares
from ._load import (
    HEADER_WORDS,
    ActualsError,
    actuals,
    load_actuals,
    merge_actuals,
    read_observations,
    shipped_actuals,
)
from ._model import COLUMNS, SOURCE_TYPES, Observation
from ._numbers import QUALIFIERS, parse_number
from ._part_year import (
    LevelSpread,
    PartYearPair,
    flow_bounds,
    level_estimates,
    level_spread,
    part_year_pairs,
)
from ._reconcile import (
    APPROXIMATE_HALF_WIDTH,
    Resolution,
    apply_resolutions,
    growth_levels,
    interval,
    reconcile,
    stock_bounds,
)
from ._select import CONFLICT_TOLERANCE, QUALIFIER_RANK, mark_selected, override_selection
from ._select import conflicts as _conflicts
from ._usable import JUDGED_MEASURES, LEVEL_MEASURES, is_usable, published_by


def conflicts(data: pd.DataFrame | None = None, tolerance: float = CONFLICT_TOLERANCE,
              include_noncomparable: bool = False) -> pd.DataFrame:
    """Indicator-years whose sources disagree by more than 1 % (default: the shipped set);
    bounds ("6万多") count as ranges. Non-comparable figures only when asked.

    Where the other figures settle a running total's disagreement (``reconcile``), the
    rows say so: ``resolution`` ``used`` / ``not used`` / ``undecided`` and ``why`` (the
    statements that decided); elsewhere the selection rule's choice stands (``selected``)."""
    data = actuals() if data is None else data
    out = _conflicts(data, tolerance, include_noncomparable)
    out["resolution"], out["why"] = "", ""
    for r in reconcile(data, stock_ids()):
        rows = ((out["indicator_id"] == r.indicator_id) & (out["region"] == r.region)
                & (out["year"] == r.year))
        if not r.decided:
            out.loc[rows, "resolution"] = "undecided"
            continue
        assert r.used is not None  # a decided resolution names the figure used
        used = rows & (out["value"] == r.used[0]) & (out["qualifier"] == r.used[1])
        out.loc[rows, "resolution"] = "not used"
        out.loc[used, "resolution"] = "used"
        out.loc[rows, "why"] = "; ".join(r.evidence)
    return out


def coverage(plan: str | Path | Plan | None = None, data: pd.DataFrame | None = None,
             years: range | None = None) -> Coverage:
    """Indicator × year: which values exist, how many sources back each, what is missing.
    Where a running total's sources disagree and the other figures settle it, the cell shows
    the figure the assessment uses (``reconcile``)."""
    if not isinstance(plan, Plan):
        plan = load_plan(DEFAULT_PLAN if plan is None else plan)
    data = actuals() if data is None else data
    return _coverage(plan, apply_resolutions(data, reconcile(data, plan_stock_ids(plan))),
                     years)


__all__ = [
    "APPROXIMATE_HALF_WIDTH",
    "COLUMNS",
    "CONFLICT_TOLERANCE",
    "HEADER_WORDS",
    "JUDGED_MEASURES",
    "LEGEND",
    "LEVEL_MEASURES",
    "QUALIFIERS",
    "QUALIFIER_RANK",
    "SOURCE_TYPES",
    "ActualsError",
    "Coverage",
    "LevelSpread",
    "Observation",
    "PartYearPair",
    "Resolution",
    "YearShare",
    "actuals",
    "apply_resolutions",
    "as_of_month",
    "conflicts",
    "coverage",
    "flow_bounds",
    "flow_totals",
    "growth_levels",
    "interval",
    "is_usable",
    "level_estimates",
    "level_spread",
    "load_actuals",
    "mark_selected",
    "merge_actuals",
    "override_selection",
    "parse_number",
    "part_year_pairs",
    "published_by",
    "read_observations",
    "reconcile",
    "shipped_actuals",
    "stock_bounds",
    "year_shares",
]
