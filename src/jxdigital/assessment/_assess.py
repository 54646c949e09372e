"""``assess()``: join a plan, its actuals and the projections into a status per target.

One pipeline of typed steps per target: gather the evidence (``_admit``, ``_evidence``) →
settle the outcome, project, measure and classify (``_judge``, ``_steps``) → the
``TargetStatus`` record (``_record``), worded by the presentation layer (``_reasons``) when
first read. ``_judging`` runs it over a plan; the ``Assessment`` (``_model``) keeps the
judgements with the inputs they were made from (``_inputs``).
"""

from __future__ import annotations

import logging
import time
from pathlib import Path

from ..catalog import Plan
from ._history import HISTORY_COLUMNS, assessment_history
from ._inputs import inputs_of
from ._judge import Judgement, judge, judge_all
from ._judging import judge_plan
from ._model import Assessment
from ._record import record
from ._wording import CODES, Wording

log = logging.getLogger("jxdigital.assessment")


def assess(plan: str | Path | Plan | None = None, actuals=None, as_of=None,
           lang: str = "zh", scheme: str = "cn", method: str = "auto",
           today=None, wording: Wording = CODES, evidence: str = "all") -> Assessment:
    """Assess every target of ``plan`` (default: the 十四五 indicator table) against
    ``actuals`` (default: the shipped set; a user's file or frame is merged with it and
    wins) as known by ``as_of`` (a year or date; default: everything published).

    ``today``: the date the assessment is made (default: the machine's date); a target
    year that had ended by then (or by ``as_of``) without a published figure is nowcast,
    and its reason says so. ``scheme``: 'cn' (default; P(target met) decides),
    'eurostat' (growth ratio) or 'un' (projected gap); a settled outcome is final in
    every scheme (see ``jxdigital.assessment._rules``). ``wording``: who puts the statuses
    and reasons into words (``jxdigital.assess`` passes ``jxdigital.present.WORDS``; the
    default ``CODES`` leaves the codes). ``evidence``: 'all' (default: bounds, approximate
    and derived figures count, and each verdict carries its grade) or 'strict' (exact
    published year-end figures only: every verdict grade A).
    """
    started = time.perf_counter()
    inputs = inputs_of(plan, actuals, as_of=as_of, lang=lang, scheme=scheme, method=method,
                       today=today, evidence=evidence)
    judged = judge_plan(inputs)
    a = Assessment(inputs, judged.judgements, judged.usable, wording)
    log.info("assessed %s: %d targets (%d projected) as of %s in %.2f s", inputs.plan.plan_id,
             len(a.judgements), len(a.projections), inputs.as_of,
             time.perf_counter() - started)
    return a


# The steps of an assessment were defined here: their names still answer.
__all__ = ["HISTORY_COLUMNS", "Judgement", "assess", "assessment_history", "judge",
           "judge_all", "record"]
