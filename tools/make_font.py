"""Build the CJK chart font shipped in ``src/jxdigital/fonts/`` (run once by a developer).

    python tools/make_font.py                 # downloads the pinned source wheel with pip
    python tools/make_font.py --wheel FILE    # or uses a wheel you already downloaded

What it does:

1. ``pip download --no-deps pylopdf-fonts-zh-cn==0.1.1`` (the cleanest PyPI wheel that carries
   Noto Sans SC Regular, SIL OFL 1.1) and checks the sha256 of ``NotoSansSC-Regular.otf``;
2. subsets it with ``fontTools.subset`` to every character encodable in GBK plus ASCII, Latin-1,
   general punctuation, CJK symbols and punctuation, full-width forms and the arrows and math
   operators the reports use (CFF outlines are kept: the result is still an OTF);
3. renames the family to "JXD Sans SC" / ``JXDSansSC-Regular`` so it can never collide with an
   installed Noto Sans SC in matplotlib's font manager (copyright and licence records are kept);
4. writes ``JXDSansSC-Regular.otf``, ``OFL.txt`` and ``README.md`` into ``src/jxdigital/fonts/``.

The output is deterministic for a given source font and fontTools version (the ``head`` timestamps
are copied from the source font instead of being set to "now").
"""

from __future__ import annotations

import argparse
import hashlib
import io
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

import fontTools
from fontTools import subset
from fontTools.ttLib import TTFont

ROOT = Path(__file__).resolve().parents[1]
OUT_DIR = ROOT / "src" / "jxdigital" / "fonts"

SOURCE_PACKAGE = "pylopdf-fonts-zh-cn"
SOURCE_VERSION = "0.1.1"
SOURCE_MEMBER = "pylopdf_fonts_zh_cn/NotoSansSC-Regular.otf"
SOURCE_LICENSE_MEMBER = f"pylopdf_fonts_zh_cn-{SOURCE_VERSION}.dist-info/licenses/LICENSE"
SOURCE_SHA256 = "faa6c9df652116dde789d351359f3d7e5d2285a2b2a1f04a2d7244df706d5ea9"

FAMILY = "JXD Sans SC"
STYLE = "Regular"
PS_NAME = "JXDSansSC-Regular"
OUT_NAME = f"{PS_NAME}.otf"

ADOBE_LINE = "Copyright 2014-2021 Adobe (http://www.adobe.com/), with Reserved Font Name 'Source'."

# Blocks kept whole (the subsetter silently skips code points the source font lacks).
BLOCKS: dict[str, tuple[int, int]] = {
    "Basic Latin": (0x0020, 0x007E),
    "Latin-1 Supplement": (0x00A0, 0x00FF),
    "General Punctuation": (0x2000, 0x206F),
    "CJK Symbols and Punctuation": (0x3000, 0x303F),
    "Halfwidth and Fullwidth Forms": (0xFF00, 0xFFEF),
}
# Arrows and math operators actually needed, beyond GBK (listed whole so the intent is visible).
EXTRA_CHARS = "≥≤—–‰→←↑↓±×÷·“”‘’…％～−°①②③④⑤⑥⑦⑧⑨⑩≈≠€™"


def gbk_repertoire() -> set[int]:
    """Every non-ASCII character encodable in GBK (Python's ``gbk`` codec, 21,791 characters)."""
    cps: set[int] = set()
    for lead in range(0x81, 0xFF):
        for trail in range(0x40, 0xFF):
            try:
                text = bytes((lead, trail)).decode("gbk")
            except UnicodeDecodeError:
                continue
            cps.update(ord(ch) for ch in text)
    return cps


def wanted_unicodes() -> set[int]:
    cps = gbk_repertoire()
    for lo, hi in BLOCKS.values():
        cps.update(range(lo, hi + 1))
    cps.update(ord(ch) for ch in EXTRA_CHARS)
    return cps


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def download_wheel(dest: Path) -> Path:
    cmd = [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:",
           f"{SOURCE_PACKAGE}=={SOURCE_VERSION}", "-d", str(dest)]
    print("+", " ".join(cmd), flush=True)
    subprocess.run(cmd, check=True)
    (whl,) = dest.glob("pylopdf_fonts_zh_cn-*.whl")
    return whl


def rename(font: TTFont, source_version: str) -> None:
    """Give the subset its own family name in the name table and in the CFF table."""
    name = font["name"]
    records = {
        1: FAMILY,
        2: STYLE,
        3: f"{source_version};JXD;{PS_NAME}",
        4: FAMILY,  # the source uses the family name alone for its Regular full name
        5: f"Version {source_version}; GBK subset of Noto Sans SC made by tools/make_font.py",
        6: PS_NAME,
        16: FAMILY,
        17: STYLE,
    }
    # Drop every existing record for these IDs (including the zh-CN localised "Noto Sans SC")
    # and the Noto trademark line (the subset is not called Noto); keep copyright (0),
    # manufacturer/designer/description/URLs (8-12) and the licence (13, 14).
    name.names = [n for n in name.names if n.nameID not in records and n.nameID != 7]
    for name_id, text in records.items():
        name.setName(text, name_id, 3, 1, 0x409)  # Windows, Unicode BMP, en-US
    cff = font["CFF "].cff
    cff.fontNames = [PS_NAME]
    top = cff.topDictIndex[0]
    top.FullName = FAMILY
    top.FamilyName = FAMILY
    if hasattr(top, "FDArray"):  # CID-keyed CFF: each font dict has a FontName too
        for fd in top.FDArray:
            if hasattr(fd, "FontName"):
                fd.FontName = fd.FontName.replace("NotoSansSC-Regular", PS_NAME)


def build(otf_bytes: bytes, out: Path) -> dict:
    font = TTFont(io.BytesIO(otf_bytes), recalcTimestamp=False)
    source_version = font["name"].getDebugName(3).split(";")[0]
    source_glyphs = font["maxp"].numGlyphs
    source_cmap = set(font.getBestCmap())
    unicodes = wanted_unicodes()
    options = subset.Options()
    options.name_IDs = ["*"]  # keep every name record; rename() decides what changes
    options.name_languages = ["*"]
    options.notdef_outline = True  # a visible .notdef box, never an invisible gap
    options.recalc_timestamp = False
    t0 = time.perf_counter()
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=unicodes)
    subsetter.subset(font)
    seconds = time.perf_counter() - t0
    rename(font, source_version)
    t0 = time.perf_counter()
    font.save(str(out))
    save_seconds = time.perf_counter() - t0
    result = TTFont(str(out))
    cmap = result.getBestCmap()
    missing_extra = [ch for ch in EXTRA_CHARS if ord(ch) not in cmap]
    return {
        "source_version": source_version,
        "source_glyphs": source_glyphs,
        "glyphs": result["maxp"].numGlyphs,
        "codepoints": len(cmap),
        "requested": len(unicodes),
        "requested_in_source": len(unicodes & source_cmap),
        "missing_extra": missing_extra,
        "source_gaps": sorted(gbk_repertoire() - source_cmap),
        "seconds": seconds,
        "save_seconds": save_seconds,
    }


def zipped_size(path: Path) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        z = Path(tmp) / "x.zip"
        with zipfile.ZipFile(z, "w", zipfile.ZIP_DEFLATED) as zf:
            zf.write(path, path.name)
        return z.stat().st_size


README = """\
# Fonts shipped with jxdigital

`JXDSansSC-Regular.otf` is a **renamed subset of Noto Sans SC Regular** (Adobe / Google,
SIL Open Font License 1.1). Charts use it so Chinese labels render after a plain
`pip install jxdigital`, with no system fonts (`jxdigital._fonts.font_rc()`).

- **Family / PostScript name:** `{family}` / `{ps}`
- **Source font:** `NotoSansSC-Regular.otf`, version {source_version} ({source_glyphs} glyphs),
  sha256 `{source_sha}`
- **Obtained from:** PyPI `{pkg}=={pkg_version}`
  (`pip download --no-deps {pkg}=={pkg_version}`),
  wheel sha256 `{wheel_sha}`
- **Upstream:** https://github.com/notofonts/noto-cjk (Noto Sans CJK, i.e. Source Han Sans)
- **Repertoire:** every character encodable in GBK ({gbk} characters), ASCII, Latin-1,
  General Punctuation, CJK Symbols and Punctuation, Halfwidth and Fullwidth Forms, and
  `{extra}`
- **Result:** {glyphs} glyphs, {codepoints} code points, CFF outlines (OTF), {size} bytes,
  sha256 `{out_sha}`
- **Made with:** fontTools {fonttools}

## How it was made

```
python tools/make_font.py
```

The script downloads the pinned wheel with pip, checks the source font's sha256, subsets it
with `fontTools.subset` (layout features, hinting and vertical metrics kept) and renames it.
Name IDs 1, 2, 3, 4, 6, 16 and 17 (Windows/en-US) and the CFF FontName, FullName,
FamilyName and FDArray font names now say "{family}" / "{ps}". The zh-CN
records for IDs 1, 2 and 4, which said "Noto Sans SC", are removed. ID 5 notes the subset.
The Noto trademark line (ID 7) is dropped. The copyright (ID 0), designer, description and
URL (IDs 8-12) and licence (IDs 13, 14) records are kept unchanged. The output is
deterministic: rerunning the script with the same fontTools version reproduces the sha256
above (the source font's timestamps are kept).
{source_gaps}
Why a renamed subset: no PyPI package ships a usable, correctly licensed Simplified Chinese
font that can be depended on (the candidates are 15-85 MB, ship proprietary fonts such as
SimHei, download fonts at run time, or ship only a Japanese-first TTC), and a subset
registered under the same family name as an installed full Noto Sans SC would make
matplotlib's `findfont` pick between the two unpredictably.

## Licence

SIL Open Font License 1.1; see `OFL.txt` next to this file. The OFL's reserved font name is
"Source" (Adobe's Source Han Sans); this derivative does not use it. The font may be bundled
and redistributed with software, but not sold by itself, and derivatives must stay under
the OFL. The licence covers only the font files in this directory, not the rest of jxdigital.
"""


def main(argv: list[str] | None = None) -> int:
    t_start = time.perf_counter()
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--wheel", type=Path, help=f"an already downloaded {SOURCE_PACKAGE} wheel")
    ap.add_argument("--out-dir", type=Path, default=OUT_DIR)
    args = ap.parse_args(argv)
    args.out_dir.mkdir(parents=True, exist_ok=True)

    with tempfile.TemporaryDirectory() as tmp:
        whl = args.wheel or download_wheel(Path(tmp))
        wheel_bytes = whl.read_bytes()
        with zipfile.ZipFile(whl) as zf:
            otf = zf.read(SOURCE_MEMBER)
            licence = zf.read(SOURCE_LICENSE_MEMBER).decode("utf-8")

    source_sha = sha256(otf)
    if source_sha != SOURCE_SHA256:
        sys.exit(f"source font sha256 {source_sha} != pinned {SOURCE_SHA256}; refusing to build")

    out = args.out_dir / OUT_NAME
    info = build(otf, out)

    licence = licence.replace("\r\n", "\n").rstrip("\n") + "\n"
    if ADOBE_LINE not in licence:
        licence = ADOBE_LINE + "\n\n" + licence
    (args.out_dir / "OFL.txt").write_text(licence, encoding="utf-8", newline="\n")

    out_bytes = out.read_bytes()
    gaps = "".join(chr(c) for c in info["source_gaps"])
    fields = {
        **info,
        "total": time.perf_counter() - t_start,
        "source_gaps": (f"\nGBK characters that Noto Sans SC itself lacks, so the subset does "
                        f"not have them either: {gaps}\n" if gaps else ""),
        "family": FAMILY, "ps": PS_NAME, "pkg": SOURCE_PACKAGE, "pkg_version": SOURCE_VERSION,
        "source_sha": source_sha, "wheel_sha": sha256(wheel_bytes),
        "gbk": len(gbk_repertoire()), "extra": " ".join(EXTRA_CHARS),
        "size": f"{len(out_bytes):,}", "out_sha": sha256(out_bytes),
        "fonttools": fontTools.version,
    }
    (args.out_dir / "README.md").write_text(README.format(**fields), encoding="utf-8",
                                            newline="\n")

    print(f"source      {SOURCE_PACKAGE}=={SOURCE_VERSION} {SOURCE_MEMBER}")
    print(f"            font version {info['source_version']}, {info['source_glyphs']} glyphs")
    print(f"            sha256 {source_sha}")
    print(f"wrote       {out} ({len(out_bytes):,} bytes, ~{zipped_size(out):,} zipped)")
    print(f"            sha256 {fields['out_sha']}")
    print(f"glyphs      {info['glyphs']} ({info['codepoints']} code points; "
          f"{info['requested_in_source']} of {info['requested']} requested exist in the source; "
          f"GBK characters absent from the source: {gaps or 'none'})")
    print(f"subsetting  {info['seconds']:.1f} s; compiling and saving the OTF "
          f"{info['save_seconds']:.1f} s; whole script {fields['total']:.1f} s "
          f"(fontTools {fontTools.version})")
    if info["missing_extra"]:
        print(f"WARNING     not in the font: {''.join(info['missing_extra'])}")
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
