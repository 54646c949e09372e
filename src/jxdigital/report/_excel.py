"""The assessment as an Excel workbook (XlsxWriter): numbers stay numbers, text stays
text (never a formula)."""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd

from .. import __version__
from .._atomic import atomic_path
from ..assessment import Account, Assessment
from ..assessment._unused import usage
from ..present import _account as A
from ..present import _phrases as P
from ..present._colours import OUTCOME_STATUS, STATUS_COLOURS, STATUS_INK
from ..present._report_words import (
    plan_title,
    report_words,
    rule_lines,
    sheet_name,
    summary_header,
)
from ..present._text import counts_sentence, dates_words, shown_percent, unit_en

#: The summary sheet's columns: (column in to_frame, number format); the headers are
#: ``present._report_words.SUMMARY_HEADERS``.
_SUMMARY = [
    ("seq", "0"), ("category_zh", None), ("name_zh", None), ("unit", None),
    ("target_text", None), ("target_value", "#,##0.##"), ("target_year", "0"),
    ("latest_year", "0"), ("latest_value", "#,##0.##"), ("projected", "#,##0.##"),
    ("lo_80", "#,##0.##"), ("hi_80", "#,##0.##"),
    # P(met) in percent as every other output shows it (``shown_percent``): 74.9, never a
    # fraction formatted "0%", which shows 0.7498 as 75% beside 存在风险
    ("p_met", None), ("final", None), ("margin", "+0.0%;-0.0%"), ("actual_cagr", "0.0%"),
    ("required_cagr_now", "0.0%"), ("status_zh", None), ("reason_zh", None),
]


#: XlsxWriter's ``write`` would make any text starting with "=" a live formula.
_BOOK_OPTIONS = {"options": {"strings_to_formulas": False}}


def _require():
    try:
        import xlsxwriter  # noqa: F401
    except ImportError:
        raise ImportError("Excel output needs XlsxWriter: pip install 'jxdigital[excel]'") \
            from None


def _clean(df: pd.DataFrame) -> pd.DataFrame:
    """Objects, NaN and infinities as Excel wants them: empty cells, never 'nan' or 'inf'
    strings in a numeric column (an open-ended target's upper end is no number)."""
    out = df.copy()
    for c in out.columns:
        if out[c].dtype == bool:
            continue
        if not pd.api.types.is_numeric_dtype(out[c]):
            out[c] = out[c].astype(object).where(out[c].notna(), None)
        elif out[c].dtype.kind == "f":
            v = out[c].to_numpy(dtype=float)
            out[c] = out[c].astype(object).where(pd.Series(v, index=out.index).map(
                math.isfinite), None)
    return out


#: Number formats of the targets and projections sheets' numeric columns, by name: shares
#: of one as percentages, P(met) to four decimals (a percentage would round 0.7498 up to
#: 75%), years and counts as whole numbers, every other number with two decimals.
_PERCENT = ("completion", "time_elapsed", "actual_cagr", "required_cagr_plan",
            "required_cagr_now", "reference_cagr", "margin")
_WHOLE = ("seq", "base_year", "target_year", "n_obs", "latest_year", "reference_latest_year",
          "year", "h", "last_year")


def _number_format(column: str) -> str:
    if column in _PERCENT:
        return "0.0%"
    if column == "p_met":
        return "0.0000"
    if column in _WHOLE:
        return "0"
    return "#,##0.00"


def projections_frame(a: Assessment) -> pd.DataFrame:
    """Every projection, per series and year, with the unit its numbers are in."""
    units = {t.indicator.indicator_id: t.indicator.unit for t in a.plan}
    frames = [p.to_frame().assign(kind="target") for p in a.projections.values()]
    frames += [p.to_frame().assign(kind="reference") for p in a.reference_projections.values()]
    if not frames:
        return pd.DataFrame(columns=["id", "year", "point", "unit"])
    f = pd.concat(frames, ignore_index=True)
    f.insert(f.columns.get_loc("point"), "unit",
             [units.get(str(i).rpartition(":")[-1], "") for i in f["id"]])
    return f


#: Width of the cover sheet's one column, in character units: a portrait A4 page.
_ABOUT_WIDTH = 72


def _about(a: Assessment, lang: str, account: Account | None) -> pd.DataFrame:
    """The cover sheet: what the workbook is, when it was made, what data it rests on."""
    lines = [plan_title(a.plan, lang), dates_words(a, lang), counts_sentence(a, lang)]
    if account is not None:
        lines += [A.counts_sentence(account, lang), A.warnings_sentence(account, lang)]
    lines += rule_lines(lang)
    lines.append(f"jxdigital {__version__} · plan {a.plan.plan_id} · scheme {a.scheme}")
    return pd.DataFrame({report_words("about_column", lang): lines})


def to_excel(a: Assessment, path: str | Path, lang: str | None = None,
             account: Account | None = None) -> Path:
    """Write the workbook: 说明/about (title, generation date, data cut-off, counts,
    rules), 概览/summary (status colours, frozen header), for a finished plan 完成情况/account
    and 回顾/retrospective, then targets (every measure), actuals (every figure with its
    source) and projections (tidy, per year)."""
    _require()
    lang = lang or a.lang
    if account is None and a.finished:
        account = a.account()
    full = a.to_frame().sort_values("seq").reset_index(drop=True)
    head = {c: summary_header(c, lang) for c, _ in _SUMMARY}
    summary = pd.DataFrame({head[c]: full[c] for c, _ in _SUMMARY})
    summary[head["p_met"]] = [
        math.nan if p != p else (100.0 * p if fin else shown_percent(p))
        for p, fin in zip(full["p_met"], full["final"], strict=True)]
    if lang != "zh":  # the English of each text column, the Chinese where there is none
        summary[head["name_zh"]] = full["name_en"].where(full["name_en"] != "",
                                                         full["name_zh"])
        summary[head["category_zh"]] = full["category_en"].where(full["category_en"] != "",
                                                                 full["category_zh"])
        summary[head["unit"]] = full["unit"].map(unit_en)  # the unit the values are in
        summary[head["status_zh"]] = full["status_en"]
        summary[head["reason_zh"]] = full["reason_en"]
    sheets = {sheet_name("about", lang): _about(a, lang, account),
              sheet_name("summary", lang): summary}
    if account is not None:
        acc = A.account_table(account, lang)
        sheets[sheet_name("account", lang)] = acc[[c for c in acc.columns
                                                   if not c.startswith("_")]]
        sheets[sheet_name("retrospective", lang)] = account.retrospective()
    actuals = a.actuals.reset_index(drop=True)
    actuals[report_words("usage_column", lang)] = [P.USAGE[lang].get(x, x)  # or why not
                                                   for x in usage(a, actuals, lang)]
    sheets.update({sheet_name("targets", lang): full, sheet_name("actuals", lang): actuals,
                   sheet_name("projections", lang): projections_frame(a)})
    # text is stored as text, never as a formula: a plan's name "=HYPERLINK(...)" must not
    # come alive in the workbook (numbers still go in as numbers: pandas writes them so)
    with atomic_path(path) as tmp, pd.ExcelWriter(tmp, engine="xlsxwriter",
                                                  engine_kwargs=_BOOK_OPTIONS) as xw:
        book = xw.book
        bold = book.add_format({"bold": True, "bg_color": "#F3F3F3", "border": 1,
                                "text_wrap": True, "valign": "top"})
        numeric = (sheet_name("targets", lang), sheet_name("projections", lang))
        for name, df in sheets.items():
            _clean(df).to_excel(xw, sheet_name=name, index=False, na_rep="")
            ws = xw.sheets[name]
            ws.freeze_panes(1, 0)
            ws.autofilter(0, 0, max(len(df), 1), max(len(df.columns) - 1, 0))
            header_lines = 1
            for j, c in enumerate(df.columns):
                width = min(max(8, int(_width(df[c]) * 1.1)), 60)
                fmt = None
                if name in numeric and pd.api.types.is_numeric_dtype(df[c]) \
                        and df[c].dtype != bool:
                    fmt = book.add_format({"num_format": _number_format(str(c))})
                ws.set_column(j, j, width, fmt)
                ws.write(0, j, c, bold)
                header_lines = max(header_lines, math.ceil(_width(pd.Series([c])) / width))
            # a wrapped header gets a row tall enough for its lines (LibreOffice and WPS
            # do not grow rows by themselves)
            ws.set_row(0, 15 * header_lines)
            _print_setup(ws, landscape=name != sheet_name("about", lang))
        ws = xw.sheets[sheet_name("summary", lang)]
        for j, (_, fmt) in enumerate(_SUMMARY):
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
        wrap = book.add_format({"text_wrap": True, "valign": "top"})
        about = sheets[sheet_name("about", lang)]
        ws = xw.sheets[sheet_name("about", lang)]
        ws.set_column(0, 0, _ABOUT_WIDTH, wrap)
        for i, line in enumerate(about.iloc[:, 0], start=1):
            # wrapped, with the row tall enough for its lines (LibreOffice does not grow rows
            # by itself), so the sheet prints whole on a portrait page
            lines = max(1, math.ceil(_width(pd.Series([line])) / _ABOUT_WIDTH))
            ws.set_row(i, 15 * lines)
            ws.write_string(i, 0, line, wrap)
        if account is not None:
            ws = xw.sheets[sheet_name("account", lang)]
            last = len(A.ACCOUNT_COLUMNS) - 1  # the reason, widest, at the end
            ws.set_column(last, last, 80, wrap)
            outcome = acc[A.account_headers(lang, "outcome")[0]]
            for i, (o, text) in enumerate(zip(acc["_outcome"], outcome, strict=True)):
                st = OUTCOME_STATUS[o]
                ws.write(i + 1, 5, text, book.add_format({
                    "bg_color": STATUS_COLOURS[st], "font_color": STATUS_INK[st], "bold": True}))
    return Path(path)


def _print_setup(ws, landscape: bool) -> None:
    """A4, one page wide (as many pages tall as it takes), the header row on every page,
    landscape for the wide tables, the sheet's name and page number in the footer."""
    ws.set_paper(9)
    if landscape:
        ws.set_landscape()
    ws.fit_to_pages(1, 0)
    ws.repeat_rows(0)
    ws.set_margins(left=0.4, right=0.4, top=0.5, bottom=0.6)
    ws.set_footer("&L&A&R&P / &N")


def _width(s: pd.Series) -> float:
    def w(x) -> float:
        if x is None or (isinstance(x, float) and math.isnan(x)):
            return 0
        t = str(x)
        return sum(2 if ord(ch) > 0x2E80 else 1 for ch in t)
    vals = [w(x) for x in s.head(200)]
    return max([w(s.name), *vals]) if vals else w(s.name)
