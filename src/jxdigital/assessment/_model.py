"""Result objects: one ``TargetStatus`` per target, gathered in an ``Assessment``."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Mapping
from typing import Any

import pandas as pd
from pydantic import BaseModel, ConfigDict

from ..catalog import find_target
from ._account import Account
from ._changes import Changes
from ._timing import Timing
from ._timing import timing as _timing
from ._unused import unused_figures
from ._wording import CODES, Wording

NAN = math.nan


class TargetStatus(BaseModel):
    """Where one target stands: data used, measures, projection, status and reason."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    plan_id: str
    seq: int
    indicator_id: str
    #: the target's name in its plan (``Target.key``): the indicator id, with ``@region``
    #: where the plan lists the indicator for several regions
    key: str = ""
    name_zh: str
    name_en: str = ""
    #: short names for chart panels (the catalogue's, else the full name)
    short_zh: str = ""
    short_en: str = ""
    category_zh: str = ""
    category_en: str = ""
    unit: str = ""
    is_share: bool = False
    attribute: str = ""
    comparator: str
    region: str = "jiangxi"
    reference: str = ""
    base_year: int | None = None
    base_value: float = NAN
    target_year: int
    target_value: float = NAN
    target_text: str = ""
    target_high: float = NAN  # upper end of a printed range (2-3)
    target_low_met: float = NAN  # values that meet the target (Target.met_range)
    target_high_met: float = NAN
    band_low: float = NAN  # the printed band of a 左右 / range target
    band_high: float = NAN
    as_of: str = ""
    review_date: str = ""  # the day the judgement speaks for (as_of, else generated)
    generated: str = ""  # the day the assessment was made (ISO)
    n_obs: int = 0
    years_used: str = ""  # e.g. "2020, 2021"
    latest_year: int | None = None
    latest_value: float = NAN
    latest_qualifier: str = ""
    latest_source: str = ""
    latest_publisher: str = ""
    completion: float = NAN  # share of the base→target distance covered
    time_elapsed: float = NAN  # share of the plan period elapsed
    actual_cagr: float = NAN  # annual growth since the base year (levels)
    required_cagr_plan: float = NAN  # growth the plan implies, base → target (levels)
    actual_pp_per_year: float = NAN  # points a year since the base year (shares)
    required_pp_plan: float = NAN
    growth_ratio: float = NAN  # actual / required growth since the base (points for shares)
    gap_ratio: float = NAN  # (ŷ_T − y0)/(y_T − y0) with the growth since the base
    projected: float = NAN
    lo_80: float = NAN
    hi_80: float = NAN
    p_met: float = NAN  # 1 or 0 when the outcome is settled (final)
    required_cagr_now: float = NAN  # growth needed from the latest actual (levels)
    required_pp_now: float = NAN  # points a year needed from the latest actual (shares)
    #: the published schemes' own measures (docs/methods.md §1.1): Eurostat's five-year
    #: window from this year, its ratio (NaN where it is too short), UNSD's projected gap
    eurostat_from: int | None = None
    eurostat_ratio: float = NAN
    unsd_ratio: float = NAN
    reference_latest_year: int | None = None
    reference_latest: float = NAN
    reference_projected: float = NAN
    reference_cagr: float = NAN  # growth of the compared series since the base year
    level_target: str = ""  # a growth-rate target restated as the level it implies
    model: str = ""
    final: bool = False  # the target-year figure settled the outcome (met / missed)
    phase: str = "in_progress"  # in_progress | nowcast (year over, figure unknown) | final
    outcome_year: int | None = None
    margin: float = NAN  # (target-year value − target) / target, for a settled outcome
    margin_pp: float = NAN  # the same in points, for shares
    exceeded: bool = False  # beyond the band of a 左右 / range target (超额完成)
    status: str  # in the chosen scheme
    status_zh: str = ""
    status_en: str = ""
    status_cn: str = ""  # the primary (cn) status, whatever the scheme
    #: the verdict as official reviews tell it (``_rules.verdict``): the outcome once the
    #: target year is over (met, missed, unknown, not_assessable), else the progress
    #: (achieved, ahead, on_track, at_risk, off_track, insufficient_data, not_assessable)
    verdict: str = ""
    eurostat_class: str = ""
    un_class: str = ""
    reason_zh: str = ""
    reason_en: str = ""
    evidence_grade: str = ""  # A / B / C: what the verdict rests on ('' no verdict)


#: The fields of a ``TargetStatus`` that hold a year (or none).
YEAR_FIELDS = ("base_year", "latest_year", "eurostat_from", "reference_latest_year",
               "outcome_year")


class Assessment:
    """Every target of a plan assessed; ``to_frame()`` one row per target.

    ``projections`` maps a target's key → the ``Projection`` behind it (and
    ``reference_projections`` the national one for relative targets), for charts;
    ``series`` the figures each target was judged on and ``compared_series`` those of the
    series it is compared with (both by the target's key); ``data`` the usable
    observations and
    ``actuals`` every observation known (all sources, non-comparable ones included).
    ``timing`` says when it was made (``generated``) and as of when it judges
    (``review``); ``source`` is the data it was given, for ``account()``.
    """

    def __init__(self, plan, targets: list[TargetStatus] | Callable[[], list[TargetStatus]],
                 as_of: str, scheme: str,
                 lang: str, data: pd.DataFrame, projections: dict[str, Any],
                 reference_projections: dict[str, Any], series: Mapping[str, Any],
                 actuals: pd.DataFrame | None = None, timing: Timing | None = None,
                 source: pd.DataFrame | None = None, method: str = "auto",
                 history: Callable[..., pd.DataFrame] | None = None,
                 wording: Wording = CODES,
                 compared_series: Mapping[str, pd.DataFrame] | None = None):
        self.plan = plan
        # the records, or how to make them: worded when first read (``targets``)
        self._targets: list[TargetStatus] | None = None if callable(targets) else targets
        self._make_targets = targets if callable(targets) else None
        self.as_of = as_of
        self.scheme = scheme
        self.lang = lang
        self.data = data
        self.projections = projections
        self.reference_projections = reference_projections
        self.series = series
        self.compared_series = compared_series or {}
        #: every observation known (all sources, non-comparable ones too), for charts
        self.actuals = data if actuals is None else actuals
        self.timing = timing if timing is not None else _timing(None if as_of == "latest"
                                                                else as_of)
        self.source = self.actuals if source is None else source
        self.method = method
        self._history = history
        self._account: Account | None = None
        self._unused: pd.DataFrame | None = None
        #: who words statuses, outcomes and reasons (``jxdigital.present.WORDS`` from
        #: ``jxdigital.assess``)
        self.wording = wording
        #: what changed since an earlier report (``_changes.changes_since``), where a
        #: scheduled job has one; the outputs open with it
        self.changes: Changes | None = None

    @property
    def targets(self) -> list[TargetStatus]:
        """One ``TargetStatus`` per target, in the plan's order. Each is worded (statuses
        and reasons in Chinese and English) when the list is first read, not when the
        assessment is made: a caller that keeps only the judgements pays for no words."""
        if self._targets is None:
            assert self._make_targets is not None
            self._targets = self._make_targets()
            self._make_targets = None
        return self._targets

    @targets.setter
    def targets(self, value: list[TargetStatus]) -> None:
        self._targets, self._make_targets = value, None

    @property
    def generated(self) -> dt.date:
        """The day the assessment was made."""
        return self.timing.generated

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

    def account(self, history: bool = True) -> Account:
        """The final account (完成情况): met, missed, still unknown, not assessable, per
        category, and (``history``) what each year's review would have said of the
        targets whose outcome is now known (none reviewed when no outcome is known)."""
        if history and self._account is not None:  # the reviews are assessments: once
            return self._account
        settled = self.settled()
        made = self._history(settled) if history and self._history and settled else None
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

    def __len__(self) -> int:
        return len(self.targets)

    def __iter__(self):
        return iter(self.targets)

    def __getitem__(self, key: str | tuple[str, str]) -> TargetStatus:
        """A target's status by its key (``base_stations_5g@nanchang``), an indicator id the
        plan lists once, or ``(indicator_id, region)``."""
        return find_target(self.targets, key, f"plan {self.plan.plan_id!r}")

    def to_frame(self) -> pd.DataFrame:
        """One row per target, every field of ``TargetStatus``; years as whole numbers
        (pandas' nullable integers: 2020, never 2020.0; missing as <NA>)."""
        f = pd.DataFrame([t.model_dump() for t in self.targets],
                         columns=list(TargetStatus.model_fields))
        for c in YEAR_FIELDS:
            f[c] = f[c].astype("Int64")
        return f

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
