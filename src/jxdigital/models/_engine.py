"""Fit a model to many series at once and attach calibrated error distributions."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

import numpy as np

from ._calibration import QUANTILE_LEVELS, error_quantiles, table_or_shipped
from ._components import component_path
from ._errors import ProjectionInputError
from ._panel import diff_scale, make_panel
from ._spec import ModelSpec
from ._transform import Transform

#: Smallest interval scale, so a flat history never gives a zero-width interval:
#: 1 % of the last level on the level scale, 0.05 on a logit scale.
SCALE_FLOOR_REL = 0.01
SCALE_FLOOR_BOUNDED = 0.05


@dataclass
class Series:
    """One validated series: sorted unique integer years, finite values, optional bounds."""

    id: object
    years: np.ndarray
    values: np.ndarray
    bounds: tuple[float, float] | None = None


@dataclass
class Forecast:
    """Arrays for series ``ids`` over horizons 1..H (rows in ``ids`` order).

    ``point_c``/``scale``/``eq`` live on each series' calibration scale (``transform``):
    outcome ``y`` has scaled error ``(T(y) - point_c) / scale`` distributed with
    quantiles ``eq`` at ``QUANTILE_LEVELS``.
    """

    ids: list
    last_year: np.ndarray
    n_obs: np.ndarray
    point: np.ndarray  # (n, H) original units
    point_c: np.ndarray  # (n, H)
    scale: np.ndarray  # (n,)
    eq: np.ndarray  # (n, H, Q)
    transforms: list[Transform]
    nonneg: np.ndarray  # (n,) clip at zero (unbounded series that never went below 0)
    kinds: list[str]  # 'positive', 'level' or 'bounded': which weights/calibration applied
    model: ModelSpec
    drift_share: np.ndarray  # (n,) Auto's backtest weight on drift (0 for other models)
    params: Mapping  # the learned parameters used (weights, damping, error quantiles)
    #: (n,) which histories Auto treats as falling (last value below the first): combined
    #: with its weights, and given its error quantiles, for falling histories where the
    #: learned parameters have them
    falling: np.ndarray | None = None
    #: (n,) a value each outcome is known to reach (a count that does not fall: its last
    #: known level); the mass below is censored onto it. -inf: none.
    floor: np.ndarray | None = None
    #: (n,) a value no outcome can exceed (a count of people: the population); the mass
    #: above is censored onto it. +inf: none.
    ceiling: np.ndarray | None = None

    def take(self, rows, ids: list) -> Forecast:
        """The forecast of ``rows`` only (positions), renamed ``ids``."""
        rows = np.asarray(rows, dtype=int)
        return replace(
            self, ids=list(ids), last_year=self.last_year[rows], n_obs=self.n_obs[rows],
            point=self.point[rows], point_c=self.point_c[rows], scale=self.scale[rows],
            eq=self.eq[rows], transforms=[self.transforms[i] for i in rows],
            nonneg=self.nonneg[rows], kinds=[self.kinds[i] for i in rows],
            drift_share=self.drift_share[rows],
            falling=None if self.falling is None else self.falling[rows],
            floor=None if self.floor is None else self.floor[rows],
            ceiling=None if self.ceiling is None else self.ceiling[rows])

    def with_floor(self, floor: np.ndarray) -> Forecast:
        """The same forecast censored at ``floor`` (per series): P(outcome < floor) = 0,
        the point and every quantile at least the floor."""
        point = np.maximum(self.point, floor[:, None])
        return replace(self, floor=np.asarray(floor, dtype=float), point=point)

    def with_ceiling(self, ceiling: np.ndarray) -> Forecast:
        """The same forecast censored at ``ceiling`` (per series): P(outcome > ceiling) = 0,
        the point and every quantile at most the ceiling."""
        ceiling = np.asarray(ceiling, dtype=float)
        return replace(self, ceiling=ceiling, point=np.minimum(self.point, ceiling[:, None]))

    def quantiles(self, levels: np.ndarray) -> np.ndarray:
        """(n, H, len(levels)) quantiles in original units."""
        return self._quantiles(levels, self.point_c, self.eq)

    def _quantiles(self, levels: np.ndarray, point_c: np.ndarray, eq_all: np.ndarray
                   ) -> np.ndarray:
        """``quantiles`` of the horizons in ``point_c`` (n, H') and ``eq_all`` (n, H', Q)."""
        levels = np.asarray(levels, dtype=float)
        pos = np.interp(levels, QUANTILE_LEVELS, np.arange(len(QUANTILE_LEVELS)))
        lo = np.minimum(np.floor(pos).astype(int), len(QUANTILE_LEVELS) - 2)
        frac = pos - lo
        eq = eq_all[..., lo] * (1 - frac) + eq_all[..., lo + 1] * frac  # (n, H, L)
        zq = point_c[:, :, None] + self.scale[:, None, None] * eq
        q = np.empty_like(zq)
        kinds: dict = {}
        for i, tr in enumerate(self.transforms):
            kinds.setdefault(tr, []).append(i)
        for tr, rows in kinds.items():
            y = tr.inverse(zq[rows])
            q[rows] = y if tr.increasing else y[..., ::-1]  # a decreasing transform swaps tails
        q = np.where(self.nonneg[:, None, None], np.maximum(q, 0.0), q)
        q = q if self.floor is None else np.maximum(q, self.floor[:, None, None])
        return q if self.ceiling is None else np.minimum(q, self.ceiling[:, None, None])

    def quantiles_at(self, levels: np.ndarray, j: int) -> np.ndarray:
        """(n, len(levels)) quantiles at horizon index ``j`` only (the same arithmetic on
        that horizon's slices, without copying the forecast)."""
        return self._quantiles(levels, self.point_c[:, j:j + 1], self.eq[:, j:j + 1])[:, 0]

    def cdf(self, i: int, j: int, value: float) -> float:
        """P(outcome ≤ value) for series i, horizon index j."""
        tr = self.transforms[i]
        if self.nonneg[i] and value < 0:
            return 0.0
        if self.floor is not None and value < self.floor[i]:
            return 0.0
        if self.ceiling is not None and value >= self.ceiling[i]:
            return 1.0
        if tr.bounded:
            if value < tr.lower:
                return 0.0
            if value >= tr.upper:
                return 1.0
        z = float(tr.forward(np.array([value]))[0])
        e = (z - self.point_c[i, j]) / self.scale[i]
        eq = self.eq[i, j] + np.arange(len(QUANTILE_LEVELS)) * 1e-12  # strictly increasing
        p = float(np.interp(e, eq, QUANTILE_LEVELS))
        return p if tr.increasing else 1.0 - p


def _group(s: Series, model: ModelSpec) -> tuple[str, Transform]:
    if s.bounds is not None:
        lo, hi = s.bounds
        return "bounded", Transform(model.bounded_kind, lo, hi)
    if model.support == "bounded":
        raise ProjectionInputError(f"series {s.id!r}: {type(model).__name__} needs bounds, e.g. "
                         "bounds=(0, 100) for a share")
    if np.all(s.values > 0):
        return "positive", Transform("level")
    if model.support == "unbounded":
        raise ProjectionInputError(f"series {s.id!r}: {type(model).__name__} needs positive values "
                         f"(got {s.values.min():g}); use LinearTrend")
    return "level", Transform("level")


@dataclass
class Fitted:
    """Point paths and interval scales, before the error quantiles are attached.

    ``point``: (n, H) in original units; ``point_c``: (n, H) on each series' calibration
    scale; ``scale``: (n,) the interval scale (typical yearly change); ``drift_share``:
    (n,) ``Auto``'s backtest weight on drift (0 for other models)."""

    point: np.ndarray
    point_c: np.ndarray
    scale: np.ndarray
    n_obs: np.ndarray
    transforms: list[Transform]
    kinds: list[str]
    nonneg: np.ndarray
    last_year: np.ndarray
    drift_share: np.ndarray
    falling: np.ndarray | None = None


def fit_points(model: ModelSpec, series: list[Series], h_max: int,
               force_level: bool = False, params: Mapping | None = None) -> Fitted:
    """Each series' point path (1..h_max) and interval scale, grouped by how it is modelled.

    ``force_level`` treats positive series as plain levels (used to learn the 'level'
    weights and calibration from positive benchmark series). ``params``: the learned
    parameters (default: shipped).
    """
    params = table_or_shipped(params)
    n, hh = len(series), np.arange(1, h_max + 1)
    point, point_c = np.empty((n, h_max)), np.empty((n, h_max))
    scale, n_obs = np.empty(n), np.empty(n, dtype=int)
    drift_share = np.zeros(n)
    falling = np.zeros(n, dtype=bool)
    transforms: list[Transform] = [Transform()] * n
    kinds = [""] * n
    groups: dict[tuple, list[int]] = {}
    for i, s in enumerate(series):
        kind, tr = _group(s, model)
        if force_level and kind == "positive":
            kind = "level"
        transforms[i], kinds[i] = tr, kind
        groups.setdefault((kind, tr), []).append(i)
    for (kind, tr), rows in groups.items():
        zc = make_panel([series[i].years for i in rows],
                        [tr.forward(series[i].values) for i in rows])
        zlog = zc.map(np.log) if kind == "positive" else None
        res = model.point(zc, zlog, hh, params)
        pc = res.path
        drift_share[rows] = res.drift_share
        if res.falling is not None:
            falling[rows] = res.falling
        if kind == "bounded":
            floor = np.full(len(rows), SCALE_FLOOR_BOUNDED)
        else:
            floor = SCALE_FLOOR_REL * np.abs(zc.z[:, -1])
        point_c[rows] = pc
        scale[rows] = np.fmax(diff_scale(zc), np.maximum(floor, 1e-12))
        n_obs[rows] = zc.n_obs
        point[rows] = tr.inverse(pc)
    nonneg = np.array([s.bounds is None and bool(np.all(s.values >= 0)) for s in series])
    point = np.where(nonneg[:, None], np.maximum(point, 0.0), point)
    last = np.array([int(s.years[-1]) for s in series])
    return Fitted(point, point_c, scale, n_obs, transforms, kinds, nonneg, last, drift_share,
                  falling)


def forecast(model: ModelSpec, series: list[Series], h_max: int,
             params: Mapping | None = None) -> Forecast:
    """Point paths and calibrated error quantiles for horizons 1..h_max."""
    params = table_or_shipped(params)
    f = fit_points(model, series, h_max, params=params)
    hh = np.arange(1, h_max + 1)
    eq = np.empty((len(series), h_max, len(QUANTILE_LEVELS)))
    for kind in set(f.kinds):
        rows = np.array([k == kind for k in f.kinds])
        falling = f.falling[rows] if f.falling is not None else None
        eq[rows] = error_quantiles(model.calibration_key(kind == "positive"), f.n_obs[rows], hh,
                                   params, falling=falling)
    return Forecast([s.id for s in series], f.last_year, f.n_obs, f.point, f.point_c,
                    f.scale, eq, f.transforms, f.nonneg, f.kinds, model, f.drift_share, params,
                    falling=f.falling)


def _histories(histories: Sequence) -> list[Series]:
    return [Series(i, np.arange(len(v)), np.asarray(v, dtype=float))
            for i, v in enumerate(histories)]


def point_paths(model: ModelSpec, histories: Sequence, h: int, *, as_levels: bool = False,
                learned: Mapping | None = None) -> Fitted:
    """Point paths for horizons 1..h and interval scales of many histories, each a 1-D
    array of consecutive yearly values: what backtests and ``tools/learn_models.py``
    score (``Fitted``: ``point``, ``point_c``, ``scale``, ``drift_share``, ...).

    No input checks beyond the model's own. ``as_levels`` models positive series as plain
    levels (for the 'level' weights and calibration); ``learned``: parameters in
    ``learned.json``'s format (default: the shipped ones).
    """
    return fit_points(model, _histories(histories), int(h), force_level=as_levels,
                      params=learned)


def component_paths(names: Sequence[str], histories: Sequence, h: np.ndarray) -> np.ndarray:
    """(n, H, K) paths of the ``Auto`` components ``names`` (e.g. ``'level:drift'``,
    ``'log:theta'``; the functions are ``COMPONENT_NAMES``) for histories of consecutive
    yearly values, at horizons ``h``. ``'log:'`` components need positive histories."""
    series = _histories(histories)
    zc = make_panel([s.years for s in series], [s.values for s in series])
    zlog = zc.map(np.log)
    memo: dict = {}
    return np.stack([component_path(name, zc, zlog, np.asarray(h), memo) for name in names],
                    axis=2)
