"""Read a catalogue table (a plan table, or one of the shipped reference tables) as
strings: the one reader every table of the catalogue goes through."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from .. import _tables

#: Column names that mark a plan table's header row (rows above it are a title).
HEADER_WORDS = {"indicator_id", "plan_id", "target_text", "name_zh"}


def read_table(path: str | Path, what: str = "plan") -> pd.DataFrame:
    """Read a CSV (UTF-8, GBK or UTF-16) or .xlsx table as strings (nothing guessed, nothing
    turned to NaN). ``attrs['lines']`` holds each row's line; ``attrs['notes']`` what the
    reader did (encoding, a title row skipped)."""
    t = _tables.read_table(path, HEADER_WORDS, what=what)
    df = t.frame.astype(str).astype(object)  # plain strings, not categories
    df.attrs.update(lines=[int(x) for x in t.lines], notes=list(t.notes), file=t.where)
    return df
