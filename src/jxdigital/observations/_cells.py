"""What one cell of a figures file says: a figure (with its qualifier and magnitude), a
year, a date, a unit's base. Each reader returns its result and a problem text ('' when
the cell reads), so a column's distinct texts can be read once each (``_distinct``).
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata

from .._tables import BLANK
from ..catalog import COUNTERS, lookup_unit
from ._numbers import parse_number

#: A year column's header: 2021, 2021年, 2021年末 (a wide layout).
YEAR_HEADER = re.compile(r"^((?:19|20)\d{2})(?:\.0+)?(?:年(?:末|底|度)?)?$")
_YEAR_TEXT = re.compile(r"^(\d{4})(?:\.0+)?(?:年(?:末|底|度)?)?$")
#: Wide-layout cells meaning "not known": a missing year stays missing.
MISSING = {*BLANK, "—", "——", "-", "–", "－", "/", "…", "NA", "N/A", "n/a", "无数据", "暂无"}

#: Counting words a printed figure may end with ("61625座", "3.35亿户"): the units'
#: counters, longest first.
COUNTING_WORDS = tuple(sorted(COUNTERS, key=len, reverse=True))

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


def value_of(text: str):
    """(value, qualifier, multiplier, percent, problem)."""
    if text in MISSING:
        return math.nan, "", 1.0, False, ""
    try:
        n = parse_number(text)
    except ValueError as e:
        return math.nan, "", 1.0, False, str(e).removeprefix("expected ").split(", got ")[0]
    return n.value, n.qualifier, n.multiplier, n.percent, ""


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


def year_of(text: str):
    """(year, problem): a whole year between 1990 and 2100 (2021, 2021年)."""
    s = re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))
    m = _YEAR_TEXT.match(s)
    if m and 1990 <= int(m[1]) <= 2100:
        return int(m[1]), ""
    frac = re.match(r"^(\d{4})\.\d+$", s)
    if frac:
        return 0, (f"a whole year such as {frac[1]} (a part-year figure: year {frac[1]} with "
                   f"the date in as_of, e.g. {frac[1]}-06-30)")
    return 0, "a year between 1990 and 2100, such as 2021 or 2021年"


def date_of(text: str):
    """(ISO or '', year or 0, year-end, problem)."""
    if text in BLANK:
        return "", 0, False, ""
    try:
        iso, y, end = parse_date(text)
    except ValueError:
        return "", 0, False, DATE_EXPECTED
    return iso, y or 0, end, ""


def base_unit(ind) -> str:
    """The unit an indicator's figures are counted in without a magnitude (亿元 → 元)."""
    return {"CNY": "元", "index": ""}.get(ind.unit_base, ind.unit_base)


def base_unit_of(unit: str) -> str:
    """``unit`` without its magnitude (亿元 → 元, 万个 → 个)."""
    u = lookup_unit(unit)
    return {"CNY": "元"}.get(u.base, u.base)
