"""Presentation: numbers with units, target words, status names and colours, the date
sentences and the phrase catalogue, in Chinese and English.

The assessment decides in codes; this layer words them (``WORDS``), and ``assess`` /
``assessment_history`` here are the assessment's, worded (what ``jxdigital.assess`` is).
Charts, reports, slides, the command line and the Jupyter views take their words from here.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..assessment import Assessment
from ..assessment import assess as _assess
from ..assessment import assessment_history as _history
from ..catalog import Plan
from . import _phrases as phrases
from ._colours import OUTCOME_STATUS, STATUS_COLOURS, STATUS_INK
from ._units import DisplayUnit, display_unit, unit_of
from ._wording import WORDS, Words


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

__all__ = ["OUTCOME_STATUS", "STATUS_COLOURS", "STATUS_INK", "WORDS", "DisplayUnit", "Words",
           "assess", "assessment_history", "display_unit", "phrases", "unit_of"]
