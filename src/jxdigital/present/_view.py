"""The Jupyter views of an assessment and its account: colour-coded tables."""

from __future__ import annotations

import html

from ._account import account_headers, account_table, counts_sentence
from ._colours import OUTCOME_STATUS, STATUS_COLOURS, STATUS_INK
from ._names import plan_title
from ._table import display_table, headers
from ._text import dates_words, prob


def p_words(p: float, final: bool, lang: str = "zh") -> str:
    """P(met) for a table cell: a settled outcome's 100 % or 0 %, else as ``prob`` shows
    it (never rounded onto a status threshold: 0.7498 is 74.9%)."""
    if p != p:
        return ""
    return f"{p:.0%}" if final else prob(p, lang)


def _coloured(title: str, df, cols: list[str], fill_col: str, statuses: list[str],
              left_col: str = "") -> str:
    """An HTML table of ``df[cols]`` whose ``fill_col`` cells take each row's status colour."""
    rows = []
    for (_, row), st in zip(df.iterrows(), statuses, strict=True):
        cells = []
        for c in cols:
            style = ""
            if c == fill_col:
                style = (f" style='background:{STATUS_COLOURS.get(st, '#FFFFFF')};"
                         f"color:{STATUS_INK.get(st, '#000000')}'")
            elif c == left_col:
                style = " style='text-align:left'"
            cells.append(f"<td{style}>{html.escape(str(row[c]))}</td>")
        rows.append(f"<tr>{''.join(cells)}</tr>")
    head = "<tr>" + "".join(f"<th>{html.escape(h)}</th>" for h in cols) + "</tr>"
    return f"<p>{title}</p><table>{head}{''.join(rows)}</table>"


def html_table(a) -> str:
    """The Jupyter view: the status table every report shows (``display_table``), its
    status cells in the status colours."""
    df = display_table(a, a.lang)
    cols = headers(a.lang, "indicator", "target", "latest", "p_met", "outcome", "status",
                   "grade", "reason")
    title = (f"<b>{html.escape(plan_title(a.plan, a.lang))}</b> · {len(a)} · "
             f"{html.escape(dates_words(a, a.lang))}")
    return _coloured(title, df, cols, headers(a.lang, "status")[0], list(df["_status"]),
                     left_col=headers(a.lang, "reason")[0])


def account_html(acc) -> str:
    """The Jupyter view of an account: the account table every report shows, its outcome
    cells in the outcome colours."""
    lang = acc.assessment.lang
    df = account_table(acc, lang)
    cols = account_headers(lang, "indicator", "target", "actual", "against", "outcome",
                           "reason")
    title = (f"<b>{html.escape(plan_title(acc.assessment.plan, lang))}</b> · "
             f"{html.escape(counts_sentence(acc, lang))}")
    return _coloured(title, df, cols, account_headers(lang, "outcome")[0],
                     [OUTCOME_STATUS[o] for o in df["_outcome"]],
                     left_col=account_headers(lang, "reason")[0])
