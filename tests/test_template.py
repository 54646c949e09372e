"""The shipped slide template is 16:9 and no placeholder keeps its 4:3 position."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

pptx = pytest.importorskip("pptx")

from pptx import Presentation  # noqa: E402
from pptx.opc.constants import RELATIONSHIP_TYPE as RT  # noqa: E402

TEMPLATE = Path(__file__).resolve().parents[1] / "src/jxdigital/templates/deck-16x9.pptx"
WIDTH, HEIGHT = 12192000, 6858000
LAYOUTS = ["Title Slide", "Title and Content", "Section Header", "Two Content", "Comparison",
           "Title Only", "Blank", "Content with Caption", "Picture with Caption",
           "Title and Vertical Text", "Vertical Title and Text"]


@pytest.fixture(scope="module")
def prs():
    return Presentation(str(TEMPLATE))


def _boxes(prs):
    for owner in [prs.slide_master, *prs.slide_layouts]:
        name = getattr(owner, "name", None) or "master"
        for ph in owner.placeholders:
            yield name, ph.name, ph.left, ph.top, ph.width, ph.height


def test_template_is_16_by_9(prs):
    assert (prs.slide_width, prs.slide_height) == (WIDTH, HEIGHT)
    assert prs.part._element.find(
        "{http://schemas.openxmlformats.org/presentationml/2006/main}sldSz").get("type") is None
    assert len(prs.slides) == 0
    assert [lay.name for lay in prs.slide_layouts] == LAYOUTS


def test_every_placeholder_lies_inside_the_slide(prs):
    boxes = list(_boxes(prs))
    assert len(boxes) >= 40
    for layout, ph, left, top, width, height in boxes:
        assert width > 0 and height > 0, (layout, ph)
        assert left >= 0 and left + width <= WIDTH, (layout, ph, left, width)
        assert top >= 0 and top + height <= HEIGHT, (layout, ph, top, height)


def test_no_placeholder_keeps_its_4_by_3_position(prs):
    """Every placeholder is python-pptx's default one scaled horizontally by 4/3."""
    default = list(_boxes(Presentation()))
    boxes = list(_boxes(prs))
    assert [b[:2] for b in boxes] == [d[:2] for d in default]
    for (layout, ph, left, top, width, height), d in zip(boxes, default, strict=True):
        assert abs(left - d[2] * 4 / 3) <= 1 and abs(width - d[4] * 4 / 3) <= 1, (layout, ph)
        assert (top, height) == (d[3], d[5]), (layout, ph)
    assert max(b[2] + b[4] for b in boxes) > 9144000  # uses the width beyond 10 in
    title = prs.slide_master.placeholders[0]  # margins stay symmetric
    assert abs(title.left - (WIDTH - title.left - title.width)) <= 2


def test_theme_sets_east_asian_and_latin_fonts(prs):
    theme = prs.slide_master.part.part_related_by(RT.THEME).blob.decode("utf-8")
    for block in ("majorFont", "minorFont"):
        part = theme[theme.index(f"<a:{block}>"):theme.index(f"</a:{block}>")]
        assert '<a:ea typeface="Microsoft YaHei"/>' in part
        assert '<a:latin typeface="Arial"/>' in part


def test_slides_built_from_the_template_keep_16_by_9(prs):
    deck = Presentation(str(TEMPLATE))
    layouts = {lay.name: lay for lay in deck.slide_layouts}
    title = deck.slides.add_slide(layouts["Title Slide"])
    title.shapes.title.text = "江西省数字经济发展监测"
    only = deck.slides.add_slide(layouts["Title Only"])
    only.shapes.title.text = "数字经济增加值（亿元）"
    buf = io.BytesIO()
    deck.save(buf)
    again = Presentation(io.BytesIO(buf.getvalue()))
    assert (again.slide_width, again.slide_height) == (WIDTH, HEIGHT)
    for slide in again.slides:
        for shape in slide.shapes:
            assert shape.left + shape.width <= WIDTH and shape.top + shape.height <= HEIGHT
