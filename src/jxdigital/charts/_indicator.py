"""One target on one chart: actuals, projection fan, target, plan path and status."""

from __future__ import annotations

import contextlib
import math

import numpy as np
import pandas as pd

from .. import growth
from ..assessment import Assessment, TargetStatus, in_unit
from ..observations import conflicts
from ..present import _text as T
from ..present import assess
from . import _style as S

LEVELS = (95, 80, 50)
_FAN_ALPHA = {95: 0.12, 80: 0.22, 50: 0.36}


def resolve(assessment, indicator_id: str | None) -> tuple[Assessment, TargetStatus]:
    """(assessment, row) from an Assessment and an id, or an id alone (shipped plan)."""
    if isinstance(assessment, str) and indicator_id is None:
        indicator_id, assessment = assessment, assess()
    if not isinstance(assessment, Assessment):
        raise TypeError("argument 'assessment': expected an Assessment from jxdigital.assess() "
                        f"or an indicator id, got {type(assessment).__name__}")
    if indicator_id is None:
        raise TypeError("argument 'indicator_id': which target to draw, e.g. "
                        "'digital_economy_value_added'")
    try:
        return assessment, assessment[indicator_id]
    except KeyError:
        ids = ", ".join(t.indicator_id for t in assessment)
        raise KeyError(f"argument 'indicator_id': {indicator_id!r} is not a target of plan "
                       f"{assessment.plan.plan_id!r}; its targets are: {ids}") from None


def _finite(x) -> bool:
    return x is not None and isinstance(x, (int, float)) and math.isfinite(x)


def title_of(r: TargetStatus, lang: str) -> str:
    name = r.name_zh if lang == "zh" or not r.name_en else r.name_en
    return name


def unit_label(r: TargetStatus, lang: str) -> str:
    return r.unit if lang == "zh" else T.unit_en(r.unit)


def badge_text(r: TargetStatus, lang: str) -> str:
    words = r.status_zh if lang == "zh" else r.status_en
    if _finite(r.p_met) and r.status_cn not in ("achieved",) and not r.final:
        words += (f" · 达标概率{T.prob(r.p_met)}" if lang == "zh" else
                  f" · P(met) {T.prob(r.p_met, 'en')}")
    return words


def draw_badge(ax, r: TargetStatus, lang: str, size: float, loc=(0.01, 0.97)) -> None:
    colour = S.STATUS_COLOURS.get(r.status_cn, "#BBBBBB")
    ax.text(*loc, badge_text(r, lang), transform=ax.transAxes, ha="left", va="top",
            fontsize=size, color=S.STATUS_INK.get(r.status_cn, "#000000"),
            bbox=dict(boxstyle="round,pad=0.3", fc=colour, ec="none"), zorder=10)


def _observations(a: Assessment, r: TargetStatus) -> pd.DataFrame:
    """Every year-end figure of the target's indicator, in the plan row's unit."""
    d = a.actuals
    obs = d[(d["indicator_id"] == r.indicator_id) & (d["region"] == r.region)
            & d["measure"].isin(["level", "share_pct"]) & (d["as_of"].astype(str) == "")]
    return in_unit(obs, r.unit) if r.comparator != "faster_than" else obs


def _conflict_years(obs: pd.DataFrame) -> set[int]:
    if obs.empty:
        return set()
    c = conflicts(obs)
    return {int(y) for y in c["year"]} if len(c) else set()


def draw_indicator(ax, a: Assessment, r: TargetStatus, st: S.Style, lang: str,
                   labels: bool = True, compact: bool = False) -> None:
    """Everything about one target on ``ax``; ``compact`` for small multiples."""
    ms, lw = (st.marker * 0.7, st.line * 0.8) if compact else (st.marker, st.line)
    fs = st.small if compact else st.label
    used = a.series.get(r.indicator_id, pd.DataFrame(columns=["year", "value", "qualifier"]))
    obs = _observations(a, r)
    years_shown: list[float] = []
    values_shown: list[float] = []

    # Other sources' figures: hollow = not comparable with the plan's definition; small grey
    # dots = comparable figures the selection rule did not use.
    if not compact and len(obs):
        other = obs[~obs["selected"].astype(bool)]
        nc = obs[~obs["comparable"].astype(bool)]
        if len(other):
            ax.plot(other["year"], other["value"], ls="none", marker="o", ms=ms * 0.55,
                    color="#888888", zorder=3)
        if len(nc):
            ax.plot(nc["year"], nc["value"], ls="none", marker="o", ms=ms, mfc="none",
                    mec=S.ACTUAL, mew=1.2, zorder=3)
            values_shown += list(nc["value"])
        for y in sorted(_conflict_years(obs)):
            v = obs[obs["year"] == y]["value"]
            ax.vlines(y, v.min(), v.max(), color=S.TARGET, lw=lw * 0.6, ls=":", zorder=2)
            ax.annotate("来源不一" if lang == "zh" else "sources differ", (y, v.min()),
                        xytext=(0, -6), textcoords="offset points", ha="center", va="top",
                        fontsize=st.small, color=S.TARGET)

    # Years already over whose figures are not known: shaded and named, not "the future".
    gap = _unpublished(a, r, used)
    if gap is not None and not compact:
        ax.axvspan(gap[0] - 0.5, gap[1] + 0.5, color="#000000", alpha=0.045, lw=0, zorder=0)
        span = str(gap[0]) if gap[0] == gap[1] else f"{gap[0]}—{gap[1]}"
        ax.text((gap[0] + gap[1]) / 2, 0.985,
                f"{span}年数据尚未公布" if lang == "zh" else
                f"{span.replace('—', '–')}: not yet published",
                transform=ax.get_xaxis_transform(), ha="center", va="top",
                fontsize=st.small, color="#666666", zorder=1)
        years_shown += list(gap)

    # Projection fan, from the last figure it rests on to the target year.
    proj = a.projections.get(r.indicator_id)
    if proj is not None and len(used):
        f = proj.to_frame()
        start = used[used["year"] < r.target_year]
        if "last_year" in f and len(f):
            start = used[used["year"] <= int(f["last_year"].iloc[0])]
        x0, y0 = float(start["year"].iloc[-1]), float(start["value"].iloc[-1])
        xs = np.r_[x0, f["year"].to_numpy(float)]
        for lv in LEVELS:
            lo = np.r_[y0, f[f"lo_{lv}"].to_numpy(float)]
            hi = np.r_[y0, f[f"hi_{lv}"].to_numpy(float)]
            ax.fill_between(xs, lo, hi, color=S.PROJECTION, alpha=_FAN_ALPHA[lv], lw=0,
                            zorder=1)
        pt = np.r_[y0, f["point"].to_numpy(float)]
        ax.plot(xs, pt, color=S.PROJECTION, lw=lw, ls="--", zorder=4)
        years_shown += list(xs)
        values_shown += list(pt) + list(f["lo_80"]) + list(f["hi_80"])
        if labels:
            end = f.iloc[-1]
            txt = (f"{int(end['year'])}年预测 {T.value(end['point'], r.unit)}\n"
                   f"80%区间 {T.value(end['lo_80'], r.unit)}—{T.value(end['hi_80'], r.unit)}"
                   if lang == "zh" else
                   f"{int(end['year'])} projection {T.value(end['point'], r.unit, 'en')}\n"
                   f"80% interval {T.value(end['lo_80'], r.unit, 'en')}–"
                   f"{T.value(end['hi_80'], r.unit, 'en')}")
            # The projection and target labels grow away from each other, never overlap.
            up = _finite(r.target_value) and r.target_value > end["point"]
            ax.annotate(txt, (end["year"], end["point"]), xytext=(8, -4 if up else 4),
                        textcoords="offset points", va="top" if up else "bottom", ha="left",
                        fontsize=fs, color=S.PROJECTION)

    # National series and projection for 超全国平均水平 targets.
    ref = a.reference_projections.get(r.indicator_id)
    ref_used = a.series.get(f"{r.indicator_id}@{r.reference or 'china'}")
    if ref_used is not None and len(ref_used):
        ax.plot(ref_used["year"], ref_used["value"], color=S.NATIONAL, marker="s",
                ms=ms * 0.8, lw=lw * 0.8, zorder=4)
        years_shown += list(ref_used["year"])
        values_shown += list(ref_used["value"])
        if ref is not None:
            rf = ref.to_frame()
            xs = np.r_[float(ref_used["year"].iloc[-1]), rf["year"].to_numpy(float)]
            ax.plot(xs, np.r_[float(ref_used["value"].iloc[-1]), rf["point"]],
                    color=S.NATIONAL, ls="--", lw=lw * 0.8, zorder=4)
            values_shown += list(rf["point"])
        if labels:
            last_x = xs[-1] if ref is not None else float(ref_used["year"].iloc[-1])
            last_y = float(rf["point"].iloc[-1]) if ref is not None else \
                float(ref_used["value"].iloc[-1])
            ax.annotate("全国" if lang == "zh" else "China", (last_x, last_y), xytext=(8, 0),
                        textcoords="offset points", va="center", fontsize=fs,
                        color=S.NATIONAL)

    # The plan's own path from base to target.
    if _finite(r.base_value) and _finite(r.target_value) and r.base_year is not None and \
            r.comparator not in ("above_national_average", "faster_than") and \
            r.target_value > 0 and r.base_value > 0:
        kind = "linear" if r.is_share else "compound"
        path = growth.pro_rata_path(r.base_value, r.target_value, r.base_year, r.target_year,
                                    kind=kind)
        xs = np.arange(r.base_year, r.target_year + 1)
        ax.plot(xs, path, color=S.PLAN_PATH, lw=lw * 0.7, ls=":", zorder=2)
        if labels and not compact:
            mid = len(xs) // 2
            ax.annotate("规划路径" if lang == "zh" else "plan path", (xs[mid], path[mid]),
                        xytext=(0, -12), textcoords="offset points", ha="center",
                        fontsize=st.small, color=S.PLAN_PATH)
        years_shown += list(xs)
        values_shown += list(path)

    # The target: a marker, or a band for 左右 and ranges.
    low, high = r.band_low, r.band_high  # the printed band of 左右 and ranges
    if r.comparator in ("around", "between") and _finite(low) and _finite(high):
        ax.vlines(r.target_year, low, high, color=S.TARGET, lw=lw * 3, alpha=0.6, zorder=5)
        values_shown += [low, high]
    if _finite(r.target_value) and r.comparator not in ("above_national_average",
                                                        "faster_than"):
        ax.plot([r.target_year], [r.target_value], marker="D", ms=ms * 1.1, color=S.TARGET,
                ls="none", zorder=6)
        values_shown.append(r.target_value)
        years_shown.append(r.target_year)
        if labels:
            below = proj is not None and r.target_value <= proj.point(r.target_year)
            ax.annotate(("目标 " if lang == "zh" else "target ") + _target_words(r, lang),
                        (r.target_year, r.target_value), xytext=(8, -4 if below else 4),
                        textcoords="offset points", va="top" if below else "bottom",
                        ha="left", fontsize=fs, color=S.TARGET)

    # Actuals used (filled; a triangle marks a lower bound such as "6万多").
    if len(used):
        ax.plot(used["year"], used["value"], color=S.ACTUAL, lw=lw, zorder=7)
        bound = used["qualifier"].isin(["lower_bound"])
        ax.plot(used["year"][~bound], used["value"][~bound], ls="none", marker="o", ms=ms,
                color=S.ACTUAL, zorder=8)
        if bound.any():
            ax.plot(used["year"][bound], used["value"][bound], ls="none", marker="^",
                    ms=ms * 1.1, color=S.ACTUAL, zorder=8)
        years_shown += list(used["year"])
        values_shown += list(used["value"])
        if labels:
            last = used.iloc[-1]
            alone = len(used) == 1  # at the left edge: label to the right
            more = ("以上" if lang == "zh" else "+") if last["qualifier"] == "lower_bound" \
                else ""
            ax.annotate(f"{int(last['year'])}: {T.value(last['value'], r.unit, lang)}{more}",
                        (last["year"], last["value"]), xytext=(8 if alone else -6, 8),
                        textcoords="offset points", ha="left" if alone else "right",
                        va="bottom", fontsize=fs, color=S.ACTUAL)

    # width (em) of the direct labels placed at the target year, for the right margin
    em = max((S.text_em(line, latin=0.52)
              for t in ax.texts if getattr(t, "xy", (0,))[0] >= r.target_year - 0.01
              for line in t.get_text().split("\n")), default=0.0) if labels else 0.0
    _limits(ax, r, years_shown, values_shown, label_in=em * fs / 72 + 0.15)



def _unpublished(a: Assessment, r: TargetStatus, used: pd.DataFrame) -> tuple[int, int] | None:
    """(first, last) year, up to the target year, that had ended by the review date but has
    no figure after the last one known; None when there is no such year."""
    if r.final or not len(used):
        return None
    last_known = int(used["year"].max())
    ended = [y for y in range(last_known + 1, r.target_year + 1) if a.timing.year_over(y)]
    return (ended[0], ended[-1]) if ended else None


def _target_words(r: TargetStatus, lang: str) -> str:
    v = T.value(r.target_value, r.unit, lang)
    if r.comparator == "between" and _finite(r.target_high):
        return (f"{T.num(r.target_value)}—{T.value(r.target_high, r.unit, lang)}" if lang == "zh"
                else f"{v}–{T.value(r.target_high, r.unit, lang)}")  # both ends scaled
    if lang == "zh":
        return {"at_least": f"{v}以上", "more_than": f">{v}", "around": f"{v}左右",
                "at_most": f"≤{v}"}.get(r.comparator, v)
    return {"at_least": f"≥ {v}", "more_than": f"> {v}", "around": f"about {v}",
            "at_most": f"≤ {v}"}.get(r.comparator, v)


def _limits(ax, r: TargetStatus, years, values, label_in: float = 0.0) -> None:
    ys = [float(y) for y in years if _finite(float(y))] or [r.target_year - 5, r.target_year]
    start = r.base_year if r.base_year is not None else r.target_year - 1
    x0, x1 = min(min(ys), start), max(max(ys), r.target_year)
    # Room right of the target year for the direct labels: their width in inches over the
    # axes' inches per year (the axes take about the figure's width less 1.3 in).
    axes_in = max(ax.figure.get_size_inches()[0] * ax.get_position().width / 0.775 - 1.1,
                  1.0)
    span = x1 - x0 + 0.4
    pad = 0.4 if label_in <= 0 else label_in * span / max(axes_in - label_in, 0.5)
    ax.set_xlim(x0 - 0.4, x1 + max(pad, 0.4))
    # Ticks only up to the target year; the space beyond is for the direct labels.
    first, last = math.ceil(x0), int(r.target_year)
    step = max(1, math.ceil((last - first + 1) / 8))
    ax.set_xticks(list(range(last, first - 1, -step))[::-1])
    vals = [float(v) for v in values if _finite(float(v))]
    if vals:
        lo, hi = min(vals), max(vals)
        pad = (hi - lo) * 0.12 or abs(hi) * 0.1 or 1.0
        bottom = max(lo - pad, 0.0) if lo >= 0 else lo - pad
        top = hi + pad * 1.6  # room for the status badge
        if r.is_share:
            bottom, top = max(bottom, 0.0), min(top, 100.0) if top > 100 else top
        ax.set_ylim(bottom, top)
    ax.grid(axis="y", color="#E5E5E5", lw=0.8)
    ax.set_axisbelow(True)


def _marks(a: Assessment, r: TargetStatus, lang: str) -> str:
    """Words for the marker shapes actually on the chart (there is no legend)."""
    used = a.series.get(r.indicator_id)
    obs = _observations(a, r)
    zh, en = [], []
    if used is not None and len(used) and (used["qualifier"] == "lower_bound").any():
        zh.append("▲为下限值（如“6万多”）")
        en.append("▲ = lower bound (e.g. 'over 60,000')")
    if len(obs) and (~obs["comparable"].astype(bool)).any():
        zh.append("空心点为口径不同的数据")
        en.append("hollow = other definition")
    if len(obs) and (~obs["selected"].astype(bool)).any():
        zh.append("灰点为未采用的其他来源")
        en.append("grey dots = other sources not used")
    return ("；".join(zh) + "。") if lang == "zh" and zh else \
        ("; ".join(en) + ". ") if en and lang == "en" else ""


def source_line(a: Assessment, r: TargetStatus, lang: str) -> str:
    return _sources(a, r, lang) + _marks(a, r, lang)


def _sources(a: Assessment, r: TargetStatus, lang: str) -> str:
    used = a.series.get(r.indicator_id)
    pubs: list[str] = []
    if used is not None and len(used):
        for p, t in zip(used.get("publisher", pd.Series(dtype=str)).fillna(""),
                        used["source_title"].fillna(""), strict=False):
            name = (str(p) or str(t)).split(";")[0].split("(")[0].strip()
            if name and name not in pubs:
                pubs.append(name)
    text = "；".join(pubs[:3]) + ("等" if len(pubs) > 3 else "")
    model = f"jxdigital {r.model}" if r.model else ""
    if lang == "zh":
        fan = f"预测：{model}，扇形为50/80/95%区间。" if model else ""
        s = f"数据来源：{text or '无'}。" + fan
        return s + f"{T.chart_dates_words(a, r.latest_year, lang)}。"
    s = f"Sources: {text or 'none'}. " + (f"Projection: {model}; fan = 50/80/95% intervals. "
                                         if model else "")
    return s + f"{T.chart_dates_words(a, r.latest_year, lang)}. "


def plot_indicator(assessment, indicator_id: str | None = None, *, lang: str | None = None,
                   style: str = "notebook", title: bool = True, ax=None):
    """One target: actuals (hollow = other definition, ▲ = lower bound), the projection fan
    (50/80/95 %), the target (a band for 左右 and ranges; the national projection for
    超全国平均水平), the plan's path, a status badge and the source line.

    ``plot_indicator(a, "base_stations_5g")`` or ``plot_indicator("base_stations_5g")`` (the
    shipped plan and data). Returns the matplotlib Figure; save it with ``charts.save``.
    """
    import matplotlib
    import matplotlib.pyplot as plt

    a, r = resolve(assessment, indicator_id)
    lang = S.check_lang(lang or a.lang)
    st = S.get_style(style)
    with matplotlib.rc_context(S.rc(st)):
        own = ax is None
        if own:
            fig, ax = plt.subplots(figsize=st.size)
        else:
            fig = ax.figure
        used = a.series.get(r.indicator_id)
        if r.comparator == "faster_than" and used is not None and len(used) \
                and "unit" in used:  # the chart shows the level series behind the rates
            r = r.model_copy(update={"unit": str(used["unit"].iloc[-1])})
        draw_indicator(ax, a, r, st, lang)
        draw_badge(ax, r, lang, st.label)
        if title:
            ax.set_title(title_of(r, lang), loc="left", fontsize=st.title, pad=st.title * 0.6)
        ax.set_ylabel(unit_label(r, lang))
        footer = add_footer(fig, source_line(a, r, lang), st, lang)
        if own:
            _place_axes(fig, ax, st, footer, title)
        S.fix_fonts(fig)
    return fig


def _place_axes(fig, ax, st: S.Style, footer_frac: float, title: bool) -> None:
    """Margins from the type sizes and the longest y tick label.

    Every chart of this kind has the same parts (y ticks and unit left, years below, the
    footer under them, an optional title above), so the margins can be computed directly;
    matplotlib's constrained layout gives the same result at about a quarter more drawing
    time, which counts when the main job draws two dozen charts.
    """
    w, h = (float(v) for v in fig.get_size_inches())
    lo, hi = ax.get_ylim()
    ticks = [t for t in ax.get_yticks() if lo <= t <= hi]
    labels = ax.yaxis.get_major_formatter().format_ticks(ticks) if ticks else [""]
    tick_w = max(S.text_em(lab, latin=0.6) for lab in labels)
    left_pt = tick_w * st.tick + 3.5 + 3.5 + (st.label * 1.3 if ax.get_ylabel() else 0) + 6
    bottom_pt = st.tick * 1.25 + 3.5 + 3.5 + 6
    top_pt = st.title * 1.9 + 4 if title else st.label * 0.6
    fig.subplots_adjust(left=left_pt / 72 / w, right=1 - 0.08 / w,
                        bottom=footer_frac + bottom_pt / 72 / h, top=1 - top_pt / 72 / h)


def add_footer(fig, text: str, st: S.Style, lang: str) -> float:
    """A source line under the axes, with room kept for it by the layout engine; returns
    the fraction of the figure's height it takes."""
    width_in = fig.get_size_inches()[0]
    lines = S.wrap(text, width_in * 72 / st.small * 0.97)
    height = fig.get_size_inches()[1] * 72
    frac = (len(lines) * st.small * 1.35 + 4) / height
    fig.text(0.005, 0.004, "\n".join(lines), ha="left", va="bottom", fontsize=st.small,
             color="#555555")
    engine = fig.get_layout_engine()
    if engine is not None and hasattr(engine, "set"):
        with contextlib.suppress(TypeError):  # a layout engine without rect
            engine.set(rect=(0, frac, 1, 1 - frac))
    return frac
