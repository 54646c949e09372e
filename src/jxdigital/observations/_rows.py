"""One frame of rows being read (``Rows``): where each value was (its line and column), the
cells as ``Col``s, the columns read so far under their names in the actuals frame, and
where the problems found on them go."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ._distinct import Col, col_of
from ._problems import Problems

#: The cells a row may have, read as columns of distinct texts.
CELLS = ("indicator_id", "indicator", "indicator_zh", "region", "year", "as_of", "value",
         "unit", "measure", "qualifier", "comparable", "scope_note", "kind", "derived_from",
         "source_type", "source_title", "publisher", "source_url", "published", "checked",
         "note")


class Rows:
    """The rows of a long frame (``_line``, ``_column`` and the cells) as they are read."""

    def __init__(self, d: pd.DataFrame, problems: Problems):
        self.n = len(d)
        self.problems = problems
        problems.bad = np.zeros(self.n, dtype=bool)
        self.lines = d["_line"].to_numpy().astype(int)
        #: the column each value came from ('value', or a year column of a wide table)
        self.vcol = d["_column"].to_numpy().astype(object)
        self.cells = {c: col_of(d, c) for c in CELLS}
        #: the columns read so far, by their names in the actuals frame
        self.read: dict[str, np.ndarray] = {}

    @property
    def iid(self) -> np.ndarray:
        """Each row's indicator id ('' where it could not be told), once it is read."""
        return self.read["indicator_id"]

    @staticmethod
    def nonempty(c: Col) -> np.ndarray:
        return c.test(lambda v: v != "")

    def const(self, value) -> np.ndarray:
        return np.full(self.n, value, dtype=object)

    def add(self, mask: np.ndarray, column, col: Col | None, expected) -> None:
        """A problem on the rows in ``mask`` in ``column`` (one name, or one per row); the
        cell text (of ``col``, else empty) and the expectation (one, or per row)."""
        if mask.any():
            self.problems.add(
                mask, self.lines, column if isinstance(column, np.ndarray) else
                self.const(column), self.read.get("indicator_id", self.const("")),
                col.values() if col is not None else self.const(""),
                expected.values() if isinstance(expected, Col) else expected)
