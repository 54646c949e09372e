"""The deck: 16:9, the expected slides, findings as real text with an East Asian font."""

from __future__ import annotations

import shutil
import subprocess

import pytest

pptx = pytest.importorskip("pptx")

from pptx import Presentation  # noqa: E402
from pptx.oxml.ns import qn  # noqa: E402
from pptx.util import Emu  # noqa: E402

from jxdigital import assess  # noqa: E402
from jxdigital.present import STATUS_COLOURS  # noqa: E402
from jxdigital.slides import EA_FONT, build_deck  # noqa: E402


@pytest.fixture(scope="module")
def deck(tmp_path_factory):
    a = assess(today="2024-06-30")  # mid-plan; the finished plan's deck: test_outcomes.py
    png = _tiny_png()
    charts = {"_summary": png, **{r.indicator_id: png for r in a}}
    path = build_deck(a, tmp_path_factory.mktemp("deck") / "deck.pptx", charts=charts)
    return a, path, Presentation(str(path))


def _tiny_png() -> bytes:
    import io

    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", (2460, 1120), "white").save(buf, format="PNG", dpi=(200, 200))
    return buf.getvalue()


def test_deck_is_16_9_with_the_expected_slides(deck):
    a, _, prs = deck
    assert (prs.slide_width, prs.slide_height) == (12192000, 6858000)
    slides = list(prs.slides)
    assert len(slides) == 3 + len(a)
    assert slides[0].shapes.title.text.startswith("江西省“十四五”数字经济发展规划")
    tables = [s for s in slides[1].shapes if s.has_table]
    assert len(tables) == 1 and len(tables[0].table.rows) == len(a) + 1
    assert slides[2].shapes.title.text == "共19项目标：存在风险2项，数据不足17项。"
    by_title = {s.shapes.title.text: s for s in slides[3:]}
    r = a["digital_economy_value_added"]
    finding = f"{r.name_zh}：{r.reason_zh}"
    assert finding in by_title  # the reason is the slide title, as real text
    pics = [s for s in by_title[finding].shapes if s.shape_type == 13]
    assert len(pics) == 1
    left, top, width, height = (Emu(v).inches for v in (pics[0].left, pics[0].top,
                                                       pics[0].width, pics[0].height))
    assert width == pytest.approx(12.3, abs=0.01) and height == pytest.approx(5.6, abs=0.01)
    assert top + height <= 7.5 and left + width <= 13.334


def test_every_run_has_an_east_asian_font(deck):
    _, _, prs = deck
    runs = 0
    for slide in prs.slides:
        for shape in slide.shapes:
            frames = []
            if shape.has_text_frame:
                frames.append(shape.text_frame)
            if shape.has_table:
                frames += [c.text_frame for row in shape.table.rows for c in row.cells]
            for tf in frames:
                for p in tf.paragraphs:
                    for run in p.runs:
                        ea = run._r.get_or_add_rPr().find(qn("a:ea"))
                        assert ea is not None and ea.get("typeface") == EA_FONT, run.text
                        runs += 1
    assert runs > 100


def test_status_cells_are_coloured(deck):
    a, _, prs = deck
    table = next(s for s in list(prs.slides)[1].shapes if s.has_table).table
    de = next(i for i, row in enumerate(table.rows)
              if row.cells[0].text.startswith("数字经济增加值"))
    cell = table.cell(de, 5)
    r = a["digital_economy_value_added"]  # the assessment's status, in its colour
    assert cell.text == r.status_zh
    assert str(cell.fill.fore_color.rgb) == STATUS_COLOURS[r.status_cn].lstrip("#")


@pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdftotext") is None,
                    reason="LibreOffice or poppler is not installed")
@pytest.mark.slow
def test_deck_renders_in_libreoffice_with_text_inside_and_no_overlap(tmp_path):
    """Render the real deck (real charts) to PDF and check where the words landed."""
    a = assess(today="2024-06-30")
    path = build_deck(a, tmp_path / "deck.pptx")
    run = subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir",
                          str(tmp_path), str(path)], capture_output=True, timeout=300,
                         env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"})
    pdf = tmp_path / "deck.pdf"
    assert run.returncode == 0 and pdf.is_file(), run.stderr
    html = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    import re

    pages = html.split("<page ")[1:]
    assert len(pages) == 3 + len(a)
    for n, page in enumerate(pages, start=1):
        w, h = (float(x) for x in re.search(r'width="([\d.]+)" height="([\d.]+)"',
                                            page).groups())
        words = [tuple(float(v) for v in m) for m in
                 re.findall(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)"',
                            page)]
        assert words, f"slide {n} has no text"
        for x0, y0, x1, y1 in words:  # every word inside the slide
            assert x0 >= 0 and x1 <= w + 0.5 and y0 >= 0 and y1 <= h + 0.5, (n, x0, y0)
        if n >= 3:
            # The chart's own text is pixels in the PNG, so every PDF word here is the
            # slide title: all of it must end above the picture (top at 1.55 in).
            picture_top = 1.55 / 7.5 * h
            low = max(y1 for _, _, _, y1 in words)
            assert low <= picture_top + 1, f"slide {n}: title runs into the chart"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_status_table_fits_on_its_slide(tmp_path, lang):
    a = assess(lang=lang, today="2024-06-30")
    path = build_deck(a, tmp_path / "deck.pptx", lang=lang, charts={})
    prs = Presentation(str(path))
    shape = next(s for s in list(prs.slides)[1].shapes if s.has_table)
    bottom = Emu(shape.top + sum(r.height for r in shape.table.rows)).inches
    assert bottom <= 7.3  # above the slide's footer zone
    assert len(prs.slides) == 2  # no charts given: title and table only
