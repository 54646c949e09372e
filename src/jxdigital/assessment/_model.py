"""``Assessment``: a plan's judgements (frozen, in codes) with the inputs they were made from;
the records every output shows are worded from them when first read, and anything else
(each year's review, the account, the unused figures) is computed from them on request."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence

import pandas as pd

from ..catalog import Plan, find_target
from ._account import Account
from ._changes import Changes
from ._history import history_of
from ._inputs import AssessmentInputs
from ._judge import Judgement
from ._judging import used
from ._record import YEAR_FIELDS, TargetStatus, record, records_frame  # noqa: F401 (re-exported)
from ._timing import Timing
from ._unused import unused_figures
from ._wording import CODES, Wording


class Assessment:
    """Every target of a plan assessed; ``to_frame()`` one row per target.

    ``inputs`` are what it was made from (``AssessmentInputs``: the plan, the figures
    given, the timing, scheme, method, evidence rule and language); ``judgements`` one
    ``Judgement`` per target, in the plan's order. From them: ``targets`` the records
    (worded by ``wording`` when first read); ``projections`` a target's key → the
    ``Projection`` behind it (and ``reference_projections`` the national one for relative
    targets), for charts; ``series`` the figures each target was judged on and
    ``compared_series`` those of the series it is compared with (both by the target's key);
    ``data`` the usable observations, ``actuals`` every observation known (all sources,
    non-comparable ones included) and ``source`` the data it was given; ``timing`` when it
    was made (``generated``) and as of when it judges (``review``); ``history()`` each
    year-end review, made again on request.
    """

    def __init__(self, inputs: AssessmentInputs, judgements: Sequence[Judgement],
                 usable: pd.DataFrame, wording: Wording = CODES):
        self.inputs = inputs
        self.judgements: tuple[Judgement, ...] = tuple(judgements)
        #: the usable observations the judgements were made from
        self.data = usable
        #: every observation known (all sources, non-comparable ones too), for charts
        self.actuals = inputs.known_actuals()
        #: who words statuses, outcomes and reasons (``jxdigital.present.WORDS`` from
        #: ``jxdigital.assess``)
        self.wording = wording
        self.projections, self.reference_projections, self.series, self.compared_series = \
            used(self.judgements)
        #: what changed since an earlier report (``_changes.changes_since``), where a
        #: scheduled job has one; the outputs open with it
        self.changes: Changes | None = None
        self._targets: list[TargetStatus] | None = None
        self._account: Account[Assessment] | None = None
        self._unused: pd.DataFrame | None = None

    # --- the inputs, by name ------------------------------------------------------------
    @property
    def plan(self) -> Plan:
        return self.inputs.plan

    @property
    def timing(self) -> Timing:
        return self.inputs.timing

    @property
    def as_of(self) -> str:
        return self.inputs.as_of

    @property
    def scheme(self) -> str:
        return self.inputs.scheme

    @property
    def method(self) -> str:
        return self.inputs.method

    @property
    def evidence(self) -> str:
        return self.inputs.evidence

    @property
    def lang(self) -> str:
        return self.inputs.lang

    @property
    def source(self) -> pd.DataFrame:
        """The figures it was given (the shipped set, a user's merged over it)."""
        return self.inputs.actuals

    @property
    def generated(self) -> dt.date:
        """The day the assessment was made."""
        return self.timing.generated

    # --- the records ----------------------------------------------------------------------
    @property
    def targets(self) -> list[TargetStatus]:
        """One ``TargetStatus`` per target, in the plan's order. Each is worded (statuses
        and reasons in Chinese and English) when the list is first read, not when the
        assessment is made: a caller that keeps only the judgements pays for no words."""
        if self._targets is None:
            self._targets = [record(j, self.timing, self.wording) for j in self.judgements]
        return self._targets

    @targets.setter
    def targets(self, value: list[TargetStatus]) -> None:
        self._targets = value

    @property
    def data_until(self) -> int | None:
        """The latest year of any figure the judgements used (None: no figures)."""
        years = [t.latest_year for t in self.targets if t.latest_year is not None]
        return max(years) if years else None

    @property
    def finished(self) -> bool:
        """Has the target year of every target ended by the review date?"""
        return all(self.timing.year_over(t.target_year) for t in self.targets)

    def settled(self) -> list[str]:
        """The targets whose outcome is known (met or missed), by key (``Target.key``)."""
        return [t.key for t in self.targets if t.verdict in ("met", "missed")
                or (not t.verdict and t.status_cn in ("met", "missed"))]

    # --- computed on request --------------------------------------------------------------
    def history(self, keys: Iterable[str] | None = None) -> pd.DataFrame:
        """Each year-end review of the plan up to the review date, made again from the
        inputs (of the targets ``keys`` only, where given), worded as this assessment is."""
        return history_of(self.inputs, self.wording, keys)

    def account(self, history: bool = True) -> Account[Assessment]:
        """The final account (完成情况): met, missed, still unknown, not assessable, per
        category, and (``history``) what each year's review would have said of the
        targets whose outcome is now known (none reviewed when no outcome is known)."""
        if history and self._account is not None:  # the reviews are assessments: once
            return self._account
        settled = self.settled()
        made = self.history(settled) if history and settled else None
        acc = Account(self, made)
        if history:
            self._account = acc
        return acc

    def unused(self) -> pd.DataFrame:
        """The figures of the series this plan's targets are judged on (its indicators in
        its region) that no judgement used, one row each with why: ``reason_code``
        (``part_year``, ``not_comparable``, ``published_after_cutoff``,
        ``after_as_of_year``, ``not_selected``: another source used for that year, and
        ``after_target_year``, ``no_new_information``, ``not_used``; see
        ``jxdigital.assessment._unused``), ``reason_zh`` and ``reason_en``."""
        if self._unused is None:  # a plan's series searched once: it is reused by outputs
            self._unused = unused_figures(self)
        return self._unused.copy()

    # --- as a collection of records -------------------------------------------------------
    def __len__(self) -> int:
        return len(self.targets)

    def __iter__(self) -> Iterator[TargetStatus]:
        return iter(self.targets)

    def __getitem__(self, key: str | tuple[str, str]) -> TargetStatus:
        """A target's status by its key (``base_stations_5g@nanchang``), an indicator id the
        plan lists once, or ``(indicator_id, region)``."""
        return find_target(self.targets, key, f"plan {self.plan.plan_id!r}")

    def to_frame(self) -> pd.DataFrame:
        """One row per target, every field of ``TargetStatus``; years as whole numbers
        (pandas' nullable integers: 2020, never 2020.0; missing as <NA>)."""
        return records_frame(self.targets)

    def summary(self) -> pd.DataFrame:
        """Count of targets per status."""
        f = self.to_frame()
        return f.groupby(["status", "status_zh"], sort=False).size().rename("targets") \
            .reset_index()

    def __repr__(self) -> str:
        counts = ", ".join(f"{k} {v}" for k, v in self.to_frame()["status"].value_counts()
                           .items())
        return (f"Assessment({self.plan.plan_id!r}, as of {self.as_of}, {len(self)} targets: "
                f"{counts})")

    # Outputs take an Assessment (jxdigital.report.to_markdown(a), to_html, to_excel,
    # to_json): the data never imports its renderers.
    def _repr_html_(self) -> str:
        return self.wording.table_html(self)
