"""pydantic models of one target row: a ``Target`` about one ``Indicator``, with the
``Source`` it is printed in."""

from __future__ import annotations

import math
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from .. import growth

#: ``COMPARATORS`` as a type, written out for type checkers (tests/test_types.py keeps them equal)
Comparator = Literal["reach", "at_least", "more_than", "around", "at_most", "between",
                     "above_national_average", "faster_than", "none"]
BaseQualifier = Literal["exact", "more_than", "at_least", "around", "none"]
Measure = Literal["level", "cagr", "annual_flow", "growth_comparison"]
Direction = Literal["increase", "decrease"]

#: 左右 ("about") has no official width (docs/methods.md §1.7). Defaults, overridable per row
#: with the ``tolerance`` column: ± this many points for values in percent, ...
AROUND_TOLERANCE_PP = 0.5
#: ... and ± this fraction of the target for everything else.
AROUND_TOLERANCE_REL = 0.05

_FROZEN = ConfigDict(frozen=True, extra="forbid")

#: Comparators whose meaning depends on the direction (a plain number, 左右, a range).
DIRECTED = ("reach", "around", "between")


def implied_direction(comparator: str, base_value: float, target_value: float,
                      target_high: float = math.nan) -> Direction:
    """The direction a row's own numbers give: ``at_most`` (不高于) is a decrease, and so
    is a plain number, 左右 or a range printed below its base (PUE 1.5 → 1.3); everything
    else is an increase. A ``direction`` column, where a file has one, overrides this."""
    if comparator == "at_most":
        return "decrease"
    top = target_high if comparator == "between" else target_value
    if comparator in DIRECTED and base_value > top:  # False when either is NaN
        return "decrease"
    return "increase"


class Source(BaseModel):
    """Where a target stands: document, place in it, and the printed words."""

    model_config = _FROZEN
    doc: str = ""
    location: str = ""
    quote: str = ""


class Indicator(BaseModel):
    """What is measured: names, unit and how the quantity behaves."""

    model_config = _FROZEN
    indicator_id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    name_zh: str = Field(min_length=1)
    name_en: str = ""
    #: a short name for chart panels and narrow tables (the full name stays in reports)
    short_zh: str = ""
    short_en: str = ""
    category_zh: str = ""
    category_en: str = ""
    unit: str = ""  # as printed
    unit_base: str = ""  # e.g. CNY, 个, %, index
    unit_scale: float = 1.0  # 亿元 → 1e8
    is_share: bool = False  # a percentage bounded to [0, 100]; targets in points
    #: a running total that does not fall (基站开通数, 注册用户数): never projected below its
    #: last known level (``data/stocks.csv`` lists the shipped ones)
    is_stock: bool = False
    direction: Direction = "increase"
    region: str = "jiangxi"

    @property
    def label_zh(self) -> str:
        """Name with unit as the plan prints it: ``数字经济增加值(亿元)``."""
        return f"{self.name_zh}({self.unit})" if self.unit else self.name_zh


class Target(BaseModel):
    """One target row of a plan, as printed and as parsed."""

    model_config = _FROZEN
    plan_id: str
    seq: int
    indicator: Indicator
    measure: Measure = "level"
    base_year: int | None = None
    base_text: str = ""
    base_value: float = math.nan
    base_qualifier: BaseQualifier = "none"
    target_year: int
    target_text: str
    target_value: float = math.nan
    target_high: float = math.nan  # upper end of a printed range
    comparator: Comparator
    tolerance: float = math.nan  # half-width of the 左右 band, in the indicator's unit
    stated_growth_text: str = ""
    stated_growth: float = math.nan  # fraction: 0.14 for 14 %
    stated_growth_qualifier: str = "none"
    attribute: str = ""  # 预期性 / 约束性 / "" when the plan does not say
    reference: str = ""  # 'china' or 'region:indicator_id' for relative targets
    #: For a growth comparison (faster_than) or a growth-rate target (cagr): the level
    #: series whose growth is meant, 'indicator_id' or 'region:indicator_id'.
    subject: str = ""
    #: a series of another definition linked to this one by its growth ('region:id' or
    #: 'id'): used, spliced at the base year, only where the target's own series has no
    #: figure after its base year (evidence grade C)
    linked: str = ""
    source: Source = Source()
    note: str = ""
    #: the target's name within its plan, unique there (``Plan`` sets it): the indicator
    #: id where the plan lists the indicator once, ``id@region`` where it lists it for
    #: several regions (a table broken down to 设区市), ``id@year`` / ``id@region@year``
    #: where it lists it for several target years
    key: str = ""

    @property
    def indicator_id(self) -> str:
        return self.indicator.indicator_id

    @property
    def region(self) -> str:
        return self.indicator.region

    @property
    def years(self) -> int | None:
        """Length of the plan period for this row, when a base year is known."""
        return None if self.base_year is None else self.target_year - self.base_year

    @property
    def band(self) -> tuple[float, float]:
        """(low, high) of values that meet the target; NaN where open or unknown.

        ``around`` is ``target ± tolerance``; ``between`` the printed range;
        ``at_least``/``more_than``/``reach`` are open above (below for ``decrease``).
        """
        v = self.target_value
        inf = math.inf
        if self.comparator == "around":
            return (v - self.effective_tolerance, v + self.effective_tolerance)
        if self.comparator == "between":
            return (v, self.target_high)
        if self.comparator in ("at_least", "more_than"):
            return (v, inf)
        if self.comparator == "at_most":
            return (-inf, v)
        if self.comparator == "reach":
            return (v, inf) if self.indicator.direction == "increase" else (-inf, v)
        return (math.nan, math.nan)

    @property
    def met_range(self) -> tuple[float, float]:
        """(low, high) of the values that meet the target, the one rule used before and in
        the target year; NaN where there is no numeric target.

        Ranges (``around`` 左右 and ``between``) are judged in the desired direction: for an
        indicator that should rise, a value at or above the low end meets it and a value
        above the band exceeds it (超额完成); below the band misses. Mirrored for
        ``decrease``. Every other comparator is its ``band``.
        """
        low, high = self.band
        if self.comparator in ("around", "between"):
            return (low, math.inf) if self.indicator.direction == "increase" else \
                (-math.inf, high)
        return low, high

    def meets(self, value: float) -> bool:
        """Does ``value`` meet the target? ``more_than`` is strict (> the value)."""
        low, high = self.met_range
        if math.isnan(low) and math.isnan(high):
            return False
        if self.comparator == "more_than" and self.indicator.direction == "increase":
            return value > self.target_value
        return low <= value <= high

    @property
    def direction_conflict(self) -> bool:
        """The row's direction contradicts its own numbers: a plain number, 左右 or range
        on the wrong side of the base (``direction`` increase with 1.5 → 1.3, or decrease
        with 100 → 200). The stated direction is respected; ``Plan.audit`` flags it."""
        if self.comparator not in DIRECTED or self.measure not in ("level", "annual_flow"):
            return False
        low = self.target_value
        top = self.target_high if self.comparator == "between" else low
        if self.indicator.direction == "increase":
            return self.base_value > top
        return self.base_value < low

    @property
    def effective_tolerance(self) -> float:
        """The 左右 half-width used: the row's own, else the defaults above."""
        if self.comparator != "around":
            return math.nan
        if not math.isnan(self.tolerance):
            return self.tolerance
        if self.indicator.unit_base == "%" or self.measure == "cagr":
            return AROUND_TOLERANCE_PP
        return AROUND_TOLERANCE_REL * abs(self.target_value)

    @property
    def implied_cagr(self) -> float:
        """``(target / base) ** (1 / years) - 1`` for level targets with both numbers.

        NaN for shares unless the plan states a growth for them: a share's target is
        a number of points (see ``implied_pp_per_year``), not a growth rate.
        """
        if self.indicator.is_share and math.isnan(self.stated_growth):
            return math.nan
        if (self.measure != "level" or self.years is None or not self.base_value > 0
                or math.isnan(self.target_value)):
            return math.nan
        return float(growth.implied_cagr(self.base_value, self.target_value, self.years))

    @property
    def implied_pp_per_year(self) -> float:
        """``(target - base) / years``: the yearly change in points, for shares only."""
        if self.measure != "level" or self.years is None or not self.indicator.is_share:
            return math.nan
        return float(growth.implied_pp_per_year(self.base_value, self.target_value, self.years))
