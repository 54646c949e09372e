"""The reader of a figures file (``Reader``): every row checked against the indicator
registry, its cells read (each distinct text once), its value converted to the catalogue's
unit and checked for size (``_plausible``); problems name the file, line (or cell),
indicator and column, and say what was expected.
"""

from __future__ import annotations

import math
import unicodedata
import warnings
from collections.abc import Callable
from functools import cached_property
from pathlib import Path
from typing import NamedTuple

import numpy as np
import pandas as pd

from .._tables import BLANK, Table
from ..catalog import (
    REGION_EXPECTED,
    Plan,
    conversion_factor,
    indicator_registry,
    lookup_unit,
    region_code,
)
from ..codes import LOWER_BOUND, OBSERVATION_MEASURES
from ..errors import Problem
from ._cells import (
    COUNTING_WORDS,
    MISSING,
    base_unit,
    base_unit_of,
    counting_word,
    date_of,
    value_of,
    year_of,
)
from ._distinct import Col, col_of, map_distinct
from ._layout import blank_shipped, long_rows, named_columns
from ._model import COLUMNS, SOURCE_TYPES
from ._names import IndicatorNames
from ._numbers import QUALIFIERS
from ._plausible import Plausibility
from ._problems import ActualsError, Problems
from ._rows import Rows

MEASURES = OBSERVATION_MEASURES
KINDS = ("published", "derived")
_TRUE = {"true", "1", "yes", "y", "是"}
_FALSE = {"false", "0", "no", "n", "否"}
#: Cells the actuals frame takes as they are written.
_AS_GIVEN = ("scope_note", "derived_from", "publisher", "source_url", "note")
#: The reader's frame: the actuals columns (``selected`` is marked later) and each row's line.
_OUT = [c for c in COLUMNS if c != "selected"] + ["_line"]


class _Figures(NamedTuple):
    """A frame's figures as printed: the number, and per distinct text its magnitude word
    (万, 亿), whether it was a percentage, and the problem reading it."""

    value: np.ndarray
    multiplier: Col
    percent: Col
    problem: Col


def _flag(s: str) -> tuple[bool, str]:
    """(the flag a ``comparable`` cell says, problem): empty is true."""
    low = s.lower()
    if low in _TRUE or s == "":
        return True, ""
    return (False, "") if low in _FALSE else (True, "true or false")


class Reader:
    """Reads one table of figures (``read``). ``plan``: the plan it is read for (its
    indicators are known, its magnitudes count); ``origin``: the file's name (``jxdigital``
    for the shipped figures); ``default_region``: the region of a row without one ('' where
    the plan lists several); ``shipped()``: the shipped figures a user's file is compared
    with."""

    def __init__(self, t: Table, plan: Plan | None, origin: str, default_region: str,
                 shipped: Callable[[], pd.DataFrame]):
        self.t, self.plan, self.origin = t, plan, origin
        self.default_region = default_region
        self.registry = indicator_registry(plan)
        self.reg = self.registry.set_index("indicator_id")
        self.names = IndicatorNames(self.registry, plan)
        self.problems = Problems(t)
        self.plausible = Plausibility(self.indicator, plan, origin, shipped)

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
        df = named_columns(t, self.problems)
        if self.problems:
            raise ActualsError(self.problems.list())
        shipped = blank_shipped(t, df) if t.shipped else 0
        if shipped:
            t.notes.append(f"{Path(t.file).name}: {shipped} figure(s) the template filled from "
                           "jxdigital's shipped data were left as they are (not read as yours)")
        d = long_rows(df, t)
        if "year" not in d.columns or "value" not in d.columns:
            raise ActualsError([Problem(t.where, None, "", "year" if "year" not in d.columns
                                        else "value", "",
                                        "this column, or year columns such as 2021 / 2021年 "
                                        "(wide layout)")])
        if "year" in df.columns:
            # long layout: a row without a figure ('—') is not a figure
            dash = col_of(d, "value").test(lambda v: np.isin(v, list(MISSING - set(BLANK))))
            if dash.any():
                d = d[~dash].reset_index(drop=True)
        return self._rows(d)

    def _rows(self, d: pd.DataFrame) -> pd.DataFrame:
        """The frame of ``d``'s rows that read, every column checked in turn (a later check
        skips the rows an earlier one found a problem on, where it says so)."""
        rows = Rows(d, self.problems)
        iid_c = self._indicator_ids(rows)
        self._regions(rows)
        self._years(rows)
        info = self.reg.reindex(iid_c.cats)
        measure_c = self._measures(rows, iid_c, info)
        figures = self._figures(rows, iid_c)
        comparable_c = self._comparable(rows)
        factor, given = self._units(rows, iid_c, info, measure_c, figures, comparable_c)
        self._dates(rows)
        self._provenance(rows)
        self.plausible.slips(rows, factor, given)
        self._duplicates(rows)
        good = ~self.problems.bad
        keep: np.ndarray | slice = slice(None) if good.all() else good
        read = rows.read | {c: rows.cells[c].values() for c in _AS_GIVEN} | {
            "origin": self.origin, "_line": rows.lines}
        out = pd.DataFrame({k: read[k][keep] if isinstance(read[k], np.ndarray) else read[k]
                            for k in _OUT})
        self._bounds_warning(out, rows.nonempty(rows.cells["qualifier"])[keep])
        return out

    # --- the columns, in the order they are checked -----------------------------------
    def _indicator_ids(self, rows: Rows) -> Col:
        """Each row's indicator: its id, else its name (the given plan's meaning first)."""
        cells = rows.cells
        name = cells["indicator"] if rows.nonempty(cells["indicator"]).any() or \
            not rows.nonempty(cells["indicator_zh"]).any() else cells["indicator_zh"]
        iid_c, pcol, pval, pexp = map_distinct([cells["indicator_id"], name],
                                               self.names.resolve, 4)
        bad_id = iid_c.test(lambda v: np.array([x is None for x in v], dtype=bool))
        rows.add(bad_id, pcol.values(), pval, pexp)
        iid_c.cats = np.array(["" if x is None else x for x in iid_c.cats], dtype=object)
        rows.read["indicator_id"] = iid_c.values()
        return iid_c

    def _regions(self, rows: Rows) -> None:
        """Each row's region: its cell's, else the plan's (where it has one region)."""
        def region_of(s):
            if s == "":  # no default: the plan lists several regions
                return self.default_region, "" if self.default_region else \
                    "a region: the plan lists several (" + ", ".join(self.plan.regions) + ")"
            code = region_code(s)
            return (code or "", "" if code else REGION_EXPECTED)

        region, rprob = map_distinct([rows.cells["region"]], region_of, 2)
        rows.add(rows.nonempty(rprob), "region", rows.cells["region"], rprob)
        rows.read["region"] = region.values()

    def _years(self, rows: Rows) -> None:
        year_c, yprob = map_distinct([rows.cells["year"]], year_of, 2)
        rows.add(rows.nonempty(yprob), np.where(rows.vcol == "value", "year", rows.vcol),
                 rows.cells["year"], yprob)
        rows.read["year"] = year_c.values().astype(int)

    def _measures(self, rows: Rows, iid_c: Col, info: pd.DataFrame) -> Col:
        """Each row's measure (a share's default is share_pct, else level); its qualifier
        one of the known."""
        cells = rows.cells
        share_cats = info["is_share"].fillna(False).astype(bool).to_numpy()
        measure_c, mprob = map_distinct([cells["measure"], Col(iid_c.codes, share_cats)],
                                        lambda m, sh: (
            m or ("share_pct" if sh else "level"),
            "" if (m or "level") in MEASURES else "one of " + ", ".join(MEASURES)), 2)
        rows.add(rows.nonempty(mprob), "measure", cells["measure"], mprob)
        qprob = cells["qualifier"].test(lambda v: (v != "") & ~np.isin(v, QUALIFIERS))
        rows.add(qprob, "qualifier", cells["qualifier"], "one of " + ", ".join(QUALIFIERS))
        return measure_c

    def _figures(self, rows: Rows, iid_c: Col) -> _Figures:
        """Each figure as printed (``value_published``) and its qualifier: the cell's, else
        the one the text says ("超过", "约")."""
        cells = rows.cells
        # a figure is read once per distinct text; only one ending in a counting word
        # ("61625个") is read with its row's indicator and unit
        worded = cells["value"].test(
            lambda v: np.fromiter((str(x).endswith(COUNTING_WORDS) for x in v), bool, len(v)))
        if worded.any():
            val_c, qual_c, mult_c, pct_c, vprob = map_distinct(
                [iid_c, cells["unit"], cells["value"]], self._value_in_row, 5)
        else:
            val_c, qual_c, mult_c, pct_c, vprob = map_distinct([cells["value"]], value_of, 5)
        value = val_c.values().astype(float)
        rows.add(rows.nonempty(vprob), rows.vcol, cells["value"], vprob)
        rows.add(cells["value"].test(lambda v: np.isin(v, list(BLANK))), rows.vcol, None,
                 "a figure (the cell is empty; type — for a year that is not known)")
        qual_given = rows.nonempty(cells["qualifier"])
        rows.read["qualifier"] = np.where(qual_given, cells["qualifier"].values(),
                                          qual_c.values())
        rows.read["value_published"] = value
        return _Figures(value, mult_c, pct_c, vprob)

    def _comparable(self, rows: Rows) -> Col:
        cells = rows.cells
        comp_c, cprob = map_distinct([cells["comparable"]], _flag, 2)
        rows.add(rows.nonempty(cprob), "comparable", cells["comparable"], cprob)
        rows.read["comparable"] = comp_c.values().astype(bool)
        rows.read["checked"] = cells["checked"].test(
            lambda v: np.isin(np.char.lower(v.astype(str)), ["yes", "true", "1", "是"]))
        return comp_c

    def _units(self, rows: Rows, iid_c: Col, info: pd.DataFrame, measure_c: Col,
               figures: _Figures, comparable_c: Col) -> tuple[np.ndarray, np.ndarray]:
        """Each figure in its indicator's unit (``value``, ``unit``) and the unit it was read
        in; a multiplier that reads two ways is settled by size. (factor applied, unit
        cells)."""
        cells = rows.cells
        factor_c, unit_c, src_c, alt_c, uprob = map_distinct(
            [iid_c, cells["unit"], measure_c, figures.multiplier, figures.percent,
             comparable_c], self._unit, 5)
        factor, alt = factor_c.values().astype(float), alt_c.values().astype(float)
        rows.add(rows.nonempty(uprob) & ~rows.nonempty(figures.problem), "unit",
                 Col(cells["unit"].codes, np.where(cells["unit"].cats == "", "(none)",
                                                   cells["unit"].cats)), uprob)
        value = figures.value
        out_value = value * factor
        measure, unit, given = measure_c.values(), unit_c.values(), cells["unit"].values()
        shown_unit = np.where(given != "", given, unit)
        composed = self.plausible.ambiguous(rows, value, factor, alt, shown_unit, out_value)
        unit_read = np.where(composed, shown_unit, src_c.values())
        self.plausible.value_checks(rows, value, out_value, measure,
                                    figures.percent.values().astype(bool), info, iid_c)
        rows.read.update(value=out_value, unit=unit, measure=measure, unit_published=unit_read)
        return factor, given

    def _dates(self, rows: Rows) -> None:
        """``as_of`` within the figure's year (a year-end date is a year-end figure: no
        as_of), ``published`` a date."""
        cells, year = rows.cells, rows.read["year"]
        as_of_c, ay_c, aend_c, aprob = map_distinct([cells["as_of"]], date_of, 4)
        rows.add(rows.nonempty(aprob), "as_of", cells["as_of"], aprob)
        ay = ay_c.values().astype(int)
        wrong_year = ~rows.nonempty(aprob) & rows.nonempty(cells["as_of"]) & (ay != year) \
            & (year > 0)
        if wrong_year.any():
            rows.add(wrong_year, "as_of", cells["as_of"], np.array(
                [f"a date within the figure's year {y}" for y in year], dtype=object))
        # a date at the end of the year is a year-end figure, not a part-year one
        rows.read["as_of"] = np.where(aend_c.values().astype(bool), "", as_of_c.values())
        pub_c, _, _, pprob = map_distinct([cells["published"]], date_of, 4)
        rows.add(rows.nonempty(pprob), "published", cells["published"], pprob)
        rows.read["published"] = pub_c.values()

    def _provenance(self, rows: Rows) -> None:
        """Where each figure comes from: its kind (a derived one names its inputs), source
        type and title (a user's file: its name by default); a figure of another
        definition says how it differs."""
        cells = rows.cells
        kind_c = Col(cells["kind"].codes, np.where(cells["kind"].cats == "", "published",
                                                   cells["kind"].cats))
        rows.add(kind_c.test(lambda v: ~np.isin(v, KINDS)), "kind", cells["kind"],
                 "published or derived")
        user = self.origin != "jxdigital"
        st = cells["source_type"]
        stype_c = Col(st.codes, np.where(st.cats == "", "user" if user else "other", st.cats))
        rows.add(stype_c.test(lambda v: ~np.isin(v, SOURCE_TYPES)), "source_type", st,
                 "one of " + ", ".join(SOURCE_TYPES))
        kind = kind_c.values()
        rows.add((kind == "derived") & ~rows.nonempty(cells["derived_from"]), "derived_from",
                 None, "what the figure was derived from (a derived figure must name its inputs)")
        rows.add(~rows.read["comparable"] & ~rows.nonempty(cells["scope_note"]), "scope_note",
                 None, "how this figure's definition differs from the plan's (comparable is "
                 "false)")
        tc = cells["source_title"]
        if user:
            tc = Col(tc.codes, np.where(tc.cats == "", Path(self.t.file).name, tc.cats))
        rows.add(tc.test(lambda v: v == ""), "source_title", None,
                 "the title of the source (who published this figure, where)")
        rows.read.update(kind=kind, source_type=stype_c.values(), source_title=tc.values())

    # --- one distinct text ----------------------------------------------------------------
    def _value_in_row(self, iid, unit_pub, text):
        """``value_of`` a figure, a trailing counting word that fits the row's unit (its
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
                value, qual, mult, pct, problem = value_of(bare)
                if problem or pct:
                    return value, qual, mult, pct, problem
                return value / lookup_unit(unit).scale, qual, 1.0, False, ""
        return value_of(text)

    def _unit(self, iid, unit_pub, measure, mult, percent, comparable):
        """(factor, unit, unit read, factor of the other reading, problem) for one combination.

        The other reading exists for a multiplier without a unit in a scaled row: 1.04万 in a
        亿元 row is 1.04万亿元 or 1.04万元; the figure's magnitude decides
        (``Plausibility.ambiguous``).
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
                base = base_unit_of(unit_pub)
                try:
                    return conversion_factor(base, ind.unit), ind.unit, base, f_unit, ""
                except ValueError:
                    return f_unit, ind.unit, unit_pub, nan, ""
            return f_unit, ind.unit, unit_pub, nan, ""
        if mult == 1:
            return 1.0, ind.unit, ind.unit, nan, ""
        base = base_unit(ind)
        try:
            f_base = conversion_factor(base, ind.unit)
        except ValueError:
            return 1.0, ind.unit, ind.unit, nan, ""
        if ind.unit_scale == 1:
            return f_base, ind.unit, base, nan, ""
        return f_base, ind.unit, base, 1.0, ""


    # --- across rows ---------------------------------------------------------------------
    def _duplicates(self, rows: Rows) -> None:
        """One value per indicator-region-year-measure-as_of and source; one source may give
        two figures of different scope (部署 vs 开通): scope_note tells them apart."""
        r = rows.read
        key = [r["indicator_id"], r["region"], r["year"], r["measure"], r["as_of"],
               r["source_title"], rows.cells["scope_note"].values()]
        lines = rows.lines
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
