"""Presets, colours, fonts and atomic saving for every jxdigital chart (presentation only)."""

from __future__ import annotations

import contextlib
import io
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .._atomic import atomic_path
from .._fonts import cjk_families, font_rc
from .._linebreak import text_em, wrap  # noqa: F401 (re-exported)
from ..errors import ArgumentError
from ..present._colours import STATUS_COLOURS, STATUS_INK  # noqa: F401 (re-exported)

ACTUAL = "#222222"
PROJECTION = "#0072B2"
NATIONAL = "#777777"
PLAN_PATH = "#999999"
TARGET = "#CC79A7"
OTHER_SOURCE = "#888888"  # figures of other sources, not used
NOTE = "#666666"  # notes on the chart (years not yet published)
GRID = "#E5E5E5"


@dataclass(frozen=True)
class Style:
    """Sizes in inches and points, at the final size the chart is shown at."""

    name: str
    size: tuple[float, float]  # one indicator chart
    tick: float
    label: float  # axis labels and direct labels
    title: float
    small: float  # source line, notes
    line: float
    marker: float
    dpi: int


STYLES = {
    # a notebook cell, about 800 px wide on screen
    "notebook": Style("notebook", (8.0, 4.5), 10, 11, 13, 8.5, 1.8, 6, 100),
    # the picture box of a 13.33 × 7.5 in slide under a title: drawn at its exact size so that
    # points on the chart are points on the slide (ticks ≥ 14 pt, labels 16–18 pt)
    "slide": Style("slide", (12.3, 5.6), 14, 16, 20, 12, 2.8, 9, 200),
    # A4 text width (16 cm)
    "print": Style("print", (6.3, 3.5), 8, 8.5, 10, 6.5, 1.2, 4, 300),
}


def get_style(style: str | Style) -> Style:
    if isinstance(style, Style):
        return style
    if style not in STYLES:
        raise ArgumentError(f"argument 'style': expected one of {', '.join(STYLES)}, "
                         f"got {style!r}")
    return STYLES[style]


def check_lang(lang: str) -> str:
    if lang not in ("zh", "en"):
        raise ArgumentError(f"argument 'lang': expected 'zh' or 'en', got {lang!r}")
    return lang


def rc(style: Style) -> dict:
    """rcParams for ``matplotlib.rc_context`` while a chart is built (never global)."""
    return {**font_rc(), "font.size": style.label, "axes.titlesize": style.title,
            "axes.labelsize": style.label, "xtick.labelsize": style.tick,
            "ytick.labelsize": style.tick, "axes.spines.top": False,
            "axes.spines.right": False, "axes.titlelocation": "left",
            "figure.dpi": style.dpi if style.name == "notebook" else 100,
            "savefig.dpi": style.dpi, "axes.titleweight": "normal",
            "figure.titleweight": "normal"}


@contextlib.contextmanager
def drawing(style: Style) -> Iterator[None]:
    """The chart's rcParams while a chart is built (``rc``). In Jupyter, the first figure
    switches the inline backend on and makes pyplot interactive; ``rc_context`` would undo
    that on leaving, and no later chart would display: interactive mode stays as the
    figure left it."""
    import matplotlib

    with matplotlib.rc_context(rc(style)):
        try:
            yield
        finally:
            interactive = matplotlib.is_interactive()
    matplotlib.interactive(interactive)


#: PNG compression: level 1 writes a chart in two thirds of the time of the default (6)
#: for files about a tenth larger.
PNG_OPTIONS = {"compress_level": 1}


def png_bytes(fig, dpi: float) -> bytes:
    """``fig`` as PNG at ``dpi``: drawn once, saved as RGB (a chart has no transparency:
    a quarter less to compress than matplotlib's RGBA) at zlib level 1."""
    import matplotlib
    import numpy as np
    from PIL import Image

    with matplotlib.rc_context(font_rc()):
        fig.set_dpi(dpi)
        fig.canvas.draw()
        rgb = np.asarray(fig.canvas.buffer_rgba())[..., :3]
    buf = io.BytesIO()
    Image.fromarray(rgb).save(buf, format="png", dpi=(dpi, dpi), **PNG_OPTIONS)
    return buf.getvalue()



def fix_fonts(fig) -> None:
    """Pin the CJK font family on every axis' tick labels.

    Tick labels are created when the figure is drawn; in Jupyter that happens after the
    ``rc_context`` has closed, so without this they would fall back to the user's default
    font and Chinese tick labels (the status summary's names) would be boxes.
    """
    fam = cjk_families()
    for ax in fig.axes:
        ax.tick_params(labelfontfamily=fam)


def save(fig, path: str | os.PathLike, dpi: int | None = None) -> Path:
    """Write ``fig`` to PNG (200 dpi unless ``dpi``), SVG or PDF, chosen by the extension.

    Written to a temporary file beside ``path`` and renamed, so a failure never leaves a
    half-written chart behind.
    """
    import matplotlib

    path = Path(path)
    fmt = path.suffix.lower().lstrip(".")
    if fmt not in ("png", "svg", "pdf"):
        raise ArgumentError(f"argument 'path': expected a .png, .svg or .pdf file name, got "
                         f"{str(path)!r}")
    # a fixed salt makes SVG element ids, and so the file, the same on every run
    with atomic_path(path) as tmp, matplotlib.rc_context({**font_rc(),
                                                          "svg.hashsalt": "jxdigital"}):
        fig.savefig(tmp, format=fmt, dpi=dpi or (200 if fmt == "png" else None),
                    metadata=_metadata(fmt))
    return path


def _metadata(fmt: str) -> dict:
    # Fixed metadata keep SVG and PDF bytes the same from run to run (no creation date).
    if fmt == "svg":
        return {"Date": None}
    if fmt == "pdf":
        return {"CreationDate": None}
    return {}

