"""The Jupyter view of an assessment: a colour-coded table (presentation only)."""

from __future__ import annotations

import html

from ._text import dates_words, figure, phase_words, prob, target_label

#: Colour-blind-safe status colours (Okabe-Ito), always shown with the words; one palette
#: for the Jupyter table, charts, HTML, Excel and slides.
STATUS_COLOURS = {"met": "#00684A", "achieved": "#009E73", "on_track": "#0072B2",
                  "at_risk": "#E69F00", "off_track": "#D55E00", "missed": "#8F2600",
                  "insufficient_data": "#BBBBBB", "not_assessable": "#DDDDDD"}
#: Text colour that keeps contrast on each status colour.
STATUS_INK = {"met": "#FFFFFF", "achieved": "#FFFFFF", "on_track": "#FFFFFF",
              "at_risk": "#000000", "off_track": "#FFFFFF", "missed": "#FFFFFF",
              "insufficient_data": "#000000", "not_assessable": "#000000"}


#: The status whose colour an account's outcome takes (met green, missed red, unknown grey).
OUTCOME_STATUS = {"met": "met", "missed": "missed", "unknown": "insufficient_data",
                  "not_assessable": "not_assessable"}


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
