"""The template workbook's words (``jxdigital.report._fill``), in Chinese and English: its
sheet and column names, the notes on its headers and cells, its input check's message and
its help sheet.

The column names are the ones the actuals reader knows (``observations._load._ALIASES``):
a filled template reads back with ``load_actuals``. The forms a figure is written in
(``QUALIFIED_CELL``, ``CHECK_STRIPS``) are the reader's too, in either language.
"""

from __future__ import annotations

from typing import Any

from .. import codes
from ..catalog import TYPOS, region_name
from ._names import target_name

#: The data sheet's column names by key; each is a name the actuals reader maps to the
#: column of the same key (``definition`` is a name it leaves out).
TEMPLATE_HEADERS = {
    "zh": {"id": "indicator_id", "name": "指标名称", "unit": "单位", "definition": "定义",
           "source_title": "来源", "publisher": "发布单位", "published": "发布日期",
           "scope_note": "口径说明", "note": "备注", "region": "地区"},
    "en": {"id": "indicator_id", "name": "indicator", "unit": "unit",
           "definition": "definition", "source_title": "source_title",
           "publisher": "publisher", "published": "published", "scope_note": "scope_note",
           "note": "note", "region": "region"},
}
#: (data sheet, help sheet) names.
TEMPLATE_SHEETS = {"zh": ("填报", "说明"), "en": ("figures", "how to fill in")}

#: A figure with a qualifier as a template cell writes it (in either language: the reader's
#: words for a bound or an approximate figure).
QUALIFIED_CELL = {codes.LOWER_BOUND: "{}以上", "approximate": "约{}", codes.UPPER_BOUND: "近{}",
                  "estimate": "预计{}"}
#: Words the year cells' input check removes before it asks Excel whether the rest is a
#: number (6万多, 约3000, 3000以上, 超过3000).
CHECK_STRIPS = ("约", "多", "以上", "左右", "超过", "万", "亿", "近", "余", ">")

#: Comments on the data sheet's headers, by header key.
HEADER_NOTES = {
    "zh": {"unit": "年份列数字的单位；您的数字用别的单位时改写它",
           "definition": "规划原文与说明（只读，不会读入）",
           "source_title": "本行数字的来源：报表、公报、文件或网页的标题",
           "published": "如 2022-03-01",
           "scope_note": "与规划定义不同之处，如“规上企业”"},
    "en": {"unit": "the unit of this row's figures; change it if yours are in another",
           "definition": "the plan's words and notes (not read)",
           "source_title": "where this row's figures come from: title of the report, "
                           "bulletin, document or page",
           "published": "a date such as 2022-03-01",
           "scope_note": "how the figures' definition differs from the plan's"},
}
#: The message of the year cells' input check (Excel shows it on a rejected entry).
CHECK_MESSAGE = {
    "zh": {"title": "无法识别的数字",
           "message": "请填数字（单位见“单位”列）：10378、1.2万、6万多（下限）、约3000"
                      "（约数）、48.6%；不知道写 — 或留空。说明文字写在“备注”列。"},
    "en": {"title": "Not a figure",
           "message": "Type a figure in the row's unit: 10378, 1.2万, 6万多 (a lower bound), "
                      "约3000 (about), 48.6%; — or empty when not known. Remarks go in the "
                      "note column."},
}
#: Labels of a shipped figure's source in its cell's comment.
SOURCE_LABELS = {
    "zh": {"publisher": "发布单位", "published": "发布日期", "url": "网址", "scope": "口径"},
    "en": {"publisher": "Publisher", "published": "Published", "url": "URL", "scope": "Scope"},
}


def base_year_note(base: int, lang: str) -> str:
    """The comment on the base year's header."""
    return f"{base}年：规划基期值（规划原文），不必填写" if lang == "zh" else \
        f"{base}: the plan's base figure, as printed"


def workbook_title(plan: Any, lang: str) -> str:
    """The workbook's title (its document properties)."""
    if lang == "zh":
        return f"{plan.title_zh or plan.plan_id} 数据填报表"
    return f"{plan.title_en or plan.plan_id}: figures to fill in"


def as_printed(quote: str, lang: str) -> str:
    """The plan's own words about a row, labelled (the definition column)."""
    return ("规划原文：" if lang == "zh" else "As printed: ") + quote


def base_comment(plan: Any, base_text: str, lang: str) -> str:
    """The comment on a base-year cell the template filled from the plan."""
    title = plan.title_zh or plan.plan_id
    if lang == "zh":
        return (f"规划基期值（{title}原文：{base_text}）。这是规划的数字，不会当作您的数据读入；"
                "有修订数可直接改写本格，并在本行填写来源。")
    return (f"The plan's base figure (as printed in {title}: {base_text}). Not read as "
            "your figure; type over it only with a revised figure, and give its source.")


def _blank(v: Any) -> bool:
    return v is None or (isinstance(v, float) and v != v) or str(v).strip() == ""


def _derivation(r: Any, unit: str, lang: str) -> str:
    """How a derived figure was found, in ``lang``: from a part-year level of a running
    total, a 1–N月 total of a yearly flow, a growth rate, or other published figures."""
    zh = lang == "zh"
    part = "" if _blank(getattr(r, "part_as_of", "")) else str(r.part_as_of)
    if part and r.qualifier == codes.LOWER_BOUND:
        level = f"{float(r.value_published):.15g}{r.unit_published}"
        return (f"由{part}已达到的{level}推得：累计数年末不低于年内已达到的数" if zh else
                f"from the {level} reached at {part}: a running total ends the year at least "
                "there")
    if part:
        month = part[5:7].lstrip("0")
        return (f"由1—{month}月累计数按前{month}个月通常占全年的比例推算全年" if zh else
                f"the year's total estimated from the January–{part[5:7]} total and the share "
                "of the year those months usually cover")
    if str(getattr(r, "note", "")) == "year-end level from a growth rate":
        return "由上年数值和本年增长率推算" if zh else \
            "grown from the year before by the year's rate"
    return "由同一来源的其他公布数字推算，非公布值" if zh else \
        f"derived, not published: {r.derived_from}"


def figure_comment(r: Any, value_text: str, unit: str, lang: str) -> str:
    """The comment on a cell the template filled with a figure the assessment uses ``r``
    (a row of ``Assessment.series``): the figure, how it was found where it was derived,
    its source, and what to do with a better one."""
    zh = lang == "zh"
    derived = str(getattr(r, "kind", "")) == "derived"
    if derived:
        lines = ([f"jxdigital 推算值（评估用到了它）：{value_text}（单位：{unit or '无'}）",
                  "推算方法：" + _derivation(r, unit, lang), f"依据：{r.source_title}"] if zh else
                 [f"jxdigital's derived figure, used by the assessment: {value_text} "
                  f"(unit: {unit or 'none'})", "How: " + _derivation(r, unit, lang),
                  f"From: {r.source_title}"])
    else:
        published = f"{float(r.value_published):.15g}{r.unit_published}"
        lines = ([f"jxdigital 已有数据（评估用到了它）：{value_text}（单位：{unit or '无'}；"
                  f"原文 {published}）", f"来源：{r.source_title}"] if zh else
                 [f"jxdigital already has, and the assessment uses: {value_text} (unit: "
                  f"{unit or 'none'}; as published: {published})", f"Source: {r.source_title}"])
    labels = SOURCE_LABELS[lang]
    for key, v in (("publisher", r.publisher), ("published", r.published),
                   ("url", r.source_url), ("scope", "" if derived else r.scope_note)):
        if not _blank(v):
            lines.append(f"{labels[key]}：{v}" if zh else f"{labels[key]}: {v}")
    lines.append("有公布的或更准确的数字：直接改写本格，并在本行填写来源。" if zh else
                 "A published or better figure: type over this cell and give its source in "
                 "this row.")
    return "\n".join(lines)


def _pct(x: float) -> str:
    return f"{100 * x:.1f}%".replace(".0%", "%")


def definition_notes(t: Any, audit: Any, lang: str) -> list[str]:
    """What the catalogue found about a row's printed words, in ``lang``: the English
    form is the catalogue's note; the Chinese one says the same facts in Chinese — a
    stated growth rate that does not match base → target (``audit``: the row of
    ``Plan.audit()``), a bound printed as the base, a base printed as 0 or not at all, a
    unit printed with a typo."""
    if lang != "zh":
        return [t.note.strip()] if t.note.strip() else []
    out = []
    if audit is not None and bool(audit["flagged"]):
        stated, implied = _pct(float(audit["stated_cagr"])), _pct(float(audit["implied_cagr"]))
        reach = float(audit["target_at_stated_rate"])
        out.append(f"核对：规划所列年均增长{stated}与{t.base_text}→{t.target_text}不符（按基期和目标"
                   f"推算为年均{implied}）；按{stated}增长，{t.target_year}年约为{reach:,.0f}。")
    if t.base_qualifier == codes.LOWER_BOUND:
        out.append(f"基期值印为下限（{t.base_text}）。")
    if t.base_text.strip() in ("0", "0.0"):
        out.append("基期值印为0。")
    if t.base_text.strip() in ("", "—", "-", "－"):
        out.append("规划未列基期值。")
    unit = t.indicator.unit.strip()
    if unit in TYPOS:
        out.append(f"单位原文为“{unit}”，应为{TYPOS[unit]}。")
    return out


def help_lines(plan: Any, base: int | None, years: list[int], lang: str, data_sheet: str,
               n_shipped: int, version: str) -> list[tuple[str, str]]:
    """The help sheet as (style, text) lines: 'title', 'head', 'text', or 'grey' (a text
    about the grey cells, shown in their colour)."""
    span = f"{years[0]}–{years[-1]}" if len(years) > 1 else str(years[0])
    if lang == "zh":
        base_line = (f"{base}列是规划的基期值（规划原文），不必填写。" if base is not None
                     and base not in years else "")
        return [
            ("title", f"{plan.title_zh or plan.plan_id}：数据填报表"),
            ("text", f"规划：{plan.plan_id}；地区："
                     f"{'、'.join(region_name(g) for g in plan.regions)}；"
                     f"由 jxdigital {version} 生成。"),
            ("head", "填什么"),
            ("text", f"在“{data_sheet}”表中，每行一个指标。在年份列（{span}）填写该年年末或"
                     "全年的数字；不知道的年份留空或写 —。只填年末/全年数，年中数（如截至9月）"
                     "请不要填。"),
            ("text", "数字的单位按“单位”列；如果您的数字用别的单位（如万元），把该行的单位改成它。"
                     + base_line),
            ("grey", f"灰色格子（共{n_shipped}个）是 jxdigital 已有的数字（规划基期值或已收录的公开"
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
        ("text", f"Plan {plan.plan_id}; region "
                 f"{', '.join(region_name(g, 'en') for g in plan.regions)}; "
                 f"made by jxdigital {version}."),
        ("head", "What to fill in"),
        ("text", f"On sheet '{data_sheet}', one row per indicator. In the year columns ({span}) "
                 "type the year-end or full-year figure; leave a year not known empty or type —."
                 " Year-end or full-year figures only: no part-year figures (e.g. to September)."),
        ("text", "Figures are in the row's unit (column unit); if yours are in another unit "
                 "(e.g. 万元), change the row's unit to it." + base_line),
        ("grey", f"Grey cells ({n_shipped}) are figures jxdigital already has (the plan's base "
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


__all__ = ["CHECK_MESSAGE", "CHECK_STRIPS", "HEADER_NOTES", "QUALIFIED_CELL", "SOURCE_LABELS",
           "TEMPLATE_HEADERS", "TEMPLATE_SHEETS", "as_printed", "base_comment",
           "base_year_note", "definition_notes", "figure_comment", "help_lines", "target_name",
           "workbook_title"]
