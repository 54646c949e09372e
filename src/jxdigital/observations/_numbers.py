"""Numbers as Chinese sources and spreadsheets print them: ``10,378``, ``1.2万``,
``1.04万亿``, ``35.0%``, ``6万多``, ``约4.2万``, ``近5000万``, ``预计1500``.
"""

from __future__ import annotations

import math
import re
import unicodedata
from typing import NamedTuple

from .. import codes

#: How a printed number relates to the true value.
QUALIFIERS = codes.QUALIFIERS

_MULTIPLIERS = {"万亿": 1e12, "千亿": 1e11, "百亿": 1e10, "亿": 1e8, "千万": 1e7, "百万": 1e6,
                "万": 1e4, "千": 1e3}
_PREFIX = [("预计", "estimate"), ("大约", "approximate"), ("约", "approximate"),
           ("将近", codes.UPPER_BOUND), ("近", codes.UPPER_BOUND), ("不到", codes.UPPER_BOUND),
           ("超过", codes.LOWER_BOUND), ("突破", codes.LOWER_BOUND), ("超", codes.LOWER_BOUND),
           ("逾", codes.LOWER_BOUND), (">", codes.LOWER_BOUND), ("达到", "exact"), ("达", "exact")]
_SUFFIX = [("以上", codes.LOWER_BOUND), ("多", codes.LOWER_BOUND), ("余", codes.LOWER_BOUND),
           ("+", codes.LOWER_BOUND), ("左右", "approximate"), ("以下", codes.UPPER_BOUND),
           ("以内", codes.UPPER_BOUND)]
_CORE = re.compile(r"^(?P<num>[+-]?\d+(?:\.\d+)?)(?P<mult>万亿|千亿|百亿|亿|千万|百万|万|千)?"
                   r"(?P<rest>.*)$")

_GROUPED = re.compile(r"^\d{1,3}(,\d{3})+$|^\d+$")
EXPECTED = ("a number such as 10378, 10,378, 1.2万, 1.04万亿, 35.0%, 6万多, 约4.2万 "
            "or 预计1500")


class Number(NamedTuple):
    value: float
    qualifier: str = "exact"
    multiplier: float = 1.0  # 1e4 when the text said 万
    percent: bool = False


def parse_number(text: object) -> Number:
    """Read a printed number; raise ``ValueError`` saying what was expected.

    The multiplier word is applied (``1.2万`` → 12000.0, multiplier 1e4) and a
    qualifier word is kept (``6万多`` → 60000.0, ``lower_bound``).
    """
    if isinstance(text, (int, float)) and not isinstance(text, bool):
        if math.isnan(text):
            raise ValueError(f"expected {EXPECTED}, got an empty cell")
        return Number(float(text))
    s = unicodedata.normalize("NFKC", str(text)).strip().replace(" ", "")
    if not s:
        raise ValueError(f"expected {EXPECTED}, got an empty cell")
    if "," in s:
        digits = re.match(r"^\D*?([\d,]+)", s)
        # 10,378 groups digits in threes; 10,00 is a typo for 10.00 or 1,000: never guess
        if digits and not _GROUPED.match(digits[1]):
            raise ValueError(f"expected digits grouped in threes such as 10,378 (or a decimal "
                             f"point: 10.00), got {str(text)!r}")
        s = s.replace(",", "")
    qualifier = "exact"
    for word, q in _PREFIX:
        if s.startswith(word):
            s, qualifier = s[len(word):], q
            break
    percent = False
    if s.endswith("%"):
        s, percent = s[:-1], True
    m = _CORE.match(s)
    if not m:
        raise ValueError(f"expected {EXPECTED}, got {str(text)!r}")
    rest = m["rest"]
    if rest.startswith("%"):  # 10%左右
        rest, percent = rest[1:], True
    if rest.endswith("%"):  # 10左右%
        rest, percent = rest[:-1], True
    for word, q in _SUFFIX:
        if rest == word:
            rest, qualifier = "", q if qualifier == "exact" else qualifier
            break
    if rest:
        raise ValueError(f"expected {EXPECTED}, got {str(text)!r}")
    mult = _MULTIPLIERS.get(m["mult"] or "", 1.0)
    return Number(float(m["num"]) * mult, qualifier, mult, percent)
