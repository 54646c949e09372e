"""Names as every output shows them: a plan's title, a target's name and reason, a series'
name, in one language (the Chinese where there is no English)."""

from __future__ import annotations

from typing import Any

from ..assessment import SeriesKey
from ..catalog import indicator_registry, region_name


def series_names(key: SeriesKey, own_region: str) -> tuple[str, str]:
    """(zh, en) name of a series: the indicator's name, with the region when it is not the
    plan's own (全国数字经济增加值 / digital economy value added (China))."""
    reg = indicator_registry().set_index("indicator_id")
    zh = str(reg["name_zh"].get(key.indicator_id, "") or key.indicator_id)
    en = str(reg["name_en"].get(key.indicator_id, "") or key.indicator_id)
    if key.region != own_region:
        china = key.region == "china"
        zh = ("全国" if china else region_name(key.region, "zh")) + zh
        en = f"{en} ({region_name(key.region, 'en')})"
    return zh, en


def localised(zh: Any, en: Any, lang: str) -> Any:
    """``zh`` in Chinese; ``en`` in English, or ``zh`` where there is no English."""
    return zh if lang == "zh" or not en else en


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
    return f"{region} {name}" if lang == "zh" else f"{region}: {name}"


def short_name(r: Any, lang: str) -> str:
    """A target's short name (``short_zh`` / ``short_en``, else its full name): for chart
    panels and narrow tables."""
    zh = getattr(r, "short_zh", "") or r.name_zh
    en = getattr(r, "short_en", "") or getattr(r, "name_en", "")
    return localised(zh, en, lang)


def target_reason(r: Any, lang: str) -> str:
    """A target's reason (``reason_zh`` / ``reason_en``) in ``lang``."""
    return r.reason_zh if lang == "zh" else r.reason_en


def status_of(r: Any, lang: str) -> str:
    """A target's status in words."""
    return r.status_zh if lang == "zh" else r.status_en


def titled(title: str, what: str, lang: str) -> str:
    """``title：what`` / ``title: what``, with one colon at most: after a title with a colon
    of its own, a dash (``…: main indicators — the final account``)."""
    if lang == "zh":
        return f"{title}——{what}" if "：" in title else f"{title}：{what}"
    return f"{title} — {what}" if ":" in title else f"{title}: {what}"
