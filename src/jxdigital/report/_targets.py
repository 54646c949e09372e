"""The 测算 report (target options, a draft's review): Markdown, one self-contained HTML
file, a workbook (a sheet per kind) and, with the deck, slides — each only lays out the
view (``present.targets_view``), so no two disagree. ``write_targets`` writes the folder:
the files named ``targets`` (Markdown, HTML, workbook, deck) and a chart per row in
``charts/``, each file replaced only once it is whole."""

from __future__ import annotations

import html
from pathlib import Path

from .._atomic import atomic_path, write_text
from ..charts import options_pngs
from ..present import report_words
from ..present.targets_view import TargetsView, say
from ..slides import build_targets_deck
from ._excel import (
    _BOOK_OPTIONS,
    _print_setup,
    _require,
    _write_frame,
    _write_table,
    created_on,
)
from ._html import _CSS, _img, table_html
from ._markdown import _text, markdown_table
from ._webfont import font_face_css


def targets_markdown(v: TargetsView) -> str:
    """The 测算 report as Markdown: title, dates, what the options mean, the options, the
    draft's table and its checks."""
    out = [f"# {_text(v.heading)}", "", _text(v.dates), "", *(_text(x) + "\n" for x in v.intro),
           f"## {say('heading_options', v.lang)}", "", markdown_table(v.options), ""]
    if v.review is not None:
        out += [f"## {say('heading_review', v.lang)}", "", markdown_table(v.review), "",
                f"## {say('heading_checks', v.lang)}", ""]
        out += [f"- {_text(c)}" for c in v.checks] or [_text(say("no_checks", v.lang))]
        out.append("")
    return "\n".join(out)


def targets_html(v: TargetsView, charts: dict[str, bytes] | None = None) -> str:
    """The 测算 report as one HTML file with its charts and font embedded."""
    e = html.escape
    charts = charts or {}
    parts = [f"<h1>{e(v.heading)}</h1>", f'<p class="meta">{e(v.dates)}</p>',
             *(f"<p>{e(x)}</p>" for x in v.intro),
             f"<h2>{say('heading_options', v.lang)}</h2>", table_html(v.options)]
    if v.review is not None:
        parts += [f"<h2>{say('heading_review', v.lang)}</h2>", table_html(v.review),
                  f"<h2>{say('heading_checks', v.lang)}</h2>"]
        parts.append("<ul>" + "".join(f"<li>{e(c)}</li>" for c in v.checks) + "</ul>"
                     if v.checks else f"<p>{e(say('no_checks', v.lang))}</p>")
    figs = [r for r in v.rows if r.key in charts]
    if figs:
        parts.append(f"<h2>{say('heading_charts', v.lang)}</h2>")
        parts += [f'<figure id="chart-{e(r.key)}">{_img(charts[r.key], r.chart.title)}'
                  f"</figure>" for r in figs if r.chart is not None]
    body = "".join(parts)
    lang = report_words("html_lang", v.lang)
    return (f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width"><title>{e(v.heading)}'
            f"</title><style>{_CSS}\n{font_face_css(body)}</style></head><body>{body}"
            "</body></html>")


def targets_excel(v: TargetsView, path: str | Path) -> Path:
    """The workbook: the options and the draft's table as shown, the checks, then every
    number in full (options, draft, checks, paths), one sheet per kind."""
    _require()
    with atomic_path(path) as tmp:
        import xlsxwriter

        book = xlsxwriter.Workbook(str(tmp), _BOOK_OPTIONS)
        book.set_properties({"title": v.heading, "comments": v.dates,
                             "created": created_on(v.day)})
        cache: dict = {}
        ws = book.add_worksheet(say("heading_options", v.lang)[:31])
        _write_table(book, ws, v.options, cache)
        _print_setup(ws, landscape=True)
        if v.review is not None:
            ws = book.add_worksheet(say("heading_review", v.lang)[:31])
            _write_table(book, ws, v.review, cache)
            _print_setup(ws, landscape=True)
            ws = book.add_worksheet(say("heading_checks", v.lang)[:31])
            ws.set_column(0, 0, 110)
            lines = list(v.checks) or [say("no_checks", v.lang)]
            for i, line in enumerate(lines):
                ws.write_string(i, 0, line)
        for name, df in v.frames:
            ws = book.add_worksheet(name[:31])
            formats = {c: "0.0000" for c in df.columns if df[c].dtype.kind == "f"}
            _write_frame(book, ws, df, formats, cache)
        book.close()
    return Path(path)


def write_targets(v: TargetsView, out: str | Path, *, deck: bool = True,
                  charts: dict[str, bytes] | None = None) -> list[str]:
    """Write the 测算 report into folder ``out``; returns the files written (relative)."""
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    charts = options_pngs(v) if charts is None else charts
    written = []
    (folder / "charts").mkdir(exist_ok=True)
    for key, png in charts.items():
        with atomic_path(folder / "charts" / f"targets-{key}.png") as tmp:
            Path(tmp).write_bytes(png)
        written.append(f"charts/targets-{key}.png")
    write_text(folder / "targets.md", targets_markdown(v))
    write_text(folder / "targets.html", targets_html(v, charts))
    written += ["targets.md", "targets.html"]
    try:
        targets_excel(v, folder / "targets.xlsx")
        written.append("targets.xlsx")
    except ImportError:
        pass
    if deck:
        try:
            # the slide's title names the chart: drawn without its own
            build_targets_deck(v, folder / "targets.pptx", options_pngs(v, title=False))
            written.append("targets.pptx")
        except ImportError:
            pass
    return sorted(written)


__all__ = ["targets_excel", "targets_html", "targets_markdown", "write_targets"]
