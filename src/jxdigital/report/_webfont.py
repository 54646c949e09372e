"""The shipped CJK font, cut down to the characters a page uses, for embedding in HTML.

A report opened on a machine without a Chinese font (a fresh Linux box, a locked-down
browser) would show boxes for every Chinese character in the table. The page therefore
carries its own font: the shipped "JXD Sans SC" (SIL OFL 1.1, which allows embedding),
subset with fontTools to the few hundred characters on the page (about 60-70 kB).
"""

from __future__ import annotations

import base64
import io

from .._fonts import FAMILY, font_path


def font_face_css(text: str) -> str:
    """An ``@font-face`` rule with the font subset to the characters of ``text``."""
    from fontTools import subset
    from fontTools.ttLib import TTFont

    opts = subset.Options()
    opts.name_IDs = ["*"]  # keep the names, including the licence entries
    opts.notdef_outline = True
    # the subset keeps the shipped font's timestamp: a page made again is the same bytes
    buf = io.BytesIO()
    with TTFont(str(font_path()), recalcTimestamp=False) as font:  # its file closed after
        sub = subset.Subsetter(opts)
        sub.populate(text="".join(sorted(set(text))))
        sub.subset(font)
        font.save(buf)
    data = base64.b64encode(buf.getvalue()).decode("ascii")
    return (f"/* {FAMILY}: subset of Noto Sans SC, SIL Open Font License 1.1 */\n"
            f"@font-face{{font-family:\"{FAMILY}\";"
            f"src:url(data:font/otf;base64,{data}) format(\"opentype\");}}")
