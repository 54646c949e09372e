"""Read actuals: the shipped ``data/actuals.csv`` and users' CSV/xlsx files (long or wide).

Every row is checked against the indicator registry; values are converted to the
catalogue's unit (``_reader``). Problems name the file, line (or cell), indicator and
column, and say what was expected; a problem found on many lines is listed once with the
lines.

Parsing is vectorised: each distinct text (an indicator name, a unit, a value, a date) is
read once and the result is spread to every row holding it (``_distinct``), so a file of
600,000 figures loads in seconds.
"""

from __future__ import annotations

import logging
import warnings
from functools import lru_cache
from pathlib import Path

import pandas as pd

from .._data import data_path
from .._tables import Table, TableError, read_table, table_from_frame
from ..catalog import REGION_EXPECTED, Plan, load_plan, region_code
from ..errors import Problem
from ._cells import DATE_EXPECTED, MISSING, counting_word, parse_date
from ._layout import _ALIASES, HEADER_WORDS, IGNORED
from ._names import name_key
from ._problems import ActualsError
from ._reader import KINDS, MEASURES, Reader
from ._select import conflicts as find_conflicts
from ._select import mark_selected

log = logging.getLogger("jxdigital.observations")


def read_table_file(path: Path, what: str = "actuals") -> Table:
    return read_table(path, HEADER_WORDS, what=what)


def read_observations(data: pd.DataFrame | Table, file: str = "<DataFrame>", *, origin: str,
                      strict: bool = True, plan: Plan | None = None,
                      default_region: str = "jiangxi") -> pd.DataFrame:
    """Validate a table of observations into the tidy actuals frame."""
    t = data if isinstance(data, Table) else table_from_frame(data, file)
    reader = Reader(t, plan, origin, default_region, shipped=_shipped)
    out = reader.read()
    problems = reader.problems.list()
    if problems:
        err = ActualsError(problems)
        if strict:
            raise err
        n_rows = int(reader.problems.bad.sum()) or len(problems)
        warnings.warn(f"{n_rows} rows of {t.where} could not be read and were left out "
                      f"({len(problems)} problem(s)); see .attrs['problems'].to_frame()",
                      stacklevel=3)
    del out["_line"]
    out = mark_selected(out)  # the columns are built in COLUMNS order
    if problems:
        log.info("%s: %d problem(s); %d row(s) left out", t.where, len(problems),
                 int(reader.problems.bad.sum()))
    log.info("read %d figure(s) of %d indicator(s) from %s (origin %s)", len(out),
             out["indicator_id"].nunique(), t.where, origin)
    # The report of left-out rows (strict=False): an ActualsError, or None; .to_frame() lists them.
    out.attrs["problems"] = ActualsError(problems) if problems else None
    out.attrs["notes"] = list(t.notes)
    if origin != "jxdigital":
        _conflict_warning(out, t)
    return out


def _conflict_warning(out: pd.DataFrame, t: Table) -> None:
    clash = find_conflicts(out)
    if len(clash):
        keys = clash[["indicator_id", "year"]].drop_duplicates()
        eg = clash.iloc[:2]
        warnings.warn(
            f"{t.where}: sources disagree for {len(keys)} indicator-year(s), e.g. "
            f"{eg.iloc[0]['indicator_id']} {eg.iloc[0]['year']}: "
            + " vs ".join(f"{v:g} ({s})" for v, s in zip(eg["value"], eg["source_title"],
                                                         strict=True))
            + "; the selection rule picks one (see conflicts(); override_selection() to choose)",
            stacklevel=4)


def load_actuals(data: str | Path | pd.DataFrame, strict: bool = True,
                 plan: str | Path | Plan | None = None, region: str | None = None
                 ) -> pd.DataFrame:
    """Read a user's actuals (CSV in UTF-8, GBK or UTF-16; .xlsx; or a DataFrame; long or
    wide layout).

    Returns the tidy actuals frame (same columns as ``actuals()``), origin = the file
    name. ``strict=False`` leaves out bad rows and lists them in ``.attrs['problems']``.
    ``plan`` (an id, file or ``Plan``) adds a user plan's indicators to the known ones; rows
    without a region are the plan's region (else ``region``, default jiangxi).
    """
    if isinstance(plan, (str, Path)):
        plan = load_plan(plan)
    if isinstance(data, pd.DataFrame):
        t, name = table_from_frame(data, "<DataFrame>"), "<DataFrame>"
    else:
        p = Path(data)
        if p.suffix.lower() not in (".csv", ".xlsx", ".xlsm"):
            raise ActualsError([Problem(str(p), None, "", "", p.suffix, "a .csv or .xlsx file")])
        try:
            t = read_table_file(p)
        except TableError as e:
            raise ActualsError(e.problems) from None
        name = p.name
    if region is None:  # a plan of several regions leaves none to assume
        region = ("jiangxi" if not isinstance(plan, Plan) else
                  plan.region if len(plan.regions) == 1 else "")
    else:
        code = region_code(region)
        if code is None:
            raise ActualsError([Problem("argument region", None, "", "region", region,
                                        REGION_EXPECTED)])
        region = code
    return read_observations(t, t.file, origin=name, strict=strict, plan=plan,
                             default_region=region)


@lru_cache(maxsize=1)
def _shipped() -> pd.DataFrame:
    path = data_path("actuals.csv")
    return read_observations(read_table_file(path), str(path), origin="jxdigital")


def shipped_actuals() -> pd.DataFrame:
    return _shipped().copy()


def merge_actuals(*frames: pd.DataFrame) -> pd.DataFrame:
    """Stack actuals frames; later frames' values win the selection for the same
    indicator-year (a user's figure beats the shipped one). ``origin`` says which is which.
    """
    stacked = pd.concat([f.drop(columns="selected") for f in frames], ignore_index=True)
    priority = pd.Series([i for i, f in enumerate(frames) for _ in range(len(f))], dtype=int)
    out = mark_selected(stacked, priority=priority)
    out.attrs["notes"] = [n for f in frames for n in f.attrs.get("notes", [])]
    return out


def actuals(extra: str | Path | pd.DataFrame | None = None, **kwargs) -> pd.DataFrame:
    """The shipped actuals (tidy), optionally merged with a user's file (which wins)."""
    shipped = shipped_actuals()
    if extra is None:
        return shipped
    mine = extra if isinstance(extra, pd.DataFrame) and "origin" in extra.columns \
        else load_actuals(extra, **kwargs)
    return merge_actuals(shipped, mine)


# What the reader's parts hold was defined here: the names still answer.
__all__ = [
    "DATE_EXPECTED", "HEADER_WORDS", "IGNORED", "KINDS", "MEASURES", "MISSING", "_ALIASES",
    "ActualsError", "actuals", "counting_word", "load_actuals", "merge_actuals", "name_key",
    "parse_date", "read_observations", "read_table_file", "shipped_actuals",
]
