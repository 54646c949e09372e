"""One row of a plan table read into a ``Target``: the printed texts parsed, every column
checked, and every problem of the row collected (not only the first).

The columns a plan table may have are listed here (``REQUIRED``, ``OPTIONAL``, ``PARSED``);
parsed columns a file also carries must agree with the parse of the printed texts.
"""

from __future__ import annotations

import math
import re
import unicodedata
from typing import NamedTuple, cast

from .. import codes
from ..codes import TARGET_MEASURES
from ..errors import Problem
from ._parse import (
    BASE_QUALIFIERS,
    COMPARATORS,
    GROWTH_EXPECTED,
    Parsed,
    TextError,
    in_points,
    parse_base,
    parse_growth,
    parse_target,
    text_year,
)
from ._regions import EXPECTED as REGION_EXPECTED
from ._regions import region_code
from ._target import (
    BaseQualifier,
    Comparator,
    Direction,
    Indicator,
    Measure,
    Source,
    Target,
    implied_direction,
)
from ._units import Unit, lookup_unit
from .magnitude import plan_slip
from .reference import stock_ids

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


class _Texts(NamedTuple):
    """A row's printed base, target and stated growth, parsed."""

    base: Parsed
    target: Parsed
    growth: Parsed


class _Nature(NamedTuple):
    """How a row's quantity behaves: the direction it should go, a share, a running total."""

    direction: str
    is_share: bool
    is_stock: bool


def _num(s: str) -> float:
    return float(s) if s not in ("", "nan", "NaN") else math.nan


def _year_or_none(s: str) -> int | None:
    """A year column's year, or None (empty or not a year: ``RowReader.year`` says so)."""
    try:
        y = float(s)
    except ValueError:
        return None
    return int(y) if y == int(y) and 1900 <= y <= 2100 else None


def _same(a: float, b: float) -> bool:
    return (math.isnan(a) and math.isnan(b)) or math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12)


class RowReader:
    """Parse one row, collecting every problem rather than stopping at the first."""

    def __init__(self, file: str, line: int, row: dict[str, str]):
        self.file, self.line, self.row = file, line, row
        self.id = row.get("indicator_id", "")
        self.problems: list[Problem] = []

    # --- cells ------------------------------------------------------------------------
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

    # --- the row ----------------------------------------------------------------------
    def read(self, plan_meta: dict[str, str]) -> Target | None:
        """The row's ``Target``, or None when it has a problem (each is in ``problems``, in
        the order of the columns' checks)."""
        r = self.row
        self._identity()
        unit = unicodedata.normalize("NFKC", r.get("unit", ""))  # ％ is %
        u = lookup_unit(unit)
        measure = self.choice("measure", MEASURES, "level")
        texts = self._texts(unit, measure)
        base_year, target_year = self._years(texts)
        nature = self._nature(u, unit, measure, texts)
        self._region_and_attribute()
        tolerance = self._tolerance()
        reference = self._reference(texts.target)
        if measure in ("level", "annual_flow"):
            self._in_range(texts, nature.is_share)
        if measure == "level" and not self.flag("checked", default=False):
            self._magnitude(texts.base, texts.target, unit, r.get("direction", ""))
        self._check_parsed(texts, u)
        seq = self.seq()
        if self.problems:
            return None
        # a row without problems has its target year: given, or named by the text
        assert target_year is not None
        try:
            # the codes are the parser's and the checked columns': pydantic checks them again
            indicator = self._indicator(plan_meta["region"], unit, u, nature)
            return self._target(plan_meta["plan_id"], seq, indicator, measure, texts,
                                (base_year, target_year), tolerance, reference)
        except (ValueError, TypeError) as e:  # pydantic's ValidationError is a ValueError
            self.bad("", f"a valid target row ({e})")
            return None

    def _identity(self) -> None:
        """The id is snake_case and short enough to name a file; the row has a name."""
        if not _ID.match(self.id) or len(self.id) > MAX_ID:
            self.bad("indicator_id", "a snake_case id of lowercase letters, digits and _ "
                     f"starting with a letter, at most {MAX_ID} characters, e.g. "
                     "'base_stations_5g'" + (f" (this one has {len(self.id)})"
                                             if len(self.id) > MAX_ID else ""))
        if not self.row.get("name_zh"):
            self.bad("name_zh", "the indicator's Chinese name")

    def _texts(self, unit: str, measure: str) -> _Texts:
        """The printed base, target and growth parsed (an unreadable one: a problem, and
        read as empty). A year a text names must agree with the row's."""
        r = self.row
        try:
            base = parse_base(r.get("base_text", ""), unit, _year_or_none(r.get("base_year", "")))
        except TextError as e:
            self.bad("base_text", e.expected)
            base = parse_base("")
        try:
            tgt = parse_target(r.get("target_text", ""), unit, base.value,
                               _year_or_none(r.get("target_year", "")), measure)
        except TextError as e:
            self.bad("target_text", e.expected)
            tgt = parse_target("")
        try:
            gr = parse_growth(r.get("stated_growth_text", ""))
        except TextError:
            self.bad("stated_growth_text", GROWTH_EXPECTED)
            gr = parse_growth("")
        return _Texts(base, tgt, gr)

    def _years(self, texts: _Texts) -> tuple[int | None, int | None]:
        """(base year, target year): the columns', or where a column is empty the year its
        text names ("2025年建成10万个"); the base year before the target year."""
        r = self.row
        base_text, target_text = r.get("base_text", ""), r.get("target_text", "")
        has_base = texts.base.comparator != "none"
        base_year = self.year("base_year", required=has_base and text_year(base_text) is None)
        if base_year is None and not r.get("base_year", "") and has_base:
            base_year = text_year(base_text)
        target_year = self.year("target_year", required=text_year(target_text) is None)
        if target_year is None and not r.get("target_year", ""):
            target_year = text_year(target_text)
        if base_year is not None and target_year is not None and base_year >= target_year:
            self.bad("base_year", f"a year before target_year {target_year}")
        return base_year, target_year

    def _nature(self, u: Unit, unit: str, measure: str, texts: _Texts) -> _Nature:
        """The direction (the column's, else the one the numbers imply), whether the row is
        a share (a percentage, by default where the unit is %) and a running total (by
        default where the catalogue lists it, ``data/stocks.csv``)."""
        base, tgt = texts.base, texts.target
        default_dir = implied_direction(tgt.comparator, base.value, tgt.value, tgt.high)
        direction = self.choice("direction", ("increase", "decrease"), default_dir)
        is_share = self.flag("is_share", default=(u.base == "%" and measure == "level"))
        is_stock = self.flag("is_stock", default=self.id in stock_ids())
        if is_share and u.base != "%":
            self.bad("is_share", f"false, or unit '%' (a share is a percentage; unit is {unit!r})")
        return _Nature(direction, is_share, is_stock)

    def _region_and_attribute(self) -> None:
        r = self.row
        if r.get("region", "") and region_code(r["region"]) is None:
            self.bad("region", REGION_EXPECTED)
        if r.get("attribute", "") not in ATTRIBUTES:
            self.bad("attribute", "预期性 or 约束性 (or expected / binding), or empty")

    def _tolerance(self) -> float:
        """The 左右 half-width the row gives, in its unit (NaN: the default)."""
        try:
            tolerance = _num(self.row.get("tolerance", ""))
            if tolerance < 0:
                raise ValueError
        except ValueError:
            self.bad("tolerance", "a non-negative number in the indicator's unit, or empty")
            tolerance = math.nan
        return tolerance

    def _reference(self, tgt: Parsed) -> str:
        """The series a relative target is compared with: 超全国平均水平 is China's by
        default; a growth comparison must name its own."""
        reference = self.row.get("reference", "")
        if tgt.comparator == codes.ABOVE_NATIONAL_AVERAGE and not reference:
            reference = "china"
        if tgt.comparator == codes.FASTER_THAN and not reference:
            self.bad("reference", "the series to compare growth with, e.g. 'jiangxi:gdp'")
        return reference

    def _in_range(self, texts: _Texts, is_share: bool) -> None:
        """A level is never below 0, a share never above 100."""
        for col, v in (("base_text", texts.base.value), ("target_text", texts.target.value),
                       ("target_text", texts.target.high)):
            if v < 0:
                self.bad(col, "a value >= 0 for a level")
            if is_share and v > 100:
                self.bad(col, "a percentage within [0, 100] for a share")

    def _magnitude(self, base, tgt, unit: str, direction: str) -> None:
        """A target 10^k times its base, or a fall of more than half where the row does not
        say decrease, is questioned (``magnitude.plan_slip``): '3' meaning 3万亿 in a 亿元
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

    def _check_parsed(self, texts: _Texts, u: Unit) -> None:
        """Parsed columns a file carries agree with the parse of its printed texts."""
        r = self.row
        base, tgt, gr = texts
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
        for col, code, allowed in (("comparator", tgt.comparator, COMPARATORS),
                                   ("base_qualifier", base.comparator, BASE_QUALIFIERS),
                                   ("unit_base", u.base, None)):
            if col in r and r[col] != code:
                if allowed is not None and r[col] not in allowed:
                    self.bad(col, "one of " + ", ".join(allowed))
                else:
                    self.bad(col, f"{code!r}, as read from the printed text")

    # --- the records --------------------------------------------------------------------
    def _indicator(self, plan_region: str, unit: str, u: Unit, nature: _Nature) -> Indicator:
        r = self.row
        return Indicator(
            indicator_id=self.id, name_zh=r["name_zh"], name_en=r.get("name_en", ""),
            short_zh=r.get("short_zh", "") or "", short_en=r.get("short_en", "") or "",
            category_zh=r.get("category_zh", ""), category_en=r.get("category_en", ""),
            unit=unit, unit_base=u.base, unit_scale=u.scale, is_share=nature.is_share,
            is_stock=nature.is_stock, direction=cast(Direction, nature.direction),
            region=self.region(plan_region))

    def _target(self, plan_id: str, seq: int, indicator: Indicator, measure: str,
                texts: _Texts, years: tuple[int | None, int], tolerance: float,
                reference: str) -> Target:
        r = self.row
        base, tgt, gr = texts
        return Target(
            plan_id=plan_id, seq=seq,
            indicator=indicator, measure=cast(Measure, measure), base_year=years[0],
            base_text=r.get("base_text", ""), base_value=base.value,
            base_qualifier=cast(BaseQualifier, base.comparator), target_year=years[1],
            target_text=r.get("target_text", ""), target_value=tgt.value,
            target_high=tgt.high, comparator=cast(Comparator, tgt.comparator),
            tolerance=tolerance,
            stated_growth_text=r.get("stated_growth_text", ""), stated_growth=gr.value,
            stated_growth_qualifier=gr.comparator,
            attribute=ATTRIBUTES[r.get("attribute", "")],
            reference=reference, subject=r.get("subject", ""), linked=r.get("linked", ""),
            source=Source(doc=r.get("source_doc", ""), location=r.get("source_location", ""),
                          quote=r.get("source_quote", "")),
            note=r.get("note", ""))
