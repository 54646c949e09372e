"""Trend models for short yearly series and calibrated projections.

``project(data, to=2025)`` projects one or many yearly series with the ``auto``
combination; ``Naive``, ``Drift``, ``LinearTrend``, ``LogLinearTrend``, ``DampedTrend``,
``Theta``, ``Logistic``, ``Gompertz`` and ``Auto`` can be used one by one
(``Drift().fit(y).predict(to=2025)``). Knows nothing of plans.

The learned parameters (``learned()``, shipped as ``learned.json``) are an argument, not
state: ``project(..., learned=table)`` uses another table of the same format. For
learning and backtesting that table (``tools/learn_models.py``): ``point_paths`` (point
paths and interval scales of many histories), ``component_paths`` (the ``Auto``
components, named from ``COMPONENT_NAMES``), ``bucket_label``, ``MAX_LEARNED_H`` and
``SCALE_YEARS``. ``cross_validation(data, h, n_windows, step_size, methods)`` backtests
methods over rolling origins in one tidy frame (as statsforecast's).
"""

from ._calibration import BUCKETS, MAX_LEARNED_H, QUANTILE_LEVELS, bucket_label, learned
from ._components import COMPONENTS as _COMPONENTS
from ._cross_validation import cross_validation
from ._engine import Fitted, component_paths, point_paths
from ._errors import ProjectionInputError
from ._models import (
    MODELS,
    Auto,
    DampedTrend,
    Drift,
    Gompertz,
    LinearTrend,
    Logistic,
    LogLinearTrend,
    Model,
    Naive,
    Theta,
)
from ._panel import SCALE_YEARS
from ._project import project, project_each, project_pooled, project_pooled_each
from ._projection import Projection

#: The simple forecasters ``Auto`` combines, each on levels (``'level:<name>'``) or logs
#: (``'log:<name>'``).
COMPONENT_NAMES: tuple[str, ...] = tuple(_COMPONENTS)

__all__ = [
    "BUCKETS", "COMPONENT_NAMES", "MAX_LEARNED_H", "MODELS", "QUANTILE_LEVELS", "SCALE_YEARS",
    "Auto", "DampedTrend", "Drift", "Fitted", "Gompertz", "LinearTrend", "LogLinearTrend",
    "Logistic", "Model", "Naive", "Projection", "ProjectionInputError", "Theta",
    "bucket_label", "component_paths", "cross_validation", "learned", "point_paths",
    "project", "project_each", "project_pooled", "project_pooled_each",
]
