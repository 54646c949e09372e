"""Were the warnings right? P(met) at each year-end review of every target whose outcome
is known, drawn from the view (``present.view.RetrospectiveChart``)."""

from __future__ import annotations

import math

from .. import assessment as R
from ..assessment import Account, Assessment
from ..present import chart_words
from ..present.view import ReportView, view
from . import _style as S
from ._indicator import add_footer


def _view(x, lang: str | None) -> ReportView:
    if isinstance(x, ReportView):
        return view(x, lang)
    if isinstance(x, Account):
        x = x.assessment
    if isinstance(x, Assessment):
        return view(x, S.check_lang(lang or x.lang))
    raise TypeError("argument 'account': expected an Account (Assessment.account()) or an "
                    f"Assessment, got {type(x).__name__}")


def plot_retrospective(account, *, lang: str | None = None, style: str = "notebook",
                       title: bool = True):
    """P(target met) as each year's review would have given it (with the figures published
    by the end of that year), one line per target whose outcome is now known, coloured and
    labelled by the outcome (met / missed). Lines that stay on the side of their outcome
    were right early. A plan with no known outcome gets a chart that says so in one line
    (the reports say it in a sentence and draw nothing). Returns the Figure."""
    import matplotlib.pyplot as plt

    v = _view(account, lang)
    st = S.get_style(style)
    c = v.retrospective_chart
    with S.drawing(st):
        fig, ax = plt.subplots(figsize=st.size, layout="constrained")
        if c is None:
            ax.set_axis_off()
            ax.text(0.5, 0.5, chart_words("no_known_outcome", v.lang), transform=ax.transAxes,
                    ha="center", va="center", fontsize=st.label, color="#555555")
            S.fix_fonts(fig)
            return fig
        _place_labels(ax, _draw_lines(ax, c.lines, st), st)
        for y in (R.P_OFF_TRACK, R.P_ON_TRACK):
            ax.axhline(y, color="#999999", lw=0.8, ls="--", zorder=1)
        ax.set_ylim(-0.04, 1.04)
        ax.set_yticks([0, 0.25, 0.5, 0.75, 1.0], labels=["0", "25%", "50%", "75%", "100%"])
        ax.set_ylabel(c.axis_label)
        if c.years:
            ax.set_xticks(list(c.years), labels=list(c.ticks))
            ax.set_xlim(c.years[0] - 0.4, c.years[-1] + 0.4 + 0.35 * max(len(c.years), 3))
        ax.grid(axis="y", color=S.GRID, lw=0.8)
        ax.set_axisbelow(True)
        if title:
            ax.set_title(c.title, loc="left", fontsize=st.title)
        add_footer(fig, c.footer, st, v.lang)
        S.fix_fonts(fig)
    return fig


def _draw_lines(ax, lines, st: S.Style) -> list[tuple[float, float, str, str]]:
    """A line per target, (label, colour, [(year, P(met)), …]); returns where each ends,
    as (P(met), year, label, colour)."""
    ends = []
    for label, colour, pts in lines:
        xs = [x for x, _ in pts]
        ps = [p for _, p in pts]
        ax.plot(xs, ps, color=colour, lw=st.line, marker="o", ms=st.marker * 0.8, zorder=3)
        end = next(((x, p) for x, p in zip(xs[::-1], ps[::-1], strict=True)
                    if not math.isnan(p)), None)
        if end is not None:
            ends.append((end[1], end[0], label, colour))
    return ends


def _place_labels(ax, labels, st) -> None:
    """End-of-line labels, nudged apart so that none overlaps another."""
    if not labels:
        return
    gap = st.tick * 1.35 / 72 / max(ax.figure.get_size_inches()[1] * 0.7, 1.0)
    placed: list[float] = []
    for y, x, text, colour in sorted(labels, key=lambda v: v[0]):
        yy = max(y, placed[-1] + gap) if placed else y
        placed.append(yy)
        ax.annotate(text, (x, y), xytext=(x + 0.12, yy), textcoords="data", va="center",
                    ha="left", fontsize=st.tick, color=colour,
                    arrowprops=None if abs(yy - y) < 1e-9 else
                    dict(arrowstyle="-", color=colour, lw=0.6))
