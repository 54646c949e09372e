"""Power-of-ten slips: a number typed in another unit than its row's (万元 in a 亿元 row, '3'
meaning 3万亿 in a 亿元 row) is 10^k times what the row expects. Read as typed it gives a
confident wrong answer (a target 已达到, a planned fall of 99.98 %), so a figure or a target
that is off by such a factor is questioned, with the readings that would make sense.

The thresholds, in log10 of the ratio ``d`` between a number and what is expected of it:

* a figure against its own series (``slip``): off when ``|d| >= FAR`` (2.5, ×316), or when
  ``|d| >= STEP`` (0.9, ×7.9) and ``|d|`` is within ``NEAR`` (0.15) of a whole number
  (×7.9–×14.1, ×71–×141: a unit step of 10 or 100, not growth of ×3 or ×30). A jump in
  the direction growth goes (above earlier figures only, or below later ones only: a series
  starting small) is a slip only when ``|d| >= FAR`` *and* it would need ``|d| / years >=
  FAST`` (1.5: ×31.6 a year) to the nearest figure.
* a planned target against its base (``plan_slip``): a rise of ``PLAN_RISE`` (1.85: ×71)
  or more, or a fall of more than ``PLAN_FALL`` (50 %) unless the row says ``decrease``.
"""

from __future__ import annotations

import math
import re
import statistics
from typing import NamedTuple

from ._units import UNITS, lookup_unit

FAR = 2.5
STEP = 0.9
NEAR = 0.15
FAST = 1.5
PLAN_RISE = 1.85
PLAN_FALL = 0.5
#: Powers of ten a unit slip is made of: 十, 百, 千, 万, 亿, 万亿 steps.
STEPS = (1, 2, 3, 4, 8, 12)
#: Units people type figures in: money with no prefix, 千, 百万, 万, 亿 or 万亿 (千元, 万亿元),
#: counts with none, 万 or 亿 (not 十户, 千个).
_SPOKEN = {True: re.compile(r"^(?:千|百万|万|亿|万亿)?[^十百千万亿]"),
           False: re.compile(r"^(?:万|亿)?[^十百千万亿]")}
#: How to mark a number as meant, in messages.
MEANT = "put true in column 'checked' if it is meant"


def is_off(d: float) -> bool:
    """Whether ``d`` (log10 of a ratio) looks like a power-of-ten slip rather than growth."""
    a = abs(d)
    return a >= FAR or (a >= STEP and abs(a - round(a)) <= NEAR)


def unit_for(unit: str, k: int) -> str:
    """The unit of ``unit``'s kind whose figures are 10^k times larger in ``unit`` (亿元, 4 →
    万亿元; 亿元, -4 → 万元), or '' when there is none."""
    u = lookup_unit(unit)
    if not unit or u.base in ("%", "index"):
        return ""
    scale = u.scale * 10.0 ** k
    names = [n for n, v in UNITS.items() if n and v.base == u.base and not v.note
             and math.isclose(v.scale, scale, rel_tol=1e-9)
             and _SPOKEN[u.base == "CNY"].match(n)]
    return min(names, key=len) if names else ""


def reading(text: str, value: float, k: int, unit: str) -> str:
    """One reading of ``text`` (``value`` in ``unit``) that is 10^k times off: "25000
    (250000000万元 = 25000亿元)"."""
    meant = value / 10.0 ** k
    shown = f"{meant:.6g}"
    if lookup_unit(unit).base == "%" and k == -2:
        return f"{shown} ({text} as a fraction is {shown}%)"
    other = unit_for(unit, -k)
    if other:
        return f"{shown} ({text}{other} = {shown}{unit})"
    p = "10" if abs(k) == 1 else f"10^{abs(k)}"
    return f"{shown} ({text} ÷ {p})" if k > 0 else f"{shown} ({text} × {p})"


def times(d: float) -> str:
    """'about 10^4 times' / 'about 1/10 of' / '19152 times' for a log10 ratio ``d``."""
    k = round(d)
    if abs(d - k) <= NEAR and k:
        p = "10" if abs(k) == 1 else f"10^{abs(k)}"
        return f"about {p} times" if k > 0 else f"about 1/{p} of"
    r = 10.0 ** abs(d)
    shown = f"{r:.0f}" if r >= 100 else f"{r:.3g}"
    return f"{shown} times" if d > 0 else f"1/{shown} of"


def slip_readings(text: str, value: float, d: float, unit: str) -> list[str]:
    """Readings of a figure ``d`` (log10) off its series: the unit steps that bring it
    within a factor of 4 of it (the nearest power of ten when none does)."""
    ks = sorted((s * k for k in STEPS for s in (1, -1) if abs(d - s * k) <= 0.6),
                key=lambda k: abs(d - k))
    return [reading(text, value, k, unit) for k in (ks or [round(d)])]


def plan_slip(text: str, base: float, target: float, unit: str, decrease: bool) -> str:
    """What is expected of a target ``text`` (``target`` in ``unit``) that is implausibly far
    from its ``base``, or '' when it is plausible. A fall is plausible when ``decrease``."""
    if not (base > 0) or math.isnan(target) or target < 0:
        return ""
    rise = target / base
    if rise < 10.0 ** PLAN_RISE and (decrease or rise >= PLAN_FALL):
        return ""
    if rise >= 1:
        what = f"{times(math.log10(rise))} the base {base:g}"
        ks = [k for k in STEPS if 0.5 <= rise / 10.0 ** k <= 30]
    else:
        what = f"a planned fall of {100 * (1 - rise):.4g}% from the base {base:g}"
        ks = [-k for k in STEPS if 0.5 <= rise * 10.0 ** k <= 30] if target > 0 else []
        if lookup_unit(unit).base == "%":
            ks = [k for k in ks if k == -2]
    # a step of a unit's name (万, 亿) first, then growth of about ×2, the usual
    ks.sort(key=lambda k: (not unit_for(unit, -k), abs(math.log10(rise) - k - 0.3)))
    readings = [reading(text, target, k, unit) for k in ks[:2]]
    mean = f"; did you mean {' or '.join(readings)}?" if readings else "?"
    own = next((f" (or with its own unit, e.g. {text}{u})" for u in
                (unit_for(unit, -k) for k in ks[:1]) if u), "")
    fall = "" if rise >= 1 else "put 'decrease' in column 'direction' if the fall is meant, or "
    return (f"a target of this row's magnitude in {unit or 'its unit'}: {text!r} is {what}"
            f"{mean} Type the target in {unit or 'the row unit'}{own}, or {fall}{MEANT}")


# --- a figure against its own series -------------------------------------------------------

#: Years either side of a figure whose figures (and plan values) it is compared with.
WINDOW = 5


class Ref(NamedTuple):
    """A number a figure is compared with: a figure of the same series (``row`` ≥ 0: of the
    file being read), a shipped figure, or a plan's base or target (``target``: compared
    only with earlier figures, and only where no later figure is known)."""

    year: int
    log: float
    label: str
    row: int = -1
    target: bool = False


class Slip(NamedTuple):
    """A figure off its series: ``d`` (log10 of figure / expected) and the numbers used."""

    d: float
    refs: tuple[Ref, ...]


def _expected(year: int, refs: list[Ref]) -> tuple[float, str, int, list[Ref]] | None:
    """What the series gives for ``year`` (log10), how ('same', 'both', 'earlier' or
    'later'), the years to the nearest figure, and the numbers used; None without any."""
    near = [r for r in refs if abs(r.year - year) <= WINDOW]
    same = [r for r in near if r.year == year and not r.target]
    if same:
        return statistics.median([r.log for r in same]), "same", 0, same
    earlier = [r for r in near if r.year < year and not r.target]
    later = [r for r in near if r.year > year and not r.target] or \
        [r for r in near if r.year > year and r.target]
    if earlier:
        ye = max(r.year for r in earlier)
        at_e = [r for r in earlier if r.year == ye]
        le = statistics.median([r.log for r in at_e])
    if later:
        yl = min(r.year for r in later)
        at_l = [r for r in later if r.year == yl]
        ll = statistics.median([r.log for r in at_l])
    if earlier and later:
        return le + (ll - le) * (year - ye) / (yl - ye), "both", 0, at_e + at_l
    if earlier:
        return le, "earlier", year - ye, at_e
    if later:
        return ll, "later", yl - year, at_l
    return None


def _off(point: Ref, refs: list[Ref]) -> Slip | None:
    found = _expected(point.year, refs)
    if found is None:
        return None
    expected, how, years, used = found
    d = point.log - expected
    if not is_off(d):
        return None
    # the way growth goes (above earlier figures only, below later ones only: a series that
    # starts small): a slip only when no plausible growth gets there
    growth = (how == "earlier" and d > 0) or (how == "later" and d < 0)
    if growth and (abs(d) < FAR or abs(d) / years < FAST):
        return None
    return Slip(d, tuple(used))


def series_slips(points: list[Ref]) -> dict[int, Slip]:
    """The figures of one series (``Ref.row`` ≥ 0) that are off it by a power of ten, by
    row. One at a time: of the figures off, the one without which the rest of the series
    agrees best (the smallest spread; the latest on a tie) is the slip; it is taken out and
    the others are looked at again, so one slip does not make its neighbours look wrong."""
    live = list(points)
    found: dict[int, Slip] = {}
    while True:
        hits = []
        for p in live:
            if p.row < 0:
                continue
            slip = _off(p, [q for q in live if q is not p])
            if slip is not None:
                hits.append((p, slip))
        if not hits:
            return found

        def spread(p: Ref) -> float:
            logs = [q.log for q in live if q is not p and not q.target]
            return max(logs) - min(logs) if logs else 0.0

        p, slip = min(hits, key=lambda h: (spread(h[0]), -h[0].year))
        found[p.row] = slip
        live.remove(p)
