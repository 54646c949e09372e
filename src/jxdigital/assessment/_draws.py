"""Histories consistent with the evidence: where a projection rests on figures that allow
a range (a bound, an approximate, derived or linked figure), it is fitted to many
histories drawn from those ranges and the forecasts are pooled (``models.project_pooled``),
so P(met) and the intervals carry the history's uncertainty as well as the trend's."""

from __future__ import annotations

import math
from dataclasses import dataclass
from statistics import NormalDist

import numpy as np
import pandas as pd

from .. import codes
from ..observations import APPROXIMATE_HALF_WIDTH, as_of_month
from ._columns import Columns, columns_of, isin

#: Histories drawn per projection (stratified, so 32 cover each range evenly).
DRAWS = 32
#: Fixed seed: the same evidence gives the same P(met) on every run.
SEED = 20261201
#: How far above a published lower bound ("6万多", "超X") its value is drawn: up to 10 %
#: (an assumption: "X多" stays below the next round figure; the benchmark checks the
#: P(met) it gives).
BOUND_SPAN = 0.10
#: How far the ratio of two definitions of one quantity wanders: the yearly s.d. of its
#: log, an assumption (no Jiangxi series has both definitions for more than one year);
#: ``benchmarks/bench_evidence.py`` measures P(met) with ratios drifting 0–10 % a year.
LINK_DRIFT = 0.05


def bands(fit: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """(low, high) of each fitted figure as a history draw sees it:

    - exact: the value itself; approximate: value × (1 ± spread) (its own ``spread``, else
      ``APPROXIMATE_HALF_WIDTH``);
    - a running total's year-end bounded by its level in month m (``part_as_of``), the
      year-end before it p: [v, v + 2·(12 − m)/m·(v − p)], the rest of the year built at
      up to twice the pace so far (a linear year ends in the middle);
    - any other lower bound X: [X, X·(1 + BOUND_SPAN)]; an upper one [X·(1 − BOUND_SPAN), X].
    """
    v = fit["value"].to_numpy(float)
    q = fit["qualifier"].astype(str).to_numpy()
    spread = fit["spread"].to_numpy(float) if "spread" in fit else np.full(len(v), math.nan)
    half = np.where(np.isnan(spread), APPROXIMATE_HALF_WIDTH, spread) * np.abs(v)
    approx = np.isin(q, (codes.APPROXIMATE, codes.ESTIMATE))
    lo = np.where(approx, v - half, v)
    hi = np.where(approx, v + half, v)
    lo = np.where(q == codes.UPPER_BOUND, v - BOUND_SPAN * np.abs(v), lo)
    hi = np.where(q == codes.LOWER_BOUND, v + BOUND_SPAN * np.abs(v), hi)
    if "part_as_of" in fit:
        m = as_of_month(fit["part_as_of"].fillna("")).to_numpy(float)
        prev = pd.Series(v, index=fit["year"].to_numpy(int)).reindex(
            fit["year"].to_numpy(int) - 1).to_numpy(float)
        paced = (q == codes.LOWER_BOUND) & (m > 0) & (prev < v)
        rest = 2 * (12 - m) / np.where(m > 0, m, 1) * (v - prev)
        hi = np.where(paced, v + rest, hi)
    return lo, hi


_MEASURED = frozenset((codes.EXACT, codes.REVISED, codes.PRELIMINARY))


def _all_exact(fit: pd.DataFrame | Columns) -> bool:
    """Every figure a point, stated as measured, none linked: nothing to draw."""
    cols = columns_of(fit)
    if not isin(cols["qualifier"], _MEASURED).all():
        return False
    return "kind" not in cols or not (cols["kind"] == "linked").any()


@dataclass(frozen=True)
class Drawn:
    """Histories (``draw, year, value``) and, per draw, the factor its forecast is scaled by
    (the drift of a linked series' scope ratio from the splice to the target year; 1
    otherwise)."""

    frame: pd.DataFrame
    factors: np.ndarray


def histories(fit: pd.DataFrame | Columns, limits: tuple[float, float] | None = None,
              target_year: int | None = None, n: int = DRAWS,
              seed: int = SEED) -> Drawn | None:
    """``n`` histories drawn from the figures' bands, or None where every figure is exact.

    Within a band: uniform, stratified (each band cut into ``n`` slices, one draw per slice,
    slices shuffled independently per year). Linked figures (``kind`` linked, spliced at
    their base year B) are taken as they are, and each history's forecast for
    ``target_year`` T gets a factor exp(W), W ~ N(0, LINK_DRIFT²·(T − B)): the drift of the
    scope ratio from the splice to T (a random walk; perturbing the history itself would
    also roughen it, and the model would count the roughness again). ``limits``: a share's
    (0, 100). ``fit``: a frame, or its ``Columns``."""
    if _all_exact(fit):
        return None
    fit = columns_of(fit).frame
    lo, hi = bands(fit)
    linked = fit["kind"].eq("linked").to_numpy() if "kind" in fit else np.zeros(len(lo), bool)
    value = fit["value"].to_numpy(float)
    lo, hi = np.where(linked, value, lo), np.where(linked, value, hi)
    if np.all(hi - lo <= 0) and not linked.any():
        return None
    rng = np.random.default_rng(seed)
    k = len(lo)
    u = (np.argsort(rng.random((n, k)), axis=0) + rng.random((n, k))) / n  # (n, k)
    values = lo[None, :] + u * (hi - lo)[None, :]
    factors = np.ones(n)
    if linked.any() and target_year is not None:
        # the plan's value in T = the linked forecast × exp(W(T)), W the scope ratio's
        # log drift since the splice: N(0, LINK_DRIFT² · (T − B)), stratified
        years = fit["year"].to_numpy(int)
        splice = int(years[~linked].max()) if (~linked).any() else int(years.min())
        z = NormalDist().inv_cdf
        q = (np.arange(n) + 0.5) / n
        factors = np.exp(np.array([z(x) for x in q]) * LINK_DRIFT
                         * math.sqrt(max(target_year - splice, 0)))
    if limits is not None:
        values = np.clip(values, limits[0], limits[1])
    frame = pd.DataFrame({"draw": np.repeat(np.arange(n), k),
                          "year": np.tile(fit["year"].to_numpy(int), n),
                          "value": values.ravel()})
    return Drawn(frame, factors)
