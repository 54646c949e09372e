"""The layout of a figures file: its headers read as the reader's columns (Chinese and
English aliases, year columns of a wide table), a template's shipped cells left out, and a
wide table turned long (one figure a row, each knowing its line and column)."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from .._tables import Table
from ._cells import MISSING, YEAR_HEADER
from ._model import COLUMNS
from ._problems import Problems

#: Header texts (after NFKC, spaces removed) → column.
_ALIASES = {
    "指标名称": "indicator", "指标": "indicator", "指标名": "indicator", "名称": "indicator",
    "indicator_name": "indicator", "指标代码": "indicator_id", "指标id": "indicator_id",
    "id": "indicator_id", "年份": "year", "年": "year", "年度": "year", "数值": "value",
    "值": "value", "数据": "value", "实际值": "value", "单位": "unit", "计量单位": "unit",
    "地区": "region", "区域": "region", "来源": "source_title", "数据来源": "source_title",
    "资料来源": "source_title", "出处": "source_title", "发布单位": "publisher",
    "发布机构": "publisher", "发布日期": "published", "发布时间": "published",
    "链接": "source_url", "网址": "source_url", "备注": "note", "口径说明": "scope_note",
    "口径": "scope_note", "截至": "as_of", "截至日期": "as_of", "截止日期": "as_of",
    "统计时点": "as_of", "限定": "qualifier", "来源类型": "source_type", "可比": "comparable",
}
#: Columns a template or a report carries that describe rather than measure; not read.
IGNORED = {"name_en", "定义", "指标定义", "指标解释", "definition", "seq", "序号", "category",
           "category_zh", "类别", "指标类别", "target", "目标值", "shipped", "jxdigital"}
_INDICATOR_COLS = ("indicator_id", "indicator", "indicator_zh")
_KNOWN = set(COLUMNS) | {"indicator", "indicator_zh"}
HEADER_WORDS = {"indicator_id", "indicator", "indicator_zh", *(
    k for k, v in _ALIASES.items() if v in ("indicator", "indicator_id"))}


def named_columns(t: Table, problems: Problems) -> pd.DataFrame:
    """The table's columns under the names the reader knows (aliases, year columns); a
    column twice, an unknown column or no indicator column is a problem of the whole file."""
    df = t.frame
    renamed: dict[str, str] = {}
    seen: dict[str, str] = {}
    for c in df.columns:
        name = _ALIASES.get(c, _ALIASES.get(c.lower(), c))
        if name.lower() in _KNOWN:
            name = name.lower()
        year = YEAR_HEADER.match(c)
        if year:
            name = year[1]
        if name in seen:
            problems.whole(c, "", f"one column for {name!r} (column {seen[name]!r} is too)")
        seen[name] = c
        renamed[c] = name
    df = df.rename(columns=renamed)
    t.letters.update({new: t.letters[old] for old, new in renamed.items() if old in t.letters})
    t.printed.update({new: old for old, new in renamed.items() if new != old})
    unknown = [c for c in df.columns if c not in _KNOWN and c not in IGNORED
               and not YEAR_HEADER.match(c)]
    for c in unknown:
        hint = ""
        yearish = re.match(r"^(\d{4})", c)
        if yearish:
            hint = (f"; a year column is named like 2021, 2021年 or 2021年末 ({c!r} is not; "
                    "part-year figures go in a long layout with an as_of column)")
        problems.whole(c, "", "a known column: indicator_id or 指标名称, year or year columns "
                       "(2021, 2021年), value, unit, region, source_title (来源), publisher "
                       "(发布单位), published (发布日期), scope_note (口径说明), as_of, qualifier, "
                       f"note (备注) …{hint}")
    if not set(_INDICATOR_COLS) & set(df.columns):
        problems.whole("indicator_id", "", "a column indicator_id or 指标名称 naming the "
                       "indicator of each row")
    return df


def blank_shipped(t: Table, df: pd.DataFrame) -> int:
    """Empty the cells the template filled from shipped data that the user left unchanged:
    matched by indicator id and column (rows may be sorted or copied), else by row."""
    n = 0
    pos = {int(line): i for i, line in enumerate(t.lines)}
    ids = df["indicator_id"].astype(str).to_numpy() if "indicator_id" in df.columns else None
    for (where, column), text in t.shipped.items():
        m = YEAR_HEADER.match(column)
        col = m[1] if m else column
        if col not in df.columns:
            continue
        if isinstance(where, str):
            rows = np.flatnonzero(ids == where) if ids is not None else []
        else:
            rows = [pos[where]] if where in pos else []
        for i in rows:
            if str(df[col].iloc[i]) == text:
                if isinstance(df[col].dtype, pd.CategoricalDtype):
                    df[col] = df[col].astype(object)
                df.iloc[i, df.columns.get_loc(col)] = ""
                n += 1
    return n


def long_rows(df: pd.DataFrame, t: Table) -> pd.DataFrame:
    """Rows with year and value; ``_line`` and ``_column`` say where each value was."""
    years = [c for c in df.columns if YEAR_HEADER.match(c)]
    if "year" in df.columns or not years:
        out = df.copy()
        out["_line"] = t.lines
        out["_column"] = "value"
        return out
    keep = [c for c in df.columns if c not in years]
    parts = []
    for c in years:
        part = df[keep].astype(object).copy()
        part["year"] = c
        part["value"] = df[c].astype(object).to_numpy()
        part["_line"] = t.lines
        part["_column"] = t.printed.get(c, c)
        parts.append(part[~part["value"].astype(str).isin(MISSING).to_numpy()])
    out = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(
        columns=[*keep, "year", "value", "_line", "_column"])
    return out.sort_values(["_line"], kind="mergesort").reset_index(drop=True)
