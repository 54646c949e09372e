"""What each year-end review of a plan would have said, from only what had been published
by then (``assessment_history``): were the warnings right? ``history_of`` makes the
reviews of an assessment again from its inputs, for the targets asked about."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import pandas as pd

from ..catalog import Plan
from ._inputs import AssessmentInputs, as_data, as_plan, inputs_of, needed_series, of_series
from ._judging import judge_plan
from ._record import record, records_frame
from ._timing import timing
from ._wording import CODES, Wording

HISTORY_COLUMNS = ["review_year", "as_of", "plan_id", "seq", "indicator_id", "key", "region",
                   "name_zh",
                   "latest_year", "latest_value", "n_obs", "projected", "p_met", "status",
                   "status_cn", "verdict", "status_zh", "phase", "final", "reason_zh",
                   "reason_en"]


def _review_years(p: Plan, until) -> list[int]:
    """Every year of the plan period, base year excluded, that had ended by ``until``."""
    start = p.base_year if p.base_year is not None else \
        min((t.base_year for t in p if t.base_year is not None), default=None)
    end = p.target_year or max(t.target_year for t in p)
    last = timing(None, until).review
    return [y for y in range((start if start is not None else end - 5) + 1, end + 1)
            if last >= dt.date(y, 12, 31)]


def assessment_history(plan=None, actuals=None, years=None, scheme: str = "cn",
                       method: str = "auto", today=None, until=None,
                       wording: Wording = CODES, evidence: str = "all") -> pd.DataFrame:
    """The status of each target as it would have been judged at the end of each year in
    ``years`` (default: every year of the plan period, base year excluded, that had ended
    by ``until``, a date, default ``today``), using only what had been published by then:
    were the warnings right?"""
    p = as_plan(plan)
    data = as_data(actuals, p)
    if years is None:
        years = _review_years(p, until if until is not None else today)
    frames = []
    if not len(years):
        return pd.DataFrame(columns=HISTORY_COLUMNS)
    for y in years:
        review = inputs_of(p, data, as_of=y, scheme=scheme, method=method, today=today,
                           evidence=evidence)
        f = records_frame([record(j, review.timing, wording)
                           for j in judge_plan(review).judgements])
        f.insert(0, "review_year", int(y))
        frames.append(f[HISTORY_COLUMNS])
    return pd.concat(frames, ignore_index=True)


def history_of(inputs: AssessmentInputs, wording: Wording = CODES,
               keys: Iterable[str] | None = None) -> pd.DataFrame:
    """Each year-end review of the plan an assessment was made from ``inputs`` (of its
    targets ``keys`` only, where given: a retrospective needs only the targets whose outcome
    is known), up to its review date."""
    p, data, when = inputs.plan, inputs.actuals, inputs.timing
    keep = None if keys is None else set(keys)
    sub = p if keep is None else p.model_copy(
        update={"targets": tuple(t for t in p if t.key in keep)})
    # each review reads only the series those targets rest on (five reviews of a few
    # targets need not sift every figure of a plan of hundreds)
    mine = data if keep is None else of_series(data, needed_series(sub, shares=True))
    return assessment_history(sub, mine, scheme=inputs.scheme, method=inputs.method,
                              today=when.generated, until=when.review, wording=wording,
                              evidence=inputs.evidence)
