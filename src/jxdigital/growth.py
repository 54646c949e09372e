"""Growth arithmetic: pure, vectorised numpy functions.

All rates are fractions (0.14 for 14 %). Inputs broadcast like numpy arrays.
A NaN input gives NaN in that position (a missing number stays missing); an
impossible input (a non-positive base for a compound rate, a non-positive
number of years) raises ``ValueError`` naming the argument.
"""

from __future__ import annotations

import math

import numpy as np
from numpy.typing import ArrayLike

from .errors import ArgumentError

__all__ = [
    "compound",
    "implied_cagr",
    "implied_pp_per_year",
    "pro_rata_path",
    "required_cagr",
]


def _arr(x: ArrayLike) -> np.ndarray:
    return np.asarray(x, dtype=float)


#: Single numbers: the arithmetic is the same, checked without building arrays to check
#: (an assessment asks for a few rates per target, thousands of times).
_SCALARS = (int, float, np.integer, np.floating)


def _within(x: float, ok: bool) -> bool:
    """A number that passes its check: ``ok``, or NaN (a missing number stays missing)."""
    return ok or x != x


def _check(name: str, ok: np.ndarray, expected: str, value: np.ndarray) -> None:
    bad = ~ok & ~np.isnan(value)
    if np.any(bad):
        first = value[bad].flat[0] if value.ndim else value
        raise ArgumentError(f"argument {name!r}: expected {expected}, got {first!r}")


def implied_cagr(base: ArrayLike, target: ArrayLike, years: ArrayLike) -> np.ndarray:
    """Compound annual growth that takes ``base`` to ``target`` in ``years``.

    ``g = (target / base) ** (1 / years) - 1``
    """
    if isinstance(base, _SCALARS) and isinstance(target, _SCALARS) \
            and isinstance(years, _SCALARS):
        fb, ft, fn = float(base), float(target), float(years)
        if _within(fb, fb > 0) and _within(ft, ft >= 0) and _within(fn, fn > 0):
            b, t, n = _arr(fb), _arr(ft), _arr(fn)
            if math.isfinite(fb) and math.isfinite(ft) and math.isfinite(fn):
                # 0 < b, 0 <= t and 0 < n, all finite: nothing invalid, no division by 0
                return (t / b) ** (1.0 / n) - 1.0
            with np.errstate(invalid="ignore", divide="ignore"):
                return (t / b) ** (1.0 / n) - 1.0
    b, t, n = np.broadcast_arrays(_arr(base), _arr(target), _arr(years))
    _check("base", b > 0, "a positive number", b)
    _check("target", t >= 0, "a number >= 0", t)
    _check("years", n > 0, "a positive number of years", n)
    with np.errstate(invalid="ignore", divide="ignore"):
        return (t / b) ** (1.0 / n) - 1.0


def required_cagr(
    value_now: ArrayLike, year_now: ArrayLike, target: ArrayLike, target_year: ArrayLike
) -> np.ndarray:
    """Annual growth needed from the latest value to reach the target.

    ``g = (target / value_now) ** (1 / (target_year - year_now)) - 1``
    """
    if isinstance(year_now, _SCALARS) and isinstance(target_year, _SCALARS):
        f0, f1 = float(year_now), float(target_year)
        if _within(f0, f1 > f0):
            return implied_cagr(value_now, target, _arr(f1) - _arr(f0))
    y0, y1 = np.broadcast_arrays(_arr(year_now), _arr(target_year))
    _check("year_now", y1 > y0, "a year before target_year", y0)
    return implied_cagr(value_now, target, y1 - y0)


def implied_pp_per_year(base: ArrayLike, target: ArrayLike, years: ArrayLike) -> np.ndarray:
    """Linear change per year, for shares targeted in percentage points.

    ``d = (target - base) / years``
    """
    b, t, n = np.broadcast_arrays(_arr(base), _arr(target), _arr(years))
    _check("years", n > 0, "a positive number of years", n)
    return (t - b) / n


def compound(value: ArrayLike, rate: ArrayLike, years: ArrayLike) -> np.ndarray:
    """Value after ``years`` of growth at ``rate``: ``value * (1 + rate) ** years``."""
    if isinstance(value, _SCALARS) and isinstance(rate, _SCALARS) \
            and isinstance(years, _SCALARS):
        fr = float(rate)
        if _within(fr, fr > -1):
            v, r, n = _arr(float(value)), _arr(fr), _arr(float(years))
            return v * (1.0 + r) ** n
    v, r, n = np.broadcast_arrays(_arr(value), _arr(rate), _arr(years))
    _check("rate", r > -1, "a rate above -1 (-100 %)", r)
    return v * (1.0 + r) ** n


def pro_rata_path(
    base: float,
    target: float,
    base_year: int,
    target_year: int,
    years: ArrayLike | None = None,
    kind: str = "compound",
) -> np.ndarray:
    """The value the plan implies for each year between base and target.

    ``kind="compound"`` (level indicators): ``base * (target / base) ** tau``;
    ``kind="linear"`` (percentage-point shares): ``base + (target - base) * tau``,
    where ``tau = (year - base_year) / (target_year - base_year)``. ``years``
    defaults to every year from ``base_year`` to ``target_year``.
    """
    if kind not in ("compound", "linear"):
        raise ArgumentError(f"argument 'kind': expected 'compound' or 'linear', got {kind!r}")
    if not target_year > base_year:
        raise ArgumentError(
            f"argument 'target_year': expected a year after base_year {base_year}, "
            f"got {target_year!r}"
        )
    yrs = np.arange(base_year, target_year + 1) if years is None else _arr(years)
    tau = (yrs - base_year) / (target_year - base_year)
    if kind == "linear":
        return base + (target - base) * tau
    b, t = _arr(base), _arr(target)
    _check("base", b > 0, "a positive number for a compound path", b)
    _check("target", t >= 0, "a number >= 0", t)
    return b * (t / b) ** tau
