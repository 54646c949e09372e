"""Histories consistent with the evidence: where a projection rests on figures that allow
a range (a bound, an approximate, derived or linked figure), it is fitted to many
histories drawn from those ranges and the forecasts are pooled (``models.project_pooled``),
so P(met) and the intervals carry the history's uncertainty as well as the trend's."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from .. import codes
from ..observations import APPROXIMATE_HALF_WIDTH

#: Histories drawn per projection (stratified, so 32 cover each range evenly).
DRAWS = 32
#: Fixed seed: the same evidence gives the same P(met) on every run.
SEED = 20261201
#: How far above a lower bound ("6万多", "超X", a running total's September count) its
#: year-end is drawn: up to 10 % (an assumption: "X多" stays below the next round figure;
#: the benchmark checks the P(met) it gives).
BOUND_SPAN = 0.10


def bands(fit: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """(low, high) of each fitted figure as a history draw sees it: the value itself for an
    exact figure; value × (1 ± spread) for an approximate one (its own ``spread``, else
    ``APPROXIMATE_HALF_WIDTH``); [X, X·(1 + BOUND_SPAN)] above a lower bound X and
    [X·(1 − BOUND_SPAN), X] below an upper one."""
    v = fit["value"].to_numpy(float)
    q = fit["qualifier"].astype(str).to_numpy()
    spread = fit["spread"].to_numpy(float) if "spread" in fit else np.full(len(v), math.nan)
    half = np.where(np.isnan(spread), APPROXIMATE_HALF_WIDTH, spread) * np.abs(v)
    approx = np.isin(q, (codes.APPROXIMATE, codes.ESTIMATE))
    lo = np.where(approx, v - half, v)
    hi = np.where(approx, v + half, v)
    lo = np.where(q == codes.UPPER_BOUND, v - BOUND_SPAN * np.abs(v), lo)
    hi = np.where(q == codes.LOWER_BOUND, v + BOUND_SPAN * np.abs(v), hi)
    return lo, hi


def histories(fit: pd.DataFrame, limits: tuple[float, float] | None = None,
              n: int = DRAWS, seed: int = SEED) -> pd.DataFrame | None:
    """``n`` histories (``draw, year, value``) drawn uniformly within each figure's band,
    stratified (each band cut into ``n`` slices, one draw per slice, slices shuffled
    independently per year); ``limits``: a share's (0, 100). None where every figure is
    exact (nothing to draw)."""
    lo, hi = bands(fit)
    if np.all(hi - lo <= 0):
        return None
    rng = np.random.default_rng(seed)
    k = len(lo)
    u = (np.argsort(rng.random((n, k)), axis=0) + rng.random((n, k))) / n  # (n, k)
    values = lo[None, :] + u * (hi - lo)[None, :]
    if limits is not None:
        values = np.clip(values, limits[0], limits[1])
    years = fit["year"].to_numpy(int)
    return pd.DataFrame({"draw": np.repeat(np.arange(n), k), "year": np.tile(years, n),
                         "value": values.ravel()})
