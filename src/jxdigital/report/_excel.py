"""The assessment as an Excel workbook (XlsxWriter): it lays out the view
(``present.view``). Numbers stay numbers with the format the report shows them in (``10以上``
is the number 10 shown with 以上), text stays text (never a formula), yes / no in words,
headers in the report's language.

Sheets: 说明 (what the workbook is, when it was made, the one count sentence, the rules),
概览 (the targets: binding first, by section, status colours; its print area is the key
columns, readable on A4 at full size), 回顾 (each year's review of the settled targets)
where an outcome is known, then every measure of every target, every figure with its
source, and every projection.
"""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path

import pandas as pd

from .._atomic import atomic_path
from ..present import sheet_name
from ..present.view import ReportView, Table, view

#: XlsxWriter's ``write`` would make any text starting with "=" a live formula.
_BOOK_OPTIONS = {"strings_to_formulas": False, "strings_to_numbers": False,
                 "strings_to_urls": False}
#: Width of the cover sheet's one column, in character units: a portrait A4 page.
_ABOUT_WIDTH = 72
#: Width a header claims for its column: a longer one wraps.
HEADER_UNITS = 8
#: The 概览 columns printed (the reasons, long, are read on screen).
KEY_COLUMNS = ("section", "seq", "region", "indicator", "attribute", "target", "latest",
               "latest_year", "projection", "p_met", "against", "need", "status", "grade")
#: Widest a column of 概览 gets (character units; its text wraps): the key columns fit a
#: landscape A4 page at full size.
MAX_WIDTH = {"section": 12, "indicator": 24, "target": 10, "need": 10, "status": 10,
             "against": 10}


def _require():
    try:
        import xlsxwriter  # noqa: F401
    except ImportError:
        raise ImportError("Excel output needs XlsxWriter: pip install 'jxdigital[excel]'") \
            from None


def _width(text) -> float:
    """Display width of a text in Excel's character units (a CJK character is two)."""
    if text is None or (isinstance(text, float) and math.isnan(text)):
        return 0
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in str(text))


def _write_table(book, ws, t: Table, fmt_cache: dict, *, section_head: str | None = None,
                 reason_width: int = 80, max_width: dict | None = None) -> list[int]:
    """``t`` on ``ws``: a header row, then a row per table row; a cell with a number is
    written as that number in its format, every other as text; status cells in their
    colours; ``section_head``: the header of a first column naming each row's section
    (None: no such column). Returns each column's width."""
    bold = fmt_cache.setdefault("head", book.add_format(
        {"bold": True, "bg_color": "#F3F3F3", "border": 1, "text_wrap": True, "valign": "top"}))
    headers = ([section_head] if section_head is not None else []) + t.headers
    for j, h in enumerate(headers):
        ws.write_string(0, j, h, bold)
    # as wide as the cells; a long header wraps onto a second line instead
    widths = [min(_width(h), HEADER_UNITS) for h in headers]
    shift = 1 if section_head is not None else 0
    for i, row in enumerate(t.rows, start=1):
        if shift:
            title = t.section_of(i - 1)
            ws.write_string(i, 0, title, _format(book, fmt_cache, wrap=True))
            widths[0] = max(widths[0], _width(title))
        for j, (c, cell) in enumerate(zip(t.columns, row, strict=True), start=shift):
            _write_cell(book, ws, fmt_cache, i, j, c.kind, cell)
            widths[j] = max(widths[j], _width(cell.text))
    out = _set_widths(book, ws, fmt_cache, [None] * shift + list(t.columns), widths,
                      reason_width, max_width or {})
    header_lines = max(math.ceil(_width(h) / w) for h, w in zip(headers, out, strict=True))
    ws.set_row(0, 15 * max(header_lines, 1))
    ws.freeze_panes(1, 0)
    ws.autofilter(0, 0, max(len(t.rows), 1), len(headers) - 1)
    return out


def _format(book, cache: dict, num: str = "", fill: str = "", ink: str = "",
            wrap: bool = False):
    """The cell format of a number format, a status fill and ink, wrapping: made once."""
    key = (num, fill, ink, wrap)
    if key not in cache:
        spec: dict = {"valign": "top"}
        if num:
            spec["num_format"] = num
        if fill:
            spec.update(bg_color=fill, font_color=ink or "#000000", bold=True)
        if wrap:
            spec["text_wrap"] = True
        cache[key] = book.add_format(spec)
    return cache[key]


def _write_cell(book, ws, cache: dict, i: int, j: int, kind: str, cell) -> None:
    """A table's cell: a finite number as that number in its format, "—" and "" empty,
    anything else as its text."""
    number = isinstance(cell.value, (int, float))
    # names and words wrap in their columns; a reason (the last column, not printed) runs
    # on in one line to the right, so rows stay as tall as the printed columns need
    f = _format(book, cache, cell.fmt if number else "", cell.fill, cell.ink,
                kind != "reason" and not number)
    if number and not isinstance(cell.value, bool) and math.isfinite(cell.value):
        ws.write_number(i, j, float(cell.value), f)
    elif cell.text in ("—", ""):
        ws.write_blank(i, j, None, f)
    else:
        ws.write_string(i, j, cell.text, f)


def _set_widths(book, ws, cache: dict, columns: list, widths: list[float], reason_width: int,
                caps: dict) -> list[int]:
    """Each column as wide as its widest text (a little more), at most its cap (40 by
    default); a reason's column ``reason_width``. Returns the widths."""
    out = []
    for j, col in enumerate(columns):
        key = col.key if col is not None else "section"
        w = reason_width if col is not None and col.kind == "reason" else \
            min(max(6, int(widths[j] * 1.05) + 1), caps.get(key, 40))
        ws.set_column(j, j, w, _format(book, cache, wrap=True))
        out.append(w)
    return out


def _print_setup(ws, landscape: bool, fit_width: bool = True) -> None:
    """A4, the header row on every page, the sheet's name and page number in the footer;
    landscape for the wide tables; one page wide where asked."""
    ws.set_paper(9)
    if landscape:
        ws.set_landscape()
    if fit_width:
        ws.fit_to_pages(1, 0)
    ws.repeat_rows(0)
    ws.set_margins(left=0.4, right=0.4, top=0.5, bottom=0.6)
    ws.set_footer("&L&A&R&P / &N")


def created_on(day: dt.date) -> dt.datetime:
    """The workbook's creation time: the day the report was made, so a rerun with the
    same inputs writes the same bytes (xlsxwriter's default is the clock)."""
    return dt.datetime.combine(day, dt.time())


def to_excel(a, path: str | Path, lang: str | None = None, account=None) -> Path:
    """Write the workbook (see the module docstring). ``a``: an Assessment or its view;
    ``account`` is accepted for compatibility."""
    _require()
    v: ReportView = view(a, lang)
    with atomic_path(path) as tmp:
        import xlsxwriter

        book = xlsxwriter.Workbook(str(tmp), _BOOK_OPTIONS)
        book.set_properties({"title": v.heading, "comments": v.dates,
                             "created": created_on(v.assessment.timing.generated)})
        cache: dict = {}
        _about_sheet(book, v, cache)
        _summary_sheet(book, v, cache)
        if v.grid is not None:
            _table_sheet(book, sheet_name("by_region", v.lang), v.grid, cache)
        if v.retrospective is not None:
            _table_sheet(book, sheet_name("retrospective", v.lang), v.retrospective, cache)
        # every measure, every figure, every projection
        for name, df, formats in v.data_sheets():
            ws = book.add_worksheet(name)
            _write_frame(book, ws, df, formats, cache)
            _print_setup(ws, landscape=True)
        book.close()
    return Path(path)


def _about_sheet(book, v: ReportView, cache: dict) -> None:
    """The cover: what the workbook is, when, the one count sentence, the rules."""
    wrap = book.add_format({"text_wrap": True, "valign": "top"})
    head = book.add_format({"bold": True, "font_size": 14, "text_wrap": True})
    ws = book.add_worksheet(sheet_name("about", v.lang))
    ws.set_column(0, 0, _ABOUT_WIDTH, wrap)
    lines = [v.heading, v.dates, v.basis + v.say("sentence_gap") + v.counts]
    if v.retrospective is not None or v.any_finished:
        lines.append(v.retro_sentence)
    lines += list(v.rules)
    lines.append(f"jxdigital {v.version} · plan {v.plan_id} · scheme {v.scheme}")
    ws.write_string(0, 0, v.say("about_column"), cache.setdefault("head", book.add_format(
        {"bold": True, "bg_color": "#F3F3F3", "border": 1, "text_wrap": True,
         "valign": "top"})))
    for i, line in enumerate(lines, start=1):
        # wrapped, the row tall enough for its lines (LibreOffice does not grow rows)
        ws.set_row(i, 15 * max(1, math.ceil(_width(line) / _ABOUT_WIDTH)) + 3)
        ws.write_string(i, 0, line, head if i == 1 else wrap)
    _print_setup(ws, landscape=False)


def _summary_sheet(book, v: ReportView, cache: dict) -> None:
    """The targets (概览), each row tall enough for the text of its printed columns."""
    ws = book.add_worksheet(sheet_name("summary", v.lang))
    widths = _write_table(book, ws, v.book, cache, section_head=v.say("h_category")
                          if v.book.sections else None, max_width=MAX_WIDTH)
    keys = (["section"] if v.book.sections else []) + [c.key for c in v.book.columns]
    shift = len(keys) - len(v.book.columns)
    printed = [j for j, k in enumerate(keys) if k in KEY_COLUMNS]
    for i, row in enumerate(v.book.rows, start=1):  # rows tall enough for their text
        texts = [v.book.section_of(i - 1)] * shift + [c.text for c in row]
        lines_needed = max((math.ceil(_width(texts[j]) / max(widths[j] - 1, 1))
                            for j in printed), default=1)
        ws.set_row(i, 15 * min(max(lines_needed, 1), 12) + 2)
    if printed:
        ws.print_area(0, 0, len(v.book.rows), max(printed))
    # the key columns, one page wide: about full size (they were chosen to fit), the
    # type readable; the reasons are read on screen
    _print_setup(ws, landscape=True, fit_width=True)


def _table_sheet(book, name: str, t: Table, cache: dict) -> None:
    ws = book.add_worksheet(name)
    _write_table(book, ws, t, cache)
    _print_setup(ws, landscape=True)


def _write_frame(book, ws, df: pd.DataFrame, formats: dict[str, str], cache: dict) -> None:
    """A data frame as a sheet: numbers as numbers in their formats, text as text, missing
    values as empty cells."""
    head = cache["head"]
    for j, c in enumerate(df.columns):
        ws.write_string(0, j, str(c), head)
    num_fmt = {c: cache.setdefault(("frame", f), book.add_format({"num_format": f}))
               for c, f in formats.items()}
    for j, c in enumerate(df.columns):
        col = df[c]
        f = num_fmt.get(c)
        values = col.tolist()
        for i, x in enumerate(values, start=1):
            if x is None or (isinstance(x, float) and math.isnan(x)) or x is pd.NA:
                continue
            if f is not None and isinstance(x, (int, float)) and not isinstance(x, bool):
                if math.isfinite(float(x)):
                    ws.write_number(i, j, float(x), f)
            else:
                ws.write_string(i, j, str(x))
        width = min(max(8, int(max([_width(c), *(_width(x) for x in values[:200])]) * 1.1)), 60)
        ws.set_column(j, j, width)
        ws.set_row(0, 30)
    ws.freeze_panes(1, 0)
    ws.autofilter(0, 0, max(len(df), 1), max(len(df.columns) - 1, 0))
