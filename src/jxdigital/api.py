"""The functions a user calls first, worded: ``jxdigital.assess`` and
``jxdigital.assessment_history`` (what ``import jxdigital`` hands out).

The assessment decides in codes (``jxdigital.assessment.assess``: judgements, statuses,
reason codes); the presentation layer words them (``jxdigital.present.WORDS``). These two
join them — the only thing they add is the words — so they sit above both layers.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from .assessment import Assessment
from .assessment import assess as _assess
from .assessment import assessment_history as _history
from .catalog import Plan
from .present import WORDS


def assess(plan: str | Path | Plan | None = None, actuals=None, as_of=None,
           lang: str = "zh", scheme: str = "cn", method: str = "auto",
           today=None, evidence: str = "all") -> Assessment:
    """Assess every target of ``plan`` and word the statuses and reasons in Chinese and
    English: ``jxdigital.assessment.assess(..., wording=WORDS)`` (see there for the
    arguments)."""
    return _assess(plan, actuals, as_of=as_of, lang=lang, scheme=scheme, method=method,
                   today=today, wording=WORDS, evidence=evidence)


def assessment_history(plan=None, actuals=None, years=None, scheme: str = "cn",
                       method: str = "auto", today=None, until=None,
                       evidence: str = "all") -> pd.DataFrame:
    """Each year's review, worded (``jxdigital.assessment.assessment_history``)."""
    return _history(plan, actuals, years=years, scheme=scheme, method=method, today=today,
                    until=until, wording=WORDS, evidence=evidence)


assess.__doc__ = (assess.__doc__ or "") + "\n\n" + (_assess.__doc__ or "")

__all__ = ["assess", "assessment_history"]
