"""A plan judged (``judge_plan``): the figures it may use gathered once (``_admit``), every
target judged (``_judge``) with the evidence each verdict rests on graded, and what the
judgements used (projections, figures) by the target's key."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

import pandas as pd

from ..catalog import Target, indicator_registry, is_shipped
from ..catalog.reference import plan_stock_ids
from ..observations import Resolution
from ._admit import gather, known_part_year
from ._columns import Columns, Frames
from ._derived import level_estimates_of, part_year_bounds_of, year_totals
from ._evidence import BySeries, plan_bases
from ._figures import Side, resting
from ._grade import evidence_of
from ._inputs import AssessmentInputs, links
from ._judge import Judgement, judge_all
from ._series import own_series


@dataclass(frozen=True, eq=False)
class JudgedPlan:
    """A judgement per target of a plan, in its order, and the usable figures (``gather``)
    they were judged from."""

    judgements: tuple[Judgement, ...]
    usable: pd.DataFrame


def judge_plan(inputs: AssessmentInputs) -> JudgedPlan:
    """Every target of ``inputs.plan`` judged from ``inputs.actuals`` as known by its
    timing."""
    p, data, when, evidence = inputs.plan, inputs.actuals, inputs.timing, inputs.evidence
    d, resolutions = gather(data, when=when, strict=evidence == "strict",
                            stocks=plan_stock_ids(p), bases=plan_bases(p.targets))
    # A user's plan: its own baselines stand; shipped figures count only for its region
    # (``series`` selects by region; a file without a region column has its own).
    own_base = not is_shipped(p)
    part = _part_year_dates(known_part_year(data, when))
    names = indicator_registry(p).set_index("indicator_id")
    # strict: exact year-end figures of each target's own series only, nothing linked
    decided = links(p, evidence)
    as_judged = [t.model_copy(update={"linked": decided.get(t.indicator_id, ("", None))[0]})
                 if evidence == "strict" or t.indicator_id in decided else t for t in p]
    # each series found once, not once per target
    judged = judge_all(as_judged, BySeries(d), when, inputs.method, inputs.scheme, own_base)
    return JudgedPlan(tuple(
        _graded(j, names, part_year=_part_year_of(t, part),
                link_refused=decided.get(t.indicator_id, ("", None))[1],
                reconciled=_reconciled(t, resolutions))
        for t, j in zip(as_judged, judged, strict=True)), d)


def _part_year_dates(part: pd.DataFrame) -> dict[tuple[str, str], list[tuple[int, str]]]:
    """Per series, the (year, as_of) of its comparable part-year figures."""
    out: dict[tuple[str, str], list[tuple[int, str]]] = {}
    for iid, region, year, as_of in zip(part["indicator_id"], part["region"], part["year"],
                                        part["as_of"].astype(str), strict=True):
        out.setdefault((iid, region), []).append((int(year), as_of))
    return out


def _part_year_of(t: Target, dates: dict[tuple[str, str], list[tuple[int, str]]]
                  ) -> tuple[str, ...]:
    return tuple(sorted(a for y, a in dates.get(own_series(t), ())
                        if y <= t.target_year))


def _reconciled(t: Target, resolutions: list[Resolution]) -> tuple[Resolution, ...]:
    key = own_series(t)
    return tuple(r for r in resolutions if r.decided and (r.indicator_id, r.region) == key
                 and r.year <= t.target_year)


def _graded(j: Judgement, names: pd.DataFrame, **more) -> Judgement:
    """The judgement with its evidence grade, and the linked series named (from the
    catalogue, the plan's own indicators first); ``more``: other fields to set."""
    assert j.verdict is not None
    base = j.level.base_year if j.level is not None else None
    if j.outcome is not None:  # a settled outcome rests on the figures that settled it
        frames = [_settling(j.own, j.outcome.figure),
                  _settling(j.reference, j.outcome.reference) if j.reference is not None
                  else None]
    else:
        frames = [resting(j.own, base, j.fitted),
                  resting(j.reference, None) if j.reference is not None else None]
    link = j.link
    if link is not None:
        iid = link[0].indicator_id
        zh = str(names["name_zh"].get(iid, iid)) if iid in names.index else iid
        en = str(names["name_en"].get(iid, "") or zh) if iid in names.index else iid
        link = (*link[:3], (zh, en))
    own = frames[0] if frames[0] is not None else j.own.judged_columns
    return replace(j, evidence=evidence_of(frames, j.verdict.status_cn), link=link,
                   year_totals=year_totals(own), estimates=level_estimates_of(own),
                   part_bounds=part_year_bounds_of(own), **more)


def _settling(side: Side | None, fig) -> Columns | None:
    """The rows of ``side`` for the year of the figure ``fig`` that settled an outcome."""
    if side is None or fig is None:
        return None
    f = side.frame
    return Columns(f[f["year"] == fig.year].head(1).reset_index(drop=True))


def used(judgements: Sequence[Judgement]) -> tuple[dict, dict, Frames, Frames]:
    """(projections, compared series' projections, figures used, figures of the compared
    series), each by the target's key (the frames cut when looked up)."""
    projections, references, used, compared = {}, {}, {}, {}
    for j in judgements:
        iid = j.target.key
        used[iid] = j.own.judged_columns  # frames cut when looked up (``Frames``)
        if j.reference is not None:
            compared[iid] = j.reference.judged_columns
        if j.forecast.projection is not None:
            projections[iid] = j.forecast.projection
        if j.forecast.reference_projection is not None:
            references[iid] = j.forecast.reference_projection
    return projections, references, Frames(used), Frames(compared)
