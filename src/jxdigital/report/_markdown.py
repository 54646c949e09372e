"""The assessment as Markdown: summary, status table, reasons, data gaps and the rule.

Text from plans and figures (names, targets, reasons, titles) is shown as text: its HTML
(``<script>``) is escaped, and so are the pipes that would split a table cell.
"""

from __future__ import annotations

import html
import re

from .. import __version__
from ..assessment import Account, Assessment
from ..present import _account as A
from ..present._report_words import (
    account_sentence,
    based_on_sentence,
    gap_group,
    labelled,
    plan_title,
    report_title,
    report_words,
    rule_lines,
    sentence,
    target_name,
    target_reason,
)
from ..present._table import display_table, unused_sentences, unused_table
from ..present._text import dates_words


def _text(text) -> str:
    """Plan or figure text as Markdown shows it: ``<``, ``>`` and ``&`` escaped (no raw
    HTML reaches the page), on one line."""
    return re.sub(r"[\r\n]+", " ", html.escape(str(text), quote=False))


def _cell(text) -> str:
    """``_text`` for a table cell: a ``|`` does not end the cell."""
    return _text(text).replace("|", "\\|")


def _code(text) -> str:
    """``text`` as inline code, fenced with more backticks than it holds."""
    text = re.sub(r"[\r\n]+", " ", str(text))
    fence = "`" * (max((len(m) for m in re.findall("`+", text)), default=0) + 1)
    pad = " " if fence != "`" else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def markdown_table(df) -> str:
    cols = [c for c in df.columns if not c.startswith("_")]
    lines = ["| " + " | ".join(_cell(c) for c in cols) + " |", "|" + "---|" * len(cols)]
    for row in df[cols].itertuples(index=False):
        lines.append("| " + " | ".join(_cell(v) for v in row) + " |")
    return "\n".join(lines)


def account_lines(acc: Account, lang: str) -> list[str]:
    """The account of a finished plan: counts, a table per category, the retrospective."""
    out = [f"## {report_words('heading_account', lang)}", "",
           account_sentence(A.counts_sentence(acc, lang), lang), ""]
    table = A.account_table(acc, lang)
    groups = table.groupby("_category", sort=False) if table["_category"].ne("").any() \
        else [("", table)]
    for name, g in groups:
        if name:
            out += [f"### {_text(name)}", ""]
        out += [markdown_table(g), ""]
    retro = A.retrospective_table(acc, lang)
    out += [f"## {report_words('heading_retrospective', lang)}", ""]
    if len(retro):
        out += [markdown_table(retro), ""]
    out += [A.warnings_sentence(acc, lang), ""]
    return out


def to_markdown(a: Assessment, lang: str | None = None, account: Account | None = None) -> str:
    """The report as Markdown (GitHub tables), in Chinese or English; a plan whose target
    years have all passed opens with its final account (``account``, made here when not
    given)."""
    lang = lang or a.lang
    df = display_table(a, lang)
    title = _text(plan_title(a.plan, lang))
    out = [f"# {report_title(a, lang, title)}", "", sentence(dates_words(a, lang), lang), "",
           based_on_sentence(a, lang), ""]
    if a.finished:
        out += account_lines(account if account is not None else a.account(), lang)
    out += [f"## {report_words('heading_targets', lang)}", "", markdown_table(df), ""]
    gaps = [r for r in sorted(a, key=lambda r: r.seq) if r.status_cn == "insufficient_data"]
    if gaps:
        out += [f"## {report_words('heading_gaps', lang)}", ""]
        # targets with the same reason share one line: the reason once, then their names
        by_reason: dict[str, list[str]] = {}
        for r in gaps:
            by_reason.setdefault(target_reason(r, lang), []).append(target_name(r, lang))
        for reason, names in by_reason.items():
            if len(names) == 1:
                out.append(f"- {labelled(_text(names[0]), _text(reason), lang)}")
            else:
                out.append(f"- {_text(gap_group(names, reason, lang))}")
        out.append("")
    unused, shipped = unused_table(a, lang)
    if len(unused):
        head, tail = unused_sentences(shipped, lang)
        out += [f"## {report_words('heading_unused', lang)}", "", head, "",
                markdown_table(unused), ""] + ([tail, ""] if tail else [])
    out += [f"## {report_words('heading_rules', lang)}", "",
            *(f"- {x}" for x in rule_lines(lang)), "",
            f"<sub>jxdigital {__version__} · plan {_code(a.plan.plan_id)} · scheme "
            f"{_code(a.scheme)}</sub>",
            ""]
    return "\n".join(out)
