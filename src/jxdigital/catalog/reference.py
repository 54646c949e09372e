"""The shipped reference data, as immutable values: which indicators are running totals
(stocks), totals over the year (flows) or levels that can fall, the series considered for
linking to a plan's rows (links), publishers, regions, populations and share ratios.

Each table of ``data/`` is read once; what is handed out is a frozenset, a read-only
mapping or a tuple of frozen records, so a caller may keep it and no caller can change it
for the next (a shared cached frame or dict could be).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType
from typing import TYPE_CHECKING

from .._data import data_path
from ._read import read_table
from ._regions import CITIES, REGIONS, region_code, region_name
from ._regions import EXPECTED as REGION_EXPECTED

if TYPE_CHECKING:  # a plan is only iterated: its targets' indicators
    from ._models import Plan

#: Persons in each unit a population is printed in (``data/populations.csv``).
_PERSONS = {"万人": 1e4, "人": 1.0, "亿人": 1e8}


# --- what kind of quantity an indicator is ---------------------------------------------------

@lru_cache(maxsize=1)
def stock_ids() -> frozenset[str]:
    """Indicators that are running totals that do not fall (``data/stocks.csv``)."""
    return frozenset(read_table(data_path("stocks.csv"))["indicator_id"])


def plan_stock_ids(plan: Plan) -> frozenset[str]:
    """The running totals a plan is judged with: the catalogue's and its own ``is_stock``
    rows."""
    return stock_ids() | {t.indicator_id for t in plan if t.indicator.is_stock}


@lru_cache(maxsize=1)
def flow_ids() -> frozenset[str]:
    """Indicators whose yearly value is a total over the year (``data/flows.csv``): a
    part-year figure of one is the year's total so far, never a level of the series."""
    t = read_table(data_path("flows.csv"))
    return frozenset(t["indicator_id"].astype(str))


@lru_cache(maxsize=1)
def flow_share_sources() -> Mapping[str, str]:
    """Indicators whose yearly value is a total over the year, each with the series
    ('region:indicator_id') the share of the year a 1–N月 figure covers is learned from
    (``data/flows.csv``)."""
    t = read_table(data_path("flows.csv"))
    return MappingProxyType({str(i): str(s) for i, s in
                             zip(t["indicator_id"], t["share_from"], strict=True)
                             if str(s) not in ("", "nan")})


@lru_cache(maxsize=1)
def level_ids() -> frozenset[str]:
    """Indicators known to be levels that can fall (``data/levels.csv``: users, subscribers):
    a part-year figure of one measures its year-end with noise."""
    return frozenset(read_table(data_path("levels.csv"))["indicator_id"].astype(str))


@lru_cache(maxsize=1)
def share_ratios() -> Mapping[str, tuple[str, str]]:
    """Shares defined as one level over another (``data/ratios.csv``): share id →
    (numerator id, denominator id), the share being numerator ÷ denominator × 100."""
    t = read_table(data_path("ratios.csv"))
    return MappingProxyType({str(s): (str(n), str(d)) for s, n, d in zip(
        t["share_id"], t["numerator_id"], t["denominator_id"], strict=True)})


@lru_cache(maxsize=1)
def shipped_units() -> Mapping[str, str]:
    """Indicator id → unit of every shipped indicator (the plans' table first, so its units
    win, then the context series)."""
    out: dict[str, str] = {}
    for name in ("indicators.csv", "series.csv"):
        df = read_table(data_path(name))
        for iid, unit in zip(df["indicator_id"], df["unit"], strict=True):
            out.setdefault(iid, unit)
    return MappingProxyType(out)


@lru_cache(maxsize=1)
def shipped_plan_ids() -> tuple[str, ...]:
    """The shipped plans' ids, in ``data/plans.csv`` order (the main table first)."""
    return tuple(str(p) for p in read_table(data_path("plans.csv"))["plan_id"])


# --- people and populations -----------------------------------------------------------------

@lru_cache(maxsize=1)
def people_counts() -> frozenset[tuple[str, str]]:
    """(indicator, region) pairs that count people (``data/caps.csv``, at_most population;
    an empty region: every region): no value can exceed the region's population. A
    definition that counts accounts (Jiangxi's IPv6 万户, mobile subscriptions) is not
    listed: it can exceed the residents."""
    t = read_table(data_path("caps.csv"))
    t = t[t["at_most"] == "population"]
    return frozenset((str(i), str(r)) for i, r in zip(t["indicator_id"], t["region"],
                                                      strict=True))


def counts_people(indicator_id: str, region: str) -> bool:
    """Whether ``indicator_id`` in ``region`` counts people (``people_counts``)."""
    caps = people_counts()
    return (indicator_id, region) in caps or (indicator_id, "") in caps


@lru_cache(maxsize=1)
def populations() -> Mapping[str, float]:
    """The largest resident population known for each region (``data/populations.csv``), in
    persons: a cap on any count of people there, whatever the year."""
    t = read_table(data_path("populations.csv"))
    out: dict[str, float] = {}
    for region, value, unit in zip(t["region"], t["value"], t["unit"], strict=True):
        out[str(region)] = max(out.get(str(region), 0.0), float(value) * _PERSONS[str(unit)])
    return MappingProxyType(out)


# --- publishers ---------------------------------------------------------------------------

@lru_cache(maxsize=1)
def publisher_names() -> Mapping[str, str]:
    """Publishers' English names by their Chinese ones (``data/publishers.csv``), for
    English source lines."""
    t = read_table(data_path("publishers.csv"))
    return MappingProxyType(dict(zip(t["name_zh"].astype(str), t["name_en"].astype(str),
                                     strict=True)))


@lru_cache(maxsize=1)
def publisher_origins() -> Mapping[str, tuple[str, str]]:
    """The original publisher of the shipped figures, by the ``publisher`` text of
    ``data/actuals.csv`` (``data/publisher_origins.csv``: ``original_zh``, ``original_en``;
    both empty where the record names none): what a chart's source line names, never a
    mirror or reposting site."""
    t = read_table(data_path("publisher_origins.csv"))
    return MappingProxyType({str(p): (str(zh or ""), str(en or "")) for p, zh, en in zip(
        t["publisher"], t["original_zh"].fillna(""), t["original_en"].fillna(""),
        strict=True)})


# --- links between definitions ------------------------------------------------------------

@dataclass(frozen=True)
class LinkDecision:
    """A series of another definition considered for a shipped plan's row
    (``data/links.csv``): ``decision`` 'link' (its growth carries the row's series) or
    'refuse' (``why_zh`` / ``why_en`` say why not); ``basis`` what the decision rests on."""

    plan_id: str
    indicator_id: str
    series: str
    decision: str
    why_zh: str = ""
    why_en: str = ""
    basis: str = ""


@lru_cache(maxsize=1)
def link_decisions() -> tuple[LinkDecision, ...]:
    """Every decision of ``data/links.csv``, in the file's order."""
    t = read_table(data_path("links.csv"))
    return tuple(LinkDecision(**{k: str(v) for k, v in r.items()})
                 for r in t.to_dict("records"))


__all__ = [
    "CITIES",
    "REGIONS",
    "REGION_EXPECTED",
    "LinkDecision",
    "counts_people",
    "flow_ids",
    "flow_share_sources",
    "level_ids",
    "link_decisions",
    "people_counts",
    "plan_stock_ids",
    "populations",
    "publisher_names",
    "publisher_origins",
    "region_code",
    "region_name",
    "share_ratios",
    "shipped_plan_ids",
    "shipped_units",
    "stock_ids",
]
