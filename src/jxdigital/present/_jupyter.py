"""The Jupyter views: a view's status table (and any ``Table``) as HTML, status cells in
their colours, short columns kept on one line."""

from __future__ import annotations

import html
from typing import Any

#: Kinds of column whose cells stay on one line (a status word one character wide a line
#: is unreadable).
_ONE_LINE = ("status", "number")


def table_html(t: Any, title: str = "") -> str:
    """A ``present.view.Table`` as an HTML table; section titles as rows spanning it."""
    head = "".join(f"<th style='text-align:left'>{html.escape(c.header)}</th>"
                   for c in t.columns)
    starts = {s.start: s.title for s in t.sections if s.title}
    body = []
    for i, row in enumerate(t.rows):
        if i in starts:
            body.append(f"<tr><td colspan='{len(t.columns)}' style='text-align:left;"
                        f"font-weight:bold;background:#f3f3f3'>{html.escape(starts[i])}"
                        "</td></tr>")
        cells = []
        for c, cell in zip(t.columns, row, strict=True):
            style = ["text-align:left" if c.kind in ("name", "reason", "text") else
                     "text-align:right"]
            if c.kind in _ONE_LINE:
                style.append("white-space:nowrap")
            if c.kind == "reason":
                style.append("min-width:24em")
            if cell.fill:
                style.append(f"background:{cell.fill};color:{cell.ink or '#000'}")
            cells.append(f"<td style='{';'.join(style)}'>{html.escape(cell.text)}</td>")
        body.append(f"<tr>{''.join(cells)}</tr>")
    caption = f"<p>{title}</p>" if title else ""
    return f"{caption}<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def view_html(v: Any) -> str:
    """The Jupyter view of an assessment: title, dates, the count sentence, the table."""
    title = (f"<b>{html.escape(v.title)}</b><br>{html.escape(v.dates)}<br>"
             f"{html.escape(v.counts)}")
    return table_html(v.table, title)
