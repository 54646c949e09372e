"""A 16:9 briefing deck of an assessment (python-pptx, the optional ``[slides]`` extra).

``build_deck(a, "briefing.pptx")`` lays out the view (``present.view``): a title slide
with the one count sentence, the targets as native, editable tables (status colours,
binding targets first, a slide of at most 15 rows, "（续）" on continuations), the summary
chart's pages, the retrospective where an outcome is known, then one slide per judged
target with its chart and the finding as its title, and the data gaps. Every piece of
text is real text; each run carries an East Asian font (``a:ea``), because python-pptx's
``font.name`` sets only the Latin one and Chinese would fall back to the theme's choice.
"""

from __future__ import annotations

import io
import math
from importlib import resources
from pathlib import Path
from typing import Any

from ._atomic import atomic_path
from ._linebreak import text_em
from .assessment import Account, Assessment
from .charts import chart_pages, render_charts
from .present import deck_file_title
from .present.targets_view import TargetsView
from .present.view import Page, ReportView, Table, view

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
        # Latin letters measured wide (0.62 em): LibreOffice's stand-in fonts are wider
        # than YaHei's, and an English headline must stay on its line there too
        lines = math.ceil(text_em(text, latin=0.62) / per_line) or 1
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


def build_deck(assessment, path: str | Path, lang: str | None = None,
               charts: dict[str, bytes] | None = None, account: Account | None = None,
               font: str | None = None) -> Path:
    """Write the deck to ``path`` (atomically): it lays out the view
    (``present.view``) of ``assessment`` (an Assessment or its view).

    Slides: the title (the plan, the dates, the one count sentence); the targets as native
    tables of at most ``TABLE_ROWS`` rows (binding targets first, by section, "（续）" on
    continuations); the summary chart's pages; the retrospective where an outcome is
    known; one slide per judged target (the finding as the title, one plain sentence
    under it, the chart; the full reason in the notes); the data gaps, paged (one gap is a
    line on the last table slide instead). ``charts`` maps the keys of
    ``charts.render_charts`` to slide-size PNG bytes (drawn here when not given).
    ``font``: the East Asian typeface, a preset of ``DECK_FONTS`` (``windows``, ``mac``,
    ``linux``, ...) or a font name (default Microsoft YaHei). ``account`` is accepted for
    compatibility."""
    pptx = _pptx()
    typeface = deck_font(font)
    if not isinstance(assessment, (Assessment, ReportView)):
        raise TypeError("argument 'assessment': expected an Assessment from jxdigital.assess()")
    v = view(assessment, lang)
    if charts is None:
        charts = render_charts(v, dashboard=False, detail=False)
    prs = _new_deck(pptx)
    _title_slide(prs, f"{v.title}\n{v.deck_title}", f"{v.dates}\n{v.counts}", 16)
    _status_slides(prs, v)
    _summary_slides(prs, v, charts)
    _retrospective_slide(prs, v, charts)
    _target_slides(prs, v, charts)
    _gap_slides(prs, v)
    _properties(prs, v)
    _east_asian(prs, typeface)
    _save(prs, path)
    return Path(path)


def _new_deck(pptx):
    """A presentation of the 16:9 template, adding parts in linear time."""
    prs = pptx.Presentation(io.BytesIO(_template()))
    _linear_parts(prs)
    return prs


def _add_slide(prs, layout: str):
    """A new slide of the template's layout of that name."""
    return prs.slides.add_slide({lay.name: lay for lay in prs.slide_layouts}[layout])


def _save(prs, path: str | Path) -> None:
    with atomic_path(path) as tmp:
        prs.save(str(tmp))


def _title_slide(prs, title: str, subtitle: str, size: float) -> None:
    """The first slide: the title (32 pt) and the lines under it in ``size``."""
    s = _add_slide(prs, "Title Slide")
    _title(s, title, 32)
    sub = s.placeholders[1].text_frame
    sub.text = subtitle
    set_fonts(sub, size=size)


def _picture(slide, png: bytes, alt: str) -> None:
    """A chart in the slide's picture box, with its alternative text."""
    from pptx.util import Inches

    pic = slide.shapes.add_picture(io.BytesIO(png), *(Inches(x) for x in PICTURE[:3]))
    _alt(pic, alt)


def _status_slides(prs, v: ReportView) -> None:
    """The targets as native tables, a slide a page ("（续）" on continuations); a single
    data gap is a line under the last one."""
    pages = v.table_pages(TABLE_ROWS)
    for k, page in enumerate(pages):
        s = _add_slide(prs, "Title Only")
        text = v.say("heading_targets") + (v.say("continued") if k else "")
        _title(s, text, 28)
        bottom = _status_table(s, v, page)
        if k == len(pages) - 1 and len(v.gaps) == 1:  # one gap: a line, not a slide
            _note_line(s, _one_gap(v), bottom)


def _summary_slides(prs, v: ReportView, charts: dict[str, bytes]) -> None:
    """The summary chart's pages, each titled with its finding."""
    for k, png in enumerate(chart_pages(charts, "summary")):
        s = _add_slide(prs, "Title Only")
        text = v.summary_pages[k].slide_title if k < len(v.summary_pages) else \
            v.say("summary_heading")
        _title(s, text, _title_size(text))
        _picture(s, png, text)


def _retrospective_slide(prs, v: ReportView, charts: dict[str, bytes]) -> None:
    """Each year's review of the settled targets, where an outcome is known."""
    if "_retrospective" not in charts or v.retrospective is None:
        return
    s = _add_slide(prs, "Title Only")
    text = v.say("retrospective_heading")
    _title(s, text, 28, height=HEADLINE[3])
    _subline(s, v.retro_sentence)
    _picture(s, charts["_retrospective"], f"{text}{v.say('colon')}{v.retro_sentence}")


def _target_slides(prs, v: ReportView, charts: dict[str, bytes]) -> None:
    """A slide per judged target with a chart: the finding as the title, one plain sentence
    under it, the chart; the full reason and the latest figure's source in the notes."""
    for t in v.judged:
        if t.id not in charts:
            continue
        s = _add_slide(prs, "Title Only")
        _title(s, t.headline, _one_line_size(t.headline), height=HEADLINE[3])
        if t.line:
            _subline(s, t.line)
        _picture(s, charts[t.id], t.headline.replace(t.short, t.name, 1))
        notes = s.notes_slide.notes_text_frame
        r = t.record
        # the full reason, in the deck's language, and where the latest figure comes from
        notes.text = t.reason + (f"\n{v.say('notes_source', source=r.latest_source)}"
                                 if r.latest_source else "")
        set_fonts(notes, size=12)


def _gap_slides(prs, v: ReportView) -> None:
    """The data gaps as tables, paged (a single gap is a line on the last table slide)."""
    if len(v.gaps) <= 1:
        return
    for k, page in enumerate(v.gap_pages(TABLE_ROWS)):
        s = _add_slide(prs, "Title Only")
        text = v.say("gaps_title", n=len(v.gaps)) + (v.say("continued") if k else "")
        _title(s, text, _title_size(text))
        _table(s, v.gaps, page, _widths(v.gaps, _GAP_WIDTHS), fill_key="")


#: The data gaps' columns on a slide (inches; a region column where the plan has several).
_GAP_WIDTHS = {"region": 1.5, "indicator": 4.2, "latest": 3.4, "missing": 4.7}


def _widths(t: Table, wanted: dict[str, float], total: float = 12.3) -> list[float]:
    """Each column's width from ``wanted`` (by key), scaled to fill ``total`` inches."""
    w = [wanted.get(c.key, 2.0) for c in t.columns]
    return [x * total / sum(w) for x in w]


#: Rows a table slide holds (a section heading counts one).
TABLE_ROWS = 15
#: The status table's columns on a slide, and their widths in inches.
_DECK_COLUMNS = (("indicator", 4.1), ("target", 1.6), ("latest", 2.2), ("p_met", 1.1),
                 ("against", 1.4), ("status", 1.8))
SUBLINE = (0.52, 0.80, 12.3, 0.55)  # the plain sentence under a headline


def _linear_parts(prs) -> None:
    """Name new parts and find an image already added without walking the whole package
    each time: python-pptx does, for every notes page and picture, which made a deck of
    hundreds of slides cost seconds more with each hundred (quadratic)."""
    from pptx.opc.packuri import PackURI
    from pptx.parts.image import Image, ImagePart

    pkg = prs.part.package
    taken = {str(part.partname) for part in pkg.iter_parts()}

    def next_partname(template: str) -> PackURI:
        n = 1
        while template % n in taken:
            n += 1
        taken.add(template % n)
        return PackURI(template % n)

    def next_image_partname(ext: str) -> PackURI:
        return next_partname(f"/ppt/media/image%d.{ext}")

    images: dict[str, object] = {}

    def get_or_add_image_part(image_file):
        image = Image.from_file(image_file)
        if image.sha1 not in images:
            images[image.sha1] = ImagePart.new(pkg, image)
        return images[image.sha1]

    pkg.next_partname = next_partname
    pkg.next_image_partname = next_image_partname
    pkg.get_or_add_image_part = get_or_add_image_part


def _subline(slide, text: str) -> None:
    """One plain sentence under a slide's headline."""
    from pptx.util import Inches

    box = slide.shapes.add_textbox(*(Inches(x) for x in SUBLINE))
    box.text_frame.word_wrap = True
    box.text_frame.text = text
    set_fonts(box.text_frame, size=_fit_size(text, SUBLINE[2], SUBLINE[3], 16, 11),
              colour="333333")


def _note_line(slide, text: str, top: float) -> None:
    """A line under a table (a single data gap)."""
    from pptx.util import Inches

    box = slide.shapes.add_textbox(Inches(0.52), Inches(min(top + 0.3, 6.9)), Inches(12.3),
                                   Inches(0.45))
    box.text_frame.word_wrap = True
    box.text_frame.text = text
    set_fonts(box.text_frame, size=12, colour="444444")


def _one_gap(v: ReportView) -> str:
    row = v.gaps.rows[0]
    return v.say("gap_line", items=v.say("gap_item", name=v[v.gaps.ids[0]].name,
                                         missing=row[2].text))


def _alt(picture, text: str) -> None:
    """The picture's alternative text (what a screen reader says; PowerPoint's 'Alt Text')."""
    picture._element.nvPicPr.cNvPr.set("descr", text)
    picture._element.nvPicPr.cNvPr.set("name", text[:60])


def _properties(prs, v: ReportView) -> None:
    """File > Info: the report's title, the plan and the date it was made (not the
    template's)."""
    import datetime as dt

    cp = prs.core_properties
    cp.title = deck_file_title(v.title, v.deck_title, v.lang)
    cp.subject = v.plan_id
    cp.author = cp.last_modified_by = "jxdigital"
    cp.keywords = v.plan_id
    cp.comments = v.dates
    made = dt.datetime.combine(v.assessment.timing.generated, dt.time())
    cp.created = cp.modified = made
    cp.revision = 1


def _status_table(slide, v: ReportView, page: Page) -> float:
    """One page of the targets as a native table; returns where it ends (inches)."""
    cols = [(k, w) for k, w in _DECK_COLUMNS if v.table.has(k)]
    spare = 12.3 - sum(w for _, w in cols)
    cols[0] = (cols[0][0], cols[0][1] + spare)  # the names take what is left
    t = v.table.select(*(k for k, _ in cols))
    return _table(slide, t, page, [w for _, w in cols], fill_key="status")


def _table(slide, t: Table, page: Page, widths: list[float], fill_key: str) -> float:
    """The rows of ``page`` of ``t`` as a native, editable table: a section's title as a
    row of its own spanning the table; the ``fill_key`` cells in their status colours.
    Returns the table's bottom (inches)."""
    from pptx.util import Emu, Inches

    lines: list[tuple[str, Any]] = [("head", None)]  # and ("section", title), ("row", cells)
    for title, rows in page.items:
        if title:
            lines.append(("section", title))
        lines += [("row", t.rows[i]) for i in rows]
    texts = [[c.header for c in t.columns]] + [
        [str(x)] + [""] * (len(t.columns) - 1) if kind == "section" else
        [c.text for c in x] for kind, x in lines[1:]]
    size, heights = _fit(texts, widths)
    shape = slide.shapes.add_table(len(lines), len(t.columns), Inches(0.52), Inches(1.5),
                                   Inches(sum(widths)), Inches(sum(heights)))
    table = shape.table
    fill_col = t.index(fill_key) if fill_key and t.has(fill_key) else -1
    for j, w in enumerate(widths):
        table.columns[j].width = Inches(w)
    for i, (kind, x) in enumerate(lines):
        if kind == "head":
            for j, c in enumerate(t.columns):
                _cell(table.cell(0, j), c.header, size, bold=True)
        elif kind == "section":
            _section_cell(table, i, len(t.columns), str(x), size)
        else:
            for j, c in enumerate(x):
                _cell(table.cell(i, j), c.text, size, fill=c.fill if j == fill_col else "",
                      ink=c.ink)
        # the row's height straight into the XML: python-pptx's setter re-adds every row's
        # height on each assignment, which made a 300-target deck cost 23 s
        table._tbl.tr_lst[i].h = Emu(Inches(heights[i]))
    shape.height = Emu(Inches(sum(heights)))
    return 1.5 + sum(heights)


def _cell(cell, text: str, size: float, bold: bool | None = None, fill: str | None = "",
          ink: str | None = None) -> None:
    """A table cell's text in ``size``; with a ``fill`` (a status colour) in its ink."""
    from pptx.dml.color import RGBColor
    from pptx.util import Inches

    cell.text = text
    cell.margin_top = cell.margin_bottom = Inches(0.02)
    colour = None
    if fill:
        cell.fill.solid()
        cell.fill.fore_color.rgb = RGBColor.from_string(fill.lstrip("#"))
        colour = (ink or "#000000").lstrip("#")
    set_fonts(cell.text_frame, size=size, bold=bold, colour=colour)


def _section_cell(table, i: int, ncols: int, title: str, size: float) -> None:
    """Row ``i`` as one grey cell across the table holding a section's title."""
    from pptx.dml.color import RGBColor
    from pptx.util import Inches

    cell = table.cell(i, 0)
    cell.merge(table.cell(i, ncols - 1))
    cell.text = title
    cell.margin_top = cell.margin_bottom = Inches(0.02)
    cell.fill.solid()
    cell.fill.fore_color.rgb = RGBColor.from_string("EDEDED")
    set_fonts(cell.text_frame, size=size, bold=True, colour="333333")


def _fit(texts: list[list[str]], widths: list[float], room: float = 5.6
         ) -> tuple[float, list[float]]:
    """The largest type size (14 pt down to 9) at which the table, its cells wrapped to
    their column widths, fits in ``room`` inches; and each row's height at that size."""
    for size in (14, 13, 12, 11, 10, 9):
        # LibreOffice and PowerPoint set a line at about 1.25 em and keep the cell's
        # margins (0.02 in above and below) and the frame's own padding around it
        line = size * 1.25 / 72
        heights = []
        for cells in texts:
            lines = max(math.ceil(text_em(str(x)) * size / 72 / max(w - 0.2, 0.3)) or 1
                        for x, w in zip(cells, widths, strict=True))
            heights.append(lines * line + 0.1)
        if sum(heights) <= room or size == 9:
            return size, heights
    raise AssertionError("unreachable")


#: The 测算 tables' columns on a slide are the view's; their widths share 12.3 in, names
#: and notes wider.
_WIDE = {"indicator": 2.0, "note": 1.6, "base": 1.4}


def build_targets_deck(v: TargetsView, path: str | Path, charts: dict[str, bytes],
                       font: str | None = None) -> Path:
    """The 测算 deck (atomically): the title (the plan, the dates, what the options mean),
    the options table, the draft's table and its checks, one slide per row's chart."""
    prs = _new_deck(_pptx())
    _title_slide(prs, v.heading, "\n".join((v.dates, *v.intro)), 14)
    tables = [(v.options, v.say_heading("options"))]
    if v.review is not None:
        tables.append((v.review, v.say_heading("review")))
    for t, heading in tables:
        weights = [_WIDE.get(c.key, 1.0) for c in t.columns]
        widths = [12.3 * w / sum(weights) for w in weights]
        for k, page in enumerate(t.pages(TABLE_ROWS, section_cost=0)):
            s = _add_slide(prs, "Title Only")
            _title(s, heading + (v.say_heading("continued") if k else ""), 28)
            _table(s, t, page, widths, fill_key="ambition")
    if v.checks:
        _checks_slide(prs, v)
    for r in v.rows:
        if r.key not in charts or r.chart is None:
            continue
        s = _add_slide(prs, "Title Only")
        _title(s, r.chart.title, _one_line_size(r.chart.title), height=HEADLINE[3])
        _picture(s, charts[r.key], r.chart.title)
    prs.core_properties.title = v.heading
    prs.core_properties.author = prs.core_properties.last_modified_by = "jxdigital"
    _east_asian(prs, deck_font(font))
    _save(prs, path)
    return Path(path)


def _checks_slide(prs, v: TargetsView) -> None:
    """The draft's checks on a slide of their own, a paragraph each."""
    from pptx.util import Inches

    s = _add_slide(prs, "Title Only")
    _title(s, v.say_heading("checks"), 28)
    box = s.shapes.add_textbox(Inches(0.52), Inches(1.5), Inches(12.3), Inches(5.5))
    frame = box.text_frame
    frame.word_wrap = True
    frame.text = "\n".join(f"• {c}" for c in v.checks)
    set_fonts(frame, size=18)
