"""``project()``: a model chosen by name (or given) applied to yearly series."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import pandas as pd

from ._errors import ProjectionInputError
from ._models import MODELS, Model
from ._projection import Projection, as_series, check_points, projection_of


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
