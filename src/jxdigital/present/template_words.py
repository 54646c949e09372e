"""The template workbook's words (``jxdigital.report._fill``), in Chinese and English: its
sheet and column names, the notes on its headers and cells, its input check's message and
its help sheet.

The column names are the ones the actuals reader knows (``observations._layout._ALIASES``):
a filled template reads back with ``load_actuals``. The forms a figure is written in
(``QUALIFIED_CELL``, ``CHECK_STRIPS``) are the reader's too, in either language.
"""

from __future__ import annotations

from typing import Any

from .. import codes
from ..catalog import TYPOS, region_name
from ._names import plan_title, reads_printed, target_name
from .words import PerLanguage, by_language, words_for

#: The data sheet's column names by key; each is a name the actuals reader maps to the
#: column of the same key (``definition`` is a name it leaves out).
TEMPLATE_HEADERS = by_language("template.h")
#: (data sheet, help sheet) names.
TEMPLATE_SHEETS = PerLanguage(lambda lang: (words_for(lang).say("template.sheet.data"),
                                            words_for(lang).say("template.sheet.help")))

#: A figure with a qualifier as a template cell writes it (in either language: the reader's
#: words for a bound or an approximate figure).
QUALIFIED_CELL = {codes.LOWER_BOUND: "{}以上", "approximate": "约{}", codes.UPPER_BOUND: "近{}",
                  "estimate": "预计{}"}
#: Words the year cells' input check removes before it asks Excel whether the rest is a
#: number (6万多, 约3000, 3000以上, 超过3000).
CHECK_STRIPS = ("约", "多", "以上", "左右", "超过", "万", "亿", "近", "余", ">")

#: Comments on the data sheet's headers, by header key.
HEADER_NOTES = by_language("template.note")
#: The message of the year cells' input check (Excel shows it on a rejected entry).
CHECK_MESSAGE = by_language("template.check")
#: Labels of a shipped figure's source in its cell's comment.
SOURCE_LABELS = by_language("template.source")


def base_year_note(base: int, lang: str) -> str:
    """The comment on the base year's header."""
    return words_for(lang).say("template.base_year_note", base=base)


def workbook_title(plan: Any, lang: str) -> str:
    """The workbook's title (its document properties)."""
    title = getattr(plan, f"title_{lang}", "") or plan.plan_id
    return words_for(lang).say("template.workbook_title", title=title)


def as_printed(quote: str, lang: str) -> str:
    """The plan's own words about a row, labelled (the definition column)."""
    return words_for(lang).say("template.as_printed", quote=quote)


def base_comment(plan: Any, base_text: str, lang: str) -> str:
    """The comment on a base-year cell the template filled from the plan."""
    return words_for(lang).say("template.base_comment", title=plan.title_zh or plan.plan_id,
                               base=base_text)


def _blank(v: Any) -> bool:
    return v is None or (isinstance(v, float) and v != v) or str(v).strip() == ""


def _derivation(r: Any, unit: str, lang: str) -> str:
    """How a derived figure was found, in ``lang``: from a part-year level of a running
    total, a 1–N月 total of a yearly flow, a growth rate, or other published figures."""
    w = words_for(lang)
    part = "" if _blank(getattr(r, "part_as_of", "")) else str(r.part_as_of)
    if part and r.qualifier == codes.LOWER_BOUND:
        level = f"{float(r.value_published):.15g}{r.unit_published}"
        return w.say("template.how.part_bound", part=part, level=level)
    if part:
        return w.say("template.how.part_total", month=part[5:7].lstrip("0"), mm=part[5:7])
    if str(getattr(r, "note", "")) == "year-end level from a growth rate":
        return w.say("template.how.growth")
    return w.say("template.how.other", derived_from=getattr(r, "derived_from", ""))


def figure_comment(r: Any, value_text: str, unit: str, lang: str) -> str:
    """The comment on a cell the template filled with a figure the assessment uses ``r``
    (a row of ``Assessment.series``): the figure, how it was found where it was derived,
    its source, and what to do with a better one."""
    w = words_for(lang)
    derived = str(getattr(r, "kind", "")) == "derived"
    unit = unit or w.say("template.no_unit")
    if derived:
        lines = [w.say("template.derived_value", value=value_text, unit=unit),
                 w.say("template.derived_how", how=_derivation(r, unit, lang)),
                 w.say("template.derived_from", source=r.source_title)]
    else:
        published = f"{float(r.value_published):.15g}{r.unit_published}"
        lines = [w.say("template.shipped_value", value=value_text, unit=unit,
                       published=published),
                 w.say("template.shipped_from", source=r.source_title)]
    labels = w.table("template.source")
    for key, v in (("publisher", r.publisher), ("published", r.published),
                   ("url", r.source_url), ("scope", "" if derived else r.scope_note)):
        if not _blank(v):
            lines.append(w.say("template.label", label=labels[key], value=v))
    lines.append(w.say("template.better_figure"))
    return "\n".join(lines)


def _pct(x: float) -> str:
    return f"{100 * x:.1f}%".replace(".0%", "%")


def definition_notes(t: Any, audit: Any, lang: str) -> list[str]:
    """What the catalogue found about a row's printed words, in ``lang``: in a language
    other than the plan's, the catalogue's note (English); in the plan's, the same facts
    in its words — a stated growth rate that does not match base → target (``audit``:
    the row of ``Plan.audit()``), a bound printed as the base, a base printed as 0 or not
    at all, a unit printed with a typo."""
    if not reads_printed(lang):
        return [t.note.strip()] if t.note.strip() else []
    w = words_for(lang)
    out = []
    if audit is not None and bool(audit["flagged"]):
        out.append(w.say("template.fact.stated_growth", stated=_pct(float(audit["stated_cagr"])),
                         implied=_pct(float(audit["implied_cagr"])), base=t.base_text,
                         target=t.target_text, year=t.target_year,
                         reach=f"{float(audit['target_at_stated_rate']):,.0f}"))
    if t.base_qualifier == codes.LOWER_BOUND:
        out.append(w.say("template.fact.base_bound", base=t.base_text))
    if t.base_text.strip() in ("0", "0.0"):
        out.append(w.say("template.fact.base_zero"))
    if t.base_text.strip() in ("", "—", "-", "－"):
        out.append(w.say("template.fact.base_none"))
    unit = t.indicator.unit.strip()
    if unit in TYPOS:
        out.append(w.say("template.fact.unit_typo", unit=unit, meant=TYPOS[unit]))
    return out


#: The help sheet: (style, phrase) a line.
HELP = (("title", "title"), ("text", "plan"), ("head", "what"), ("text", "years"),
        ("text", "unit"), ("grey", "grey"), ("head", "how"), ("text", "plain"),
        ("text", "bounds"), ("text", "percent"), ("text", "rejected"), ("head", "sources"),
        ("text", "source_row"), ("text", "several"), ("text", "sorted"), ("head", "use"),
        ("text", "check"), ("text", "report"))


def help_lines(plan: Any, base: int | None, years: list[int], lang: str, data_sheet: str,
               n_shipped: int, version: str) -> list[tuple[str, str]]:
    """The help sheet as (style, text) lines: 'title', 'head', 'text', or 'grey' (a text
    about the grey cells, shown in their colour)."""
    w = words_for(lang)
    base_line = w.say("template.help.base_line", base=base) if base is not None \
        and base not in years else ""
    values = dict(title=plan_title(plan, lang) or plan.plan_id, plan=plan.plan_id,
                  regions=w.say("template.help.region_sep").join(
                      region_name(g, lang) for g in plan.regions),
                  version=version, sheet=data_sheet, n=n_shipped, base_line=base_line,
                  span=f"{years[0]}–{years[-1]}" if len(years) > 1 else str(years[0]))
    return [(style, w.say(f"template.help.{key}", **values)) for style, key in HELP]


__all__ = ["CHECK_MESSAGE", "CHECK_STRIPS", "HEADER_NOTES", "QUALIFIED_CELL", "SOURCE_LABELS",
           "TEMPLATE_HEADERS", "TEMPLATE_SHEETS", "as_printed", "base_comment",
           "base_year_note", "definition_notes", "figure_comment", "help_lines", "target_name",
           "workbook_title"]
