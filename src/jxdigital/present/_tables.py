"""The table every output lays out the same way (``Table``: columns, rows of ``Cell``,
sections), and pages of it a slide or a chart holds (``paginate``)."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, replace

import pandas as pd

from ._jupyter import table_html
from .words import words_for


@dataclass(frozen=True)
class Cell:
    """One table cell: its ``text``; for a workbook the number behind it (``value``, in the
    display unit) and its number format (``fmt``); the key a click sorts by (``sort``);
    the status colours (``fill``, ``ink``) where it carries a verdict."""

    text: str
    value: float | str | None = None
    fmt: str = ""
    sort: float | None = None
    fill: str = ""
    ink: str = ""


@dataclass(frozen=True)
class Column:
    """A column: its ``key``, printed ``header``, what it holds (``kind``: text, number,
    name, status, reason) and its width in ems (a guide for fixed layouts)."""

    key: str
    header: str
    kind: str = "text"
    width: float = 6.0


@dataclass(frozen=True)
class Section:
    """Rows ``start`` to ``stop`` (exclusive) of a table are one section titled ``title``
    ("" for a table without sections)."""

    title: str
    start: int
    stop: int


@dataclass(frozen=True)
class Page:
    """A page of a paged output (a slide, a chart): ``items`` are (section title, row
    indices) in order; ``continued``: the first section began on an earlier page."""

    number: int
    items: tuple[tuple[str, tuple[int, ...]], ...]
    continued: bool = False

    @property
    def rows(self) -> tuple[int, ...]:
        return tuple(i for _, rows in self.items for i in rows)

    @property
    def titles(self) -> tuple[str, ...]:
        return tuple(t for t, _ in self.items if t)


@dataclass(frozen=True)
class Table:
    """A table every renderer lays out the same way: ``columns``, ``rows`` of cells (one
    per column), ``sections`` over the rows, and ``ids``: the target of each row."""

    columns: tuple[Column, ...]
    rows: tuple[tuple[Cell, ...], ...]
    sections: tuple[Section, ...] = ()
    ids: tuple[str, ...] = ()

    def __len__(self) -> int:
        return len(self.rows)

    def index(self, key: str) -> int:
        for j, c in enumerate(self.columns):
            if c.key == key:
                return j
        raise KeyError(key)

    def has(self, key: str) -> bool:
        return any(c.key == key for c in self.columns)

    @property
    def headers(self) -> list[str]:
        return [c.header for c in self.columns]

    def select(self, *keys: str) -> Table:
        """The columns ``keys`` (those the table has), in that order."""
        idx = [self.index(k) for k in keys if self.has(k)]
        return replace(self, columns=tuple(self.columns[j] for j in idx),
                       rows=tuple(tuple(r[j] for j in idx) for r in self.rows))

    def texts(self, key: str) -> list[str]:
        j = self.index(key)
        return [r[j].text for r in self.rows]

    def section_of(self, i: int) -> str:
        for s in self.sections:
            if s.start <= i < s.stop:
                return s.title
        return ""

    def to_frame(self) -> pd.DataFrame:
        """The table as text, headed as printed."""
        return pd.DataFrame([[c.text for c in r] for r in self.rows], columns=self.headers)

    def pages(self, capacity: int, section_cost: int = 1, per_row: int = 1) -> list[Page]:
        """The rows in pages of at most ``capacity`` units: a section heading costs
        ``section_cost``, every ``per_row`` rows one unit (a dashboard's grid row)."""
        groups = [(s.title, tuple(range(s.start, s.stop))) for s in self.sections] or \
            [("", tuple(range(len(self.rows))))]
        return paginate(groups, capacity, section_cost, per_row)

    def _repr_html_(self) -> str:
        return table_html(self)


#: The fewest rows (units) of a section worth starting at the foot of a page.
MIN_SPLIT = 4


def paginate(groups: Sequence[tuple[str, tuple[int, ...]]], capacity: int,
             section_cost: int = 1, per_row: int = 1, cost=None) -> list[Page]:
    """Sections packed onto pages in order: a section goes on the page under way, split
    there when it does not fit and the room left holds at least ``MIN_SPLIT`` units of it
    (else it starts a new page); a continuation is marked (``Page.continued``).
    ``cost(i)``: what row ``i`` takes (default one unit; or ``per_row`` rows a unit, a
    dashboard's grid row)."""
    pages: list[Page] = []
    items: list[tuple[str, tuple[int, ...]]] = []
    used, continued = 0, False

    def units(rows: Sequence[int]) -> int:
        if cost is not None:
            return sum(cost(i) for i in rows)
        return math.ceil(len(rows) / per_row)

    def flush(next_continued: bool) -> None:
        nonlocal items, used, continued
        if items:
            pages.append(Page(len(pages) + 1, tuple(items), continued))
        items, used, continued = [], 0, next_continued

    for title, rows in groups:
        head = section_cost if title else 0
        rows = tuple(rows)
        # a section that does not fit starts a new page only when the room left would hold
        # little of it; else it fills the page and goes on, marked continued
        if items and used + head + units(rows) > capacity and \
                capacity - used - head < min(MIN_SPLIT, units(rows)):
            flush(False)
        while rows:
            take = 0  # as many rows as the page has room for (one at least)
            while take < len(rows) and (take == 0 or
                                        used + head + units(rows[:take + 1]) <= capacity):
                take += 1
            if used and used + head + units(rows[:take]) > capacity:
                flush(True)
                continue
            items.append((title, rows[:take]))
            used += head + units(rows[:take])
            rows = rows[take:]
            if rows:
                flush(True)
    flush(False)
    return pages




def column_width(key: str, default: float, lang: str) -> float:
    """A column's width (ems) in ``lang``: ``default`` unless the language's settings say
    otherwise (``settings.width.<key>``: English words are longer, "not yet known", and
    Chinese headers of four characters need their padding too)."""
    text = words_for(lang).table("settings.width").get(key, "")
    return default if not text else int(text) if text.isdigit() else float(text)


__all__ = ["Cell", "Column", "Page", "Section", "Table", "column_width", "paginate"]
