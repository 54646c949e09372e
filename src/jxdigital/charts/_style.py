"""Presets, colours, fonts and atomic saving for every jxdigital chart (presentation only)."""

from __future__ import annotations

import contextlib
import os
import struct
import zlib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, cast

from .._atomic import atomic_path
from .._fonts import cjk_families, font_rc
from .._linebreak import text_em, wrap  # noqa: F401 (re-exported)
from ..errors import ArgumentError
from ..present import STATUS_COLOURS, STATUS_INK  # noqa: F401 (re-exported)
from ..present.words import check_language

if TYPE_CHECKING:
    from matplotlib.typing import RcKeyType

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
    """``lang`` if the phrase catalogue has it (``present.languages()``), else an
    ``ArgumentError`` naming the languages it has."""
    return check_language(lang)


def rc(style: Style) -> dict[RcKeyType, Any]:
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


def _chunk(tag: bytes, data: bytes) -> bytes:
    return (struct.pack(">I", len(data)) + tag + data
            + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF))


def encode_png(rgb, dpi: float) -> bytes:
    """An RGB array (height × width × 3, uint8) as PNG, rows unfiltered, zlib level 1.

    Why not Pillow: its encoder tries every row filter on every row, three quarters of the
    time of a report's slide chart after drawing; a chart's flat colours compress as well
    unfiltered (a 1845 × 840 chart: 11 ms and 154 KB here, 31 ms and 165 KB with Pillow).
    """
    import numpy as np

    h, w, _ = rgb.shape
    raw = np.zeros((h, 1 + 3 * w), np.uint8)  # a 0 (no filter) byte before each row
    raw[:, 1:].reshape(h, w, 3)[:] = rgb  # a view of raw's rows: one copy, no temporary
    per_metre = round(dpi / 0.0254)
    return b"".join((
        b"\x89PNG\r\n\x1a\n",
        _chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)),  # 8-bit RGB
        _chunk(b"pHYs", struct.pack(">IIB", per_metre, per_metre, 1)),
        _chunk(b"IDAT", zlib.compress(raw.data, 1)),
        _chunk(b"IEND", b"")))


def png_bytes(fig, dpi: float) -> bytes:
    """``fig`` as PNG at ``dpi``: drawn once, saved as RGB (a chart has no transparency)
    by ``encode_png``."""
    import matplotlib
    import numpy as np

    with matplotlib.rc_context(font_rc()):
        fig.set_dpi(dpi)
        fig.canvas.draw()
        rgb = np.asarray(fig.canvas.buffer_rgba())[..., :3]
    return encode_png(rgb, dpi)


def freeze_ticks(ax, *, size: float | None = None, x_labels: bool = True,
                 grid: tuple[str, float] | None = None) -> None:
    """Draw ``ax``'s ticks as they stand — labels as texts, marks as one marker line per
    axis, the y grid as one collection — and take matplotlib's ticks away.

    Why: matplotlib builds five artists for every tick the first time a figure is drawn
    (about 2 ms a tick, a third of a report chart's drawing); a report draws each chart once
    and nobody zooms it, so the picture is the same for a fraction of the cost. Charts
    handed to users (``plot_indicator``, ``plot_dashboard``) keep live ticks. ``size``:
    the tick labels' type size (default: the rc's); ``x_labels``: write the x labels (a
    dashboard labels its bottom row only); ``grid``: (colour, width) of horizontal grid
    lines at the y ticks.
    """
    import matplotlib as mpl
    from matplotlib.ticker import NullLocator

    # both axes read before either is drawn: a mark drawn on one may move the other's limits
    shown = {"x": _ticks_shown(ax.xaxis), "y": _ticks_shown(ax.yaxis)}
    # read by names made here (xtick.…, ytick.…), which the stubs' literal keys cannot check
    rc = cast("Mapping[str, Any]", mpl.rcParams)
    for name, (locs, labels) in shown.items():
        if not locs:
            continue
        look = _look(rc, name, size)
        if name == "x":
            _freeze_x(ax, locs, labels if x_labels else [], look)
        else:
            _freeze_y(ax, locs, labels, look, grid)
    ax.grid(False)
    ax.xaxis.set_major_locator(NullLocator())
    ax.yaxis.set_major_locator(NullLocator())
    if ax.get_ylabel():  # where matplotlib would put it: beyond the widest tick label
        _place_ylabel(ax, rc)


def _ticks_shown(axis) -> tuple[list[float], list[str]]:
    """The axis' major tick positions within its view, and their labels."""
    lo, hi = sorted(axis.get_view_interval())
    eps = 1e-9 * (hi - lo or 1.0)
    locs = [float(t) for t in axis.get_majorticklocs() if lo - eps <= t <= hi + eps]
    return locs, axis.get_major_formatter().format_ticks(locs) if locs else []


class _Look(NamedTuple):
    """An axis' ticks as the rc draws them: the marks' length and width, their colour and
    the labels', the labels' distance from the spine and type size (points)."""

    length: float
    width: float
    colour: Any
    ink: Any
    away: float
    pt: float


def _look(rc: Mapping[str, Any], name: str, size: float | None) -> _Look:
    length = rc[f"{name}tick.major.size"]
    colour = rc[f"{name}tick.color"]
    ink = rc[f"{name}tick.labelcolor"]
    return _Look(length, rc[f"{name}tick.major.width"], colour,
                 colour if ink == "inherit" else ink,
                 length + rc[f"{name}tick.major.pad"],  # points from the spine
                 size or rc[f"{name}tick.labelsize"])


def _freeze_x(ax, locs: list[float], labels: list[str], look: _Look) -> None:
    """The x ticks' marks as one marker line, their ``labels`` (none: not written) as
    texts under the axes."""
    from matplotlib.markers import TICKDOWN
    from matplotlib.transforms import offset_copy

    base = ax.get_xaxis_transform()
    ax.plot(locs, [0.0] * len(locs), transform=base, ls="none", marker=TICKDOWN,
            ms=look.length, mew=look.width, color=look.colour, clip_on=False, zorder=2.5)
    if labels:
        at = offset_copy(base, fig=ax.figure, y=-look.away, units="points")
        for x, text in zip(locs, labels, strict=True):
            ax.text(x, 0.0, text, transform=at, ha="center", va="top", fontsize=look.pt,
                    color=look.ink, clip_on=False, gid="xtick")


def _freeze_y(ax, locs: list[float], labels: list[str], look: _Look,
              grid: tuple[str, float] | None) -> None:
    """The y ticks' marks as one marker line, their labels as texts left of the axes,
    the ``grid`` (colour, width) as one collection of lines."""
    from matplotlib.markers import TICKLEFT
    from matplotlib.transforms import offset_copy

    base = ax.get_yaxis_transform()
    ax.plot([0.0] * len(locs), locs, transform=base, ls="none", marker=TICKLEFT,
            ms=look.length, mew=look.width, color=look.colour, clip_on=False, zorder=2.5)
    at = offset_copy(base, fig=ax.figure, x=-look.away, units="points")
    for y, text in zip(locs, labels, strict=True):
        ax.text(0.0, y, text, transform=at, ha="right", va="center_baseline",
                fontsize=look.pt, color=look.ink, clip_on=False, gid="ytick")
    if grid is not None:
        ax.hlines(locs, 0.0, 1.0, transform=base, colors=grid[0], linewidths=grid[1],
                  zorder=0.5)


def _place_ylabel(ax, rc: Mapping[str, Any]) -> None:
    """The y label beyond the widest frozen tick label, where matplotlib would put it."""
    fig = ax.figure
    r = fig.canvas.get_renderer()
    wide = max((t.get_window_extent(r).width for t in ax.texts if t.get_gid() == "ytick"),
               default=0.0) * 72 / fig.dpi
    away = (rc["ytick.major.size"] + rc["ytick.major.pad"] + wide + ax.yaxis.labelpad)
    ax_pt = ax.get_window_extent(r).width * 72 / fig.dpi
    ax.yaxis.set_label_coords(-away / max(ax_pt, 1.0), 0.5)


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

