"""The assessment as Markdown: summary, status table, reasons, data gaps and the rule."""

from __future__ import annotations

from .. import __version__
from ..assessment import Assessment
from ..assessment import _rules as R
from ..assessment._text import as_of_words, counts_sentence
from ._table import display_table


def _cell(text: str) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def markdown_table(df) -> str:
    cols = [c for c in df.columns if not c.startswith("_")]
    lines = ["| " + " | ".join(cols) + " |", "|" + "---|" * len(cols)]
    for row in df[cols].itertuples(index=False):
        lines.append("| " + " | ".join(_cell(v) for v in row) + " |")
    return "\n".join(lines)


def rule_lines(lang: str) -> list[str]:
    on, off = f"{R.P_ON_TRACK:.0%}", f"{R.P_OFF_TRACK:.0%}"
    if lang == "zh":
        return [
            f"- 状态以达标概率 P 为主要依据：P ≥ {on} 为“{R.STATUS_ZH['on_track']}”，"
            f"{off} ≤ P < {on} 为“{R.STATUS_ZH['at_risk']}”，P < {off} 为"
            f"“{R.STATUS_ZH['off_track']}”；最新实际已达到目标为“{R.STATUS_ZH['achieved']}”。",
            f"- 可用年份少于{R.MIN_OBSERVATIONS}个（含基期）为"
            f"“{R.STATUS_ZH['insufficient_data']}”；"
            f"无数值目标为“{R.STATUS_ZH['not_assessable']}”。",
            "- 预测：jxdigital 趋势模型组合，区间由大量年度序列的回测误差校准"
            "（见 BENCHMARKS.md）。",
        ]
    return [
        f"- P(target met) decides: P ≥ {on} on track, {off} ≤ P < {on} at risk, P < {off} off "
        "track; a latest actual that already meets the target is achieved.",
        f"- Fewer than {R.MIN_OBSERVATIONS} usable years (baseline included): insufficient data; "
        "no numeric target: not assessable.",
        "- Projections: jxdigital's combination of trend models, with intervals calibrated on "
        "backtests of many yearly series (see BENCHMARKS.md).",
    ]


def to_markdown(a: Assessment, lang: str | None = None) -> str:
    """The report as Markdown (GitHub tables), in Chinese or English."""
    lang = lang or a.lang
    df = display_table(a, lang)
    title = a.plan.title_zh if lang == "zh" else (a.plan.title_en or a.plan.title_zh)
    zh = lang == "zh"
    out = [f"# {title}：目标实现情况评估" if zh else f"# {title}: progress towards the targets",
           "",
           (f"评估依据：{as_of_words(a, lang)}。{counts_sentence(a, lang)}" if zh else
            f"Based on {as_of_words(a, lang)}. {counts_sentence(a, lang)}"),
           "", "## 各项目标" if zh else "## Targets", "", markdown_table(df), ""]
    gaps = [r for r in sorted(a, key=lambda r: r.seq) if r.status_cn == "insufficient_data"]
    if gaps:
        out += ["## 数据缺口" if zh else "## Missing data", ""]
        out += [f"- {r.name_zh if zh else (r.name_en or r.name_zh)}{'：' if zh else ': '}"
                f"{r.reason_zh if zh else r.reason_en}" for r in gaps]
        out.append("")
    out += ["## 判定规则" if zh else "## How the status is decided", "", *rule_lines(lang), "",
            f"<sub>jxdigital {__version__} · plan `{a.plan.plan_id}` · scheme `{a.scheme}`</sub>",
            ""]
    return "\n".join(out)
