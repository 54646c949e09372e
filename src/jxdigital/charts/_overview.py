"""Every target at once: small multiples, and one status chart for a single slide."""

from __future__ import annotations

import math
import textwrap

from .. import assessment as R
from ..assessment import Assessment
from ..present import _chart_words as W
from . import _style as S
from ._indicator import add_footer, draw_indicator


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


def plot_dashboard(assessment, *, lang: str | None = None, style: str = "notebook",
                   ncols: int | None = None):
    """Small multiples of every target, grouped by category, each framed in its status
    colour with the status in words. Returns the Figure."""
    import matplotlib
    import matplotlib.pyplot as plt

    a = _check(assessment)
    lang = S.check_lang(lang or a.lang)
    st = S.get_style(style)
    rows = [r for rs in _grouped(a).values() for r in rs]
    n = len(rows)
    ncols = ncols or (5 if n > 12 else 4 if n > 6 else max(n, 1))
    nrows = math.ceil(n / ncols)
    w = st.size[0] * (1.6 if st.name == "notebook" else 1.0)
    h = max(st.size[1], nrows * w / ncols * 0.78)
    with matplotlib.rc_context(S.rc(st)):
        # Fixed spacing: constrained layout over 20 small axes costs seconds and the
        # panels are all alike.
        fig, axes = plt.subplots(nrows, ncols, figsize=(w, h), squeeze=False)
        top_in, bottom_in = st.title * 2.2 / 72, st.small * 3.2 / 72
        fig.subplots_adjust(left=0.045, right=0.99, top=1 - top_in / h,
                            bottom=bottom_in / h + 0.02, wspace=0.28,
                            hspace=st.small * 5.5 / 72 / (h / nrows))
        for ax in axes.flat[n:]:
            ax.set_visible(False)
        for ax, r in zip(axes.flat, rows, strict=False):
            draw_indicator(ax, a, r, st, lang, labels=False, compact=True)
            colour = S.STATUS_COLOURS.get(r.status_cn, "#BBBBBB")
            for side in ("left", "bottom"):
                ax.spines[side].set_color(colour)
                ax.spines[side].set_linewidth(2)
            ax.set_title("\n".join(textwrap.wrap(W.panel_title(r, lang),
                                                  16 if lang == "zh" else 30)),
                         fontsize=st.small, loc="left")
            # the badge names the unit: the panel's numbers are in the plan's unit
            ax.text(0.02, 0.96, W.panel_badge(r, lang),
                    transform=ax.transAxes, va="top", ha="left", fontsize=st.small * 0.9,
                    color=S.STATUS_INK.get(r.status_cn, "#000000"),
                    bbox=dict(boxstyle="round,pad=0.2", fc=colour, ec="none"))
            ax.tick_params(labelsize=st.small * 0.85)
        fig.suptitle(W.title_of(a.plan, lang), x=0.01, ha="left", fontsize=st.title)
        add_footer(fig, W.overview_footer(a, lang), st, lang)
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
                        color="#222222")
            elif p is not None:
                ax.barh(y, p, color=colour, height=0.7)
                ax.text(min(p, 1.0) + 0.01, y, W.bar_words(p, r, lang), va="center",
                        fontsize=st.tick * 0.9, color="#222222")
            else:
                ax.text(0.01, y, W.status_of(r, lang), va="center", fontsize=st.tick * 0.9,
                        color="#555555")
        names = [W.name_of(r, lang) for r in rows]
        width = 22 if lang == "zh" else 40
        ax.set_yticks(ys, labels=[nm if len(nm) <= width else nm[:width - 1] + "…"
                                  for nm in names])
        ax.set_xlim(0, 1.22)
        ax.set_xticks([0, 0.25, 0.5, 0.75, 1.0], labels=["0", "25%", "50%", "75%", "100%"])
        for x in (R.P_OFF_TRACK, R.P_ON_TRACK):
            ax.axvline(x, color="#999999", lw=0.8, ls="--")
        ax.set_xlabel(W.chart_words("p_axis", lang))
        ax.set_ylim(-0.7, n - 0.3)
        ax.spines["left"].set_visible(False)
        ax.tick_params(axis="y", length=0)
        if title:
            ax.set_title(W.summary_title(a, lang), loc="left", fontsize=st.title)
        add_footer(fig, W.overview_footer(a, lang), st, lang)
        S.fix_fonts(fig)
    return fig
