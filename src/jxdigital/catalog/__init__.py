"""The plan catalogue: plans, their indicators and targets, as printed and as parsed."""

from ._load import DEFAULT_PLAN, OPTIONAL, PARSED, REQUIRED, load_plan, plans
from ._models import (
    AROUND_TOLERANCE_PP,
    AROUND_TOLERANCE_REL,
    AUDIT_FLAG_PP,
    Indicator,
    Plan,
    Source,
    Target,
)
from ._parse import COMPARATORS, parse_base, parse_growth, parse_target
from ._regions import region_name
from ._registry import indicator_registry
from ._units import TYPOS, conversion_factor, lookup_unit, unit_name

__all__ = [
    "AROUND_TOLERANCE_PP",
    "AROUND_TOLERANCE_REL",
    "AUDIT_FLAG_PP",
    "COMPARATORS",
    "DEFAULT_PLAN",
    "OPTIONAL",
    "PARSED",
    "REQUIRED",
    "TYPOS",
    "Indicator",
    "Plan",
    "Source",
    "Target",
    "conversion_factor",
    "indicator_registry",
    "load_plan",
    "lookup_unit",
    "parse_base",
    "parse_growth",
    "parse_target",
    "plans",
    "region_name",
    "unit_name",
]
