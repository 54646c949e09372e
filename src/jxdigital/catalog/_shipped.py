"""Whether a plan is the shipped catalogue's, and what a user's plan that reuses shipped
indicator ids is judged on (said once per load, and by ``jxdigital validate``)."""

from __future__ import annotations

import warnings
from functools import lru_cache
from pathlib import Path

from .._data import data_path
from ._models import USER_REGION, Plan
from ._units import conversion_factor
from .reference import shipped_units


@lru_cache(maxsize=1)
def _shipped_catalogue() -> Path | None:
    """The shipped catalogue's path, resolved once (each ``resolve`` walks the path with an
    ``lstat`` per part: once per target came to thousands); None where it is not found."""
    try:
        return data_path("indicators.csv").resolve()
    except (OSError, FileNotFoundError):
        return None


def is_shipped(plan: Plan) -> bool:
    """Was ``plan`` read from the shipped catalogue (not from a user's file)?"""
    if not plan.path:
        return False
    shipped = _shipped_catalogue()
    if shipped is None:
        return False
    try:
        return Path(plan.path).resolve() == shipped
    except (OSError, FileNotFoundError):
        return False


def shipped_ids_note(plan: Plan) -> str | None:
    """What a user's plan reusing shipped indicator ids is judged on (None when it reuses
    none, or is shipped itself): shown once per load as a ``UserWarning`` and by
    ``jxdigital validate``."""
    if is_shipped(plan):
        return None
    shipped = shipped_units()
    shared = list({t.indicator_id: t.indicator for t in plan
                   if t.indicator_id in shipped}.values())
    if not shared:
        return None
    ids = ", ".join(ind.indicator_id for ind in shared)
    head = f"{plan.path or plan.plan_id}: indicator id(s) also in the shipped catalogue: {ids}."
    if plan.region == USER_REGION:
        return (f"{head} The file has no region column, so its region is {USER_REGION!r} and "
                "no shipped figures are used for them. Add a region column (e.g. 'jiangxi') "
                "if the rows are that region's series, or rename the ids if they mean "
                "something else.")
    converted, dropped = [], []
    for ind in shared:
        theirs = shipped[ind.indicator_id]
        if theirs == ind.unit:
            continue
        try:
            conversion_factor(theirs, ind.unit)
            converted.append(f"{ind.indicator_id} {theirs} → {ind.unit or '(no unit)'}")
        except ValueError:
            dropped.append(f"{ind.indicator_id} {theirs} vs {ind.unit or '(no unit)'}")
    units = ""
    if converted:
        units += f" Shipped figures are converted to your units ({'; '.join(converted)})."
    if dropped:
        units += f" Shipped figures in other units are not used ({'; '.join(dropped)})."
    return (f"{head} They are judged on your figures and on shipped figures for "
            f"{'region' if len(plan.regions) == 1 else 'regions'} "
            f"{', '.join(map(repr, plan.regions))} only; the plan's own base-year values are "
            f"kept.{units} Rename "
            "the ids if they mean something else.")


def warn_shipped_ids(plan: Plan) -> None:
    """Warn (``UserWarning``) when a user's plan reuses shipped indicator ids."""
    note = shipped_ids_note(plan)
    if note is not None:
        warnings.warn(note, UserWarning, stacklevel=3)
