"""Numbers and one-sentence reasons, in Chinese and English, a planner can paste."""

from __future__ import annotations

import math

from ..catalog import lookup_unit


def _trim(x: float, decimals: int) -> str:
    s = f"{x:.{decimals}f}"
    return s.rstrip("0").rstrip(".") if "." in s else s


def _sig(x: float) -> str:
    """At least three significant figures, trailing zeros dropped: 1.04, 15.97, 811.5,
    1234."""
    a = abs(x)
    return _trim(x, 2 if a < 100 else 1 if a < 1000 else 0)


def num(v: float, lang: str = "zh") -> str:
    """A level as a report prints it: 3 significant figures at most after the point."""
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return "—"
    a = abs(v)
    decimals = 0 if a >= 1000 else 1 if a >= 100 else 2 if a >= 1 else 3
    text = _trim(v, decimals)
    if lang == "en" and a >= 1000:
        text = f"{v:,.{decimals}f}"
    return text


#: Units as the plans print them, in English. Chinese classifiers (个, 所, 条) name no unit
#: of their own: "count", or the thing counted where the plans use it for one kind only.
UNIT_EN = {"亿元": "100 million yuan", "万亿元": "trillion yuan", "万": "× 10,000",
           "亿": "× 100 million", "亿户": "× 100 million users", "万个": "× 10,000",
           "万户": "× 10,000 users", "万家": "× 10,000 firms", "万名": "× 10,000 people",
           "万条": "× 10,000 records", "万台/套": "× 10,000 units", "亿页": "× 100 million pages",
           "件": "items", "个": "count", "条": "count", "家": "firms", "所": "institutions",
           "名": "people", "台(套)": "units", "门": "courses", "朵": "clouds",
           "类": "categories", "G": "Gbps", "Gpbs": "Gbps", "Gbps": "Gbps"}


def unit_en(unit: str) -> str:
    """The unit for an English label: ``万户`` → ``× 10,000 users``; unknown units as is."""
    return UNIT_EN.get(unit, unit)


def value(v: float, unit: str, lang: str = "zh") -> str:
    """``13200, '亿元'`` → ``1.32万亿元`` (zh) / ``1.32 trillion yuan`` (en); ``10, '万个'``
    → ``10万个``; percentages ``35.0%``."""
    if v is None or math.isnan(v):
        return "—"
    if unit == "%":
        return f"{_trim(v, 1)}%"
    if unit == "亿元" and abs(v) >= 10000:
        return f"{_trim(v / 1e4, 2)}万亿元" if lang == "zh" else \
            f"{_trim(v / 1e4, 2)} trillion yuan"
    if lang == "en":
        u = lookup_unit(unit)
        if u.base == "CNY":  # 元, 万元, 亿元, 万亿元: in yuan, then words
            yuan = v * u.scale
            for size, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
                if abs(yuan) >= size:
                    return f"{_sig(yuan / size)} {word} yuan"
            return f"{yuan:,.0f} yuan"
        what = unit_en(unit)
        if unit.startswith(("万", "亿")):  # 万户, 亿页: the count, in words past a million
            scale = 1e4 if unit.startswith("万") else 1e8
            rest = what.removeprefix("× 10,000").removeprefix("× 100 million").strip()
            count = v * scale
            words = next((f"{_sig(count / size)} {word}" for size, word in
                          ((1e9, "billion"), (1e6, "million")) if abs(count) >= size),
                         f"{count:,.0f}")
            return words + (f" {rest}" if rest else "")
        return num(v, lang) + ("" if what in ("", "count") else f" {what}")
    if unit.startswith("万") and abs(v) >= 1e4:  # 23800万户 → 2.38亿户
        return f"{_trim(v / 1e4, 2)}亿{unit[1:]}"
    return num(v, lang) + unit


def target_label(comparator: str, text: str, target: float, high: float = math.nan,
                 reference: str = "", lang: str = "zh") -> str:
    """A target for a table whose indicator column carries the unit: as printed in
    Chinese (``10以上``); in English from its parsed meaning (``≥ 10``, ``about 3,000``,
    ``above the national average``), so no Chinese is left in an English table."""
    if lang == "zh":
        return text or "—"
    v = num(target, "en")
    if comparator == "between" and not math.isnan(high):
        return f"{v}–{num(high, 'en')}"
    if comparator == "above_national_average":
        return "above the national average"
    if comparator == "faster_than":
        region, _, what = reference.partition(":")
        if region == "china":
            return "faster than national growth"
        what = "GDP" if what == "gdp" else what.replace("_", " ")
        return f"faster than {region.capitalize()}'s {what} growth".strip()
    if comparator == "none" or math.isnan(target):
        return text or "—"
    if not any(ch.isdigit() for ch in text):  # 倍增, 全覆盖, 所有: the words, then the value
        return f"double ({v})" if text == "倍增" else f"all ({v})" if target == 100 else v
    return {"at_least": f"≥ {v}", "more_than": f"> {v}", "around": f"about {v}",
            "at_most": f"≤ {v}"}.get(comparator, v)


def rate(g: float) -> str:
    """A growth rate (fraction) as ``9.1%``."""
    return "—" if math.isnan(g) else f"{g * 100:.1f}%"


def points(d: float, lang: str = "zh") -> str:
    if math.isnan(d):
        return "—"
    return f"{d:.2f}个百分点" if lang == "zh" else f"{d:.2f} points"


def prob(p: float, lang: str = "zh") -> str:
    """A probability as ``48%``; the learned quantiles end at 0.5 % and 99.5 %."""
    if math.isnan(p):
        return "—"
    if p >= 0.995:
        return "99%以上" if lang == "zh" else "over 99%"
    if p <= 0.005:
        return "1%以下" if lang == "zh" else "under 1%"
    return f"{p * 100:.0f}%"


def counts_sentence(a, lang: str = "zh") -> str:
    """``共19项目标：存在风险2项，数据不足17项。`` for an ``Assessment``."""
    from . import _rules as R

    counts: dict[str, int] = {}
    for r in a:
        counts[r.status_cn] = counts.get(r.status_cn, 0) + 1
    order = [s for s in R.STATUSES if s in counts]
    if lang == "zh":
        return f"共{len(a)}项目标：" + "，".join(f"{R.STATUS_ZH[s]}{counts[s]}项" for s in order) \
            + "。"
    n = f"{len(a)} target{'s' if len(a) != 1 else ''}"
    return f"{n}: " + ", ".join(f"{counts[s]} {R.STATUS_EN[s]}" for s in order) + "."


#: The outcome of a target in an account, in words.
OUTCOME_WORDS = {"zh": {"met": "已实现", "missed": "未实现", "unknown": "尚不能确定",
                        "not_assessable": "无法评估"},
                 "en": {"met": "met", "missed": "missed", "unknown": "not yet known",
                        "not_assessable": "not assessable"}}

PHASE_ZH = {"final": "已知", "nowcast": "未公布（推算）", "in_progress": "未到目标年"}
PHASE_EN = {"final": "known", "nowcast": "not yet published (nowcast)",
            "in_progress": "target year ahead"}


def phase_words(phase: str, lang: str = "zh") -> str:
    """Whether a target's outcome is known: ``已知`` / ``未公布（推算）`` / ``未到目标年``."""
    return (PHASE_ZH if lang == "zh" else PHASE_EN).get(phase, phase)


def dates_words(a, lang: str = "zh") -> str:
    """When an ``Assessment`` was made and what data it rests on:
    ``生成于2026-12-01；所用数据最晚为2025年（全部已发布数据）``."""
    until = a.data_until
    gen = a.generated.isoformat()
    review = a.timing.review.isoformat()
    if lang == "zh":
        data = f"所用数据最晚为{until}年" if until is not None else "无可用数据"
        judged = "" if review == gen else f"；按{review}的情况评估"
        return f"生成于{gen}；{data}（{as_of_words(a, lang)}）{judged}"
    data = f"latest figure used: {until}" if until is not None else "no figures"
    judged = "" if review == gen else f"; judged as of {review}"
    return f"Generated {gen}; {data} ({as_of_words(a, lang)}){judged}"


def chart_dates_words(a, latest_year, lang: str = "zh") -> str:
    """A chart's footer: ``本项数据最晚为2022年（全部已发布数据）；生成于2026-12-01``."""
    gen = a.generated.isoformat()
    has = latest_year is not None and latest_year == latest_year
    if lang == "zh":
        data = f"本项数据最晚为{int(latest_year)}年" if has else "本项无可用数据"
        return f"{data}（{as_of_words(a, lang)}）；生成于{gen}"
    data = f"Latest figure {int(latest_year)}" if has else "No figures"
    return f"{data} ({as_of_words(a, lang)}); generated {gen}"


def as_of_words(a, lang: str = "zh") -> str:
    """What an ``Assessment`` was judged on: ``全部已发布数据`` / ``截至2022已发布的数据``."""
    if a.as_of == "latest":
        return "全部已发布数据" if lang == "zh" else "all figures published to date"
    return (f"截至{a.as_of}已发布的数据" if lang == "zh" else
            f"figures published by {a.as_of}")


def account_counts_sentence(acc, lang: str = "zh") -> str:
    """``共8项目标：已实现2项，未实现1项，尚不能确定5项。`` (outcomes with none left out)."""
    c = acc.counts()
    words = OUTCOME_WORDS[lang]
    n = sum(c.values())
    parts = [(o, k) for o, k in c.items() if k]
    if lang == "zh":
        return f"共{n}项目标：" + "，".join(f"{words[o]}{k}项" for o, k in parts) + "。"
    head = f"{n} target{'s' if n != 1 else ''}"
    return f"{head}: " + ", ".join(f"{k} {words[o]}" for o, k in parts) + "."


def warnings_sentence(acc, lang: str = "zh") -> str:
    """How often the yearly reviews of an ``Account`` called the known outcomes right."""
    w = acc.warnings()
    if not len(w):
        return ("尚无结果已知的目标，无法回看各年评估是否正确。" if lang == "zh" else
                "No target has a known outcome yet, so the yearly reviews cannot be checked.")
    right, wrong, silent = (int(w[c].sum()) for c in ("right", "wrong", "silent"))
    n = right + wrong + silent
    if lang == "zh":
        return (f"结果已知的{len(w)}项目标，在结果公布前共有{n}次年度评估：{right}次判断正确，"
                f"{wrong}次判断错误，{silent}次未下结论（存在风险或数据不足）。"
                "每次评估只用当年年末前已公布的数据。")
    return (f"For the {len(w)} targets whose outcome is known, the {n} yearly reviews before "
            f"it was published were right {right} times, wrong {wrong} times and gave no "
            f"verdict {silent} times (at risk or insufficient data). Each review used only "
            "what had been published by the end of its year.")
