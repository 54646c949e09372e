"""``project()`` and the ``Projection`` it returns: a tidy forecast table with a
distribution per series and year (the fable idea: points, intervals and ``cdf``)."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from ._calibration import bucket_label, bucket_of
from ._engine import Forecast, Series, forecast
from ._errors import ProjectionInputError
from ._spec import ModelSpec

if TYPE_CHECKING:  # a pooled forecast is passed in; it is made by _project
    from ._pooled import PooledForecast


def _levels(level: Iterable[float]) -> tuple[float, ...]:
    out = tuple(float(v) for v in level)
    for v in out:
        if not 0 < v < 100:
            raise ProjectionInputError(f"argument 'level': expected coverage levels between 0 "
                                       f"and 100 (e.g. (50, 80, 95)), got {v!r}")
    return out


def _year(v: object, sid: object) -> int:
    text = str(v).strip().removesuffix("年")
    try:
        f = float(text)
    except ValueError:
        raise ProjectionInputError(f"series {sid!r}: expected a year such as 2021, got "
                                   f"{v!r}") from None
    if not f.is_integer() or not 1000 <= f <= 3000:
        raise ProjectionInputError(f"series {sid!r}: expected a whole year such as 2021, got "
                                   f"{v!r}")
    return int(f)


def _one_series(sid: object, years: Iterable, values: Iterable,
                bounds: tuple[float, float] | None) -> Series:
    yrs = [_year(y, sid) for y in years]
    vals = []
    for y, v in zip(yrs, values, strict=True):
        try:
            f = float(v)
        except (TypeError, ValueError):
            raise ProjectionInputError(f"series {sid!r}, year {y}: expected a number, got "
                                       f"{v!r}") from None
        if not math.isfinite(f):
            raise ProjectionInputError(
                f"series {sid!r}, year {y}: value is missing ({v!r}); leave a year without "
                "data out rather than filling it (a missing year stays missing)")
        vals.append(f)
    dup = sorted({y for y in yrs if yrs.count(y) > 1})
    if dup:
        raise ProjectionInputError(f"series {sid!r}: year {dup[0]} appears more than once; "
                                   "give one value per year")
    if not yrs:
        raise ProjectionInputError(f"series {sid!r}: no observations")
    order = np.argsort(yrs)
    y_arr, v_arr = np.array(yrs)[order], np.array(vals)[order]
    if bounds is not None:
        lo, hi = float(bounds[0]), float(bounds[1])
        if not lo < hi:
            raise ProjectionInputError(f"argument 'bounds' for series {sid!r}: expected "
                                       f"(lower, upper) with lower < upper, got {bounds!r}")
        out = v_arr[(v_arr < lo) | (v_arr > hi)]
        if len(out):
            raise ProjectionInputError(f"series {sid!r}: value {out[0]:g} is outside the "
                                       f"bounds [{lo:g}, {hi:g}]")
        bounds = (lo, hi)
    return Series(sid, y_arr, v_arr, bounds)


def _bounds_for(bounds, sid: object):
    """The bounds of series ``sid``: ``bounds`` itself, or its entry where it is by id."""
    return bounds.get(sid) if isinstance(bounds, Mapping) else bounds


def as_series(data: pd.Series | pd.DataFrame, bounds=None) -> list[Series]:
    """Validate ``data`` (a Series indexed by year, or a frame ``id, year, value``)."""
    if isinstance(data, pd.Series):
        sid = data.name if data.name is not None else "y"
        return [_one_series(sid, data.index, data.to_numpy(), _bounds_for(bounds, sid))]
    if not isinstance(data, pd.DataFrame):
        raise ProjectionInputError(f"argument 'data': expected a pandas Series indexed by year "
                                   f"or a DataFrame with columns id, year, value, got "
                                   f"{type(data).__name__}")
    missing = [c for c in ("id", "year", "value") if c not in data.columns]
    if missing:
        raise ProjectionInputError(
            f"argument 'data': expected a Series indexed by year or a DataFrame with "
            f"columns id, year, value; missing {', '.join(missing)} (has "
            f"{', '.join(map(str, data.columns))})")
    return _frame_series(data, bounds)


def _frame_series(data: pd.DataFrame, bounds) -> list[Series]:
    """The series of a frame ``id, year, value``, split in one pass (ids in order of
    appearance, years sorted); a bad row is named by the one-series check."""
    years = pd.to_numeric(data["year"], errors="coerce").to_numpy(dtype=float)
    values = pd.to_numeric(data["value"], errors="coerce").to_numpy(dtype=float)
    clean = (np.isfinite(years) & (years == np.round(years)) & (years >= 1000)
             & (years <= 3000) & np.isfinite(values))
    ids = data["id"].to_numpy()
    if not clean.all():  # the slow path finds and names the first bad row
        bad = ids[~clean][0]
        g = data[ids == bad]
        _one_series(bad, g["year"], g["value"], _bounds_for(bounds, bad))
    order = np.lexsort((years, pd.factorize(ids, sort=False)[0]))
    codes, uniques = pd.factorize(ids[order], sort=False)
    starts = np.r_[0, np.flatnonzero(np.diff(codes)) + 1, len(codes)]
    yrs, vals = years[order].astype(int), values[order]
    out = []
    for k, sid in enumerate(uniques):
        y, v = yrs[starts[k]:starts[k + 1]], vals[starts[k]:starts[k + 1]]
        b = _bounds_for(bounds, sid)
        if np.any(np.diff(y) == 0) or b is not None:
            out.append(_one_series(sid, y, v, b))  # names the duplicate / checks bounds
        else:
            out.append(Series(sid, y, v, None))
    return out


def _horizons(series: list[Series], to: int | None, h: int | None) -> list[int]:
    if (to is None) == (h is None):
        raise ProjectionInputError("give exactly one of 'to' (a target year) or 'h' (years "
                                   "after each series' last year)")
    if h is not None:
        if not isinstance(h, (int, np.integer)) or h < 1:
            raise ProjectionInputError(f"argument 'h': expected a whole number of years >= 1, "
                                       f"got {h!r}")
        return [int(h)] * len(series)
    assert to is not None  # exactly one of them was given
    out = []
    for s in series:
        if not int(to) > s.years[-1]:
            raise ProjectionInputError(f"argument 'to': target year {to} is not after the last "
                                       f"actual of series {s.id!r} ({s.years[-1]})")
        out.append(int(to) - int(s.years[-1]))
    return out


class Projection:
    """Projected distributions per series and year.

    ``to_frame()``: tidy ``id, year, h, point, lo_50, hi_50, lo_80, hi_80, lo_95, hi_95,
    model, n_obs, last_year``; ``cdf(value, year)``: P(outcome ≤ value);
    ``quantile(q, year)``; ``models``: the models and weights used.
    """

    def __init__(self, fc: Forecast | PooledForecast, horizons: list[int],
                 level: tuple[float, ...]):
        self._fc, self._h, self.level = fc, horizons, level
        self._index = {sid: i for i, sid in enumerate(fc.ids)}
        self._table: pd.DataFrame | None = None  # built when first asked for

    @property
    def _frame(self) -> pd.DataFrame:
        """The tidy table (built once, on first use: a judgement often needs only a few
        numbers of it)."""
        if self._table is None:
            self._table = self._build_frame()
        return self._table

    def _build_frame(self) -> pd.DataFrame:
        fc, level = self._fc, self.level
        probs = sorted({p for lv in level for p in (0.5 - lv / 200, 0.5 + lv / 200)})
        q = fc.quantiles(np.array(probs))
        hs = np.asarray(self._h)
        row_i = np.repeat(np.arange(len(fc.ids)), hs)
        row_j = np.concatenate([np.arange(h) for h in hs])
        ids = np.empty(len(fc.ids), dtype=object)
        ids[:] = fc.ids
        cols = {"id": ids[row_i], "year": fc.last_year[row_i] + row_j + 1, "h": row_j + 1,
                "point": fc.point[row_i, row_j]}
        for lv in level:
            tag = f"{lv:g}"
            cols[f"lo_{tag}"] = q[row_i, row_j, probs.index(0.5 - lv / 200)]
            cols[f"hi_{tag}"] = q[row_i, row_j, probs.index(0.5 + lv / 200)]
        cols.update(model=fc.model.name, n_obs=fc.n_obs[row_i], last_year=fc.last_year[row_i])
        return pd.DataFrame(cols)

    @property
    def model_name(self) -> str:
        """The model's name (``auto``, ``drift``, …)."""
        return str(self._fc.model.name)

    @property
    def ids(self) -> list:
        return list(self._fc.ids)

    def to_frame(self) -> pd.DataFrame:
        return self._frame.copy()

    def _locate(self, year: int, id: object | None) -> tuple[int, int]:
        if id is None:
            if len(self._fc.ids) != 1:
                raise ProjectionInputError(f"argument 'id': this projection has "
                                           f"{len(self._fc.ids)} series; say which")
            id = self._fc.ids[0]
        if id not in self._index:
            raise ProjectionInputError(f"argument 'id': no series {id!r}; have {self.ids}")
        i = self._index[id]
        j = int(year) - int(self._fc.last_year[i]) - 1
        if not 0 <= j < self._h[i]:
            raise ProjectionInputError(
                f"argument 'year': series {id!r} is projected for "
                f"{self._fc.last_year[i] + 1}..{self._fc.last_year[i] + self._h[i]}, "
                f"not {year}")
        return i, j

    def cdf(self, value: float, year: int, id: object | None = None) -> float:
        """P(outcome in ``year`` ≤ ``value``), from the calibrated error distribution
        (reported within [0.005, 0.995]: the learned quantiles end there)."""
        i, j = self._locate(year, id)
        return self._fc.cdf(i, j, float(value))

    def quantile(self, q: float, year: int, id: object | None = None) -> float:
        return float(self.quantiles([q], year, id)[0])

    def quantiles(self, qs, year: int, id: object | None = None) -> np.ndarray:
        """Quantiles ``qs`` (probabilities in (0, 1)) of the outcome in ``year``."""
        qs = np.asarray(qs, dtype=float)
        if not np.all((qs > 0) & (qs < 1)):
            raise ProjectionInputError(f"argument 'q': expected probabilities in (0, 1), "
                                       f"got {qs.tolist()!r}")
        i, j = self._locate(year, id)
        return self._fc.quantiles_at(qs, j)[i]

    def point(self, year: int, id: object | None = None) -> float:
        i, j = self._locate(year, id)
        return float(self._fc.point[i, j])

    @property
    def models(self) -> pd.DataFrame:
        """``id, model, component, weight, bucket``: what produced each series' projection."""
        rows = []
        fc = self._fc
        for i, sid in enumerate(fc.ids):
            b = int(bucket_of(np.array([fc.n_obs[i]]))[0])
            falling = fc.falling is not None and bool(fc.falling[i])
            for comp, weight in fc.model.weights(fc.kinds[i] == "positive", int(fc.n_obs[i]),
                                                 float(fc.drift_share[i]), fc.params,
                                                 falling).items():
                rows.append({"id": sid, "model": fc.model.name, "component": comp,
                             "weight": float(weight), "bucket": bucket_label(b)})
        return pd.DataFrame(rows)

    def __repr__(self) -> str:
        return (f"Projection({len(self._fc.ids)} series, model {self._fc.model.name!r}, "
                f"levels {self.level})\n{self._frame.to_string(max_rows=20)}")

    def _repr_html_(self) -> str:
        return (f"<p>Projection · {len(self._fc.ids)} series · model "
                f"<code>{self._fc.model.name}</code></p>" + self._frame._repr_html_())


def check_points(model: ModelSpec, series: list[Series]) -> list[Series]:
    for s in series:
        if len(s.years) < model.min_points:
            raise ProjectionInputError(
                f"series {s.id!r} has {len(s.years)} observation(s); {type(model).__name__} "
                f"needs at least {model.min_points}")
    return series


def _floors(series: list[Series], floor) -> np.ndarray | None:
    """Per series, the value its outcomes are known to reach (``floor``: a number for one
    series, or {id: number}); None when no floor is given."""
    if floor is None:
        return None
    if isinstance(floor, Mapping):
        return np.array([float(floor.get(s.id, -np.inf)) for s in series])
    if len(series) != 1:
        raise ProjectionInputError("argument 'floor': give {id: value} for several series")
    return np.array([float(floor)])


def projection_of(model: ModelSpec, series: list[Series], to, h, level,
                  learned: Mapping | None = None, floor=None) -> Projection:
    lv = _levels(level)
    hs = _horizons(series, to, h)
    fc = forecast(model, series, max(hs), learned)
    floors = _floors(series, floor)
    return Projection(fc if floors is None else fc.with_floor(floors), hs, lv)
