"""A 测算 row's fan chart (``present.targets_view.OptionsChart``): the published figures,
the projection's 80 % band and median to the target year, a tick and label per value within
reach, and the draft's target as a diamond. It only lays out the spec it is given."""

from __future__ import annotations

from ..present.targets_view import OptionsChart, TargetsView
from . import _style as S
from ._indicator import _place_axes, add_footer

#: Colours of the options' ticks: ambitious, moderate, safe (darker is safer).
OPTION_INK = ("#56B4E9", "#0072B2", "#003F6B")


def draw_options(c: OptionsChart, style: str | S.Style = "notebook", lang: str = "zh",
                 title: bool = True):
    """The figure of one row's options chart (``title``: its own title; a slide has one)."""
    import matplotlib.pyplot as plt

    st = S.get_style(style)
    with S.drawing(st):
        fig, ax = plt.subplots(figsize=st.size, dpi=st.dpi)
        xs = [y for y, _, _ in c.figures]
        ax.plot(xs, [v for _, v, _ in c.figures], color=S.ACTUAL, lw=st.line, zorder=5)
        for y, v, q in c.figures:  # ▲ a figure known only as a lower bound (6.2万以上)
            ax.plot([y], [v], marker="^" if q == "lower_bound" else "v" if q ==
                    "upper_bound" else "o", ms=st.marker * 0.8, color=S.ACTUAL, zorder=5)
        fy = list(c.fan_years)
        ax.fill_between(fy, [f[0] for f in c.fan], [f[2] for f in c.fan],
                        color=S.PROJECTION, alpha=0.18, lw=0, zorder=1)
        ax.plot(fy, [f[1] for f in c.fan], color=S.PROJECTION, lw=st.line * 0.8, ls="--",
                zorder=2)
        T = c.target_year
        for k, (label, v) in enumerate(c.marks):
            ink = OPTION_INK[min(k, len(OPTION_INK) - 1)]
            ax.plot([T - 0.35, T + 0.05], [v, v], color=ink, lw=st.line * 1.2, zorder=4)
            ax.text(T + 0.12, v, label, color=ink, fontsize=st.label * 0.85, va="center",
                    ha="left", zorder=6)
        if c.draft is not None:
            ax.plot([T], [c.draft[1]], marker="D", ms=st.marker * 1.2, color=S.TARGET,
                    zorder=7, ls="none")
            ax.annotate(c.draft[0], (T, c.draft[1]), xytext=(0, st.marker + 2),
                        textcoords="offset points", ha="center", va="bottom",
                        color=S.TARGET, fontsize=st.label * 0.85, zorder=7)
        first = min(xs + fy) if xs else min(fy)
        ax.set_xlim(first - 0.3, T + 1.6)
        ax.set_xticks(list(range(first, T + 1)))
        ax.grid(axis="y", color=S.GRID, lw=0.6)
        ax.set_ylabel(c.unit_label)
        if title:
            ax.set_title(c.title, loc="left", fontsize=st.title, pad=st.title * 0.6, y=1.0)
        footer = add_footer(fig, c.footer, st, lang)
        _place_axes(fig, ax, st, footer, title)
        S.fix_fonts(fig)
    return fig


def options_pngs(v: TargetsView, style: str = "slide", title: bool = True
                 ) -> dict[str, bytes]:
    """Every row's chart as PNG bytes, by key (rows without a chart have none)."""
    import matplotlib.pyplot as plt

    out = {}
    st = S.get_style(style)
    for r in v.rows:
        if r.chart is None:
            continue
        fig = draw_options(r.chart, st, v.lang, title)
        try:
            out[r.key] = S.png_bytes(fig, st.dpi)
        finally:
            plt.close(fig)
    return out
