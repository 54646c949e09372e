"""The CJK font for charts, shipped inside the package.

No PyPI package ships a Simplified Chinese font that jxdigital can depend on (the candidates
are 15-85 MB, mislicensed, download at run time, or Japanese-first TTCs), and a fresh
``pip install`` has no system CJK font, so matplotlib would draw Chinese labels as boxes. The
package therefore ships ``fonts/JXDSansSC-Regular.otf``: a GBK subset of Noto Sans SC (SIL
OFL 1.1, see ``fonts/README.md``) renamed to "JXD Sans SC", so it can never collide with an
installed Noto Sans SC in matplotlib's font manager.

Nothing happens at import time. Use it explicitly and locally::

    import matplotlib
    from jxdigital._fonts import font_rc

    with matplotlib.rc_context(font_rc()):
        fig, ax = plt.subplots()
        ...
        fig.savefig("chart.png")  # draw/save inside the block: text is laid out at draw time

The user's global ``rcParams`` are never changed.
"""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from matplotlib.typing import RcKeyType

FAMILY = "JXD Sans SC"
FALLBACK = "DejaVu Sans"  # matplotlib's bundled default; covers Latin, Greek, math symbols
FONT_FILE = "JXDSansSC-Regular.otf"

__all__ = ["FAMILY", "cjk_families", "font_path", "font_rc"]


def font_path() -> Path:
    """Path of the shipped OTF, from an installed wheel or from the source tree."""
    try:
        res = resources.files("jxdigital") / "fonts" / FONT_FILE
        if not isinstance(res, os.PathLike):  # what os.fspath would raise
            raise TypeError(f"not a filesystem path: {res!r}")
        path = Path(os.fspath(res))  # a real file for wheels, editable and source-tree imports
    except (TypeError, ModuleNotFoundError):  # e.g. a zipped install: not a filesystem path
        path = Path(__file__).resolve().parent / "fonts" / FONT_FILE
    if not path.is_file():
        raise FileNotFoundError(f"the shipped chart font is missing: {path}")
    return path


def _register() -> None:
    """Add the shipped font to matplotlib's font manager once (idempotent).

    The check looks at ``fontManager.ttflist`` itself rather than a module flag, so it stays
    right even if matplotlib's font manager is rebuilt or replaced during the session.
    Registration is in memory only; matplotlib's on-disk font cache is not touched.
    """
    from matplotlib import font_manager

    fm = font_manager.fontManager
    path = font_path()
    if any(_same_file(entry.fname, path) for entry in fm.ttflist):
        return
    fm.addfont(str(path))


def _same_file(fname: str, path: Path) -> bool:
    if os.path.basename(fname) != path.name:
        return False
    try:
        return os.path.samefile(fname, path)
    except OSError:
        return False


def cjk_families() -> list[str]:
    """Font family list for ``font.family``: "JXD Sans SC" first, then "DejaVu Sans".

    Registers the shipped font first. Only families present in ``fontManager.ttflist`` are
    returned, because every absent family in the list makes matplotlib log
    "findfont: Font family ... not found" again and again. Matplotlib (>= 3.6) falls back
    glyph by glyph along the list, so a character missing from the CJK subset is drawn from
    DejaVu Sans.
    """
    from matplotlib import font_manager

    _register()
    present = {entry.name for entry in font_manager.fontManager.ttflist}
    return [name for name in (FAMILY, FALLBACK) if name in present]


def font_rc() -> dict[RcKeyType, Any]:
    """rcParams for ``matplotlib.rc_context(font_rc())``; nothing global is changed.

    - ``font.family``: :func:`cjk_families`.
    - ``axes.unicode_minus`` is left alone: the font has U+2212 MINUS SIGN, so matplotlib's
      default (a true minus on negative tick labels) renders without a missing-glyph warning.
    - ``pdf.fonttype`` 3 (matplotlib's default; the right choice for CFF outlines: type 42
      embeds them but poppler then reports "Mismatch between font type and embedded font file")
      and ``svg.fonttype`` "path" (text as outlines, so SVGs need no font on the viewer's side).
    """
    return {
        "font.family": cjk_families(),
        "pdf.fonttype": 3,
        "svg.fonttype": "path",
    }
