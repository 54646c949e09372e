"""One target on one chart: actuals, projection fan, target, plan path and status."""

from __future__ import annotations

import contextlib
import math
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from .. import codes, growth
from ..assessment import Assessment, TargetStatus, in_unit
from ..errors import NotFoundError
from ..observations import conflicts
from ..present import _chart_words as W
from ..present import _text as T
from ..present import assess
from . import _style as S

LEVELS = (95, 80, 50)  # the fan's intervals (%), drawn widest first
FAN_ALPHA = {95: 0.12, 80: 0.22, 50: 0.36}  # their opacity: the likelier, the darker

# --- Layout --------------------------------------------------------------------------------
# Sizes of marks are multiples of the style's marker size and line width (Style.marker,
# Style.line, in points), so that every preset keeps the same proportions. Offsets of the
# direct labels are in points from the point they label (matplotlib "offset points").
PT_PER_IN = 72

COMPACT_MARKER = 0.7  # × marker: small multiples (dashboard panels) draw smaller marks...
COMPACT_LINE = 0.8  # × line: ...and thinner lines, or the panels would be all ink
OTHER_SOURCE_MARKER = 0.55  # × marker: the grey dots of figures not used, secondary
HOLLOW_EDGE = 1.2  # points: edge of the hollow dots of figures of another definition
CONFLICT_LINE = 0.6  # × line: the dotted line joining sources that disagree on a year
NATIONAL_MARKER = 0.8  # × marker: the national series, a step behind the plan's own
NATIONAL_LINE = 0.8  # × line: the same for its line and projection
PLAN_PATH_LINE = 0.7  # × line: the plan's path, a guide rather than data
BAND_LINE = 3  # × line: the bar at the target year spanning a 左右 band or a range
BAND_ALPHA = 0.6  # its opacity, so the target diamond on it stays visible
TARGET_MARKER = 1.1  # × marker: the target diamond, a little larger than the dots...
PART_YEAR_MARKER = 0.8  # × marker size: the open diamond of a part-year figure, a little
#                         smaller than a year-end point so the year-end reads first
DATE_LABEL_GAP = 0.45  # years: part-year dates closer than this alternate below / above
BOUND_MARKER = 1.1  # × marker: ...as the lower-bound triangle: less ink than a circle

LABEL_GAP = 8  # points: direct labels start this far right of their point
LABEL_RISE = 4  # points: projection and target labels sit this far above or below their
#                 point, each on the side away from the other, so they never overlap
ACTUAL_LABEL_BACK = 6  # points: the last actual's label ends this far left of it (it starts
#                        LABEL_GAP right of it when it is the only one, at the left edge)
ACTUAL_LABEL_RISE = 8  # points: ...and sits this far above it, clear of the line
NOTE_DROP = 6  # points: "sources differ" this far below the lowest of the figures
PATH_LABEL_DROP = 12  # points: "plan path" this far below the path's middle year

GAP_HALF = 0.5  # years: unpublished years are shaded over their whole slot on the x axis
GAP_ALPHA = 0.045  # opacity of that black shade: a faint grey behind everything
GAP_LABEL_Y = 0.985  # axes fraction: its words at the top of the axes, just under the edge

BADGE_AT = (0.01, 0.97)  # axes fraction: the status badge's top left corner
BADGE_PAD = 0.3  # × font size: padding inside the badge's rounded box

LABEL_LATIN_EM = 0.52  # em: a Latin character's width in the labels (a CJK one is 1 em)
LABEL_MARGIN_IN = 0.3  # inches kept right of the widest label at the target year
#: Marks the small notes (part-year dates, 口径不同, 来源不一) that give way where they would
#: cover another text.
NOTE_GID = "jxdigital-note"
BADGE_GID = "jxdigital-badge"  # the status badge
#: Marks the last actual's label, which turns to the right of its point where it would
#: run over the y axis.
ACTUAL_GID = "jxdigital-actual"
YEAR_EPS = 0.01  # years: labels anchored at (or after) the target year, within rounding

X_PAD = 0.4  # years: space left of the first year and, at least, right of the last
SUBPLOT_WIDTH = 0.775  # figure fraction: a new subplot's width (matplotlib's left 0.125,
#                        right 0.9). The limits are set before _place_axes sets the final
#                        margins, so the axes' width is estimated as the figure's width ×
#                        (axes width / SUBPLOT_WIDTH) less AXES_MARGIN_IN: a fresh subplot
#                        counts as the whole figure less the margins to come
AXES_MARGIN_IN = 1.1  # inches: the margins _place_axes will take (y ticks, unit, right edge)
MIN_AXES_IN = 1.0  # inches: the smallest axes width assumed (tiny panels)
MIN_PLOT_IN = 0.5  # inches: the least width left for the years, however wide the labels
MAX_XTICKS = 8  # year ticks at most (every 2nd, 3rd... year beyond that)
Y_PAD = 0.12  # of the values' range: space below the lowest and above the highest
Y_PAD_FLAT = 0.1  # of the value: the same when all values are equal
BADGE_ROOM = 1.6  # × the y padding above the highest value: room for the status badge
GRID_LINE = 0.8  # points: the horizontal grid lines

#: Drawing order (matplotlib zorder): shade and fan behind, the actuals on top, the badge
#: above everything.
Z = {"unpublished": 0, "fan": 1, "unpublished_note": 1, "plan_path": 2, "conflict": 2,
     "other_sources": 3, "projection": 4, "national": 4, "band": 5, "target": 6,
     "actual_line": 7, "actual": 8, "badge": 10}


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
        raise NotFoundError(f"argument 'indicator_id': {indicator_id!r} is not a target of plan "
                       f"{assessment.plan.plan_id!r}; its targets are: {ids}") from None


def _finite(x) -> bool:
    return x is not None and isinstance(x, (int, float)) and math.isfinite(x)


def draw_badge(ax, r: TargetStatus, lang: str, size: float, loc=BADGE_AT) -> None:
    colour = S.STATUS_COLOURS.get(r.status_cn, "#BBBBBB")
    ax.text(*loc, W.badge_text(r, lang), transform=ax.transAxes, ha="left", va="top",
            fontsize=size, color=S.STATUS_INK.get(r.status_cn, "#000000"),
            bbox=dict(boxstyle=f"round,pad={BADGE_PAD}", fc=colour, ec="none"),
            zorder=Z["badge"], gid=BADGE_GID)


def _observations(a: Assessment, r: TargetStatus) -> pd.DataFrame:
    """Every year-end figure of the target's indicator, in the plan row's unit."""
    d = a.actuals
    obs = d[(d["indicator_id"] == r.indicator_id) & (d["region"] == r.region)
            & d["measure"].isin(["level", "share_pct"]) & (d["as_of"].astype(str) == "")]
    return in_unit(obs, r.unit) if r.comparator != codes.FASTER_THAN else obs


def _part_year(a: Assessment, r: TargetStatus) -> pd.DataFrame:
    """The part-year levels of the target's own series known to the assessment (a count at
    the end of September), with ``x``: where on the year axis they stand (a year-end is at
    its year, so September 2022 is three quarters of the way from 2021 to 2022)."""
    d = a.actuals
    obs = d[(d["indicator_id"] == r.indicator_id) & (d["region"] == r.region)
            & d["measure"].isin(["level", "share_pct"]) & (d["as_of"].astype(str) != "")]
    if r.comparator == codes.FASTER_THAN or not len(obs):
        return obs.iloc[0:0].assign(x=[])
    obs = in_unit(obs, r.unit)
    month = obs["as_of"].astype(str).str.slice(5, 7).replace("", "12").astype(int)
    return obs.assign(x=obs["year"].astype(int) - 1 + month / 12)


def _conflict_years(obs: pd.DataFrame) -> set[int]:
    if obs.empty:
        return set()
    c = conflicts(obs)
    return {int(y) for y in c["year"]} if len(c) else set()


@dataclass(frozen=True)
class _Pen:
    """The sizes one chart draws with, in points."""

    marker: float
    line: float
    label: float  # direct labels
    note: float  # notes: sources differ, years not published, plan path


def _pen(st: S.Style, compact: bool) -> _Pen:
    if compact:
        return _Pen(st.marker * COMPACT_MARKER, st.line * COMPACT_LINE, st.small, st.small)
    return _Pen(st.marker, st.line, st.label, st.small)


@dataclass
class _Shown:
    """The years and values drawn so far, for the axes' limits."""

    years: list[float] = field(default_factory=list)
    values: list[float] = field(default_factory=list)


def draw_indicator(ax, a: Assessment, r: TargetStatus, st: S.Style, lang: str,
                   labels: bool = True, compact: bool = False) -> None:
    """Everything about one target on ``ax``; ``compact`` for small multiples (no other
    sources, no unpublished years, no notes). The parts are drawn in this order, each
    above the ones before it where their ``Z`` is equal."""
    pen = _pen(st, compact)
    used = a.series.get(r.indicator_id, pd.DataFrame(columns=["year", "value", "qualifier"]))
    shown = _Shown()
    if not compact:
        _draw_other_sources(ax, _observations(a, r), pen, lang, shown, labels)
        _draw_part_year(ax, _part_year(a, r), pen, lang, shown)
        _draw_unpublished(ax, _unpublished(a, r, used), pen, lang, shown)
    proj = _draw_fan(ax, a, r, used, pen, lang, shown, labels)
    _draw_national(ax, a, r, pen, lang, shown, labels)
    _draw_plan_path(ax, r, pen, lang, shown, labels and not compact)
    _draw_target(ax, r, proj, pen, lang, shown, labels)
    _draw_actuals(ax, r, used, pen, lang, shown, labels)
    _draw_axes(ax, r, pen, shown, labels)


def _draw_part_year(ax, part: pd.DataFrame, pen: _Pen, lang: str, shown: _Shown) -> None:
    """Part-year figures: an open diamond where in the year they were counted; the last of
    each year dated (below it, or above where the previous date would collide)."""
    if not len(part):
        return
    ax.plot(part["x"], part["value"], ls="none", marker="D", ms=pen.marker * PART_YEAR_MARKER,
            mfc="none", mec=S.NOTE, mew=HOLLOW_EDGE, zorder=Z["other_sources"])
    last = part.sort_values("x").groupby("year").tail(1)
    previous, below = -math.inf, True
    for x, v, when in zip(last["x"], last["value"], last["as_of"], strict=True):
        below = not below if x - previous < DATE_LABEL_GAP else True
        previous = x
        ax.annotate(W.chart_words("part_year_date", lang, date=str(when)[:7]), (x, v),
                    gid=NOTE_GID,
                    xytext=(0, -NOTE_DROP if below else NOTE_DROP), textcoords="offset points",
                    ha="center", va="top" if below else "bottom", fontsize=pen.note,
                    color=S.NOTE)
    shown.values += list(part["value"])


def _draw_other_sources(ax, obs: pd.DataFrame, pen: _Pen, lang: str, shown: _Shown,
                        labels: bool = True) -> None:
    """Other sources' figures: hollow = not comparable with the plan's definition; small
    grey dots = comparable figures the selection rule did not use; a dotted line where
    sources disagree on a year."""
    if not len(obs):
        return
    other = obs[~obs["selected"].astype(bool)]
    nc = obs[~obs["comparable"].astype(bool)]
    if len(other):
        ax.plot(other["year"], other["value"], ls="none", marker="o",
                ms=pen.marker * OTHER_SOURCE_MARKER, color=S.OTHER_SOURCE,
                zorder=Z["other_sources"])
    if len(nc):
        ax.plot(nc["year"], nc["value"], ls="none", marker="o", ms=pen.marker, mfc="none",
                mec=S.ACTUAL, mew=HOLLOW_EDGE, zorder=Z["other_sources"])
        shown.values += list(nc["value"])
        if labels:  # a figure of another definition must not read as the plan's own
            last = nc.sort_values("year").iloc[-1]
            ax.annotate(W.chart_words("other_definition", lang),
                        (float(last["year"]), float(last["value"])), xytext=(LABEL_GAP, 0),
                        textcoords="offset points", va="center", ha="left",
                        fontsize=pen.note, color=S.NOTE, gid=NOTE_GID)
    for y in sorted(_conflict_years(obs)):
        v = obs[obs["year"] == y]["value"]
        ax.vlines(y, v.min(), v.max(), color=S.TARGET, lw=pen.line * CONFLICT_LINE, ls=":",
                  zorder=Z["conflict"])
        ax.annotate(W.chart_words("sources_differ", lang), (y, v.min()), gid=NOTE_GID,
                    xytext=(0, -NOTE_DROP), textcoords="offset points", ha="center",
                    va="top", fontsize=pen.note, color=S.TARGET)


def _draw_unpublished(ax, gap: tuple[int, int] | None, pen: _Pen, lang: str,
                      shown: _Shown) -> None:
    """Years already over whose figures are not known: shaded and named, not "the
    future"."""
    if gap is None:
        return
    first, last = gap
    ax.axvspan(first - GAP_HALF, last + GAP_HALF, color="#000000", alpha=GAP_ALPHA, lw=0,
               zorder=Z["unpublished"])
    ax.text((first + last) / 2, GAP_LABEL_Y, W.unpublished_words(first, last, lang),
            transform=ax.get_xaxis_transform(), ha="center", va="top", fontsize=pen.note,
            color=S.NOTE, zorder=Z["unpublished_note"])
    shown.years += list(gap)


def _draw_fan(ax, a: Assessment, r: TargetStatus, used: pd.DataFrame, pen: _Pen, lang: str,
              shown: _Shown, labels: bool):
    """The projection fan, from the last figure it rests on to the target year, and its
    label; returns the projection (None when there is none)."""
    proj = a.projections.get(r.indicator_id)
    if proj is None or not len(used):
        return proj
    f = proj.to_frame()
    start = used[used["year"] < r.target_year]
    if "last_year" in f and len(f):
        start = used[used["year"] <= int(f["last_year"].iloc[0])]
    x0, y0 = float(start["year"].iloc[-1]), float(start["value"].iloc[-1])
    xs = np.r_[x0, f["year"].to_numpy(float)]
    for lv in LEVELS:
        lo = np.r_[y0, f[f"lo_{lv}"].to_numpy(float)]
        hi = np.r_[y0, f[f"hi_{lv}"].to_numpy(float)]
        ax.fill_between(xs, lo, hi, color=S.PROJECTION, alpha=FAN_ALPHA[lv], lw=0,
                        zorder=Z["fan"])
    pt = np.r_[y0, f["point"].to_numpy(float)]
    ax.plot(xs, pt, color=S.PROJECTION, lw=pen.line, ls="--", zorder=Z["projection"])
    shown.years += list(xs)
    shown.values += list(pt) + list(f["lo_80"]) + list(f["hi_80"])
    if labels:
        end = f.iloc[-1]
        txt = W.projection_label(int(end["year"]), end["point"], end["lo_80"], end["hi_80"],
                               r.unit, lang)
        # The projection and target labels grow away from each other, never overlap.
        up = _finite(r.target_value) and r.target_value > end["point"]
        ax.annotate(txt, (end["year"], end["point"]),
                    xytext=(LABEL_GAP, -LABEL_RISE if up else LABEL_RISE),
                    textcoords="offset points", va="top" if up else "bottom", ha="left",
                    fontsize=pen.label, color=S.PROJECTION)
    return proj


def _draw_national(ax, a: Assessment, r: TargetStatus, pen: _Pen, lang: str, shown: _Shown,
                   labels: bool) -> None:
    """The national series and projection, for targets above the national average."""
    if r.comparator != codes.ABOVE_NATIONAL_AVERAGE:  # a growth comparison's other series
        return  # is another indicator, in another unit: its growth is in the reason
    ref_used = a.compared_series.get(r.indicator_id)
    if ref_used is None or not len(ref_used):
        return
    ref = a.reference_projections.get(r.indicator_id)
    ax.plot(ref_used["year"], ref_used["value"], color=S.NATIONAL, marker="s",
            ms=pen.marker * NATIONAL_MARKER, lw=pen.line * NATIONAL_LINE,
            zorder=Z["national"])
    shown.years += list(ref_used["year"])
    shown.values += list(ref_used["value"])
    last_x, last_y = float(ref_used["year"].iloc[-1]), float(ref_used["value"].iloc[-1])
    if ref is not None:
        rf = ref.to_frame()
        xs = np.r_[last_x, rf["year"].to_numpy(float)]
        ax.plot(xs, np.r_[last_y, rf["point"]], color=S.NATIONAL, ls="--",
                lw=pen.line * NATIONAL_LINE, zorder=Z["national"])
        shown.values += list(rf["point"])
        last_x, last_y = xs[-1], float(rf["point"].iloc[-1])
    if labels:  # the national line is what the target must beat: say so on it
        ax.annotate(W.chart_words("national_target", lang), (last_x, last_y),
                    xytext=(LABEL_GAP, 0), textcoords="offset points", va="center",
                    fontsize=pen.label, color=S.NATIONAL)
    else:  # a small panel: the label right of the line's end, inside the panel
        ax.annotate(W.chart_words("national", lang), (last_x, last_y), xytext=(3, 0),
                    textcoords="offset points", ha="left", va="center",
                    fontsize=pen.note * 0.75, color=S.NATIONAL)


def _draw_plan_path(ax, r: TargetStatus, pen: _Pen, lang: str, shown: _Shown,
                    label: bool) -> None:
    """The plan's own path from base to target (linear for shares, compound otherwise)."""
    if not (_finite(r.base_value) and _finite(r.target_value) and r.base_year is not None
            and r.comparator not in (codes.ABOVE_NATIONAL_AVERAGE, codes.FASTER_THAN)
            and r.target_value > 0 and r.base_value > 0):
        return
    kind = "linear" if r.is_share else "compound"
    path = growth.pro_rata_path(r.base_value, r.target_value, r.base_year, r.target_year,
                                kind=kind)
    xs = np.arange(r.base_year, r.target_year + 1)
    ax.plot(xs, path, color=S.PLAN_PATH, lw=pen.line * PLAN_PATH_LINE, ls=":",
            zorder=Z["plan_path"])
    if label:
        mid = len(xs) // 2
        ax.annotate(W.chart_words("plan_path", lang), (xs[mid], path[mid]),
                    xytext=(0, -PATH_LABEL_DROP), textcoords="offset points", ha="center",
                    fontsize=pen.note, color=S.PLAN_PATH, gid=NOTE_GID, zorder=Z["badge"],
                    bbox={"boxstyle": "square,pad=0.1", "fc": "white", "ec": "none",
                          "alpha": 0.8})  # readable over the fan and the lines
    shown.years += list(xs)
    shown.values += list(path)


def _draw_target(ax, r: TargetStatus, proj, pen: _Pen, lang: str, shown: _Shown,
                 labels: bool) -> None:
    """The target: a marker, or a band for 左右 and ranges (their printed band), and its
    label on the side away from the projection's."""
    low, high = r.band_low, r.band_high
    if r.comparator in ("around", "between") and _finite(low) and _finite(high):
        ax.vlines(r.target_year, low, high, color=S.TARGET, lw=pen.line * BAND_LINE,
                  alpha=BAND_ALPHA, zorder=Z["band"])
        shown.values += [low, high]
    if not _finite(r.target_value) or r.comparator in (codes.ABOVE_NATIONAL_AVERAGE,
                                                       codes.FASTER_THAN):
        return
    ax.plot([r.target_year], [r.target_value], marker="D", ms=pen.marker * TARGET_MARKER,
            color=S.TARGET, ls="none", zorder=Z["target"])
    shown.values.append(r.target_value)
    shown.years.append(r.target_year)
    if labels:
        below = proj is not None and r.target_value <= proj.point(r.target_year)
        ax.annotate(W.target_label(r, lang), (r.target_year, r.target_value),
                    xytext=(LABEL_GAP, -LABEL_RISE if below else LABEL_RISE),
                    textcoords="offset points", va="top" if below else "bottom",
                    ha="left", fontsize=pen.label, color=S.TARGET)


def _draw_actuals(ax, r: TargetStatus, used: pd.DataFrame, pen: _Pen, lang: str,
                  shown: _Shown, labels: bool) -> None:
    """The actuals used (filled; a triangle marks a lower bound such as "6万多"; open
    squares on a dashed line, figures linked from another definition's growth) and the
    last one's label."""
    if not len(used):
        return
    linked = used["kind"].eq("linked") if "kind" in used else pd.Series(False, used.index)
    own = used[~linked]
    ax.plot(own["year"], own["value"], color=S.ACTUAL, lw=pen.line, zorder=Z["actual_line"])
    if linked.any():  # another definition's growth on the plan's scale: dashed, open squares
        joined = pd.concat([own.tail(1), used[linked]])
        ax.plot(joined["year"], joined["value"], color=S.ACTUAL, lw=pen.line, ls="--",
                zorder=Z["actual_line"])
        ax.plot(used["year"][linked], used["value"][linked], ls="none", marker="s",
                ms=pen.marker, mfc="white", color=S.ACTUAL, zorder=Z["actual"])
    bound = used["qualifier"].isin([codes.LOWER_BOUND])
    plain = ~bound & ~linked
    ax.plot(used["year"][plain], used["value"][plain], ls="none", marker="o",
            ms=pen.marker, color=S.ACTUAL, zorder=Z["actual"])
    if bound.any():
        ax.plot(used["year"][bound], used["value"][bound], ls="none", marker="^",
                ms=pen.marker * BOUND_MARKER, color=S.ACTUAL, zorder=Z["actual"])
    shown.years += list(used["year"])
    shown.values += list(used["value"])
    if labels:
        last = used.iloc[-1]
        alone = len(used) == 1  # at the left edge: label to the right
        ax.annotate(W.actual_label(int(last["year"]), last["value"], r.unit, last["qualifier"],
                                 lang),
                    (last["year"], last["value"]),
                    xytext=(LABEL_GAP if alone else -ACTUAL_LABEL_BACK, ACTUAL_LABEL_RISE),
                    textcoords="offset points", ha="left" if alone else "right",
                    va="bottom", fontsize=pen.label, color=S.ACTUAL, gid=ACTUAL_GID)


def _draw_axes(ax, r: TargetStatus, pen: _Pen, shown: _Shown, labels: bool) -> None:
    """Limits, ticks and grid, with room right of the target year for the direct labels
    placed there (their width in em, from the longest line)."""
    em = max((S.text_em(line, latin=LABEL_LATIN_EM)
              for t in ax.texts if getattr(t, "xy", (0,))[0] >= r.target_year - YEAR_EPS
              for line in t.get_text().split("\n")), default=0.0) if labels else 0.0
    _limits(ax, r, shown.years, shown.values,
            label_in=em * pen.label / PT_PER_IN + LABEL_MARGIN_IN)


def _unpublished(a: Assessment, r: TargetStatus, used: pd.DataFrame) -> tuple[int, int] | None:
    """(first, last) year, up to the target year, that had ended by the review date but has
    no figure after the last one known; None when there is no such year."""
    if r.final or not len(used):
        return None
    last_known = int(used["year"].max())
    ended = [y for y in range(last_known + 1, r.target_year + 1) if a.timing.year_over(y)]
    return (ended[0], ended[-1]) if ended else None


def _limits(ax, r: TargetStatus, years, values, label_in: float = 0.0) -> None:
    ys = [float(y) for y in years if _finite(float(y))] or [r.target_year - 5, r.target_year]
    start = r.base_year if r.base_year is not None else r.target_year - 1
    x0, x1 = min(min(ys), start), max(max(ys), r.target_year)
    # Room right of the target year for the direct labels: their width in inches over the
    # axes' inches per year (see SUBPLOT_WIDTH for the axes' width).
    axes_in = max(ax.figure.get_size_inches()[0] * ax.get_position().width / SUBPLOT_WIDTH
                  - AXES_MARGIN_IN, MIN_AXES_IN)
    span = x1 - x0 + X_PAD
    pad = X_PAD if label_in <= 0 else \
        label_in * span / max(axes_in - label_in, MIN_PLOT_IN)
    ax.set_xlim(x0 - X_PAD, x1 + max(pad, X_PAD))
    # Ticks only up to the target year; the space beyond is for the direct labels.
    first, last = math.ceil(x0), int(r.target_year)
    step = max(1, math.ceil((last - first + 1) / MAX_XTICKS))
    ax.set_xticks(list(range(last, first - 1, -step))[::-1])
    vals = [float(v) for v in values if _finite(float(v))]
    if vals:
        lo, hi = min(vals), max(vals)
        pad = (hi - lo) * Y_PAD or abs(hi) * Y_PAD_FLAT or 1.0
        bottom = max(lo - pad, 0.0) if lo >= 0 else lo - pad
        top = hi + pad * BADGE_ROOM
        if r.is_share:  # not above 100 %, except the room a mark at 100 % needs
            bottom = max(bottom, 0.0)
            top = max(min(top, 100.0), hi + pad * 0.4) if top > 100 else top
        ax.set_ylim(bottom, top)
        if r.is_share and top > 100:  # the room above 100 % carries no tick
            ax.set_yticks([t for t in ax.get_yticks() if bottom <= t <= 100])
    ax.grid(axis="y", color=S.GRID, lw=GRID_LINE)
    ax.set_axisbelow(True)


def _marks(a: Assessment, r: TargetStatus) -> list[str]:
    """The marker shapes actually on the chart, for the footer to explain (there is no
    legend): codes of ``present._chart_words.MARKS``."""
    used = a.series.get(r.indicator_id)
    obs = _observations(a, r)
    marks = []
    if used is not None and len(used) and (used["qualifier"] == codes.LOWER_BOUND).any():
        marks.append(codes.LOWER_BOUND)
    if used is not None and "kind" in used and (used["kind"] == "linked").any():
        marks.append("linked")
    if len(obs) and (~obs["comparable"].astype(bool)).any():
        marks.append("other_definition")
    if len(obs) and (~obs["selected"].astype(bool)).any():
        marks.append("other_sources")
    if len(_part_year(a, r)):
        marks.append("part_year")
    return marks


def _publishers(a: Assessment, r: TargetStatus) -> list[str]:
    """Who published the figures used, in order of first use."""
    used = a.series.get(r.indicator_id)
    pubs: list[str] = []
    if used is not None and len(used):
        for p, t in zip(used.get("publisher", pd.Series(dtype=str)).fillna(""),
                        used["source_title"].fillna(""), strict=False):
            name = (str(p) or str(t)).split(";")[0].split("(")[0].strip()
            if name and name not in pubs:
                pubs.append(name)
    return pubs


def source_line(a: Assessment, r: TargetStatus, lang: str) -> str:
    used = a.series.get(r.indicator_id)
    bound = None
    if used is not None and len(used):
        b = used[used["qualifier"] == codes.LOWER_BOUND]
        if len(b):  # the ▲ explained with the chart's own bound
            bound = (int(b["year"].iloc[-1]), float(b["value"].iloc[-1]))
    return W.indicator_footer(a, r, _publishers(a, r), _marks(a, r), lang, bound)


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
        if r.comparator == codes.FASTER_THAN and used is not None and len(used) \
                and "unit" in used:  # the chart shows the level series behind the rates
            r = r.model_copy(update={"unit": str(used["unit"].iloc[-1])})
        draw_indicator(ax, a, r, st, lang)
        draw_badge(ax, r, lang, st.label)
        if title:
            # the full name where it fits one line, else the short one (never cut)
            name = W.name_of(r, lang)
            if S.text_em(name) * st.title / 72 > st.size[0] * 0.9:
                name = W.short_name(r, lang)
            ax.set_title(name, loc="left", fontsize=st.title, pad=st.title * 0.6)
        axis = T.axis_en(r.unit) if lang == "en" else None
        if axis is not None:  # one scale on the chart: the ticks as the labels read them
            from matplotlib.ticker import FuncFormatter

            ax.yaxis.set_major_formatter(FuncFormatter(
                lambda v, _pos, f=axis[1]: T.axis_tick_en(v, f)))
            ax.set_ylabel(axis[0])
        else:
            ax.set_ylabel(W.unit_label(r, lang))
        footer = add_footer(fig, source_line(a, r, lang), st, lang)
        if own:
            _place_axes(fig, ax, st, footer, title)
        S.fix_fonts(fig)
        _declutter(fig, ax)
    return fig


def _declutter(fig, ax) -> None:
    """Hide a small note (``NOTE_GID``) that would cover another text of the chart or an
    earlier note: the labels and the source line always win."""
    r = fig.canvas.get_renderer()
    inside = ax.get_window_extent(r)
    for t in ax.texts:  # the last actual's label never runs over the y axis
        if t.get_gid() == ACTUAL_GID and t.get_window_extent(r).x0 < inside.x0:
            t.set_horizontalalignment("left")
            t.xyann = (LABEL_GAP, t.xyann[1])
    texts = [t for t in [*fig.texts, ax.title, ax._left_title, *ax.texts] if t.get_text()]
    kept = [t.get_window_extent(r) for t in texts if t.get_gid() != NOTE_GID]
    for locs, labels, lim in ((ax.get_xticks(), ax.get_xticklabels(), ax.get_xlim()),
                              (ax.get_yticks(), ax.get_yticklabels(), ax.get_ylim())):
        lo, hi = min(lim), max(lim)
        kept += [lb.get_window_extent(r) for loc, lb in zip(locs, labels, strict=False)
                 if lo <= loc <= hi and lb.get_text()]
    for t in texts:
        if t.get_gid() != NOTE_GID:
            continue
        box = t.get_window_extent(r)
        if any(box.overlaps(k) for k in kept):
            t.set_visible(False)
        else:
            kept.append(box)


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


def footer_lines(text: str, width_in: float, st: S.Style) -> list[str]:
    """The source line wrapped to a figure ``width_in`` inches wide."""
    return S.wrap(text, width_in * 72 / st.small * 0.92)


def footer_height(lines: int, st: S.Style) -> float:
    """The height in points of a footer of ``lines`` lines."""
    return lines * st.small * 1.35 + 4


def add_footer(fig, text: str, st: S.Style, lang: str) -> float:
    """A source line under the axes, with room kept for it by the layout engine; returns
    the fraction of the figure's height it takes."""
    lines = footer_lines(text, fig.get_size_inches()[0], st)
    frac = footer_height(len(lines), st) / (fig.get_size_inches()[1] * 72)
    fig.text(0.005, 0.004, "\n".join(lines), ha="left", va="bottom", fontsize=st.small,
             color="#555555")
    engine = fig.get_layout_engine()
    if engine is not None and hasattr(engine, "set"):
        with contextlib.suppress(TypeError):  # a layout engine without rect
            engine.set(rect=(0, frac, 1, 1 - frac))
    return frac
