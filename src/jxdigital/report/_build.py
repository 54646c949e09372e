"""``write_report``: every output of the main job into one folder, all or nothing."""

from __future__ import annotations

import contextlib
import io
import multiprocessing as mp
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from ..assessment import Account, Assessment
from ._excel import to_excel
from ._html import to_html
from ._json import to_json
from ._markdown import to_markdown
from ._webfont import font_face_css

_SHARED: dict = {}  # the assessment, for forked chart workers (never pickled)


def _render(job: tuple[str, str, str]) -> tuple[str, bytes]:
    """One chart as PNG bytes: ('indicator', id) / ('summary', '') / ('dashboard', '')."""
    import matplotlib

    matplotlib.use("Agg", force=True)
    import matplotlib.pyplot as plt

    from .. import charts
    from .._fonts import font_rc

    kind, iid, lang = job
    a = _SHARED["a"]
    if kind == "indicator":
        fig, dpi = charts.plot_indicator(a, iid, lang=lang, style="slide", title=False), 200
    elif kind == "summary":
        fig, dpi = charts.plot_status_summary(a, lang=lang, style="slide", title=False), 200
    elif kind == "retrospective":
        fig, dpi = charts.plot_retrospective(_SHARED["account"], lang=lang, style="slide",
                                             title=False), 200
    else:
        fig, dpi = charts.plot_dashboard(a, lang=lang), 150
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


def _has(module: str) -> bool:
    import importlib.util

    return importlib.util.find_spec(module) is not None


def report_steps(a: Assessment, deck: bool | None = None) -> int:
    """How many progress calls ``write_report`` makes: one per chart (the targets, the
    summary, the dashboard), then Markdown, HTML, JSON + CSV, and the workbook and deck
    where their libraries are installed."""
    return (len(a) + 2 + (1 if a.finished else 0) + 3 + (1 if _has("xlsxwriter") else 0)
            + (1 if deck is not False and _has("pptx") else 0))


def write_report(a: Assessment, out: str | Path, lang: str | None = None, *,
                 jobs: int | None = None, deck: bool | None = None,
                 progress: Callable[[str], None] | None = None) -> dict[str, Path]:
    """Write the report folder: ``report.md``, ``report.html`` (charts embedded),
    ``assessment.xlsx`` (with XlsxWriter), ``deck.pptx`` (with python-pptx; ``deck=False``
    to skip), ``assessment.json``, ``assessment.csv`` and ``charts/*.png``.

    Everything is written into a temporary folder inside ``out`` first and moved into
    place only when all of it succeeded: a run that fails midway leaves ``out`` as it was.
    Returns {name: path} of what was written.
    """
    lang = lang or a.lang
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    say = progress or (lambda _msg: None)
    stage = Path(tempfile.mkdtemp(prefix=".jxdigital-", dir=out))
    written: dict[str, Path] = {}
    try:
        # the page's font subset depends only on its text: cut it while the charts draw
        font: dict[str, str] = {}

        account = a.account() if a.finished else None

        def cut_font() -> None:
            font["css"] = font_face_css(to_html(a, lang, charts=None, font_css="",
                                                account=account))

        pngs = render_charts(a, lang, jobs=jobs, progress=lambda k: say(f"chart {k}"),
                             meanwhile=cut_font, account=account)
        if "css" not in font:
            cut_font()
        (stage / "charts").mkdir()
        for key, png in pngs.items():
            name = key.lstrip("_")
            (stage / "charts" / f"{name}.png").write_bytes(png)
        (stage / "report.md").write_text(to_markdown(a, lang, account=account),
                                         encoding="utf-8")
        say("report.md")
        (stage / "report.html").write_text(to_html(a, lang, charts=pngs, font_css=font["css"],
                                                   account=account), encoding="utf-8")
        say("report.html")
        (stage / "assessment.json").write_text(to_json(a, account=account) + "\n",
                                               encoding="utf-8")
        a.to_frame().to_csv(stage / "assessment.csv", index=False, encoding="utf-8-sig")
        say("assessment.json, assessment.csv")
        with contextlib.suppress(ImportError):
            to_excel(a, stage / "assessment.xlsx", lang, account=account)
            say("assessment.xlsx")
        if deck is not False:
            try:
                from ..slides import build_deck

                build_deck(a, stage / "deck.pptx", lang, charts=pngs, account=account)
                say("deck.pptx")
            except ImportError:
                if deck:  # asked for explicitly
                    raise
        # all written: move into place, file by file (each rename is atomic)
        (out / "charts").mkdir(exist_ok=True)
        for p in sorted(stage.rglob("*")):
            if p.is_file():
                target = out / p.relative_to(stage)
                os.chmod(p, 0o644)
                os.replace(p, target)
                written[str(p.relative_to(stage))] = target
    finally:
        shutil.rmtree(stage, ignore_errors=True)
    return written
