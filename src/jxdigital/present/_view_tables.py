"""The view's tables (``present.view``): the targets (and the workbook's twin, one number
a cell), the region grid, the data gaps, the figures not used and the retrospective."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import replace

from .. import codes
from ..assessment import Assessment
from ..catalog import conversion_factor, region_name
from . import _chart_spec as C
from . import _text as T
from ._clauses import STORED
from ._colours import SEVERITY, STATUS_COLOURS, STATUS_INK
from ._names import localised, reads_printed
from ._report_words import rule_lines
from ._tables import Cell, Column, Section, Table, column_width
from ._target_view import TargetView, _around_number, _finite, _need, _with_year
from ._unused import unused_reason
from ._view_words import verdict_words, words
from .words import languages, words_for


def _sections(titles: list[str]) -> tuple[Section, ...]:
    """Runs of one title; none when every row has the same empty one."""
    if not titles or all(t == "" for t in titles):
        return ()
    out, start = [], 0
    for i in range(1, len(titles) + 1):
        if i == len(titles) or titles[i] != titles[start]:
            out.append(Section(titles[start], start, i))
            start = i
    return tuple(out)



_COLUMNS = (("seq", "h_seq", "number", 2.5), ("indicator", "h_indicator", "name", 12),
            ("attribute", "h_attribute", "text", 3.5), ("target", "h_target", "number", 6),
            ("latest", "h_latest", "number", 7.5), ("projection", "h_projection", "number", 10),
            ("p_met", "h_p_met", "number", 4.5), ("against", "h_against", "number", 6),
            ("need", "h_need", "number", 5.5), ("status", "h_status", "status", 6.5),
            ("grade", "h_grade", "text", 3), ("reason", "h_reason", "reason", 30))


def _region_width(lang: str) -> float:
    """The width (ems) of a region column: a name of two characters, or a word."""
    return int(words_for(lang).setting("region_width"))
#: Columns dropped when no row has anything to say in them.
_OPTIONAL = ("attribute", "projection", "p_met", "against", "need", "grade")


def _xl_format(text: str, before: str = "", after: str = "", percent: bool = False) -> str:
    """An Excel number format that shows a number as ``text`` shows it (its decimals,
    separators), with words before or after it: ``0.0"以上"``."""
    digits = text.split(".")[1] if "." in text else ""
    decimals = len([c for c in digits if c.isdigit()])
    body = ("#,##0" if "," in text else "0") + ("." + "0" * decimals if decimals else "")
    if percent:
        body += "%"

    def quoted(s: str) -> str:
        return '"' + s.replace('"', '""') + '"' if s else ""

    return quoted(before) + body + quoted(after)


def _number_cell(text: str, value: float, before: str = "", after: str = "",
                 percent: bool = False) -> Cell:
    if not _finite(value):
        return Cell(text)
    shown = text
    return Cell(text, value=value, fmt=_xl_format(shown, before, after, percent), sort=value)


def _heads(views: list[TargetView], lang: str) -> dict[str, str]:
    """The main table's headers, by column key (the projection an estimate once a target
    year is over, the status an outcome)."""
    heads = {k: words(h, lang) for k, h, _, _ in _COLUMNS}
    if any(v.finished for v in views):
        heads["projection"] = words("h_projection_final", lang)
    if all(v.finished for v in views):
        heads["status"] = words("h_outcome", lang)
    elif any(v.finished for v in views):
        heads["status"] = words("h_status_outcome", lang)
    return heads


def _target_cell_of(v: TargetView, lang: str) -> Cell:
    """The target's cell: a number with its comparator in the number format where it is
    one, else the words."""
    r, u = v.record, v.unit
    plain = _finite(r.target_value) and r.comparator not in (
        codes.ABOVE_NATIONAL_AVERAGE, codes.FASTER_THAN, "between") and \
        any(ch.isdigit() for ch in r.target_text)
    if plain:
        return _number_cell(v.target, u.scaled(r.target_value),
                            *_around_number(r.comparator, lang))
    return Cell(v.target, value=v.target, sort=u.scaled(r.target_value)
                if _finite(r.target_value) else None)


def _latest_cells(v: TargetView, lang: str) -> tuple[Cell, Cell]:
    """The latest figure's cell in the table and in the workbook (a number)."""
    r, u = v.record, v.unit
    if r.comparator == codes.FASTER_THAN:
        value = r.latest_value / 100 if _finite(r.latest_value) else math.nan
        return _number_cell(v.latest, value), (_number_cell(
            f"{T._trim(r.latest_value, 1)}%", value, percent=True) if _finite(value)
            else Cell("—"))
    value = u.scaled(r.latest_value) if _finite(r.latest_value) else math.nan
    q = _around_number(r.latest_qualifier or "exact", lang)
    return (Cell(v.latest, sort=value if _finite(value) else None),
            _number_cell(u.figure(r.latest_value, r.latest_qualifier, bare=True)
                         if _finite(r.latest_value) else "—", value, *q))


def _judged_cells(v: TargetView, lang: str) -> tuple[tuple[Cell, Cell], ...]:
    """(table, workbook) cells of P(met), against the target and the growth needed."""
    r = v.record
    pm = r.p_met if v.p_met != "—" else math.nan
    p_book = _number_cell(v.p_met, T.shown_percent(pm) / 100, percent=True) \
        if _finite(pm) and v.p_met.rstrip("%").replace(".", "").isdigit() else \
        Cell(v.p_met, value=v.p_met if v.p_met != "—" else None)
    against_book = Cell(v.against, value=r.margin, fmt="+0.0%;-0.0%") \
        if r.final and _finite(r.margin) and not _finite(r.margin_pp) else \
        Cell(v.against, value=v.against if v.against != "—" else None)
    need = _need(r)
    need_book = (Cell(v.need, value=need, fmt=words("xl_points", lang)) if r.is_share else
                 Cell(v.need, value=need, fmt="0.0%")) if _finite(need) else Cell("—")
    return ((Cell(v.p_met, sort=round(pm, 4) if _finite(pm) else None), p_book),
            (Cell(v.against, sort=r.margin if r.final and _finite(r.margin) else None),
             against_book),
            (Cell(v.need, sort=need if _finite(need) else None), need_book))


def _projection_book(v: TargetView) -> tuple[Cell, ...]:
    """The workbook's latest year, projection and its 80 % interval, a number each."""
    r, u = v.record, v.unit
    ok = _finite(r.projected) and not r.final and r.comparator != codes.FASTER_THAN
    year = _number_cell(str(r.latest_year), float(r.latest_year)) \
        if r.latest_year is not None else Cell("—")
    return (year, *(_number_cell(u.projected(x), u.scaled(T.sig(x))) if ok else Cell("—")
                    for x in (r.projected, r.lo_80, r.hi_80)))


def _row_pair(v: TargetView, lang: str) -> tuple[tuple[Cell, ...], tuple[Cell, ...]]:
    """One target's row of the table and of the workbook."""
    r, u = v.record, v.unit
    sev = SEVERITY.index(v.verdict) if v.verdict in SEVERITY else len(SEVERITY)
    status = Cell(v.verdict_text, value=v.verdict_text, sort=float(sev), fill=v.fill,
                  ink=v.ink)
    target = _target_cell_of(v, lang)
    latest, latest_book = _latest_cells(v, lang)
    proj_ok = _finite(r.projected) and not r.final and r.comparator != codes.FASTER_THAN
    projection = Cell(v.projection, sort=u.scaled(r.projected) if proj_ok else None)
    (p_cell, p_book), (against, against_book), (need, need_book) = _judged_cells(v, lang)
    head = (Cell(v.row_name if v.region else v.name_with_unit),
            Cell(attribute_words(r.attribute, lang) or "—"), target)
    tail = (status, Cell(v.grade), Cell(v.reason))
    return ((Cell(str(v.seq), value=float(v.seq), fmt="0", sort=float(v.seq)), *head, latest,
             projection, p_cell, against, need, *tail),
            (Cell(str(v.seq), value=float(v.seq), fmt="0"), *head, latest_book,
             *_projection_book(v), p_book, against_book, need_book, *tail))


def _book_columns(cols: tuple[Column, ...], views: list[TargetView], heads: dict[str, str],
                  lang: str) -> tuple[Column, ...]:
    """The workbook's columns: the table's, its latest year and projection interval in
    columns of their own."""
    final = any(v.finished for v in views)
    return (*cols[:4], Column("latest", heads["latest"], "number", 8),
            Column("latest_year", words("h_latest_year", lang), "number", 6),
            Column("projection", words("h_projection_value_final" if final else
                                       "h_projection_value", lang), "number", 9),
            Column("lo_80", words("h_lo_80", lang), "number", 8),
            Column("hi_80", words("h_hi_80", lang), "number", 8), *cols[6:12])


def _rows(a: Assessment, views: list[TargetView], lang: str) -> tuple[Table, Table]:
    """The main table and its workbook twin."""
    heads = _heads(views, lang)
    pairs = [_row_pair(v, lang) for v in views]
    sections = _sections([v.section for v in views])
    ids = tuple(v.id for v in views)
    cols = tuple(Column(k, heads[k], kind, column_width(k, w, lang))
                 for k, _, kind, w in _COLUMNS)
    table = _drop_empty(Table(cols, tuple(row for row, _ in pairs), sections, ids))
    # a workbook of several regions: its region column is the grouping (a sheet is filtered)
    book_sections = () if any(v.region for v in views) else sections
    book_table = _drop_empty(Table(_book_columns(cols, views, heads, lang),
                                   tuple(book for _, book in pairs), book_sections, ids),
                             extra=("latest_year", "lo_80", "hi_80"))
    return _with_region(table, views, lang), _with_region(book_table, views, lang)


def _with_region(t: Table, views: Sequence[TargetView], lang: str, at: int = 1) -> Table:
    """``t`` (one row per view) with a region column at ``at`` where the plan lists several
    regions; as it is otherwise."""
    if not any(v.region for v in views):
        return t
    col = Column("region", words("h_region", lang), "text", _region_width(lang))
    return replace(t, columns=(*t.columns[:at], col, *t.columns[at:]),
                   rows=tuple((*r[:at], Cell(v.region), *r[at:])
                              for r, v in zip(t.rows, views, strict=True)))


def _grid(views: Sequence[TargetView], lang: str) -> Table | None:
    """Region by indicator: a row per region (the plan's order), a column per indicator and
    target year (the display order), each cell the panel badge (完成, 尚不能确定 59%) in
    its colour; "—" where the region has no such target. None for one region."""
    if not any(v.region for v in views):
        return None
    cols_of: dict[tuple[str, int], str] = {}
    for v in views:
        cols_of.setdefault((v.record.indicator_id, v.record.target_year), v.indicator_short)
    years = {y for _, y in cols_of}
    heads = {k: (name if len(years) == 1 else words("grid_year", lang, name=name, year=k[1]))
             for k, name in cols_of.items()}
    regions = list(dict.fromkeys(v.region for v in views))
    cell = {(v.region, v.record.indicator_id, v.record.target_year): v for v in views}
    rows = []
    for g in regions:
        row = [Cell(g)]
        for k in cols_of:
            at = cell.get((g, *k))
            row.append(Cell("—") if at is None else
                       Cell(at.panel_badge, value=at.panel_badge, fill=at.fill, ink=at.ink))
        rows.append(tuple(row))
    cols = (Column("region", words("h_region", lang), "text", _region_width(lang)),
            *(Column(f"c{j}", heads[k], "status", 7) for j, k in enumerate(cols_of)))
    return Table(cols, tuple(rows))


def attribute_words(attribute: str, lang: str) -> str:
    """A target's attribute (约束性 / 预期性) in ``lang`` (as printed where unknown)."""
    return words_for(lang).table("view.attribute").get(attribute, attribute)


def codes_attribute_en(attribute: str) -> str:
    """Kept for callers: the attribute in English."""
    return attribute_words(attribute, "en")


def _drop_empty(t: Table, extra: tuple[str, ...] = ()) -> Table:
    """``t`` without the optional columns no row fills (all "—")."""
    keep = []
    for j, c in enumerate(t.columns):
        if c.key in (*_OPTIONAL, *extra) and all(r[j].text in ("—", "") for r in t.rows):
            continue
        if c.key == "attribute" and not any(r[j].text in _binding() for r in t.rows):
            continue  # all expected (预期性): the column says nothing
        keep.append(j)
    return replace(t, columns=tuple(t.columns[j] for j in keep),
                   rows=tuple(tuple(r[j] for j in keep) for r in t.rows))


#: A binding target's attribute in every language.
def _binding() -> frozenset[str]:
    return frozenset(attribute_words(codes.BINDING, lang) for lang in languages())


def _gap_missing(v: TargetView, lang: str) -> str:
    r = v.record
    first = (r.latest_year + 1) if r.latest_year is not None else r.base_year
    if r.status_cn == "not_assessable":
        return verdict_words("not_assessable", lang)
    if first is None or first > r.target_year:
        return "—"
    span = str(first) if first == r.target_year else \
        words("year_span", lang, first=first, last=r.target_year)
    return words("gap_years", lang, span=span)


def _gaps(views: list[TargetView], lang: str) -> tuple[Table, tuple[str, ...]]:
    gaps = [v for v in views if not v.has_verdict]
    rows = []
    for v in gaps:
        r = v.record
        latest = words("gap_none", lang)
        if _finite(r.latest_value) and r.latest_year is not None:
            latest = _with_year(v.unit.figure(r.latest_value, r.latest_qualifier),
                                r.latest_year, lang)
        rows.append((Cell(v.indicator_short if v.region else v.short), Cell(latest),
                     Cell(_gap_missing(v, lang))))
    cols = (Column("indicator", words("h_indicator", lang), "name", 12),
            Column("latest", words("h_gap_latest", lang), "text", 10),
            Column("missing", words("h_gap_missing", lang), "text", 14))
    table = _with_region(Table(cols, tuple(rows), _sections([v.section for v in gaps]),
                               tuple(v.id for v in gaps)), gaps, lang, at=0)
    by_reason: dict[str, list[str]] = {}
    for v in gaps:
        by_reason.setdefault(v.reason, []).append(v.name)
    lines = []
    for reason, names in by_reason.items():
        if len(names) == 1:
            lines.append(f"{names[0]}{words_for(lang).say('status.colon')}{reason}")
        else:
            why = words_for(lang).uncap(reason)
            lines.append(words("gap_group", lang, n=len(names),
                               names=words("name_sep", lang).join(names), reason=why))
    return table, tuple(lines)


#: The reasons a report lists figure by figure (the others are the selection rule at work).
LISTED = ("part_year", "not_comparable")


def _origin(origin: str, lang: str) -> str:
    """Where a figure came from, for an English table (the sources' titles are Chinese)."""
    if origin == "jxdigital":
        return words("origin_shipped", lang)
    return words("origin_yours", lang) if origin.startswith("<") else \
        words("origin_file", lang, file=origin)


_CJK = re.compile(r"[\u3400-\u9fff]")


def _unused_source(r: dict, lang: str) -> str:
    """Who published a figure not used: the original publisher of a built-in figure (as
    the charts name it), else its title (Chinese) or where it came from (English)."""
    origin = str(r.get("origin", ""))
    if origin == "jxdigital":
        name = C.original_publisher(str(r.get("publisher", "") or ""),
                                    str(r.get("source_title", "") or ""), lang)
        # an English table names no Chinese title: where no English name is known, it
        # says where the figure came from
        if name and (reads_printed(lang) or not _CJK.search(name)):
            return name
    return str(r["source_title"]) if reads_printed(lang) else _origin(origin, lang)


def _unused_why(r: dict, a: Assessment, lang: str) -> str:
    """Why a listed figure (``LISTED``) was not used, in ``lang``: as the assessment kept it
    where it keeps that language (``STORED``), else in the catalogue's words (the listed
    reasons name neither the target year nor the source used)."""
    if lang in STORED:
        return str(r[f"reason_{lang}"])
    return unused_reason(str(r["reason_code"]), r, a.timing, 0, "", lang)


def _unused(a: Assessment, views: list[TargetView], lang: str) -> tuple[Table, str, str]:
    u = a.unused()
    shipped_other = (u["reason_code"] == "not_comparable") & (u["origin"] == "jxdigital")
    show = u[u["reason_code"].isin(LISTED) & ~shipped_other]
    by_region = {(v.record.indicator_id, v.record.region): v for v in views}
    rows: list[tuple[Cell, ...]] = []
    for r in show.to_dict("records"):
        v = by_region.get((str(r["indicator_id"]), str(r["region"])))
        value, unit = float(r["value"]), str(r["unit"])
        text = None
        if v is not None and v.record.comparator != codes.FASTER_THAN:
            try:
                factor = conversion_factor(unit, v.record.unit) if unit != v.record.unit else 1
                text = v.unit.figure(value * factor, str(r["qualifier"]))
            except ValueError:
                text = None
        if text is None:
            text = T.figure(value, unit, str(r["qualifier"]), lang)
        rows.append((Cell(str(localised(r["name_zh"], r["name_en"], lang))),
                     Cell(str(int(r["year"])), value=float(r["year"]), fmt="0"), Cell(text),
                     Cell(_unused_source(r, lang)),
                     Cell(_unused_why(r, a, lang))))
    kinds = ("name", "number", "number", "text", "reason")
    widths = (10, 4, 8, 16, 16)
    keys = ("indicator", "year", "figure", "source", "why")
    cols = tuple(Column(k, words(f"h_unused_{k}", lang), kind, w) for k, kind, w in
                 zip(keys, kinds, widths, strict=True))
    if any(v.region for v in views):  # a plan of several regions: which region's figure
        cols = (Column("region", words("h_region", lang), "text", _region_width(lang)), *cols)
        rows = [(Cell(region_name(str(r["region"]), lang)), *row)
                for r, row in zip(show.to_dict("records"), rows, strict=True)]
    n = int(shipped_other.sum())
    tail = words("unused_tail_one" if n == 1 else "unused_tail", lang, n=n) if n else ""
    return Table(cols, tuple(rows)), words("unused_head", lang), tail


def _review_cell(row: dict | None, lang: str) -> Cell:
    """One year's review of a target: its verdict, with P(met) while it was open."""
    if row is None:
        return Cell("—")
    verdict = str(row["verdict"] or row["status"])
    p = row["p_met"]
    show_p = _finite(p) and verdict not in ("met", "missed", "achieved")
    text = words("retro_cell", lang, p=f"{T.prob(p, lang)} " if show_p else "",
                 words=verdict_words(verdict, lang))
    return Cell(text, value=text, fill=STATUS_COLOURS.get(verdict, ""),
                ink=STATUS_INK.get(verdict, ""))


def _review_columns(r, lang: str) -> tuple[list[str], list[Column]]:
    """The reviews (dates, in order) and the retrospective's columns: the indicator, a
    review each (the year's end, or this review), the outcome."""
    reviews = list(dict.fromkeys(r.sort_values("review")["review"]))
    current = dict(zip(r["review"], r["current"], strict=True))
    cols = [Column("indicator", words("h_indicator", lang), "name", 12)]
    cols += [Column(f"review_{x}", words("this_review", lang, date=x) if current[x] else
                    words("review_year", lang, year=x[:4]), "status", 6) for x in reviews]
    cols.append(Column("outcome", words("h_outcome", lang), "status", 5))
    return reviews, cols


def _retrospective(a: Assessment, views: list[TargetView], lang: str
                   ) -> tuple[Table | None, str]:
    """Each settled target's verdict at each year's review, against its outcome; and how
    often those reviews were right (or why there is nothing to look back on)."""
    settled = {v.id for v in views if v.verdict in ("met", "missed")}
    if not settled:
        return None, words("no_settled", lang)
    acc = a.account()
    r = acc.retrospective()
    if not len(r):
        return None, words("no_settled", lang)
    reviews, cols = _review_columns(r, lang)
    rows, shown = [], []
    for v in views:  # in display order
        if v.id not in settled:
            continue
        by_review = {x["review"]: x for x in r[r["key"] == v.id].to_dict("records")}
        rows.append((Cell(v.indicator if v.region else v.name),
                     *(_review_cell(by_review.get(x), lang) for x in reviews),
                     Cell(v.verdict_text, value=v.verdict_text, fill=v.fill, ink=v.ink)))
        shown.append(v)
    table = Table(tuple(cols), tuple(rows), (), tuple(v.id for v in shown))
    return _with_region(table, shown, lang, at=0), T.warnings_sentence(acc, lang)


def _rules(views: list[TargetView], lang: str) -> tuple[str, ...]:
    return tuple(rule_lines(lang, finished=any(v.finished for v in views),
                            running=any(not v.finished for v in views)))

