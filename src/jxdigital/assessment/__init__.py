"""On or off track: every target of a plan, judged from its actuals and projections.

``assess()`` returns an ``Assessment``: the ``AssessmentInputs`` it was made from and a
frozen ``Judgement`` per target, in codes; its records (``TargetStatus``) are worded when
read and its history is made again on request. The status rule and every threshold are in
``jxdigital.assessment._rules`` (documented in its module docstring); ``jxdigital.present``
words the codes (``jxdigital.assess`` is the worded one).
"""

from ._account import OUTCOMES, Account
from ._admit import usable
from ._assess import Judgement, assess, assessment_history, judge, record
from ._changes import P_MOVE, Changes, PriorRun, changes_since, read_prior, used_figures
from ._draft import AMBITION, DraftCheck, DraftReview, DraftRow, ambition_of, review_draft
from ._evidence import in_unit
from ._figures import Figure, Side
from ._grade import Evidence, evidence_of
from ._inputs import AssessmentInputs
from ._model import Assessment, TargetStatus
from ._options import (
    OPTION_NAMES,
    PROBABILITIES,
    Base,
    TargetOption,
    TargetOptions,
    target_options,
)
from ._rules import (
    EUROSTAT,
    FINAL,
    MIN_OBSERVATIONS,
    P_OFF_TRACK,
    P_ON_TRACK,
    SCHEMES,
    STATUSES,
    UN,
    status_cn,
)
from ._series import KINDS, SeriesKey, kind_of, own_series, reference_series
from ._timing import Timing, timing
from ._unused import REASON_CODES, usage
from ._wording import CODES, Wording

__all__ = [
    "AMBITION",
    "CODES",
    "EUROSTAT",
    "FINAL",
    "KINDS",
    "MIN_OBSERVATIONS",
    "OPTION_NAMES",
    "OUTCOMES",
    "PROBABILITIES",
    "P_MOVE",
    "P_OFF_TRACK",
    "P_ON_TRACK",
    "REASON_CODES",
    "SCHEMES",
    "STATUSES",
    "UN",
    "Account",
    "Assessment",
    "AssessmentInputs",
    "Base",
    "Changes",
    "DraftCheck",
    "DraftReview",
    "DraftRow",
    "Evidence",
    "Figure",
    "Judgement",
    "PriorRun",
    "SeriesKey",
    "Side",
    "TargetOption",
    "TargetOptions",
    "TargetStatus",
    "Timing",
    "Wording",
    "ambition_of",
    "assess",
    "assessment_history",
    "changes_since",
    "evidence_of",
    "in_unit",
    "judge",
    "kind_of",
    "own_series",
    "read_prior",
    "record",
    "reference_series",
    "review_draft",
    "status_cn",
    "target_options",
    "timing",
    "usable",
    "usage",
    "used_figures",
]
