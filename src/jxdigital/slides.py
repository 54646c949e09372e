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
from .present._names import plan_title, target_name, target_reason
from .present._slide_words import deck_title, deck_words, finding
from .present._table import display_table, headers
from .present._text import counts_sentence, dates_words

EA_FONT = "Microsoft YaHei"  # the East Asian font PowerPoint users in China have
LATIN_FONT = "Arial"
SLIDE_W_IN, SLIDE_H_IN = 13.333, 7.5
PICTURE = (0.52, 1.55, 12.3, 5.6)  # left, top, width, height (in): the slide chart preset


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


def _title(slide, text: str, size: float) -> None:
    ph = slide.shapes.title
    ph.text_frame.text = text
    ph.text_frame.word_wrap = True
    set_fonts(ph.text_frame, size=size, bold=False)


def _title_size(text: str) -> float:
    """Slide titles are findings; long ones get smaller type to stay in the title box."""
    n = text_em(text)
    return 28 if n <= 36 else 24 if n <= 80 else 20 if n <= 110 else 16 if n <= 180 else 13


def build_deck(assessment: Assessment, path: str | Path, lang: str | None = None,
               charts: dict[str, bytes] | None = None, account: Account | None = None) -> Path:
    """Write the deck to ``path`` (atomically). ``charts`` maps indicator id,
    ``"_summary"`` and ``"_retrospective"`` to slide-size PNG bytes (rendered here when not
    given). A finished plan gets two more slides after the title: the account (a table of
    outcomes) and the retrospective (each year's P(met) against the outcome)."""
    pptx = _pptx()
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

    for r in sorted(a, key=lambda r: r.seq):
        if r.indicator_id not in charts:
            continue
        s = prs.slides.add_slide(layouts["Title Only"])
        title = finding(target_name(r, lang), target_reason(r, lang), lang)
        _title(s, title, _title_size(title))
        s.shapes.add_picture(io.BytesIO(charts[r.indicator_id]),
                             *(Inches(v) for v in PICTURE[:3]))
        notes = s.notes_slide.notes_text_frame
        notes.text = f"{r.reason_zh}\n{r.reason_en}\n{r.latest_source}"
        set_fonts(notes, size=12)
    with atomic_path(path) as tmp:
        prs.save(str(tmp))
    return Path(path)


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
