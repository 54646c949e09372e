"""The assessment as Markdown: summary, status table, reasons, data gaps and the rule.

Text from plans and figures (names, targets, reasons, titles) is shown as text: its HTML
(``<script>``) is escaped, and so are the pipes that would split a table cell.
"""

from __future__ import annotations

import html
import re

from .. import __version__
from .. import assessment as R
from ..assessment import Account, Assessment
from ..present import _account as A
from ..present import _phrases as P
from ..present._table import display_table, unused_sentences, unused_table
from ..present._text import as_of_words, counts_sentence, dates_words


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


def rule_lines(lang: str) -> list[str]:
    on, off = f"{R.P_ON_TRACK:.0%}", f"{R.P_OFF_TRACK:.0%}"
    if lang == "zh":
        return [
            "- 目标年数据已知的目标判定为“已实现”或“未实现”（最终结果）；以界限值公布的数据"
            "（如“超X”）只有在其允许的所有取值都落在同一侧时才能定论。",
            f"- 其余目标以达标概率 P 为主要依据：P ≥ {on} 为“{P.STATUS_ZH['on_track']}”，"
            f"{off} ≤ P < {on} 为“{P.STATUS_ZH['at_risk']}”，P < {off} 为"
            f"“{P.STATUS_ZH['off_track']}”；最新实际已达到目标为“{P.STATUS_ZH['achieved']}”。",
            f"- 可用年份少于{R.MIN_OBSERVATIONS}个（含基期）为"
            f"“{P.STATUS_ZH['insufficient_data']}”；"
            f"无数值目标为“{P.STATUS_ZH['not_assessable']}”。",
            "- 目标年已过而数据尚未公布的目标，按已公布数据推算目标年数值和达标概率，并注明。",
            "- “左右”和区间目标：对应当提高的指标，达到区间下限即为实现，高于区间为超额完成，"
            "低于下限为未实现；目标年前后用同一规则。",
            "- 预测：jxdigital 趋势模型组合，区间由大量年度序列的回测误差校准"
            "（见 BENCHMARKS.md）。",
        ]
    return [
        "- A target whose target-year figure is known is met or missed (final); a figure "
        "published as a bound settles it only where every value it allows falls on one side.",
        f"- P(target met) decides: P ≥ {on} on track, {off} ≤ P < {on} at risk, P < {off} off "
        "track; a latest actual that already meets the target is achieved.",
        f"- Fewer than {R.MIN_OBSERVATIONS} usable years (baseline included): insufficient data; "
        "no numeric target: not assessable.",
        "- A target year already over whose figure is not yet published is nowcast from the "
        "figures so far, and the reason says so.",
        "- 'About' and range targets on an indicator that should rise are met from the "
        "low end of the band up (above it is exceeded) and missed below it: one rule before "
        "and in the target year.",
        "- Projections: jxdigital's combination of trend models, with intervals calibrated on "
        "backtests of many yearly series (see BENCHMARKS.md).",
    ]


def account_lines(acc: Account, lang: str) -> list[str]:
    """The account of a finished plan: counts, a table per category, the retrospective."""
    zh = lang == "zh"
    out = ["## 完成情况总览" if zh else "## The final account", "",
           A.counts_sentence(acc, lang) + (
               "“已实现”含目标年前已达到、目标年数据尚未公布的目标；“尚不能确定”的目标给出按已有数据"
               "推算的达标概率。" if zh else
               " 'Met' includes targets reached before the target year whose target-year "
               "figure is not yet published; for targets not yet known, the P(met) nowcast "
               "from the figures so far is given."), ""]
    table = A.account_table(acc, lang)
    groups = table.groupby("_category", sort=False) if table["_category"].ne("").any() \
        else [("", table)]
    for name, g in groups:
        if name:
            out += [f"### {_text(name)}", ""]
        out += [markdown_table(g), ""]
    retro = A.retrospective_table(acc, lang)
    out += ["## 回顾：各年评估与最终结果" if zh else "## Looking back: each review and the outcome",
            ""]
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
    title = _text(a.plan.title_zh if lang == "zh" else (a.plan.title_en or a.plan.title_zh))
    zh = lang == "zh"
    if a.finished:
        head = f"# {title}：目标完成情况评估" if zh else f"# {title}: the final account"
    else:
        head = f"# {title}：目标实现情况评估" if zh else f"# {title}: progress towards the targets"
    out = [head, "", f"{dates_words(a, lang)}{'。' if zh else '.'}", "",
           (f"评估依据：{as_of_words(a, lang)}。{counts_sentence(a, lang)}" if zh else
            f"Based on {as_of_words(a, lang)}. {counts_sentence(a, lang)}"), ""]
    if a.finished:
        out += account_lines(account if account is not None else a.account(), lang)
    out += ["## 各项目标" if zh else "## Targets", "", markdown_table(df), ""]
    gaps = [r for r in sorted(a, key=lambda r: r.seq) if r.status_cn == "insufficient_data"]
    if gaps:
        out += ["## 数据缺口" if zh else "## Missing data", ""]
        out += [f"- {_text(r.name_zh if zh else (r.name_en or r.name_zh))}"
                f"{'：' if zh else ': '}{_text(r.reason_zh if zh else r.reason_en)}"
                for r in gaps]
        out.append("")
    unused, shipped = unused_table(a, lang)
    if len(unused):
        head, tail = unused_sentences(shipped, lang)
        out += ["## 未使用的数据" if zh else "## Figures not used", "", head, "",
                markdown_table(unused), ""] + ([tail, ""] if tail else [])
    out += ["## 判定规则" if zh else "## How the status is decided", "", *rule_lines(lang), "",
            f"<sub>jxdigital {__version__} · plan {_code(a.plan.plan_id)} · scheme "
            f"{_code(a.scheme)}</sub>",
            ""]
    return "\n".join(out)
