"""Which series a target is judged on and compared with, as typed keys.

A target names its series in the plan: its own indicator in its region, or for a growth
target the level series in ``subject``, and for a comparison the series in ``reference``
(``'region:indicator_id'`` or ``'indicator_id'``; ``超全国平均水平`` compares with the
same indicator in ``china``). Every module that needs one asks here, so the key is built in
one place.
"""

from __future__ import annotations

import math
from typing import NamedTuple

from .. import codes
from ..catalog import Target
from ..codes import KINDS  # noqa: F401 (re-exported)


class SeriesKey(NamedTuple):
    """One yearly series: an indicator in a region."""

    indicator_id: str
    region: str

    def __str__(self) -> str:
        return f"{self.region}:{self.indicator_id}"


def split_ref(ref: str, default_region: str) -> SeriesKey:
    """``'region:indicator_id'`` or ``'indicator_id'`` → the key (region defaulted)."""
    region, _, iid = ref.rpartition(":")
    return SeriesKey(iid, region or default_region)


def kind_of(t: Target) -> str:
    """How ``t`` is judged: one of ``KINDS``."""
    if t.comparator == codes.FASTER_THAN:
        return "growth_comparison" if t.base_year is not None else "none"
    if t.comparator == codes.ABOVE_NATIONAL_AVERAGE:
        return "relative"
    if t.comparator == "none" or math.isnan(t.target_value):
        return "none"
    if t.measure == "annual_flow":
        return "annual_flow"
    return "growth_rate" if t.measure == "cagr" else "level"


def own_series(t: Target) -> SeriesKey:
    """The series a target is judged on: the level series named by ``subject`` for a
    growth target, else the target's own."""
    if t.subject and kind_of(t) in ("growth_rate", "growth_comparison"):
        return split_ref(t.subject, t.indicator.region)
    return SeriesKey(t.indicator.indicator_id, t.indicator.region)


def reference_series(t: Target) -> SeriesKey | None:
    """The series a target is compared with, if any."""
    kind = kind_of(t)
    if kind == "relative":
        return SeriesKey(t.indicator.indicator_id, t.reference or "china")
    if kind == "growth_comparison":
        return split_ref(t.reference, t.indicator.region)
    return None
