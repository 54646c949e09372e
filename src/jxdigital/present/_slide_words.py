"""The deck's own words (``jxdigital.slides``), in Chinese and English, and the plan's and
targets' names in one language (the deck, the command line and the template show them).

``DECK[lang][key]`` is a fixed text (``deck_words("glance", "en")`` → All targets at a
glance); ``finding`` joins a target's name and reason into a slide title.
"""

from __future__ import annotations

import math
from typing import Any

from .. import codes
from . import _text as T
from ._chart_words import target_words
from ._names import plan_title, short_name, status_of, target_name, target_reason, titled
from ._phrases import label

#: Fixed texts of the deck, by key.
DECK = {
    "zh": {"title_account": "目标完成情况评估", "title_progress": "目标实现情况评估",
           "account": label("account", "zh"), "looking_back": label("looking_back", "zh"),
           "glance": "各项目标一览", "gaps": "数据缺口：",
           "gap_name": "指标", "gap_latest": "最新可比数据", "gap_missing": "缺少",
           "gap_none": "无"},
    "en": {"title_account": "The final account", "title_progress": "Progress towards the targets",
           "account": label("account", "en"), "looking_back": label("looking_back", "en"),
           "glance": "All targets at a glance", "gaps": "Data gaps: ",
           "gap_name": "Indicator", "gap_latest": "Latest comparable figure",
           "gap_missing": "Missing", "gap_none": "none"},
}


def deck_words(key: str, lang: str) -> str:
    """A fixed text of the deck (``DECK``)."""
    return DECK[lang][key]


def deck_title(finished: bool, lang: str) -> str:
    """The second line of the title slide: the final account, or progress so far."""
    return deck_words("title_account" if finished else "title_progress", lang)


def finding(name: str, reason: str, lang: str) -> str:
    """A target's name and its reason in one text (the slide's notes)."""
    return f"{name}：{reason}" if lang == "zh" else f"{name}: {reason}"


def gaps_sentence(n: int, total: int, lang: str) -> str:
    """``19项目标中17项尚无法判断`` / ``17 of 19 targets cannot be judged yet``."""
    return f"{total}项目标中{n}项尚无法判断" if lang == "zh" else \
        f"{n} of {total} targets cannot be judged yet"


def gap_headers(lang: str) -> list[str]:
    return [deck_words(k, lang) for k in ("gap_name", "gap_latest", "gap_missing")]


def gap_row(r: Any, lang: str) -> list[str]:
    """One target of the data-gaps slide: its name, its latest comparable figure, and the
    years with no comparable figure up to the target year."""
    zh = lang == "zh"
    latest = deck_words("gap_none", lang)
    if _finite(r.latest_value) and r.latest_year is not None:
        v = T.value(r.latest_value, r.unit, lang)
        latest = f"{v}（{r.latest_year}年）" if zh else f"{v} ({r.latest_year})"
    first = (r.latest_year + 1) if r.latest_year is not None else r.base_year
    if r.status_cn == "not_assessable":
        missing = status_of(r, lang)
    elif first is None or first > r.target_year:
        missing = "—"
    else:
        span = str(first) if first == r.target_year else (
            f"{first}—{r.target_year}" if zh else f"{first}–{r.target_year}")
        missing = f"{span}年的可比数据" if zh else f"comparable figures for {span}"
    return [short_name(r, lang), latest, missing]


def _finite(x) -> bool:
    return isinstance(x, (int, float)) and math.isfinite(x)


def deck_file_title(title: str, what: str, lang: str) -> str:
    """The deck file's title (File > Info): the plan and what the deck is, with one colon
    at most (``titled``)."""
    return titled(title, what, lang)


def alt_text(r: Any, lang: str) -> str:
    """A chart's alternative text: the target's full name and the finding."""
    return headline(r, lang, full_name=True)


def headline(r: Any, lang: str, full_name: bool = False) -> str:
    """A target's slide title, the finding in one line: ``数字经济增加值：2025年预计1.37万亿元，
    低于1.6万亿元目标`` / ``Digital economy value added: 1.37 trillion yuan expected in 2025,
    below the target of 1.6 trillion yuan``; the reason goes under it."""
    zh = lang == "zh"
    name = target_name(r, lang) if full_name else short_name(r, lang)
    u, st = r.unit, r.status_cn
    goal = target_words(r, lang)
    head = f"{name}：" if zh else f"{name}: "
    if st in ("met", "missed") and _finite(r.latest_value):
        v = T.value(r.latest_value, u, lang)
        word = status_of(r, lang)
        return head + (f"{r.latest_year}年{v}，{word}{goal}的目标" if zh else
                       f"{v} in {r.latest_year}, target of {goal} {word}")
    if st == "achieved" and _finite(r.latest_value):
        v = T.value(r.latest_value, u, lang)
        return head + (f"{r.latest_year}年已达{v}，提前实现{goal}的目标" if zh else
                       f"{v} in {r.latest_year}, target of {goal} already met")
    if st in ("on_track", "at_risk", "off_track") and _finite(r.projected):
        v = T.projected(r.projected, u, lang)
        p = T.prob(r.p_met, lang)
        if r.comparator == codes.ABOVE_NATIONAL_AVERAGE and _finite(r.reference_projected):
            nat = T.projected(r.reference_projected, u, lang)
            return head + (f"{r.target_year}年预计{v}，全国约{nat}，达标概率{p}" if zh else
                           f"{v} expected in {r.target_year} against {nat} nationally, "
                           f"P(met) {p}")
        if _finite(r.target_value) and r.comparator != codes.FASTER_THAN:
            side = ("高于" if r.projected > r.target_value else "低于"
                    if r.projected < r.target_value else "达到") if zh else \
                ("above" if r.projected > r.target_value else "below"
                 if r.projected < r.target_value else "at")
            return head + (f"{r.target_year}年预计{v}，{side}{goal}的目标，达标概率{p}" if zh
                           else f"{v} expected in {r.target_year}, {side} the target of "
                                f"{goal}, P(met) {p}")
        return head + (f"{status_of(r, lang)}，达标概率{p}" if zh else
                       f"{status_of(r, lang)}, P(met) {p}")
    return head + status_of(r, lang)


__all__ = ["DECK", "alt_text", "deck_file_title", "deck_title", "deck_words", "finding",
           "gap_headers", "gap_row",
           "gaps_sentence", "headline", "plan_title", "target_name", "target_reason"]
