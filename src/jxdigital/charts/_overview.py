"""Every target at once: the status summary (a bar of P(met) each) and the dashboard (a
small panel each), drawn from the view's pages (``present._chart_spec``): a page a slide
holds, by section (category), the sections' names in the page's title."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, cast

from .. import assessment as R
from .. import codes
from .._linebreak import wrap
from ..assessment import Assessment
from ..errors import ArgumentError
from ..present import chart_words, titled
from ..present.view import (
    DASHBOARD_COLUMNS,
    SUMMARY_NAME_EM,
    SUMMARY_ROWS,
    DashboardPage,
    ReportView,
    SummaryPage,
    view,
)
from . import _style as S
from ._indicator import (
    GRID_LINE,
    add_footer,
    draw_badge,
    draw_indicator,
    footer_height,
    footer_lines,
)
from ._place import place

if TYPE_CHECKING:
    from matplotlib.backends.backend_agg import FigureCanvasAgg


def _view(a, lang: str | None) -> ReportView:
    if isinstance(a, ReportView):
        return view(a, lang)
    if not isinstance(a, Assessment):
        raise TypeError("argument 'assessment': expected an Assessment from jxdigital.assess(),"
                        f" got {type(a).__name__}")
    return view(a, S.check_lang(lang or a.lang))


#: Dashboard type sizes, as shares of the style's ``small`` size: panel titles, the
#: status badge and the tick labels (dense small multiples: smaller than one chart's).
PANEL_TITLE, PANEL_BADGE, PANEL_TICK = 0.85, 0.75, 0.7
WSPACE = 0.3  # between panels, a share of a panel's width
PANEL_TITLE_MIN = 0.75  # of PANEL_TITLE: the least a slide page shrinks its panel titles to
BADGE_ROOM = 0.35  # the top of a panel kept for its badge, a share of the data's range
#: A white ground under a bar's words, so the 25 % / 75 % lines pass behind them.
LABEL_BOX = {"boxstyle": "square,pad=0.1", "fc": "white", "ec": "none"}
MIN_PANEL_PT = 36  # the least height of a panel's plot (three y ticks and the badge)
LEADING = 1.25  # line height / font size


def _layout(h: float, nrows: int, title_pt: float, panel_pt: float, tick_pt: float,
            footer_frac: float, title_lines: int) -> dict:
    """Margins and gaps (figure fractions, GridSpec ``hspace``) that leave room, in points,
    for the figure title, each row's panel titles and the tick labels under each row, over
    the footer: the room comes from the type sizes, so nothing overlaps at any number of
    rows."""
    H = h * 72
    head = title_lines * panel_pt * LEADING + tick_pt * 0.6 + 4  # above each row
    ticks = tick_pt * 1.6 + 2  # x tick labels under each row
    top = (title_pt * 1.9 if title_pt else 2) + head
    bottom = ticks + footer_frac * H + 4
    gap = ticks + head
    axes_h = (H - top - bottom - (nrows - 1) * gap) / nrows
    if axes_h < MIN_PANEL_PT:  # too many rows for the height: callers grow the figure
        raise ValueError(f"{nrows} rows do not fit in {h:.1f} in")
    return {"top": 1 - top / H, "bottom": bottom / H, "hspace": gap / axes_h}


def _year_ticks(ax, years: tuple[int, int], most: int = 4) -> None:
    """At most ``most`` whole-year ticks, evenly stepped and ending at the last year, the
    same on every panel of a page."""
    from matplotlib.ticker import FixedLocator

    first, last = years
    step = max(1, math.ceil((last - first) / (most - 1)))
    ax.xaxis.set_major_locator(FixedLocator(list(range(last, first - 1, -step))[::-1]))


def _pages(v: ReportView, page: int | None, pages: list) -> list:
    if page is None:
        return pages
    if not 1 <= page <= len(pages):
        raise ArgumentError(f"argument 'page': expected 1 to {len(pages)}, got {page!r}")
    return [pages[page - 1]]


def plot_dashboard(assessment, *, lang: str | None = None, style: str = "notebook",
                   ncols: int | None = None, title: bool = True, page: int | None = None):
    """Small multiples of the targets in the view's order, each framed in its status
    colour with the status in words and titled with its short name and unit. In the slide
    style one page of at most 20 panels at the slide's picture box (``page``, default 1;
    ``dashboard_pages`` tells how many); other styles draw every target, the figure as
    tall as they need. Panels of one figure share their year axis. Returns the Figure."""
    v = _view(assessment, lang)
    st = S.get_style(style)
    pages = v.dashboard_pages
    if st.name == "slide":
        chosen = _pages(v, page or 1, pages)[0]
    elif page is not None:
        chosen = _pages(v, page, pages)[0]
    else:  # every target on one figure
        firsts = [p.years for p in pages] or [(2020, 2025)]
        chosen = DashboardPage(1, 1, "", tuple(t.id for t in v.targets),
                               (min(y[0] for y in firsts), max(y[1] for y in firsts)),
                               pages[0].footer if pages else "", heading=v.title)
    return _dashboard(v, chosen, st, ncols, title)


@dataclass(frozen=True)
class _Grid:
    """A dashboard page's sizes: the panels' rows and columns, the figure's width and
    height (inches), the margins and gaps (``_layout``), each panel's title in lines, the
    type sizes (points) and the page's heading (and in lines)."""

    nrows: int
    ncols: int
    w: float
    h: float
    box: dict
    titles: list[list[str]]
    panel_pt: float
    tick_pt: float
    title_pt: float
    heading: str
    heading_lines: list[str]


def _dashboard(v: ReportView, pg: DashboardPage, st: S.Style, ncols: int | None,
               title: bool, frozen: bool = False):
    import matplotlib.pyplot as plt

    targets = [v[i] for i in pg.targets]
    n = len(targets)
    g = _grid(v, pg, targets, st, ncols, title)
    with S.drawing(st):
        # Fixed spacing from the type sizes: constrained layout over 20 small axes costs
        # seconds, and every panel is alike.
        fig, axes = plt.subplots(g.nrows, g.ncols, figsize=(g.w, g.h), squeeze=False)
        fig.subplots_adjust(left=0.045, right=0.99, wspace=WSPACE, **g.box)
        add_footer(fig, pg.footer, st, v.lang)
        for ax in axes.flat[n:]:
            ax.set_visible(False)
        todo = [(ax, _panel(ax, v, t, ttl, pg, st, g))
                for ax, t, ttl in zip(axes.flat, targets, g.titles, strict=False)]
        # the panels share their years: labelled once, under each column's last panel
        for k, ax in enumerate(axes.flat[:n]):
            if frozen:  # a report's page, drawn once: its ticks as they stand
                S.freeze_ticks(ax, size=g.tick_pt, x_labels=k + g.ncols >= n,
                               grid=(S.GRID, GRID_LINE))
            elif k + g.ncols < n:
                ax.tick_params(axis="x", labelbottom=False)
        if g.heading:
            fig.suptitle("\n".join(g.heading_lines), x=0.01,
                         y=1 - 0.25 * g.title_pt / (g.h * 72), ha="left", va="top",
                         fontsize=g.title_pt)
        S.fix_fonts(fig)
        _place_panel_labels(fig, todo)
    return fig


def _grid(v: ReportView, pg: DashboardPage, targets: list, st: S.Style, ncols: int | None,
          title: bool) -> _Grid:
    """The sizes of a page of ``targets``' panels, in ``ncols`` columns (default: by how
    many there are)."""
    n = len(targets)
    ncols = ncols or (DASHBOARD_COLUMNS if n > 12 else 4 if n > 6 else max(n, 1))
    nrows = max(math.ceil(n / ncols), 1)
    panel_pt, tick_pt = st.small * PANEL_TITLE, st.small * PANEL_TICK
    heading = pg.heading if title else pg.title
    title_pt = st.title if heading else 0.0
    heading_lines = wrap(heading, st.size[0] * 72 / max(title_pt, 1) * 0.95) if heading else []
    w = st.size[0] * (1.6 if st.name == "notebook" else 1.0)
    # a panel's width in ems of its title type: the axes and most of the gap to the next
    # panel's tick labels (left 0.045, right 0.99, wspace 0.3)
    axes_pt = w * 72 * (0.99 - 0.045) / (ncols + WSPACE * (ncols - 1))
    # the unit of what the panel draws; a growth comparison draws the level series behind
    # its rates, so its title (a growth) takes no unit: the axis has the level's
    named = [t.short + ("" if t.record.comparator == codes.FASTER_THAN else
                        v.chart(t.id).unit.suffix()) for t in targets]
    footer_pt = footer_height(len(footer_lines(pg.footer, w, st)), st)
    h = st.size[1] if st.name == "slide" else st.size[1] * 1.6
    # a slide's page keeps the slide's picture box: long titles take smaller type first
    # (down to PANEL_TITLE_MIN of it), and only then a taller figure
    scales = (1.0, 0.9, 0.8, PANEL_TITLE_MIN) if st.name == "slide" else (1.0,)
    while True:
        for scale in scales:
            pt = panel_pt * scale
            titles = [S.wrap(x, axes_pt * (1 + WSPACE * 0.6) / pt) for x in named]
            lines = max((len(t) for t in titles), default=1)  # wrapped, never cut
            try:
                box = _layout(h, nrows, title_pt * max(len(heading_lines), 1), pt, tick_pt,
                              footer_pt / (h * 72), lines)
            except ValueError:
                continue
            return _Grid(nrows, ncols, w, h, box, titles, pt, tick_pt, title_pt, heading,
                         heading_lines)
        h += 0.5


def _panel(ax, v: ReportView, t, title: list[str], pg: DashboardPage, st: S.Style,
           g: _Grid) -> list:
    """One target's panel: its chart framed in its status colour, its title, the page's
    years, the status badge in room kept above the data. Returns its labels to place."""
    from matplotlib.ticker import MaxNLocator

    labels = draw_indicator(ax, v.chart(t.id), st, detail=False, labels=False, compact=True,
                            years=pg.years)
    for side in ("left", "bottom"):
        ax.spines[side].set_color(t.fill)
        ax.spines[side].set_linewidth(2)
    # its place given (y): matplotlib would otherwise work it out from every tick
    ax.set_title("\n".join(title), fontsize=g.panel_pt, loc="left", pad=3, y=1.0)
    _year_ticks(ax, pg.years)
    lo, hi = ax.get_ylim()  # headroom: no line or label under the status badge
    ax.set_ylim(lo, hi + BADGE_ROOM * (hi - lo))
    draw_badge(ax, t.panel_badge, t.fill, t.ink, st.small * PANEL_BADGE, loc=(0.02, 0.96))
    ax.tick_params(labelsize=g.tick_pt)
    ax.yaxis.set_major_locator(MaxNLocator(nbins=3, min_n_ticks=2))
    return labels


def _place_panel_labels(fig, todo: list) -> None:
    """Each panel's labels clear of its badge, lines and marks."""
    # an Agg canvas (Agg, inline and the GUI backends drawn by Agg); the stubs type
    # fig.canvas as the base class, which has no renderer of its own
    renderer = cast("FigureCanvasAgg", fig.canvas).get_renderer()
    for ax, labels in todo:
        if labels:
            keep = [x.get_window_extent(renderer) for x in ax.texts if x.get_text()]
            place(ax, labels, renderer, keep)


def plot_status_summary(assessment, *, lang: str | None = None, style: str = "notebook",
                        title: bool = True, page: int | None = None):
    """P(target met) of the targets as bars, by section, sorted within a section (settled
    first, then from the likeliest), coloured and labelled by the verdict; targets without
    a probability say why in words. In the slide style one page of at most 20 rows
    (``page``, default 1; ``summary_pages`` tells how many); other styles draw every
    target, as tall as they need. Returns the Figure."""
    v = _view(assessment, lang)
    st = S.get_style(style)
    pages = v.summary_pages
    if not pages:  # no judged target: nothing to draw, and the chart says so
        return _summary(v, SummaryPage(1, 1, "", (), chart_words("summary_none", v.lang),
                                       heading=v.title), st, title)
    if st.name == "slide" or page is not None:
        chosen = _pages(v, page or 1, pages)[0]
    else:
        chosen = SummaryPage(1, 1, "", tuple(g for p in pages for g in p.groups),
                             pages[0].footer,
                             heading=titled(v.title, chart_words("summary_title", v.lang),
                                            v.lang))
    return _summary(v, chosen, st, title)


def _summary(v: ReportView, pg: SummaryPage, st: S.Style, title: bool):
    import matplotlib.pyplot as plt

    rows, names, tall = _summary_rows(v, pg)
    lines = sum(tall)
    row_in = st.tick * (1.2 if st.name == "slide" else 1.55) / 72
    h = st.size[1] if st.name == "slide" else max(st.size[1], lines * row_in + 1.4)
    # a slide's pages share one pitch (a short last page keeps its rows' spacing)
    room = max(lines, SUMMARY_ROWS) if st.name == "slide" else max(lines, 1)
    with S.drawing(st):
        fig, ax = plt.subplots(figsize=(st.size[0], h), layout="constrained")
        ys, top = [], float(room)
        for k in tall:
            ys.append(top - k / 2)
            top -= k
        labels = [_summary_row(ax, y, name, kind, item, st)
                  for y, name, (kind, item) in zip(ys, names, rows, strict=True)]
        if not rows:
            ax.text(0.5, 0.5, pg.footer, transform=ax.transAxes, ha="center", va="center",
                    fontsize=st.label, color="#555555")
        _summary_axes(ax, ys, labels, room, v.lang)
        # the sections are named in the chart: a title only where asked, wrapped to fit
        heading = pg.heading if title else ""
        if heading:
            ax.set_title("\n".join(wrap(heading, st.size[0] * 72 / st.title * 0.95)),
                         loc="left", fontsize=st.title)
        if rows:
            add_footer(fig, pg.footer, st, v.lang)
        S.fix_fonts(fig)
    return fig


def _summary_rows(v: ReportView, pg: SummaryPage) -> tuple[list[tuple[str, Any]], list[str],
                                                           list[int]]:
    """The page's rows, ("head", a section's title) where the chart has several sections,
    else ("bar", Bar); each bar's name wrapped; each row's height in lines."""
    rows: list[tuple[str, Any]] = []
    for head, bars in pg.groups:
        if head and (len(pg.groups) > 1 or len(v.sections) > 1):
            rows.append(("head", head))
        rows += [("bar", b) for b in bars]
    name_width = SUMMARY_NAME_EM[v.lang]
    names = ["\n".join(S.wrap(b.name, name_width)) if kind == "bar" else ""
             for kind, b in rows]
    # each row as tall as its name's lines: a wrapped name never runs into the next one
    return rows, names, [max(1, n.count("\n") + 1) for n in names]


def _summary_row(ax, y: float, name: str, kind: str, item, st: S.Style) -> str:
    """A row at ``y``: a section's name in the bars' column, or a bar with its words (the
    words alone where there is no probability). Returns its tick label."""
    if kind == "head":  # the section's name, in the bars' column, on its own row
        ax.text(0.005, y, str(item), ha="left", va="center", fontsize=st.tick * 0.9,
                color="#444444")
        return ""
    b = item
    if b.length is None:
        ax.text(0.01, y, b.words, va="center", fontsize=st.tick * 0.9, color="#555555")
        return name
    ax.barh(y, b.length, color=b.fill, height=0.7)
    ax.text(min(b.length, 1.0) + 0.01, y, b.words, va="center", fontsize=st.tick * 0.9,
            color="#222222", bbox=LABEL_BOX, zorder=3)
    return name


def _summary_axes(ax, ys: list[float], labels: list[str], room: float, lang: str) -> None:
    """The names as y tick labels, P(met) from 0 to 100 % with the 25 % and 75 % lines."""
    ax.set_yticks(ys, labels=labels)
    ax.set_xlim(0, 1.22)
    ax.set_xticks([0, 0.25, 0.5, 0.75, 1.0], labels=["0", "25%", "50%", "75%", "100%"])
    for x in (R.P_OFF_TRACK, R.P_ON_TRACK):  # behind the bars' words
        ax.axvline(x, color="#999999", lw=0.8, ls="--", zorder=1)
    ax.set_xlabel(chart_words("p_axis", lang))
    ax.set_ylim(0, room)
    ax.spines["left"].set_visible(False)
    ax.tick_params(axis="y", length=0)


__all__ = ["plot_dashboard", "plot_status_summary"]
