"""Tidy DataFrames of a plan: the catalogue view and the growth audit."""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
import pandas as pd

from ._constants import ATTRIBUTE_EN, AUDIT_FLAG_PP
from ._target import Target

PLAN_COLUMNS = [
    "plan_id", "seq", "indicator_id", "key", "name_zh", "name_en", "category_zh", "category_en",
    "unit", "unit_base", "unit_scale", "is_share", "direction", "measure", "region",
    "base_year", "base_value", "base_text", "base_qualifier",
    "target_year", "target_value", "target_high", "target_text", "comparator", "tolerance",
    "target_low_met", "target_high_met",
    "stated_growth_text", "stated_growth", "implied_cagr", "implied_pp_per_year",
    "attribute", "attribute_en", "reference", "source_doc", "source_location", "source_quote",
    "note",
]


def plan_frame(targets: Sequence[Target]) -> pd.DataFrame:
    """One row per target (a plan's, in its order): printed texts, parsed meaning, implied
    growth, source."""
    rows = []
    for t in targets:
        ind = t.indicator
        low, high = t.met_range
        rows.append({
            "plan_id": t.plan_id, "seq": t.seq, "indicator_id": ind.indicator_id,
            "key": t.key,
            "name_zh": ind.name_zh, "name_en": ind.name_en,
            "category_zh": ind.category_zh, "category_en": ind.category_en,
            "unit": ind.unit, "unit_base": ind.unit_base, "unit_scale": ind.unit_scale,
            "is_share": ind.is_share, "direction": ind.direction, "measure": t.measure,
            "region": ind.region,
            "base_year": math.nan if t.base_year is None else float(t.base_year),
            "base_value": t.base_value, "base_text": t.base_text,
            "base_qualifier": t.base_qualifier,
            "target_year": float(t.target_year), "target_value": t.target_value,
            "target_high": t.target_high, "target_text": t.target_text,
            "comparator": t.comparator, "tolerance": t.effective_tolerance,
            "target_low_met": low, "target_high_met": high,
            "stated_growth_text": t.stated_growth_text, "stated_growth": t.stated_growth,
            "implied_cagr": t.implied_cagr, "implied_pp_per_year": t.implied_pp_per_year,
            "attribute": t.attribute, "attribute_en": ATTRIBUTE_EN.get(t.attribute, t.attribute),
            "reference": t.reference, "source_doc": t.source.doc,
            "source_location": t.source.location, "source_quote": t.source.quote,
            "note": t.note,
        })
    return pd.DataFrame(rows, columns=PLAN_COLUMNS)


def audit_frame(targets: Sequence[Target]) -> pd.DataFrame:
    """Implied CAGR (base→target) against the growth the plan states.

    ``gap_pp = (implied_cagr - stated_cagr) * 100``; ``flagged = |gap_pp| > 0.5``.
    ``target_at_stated_rate = base * (1 + stated) ** years`` shows where the stated
    rate would lead. ``approximate`` marks rows whose base or target is a bound
    (``>3000``, ``10以上``), so the implied rate is a bound too.
    """
    f = plan_frame(targets)
    years = f["target_year"] - f["base_year"]
    with np.errstate(invalid="ignore"):
        at_stated = f["base_value"] * (1 + f["stated_growth"]) ** years
    gap = (f["implied_cagr"] - f["stated_growth"]) * 100
    out = pd.DataFrame({
        "plan_id": f["plan_id"], "indicator_id": f["indicator_id"], "key": f["key"],
        "region": f["region"], "name_zh": f["name_zh"], "name_en": f["name_en"],
        "unit": f["unit"], "is_share": f["is_share"],
        "base_year": f["base_year"], "base_value": f["base_value"], "base_text": f["base_text"],
        "target_year": f["target_year"], "target_value": f["target_value"],
        "target_text": f["target_text"],
        "implied_cagr": f["implied_cagr"], "stated_cagr": f["stated_growth"],
        "stated_growth_text": f["stated_growth_text"],
        "gap_pp": gap, "flagged": gap.abs() > AUDIT_FLAG_PP,
        "target_at_stated_rate": at_stated,
        "implied_pp_per_year": f["implied_pp_per_year"].where(f["is_share"]),
        "approximate": (f["base_qualifier"].isin(["more_than", "at_least", "around"])
                        | f["comparator"].isin(["more_than", "at_least", "around"])),
    })
    out["check"] = [_check_text(r) for r in out.itertuples()]
    return out


def _check_text(r) -> str:
    if math.isnan(r.implied_cagr):
        if not math.isnan(r.implied_pp_per_year):
            return f"share: {r.implied_pp_per_year:+.2f} points a year implied"
        return "no base→target pair to check"
    if math.isnan(r.stated_cagr):
        return f"implied {r.implied_cagr:.1%} a year; the plan states no rate"
    verdict = "does not match" if r.flagged else "matches"
    return (f"implied {r.implied_cagr:.1%} vs stated {r.stated_cagr:.1%} "
            f"({r.gap_pp:+.1f} points): {verdict}; the stated rate reaches "
            f"{r.target_at_stated_rate:,.4g} by {int(r.target_year)}")
