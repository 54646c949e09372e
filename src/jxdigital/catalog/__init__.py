"""The plan catalogue: plans, their indicators and targets, as printed and as parsed.

``jxdigital.catalog.reference`` holds the shipped reference data (stocks, flows, links,
publishers, regions, populations) as immutable values; ``jxdigital.catalog.magnitude`` the
rule that questions a number 10^k times what its row or series expects.
"""

from . import magnitude, reference
from ._load import DEFAULT_PLAN, OPTIONAL, PARSED, REQUIRED, load_plan, plan_from_frame, plans
from ._models import (
    AROUND_TOLERANCE_PP,
    AROUND_TOLERANCE_REL,
    AUDIT_FLAG_PP,
    USER_REGION,
    Indicator,
    Plan,
    Source,
    Target,
    find_target,
)
from ._parse import COMPARATORS, TextError, parse_base, parse_growth, parse_target
from ._read import HEADER_WORDS, read_table
from ._registry import indicator_registry
from ._shipped import is_shipped, shipped_ids_note, warn_shipped_ids
from ._units import COUNTERS, TYPOS, conversion_factor, lookup_unit, unit_name
from .reference import CITIES, REGION_EXPECTED, REGIONS, region_code, region_name

__all__ = [
    "AROUND_TOLERANCE_PP",
    "AROUND_TOLERANCE_REL",
    "AUDIT_FLAG_PP",
    "CITIES",
    "COMPARATORS",
    "COUNTERS",
    "DEFAULT_PLAN",
    "HEADER_WORDS",
    "OPTIONAL",
    "PARSED",
    "REGIONS",
    "REGION_EXPECTED",
    "REQUIRED",
    "TYPOS",
    "USER_REGION",
    "Indicator",
    "Plan",
    "Source",
    "Target",
    "TextError",
    "conversion_factor",
    "find_target",
    "indicator_registry",
    "is_shipped",
    "load_plan",
    "lookup_unit",
    "magnitude",
    "parse_base",
    "parse_growth",
    "parse_target",
    "plan_from_frame",
    "plans",
    "read_table",
    "reference",
    "region_code",
    "region_name",
    "shipped_ids_note",
    "unit_name",
    "warn_shipped_ids",
]
