"""What an assessment is made from (``AssessmentInputs``): the plan, the figures given, when
it is made and as of when it judges, the status scheme, the projection method, the evidence
rule and the language. Everything an assessment says follows from these, so any part of it
(each year's review, ``Assessment.history``) can be made again from them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from ..catalog import DEFAULT_PLAN, Plan, is_shipped, load_plan
from ..catalog.reference import flow_share_sources, link_decisions
from ..codes import EVIDENCE_RULES
from ..errors import ArgumentError
from ..observations import actuals as shipped_actuals
from ..observations import load_actuals, merge_actuals
from . import _rules as R
from ._series import own_series, reference_series
from ._timing import Timing, timing


@dataclass(frozen=True, eq=False)
class AssessmentInputs:
    """The inputs of an assessment, fixed when it is made: ``actuals`` are the figures it
    was given (the shipped set, a user's merged over it), ``timing`` when it was made and
    as of when it judges."""

    plan: Plan
    actuals: pd.DataFrame
    timing: Timing
    scheme: str = "cn"
    method: str = "auto"
    evidence: str = "all"
    lang: str = "zh"

    @property
    def as_of(self) -> str:
        """As of when it judges, as its outputs say it ("latest", "2023", a date)."""
        return self.timing.label

    def known_actuals(self) -> pd.DataFrame:
        """Every figure given (all sources, non-comparable ones too) up to the last year
        ``as_of`` admits: what the charts show."""
        last = self.timing.last_year
        return self.actuals if last is None else self.actuals[self.actuals["year"] <= last]


def as_plan(plan) -> Plan:
    """``plan`` as a ``Plan``: itself, a shipped plan by id, or a plan file (default: the
    十四五 indicator table)."""
    if isinstance(plan, Plan):
        return plan
    return load_plan(DEFAULT_PLAN if plan is None else plan)


def as_data(data, plan: Plan) -> pd.DataFrame:
    """The figures ``plan`` is judged with: the shipped ones, with a user's file or frame
    merged over them (its figures win); a frame of actuals (with ``origin``) as it is."""
    if data is None:
        return shipped_actuals()
    if isinstance(data, pd.DataFrame) and "origin" in data.columns:
        return data
    mine = load_actuals(data, plan=plan)
    # A departments' file may hold every county's figures: keep the series this plan is
    # judged on before merging.
    return merge_actuals(shipped_actuals(), of_series(mine, needed_series(plan)))


def links(p: Plan, evidence: str) -> dict[str, tuple[str, tuple[str, str] | None]]:
    """For a shipped plan, the rows ``data/links.csv`` decides: indicator → (the series
    linked, or "" with why not (zh, en)). strict links nothing."""
    if not is_shipped(p):
        return {}
    return {r.indicator_id:
            (r.series, None) if r.decision == "link" and evidence != "strict"
            else ("", (r.why_zh, r.why_en) if r.decision == "refuse" else None)
            for r in link_decisions() if r.plan_id == p.plan_id}


def needed_series(plan: Plan, shares: bool = False) -> set[tuple[str, str]]:
    """The series ``plan`` is judged on: own and compared, the growth targets' level
    series and the series linked to them; ``shares``: also the series a yearly total's
    share of the year is learned from (``data/flows.csv``)."""
    decided = links(plan, "all")  # once for the plan, not once per target
    linked = [(t, t.linked or decided.get(t.indicator_id, ("", None))[0])
              for t in plan.targets]
    needed = {s for t in plan.targets for s in (own_series(t), reference_series(t),
                                                (t.indicator.indicator_id, t.indicator.region))
              if s is not None}
    needed |= {(iid, region or t.indicator.region) for t, link in linked if link
               for region, _, iid in [link.rpartition(":")]}
    if shares:
        sources = flow_share_sources()
        needed |= {(iid, region) for key in {k[0] for k in needed} if key in sources
                   for region, _, iid in [sources[key].rpartition(":")]}
    return {(str(a), str(b)) for a, b in needed}


def of_series(data: pd.DataFrame, needed: set[tuple[str, str]]) -> pd.DataFrame:
    """The figures of ``data`` that belong to the series ``needed`` (indicator, region)."""
    keys = pd.MultiIndex.from_frame(data[["indicator_id", "region"]].astype(str))
    return data[keys.isin(list(needed))]


def check_arguments(scheme: str, lang: str, evidence: str = "all") -> None:
    if scheme not in R.SCHEMES:
        raise ArgumentError(f"argument 'scheme': expected one of {', '.join(R.SCHEMES)}, "
                            f"got {scheme!r}")
    if lang not in ("zh", "en"):
        raise ArgumentError(f"argument 'lang': expected 'zh' or 'en', got {lang!r}")
    if evidence not in EVIDENCE_RULES:
        raise ArgumentError(f"argument 'evidence': expected one of {', '.join(EVIDENCE_RULES)}"
                            f", got {evidence!r}")


def inputs_of(plan: str | Path | Plan | None = None, actuals=None, as_of=None,
              lang: str = "zh", scheme: str = "cn", method: str = "auto", today=None,
              evidence: str = "all") -> AssessmentInputs:
    """The inputs of ``assess(...)`` (see there), checked: the arguments known, and
    ``as_of`` not before the plan's base year."""
    check_arguments(scheme, lang, evidence)
    when = timing(as_of, today)
    p = as_plan(plan)
    base = p.base_year if p.base_year is not None else min(
        (t.base_year for t in p if t.base_year is not None), default=None)
    if as_of is not None and base is not None and int(when.cutoff[:4]) < base:
        raise ArgumentError(f"argument 'as_of': {as_of} is before the plan's base year {base}; "
                            f"nothing of the plan can be judged then (give {base} or later)")
    return AssessmentInputs(p, as_data(actuals, p), when, scheme, method, evidence, lang)
