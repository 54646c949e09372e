"""Column names of the data a report carries in full (every measure of every target, every
figure with its source, every projection), in the report's language: a table of words
(``words/columns.csv``: ``key, zh, en``), not code."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

import pandas as pd

#: Columns that hold a share of one (shown as a percentage) or P(met) (four decimals).
PERCENT = ("completion", "time_elapsed", "actual_cagr", "required_cagr_plan",
           "required_cagr_now", "reference_cagr", "margin")
#: Columns that hold whole numbers (years, counts).
WHOLE = ("seq", "base_year", "target_year", "n_obs", "latest_year", "reference_latest_year",
         "year", "h", "last_year", "outcome_year", "eurostat_from")


@lru_cache(maxsize=1)
def _table() -> pd.DataFrame:
    with resources.files("jxdigital.present").joinpath("words/columns.csv").open(
            encoding="utf-8") as f:
        return pd.read_csv(f, dtype=str, keep_default_na=False)


def column_names(lang: str) -> dict[str, str]:
    """{column key: its name in ``lang``}."""
    t = _table()
    return dict(zip(t["key"], t[lang], strict=True))


def number_format(key: str) -> str:
    """The Excel number format of a column of numbers."""
    if key in PERCENT:
        return "0.0%"
    if key == "p_met":
        return "0.0%"
    if key in WHOLE:
        return "0"
    return "#,##0.00"


def localised_frame(df: pd.DataFrame, lang: str, yes: str, no: str
                    ) -> tuple[pd.DataFrame, dict[str, str]]:
    """``df`` with its columns named in ``lang`` and booleans as words (``yes``, ``no``);
    and the number format of each numeric column, by its new name."""
    names = column_names(lang)
    out = df.copy()
    formats: dict[str, str] = {}
    for c in df.columns:
        col = out[c]
        if pd.api.types.is_bool_dtype(col):
            out[c] = col.map({True: yes, False: no})
        elif pd.api.types.is_numeric_dtype(col):
            formats[names.get(c, c)] = number_format(c)
    out.columns = [names.get(c, c) for c in df.columns]
    return out, formats
