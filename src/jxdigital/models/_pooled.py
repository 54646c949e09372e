"""One series known only through several equally likely histories (drawn from its
evidence: bounds, approximate and derived figures): each history projected with the same
calibrated model, the forecasts pooled into one mixture distribution.

P(outcome ≤ x) = mean_k F_k(x) over the K histories, so the pooled intervals hold both the
trend's uncertainty (each F_k) and the history's (the spread of the F_k)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from ._engine import Forecast
from ._spec import ModelSpec

#: Levels at which each history's quantiles are read to invert the pooled distribution.
_FINE = np.linspace(0.0025, 0.9975, 200)


@dataclass
class PooledForecast:
    """The mixture of a component ``Forecast``'s K rows (the histories), as one series."""

    comp: Forecast
    sid: object
    #: (K,) each history's forecast × its factor (a drift still to come); None: all 1
    factors: np.ndarray | None = None

    @property
    def ids(self) -> list:
        return [self.sid]

    @property
    def last_year(self) -> np.ndarray:
        return self.comp.last_year[:1]

    @property
    def n_obs(self) -> np.ndarray:
        return self.comp.n_obs[:1]

    @property
    def point(self) -> np.ndarray:
        """The mean of the histories' point paths (each is the model's point)."""
        return (self.comp.point * self._f[:, None]).mean(axis=0, keepdims=True)

    @property
    def _f(self) -> np.ndarray:
        return np.ones(len(self.comp.ids)) if self.factors is None else self.factors

    @property
    def model(self) -> ModelSpec:
        return self.comp.model

    @property
    def kinds(self) -> list[str]:
        return self.comp.kinds[:1]

    @property
    def drift_share(self) -> np.ndarray:
        return self.comp.drift_share.mean(keepdims=True)

    @property
    def falling(self) -> np.ndarray | None:
        """Whether most histories drawn fall (``Auto`` treats them as falling ones)."""
        f = self.comp.falling
        return None if f is None else np.array([bool(f.mean() > 0.5)])

    @property
    def params(self) -> Mapping:
        return self.comp.params

    def _mixture(self, j: int) -> tuple[np.ndarray, np.ndarray]:
        """(x, F(x)) of the mixture at horizon index ``j``: its cdf evaluated at every
        history's quantiles (computed once per horizon)."""
        cache = self.__dict__.setdefault("_mixtures", {})
        if j not in cache:
            g = self.comp.quantiles_at(_FINE, j) * self._f[:, None]  # (K, F)
            if self.comp.floor is not None:  # a factor below 1 does not undo a floor
                g = np.maximum(g, self.comp.floor[:, None])
            if self.comp.ceiling is not None:  # nor one above 1 a ceiling
                g = np.minimum(g, self.comp.ceiling[:, None])
            x = np.sort(g.ravel())
            f = np.mean([np.interp(x, g[k], _FINE, left=0.0, right=1.0)
                         for k in range(g.shape[0])], axis=0)
            cache[j] = (x, np.maximum.accumulate(f) + np.arange(len(f)) * 1e-12)
        return cache[j]

    def quantiles_at(self, levels: np.ndarray, j: int) -> np.ndarray:
        """(1, len(levels)) quantiles of the mixture at horizon index ``j``, by inverting
        its cdf (``_mixture``) by interpolation."""
        x, f = self._mixture(j)
        return np.interp(np.asarray(levels, dtype=float), f, x)[None, :]

    def quantiles(self, levels: np.ndarray) -> np.ndarray:
        """(1, H, L) quantiles of the mixture at every horizon (``quantiles_at``)."""
        H = self.comp.point.shape[1]
        return np.stack([self.quantiles_at(levels, j) for j in range(H)], axis=1)

    def cdf(self, i: int, j: int, value: float) -> float:
        """P(outcome ≤ value) = mean over the histories."""
        f = self._f
        if self.comp.floor is not None and value < self.comp.floor[0]:
            return 0.0
        if self.comp.ceiling is not None and value >= self.comp.ceiling[0]:
            return 1.0
        return float(np.mean([self.comp.cdf(k, j, value / f[k]) if f[k] > 0 else
                              float(value >= 0) for k in range(len(self.comp.ids))]))
