"""The status table every report shows, as display strings (presentation only)."""

from __future__ import annotations

import math

import pandas as pd

from .. import codes
from ..assessment import Assessment, TargetStatus
from . import _text as T
from ._chart_words import target_words as chart_target_words

#: The status table's columns, by key; ``HEADERS[lang][key]`` is the printed header.
COLUMNS = ("seq", "category", "indicator", "target", "latest", "projection", "p_met", "need",
           "outcome", "status", "grade", "reason")
HEADERS = {
    "zh": dict(zip(COLUMNS, ["序号", "类别", "指标", "目标", "最新实际",
                             "目标年预测（80%区间）", "达标概率", "所需年均增长", "目标年结果",
                             "状态", "依据", "说明"], strict=True)),
    "en": dict(zip(COLUMNS, ["#", "Category", "Indicator", "Target", "Latest actual",
                             "Projection for the target year (80% interval)", "P(met)",
                             "Growth needed a year", "Outcome", "Status", "Evidence",
                             "Reason"], strict=True)),
}


def headers(lang: str, *keys: str) -> list[str]:
    """The printed headers of ``keys`` (every column when none are given)."""
    return [HEADERS[lang][k] for k in (keys or COLUMNS)]


def _nan(x) -> bool:
    return x is None or (isinstance(x, float) and math.isnan(x))


def target_words(r: TargetStatus, lang: str) -> str:
    """The target as the plan prints it (the unit is in the indicator column), or in
    English its meaning on the scale of the row's other figures (``≥ 1.6 trillion yuan``
    beside ``1.04 trillion yuan``, not ``16,000``)."""
    if lang == "en" and r.comparator not in (codes.ABOVE_NATIONAL_AVERAGE,
                                             codes.FASTER_THAN) \
            and isinstance(r.target_value, float) and math.isfinite(r.target_value):
        return chart_target_words(r, lang)
    return T.target_label(r.comparator, r.target_text, r.target_value, r.target_high,
                          r.reference, lang)


def name_words(r: TargetStatus, lang: str) -> str:
    """The indicator's name; in Chinese with the printed unit its row's numbers are in
    (English rows carry the unit in every figure)."""
    name = r.name_zh if lang == "zh" else (r.name_en or r.name_zh)
    if not r.unit or lang != "zh":
        return name
    return f"{name}（{r.unit}）"


def latest_words(r: TargetStatus, lang: str) -> str:
    """The latest figure with its year, a bound read as one: ``不到4000家（2022）``."""
    if r.latest_year is None or _nan(r.latest_value):
        return "—"
    v = T.figure(r.latest_value, r.unit, r.latest_qualifier, lang)
    return f"{v}（{r.latest_year}）" if lang == "zh" else f"{v} ({r.latest_year})"


def projection_words(r: TargetStatus, lang: str) -> str:
    if _nan(r.projected):
        return "—"
    if r.unit == "%" and r.comparator == codes.FASTER_THAN:
        return f"{T.rate(r.projected / 100)} vs {T.rate(r.reference_projected / 100)}"
    u = r.unit
    lo, hi = T.projected(r.lo_80, u, lang), T.projected(r.hi_80, u, lang)
    return (f"{T.projected(r.projected, u)}（{lo}—{hi}）" if lang == "zh" else
            f"{T.projected(r.projected, u, 'en')} ({lo}–{hi})")


def need_words(r: TargetStatus, lang: str) -> str:
    if r.final or r.status_cn == "achieved":
        return "—"
    need = r.required_pp_now if r.is_share else r.required_cagr_now
    # in the direction the target asks for: met below a value (-inf low end) asks for a fall
    sign = -1.0 if r.target_low_met == -math.inf else 1.0
    if not _nan(need) and sign * need <= 0:  # already at or past the target's value
        return "—"
    if not _nan(r.required_cagr_now):
        return T.rate(r.required_cagr_now)
    if not _nan(r.required_pp_now):
        return T.points(r.required_pp_now, lang)
    return "—"


def status_words(r: TargetStatus, lang: str) -> str:
    return r.status_zh if lang == "zh" else r.status_en


def display_table(a: Assessment, lang: str) -> pd.DataFrame:
    """One row per target, in plan order, every cell a string; ``status`` kept for colour."""
    rows = []
    for r in sorted(a, key=lambda r: r.seq):
        rows.append([
            str(r.seq), (r.category_zh if lang == "zh" else r.category_en or r.category_zh),
            name_words(r, lang), target_words(r, lang),
            latest_words(r, lang), projection_words(r, lang),
            "—" if _nan(r.p_met) or r.final else T.prob(r.p_met, lang),
            need_words(r, lang), T.phase_words(r.phase, lang),
            status_words(r, lang), r.evidence_grade or "—",
            r.reason_zh if lang == "zh" else r.reason_en])
    df = pd.DataFrame(rows, columns=headers(lang))
    df["_status"] = [r.status_cn for r in sorted(a, key=lambda r: r.seq)]
    return df


#: The columns of the "figures not used" table, by language.
UNUSED_HEADERS = {"zh": ["指标", "年份", "数值", "来源", "未使用原因"],
                  "en": ["Indicator", "Year", "Figure", "From", "Why not used"]}
#: The reasons a report lists figure by figure (the others are the selection rule at work).
LISTED = ("part_year", "not_comparable")


def _origin_en(origin: str) -> str:
    """Where a figure came from, for an English table (the sources' titles are Chinese)."""
    if origin == "jxdigital":
        return "shipped figures"
    return "your figures" if origin.startswith("<") else f"your file {origin}"


def unused_table(a: Assessment, lang: str) -> tuple[pd.DataFrame, int]:
    """The figures a report lists as not used: every part-year one and a user's figures
    whose definition differs from the plan's, every cell a string; and the number of
    shipped figures of a different definition (summarised as a count). In English the
    source is named by where it came from (its title is Chinese). A figure left out
    because another source was chosen for its year is not listed (the workbook's actuals
    sheet says so for each figure)."""
    u = a.unused()
    shipped_other = (u["reason_code"] == "not_comparable") & (u["origin"] == "jxdigital")
    show = u[u["reason_code"].isin(LISTED) & ~shipped_other]
    zh = lang == "zh"
    rows = [[r["name_zh"] if zh else (r["name_en"] or r["name_zh"]), str(int(r["year"])),
             T.figure(float(r["value"]), str(r["unit"]), str(r["qualifier"]), lang),
             str(r["source_title"]) if zh else _origin_en(str(r["origin"])),
             r["reason_zh"] if zh else r["reason_en"]]
            for r in show.to_dict("records")]
    return pd.DataFrame(rows, columns=UNUSED_HEADERS[lang]), int(shipped_other.sum())


def unused_sentences(n_shipped: int, lang: str) -> tuple[str, str]:
    """(the line before the table, the line after it: the shipped figures not listed)."""
    if lang == "zh":
        head = ("下列数据未用于判断：年内数（截至年中某日或某月的数据）不作年度值使用，"
                "口径与规划不同的数据不与目标比较。")
        tail = (f"另有内置数据中口径与规划不同的数据{n_shipped}个未使用（原因见 Excel 工作簿"
                "actuals 表的“使用情况”列）。" if n_shipped else "")
        return head, tail
    head = ("These figures were not used: a part-year figure (as of a date within the year) "
            "is not a year's value, and a figure of a different definition is not compared "
            "with the target.")
    tail = (f"{n_shipped} shipped figure{'s' if n_shipped != 1 else ''} of a different "
            f"definition {'are' if n_shipped != 1 else 'is'} not used either (the 'used' "
            "column of the workbook's actuals sheet says why)." if n_shipped else "")
    return head, tail
