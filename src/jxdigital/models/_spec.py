"""What the engine asks of a model (``ModelSpec``): the forecast, the projection and the
pooled mixture are written against this, not against the model classes of ``_models``
(which build on them: ``Model.fit(...).predict(...)`` makes a ``Projection``)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    import numpy as np

    from ._panel import Panel


class PathOfPoints(Protocol):
    """What a model's ``point`` returns (``_models.PointPath``)."""

    @property
    def path(self) -> np.ndarray: ...
    @property
    def drift_share(self) -> np.ndarray: ...
    @property
    def falling(self) -> np.ndarray | None: ...


class ModelSpec(Protocol):
    """A forecaster as the engine uses it: its name, how few points it accepts, the scales
    it works on, its point path and the learned calibration and weights it answers to."""

    @property
    def name(self) -> str: ...
    @property
    def min_points(self) -> int: ...
    @property
    def support(self) -> str: ...
    @property
    def bounded_kind(self) -> str: ...

    def point(self, zc: Panel, zlog: Panel | None, h: np.ndarray,
              params: Mapping | None = None) -> PathOfPoints: ...

    def calibration_key(self, positive: bool) -> str: ...

    def weights(self, positive: bool, n_obs: int, drift_share: float = 0.0,
                params: Mapping | None = None, falling: bool = False) -> dict[str, float]: ...
