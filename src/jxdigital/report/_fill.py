"""The workbook a department fills in (填报表): one row per indicator of a plan, a column per
year, the figures jxdigital already has in grey, and the columns a source needs.

The filled workbook reads back with ``load_actuals(path, plan=...)`` (wide layout): the
data sheet comes first, its header uses only names the reader knows, and every cell the
template filled itself (the plan's base figure, shipped figures) is listed in the hidden
sheet ``_jxdigital``, so the reader leaves those cells out unless the user changed them.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from .. import __version__
from .._atomic import atomic_path
from .._tables import SHIPPED_SHEET
from ..api import assess
from ..catalog import DEFAULT_PLAN, Plan, conversion_factor, load_plan, unit_name
from ..errors import ArgumentError
from ..present.template_words import (
    CHECK_MESSAGE,
    CHECK_STRIPS,
    HEADER_NOTES,
    QUALIFIED_CELL,
    TEMPLATE_HEADERS,
    TEMPLATE_SHEETS,
    as_printed,
    base_comment,
    base_year_note,
    definition_notes,
    figure_comment,
    help_lines,
    target_name,
    workbook_title,
)
from ._excel import created_on

#: Fill of the cells jxdigital filled in (the plan's base figure, shipped figures).
SHIPPED_FILL = "#E7E6E6"
_HEAD_FILL = "#DDEBF7"  # columns to fill in: years
_SOURCE_FILL = "#FFF2CC"  # columns to fill in: the source
_INK_QUIET = "#808080"
#: Rows below the indicators that still accept figures (for one row per extra source).
SPARE_ROWS = 200
#: Measures of a target whose year cells are levels of its indicator.
_LEVEL_MEASURES = ("level", "annual_flow")


def parse_years(text: str) -> list[int]:
    """``2021-2025`` → [2021, …, 2025]; ``2021,2023`` and ``2023`` also (full-width commas
    and digits too); else ValueError."""
    s = re.sub(r"\s+", "", unicodedata.normalize("NFKC", str(text)))
    s = s.replace("–", "-").replace("—", "-")
    expected = f"years such as 2021-2025, 2021,2023 or 2023, between 1990 and 2100 (got {text!r})"
    years: set[int] = set()
    for part in s.split(","):
        m = re.fullmatch(r"(\d{4})(?:-(\d{4}))?", part)
        if not m:
            raise ArgumentError(expected)
        a, b = int(m[1]), int(m[2] or m[1])
        if not (1990 <= a <= b <= 2100):
            raise ArgumentError(expected if a <= b else
                             f"a range from an earlier to a later year (got {text!r})")
        years.update(range(a, b + 1))
    if len(years) > 40:
        raise ArgumentError(f"at most 40 years (got {len(years)} from {text!r})")
    return sorted(years)


def _plan_years(plan: Plan) -> tuple[int | None, int]:
    """(base year or None, target year) of the plan, from its rows when it does not say."""
    base = plan.base_year
    if base is None:
        known = [t.base_year for t in plan.targets if t.base_year is not None]
        base = min(known) if known else None
    target = plan.target_year or max(t.target_year for t in plan.targets)
    return base, target


def template_years(plan: Plan, years: list[int] | None = None) -> tuple[int | None, list[int]]:
    """(base year column or None, year columns to fill in): by default the year after the
    base year to the target year."""
    base, target = _plan_years(plan)
    if years is not None and not years:
        raise ArgumentError("years: at least one year (got none)")
    if years is None:
        first = base + 1 if base is not None else target - 4
        years = list(range(first, target + 1))
    return base, sorted(set(years))


@dataclass
class _Cell:
    value: float | str
    text: str  # what the reader will see
    comment: str = ""


@dataclass
class _Row:
    indicator_id: str
    name: str
    unit: str
    definition: str
    region: str
    cells: dict[int, _Cell] = field(default_factory=dict)  # year → jxdigital's figure


def _number_text(v: float) -> str:
    return f"{v:.15g}"


def _tidy_number(v: float) -> float | int:
    v = float(f"{v:.12g}")  # 1.04万亿 → 10400.000000000002 亿 is 10400
    return int(v) if v.is_integer() and abs(v) < 1e15 else v


def _cell_for(value: float, qualifier: str) -> tuple[float | str, str]:
    v = _tidy_number(value)
    form = QUALIFIED_CELL.get(qualifier)
    if form:
        text = form.format(_number_text(v))
        return text, text
    return v, _number_text(v)


def _base_cell(text: str) -> tuple[float | str, str]:
    s = text.strip()
    try:
        v = float(s)
    except ValueError:
        return s, s
    if math.isnan(v) or math.isinf(v):
        return s, s
    v2 = _tidy_number(v)
    return v2, _number_text(v2)


def _definition(t, lang: str, audit=None) -> str:
    """The row's 定义: the plan's words, then what the catalogue found about them, in the
    workbook's language (the Chinese form carries no English note)."""
    quote = re.sub(r"[ \t]+", "  ", t.source.quote.strip())
    if quote:
        quote = as_printed(quote, lang)
    return "\n".join(x for x in (quote, *definition_notes(t, audit, lang)) if x)


def _figure_cell(r, unit: str, lang: str) -> _Cell | None:
    """A cell for a figure the assessment used (a row of ``Assessment.series``), in the
    row's ``unit``, written with its qualifier; None when its unit does not convert."""
    try:
        factor = conversion_factor(r.unit, unit) if r.unit != unit else 1.0
    except ValueError:
        return None
    value, text = _cell_for(r.value * factor, r.qualifier)
    return _Cell(value, text, figure_comment(r, text, unit, lang))


def template_rows(plan: Plan, years: list[int], lang: str = "zh",
                  base_year: int | None = None, used: Mapping | None = None) -> list[_Row]:
    """One row per indicator and region of ``plan`` with the plan's base figure and the figures the
    assessment rests on (``used``: ``Assessment.series``, default: the plan assessed with
    the shipped figures), bounds and derived figures with their qualifier."""
    columns = set(years) | ({base_year} if base_year is not None else set())
    if used is None:
        used = assess(plan).series
    audit = plan.audit().set_index("key")
    rows: dict[tuple[str, str], _Row] = {}
    for t in plan.targets:
        ind = t.indicator
        row = rows.get((t.indicator_id, t.region))
        if row is None:
            row = rows[t.indicator_id, t.region] = _Row(
                t.indicator_id, target_name(ind, lang), unit_name(ind.unit),
                _definition(t, lang, audit.loc[t.key]), t.region)
        if t.base_year in columns and t.base_text.strip() and t.base_year not in row.cells:
            value, text = _base_cell(t.base_text)
            row.cells[t.base_year] = _Cell(value, text, base_comment(plan, t.base_text, lang))
        if t.measure not in _LEVEL_MEASURES:
            continue
        figures = used.get(t.key)
        if figures is None or not len(figures):
            continue
        own = figures[(figures["indicator_id"] == t.indicator_id)
                      & (figures["region"] == t.region)
                      & figures["comparable"].astype(bool)
                      & (figures["as_of"].astype(str) == "")]
        for r in own.sort_values("year").itertuples():
            y = int(r.year)
            if y not in columns or y in row.cells:
                continue
            cell = _figure_cell(r, ind.unit, lang)
            if cell is not None:
                row.cells[y] = cell
    return list(rows.values())


# --- the workbook -------------------------------------------------------------------------------

def _validation_formula(cell: str) -> str:
    """Accept numbers, — and texts that are a number once the qualifier words are removed
    (6万多, 约3000, 3000以上, 超过3000, 48.6%; Excel reads 10,378 and 48.6% itself)."""
    inner = cell
    for word in CHECK_STRIPS:
        inner = f'SUBSTITUTE({inner},"{word}","")'
    return (f'=OR(ISNUMBER({cell}),{cell}="—",{cell}="-",'
            f"ISNUMBER(--TRIM({inner})))")


def _text_width(text: str) -> int:
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)


def _lines(text: str, width: float) -> int:
    """Lines ``text`` takes in a column ``width`` characters wide: each paragraph's width
    over the room (a tenth lost to breaking at words and glyph widths)."""
    room = max(0.9 * (width - 1), 1)
    return sum(max(1, math.ceil(_text_width(part) / room)) for part in (text.split("\n") or [""]))


def write_template(path: str | Path, plan: Plan | str | Path | None = None,
                   years: list[int] | None = None, lang: str = "zh",
                   overwrite: bool = False, rows: list[_Row] | None = None,
                   today: dt.date | None = None) -> Path:
    """Write the workbook a department fills in with its figures for ``plan``.

    Sheets: 填报 (one row per indicator: indicator_id, 指标名称, 单位, 定义, the base year,
    a column per year, 来源, 发布单位, 发布日期, 口径说明, 备注, 地区; header frozen; the
    figures jxdigital has in grey with their source in a comment), 说明 (what to type) and
    the hidden ``_jxdigital`` (the cells jxdigital filled). ``years`` defaults to the year
    after the base year to the target year. ``lang='en'`` writes English names and help and
    the reader's English headers. The file is written whole or not at all; an existing
    file is kept unless ``overwrite``. ``rows``: ``template_rows`` already made for it.
    ``today``: the workbook's creation date (default: the machine's date).
    """
    xlsxwriter = _xlsxwriter()
    path = _template_path(path, lang, overwrite)
    if not isinstance(plan, Plan):
        plan = load_plan(DEFAULT_PLAN if plan is None else plan)
    base, years = template_years(plan, years)
    if rows is None:
        rows = template_rows(plan, years, lang, base)
    lay = _layout(rows, base, years, lang)
    data_name, help_name = TEMPLATE_SHEETS[lang]
    with atomic_path(path) as tmp:
        book = xlsxwriter.Workbook(str(tmp), {"strings_to_formulas": False,
                                              "strings_to_numbers": False,
                                              "strings_to_urls": False})
        book.set_properties({"title": workbook_title(plan, lang),
                             "comments": f"jxdigital {__version__} template for plan "
                                         f"{plan.plan_id}",
                             "created": created_on(today or dt.date.today())})
        F = _formats(book)
        ws = book.add_worksheet(data_name)
        helpws = book.add_worksheet(help_name)
        record = book.add_worksheet(SHIPPED_SHEET)
        recorded = _write_figures_sheet(ws, lay, rows, F, lang)
        _write_help_sheet(helpws, help_lines(plan, base, years, lang, data_name,
                                             len(recorded), __version__), F)
        _write_record_sheet(record, data_name, recorded)
        book.close()
    return path


def _xlsxwriter():
    try:
        import xlsxwriter
    except ImportError:
        raise ImportError("the template needs XlsxWriter: pip install 'jxdigital[excel]'") \
            from None
    return xlsxwriter


def _template_path(path: str | Path, lang: str, overwrite: bool) -> Path:
    """``path`` as a Path, once the language, the .xlsx ending and overwriting are right."""
    if lang not in TEMPLATE_HEADERS:
        known = " or ".join(repr(x) for x in TEMPLATE_HEADERS)
        raise ArgumentError(f"argument 'lang': expected {known}, got {lang!r}")
    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        raise ArgumentError(f"the template is an .xlsx workbook: give a file name ending in .xlsx "
                         f"(got {path.name!r})")
    if path.exists() and not overwrite:
        raise FileExistsError(f"{str(path)!r} exists; remove it or allow overwriting "
                              "(--force)")
    return path


@dataclass(frozen=True)
class _Layout:
    """The figures sheet's columns: ``H`` the header words of the language, ``header`` the
    headers in order and ``col`` their positions, ``widths`` by header; the ``years`` to
    fill in and the ``year_cols`` (with the ``base`` year's, when the plan has one)."""

    H: Mapping[str, str]
    header: list[str]
    col: dict[str, int]
    widths: dict[str, int]
    years: list[int]
    year_cols: list[int]
    base: int | None

    @property
    def first_year(self) -> int:
        return self.col[str(self.year_cols[0])]

    @property
    def last_year(self) -> int:
        return self.col[str(self.year_cols[-1])]


def _layout(rows: list[_Row], base: int | None, years: list[int], lang: str) -> _Layout:
    H = TEMPLATE_HEADERS[lang]
    year_cols = sorted(set(years) | ({base} if base is not None else set()))
    header = [H["id"], H["name"], H["unit"], H["definition"], *map(str, year_cols),
              H["source_title"], H["publisher"], H["published"], H["scope_note"], H["note"],
              H["region"]]
    # the ids in full (9 pt: about 0.85 of a default character each)
    id_width = max([12] + [math.ceil(0.85 * len(r.indicator_id)) + 2 for r in rows])
    widths = {H["id"]: id_width, H["name"]: 26, H["unit"]: 7, H["definition"]: 40,
              H["source_title"]: 26, H["publisher"]: 16, H["published"]: 11,
              H["scope_note"]: 18, H["note"]: 16, H["region"]: 8}
    return _Layout(H, header, {h: j for j, h in enumerate(header)}, widths, years, year_cols,
                   base)


def _formats(book) -> dict:
    """The template's cell formats, by name (``h_``: the help sheet's)."""
    return {k: book.add_format(v) for k, v in {
        "head": {"bold": True, "bg_color": "#F3F3F3", "border": 1, "text_wrap": True,
                 "valign": "vcenter", "align": "center"},
        "head_id": {"bold": True, "bg_color": "#F3F3F3", "border": 1, "valign": "vcenter",
                    "font_color": _INK_QUIET, "font_size": 9},
        "head_year": {"bold": True, "bg_color": _HEAD_FILL, "border": 1,
                      "valign": "vcenter", "align": "center"},
        "head_base": {"bold": True, "bg_color": SHIPPED_FILL, "border": 1,
                      "valign": "vcenter", "align": "center"},
        "head_source": {"bold": True, "bg_color": _SOURCE_FILL, "border": 1,
                        "text_wrap": True, "valign": "vcenter", "align": "center"},
        "id": {"font_color": _INK_QUIET, "font_size": 9, "border": 1, "valign": "top"},
        "name": {"bold": True, "text_wrap": True, "border": 1, "valign": "top"},
        "unit": {"border": 1, "valign": "top", "align": "center"},
        "definition": {"text_wrap": True, "border": 1, "valign": "top", "font_size": 9,
                       "font_color": "#404040"},
        "figure": {"border": 1, "valign": "top", "num_format": "General"},
        "shipped": {"border": 1, "valign": "top", "num_format": "General",
                    "bg_color": SHIPPED_FILL, "font_color": "#595959", "align": "right"},
        "text": {"border": 1, "valign": "top", "text_wrap": True},
        "date": {"border": 1, "valign": "top", "num_format": "yyyy-mm-dd"},
        "region": {"font_color": _INK_QUIET, "font_size": 9, "border": 1, "valign": "top"},
        "h_title": {"bold": True, "font_size": 14},
        "h_head": {"bold": True, "font_size": 11, "bg_color": "#F3F3F3"},
        "h_text": {"text_wrap": True, "valign": "top"},
        "h_grey": {"text_wrap": True, "valign": "top", "bg_color": SHIPPED_FILL},
    }.items()}


def _write_figures_sheet(ws, lay: _Layout, rows: list[_Row], F: dict, lang: str
                         ) -> list[tuple[int, str, str, str]]:
    """The sheet to fill in: its header, a row per indicator, the check on what is typed
    into the year columns, A4 landscape. Returns the cells jxdigital filled, as (Excel
    row, column, text, indicator_id)."""
    _write_header(ws, lay, F, lang)
    recorded: list[tuple[int, str, str, str]] = []
    for i, row in enumerate(rows, start=1):
        recorded += _write_row(ws, i, row, lay, F)
    ws.freeze_panes(1, 3)
    ws.data_validation(1, lay.first_year, len(rows) + SPARE_ROWS, lay.last_year, {
        "validate": "custom", "value": _validation_formula(f"{_column_name(lay.first_year)}2"),
        "ignore_blank": True, "error_type": "stop",
        "error_title": CHECK_MESSAGE[lang]["title"],
        "error_message": CHECK_MESSAGE[lang]["message"],
    })
    ws.set_landscape()
    ws.set_paper(9)  # A4
    ws.fit_to_pages(1, 0)
    ws.repeat_rows(0)
    ws.print_area(0, 0, max(len(rows), 1), len(lay.header) - 1)
    ws.activate()
    return recorded


def _column_name(j: int) -> str:
    from xlsxwriter.utility import xl_col_to_name

    return xl_col_to_name(j)


def _write_header(ws, lay: _Layout, F: dict, lang: str) -> None:
    """The header row: the years to fill in blue, the base year grey, the source columns
    yellow; a note on the columns that need one."""
    H, base = lay.H, lay.base
    for j, h in enumerate(lay.header):
        ws.set_column(j, j, lay.widths.get(h, 10))
    ws.set_row(0, 30)
    sources = (H["source_title"], H["publisher"], H["published"], H["scope_note"], H["note"])
    for j, h in enumerate(lay.header):
        fmt = ("head_id" if h in (H["id"], H["region"]) else
               "head_base" if base is not None and h == str(base) and base not in lay.years
               else "head_year" if lay.first_year <= j <= lay.last_year else
               "head_source" if h in sources else "head")
        ws.write_string(0, j, h, F[fmt])
    header_notes = {H[k]: note for k, note in HEADER_NOTES[lang].items()}
    if base is not None and base not in lay.years:
        header_notes[str(base)] = base_year_note(base, lang)
    for h, note in header_notes.items():
        ws.write_comment(0, lay.col[h], note, {"author": "jxdigital", "x_scale": 1.5})


def _write_row(ws, i: int, row: _Row, lay: _Layout, F: dict) -> list[tuple[int, str, str, str]]:
    """An indicator's row ``i``: its names, jxdigital's figures in grey with their source in
    a comment, empty cells to fill in; tall enough for every line. Returns the cells
    jxdigital filled."""
    H, col = lay.H, lay.col
    ws.write_string(i, col[H["id"]], row.indicator_id, F["id"])
    ws.write_string(i, col[H["name"]], row.name, F["name"])
    ws.write_string(i, col[H["unit"]], row.unit, F["unit"])
    ws.write_string(i, col[H["definition"]], row.definition, F["definition"])
    recorded = []
    for y in lay.year_cols:
        j = col[str(y)]
        cell = row.cells.get(y)
        if cell is None:
            ws.write_blank(i, j, None, F["figure"])
            continue
        if isinstance(cell.value, str):
            ws.write_string(i, j, cell.value, F["shipped"])
        else:
            ws.write_number(i, j, cell.value, F["shipped"])
        ws.write_comment(i, j, cell.comment, {"author": "jxdigital", "x_scale": 2.2,
                                              "y_scale": 1.6})
        recorded.append((i + 1, str(y), cell.text, row.indicator_id))
    for h in (H["source_title"], H["publisher"], H["scope_note"], H["note"]):
        ws.write_blank(i, col[h], None, F["text"])
    ws.write_blank(i, col[H["published"]], None, F["date"])
    ws.write_string(i, col[H["region"]], row.region, F["region"])
    # every line of a wrapped cell shows: 15 pt a line of the 11 pt name, 12 pt a line of
    # the 9 pt definition (about 11/9 as many characters to the width)
    height = max(15 * _lines(row.name, lay.widths[H["name"]]),
                 12 * _lines(row.definition, lay.widths[H["definition"]] * 11 / 9)) + 3
    ws.set_row(i, min(409, height))
    return recorded


def _write_help_sheet(ws, lines: list[tuple[str, str]], F: dict) -> None:
    """What to type, a paragraph a row (a blank row above each heading)."""
    ws.set_column(0, 0, 90)
    ws.set_paper(9)
    ws.fit_to_pages(1, 0)
    r = 0
    for style, text in lines:
        if style == "head":
            r += 1  # a blank line above each heading
        ws.write_string(r, 0, text, F["h_" + style])  # 'grey': in the colour itself
        if style in ("text", "grey"):
            ws.set_row(r, 15 * _lines(text, 90))
        elif style == "title":
            ws.set_row(r, 22)
        r += 1


def _write_record_sheet(ws, data_name: str, recorded: list[tuple[int, str, str, str]]
                        ) -> None:
    """The hidden record of the cells jxdigital filled, which the reader leaves out unless
    the user changed them."""
    ws.write_row(0, 0, ["sheet", "row", "column", "text", "indicator_id"])
    for k, (excel_row, column, text, iid) in enumerate(recorded, start=1):
        ws.write_string(k, 0, data_name)
        ws.write_number(k, 1, excel_row)
        ws.write_string(k, 2, column)
        ws.write_string(k, 3, text)
        ws.write_string(k, 4, iid)
    ws.hide()


__all__ = ["SHIPPED_FILL", "parse_years", "template_rows", "template_years", "write_template"]
