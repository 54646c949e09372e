"""A draft table judged before it is adopted (十五五 测算): per row P(met) from today's
evidence, the growth it needs against what the record shows, an ambition class from P,
the arithmetic audit the 十四五 tables get, and checks across rows and against a parent
plan. A row continued from a finished plan takes its base from that plan's final account.

Ambition classes (``AMBITION``) are read off P(met), the same thresholds as the options'
names: P ≥ 90 % safe (稳妥), ≥ 75 % moderate (适中), ≥ 50 % ambitious (积极), ≥ 25 %
stretch (偏难), below 25 % out of reach (难以实现). A target set at the option offered with
probability p is judged with P(met) = p, so it lands in the class of that option.

Checks (``DraftCheck.code``), each in codes with the numbers it rests on:

- ``ratio``: a share row and the two level rows it is the ratio of (``data/ratios.csv``,
  e.g. 核心产业增加值 ÷ GDP) for the same region and year disagree: |100·n/d − s| >
  ``RATIO_TOLERANCE_PP`` points. A GDP row given as a growth rate counts as the level it
  implies from its base.
- ``below_parent``: a row claiming to beat the parent plan (``reference`` = the parent's
  region, or 超全国平均水平) whose number is below the parent's target for the same
  indicator and year.
- ``slower_than_parent``: a growth row claiming to grow faster than the parent's
  (``reference``, or 快于全国) whose rate is below the growth the parent's target implies.
- ``parent_bar`` (information): what 超全国平均水平 / 快于全国 means in numbers, the
  parent's target or implied growth, where the row prints no number.
- ``stated_growth``: the stated yearly growth does not take the base to the target
  (|gap| > 0.5 points, ``Plan.audit``).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field

import pandas as pd

from .. import codes, growth
from ..catalog import Plan, Target, conversion_factor
from ..catalog.reference import share_ratios
from ..errors import ArgumentError
from ._assess import assess
from ._inputs import as_data, as_plan
from ._options import (
    PROBABILITIES,
    Base,
    TargetOption,
    TargetOptions,
    check_probabilities,
    options_of,
    series_of,
)
from ._record import TargetStatus
from ._timing import timing

NAN = math.nan
#: (lowest P(met), class), from the most certain down.
AMBITION = ((0.9, "safe"), (0.75, "moderate"), (0.5, "ambitious"), (0.25, "stretch"),
            (0.0, "out_of_reach"))
#: Points a share may differ from the ratio of its two level rows before it is flagged.
RATIO_TOLERANCE_PP = 0.3
#: Points a stated growth may differ from the growth base → target implies (as Plan.audit).
GROWTH_TOLERANCE_PP = 0.5
#: Years of the record the "record growth" is measured over (at most).
RECORD_YEARS = 5

DRAFT_COLUMNS = [
    "plan_id", "key", "indicator_id", "region", "name_zh", "name_en", "unit", "attribute",
    "measure", "is_share", "base_year", "base_value", "base_from", "base_low", "base_high",
    "target_year", "target_text", "target_value", "comparator", "p_met", "ambition",
    "required_growth", "record_growth", "record_from", "record_to", "projected_growth",
    "growth_kind", "stated_growth",
    "grade", "n_obs", "status", "continues"]
CHECK_COLUMNS = ["key", "code", "severity", "value", "expected", "others", "parent"]


def ambition_of(p_met: float) -> str:
    """The ambition class of a target judged with ``p_met`` ('' where P is unknown)."""
    if not math.isfinite(p_met):
        return ""
    return next(name for low, name in AMBITION if p_met >= low)


@dataclass(frozen=True)
class DraftRow:
    """One row of a draft: how likely, how ambitious, the growth it needs."""

    plan_id: str
    key: str
    indicator_id: str
    region: str
    name_zh: str
    name_en: str
    unit: str
    attribute: str
    measure: str
    is_share: bool
    base_year: int | None
    base_value: float
    base_from: str  # plan / published / nowcast / account (published in the account) / none
    base_low: float
    base_high: float
    target_year: int
    target_text: str
    target_value: float
    comparator: str
    p_met: float
    ambition: str
    #: growth a year the target needs from the base (a fraction; points a year for shares)
    required_growth: float
    #: growth a year the record shows over its last RECORD_YEARS years of exact figures,
    #: from ``record_from`` to ``record_to``
    record_growth: float
    record_from: int | None
    record_to: int | None
    #: growth a year to the projection's median (the 50 % option) from the base
    projected_growth: float
    growth_kind: str  # 'cagr' | 'pp' | ''
    stated_growth: float
    grade: str
    n_obs: int
    status: str  # the assessment's status code (insufficient_data where no history)
    continues: str  # the key of the finished plan's row it continues, or ""


@dataclass(frozen=True)
class DraftCheck:
    """One finding of the cross-row checks, in codes and numbers."""

    key: str
    code: str  # ratio / below_parent / slower_than_parent / parent_bar / stated_growth
    severity: str  # 'warning' | 'info'
    value: float  # the row's own number (a share in points; growth a fraction)
    expected: float  # what the other rows or the parent imply
    others: str  # the keys of the other rows it rests on
    parent: str = ""  # the parent plan's id


@dataclass(frozen=True)
class DraftReview:
    """A draft judged: ``rows`` (``to_frame()``), ``checks`` (``checks_frame()``), the
    ``options`` at the review's probabilities and the ``assessment`` they rest on."""

    plan: Plan = field(repr=False)
    rows: tuple[DraftRow, ...]
    checks: tuple[DraftCheck, ...]
    options: TargetOptions = field(repr=False)
    assessment: object = field(repr=False)
    parent: str = ""
    continues: str = ""
    parent_plan: Plan | None = field(default=None, repr=False)

    def to_frame(self) -> pd.DataFrame:
        f = pd.DataFrame([asdict(r) for r in self.rows], columns=DRAFT_COLUMNS)
        for c in ("base_year", "target_year", "record_from", "record_to"):
            f[c] = f[c].astype("Int64")
        return f

    def checks_frame(self) -> pd.DataFrame:
        return pd.DataFrame([asdict(c) for c in self.checks], columns=CHECK_COLUMNS)

    def __repr__(self) -> str:
        warn = sum(c.severity == "warning" for c in self.checks)
        return (f"DraftReview({self.plan.plan_id!r}, {len(self.rows)} rows, {warn} "
                f"warning(s))")

    def _repr_html_(self) -> str:
        cols = ["key", "name_zh", "target_text", "p_met", "ambition", "required_growth",
                "record_growth", "grade"]
        return self.to_frame()[cols]._repr_html_()


# ------------------------------------------------------------------ bases from an account
def account_bases(draft: Plan, finished, mapping: dict[str, str] | None = None
                  ) -> dict[str, tuple[Base, str]]:
    """Each draft row continued from the finished plan's assessment ``finished`` whose
    base is not printed: its base from the final account (the published figure of the
    base year where the account has one, else the nowcast with its 80 % interval), with
    the key of the row it continues. Rows match by ``mapping`` (draft key → finished key),
    else by indicator id and region."""
    mapping = mapping or {}
    out = {}
    for t in draft:
        if t.base_year is None or (t.base_qualifier == codes.EXACT and
                                   math.isfinite(t.base_value)):
            continue
        r = _continued(finished, t, mapping)
        if r is None or r.target_year != t.base_year:
            continue
        try:
            factor = conversion_factor(r.unit, t.indicator.unit) if r.unit != \
                t.indicator.unit else 1.0
        except ValueError:
            continue
        if r.latest_year == t.base_year and r.latest_qualifier in ("", codes.EXACT) and \
                math.isfinite(r.latest_value):
            out[t.key] = (Base(t.base_year, r.latest_value * factor, "account"), r.key)
        elif math.isfinite(r.projected):
            out[t.key] = (Base(t.base_year, r.projected * factor, "nowcast",
                               r.lo_80 * factor, r.hi_80 * factor), r.key)
    return out


def _continued(finished, t: Target, mapping: dict[str, str]):
    want = mapping.get(t.key) or mapping.get(t.indicator_id)
    for r in finished:
        if (want and r.key == want) or (not want and r.indicator_id == t.indicator_id
                                        and r.region == t.indicator.region):
            return r
    return None


def _with_published_bases(p: Plan, bases: dict[str, tuple[Base, str]]) -> Plan:
    """The draft with each base the account published typed in (so the audit and P(met)
    read it as printed); a nowcast base is not: it is no figure."""
    targets = []
    for t in p:
        b = bases.get(t.key)
        if b is not None and b[0].source == "account":
            t = t.model_copy(update={"base_value": b[0].value, "base_text": f"{b[0].value:g}",
                                     "base_qualifier": codes.EXACT})
        targets.append(t)
    return p.model_copy(update={"targets": tuple(targets)})


# ------------------------------------------------------------------ growth
def _growth(t: Target, base: float, value: float, years: int) -> float:
    if years <= 0 or not (math.isfinite(base) and math.isfinite(value)):
        return NAN
    if t.indicator.is_share:
        return (value - base) / years
    return float(growth.implied_cagr(base, value, years)) if base > 0 and value > 0 else NAN


def _record_growth(t: Target, frame: pd.DataFrame | None
                   ) -> tuple[float, int | None, int | None]:
    """(growth a year, first year, last year) over the last ``RECORD_YEARS`` years of
    exact figures (points a year for a share): what the record shows."""
    if frame is None or not len(frame):
        return NAN, None, None
    f = frame[frame["qualifier"].astype(str) == codes.EXACT].sort_values("year")
    if len(f) < 2:
        return NAN, None, None
    last = f.iloc[-1]
    first = f[f["year"] >= last["year"] - RECORD_YEARS].iloc[0]
    a, b = int(first["year"]), int(last["year"])
    return _growth(t, float(first["value"]), float(last["value"]), b - a), a, b


# ------------------------------------------------------------------ checks
def _ratio_checks(p: Plan, levels: dict[str, tuple[float, str]]) -> list[DraftCheck]:
    out = []
    # each row by the level series it speaks of (a growth row: its subject's)
    by = {(*series_of(t)[:2], t.target_year): t for t in p}
    for t in p:
        pair = share_ratios().get(t.indicator_id)
        if pair is None or not math.isfinite(t.target_value):
            continue
        num = by.get((pair[0], t.indicator.region, t.target_year))
        den = by.get((pair[1], t.indicator.region, t.target_year))
        if num is None or den is None:
            continue
        (n, n_unit), (d, d_unit) = (levels.get(num.key, (NAN, "")),
                                    levels.get(den.key, (NAN, "")))
        if not (math.isfinite(n) and math.isfinite(d)) or d <= 0:
            continue
        try:  # both in one unit (亿元 and 万亿元 are both money)
            n *= conversion_factor(n_unit, d_unit)
        except ValueError:
            continue
        implied = 100.0 * n / d
        if abs(implied - t.target_value) > RATIO_TOLERANCE_PP:
            out.append(DraftCheck(t.key, "ratio", "warning", t.target_value, implied,
                                  f"{num.key}, {den.key}"))
    return out


def _target_levels(p: Plan, bases: dict[str, Base], frames: dict[str, pd.DataFrame]
                   ) -> dict[str, tuple[float, str]]:
    """Each row's target as a level with its unit: the number of a level row, the level a
    growth row implies from its base (x_B·(1+g)^(T−B), in its level series' unit)."""
    out = {}
    for t in p:
        if t.measure == "cagr":
            b = bases.get(t.key)
            x0 = b.value if b is not None else NAN
            n = t.target_year - (t.base_year or t.target_year)
            f = frames.get(t.key)
            unit = str(f["unit"].iloc[0]) if f is not None and len(f) and "unit" in f else ""
            if math.isfinite(x0) and n > 0 and math.isfinite(t.target_value) and unit:
                out[t.key] = (float(growth.compound(x0, t.target_value / 100.0, n)), unit)
        elif math.isfinite(t.target_value):
            out[t.key] = (t.target_value, t.indicator.unit)
    return out


def _parent_checks(p: Plan, parent: Plan | None) -> list[DraftCheck]:
    if parent is None:
        return []
    out = []
    for t in p:
        claims = t.reference or ("china" if t.comparator in (
            codes.ABOVE_NATIONAL_AVERAGE, codes.FASTER_THAN) else "")
        if not claims:
            continue
        ref_id = claims.partition(":")[2] or t.indicator_id
        ref_region = claims.partition(":")[0] if ":" in claims else claims
        if ref_region != parent.region:
            continue
        theirs = next((q for q in parent if q.indicator_id == ref_id and
                       q.target_year == t.target_year), None)
        if theirs is None:
            continue
        if t.measure == "cagr" or t.comparator == codes.FASTER_THAN:
            bar = theirs.implied_cagr if theirs.measure != "cagr" else \
                theirs.target_value / 100.0
            mine = t.target_value / 100.0 if t.measure == "cagr" else NAN
            code = "slower_than_parent" if math.isfinite(mine) else "parent_bar"
        else:
            bar, mine = theirs.target_value, t.target_value
            code = "below_parent" if math.isfinite(mine) else "parent_bar"
        if not math.isfinite(bar):
            continue
        if code == "parent_bar" or mine < bar:
            out.append(DraftCheck(t.key, code, "info" if code == "parent_bar" else "warning",
                                  mine, bar, theirs.key, parent.plan_id))
    return out


def _stated_checks(p: Plan, bases: dict[str, Base]) -> list[DraftCheck]:
    out = []
    for t in p:
        if not math.isfinite(t.stated_growth) or t.indicator.is_share or t.measure == "cagr":
            continue
        b = bases.get(t.key)
        base = b.value if b is not None else t.base_value
        implied = _growth(t, base, t.target_value, t.target_year - (t.base_year or 0)) \
            if t.base_year is not None else NAN
        if math.isfinite(implied) and abs(implied - t.stated_growth) * 100 > \
                GROWTH_TOLERANCE_PP:
            out.append(DraftCheck(t.key, "stated_growth", "warning", t.stated_growth,
                                  implied, ""))
    return out


# ------------------------------------------------------------------ the review
def _draft_row(t: Target, r: TargetStatus, b: Base, median: TargetOption | None,
               history: pd.DataFrame | None, continues: str) -> DraftRow:
    """The review of row ``t``: its judgement ``r`` (P(met), grade, status), the growth it
    requires from its base ``b``, the growth its record shows and the growth the median
    option (``median``) would take."""
    n = t.target_year - (t.base_year or t.target_year)
    rate = t.measure == "cagr"
    required = t.target_value / 100.0 if rate else _growth(t, b.value, t.target_value, n)
    projected = NAN
    if median is not None and math.isfinite(median.value):
        projected = median.cagr if not t.indicator.is_share else median.pp_per_year
    record_growth, record_from, record_to = _record_growth(t, history)
    return DraftRow(
        plan_id=t.plan_id, key=t.key, indicator_id=t.indicator_id,
        region=t.indicator.region, name_zh=t.indicator.name_zh,
        name_en=t.indicator.name_en, unit=t.indicator.unit, attribute=t.attribute,
        measure=t.measure, is_share=t.indicator.is_share, base_year=t.base_year,
        base_value=b.value, base_from=b.source, base_low=b.low, base_high=b.high,
        target_year=t.target_year, target_text=t.target_text,
        target_value=t.target_value, comparator=t.comparator, p_met=r.p_met,
        ambition=ambition_of(r.p_met), required_growth=required,
        record_growth=record_growth, record_from=record_from, record_to=record_to,
        projected_growth=projected,
        growth_kind="pp" if t.indicator.is_share and not rate else "cagr",
        stated_growth=t.stated_growth, grade=r.evidence_grade, n_obs=r.n_obs,
        status=r.status_cn, continues=continues)


def review_of(p: Plan, data: pd.DataFrame, when, *, assess, continues: Plan | None = None,
              mapping: dict[str, str] | None = None, parent: Plan | None = None,
              probabilities: Sequence[float] = PROBABILITIES, method: str = "auto"
              ) -> DraftReview:
    """The review of draft ``p`` (see the module docstring); ``assess`` the assessment
    function to judge with (the worded one from ``jxdigital.review_draft``)."""
    probs = check_probabilities(probabilities)
    from_account: dict[str, tuple[Base, str]] = {}
    if continues is not None:
        finished = assess(continues, data, today=when.generated.isoformat())
        from_account = account_bases(p, finished, mapping)
    judged_plan = _with_published_bases(p, from_account)
    bases_in = {k: b for k, (b, _) in from_account.items()}
    opts = options_of(judged_plan, data, when, None, probs, method, bases_in)
    a = assess(judged_plan, data, today=when.generated.isoformat())
    median = {o.key: o for o in opts.options if o.probability == probs[0]}
    base_of = {o.key: Base(o.base_year, o.base_value, o.base_from, o.base_low, o.base_high,
                           o.base_qualifier) for o in opts.options}
    rows = [_draft_row(t, a[t.key], base_of.get(t.key, Base(t.base_year)), median.get(t.key),
                       opts.series.get(t.key), from_account.get(t.key, (None, ""))[1])
            for t in judged_plan]
    levels = _target_levels(judged_plan, base_of, opts.series)
    checks = _ratio_checks(judged_plan, levels) + _parent_checks(judged_plan, parent) + \
        _stated_checks(judged_plan, base_of)
    return DraftReview(judged_plan, tuple(rows), tuple(checks), opts, a,
                       parent.plan_id if parent is not None else "",
                       continues.plan_id if continues is not None else "", parent)


def review_draft(draft, actuals=None, *, continues=None, mapping: dict[str, str] | None = None,
                 parent=None, probabilities: Sequence[float] = PROBABILITIES, today=None,
                 method: str = "auto") -> DraftReview:
    """Judge a draft table before it is adopted (see the module docstring). ``draft``: a
    plan file, id or ``Plan`` (base 2025, targets 2030 in the layout of a plan table);
    ``continues``: the finished plan its rows continue (e.g. 'jiangxi-14th-fyp'), whose
    final account gives the bases the draft does not print; ``mapping``: draft key → that
    plan's key where the ids differ; ``parent``: the plan it must be consistent with (e.g.
    'china-15th-fyp'); ``actuals`` and ``today`` as for ``assess``."""
    p = as_plan(draft)
    try:
        check_probabilities(probabilities)
    except ValueError as e:
        raise ArgumentError(f"argument 'probabilities': expected {e}") from None
    before = as_plan(continues) if continues is not None else None
    above = as_plan(parent) if parent is not None else None
    data = as_data(actuals, p)
    return review_of(p, data, timing(None, today), assess=assess, continues=before,
                     mapping=mapping, parent=above, probabilities=probabilities,
                     method=method)
