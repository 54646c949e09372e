"""Many yearly series as one right-aligned array, so each model is a few numpy lines.

Row ``i`` holds series ``i``; the last column is that series' own last observed year,
the column before it the year before, and so on. A year with no observation is NaN
(a gap is kept as a gap: models use the actual year distances, never a filled value).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Panel:
    """``z``: (n, T) values on the modelling scale, NaN where a year is missing;
    ``last_year``: (n,) each series' last observed year."""

    z: np.ndarray
    last_year: np.ndarray

    @property
    def t(self) -> np.ndarray:
        """Year offsets of the columns relative to each series' last year: -(T-1) .. 0."""
        return np.arange(-self.z.shape[1] + 1, 1, dtype=float)

    @property
    def observed(self) -> np.ndarray:
        return ~np.isnan(self.z)

    @property
    def n_obs(self) -> np.ndarray:
        return self.observed.sum(axis=1)

    def map(self, fn) -> Panel:
        with np.errstate(divide="ignore", invalid="ignore"):
            return Panel(fn(self.z), self.last_year)


def make_panel(years: list[np.ndarray], values: list[np.ndarray]) -> Panel:
    """Right-align series given as (sorted, unique) integer years and values."""
    last = np.array([int(y[-1]) for y in years])
    span = max(int(y[-1] - y[0]) + 1 for y in years)
    z = np.full((len(years), span), np.nan)
    for i, (y, v) in enumerate(zip(years, values, strict=True)):
        z[i, span - 1 - (int(y[-1]) - np.asarray(y, dtype=int))] = v
    return Panel(z, last)


def first_observed(p: Panel) -> tuple[np.ndarray, np.ndarray]:
    """(value, year offset) of each series' first observation."""
    obs = p.observed
    j = obs.argmax(axis=1)
    rows = np.arange(len(j))
    return p.z[rows, j], p.t[j]


def previous_observed(p: Panel) -> tuple[np.ndarray, np.ndarray]:
    """(value, year offset) of each series' second-to-last observation (NaN if none)."""
    obs = p.observed.copy()
    obs[:, -1] = False
    has = obs.any(axis=1)
    j = obs.shape[1] - 1 - obs[:, ::-1].argmax(axis=1)
    rows = np.arange(len(j))
    return np.where(has, p.z[rows, j], np.nan), np.where(has, p.t[j], np.nan)


def drift(p: Panel) -> np.ndarray:
    """Average change per year, first to last observation: ``(z_T - z_1) / (t_T - t_1)``."""
    z0, t0 = first_observed(p)
    with np.errstate(divide="ignore", invalid="ignore"):
        return (p.z[:, -1] - z0) / (0.0 - t0)


def last_slope(p: Panel) -> np.ndarray:
    """Change per year between the last two observations."""
    z1, t1 = previous_observed(p)
    with np.errstate(divide="ignore", invalid="ignore"):
        return (p.z[:, -1] - z1) / (0.0 - t1)


def ols(p: Panel) -> tuple[np.ndarray, np.ndarray]:
    """Least-squares line on the observed years: (slope per year, fitted value at the
    last year). ``b = Σ(t-t̄)(z-z̄) / Σ(t-t̄)²``."""
    obs = p.observed
    n = obs.sum(axis=1)
    t = np.where(obs, p.t, 0.0)
    z = np.where(obs, p.z, 0.0)
    tbar = t.sum(axis=1) / n
    zbar = z.sum(axis=1) / n
    dt = np.where(obs, p.t - tbar[:, None], 0.0)
    sxx = (dt**2).sum(axis=1)
    with np.errstate(divide="ignore", invalid="ignore"):
        b = (dt * (z - zbar[:, None])).sum(axis=1) / sxx
    return b, zbar - b * tbar


#: Smoothing weights tried by simple exponential smoothing (chosen per series by the
#: one-step squared error, as in the Theta method).
SES_ALPHAS = np.linspace(0.05, 1.0, 20)
SES_ALPHAS.flags.writeable = False


def ses(p: Panel, memo: dict | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Simple exponential smoothing over the observed values: (alpha, final level).

    Theta and SES-with-drift smooth the same panel in one combination: a caller that
    computes both passes ``memo``, a dict it creates for this one panel and drops
    afterwards, and the smoothing runs once. No state outlives the call."""
    if memo is None:
        return _ses(p)
    if "ses" not in memo:
        memo["ses"] = _ses(p)
    return memo["ses"]


def _ses(p: Panel) -> tuple[np.ndarray, np.ndarray]:
    a = SES_ALPHAS[:, None]
    level = np.full((len(SES_ALPHAS), p.z.shape[0]), np.nan)
    sse = np.zeros_like(level)
    for j in range(p.z.shape[1]):
        x = p.z[:, j]
        have = ~np.isnan(x)
        start = have & np.isnan(level)
        step = have & ~start
        err = np.where(step, x - level, 0.0)
        sse += err**2
        level = np.where(start, x, np.where(step, level + a * err, level))
    best = sse.argmin(axis=0)
    cols = np.arange(p.z.shape[0])
    return SES_ALPHAS[best], level[best, cols]


#: The interval scale looks at the last this-many years of changes: recent volatility,
#: not that of decades ago (chosen by rolling-origin validation inside the M3 training parts).
SCALE_YEARS = 8


def diff_scale(p: Panel) -> np.ndarray:
    """Typical yearly change: mean of ``|Δz| / Δt`` over consecutive observations in the
    last ``SCALE_YEARS`` years.

    The unit of the scaled errors the intervals are calibrated on (MASE's scale,
    generalised to gaps and kept local). NaN for a single observation.
    """
    p = Panel(p.z[:, -(SCALE_YEARS + 1):], p.last_year)
    obs = p.observed
    total = np.zeros(p.z.shape[0])
    count = np.zeros(p.z.shape[0])
    last_z = np.full(p.z.shape[0], np.nan)
    last_t = np.full(p.z.shape[0], np.nan)
    for j, tj in enumerate(p.t):
        have = obs[:, j]
        step = have & ~np.isnan(last_z)
        total += np.where(step, np.abs(p.z[:, j] - last_z) / (tj - last_t), 0.0)
        count += step
        last_z = np.where(have, p.z[:, j], last_z)
        last_t = np.where(have, tj, last_t)
    with np.errstate(invalid="ignore"):
        return total / count


def damped_sum(phi: float, h: np.ndarray) -> np.ndarray:
    """``Σ_{j=1..h} φ^j`` (= h when φ = 1): how far a damped trend travels in h years."""
    h = np.asarray(h, dtype=float)
    if phi == 1.0:
        return h
    return phi * (1.0 - phi**h) / (1.0 - phi)
