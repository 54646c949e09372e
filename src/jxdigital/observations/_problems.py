"""The problems of a figures file, grouped: one per (indicator, column, text, expected)
with every line (and year column) it was found on, and which rows have one."""

from __future__ import annotations

import numpy as np

from .._tables import Table
from ..errors import InputError, Problem
from ._cells import YEAR_HEADER


class ActualsError(InputError):
    """Actuals that cannot be read."""


class Problems:
    """Problems, grouped: one per (indicator, column, text, expected) with all its lines."""

    def __init__(self, table: Table):
        self.t = table
        self.items: dict[tuple, list[tuple[int, str]]] = {}
        self.bad = np.zeros(0, dtype=bool)  # rows with a problem (set per frame of rows)

    def add(self, mask: np.ndarray, lines: np.ndarray, columns: np.ndarray, iids: np.ndarray,
            values, expected) -> None:
        """Record a problem on the rows in ``mask``; ``values``/``expected`` per row or one."""
        idx = np.flatnonzero(mask)
        if len(self.bad) == len(mask):
            self.bad |= mask
        for i in idx:
            v = values[i] if isinstance(values, np.ndarray) else values
            e = expected[i] if isinstance(expected, np.ndarray) else expected
            column = str(columns[i])
            # the same text in several year columns of a wide table: one problem, every cell
            grouped = "" if YEAR_HEADER.match(self.t.printed_key(column)) else column
            key = (str(iids[i] or ""), grouped, str(v), str(e))
            self.items.setdefault(key, []).append((int(lines[i]), column))

    def whole(self, column: str, value: str, expected: str) -> None:
        self.items.setdefault(("", column, value, expected), []).append((0, column))

    def __bool__(self) -> bool:
        return bool(self.items)

    def list(self) -> list[Problem]:
        out = []
        for (iid, _, value, expected), where in self.items.items():
            line, column = where[0][0] or None, where[0][1]
            columns = list(dict.fromkeys(w[1] for w in where))
            lines = sorted({w[0] for w in where[1:] if w[0] and w[0] != line})
            out.append(Problem(self.t.where, line, iid, self.t.printed.get(column, column),
                               value, expected, cell=self.t.cell(line, column) if line else "",
                               more_rows=tuple(lines), more_columns=tuple(
                                   self.t.printed.get(c, c) for c in columns[1:])))
        return sorted(out, key=lambda p: (p.row or 0, p.column))
