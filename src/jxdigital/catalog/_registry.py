"""Every indicator the library knows: those of the shipped plans and the context series.

Actuals are checked against this registry (ids, Chinese names, units).
"""

from __future__ import annotations

from functools import lru_cache

import pandas as pd

from .._data import data_path
from ._load import load_plan
from ._models import Plan
from ._read import read_table
from ._shipped import is_shipped, shipped_ids_note, warn_shipped_ids
from ._units import lookup_unit
from .reference import shipped_plan_ids

REGISTRY_COLUMNS = ["indicator_id", "name_zh", "name_en", "label_zh", "unit", "unit_base",
                    "unit_scale", "is_share", "defined_in"]


@lru_cache(maxsize=1)
def _shipped_registry() -> pd.DataFrame:
    rows: dict[str, dict] = {}
    for plan_id in shipped_plan_ids():  # plans.csv order: the main table first, so its units win
        _add_plan(rows, load_plan(plan_id))
    for r in read_table(data_path("series.csv")).to_dict("records"):
        if r["indicator_id"] not in rows:
            u = lookup_unit(r["unit"])
            rows[r["indicator_id"]] = {
                "indicator_id": r["indicator_id"], "name_zh": r["name_zh"],
                "name_en": r["name_en"], "label_zh": f"{r['name_zh']}({r['unit']})",
                "unit": r["unit"], "unit_base": u.base, "unit_scale": u.scale,
                "is_share": r["is_share"] == "true", "defined_in": "series.csv"}
    return pd.DataFrame(list(rows.values()), columns=REGISTRY_COLUMNS)


def _add_plan(rows: dict[str, dict], plan: Plan) -> None:
    for ind in plan.indicators:
        if ind.indicator_id not in rows:
            rows[ind.indicator_id] = {
                "indicator_id": ind.indicator_id, "name_zh": ind.name_zh,
                "name_en": ind.name_en, "label_zh": ind.label_zh, "unit": ind.unit,
                "unit_base": ind.unit_base, "unit_scale": ind.unit_scale,
                "is_share": ind.is_share, "defined_in": plan.plan_id}


def indicator_registry(plan: Plan | None = None) -> pd.DataFrame:
    """Known indicators: a user's ``plan`` first (its units win), then the shipped ones."""
    shipped = _shipped_registry()
    if plan is None:
        return shipped.copy()
    rows: dict[str, dict] = {}
    _add_plan(rows, plan)
    mine = pd.DataFrame(list(rows.values()), columns=REGISTRY_COLUMNS)
    rest = shipped[~shipped["indicator_id"].isin(mine["indicator_id"])]
    return pd.concat([mine, rest], ignore_index=True)


__all__ = ["REGISTRY_COLUMNS", "indicator_registry", "is_shipped", "shipped_ids_note",
           "warn_shipped_ids"]
