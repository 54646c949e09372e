"""The rules that turn measures into a status: every threshold is here, in one place.

Primary scheme (``scheme="cn"``, mid-term review practice, docs/methods.md §1.7), applied in
order by ``status_cn``:

1. ``not_assessable`` (无法评估): the target has no numeric value;
2. ``met`` (已实现) / ``missed`` (未实现): the target-year figure is known and settles the
   outcome (a bound settles it only where every value it allows falls on one side); these
   are final (``final = True``, P(met) 1 or 0) in every scheme;
3. ``insufficient_data`` (数据不足): fewer than ``MIN_OBSERVATIONS`` usable yearly figures
   (the base year counts), or no national series for a 超全国平均水平 target;
4. ``achieved`` (已提前实现): a figure before the target year already meets the target
   (one rule before and in the target year: ``Target.met_range``; for 左右 and ranges on an
   indicator that should rise, at or above the low end of the band) and the projection
   does not take it back below: P(met) ≥ ``P_ON_TRACK`` (a running total, which does not
   fall, always). Where it may fall back, ``at_risk``: already met is a fact about the
   latest figure, not yet about the target year (in the benchmark, 20 % of "already met"
   series that can fall ended below the target, ``BENCHMARKS.md``);
5. otherwise P(target met), from the calibrated projection, decides:
   ``P ≥ P_ON_TRACK`` → ``on_track`` (符合序时进度); ``P < P_OFF_TRACK`` → ``off_track``
   (滞后于序时进度); in between → ``at_risk`` (存在风险): an uncertain projection never
   gives a confident verdict.

Completion against time elapsed (序时进度) and the growth ratio explain the status in the
reason; they do not override P.

The verdict (``verdict``) is the status told as official reviews tell it. Once a target's
year is over (at the review date) it is an outcome: ``met`` (已实现 and 已提前实现), ``missed``,
``not_assessable``, else ``unknown`` (尚不能确定: the figure is not published yet, or there is
no comparable figure), never a progress word. While the year is ahead it is the mid-term
review's class: ``achieved`` (提前实现), ``ahead`` (快于预期: on track and past the plan's own
path, completion > time elapsed), ``on_track`` (基本符合预期), ``at_risk``, ``off_track``
(滞后), and the two without a verdict. Two published alternatives are offered as ``scheme``
(their arithmetic, sources and where it departs from ``cn``: docs/methods.md §1.1):

- ``"eurostat"`` (EU SDG monitoring, short-term trend; Statistics Canada / Open SDG use the
  same cut-offs): R = d · CAGR_a / |CAGR_r| (``Progress.eurostat_ratio``) over the last
  ``EUROSTAT_WINDOW`` years, compound growth for every indicator, shares too: CAGR_a from
  the figure of year s = t − 5 (or the first after it) to the latest, t; CAGR_r from the
  same x_s to the target in year T; d = +1 for a target that should rise, −1 for one that
  should fall. R ≥ 0.95 significant progress, 0.60–0.95 moderate, 0–0.60 insufficient,
  < 0 moving away; a target already met, significant progress. Figures spanning fewer
  than ``EUROSTAT_MIN_SPAN`` years (t − s) are not assessed: ``insufficient_data``.
- ``"un"`` (UNSD SDG Progress Chart): projected-gap ratio (``Progress.unsd_ratio``)
  P = (ŷ_T − y_b) / (y_T − y_b), ŷ_T = y_t (1 + CAGR_b→t)^(T − t), compound growth since
  the plan's base year b for every indicator, shares too; ≥ 0.95 on track or met,
  0.5–0.95 moderate, 0.1–0.5 marginal, −0.1–0.1 stagnation, < −0.1 regression; a target
  already met, on track.

Where a scheme's class cannot be worked out otherwise (targets it has no arithmetic for:
超全国平均, 每年…), the status is the primary one.
"""

from __future__ import annotations

import math

from ..codes import FINAL, STATUSES  # noqa: F401 (re-exported)

#: Fewest usable yearly figures (the base year included) for any verdict.
MIN_OBSERVATIONS = 2
#: P(target met) at or above which a target is on track ...
P_ON_TRACK = 0.75
#: ... and below which it is off track; in between it is at risk.
P_OFF_TRACK = 0.25

#: Eurostat's short-term window: the last five years of figures, t − 5 … t ...
EUROSTAT_WINDOW = 5
#: ... of which at least this many years (t − s) when the figure for t − 5 is missing.
EUROSTAT_MIN_SPAN = 3
#: Eurostat growth-ratio cut-offs: (lower bound of the class, class).
EUROSTAT = ((0.95, "significant_progress"), (0.60, "moderate_progress"),
            (0.0, "insufficient_progress"), (-math.inf, "moving_away"))
#: UNSD projected-gap cut-offs.
UN = ((0.95, "on_track"), (0.5, "moderate_progress"), (0.1, "marginal_progress"),
      (-0.1, "stagnation"), (-math.inf, "regression"))
SCHEMES = ("cn", "eurostat", "un")


def status_cn(*, numeric: bool, enough_data: bool, met_now: bool, p_met: float,
              outcome: bool | None = None) -> str:
    """The primary status (see the module docstring for the rule); ``outcome``: the
    settled outcome (True met, False missed) where the target-year figure decides it."""
    if not numeric:
        return "not_assessable"
    if outcome is not None:
        return "met" if outcome else "missed"
    if not enough_data:
        return "insufficient_data"
    if met_now:  # already met, and likely to stay met: else it may fall back
        return "achieved" if math.isnan(p_met) or p_met >= P_ON_TRACK else "at_risk"
    if math.isnan(p_met):
        return "insufficient_data"
    if p_met >= P_ON_TRACK:
        return "on_track"
    if p_met < P_OFF_TRACK:
        return "off_track"
    return "at_risk"


def _band(value: float, table) -> str:
    if math.isnan(value):
        return ""
    for low, name in table:
        if value >= low:
            return name
    return table[-1][1]


def eurostat_class(ratio: float, met_now: bool) -> str:
    """Eurostat class of the five-year growth ratio ('' when it cannot be computed)."""
    return "significant_progress" if met_now else _band(ratio, EUROSTAT)


def un_class(gap_ratio: float, met_now: bool) -> str:
    """UNSD class of the projected-gap ratio ('' when it cannot be computed)."""
    return "on_track" if met_now else _band(gap_ratio, UN)


def verdict(status: str, year_over: bool, completion: float = math.nan,
            time_elapsed: float = math.nan) -> str:
    """The verdict of a target (``codes.VERDICTS``) from its primary status ``status``
    (``status_cn``): its outcome once its year is over, else its progress, where ``ahead``
    is ``on_track`` with completion past time elapsed (the latest figure beyond the plan's
    own pro-rata path)."""
    if year_over:
        if status in ("met", "achieved"):
            return "met"
        if status in ("missed", "not_assessable"):
            return status
        return "unknown"
    if status == "on_track" and completion > time_elapsed:  # False when either is NaN
        return "ahead"
    return status
