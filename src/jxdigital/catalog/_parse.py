"""Read plan texts the way they are printed: ``10以上``, ``>3000``, ``3000左右``,
``超全国平均水平``, ``不高于1.3``, ``2-3``, ``—``.

Only this module knows the Chinese qualifier words; everything above it works
with the parsed ``comparator`` (see ``COMPARATORS``).
"""

from __future__ import annotations

import math
import re
from functools import lru_cache
from typing import NamedTuple

from .. import codes
from ..codes import BASE_QUALIFIERS, COMPARATOR_MEANINGS  # noqa: F401 (re-exported)
from ._units import UNITS, conversion_factor, lookup_unit

#: What a target's comparator means; ``assess`` honours these (``jxdigital.codes``).
COMPARATORS: dict[str, str] = COMPARATOR_MEANINGS

_NUM = r"[+-]?\d+(?:\.\d+)?"
_DASHES = "-–—－~～至"
_EMPTY = {"", "—", "-", "–", "——", "－", "/", "nan", "NaN", "None"}
_FULL_COVERAGE = {"全覆盖", "全部", "所有", "全面覆盖"}
_ABOVE_NATIONAL = {"超全国平均水平", "超过全国平均水平", "达到并超过全国平均水平",
                   "高于全国平均水平"}

# (regex, comparator) tried in order; the number is group "v".
_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(rf"^(?:>|＞|超过|超|突破|高于)\s*(?P<v>{_NUM})$"), "more_than"),
    (re.compile(rf"^(?:≥|>=|＞=|不少于|不低于|至少)\s*(?P<v>{_NUM})$"), "at_least"),
    (re.compile(rf"^(?P<v>{_NUM})\s*(?:以上|及以上)$"), "at_least"),
    (re.compile(rf"^(?:≤|<=|不高于|不超过|低于|控制在)\s*(?P<v>{_NUM})(?:以内|以下)?$"), "at_most"),
    (re.compile(rf"^(?P<v>{_NUM})\s*(?:以内|以下)$"), "at_most"),
    (re.compile(rf"^(?:约|大约)?\s*(?P<v>{_NUM})\s*左右$"), "around"),
    (re.compile(rf"^(?:力争|争取)?(?:达到|达)?\s*(?P<v>{_NUM})$"), "reach"),
]
#: A number printed with a unit of its own ("1.5万亿元", "20亿"), a qualifier around it.
_WITH_UNIT = re.compile(rf"^(?P<pre>[^\d+-]*?)(?P<v>{_NUM})(?P<u>[^\d]+?)"
                        r"(?P<post>以上|及以上|以下|以内|左右)?$")
_RANGE = re.compile(rf"^(?P<lo>{_NUM})\s*[{_DASHES}]\s*(?P<hi>{_NUM})$")
_FASTER = re.compile(r"^(?:持续)?快于.+增速$")


class Parsed(NamedTuple):
    """A parsed printed value: ``value`` (and ``high`` for ranges) plus comparator."""

    value: float
    comparator: str
    high: float = math.nan


class TextError(ValueError):
    """A printed text that cannot be read; ``expected`` says what would be."""

    def __init__(self, text: str, expected: str):
        super().__init__(f"cannot read {text!r}; expected {expected}")
        self.text = text
        self.expected = expected


TARGET_EXPECTED = (
    "a number with an optional qualifier, e.g. '16000', '10以上', '>10000', "
    "'3000左右', '不高于1.3', '≤1.3', '2-3', '超全国平均水平', '全覆盖', '倍增', "
    "'快于全国平均增速' or '—'"
)
BASE_EXPECTED = "a number, optionally '>3000', '3000以上' or '3000左右', or '—' for no baseline"
GROWTH_EXPECTED = "a growth in percent, e.g. '14', '18左右', '超20', or '—'"


def _clean(text: object, unit: str = "") -> str:
    if text is None or (isinstance(text, float) and math.isnan(text)):
        return ""
    s = str(text).strip().replace("，", ",").replace(" ", "").replace("\u3000", "")
    s = s.replace(",", "")  # thousands separators: 10,000
    # A trailing unit repeats the unit column ("10万个以上" or "45%左右"): drop it.
    converted = _in_row_unit(s, unit)  # before the unit is cut: 1.5万亿元 in a 亿元 row
    if converted is not None:
        return converted
    for u in filter(None, {unit, "%", "％"}):
        if u in s:  # (a text without the unit has nothing to drop)
            s = _unit_before_qualifier(u).sub("", s)
    return s


@lru_cache(maxsize=256)
def _unit_before_qualifier(unit: str) -> re.Pattern:
    """``unit`` at the end of a number or before its qualifier (compiled once a unit)."""
    return re.compile(rf"{re.escape(unit)}(?=(以上|以下|以内|左右|$))")


def _in_row_unit(s: str, unit: str) -> str | None:
    """A number printed in another unit of the row's kind, restated in the row's unit:
    "超过1.5万亿元" in a 亿元 row is "超过15000"; "突破20亿" in a 亿户 row is "突破20" (plans
    print the magnitude with the number: 突破1万亿, 20亿户). None where the text has no
    such suffix (a plain number, "以上" alone, or a unit of another kind)."""
    m = _WITH_UNIT.match(s) if unit else None
    if m is None:
        return None
    try:
        factor = conversion_factor(m["u"], unit)
    except ValueError:  # not a unit ("以上" alone), or a unit of another kind
        if m["u"] not in UNITS or unit not in UNITS:
            return None
        money = lookup_unit(unit).base == "CNY" and lookup_unit(m["u"]).base == ""
        raise TextError(s, f"a value in {unit} or in a unit that converts to it ('{m['u']}' "
                        f"does not" + (f"; for money write {m['v']}{m['u']}元" if money
                                       else "") + ")") from None
    return f"{m['pre']}{float(m['v']) * factor:.12g}{m['post'] or ''}"


def parse_target(text: object, unit: str = "", base_value: float = math.nan) -> Parsed:
    """Parse a printed target (``10以上`` → 10, at_least).

    ``倍增`` (doubling) needs ``base_value`` and gives ``2 × base``.
    """
    s = _clean(text, unit)
    if s in _EMPTY:
        return Parsed(math.nan, "none")
    if s in _ABOVE_NATIONAL:
        return Parsed(math.nan, codes.ABOVE_NATIONAL_AVERAGE)
    if s in _FULL_COVERAGE:
        return Parsed(100.0, "reach")
    if s in ("倍增", "翻番", "翻一番"):
        if math.isnan(base_value):
            raise TextError(str(text), "a baseline for a doubling (倍增) target")
        return Parsed(2.0 * base_value, "reach")
    if _FASTER.match(s):
        return Parsed(math.nan, codes.FASTER_THAN)
    m = _RANGE.match(s)
    if m:
        lo, hi = float(m["lo"]), float(m["hi"])
        if not lo < hi:
            raise TextError(str(text), "a range written low-high, e.g. '2-3'")
        return Parsed(lo, "between", hi)
    for pattern, comparator in _PATTERNS:
        m = pattern.match(s)
        if m:
            return Parsed(float(m["v"]), comparator)
    raise TextError(str(text), TARGET_EXPECTED)


def parse_base(text: object, unit: str = "") -> Parsed:
    """Parse a printed baseline (``>3000`` → 3000, more_than; ``—`` → none)."""
    s = _clean(text, unit)
    if s in _EMPTY:
        return Parsed(math.nan, "none")
    try:
        p = parse_target(s)
    except TextError:
        raise TextError(str(text), BASE_EXPECTED) from None
    qualifier = {"reach": "exact", "more_than": "more_than", "at_least": "at_least",
                 "around": "around"}.get(p.comparator)
    if qualifier is None:
        raise TextError(str(text), BASE_EXPECTED)
    return Parsed(p.value, qualifier)


def parse_growth(text: object) -> Parsed:
    """Parse a printed annual growth in percent into a fraction (``18左右`` → 0.18, around)."""
    s = _clean(text)
    if s in _EMPTY:
        return Parsed(math.nan, "none")
    try:
        p = parse_target(s)
    except TextError:
        raise TextError(str(text), GROWTH_EXPECTED) from None
    if p.comparator in ("none", codes.ABOVE_NATIONAL_AVERAGE, codes.FASTER_THAN, "between"):
        raise TextError(str(text), GROWTH_EXPECTED)
    return Parsed(p.value / 100.0, p.comparator)
