"""Every chart of a view as PNG bytes, drawn in parallel (for reports and decks).

Keys: a judged target's slide chart by its indicator id (``charts/<id>.png``, the deck's
picture; PNG), a target's detailed chart ``detail/<id>`` (the HTML report; SVG; drawn for
the data gaps only where it has more to show than the printed base), the overview pages
``_summary``, ``_summary-2``, …, ``_dashboard``, ``_dashboard-2``, … and
``_retrospective`` (only where an outcome is known).
"""

from __future__ import annotations

import multiprocessing as mp
import os
from collections.abc import Callable

from ..present.view import ReportView, view
from ._indicator import plot_indicator, target_charts
from ._overview import _dashboard, _summary
from ._retrospective import plot_retrospective
from ._style import get_style, png_bytes

_SHARED: dict = {}  # the view, for forked chart workers (never pickled)

#: Resolution of the slide charts (the files and the deck: a 12.3 in picture of 1,845 px,
#: more than a full-HD projector shows of it). The report's detailed charts are SVG.
SLIDE_DPI = 150


def page_key(kind: str, n: int) -> str:
    """``_summary`` for page 1, ``_summary-2`` for page 2, …"""
    return f"_{kind}" if n == 1 else f"_{kind}-{n}"


def chart_pages(charts: dict[str, bytes], kind: str) -> list[bytes]:
    """The pages of an overview chart (``summary``, ``dashboard``) in ``charts``, in order."""
    out, n = [], 1
    while page_key(kind, n) in charts:
        out.append(charts[page_key(kind, n)])
        n += 1
    return out


def chart_jobs(v: ReportView, *, dashboard: bool = True, detail: bool = True,
               slides: bool = True) -> list[tuple[str, str]]:
    """The charts a report draws, as (kind, what) jobs: the summary and dashboard pages;
    for a judged target its slide chart and its detailed chart, drawn from one figure
    (``target``); for a data gap with more to show than its printed base, the detailed
    chart alone (``detail``); the retrospective where an outcome is known."""
    work = [("summary", str(p.number)) for p in v.summary_pages]
    if dashboard:
        work += [("dashboard", str(p.number)) for p in v.dashboard_pages]
    for t in v.targets:
        if t.has_verdict and slides:
            work.append(("target" if detail else "slide", t.id))
        elif detail and v.chart(t.id).has_more:
            work.append(("detail", t.id))
    if v.retrospective_chart is not None:
        work.append(("retrospective", ""))
    return work


def job_keys(job: tuple[str, str]) -> list[str]:
    """The keys a job's charts come back under."""
    kind, what = job
    if kind == "target":
        return [what, f"detail/{what}"]
    if kind == "slide":
        return [what]
    if kind == "detail":
        return [f"detail/{what}"]
    if kind in ("summary", "dashboard"):
        return [page_key(kind, int(what))]
    return ["_retrospective"]


def _png(fig, dpi: float) -> bytes:
    import matplotlib.pyplot as plt

    out = png_bytes(fig, dpi)
    plt.close(fig)
    return out


def _render(job: tuple[str, str]) -> list[tuple[str, bytes]]:
    """One job's charts as PNG bytes, by key."""
    import matplotlib  # third-party, loaded when drawing

    matplotlib.use("Agg", force=True)

    kind, what = job
    v: ReportView = _SHARED["view"]
    st = get_style("slide")
    if kind in ("target", "detail", "slide"):
        c = v.chart(what)
        if kind == "slide":
            return [(what, _png(plot_indicator(v.assessment, what, lang=v.lang, style="slide",
                                               detail=False), SLIDE_DPI))]
        detail, slide = target_charts(c, st, SLIDE_DPI if kind == "target" else None)
        out = [(f"detail/{what}", detail)]
        if slide is not None:
            out.insert(0, (what, slide))
        return out
    if kind == "summary":
        n = int(what)
        return [(page_key("summary", n), _png(_summary(v, v.summary_pages[n - 1], st, False),
                                             SLIDE_DPI))]
    if kind == "dashboard":
        n = int(what)
        return [(page_key("dashboard", n),
                 _png(_dashboard(v, v.dashboard_pages[n - 1], st, None, False, frozen=True),
                      SLIDE_DPI))]
    return [("_retrospective", _png(plot_retrospective(v, style="slide", title=False),
                                    SLIDE_DPI))]


def render_charts(a, lang: str | None = None, jobs: int | None = None,
                  progress: Callable[[str], None] | None = None,
                  meanwhile: Callable[[], None] | None = None,
                  dashboard: bool = True, account=None, *, detail: bool = True,
                  slides: bool = True) -> dict[str, bytes]:
    """PNG bytes of every chart of the view of ``a`` (an Assessment or its view): the
    summary and dashboard pages, each target's slide and detailed chart, and the
    retrospective where an outcome is known; on ``jobs`` processes (default: the CPUs, at
    most 4) where fork exists. ``meanwhile`` runs in this process while the workers draw.
    ``account`` is accepted for compatibility (the view has it)."""
    v = view(a, lang)
    work = chart_jobs(v, dashboard=dashboard, detail=detail, slides=slides)
    # the dashboard pages are the slowest: start them first so the workers finish together
    work.sort(key=lambda w: w[0] != "dashboard")
    jobs = jobs or min(os.cpu_count() or 1, 4)
    _SHARED["view"] = v
    out: dict[str, bytes] = {}
    try:
        if jobs > 1 and len(work) > 1 and "fork" in mp.get_all_start_methods():
            with mp.get_context("fork").Pool(jobs) as pool:
                results = pool.imap_unordered(_render, work)
                if meanwhile:
                    meanwhile()
                for made in results:
                    for key, png in made:
                        out[key] = png
                        if progress:
                            progress(key)
        else:
            if meanwhile:
                meanwhile()
            for w in work:
                for key, png in _render(w):
                    out[key] = png
                    if progress:
                        progress(key)
    finally:
        _SHARED.clear()
    return out
