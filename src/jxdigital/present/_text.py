"""Numbers and one-sentence reasons, in Chinese and English, a planner can paste."""

from __future__ import annotations

import calendar
import math
import re
from decimal import ROUND_HALF_UP, Decimal

from .. import codes
from ..assessment import P_OFF_TRACK, P_ON_TRACK
from ..catalog import lookup_unit
from ._names import reads_printed
from .words import by_language, words_for


def _trim(x: float, decimals: int) -> str:
    s = f"{x:.{decimals}f}"
    return s.rstrip("0").rstrip(".") if "." in s else s


def _decimals(a: float) -> int:
    """Decimals a level keeps in its printed unit: 1234, 811.5, 3.42, and three significant
    figures below 1 (0.523, 0.0052), so a small figure is never rounded away."""
    if a >= 1000:
        return 0
    if a >= 100:
        return 1
    if a >= 1:
        return 2
    if a == 0 or not math.isfinite(a):
        return 3
    return min(max(3, 2 - math.floor(math.log10(a))), 12)


def num(v: float, lang: str = "zh") -> str:
    """A level as a report prints it: 3 significant figures at most after the point, and
    three significant figures below 1."""
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return "—"
    a = abs(v)
    decimals = _decimals(a)
    text = _trim(v, decimals)
    sep = words_for(lang).setting("thousands_sep")  # digits grouped where it has one
    if sep and a >= 1000:
        text = f"{v:,.{decimals}f}".replace(",", sep)
    return text


# --- numbers in millions (the short scale) --------------------------------------------
# A printed unit is read through the unit table (``lookup_unit``: base and scale), so
# 亿户, 万人 or 千万元 need no entry of their own: the figure is multiplied out and named in
# the language's words (``2.1亿户`` → ``210 million users``, ``1.9万人`` → ``19,000
# people``). A unit the table does not know keeps its number unscaled and its printed unit.
# The words are the catalogue's: the scales (``numbers.scale.*``), the currency, and the
# thing a counter counts (``numbers.counter.*``, ``numbers.counter_one.*``: plural and
# singular; "" for classifiers that name nothing of their own, 个 and 条: the bare number).
# 户 reads "users": every 户 indicator in the shipped plans counts users or subscribers;
# ``none`` is a bare 万 / 亿 (of the named thing). ``numbers.unit_noun.*``: printed units the
# plans use for one kind of thing only (万条: records).

_MILLION, _BILLION, _TRILLION = Decimal(10) ** 6, Decimal(10) ** 9, Decimal(10) ** 12


def scales(lang: str = "en") -> tuple[tuple[Decimal, str], ...]:
    """(size, word) of the scales a figure is multiplied out to, largest first."""
    w = words_for(lang)
    return tuple((size, w.say(f"numbers.scale.{name}")) for size, name in (
        (_TRILLION, "trillion"), (_BILLION, "billion"), (_MILLION, "million")))


def _plain(d: Decimal, lang: str = "en") -> str:
    """A decimal with thousands separators and no trailing zeros: 81,000, 1.04, 0.0052."""
    sep = words_for(lang).setting("thousands_sep")
    if d == d.to_integral_value():
        return f"{int(d):,}".replace(",", sep)
    s = f"{d:,f}".replace(",", sep)
    return s.rstrip("0").rstrip(".") if "." in s else s


def _scale_words(scale: float, one: str = "", lang: str = "en") -> str:
    """``1e8`` → ``100 million``, ``1e12`` → ``trillion`` (``one="1 "``: ``1 trillion``),
    ``1e4`` → ``10,000``."""
    d = Decimal(scale)
    for size, word in scales(lang):
        if d >= size:
            m = d / size
            return f"{one}{word}" if m == 1 else f"{_plain(m, lang)} {word}"
    return _plain(d, lang)


def _noun(unit: str, base: str, lang: str = "en") -> tuple[str, str] | None:
    """(plural, singular) noun of a counter unit; None when it is no counter."""
    w = words_for(lang)
    for family, key in (("numbers.unit_noun", unit), ("numbers.counter", base or "none")):
        if key in w.table(family):
            return w.table(family)[key], w.table(f"{family}_one")[key]
    return None


def unit_en(unit: str, lang: str = "en") -> str:
    """The unit for a label (a table header, a chart axis) whose numbers stay in the
    printed unit, in a language of millions: ``亿元`` → ``100 million yuan``, ``万户`` →
    ``× 10,000 users``, ``万人`` → ``× 10,000 people``, ``个`` → ``count``, ``T`` → ``Tbps``;
    unknown units as printed."""
    w = words_for(lang)
    key = (unit or "").strip()
    u = lookup_unit(key)
    if u.base == "CNY":
        yuan = w.say("numbers.currency")
        return yuan if u.scale == 1 else f"{_scale_words(u.scale, lang=lang)} {yuan}"
    if u.base == "%":
        return "%"
    if u.base == "Gbps":
        return "Gbps" if u.scale == 1 else "Tbps" if u.scale == 1e3 else key
    if u.base == "index":
        return ""
    noun = _noun(key, u.base, lang)
    if noun is None:
        return key
    if u.scale == 1:
        return noun[0] or w.say("numbers.count")
    return w.say("numbers.times", scale=_scale_words(u.scale, "1 ", lang)) + (
        f" {noun[0]}" if noun[0] else "")


#: Kept for callers that look units up directly: every unit the shipped plans print.
UNIT_EN = {u: unit_en(u) for u in ("亿元", "万亿元", "万元", "元", "万", "亿", "亿户", "万个",
                                   "万户", "万家", "万名", "万人", "亿人", "万条", "万台/套",
                                   "亿页", "件", "个", "条", "家", "所", "名", "人", "台(套)",
                                   "门", "朵", "类", "G", "Gpbs", "Gbps", "T", "%")}


def _words(amount: Decimal, lang: str = "en") -> str:
    """A whole amount in words past a million, with at least three significant figures and
    no more than it carries: 1.32 trillion, 52 million, 811.5 billion, 19,000."""
    a = abs(amount)
    sizes = scales(lang)
    for i, (size, word) in enumerate(sizes):
        if a >= size:
            m = amount / size
            places = 2 if abs(m) < 100 else 1 if abs(m) < 1000 else 0
            m = m.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
            if abs(m) >= 1000 and i:  # 999.96 billion → 1 trillion
                bigger, word = sizes[i - 1]
                m = (amount / bigger).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
            return f"{_plain(m, lang)} {word}"
    return _plain(amount, lang)


def _short_scale(v: float, unit: str, lang: str = "en") -> str:
    """``value(v, unit, "en")``: the figure multiplied out of its printed unit, in
    millions, rounded as the Chinese text rounds it (so no more digits than that, none
    fewer)."""
    key = (unit or "").strip()
    u = lookup_unit(key)
    if u.base == "%":
        return f"{_trim(v, 1)}%"
    if u.base == "Gbps":
        return f"{num(v, lang)} {unit_en(key, lang)}".strip()
    if u.base == "index":
        return num(v, lang)
    noun = _noun(key, u.base, lang)
    if u.base != "CNY" and noun is None:  # no word for it: unscaled, as printed
        return f"{num(v, lang)} {key}".strip()
    shown = Decimal(f"{v:.{_decimals(abs(v))}f}")  # the digits the Chinese text shows
    text = _words(shown * Decimal(u.scale), lang)
    if u.base == "CNY":
        return f"{text} {words_for(lang).say('numbers.currency')}"
    assert noun is not None
    plural, one = noun
    word = one if text == "1" else plural
    return f"{text} {word}" if word else text


def value(v: float, unit: str, lang: str = "zh") -> str:
    """``13200, '亿元'`` → ``1.32万亿元`` (zh) / ``1.32 trillion yuan`` (en); ``10, '万个'``
    → ``10万个`` / ``100,000``; ``1.9, '万人'`` → ``19,000 people``; percentages ``35.0%``."""
    if v is None or math.isnan(v):
        return "—"
    if words_for(lang).setting("number_style") == "short_scale":
        return _short_scale(v, unit, lang)
    # myriads (万, 亿): the printed unit, or the next one up once the number outgrows it
    if unit == "%":
        return f"{_trim(v, 1)}%"
    if unit == "亿元" and abs(v) >= 10000:
        return f"{_trim(v / 1e4, 2)}万亿元"
    if unit.startswith("万") and abs(v) >= 1e4:  # 23800万户 → 2.38亿户
        return f"{_trim(v / 1e4, 2)}亿{unit[1:]}"
    return num(v, lang) + unit


def sig(v: float, digits: int = 3) -> float:
    """``v`` to ``digits`` significant figures (117044 → 117000; 6.2 stays 6.2)."""
    if v is None or not math.isfinite(v) or v == 0:
        return v
    return round(v, digits - 1 - math.floor(math.log10(abs(v))))


def projected(v: float, unit: str, lang: str = "zh") -> str:
    """A projected value or interval end: three significant figures (a projection is not
    known to more), then as ``value`` prints it: ``13691.6亿元`` → ``1.37万亿元``,
    ``117044`` → ``117,000``."""
    if v is None or math.isnan(v):
        return "—"
    return value(sig(v), unit, lang)


#: How a figure reads with its qualifier (``QUALIFIERS`` of the observations): a bound
#: reads as one (``numbers.qualifier.*`` of the catalogue). "近5000" and "不到4000" are both
#: read as upper bounds and the reader keeps no more than that, so both read ``不到X``,
#: which is true of each ("近X" would claim a closeness "不到X" does not).
QUALIFIER_WORDS = by_language("numbers.qualifier")


def figure(v: float, unit: str, qualifier: str = "exact", lang: str = "zh") -> str:
    """A figure with its unit and qualifier: ``6万个以上``, ``不到4000家``, ``约4.2万个`` /
    ``over 60,000``, ``under 4,000 firms``, ``about 42,000``."""
    text = value(v, unit, lang)
    if text == "—":
        return text
    return words_for(lang).table("numbers.qualifier").get(qualifier or "exact",
                                                          "{v}").format(v=text)


def date_words(iso: str, lang: str = "zh") -> str:
    """A part-year figure's date: ``2024-06-30`` → ``2024年6月末``, ``2019-10`` →
    ``2019年10月``, ``2024-06-15`` → ``2024年6月15日``; in English as given (ISO); a text
    that is no such date as given."""
    m = re.fullmatch(r"(\d{4})-(\d{2})(?:-(\d{2}))?", str(iso))
    if not m:
        return str(iso)
    w = words_for(lang)
    y, mo = int(m[1]), int(m[2])
    if m[3] is None:
        return w.say("numbers.date.month", y=y, m=mo)
    d = int(m[3])
    end = y >= 1 and 1 <= mo <= 12 and d == calendar.monthrange(y, mo)[1]
    return w.say("numbers.date.month_end" if end else "numbers.date.day", y=y, m=mo, d=d)


def target_label(comparator: str, text: str, target: float, high: float = math.nan,
                 reference: str = "", lang: str = "zh") -> str:
    """A target for a table whose indicator column carries the unit: as printed in
    Chinese (``10以上``); in another language from its parsed meaning (``≥ 10``, ``about
    3,000``, ``above the national average``), so no Chinese is left in an English table."""
    if reads_printed(lang):
        return text or "—"
    w = words_for(lang)
    v = num(target, lang)
    if comparator == "between" and not math.isnan(high):
        return w.say("numbers.mark.between", v=v, hi=num(high, lang))
    if comparator == codes.ABOVE_NATIONAL_AVERAGE:
        return w.say("numbers.mark.above_national_average")
    if comparator == codes.FASTER_THAN:
        region, _, what = reference.partition(":")
        if region == "china":
            return w.say("numbers.mark.faster_than_national")
        what = "GDP" if what == "gdp" else what.replace("_", " ")
        return w.say("numbers.mark.faster_than_region", region=region.capitalize(),
                     what=what).strip()
    if comparator == "none" or math.isnan(target):
        return text or "—"
    return target_mark(comparator, text, target, v, lang)


#: Comparators a table cell shows beside the number (``numbers.mark.*``).
MARKED = ("at_least", "more_than", "around", "at_most")


def comparator_mark(comparator: str, v: str, lang: str) -> str:
    """A number with its comparator, as a table cell or a chart label shows it: ``10以上``,
    ``>16000亿元`` / ``≥ 10``; the number alone for other comparators."""
    if comparator not in MARKED:
        return v
    return words_for(lang).say(f"numbers.mark.{comparator}", v=v)


def target_mark(comparator: str, text: str, target: float, v: str, lang: str) -> str:
    """A target's number ``v`` with its comparator (``comparator_mark``); printed words
    without a number (倍增, 全覆盖) quoted with the value in the plan's language, and in
    another said as what they mean (``double (2)``, ``all (100)``)."""
    if any(ch.isdigit() for ch in text):
        return comparator_mark(comparator, v, lang)
    w = words_for(lang)
    if reads_printed(lang):
        return w.say("numbers.mark.printed_words", words=text, v=v) if text else v
    return w.say("numbers.mark.double", v=v) if text == "倍增" else \
        w.say("numbers.mark.all", v=v) if target == 100 else v


def shown_percent(p: float) -> float:
    """P(met) in percent as outputs show it: a whole percent, except that a value just
    below a threshold is floored to a tenth, so the number shown never contradicts the
    status (0.7498 is 74.9 beside at_risk, never 75; 0.75 is 75 beside on_track)."""
    whole = round(p * 100)
    for cut in (P_OFF_TRACK, P_ON_TRACK):
        if p < cut and whole >= round(cut * 100):  # rounding would reach the threshold
            return min(math.floor(p * 1000), round(cut * 1000) - 1) / 10
    return float(whole)


def rate(g: float) -> str:
    """A growth rate (fraction) as ``9.1%``."""
    return "—" if math.isnan(g) else f"{g * 100:.1f}%"


def points(d: float, lang: str = "zh") -> str:
    if math.isnan(d):
        return "—"
    return words_for(lang).say("numbers.points", d=f"{d:.2f}")


def prob(p: float, lang: str = "zh") -> str:
    """A probability as ``48%``; the learned quantiles end at 0.5 % and 99.5 %.

    A value just below a status threshold (``_rules.P_ON_TRACK``, ``P_OFF_TRACK``) is
    never rounded up onto it: 0.7498 is ``74.9%`` beside 存在风险, not ``75%``.
    """
    if math.isnan(p):
        return "—"
    if p >= 0.995:
        return words_for(lang).say("numbers.p_over")
    if p <= 0.005:
        return words_for(lang).say("numbers.p_under")
    return f"{shown_percent(p):g}%"


def dates_words(a, lang: str = "zh") -> str:
    """When an ``Assessment`` was made and what data it rests on:
    ``生成于2026-12-01；所用数据最晚为2025年（全部已发布数据）``."""
    w = words_for(lang)
    until = a.data_until
    gen = a.generated.isoformat()
    review = a.timing.review.isoformat()
    data = w.say("numbers.data_until", year=until) if until is not None else \
        w.say("numbers.data_none")
    judged = "" if review == gen else w.say("numbers.judged_on", review=review)
    return w.say("numbers.generated", gen=gen, data=data, as_of=as_of_words(a, lang),
                 judged=judged)


def chart_dates_words(a, latest_year, lang: str = "zh") -> str:
    """A chart's footer: ``本项数据最晚为2022年（全部已发布数据）；生成于2026-12-01``."""
    w = words_for(lang)
    has = latest_year is not None and latest_year == latest_year
    data = w.say("numbers.chart_data_until", year=int(latest_year)) if has else \
        w.say("numbers.chart_data_none")
    return w.say("numbers.chart_dates", data=data, as_of=as_of_words(a, lang),
                 gen=a.generated.isoformat())


def as_of_words(a, lang: str = "zh") -> str:
    """What an ``Assessment`` was judged on: ``全部已发布数据`` / ``截至2022年已发布的数据``."""
    w = words_for(lang)
    if a.as_of == "latest":
        return w.say("numbers.as_of_all")
    when = str(a.as_of)
    year = len(when) == 4 and when.isdigit()
    return w.say("numbers.as_of_year" if year else "numbers.as_of_date", when=when)


def warnings_sentence(acc, lang: str = "zh") -> str:
    """How often the yearly reviews of an ``Account`` called the known outcomes right."""
    w = acc.warnings()
    if not len(w):
        return words_for(lang).say("numbers.warnings_none")
    right, wrong, silent = (int(w[c].sum()) for c in ("right", "wrong", "silent"))
    return words_for(lang).say("numbers.warnings", targets=len(w), n=right + wrong + silent,
                               right=right, wrong=wrong, silent=silent)
