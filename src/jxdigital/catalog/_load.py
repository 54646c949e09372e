"""Load plan tables (the shipped catalogue or a user's CSV/xlsx) into ``Plan`` objects.

The shipped file and a user's file go through the same reader: the printed texts
are parsed here, and parsed columns a file also carries must agree with them.
"""

from __future__ import annotations

import logging
import math
import re
import unicodedata
import warnings
from functools import lru_cache
from pathlib import Path
from typing import cast

import numpy as np
import pandas as pd

from .. import _tables, codes
from .._data import data_path
from ..codes import DEFAULT_PLAN, TARGET_MEASURES
from ..errors import NotFoundError, PlanFormatError, Problem
from ._magnitude import plan_slip
from ._models import (
    USER_REGION,
    BaseQualifier,
    Comparator,
    Direction,
    Indicator,
    Measure,
    Plan,
    Source,
    Target,
    implied_direction,
)
from ._parse import (
    BASE_QUALIFIERS,
    COMPARATORS,
    GROWTH_EXPECTED,
    TextError,
    in_points,
    parse_base,
    parse_growth,
    parse_target,
    text_year,
)
from ._regions import EXPECTED as REGION_EXPECTED
from ._regions import region_code
from ._units import conversion_factor, lookup_unit

REQUIRED = ["indicator_id", "name_zh", "unit", "base_year", "base_text", "target_year",
            "target_text"]
OPTIONAL = ["plan_id", "seq", "title_zh", "title_en", "region", "name_en", "short_zh",
            "short_en", "category_zh",
            "category_en", "stated_growth_text", "attribute", "measure", "direction",
            "is_share", "is_stock", "reference", "subject", "linked", "tolerance",
            "source_doc",
            "source_location", "source_quote", "note", "checked"]
#: Parsed meaning a file may carry; checked against the parse of the printed text.
PARSED = ["base_value", "base_qualifier", "target_value", "target_high", "comparator",
          "stated_growth", "unit_base", "unit_scale"]
ATTRIBUTES = {"预期性": "预期性", "约束性": "约束性", "expected": "预期性", "binding": "约束性",
              "": ""}
MEASURES = TARGET_MEASURES
_ID = re.compile(r"^[a-z][a-z0-9_]*$")
#: Longest indicator id: it names the target's chart file.
MAX_ID = 64
_TRUE = {"true", "1", "yes", "y", "是"}
_FALSE = {"false", "0", "no", "n", "否", ""}


#: Column names that mark a plan table's header row (rows above it are a title).
HEADER_WORDS = {"indicator_id", "plan_id", "target_text", "name_zh"}


log = logging.getLogger("jxdigital.catalog")

def read_table(path: str | Path, what: str = "plan") -> pd.DataFrame:
    """Read a CSV (UTF-8, GBK or UTF-16) or .xlsx table as strings (nothing guessed, nothing
    turned to NaN). ``attrs['lines']`` holds each row's line; ``attrs['notes']`` what the
    reader did (encoding, a title row skipped)."""
    t = _tables.read_table(path, HEADER_WORDS, what=what)
    df = t.frame.astype(str).astype(object)  # plain strings, not categories
    df.attrs.update(lines=[int(x) for x in t.lines], notes=list(t.notes), file=t.where)
    return df


@lru_cache(maxsize=1)
def stock_ids() -> frozenset[str]:
    """Indicators that are running totals that do not fall (``data/stocks.csv``)."""
    return frozenset(read_table(data_path("stocks.csv"))["indicator_id"])


@lru_cache(maxsize=1)
def flow_share_sources() -> dict[str, str]:
    """Indicators whose yearly value is a total over the year, each with the series
    ('region:indicator_id') the share of the year a 1–N月 figure covers is learned from
    (``data/flows.csv``)."""
    t = read_table(data_path("flows.csv"))
    return {str(i): str(s) for i, s in zip(t["indicator_id"], t["share_from"], strict=True)
            if str(s) not in ("", "nan")}


@lru_cache(maxsize=1)
def people_counts() -> frozenset[tuple[str, str]]:
    """(indicator, region) pairs that count people (``data/caps.csv``, at_most population;
    an empty region: every region): no value can exceed the region's population. A
    definition that counts accounts (Jiangxi's IPv6 万户, mobile subscriptions) is not
    listed: it can exceed the residents."""
    t = read_table(data_path("caps.csv"))
    t = t[t["at_most"] == "population"]
    return frozenset((str(i), str(r)) for i, r in zip(t["indicator_id"], t["region"],
                                                      strict=True))


def counts_people(indicator_id: str, region: str) -> bool:
    """Whether ``indicator_id`` in ``region`` counts people (``people_counts``)."""
    caps = people_counts()
    return (indicator_id, region) in caps or (indicator_id, "") in caps


@lru_cache(maxsize=1)
def populations() -> dict[str, float]:
    """The largest resident population known for each region (``data/populations.csv``), in
    persons: a cap on any count of people there, whatever the year."""
    t = read_table(data_path("populations.csv"))
    out: dict[str, float] = {}
    for region, value, unit in zip(t["region"], t["value"], t["unit"], strict=True):
        scale = {"万人": 1e4, "人": 1.0, "亿人": 1e8}[str(unit)]
        out[str(region)] = max(out.get(str(region), 0.0), float(value) * scale)
    return out


@lru_cache(maxsize=1)
def share_ratios() -> dict[str, tuple[str, str]]:
    """Shares defined as one level over another (``data/ratios.csv``): share id →
    (numerator id, denominator id), the share being numerator ÷ denominator × 100."""
    t = read_table(data_path("ratios.csv"))
    return {str(s): (str(n), str(d)) for s, n, d in
            zip(t["share_id"], t["numerator_id"], t["denominator_id"], strict=True)}


@lru_cache(maxsize=1)
def level_ids() -> frozenset[str]:
    """Indicators known to be levels that can fall (``data/levels.csv``: users, subscribers):
    a part-year figure of one measures its year-end with noise."""
    return frozenset(read_table(data_path("levels.csv"))["indicator_id"].astype(str))


@lru_cache(maxsize=1)
def flow_ids() -> frozenset[str]:
    """Indicators whose yearly value is a total over the year (``data/flows.csv``): a
    part-year figure of one is the year's total so far, never a level of the series."""
    t = read_table(data_path("flows.csv"))
    return frozenset(t["indicator_id"].astype(str))


@lru_cache(maxsize=1)
def publisher_names() -> dict[str, str]:
    """Publishers' English names by their Chinese ones (``data/publishers.csv``), for
    English source lines."""
    t = read_table(data_path("publishers.csv"))
    return dict(zip(t["name_zh"].astype(str), t["name_en"].astype(str), strict=True))


@lru_cache(maxsize=1)
def publisher_origins() -> dict[str, tuple[str, str]]:
    """The original publisher of the shipped figures, by the ``publisher`` text of
    ``data/actuals.csv`` (``data/publisher_origins.csv``: ``original_zh``, ``original_en``;
    both empty where the record names none): what a chart's source line names, never a
    mirror or reposting site."""
    t = read_table(data_path("publisher_origins.csv"))
    return {str(p): (str(zh or ""), str(en or "")) for p, zh, en in
            zip(t["publisher"], t["original_zh"].fillna(""), t["original_en"].fillna(""),
                strict=True)}


@lru_cache(maxsize=1)
def link_decisions() -> pd.DataFrame:
    """Series of another definition considered for the shipped plans' rows
    (``data/links.csv``: ``plan_id, indicator_id, series, decision`` 'link' or 'refuse',
    ``why_zh, why_en, basis``)."""
    return read_table(data_path("links.csv"))


def plan_stock_ids(plan: Plan) -> frozenset[str]:
    """The running totals a plan is judged with: the catalogue's and its own ``is_stock``
    rows."""
    return stock_ids() | {t.indicator_id for t in plan if t.indicator.is_stock}


def plans_table() -> pd.DataFrame:
    """The shipped ``plans.csv``: one row per plan."""
    return _shipped_plans()


def _num(s: str) -> float:
    return float(s) if s not in ("", "nan", "NaN") else math.nan


def _year_or_none(s: str) -> int | None:
    """A year column's year, or None (empty or not a year: ``_RowReader.year`` says so)."""
    try:
        y = float(s)
    except ValueError:
        return None
    return int(y) if y == int(y) and 1900 <= y <= 2100 else None


def _same(a: float, b: float) -> bool:
    return (math.isnan(a) and math.isnan(b)) or math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12)


class _RowReader:
    """Parse one row, collecting every problem rather than stopping at the first."""

    def __init__(self, file: str, line: int, row: dict[str, str]):
        self.file, self.line, self.row = file, line, row
        self.id = row.get("indicator_id", "")
        self.problems: list[Problem] = []

    def bad(self, column: str, expected: str) -> None:
        self.problems.append(Problem(self.file, self.line, self.id, column,
                                     self.row.get(column, ""), expected))

    def year(self, column: str, required: bool) -> int | None:
        s = self.row.get(column, "")
        if s == "" and not required:
            return None
        try:
            y = float(s)
            if y != int(y) or not 1900 <= y <= 2100:
                raise ValueError
            return int(y)
        except ValueError:
            self.bad(column, "a year such as 2025")
            return None

    def region(self, default: str) -> str:
        s = self.row.get("region", "")
        return (region_code(s) or default) if s else default

    def seq(self) -> int:
        s = self.row.get("seq", "")
        try:
            return int(s) if s else self.line - 1
        except ValueError:
            self.bad("seq", "a whole number giving the printed order")
            return self.line - 1

    def choice(self, column: str, allowed, default: str) -> str:
        s = self.row.get(column, "") or default
        if s not in allowed:
            self.bad(column, "one of " + ", ".join(repr(a) for a in allowed if a))
            return default
        return s

    def flag(self, column: str, default: bool) -> bool:
        s = self.row.get(column, "").lower()
        if column not in self.row or s == "":
            return default
        if s in _TRUE:
            return True
        if s not in _FALSE:
            self.bad(column, "true or false")
        return False

    def read(self, plan_meta: dict[str, str]) -> Target | None:
        r = self.row
        if not _ID.match(self.id) or len(self.id) > MAX_ID:
            self.bad("indicator_id", "a snake_case id of lowercase letters, digits and _ "
                     f"starting with a letter, at most {MAX_ID} characters, e.g. "
                     "'base_stations_5g'" + (f" (this one has {len(self.id)})"
                                             if len(self.id) > MAX_ID else ""))
        if not r.get("name_zh"):
            self.bad("name_zh", "the indicator's Chinese name")
        unit = unicodedata.normalize("NFKC", r.get("unit", ""))  # ％ is %
        u = lookup_unit(unit)
        measure = self.choice("measure", MEASURES, "level")
        base_text, target_text = r.get("base_text", ""), r.get("target_text", "")
        try:  # a year the text names must agree with the row's
            base = parse_base(base_text, unit, _year_or_none(r.get("base_year", "")))
        except TextError as e:
            self.bad("base_text", e.expected)
            base = parse_base("")
        try:
            tgt = parse_target(target_text, unit, base.value,
                               _year_or_none(r.get("target_year", "")), measure)
        except TextError as e:
            self.bad("target_text", e.expected)
            tgt = parse_target("")
        try:
            gr = parse_growth(r.get("stated_growth_text", ""))
        except TextError:
            self.bad("stated_growth_text", GROWTH_EXPECTED)
            gr = parse_growth("")
        # an empty year column takes the year the text names ("2025年建成10万个")
        base_year = self.year("base_year", required=base.comparator != "none"
                              and text_year(base_text) is None)
        if base_year is None and not r.get("base_year", "") and base.comparator != "none":
            base_year = text_year(base_text)
        target_year = self.year("target_year", required=text_year(target_text) is None)
        if target_year is None and not r.get("target_year", ""):
            target_year = text_year(target_text)
        if base_year is not None and target_year is not None and base_year >= target_year:
            self.bad("base_year", f"a year before target_year {target_year}")
        default_dir = implied_direction(tgt.comparator, base.value, tgt.value, tgt.high)
        direction = self.choice("direction", ("increase", "decrease"), default_dir)
        is_share = self.flag("is_share", default=(u.base == "%" and measure == "level"))
        is_stock = self.flag("is_stock", default=self.id in stock_ids())
        if is_share and u.base != "%":
            self.bad("is_share", f"false, or unit '%' (a share is a percentage; unit is {unit!r})")
        if r.get("region", "") and region_code(r["region"]) is None:
            self.bad("region", REGION_EXPECTED)
        attribute = r.get("attribute", "")
        if attribute not in ATTRIBUTES:
            self.bad("attribute", "预期性 or 约束性 (or expected / binding), or empty")
        tol = r.get("tolerance", "")
        try:
            tolerance = _num(tol)
            if tolerance < 0:
                raise ValueError
        except ValueError:
            self.bad("tolerance", "a non-negative number in the indicator's unit, or empty")
            tolerance = math.nan
        reference = r.get("reference", "")
        if tgt.comparator == codes.ABOVE_NATIONAL_AVERAGE and not reference:
            reference = "china"
        if tgt.comparator == codes.FASTER_THAN and not reference:
            self.bad("reference", "the series to compare growth with, e.g. 'jiangxi:gdp'")
        if measure in ("level", "annual_flow"):
            for col, v in (("base_text", base.value), ("target_text", tgt.value),
                           ("target_text", tgt.high)):
                if v < 0:
                    self.bad(col, "a value >= 0 for a level")
                if is_share and v > 100:
                    self.bad(col, "a percentage within [0, 100] for a share")
        if measure == "level" and not self.flag("checked", default=False):
            self._magnitude(base, tgt, unit, r.get("direction", ""))
        self._check_parsed(base, tgt, gr, u)
        seq = self.seq()
        if self.problems:
            return None
        # a row without problems has its target year: given, or named by the text
        assert target_year is not None
        try:
            # the codes are the parser's and the checked columns': pydantic checks them again
            indicator = Indicator(
                indicator_id=self.id, name_zh=r["name_zh"], name_en=r.get("name_en", ""),
                short_zh=r.get("short_zh", "") or "", short_en=r.get("short_en", "") or "",
                category_zh=r.get("category_zh", ""), category_en=r.get("category_en", ""),
                unit=unit, unit_base=u.base, unit_scale=u.scale, is_share=is_share,
                is_stock=is_stock,
                direction=cast(Direction, direction), region=self.region(plan_meta["region"]))
            return Target(
                plan_id=plan_meta["plan_id"], seq=seq,
                indicator=indicator, measure=cast(Measure, measure), base_year=base_year,
                base_text=r.get("base_text", ""), base_value=base.value,
                base_qualifier=cast(BaseQualifier, base.comparator), target_year=target_year,
                target_text=r.get("target_text", ""), target_value=tgt.value,
                target_high=tgt.high, comparator=cast(Comparator, tgt.comparator),
                tolerance=tolerance,
                stated_growth_text=r.get("stated_growth_text", ""), stated_growth=gr.value,
                stated_growth_qualifier=gr.comparator, attribute=ATTRIBUTES[attribute],
                reference=reference, subject=r.get("subject", ""),
                linked=r.get("linked", ""),
                source=Source(doc=r.get("source_doc", ""), location=r.get("source_location", ""),
                              quote=r.get("source_quote", "")),
                note=r.get("note", ""))
        except (ValueError, TypeError) as e:  # pydantic's ValidationError is a ValueError
            self.bad("", f"a valid target row ({e})")
            return None

    def _magnitude(self, base, tgt, unit: str, direction: str) -> None:
        """A target 10^k times its base, or a fall of more than half where the row does not
        say decrease, is questioned (``_magnitude.plan_slip``): '3' meaning 3万亿 in a 亿元
        row is not a planned fall of 99.98 %."""
        if any(p.column in ("base_text", "target_text") for p in self.problems):
            return
        if tgt.comparator not in ("reach", "at_least", "more_than", "around", "between"):
            return  # at_most (不高于) says decrease; no number; a comparison
        if in_points(self.row.get("target_text", "")):
            return  # a change in points is read from the base: it says its own direction
        top = tgt.high if tgt.comparator == "between" else tgt.value
        text = self.row.get("target_text", "")
        expected = plan_slip(text, base.value, top, unit, decrease=direction == "decrease")
        if expected:
            self.bad("target_text", expected)

    def _check_parsed(self, base, tgt, gr, u) -> None:
        r = self.row
        checks = {
            "base_value": base.value, "target_value": tgt.value, "target_high": tgt.high,
            "stated_growth": gr.value, "unit_scale": u.scale,
        }
        for col, parsed in checks.items():
            if col in r:
                try:
                    ok = _same(_num(r[col]), parsed)
                except ValueError:
                    ok = False
                if not ok:
                    self.bad(col, f"{parsed!r}, as read from the printed text")
        for col, parsed, allowed in (("comparator", tgt.comparator, COMPARATORS),
                                     ("base_qualifier", base.comparator, BASE_QUALIFIERS),
                                     ("unit_base", u.base, None)):
            if col in r and r[col] != parsed:
                if allowed is not None and r[col] not in allowed:
                    self.bad(col, "one of " + ", ".join(allowed))
                else:
                    self.bad(col, f"{parsed!r}, as read from the printed text")


def plan_from_frame(df: pd.DataFrame, file: str, meta: dict[str, str],
                    lines: list[int] | None = None) -> Plan:
    """Validate a plan table (strings) and build the ``Plan``; raise ``PlanFormatError``.

    ``lines`` are the file lines of the rows (default: row i is on line i + 2).
    """
    problems: list[Problem] = []
    missing = [c for c in REQUIRED if c not in df.columns]
    unknown = [c for c in df.columns if c not in REQUIRED + OPTIONAL + PARSED]
    for c in missing:
        problems.append(Problem(file, None, "", c, "", "this required column"))
    for c in unknown:
        problems.append(Problem(file, None, "", c, "", "a known column: "
                                + ", ".join(REQUIRED + OPTIONAL)))
    if problems:
        raise PlanFormatError(problems)
    targets: list[Target] = []
    seen: dict[tuple[str, str, int], int] = {}
    for i, row in enumerate(df.to_dict("records")):
        line = lines[i] if lines is not None else i + 2
        reader = _RowReader(file, line, row)
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
    if not len(df):
        problems.append(Problem(file, None, "", "", "", "at least one target row"))
    if problems:
        raise PlanFormatError(problems)
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


def _shipped_plans() -> pd.DataFrame:
    return read_table(data_path("plans.csv"))


def _first(df: pd.DataFrame, col: str) -> str:
    if col not in df.columns:
        return ""
    vals = [v for v in df[col] if v]
    return vals[0] if vals else ""


def load_plan(plan_id: str | Path = DEFAULT_PLAN, which: str | None = None) -> Plan:
    """Load a shipped plan by id, or a user's plan table from a CSV or .xlsx path.

    A user file holding several plans (a ``plan_id`` column) needs ``which``.
    """
    p = Path(plan_id)
    is_file = isinstance(plan_id, Path) or p.suffix.lower() in (".csv", ".xlsx", ".xlsm")
    if is_file:
        try:
            df = read_table(p)
        except _tables.TableError as e:
            raise PlanFormatError(e.problems) from None
        # (taken out of attrs: pandas deep-copies attrs into every frame made from this one)
        lines = df.attrs.pop("lines")
        ids = sorted({v for v in df.get("plan_id", pd.Series(dtype=str)) if v})
        name = ids[0] if ids else p.stem
        if len(ids) > 1:
            if which is None or which not in ids:
                raise PlanFormatError([Problem(str(p), None, "", "plan_id", str(which or ""),
                                               "which= one of " + ", ".join(ids))])
            lines = [lines[i] for i in np.flatnonzero(df["plan_id"] == which)]
            df = df[df["plan_id"] == which].reset_index(drop=True)
            name = which
        region = _first(df, "region") or USER_REGION
        meta = {"plan_id": name,
                "title_zh": _first(df, "title_zh") or p.stem, "title_en": _first(df, "title_en"),
                "region": region_code(region) or region}
        plan = plan_from_frame(df.drop(columns=["title_zh", "title_en"], errors="ignore"),
                               str(p), meta, lines=lines)
        log.info("read plan %s from %s: %d targets, %d region(s)", plan.plan_id, p,
                 len(plan), len(plan.regions))
        warn_shipped_ids(plan)
        return plan
    plans_df = _shipped_plans()
    row = plans_df[plans_df["plan_id"] == str(plan_id)]
    if row.empty:
        raise NotFoundError(f"no shipped plan {str(plan_id)!r}; shipped plans: "
                       + ", ".join(plans_df["plan_id"]) + " (or pass a .csv/.xlsx path)")
    meta = row.iloc[0].to_dict()
    path = data_path("indicators.csv")
    df = read_table(path)
    sel = df[df["plan_id"] == meta["plan_id"]]
    # Line numbers in errors must point into indicators.csv, so keep the file's index.
    return plan_from_frame(sel.reset_index(drop=True), str(path), meta,
                           lines=[int(i) + 2 for i in sel.index])


def plans() -> pd.DataFrame:
    """The shipped plans: id, titles, base and target year, number of targets."""
    meta = _shipped_plans()
    counts = read_table(data_path("indicators.csv"))["plan_id"].value_counts()
    out = meta.copy()
    out["n_targets"] = out["plan_id"].map(counts).fillna(0).astype(int)
    for c in ("base_year", "target_year"):
        out[c] = pd.to_numeric(out[c]).astype("Int64")
    cols = ["plan_id", "title_zh", "title_en", "base_year", "target_year", "n_targets",
            "region", "issuer", "issued", "source_doc"]
    return out[cols]


@lru_cache(maxsize=1)
def shipped_units() -> dict[str, str]:
    """Indicator id → unit of every shipped indicator (the plans' table first, so its units
    win, then the context series)."""
    out: dict[str, str] = {}
    for name in ("indicators.csv", "series.csv"):
        df = read_table(data_path(name))
        for iid, unit in zip(df["indicator_id"], df["unit"], strict=True):
            out.setdefault(iid, unit)
    return out


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
