"""Which figures a judgement may use: one admission rule for assessment, coverage and charts.

A figure is usable when it is comparable with the plan's definition, a year-end (or
full-year) value (no ``as_of``), a level, a share or the number added in the year, for a
period up to the last year
admitted, and published by the cut-off where its publication date is known.
"""

from __future__ import annotations

import pandas as pd

#: Measures that are a series' level (a count, an amount, a share), not its growth.
LEVEL_MEASURES = ("level", "share_pct")
#: Measures a judgement may use: levels, and the number added in a year (for targets set
#: per year, 每年培育100家).
JUDGED_MEASURES = (*LEVEL_MEASURES, "new_in_year")


def published_by(published: pd.Series, cutoff: str) -> pd.Series:
    """True where the publication date is unknown or on or before ``cutoff`` (ISO); a date
    given only as a year or month counts from the end of that year or month."""
    p = published.fillna("").astype(str)
    full = p.where(p.str.len() != 4, p + "-12-31")
    full = full.where(full.str.len() != 7, full + "-31")
    return (p == "") | (full <= cutoff)


def is_usable(data: pd.DataFrame, last_year: int | None = None, cutoff: str = "") -> pd.Series:
    """Per row of an actuals frame: may a judgement use it (see the module docstring)?
    ``last_year``/``cutoff``: the last period and the publication date admitted (None /
    '' admit everything)."""
    ok = (data["measure"].isin(JUDGED_MEASURES) & data["comparable"].astype(bool)
          & (data["as_of"].astype(str) == ""))
    if last_year is not None:
        ok &= data["year"] <= last_year
    if cutoff:
        ok &= published_by(data["published"], cutoff)
    return ok
