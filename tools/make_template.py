"""Build ``src/jxdigital/templates/deck-16x9.pptx``, the 16:9 slide template (run once).

    python tools/make_template.py                  # writes the template
    python tools/make_template.py --preview DIR    # also renders a sample deck with LibreOffice

python-pptx's default template is 4:3 (10 x 7.5 in) and changing ``slide_width`` alone leaves
every layout placeholder at its 4:3 position. This script starts from that default and

- sets the slide size to 13.333 x 7.5 in (12192000 x 6858000 EMU, PowerPoint's "Widescreen");
- scales the horizontal position and width of every shape on the slide master and on every
  slide layout by 12192000 / 9144000 = 4/3 (heights are unchanged, so nothing is distorted
  vertically); placeholders without their own position inherit the scaled master one;
- sets the theme fonts: Latin "Arial", East Asian (``a:ea`` and the ``Hans`` script entry)
  "Microsoft YaHei", in both the major (headings) and minor (body) fonts;
- keeps the layout names, and writes a byte-for-byte reproducible file (fixed timestamps).

Needs python-pptx (the ``[slides]`` extra). ``--preview`` also needs LibreOffice
(``soffice``) and, for PNGs, poppler's ``pdftoppm``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import os
import re
import shutil
import subprocess
import sys
import zipfile
from fractions import Fraction
from pathlib import Path

from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml.ns import qn
from pptx.util import Emu, Inches, Pt

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "jxdigital" / "templates" / "deck-16x9.pptx"

WIDTH, HEIGHT = Emu(12192000), Emu(6858000)  # 13.333 x 7.5 in
LATIN_FONT = "Arial"
EA_FONT = "Microsoft YaHei"
FIXED_TIME = dt.datetime(2026, 1, 1, 0, 0, 0)


def _scale_shapes(element, sx: Fraction) -> int:
    """Scale x offset and width of every xfrm (a:xfrm on shapes, p:xfrm on graphic frames)."""
    n = 0
    for tag in ("a:xfrm", "p:xfrm"):
        for xfrm in element.iter(qn(tag)):
            off, ext = xfrm.find(qn("a:off")), xfrm.find(qn("a:ext"))
            if off is not None:
                off.set("x", str(round(int(off.get("x")) * sx)))
            if ext is not None:
                ext.set("cx", str(round(int(ext.get("cx")) * sx)))
            n += 1
    return n


def _set_theme_fonts(theme_xml: str) -> str:
    def fix_font(block: str) -> str:
        block = re.sub(r'<a:latin typeface="[^"]*"', f'<a:latin typeface="{LATIN_FONT}"', block)
        block = re.sub(r'<a:ea typeface="[^"]*"', f'<a:ea typeface="{EA_FONT}"', block)
        return re.sub(r'<a:font script="Hans" typeface="[^"]*"',
                      f'<a:font script="Hans" typeface="{EA_FONT}"', block)

    new, n = re.subn(r"<a:(major|minor)Font>.*?</a:\1Font>",
                     lambda m: fix_font(m.group(0)), theme_xml, flags=re.S)
    if n != 2:
        raise RuntimeError(f"expected a majorFont and a minorFont in the theme, found {n}")
    new = new.replace('<a:fontScheme name="Office">', '<a:fontScheme name="jxdigital">', 1)
    return new.replace('name="Office Theme"', 'name="jxdigital 16:9"', 1)


def build() -> bytes:
    prs = Presentation()  # python-pptx's default 4:3 template
    sx = Fraction(int(WIDTH), int(prs.slide_width))
    prs.slide_width, prs.slide_height = WIDTH, HEIGHT
    sld_sz = prs.part._element.find(qn("p:sldSz"))
    sld_sz.attrib.pop("type", None)  # was "screen4x3"; widescreen has no preset type

    master = prs.slide_master
    scaled = _scale_shapes(master._element.cSld, sx)
    for layout in prs.slide_layouts:
        scaled += _scale_shapes(layout._element.cSld, sx)

    theme = master.part.part_related_by(RT.THEME)
    theme._blob = _set_theme_fonts(theme.blob.decode("utf-8")).encode("utf-8")

    cp = prs.core_properties
    cp.title = "jxdigital 16:9 template"
    cp.author = cp.last_modified_by = "jxdigital (tools/make_template.py)"
    cp.revision = 1
    cp.created = cp.modified = FIXED_TIME
    cp.last_printed = FIXED_TIME

    buf = io.BytesIO()
    prs.save(buf)
    print(f"scaled {scaled} shape positions by {sx} on the master and "
          f"{len(prs.slide_layouts)} layouts")
    return _reproducible_zip(buf.getvalue())


def _reproducible_zip(data: bytes) -> bytes:
    """Rewrite the package with fixed member timestamps so reruns give identical bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            member = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME.timetuple()[:6])
            member.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(member, src.read(info.filename))
    return out.getvalue()


def check(path: Path) -> None:
    """Open the template and assert 16:9 and that every placeholder lies inside the slide."""
    prs = Presentation(str(path))
    assert (prs.slide_width, prs.slide_height) == (WIDTH, HEIGHT)
    for layout in [prs.slide_master, *prs.slide_layouts]:
        for ph in layout.placeholders:
            box = (ph.left, ph.top, ph.left + ph.width, ph.top + ph.height)
            assert 0 <= box[0] < box[2] <= WIDTH and 0 <= box[1] < box[3] <= HEIGHT, \
                (getattr(layout, "name", "master"), ph.name, box)
    print(f"checked {path}: {len(prs.slide_layouts)} layouts, "
          f"{', '.join(lay.name for lay in prs.slide_layouts)}")


def preview(path: Path, out_dir: Path) -> None:
    """A sample deck from the template, rendered by LibreOffice to PDF and PNG.

    Slide 1 is a Title Slide and slide 2 a Title Only slide with a full-width text box; then
    one slide per layout with every placeholder outlined in red and labelled with its name.
    The shipped JXD Sans SC font is made visible to LibreOffice through a private fontconfig
    file (nothing is installed), so the Chinese text renders too.
    """
    prs = Presentation(str(path))
    layouts = {lay.name: lay for lay in prs.slide_layouts}
    s1 = prs.slides.add_slide(layouts["Title Slide"])
    s1.shapes.title.text = "江西省数字经济发展监测 Digital economy monitor"
    s1.placeholders[1].text = "2025年目标 ≥ 16000亿元 — 16:9 template check"
    s2 = prs.slides.add_slide(layouts["Title Only"])
    s2.shapes.title.text = "数字经济增加值低于规划路径（Title Only）"
    box = s2.shapes.add_textbox(Inches(0.5), Inches(1.6), Inches(12.333), Inches(5.2))
    box.text_frame.word_wrap = True
    box.text_frame.text = "this box spans 0.5 in to 12.833 in of a 13.333 in slide"
    box.text_frame.paragraphs[0].runs[0].font.size = Pt(24)
    box.line.color.rgb = RGBColor.from_string("0070C0")
    for layout in prs.slide_layouts:
        slide = prs.slides.add_slide(layout)
        for ph in slide.placeholders:
            ph.line.color.rgb = RGBColor.from_string("C00000")
            if ph.has_text_frame:
                ph.text_frame.text = f"{layout.name}: {ph.name}"
        for ph in layout.placeholders:  # date/footer/number are not copied onto slides
            if ph.placeholder_format.idx >= 10:
                rect = slide.shapes.add_textbox(ph.left, ph.top, ph.width, ph.height)
                rect.line.color.rgb = RGBColor.from_string("C00000")
                rect.text_frame.text = ph.name
    out_dir.mkdir(parents=True, exist_ok=True)
    deck = out_dir / "template-preview.pptx"
    prs.save(str(deck))
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        print(f"wrote {deck}; LibreOffice not found, no rendering")
        return
    fonts_conf = out_dir / "fonts.conf"
    fonts_conf.write_text(
        "<?xml version='1.0'?><!DOCTYPE fontconfig SYSTEM 'fonts.dtd'><fontconfig>"
        "<include ignore_missing='yes'>/etc/fonts/fonts.conf</include>"
        f"<dir>{ROOT / 'src' / 'jxdigital' / 'fonts'}</dir>"
        f"<cachedir>{out_dir / 'fc-cache'}</cachedir></fontconfig>", encoding="utf-8")
    env = {**os.environ, "FONTCONFIG_FILE": str(fonts_conf)}
    subprocess.run([soffice, "--headless", "--convert-to", "pdf", "--outdir", str(out_dir),
                    str(deck)], check=True, capture_output=True, env=env)
    pdf = deck.with_suffix(".pdf")
    if shutil.which("pdftoppm"):
        subprocess.run(["pdftoppm", "-png", "-r", "60", str(pdf), str(out_dir / "slide")],
                       check=True)
    print(f"rendered {pdf} and {len(list(out_dir.glob('slide*.png')))} PNGs in {out_dir}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--preview", type=Path, metavar="DIR",
                    help="also build a 2-slide sample deck in DIR and render it with LibreOffice")
    args = ap.parse_args(argv)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    data = build()
    args.out.write_bytes(data)
    print(f"wrote {args.out} ({len(data):,} bytes)")
    check(args.out)
    if args.preview:
        preview(args.out, args.preview)
    return 0


if __name__ == "__main__":
    sys.exit(main())
