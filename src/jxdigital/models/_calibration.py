"""Calibrated forecast-error distributions, learned across many yearly series.

Model-based intervals are far too narrow on short yearly series (docs/methods.md §2.4). So
every model's interval comes from the empirical distribution of its *scaled* errors
``e = (y_{T+h} - ŷ_{T+h}) / s``, where ``s`` is the series' typical yearly change
(``diff_scale``), measured by rolling-origin backtests inside the training parts of the
645 M3 yearly series, separately for each history length (bucket) and horizon. This is
split conformal prediction across series: the quantiles transfer to any series because
the errors are scale-free. ``auto`` has a second table for histories that end below where
they start (``calibration_falling``, learned from the falling windows only, as its weights
for them are): after a fall its errors lean upwards, so quantiles learned from every window
put the outcome too low (BENCHMARKS.md, "Target options").
``tools/learn_models.py`` produces ``learned.json``.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Mapping
from functools import lru_cache
from importlib import resources

import numpy as np

#: History-length buckets (number of observations, inclusive). Histories of 9 or more
#: points share one "long" bucket, learned from windows with their whole past (rolling-origin
#: validation inside the training parts preferred this to length-matched windows).
BUCKETS = ((2, 2), (3, 3), (4, 4), (5, 5), (6, 6), (7, 7), (8, 8), (9, 10_000))
#: Quantile levels stored for each bucket and horizon.
QUANTILE_LEVELS = np.array([0.005, 0.01, 0.025, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4,
                            0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 0.975,
                            0.99, 0.995])
#: Horizons learned; beyond the last one the error quantiles grow in proportion to h.
MAX_LEARNED_H = 8


def bucket_of(n_obs: np.ndarray) -> np.ndarray:
    """Index into ``BUCKETS`` for each number of observations (n >= 2)."""
    n = np.asarray(n_obs)
    lows = np.array([lo for lo, _ in BUCKETS])
    return np.searchsorted(lows, n, side="right") - 1


def bucket_label(i: int) -> str:
    lo, hi = BUCKETS[i]
    return str(lo) if lo == hi else (f"{lo}+" if hi >= 10_000 else f"{lo}-{hi}")


def learned() -> dict:
    """The shipped learned parameters (weights, damping, error quantiles): ``learned.json``.

    Every entry point that uses them (``project``, ``Model.predict``, ``point_paths``)
    takes ``learned=`` to use another table of the same format instead. A fresh copy:
    changing it changes no projection."""
    return copy.deepcopy(_shipped())


def table_or_shipped(table: Mapping | None) -> Mapping:
    """``table`` if given, else the shipped parameters."""
    return _shipped() if table is None else table


@lru_cache(maxsize=1)
def _shipped() -> dict:
    text = resources.files("jxdigital.models").joinpath("learned.json").read_text("utf-8")
    return json.loads(text)


def error_quantiles(key: str, n_obs: np.ndarray, h: np.ndarray,
                    params: Mapping | None = None,
                    falling: np.ndarray | None = None) -> np.ndarray:
    """(n, H, Q) scaled-error quantiles for calibration table ``key`` of the learned
    parameters ``params`` (default: the shipped ones). ``falling``: (n,) whether each
    history ends below where it starts; those rows take the quantiles learned from falling
    histories (``calibration_falling``) where the parameters have them for ``key``."""
    params = table_or_shipped(params)
    table = params["calibration"]
    if key not in table:
        raise KeyError(f"no calibration for model {key!r}; known: {sorted(table)}")
    b = bucket_of(n_obs)
    h = np.asarray(h, dtype=int)
    out = _lookup(table[key], b, h)
    if falling is not None and has_falling_calibration(key, params):
        down = np.asarray(falling, dtype=bool)
        if down.any():
            out[down] = _lookup(params["calibration_falling"][key], b[down], h)
    return out


def has_falling_calibration(key: str, params: Mapping | None = None) -> bool:
    """Whether the learned parameters have error quantiles for falling histories of
    calibration table ``key`` (tables learned before they existed have none)."""
    return key in table_or_shipped(params).get("calibration_falling", {})


def _lookup(table, b: np.ndarray, h: np.ndarray) -> np.ndarray:
    q = np.asarray(table, dtype=float)  # (buckets, MAX_LEARNED_H, Q)
    hh = np.minimum(h, MAX_LEARNED_H)
    grow = np.maximum(h / MAX_LEARNED_H, 1.0)[None, :, None]  # beyond learned: ∝ h
    return q[b[:, None], hh[None, :] - 1] * grow
