"""One self-contained HTML file: summary, sortable status table, charts embedded as PNG."""

from __future__ import annotations

import base64
import html
from pathlib import Path

from .. import __version__
from .._atomic import write_text
from ..assessment import Account, Assessment
from ..charts import render_charts
from ..present import _account as A
from ..present._colours import OUTCOME_STATUS, STATUS_COLOURS, STATUS_INK
from ..present._report_words import (
    based_on_sentence,
    labelled,
    report_title,
    report_words,
    rule_lines,
    target_name,
    target_reason,
)
from ..present._table import COLUMNS, display_table, unused_sentences, unused_table
from ..present._text import dates_words
from ._webfont import font_face_css

_CSS = """
body{font-family:"JXD Sans SC","Noto Sans SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",
"WenQuanYi Micro Hei",sans-serif;margin:2em auto;max-width:1200px;color:#222;line-height:1.5}
table{border-collapse:collapse;width:100%;font-size:14px}
th,td{border:1px solid #ddd;padding:4px 6px;vertical-align:top}
th{background:#f3f3f3;cursor:pointer;position:sticky;top:0}
th:hover{background:#e6e6e6} td.status{font-weight:bold;white-space:nowrap}
td.num{text-align:right;white-space:nowrap} td.num.wrap{white-space:normal}
td.nowrap{white-space:nowrap}
figure{margin:1.5em 0} figure img{width:100%;height:auto;border:1px solid #eee}
figcaption{font-size:14px;color:#333} .meta{color:#666;font-size:13px}
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


#: The status table sorted by 状态: the worst first.
SEVERITY = {st: i for i, st in enumerate(("missed", "off_track", "at_risk", "on_track",
                                          "achieved", "met", "insufficient_data",
                                          "not_assessable"))}
#: Cells of the status table that align right (numbers) or stay on one line (short text).
CELL_CLASS = {"seq": "num", "target": "num", "latest": "num", "projection": "num",
              "p_met": "num", "need": "num", "category": "nowrap", "outcome": "nowrap",
              "grade": "nowrap"}


#: The longest cell of a column that keeps its cells on one line.
SHORT_CELL = 10
#: A number cell longer than this may wrap ("24.5亿户（14.2亿户—45亿户）" is short in Chinese,
#: "2.45 billion users (1.42 billion users–4.5 billion users)" is not): kept on one line, it
#: would squeeze the reasons column to a word a line.
NUMBER_ONE_LINE = 24


def _sort_number(x: float) -> str:
    """A number's sort key: itself, or far below every number when missing."""
    return "-1e300" if x != x else repr(float(x))


def _img(png: bytes, alt: str) -> str:
    data = base64.b64encode(png).decode("ascii")
    return f'<img alt="{html.escape(alt)}" src="data:image/png;base64,{data}">'


def _table_html(df, colour_col: str | None = None, status_key: str = "_status") -> str:
    cols = [c for c in df.columns if not c.startswith("_")]
    head = "".join(f"<th>{html.escape(c)}</th>" for c in cols)
    # a column of short cells (未公布, 16000, 达标概率约50%) stays on one line
    short = {c for c in cols if df[c].astype(str).str.len().max() <= SHORT_CELL}
    body = []
    for _, row in df.iterrows():
        cells = []
        for c in cols:
            text = html.escape(str(row[c]))
            if c in short and c != colour_col:
                cells.append(f'<td class="nowrap">{text}</td>')
            elif c == colour_col:
                fill = STATUS_COLOURS.get(row[status_key], "#FFFFFF")
                ink = STATUS_INK.get(row[status_key], "#000000")
                cells.append(f'<td class="status" style="background:{fill};color:{ink}">'
                             f"{text}</td>")
            else:
                cells.append(f"<td>{text}</td>")
        body.append(f"<tr>{''.join(cells)}</tr>")
    return (f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody>"
            "</table>")


def _account_html(acc: Account, lang: str, chart: bytes | None) -> list[str]:
    """The final account: counts, a table per category, the retrospective and its chart."""
    table = A.account_table(acc, lang)
    # outcome cells take the colour of their outcome: met green, missed red, unknown grey
    table["_colour"] = table["_outcome"].map(OUTCOME_STATUS)
    outcome_col = A.account_headers(lang, "outcome")[0]
    parts = [f"<h2>{report_words('heading_account', lang)}</h2>",
             f"<p>{html.escape(A.counts_sentence(acc, lang))}</p>"]
    groups = table.groupby("_category", sort=False) if table["_category"].ne("").any() \
        else [("", table)]
    for name, g in groups:
        if name:
            parts.append(f"<h3>{html.escape(name)}</h3>")
        parts.append(_table_html(g, outcome_col, "_colour"))
    parts.append(f"<h2>{report_words('heading_retrospective', lang)}</h2>")
    if chart is not None:
        parts.append(f"<figure>{_img(chart, 'retrospective')}</figure>")
    retro = A.retrospective_table(acc, lang)
    if len(retro):
        parts.append(_table_html(retro))
    parts.append(f"<p>{html.escape(A.warnings_sentence(acc, lang))}</p>")
    return parts


def to_html(a: Assessment, lang: str | None = None,
            charts: dict[str, bytes] | bool | None = None, font_css: str | None = None,
            account: Account | None = None, *, path: str | Path | None = None) -> str:
    """The report as one HTML file with nothing external: ``charts`` maps indicator id
    (and ``"_summary"``) to PNG bytes to embed (``True``: draw them here); without it the
    page has the table only. The page embeds the font subset it needs (``font_css``, made
    here when not given). ``path``: also written there, atomically."""
    lang = lang or a.lang
    if charts is True:
        charts = render_charts(a, lang, account=account)
    elif charts is False:
        charts = None
    df = display_table(a, lang)
    cols = [c for c in df.columns if not c.startswith("_")]
    by_key = dict(zip(COLUMNS, cols, strict=True))
    head = "".join(f"<th>{html.escape(c)}</th>" for c in cols)
    body = []
    order = {r.indicator_id: r for r in a}
    rows = sorted(a, key=lambda r: r.seq)
    for (_, row), r in zip(df.iterrows(), rows, strict=True):
        fill = STATUS_COLOURS.get(row["_status"], "#FFFFFF")
        ink = STATUS_INK.get(row["_status"], "#000000")
        # what a click sorts by: the status by severity, numbers by their value in the
        # plan's unit (not the text: "1.04万亿元" is not 1.04), a missing one last
        keys = {"seq": r.seq, "status": SEVERITY.get(r.status_cn, len(SEVERITY)),
                "p_met": -1 if r.p_met != r.p_met or r.final else round(r.p_met, 4),
                "target": _sort_number(r.target_value), "latest": _sort_number(r.latest_value),
                "projection": _sort_number(r.projected),
                "need": _sort_number(r.required_cagr_now)}
        cells = []
        for key, c in by_key.items():
            text = html.escape(str(row[c]))
            sort = f' data-sort="{keys[key]}"' if key in keys else ""
            if key == "status":
                cells.append(f'<td class="status" style="background:{fill};color:{ink}"'
                             f"{sort}>{text}</td>")
            else:
                kind = CELL_CLASS.get(key, "")
                if kind == "num" and len(str(row[c])) > NUMBER_ONE_LINE:
                    kind = "num wrap"
                cls = f' class="{kind}"' if kind else ""
                cells.append(f"<td{cls}{sort}>{text}</td>")
        body.append(f'<tr id="row-{html.escape(r.indicator_id)}">{"".join(cells)}</tr>')
    h1 = report_title(a, lang)
    parts = [
        f"<!DOCTYPE html><html lang=\"{report_words('html_lang', lang)}\"><head>"
        "<meta charset=\"utf-8\">",
        f"<meta name=\"viewport\" content=\"width=device-width\"><title>{html.escape(h1)}"
        f"</title><style>{_CSS}\n%FONT%</style></head><body>",
        f"<h1>{html.escape(h1)}</h1>",
        f'<p class="meta">{html.escape(dates_words(a, lang))}</p>',
        f"<p>{html.escape(based_on_sentence(a, lang))}</p>",
    ]
    charts = charts or {}
    if a.finished:
        parts += _account_html(account if account is not None else a.account(), lang,
                               charts.get("_retrospective"))
    if "_summary" in charts:
        parts.append(f"<figure>{_img(charts['_summary'], h1)}</figure>")
    parts += [f"<h2>{report_words('heading_targets', lang)}</h2>",
              f"<p class=\"meta\">{report_words('sort_hint', lang)}</p>",
              f'<table class="sortable"><thead><tr>{head}</tr></thead>'
              f"<tbody>{''.join(body)}</tbody></table>"]
    unused, shipped = unused_table(a, lang)
    if len(unused):
        head, tail = unused_sentences(shipped, lang)
        parts += [f"<h2>{report_words('heading_unused', lang)}</h2>",
                  f"<p>{html.escape(head)}</p>", _table_html(unused)]
        if tail:
            parts.append(f"<p>{html.escape(tail)}</p>")
    figs = [(i, png) for i, png in charts.items() if i in order]
    if figs:
        parts.append(f"<h2>{report_words('heading_charts', lang)}</h2>")
        for i, png in sorted(figs, key=lambda x: order[x[0]].seq):
            r = order[i]
            name = target_name(r, lang)
            caption = labelled(f"<b>{html.escape(name)}</b>",
                               html.escape(target_reason(r, lang)), lang)
            parts.append(f'<figure id="chart-{html.escape(i)}">{_img(png, name)}'
                         f"<figcaption>{caption}</figcaption></figure>")
    if "_dashboard" in charts:
        parts.append(f"<h2>{report_words('heading_dashboard', lang)}</h2>"
                     f"<figure>{_img(charts['_dashboard'], 'dashboard')}</figure>")
    rules = "".join(f"<li>{html.escape(x)}</li>" for x in rule_lines(lang))
    parts += [f"<h2>{report_words('heading_rules', lang)}</h2><ul>{rules}</ul>",
              f'<p class="meta">jxdigital {__version__} · plan {html.escape(a.plan.plan_id)}'
              f" · scheme {html.escape(a.scheme)}</p>",
              f"<script>{_JS}</script></body></html>"]
    page = "\n".join(parts)
    if font_css is None:
        font_css = font_face_css(page)
    page = page.replace("%FONT%", font_css, 1)
    if path is not None:
        write_text(path, page)
    return page
