"""The workbook a department fills in (填报表): one row per indicator of a plan, a column per
year, the figures jxdigital already has in grey, and the columns a source needs.

The filled workbook reads back with ``load_actuals(path, plan=...)`` (wide layout): the
data sheet comes first, its header uses only names the reader knows, and every cell the
template filled itself (the plan's base figure, shipped figures) is listed in the hidden
sheet ``_jxdigital``, so the reader leaves those cells out unless the user changed them.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from pathlib import Path

from .. import __version__
from .._atomic import atomic_path
from .._tables import SHIPPED_SHEET
from ..catalog import DEFAULT_PLAN, Plan, conversion_factor, load_plan
from ..observations import shipped_actuals

#: Fill of the cells jxdigital filled in (the plan's base figure, shipped figures).
SHIPPED_FILL = "#E7E6E6"
_HEAD_FILL = "#DDEBF7"  # columns to fill in: years
_SOURCE_FILL = "#FFF2CC"  # columns to fill in: the source
_INK_QUIET = "#808080"
#: Rows below the indicators that still accept figures (for one row per extra source).
SPARE_ROWS = 200
#: Measures of a target whose year cells are levels of its indicator.
_LEVEL_MEASURES = ("level", "annual_flow")
_QUALIFIED = {"lower_bound": "{}以上", "approximate": "约{}", "upper_bound": "近{}",
              "estimate": "预计{}"}

_HEADERS = {
    "zh": {"id": "indicator_id", "name": "指标名称", "unit": "单位", "definition": "定义",
           "source_title": "来源", "publisher": "发布单位", "published": "发布日期",
           "scope_note": "口径说明", "note": "备注", "region": "地区"},
    "en": {"id": "indicator_id", "name": "indicator", "unit": "unit",
           "definition": "definition", "source_title": "source_title",
           "publisher": "publisher", "published": "published", "scope_note": "scope_note",
           "note": "note", "region": "region"},
}
_SHEETS = {"zh": ("填报", "说明"), "en": ("figures", "how to fill in")}


def parse_years(text: str) -> list[int]:
    """``2021-2025`` → [2021, …, 2025]; ``2021,2023`` and ``2023`` also; else ValueError."""
    s = re.sub(r"\s+", "", str(text)).replace("–", "-").replace("—", "-").replace("，", ",")
    expected = f"years such as 2021-2025, 2021,2023 or 2023, between 1990 and 2100 (got {text!r})"
    years: set[int] = set()
    for part in s.split(","):
        m = re.fullmatch(r"(\d{4})(?:-(\d{4}))?", part)
        if not m:
            raise ValueError(expected)
        a, b = int(m[1]), int(m[2] or m[1])
        if not (1990 <= a <= b <= 2100):
            raise ValueError(expected if a <= b else
                             f"a range from an earlier to a later year (got {text!r})")
        years.update(range(a, b + 1))
    if len(years) > 40:
        raise ValueError(f"at most 40 years (got {len(years)} from {text!r})")
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
        raise ValueError("years: at least one year (got none)")
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
    form = _QUALIFIED.get(qualifier)
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


def _definition(t, zh: bool) -> str:
    """What the catalogue says of the row: the plan's words, then the catalogue's note."""
    quote = re.sub(r"[ \t]+", "  ", t.source.quote.strip())
    if quote:
        quote = ("规划原文：" if zh else "As printed: ") + quote
    return "\n".join(x for x in (quote, t.note.strip()) if x)


def _shipped_figures(plan: Plan, years: list[int]) -> dict[tuple[str, int], object]:
    """(indicator, year) → the selected comparable year-end shipped figure (a row)."""
    a = shipped_actuals()
    a = a[a["selected"] & a["comparable"].astype(bool) & (a["as_of"] == "")
          & (a["region"] == plan.region) & a["year"].isin(years)]
    return {(r.indicator_id, int(r.year), r.measure): r for r in a.itertuples()}


def _comment(r, value_text: str, unit: str, zh: bool) -> str:
    published = f"{r.value_published:.15g}{r.unit_published}"
    lines = ([f"jxdigital 已有数据：{value_text}（单位：{unit or '无'}；原文 {published}）",
              f"来源：{r.source_title}"] if zh else
             [f"jxdigital already has: {value_text} (unit: {unit or 'none'}; as published: "
              f"{published})", f"Source: {r.source_title}"])
    for label_zh, label_en, v in (("发布单位", "Publisher", r.publisher),
                                  ("发布日期", "Published", r.published),
                                  ("网址", "URL", r.source_url),
                                  ("口径", "Scope", r.scope_note)):
        if v:
            lines.append(f"{label_zh}：{v}" if zh else f"{label_en}: {v}")
    lines.append("有更新或更准确的数字：直接改写本格，并在本行填写来源。" if zh else
                 "A newer or better figure: type over this cell and give its source in this row.")
    return "\n".join(lines)


def template_rows(plan: Plan, years: list[int], lang: str = "zh",
                  base_year: int | None = None) -> list[_Row]:
    """One row per indicator of ``plan`` with the base figure and the shipped figures."""
    zh = lang == "zh"
    columns = set(years) | ({base_year} if base_year is not None else set())
    shipped = _shipped_figures(plan, sorted(columns))
    title = plan.title_zh or plan.plan_id
    rows: dict[str, _Row] = {}
    for t in plan.targets:
        ind = t.indicator
        row = rows.get(t.indicator_id)
        if row is None:
            row = rows[t.indicator_id] = _Row(
                t.indicator_id, ind.name_zh if zh else (ind.name_en or ind.name_zh),
                ind.unit, _definition(t, zh), plan.region)
        if t.base_year in columns and t.base_text.strip() and t.base_year not in row.cells:
            value, text = _base_cell(t.base_text)
            row.cells[t.base_year] = _Cell(value, text, (
                f"规划基期值（{title}原文：{t.base_text}）。这是规划的数字，不会当作您的数据读入；"
                "有修订数可直接改写本格，并在本行填写来源。" if zh else
                f"The plan's base figure (as printed in {title}: {t.base_text}). Not read as "
                "your figure; type over it only with a revised figure, and give its source."))
        if t.measure not in _LEVEL_MEASURES:
            continue
        measure = "share_pct" if ind.is_share else "level"
        for y in sorted(columns):
            r = shipped.get((t.indicator_id, y, measure))
            if r is None or y in row.cells:
                continue
            try:
                factor = conversion_factor(r.unit, ind.unit) if r.unit != ind.unit else 1.0
            except ValueError:
                continue
            value, text = _cell_for(r.value * factor, r.qualifier)
            row.cells[y] = _Cell(value, text, _comment(r, text, ind.unit, zh))
    return list(rows.values())


# --- the 说明 sheet ---------------------------------------------------------------------------

def _help_lines(plan: Plan, base: int | None, years: list[int], lang: str,
                data_sheet: str, n_shipped: int) -> list[tuple[str, str]]:
    """(style, text) lines: 'title', 'head' or 'text'."""
    span = f"{years[0]}–{years[-1]}" if len(years) > 1 else str(years[0])
    if lang == "zh":
        base_line = (f"{base}列是规划的基期值（规划原文），不必填写。" if base is not None
                     and base not in years else "")
        return [
            ("title", f"{plan.title_zh or plan.plan_id}：数据填报表"),
            ("text", f"规划：{plan.plan_id}；地区：{plan.region}；"
                     f"由 jxdigital {__version__} 生成。"),
            ("head", "填什么"),
            ("text", f"在“{data_sheet}”表中，每行一个指标。在年份列（{span}）填写该年年末或"
                     "全年的数字；不知道的年份留空或写 —。只填年末/全年数，年中数（如截至9月）"
                     "请不要填。"),
            ("text", "数字的单位按“单位”列；如果您的数字用别的单位（如万元），把该行的单位改成它。"
                     + base_line),
            ("text", f"灰色格子（共{n_shipped}个）是 jxdigital 已有的数字（规划基期值或已收录的公开"
                     "数据），鼠标停在格子上可看来源。它们不会当作您的数据读入；改写后按您的数据读入。"),
            ("head", "数字怎么写"),
            ("text", "普通数字：10378 或 10,378，单位按“单位”列：单位是“万个”的行，6万个写 6"
                     "（写 6万 会读成 6万万个）。"),
            ("text", "下限：6万多（单位是“个”的行）、3000多、3000以上、超过3000。约数：约3000、"
                     "3000左右。"),
            ("text", "百分比：48.6 或 48.6%（不要写成 0.486）。不知道：— 或留空。"),
            ("text", "Excel 会拒绝无法识别的文字（如“较快增长”）；说明文字请写在“备注”列。"),
            ("head", "来源"),
            ("text", "每行一个来源：来源（报表、公报、文件或网页的标题）、发布单位、发布日期"
                     "（如 2022-03-01 或 2022年3月1日）、口径说明（与规划定义不同之处，如"
                     "“规上企业”“不含…”）。"),
            ("text", "不同年份的数字来源不同：每个来源用一行。把该指标整行复制到表格最下面的空行，"
                     "删去新行中灰色格子的数字和不属于这个来源的数字，再填这个来源。"),
            ("text", "可以排序或复制行：未改动的灰色数字不会被当作您填报的数字读入。请不要改动"
                     "indicator_id 列和“地区”列。"),
            ("head", "检查与使用"),
            ("text", "保存后检查：jxdigital validate 填报表.xlsx --plan " + plan.plan_id),
            ("text", "生成报告：jxdigital report --plan " + plan.plan_id
                     + " --actuals 填报表.xlsx"),
        ]
    base_line = (f" Column {base} is the plan's base figure, as printed: no need to fill it in."
                 if base is not None and base not in years else "")
    return [
        ("title", f"{plan.title_en or plan.title_zh or plan.plan_id}: figures to fill in"),
        ("text", f"Plan {plan.plan_id}; region {plan.region}; made by jxdigital {__version__}."),
        ("head", "What to fill in"),
        ("text", f"On sheet '{data_sheet}', one row per indicator. In the year columns ({span}) "
                 "type the year-end or full-year figure; leave a year not known empty or type —."
                 " Year-end or full-year figures only: no part-year figures (e.g. to September)."),
        ("text", "Figures are in the row's unit (column unit); if yours are in another unit "
                 "(e.g. 万元), change the row's unit to it." + base_line),
        ("text", f"Grey cells ({n_shipped}) are figures jxdigital already has (the plan's base "
                 "figure or published data); hover over one to see its source. They are not read"
                 " as yours unless you type over them."),
        ("head", "How to type a figure"),
        ("text", "A plain number: 10378 or 10,378, in the row's unit: in a 万个 row, 6万个 is "
                 "6 (6万 would read as 6万 万个)."),
        ("text", "A lower bound: 6万多 (in a 个 row), 3000多, 3000以上, 超过3000. An approximate "
                 "figure: 约3000, 3000左右."),
        ("text", "Percentages: 48.6 or 48.6% (not 0.486). Not known: — or leave empty."),
        ("text", "Excel rejects text it cannot read as a figure; put remarks in the note column."),
        ("head", "Sources"),
        ("text", "One source per row: source_title (the report, bulletin, document or web page), "
                 "publisher, published (a date such as 2022-03-01), scope_note (how the figure's "
                 "definition differs from the plan's)."),
        ("text", "Years from different sources: one row per source. Copy the indicator's row to "
                 "the first empty row below the table, delete the grey figures and the figures "
                 "of other sources in the copy, and give this source."),
        ("text", "Rows may be sorted or copied: a grey figure left as it is is never read as "
                 "yours. Do not change the indicator_id and region columns."),
        ("head", "Check and use"),
        ("text", f"Check: jxdigital validate FILE.xlsx --plan {plan.plan_id}"),
        ("text", f"Report: jxdigital report --plan {plan.plan_id} --actuals FILE.xlsx"),
    ]


# --- the workbook -------------------------------------------------------------------------------

def _validation_formula(cell: str) -> str:
    """Accept numbers, — and texts that are a number once the qualifier words are removed
    (6万多, 约3000, 3000以上, 超过3000, 48.6%; Excel reads 10,378 and 48.6% itself)."""
    inner = cell
    for word in ("约", "多", "以上", "左右", "超过", "万", "亿", "近", "余", ">"):
        inner = f'SUBSTITUTE({inner},"{word}","")'
    return (f'=OR(ISNUMBER({cell}),{cell}="—",{cell}="-",'
            f"ISNUMBER(--TRIM({inner})))")


def _text_width(text: str) -> int:
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)


def _lines(text: str, width: float) -> int:
    return sum(max(1, math.ceil(_text_width(part) / max(width - 1, 1)))
               for part in (text.split("\n") or [""]))


def write_template(path: str | Path, plan: Plan | str | Path | None = None,
                   years: list[int] | None = None, lang: str = "zh",
                   overwrite: bool = False) -> Path:
    """Write the workbook a department fills in with its figures for ``plan``.

    Sheets: 填报 (one row per indicator: indicator_id, 指标名称, 单位, 定义, the base year,
    a column per year, 来源, 发布单位, 发布日期, 口径说明, 备注, 地区; header frozen; the
    figures jxdigital has in grey with their source in a comment), 说明 (what to type) and
    the hidden ``_jxdigital`` (the cells jxdigital filled). ``years`` defaults to the year
    after the base year to the target year. ``lang='en'`` writes English names and help and
    the reader's English headers. The file is written whole or not at all; an existing
    file is kept unless ``overwrite``.
    """
    try:
        import xlsxwriter
    except ImportError:
        raise ImportError("the template needs XlsxWriter: pip install 'jxdigital[excel]'") \
            from None
    if lang not in _HEADERS:
        raise ValueError(f"lang: 'zh' or 'en' (got {lang!r})")
    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        raise ValueError(f"the template is an .xlsx workbook: give a file name ending in .xlsx "
                         f"(got {path.name!r})")
    if path.exists() and not overwrite:
        raise FileExistsError(f"{str(path)!r} exists; remove it or allow overwriting "
                              "(--force)")
    if not isinstance(plan, Plan):
        plan = load_plan(DEFAULT_PLAN if plan is None else plan)
    base, years = template_years(plan, years)
    rows = template_rows(plan, years, lang, base)
    zh = lang == "zh"
    H = _HEADERS[lang]
    data_name, help_name = _SHEETS[lang]
    year_cols = sorted(set(years) | ({base} if base is not None else set()))
    header = [H["id"], H["name"], H["unit"], H["definition"], *map(str, year_cols),
              H["source_title"], H["publisher"], H["published"], H["scope_note"], H["note"],
              H["region"]]
    col = {h: j for j, h in enumerate(header)}
    first_year, last_year = col[str(year_cols[0])], col[str(year_cols[-1])]
    n = len(rows)
    last_row = n + SPARE_ROWS  # 0-based index of the last row accepting figures

    with atomic_path(path) as tmp:
        book = xlsxwriter.Workbook(str(tmp), {"strings_to_formulas": False,
                                              "strings_to_numbers": False,
                                              "strings_to_urls": False})
        book.set_properties({"title": f"{plan.title_zh or plan.plan_id} 数据填报表" if zh
                             else f"{plan.title_en or plan.plan_id}: figures to fill in",
                             "comments": f"jxdigital {__version__} template for plan "
                                         f"{plan.plan_id}"})
        F = {k: book.add_format(v) for k, v in {
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

        ws = book.add_worksheet(data_name)
        helpws = book.add_worksheet(help_name)
        record = book.add_worksheet(SHIPPED_SHEET)

        widths = {H["id"]: 12, H["name"]: 26, H["unit"]: 7, H["definition"]: 34,
                  H["source_title"]: 26, H["publisher"]: 16, H["published"]: 11,
                  H["scope_note"]: 18, H["note"]: 16, H["region"]: 8}
        for j, h in enumerate(header):
            ws.set_column(j, j, widths.get(h, 10))
        ws.set_row(0, 30)
        sources = (H["source_title"], H["publisher"], H["published"], H["scope_note"],
                   H["note"])
        for j, h in enumerate(header):
            fmt = ("head_id" if h in (H["id"], H["region"]) else
                   "head_base" if base is not None and h == str(base) and base not in years
                   else "head_year" if first_year <= j <= last_year else
                   "head_source" if h in sources else "head")
            ws.write_string(0, j, h, F[fmt])
        header_notes = {
            H["unit"]: ("年份列数字的单位；您的数字用别的单位时改写它" if zh else
                        "the unit of this row's figures; change it if yours are in another"),
            H["definition"]: ("规划原文与说明（只读，不会读入）" if zh else
                              "the plan's words and notes (not read)"),
            H["source_title"]: ("本行数字的来源：报表、公报、文件或网页的标题" if zh else
                                "where this row's figures come from: title of the report, "
                                "bulletin, document or page"),
            H["published"]: ("如 2022-03-01" if zh else "a date such as 2022-03-01"),
            H["scope_note"]: ("与规划定义不同之处，如“规上企业”" if zh else
                              "how the figures' definition differs from the plan's"),
        }
        if base is not None and base not in years:
            header_notes[str(base)] = (f"{base}年：规划基期值（规划原文），不必填写" if zh else
                                       f"{base}: the plan's base figure, as printed")
        for h, note in header_notes.items():
            ws.write_comment(0, col[h], note, {"author": "jxdigital", "x_scale": 1.5})

        recorded: list[tuple[int, str, str, str]] = []
        for i, row in enumerate(rows, start=1):
            ws.write_string(i, col[H["id"]], row.indicator_id, F["id"])
            ws.write_string(i, col[H["name"]], row.name, F["name"])
            ws.write_string(i, col[H["unit"]], row.unit, F["unit"])
            ws.write_string(i, col[H["definition"]], row.definition, F["definition"])
            for y in year_cols:
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
            lines = max(_lines(row.name, widths[H["name"]]),
                        _lines(row.definition, widths[H["definition"]] * 1.2))
            ws.set_row(i, max(15, 12.5 * min(lines, 6)))
        ws.freeze_panes(1, 3)
        top = f"{xlsxwriter.utility.xl_col_to_name(first_year)}2"
        ws.data_validation(1, first_year, last_row, last_year, {
            "validate": "custom", "value": _validation_formula(top), "ignore_blank": True,
            "error_type": "stop",
            "error_title": "无法识别的数字" if zh else "Not a figure",
            "error_message": ("请填数字（单位见“单位”列）：10378、1.2万、6万多（下限）、约3000"
                              "（约数）、48.6%；不知道写 — 或留空。说明文字写在“备注”列。" if zh
                              else "Type a figure in the row's unit: 10378, 1.2万, 6万多 (a "
                                   "lower bound), 约3000 (about), 48.6%; — or empty when not "
                                   "known. Remarks go in the note column."),
        })
        ws.set_landscape()
        ws.set_paper(9)  # A4
        ws.fit_to_pages(1, 0)
        ws.repeat_rows(0)
        ws.print_area(0, 0, max(n, 1), len(header) - 1)
        ws.activate()

        lines = _help_lines(plan, base, years, lang, data_name, len(recorded))
        helpws.set_column(0, 0, 90)
        helpws.set_paper(9)
        helpws.fit_to_pages(1, 0)
        r = 0
        for style, text in lines:
            if style == "head":
                r += 1  # a blank line above each heading
            grey = text.startswith(("灰色", "Grey"))  # shown in the colour itself
            helpws.write_string(r, 0, text, F["h_grey" if grey else "h_" + style])
            if style == "text":
                helpws.set_row(r, 15 * _lines(text, 90))
            elif style == "title":
                helpws.set_row(r, 22)
            r += 1

        record.write_row(0, 0, ["sheet", "row", "column", "text", "indicator_id"])
        for k, (excel_row, column, text, iid) in enumerate(recorded, start=1):
            record.write_string(k, 0, data_name)
            record.write_number(k, 1, excel_row)
            record.write_string(k, 2, column)
            record.write_string(k, 3, text)
            record.write_string(k, 4, iid)
        record.hide()
        book.close()
    return path


__all__ = ["SHIPPED_FILL", "parse_years", "template_rows", "template_years", "write_template"]
