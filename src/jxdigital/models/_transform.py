"""The scale a series is modelled on: levels, logs, or a logit for bounded shares.

Back-transforms map everything (points and quantiles) to the original units, so a
bounded share's interval stays inside its bounds and a log-modelled series stays
positive.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

#: Offset of the empirical logit, as a fraction of the bounded range: a share of
#: exactly 0 or 100 has a finite logit (0.5 points for a [0, 100] share).
LOGIT_OFFSET = 0.005


@dataclass(frozen=True)
class Transform:
    """``kind``: 'level', 'log', 'logit' (bounded) or 'cloglog' (bounded, Gompertz)."""

    kind: str = "level"
    lower: float = 0.0
    upper: float = 100.0

    @property
    def bounded(self) -> bool:
        return self.kind in ("logit", "cloglog")

    def forward(self, y: np.ndarray) -> np.ndarray:
        y = np.asarray(y, dtype=float)
        with np.errstate(divide="ignore", invalid="ignore"):
            if self.kind == "level":
                return y
            if self.kind == "log":
                return np.log(y)
            c = LOGIT_OFFSET * (self.upper - self.lower)
            u = (y - self.lower + c) / (self.upper - self.lower + 2 * c)
            if self.kind == "logit":
                return np.log(u / (1.0 - u))
            return np.log(-np.log(u))  # cloglog: Gompertz curves are lines here

    def inverse(self, z: np.ndarray) -> np.ndarray:
        z = np.asarray(z, dtype=float)
        with np.errstate(over="ignore", invalid="ignore"):
            if self.kind == "level":
                return z
            if self.kind == "log":
                return np.exp(z)
            c = LOGIT_OFFSET * (self.upper - self.lower)
            u = 1.0 / (1.0 + np.exp(-z)) if self.kind == "logit" else np.exp(-np.exp(z))
            y = self.lower - c + u * (self.upper - self.lower + 2 * c)
            return np.clip(y, self.lower, self.upper)

    @property
    def increasing(self) -> bool:
        """Whether larger z means larger y (cloglog runs the other way)."""
        return self.kind != "cloglog"
