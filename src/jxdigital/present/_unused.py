"""Why a figure was not used, in words (the codes: ``jxdigital.assessment._unused``)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..assessment import Timing
from . import _text as T


def unused_words(code: str, r: Mapping[str, Any], when: Timing, target_year: int,
                 used_source: str) -> tuple[str, str]:
    """(zh, en) of ``code`` for the figure ``r`` (a row of the actuals)."""
    y = int(r["year"])
    if code == "after_as_of_year":
        if r["as_of"]:
            return (f"截至{r['as_of']}，晚于评估截至日{when.cutoff}",
                    f"as of {r['as_of']}, after the assessment's cut-off {when.cutoff}")
        return (f"{y}年晚于评估截至年份{when.last_year}年",
                f"for {y}, after the assessment's last year {when.last_year}")
    if code == "published_after_cutoff":
        return (f"发布于{r['published']}，晚于评估截至日{when.cutoff}",
                f"published {r['published']}, after the assessment's cut-off {when.cutoff}")
    if code == "not_comparable":
        note = str(r["scope_note"])
        return f"口径与规划不同：{note}", f"not comparable with the plan's definition: {note}"
    if code == "part_year":
        return (f"截至{r['as_of']}的年内数，不作年度值使用",
                f"part-year figure (as of {r['as_of']}), not used as a year's value")
    if code == "after_target_year":
        return (f"目标年（{target_year}年）之后的数据，不用于判断",
                f"after the target year {target_year}, not used for the judgement")
    if code == "no_new_information":
        zh = T.figure(float(r["value"]), str(r["unit"]), str(r["qualifier"]), "zh")
        en = T.figure(float(r["value"]), str(r["unit"]), str(r["qualifier"]), "en")
        return (f"下限值（{zh}）不高于此前年份的数据，未提供新信息",
                f"a lower bound ({en}) no higher than an earlier figure adds nothing")
    if code == "not_selected":
        src = used_source
        return (f"{y}年已采用另一来源：{src}" if src else f"{y}年已选用另一来源的数据",
                f"another source was used for {y}: {src}" if src else
                f"another source was chosen for {y}")
    return "未用于判断（见该目标的说明）", "not used for the judgement (see the target's reason)"
