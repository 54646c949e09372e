"""What changed since an earlier report: for a scheduled job whose reader must see what
moved since last month.

The earlier run is read from its ``assessment.json`` into a ``PriorRun`` (pydantic, at the
boundary); ``changes_since(prior, a)`` compares it with the assessment ``a``, in codes:

- **figures** each judgement rests on that were added, revised (another value or qualifier
  for the same indicator, region and year) or dropped, with their sources;
- **targets** whose status, outcome or verdict changed, or whose P(met) moved by more than
  ``P_MOVE`` (10 points), each with why (``WHY``): a new figure of its series, a revised
  one, a new kind of evidence (its grade changed), a model change (another jxdigital version
  or model), else the time that passed (the review date moved on).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import pandas as pd
from pydantic import BaseModel, ConfigDict, ValidationError

#: P(met) moves of more than this many (fraction) are reported.
P_MOVE = 0.10
#: Why a target's judgement moved, most specific first.
WHY = ("new_figure", "revised_figure", "dropped_figure", "new_evidence_kind", "model_change",
       "time")

FIGURE_FIELDS = ("indicator_id", "region", "year", "value", "unit", "qualifier",
                 "source_title", "publisher")


class PriorFigure(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)
    indicator_id: str
    region: str = "jiangxi"
    year: int
    value: float | None = None
    unit: str = ""
    qualifier: str = "exact"
    source_title: str = ""
    publisher: str = ""


class PriorTarget(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)
    indicator_id: str
    key: str = ""
    region: str = "jiangxi"
    status_cn: str = ""
    verdict: str = ""
    p_met: float | None = None
    evidence_grade: str = ""
    model: str = ""
    latest_year: int | None = None
    latest_value: float | None = None

    @property
    def name(self) -> str:
        return self.key or self.indicator_id


class PriorRun(BaseModel):
    """What an earlier ``assessment.json`` says (schema 3 has no figures: only its targets
    are compared)."""

    model_config = ConfigDict(extra="ignore", frozen=True)
    plan: str
    generated: str
    version: str = ""
    targets: tuple[PriorTarget, ...] = ()
    figures: tuple[PriorFigure, ...] | None = None


def read_prior(doc: Any) -> PriorRun | None:
    """The earlier run in ``doc`` (a parsed ``assessment.json``); None when it is not one."""
    try:
        return PriorRun.model_validate(doc)
    except ValidationError:
        return None


@dataclass(frozen=True)
class FigureChange:
    kind: str  # added / revised / dropped
    indicator_id: str
    region: str
    year: int
    old: float
    new: float
    unit: str
    qualifier: str
    source: str


@dataclass(frozen=True)
class TargetChange:
    key: str
    what: str  # status / verdict / p_met
    old: str
    new: str
    p_old: float
    p_new: float
    why: tuple[str, ...]


@dataclass(frozen=True)
class Changes:
    """The changes since ``since`` (the earlier run's date)."""

    since: str
    figures: tuple[FigureChange, ...]
    targets: tuple[TargetChange, ...]

    @property
    def any(self) -> bool:
        return bool(self.figures or self.targets)

    def to_frame(self) -> pd.DataFrame:
        rows = [{"change": "figure", "what": f.kind, "key": f.indicator_id,
                 "region": f.region, "year": f.year, "old": f.old, "new": f.new,
                 "why": f.source} for f in self.figures]
        rows += [{"change": "target", "what": t.what, "key": t.key, "region": "",
                  "year": None, "old": t.old, "new": t.new, "why": ", ".join(t.why)}
                 for t in self.targets]
        return pd.DataFrame(rows, columns=["change", "what", "key", "region", "year", "old",
                                           "new", "why"])


def used_figures(a) -> list[dict]:
    """Every figure the judgements of ``a`` rest on (their own and compared series), once:
    what a later run compares with."""
    seen: dict[tuple, dict] = {}
    for frame in (*a.series.values(), *a.compared_series.values()):
        if frame is None or not len(frame):
            continue
        for r in frame.to_dict("records"):
            if str(r.get("as_of", "") or ""):  # a part-year figure: not a year's value
                continue
            k = (str(r["indicator_id"]), str(r["region"]), int(r["year"]))
            seen.setdefault(k, {f: r.get(f, "") for f in FIGURE_FIELDS})
    return [seen[k] for k in sorted(seen)]


def _num(x) -> float:
    return float(x) if x is not None and x == x else math.nan


def _figure_changes(prior: PriorRun, now: list[dict]) -> list[FigureChange]:
    if prior.figures is None:
        return []
    before = {(f.indicator_id, f.region, f.year): f for f in prior.figures}
    after = {(str(r["indicator_id"]), str(r["region"]), int(r["year"])): r for r in now}
    out = []
    for k, r in after.items():
        old = before.get(k)
        v = _num(r["value"])
        if old is None:
            out.append(FigureChange("added", *k, math.nan, v, str(r["unit"]),
                                    str(r["qualifier"]), str(r["source_title"])))
        elif not math.isclose(_num(old.value), v, rel_tol=1e-9) or \
                old.qualifier != str(r["qualifier"]):
            out.append(FigureChange("revised", *k, _num(old.value), v, str(r["unit"]),
                                    str(r["qualifier"]), str(r["source_title"])))
    for k, old in before.items():
        if k not in after:
            out.append(FigureChange("dropped", *k, _num(old.value), math.nan, old.unit,
                                    old.qualifier, old.source_title))
    return out


def _why(t, old: PriorTarget, figures: list[FigureChange], version: str,
         prior_version: str) -> tuple[str, ...]:
    mine = [f for f in figures if (f.indicator_id, f.region) == (t.indicator_id, t.region)]
    out = [w for w, kind in (("new_figure", "added"), ("revised_figure", "revised"),
                             ("dropped_figure", "dropped")) if any(f.kind == kind for f in mine)]
    if old.evidence_grade != t.evidence_grade:
        out.append("new_evidence_kind")
    if (prior_version and prior_version != version) or (old.model and old.model != t.model):
        out.append("model_change")
    return tuple(out) or ("time",)


def changes_since(prior: PriorRun, a, version: str) -> Changes:
    """What changed between the earlier run ``prior`` and the assessment ``a`` (made by
    jxdigital ``version``); see the module docstring."""
    figures = _figure_changes(prior, used_figures(a))
    before = {t.name: t for t in prior.targets}
    moved = []
    for t in a.targets:
        old = before.get(t.key or t.indicator_id)
        if old is None:
            continue
        p_old, p_new = _num(old.p_met), _num(t.p_met)
        # the verdict (an outcome once the year is over, else progress) is what a
        # report says; the raw status only where no verdict was worded
        what, o, n = ("verdict", old.verdict, t.verdict) if old.verdict or t.verdict else \
            ("status", old.status_cn, t.status_cn)
        if o and n and o != n:
            moved.append(TargetChange(t.key, what, o, n, p_old, p_new,
                                      _why(t, old, figures, version, prior.version)))
        else:
            both = math.isfinite(p_old) and math.isfinite(p_new)
            if (both and abs(p_new - p_old) > P_MOVE) or (math.isfinite(p_old) !=
                                                           math.isfinite(p_new)):
                moved.append(TargetChange(t.key, "p_met", f"{p_old:.3f}", f"{p_new:.3f}",
                                          p_old, p_new,
                                          _why(t, old, figures, version, prior.version)))
    return Changes(prior.generated, tuple(figures), tuple(moved))
