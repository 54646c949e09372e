"""The Jupyter views of an assessment and its account: colour-coded tables."""

from __future__ import annotations

import html

from ._colours import STATUS_COLOURS, STATUS_INK
from ._phrases import OUTCOME
from ._text import dates_words, figure, phase_words, prob, target_label


def p_words(p: float, final: bool, lang: str = "zh") -> str:
    """P(met) for a table cell: a settled outcome's 100 % or 0 %, else as ``prob`` shows
    it (never rounded onto a status threshold: 0.7498 is 74.9%)."""
    if p != p:
        return ""
    return f"{p:.0%}" if final else prob(p, lang)


def html_table(a) -> str:
    f = a.to_frame()
    rows = []
    for r in f.itertuples():
        colour = STATUS_COLOURS.get(r.status_cn, "#FFFFFF")
        ink = STATUS_INK.get(r.status_cn, "#000000")
        p = p_words(r.p_met, r.final, a.lang)
        latest = "" if r.latest_year is None or r.latest_year != r.latest_year else \
            f"{figure(r.latest_value, r.unit, r.latest_qualifier, a.lang)} " \
            f"({int(r.latest_year)})"
        reason = r.reason_zh if a.lang == "zh" else r.reason_en
        name = r.name_zh if a.lang == "zh" else (r.name_en or r.name_zh)
        target = target_label(r.comparator, r.target_text, r.target_value, r.target_high,
                              r.reference, a.lang)
        rows.append(
            f"<tr><td>{html.escape(name)}</td><td>{html.escape(r.unit)}</td>"
            f"<td>{html.escape(target)}</td><td>{html.escape(latest)}</td><td>{p}</td>"
            f"<td>{html.escape(phase_words(r.phase, a.lang))}</td>"
            f"<td style='background:{colour};color:{ink}'>{html.escape(r.status_zh)} "
            f"{html.escape(r.status_en)}</td><td style='text-align:left'>"
            f"{html.escape(reason)}</td></tr>")
    head = "".join(f"<th>{h}</th>" for h in (
        ("指标", "单位", "目标", "最新", "P(达标)", "目标年结果", "状态", "说明")
        if a.lang == "zh" else
        ("Indicator", "Unit", "Target", "Latest", "P(met)", "Outcome", "Status", "Reason")))
    head = f"<tr>{head}</tr>"
    title = (f"<p><b>{html.escape(a.plan.title_zh)}</b> · {len(a)} targets · "
             f"{html.escape(dates_words(a, a.lang))}</p>")
    return f"{title}<table>{head}{''.join(rows)}</table>"


def account_html(acc) -> str:
    """An account as a table: outcome, target-year figure, margin, P(met), reason."""
    f = acc.to_frame()
    show = f[["seq", "name_zh", "target_text", "outcome_zh", "year", "value", "margin",
              "p_met", "reason_zh"]].copy()
    show["margin"] = show["margin"].map(lambda m: "" if m != m else f"{m:+.1%}")
    show["p_met"] = [p_words(p, fin) for p, fin in zip(f["p_met"], f["final"], strict=True)]
    head = "，".join(f"{OUTCOME['zh'][o]}{n}项" for o, n in acc.counts().items())
    return f"<p><b>{html.escape(acc.assessment.plan.title_zh)}</b> · {head}</p>" + \
        show._repr_html_()
