"""On or off track: every target of a plan, judged from its actuals and projections.

``assess()`` returns an ``Assessment``; the status rule and every threshold are in
``jxdigital.assessment._rules`` (documented in its module docstring).
"""

from ._account import OUTCOMES, Account
from ._assess import assess, assessment_history
from ._evidence import in_unit, usable
from ._model import Assessment, TargetStatus
from ._rules import (
    EUROSTAT,
    MIN_OBSERVATIONS,
    P_OFF_TRACK,
    P_ON_TRACK,
    SCHEMES,
    STATUS_EN,
    STATUS_ZH,
    STATUSES,
    UN,
    status_cn,
)

__all__ = [
    "EUROSTAT",
    "MIN_OBSERVATIONS",
    "OUTCOMES",
    "P_OFF_TRACK",
    "P_ON_TRACK",
    "SCHEMES",
    "STATUSES",
    "STATUS_EN",
    "STATUS_ZH",
    "UN",
    "Account",
    "Assessment",
    "TargetStatus",
    "assess",
    "assessment_history",
    "in_unit",
    "status_cn",
    "usable",
]
