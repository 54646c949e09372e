"""Printed units → (base unit, scale). ``亿元`` is 1e8 CNY, ``万个`` is 1e4 个.

Two units convert into each other only when their base units are equal.
A unit not listed here is its own base with scale 1, so it converts to
nothing but itself (an impossible conversion is an error, never a guess).
"""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple


class Unit(NamedTuple):
    base: str
    scale: float
    note: str = ""


_PREFIX = {"": 1.0, "十": 1e1, "百": 1e2, "千": 1e3, "万": 1e4, "十万": 1e5, "百万": 1e6,
           "千万": 1e7, "亿": 1e8, "万亿": 1e12}
_COUNTERS = ("个", "户", "件", "家", "名", "人", "所", "项", "台", "套", "台/套", "台(套)",
             "条", "页", "次", "门", "座", "张")

#: Magnitudes printed with a number ("1万", "20亿", "1.5万亿"): a bare one counts the row's own
#: things; with 元 or a counting word after it, it is part of the unit.
MAGNITUDES = {p: v for p, v in _PREFIX.items() if p}

#: The counting words of counter units (个, 户, 座 …), public for readers of printed figures.
COUNTERS = _COUNTERS

UNITS: dict[str, Unit] = {
    "元": Unit("CNY", 1.0),
    "%": Unit("%", 1.0, "percent"),
    "％": Unit("%", 1.0, "percent"),
    "": Unit("index", 1.0, "no unit printed: an index or a ratio"),
    "Gbps": Unit("Gbps", 1.0),
    "Gpbs": Unit("Gbps", 1.0, "printed 'Gpbs' in the plan: a typo for Gbps"),
    "G": Unit("Gbps", 1.0, "bandwidth printed as 'G'"),
    "T": Unit("Gbps", 1e3, "bandwidth printed as 'T'"),
    "Tbps": Unit("Gbps", 1e3),
    "万": Unit("", 1e4, "ten thousand (of the named thing)"),
    "亿": Unit("", 1e8, "hundred million (of the named thing)"),
}
for _p, _s in _PREFIX.items():
    if _p:
        UNITS.setdefault(f"{_p}元", Unit("CNY", _s))
    for _c in _COUNTERS:
        UNITS.setdefault(f"{_p}{_c}", Unit(_c, _s))


#: Units the plans print with a typo, and what they mean: shown by the meant name
#: everywhere but where the plan is quoted.
TYPOS = {"Gpbs": "Gbps"}


def unit_name(printed: str) -> str:
    """The unit as a table shows it: ``printed`` with a known typo corrected."""
    text = (printed or "").strip()
    return TYPOS.get(text, text)


@lru_cache(maxsize=1024)  # a plan of thousands of rows prints a handful of units
def lookup_unit(printed: str) -> Unit:
    """The base unit and scale of a printed unit; unknown units are their own base."""
    key = (printed or "").strip()
    return UNITS.get(key, Unit(key, 1.0, "unit not in the unit table: converts only to itself"))


@lru_cache(maxsize=4096)
def conversion_factor(from_unit: str, to_unit: str) -> float:
    """Multiply a value in ``from_unit`` by this to express it in ``to_unit``.

    >>> conversion_factor("万亿元", "亿元")
    10000.0
    >>> conversion_factor("亿", "万户")
    10000.0
    """
    a, b = lookup_unit(from_unit), lookup_unit(to_unit)
    # A bare multiplier (4.6亿 users) counts the indicator's own things: it converts to and
    # from any counter unit (亿 → 万户), never to money, percent or bandwidth.
    if {a.base, b.base} <= {"", *_COUNTERS} and "" in (a.base, b.base):
        return a.scale / b.scale
    if a.base != b.base:
        raise ValueError(
            f"cannot convert {from_unit!r} (base {a.base or 'number'}) to {to_unit!r} "
            f"(base {b.base or 'number'}): the units measure different things"
        )
    return a.scale / b.scale
