"""One target on one chart: the figures used, the projection fan, the target, the plan's
path and the status, drawn from the view's chart specification
(``present.view.IndicatorChart``: every number in the row's display unit, every
word decided there).

Two kinds: the **slide** chart draws what the finding needs (the figures the verdict
used, the 80 % band, the target, the plan's path, the years not yet published); the
**detailed** chart of the report adds every other figure known (other sources, another
definition, part-year counts, each marked so it cannot be read as a level of the series)
and the 50 and 95 % bands. Labels are placed where they cover no other text, line or
marker (``_place``).
"""

from __future__ import annotations

import contextlib
import math
from dataclasses import dataclass, field

from .._fonts import font_rc
from ..api import assess
from ..assessment import Assessment, TargetStatus
from ..errors import NotFoundError
from ..present import words_for
from ..present.view import IndicatorChart, view
from . import _style as S
from ._place import Label, around, place

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
PART_YEAR_MARKER = 0.8  # × marker size: the open diamond of a part-year figure
BOUND_MARKER = 1.1  # × marker: the lower-bound triangle

LABEL_GAP = 8  # points: direct labels start this far from their point
LABEL_RISE = 4  # points: ... and this far above or below it
NOTE_DROP = 6  # points: notes this far below the figure they name

GAP_HALF = 0.5  # years: unpublished years are shaded over their whole slot on the x axis
GAP_ALPHA = 0.045  # opacity of that black shade: a faint grey behind everything
GAP_LABEL_Y = 0.985  # axes fraction: its words at the top of the axes, just under the edge

BADGE_AT = (0.01, 0.97)  # axes fraction: the status badge's top left corner
BADGE_PAD = 0.3  # × font size: padding inside the badge's rounded box

LABEL_LATIN_EM = 0.52  # em: a Latin character's width in the labels (a CJK one is 1 em)
LABEL_MARGIN_IN = 0.3  # inches kept right of the widest label at the target year
#: Marks the notes that give way where they would cover something.
NOTE_GID = "jxdigital-note"
DETAIL_GID = "jxdigital-detail"  # the notes of figures only the detailed chart shows
BADGE_GID = "jxdigital-badge"  # the status badge
ACTUAL_GID = "jxdigital-actual"  # the last figure's label
LABEL_GID = "jxdigital-label"  # the target's and the projection's labels
YEAR_EPS = 0.01

X_PAD = 0.4  # years: space left of the first year and, at least, right of the last
SUBPLOT_WIDTH = 0.775  # figure fraction: a new subplot's width (see _limits)
AXES_MARGIN_IN = 1.1  # inches: the margins _place_axes will take (y ticks, unit, right edge)
MIN_AXES_IN = 1.0  # inches: the smallest axes width assumed (tiny panels)
MIN_PLOT_IN = 0.5  # inches: the least width left for the years, however wide the labels
MAX_XTICKS = 8  # year ticks at most (every 2nd, 3rd... year beyond that)
Y_PAD = 0.12  # of the values' range: space below the lowest and above the highest
Y_PAD_FLAT = 0.1  # of the value: the same when all values are equal
BADGE_ROOM = 1.6  # × the y padding above the highest value: room for the status badge
GRID_LINE = 0.8  # points: the horizontal grid lines

#: Drawing order (matplotlib zorder): shade and fan behind, the actuals on top, labels and
#: the badge above everything.
Z = {"unpublished": 0, "fan": 1, "unpublished_note": 1, "plan_path": 2, "conflict": 2,
     "other_sources": 3, "projection": 4, "national": 4, "band": 5, "target": 6,
     "actual_line": 7, "actual": 8, "label": 9, "badge": 10}


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
    except KeyError as e:
        raise NotFoundError(f"argument 'indicator_id': {e.args[0]}") from None


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
    """The years and values drawn, for the axes' limits, and the artists only the detailed
    chart shows (``detail``: hidden to make the slide chart from the same figure)."""

    years: list[float] = field(default_factory=list)
    values: list[float] = field(default_factory=list)
    detail: list = field(default_factory=list)

    def add(self, pts) -> None:
        for x, y in pts:
            self.years.append(x)
            self.values.append(y)


def _xy(pts):
    return [p[0] for p in pts], [p[1] for p in pts]


def draw_indicator(ax, c: IndicatorChart, st: S.Style, *, detail: bool = True,
                   labels: bool = True, compact: bool = False,
                   years: tuple[int, int] | None = None, shown: _Shown | None = None
                   ) -> list[Label]:
    """Everything about one target on ``ax``; returns the labels to place (``place``)
    once the axes are final. ``detail``: the other figures and all three bands (the
    artists only it shows are listed in ``shown.detail``); ``compact``: a dashboard panel
    (no labels, no notes); ``years``: the year range (a dashboard page's panels share
    it)."""
    pen = _pen(st, compact)
    shown = shown if shown is not None else _Shown()
    todo: list[Label] = []
    if detail and not compact:
        _draw_other(ax, c, pen, shown, todo)
    if not compact:
        _draw_unpublished(ax, c, pen, shown, todo)
    _draw_fan(ax, c, pen, shown, todo, detail and not compact, labels)
    _draw_national(ax, c, pen, shown, todo, labels, compact)
    _draw_plan_path(ax, c, pen, shown, todo, labels and not compact)
    _draw_target(ax, c, pen, shown, todo, labels)
    _draw_actuals(ax, c, pen, shown, todo, labels)
    label_em = max((S.text_em(line, latin=LABEL_LATIN_EM) for lab in todo
                    if lab.xy[0] >= c.target_year - YEAR_EPS
                    for line in lab.text.split("\n")), default=0.0) if labels else 0.0
    _limits(ax, c, shown, label_in=label_em * pen.label / PT_PER_IN + LABEL_MARGIN_IN
            if label_em else 0.0, years=years)
    return todo


def _draw_other(ax, c: IndicatorChart, pen: _Pen, shown: _Shown, todo: list[Label]) -> None:
    """Figures the verdict did not use, marked as such: grey dots (other sources), hollow
    circles (another definition), open diamonds at their date (part-year counts), a dotted
    line where sources disagree. Only the detailed chart shows them."""
    note = {"fontsize": pen.note, "color": S.NOTE, "zorder": Z["label"]}
    drawn = shown.detail
    if c.other_sources:
        drawn += ax.plot(*_xy(c.other_sources), ls="none", marker="o",
                         ms=pen.marker * OTHER_SOURCE_MARKER, color=S.OTHER_SOURCE,
                         zorder=Z["other_sources"])
    if c.other_definition:
        drawn += ax.plot(*_xy(c.other_definition), ls="none", marker="o", ms=pen.marker,
                         mfc="none", mec=S.ACTUAL, mew=HOLLOW_EDGE, zorder=Z["other_sources"])
        shown.add(c.other_definition)
        if c.other_definition_note is not None:
            n = c.other_definition_note
            todo.append(Label(n.text, (n.x, n.y), around(LABEL_GAP, 0), note, optional=True,
                              gid=DETAIL_GID))
    if c.part_year:
        drawn += ax.plot(*_xy(c.part_year), ls="none", marker="D",
                         ms=pen.marker * PART_YEAR_MARKER, mfc="none", mec=S.NOTE,
                         mew=HOLLOW_EDGE, zorder=Z["other_sources"])
        shown.add(c.part_year)
        for n in c.part_year_notes:
            todo.append(Label(n.text, (n.x, n.y),
                              [(0, -NOTE_DROP, "center", "top"), (0, NOTE_DROP, "center",
                                                                   "bottom"),
                               *around(LABEL_GAP * 0.6, 2)], note, optional=True,
                              gid=DETAIL_GID))
    for x, lo, hi in c.conflicts:
        drawn.append(ax.vlines(x, lo, hi, color=S.TARGET, lw=pen.line * CONFLICT_LINE, ls=":",
                               zorder=Z["conflict"]))
        todo.append(Label(c.conflict_note, (x, lo),
                          [(0, -NOTE_DROP, "center", "top"), *around(LABEL_GAP, 0)],
                          {**note, "color": S.TARGET}, optional=True, gid=DETAIL_GID))


def _draw_unpublished(ax, c: IndicatorChart, pen: _Pen, shown: _Shown,
                      todo: list[Label]) -> None:
    """Years already over whose figures are not known: shaded and named, not "the
    future"."""
    if c.unpublished is None:
        return
    first, last, text = c.unpublished
    ax.axvspan(first - GAP_HALF, last + GAP_HALF, color="#000000", alpha=GAP_ALPHA, lw=0,
               zorder=Z["unpublished"])
    # its words at the top of the shade, or lower where the badge or a label is there
    todo.append(Label(text, ((first + last) / 2, GAP_LABEL_Y),
                      [(0, -k * pen.note * 1.4, "center", "top") for k in range(0, 12)],
                      {"fontsize": pen.note, "color": S.NOTE, "zorder": Z["unpublished_note"]},
                      optional=True, gid=NOTE_GID, coords="xaxis"))
    shown.years += [first, last]


def _draw_fan(ax, c: IndicatorChart, pen: _Pen, shown: _Shown, todo: list[Label],
              detail: bool, labels: bool) -> None:
    """The projection fan from the last figure it rests on to the target year: every band
    in the detailed chart, the 80 % band alone on a slide."""
    f = c.fan
    if f is None:
        return
    for level, lo, hi in f.bands:
        if not detail and level != 80:
            continue
        band = ax.fill_between(f.x, lo, hi, color=S.PROJECTION, lw=0, zorder=Z["fan"],
                               alpha=FAN_ALPHA[level])
        if level != 80:
            shown.detail.append(band)
        if level == 80:
            shown.values += [*lo, *hi]
    ax.plot(f.x, f.point, color=S.PROJECTION, lw=pen.line, ls="--", zorder=Z["projection"])
    shown.years += list(f.x)
    shown.values += list(f.point)
    if labels:
        up = c.target is not None and c.target[1] > f.point[-1]
        first = [(LABEL_GAP, -LABEL_RISE, "left", "top"), (LABEL_GAP, LABEL_RISE, "left",
                                                            "bottom")]
        todo.append(Label(f.label, (f.x[-1], f.point[-1]), first if up else first[::-1],
                          {"fontsize": pen.label, "color": S.PROJECTION, "zorder": Z["label"]},
                          gid=LABEL_GID))


def _draw_national(ax, c: IndicatorChart, pen: _Pen, shown: _Shown, todo: list[Label],
                   labels: bool, compact: bool) -> None:
    """The national series and projection, for targets above the national average."""
    if not c.national:
        return
    ax.plot(*_xy(c.national), color=S.NATIONAL, marker="s", ms=pen.marker * NATIONAL_MARKER,
            lw=pen.line * NATIONAL_LINE, zorder=Z["national"])
    shown.add(c.national)
    end = c.national[-1]
    if c.national_projection:
        ax.plot(*_xy(c.national_projection), color=S.NATIONAL, ls="--",
                lw=pen.line * NATIONAL_LINE, zorder=Z["national"])
        shown.add(c.national_projection)
        end = c.national_projection[-1]
    style = {"color": S.NATIONAL, "zorder": Z["label"]}
    if labels:  # the national line is what the target must beat: say so on it
        todo.append(Label(c.national_label, end, [(LABEL_GAP, 0, "left", "center"),
                                                  *around(LABEL_GAP, LABEL_RISE * 2)],
                          {**style, "fontsize": pen.label}))
    elif compact:  # a small panel: the label by the line's end, clear of the badge
        todo.append(Label(c.national_short, end,
                          [(3, 0, "left", "center"), (0, -4, "center", "top"),
                           (-3, 0, "right", "center"), (0, 4, "center", "bottom")],
                          {**style, "fontsize": pen.note * 0.75}, optional=True))


def _draw_plan_path(ax, c: IndicatorChart, pen: _Pen, shown: _Shown, todo: list[Label],
                    label: bool) -> None:
    """The plan's own path from base to target (linear for shares, compound otherwise)."""
    if not c.plan_path:
        return
    ax.plot(*_xy(c.plan_path), color=S.PLAN_PATH, lw=pen.line * PLAN_PATH_LINE, ls=":",
            zorder=Z["plan_path"])
    shown.add(c.plan_path)
    if label:  # the path's middle first, then its other years
        n = len(c.plan_path)
        order = [n // 2, *(i for k in range(1, n) for i in (n // 2 - k, n // 2 + k))]
        spots = [c.plan_path[i] for i in order if 0 <= i < n - 1]
        if spots:
            todo.append(Label(c.plan_path_label, spots[0],
                              [(0, -LABEL_GAP * 1.5, "center", "top"),
                               (0, LABEL_GAP * 1.5, "center", "bottom")],
                              {"fontsize": pen.note, "color": S.PLAN_PATH,
                               "zorder": Z["label"]}, optional=True, gid=NOTE_GID,
                              spots=spots[1:]))


def _draw_target(ax, c: IndicatorChart, pen: _Pen, shown: _Shown, todo: list[Label],
                 labels: bool) -> None:
    """The target: a diamond, a bar for 左右 and ranges (their band), and its label on the
    side away from the projection's."""
    if c.target_band is not None:
        ax.vlines(c.target_year, *c.target_band, color=S.TARGET, lw=pen.line * BAND_LINE,
                  alpha=BAND_ALPHA, zorder=Z["band"])
        shown.values += list(c.target_band)
    if c.target is None:
        return
    ax.plot([c.target[0]], [c.target[1]], marker="D", ms=pen.marker * TARGET_MARKER,
            color=S.TARGET, ls="none", zorder=Z["target"])
    shown.add([c.target])
    if labels:
        first = [(LABEL_GAP, -LABEL_RISE, "left", "top"), (LABEL_GAP, LABEL_RISE, "left",
                                                            "bottom")]
        below = c.target_below
        # the target-year figure beside it: each label on its own side
        if c.last is not None and _beside(c):
            below = c.target[1] < c.last.y
        todo.append(Label(c.target_label, c.target,
                          [*(first if below else first[::-1]),
                           (LABEL_GAP, -LABEL_RISE * 4, "left", "top"),
                           (LABEL_GAP, LABEL_RISE * 4, "left", "bottom"),
                           # three labels at the target year (figure, projection, target)
                           (LABEL_GAP, -LABEL_RISE * 8, "left", "top")],
                          {"fontsize": pen.label, "color": S.TARGET, "zorder": Z["label"]},
                          gid=LABEL_GID))


def _beside(c: IndicatorChart) -> bool:
    """Whether the last figure shown is in the target year, next to the target's marker
    (two labels at one x: the lower one's goes below, the upper one's above)."""
    return c.target is not None and c.last is not None and \
        abs(c.last.x - c.target[0]) < YEAR_EPS


def _draw_actuals(ax, c: IndicatorChart, pen: _Pen, shown: _Shown, todo: list[Label],
                  labels: bool) -> None:
    """The figures used (filled; ▲ a lower bound; □ on a dashed line, from another
    definition's growth) and the last one's label."""
    if c.line:
        ax.plot(*_xy(c.line), color=S.ACTUAL, lw=pen.line, zorder=Z["actual_line"])
    if c.linked:
        ax.plot(*_xy(c.linked_line), color=S.ACTUAL, lw=pen.line, ls="--",
                zorder=Z["actual_line"])
        ax.plot(*_xy(c.linked), ls="none", marker="s", ms=pen.marker, mfc="white",
                color=S.ACTUAL, zorder=Z["actual"])
    if c.exact:
        ax.plot(*_xy(c.exact), ls="none", marker="o", ms=pen.marker, color=S.ACTUAL,
                zorder=Z["actual"])
    if c.bounds:
        ax.plot(*_xy(c.bounds), ls="none", marker="^", ms=pen.marker * BOUND_MARKER,
                color=S.ACTUAL, zorder=Z["actual"])
    for pts in (c.line, c.exact, c.bounds, c.linked):
        shown.add(pts)
    if labels and c.last is not None:
        g, r = LABEL_GAP, LABEL_RISE * 2
        left: list[tuple[float, float, str, str]] = [(-g * 0.75, r, "right", "bottom"),
                                                     (-g * 0.75, -r, "right", "top")]
        right: list[tuple[float, float, str, str]] = [(g, r, "left", "bottom"),
                                                      (g, -r, "left", "top")]
        cands = [*(right + left if c.last_alone else left + right),
                 (0, g * 1.6, "center", "bottom"), (0, -g * 1.6, "center", "top"),
                 *around(g * 2, r * 2)]
        # right of the point, on the side away from the target's marker
        if c.target is not None and _beside(c):
            away = right if c.last.y > c.target[1] else right[::-1]
            cands = [*away, *[x for x in cands if x not in away]]
        todo.insert(0, Label(c.last.text, (c.last.x, c.last.y), cands,
                             {"fontsize": pen.label, "color": S.ACTUAL, "zorder": Z["label"]},
                             gid=ACTUAL_GID))


def _limits(ax, c: IndicatorChart, shown: _Shown, label_in: float = 0.0,
            years: tuple[int, int] | None = None) -> None:
    """Limits, year ticks (plain whole years, never an offset) and the grid, with room
    right of the target year for the labels placed there."""
    from matplotlib.ticker import FixedLocator, FuncFormatter

    ys = [float(y) for y in shown.years if math.isfinite(float(y))]
    start = c.base_year if c.base_year is not None else c.target_year - 1
    if years is not None:
        x0, x1 = float(years[0]), float(years[1])
    else:
        ys = ys or [c.target_year - 5, c.target_year]
        x0, x1 = min(min(ys), start), max(max(ys), c.target_year)
    axes_in = max(ax.figure.get_size_inches()[0] * ax.get_position().width / SUBPLOT_WIDTH
                  - AXES_MARGIN_IN, MIN_AXES_IN)
    span = x1 - x0 + X_PAD
    pad = X_PAD if label_in <= 0 else label_in * span / max(axes_in - label_in, MIN_PLOT_IN)
    ax.set_xlim(x0 - X_PAD, x1 + max(pad, X_PAD))
    first, last = math.ceil(x0), int(x1 if years is not None else c.target_year)
    step = max(1, math.ceil((last - first + 1) / MAX_XTICKS))
    ax.xaxis.set_major_locator(FixedLocator(list(range(last, first - 1, -step))[::-1]))
    ax.xaxis.set_major_formatter(FuncFormatter(lambda x, _pos: f"{round(x)}"))
    vals = [float(v) for v in shown.values if math.isfinite(float(v))]
    if vals:
        lo, hi = min(vals), max(vals)
        pad = (hi - lo) * Y_PAD or abs(hi) * Y_PAD_FLAT or 1.0
        bottom = max(lo - pad, 0.0) if lo >= 0 else lo - pad
        top = hi + pad * BADGE_ROOM
        if c.is_share:  # not above 100 %, except the room a mark at 100 % needs
            bottom = max(bottom, 0.0)
            top = max(min(top, 100.0), hi + pad * 0.4) if top > 100 else top
        ax.set_ylim(bottom, top)
        if c.is_share and top > 100:  # the room above 100 % carries no tick
            ax.set_yticks([t for t in ax.get_yticks() if bottom <= t <= 100])
    ax.yaxis.set_major_formatter(_tick_formatter(ax, c.unit.lang))
    ax.grid(axis="y", color=S.GRID, lw=GRID_LINE)
    ax.set_axisbelow(True)


class _Ticks:
    """Ticks as the labels print numbers: no offset or exponent, thousands separated where
    the language groups digits (``settings.thousands_sep``), as many decimals as the step
    between ticks needs (worked out once a draw)."""

    def __init__(self, lang: str):
        from matplotlib.ticker import Formatter

        self.lang = lang
        self.sep = words_for(lang).setting("thousands_sep")
        outer = self

        class F(Formatter):
            def format_ticks(self, values):
                # the fewest decimals that print every tick exactly (2.5 needs one: with
                # none, ticks 0, 2.5, 5, 7.5 read "0, 2, 5, 8")
                outer.decimals = next(
                    (d for d in range(5) if all(abs(round(v, d) - v) <= 1e-9 * max(1.0, abs(v))
                                                for v in values)), 4)
                return [self(v) for v in values]

            def __call__(self, v, pos=None):
                d = getattr(outer, "decimals", 0)
                text = f"{v:,.{d}f}".replace(",", outer.sep) if outer.sep else f"{v:.{d}f}"
                return "0" if text in ("-0", "-0.0") else text

        self.formatter = F()


def _tick_formatter(ax, lang: str):
    return _Ticks(lang).formatter


def draw_badge(ax, text: str, fill: str, ink: str, size: float, loc=BADGE_AT):
    return ax.text(*loc, text, transform=ax.transAxes, ha="left", va="top", fontsize=size,
                   color=ink, bbox=dict(boxstyle=f"round,pad={BADGE_PAD}", fc=fill, ec="none"),
                   zorder=Z["badge"], gid=BADGE_GID)


def _place_axes(fig, ax, st: S.Style, footer_frac: float, title: bool) -> None:
    """Margins from the type sizes and the longest y tick label (every chart of this kind
    has the same parts, so they are computed directly: constrained layout costs about a
    quarter more drawing time)."""
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
    """The source line wrapped to a figure ``width_in`` inches wide, by Chinese rules."""
    return S.wrap(text, width_in * 72 / st.small * 0.92)


def footer_height(lines: int, st: S.Style) -> float:
    """The height in points of a footer of ``lines`` lines."""
    return lines * st.small * 1.35 + 4


def add_footer(fig, text: str, st: S.Style, lang: str = "zh") -> float:
    """A source line under the axes, with room kept for it by the layout engine; returns
    the fraction of the figure's height it takes (0 without a text)."""
    if not text:
        return 0.0
    lines = footer_lines(text, fig.get_size_inches()[0], st)
    frac = footer_height(len(lines), st) / (fig.get_size_inches()[1] * 72)
    fig.text(0.005, 0.004, "\n".join(lines), ha="left", va="bottom", fontsize=st.small,
             color="#555555")
    engine = fig.get_layout_engine()
    if engine is not None and hasattr(engine, "set"):
        with contextlib.suppress(TypeError):  # a layout engine without rect
            engine.set(rect=(0, frac, 1, 1 - frac))
    return frac


def place_labels(fig, ax, todo: list[Label]) -> None:
    """Place the labels of one chart where they cover no text, line or marker: the texts
    already on the axes (the badge, the unpublished years' words) are kept clear; ticks,
    title and footer lie outside the axes, where no label may go."""
    r = fig.canvas.get_renderer()
    keep = [t.get_window_extent(r) for t in ax.texts if t.get_text() and t.get_visible()]
    place(ax, todo, r, keep)


def indicator_spec(assessment, indicator_id: str | None = None, lang: str | None = None
                   ) -> IndicatorChart:
    """The view's chart specification of one target."""
    a, r = resolve(assessment, indicator_id)
    v = view(a, S.check_lang(lang or a.lang))
    return v.chart(r.key)


def _build(c: IndicatorChart, st: S.Style, *, detail: bool, title: bool, dpi: float,
           ax=None, frozen: bool = False):
    """The figure of one target's chart, its labels placed; returns (figure, the artists
    only the detailed chart shows, its footer text artist). ``frozen``: its ticks drawn as
    they stand (``freeze_ticks``: a report's chart, drawn once)."""
    import matplotlib.pyplot as plt

    own = ax is None
    if own:
        fig, ax = plt.subplots(figsize=st.size, dpi=dpi)
    else:
        fig = ax.figure
    shown = _Shown()
    todo = draw_indicator(ax, c, st, detail=detail, shown=shown)
    draw_badge(ax, c.badge, c.fill, c.ink, st.label)
    if title:  # the full name where it fits one line, else the short one (never cut)
        name = c.title
        if S.text_em(name) * st.title / 72 > st.size[0] * 0.9:
            name = c.short_title
        # its place given (y): matplotlib would otherwise work it out from every tick
        ax.set_title(name, loc="left", fontsize=st.title, pad=st.title * 0.6, y=1.0)
    ax.set_ylabel(c.axis_label)
    before = len(fig.texts)
    footer = add_footer(fig, c.footer if detail else c.footer_slide, st, c.unit.lang)
    footer_text = fig.texts[-1] if len(fig.texts) > before else None
    if own:
        _place_axes(fig, ax, st, footer, title)
    S.fix_fonts(fig)
    if frozen:
        S.freeze_ticks(ax, grid=(S.GRID, GRID_LINE))
    place_labels(fig, ax, todo)
    shown.detail += [t for t in ax.texts if t.get_gid() == DETAIL_GID]
    return fig, shown.detail, footer_text


def plot_indicator(assessment, indicator_id: str | None = None, *, lang: str | None = None,
                   style: str = "notebook", title: bool = True, ax=None,
                   detail: bool | None = None):
    """One target: the figures used (▲ a lower bound), the projection fan, the target (a
    band for 左右 and ranges; the national line for 超全国平均水平), the plan's path, a
    status badge and the source line.

    ``detail`` (default: all but the slide style) adds every other figure known, marked
    so it cannot be read as a level (hollow: another definition; ◇: a part-year count,
    dated; grey: other sources) and the 50 and 95 % bands. ``plot_indicator(a,
    "base_stations_5g")`` or ``plot_indicator("base_stations_5g")`` (the shipped plan and
    data). Returns the matplotlib Figure; save it with ``charts.save``.
    """
    a, r = resolve(assessment, indicator_id)
    st = S.get_style(style)
    c = indicator_spec(a, r.key, lang)
    detail = st.name != "slide" if detail is None else detail
    with S.drawing(st):
        fig, _, _ = _build(c, st, detail=detail, title=title, dpi=st.dpi, ax=ax)
    return fig


def target_charts(c: IndicatorChart, st: S.Style, slide_dpi: float | None
                  ) -> tuple[bytes, bytes | None]:
    """One target's detailed chart as SVG (text as text, in the report page's font: small,
    sharp at any zoom and in print) and, where ``slide_dpi`` is given, its slide chart as
    PNG from the same figure: the detail-only artists hidden and the slide's footer in
    place (built and labelled once, saved twice)."""
    import io

    import matplotlib
    import matplotlib.pyplot as plt

    with S.drawing(st):
        fig, extra, footer = _build(c, st, detail=True, title=True, dpi=slide_dpi or 100,
                                    frozen=True)
    buf = io.BytesIO()
    with matplotlib.rc_context({**font_rc(), "svg.fonttype": "none",
                                "svg.hashsalt": "jxdigital"}):
        fig.savefig(buf, format="svg", metadata={"Date": None})
    svg = buf.getvalue()
    png = None
    if slide_dpi is not None:
        for artist in extra:
            artist.set_visible(False)
        if footer is not None:
            footer.set_text("\n".join(footer_lines(c.footer_slide, st.size[0], st)))
        png = S.png_bytes(fig, slide_dpi)
    plt.close(fig)
    return svg, png
