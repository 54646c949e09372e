"""Point paths of the simple forecasters, vectorised over a Panel.

Each function maps a Panel (on the modelling scale: levels, logs or logits) and the
horizons ``h`` (years after each series' last year, shape (H,)) to an (n, H) array on
the same scale. ``Auto`` combines them with weights learned across many series.
``memo``: optional dict made by the caller for one panel, so work shared by several
components of a combination (the SES fit) is done once; nothing is kept between calls.
"""

from __future__ import annotations

import numpy as np

from ._panel import Panel, damped_sum, drift, last_slope, ols, ses

#: Damping of the trend components (per year ahead). Fixed, not fitted per series:
#: with 3-8 points a fitted damping factor is noise; how much to trust a trend is what
#: the cross-series weights learn.
PHI_TREND = 0.8
PHI_LAST = 0.6


def _h(h: np.ndarray) -> np.ndarray:
    return np.asarray(h, dtype=float)[None, :]


def naive(p: Panel, h: np.ndarray, memo: dict | None = None) -> np.ndarray:
    """``z_T``: the last value."""
    return np.repeat(p.z[:, -1:], len(h), axis=1)


def drift_path(p: Panel, h: np.ndarray, memo: dict | None = None) -> np.ndarray:
    """``z_T + h · (z_T - z_1) / (t_T - t_1)``: random walk with drift."""
    return p.z[:, -1:] + drift(p)[:, None] * _h(h)


def damped_drift(p: Panel, h: np.ndarray, memo: dict | None = None) -> np.ndarray:
    """``z_T + drift · Σ φ^j``, φ = 0.8."""
    return p.z[:, -1:] + drift(p)[:, None] * damped_sum(PHI_TREND, h)[None, :]


def ols_from_last(p: Panel, h: np.ndarray, memo: dict | None = None) -> np.ndarray:
    """``z_T + h · b_OLS``: the fitted line's slope, started from the last value."""
    b, _ = ols(p)
    return p.z[:, -1:] + b[:, None] * _h(h)


def damped_ols(p: Panel, h: np.ndarray, memo: dict | None = None) -> np.ndarray:
    """``z_T + b_OLS · Σ φ^j``, φ = 0.8."""
    b, _ = ols(p)
    return p.z[:, -1:] + b[:, None] * damped_sum(PHI_TREND, h)[None, :]


def damped_last(p: Panel, h: np.ndarray, memo: dict | None = None) -> np.ndarray:
    """``z_T + (z_T - z_{T-1}) · Σ φ^j``, φ = 0.6: the latest change, quickly damped."""
    return p.z[:, -1:] + last_slope(p)[:, None] * damped_sum(PHI_LAST, h)[None, :]


def theta(p: Panel, h: np.ndarray, memo: dict | None = None) -> np.ndarray:
    """Theta method (Hyndman & Billah 2003 form): SES level plus half the OLS slope,
    ``ℓ_T + b/2 · ((1 - (1-α)^n) / α + h - 1)``."""
    b, _ = ols(p)
    a, level = ses(p, memo)
    n = p.n_obs
    lead = (1.0 - (1.0 - a) ** n) / a - 1.0
    return level[:, None] + (b / 2.0)[:, None] * (lead[:, None] + _h(h))


def ses_drift(p: Panel, h: np.ndarray, memo: dict | None = None) -> np.ndarray:
    """SES level plus the drift: ``ℓ_T + h · drift``."""
    _, level = ses(p, memo)
    return level[:, None] + drift(p)[:, None] * _h(h)


COMPONENTS = {
    "naive": naive,
    "drift": drift_path,
    "damped_drift": damped_drift,
    "ols": ols_from_last,
    "damped_ols": damped_ols,
    "damped_last": damped_last,
    "theta": theta,
    "ses_drift": ses_drift,
}


def component_path(comp: str, zc: Panel, zlog: Panel | None, h: np.ndarray,
                   memo: dict | None = None) -> np.ndarray:
    """A component ``'level:drift'`` or ``'log:theta'`` of the combination, on zc's scale.

    ``memo``: a dict the caller makes for one (zc, zlog) pair, to share work between
    components (see ``_components``)."""
    space, fn = comp.split(":")
    sub = None if memo is None else memo.setdefault(space, {})
    if space == "log":
        if zlog is None:
            raise ValueError(f"component {comp!r} needs the panel of logs (zlog)")
        with np.errstate(over="ignore"):
            return np.exp(COMPONENTS[fn](zlog, h, sub))
    return COMPONENTS[fn](zc, h, sub)
