"""Indicator ids by the names a figures file gives them (Chinese, with or without the unit,
English), the given plan's meaning first; a name that is not known gets the close ones."""

from __future__ import annotations

import difflib
import re
import unicodedata
from functools import cached_property

import pandas as pd

from ..catalog import Plan


def name_key(text: str) -> str:
    """A name as compared: NFKC (full-width → ASCII), no spaces, lowercase ASCII."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", str(text))).lower()


def _strip_unit(key: str) -> str:
    return re.sub(r"\([^()]*\)$", "", key)


class IndicatorNames:
    """Indicator ids by name: the given plan's first, then the shipped catalogue's."""

    def __init__(self, registry: pd.DataFrame, plan: Plan | None):
        self.registry = registry
        self.ids = set(registry["indicator_id"])
        self.mine = {i.indicator_id for i in plan.indicators} if plan else set()

    @cached_property
    def _names(self) -> tuple[dict[str, set[str]], dict[str, str]]:
        """(ids by name key, key → the name as printed, for suggestions): made when a row
        names its indicator (a file of ids never needs them)."""
        by_name: dict[str, set[str]] = {}
        shown: dict[str, str] = {}
        for r in self.registry.itertuples():
            for n in (r.name_zh, r.label_zh, r.name_en):
                if n:
                    key = name_key(n)
                    shown.setdefault(key, n)
                    by_name.setdefault(key, set()).add(r.indicator_id)
                    by_name.setdefault(_strip_unit(key), set()).add(r.indicator_id)
        return by_name, shown

    @property
    def by_name(self) -> dict[str, set[str]]:
        return self._names[0]

    @property
    def shown(self) -> dict[str, str]:
        return self._names[1]

    def resolve(self, iid: str, name: str) -> tuple[str | None, str, str, str]:
        """(id, problem column, problem value, expected); id None when not resolved."""
        if iid:
            if iid in self.ids:
                return iid, "", "", ""
            return None, "indicator_id", iid, self._expected(iid)
        if name in self.ids:  # an id typed in the name column
            return name, "", "", ""
        key = name_key(name)
        ids = self.by_name.get(key) or self.by_name.get(_strip_unit(key), set())
        if len(ids) > 1 and ids & self.mine:
            ids = ids & self.mine  # the given plan's meaning comes first
        if len(ids) == 1:
            return next(iter(ids)), "", "", ""
        if len(ids) > 1:
            return None, "indicator", name, ("a name that means one indicator; it matches "
                                             + ", ".join(sorted(ids)) + ": add a column "
                                             "indicator_id, or pass the plan (--plan)")
        if not name:
            return None, "indicator", "", "an indicator id or Chinese name (the cell is empty)"
        return None, "indicator", name, self._expected(name)

    def _expected(self, given: str) -> str:
        choices = sorted(self.ids) + sorted(self.shown)
        close = [self.shown.get(c, c) for c in difflib.get_close_matches(
            name_key(given), choices, n=3, cutoff=0.6)]
        close = [c for c in dict.fromkeys(close) if c != given]
        hint = f"; did you mean {', '.join(repr(c) for c in close)}?" if close else ""
        return f"a known indicator id or Chinese name{hint} (a user plan's indicators are " \
            "known when the plan is given: --plan / plan=)"
