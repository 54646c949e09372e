"""The final account as display tables: outcomes per target, and the retrospective
(what each year's review said, beside the outcome). Presentation only."""

from __future__ import annotations

import math

import pandas as pd

from .. import codes
from ..assessment import Account
from . import _phrases as P
from . import _text as T
from ._phrases import SHARED
from ._text import account_counts_sentence as counts_sentence
from ._text import warnings_sentence

__all__ = ["ACCOUNT_COLUMNS", "ACCOUNT_HEADERS", "account_headers", "account_table",
           "counts_sentence", "retrospective_table", "warnings_sentence"]

#: The account table's columns, by key; ``account_headers(lang, *keys)`` gives the printed
#: headers (tables are read by column name, never by position).
ACCOUNT_COLUMNS = ("seq", "indicator", "target", "actual", "against", "outcome", "reason")
ACCOUNT_HEADERS = {
    "zh": ["序号", "指标", "目标", "目标年实际", SHARED["against_target"]["zh"], "结果", "说明"],
    "en": ["#", "Indicator", "Target", "Target-year actual", SHARED["against_target"]["en"],
           "Outcome", "Reason"],
}


def account_headers(lang: str, *keys: str) -> list[str]:
    """The printed headers of the account table's columns ``keys`` (all when none)."""
    named = dict(zip(ACCOUNT_COLUMNS, ACCOUNT_HEADERS[lang], strict=True))
    return [named[k] for k in (keys or ACCOUNT_COLUMNS)]


def _nan(x) -> bool:
    return x is None or (isinstance(x, float) and math.isnan(x))


def _actual(row, unit: str, lang: str, year: int) -> str:
    if row["outcome"] in ("met", "missed") and not _nan(row["value"]) and \
            not _nan(row["year"]):
        q = row["qualifier"] if row["qualifier"] in (codes.LOWER_BOUND, codes.UPPER_BOUND) \
            else "exact"  # a bound reads as one: 3000件以上 / over 3,000 items
        v = T.figure(row["value"], unit, q, lang)
        when = int(row["year"])
        if when != year:  # met early, the target-year figure not published yet
            return f"{v}（{when}年）" if lang == "zh" else f"{v} ({when})"
        return v
    return "未公布" if lang == "zh" else "not yet published"


def _against(row, lang: str) -> str:
    m, pp = row["margin"], row["margin_pp"]
    if _nan(m) or not row["final"]:
        if row["outcome"] == "met":
            return "提前达到" if lang == "zh" else "reached early"
        if not _nan(row["p_met"]):
            return (f"达标概率约{T.prob(row['p_met'])}" if lang == "zh" else
                    f"P(met) about {T.prob(row['p_met'], 'en')}")
        return "—"
    pct = f"{m * 100:+.1f}%"
    if not _nan(pp):
        return (f"{pp:+.2f}个百分点（{pct}）" if lang == "zh" else f"{pp:+.2f} points ({pct})")
    return pct


def account_table(acc: Account, lang: str) -> pd.DataFrame:
    """One row per target, every cell a string; ``_outcome`` and ``_status`` kept for
    colour and ``_category`` for grouping."""
    f = acc.to_frame()
    rows = sorted(acc.assessment, key=lambda r: r.seq)
    out = []
    for (_, row), r in zip(f.iterrows(), rows, strict=True):
        name = r.name_zh if lang == "zh" else (r.name_en or r.name_zh)
        unit = r.unit if lang == "zh" else T.unit_en(r.unit)
        label = f"{name}（{r.unit}）" if lang == "zh" and r.unit else \
            (f"{name} ({unit})" if r.unit else name)
        target = T.target_label(r.comparator, r.target_text, r.target_value, r.target_high,
                                r.reference, lang)
        outcome = P.OUTCOME[lang][row["outcome"]]
        if r.status_cn == "achieved":
            outcome += "（提前）" if lang == "zh" else " (early)"
        out.append([str(r.seq), label, target, _actual(row, r.unit, lang, r.target_year),
                    _against(row, lang), outcome,
                    r.reason_zh if lang == "zh" else r.reason_en])
    df = pd.DataFrame(out, columns=ACCOUNT_HEADERS[lang])
    df["_outcome"] = f["outcome"].to_list()
    df["_status"] = [r.status_cn for r in rows]
    df["_category"] = [(r.category_zh if lang == "zh" else r.category_en or r.category_zh)
                       for r in rows]
    return df


def retrospective_table(acc: Account, lang: str) -> pd.DataFrame:
    """Targets × review years: ``P% 状态`` in each cell, then the outcome."""
    r = acc.retrospective()
    if not len(r):
        return pd.DataFrame()
    reviews = list(dict.fromkeys(r.sort_values("review")["review"]))

    def head(review: str, current: bool) -> str:
        if current:
            return f"本次（{review}）" if lang == "zh" else f"This review ({review})"
        return f"{review[:4]}年末" if lang == "zh" else f"End {review[:4]}"

    current = dict(zip(r["review"], r["current"], strict=True))
    cols = [head(x, bool(current[x])) for x in reviews]
    rows = []
    for _iid, g in r.groupby("indicator_id", sort=False):
        name = g["name_zh"].iloc[0] if lang == "zh" else (g["name_en"].iloc[0] or
                                                          g["name_zh"].iloc[0])
        cells = {}
        for _, x in g.iterrows():
            words = P.STATUS[lang].get(x["status"], x["status"])
            p = "" if _nan(x["p_met"]) or x["status"] in ("met", "missed") else \
                f"{T.prob(x['p_met'], lang)} "
            cells[head(x["review"], bool(x["current"]))] = f"{p}{words}"
        rows.append({("指标" if lang == "zh" else "Indicator"): name,
                     **{c: cells.get(c, "—") for c in cols},
                     ("结果" if lang == "zh" else "Outcome"):
                         P.OUTCOME[lang][g["outcome"].iloc[0]]})
    return pd.DataFrame(rows)
