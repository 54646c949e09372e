"""The deck: 16:9, the expected slides, findings as real text with an East Asian font."""

from __future__ import annotations

import subprocess

import pytest

pptx = pytest.importorskip("pptx")

from pptx import Presentation  # noqa: E402
from pptx.oxml.ns import qn  # noqa: E402
from pptx.util import Emu  # noqa: E402

from jxdigital import assess  # noqa: E402
from jxdigital.slides import build_deck  # noqa: E402
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
    # title, table (19 rows and 5 section rows: two slides of at most 15), summary, one
    # slide per judged target, the data gaps (17: two slides)
    assert len(slides) == 1 + 2 + 1 + len(judged) + 2
    assert slides[0].shapes.title.text.startswith("江西省“十四五”数字经济发展规划")
    # the count sentence once, on the title slide (a running plan: progress words)
    assert "共19项目标：存在风险2项，数据不足17项。" in slides[0].placeholders[1].text_frame.text
    assert [s.shapes.title.text for s in slides[1:3]] == ["各项目标", "各项目标（续）"]
    rows = [len(next(sh for sh in s.shapes if sh.has_table).table.rows) for s in slides[1:3]]
    assert all(n <= 16 for n in rows) and sum(rows) == 2 + 19 + 5  # headers, rows, sections
    assert slides[3].shapes.title.text == "各项目标达标概率"  # the 2 judged: one page
    by_title = {s.shapes.title.text: s for s in slides[4:]}
    r = a["digital_economy_value_added"]
    # the finding in one line as the title, from the verdict (never "above" under a badge
    # that says at risk), one plain sentence under it, the full reason in the notes
    headline = "数字经济增加值：2025年预计14800亿元，能否达到16000亿元的目标尚难确定（达标概率47%）"
    assert headline in by_title
    slide = by_title[headline]
    texts = [sh.text_frame.text for sh in slide.shapes
             if sh.has_text_frame and sh != slide.shapes.title]
    assert texts == ["2021年10378亿元，2020年以来年均增长24.2%；此后每年需增长11.4%才能达到目标。"]
    assert r.reason_zh in slide.notes_slide.notes_text_frame.text
    pics = [s for s in slide.shapes if s.shape_type == 13]
    assert len(pics) == 1
    left, top, width, height = (Emu(v).inches for v in (pics[0].left, pics[0].top,
                                                       pics[0].width, pics[0].height))
    assert width == pytest.approx(12.3, abs=0.01) and height == pytest.approx(5.6, abs=0.01)
    assert top + height <= 7.5 and left + width <= 13.334


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
    from jxdigital.present.view import view

    v = view(a)
    first_chart = 1 + len(v.table_pages()) + len(v.summary_pages) + 1
    charts = range(first_chart, first_chart + len(v.judged))
    assert len(pages) == charts.stop - 1 + len(v.gap_pages())
    for n, page in enumerate(pages, start=1):
        w, h = (float(x) for x in re.search(r'width="([\d.]+)" height="([\d.]+)"',
                                            page).groups())
        words = [tuple(float(v) for v in m) for m in
                 re.findall(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)"',
                            page)]
        assert words, f"slide {n} has no text"
        for x0, y0, x1, y1 in words:  # every word inside the slide
            assert x0 >= 0 and x1 <= w + 0.5 and y0 >= 0 and y1 <= h + 0.5, (n, x0, y0)
        if n in charts:  # a target's slide
            # The chart's own text is pixels in the PNG, so every PDF word here is the
            # slide's headline or its line: all of it must end above the picture (1.55 in).
            picture_top = 1.55 / 7.5 * h
            low = max(y1 for _, _, _, y1 in words)
            assert low <= picture_top + 1, f"slide {n}: title runs into the chart"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_status_table_fits_on_its_slide(tmp_path, lang):
    a = assess(lang=lang, today="2024-06-30")
    path = build_deck(a, tmp_path / "deck.pptx", lang=lang, charts={})
    prs = Presentation(str(path))
    for slide in list(prs.slides)[1:3]:
        shape = next(s for s in slide.shapes if s.has_table)
        bottom = Emu(shape.top + sum(r.height for r in shape.table.rows)).inches
        assert bottom <= 7.3  # above the slide's footer zone
    # no charts given: title, two table slides and two data-gaps slides only
    assert len(prs.slides) == 5
    assert list(prs.slides)[3].shapes.title.text.startswith(
        "数据缺口：" if lang == "zh" else "Data gaps: ")


def test_targets_without_a_verdict_are_listed_on_data_gaps_slides(deck):
    _a, _, prs = deck
    slides = list(prs.slides)[-2:]
    assert [s.shapes.title.text for s in slides] == ["数据缺口：17项目标尚无法判断",
                                                     "数据缺口：17项目标尚无法判断（续）"]
    rows = {}
    for s in slides:
        table = next(sh for sh in s.shapes if sh.has_table).table
        rows |= {row.cells[0].text: (row.cells[1].text, row.cells[2].text)
                 for row in list(table.rows)[1:] if row.cells[1].text}
    assert len(rows) == 17 and "数字经济增加值" not in rows
    assert rows["移动物联网终端数"] == ("1488万个（2020）", "2021—2025年的可比数据")
    assert rows["“跨省通办”比例"][0] == "无"


def test_one_data_gap_is_a_line_not_a_slide(tmp_path, national_final):
    """Issue 25, item 15: the national plan's one data gap was a one-row slide."""
    a = national_final
    prs = Presentation(str(build_deck(a, tmp_path / "deck.pptx", charts={})))
    titles = [s.shapes.title.text for s in prs.slides]
    assert not any(t.startswith("数据缺口") for t in titles)
    table_slide = list(prs.slides)[1]
    lines = [sh.text_frame.text for sh in table_slide.shapes
             if sh.has_text_frame and sh != table_slide.shapes.title]
    assert lines == ["数据缺口：在线政务服务实名用户规模（缺少2020—2025年的可比数据）。"]


def test_every_headline_is_one_line_and_every_picture_says_what_it_shows(deck):
    from jxdigital.charts._style import text_em
    from jxdigital.slides import HEADLINE

    _a, _, prs = deck
    for slide in list(prs.slides)[4:-2]:
        title = slide.shapes.title
        size = title.text_frame.paragraphs[0].runs[0].font.size.pt
        assert "\n" not in title.text_frame.text
        assert text_em(title.text_frame.text) * size / 72 <= HEADLINE[2] - 0.1
        pic = next(s for s in slide.shapes if s.shape_type == 13)
        descr = pic._element.nvPicPr.cNvPr.get("descr")
        assert descr and descr != "image.png" and "：" in descr
    for slide in prs.slides:  # every picture, the summary's too, has its alt text
        for pic in (s for s in slide.shapes if s.shape_type == 13):
            assert pic._element.nvPicPr.cNvPr.get("descr")


def test_the_slides_speak_plainly_to_directors(deck):
    """Issue 25, item 15: no 依据B, nowcast or P(met) under a title."""
    _a, _, prs = deck
    for slide in list(prs.slides)[4:-2]:
        lines = [sh.text_frame.text for sh in slide.shapes
                 if sh.has_text_frame and sh != slide.shapes.title]
        assert len(lines) <= 1
        for line in lines:
            assert "依据" not in line and "nowcast" not in line and "P(met)" not in line
            assert line.count("。") == 1 and len(line) < 80


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
