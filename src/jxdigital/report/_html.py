"""One self-contained HTML file that lays out the view (``present.view``): the count
sentence, the summary chart's pages, the targets (sortable, by section, fixed column
widths that leave the reasons room), the retrospective, the data gaps, the figures not
used, the detailed charts, the dashboard and the rules. It prints on A4 landscape with
the table headers repeated and no row split across pages."""

from __future__ import annotations

import base64
import html
from pathlib import Path

from .._atomic import write_text
from .._linebreak import text_em
from ..charts import chart_pages, render_charts
from ..present.view import ReportView, Table, view
from ._webfont import font_face_css

_CSS = """
body{font-family:"JXD Sans SC","Noto Sans SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",
"WenQuanYi Micro Hei",sans-serif;margin:2em auto;max-width:1360px;padding:0 1em;color:#222;
line-height:1.5}
table{border-collapse:collapse;width:100%;font-size:14px;table-layout:fixed}
th,td{border:1px solid #ddd;padding:4px 6px;vertical-align:top;overflow-wrap:anywhere}
th{background:#f3f3f3;cursor:pointer;position:sticky;top:0;text-align:left}
th:hover{background:#e6e6e6} td.status{font-weight:bold;white-space:nowrap}
td.num{text-align:right} td.nowrap{white-space:nowrap}
figure{margin:1.5em 0} figure img{width:100%;height:auto;border:1px solid #eee}
figcaption{font-size:14px;color:#333} .meta{color:#666;font-size:13px}
h3{margin:1.2em 0 .4em;font-size:16px}
@page{size:A4 landscape;margin:12mm}
@media print{
 body{max-width:none;margin:0;padding:0;font-size:10pt}
 table{font-size:9pt} th{position:static;cursor:auto}
 thead{display:table-header-group} tr,figure,li{break-inside:avoid;page-break-inside:avoid}
 h2,h3{break-after:avoid;page-break-after:avoid}
 figure img{max-height:160mm;width:auto;max-width:100%}
 svg.chart{width:68%!important;max-width:none!important}
 .meta.hint{display:none}
}
"""

# Click a header to sort by it (numbers as numbers, else by the text), click again to reverse.
_JS = """
document.querySelectorAll('table.sortable th').forEach(function(th, i){
  th.addEventListener('click', function(){
    var tb = th.closest('table').tBodies[0], rows = Array.from(tb.rows);
    var dir = th.dataset.dir === 'asc' ? -1 : 1; th.dataset.dir = dir === 1 ? 'asc' : 'desc';
    function key(r){ var t = r.cells[i].dataset.sort || r.cells[i].textContent;
      var n = parseFloat(t); return isNaN(n) ? t : n; }
    rows.sort(function(a, b){ var x = key(a), y = key(b);
      if (typeof x === typeof y) return (x > y ? 1 : x < y ? -1 : 0) * dir;
      return (typeof x === 'number' ? -1 : 1) * dir; });
    rows.forEach(function(r){ tb.appendChild(r); });
  });
});
"""

MISSING_SORT = "-1e300"  # a missing number sorts below every number


def _img(png: bytes, alt: str) -> str:
    data = base64.b64encode(png).decode("ascii")
    return f'<img alt="{html.escape(alt)}" src="data:image/png;base64,{data}">'


def _svg(svg: bytes, title: str) -> str:
    """A chart's SVG inline in the page, as wide as the page: its text stays text, in the
    page's own font, so it is sharp at any zoom and in print."""
    import re

    text = svg.decode("utf-8") if svg else "<svg></svg>"
    text = text[text.find("<svg"):]
    text = re.sub(r'<svg([^>]*?) width="[^"]*" height="[^"]*"',
                  r'<svg\1 class="chart" style="width:100%;max-width:1000px;height:auto"', text,
                  count=1)
    return text.replace(">", f' role="img" aria-label="{html.escape(title)}">', 1) \
        if text.startswith("<svg") else text


def table_html(t: Table, sortable: bool = False, anchors: bool = False) -> str:
    """A ``Table`` as HTML: fixed column widths from the view (the reasons take the rest),
    numbers right-aligned, status cells in their colours, ``data-sort`` keys."""
    widths = "".join(
        "<col>" if c.kind == "reason" else f'<col style="width:{c.width:g}em">'
        for c in t.columns)
    head = "".join(f"<th>{html.escape(c.header)}</th>" for c in t.columns)
    body = []
    for k, row in enumerate(t.rows):
        cells = []
        for c, cell in zip(t.columns, row, strict=True):
            text = html.escape(cell.text)
            sort = ""
            if sortable and (c.kind in ("number", "status") or cell.sort is not None):
                key = MISSING_SORT if cell.sort is None else repr(float(cell.sort))
                sort = f' data-sort="{key}"'
            if cell.fill:
                cells.append(f'<td class="status" style="background:{cell.fill};'
                             f'color:{cell.ink or "#000"}"{sort}>{text}</td>')
            elif c.kind == "number":  # on one line where it fits its column
                fits = text_em(cell.text) <= c.width - 0.6
                cls = "num nowrap" if fits else "num"
                cells.append(f'<td class="{cls}"{sort}>{text}</td>')
            else:
                cells.append(f"<td{sort}>{text}</td>")
        rid = f' id="row-{html.escape(t.ids[k])}"' if anchors and k < len(t.ids) else ""
        body.append(f"<tr{rid}>{''.join(cells)}</tr>")
    cls = ' class="sortable"' if sortable else ""
    return (f"<table{cls}><colgroup>{widths}</colgroup><thead><tr>{head}</tr></thead>"
            f"<tbody>{''.join(body)}</tbody></table>")


def _sectioned(t: Table) -> list[str]:
    """The targets, one sortable table per section under its heading."""
    if not t.sections:
        return [table_html(t, sortable=True, anchors=True)]
    out = []
    for s in t.sections:
        part = Table(t.columns, t.rows[s.start:s.stop], (), t.ids[s.start:s.stop])
        out += [f"<h3>{html.escape(s.title)}</h3>", table_html(part, sortable=True,
                                                               anchors=True)]
    return out


def to_html(a, lang: str | None = None, charts: dict[str, bytes] | bool | None = None,
            font_css: str | None = None, account=None, *, path: str | Path | None = None
            ) -> str:
    """The report as one HTML file with nothing external. ``a``: an Assessment or its view;
    ``charts``: the PNG bytes of ``charts.render_charts`` to embed (``True``: draw them
    here; none: the tables only). The page embeds the font subset it needs (``font_css``,
    made here when not given). ``path``: also written there, atomically. ``account`` is
    accepted for compatibility."""
    v: ReportView = view(a, lang)
    if charts is True:
        charts = render_charts(v, slides=False)
    charts = charts or {}
    parts = [*_opening(v),
             *_figures(chart_pages(charts, "summary"), v.summary_pages, v.say("summary_heading")),
             *_targets(v), *_retrospective(v, charts), *_gaps_and_unused(v),
             *_detailed_charts(v, charts), *_dashboard(v, charts), *_closing(v)]
    page = "\n".join(parts)
    if font_css is None:
        font_css = font_face_css(page)
    page = page.replace("%FONT%", font_css, 1)
    if path is not None:
        write_text(path, page)
    return page


def _opening(v: ReportView) -> list[str]:
    """The page's head (its font left as %FONT%), title, dates, the count sentence and
    what changed since the last report."""
    e = html.escape
    parts = [
        f"<!DOCTYPE html><html lang=\"{v.say('html_lang')}\"><head><meta charset=\"utf-8\">",
        f"<meta name=\"viewport\" content=\"width=device-width\"><title>{e(v.heading)}"
        f"</title><style>{_CSS}\n%FONT%</style></head><body>",
        f"<h1>{e(v.heading)}</h1>", f'<p class="meta">{e(v.dates)}</p>',
        f"<p>{e(v.basis + v.say('sentence_gap') + v.counts)}</p>"]
    if v.changes is not None:
        head, lines = v.changes
        parts.append(f"<h2>{e(head)}</h2><ul>" + "".join(f"<li>{e(x)}</li>" for x in lines)
                     + "</ul>")
    return parts


def _figures(pngs: list[bytes], pages: list, name: str) -> list[str]:
    """An overview chart's pages, each named by the chart and the page's title."""
    return [f"<figure>{_img(png, name + (f' {pages[k].title}' if pages[k].title else ''))}"
            "</figure>" for k, png in enumerate(pngs)]


def _targets(v: ReportView) -> list[str]:
    """The targets by region, where the plan has several, then the targets' tables."""
    parts = []
    if v.grid is not None:
        parts += [f"<h2>{v.say('heading_by_region')}</h2>",
                  f"<p class=\"meta hint\">{html.escape(v.say('by_region_hint'))}</p>",
                  *(table_html(t) for t in v.grid_pages())]
    return [*parts, f"<h2>{v.say('heading_targets')}</h2>",
            f"<p class=\"meta hint\">{v.say('sort_hint')}</p>", *_sectioned(v.table)]


def _retrospective(v: ReportView, charts: dict[str, bytes]) -> list[str]:
    """Each year's review of the settled targets (its chart, table and sentence), or the
    sentence alone."""
    e = html.escape
    if v.retrospective is None:
        return [f"<p>{e(v.retro_sentence)}</p>"] if v.any_finished else []
    parts = [f"<h2>{v.say('heading_retrospective')}</h2>"]
    if "_retrospective" in charts:
        parts.append(f"<figure>{_img(charts['_retrospective'], v.say('heading_retrospective'))}"
                     "</figure>")
    return [*parts, table_html(v.retrospective), f"<p>{e(v.retro_sentence)}</p>"]


def _gaps_and_unused(v: ReportView) -> list[str]:
    """The data gaps, and the figures not used."""
    e = html.escape
    parts = []
    if v.gap_lines:
        items = "".join(f"<li>{e(x)}</li>" for x in v.gap_lines)
        parts.append(f"<h2>{v.say('heading_gaps')}</h2><ul>{items}</ul>")
    if len(v.unused):
        parts += [f"<h2>{v.say('heading_unused')}</h2>", f"<p>{e(v.unused_head)}</p>",
                  table_html(v.unused)]
        if v.unused_tail:
            parts.append(f"<p>{e(v.unused_tail)}</p>")
    return parts


def _detailed_charts(v: ReportView, charts: dict[str, bytes]) -> list[str]:
    """Each target's detailed chart (inline SVG, else its slide PNG) with its reason, and
    how many targets have none."""
    e = html.escape
    figs = [t for t in v.targets if f"detail/{t.id}" in charts or t.id in charts]
    if not figs:
        return []
    parts = [f"<h2>{v.say('heading_charts')}</h2>"]
    for t in figs:
        key = f"detail/{t.id}"
        drawn = _svg(charts[key], t.headline) if key in charts else \
            _img(charts[t.id], t.headline)
        caption = f"<b>{e(t.name)}</b>{v.say('colon')}{e(t.reason)}"
        parts.append(f'<figure id="chart-{e(t.id)}">{drawn}'
                     f"<figcaption>{caption}</figcaption></figure>")
    rest = len(v.targets) - len(figs)
    if rest:
        parts.append(f"<p class=\"meta\">{e(v.say('charts_rest', n=rest))}</p>")
    return parts


def _dashboard(v: ReportView, charts: dict[str, bytes]) -> list[str]:
    dash = chart_pages(charts, "dashboard")
    if not dash:
        return []
    return [f"<h2>{v.say('heading_dashboard')}</h2>",
            *_figures(dash, v.dashboard_pages, v.say("heading_dashboard"))]


def _closing(v: ReportView) -> list[str]:
    """The rules, what made the page, and the script that sorts the tables."""
    e = html.escape
    rules = "".join(f"<li>{e(x)}</li>" for x in v.rules)
    return [f"<h2>{v.say('heading_rules')}</h2><ul>{rules}</ul>",
            f'<p class="meta">{e(v.say("meta", version=v.version, plan=v.plan_id))}'
            + (e(v.say("meta_scheme", scheme=v.scheme)) if v.scheme != "cn" else "")
            + "</p>", f"<script>{_JS}</script></body></html>"]
