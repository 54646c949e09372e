"""Direct labels placed where nothing else is: no label on another text, on a line or on a
marker. Each label tries its candidate positions in order and takes the first free one;
a note (``optional``) that finds none is left out, a key label (the last figure, the
target, the projection) takes the candidate that covers least.

Lines and markers are obstacles in display coordinates: a label's box must not cross a
line segment nor hold a marker's centre (its radius added).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

#: Pixels a label's box is shrunk by before a test: a glyph's box touches a line drawn
#: just beside it without the line crossing any ink.
SHRINK = 1.0


@dataclass
class Label:
    """A label to place: ``xy`` in data coordinates, ``candidates`` as (dx, dy points, ha,
    va), tried in order."""

    text: str
    xy: tuple[float, float]
    candidates: Sequence[tuple[float, float, str, str]]
    style: dict = field(default_factory=dict)
    optional: bool = False
    gid: str = ""
    #: other points the label may stand at, tried after ``xy`` (a path's other years)
    spots: Sequence[tuple[float, float]] = ()
    #: ``xy`` in data coordinates ("data"), or x in data and y as a share of the axes'
    #: height ("xaxis": a note at the top of the axes)
    coords: str = "data"


def _segments_hit(box, segs: np.ndarray) -> bool:
    """Whether any segment ``segs`` (n × 4: x0, y0, x1, y1 in pixels) crosses ``box``."""
    if not len(segs):
        return False
    x0, y0, x1, y1 = box.x0 + SHRINK, box.y0 + SHRINK, box.x1 - SHRINK, box.y1 - SHRINK
    if x1 <= x0 or y1 <= y0:
        return False
    ax, ay, bx, by = segs[:, 0], segs[:, 1], segs[:, 2], segs[:, 3]
    dx, dy = bx - ax, by - ay
    # Liang–Barsky clipping of every segment against the box at once
    t0 = np.zeros(len(segs))
    t1 = np.ones(len(segs))
    ok = np.ones(len(segs), dtype=bool)
    for p, q in ((-dx, ax - x0), (dx, x1 - ax), (-dy, ay - y0), (dy, y1 - ay)):
        parallel = p == 0
        ok &= ~(parallel & (q < 0))
        with np.errstate(divide="ignore", invalid="ignore"):
            r = np.where(parallel, 0.0, q / np.where(parallel, 1.0, p))
        enter = (p < 0) & ~parallel
        leave = (p > 0) & ~parallel
        t0 = np.where(enter, np.maximum(t0, r), t0)
        t1 = np.where(leave, np.minimum(t1, r), t1)
    return bool((ok & (t0 <= t1)).any())


def _points_hit(box, pts: np.ndarray) -> bool:
    """Whether a marker (x, y, radius in pixels) lies on ``box``."""
    if not len(pts):
        return False
    x, y, rad = pts[:, 0], pts[:, 1], pts[:, 2]
    return bool(((x + rad > box.x0 + SHRINK) & (x - rad < box.x1 - SHRINK)
                 & (y + rad > box.y0 + SHRINK) & (y - rad < box.y1 - SHRINK)).any())


def obstacles(ax, renderer) -> tuple[np.ndarray, np.ndarray]:
    """The segments of every line and the markers drawn on ``ax``, in pixels."""
    segs, pts = [], []
    to_px = ax.transData
    dpi = ax.figure.dpi
    for ln in ax.lines:
        if not ln.get_visible():
            continue
        xy = ln.get_xydata()
        if not len(xy):
            continue
        px = to_px.transform(np.asarray(xy, dtype=float))
        px = px[np.isfinite(px).all(axis=1)]
        if ln.get_linestyle() not in ("None", "none", "", " ") and len(px) > 1:
            segs.append(np.hstack([px[:-1], px[1:]]))
        marker = ln.get_marker()
        if marker not in (None, "None", "none", "", " "):
            r = ln.get_markersize() * dpi / 72 / 2
            pts.append(np.column_stack([px, np.full(len(px), r)]))
    for coll in ax.collections:  # vlines (sources differ, a target's band)
        if not coll.get_visible() or not hasattr(coll, "get_segments"):
            continue
        try:
            lines = coll.get_segments()
        except (AttributeError, TypeError):
            continue
        for seg in lines:
            if len(seg) > 1:
                px = to_px.transform(np.asarray(seg, dtype=float))
                segs.append(np.hstack([px[:-1], px[1:]]))
    s = np.vstack(segs) if segs else np.zeros((0, 4))
    p = np.vstack(pts) if pts else np.zeros((0, 3))
    return s, p


def _box(anchor, dx: float, dy: float, ha: str, va: str, w: float, h: float, px: float):
    """The box (pixels) of a text of size ``w`` × ``h`` placed at ``anchor`` + (dx, dy)
    points, aligned ``ha`` / ``va``."""
    from matplotlib.transforms import Bbox

    x = anchor[0] + dx * px - {"left": 0.0, "center": w / 2, "right": w}[ha]
    y = anchor[1] + dy * px - {"bottom": 0.0, "baseline": 0.0, "center": h / 2,
                               "center_baseline": h / 2, "top": h}[va]
    return Bbox.from_bounds(x, y, w, h)


def place(ax, labels: Sequence[Label], renderer, keep_out: Sequence = ()) -> list:
    """Place ``labels`` in order on ``ax``; returns the text artists shown. ``keep_out``:
    boxes (pixels) no label may cover (tick labels, the title, the badge). Each label is
    laid out once; its candidate boxes are worked out from its size."""
    marks = obstacles(ax, renderer)
    taken = list(keep_out)
    inside = ax.get_window_extent(renderer)
    px = ax.figure.dpi / 72
    shown = []
    for lab in labels:
        if not lab.candidates:
            continue
        dx0, dy0, ha0, va0 = lab.candidates[0]
        where = ax.get_xaxis_transform() if lab.coords == "xaxis" else ax.transData
        t = ax.annotate(lab.text, lab.xy, xycoords=where, xytext=(dx0, dy0),
                        textcoords="offset points", ha=ha0, va=va0, **lab.style)
        if lab.gid:
            t.set_gid(lab.gid)
        first = t.get_window_extent(renderer)
        best, best_cost, best_box = _best_spot(lab, where, first.width, first.height, px,
                                               marks, taken, inside)
        if best is None or (best_cost and lab.optional):
            t.remove()
            continue
        xy, dx, dy, ha, va = best
        t.xy = xy
        t.xyann = (dx, dy)
        t.set_horizontalalignment(ha)
        t.set_verticalalignment(va)
        taken.append(best_box)
        shown.append(t)
    return shown


def _best_spot(lab: Label, where, w: float, h: float, px: float,
               marks: tuple[np.ndarray, np.ndarray], taken: list, inside):
    """The first free candidate of ``lab`` (a text ``w`` × ``h`` pixels), at its ``xy``
    and then its other spots, else the one that covers least: ((xy, dx, dy, ha, va), its
    cost, its box); Nones where no spot is on the figure."""
    best = best_cost = best_box = None
    for xy in (lab.xy, *lab.spots):
        anchor = where.transform(xy)
        if not np.isfinite(anchor).all():
            continue
        for dx, dy, ha, va in lab.candidates:
            box = _box(anchor, dx, dy, ha, va, w, h, px)
            cost = _cost(box, marks, taken, inside)
            if best_cost is None or cost < best_cost:
                best, best_cost, best_box = (xy, dx, dy, ha, va), cost, box
            if cost == 0:
                return best, best_cost, best_box
    return best, best_cost, best_box


def _cost(box, marks: tuple[np.ndarray, np.ndarray], taken: list, inside) -> int:
    """What a label's ``box`` covers: a line, a marker, each box already taken, and (twice
    as bad) the outside of the axes ``inside``."""
    segs, pts = marks
    return (_segments_hit(box, segs) + _points_hit(box, pts)
            + sum(box.overlaps(k) for k in taken)
            + 2 * (box.x0 < inside.x0 - 1 or box.x1 > inside.x1 + 1
                   or box.y0 < inside.y0 - 1 or box.y1 > inside.y1 + 1))


def around(gap: float = 8, rise: float = 4) -> list[tuple[float, float, str, str]]:
    """Candidates around a point: right above, right below, left above, left below, then
    straight above and below, then further out."""
    out = []
    for k in (1, 2.2):
        g, r = gap * k, rise * k
        out += [(g, r, "left", "bottom"), (g, -r, "left", "top"),
                (-g, r, "right", "bottom"), (-g, -r, "right", "top"),
                (0, g + r, "center", "bottom"), (0, -(g + r), "center", "top")]
    return out


__all__ = ["Label", "around", "obstacles", "place"]
