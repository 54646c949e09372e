"""jxdigital: is Jiangxi on track for its digital-economy targets?

The plan catalogue (``plans``, ``load_plan``), growth arithmetic (``implied_cagr``,
``required_cagr``, ``pro_rata_path``), yearly actuals with provenance (``actuals``,
``load_actuals``, ``coverage``, ``conflicts``), calibrated projections (``project``) and
the on/off-track assessment (``assess``, ``assessment_history``) and its one view in words
and display units, which every output lays out (``view``). Heavy modules load on first use,
so ``import jxdigital`` and the command line stay fast.
"""

from __future__ import annotations

import importlib
import logging
from typing import Any

__version__ = "0.1.0"

# The library logs what it read, skipped and how long it took to the ``jxdigital`` logger
# (``logging.getLogger("jxdigital")``); it says nothing unless the application configures
# logging. ``warnings`` are kept for what a user must act on.
logging.getLogger(__name__).addHandler(logging.NullHandler())

_LAZY = {
    "plans": "jxdigital.catalog", "load_plan": "jxdigital.catalog",
    "Plan": "jxdigital.catalog", "Indicator": "jxdigital.catalog",
    "Target": "jxdigital.catalog", "COMPARATORS": "jxdigital.catalog",
    "implied_cagr": "jxdigital.growth", "required_cagr": "jxdigital.growth",
    "pro_rata_path": "jxdigital.growth", "compound": "jxdigital.growth",
    "implied_pp_per_year": "jxdigital.growth",
    "actuals": "jxdigital.observations", "load_actuals": "jxdigital.observations",
    "merge_actuals": "jxdigital.observations", "conflicts": "jxdigital.observations",
    "coverage": "jxdigital.observations", "override_selection": "jxdigital.observations",
    "Observation": "jxdigital.observations", "ActualsError": "jxdigital.observations",
    "InputError": "jxdigital.errors", "PlanFormatError": "jxdigital.errors",
    "project": "jxdigital.models", "Projection": "jxdigital.models",
    "assess": "jxdigital.api", "assessment_history": "jxdigital.api",
    "Assessment": "jxdigital.assessment", "TargetStatus": "jxdigital.assessment",
    "Account": "jxdigital.assessment", "target_options": "jxdigital.assessment",
    "TargetOptions": "jxdigital.assessment", "review_draft": "jxdigital.assessment",
    "DraftReview": "jxdigital.assessment",
    "view": "jxdigital.present.view", "ReportView": "jxdigital.present.view",
}

__all__ = ["__version__", *_LAZY]


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        value = getattr(importlib.import_module(_LAZY[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'jxdigital' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(__all__)
