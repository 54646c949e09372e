"""The assessment as Markdown: it lays out the view (``present.view``) and nothing else.

Text from plans and figures (names, targets, reasons, titles) is shown as text: its HTML
(``<script>``) is escaped, and so are the pipes that would split a table cell.
"""

from __future__ import annotations

import re

from ..present.view import ReportView, Table, view


def _text(text) -> str:
    """Plan or figure text as Markdown shows it: ``<`` and ``&`` escaped (no raw HTML
    reaches the page; ``>`` alone opens no tag, and the plan's "&gt;10000" stays readable in
    the raw file), on one line."""
    text = str(text).replace("&", "&amp;").replace("<", "&lt;")
    return re.sub(r"[\r\n]+", " ", text)


def _cell(text) -> str:
    """``_text`` for a table cell: a ``|`` does not end the cell."""
    return _text(text).replace("|", "\\|")


def _code(text) -> str:
    """``text`` as inline code, fenced with more backticks than it holds."""
    text = re.sub(r"[\r\n]+", " ", str(text))
    fence = "`" * (max((len(m) for m in re.findall("`+", text)), default=0) + 1)
    pad = " " if fence != "`" else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def markdown_table(t: Table) -> str:
    """A ``Table`` (or a DataFrame of text) as a GitHub table."""
    if not isinstance(t, Table):  # a DataFrame
        cols = [c for c in t.columns if not str(c).startswith("_")]
        rows = [list(r) for r in t[cols].itertuples(index=False)]
        heads = cols
    else:
        heads = t.headers
        rows = [[c.text for c in r] for r in t.rows]
    lines = ["| " + " | ".join(_cell(c) for c in heads) + " |", "|" + "---|" * len(heads)]
    lines += ["| " + " | ".join(_cell(v) for v in r) + " |" for r in rows]
    return "\n".join(lines)


def _sectioned(t: Table, level: str = "###") -> list[str]:
    """The table, one Markdown table per section under its heading."""
    if not t.sections:
        return [markdown_table(t), ""]
    out = []
    for s in t.sections:
        part = Table(t.columns, t.rows[s.start:s.stop])
        out += [f"{level} {_text(s.title)}", "", markdown_table(part), ""]
    return out


def to_markdown(a, lang: str | None = None, account=None) -> str:
    """The report as Markdown (GitHub tables), in Chinese or English: the title, the dates,
    the one count sentence, the targets (by section), the retrospective of the settled
    targets, the data gaps, the figures not used and the rules. ``a``: an ``Assessment``
    or its ``present.view.ReportView``; ``account`` is accepted for compatibility."""
    v: ReportView = view(a, lang)
    out = [f"# {_text(v.heading)}", "", _text(v.dates) + v.say("full_stop"), "",
           _text(v.basis + v.say("sentence_gap") + v.counts), ""]
    if v.changes is not None:  # a scheduled job: what moved since last time, first
        head, lines = v.changes
        out += [f"## {_text(head)}", "", *(f"- {_text(x)}" for x in lines), ""]
    if v.grid is not None:  # a screen's width of indicators a table
        out += [f"## {v.say('heading_by_region')}", "", _text(v.say("by_region_hint")), ""]
        for t in v.grid_pages():
            out += [markdown_table(t), ""]
    out += [f"## {v.say('heading_targets')}", "", *_sectioned(v.table)]
    if v.retrospective is not None:
        out += [f"## {v.say('heading_retrospective')}", "", markdown_table(v.retrospective),
                "", _text(v.retro_sentence), ""]
    elif v.any_finished:
        out += [_text(v.retro_sentence), ""]
    if v.gap_lines:
        out += [f"## {v.say('heading_gaps')}", ""]
        out += [f"- {_text(line)}" for line in v.gap_lines] + [""]
    if len(v.unused):
        out += [f"## {v.say('heading_unused')}", "", _text(v.unused_head), "",
                markdown_table(v.unused), ""] + ([_text(v.unused_tail), ""] if v.unused_tail
                                                 else [])
    out += [f"## {v.say('heading_rules')}", "", *(f"- {_text(x)}" for x in v.rules), "",
            f"<sub>jxdigital {v.version} · plan {_code(v.plan_id)} · scheme "
            f"{_code(v.scheme)}</sub>", ""]
    return "\n".join(out)
