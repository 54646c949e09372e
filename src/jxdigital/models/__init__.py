"""Trend models for short yearly series and calibrated projections.

``project(data, to=2025)`` projects one or many yearly series with the ``auto``
combination; ``Naive``, ``Drift``, ``LinearTrend``, ``LogLinearTrend``, ``DampedTrend``,
``Theta``, ``Logistic``, ``Gompertz`` and ``Auto`` can be used one by one
(``Drift().fit(y).predict(to=2025)``). Knows nothing of plans.
"""

from ._calibration import BUCKETS, QUANTILE_LEVELS, learned
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
from ._projection import Projection, ProjectionInputError, project

__all__ = [
    "BUCKETS", "MODELS", "QUANTILE_LEVELS", "Auto", "DampedTrend", "Drift", "Gompertz",
    "LinearTrend", "LogLinearTrend", "Logistic", "Model", "Naive", "Projection",
    "ProjectionInputError", "Theta", "learned", "project",
]
