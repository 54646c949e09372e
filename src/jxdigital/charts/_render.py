"""Every chart of an assessment as PNG bytes, drawn in parallel (for reports and decks)."""

from __future__ import annotations

import io
import multiprocessing as mp
import os
from collections.abc import Callable

from .._fonts import font_rc
from ..assessment import Account, Assessment
from ._indicator import plot_indicator
from ._overview import plot_dashboard, plot_status_summary
from ._retrospective import plot_retrospective

_SHARED: dict = {}  # the assessment, for forked chart workers (never pickled)


def _render(job: tuple[str, str, str]) -> tuple[str, bytes]:
    """One chart as PNG bytes: ('indicator', id) / ('summary', '') / ('dashboard', '')."""
    import matplotlib  # third-party, loaded when drawing

    matplotlib.use("Agg", force=True)
    import matplotlib.pyplot as plt

    kind, iid, lang = job
    a = _SHARED["a"]
    if kind == "indicator":
        # titled: a chart pasted alone must say what it shows
        fig, dpi = plot_indicator(a, iid, lang=lang, style="slide", title=True), 200
    elif kind == "summary":
        fig, dpi = plot_status_summary(a, lang=lang, style="slide", title=False), 200
    elif kind == "retrospective":
        fig, dpi = plot_retrospective(_SHARED["account"], lang=lang, style="slide",
                                      title=False), 200
    else:
        fig, dpi = plot_dashboard(a, lang=lang, style="slide", title=False), 200
    buf = io.BytesIO()
    with matplotlib.rc_context(font_rc()):
        fig.savefig(buf, format="png", dpi=dpi)
    plt.close(fig)
    key = iid if kind == "indicator" else f"_{kind}"
    return key, buf.getvalue()


def render_charts(a: Assessment, lang: str, jobs: int | None = None,
                  progress: Callable[[str], None] | None = None,
                  meanwhile: Callable[[], None] | None = None,
                  dashboard: bool = True, account: Account | None = None) -> dict[str, bytes]:
    """PNG bytes of the status summary, the dashboard, every target and (for a finished
    plan, from ``account``) the retrospective (slide size, 200 dpi), on ``jobs`` processes
    (default: the CPUs, at most 4) where fork exists. ``meanwhile`` runs in this process
    while the workers draw."""
    work = [("summary", "", lang)] + ([("dashboard", "", lang)] if dashboard else []) + \
        [("indicator", r.indicator_id, lang) for r in sorted(a, key=lambda r: r.seq)]
    if account is not None:
        work.append(("retrospective", "", lang))
        _SHARED["account"] = account
    # the dashboard is the slowest: start it first so the two workers finish together
    work.sort(key=lambda w: w[0] != "dashboard")
    jobs = jobs or min(os.cpu_count() or 1, 4)
    _SHARED["a"] = a
    out: dict[str, bytes] = {}
    try:
        if jobs > 1 and "fork" in mp.get_all_start_methods():
            with mp.get_context("fork").Pool(jobs) as pool:
                results = pool.imap_unordered(_render, work)
                if meanwhile:
                    meanwhile()
                for key, png in results:
                    out[key] = png
                    if progress:
                        progress(key)
        else:
            if meanwhile:
                meanwhile()
            for w in work:
                key, png = _render(w)
                out[key] = png
                if progress:
                    progress(key)
    finally:
        _SHARED.clear()
    return out


