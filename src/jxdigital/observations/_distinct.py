"""A column as codes into its distinct values (``Col``): a figures file of 600,000 rows
holds a few thousand distinct texts, and each is read once (``map_distinct``), its result
spread to every row holding it."""

from __future__ import annotations

import numpy as np
import pandas as pd


class Col:
    """A column as codes into its distinct values: each distinct text is read once."""

    __slots__ = ("cats", "codes")

    def __init__(self, codes: np.ndarray, cats: np.ndarray):
        self.codes, self.cats = codes, cats

    @classmethod
    def of(cls, values) -> Col:
        if isinstance(values, pd.Series) and isinstance(values.dtype, pd.CategoricalDtype):
            cats = np.asarray(values.cat.categories, dtype=object)
            codes = values.cat.codes.to_numpy().astype(np.int64)
            if (codes < 0).any():  # a missing cell: the empty text
                cats = np.append(cats, "")
                codes = np.where(codes < 0, len(cats) - 1, codes)
            return cls(codes, cats)
        codes, uniq = pd.factorize(np.asarray(values, dtype=object), use_na_sentinel=False)
        return cls(codes.astype(np.int64), np.asarray(uniq, dtype=object))

    @classmethod
    def const(cls, n: int, value) -> Col:
        cats = np.empty(1, dtype=object)
        cats[0] = value
        return cls(np.zeros(n, dtype=np.int64), cats)

    def values(self) -> np.ndarray:
        return self.cats[self.codes]

    def compact(self) -> Col:
        """The same column with each distinct value once (results of a map repeat)."""
        inner, uniq = pd.factorize(self.cats, use_na_sentinel=False)
        if len(uniq) == len(self.cats):
            return self
        return Col(inner[self.codes], np.asarray(uniq, dtype=object))

    def test(self, fn) -> np.ndarray:
        """Per row: ``fn(distinct values array) -> bool array``, evaluated on the distinct."""
        return np.asarray(fn(self.cats), dtype=bool)[self.codes] if len(self.cats) \
            else np.zeros(len(self.codes), dtype=bool)

    def __len__(self) -> int:
        return len(self.codes)


def combined(cols: list[Col]) -> tuple[np.ndarray, np.ndarray]:
    """Codes of the distinct combinations and, per combination, a row holding it."""
    key = np.zeros(len(cols[0]), dtype=np.int64)
    for c in (c.compact() for c in cols):
        key = key * max(len(c.cats), 1) + c.codes
    codes, uniq = pd.factorize(key)
    first = np.zeros(len(uniq), dtype=np.int64)
    first[codes[::-1]] = np.arange(len(codes))[::-1]
    return codes.astype(np.int64), first


def map_distinct(cols: list[Col], fn, k: int) -> list[Col]:
    """Apply ``fn(*distinct values) -> k-tuple`` once per distinct combination of ``cols``."""
    n = len(cols[0])
    if n == 0:
        return [Col(np.zeros(0, dtype=np.int64), np.empty(0, dtype=object)) for _ in range(k)]
    if len(cols) == 1:
        codes, args = cols[0].codes, [(v,) for v in cols[0].cats]
    else:
        cols = [c.compact() for c in cols]
        codes, first = combined(cols)
        args = [tuple(c.cats[c.codes[i]] for c in cols) for i in first]
    results = [fn(*a) for a in args]
    out = []
    for j in range(k):
        arr = np.empty(len(results), dtype=object)
        arr[:] = [r[j] for r in results]
        out.append(Col(codes, arr))
    return out


def col_of(df: pd.DataFrame, name: str) -> Col:
    """Column ``name`` of ``df`` as a ``Col`` of texts (an empty one where it is missing)."""
    if name in df.columns:
        col = df[name]
        if not isinstance(col.dtype, pd.CategoricalDtype):
            col = col.astype(object).where(col.notna(), "").astype(str).astype("category")
        return Col.of(col)
    return Col.const(len(df), "")
