"""The deck: 16:9, the expected slides, findings as real text with an East Asian font."""

from __future__ import annotations

import subprocess

import pytest

pptx = pytest.importorskip("pptx")

from pptx import Presentation  # noqa: E402
from pptx.oxml.ns import qn  # noqa: E402
from pptx.util import Emu  # noqa: E402

from jxdigital import assess  # noqa: E402
from jxdigital.present import STATUS_COLOURS  # noqa: E402
from jxdigital.slides import EA_FONT, build_deck  # noqa: E402
from render_tools import missing  # noqa: E402


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
    judged = [r for r in a if r.status_cn not in ("insufficient_data", "not_assessable")]
    # title, table, summary, one slide per judged target, one data-gaps slide
    assert len(slides) == 3 + len(judged) + 1
    assert slides[0].shapes.title.text.startswith("江西省“十四五”数字经济发展规划")
    tables = [s for s in slides[1].shapes if s.has_table]
    assert len(tables) == 1 and len(tables[0].table.rows) == len(a) + 1
    assert slides[2].shapes.title.text == "共19项目标：存在风险2项，数据不足17项。"
    by_title = {s.shapes.title.text: s for s in slides[3:]}
    r = a["digital_economy_value_added"]
    # the finding in one line as the title, the reason under it, both real text
    headline = "数字经济增加值：2025年预计1.37万亿元，低于1.6万亿元的目标，达标概率50%"
    assert headline in by_title
    texts = [sh.text_frame.text for sh in by_title[headline].shapes
             if sh.has_text_frame and sh != by_title[headline].shapes.title]
    assert r.reason_zh in texts
    pics = [s for s in by_title[headline].shapes if s.shape_type == 13]
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


@pytest.mark.skipif(missing("soffice", "pdftotext", "pdffonts"),
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
    # no boxes for Chinese: LibreOffice drew it with a Chinese font (CI installs Debian's
    # fonts-noto-cjk, as users' Linux machines have it; PowerPoint and WPS have YaHei)
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True,
                           check=True).stdout
    assert any(k in fonts for k in ("CJK", "WenQuanYi", "SourceHan", "DroidSansFallback")), \
        fonts
    html = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    import re

    pages = html.split("<page ")[1:]
    judged = [r for r in a if r.status_cn not in ("insufficient_data", "not_assessable")]
    assert len(pages) == 3 + len(judged) + 1
    for n, page in enumerate(pages, start=1):
        w, h = (float(x) for x in re.search(r'width="([\d.]+)" height="([\d.]+)"',
                                            page).groups())
        words = [tuple(float(v) for v in m) for m in
                 re.findall(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)"',
                            page)]
        assert words, f"slide {n} has no text"
        for x0, y0, x1, y1 in words:  # every word inside the slide
            assert x0 >= 0 and x1 <= w + 0.5 and y0 >= 0 and y1 <= h + 0.5, (n, x0, y0)
        if 3 <= n < len(pages):  # the chart slides (the last one is the data gaps)
            # The chart's own text is pixels in the PNG, so every PDF word here is the
            # slide's headline or reason: all of it must end above the picture (1.55 in).
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
    # no charts given: title, table and the data-gaps slide only
    assert len(prs.slides) == 3
    assert list(prs.slides)[2].shapes.title.text.startswith(
        "数据缺口：" if lang == "zh" else "Data gaps: ")


def test_targets_without_a_verdict_share_one_data_gaps_slide(deck):
    _a, _, prs = deck
    gaps = list(prs.slides)[-1]
    assert gaps.shapes.title.text == "数据缺口：19项目标中17项尚无法判断"
    table = next(s for s in gaps.shapes if s.has_table).table
    rows = {row.cells[0].text: (row.cells[1].text, row.cells[2].text)
            for row in list(table.rows)[1:]}
    assert len(rows) == 17 and "数字经济增加值" not in rows
    assert rows["移动物联网终端数"] == ("1488万个（2020年）", "2021—2025年的可比数据")
    assert rows["“跨省通办”比例"][0] == "无"


def test_every_headline_is_one_line_and_every_picture_says_what_it_shows(deck):
    from jxdigital.charts._style import text_em
    from jxdigital.slides import HEADLINE

    _a, _, prs = deck
    for slide in list(prs.slides)[3:-1]:
        title = slide.shapes.title
        size = title.text_frame.paragraphs[0].runs[0].font.size.pt
        assert "\n" not in title.text_frame.text
        assert text_em(title.text_frame.text) * size / 72 <= HEADLINE[2] - 0.1
        pic = next(s for s in slide.shapes if s.shape_type == 13)
        descr = pic._element.nvPicPr.cNvPr.get("descr")
        assert descr and descr != "image.png" and "：" in descr


def test_the_decks_properties_are_the_reports(deck):
    _a, _, prs = deck
    cp = prs.core_properties
    assert cp.title == "江西省“十四五”数字经济发展规划·主要指标：目标实现情况评估"
    assert "template" not in (cp.title + cp.subject + cp.comments).lower()
    assert cp.subject == "jiangxi-14th-fyp" and cp.author == "jxdigital"
    assert cp.created.date().isoformat() == "2024-06-30"


@pytest.mark.parametrize("font,typeface", [(None, "Microsoft YaHei"), ("mac", "PingFang SC"),
                                           ("linux", "Noto Sans CJK SC"),
                                           ("思源黑体", "思源黑体")])
def test_the_deck_font_is_chosen_per_platform(tmp_path, font, typeface):
    a = assess(today="2024-06-30")
    path = build_deck(a, tmp_path / "deck.pptx", charts={}, font=font)
    prs = Presentation(str(path))
    faces = {ea.get("typeface") for slide in prs.slides
             for ea in slide._element.iter(qn("a:ea"))}
    assert faces == {typeface}
    # every East Asian font is marked Chinese sans, so an application without it
    # substitutes a Chinese face, not boxes; the theme (text typed later) too
    eas = [ea for slide in prs.slides for ea in slide._element.iter(qn("a:ea"))]
    assert all(ea.get("charset") == "-122" and ea.get("pitchFamily") == "34" for ea in eas)
    from pptx.opc.constants import RELATIONSHIP_TYPE as RT

    theme = prs.slide_master.part.part_related_by(RT.THEME).blob.decode("utf-8")
    assert f'<a:ea typeface="{typeface}"' in theme


def test_an_empty_deck_font_is_an_error(tmp_path):
    a = assess(today="2024-06-30")
    with pytest.raises(ValueError, match="argument 'font'"):
        build_deck(a, tmp_path / "deck.pptx", charts={}, font=" ")
