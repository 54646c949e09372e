"""Were the warnings right? P(met) by review year for every target whose outcome is known."""

from __future__ import annotations

import math

from .. import assessment as R
from ..assessment import Account, Assessment
from ..present import _chart_words as W
from ..present._colours import OUTCOME_STATUS
from . import _style as S
from ._indicator import add_footer


def _account(x) -> Account:
    if isinstance(x, Account):
        return x
    if isinstance(x, Assessment):
        return x.account()
    raise TypeError("argument 'account': expected an Account (Assessment.account()) or an "
                    f"Assessment, got {type(x).__name__}")


def plot_retrospective(account, *, lang: str | None = None, style: str = "notebook",
                       title: bool = True):
    """P(target met) as each year's review would have given it (with the figures published
    by the end of that year), one line per target whose outcome is now known, coloured and
    labelled by the outcome (met / missed). Lines that stay on the side of their outcome
    were right early. Returns the Figure."""
    import matplotlib
    import matplotlib.pyplot as plt

    acc = _account(account)
    a = acc.assessment
    lang = S.check_lang(lang or a.lang)
    st = S.get_style(style)
    r = acc.retrospective()
    known = r[r["outcome"].isin(["met", "missed"])] if len(r) else r
    with matplotlib.rc_context(S.rc(st)):
        fig, ax = plt.subplots(figsize=st.size, layout="constrained")
        years = sorted({int(y) for y in r["review_year"]}) if len(r) else []
        labels = []
        for _iid, g in known.groupby("indicator_id", sort=False):
            outcome = g["outcome"].iloc[0]
            colour = S.STATUS_COLOURS[OUTCOME_STATUS[outcome]]
            xs = g["review_year"].astype(int).tolist()
            ps = [float(p) if p == p else math.nan for p in g["p_met"]]
            ax.plot(xs, ps, color=colour, lw=st.line, marker="o", ms=st.marker * 0.8,
                    zorder=3)
            name = W.localised(g["name_zh"].iloc[0], g["name_en"].iloc[0], lang)
            end = next(((x, p) for x, p in zip(xs[::-1], ps[::-1], strict=True) if p == p),
                       None)
            if end is not None:
                labels.append((end[1], end[0], W.outcome_label(name, outcome, lang), colour))
        _place_labels(ax, labels, st)
        for y in (R.P_OFF_TRACK, R.P_ON_TRACK):
            ax.axhline(y, color="#999999", lw=0.8, ls="--", zorder=1)
        ax.set_ylim(-0.04, 1.04)
        ax.set_yticks([0, 0.25, 0.5, 0.75, 1.0], labels=["0", "25%", "50%", "75%", "100%"])
        ax.set_ylabel(W.chart_words("p_at_review", lang))
        if years:
            ax.set_xticks(years, labels=W.review_labels(years, a.timing.review.isoformat(),
                                                        lang))
            ax.set_xlim(years[0] - 0.4, years[-1] + 0.4 + 0.35 * max(len(years), 3))
        if not len(known):
            ax.text(0.5, 0.5, W.chart_words("no_known_outcome", lang), transform=ax.transAxes,
                    ha="center", va="center", fontsize=st.label, color="#555555")
        ax.grid(axis="y", color=S.GRID, lw=0.8)
        ax.set_axisbelow(True)
        if title:
            ax.set_title(W.chart_words("retrospective_title", lang), loc="left",
                         fontsize=st.title)
        add_footer(fig, W.retrospective_footer(acc, lang), st, lang)
        S.fix_fonts(fig)
    return fig


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
