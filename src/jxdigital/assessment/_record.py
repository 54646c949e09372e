"""Step 3 of an assessment: a judgement flattened (``record``) into the ``TargetStatus``
every output shows: what the target is, when it was judged, what was measured, the status
and its words, and what differs by kind; ``records_frame`` one row per record."""

from __future__ import annotations

import math
from dataclasses import fields

import pandas as pd
from pydantic import BaseModel, ConfigDict

from . import _rules as R
from . import _steps as S
from ._judge import Judgement
from ._timing import Timing
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


def _target_fields(j: Judgement) -> dict:
    t, lt, ind = j.target, j.level, j.target.indicator
    low, high = lt.met_range
    band = lt.band if lt.comparator in ("around", "between") else (NAN, NAN)
    return dict(
        plan_id=t.plan_id, seq=t.seq, indicator_id=ind.indicator_id, key=t.key,
        name_zh=ind.name_zh,
        name_en=ind.name_en, short_zh=ind.short_zh or ind.name_zh,
        short_en=ind.short_en or ind.name_en, category_zh=ind.category_zh,
        category_en=ind.category_en,
        unit=lt.indicator.unit, is_share=ind.is_share, attribute=t.attribute,
        comparator=t.comparator, region=ind.region, reference=t.reference,
        base_year=t.base_year,
        base_value=lt.base_value if j.kind == "growth_rate" else t.base_value,
        target_year=t.target_year, target_value=lt.target_value, target_high=lt.target_high,
        target_text=t.target_text, target_low_met=low, target_high_met=high,
        band_low=band[0], band_high=band[1])


def _measure_fields(j: Judgement, when: Timing) -> dict:
    f = j.forecast
    return dict(
        as_of=when.label, review_date=when.review.isoformat(),
        generated=when.generated.isoformat(), n_obs=len(j.own.judged_columns),
        years_used=", ".join(str(int(y)) for y in j.own.judged_columns["year"]),
        level_target="",
        model=f.model, projected=f.projected, lo_80=f.lo_80, hi_80=f.hi_80, p_met=f.p_met,
        reference_projected=f.reference_projected,
        **{k: getattr(j.progress, k) for k in _PROGRESS_FIELDS})


#: The measures of ``Progress`` a record shows (its fields hold numbers: no deep copy).
_PROGRESS_FIELDS = tuple(f.name for f in fields(S.Progress))


def _status_fields(j: Judgement, when: Timing, wording: Wording) -> dict:
    v = j.verdict
    assert v is not None
    zh, en = wording.reasons(j, when)
    g = j.progress
    said = R.verdict(v.status_cn, when.year_over(j.target.target_year), g.completion,
                     g.time_elapsed)
    status_zh, status_en = wording.status(v.scheme, v.status, said)
    return dict(status=v.status, status_zh=status_zh, status_en=status_en,
                status_cn=v.status_cn, verdict=said, eurostat_class=v.eurostat_class,
                un_class=v.un_class,
                final=v.final, phase=v.phase, reason_zh=zh, reason_en=en,
                evidence_grade=j.evidence.grade)


def _figure_fields(j: Judgement) -> dict:
    """The latest figure (the target-year one when it settled the outcome), the compared
    series' latest, and the outcome's margin."""
    out: dict = {}
    latest = j.outcome.figure if j.outcome is not None else j.own.latest
    if latest is not None:
        out.update(latest_year=latest.year, latest_value=latest.value,
                   latest_qualifier=latest.qualifier, latest_source=latest.source,
                   latest_publisher=latest.publisher)
    if j.reference is not None and j.reference.latest is not None:
        out.update(reference_latest_year=j.reference.latest.year,
                   reference_latest=j.reference.latest.value)
    if j.outcome is not None:
        out.update(p_met=1.0 if j.outcome.met else 0.0, outcome_year=j.target.target_year,
                   margin=j.outcome.margin, margin_pp=j.outcome.margin_pp,
                   exceeded=j.outcome.exceeded)
    return out


def _kind_fields(j: Judgement, wording: Wording) -> dict:
    """What a growth rate, a growth comparison or a relative target shows differently."""
    if j.kind == "growth_rate" and j.level is not j.target:
        return dict(level_target=wording.level_target(j))
    if j.kind == "growth_comparison":
        # the row's unit is % (a growth rate): latest and projected values are annual
        # growth since the base year, in %; the levels stay in `series`
        g = j.progress
        out = dict(unit="%", is_share=False, base_value=NAN, target_value=NAN,
                   target_low_met=NAN, target_high_met=NAN, latest_value=100 * g.actual_cagr,
                   reference_latest=100 * g.required_cagr_plan,
                   reference_cagr=g.required_cagr_plan, required_cagr_plan=NAN,
                   completion=NAN, time_elapsed=NAN)
        return out | (dict(margin=NAN) if j.outcome is not None else {})
    if j.kind == "relative" and j.outcome is not None:
        ref = j.outcome.reference
        return dict(reference_latest_year=j.target.target_year,
                    reference_latest=ref.value if ref else NAN)
    return {}


def record(j: Judgement, when: Timing, wording: Wording = CODES) -> TargetStatus:
    """The flat ``TargetStatus`` of a judgement (what frames, JSON and reports show),
    worded by ``wording``; later parts override earlier ones."""
    return TargetStatus(**(_target_fields(j) | _measure_fields(j, when)
                           | _status_fields(j, when, wording) | _figure_fields(j)
                           | _kind_fields(j, wording)))


def records_frame(records: list[TargetStatus]) -> pd.DataFrame:
    """One row per target, every field of ``TargetStatus``; years as whole numbers
    (pandas' nullable integers: 2020, never 2020.0; missing as <NA>)."""
    f = pd.DataFrame([t.model_dump() for t in records], columns=list(TargetStatus.model_fields))
    for c in YEAR_FIELDS:
        f[c] = f[c].astype("Int64")
    return f
