"""A 16:9 briefing deck of an assessment (python-pptx, the optional ``[slides]`` extra).

``build_deck(a, "briefing.pptx")``: a title slide, a one-page status table (a native,
editable table with status colours), the status summary chart, then one slide per target
with its chart and its reason as the slide title, written as the finding. Every piece of
text is real text; each run carries an East Asian font (``a:ea``), because python-pptx's
``font.name`` sets only the Latin one and Chinese would fall back to the theme's choice.
"""

from __future__ import annotations

import io
import math
from importlib import resources
from pathlib import Path

from ._atomic import atomic_path
from .assessment import Account, Assessment
from .charts import render_charts
from .charts._style import text_em
from .present._account import account_headers, account_table, warnings_sentence
from .present._account import counts_sentence as account_counts
from .present._colours import OUTCOME_STATUS, STATUS_COLOURS, STATUS_INK
from .present._names import plan_title, target_reason
from .present._slide_words import (
    alt_text,
    deck_file_title,
    deck_title,
    deck_words,
    gap_headers,
    gap_row,
    gaps_sentence,
    headline,
)
from .present._table import display_table, headers
from .present._text import counts_sentence, dates_words

EA_FONT = "Microsoft YaHei"  # the East Asian font PowerPoint users in China have
#: ``build_deck(font=...)`` presets: where the deck will be opened → its East Asian font.
#: Microsoft YaHei is on every Windows since Vista and comes with Office for Mac; WPS on
#: Windows has it too; PingFang SC is macOS's own; Noto Sans CJK SC is what Linux desktops
#: (UOS, Kylin, Debian's fonts-noto-cjk) and LibreOffice there usually have.
DECK_FONTS = {"windows": "Microsoft YaHei", "office": "Microsoft YaHei", "wps": "Microsoft YaHei",
              "mac": "PingFang SC", "linux": "Noto Sans CJK SC"}
LATIN_FONT = "Arial"
SLIDE_W_IN, SLIDE_H_IN = 13.333, 7.5
PICTURE = (0.52, 1.55, 12.3, 5.6)  # left, top, width, height (in): the slide chart preset
HEADLINE = (0.52, 0.15, 12.3, 0.62)  # a target slide's one-line title
REASON = (0.52, 0.78, 12.3, 0.74)  # the reason, under the headline, above the chart
#: Targets without a verdict go on one data-gaps slide instead of a chart each.
GAP_STATUSES = ("insufficient_data", "not_assessable")


def _pptx():
    try:
        import pptx
    except ImportError:
        raise ImportError("slides need python-pptx: pip install 'jxdigital[slides]'") from None
    return pptx


def _template() -> bytes:
    return resources.files("jxdigital").joinpath("templates/deck-16x9.pptx").read_bytes()


def set_fonts(text_frame, size: float | None = None, bold: bool | None = None,
              colour: str | None = None) -> None:
    """Latin and East Asian font (and size, weight, colour) on every run of a text frame."""
    from pptx.dml.color import RGBColor
    from pptx.oxml.ns import qn
    from pptx.util import Pt

    for para in text_frame.paragraphs:
        for run in para.runs:
            f = run.font
            f.name = LATIN_FONT
            if size:
                f.size = Pt(size)
            if bold is not None:
                f.bold = bold
            if colour:
                f.color.rgb = RGBColor.from_string(colour)
            rpr = run._r.get_or_add_rPr()
            ea = rpr.find(qn("a:ea"))
            if ea is None:
                ea = rpr.makeelement(qn("a:ea"), {})
                # schema order inside a:rPr: ln, fills, effects, highlight, ..., latin, ea, cs
                latin = rpr.find(qn("a:latin"))
                if latin is not None:
                    latin.addnext(ea)
                else:
                    rpr.append(ea)
            ea.set("typeface", EA_FONT)


def _title(slide, text: str, size: float, height: float | None = None) -> None:
    from pptx.util import Inches

    ph = slide.shapes.title
    if height is not None:  # a one-line headline: a lower title box, the reason under it
        ph.left, ph.top = Inches(HEADLINE[0]), Inches(HEADLINE[1])
        ph.width, ph.height = Inches(HEADLINE[2]), Inches(height)
    ph.text_frame.text = text
    ph.text_frame.word_wrap = True
    set_fonts(ph.text_frame, size=size, bold=False)


def _fit_size(text: str, width: float, height: float, largest: float, smallest: float
              ) -> float:
    """The largest type size (points) at which ``text`` wrapped to ``width`` inches fits
    ``height`` inches, else ``smallest``."""
    size = largest
    while size > smallest:
        # LibreOffice and PowerPoint set lines a little wider and taller than the em count:
        # keep a margin so the text never runs into the chart below
        per_line = width * 72 / size * 0.88
        lines = math.ceil(text_em(text) / per_line) or 1
        if lines * size * 1.3 / 72 <= height:
            return size
        size -= 1
    return smallest


def _one_line_size(text: str) -> float:
    """A headline's size: 28 pt, smaller until it fits one line of the title box."""
    return _fit_size(text, HEADLINE[2] - 0.2, HEADLINE[3], 28, 16)


def _title_size(text: str) -> float:
    """Slide titles are findings; long ones get smaller type to stay in the title box."""
    n = text_em(text)
    return 28 if n <= 36 else 24 if n <= 80 else 20 if n <= 110 else 16 if n <= 180 else 13


def deck_font(font: str | None) -> str:
    """The East Asian typeface for ``font``: a preset of ``DECK_FONTS`` (``windows``,
    ``office``, ``wps``, ``mac``, ``linux``), any font name, or None for Microsoft YaHei."""
    if font is None:
        return EA_FONT
    name = str(font).strip()
    if not name:
        raise ValueError("argument 'font': expected a preset (" + ", ".join(DECK_FONTS)
                         + ") or a font name, got an empty string")
    return DECK_FONTS.get(name.lower(), name)


def _east_asian(prs, typeface: str) -> None:
    """Every run's East Asian font, and the theme's (text typed later), set to
    ``typeface``, marked as a Chinese (GB2312) sans face so that an application without it
    substitutes a Chinese sans face rather than boxes."""
    from lxml import etree
    from pptx.opc.constants import RELATIONSHIP_TYPE as RT
    from pptx.oxml.ns import qn

    def mark(ea) -> None:
        ea.set("typeface", typeface)
        ea.set("pitchFamily", "34")  # variable pitch, swiss (sans)
        ea.set("charset", "-122")  # GB2312 (134 as a signed byte)

    for slide in prs.slides:
        for ea in slide._element.iter(qn("a:ea")):
            mark(ea)
        if slide.has_notes_slide:
            for ea in slide.notes_slide._element.iter(qn("a:ea")):
                mark(ea)
    theme = prs.slide_master.part.part_related_by(RT.THEME)
    root = etree.fromstring(theme.blob)
    for ea in root.iter(qn("a:ea")):
        mark(ea)
    theme._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8",
                                 standalone=True)


def build_deck(assessment: Assessment, path: str | Path, lang: str | None = None,
               charts: dict[str, bytes] | None = None, account: Account | None = None,
               font: str | None = None) -> Path:
    """Write the deck to ``path`` (atomically). ``charts`` maps indicator id,
    ``"_summary"`` and ``"_retrospective"`` to slide-size PNG bytes (rendered here when not
    given). A finished plan gets two more slides after the title: the account (a table of
    outcomes) and the retrospective (each year's P(met) against the outcome). ``font``:
    the East Asian typeface, a preset of ``DECK_FONTS`` (``windows``, ``mac``, ``linux``,
    ...) or a font name (default Microsoft YaHei)."""
    pptx = _pptx()
    typeface = deck_font(font)
    from pptx.util import Inches

    a = assessment
    if not isinstance(a, Assessment):
        raise TypeError("argument 'assessment': expected an Assessment from jxdigital.assess()")
    lang = lang or a.lang
    if account is None and a.finished:
        account = a.account()
    if charts is None:
        charts = render_charts(a, lang, dashboard=False, account=account)

    prs = pptx.Presentation(io.BytesIO(_template()))
    layouts = {lay.name: lay for lay in prs.slide_layouts}

    s = prs.slides.add_slide(layouts["Title Slide"])
    _title(s, f"{plan_title(a.plan, lang)}\n{deck_title(a.finished, lang)}", 32)
    sub = s.placeholders[1].text_frame
    counts = account_counts(account, lang) if account is not None else counts_sentence(a, lang)
    sub.text = f"{dates_words(a, lang)}\n{counts}"
    set_fonts(sub, size=16)

    if account is not None:
        s = prs.slides.add_slide(layouts["Title Only"])
        text = deck_words("account", lang) + account_counts(account, lang)
        _title(s, text, _title_size(text))
        _account_table(s, account, lang)
        if "_retrospective" in charts:
            s = prs.slides.add_slide(layouts["Title Only"])
            text = deck_words("looking_back", lang) + warnings_sentence(account, lang)
            _title(s, text, _title_size(text))
            s.shapes.add_picture(io.BytesIO(charts["_retrospective"]),
                                 *(Inches(v) for v in PICTURE[:3]))

    s = prs.slides.add_slide(layouts["Title Only"])
    _title(s, deck_words("glance", lang), 28)
    _status_table(s, a, lang)

    if "_summary" in charts:
        s = prs.slides.add_slide(layouts["Title Only"])
        text = counts_sentence(a, lang)
        _title(s, text, _title_size(text))
        s.shapes.add_picture(io.BytesIO(charts["_summary"]), *(Inches(v) for v in PICTURE[:3]))

    gaps = [r for r in sorted(a, key=lambda r: r.seq) if r.status_cn in GAP_STATUSES]
    for r in sorted(a, key=lambda r: r.seq):
        if r.indicator_id not in charts or r.status_cn in GAP_STATUSES:
            continue
        s = prs.slides.add_slide(layouts["Title Only"])
        title = headline(r, lang)  # the finding in one line; the reason under it
        _title(s, title, _one_line_size(title), height=HEADLINE[3])
        reason = target_reason(r, lang)
        box = s.shapes.add_textbox(*(Inches(v) for v in REASON))
        box.text_frame.word_wrap = True
        box.text_frame.text = reason
        set_fonts(box.text_frame, size=_fit_size(reason, REASON[2], REASON[3], 14, 8),
                  colour="333333")
        pic = s.shapes.add_picture(io.BytesIO(charts[r.indicator_id]),
                                   *(Inches(v) for v in PICTURE[:3]))
        _alt(pic, alt_text(r, lang))
        notes = s.notes_slide.notes_text_frame
        notes.text = f"{r.reason_zh}\n{r.reason_en}\n{r.latest_source}"
        set_fonts(notes, size=12)
    if gaps:  # every target without a verdict on one slide, not one empty slide each
        s = prs.slides.add_slide(layouts["Title Only"])
        text = deck_words("gaps", lang) + gaps_sentence(len(gaps), len(a), lang)
        _title(s, text, _title_size(text))
        _gaps_table(s, gaps, lang)
    _properties(prs, a, lang)
    _east_asian(prs, typeface)
    with atomic_path(path) as tmp:
        prs.save(str(tmp))
    return Path(path)


def _gaps_table(slide, gaps, lang: str) -> None:
    import pandas as pd

    cols = gap_headers(lang)
    df = pd.DataFrame([gap_row(r, lang) for r in gaps], columns=cols)
    _table(slide, df, cols, [4.2, 3.0, 5.1], fill_col="", fills=["" for _ in gaps])


def _alt(picture, text: str) -> None:
    """The picture's alternative text (what a screen reader says; PowerPoint's 'Alt Text')."""
    picture._element.nvPicPr.cNvPr.set("descr", text)
    picture._element.nvPicPr.cNvPr.set("name", text[:60])


def _properties(prs, a: Assessment, lang: str) -> None:
    """File > Info: the report's title, the plan and the date it was made (not the
    template's)."""
    import datetime as dt

    cp = prs.core_properties
    cp.title = deck_file_title(a.plan, a.finished, lang)
    cp.subject = a.plan.plan_id
    cp.author = cp.last_modified_by = "jxdigital"
    cp.keywords = a.plan.plan_id
    cp.comments = dates_words(a, lang)
    made = dt.datetime.combine(dt.date.fromisoformat(str(a.timing.generated)), dt.time())
    cp.created = cp.modified = made
    cp.revision = 1


def _status_table(slide, a: Assessment, lang: str) -> None:
    df = display_table(a, lang)
    cols = headers(lang, "indicator", "target", "latest", "p_met", "outcome", "status")
    _table(slide, df, cols, [4.0, 1.7, 2.3, 1.0, 1.5, 1.8], fill_col=headers(lang, "status")[0],
           fills=list(df["_status"]))


def _account_table(slide, acc: Account, lang: str) -> None:
    df = account_table(acc, lang)
    cols = account_headers(lang, "indicator", "target", "actual", "against", "outcome")
    fills = df["_outcome"].map(OUTCOME_STATUS)
    _table(slide, df, cols, [4.6, 1.6, 2.2, 2.3, 1.6],
           fill_col=account_headers(lang, "outcome")[0], fills=list(fills))


def _table(slide, df, cols: list[str], widths: list[float], fill_col: str,
           fills: list[str]) -> None:
    """A native, editable table of ``df[cols]``; the ``fill_col`` cells take the status
    colour named in ``fills`` (one per row)."""
    from pptx.dml.color import RGBColor
    from pptx.util import Inches

    rows = len(df) + 1
    size, heights = _fit(df, cols, widths)
    height = sum(heights)
    shape = slide.shapes.add_table(rows, len(cols), Inches(0.52), Inches(1.5),
                                   Inches(sum(widths)), Inches(height))
    table = shape.table
    for j, (c, w) in enumerate(zip(cols, widths, strict=True)):
        table.columns[j].width = Inches(w)
        cell = table.cell(0, j)
        cell.text = c
        set_fonts(cell.text_frame, size=size, bold=True)
    for i, (_, row) in enumerate(df.iterrows(), start=1):
        status = fills[i - 1]
        for j, c in enumerate(cols):
            cell = table.cell(i, j)
            cell.text = str(row[c])
            cell.margin_top = cell.margin_bottom = Inches(0.02)
            colour = None
            if c == fill_col:
                cell.fill.solid()
                fill = STATUS_COLOURS.get(status, "#FFFFFF")
                cell.fill.fore_color.rgb = RGBColor.from_string(fill.lstrip("#"))
                colour = STATUS_INK.get(status, "#000000").lstrip("#")
            set_fonts(cell.text_frame, size=size, colour=colour)
        table.rows[i].height = Inches(heights[i])
    table.rows[0].height = Inches(heights[0])


def _fit(df, cols, widths, room: float = 5.75) -> tuple[float, list[float]]:
    """The largest type size (14 pt down to 8) at which the table, its cells wrapped to
    their column widths, fits in ``room`` inches; and each row's height at that size."""

    texts = [list(cols)] + [[row[c] for c in cols] for _, row in df.iterrows()]
    for size in (14, 12, 11, 10, 9, 8):
        line = size * 1.2 / 72
        heights = []
        for cells in texts:
            lines = max(math.ceil(text_em(str(t)) * size / 72 / max(w - 0.2, 0.3)) or 1
                        for t, w in zip(cells, widths, strict=True))
            heights.append(lines * line + 0.06)
        if sum(heights) <= room or size == 8:
            return size, heights
    raise AssertionError("unreachable")
