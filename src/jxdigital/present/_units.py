"""Each indicator's display unit: decided once from the plan's own numbers, used by every
table cell, axis, label and sentence of an output.

A plan row stores its numbers in the unit it prints (``亿元``, ``万户``, ``Gpbs``). Shown as
they come, one row mixed scales: the target ``16000`` beside ``1.04万亿元``, ``6000`` beside
``2.38亿户``. ``display_unit`` picks the unit a row is shown in from the row's base and
target (the plan's numbers, so it does not change from one month's report to the next):

- Chinese: the printed unit, so a table reads as the plan prints it (``16000`` in 亿元),
  unless the plan's own numbers have outgrown it: a ``万`` unit from 10,000 up becomes ``亿``
  (``12000万户`` → ``1.2亿户``), a unit of ones from 100,000 up ``万`` (``100000个`` →
  ``10万个``), ``亿元`` from 100,000 up ``万亿元``. A misprinted unit is shown by its proper
  name (``Gpbs`` → ``Gbps``); the printed text stays where the plan is quoted.
- English: multiplied out, on the scale (million, billion, trillion) where the target
  reads between 1 and 1,000: ``16000亿元`` → ``1.6 trillion yuan``, its base ``0.84
  trillion yuan``, ``6000万户`` → ``60 million users``.

Percentages, indices and bandwidths are shown as printed.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from .. import codes
from ..catalog import lookup_unit
from . import _text as T
from .words import words_for

#: Chinese prefixes a unit of one thing may be shown with, by scale.
_ZH_PREFIX = {1.0: "", 1e4: "万", 1e8: "亿", 1e12: "万亿"}


def _finite(x) -> bool:
    return isinstance(x, (int, float)) and math.isfinite(x)


@dataclass(frozen=True)
class DisplayUnit:
    """How one row's numbers are shown in one language: a stored value ``v`` (in the
    row's printed ``unit``) shows as ``v / factor`` in the unit ``name``; ``noun`` is what
    an English count counts (``users``), ``percent`` a share or rate shown with ``%``."""

    unit: str
    lang: str
    name: str
    factor: float = 1.0
    noun: str = ""
    percent: bool = False

    # --- bare numbers (table cells, axis ticks: the unit is in the header) ------------------
    def scaled(self, v: float) -> float:
        """``v`` in the display unit."""
        return v / self.factor

    def number(self, v: float | None) -> str:
        """``v`` as a bare number in the display unit: ``10378``, ``1.04``, ``48.6``."""
        if v is None or not _finite(v):
            return "—"
        x = self.scaled(v)
        if self.percent:
            return T._trim(x, 1)
        return T.num(_clean(x), self.lang)

    def projected(self, v: float | None) -> str:
        """A projection as a bare number: three significant figures."""
        if v is None or not _finite(v):
            return "—"
        return self.number(T.sig(v))

    # --- with the unit (sentences, labels) -------------------------------------------------
    def with_unit(self, text: str) -> str:
        """A bare number's text with the unit: ``10378亿元``, ``1.04 trillion yuan``,
        ``238 million users``, ``48.6%``."""
        if text == "—":
            return text
        if self.percent:
            return f"{text}%"
        one = text == "1" and not self.name  # 1 user, but 1 million users
        words = " ".join(w for w in (self.name, self.noun.removesuffix("s") if one
                                     else self.noun) if w)
        return words_for(self.lang).say("numbers.with_unit", v=text, unit=words) if words \
            else text

    def value(self, v: float | None) -> str:
        """``v`` with its unit (``number`` then ``with_unit``)."""
        return self.with_unit(self.number(v))

    def projected_value(self, v: float | None) -> str:
        """A projection with its unit, to three significant figures."""
        return self.with_unit(self.projected(v))

    def figure(self, v: float | None, qualifier: str = "exact", bare: bool = False) -> str:
        """A figure with its qualifier: ``6.2万个以上`` / ``over 62,000``, ``约10%``, ``不到4000
        家``; ``bare``: without the unit (a table cell)."""
        text = self.number(v) if bare else self.value(v)
        if text == "—":
            return text
        return T.QUALIFIER_WORDS[self.lang].get(qualifier or "exact", "{v}").format(v=text)

    # --- the unit alone ---------------------------------------------------------------------
    @property
    def label(self) -> str:
        """The unit as a table header or an axis names it: ``亿元``, ``trillion yuan``,
        ``million users``, ``%``; "" for an index or a plain count."""
        if self.percent:
            return "%"
        return " ".join(w for w in (self.name, self.noun) if w)  # a noun only in English

    def suffix(self) -> str:
        """The unit after a name in a header: ``（亿元）`` / `` (trillion yuan)``; "" when
        there is none."""
        lab = self.label
        if not lab:
            return ""
        return words_for(self.lang).say("numbers.unit_suffix", unit=lab)


def _clean(x: float) -> float:
    """A scaled number without binary noise (1.6000000000000003 → 1.6)."""
    x = float(x)  # a numpy float prints as np.float64(...)
    return float(Decimal(repr(x)).quantize(Decimal(1).scaleb(-9))) if abs(x) < 1e15 else x


def _anchor(values) -> float:
    """The largest magnitude among a row's own numbers (its base and target)."""
    finite = [abs(float(v)) for v in values if _finite(v)]
    return max(finite) if finite else math.nan


def display_unit(unit: str, values, lang: str) -> DisplayUnit:
    """The display unit of a row printed in ``unit`` whose own numbers (base, target, a
    range's upper end) are ``values``, in ``lang`` (see the module docstring)."""
    return _display_unit((unit or "").strip(), _anchor(values), lang)


@lru_cache(maxsize=4096)
def _display_unit(printed: str, m: float, lang: str) -> DisplayUnit:
    """``display_unit`` of a row whose largest own number is ``m``: decided once (a reason
    says a row's numbers in it several times)."""
    u = lookup_unit(printed)
    if u.base == "%":
        return DisplayUnit(printed, lang, "%", percent=True)
    if u.base == "index":
        return DisplayUnit(printed, lang, "")
    if u.base == "Gbps":
        name = "Tbps" if u.scale == 1e3 else "Gbps"  # a typo (Gpbs) shown by its name
        return DisplayUnit(printed, lang, name)
    noun = T._noun(printed, u.base, lang)
    known = u.base == "CNY" or noun is not None
    if words_for(lang).setting("number_style") == "short_scale":
        return _in_millions(printed, u, noun, m, lang) if known else \
            DisplayUnit(printed, lang, printed)  # no word for it: as printed, unscaled
    if not known or not _finite(m):
        return DisplayUnit(printed, lang, printed)
    thing = "元" if u.base == "CNY" else ("" if u.base == "" else u.base)
    prefix = printed[: len(printed) - len(thing)] if thing and printed.endswith(thing) \
        else printed
    if prefix not in _ZH_PREFIX.values():  # 千万元, 十万人: keep as printed
        return DisplayUnit(printed, lang, printed)
    scale = u.scale
    # outgrown: 万 from 10,000 up → 亿; ones from 100,000 up → 万; 亿元 from 100,000 up → 万亿元
    if (scale == 1e4 and m >= 1e4) or (scale == 1 and m >= 1e9 and thing):
        scale = 1e8
    elif scale == 1 and m >= 1e5 and thing:
        scale = 1e4
    elif scale == 1e8 and m >= 1e5 and u.base == "CNY":
        scale = 1e12
    if scale == u.scale:
        return DisplayUnit(printed, lang, _ZH_PREFIX[scale] + thing if thing or scale != 1
                           else printed)
    return DisplayUnit(printed, lang, _ZH_PREFIX[scale] + thing, factor=scale / u.scale)


def _in_millions(printed: str, u, noun: tuple[str, str] | None, m: float,
                 lang: str) -> DisplayUnit:
    """A row's display unit in a language of millions: on the scale where the row's
    largest number reads between 1 and 1,000 (``60 million users``)."""
    plural = "" if u.base == "CNY" else (noun[0] if noun else "")
    thing = words_for(lang).say("numbers.currency") if u.base == "CNY" else ""
    total = m * u.scale if _finite(m) else u.scale
    for big, word in T.scales(lang):
        if total >= float(big):
            return DisplayUnit(printed, lang, " ".join(w for w in (word, thing) if w),
                               factor=float(big) / u.scale, noun=plural)
    return DisplayUnit(printed, lang, thing, factor=1 / u.scale, noun=plural)


def unit_of(r, lang: str) -> DisplayUnit:
    """The display unit of a target: anything with ``unit``, ``base_value``,
    ``target_value`` and ``target_high`` (a ``TargetStatus``), or a catalogue ``Target``."""
    if hasattr(r, "indicator"):  # a catalogue Target
        return display_unit(r.indicator.unit, (r.base_value, r.target_value, r.target_high),
                            lang)
    if getattr(r, "comparator", "") == codes.FASTER_THAN:
        return display_unit("%", (), lang)
    return display_unit(r.unit, (r.base_value, r.target_value, r.target_high), lang)


__all__ = ["DisplayUnit", "display_unit", "unit_of"]
