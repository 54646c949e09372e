"""The status table every report shows, as display strings (presentation only)."""

from __future__ import annotations

import math

import pandas as pd

from ..assessment import Assessment, TargetStatus
from ..assessment import _text as T

#: The status table's columns, by key; ``HEADERS[lang][key]`` is the printed header.
COLUMNS = ("seq", "category", "indicator", "target", "latest", "projection", "p_met", "need",
           "outcome", "status", "reason")
HEADERS = {
    "zh": dict(zip(COLUMNS, ["序号", "类别", "指标", "目标", "最新实际",
                             "目标年预测（80%区间）", "达标概率", "所需年均增长", "目标年结果",
                             "状态", "说明"], strict=True)),
    "en": dict(zip(COLUMNS, ["#", "Category", "Indicator", "Target", "Latest actual",
                             "Projection for the target year (80% interval)", "P(met)",
                             "Growth needed a year", "Outcome", "Status", "Reason"],
                   strict=True)),
}


def headers(lang: str, *keys: str) -> list[str]:
    """The printed headers of ``keys`` (every column when none are given)."""
    return [HEADERS[lang][k] for k in (keys or COLUMNS)]


def _nan(x) -> bool:
    return x is None or (isinstance(x, float) and math.isnan(x))


def target_words(r: TargetStatus, lang: str) -> str:
    """The target as the plan prints it, or its meaning in English (the unit is in the
    indicator column)."""
    return T.target_label(r.comparator, r.target_text, r.target_value, r.target_high,
                          r.reference, lang)


def name_words(r: TargetStatus, lang: str) -> str:
    name = r.name_zh if lang == "zh" else (r.name_en or r.name_zh)
    if not r.unit:
        return name
    if lang == "zh":
        return f"{name}（{r.unit}）"
    return f"{name} ({T.unit_en(r.unit)})"


def latest_words(r: TargetStatus, lang: str) -> str:
    if r.latest_year is None or _nan(r.latest_value):
        return "—"
    more = ""
    if r.latest_qualifier == "lower_bound":
        more = "以上" if lang == "zh" else "+"
    return f"{T.value(r.latest_value, r.unit, lang)}{more}（{r.latest_year}）" if lang == "zh" \
        else f"{T.value(r.latest_value, r.unit, lang)}{more} ({r.latest_year})"


def projection_words(r: TargetStatus, lang: str) -> str:
    if _nan(r.projected):
        return "—"
    if r.unit == "%" and r.comparator == "faster_than":
        return f"{T.rate(r.projected / 100)} vs {T.rate(r.reference_projected / 100)}"
    u = r.unit
    lo, hi = T.value(r.lo_80, u, lang), T.value(r.hi_80, u, lang)
    return (f"{T.value(r.projected, u)}（{lo}—{hi}）" if lang == "zh" else
            f"{T.value(r.projected, u, 'en')} ({lo}–{hi})")


def need_words(r: TargetStatus, lang: str) -> str:
    if r.final or r.status_cn == "achieved":
        return "—"
    need = r.required_pp_now if r.is_share else r.required_cagr_now
    if not _nan(need) and need <= 0:  # already at or past the target's value
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
            status_words(r, lang), r.reason_zh if lang == "zh" else r.reason_en])
    df = pd.DataFrame(rows, columns=headers(lang))
    df["_status"] = [r.status_cn for r in sorted(a, key=lambda r: r.seq)]
    return df
