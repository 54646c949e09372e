"""What an account and the list of unused figures read of an assessment (``Assessed``):
they are written against this, not against ``Assessment`` itself (which makes them)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    import pandas as pd

    from ..catalog import Plan
    from ._record import TargetStatus
    from ._timing import Timing
    from ._wording import Wording


class Assessed(Protocol):
    """An assessment as its account and its unused figures read it: the plan, when it was
    made, who words it, its records, the figures it was given (``source``) and could use
    (``data``), and the figures each target used (``series``, ``compared_series``)."""

    @property
    def plan(self) -> Plan: ...
    @property
    def timing(self) -> Timing: ...
    @property
    def wording(self) -> Wording: ...
    @property
    def finished(self) -> bool: ...
    @property
    def source(self) -> pd.DataFrame: ...
    @property
    def data(self) -> pd.DataFrame: ...
    @property
    def series(self) -> Mapping[str, pd.DataFrame]: ...
    @property
    def compared_series(self) -> Mapping[str, pd.DataFrame]: ...

    def __iter__(self) -> Iterator[TargetStatus]: ...
