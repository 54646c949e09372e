"""Column names of the data a report carries in full (every measure of every target, every
figure with its source, every projection), in the report's language: a table of words
(``words/columns.csv``: ``key, zh, en``, read with the rest of the phrase catalogue), not
code."""

from __future__ import annotations

import pandas as pd

from .words import words_for

#: Columns that hold a share of one (shown as a percentage) or P(met) (four decimals).
PERCENT = ("completion", "time_elapsed", "actual_cagr", "required_cagr_plan",
           "required_cagr_now", "reference_cagr", "margin")
#: Columns that hold whole numbers (years, counts).
WHOLE = ("seq", "base_year", "target_year", "n_obs", "latest_year", "reference_latest_year",
         "year", "h", "last_year", "outcome_year", "eurostat_from")


def column_names(lang: str) -> dict[str, str]:
    """{column key: its name in ``lang``}."""
    return dict(words_for(lang).table("columns"))


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
