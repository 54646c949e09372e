"""The models: one small class each, closed-form and vectorised over many series.

Every model maps a history to a point path; its interval comes from the calibrated
error distribution learned for it (``_calibration``). A model works on the series'
level, on logs (positive series) or, for a bounded share, on the logit scale, so no
projection leaves the series' range.

Models keep no state from a projection: ``point`` returns everything it computed (a
``PointPath``), and the learned parameters come in as an argument (``params``, the
``learned.json`` table; ``None`` means the shipped one).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import ClassVar

import numpy as np

from . import _components as c
from ._calibration import bucket_of, table_or_shipped
from ._components import component_path
from ._errors import ProjectionInputError
from ._panel import Panel, damped_sum, ols
from ._projection import as_series, check_points, projection_of


@dataclass(frozen=True)
class PointPath:
    """What ``Model.point`` computed for a panel of ``n`` series.

    ``path``: (n, H) point path on the calibration scale; ``drift_share``: (n,) the weight
    ``Auto``'s per-series backtest gave to drift (0 for every other model); ``falling``:
    (n,) which histories ``Auto`` treats as falling (the last value below the first): they
    take its weights and error quantiles for falling histories, where the learned
    parameters have them (None for every other model)."""

    path: np.ndarray
    drift_share: np.ndarray
    falling: np.ndarray | None = None

    @classmethod
    def plain(cls, path: np.ndarray) -> PointPath:
        return cls(path, np.zeros(path.shape[0]))


class Model:
    """Base: ``min_points`` is the fewest observations the model accepts."""

    name: ClassVar[str] = ""
    min_points: ClassVar[int] = 2
    #: Works on logs when every value is positive and the series is unbounded.
    uses_log: ClassVar[bool] = False
    #: 'any', 'unbounded' (no bounds allowed) or 'bounded' (bounds required).
    support: ClassVar[str] = "any"
    #: Transform on a bounded series.
    bounded_kind: ClassVar[str] = "logit"

    def point(self, zc: Panel, zlog: Panel | None, h: np.ndarray,
              params: Mapping | None = None) -> PointPath:
        """The point path on the calibration scale (``zc``: levels, or the bounded
        transform). ``zlog`` is the log panel when the series are positive and unbounded;
        ``params`` the learned parameters (default: shipped). Pure: the model object is
        not changed, and the same input gives the same result."""
        raise NotImplementedError

    def calibration_key(self, positive: bool) -> str:
        return self.name

    def fit(self, data, bounds=None) -> Model:
        """Keep validated ``data`` (a Series indexed by year, or ``id, year, value``)."""
        self.series_ = check_points(self, as_series(data, bounds))
        return self

    def predict(self, h: int | None = None, to: int | None = None,
                level=(50, 80, 95), learned: Mapping | None = None):
        """Project the fitted series ``h`` years ahead or to year ``to``: a ``Projection``.
        ``learned``: parameters in ``learned.json``'s format (default: the shipped ones)."""
        if not hasattr(self, "series_"):
            raise ProjectionInputError(f"{type(self).__name__}: call fit(data) before predict")
        return projection_of(self, self.series_, to, h, level, learned)

    def weights(self, positive: bool, n_obs: int, drift_share: float = 0.0,
                params: Mapping | None = None, falling: bool = False) -> dict[str, float]:
        """Component weights for a history of ``n_obs`` points (only ``Auto`` combines;
        ``drift_share`` is its per-series backtest weight on drift, ``falling`` whether the
        history ends below where it starts)."""
        return {self.name: 1.0}

    def __repr__(self) -> str:
        return f"{type(self).__name__}()"


class Naive(Model):
    """``ŷ_{T+h} = y_T``. Needs 2 points (one yearly change sets the interval scale)."""

    name = "naive"

    def point(self, zc, zlog, h, params=None):
        return PointPath.plain(c.naive(zc, h))


class Drift(Model):
    """Random walk with drift, ``ŷ_{T+h} = y_T + h (y_T - y_1)/(t_T - t_1)``; on logs for
    positive series (constant growth: ``y_T (y_T/y_1)^{h/(t_T-t_1)}``) unless ``log=False``."""

    name = "drift"
    uses_log = True

    def __init__(self, log: bool = True):
        self.log = log

    def point(self, zc, zlog, h, params=None):
        if self.log and zlog is not None:
            return PointPath.plain(np.exp(c.drift_path(zlog, h)))
        return PointPath.plain(c.drift_path(zc, h))

    def calibration_key(self, positive):
        return "drift_log" if self.log and positive else "drift"

    def __repr__(self):
        return f"Drift(log={self.log})"


class LinearTrend(Model):
    """Least-squares line on the years, extrapolated: ``ŷ = a + b t``."""

    name = "linear_trend"
    min_points = 3

    def point(self, zc, zlog, h, params=None):
        b, fit_last = ols(zc)
        return PointPath.plain(fit_last[:, None] + b[:, None] * np.asarray(h, float)[None, :])


class LogLinearTrend(Model):
    """Least-squares line on log values: constant growth ``ŷ = exp(a + b t)``, the CAGR
    view (growth rate ``e^b - 1``). Positive, unbounded series only."""

    name = "log_linear_trend"
    min_points = 3
    uses_log = True
    support = "unbounded"

    def point(self, zc, zlog, h, params=None):
        if zlog is None:
            raise ValueError("LogLinearTrend needs positive values and no bounds; use "
                             "LinearTrend, or Logistic for a bounded share")
        b, fit_last = ols(zlog)
        return PointPath.plain(
            np.exp(fit_last[:, None] + b[:, None] * np.asarray(h, float)[None, :]))


class DampedTrend(Model):
    """The fitted slope, damped: ``ŷ = y_T + b Σ_{j=1..h} φ^j``. ``phi`` defaults to the
    value learned across the M3 yearly series (``learned.json``)."""

    name = "damped_trend"
    min_points = 3

    def __init__(self, phi: float | None = None):
        if phi is not None and not 0 < phi <= 1:
            raise ValueError(f"argument 'phi': expected a damping factor in (0, 1], got {phi!r}")
        self.phi = phi

    @property
    def phi_used(self) -> float:
        """``phi``, or the shipped learned value."""
        return self.phi_for(None)

    def phi_for(self, params: Mapping | None) -> float:
        """``phi``, or the value learned in ``params`` (default: shipped)."""
        if self.phi is not None:
            return float(self.phi)
        return float(table_or_shipped(params)["damped_trend_phi"])

    def point(self, zc, zlog, h, params=None):
        b, _ = ols(zc)
        return PointPath.plain(
            zc.z[:, -1:] + b[:, None] * damped_sum(self.phi_for(params), h)[None, :])

    def __repr__(self):
        return f"DampedTrend(phi={self.phi_used:g})"


class Theta(Model):
    """Theta method: SES level plus half the least-squares slope (Assimakopoulos &
    Nikolopoulos 2000; Hyndman & Billah 2003)."""

    name = "theta"
    min_points = 3

    def point(self, zc, zlog, h, params=None):
        return PointPath.plain(c.theta(zc, h))


class Logistic(Model):
    """Logistic curve between the bounds: a straight line on the logit scale,
    ``logit((y - lower) / (upper - lower)) = a + b t``. Bounded shares only."""

    name = "logistic"
    min_points = 3
    support = "bounded"

    def point(self, zc, zlog, h, params=None):
        return LinearTrend().point(zc, zlog, h, params)

    def calibration_key(self, positive):
        return "linear_trend"


class Gompertz(Logistic):
    """Gompertz curve ``y = upper · exp(-β e^{-γ t})``: a straight line on the
    ``log(-log(y / upper))`` scale. Bounded shares only."""

    name = "gompertz"
    bounded_kind = "cloglog"


class Auto(Model):
    """A learned combination of simple forecasters, checked against drift on the series' own
    recent past.

    1. The combination: naive, drift, damped drift, damped and undamped least-squares
       slope, damped last change, Theta and SES with drift, on levels and (positive
       series) on logs, with weights that depend on the history length, learned by
       rolling-origin backtests across the M3 yearly series (``learned.json``, made by
       ``tools/learn_models.py``) to minimise the mean absolute scaled error: one table
       for histories that end below where they start (falling, ``auto_weights_falling``:
       mostly naive for short ones, Theta's half slope for longer ones) and one for the
       rest, each learned from the M3 windows of its own kind (a rising majority of
       windows taught the single table to carry falls on too far; BENCHMARKS.md).
    2. Per series, when it has enough history: the combination ``c`` and the random walk
       with drift ``d`` are each backtested from the last ``VALIDATION_ORIGINS`` years
       (histories of at least ``VALIDATION_MIN_POINTS`` points) and blended by inverse
       squared error, ``ŷ = (E_d² c + E_c² d) / (E_c² + E_d²)`` (``E``: mean absolute error
       over those origins; the power is ``VALIDATION_POWER``). Learned weights carry what
       is typical across series; the backtest keeps a series whose own trend has held
       (where drift is hard to beat) from being damped.
    """

    name = "auto"
    #: Backtest origins per series (years before the last) and the fewest points a backtest
    #: history may have. Chosen by validation on the last years of the M3, M1 and Tourism
    #: yearly training parts (see BENCHMARKS.md).
    VALIDATION_ORIGINS = 6
    VALIDATION_MIN_POINTS = 5
    #: The blend weights are inverse errors to this power (2: the clearer winner of the
    #: backtest gets more weight than with plain inverse errors). Chosen the same way
    #: (``benchmarks/validate_auto.py``).
    VALIDATION_POWER = 2

    def weights(self, positive, n_obs, drift_share=0.0, params=None, falling=False):
        table = _auto_table(positive, params, falling)
        w = {k: v * (1.0 - drift_share)
             for k, v in table[str(int(bucket_of(np.array([n_obs]))[0]))].items()}
        if drift_share > 0:
            w["level:drift"] = w.get("level:drift", 0.0) + drift_share
        return w

    def point(self, zc, zlog, h, params=None):
        combo = self._combination(zc, zlog, h, params)
        share = self._drift_share(zc, zlog, params)
        path = (1.0 - share)[:, None] * combo + share[:, None] * c.drift_path(zc, h)
        return PointPath(path, share, _falling(zc))

    def _combination(self, zc, zlog, h, params=None):
        """Each history's learned combination: the falling table for histories that end
        below their first value (where the table has one), the other for the rest."""
        rising = self._combine(zc, zlog, h, _auto_table(zlog is not None, params))
        if not _has_falling(params):
            return rising
        down = _falling(zc)
        if not down.any():
            return rising
        falling = self._combine(zc, zlog, h, _auto_table(zlog is not None, params, True))
        return np.where(down[:, None], falling, rising)

    def _combine(self, zc: Panel, zlog: Panel | None, h: np.ndarray, table: Mapping
                 ) -> np.ndarray:
        b = bucket_of(zc.n_obs)
        out = np.zeros((zc.z.shape[0], len(h)))
        paths: dict[str, np.ndarray] = {}  # this call's component paths and shared work
        memo: dict[str, dict] = {}
        out[b < 0] = np.nan  # fewer than 2 points (only in backtests, where they are skipped)
        for bi in np.unique(b[b >= 0]):
            rows = b == bi
            for comp, w in table[str(bi)].items():
                if comp not in paths:
                    paths[comp] = component_path(comp, zc, zlog, h, memo)
                out[rows] += w * paths[comp][rows]
        return out

    def _drift_share(self, zc, zlog, params=None) -> np.ndarray:
        """Inverse-error weight of drift, ``E_c^p / (E_c^p + E_d^p)`` (p =
        ``VALIDATION_POWER``); 0 without a backtest."""
        n = zc.z.shape[0]
        err = np.zeros((2, n))
        count = np.zeros(n)
        for j in range(1, self.VALIDATION_ORIGINS + 1):
            if zc.z.shape[1] - j < self.VALIDATION_MIN_POINTS:
                break
            past = Panel(zc.z[:, :-j], zc.last_year - j)
            ok = (past.n_obs >= self.VALIDATION_MIN_POINTS) & ~np.isnan(past.z[:, -1])
            if not ok.any():
                continue
            past_log = None if zlog is None else Panel(zlog.z[:, :-j], zc.last_year - j)
            hj = np.arange(1, j + 1)
            actual = zc.z[:, zc.z.shape[1] - j:]
            with np.errstate(invalid="ignore", over="ignore"):
                d = [np.abs(actual - self._combination(past, past_log, hj, params)),
                     np.abs(actual - c.drift_path(past, hj))]
            seen = np.isfinite(d[0]) & np.isfinite(d[1])
            ok &= seen.any(axis=1)
            for k in range(2):
                e = np.where(seen, d[k], 0.0).sum(axis=1) / np.maximum(seen.sum(axis=1), 1)
                err[k] += np.where(ok, e, 0.0)
            count += ok
        err = err**self.VALIDATION_POWER
        total = err[0] + err[1]
        with np.errstate(invalid="ignore", divide="ignore"):
            share = np.where(total > 0, err[0] / total, 0.5)
        return np.where(count > 0, share, 0.0)

    def calibration_key(self, positive):
        return "auto_positive" if positive else "auto_level"


def _auto_table(positive: bool, params: Mapping | None = None,
                falling: bool = False) -> dict[str, dict[str, float]]:
    """Bucket index → component weights, for positive series (levels and logs) or any;
    ``falling``: the table for histories that end below where they start, where the
    learned parameters have one."""
    table = table_or_shipped(params)
    key = "auto_weights_falling" if falling and "auto_weights_falling" in table else \
        "auto_weights"
    return table[key]["positive" if positive else "level"]


def _has_falling(params: Mapping | None) -> bool:
    return "auto_weights_falling" in table_or_shipped(params)


def _falling(zc: Panel) -> np.ndarray:
    """(n,) whether each history's last value is below its first (on the modelling scale,
    which keeps the order of the values)."""
    obs = ~np.isnan(zc.z)
    first = zc.z[np.arange(len(obs)), obs.argmax(axis=1)]
    with np.errstate(invalid="ignore"):
        return zc.z[:, -1] < first


MODELS: dict[str, type[Model]] = {m.name: m for m in (
    Naive, Drift, LinearTrend, LogLinearTrend, DampedTrend, Theta, Logistic, Gompertz, Auto)}
