"""Names of series as a report shows them."""

from __future__ import annotations

from ..assessment import SeriesKey
from ..catalog import indicator_registry


def series_names(key: SeriesKey, own_region: str) -> tuple[str, str]:
    """(zh, en) name of a series: the indicator's name, with the region when it is not the
    plan's own (全国数字经济增加值 / digital economy value added (China))."""
    reg = indicator_registry().set_index("indicator_id")
    zh = str(reg["name_zh"].get(key.indicator_id, "") or key.indicator_id)
    en = str(reg["name_en"].get(key.indicator_id, "") or key.indicator_id)
    if key.region != own_region:
        china = key.region == "china"
        zh = ("全国" if china else key.region) + zh
        en = f"{en} ({'China' if china else key.region})"
    return zh, en
