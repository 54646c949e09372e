"""Load plan tables (the shipped catalogue or a user's CSV/xlsx) into ``Plan`` objects.

The shipped file and a user's file go through the same reader (``_row.RowReader``): the
printed texts are parsed there, and parsed columns a file also carries must agree with them.
"""

from __future__ import annotations

import logging
from pathlib import Path

import numpy as np
import pandas as pd

from .. import _tables
from .._data import data_path
from ..codes import DEFAULT_PLAN
from ..errors import NotFoundError, PlanFormatError, Problem
from ._models import USER_REGION, Plan, Target
from ._read import HEADER_WORDS, read_table
from ._regions import region_code
from ._row import OPTIONAL, PARSED, REQUIRED, RowReader
from ._shipped import is_shipped, shipped_ids_note, warn_shipped_ids
from .reference import (
    counts_people,
    flow_ids,
    flow_share_sources,
    level_ids,
    link_decisions,
    people_counts,
    plan_stock_ids,
    populations,
    publisher_names,
    publisher_origins,
    share_ratios,
    shipped_units,
    stock_ids,
)

log = logging.getLogger("jxdigital.catalog")


def plans_table() -> pd.DataFrame:
    """The shipped ``plans.csv``: one row per plan."""
    return read_table(data_path("plans.csv"))


def _column_problems(df: pd.DataFrame, file: str) -> list[Problem]:
    """A required column missing, or a column no plan table has."""
    missing = [c for c in REQUIRED if c not in df.columns]
    unknown = [c for c in df.columns if c not in REQUIRED + OPTIONAL + PARSED]
    return [Problem(file, None, "", c, "", "this required column") for c in missing] + \
        [Problem(file, None, "", c, "", "a known column: " + ", ".join(REQUIRED + OPTIONAL))
         for c in unknown]


def _read_rows(df: pd.DataFrame, file: str, meta: dict[str, str],
               lines: list[int] | None) -> tuple[list[Target], list[Problem]]:
    """Every row read (``RowReader``): the targets, and the problems of every row."""
    problems: list[Problem] = []
    targets: list[Target] = []
    seen: dict[tuple[str, str, int], int] = {}
    for i, row in enumerate(df.to_dict("records")):
        line = lines[i] if lines is not None else i + 2
        reader = RowReader(file, line, row)
        t = reader.read(meta)
        if t is not None:
            # one target per indicator, region and target year: a row pasted twice, or
            # two regions' rows that both fell back to the plan's region
            key = (t.indicator_id, t.region, t.target_year)
            if key in seen:
                reader.bad("indicator_id", f"one row per indicator, region and target year "
                           f"(line {seen[key]} also has {t.indicator_id} for {t.region} in "
                           f"{t.target_year})")
                t = None
            else:
                seen[key] = line
        problems += reader.problems
        if t is not None:
            targets.append(t)
    return targets, problems


def _plan(meta: dict[str, str], file: str, targets: list[Target]) -> Plan:
    """The plan of ``targets``; its base year is the earliest of theirs and its target year
    the latest, where ``meta`` does not give them."""
    base_years = [t.base_year for t in targets if t.base_year is not None]
    return Plan(
        plan_id=meta["plan_id"], title_zh=meta.get("title_zh", ""),
        title_en=meta.get("title_en", ""), issuer=meta.get("issuer", ""),
        issued=meta.get("issued", ""), region=meta["region"],
        base_year=int(meta["base_year"]) if meta.get("base_year") else
        (min(base_years) if base_years else None),
        target_year=int(meta["target_year"]) if meta.get("target_year") else
        max(t.target_year for t in targets),
        source_doc=meta.get("source_doc", ""), note=meta.get("note", ""), path=file,
        targets=tuple(targets))


def plan_from_frame(df: pd.DataFrame, file: str, meta: dict[str, str],
                    lines: list[int] | None = None) -> Plan:
    """Validate a plan table (strings) and build the ``Plan``; raise ``PlanFormatError``.

    ``lines`` are the file lines of the rows (default: row i is on line i + 2).
    """
    problems = _column_problems(df, file)
    if problems:
        raise PlanFormatError(problems)
    targets, problems = _read_rows(df, file, meta, lines)
    if not len(df):
        problems.append(Problem(file, None, "", "", "", "at least one target row"))
    if problems:
        raise PlanFormatError(problems)
    return _plan(meta, file, targets)


def _first(df: pd.DataFrame, col: str) -> str:
    if col not in df.columns:
        return ""
    vals = [v for v in df[col] if v]
    return vals[0] if vals else ""


def _one_plan(df: pd.DataFrame, lines: list[int], path: Path, which: str | None
              ) -> tuple[pd.DataFrame, list[int], str]:
    """(rows, their lines, plan id) of the plan a user's file holds; a file of several plans
    (a ``plan_id`` column) needs ``which``."""
    ids = sorted({v for v in df.get("plan_id", pd.Series(dtype=str)) if v})
    if len(ids) <= 1:
        return df, lines, ids[0] if ids else path.stem
    if which is None or which not in ids:
        raise PlanFormatError([Problem(str(path), None, "", "plan_id", str(which or ""),
                                       "which= one of " + ", ".join(ids))])
    lines = [lines[i] for i in np.flatnonzero(df["plan_id"] == which)]
    return df[df["plan_id"] == which].reset_index(drop=True), lines, which


def _user_plan(path: Path, which: str | None) -> Plan:
    """A user's plan table read from ``path``."""
    try:
        df = read_table(path)
    except _tables.TableError as e:
        raise PlanFormatError(e.problems) from None
    # (taken out of attrs: pandas deep-copies attrs into every frame made from this one)
    df, lines, name = _one_plan(df, df.attrs.pop("lines"), path, which)
    region = _first(df, "region") or USER_REGION
    meta = {"plan_id": name,
            "title_zh": _first(df, "title_zh") or path.stem, "title_en": _first(df, "title_en"),
            "region": region_code(region) or region}
    plan = plan_from_frame(df.drop(columns=["title_zh", "title_en"], errors="ignore"),
                           str(path), meta, lines=lines)
    log.info("read plan %s from %s: %d targets, %d region(s)", plan.plan_id, path,
             len(plan), len(plan.regions))
    warn_shipped_ids(plan)
    return plan


def _shipped_plan(plan_id: str) -> Plan:
    """A shipped plan: its row of ``plans.csv`` and its rows of ``indicators.csv``."""
    plans_df = plans_table()
    row = plans_df[plans_df["plan_id"] == plan_id]
    if row.empty:
        raise NotFoundError(f"no shipped plan {plan_id!r}; shipped plans: "
                            + ", ".join(plans_df["plan_id"]) + " (or pass a .csv/.xlsx path)")
    meta = row.iloc[0].to_dict()
    path = data_path("indicators.csv")
    df = read_table(path)
    sel = df[df["plan_id"] == meta["plan_id"]]
    # Line numbers in errors must point into indicators.csv, so keep the file's index.
    return plan_from_frame(sel.reset_index(drop=True), str(path), meta,
                           lines=[int(i) + 2 for i in sel.index])


def load_plan(plan_id: str | Path = DEFAULT_PLAN, which: str | None = None) -> Plan:
    """Load a shipped plan by id, or a user's plan table from a CSV or .xlsx path.

    A user file holding several plans (a ``plan_id`` column) needs ``which``.
    """
    p = Path(plan_id)
    if isinstance(plan_id, Path) or p.suffix.lower() in (".csv", ".xlsx", ".xlsm"):
        return _user_plan(p, which)
    return _shipped_plan(str(plan_id))


def plans() -> pd.DataFrame:
    """The shipped plans: id, titles, base and target year, number of targets."""
    meta = plans_table()
    counts = read_table(data_path("indicators.csv"))["plan_id"].value_counts()
    out = meta.copy()
    out["n_targets"] = out["plan_id"].map(counts).fillna(0).astype(int)
    for c in ("base_year", "target_year"):
        out[c] = pd.to_numeric(out[c]).astype("Int64")
    cols = ["plan_id", "title_zh", "title_en", "base_year", "target_year", "n_targets",
            "region", "issuer", "issued", "source_doc"]
    return out[cols]


# The reference data and the shipped-plan questions lived here: their names still answer.
__all__ = [
    "DEFAULT_PLAN", "HEADER_WORDS", "OPTIONAL", "PARSED", "REQUIRED", "counts_people",
    "flow_ids", "flow_share_sources", "is_shipped", "level_ids", "link_decisions",
    "load_plan", "people_counts", "plan_from_frame", "plan_stock_ids", "plans", "plans_table",
    "populations", "publisher_names", "publisher_origins", "read_table", "share_ratios",
    "shipped_ids_note", "shipped_units", "stock_ids", "warn_shipped_ids",
]
