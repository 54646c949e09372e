"""A frame's columns as arrays, each read once, and the frame itself made when asked for.

Judging a target reads a few columns of its series' small frame many times (the years,
the values, the qualifiers: settling, progress, the fitted points, the grade, the
projection's history). Each read of a frame's column costs a lookup and a new Series, and
cutting a series' frame out of the wide frame of every figure costs more than judging it;
over thousands of targets those were most of the time. ``Columns`` reads each column the
first time it is asked for and keeps the array; ``BySeries`` hands out each series'
columns as slices of arrays read once for all series, with the frame cut only when
something asks for it (a chart, the list of figures used).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping

import numpy as np
import pandas as pd


class Columns:
    """The columns of a frame as arrays, each read on first use (or given: ``arrays``).

    Reads like the frame for what judging needs: ``cols["year"]`` (an array), ``"kind"
    in cols`` (a column of the frame), ``len(cols)`` (its rows). ``frame`` is the frame
    itself: given, or made by ``make`` on first use (then ``names`` are its columns,
    ``rows`` its length, and the frame made has the index 0, 1, …). ``source``: (arrays
    of a larger frame by column, start, stop): a column is the slice of its array. The
    frame is not changed after: an array read once stays its column."""

    __slots__ = ("_arrays", "_frame", "_make", "_names", "_rows", "_source")
    _names: frozenset[str] | None  # the frame's columns, when the frame is still to make

    def __init__(self, frame: pd.DataFrame | None = None,
                 arrays: dict[str, np.ndarray] | None = None, *,
                 make: Callable[[], pd.DataFrame] | None = None,
                 names: Iterable[str] = (), rows: int = 0,
                 source: tuple[Mapping[str, np.ndarray], int, int] | None = None):
        self._frame, self._make, self._source = frame, make, source
        self._arrays: dict[str, np.ndarray] = {} if arrays is None else arrays
        if frame is None:
            if make is None:
                raise ValueError("Columns needs a frame, or a way to make it (make)")
            self._names, self._rows = frozenset(names), rows
        else:
            self._names, self._rows = None, len(frame)

    @property
    def frame(self) -> pd.DataFrame:
        """The frame (made on first use where it was not given)."""
        if self._frame is None:
            assert self._make is not None
            self._frame = self._make()
        return self._frame

    @property
    def made(self) -> bool:
        """Is the frame there already (given, or made)?"""
        return self._frame is not None

    def __getitem__(self, name: str) -> np.ndarray:
        a = self._arrays.get(name)
        if a is None:
            if self._source is not None and name in self._source[0]:
                arrays, start, stop = self._source
                a = self._arrays[name] = arrays[name][start:stop]
            else:
                a = self._arrays[name] = self.frame[name].to_numpy()
        return a

    def known(self, name: str) -> np.ndarray:
        """Where each value of column ``name`` is known (not NaN or None)."""
        a = self[name]
        return ~np.isnan(a) if a.dtype.kind == "f" else pd.notna(a)

    def __contains__(self, name: str) -> bool:
        if name in self._arrays:
            return True
        return name in self._names if self._names is not None else name in self.frame.columns

    def __len__(self) -> int:
        return self._rows

    def where(self, mask: np.ndarray) -> Columns:
        """The rows in ``mask`` (a boolean array), index 0, 1, …: the arrays read so far
        are cut now, the frame when asked for."""
        names = self._names if self._names is not None else frozenset(self.frame.columns)
        if self._source is not None:  # every column a slice: cut them all now
            for name in self._source[0]:
                self[name]
        return Columns(arrays={k: v[mask] for k, v in self._arrays.items()},
                       make=lambda: self.frame[mask].reset_index(drop=True), names=names,
                       rows=int(np.count_nonzero(mask)))


def columns_of(frame: pd.DataFrame | Columns) -> Columns:
    """``frame``'s ``Columns`` (itself where it is one)."""
    return frame if isinstance(frame, Columns) else Columns(frame)


class Frames(Mapping[str, pd.DataFrame]):
    """A mapping of keys to the frames of ``Columns``, each frame cut when first looked
    up (``Assessment.series``: the figures each target was judged on, read by charts and
    reports for the few targets they show)."""

    def __init__(self, columns: dict[str, Columns]):
        self._columns = columns

    def __getitem__(self, key: str) -> pd.DataFrame:
        return self._columns[key].frame

    def __iter__(self) -> Iterator[str]:
        return iter(self._columns)

    def __len__(self) -> int:
        return len(self._columns)

    def __repr__(self) -> str:
        return f"Frames({list(self._columns)!r})"


def isin(values: np.ndarray, choices: frozenset) -> np.ndarray:
    """``np.isin(values, choices)`` for the few values of one series: a set lookup each
    (``np.isin`` sorts both, which costs more than the lookups below a few hundred)."""
    return np.fromiter((v in choices for v in values), dtype=bool, count=len(values))
