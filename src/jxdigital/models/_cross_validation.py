"""Backtesting in the style of statsforecast's ``cross_validation``: each series cut at
several origins, every method projected from what was known there, beside what came."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

import pandas as pd

from ._errors import ProjectionInputError
from ._models import Model
from ._project import project

CV_COLUMNS = ["id", "cutoff", "year", "h", "actual", "method", "point", "lo_80", "hi_80",
              "lo_95", "hi_95", "n_obs"]


def cross_validation(data: pd.DataFrame, h: int = 5, n_windows: int = 3, step_size: int = 1,
                     methods: Sequence[str | Model] = ("auto",), min_points: int = 2,
                     keep_last: int | None = None, learned: Mapping | None = None,
                     level: Iterable[float] = (80, 95)) -> pd.DataFrame:
    """Tidy backtests: for each series of ``data`` (columns ``id, year, value``) and each of
    ``n_windows`` cut-offs ``step_size`` years apart, ending ``h`` years before its last
    year, each of ``methods`` projects from the figures up to the cut-off (their last
    ``keep_last`` only, where given: short histories, as planners have) to the next ``h``
    years. One row per id, cut-off, year and method, with the ``actual`` value, the ``point``
    and the intervals of ``level`` (80 / 95 %); a window with fewer than ``min_points``
    figures is left out. ``learned``: the learned parameters the methods use, as ``project``
    takes them (default: the shipped ones).

    ``h = 5, n_windows = 3``: the last three five-year plans' worth of origins.
    """
    _check(data, h, n_windows, step_size)
    frames = []
    d = data.sort_values(["id", "year"])
    last = d.groupby("id")["year"].max()
    for k in range(n_windows):
        # years between the cut-off and the series' last year
        hist, future = _window(d, last - (h + k * step_size), h, keep_last, min_points)
        if not len(hist):
            continue
        for m in methods:
            p = project(hist[["id", "year", "value"]], h=h, method=m, level=level, learned=learned)
            f = p.to_frame().assign(method=m if isinstance(m, str) else type(m).__name__)
            f = f.merge(future[["id", "year", "value", "cutoff"]].rename(
                columns={"value": "actual"}), on=["id", "year"], how="inner")
            frames.append(f)
    if not frames:
        return pd.DataFrame(columns=CV_COLUMNS)
    out = pd.concat(frames, ignore_index=True)
    bands = [c for c in out.columns if c.startswith(("lo_", "hi_"))]  # the levels asked
    return out[[*CV_COLUMNS[:7], *bands, "n_obs"]].sort_values(
        ["id", "cutoff", "method", "year"]).reset_index(drop=True)


def _check(data: pd.DataFrame, h: int, n_windows: int, step_size: int) -> None:
    need = {"id", "year", "value"}
    if not need <= set(data.columns):
        raise ProjectionInputError(f"argument 'data': expected columns id, year, value; "
                                   f"missing {', '.join(sorted(need - set(data.columns)))}")
    for name, v in (("h", h), ("n_windows", n_windows), ("step_size", step_size)):
        if int(v) < 1:
            raise ProjectionInputError(f"argument {name!r}: expected a whole number ≥ 1, "
                                       f"got {v!r}")


def _window(d: pd.DataFrame, cutoffs: pd.Series, h: int, keep_last: int | None,
            min_points: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(the history each series had at its cut-off: its last ``keep_last`` figures, series
    with at least ``min_points`` only; the figures of the ``h`` years after it), both with
    a ``cutoff`` column."""
    known = d.merge(cutoffs.rename("cutoff"), left_on="id", right_index=True)
    hist = known[known["year"] <= known["cutoff"]]
    if keep_last is not None:
        hist = hist.groupby("id").tail(keep_last)
    counts = hist.groupby("id").size()
    ok = counts[counts >= min_points].index
    hist = hist[hist["id"].isin(ok)]
    future = known[(known["year"] > known["cutoff"])
                   & (known["year"] <= known["cutoff"] + h) & known["id"].isin(ok)]
    return hist, future
