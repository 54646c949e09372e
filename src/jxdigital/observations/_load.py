"""Read actuals: the shipped ``data/actuals.csv`` and users' CSV/xlsx files (long or wide).

Every row is checked against the indicator registry; values are converted to the
catalogue's unit. Problems name the file, line (or cell), indicator and column, and say
what was expected; a problem found on many lines is listed once with the lines.

Parsing is vectorised: each distinct text (an indicator name, a unit, a value, a date) is
read once and the result is spread to every row holding it, so a file of 600,000 figures
loads in seconds.
"""

from __future__ import annotations

import datetime as dt
import difflib
import logging
import math
import re
import unicodedata
import warnings
from functools import cached_property, lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from .._data import data_path
from .._tables import BLANK, Table, TableError, read_table, table_from_frame
from ..catalog import (
    COUNTERS,
    REGION_EXPECTED,
    Plan,
    conversion_factor,
    indicator_registry,
    is_shipped,
    load_plan,
    lookup_unit,
    region_code,
)
from ..catalog.magnitude import MEANT, STEP, Ref, series_slips, slip_readings, times
from ..catalog.reference import flow_ids, shipped_plan_ids
from ..codes import LOWER_BOUND, OBSERVATION_MEASURES
from ..errors import InputError, Problem
from ._model import COLUMNS, SOURCE_TYPES
from ._numbers import QUALIFIERS, parse_number
from ._select import conflicts as find_conflicts
from ._select import mark_selected

log = logging.getLogger("jxdigital.observations")

MEASURES = OBSERVATION_MEASURES
KINDS = ("published", "derived")
#: Header texts (after NFKC, spaces removed) → column.
_ALIASES = {
    "指标名称": "indicator", "指标": "indicator", "指标名": "indicator", "名称": "indicator",
    "indicator_name": "indicator", "指标代码": "indicator_id", "指标id": "indicator_id",
    "id": "indicator_id", "年份": "year", "年": "year", "年度": "year", "数值": "value",
    "值": "value", "数据": "value", "实际值": "value", "单位": "unit", "计量单位": "unit",
    "地区": "region", "区域": "region", "来源": "source_title", "数据来源": "source_title",
    "资料来源": "source_title", "出处": "source_title", "发布单位": "publisher",
    "发布机构": "publisher", "发布日期": "published", "发布时间": "published",
    "链接": "source_url", "网址": "source_url", "备注": "note", "口径说明": "scope_note",
    "口径": "scope_note", "截至": "as_of", "截至日期": "as_of", "截止日期": "as_of",
    "统计时点": "as_of", "限定": "qualifier", "来源类型": "source_type", "可比": "comparable",
}
#: Columns a template or a report carries that describe rather than measure; not read.
IGNORED = {"name_en", "定义", "指标定义", "指标解释", "definition", "seq", "序号", "category",
           "category_zh", "类别", "指标类别", "target", "目标值", "shipped", "jxdigital"}
_INDICATOR_COLS = ("indicator_id", "indicator", "indicator_zh")
_KNOWN = set(COLUMNS) | {"indicator", "indicator_zh"}
HEADER_WORDS = {"indicator_id", "indicator", "indicator_zh", *(
    k for k, v in _ALIASES.items() if v in ("indicator", "indicator_id"))}
_YEAR_HEADER = re.compile(r"^((?:19|20)\d{2})(?:\.0+)?(?:年(?:末|底|度)?)?$")
_YEAR_TEXT = re.compile(r"^(\d{4})(?:\.0+)?(?:年(?:末|底|度)?)?$")
#: Wide-layout cells meaning "not known": a missing year stays missing.
MISSING = {*BLANK, "—", "——", "-", "–", "－", "/", "…", "NA", "N/A", "n/a", "无数据", "暂无"}
_TRUE = {"true", "1", "yes", "y", "是"}
_FALSE = {"false", "0", "no", "n", "否"}
#: Longest indicator id: it becomes a chart file name.
MAX_ID = 64
#: A reading within this factor of the indicator's known magnitude is plausible.
PLAUSIBLE = 100.0


class ActualsError(InputError):
    """Actuals that cannot be read."""


# --- the registry: names, units and magnitudes --------------------------------------------

def name_key(text: str) -> str:
    """A name as compared: NFKC (full-width → ASCII), no spaces, lowercase ASCII."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", str(text))).lower()


def _strip_unit(key: str) -> str:
    return re.sub(r"\([^()]*\)$", "", key)


@lru_cache(maxsize=1)
def _shipped_magnitudes() -> dict[str, float]:
    out: dict[str, float] = {}
    for plan_id in shipped_plan_ids():
        for t in load_plan(plan_id).targets:
            v = t.base_value if t.base_value == t.base_value else t.target_value
            if t.measure in ("level", "annual_flow") and v == v and v > 0:
                out.setdefault(t.indicator_id, v)
    return out


#: Comparators whose value is a level the plan means to reach (a target to compare with).
_TO_REACH = ("reach", "at_least", "more_than", "around", "between")


def _plan_refs(plan: Plan) -> list[tuple]:
    """(indicator, region, kind, year, value, unit, label, is target) of a plan's bases and
    targets: what its figures are compared with for a slip of unit (``_Reader._slips``).
    A yearly flow's target (annual_flow) is compared with its yearly figures of either
    measure."""
    out = []
    for t in plan.targets:
        kinds = {"level": ("level",), "annual_flow": ("flow", "level")}.get(t.measure, ())
        ind = t.indicator
        for kind in kinds:
            if t.measure == "level" and t.base_year is not None and t.base_value > 0:
                out.append((t.indicator_id, ind.region, kind, t.base_year, t.base_value,
                            ind.unit, f"{plan.plan_id} base {t.base_year}: {t.base_value:g}",
                            False))
            top = math.sqrt(t.target_value * t.target_high) if t.comparator == "between" \
                else t.target_value
            if t.comparator in _TO_REACH and top > 0:
                out.append((t.indicator_id, ind.region, kind, t.target_year, top, ind.unit,
                            f"{plan.plan_id} target {t.target_year}: {t.target_text}"
                            + ("" if t.target_text == f"{top:g}" else f" = {top:.6g}"), True))
    return out


@lru_cache(maxsize=1)
def _shipped_plan_refs() -> tuple[tuple, ...]:
    return tuple(r for pid in shipped_plan_ids() for r in _plan_refs(load_plan(pid)))


class _Names:
    """Indicator ids by name: the given plan's first, then the shipped catalogue's."""

    def __init__(self, registry: pd.DataFrame, plan: Plan | None):
        self.registry = registry
        self.ids = set(registry["indicator_id"])
        self.mine = {i.indicator_id for i in plan.indicators} if plan else set()

    @cached_property
    def _names(self) -> tuple[dict[str, set[str]], dict[str, str]]:
        """(ids by name key, key → the name as printed, for suggestions): made when a row
        names its indicator (a file of ids never needs them)."""
        by_name: dict[str, set[str]] = {}
        shown: dict[str, str] = {}
        for r in self.registry.itertuples():
            for n in (r.name_zh, r.label_zh, r.name_en):
                if n:
                    key = name_key(n)
                    shown.setdefault(key, n)
                    by_name.setdefault(key, set()).add(r.indicator_id)
                    by_name.setdefault(_strip_unit(key), set()).add(r.indicator_id)
        return by_name, shown

    @property
    def by_name(self) -> dict[str, set[str]]:
        return self._names[0]

    @property
    def shown(self) -> dict[str, str]:
        return self._names[1]

    def resolve(self, iid: str, name: str) -> tuple[str | None, str, str, str]:
        """(id, problem column, problem value, expected); id None when not resolved."""
        if iid:
            if iid in self.ids:
                return iid, "", "", ""
            return None, "indicator_id", iid, self._expected(iid)
        if name in self.ids:  # an id typed in the name column
            return name, "", "", ""
        key = name_key(name)
        ids = self.by_name.get(key) or self.by_name.get(_strip_unit(key), set())
        if len(ids) > 1 and ids & self.mine:
            ids = ids & self.mine  # the given plan's meaning comes first
        if len(ids) == 1:
            return next(iter(ids)), "", "", ""
        if len(ids) > 1:
            return None, "indicator", name, ("a name that means one indicator; it matches "
                                             + ", ".join(sorted(ids)) + ": add a column "
                                             "indicator_id, or pass the plan (--plan)")
        if not name:
            return None, "indicator", "", "an indicator id or Chinese name (the cell is empty)"
        return None, "indicator", name, self._expected(name)

    def _expected(self, given: str) -> str:
        choices = sorted(self.ids) + sorted(self.shown)
        close = [self.shown.get(c, c) for c in difflib.get_close_matches(
            name_key(given), choices, n=3, cutoff=0.6)]
        close = [c for c in dict.fromkeys(close) if c != given]
        hint = f"; did you mean {', '.join(repr(c) for c in close)}?" if close else ""
        return f"a known indicator id or Chinese name{hint} (a user plan's indicators are " \
            "known when the plan is given: --plan / plan=)"


# --- per distinct text ----------------------------------------------------------------------

class Col:
    """A column as codes into its distinct values: each distinct text is read once."""

    __slots__ = ("cats", "codes")

    def __init__(self, codes: np.ndarray, cats: np.ndarray):
        self.codes, self.cats = codes, cats

    @classmethod
    def of(cls, values) -> Col:
        if isinstance(values, pd.Series) and isinstance(values.dtype, pd.CategoricalDtype):
            cats = np.asarray(values.cat.categories, dtype=object)
            codes = values.cat.codes.to_numpy().astype(np.int64)
            if (codes < 0).any():  # a missing cell: the empty text
                cats = np.append(cats, "")
                codes = np.where(codes < 0, len(cats) - 1, codes)
            return cls(codes, cats)
        codes, uniq = pd.factorize(np.asarray(values, dtype=object), use_na_sentinel=False)
        return cls(codes.astype(np.int64), np.asarray(uniq, dtype=object))

    @classmethod
    def const(cls, n: int, value) -> Col:
        cats = np.empty(1, dtype=object)
        cats[0] = value
        return cls(np.zeros(n, dtype=np.int64), cats)

    def values(self) -> np.ndarray:
        return self.cats[self.codes]

    def compact(self) -> Col:
        """The same column with each distinct value once (results of a map repeat)."""
        inner, uniq = pd.factorize(self.cats, use_na_sentinel=False)
        if len(uniq) == len(self.cats):
            return self
        return Col(inner[self.codes], np.asarray(uniq, dtype=object))

    def test(self, fn) -> np.ndarray:
        """Per row: ``fn(distinct values array) -> bool array``, evaluated on the distinct."""
        return np.asarray(fn(self.cats), dtype=bool)[self.codes] if len(self.cats) \
            else np.zeros(len(self.codes), dtype=bool)

    def __len__(self) -> int:
        return len(self.codes)


def _combined(cols: list[Col]) -> tuple[np.ndarray, np.ndarray]:
    """Codes of the distinct combinations and, per combination, a row holding it."""
    key = np.zeros(len(cols[0]), dtype=np.int64)
    for c in (c.compact() for c in cols):
        key = key * max(len(c.cats), 1) + c.codes
    codes, uniq = pd.factorize(key)
    first = np.zeros(len(uniq), dtype=np.int64)
    first[codes[::-1]] = np.arange(len(codes))[::-1]
    return codes.astype(np.int64), first


def _map(cols: list[Col], fn, k: int) -> list[Col]:
    """Apply ``fn(*distinct values) -> k-tuple`` once per distinct combination of ``cols``."""
    n = len(cols[0])
    if n == 0:
        return [Col(np.zeros(0, dtype=np.int64), np.empty(0, dtype=object)) for _ in range(k)]
    if len(cols) == 1:
        codes, args = cols[0].codes, [(v,) for v in cols[0].cats]
    else:
        cols = [c.compact() for c in cols]
        codes, first = _combined(cols)
        args = [tuple(c.cats[c.codes[i]] for c in cols) for i in first]
    results = [fn(*a) for a in args]
    out = []
    for j in range(k):
        arr = np.empty(len(results), dtype=object)
        arr[:] = [r[j] for r in results]
        out.append(Col(codes, arr))
    return out


_DATE_PATTERNS = [
    (re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$"), 3),
    (re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日?$"), 3),
    (re.compile(r"^(\d{4})(\d{2})(\d{2})$"), 3),
    (re.compile(r"^(\d{4})[-/.](\d{1,2})$"), 2),
    (re.compile(r"^(\d{4})年(\d{1,2})月(?:末|底)?$"), 2),
    (re.compile(r"^(\d{4})年?(?:末|底)$"), 1),
    (re.compile(r"^(\d{4})$"), 1),
]
DATE_EXPECTED = ("a date such as 2022-03-01, 2022/3/1, 2022年3月1日, 2022.03.01, 2022-03 or "
                 "2021年末")


def parse_date(text: str) -> tuple[str, int | None, bool]:
    """(ISO date or month, year, is the end of the year); raise ``ValueError`` if unreadable.

    ``2024-12-31``, ``2024-12``, ``2021年末`` and ``2024`` are the end of the year.
    """
    s = re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text).strip())
    for pattern, parts in _DATE_PATTERNS:
        m = pattern.match(s)
        if not m:
            continue
        y = int(m[1])
        if parts == 1:
            return f"{y}-12-31", y, True
        month = int(m[2])
        if parts == 2:
            dt.date(y, month, 1)  # raises for month 13
            return f"{y}-{month:02d}", y, month == 12
        d = dt.date(y, month, int(m[3]))
        return d.isoformat(), y, (month, d.day) == (12, 31)
    raise ValueError(text)


# --- the reader -----------------------------------------------------------------------------

class _Problems:
    """Problems, grouped: one per (indicator, column, text, expected) with all its lines."""

    def __init__(self, table: Table):
        self.t = table
        self.items: dict[tuple, list[tuple[int, str]]] = {}
        self.bad = np.zeros(0, dtype=bool)  # rows with a problem (set per frame of rows)

    def add(self, mask: np.ndarray, lines: np.ndarray, columns: np.ndarray, iids: np.ndarray,
            values, expected) -> None:
        """Record a problem on the rows in ``mask``; ``values``/``expected`` per row or one."""
        idx = np.flatnonzero(mask)
        if len(self.bad) == len(mask):
            self.bad |= mask
        for i in idx:
            v = values[i] if isinstance(values, np.ndarray) else values
            e = expected[i] if isinstance(expected, np.ndarray) else expected
            column = str(columns[i])
            # the same text in several year columns of a wide table: one problem, every cell
            grouped = "" if _YEAR_HEADER.match(self.t.printed_key(column)) else column
            key = (str(iids[i] or ""), grouped, str(v), str(e))
            self.items.setdefault(key, []).append((int(lines[i]), column))

    def whole(self, column: str, value: str, expected: str) -> None:
        self.items.setdefault(("", column, value, expected), []).append((0, column))

    def __bool__(self) -> bool:
        return bool(self.items)

    def list(self) -> list[Problem]:
        out = []
        for (iid, _, value, expected), where in self.items.items():
            line, column = where[0][0] or None, where[0][1]
            columns = list(dict.fromkeys(w[1] for w in where))
            lines = sorted({w[0] for w in where[1:] if w[0] and w[0] != line})
            out.append(Problem(self.t.where, line, iid, self.t.printed.get(column, column),
                               value, expected, cell=self.t.cell(line, column) if line else "",
                               more_rows=tuple(lines), more_columns=tuple(
                                   self.t.printed.get(c, c) for c in columns[1:])))
        return sorted(out, key=lambda p: (p.row or 0, p.column))


def _columns(t: Table, problems: _Problems) -> pd.DataFrame:
    df = t.frame
    renamed: dict[str, str] = {}
    seen: dict[str, str] = {}
    for c in df.columns:
        name = _ALIASES.get(c, _ALIASES.get(c.lower(), c))
        if name.lower() in _KNOWN:
            name = name.lower()
        year = _YEAR_HEADER.match(c)
        if year:
            name = year[1]
        if name in seen:
            problems.whole(c, "", f"one column for {name!r} (column {seen[name]!r} is too)")
        seen[name] = c
        renamed[c] = name
    df = df.rename(columns=renamed)
    t.letters.update({new: t.letters[old] for old, new in renamed.items() if old in t.letters})
    t.printed.update({new: old for old, new in renamed.items() if new != old})
    unknown = [c for c in df.columns if c not in _KNOWN and c not in IGNORED
               and not _YEAR_HEADER.match(c)]
    for c in unknown:
        hint = ""
        yearish = re.match(r"^(\d{4})", c)
        if yearish:
            hint = (f"; a year column is named like 2021, 2021年 or 2021年末 ({c!r} is not; "
                    "part-year figures go in a long layout with an as_of column)")
        problems.whole(c, "", "a known column: indicator_id or 指标名称, year or year columns "
                       "(2021, 2021年), value, unit, region, source_title (来源), publisher "
                       "(发布单位), published (发布日期), scope_note (口径说明), as_of, qualifier, "
                       f"note (备注) …{hint}")
    if not set(_INDICATOR_COLS) & set(df.columns):
        problems.whole("indicator_id", "", "a column indicator_id or 指标名称 naming the "
                       "indicator of each row")
    return df


def _blank_shipped(t: Table, df: pd.DataFrame) -> int:
    """Empty the cells the template filled from shipped data that the user left unchanged:
    matched by indicator id and column (rows may be sorted or copied), else by row."""
    n = 0
    pos = {int(line): i for i, line in enumerate(t.lines)}
    ids = df["indicator_id"].astype(str).to_numpy() if "indicator_id" in df.columns else None
    for (where, column), text in t.shipped.items():
        m = _YEAR_HEADER.match(column)
        col = m[1] if m else column
        if col not in df.columns:
            continue
        if isinstance(where, str):
            rows = np.flatnonzero(ids == where) if ids is not None else []
        else:
            rows = [pos[where]] if where in pos else []
        for i in rows:
            if str(df[col].iloc[i]) == text:
                if isinstance(df[col].dtype, pd.CategoricalDtype):
                    df[col] = df[col].astype(object)
                df.iloc[i, df.columns.get_loc(col)] = ""
                n += 1
    return n


def _long(df: pd.DataFrame, t: Table) -> pd.DataFrame:
    """Rows with year and value; ``_line`` and ``_column`` say where each value was."""
    years = [c for c in df.columns if _YEAR_HEADER.match(c)]
    if "year" in df.columns or not years:
        out = df.copy()
        out["_line"] = t.lines
        out["_column"] = "value"
        return out
    keep = [c for c in df.columns if c not in years]
    parts = []
    for c in years:
        part = df[keep].astype(object).copy()
        part["year"] = c
        part["value"] = df[c].astype(object).to_numpy()
        part["_line"] = t.lines
        part["_column"] = t.printed.get(c, c)
        parts.append(part[~part["value"].astype(str).isin(MISSING).to_numpy()])
    out = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(
        columns=[*keep, "year", "value", "_line", "_column"])
    return out.sort_values(["_line"], kind="mergesort").reset_index(drop=True)


def _col(df: pd.DataFrame, name: str) -> Col:
    if name in df.columns:
        col = df[name]
        if not isinstance(col.dtype, pd.CategoricalDtype):
            col = col.astype(object).where(col.notna(), "").astype(str).astype("category")
        return Col.of(col)
    return Col.const(len(df), "")


def _value(text: str):
    """(value, qualifier, multiplier, percent, problem)."""
    if text in MISSING:
        return math.nan, "", 1.0, False, ""
    try:
        n = parse_number(text)
    except ValueError as e:
        return math.nan, "", 1.0, False, str(e).removeprefix("expected ").split(", got ")[0]
    return n.value, n.qualifier, n.multiplier, n.percent, ""


#: Counting words a printed figure may end with ("61625座", "3.35亿户"): the units'
#: counters, longest first.
COUNTING_WORDS = tuple(sorted(COUNTERS, key=len, reverse=True))


def counting_word(text: str, unit: str) -> tuple[str, str]:
    """(the figure without a trailing counting word that fits ``unit``, problem): "61625座"
    in a 万座 row is 61625; "3.35亿户" in an 亿户 row is 3.35亿; "1467户" in a 万个 row is an
    error saying which word does not fit. A text without one comes back as it is."""
    s = unicodedata.normalize("NFKC", str(text)).strip()
    word = next((w for w in COUNTING_WORDS if s.endswith(w) and len(s) > len(w)
                 and (s[-len(w) - 1].isdigit() or s[-len(w) - 1] in "万亿千百")), "")
    if not word:
        return text, ""
    try:
        base = lookup_unit(unit).base if unit else ""
    except ValueError:
        base = ""
    if base == word or (not base and unit.endswith(word)):
        return s[:-len(word)], ""
    return text, (f"a figure in the row's unit {unit or '(none)'}: '{word}' does not fit it "
                  "(a different thing is counted? check the row and its unit)")


def _year(text: str):
    s = re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))
    m = _YEAR_TEXT.match(s)
    if m and 1990 <= int(m[1]) <= 2100:
        return int(m[1]), ""
    frac = re.match(r"^(\d{4})\.\d+$", s)
    if frac:
        return 0, (f"a whole year such as {frac[1]} (a part-year figure: year {frac[1]} with "
                   f"the date in as_of, e.g. {frac[1]}-06-30)")
    return 0, "a year between 1990 and 2100, such as 2021 or 2021年"


def _date(text: str):
    """(ISO or '', year or 0, year-end, problem)."""
    if text in BLANK:
        return "", 0, False, ""
    try:
        iso, y, end = parse_date(text)
    except ValueError:
        return "", 0, False, DATE_EXPECTED
    return iso, y or 0, end, ""


class _Reader:
    def __init__(self, t: Table, plan: Plan | None, origin: str, default_region: str):
        self.t, self.plan, self.origin = t, plan, origin
        self.default_region = default_region
        self.registry = indicator_registry(plan)
        self.reg = self.registry.set_index("indicator_id")
        self.names = _Names(self.registry, plan)
        self.problems = _Problems(t)
        mags = dict(_shipped_magnitudes())
        if plan is not None:
            for tg in plan.targets:
                v = tg.base_value if tg.base_value == tg.base_value else tg.target_value
                # a yearly flow's target sets its scale too ("65.4万" in a 万个 row)
                if tg.measure in ("level", "annual_flow") and v == v and v > 0:
                    mags[tg.indicator_id] = v
        self.magnitude = mags

    @cached_property
    def _indicators(self) -> dict:
        """Each indicator's registry row, found by id in one pass over the registry (a
        lookup per id costs a frame index each: 0.6 ms, a second for a plan of 1,860)."""
        rows: dict = {}
        for r in self.reg.itertuples():
            rows.setdefault(r.Index, r)  # the first row of an id, as ``.loc`` found it
        return rows

    def indicator(self, iid: str):
        """The registry row of ``iid`` (KeyError when it is not known)."""
        return self._indicators[iid]

    def read(self) -> pd.DataFrame:
        t = self.t
        df = _columns(t, self.problems)
        if self.problems:
            raise ActualsError(self.problems.list())
        shipped = _blank_shipped(t, df) if t.shipped else 0
        if shipped:
            t.notes.append(f"{Path(t.file).name}: {shipped} figure(s) the template filled from "
                           "jxdigital's shipped data were left as they are (not read as yours)")
        d = _long(df, t)
        if "year" not in d.columns or "value" not in d.columns:
            raise ActualsError([Problem(t.where, None, "", "year" if "year" not in d.columns
                                        else "value", "",
                                        "this column, or year columns such as 2021 / 2021年 "
                                        "(wide layout)")])
        if "year" in df.columns:
            # long layout: a row without a figure ('—') is not a figure
            dash = _col(d, "value").test(lambda v: np.isin(v, list(MISSING - set(BLANK))))
            if dash.any():
                d = d[~dash].reset_index(drop=True)
        return self._rows(d)

    def _rows(self, d: pd.DataFrame) -> pd.DataFrame:
        n = len(d)
        P = self.problems
        P.bad = np.zeros(n, dtype=bool)
        lines = d["_line"].to_numpy().astype(int)
        vcol = d["_column"].to_numpy().astype(object)
        cols = {c: _col(d, c) for c in (
            "indicator_id", "indicator", "indicator_zh", "region", "year", "as_of", "value",
            "unit", "measure", "qualifier", "comparable", "scope_note", "kind", "derived_from",
            "source_type", "source_title", "publisher", "source_url", "published", "checked",
            "note")}

        def nonempty(c: Col) -> np.ndarray:
            return c.test(lambda v: v != "")

        def const(c):
            return np.full(n, c, dtype=object)

        def add(mask, column, col: Col | None, expected, iid=None):
            """A problem on the rows in ``mask``; the cell text and the expectation per row."""
            if mask.any():
                P.add(mask, lines, column if isinstance(column, np.ndarray) else const(column),
                      const("") if iid is None else iid, col.values() if col is not None
                      else const(""), expected.values() if isinstance(expected, Col)
                      else expected)

        name = cols["indicator"] if nonempty(cols["indicator"]).any() or \
            not nonempty(cols["indicator_zh"]).any() else cols["indicator_zh"]
        iid_c, pcol, pval, pexp = _map([cols["indicator_id"], name], self.names.resolve, 4)
        bad_id = iid_c.test(lambda v: np.array([x is None for x in v], dtype=bool))
        if bad_id.any():
            P.add(bad_id, lines, pcol.values(), const(""), pval.values(), pexp.values())
        iid_c.cats = np.array(["" if x is None else x for x in iid_c.cats], dtype=object)
        iid = iid_c.values()

        def region_of(s):
            if s == "":  # no default: the plan lists several regions
                return self.default_region, "" if self.default_region else \
                    "a region: the plan lists several (" + ", ".join(self.plan.regions) + ")"
            code = region_code(s)
            return (code or "", "" if code else REGION_EXPECTED)

        region, rprob = _map([cols["region"]], region_of, 2)
        add(nonempty(rprob), "region", cols["region"], rprob, iid)

        year_c, yprob = _map([cols["year"]], _year, 2)
        add(nonempty(yprob), np.where(vcol == "value", "year", vcol), cols["year"], yprob, iid)
        year = year_c.values().astype(int)

        info = self.reg.reindex(iid_c.cats)
        share_cats = info["is_share"].fillna(False).astype(bool).to_numpy()
        measure_c, mprob = _map([cols["measure"], Col(iid_c.codes, share_cats)], lambda m, sh: (
            m or ("share_pct" if sh else "level"),
            "" if (m or "level") in MEASURES else "one of " + ", ".join(MEASURES)), 2)
        add(nonempty(mprob), "measure", cols["measure"], mprob, iid)
        qprob = cols["qualifier"].test(lambda v: (v != "") & ~np.isin(v, QUALIFIERS))
        add(qprob, "qualifier", cols["qualifier"], "one of " + ", ".join(QUALIFIERS), iid)

        # a figure is read once per distinct text; only one ending in a counting word
        # ("61625个") is read with its row's indicator and unit
        worded = cols["value"].test(
            lambda v: np.fromiter((str(x).endswith(COUNTING_WORDS) for x in v), bool, len(v)))
        if worded.any():
            val_c, qual_c, mult_c, pct_c, vprob = _map([iid_c, cols["unit"], cols["value"]],
                                                       self._value_in_row, 5)
        else:
            val_c, qual_c, mult_c, pct_c, vprob = _map([cols["value"]], _value, 5)
        value = val_c.values().astype(float)
        vcol_text = cols["value"]
        add(nonempty(vprob), vcol, vcol_text, vprob, iid)
        add(vcol_text.test(lambda v: np.isin(v, list(BLANK))), vcol, None,
            "a figure (the cell is empty; type — for a year that is not known)", iid)
        qual_given = nonempty(cols["qualifier"])
        qualifier = np.where(qual_given, cols["qualifier"].values(), qual_c.values())

        def flag(s):
            low = s.lower()
            if low in _TRUE or s == "":
                return True, ""
            return (False, "") if low in _FALSE else (True, "true or false")

        comp_c, cprob = _map([cols["comparable"]], flag, 2)
        add(nonempty(cprob), "comparable", cols["comparable"], cprob, iid)
        comparable = comp_c.values().astype(bool)
        checked = cols["checked"].test(
            lambda v: np.isin(np.char.lower(v.astype(str)), ["yes", "true", "1", "是"]))

        factor_c, unit_c, src_c, alt_c, uprob = _map(
            [iid_c, cols["unit"], measure_c, mult_c, pct_c, comp_c], self._unit, 5)
        factor, alt = factor_c.values().astype(float), alt_c.values().astype(float)
        add(nonempty(uprob) & ~nonempty(vprob), "unit",
            Col(cols["unit"].codes, np.where(cols["unit"].cats == "", "(none)",
                                             cols["unit"].cats)), uprob, iid)
        out_value = value * factor
        measure = measure_c.values()
        unit = unit_c.values()
        given = cols["unit"].values()
        shown_unit = np.where(given != "", given, unit)
        composed = self._ambiguous(value, factor, alt, iid, lines, vcol, vcol_text, shown_unit,
                                   out_value)
        unit_read = np.where(composed, shown_unit, src_c.values())
        self._checks(value, out_value, measure, pct_c.values().astype(bool),
                     cols["qualifier"].values(), iid, lines, vcol, vcol_text, info, iid_c)

        as_of_c, ay_c, aend_c, aprob = _map([cols["as_of"]], _date, 4)
        add(nonempty(aprob), "as_of", cols["as_of"], aprob, iid)
        ay = ay_c.values().astype(int)
        wrong_year = ~nonempty(aprob) & nonempty(cols["as_of"]) & (ay != year) & (year > 0)
        if wrong_year.any():
            add(wrong_year, "as_of", cols["as_of"], np.array(
                [f"a date within the figure's year {y}" for y in year], dtype=object), iid)
        # a date at the end of the year is a year-end figure, not a part-year one
        as_of = np.where(aend_c.values().astype(bool), "", as_of_c.values())
        pub_c, _, _, pprob = _map([cols["published"]], _date, 4)
        add(nonempty(pprob), "published", cols["published"], pprob, iid)

        kind_c = Col(cols["kind"].codes, np.where(cols["kind"].cats == "", "published",
                                                  cols["kind"].cats))
        add(kind_c.test(lambda v: ~np.isin(v, KINDS)), "kind", cols["kind"],
            "published or derived", iid)
        user = self.origin != "jxdigital"
        st = cols["source_type"]
        stype_c = Col(st.codes, np.where(st.cats == "", "user" if user else "other", st.cats))
        add(stype_c.test(lambda v: ~np.isin(v, SOURCE_TYPES)), "source_type", st,
            "one of " + ", ".join(SOURCE_TYPES), iid)
        kind = kind_c.values()
        add((kind == "derived") & ~nonempty(cols["derived_from"]), "derived_from", None,
            "what the figure was derived from (a derived figure must name its inputs)", iid)
        add(~comparable & ~nonempty(cols["scope_note"]), "scope_note", None,
            "how this figure's definition differs from the plan's (comparable is false)", iid)
        tc = cols["source_title"]
        if user:
            tc = Col(tc.codes, np.where(tc.cats == "", Path(self.t.file).name, tc.cats))
        add(tc.test(lambda v: v == ""), "source_title", None,
            "the title of the source (who published this figure, where)", iid)

        self._slips(iid, region.values(), year, measure, as_of, out_value, comparable,
                    checked, lines, vcol, vcol_text, factor, given)
        self._duplicates(iid, region.values(), year, measure, as_of, tc.values(),
                         cols["scope_note"].values(), lines)
        good = ~P.bad
        keep: np.ndarray | slice = slice(None) if good.all() else good
        out = pd.DataFrame({k: v[keep] if isinstance(v, np.ndarray) else v for k, v in {
            "indicator_id": iid, "region": region.values(), "year": year, "as_of": as_of,
            "value": out_value, "unit": unit, "measure": measure, "qualifier": qualifier,
            "comparable": comparable, "scope_note": cols["scope_note"].values(), "kind": kind,
            "derived_from": cols["derived_from"].values(), "source_type": stype_c.values(),
            "source_title": tc.values(), "publisher": cols["publisher"].values(),
            "source_url": cols["source_url"].values(), "published": pub_c.values(),
            "checked": checked, "note": cols["note"].values(), "value_published": value,
            "unit_published": unit_read, "origin": self.origin, "_line": lines}.items()})
        self._bounds_warning(out, qual_given[keep])
        return out

    def _value_in_row(self, iid, unit_pub, text):
        """``_value`` of a figure, a trailing counting word that fits the row's unit (its
        ``unit`` cell, else the indicator's) read as part of it ("61625座")."""
        if iid and text.endswith(COUNTING_WORDS):
            try:
                unit = unicodedata.normalize("NFKC", unit_pub) or self.indicator(iid).unit
            except (KeyError, ValueError):
                unit = unit_pub
            bare, problem = counting_word(text, unit)
            if problem:
                return math.nan, "", 1.0, False, problem
            if bare != text:  # the word pins the thing counted: "61625个" is 6.1625万个
                value, qual, mult, pct, problem = _value(bare)
                if problem or pct:
                    return value, qual, mult, pct, problem
                return value / lookup_unit(unit).scale, qual, 1.0, False, ""
        return _value(text)

    def _unit(self, iid, unit_pub, measure, mult, percent, comparable):
        """(factor, unit, unit read, factor of the other reading, problem) for one combination.

        The other reading exists for a multiplier without a unit in a scaled row: 1.04万 in a
        亿元 row is 1.04万亿元 or 1.04万元; the figure's magnitude decides (``_ambiguous``).
        """
        nan = math.nan
        if not iid:
            return nan, "", "", nan, ""
        unit_pub = unicodedata.normalize("NFKC", unit_pub)  # ％ is %, ｋｍ is km
        ind = self.indicator(iid)
        if measure in ("yoy_pct", "share_pct") or percent:
            if unit_pub not in ("", "%") or (measure in ("level", "new_in_year")
                                             and ind.unit_base != "%"):
                return nan, "", "", nan, (
                    f"a unit that converts to {ind.unit or 'the indicator unit'} (a percentage "
                    "needs measure yoy_pct or share_pct, or a % indicator)")
            return 1.0, "%", "%", nan, ""
        if unit_pub:
            try:
                f_unit = conversion_factor(unit_pub, ind.unit)
            except ValueError as e:
                if not comparable:  # kept in its own unit; never used for fitting
                    return 1.0, unit_pub, unit_pub, nan, ""
                return nan, "", "", nan, f"a unit that converts to {ind.unit!r} ({e})"
            if mult != 1 and lookup_unit(unit_pub).scale != 1:
                # 1.2万 with unit 亿元: 1.2万亿元 or 1.2万元; 10万 with unit 万个: 10万个
                # or 10亿个. The figure's magnitude decides (_ambiguous), else an error.
                base = _base_unit_of(unit_pub)
                try:
                    return conversion_factor(base, ind.unit), ind.unit, base, f_unit, ""
                except ValueError:
                    return f_unit, ind.unit, unit_pub, nan, ""
            return f_unit, ind.unit, unit_pub, nan, ""
        if mult == 1:
            return 1.0, ind.unit, ind.unit, nan, ""
        base = _base_unit(ind)
        try:
            f_base = conversion_factor(base, ind.unit)
        except ValueError:
            return 1.0, ind.unit, ind.unit, nan, ""
        if ind.unit_scale == 1:
            return f_base, ind.unit, base, nan, ""
        return f_base, ind.unit, base, 1.0, ""

    def _ambiguous(self, value, factor, alt, iid, lines, vcol, vtext, unit, out_value):
        """Settle 1.04万 in a 亿元 row by the indicator's magnitude, or say it is ambiguous."""
        amb = np.flatnonzero(~np.isnan(alt))
        composed = np.zeros(len(value), dtype=bool)
        for i in amb:
            ref = self.magnitude.get(iid[i], math.nan)
            a, b = value[i] * factor[i], value[i] * alt[i]
            near = [abs(math.log10(x / ref)) <= math.log10(PLAUSIBLE) if x > 0 and ref == ref
                    else False for x in (a, b)]
            text = vtext.cats[vtext.codes[i]]
            if near == [False, True]:
                out_value[i], factor[i] = b, alt[i]
                composed[i] = True
            elif near != [True, False]:
                one = np.zeros(len(value), dtype=bool)
                one[i] = True
                u = unit[i]
                in_u = value[i] * factor[i] / conversion_factor(u, self.indicator(iid[i]).unit)
                self.problems.add(one, lines, vcol, iid, text, (
                    f"a figure whose unit is clear: {text!r} in a row in {u} may mean "
                    f"{text}{_base_unit_of(u)} or {text} × {u}; write the figure in {u} without "
                    f"万/亿 (e.g. {in_u:g} for {text}{_base_unit_of(u)}), or put its own unit in "
                    "the unit column"))
        return composed

    def _checks(self, value, out_value, measure, percent, qual_col, iid, lines, vcol, vtext,
                info, iid_c):
        P = self.problems
        level = np.isin(measure, ["level", "new_in_year", "share_pct"])
        shown = vtext.values() if len(vtext) else np.empty(0, dtype=object)
        bad = level & (value < 0)
        if bad.any():
            P.add(bad, lines, vcol, iid, shown, "a value >= 0 for a level or count")
        zero = level & (value == 0) & (qual_col != "exact")
        if zero.any():
            P.add(zero, lines, vcol, iid, shown,
                  "a figure above 0 (0 reads as a placeholder: leave the cell empty or type — "
                  "for a year not known; a true zero needs qualifier exact)")
        share = (measure == "share_pct") & ((value < 0) | (value > 100))
        if share.any():
            P.add(share, lines, vcol, iid, shown, "a percentage within [0, 100]")
        # 0.35 typed in a % row, or 0.486 from a cell not formatted as %, is 100× too small
        unit_base = info["unit_base"].fillna("").to_numpy()[iid_c.codes]
        pct_level = (unit_base == "%") & np.isin(measure, ["level", "share_pct"]) & ~percent
        small = pct_level & (value > 0) & (value < 1)
        if small.any():
            mags = np.array([self.magnitude.get(i, math.nan) for i in iid_c.cats])[iid_c.codes]
            frame = pd.DataFrame({"iid": iid, "v": out_value})
            peers = frame["v"].where(frame["v"] >= 1).groupby(frame["iid"]).transform("median")
            ref = np.where(np.isnan(mags), peers.to_numpy(), mags)
            small &= ref >= 5
            msg = np.full(len(value), "", dtype=object)
            for i in np.flatnonzero(small):
                v, r = value[i], ref[i]
                msg[i] = (f"a percentage as printed (35 or 35% for 35%): {v:g} reads as {v:g}%, "
                          f"two orders below this indicator's {r:g}%; did you mean {v * 100:g}?")
            P.add(small, lines, vcol, iid, shown, msg)

    def _slips(self, iid, region, year, measure, as_of, out_value, comparable, checked, lines,
               vcol, vtext, factor, given) -> None:
        """A figure 10^k times its own series (the same indicator and region: this file's
        other years, the shipped figures, the plan's base and target) is an error naming
        the readings that would make sense (``catalog._magnitude`` has the rule and its
        thresholds); ``checked`` true marks a figure as meant. Compared: year-end levels
        and yearly flows (a part-year figure of a flow is a part of the year's)."""
        P = self.problems
        flows = flow_ids() | ({t.indicator_id for t in self.plan.targets
                               if t.measure == "annual_flow"} if self.plan else set())
        part = as_of != ""
        kind = np.where(measure == "new_in_year", "flow", "level")
        usable = (~P.bad & comparable & (out_value > 0) & (iid != "")
                  & np.isin(measure, ["level", "new_in_year"])
                  & ~(part & ((measure == "new_in_year") | np.isin(iid, list(flows)))))
        if not usable.any():
            return
        rows = np.flatnonzero(usable)
        mine = pd.DataFrame({"iid": iid[rows], "region": region[rows], "kind": kind[rows],
                             "year": year[rows], "log": np.log10(out_value[rows]),
                             "row": np.where(checked[rows], -1 - rows, rows), "target": False})
        others = self._references(set(np.unique(iid[rows])), set(np.unique(region[rows])))
        points = pd.concat([mine, others], ignore_index=True) if len(others) else mine
        logs = points.groupby(["iid", "region", "kind"], sort=False)["log"]
        wide = points[(logs.transform("max") - logs.transform("min")).to_numpy() >= STEP]
        if not (wide["row"] >= 0).any():
            return
        bad = np.zeros(len(iid), dtype=bool)
        expected = np.full(len(iid), "", dtype=object)
        for _, g in wide.groupby(["iid", "region", "kind"], sort=False):
            if not (g["row"] >= 0).any():
                continue
            series = []
            for y, lg, r, tgt, label in zip(g["year"], g["log"], g["row"], g["target"],
                                            g["label"] if "label" in g else [""] * len(g),
                                            strict=True):
                i = r if r >= 0 else -1 - r
                if not isinstance(label, str) or not label:
                    label = f"{y}: {10 ** lg:.6g} (line {lines[i]})"
                series.append(Ref(int(y), float(lg), label, int(r), bool(tgt)))
            for i, slip in series_slips(series).items():
                bad[i] = True
                expected[i] = self._slip_text(i, slip, vtext, out_value, factor, given, iid)
        if bad.any():
            P.add(bad, lines, vcol, iid, vtext.values(), expected)

    def _references(self, ids: set, regions: set) -> pd.DataFrame:
        """The numbers this file's figures (of ``ids`` in ``regions``) are compared with, in
        the rows' units: the shipped figures (for a user's file) and the plans' bases and
        targets."""
        cols = ["iid", "region", "kind", "year", "value", "unit", "label", "target"]
        found = [r for r in _shipped_plan_refs() if r[0] in ids and r[1] in regions]
        if self.plan is not None and not is_shipped(self.plan):
            found += [r for r in _plan_refs(self.plan) if r[0] in ids and r[1] in regions]
        out = pd.DataFrame(found, columns=cols)
        if self.origin != "jxdigital":
            a = _shipped()
            a = a[a["comparable"] & (a["value"] > 0) & (a["as_of"] == "")
                  & a["measure"].isin(["level", "new_in_year"])]
            kind = np.where(a["measure"] == "new_in_year", "flow", "level")
            ok = (a["indicator_id"].isin(ids) & a["region"].isin(regions)).to_numpy()
            a, kind = a[ok], kind[ok]
            out = pd.concat([out, pd.DataFrame({
                "iid": a["indicator_id"], "region": a["region"], "kind": kind, "year": a["year"],
                "value": a["value"], "unit": a["unit"], "target": False,
                "label": [f"{y}: {v:g} (shipped, {s})" for y, v, s in
                          zip(a["year"], a["value"], a["source_title"], strict=True)]})],
                ignore_index=True)
        if out.empty:
            return out

        def factor(i, u):
            try:
                return conversion_factor(u, self.indicator(i).unit)
            except (KeyError, ValueError):
                return math.nan

        f = np.array([factor(i, u) for i, u in zip(out["iid"], out["unit"], strict=True)])
        out = out.assign(log=np.log10(out["value"].to_numpy(float) * f), row=-1)
        return out[~np.isnan(f)].drop(columns=["value", "unit"])

    def _slip_text(self, i, slip, vtext, out_value, factor, given, iid) -> str:
        """What a figure off its series should be: the readings that make sense."""
        text = str(vtext.cats[vtext.codes[i]])
        unit = self.indicator(iid[i]).unit
        try:
            plain = float(text) == out_value[i] and factor[i] == 1
        except ValueError:
            plain = False
        shown = text if plain else f"{out_value[i]:.6g}"
        read = "" if plain else f" (read as {out_value[i]:.6g} {unit}" + (
            f" from unit {given[i]!r})" if given[i] else ")")
        refs = "; ".join(r.label for r in slip.refs[:4])
        readings = slip_readings(shown, out_value[i], slip.d, unit)
        return (f"a figure of its series' magnitude: {text} in a {unit or '(no unit)'} row"
                f"{read} is {times(slip.d)} the series ({refs}); did you mean "
                f"{' or '.join(readings)}? Type it in {unit or 'the row unit'} (or give its own "
                f"unit in column 'unit'), or {MEANT}")

    def _duplicates(self, *columns: np.ndarray) -> None:
        """One value per indicator-region-year-measure-as_of and source; one source may give
        two figures of different scope (部署 vs 开通): scope_note tells them apart."""
        *key, lines = columns
        ok = ~self.problems.bad
        codes = [Col.of(k).codes for k in key]
        frame = pd.DataFrame({f"k{i}": c for i, c in enumerate(codes)})
        dup = frame.duplicated(keep="first").to_numpy() & ok
        if not dup.any():
            return
        first = pd.Series(lines).groupby([frame[c] for c in frame.columns], sort=False) \
            .transform("first").to_numpy()
        self.problems.add(dup, lines, np.full(len(lines), "year", dtype=object), key[0],
                          key[2].astype(str).astype(object),
                          np.array([f"one value per indicator-year and source (line {f} has "
                                    "the same); give a distinguishing source_title, as_of or "
                                    "scope_note" for f in first], dtype=object))

    def _bounds_warning(self, out: pd.DataFrame, qual_given: np.ndarray) -> None:
        bounds = out[(out["qualifier"] == LOWER_BOUND).to_numpy() & ~qual_given]
        if len(bounds):
            eg = bounds.iloc[0]
            warnings.warn(f"{self.t.where}: {len(bounds)} figure(s) read as lower bounds, e.g. "
                          f"line {eg['_line']} ({eg['indicator_id']}): "
                          f"{eg['value_published']:g} and above", stacklevel=5)


def _base_unit(ind) -> str:
    return {"CNY": "元", "index": ""}.get(ind.unit_base, ind.unit_base)


def _base_unit_of(unit: str) -> str:
    u = lookup_unit(unit)
    return {"CNY": "元"}.get(u.base, u.base)


def read_table_file(path: Path, what: str = "actuals") -> Table:
    return read_table(path, HEADER_WORDS, what=what)


def read_observations(data: pd.DataFrame | Table, file: str = "<DataFrame>", *, origin: str,
                      strict: bool = True, plan: Plan | None = None,
                      default_region: str = "jiangxi") -> pd.DataFrame:
    """Validate a table of observations into the tidy actuals frame."""
    t = data if isinstance(data, Table) else table_from_frame(data, file)
    reader = _Reader(t, plan, origin, default_region)
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
