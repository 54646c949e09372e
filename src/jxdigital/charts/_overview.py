"""Every target at once: small multiples, and one status chart for a single slide."""

from __future__ import annotations

import math

from .. import assessment as R
from ..assessment import Assessment
from ..present import _chart_words as W
from . import _style as S
from ._indicator import add_footer, draw_indicator, footer_height, footer_lines


def _check(a) -> Assessment:
    if not isinstance(a, Assessment):
        raise TypeError("argument 'assessment': expected an Assessment from jxdigital.assess(),"
                        f" got {type(a).__name__}")
    return a


def _grouped(a: Assessment):
    """Targets in plan order, grouped by category (first appearance order)."""
    groups: dict[str, list] = {}
    for r in sorted(a, key=lambda r: r.seq):
        groups.setdefault(r.category_zh or "", []).append(r)
    return groups


#: Dashboard type sizes, as shares of the style's ``small`` size: panel titles, the
#: status badge and the tick labels (dense small multiples: smaller than one chart's).
PANEL_TITLE, PANEL_BADGE, PANEL_TICK = 0.85, 0.75, 0.7
WSPACE = 0.3  # between panels, a share of a panel's width
BADGE_ROOM = 0.35  # the top of a panel kept for its badge, a share of the data's range
#: A white ground under a bar's words, so the 25 % / 75 % lines pass behind them.
LABEL_BOX = {"boxstyle": "square,pad=0.1", "fc": "white", "ec": "none"}
MIN_PANEL_PT = 36  # the least height of a panel's plot (three y ticks and the badge)
LEADING = 1.25  # line height / font size


def _layout(h: float, nrows: int, title_pt: float, panel_pt: float, tick_pt: float,
            footer_frac: float, title_lines: int) -> dict:
    """Margins and gaps (figure fractions, GridSpec ``hspace``) that leave room, in points,
    for the figure title, each row's panel titles and the tick labels under each row (and
    the top y tick label, half above its axes), over the footer: the room comes from the
    type sizes, so nothing overlaps at any number of rows."""
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


def _year_ticks(ax, most: int = 4) -> None:
    """At most ``most`` year ticks, evenly stepped and ending at the last year shown, so
    the labels of a small panel never run into each other."""
    lo, hi = ax.get_xlim()
    first, last = math.ceil(lo - 1e-9), math.floor(hi + 1e-9)
    step = max(1, math.ceil((last - first) / (most - 1)))
    ax.set_xticks(list(range(last, first - 1, -step))[::-1])


def plot_dashboard(assessment, *, lang: str | None = None, style: str = "notebook",
                   ncols: int | None = None, title: bool = True):
    """Small multiples of every target in plan order, each framed in its status colour with
    the status in words and titled with the target's short name. ``style='slide'`` draws it
    at the slide's picture box (12.3 × 5.6 in) while it fits (four rows of five); more
    targets make it taller. ``title``: the plan's title on top (off where the page or slide
    gives it). Returns the Figure."""
    import matplotlib
    import matplotlib.pyplot as plt
    from matplotlib.ticker import MaxNLocator

    a = _check(assessment)
    lang = S.check_lang(lang or a.lang)
    st = S.get_style(style)
    rows = [r for rs in _grouped(a).values() for r in rs]
    n = len(rows)
    ncols = ncols or (5 if n > 12 else 4 if n > 6 else max(n, 1))
    nrows = math.ceil(n / ncols)
    panel_pt, tick_pt = st.small * PANEL_TITLE, st.small * PANEL_TICK
    title_pt = st.title if title else 0.0
    w = st.size[0] * (1.6 if st.name == "notebook" else 1.0)
    # a panel's width in ems of its title type: the axes and most of the gap to the next
    # panel's tick labels (left 0.045, right 0.99, wspace 0.3)
    axes_pt = w * 72 * (0.99 - 0.045) / (ncols + WSPACE * (ncols - 1))
    width_em = axes_pt * (1 + WSPACE * 0.6) / panel_pt
    titles = [S.wrap(W.panel_title(r, lang), width_em) for r in rows]
    lines = max((len(t) for t in titles), default=1)  # wrapped, never cut
    footer = W.overview_footer(a, lang)
    footer_pt = footer_height(len(footer_lines(footer, w, st)), st)
    h = st.size[1] if st.name == "slide" else st.size[1] * 1.6
    while True:  # grow the height until every row has room
        try:
            box = _layout(h, nrows, title_pt, panel_pt, tick_pt, footer_pt / (h * 72), lines)
            break
        except ValueError:
            h += 0.5
    with matplotlib.rc_context(S.rc(st)):
        # Fixed spacing from the type sizes: constrained layout over 20 small axes costs
        # seconds, and every panel is alike.
        fig, axes = plt.subplots(nrows, ncols, figsize=(w, h), squeeze=False)
        fig.subplots_adjust(left=0.045, right=0.99, wspace=WSPACE, **box)
        add_footer(fig, footer, st, lang)
        for ax in axes.flat[n:]:
            ax.set_visible(False)
        for ax, r, t in zip(axes.flat, rows, titles, strict=False):
            draw_indicator(ax, a, r, st, lang, labels=False, compact=True)
            colour = S.STATUS_COLOURS.get(r.status_cn, "#BBBBBB")
            for side in ("left", "bottom"):
                ax.spines[side].set_color(colour)
                ax.spines[side].set_linewidth(2)
            ax.set_title("\n".join(t), fontsize=panel_pt, loc="left", pad=3)
            _year_ticks(ax)
            lo, hi = ax.get_ylim()  # headroom: no line or label under the status badge
            ax.set_ylim(lo, hi + BADGE_ROOM * (hi - lo))
            ax.text(0.02, 0.96, W.panel_badge(r, lang),
                    transform=ax.transAxes, va="top", ha="left",
                    fontsize=st.small * PANEL_BADGE,
                    color=S.STATUS_INK.get(r.status_cn, "#000000"),
                    bbox=dict(boxstyle="round,pad=0.2", fc=colour, ec="none"))
            ax.tick_params(labelsize=tick_pt)
            ax.yaxis.set_major_locator(MaxNLocator(nbins=4, min_n_ticks=2))
        if title:
            fig.suptitle(W.title_of(a.plan, lang), x=0.01, y=1 - 0.25 * title_pt / (h * 72),
                         ha="left", va="top", fontsize=title_pt)
        S.fix_fonts(fig)
    return fig


def plot_status_summary(assessment, *, lang: str | None = None, style: str = "notebook",
                        title: bool = True):
    """One chart of all targets: P(target met) as a bar per target, sorted, coloured and
    labelled by status; targets without a probability say why in words. Returns the Figure.
    """
    import matplotlib
    import matplotlib.pyplot as plt

    a = _check(assessment)
    lang = S.check_lang(lang or a.lang)
    st = S.get_style(style)

    def key(r):
        p = r.p_met if r.p_met == r.p_met else -1.0
        # settled first, then by risk, then the unknowns (the order of R.STATUSES)
        return (R.STATUSES.index(r.status_cn) if r.status_cn in R.STATUSES else 9, -p,
                r.seq)

    rows = sorted(a, key=key)
    n = len(rows)
    # Slides keep their exact box; elsewhere the chart grows with the number of targets.
    row_in = st.tick * (1.2 if st.name == "slide" else 1.55) / 72
    h = st.size[1] if st.name == "slide" else max(st.size[1], n * row_in + 1.4)
    with matplotlib.rc_context(S.rc(st)):
        fig, ax = plt.subplots(figsize=(st.size[0], h), layout="constrained")
        ys = list(range(n))[::-1]
        for y, r in zip(ys, rows, strict=True):
            colour = S.STATUS_COLOURS.get(r.status_cn, "#BBBBBB")
            p = r.p_met if r.p_met == r.p_met else None
            if r.status_cn == "achieved":
                p = 1.0 if p is None else p
            if r.final:  # a settled outcome: the words, not a probability
                ax.barh(y, 1.0 if r.status_cn == "met" else 0.02, color=colour, height=0.7)
                ax.text((1.0 if r.status_cn == "met" else 0.02) + 0.01, y,
                        W.settled_words(r, lang), va="center", fontsize=st.tick * 0.9,
                        color="#222222", bbox=LABEL_BOX, zorder=3)
            elif p is not None:
                ax.barh(y, p, color=colour, height=0.7)
                ax.text(min(p, 1.0) + 0.01, y, W.bar_words(p, r, lang), va="center",
                        fontsize=st.tick * 0.9, color="#222222", bbox=LABEL_BOX, zorder=3)
            else:
                ax.text(0.01, y, W.status_of(r, lang), va="center", fontsize=st.tick * 0.9,
                        color="#555555")
        # short names, wrapped (never cut): the full names are in the report's table
        width = 14 if lang == "zh" else 26
        ax.set_yticks(ys, labels=["\n".join(S.wrap(W.short_name(r, lang), width))
                                  for r in rows])
        ax.set_xlim(0, 1.22)
        ax.set_xticks([0, 0.25, 0.5, 0.75, 1.0], labels=["0", "25%", "50%", "75%", "100%"])
        for x in (R.P_OFF_TRACK, R.P_ON_TRACK):  # behind the bars' words
            ax.axvline(x, color="#999999", lw=0.8, ls="--", zorder=1)
        ax.set_xlabel(W.chart_words("p_axis", lang))
        ax.set_ylim(-0.7, n - 0.3)
        ax.spines["left"].set_visible(False)
        ax.tick_params(axis="y", length=0)
        if title:
            ax.set_title(W.summary_title(a, lang), loc="left", fontsize=st.title)
        add_footer(fig, W.overview_footer(a, lang), st, lang)
        S.fix_fonts(fig)
    return fig
