"""``project()``: a model chosen by name (or given) applied to yearly series."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import numpy as np
import pandas as pd

from ._engine import Series, forecast
from ._errors import ProjectionInputError
from ._models import MODELS, Model
from ._pooled import PooledForecast
from ._projection import (
    Projection,
    _floors,
    _horizons,
    _levels,
    as_series,
    check_points,
    projection_of,
)


def _model(method: str | Model) -> Model:
    if isinstance(method, Model):
        return method
    if method not in MODELS:
        raise ProjectionInputError(f"argument 'method': expected one of {', '.join(MODELS)} "
                                   f"or a model instance, got {method!r}")
    return MODELS[method]()


def project(data: pd.Series | pd.DataFrame, to: int | None = None, h: int | None = None,
            method: str | Model = "auto", level: Iterable[float] = (50, 80, 95),
            bounds: tuple[float, float] | Mapping | None = None,
            learned: Mapping | None = None, floor: float | Mapping | None = None
            ) -> Projection:
    """Project yearly series to a target year with calibrated intervals.

    ``data``: a Series indexed by year, or a frame with columns ``id, year, value``
    (many series at once). Give ``to`` (a target year) or ``h`` (years after each
    series' own last year). ``bounds=(0, 100)`` (or ``{id: (lo, hi)}``) keeps shares and
    their intervals inside the range. ``method``: 'auto' or a model name or instance.
    ``learned``: the learned parameters (combination weights, damping, error quantiles) in
    ``learned.json``'s format; default: the shipped ones (``learned()``). ``floor``: a value
    the outcome is known to reach (a count that does not fall: its last known level), or
    {id: value}; the projection and its intervals never go below it (the probability below
    is moved onto it).
    """
    model = _model(method)
    return projection_of(model, check_points(model, as_series(data, bounds)), to, h, level,
                         learned, floor)


def project_each(data: pd.DataFrame, to: int, method: str | Model = "auto",
                 level: Iterable[float] = (50, 80, 95),
                 bounds: tuple[float, float] | Mapping | None = None,
                 learned: Mapping | None = None, floor: Mapping | None = None,
                 names: Mapping | None = None,
                 ceiling: Mapping | None = None) -> dict[object, Projection]:
    """``project(data, to=…)`` of many series (``id, year, value``), returned as one
    ``Projection`` per series, each the same as projecting that series alone, for the
    cost of one call. ``names``: {id: the id its Projection reports} (default: its id);
    ``ceiling``: {id: a value the outcome cannot exceed} (a count of people: the
    population), onto which the mass above is censored."""
    model = _model(method)
    series = check_points(model, as_series(data, bounds))
    lv = _levels(level)
    hs = _horizons(series, to, None)
    fc = forecast(model, series, max(hs, default=1), learned)
    floors = _floors(series, floor)
    if floors is not None:
        fc = fc.with_floor(floors)
    if ceiling:
        fc = fc.with_ceiling(np.array([float(ceiling.get(s.id, np.inf)) for s in series]))
    names = names or {}
    return {s.id: Projection(fc.take([i], [names.get(s.id, s.id)]), [hs[i]], lv)
            for i, s in enumerate(series)}


def _draws(histories: pd.DataFrame) -> tuple[pd.DataFrame, dict[object, object]]:
    """(the histories as series ``id, year, value``, each (id, draw) one series numbered in
    order of appearance; number → the id it is a draw of)."""
    missing = [c for c in ("id", "draw", "year", "value") if c not in histories.columns]
    if missing:
        raise ProjectionInputError(f"argument 'histories': expected columns id, draw, year, "
                                   f"value; missing {', '.join(missing)}")
    pairs = list(zip(histories["id"], histories["draw"], strict=True))
    number = {k: i for i, k in enumerate(dict.fromkeys(pairs))}
    owner: dict[object, object] = {i: k[0] for k, i in number.items()}
    frame = pd.DataFrame({"id": [number[k] for k in pairs],
                          "year": histories["year"].to_numpy(),
                          "value": histories["value"].to_numpy()})
    return frame, owner


def _rows_by_id(series: list[Series], owner: Mapping) -> dict[object, list[int]]:
    """The positions of each id's draws among ``series``; every draw of an id must cover
    the same years."""
    rows: dict[object, list[int]] = {}
    for i, s in enumerate(series):
        rows.setdefault(owner[s.id], []).append(i)
    for sid, r in rows.items():
        if len({tuple(series[i].years) for i in r}) != 1:
            which = "" if len(rows) == 1 else f" of {sid!r}"
            raise ProjectionInputError(f"argument 'histories': every draw{which} must "
                                       "cover the same years")
    return rows


def _draw_factors(factors: Mapping, sid: object, draws: int, several: bool
                  ) -> np.ndarray | None:
    """The factor each draw of ``sid`` is multiplied by (None: none), one positive number
    a draw."""
    f = factors.get(sid)
    f = None if f is None else np.asarray(f, dtype=float)
    if f is not None and (len(f) != draws or not np.all(np.isfinite(f) & (f > 0))):
        which = f" for {sid!r}" if several else ""
        raise ProjectionInputError(f"argument 'factors'{which}: expected {draws} "
                                   "positive numbers, one per draw")
    return f


def project_pooled_each(histories: pd.DataFrame, to: int, method: str | Model = "auto",
                        level: Iterable[float] = (50, 80, 95),
                        bounds: tuple[float, float] | Mapping | None = None,
                        learned: Mapping | None = None, floor: Mapping | None = None,
                        factors: Mapping | None = None,
                        names: Mapping | None = None,
                        ceiling: Mapping | None = None) -> dict[object, Projection]:
    """``project_pooled`` of many series at once: ``histories`` has columns ``id, draw,
    year, value`` (each id's draws cover the same years); ``bounds``, ``floor``,
    ``factors`` and ``names`` by id. One pooled ``Projection`` per id."""
    frame, owner = _draws(histories)
    if isinstance(bounds, Mapping):
        bounds = {i: bounds.get(sid) for i, sid in owner.items()}
    model = _model(method)
    series = check_points(model, as_series(frame, bounds))
    rows = _rows_by_id(series, owner)
    lv = _levels(level)
    hs = _horizons(series, to, None)
    fc = forecast(model, series, max(hs, default=1), learned)
    if floor is not None:
        fc = fc.with_floor(np.array([float(floor.get(owner[s.id], -np.inf))
                                     for s in series]))
    if ceiling:
        fc = fc.with_ceiling(np.array([float(ceiling.get(owner[s.id], np.inf))
                                       for s in series]))
    out = {}
    names, factors = names or {}, factors or {}
    for sid, r in rows.items():
        f = _draw_factors(factors, sid, len(r), len(rows) > 1)
        comp = fc.take(r, [series[i].id for i in r])
        out[sid] = Projection(PooledForecast(comp, names.get(sid, sid), f), [hs[r[0]]], lv)
    return out


def project_pooled(histories: pd.DataFrame, to: int, method: str | Model = "auto",
                   level: Iterable[float] = (50, 80, 95),
                   bounds: tuple[float, float] | None = None, learned: Mapping | None = None,
                   floor: float | None = None, id: object = "y",
                   factors: Iterable[float] | None = None) -> Projection:
    """Project one series given as equally likely histories (``histories``: columns
    ``draw, year, value``, every draw with the same years) to year ``to``, pooling the
    forecasts: a ``Projection`` of the single series ``id`` whose ``cdf`` is the mean of
    the histories' and whose intervals come from that mixture. ``factors``: one per draw
    (in draw order), a factor its forecast is multiplied by (a drift still to come, such as
    a scope ratio's). Same ``method``, ``bounds``, ``learned`` and ``floor`` as
    ``project``."""
    missing = [c for c in ("draw", "year", "value") if c not in histories.columns]
    if missing:
        raise ProjectionInputError(f"argument 'histories': expected columns draw, year, value; "
                                   f"missing {', '.join(missing)}")
    made = project_pooled_each(histories.assign(id=0), to=to, method=method, level=level,
                               bounds=bounds, learned=learned,
                               floor=None if floor is None else {0: float(floor)},
                               factors=None if factors is None else {0: list(factors)},
                               names={0: id})
    return made[0]
