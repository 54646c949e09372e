"""Names as every output shows them: a plan's title, a target's name and reason, a series'
name, in one language (the Chinese where there is no English)."""

from __future__ import annotations

from typing import Any

from ..assessment import SeriesKey
from ..catalog import indicator_registry, region_name
from .words import words_for

#: The language the plans, their targets and the figures' sources are printed in. A
#: reader of it reads the printed words; a reader of another language reads them named
#: from data (``name_en``, ``title_en``) or translated from their parsed meaning.
PRINTED = "zh"


def data_language(lang: str) -> str:
    """The language of the data (``name_zh`` / ``name_en``, ``title_zh`` / ``title_en``) a
    reader of ``lang`` reads: the catalogue's setting ``data_language`` (a language the data
    are not written in reads the English)."""
    return words_for(lang).setting("data_language")


def reads_printed(lang: str) -> bool:
    """Whether a reader of ``lang`` reads the plan's words as printed (``PRINTED``)."""
    return data_language(lang) == PRINTED


def series_name(key: SeriesKey, own_region: str, lang: str) -> str:
    """The name of a series in ``lang``: the indicator's name, with the region when it is
    not the plan's own (全国数字经济增加值 / digital economy value added (China))."""
    reg = indicator_registry().set_index("indicator_id")
    name = str(reg[f"name_{data_language(lang)}"].get(key.indicator_id, "")
               or key.indicator_id)
    if key.region != own_region:
        name = words_for(lang).say("names.series_in_region", name=name,
                                   region=region_name(key.region, lang))
    return name


def series_names(key: SeriesKey, own_region: str) -> tuple[str, str]:
    """(zh, en) name of a series (``series_name``), as the assessment keeps it."""
    return series_name(key, own_region, "zh"), series_name(key, own_region, "en")


def localised(printed: Any, english: Any, lang: str) -> Any:
    """``printed`` (the plan's words) in the language it is printed in; in another, the
    English (``english``) where there is one."""
    return printed if reads_printed(lang) or not english else english


def plan_title(plan: Any, lang: str) -> str:
    """The plan's title: the Chinese one, or the English one (the Chinese when it has none)."""
    return localised(plan.title_zh, plan.title_en, lang)


def target_name(r: Any, lang: str) -> str:
    """The name of a target or an indicator (anything with ``name_zh`` and ``name_en``)."""
    return localised(r.name_zh, r.name_en, lang)


def in_region(region: str, name: str, lang: str) -> str:
    """A target's name in a plan of several regions: ``赣州 5G基站`` / ``Ganzhou: 5G base
    stations`` (the name alone where ``region`` is empty)."""
    if not region:
        return name
    return words_for(lang).say("names.in_region", region=region, name=name)


def short_name(r: Any, lang: str) -> str:
    """A target's short name (``short_zh`` / ``short_en``, else its full name): for chart
    panels and narrow tables."""
    zh = getattr(r, "short_zh", "") or r.name_zh
    en = getattr(r, "short_en", "") or getattr(r, "name_en", "")
    return localised(zh, en, lang)


def target_reason(r: Any, lang: str) -> str:
    """A target's reason (``reason_zh`` / ``reason_en``) in ``lang``."""
    return getattr(r, f"reason_{lang}")


def status_of(r: Any, lang: str) -> str:
    """A target's status in words."""
    return getattr(r, f"status_{lang}")


def titled(title: str, what: str, lang: str) -> str:
    """``title：what`` / ``title: what``, with one colon at most: after a title with a colon
    of its own, a dash (``…: main indicators — the final account``)."""
    w = words_for(lang)
    key = "names.titled_dash" if w.say("names.title_colon") in title else "names.titled"
    return w.say(key, title=title, what=what)
