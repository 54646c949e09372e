"""The assessment as an Excel workbook (XlsxWriter): numbers stay numbers."""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd

from .._atomic import atomic_path
from ..assessment import Assessment
from ..assessment._present import STATUS_COLOURS, STATUS_INK

#: (column in to_frame, zh header, en header, number format)
_SUMMARY = [
    ("seq", "序号", "#", "0"), ("category_zh", "类别", "Category", None),
    ("name_zh", "指标", "Indicator", None), ("unit", "单位", "Unit", None),
    ("target_text", "目标（规划原文）", "Target (as printed)", None),
    ("target_value", "目标值", "Target value", "#,##0.##"),
    ("target_year", "目标年", "Target year", "0"),
    ("latest_year", "最新年份", "Latest year", "0"),
    ("latest_value", "最新值", "Latest value", "#,##0.##"),
    ("projected", "目标年预测值", "Projected", "#,##0.##"),
    ("lo_80", "80%区间下限", "80% low", "#,##0.##"),
    ("hi_80", "80%区间上限", "80% high", "#,##0.##"),
    ("p_met", "达标概率", "P(met)", "0%"),
    ("actual_cagr", "基期以来年均增长（%）", "Growth since base (%)", "0.0%"),
    ("required_cagr_now", "此后需年均增长（%）", "Growth now needed (%)", "0.0%"),
    ("status_zh", "状态", "Status", None),
    ("reason_zh", "说明", "Reason", None),
]


def _require():
    try:
        import xlsxwriter  # noqa: F401
    except ImportError:
        raise ImportError("Excel output needs XlsxWriter: pip install 'jxdigital[excel]'") \
            from None


def _clean(df: pd.DataFrame) -> pd.DataFrame:
    """Objects and NaN as Excel wants them: empty cells, not 'nan' strings."""
    out = df.copy()
    for c in out.columns:
        if out[c].dtype == bool:
            continue
        if not pd.api.types.is_numeric_dtype(out[c]):
            out[c] = out[c].astype(object).where(out[c].notna(), None)
    return out


def projections_frame(a: Assessment) -> pd.DataFrame:
    frames = [p.to_frame().assign(kind="target") for p in a.projections.values()]
    frames += [p.to_frame().assign(kind="reference") for p in a.reference_projections.values()]
    if not frames:
        return pd.DataFrame(columns=["id", "year", "point"])
    return pd.concat(frames, ignore_index=True)


def to_excel(a: Assessment, path: str | Path, lang: str | None = None) -> Path:
    """Write the workbook: 概览/summary (status colours, frozen header), targets (every
    measure), actuals (every figure with its source) and projections (tidy, per year)."""
    _require()
    lang = lang or a.lang
    zh = lang == "zh"
    full = a.to_frame().sort_values("seq").reset_index(drop=True)
    summary = pd.DataFrame({(h_zh if zh else h_en): full[c] for c, h_zh, h_en, _ in _SUMMARY})
    if not zh:
        summary["Indicator"] = full["name_en"].where(full["name_en"] != "", full["name_zh"])
        summary["Category"] = full["category_en"].where(full["category_en"] != "",
                                                         full["category_zh"])
        summary["Status"] = full["status_en"]
        summary["Reason"] = full["reason_en"]
    sheets = {("概览" if zh else "summary"): summary, "targets": full,
              "actuals": a.actuals.reset_index(drop=True), "projections": projections_frame(a)}
    with atomic_path(path) as tmp, pd.ExcelWriter(tmp, engine="xlsxwriter") as xw:
        book = xw.book
        head = book.add_format({"bold": True, "bg_color": "#F3F3F3", "border": 1,
                                "text_wrap": True, "valign": "top"})
        for name, df in sheets.items():
            _clean(df).to_excel(xw, sheet_name=name, index=False, na_rep="")
            ws = xw.sheets[name]
            ws.freeze_panes(1, 0)
            ws.autofilter(0, 0, max(len(df), 1), max(len(df.columns) - 1, 0))
            for j, c in enumerate(df.columns):
                ws.write(0, j, c, head)
                width = min(max(8, int(_width(df[c]) * 1.1)), 60)
                ws.set_column(j, j, width)
        ws = xw.sheets["概览" if zh else "summary"]
        for j, (_, _, _, fmt) in enumerate(_SUMMARY):
            if fmt:
                ws.set_column(j, j, 12, book.add_format({"num_format": fmt}))
        ws.set_column(len(_SUMMARY) - 1, len(_SUMMARY) - 1, 80,
                      book.add_format({"text_wrap": True, "valign": "top"}))
        status_col = len(_SUMMARY) - 2
        for i, st in enumerate(full["status_cn"]):
            fill = STATUS_COLOURS.get(st, "#FFFFFF")
            ink = STATUS_INK.get(st, "#000000")
            ws.write(i + 1, status_col, summary.iloc[i, status_col],
                     book.add_format({"bg_color": fill, "font_color": ink, "bold": True}))
    return Path(path)


def _width(s: pd.Series) -> float:
    def w(x) -> float:
        if x is None or (isinstance(x, float) and math.isnan(x)):
            return 0
        t = str(x)
        return sum(2 if ord(ch) > 0x2E80 else 1 for ch in t)
    vals = [w(x) for x in s.head(200)]
    return max([w(s.name), *vals]) if vals else w(s.name)
