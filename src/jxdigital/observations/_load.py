"""Read actuals: the shipped ``data/actuals.csv`` and users' CSV/xlsx files (long or wide).

Every row is checked against the indicator registry; values are converted to the
catalogue's unit. Problems name the file, line, indicator and column.
"""

from __future__ import annotations

import difflib
import re
import warnings
from pathlib import Path

import pandas as pd
from pydantic import ValidationError

from .._data import data_path
from ..catalog import Plan, conversion_factor, indicator_registry, load_plan, lookup_unit
from ..catalog._load import read_table
from ..errors import InputError, Problem
from ._model import COLUMNS, Observation
from ._numbers import QUALIFIERS, parse_number
from ._select import mark_selected

MEASURES = ("level", "yoy_pct", "share_pct", "new_in_year")
_ALIASES = {"指标名称": "indicator", "指标": "indicator", "年份": "year", "年": "year",
            "数值": "value", "值": "value", "单位": "unit", "地区": "region",
            "来源": "source_title", "发布单位": "publisher", "发布日期": "published",
            "链接": "source_url", "备注": "note"}
_YEAR_COL = re.compile(r"^(19|20)\d{2}(年)?$")
_KNOWN = set(COLUMNS) | {"indicator", "indicator_zh"}


class ActualsError(InputError):
    """Actuals that cannot be read."""


def _names(registry: pd.DataFrame, plans: list[Plan]) -> dict[str, set[str]]:
    """Chinese name (with or without unit) → indicator ids."""
    out: dict[str, set[str]] = {}
    for r in registry.itertuples():
        for n in (r.name_zh, r.label_zh):
            out.setdefault(n, set()).add(r.indicator_id)
    for plan in plans:
        for ind in plan.indicators:
            for n in (ind.name_zh, ind.label_zh):
                out.setdefault(n, set()).add(ind.indicator_id)
    return out


class _Reader:
    def __init__(self, file: str, registry: pd.DataFrame, plans: list[Plan], origin: str,
                 default_region: str):
        self.file, self.origin, self.default_region = file, origin, default_region
        self.reg = registry.set_index("indicator_id")
        self.names = _names(registry, plans)
        self.problems: list[Problem] = []

    def bad(self, line: int, iid: str, column: str, value: object, expected: str) -> None:
        self.problems.append(Problem(self.file, line, iid, column, str(value), expected))

    def indicator(self, line: int, row: dict[str, str]) -> str | None:
        iid = row.get("indicator_id", "")
        if iid:
            if iid in self.reg.index:
                return iid
            column, given = "indicator_id", iid
        else:
            given = row.get("indicator", "") or row.get("indicator_zh", "")
            ids = self.names.get(given, set())
            if len(ids) == 1:
                return next(iter(ids))
            column = "indicator"
            if len(ids) > 1:
                self.bad(line, "", column, given, "a name that means one indicator; it matches "
                         + ", ".join(sorted(ids)) + ": give indicator_id")
                return None
        choices = list(self.reg.index) + list(self.names)
        close = difflib.get_close_matches(given, choices, n=3, cutoff=0.5)
        hint = f"; did you mean {', '.join(repr(c) for c in close)}?" if close else ""
        self.bad(line, "", column, given, f"a known indicator id or Chinese name{hint}")
        return None

    def row(self, line: int, row: dict[str, str]) -> dict | None:
        n_before = len(self.problems)
        iid = self.indicator(line, row)
        if iid is None:
            return None
        ind = self.reg.loc[iid]
        try:
            year = int(float(row.get("year", "")))
            if not 1990 <= year <= 2100:
                raise ValueError
        except ValueError:
            self.bad(line, iid, "year", row.get("year", ""), "a year between 1990 and 2100")
            year = 0
        measure = row.get("measure", "") or ("share_pct" if ind.is_share else "level")
        if measure not in MEASURES:
            self.bad(line, iid, "measure", measure, "one of " + ", ".join(MEASURES))
        qualifier_col = row.get("qualifier", "")
        if qualifier_col and qualifier_col not in QUALIFIERS:
            self.bad(line, iid, "qualifier", qualifier_col, "one of " + ", ".join(QUALIFIERS))
        try:
            num = parse_number(row.get("value", ""))
        except ValueError as e:
            # the Problem adds "(got ...)" itself; keep only what was expected
            said = str(e).removeprefix("expected ").split(", got ")[0]
            self.bad(line, iid, "value", row.get("value", ""), said)
            return None
        if num.qualifier == "lower_bound" and not qualifier_col:
            warnings.warn(f"{self.file} line {line} ({iid}): {row.get('value')!r} read as "
                          f"{num.value:g}, a lower bound", stacklevel=4)
        unit_pub = row.get("unit", "")
        comparable = row.get("comparable", "true").lower() not in ("false", "0", "no", "否")
        value, unit, src_unit = self._convert(line, iid, ind, measure, num, unit_pub,
                                              comparable)
        if value is None or len(self.problems) > n_before:
            return None
        out = {
            "indicator_id": iid, "region": row.get("region", "") or self.default_region,
            "year": year, "as_of": row.get("as_of", ""), "value": value, "unit": unit,
            "measure": measure, "qualifier": qualifier_col or num.qualifier,
            "comparable": comparable, "scope_note": row.get("scope_note", ""),
            "kind": row.get("kind", "") or "published", "derived_from": row.get("derived_from", ""),
            "source_type": row.get("source_type", "") or ("user" if self.origin != "jxdigital"
                                                          else "other"),
            "source_title": row.get("source_title", "") or (
                f"{Path(self.file).name}" if self.origin != "jxdigital" else ""),
            "publisher": row.get("publisher", ""), "source_url": row.get("source_url", ""),
            "published": row.get("published", ""),
            "checked": row.get("checked", "").lower() in ("yes", "true", "1"),
            "note": row.get("note", ""), "value_published": num.value,
            "unit_published": src_unit,
            "origin": self.origin,
        }
        try:
            return Observation(**out).model_dump()
        except ValidationError as e:
            for err in e.errors():
                col = str(err["loc"][0]) if err["loc"] else ""
                self.bad(line, iid, col, row.get(col, ""), err["msg"])
            return None

    def _convert(self, line, iid, ind, measure, num, unit_pub, comparable):
        """(value, unit) in the catalogue's unit and the unit read; Nones after a problem."""
        if measure in ("yoy_pct", "share_pct") or num.percent:
            if unit_pub not in ("", "%") or (measure in ("level", "new_in_year")
                                             and ind.unit_base != "%"):
                self.bad(line, iid, "unit", unit_pub or "%", f"a unit that converts to "
                         f"{ind.unit or 'the indicator unit'} (a percentage needs measure "
                         "yoy_pct or share_pct, or a % indicator)")
                return None, None, None
            if measure == "share_pct" and not 0 <= num.value <= 100:
                self.bad(line, iid, "value", num.value, "a percentage within [0, 100]")
                return None, None, None
            return num.value, "%", "%"
        if num.value < 0:
            self.bad(line, iid, "value", num.value, "a value >= 0 for a level or count")
            return None, None, None
        if num.multiplier != 1 and lookup_unit(unit_pub).scale != 1:
            self.bad(line, iid, "value", f"{num.value:g}", f"either a multiplier in the value "
                     f"or a scaled unit ({unit_pub!r}), not both")
            return None, None, None
        src_unit = unit_pub
        if not unit_pub:  # no unit: the indicator's unit, or its base unit if 万/亿 was written
            src_unit = ind.unit if num.multiplier == 1 else _base_unit(ind)
        try:
            return num.value * conversion_factor(src_unit, ind.unit), ind.unit, src_unit
        except ValueError as e:
            if not comparable:  # kept in its own unit; never used for fitting
                return num.value, src_unit, src_unit
            self.bad(line, iid, "unit", src_unit, f"a unit that converts to {ind.unit!r} ({e})")
            return None, None, None


def _base_unit(ind) -> str:
    return {"CNY": "元", "index": ""}.get(ind.unit_base, ind.unit_base)


def _to_long(df: pd.DataFrame) -> tuple[pd.DataFrame, list[int]]:
    """Wide (years as columns) → long; returns rows and their file lines."""
    year_cols = [c for c in df.columns if _YEAR_COL.match(str(c))]
    if "year" in df.columns or not year_cols:
        return df, [i + 2 for i in range(len(df))]
    rows, lines = [], []
    keep = [c for c in df.columns if c not in year_cols]
    for i, r in enumerate(df.to_dict("records")):
        for c in year_cols:
            if str(r[c]).strip() in ("", "—", "-", "nan"):
                continue  # a missing year stays missing
            rows.append({**{k: r[k] for k in keep}, "year": str(c).rstrip("年"), "value": r[c]})
            lines.append(i + 2)
    return pd.DataFrame(rows, columns=[*keep, "year", "value"]), lines


def read_observations(df: pd.DataFrame, file: str, *, origin: str, strict: bool = True,
                      plan: Plan | None = None, default_region: str = "jiangxi") -> pd.DataFrame:
    """Validate a table of observations (strings) into the tidy actuals frame."""
    df = df.rename(columns={c: _ALIASES.get(str(c).strip(), str(c).strip()) for c in df.columns})
    df = df.astype(str).apply(lambda c: c.str.strip())
    registry = indicator_registry(plan)
    reader = _Reader(file, registry, [plan] if plan else [], origin, default_region)
    unknown = [c for c in df.columns if c not in _KNOWN and not _YEAR_COL.match(c)]
    for c in unknown:
        reader.problems.append(Problem(file, None, "", c, "", "a known column: "
                                       + ", ".join(sorted(_KNOWN))))
    if not ({"indicator_id", "indicator", "indicator_zh"} & set(df.columns)):
        reader.problems.append(Problem(file, None, "", "indicator_id", "",
                                       "a column indicator_id (or 指标名称)"))
    if reader.problems:
        raise ActualsError(reader.problems)
    long, lines = _to_long(df)
    for col in ("year", "value"):
        if col not in long.columns:
            raise ActualsError([Problem(file, None, "", col, "", "this column, or year columns "
                                        "such as 2021 / 2021年 (wide layout)")])
    rows, seen = [], {}
    for line, r in zip(lines, long.to_dict("records"), strict=True):
        obs = reader.row(line, r)
        if obs is None:
            continue
        # One source may give two figures of different scope (部署 vs 开通): scope_note tells.
        key = (obs["indicator_id"], obs["region"], obs["year"], obs["measure"], obs["as_of"],
               obs["source_title"], obs["scope_note"])
        if key in seen:
            reader.bad(line, obs["indicator_id"], "year", obs["year"],
                       f"one value per indicator-year and source (line {seen[key]} has the "
                       "same); give a distinguishing source_title, as_of or scope_note")
            continue
        seen[key] = line
        rows.append(obs)
    if reader.problems:
        err = ActualsError(reader.problems)
        if strict:
            raise err
        warnings.warn(f"{len(reader.problems)} rows of {file} could not be read and were left "
                      "out; see .attrs['problems'].to_frame()", stacklevel=3)
    out = mark_selected(pd.DataFrame(rows, columns=[c for c in COLUMNS if c != "selected"]))
    # The report of left-out rows (strict=False): an ActualsError, or None; .to_frame() lists them.
    out.attrs["problems"] = ActualsError(reader.problems) if reader.problems else None
    return out


def load_actuals(data: str | Path | pd.DataFrame, strict: bool = True,
                 plan: str | Path | Plan | None = None, region: str = "jiangxi") -> pd.DataFrame:
    """Read a user's actuals (CSV, .xlsx or a DataFrame; long or wide layout).

    Returns the tidy actuals frame (same columns as ``actuals()``), origin = the file
    name. ``strict=False`` leaves out bad rows and lists them in ``.attrs['problems']``.
    ``plan`` (an id, file or ``Plan``) adds a user plan's indicators to the known ones.
    """
    if isinstance(plan, (str, Path)):
        plan = load_plan(plan)
    if isinstance(data, pd.DataFrame):
        df, file = data.copy(), "<DataFrame>"
    else:
        p = Path(data)
        if p.suffix.lower() not in (".csv", ".xlsx", ".xlsm"):
            raise ActualsError([Problem(str(p), None, "", "", p.suffix, "a .csv or .xlsx file")])
        df, file = read_table(p), str(p)
    default_region = plan.region if isinstance(plan, Plan) else region
    return read_observations(df, file, origin=Path(file).name, strict=strict, plan=plan,
                             default_region=default_region)


def shipped_actuals() -> pd.DataFrame:
    path = data_path("actuals.csv")
    return read_observations(read_table(path), str(path), origin="jxdigital")


def merge_actuals(*frames: pd.DataFrame) -> pd.DataFrame:
    """Stack actuals frames; later frames' values win the selection for the same
    indicator-year (a user's figure beats the shipped one). ``origin`` says which is which.
    """
    stacked = pd.concat([f.drop(columns="selected") for f in frames], ignore_index=True)
    priority = pd.Series([i for i, f in enumerate(frames) for _ in range(len(f))], dtype=int)
    return mark_selected(stacked, priority=priority)


def actuals(extra: str | Path | pd.DataFrame | None = None, **kwargs) -> pd.DataFrame:
    """The shipped actuals (tidy), optionally merged with a user's file (which wins)."""
    shipped = shipped_actuals()
    if extra is None:
        return shipped
    mine = extra if isinstance(extra, pd.DataFrame) and "origin" in extra.columns \
        else load_actuals(extra, **kwargs)
    return merge_actuals(shipped, mine)

