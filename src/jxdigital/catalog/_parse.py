"""Read plan texts the way they are printed: ``10以上``, ``>3000``, ``3000左右``,
``超全国平均水平``, ``不高于1.3``, ``2-3``, ``—``, and the sentences plans print:
``到2025年，5G基站达到10万个以上``, ``2025年突破1万亿元``, ``提高3个百分点``, ``10%—12%``.

Only this module knows the Chinese qualifier words; everything above it works
with the parsed ``comparator`` (see ``COMPARATORS``).
"""

from __future__ import annotations

import math
import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

from .. import codes
from ..codes import BASE_QUALIFIERS, COMPARATOR_MEANINGS  # noqa: F401 (re-exported)
from ..errors import JxDigitalError
from ._units import MAGNITUDES, UNITS, conversion_factor, lookup_unit

#: What a target's comparator means; ``assess`` honours these (``jxdigital.codes``).
COMPARATORS: dict[str, str] = COMPARATOR_MEANINGS

_NUM = r"[+-]?\d+(?:\.\d+)?"
_DASHES = "-–—－~～至"
_EMPTY = {"", "—", "-", "–", "——", "－", "/", "nan", "NaN", "None"}
_FULL_COVERAGE = {"全覆盖", "全部", "所有", "全面覆盖"}
_ABOVE_NATIONAL = {"超全国平均水平", "超过全国平均水平", "达到并超过全国平均水平",
                   "高于全国平均水平"}

# (regex, comparator) tried in order; the number is group "v".
_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(rf"^(?:>|＞|超过|超|突破|高于)\s*(?P<v>{_NUM})$"), "more_than"),
    (re.compile(rf"^(?:≥|>=|＞=|不少于|不低于|至少)\s*(?P<v>{_NUM})$"), "at_least"),
    (re.compile(rf"^(?P<v>{_NUM})\s*(?:以上|及以上)$"), "at_least"),
    (re.compile(rf"^(?:≤|<=|不高于|不超过|低于|控制在)\s*(?P<v>{_NUM})(?:以内|以下)?$"), "at_most"),
    (re.compile(rf"^(?P<v>{_NUM})\s*(?:以内|以下)$"), "at_most"),
    (re.compile(rf"^(?:约|大约)?\s*(?P<v>{_NUM})\s*左右$"), "around"),
    (re.compile(rf"^(?:力争|争取)?(?:达到|达)?\s*(?P<v>{_NUM})$"), "reach"),
]
#: A number printed with a unit of its own ("1.5万亿元", "20亿"), a qualifier around it.
_WITH_UNIT = re.compile(rf"^(?P<pre>[^\d+-]*?)(?P<v>{_NUM})(?P<u>[^\d]+?)"
                        r"(?P<post>以上|及以上|以下|以内|左右)?$")
_RANGE = re.compile(rf"^(?P<lo>{_NUM})\s*[{_DASHES}]\s*(?P<hi>{_NUM})$")
_FASTER = re.compile(r"^(?:持续)?快于.+增速$")
#: Words a stated growth may be printed with: 年均增长14%, 年均增速达到18%左右.
_GROWTH_WORDS = re.compile(r"^(?:年均|每年)?(?:增长|增速|增幅)?率?(?:为|达到|达)?(?=[\d超>≥约不])")


class Parsed(NamedTuple):
    """A parsed printed value: ``value`` (and ``high`` for ranges) plus comparator."""

    value: float
    comparator: str
    high: float = math.nan


class TextError(JxDigitalError, ValueError):
    """A printed text that cannot be read; ``expected`` says what would be."""

    def __init__(self, text: str, expected: str):
        super().__init__(f"cannot read {text!r}; expected {expected}")
        self.text = text
        self.expected = expected


TARGET_EXPECTED = (
    "a number with an optional qualifier, e.g. '16000', '10以上', '>10000', "
    "'3000左右', '不高于1.3', '≤1.3', '2-3', '10%—12%', '超全国平均水平', '全覆盖', '倍增', "
    "'快于全国平均增速' or '—'; or a sentence as plans print it, e.g. "
    "'到2025年，5G基站达到10万个以上', '2025年突破1万亿元' or '提高3个百分点' (one number, in "
    "a unit that fits the row's)"
)
BASE_EXPECTED = ("a number, optionally '>3000', '3000以上' or '3000左右', or a sentence such as "
                 "'2020年为8354亿元' (one number, in a unit that fits the row's); or '—' for no "
                 "baseline")
GROWTH_EXPECTED = "a growth in percent, e.g. '14', '18左右', '超20', or '—'"


class _Unread(TextError):
    """The plain forms do not read the text (a sentence may)."""


def _clean(text: object, unit: str = "") -> str:
    if text is None or (isinstance(text, float) and math.isnan(text)):
        return ""
    s = str(text).strip().replace("，", ",").replace(" ", "").replace("\u3000", "")
    s = s.replace(",", "")  # thousands separators: 10,000
    # A trailing unit repeats the unit column ("10万个以上" or "45%左右"): drop it.
    converted = _in_row_unit(s, unit)  # before the unit is cut: 1.5万亿元 in a 亿元 row
    if converted is not None:
        return converted
    # a percent sign is the row's unit only in a % row (or one without a unit); in a 亿元 row
    # it is left for the sentence reader to refuse
    percent = ("%", "％") if lookup_unit(unit).base in ("%", "index") else ()
    for u in filter(None, {unit, *percent}):
        if u in s:  # (a text without the unit has nothing to drop)
            s = _unit_before_qualifier(u).sub("", s)
    return s


@lru_cache(maxsize=256)
def _unit_before_qualifier(unit: str) -> re.Pattern:
    """``unit`` at the end of a number or before its qualifier (compiled once a unit)."""
    return re.compile(rf"{re.escape(unit)}(?=(以上|以下|以内|左右|$))")


def _in_row_unit(s: str, unit: str) -> str | None:
    """A number printed in another unit of the row's kind, restated in the row's unit:
    "超过1.5万亿元" in a 亿元 row is "超过15000"; "突破20亿" in a 亿户 row is "突破20" (plans
    print the magnitude with the number: 突破1万亿, 20亿户). None where the text has no
    such suffix (a plain number, "以上" alone, or a unit of another kind)."""
    m = _WITH_UNIT.match(s) if unit else None
    if m is None:
        return None
    try:
        factor = conversion_factor(m["u"], unit)
    except ValueError:  # not a unit ("以上" alone), or a unit of another kind
        if m["u"] not in UNITS or unit not in UNITS:
            return None
        raise TextError(s, _unit_misfit(m["u"], unit, m["v"])) from None
    return f"{m['pre']}{float(m['v']) * factor:.12g}{m['post'] or ''}"


def _unit_misfit(printed: str, unit: str, number: str) -> str:
    """What a number printed in ``printed`` would have to be in a ``unit`` row."""
    money = lookup_unit(unit).base == "CNY" and (printed in MAGNITUDES
                                                 or lookup_unit(printed).base == "")
    return (f"a value in {unit} or in a unit that converts to it ('{printed}' does not"
            + (f"; for money write {number}{printed}元" if money else "") + ")")


def _read_plain(s: str, text: object, base_value: float) -> Parsed:
    """The plain forms of a cleaned text (``10以上``, ``2-3``, ``倍增``); ``_Unread`` when
    none reads it."""
    if s in _EMPTY:
        return Parsed(math.nan, "none")
    if s in _ABOVE_NATIONAL:
        return Parsed(math.nan, codes.ABOVE_NATIONAL_AVERAGE)
    if s in _FULL_COVERAGE:
        return Parsed(100.0, "reach")
    if s in ("倍增", "翻番", "翻一番"):
        if math.isnan(base_value):
            raise TextError(str(text), "a baseline for a doubling (倍增) target")
        return Parsed(2.0 * base_value, "reach")
    if _FASTER.match(s):
        return Parsed(math.nan, codes.FASTER_THAN)
    m = _RANGE.match(s)
    if m:
        lo, hi = float(m["lo"]), float(m["hi"])
        if not lo < hi:
            raise TextError(str(text), "a range written low-high, e.g. '2-3'")
        return Parsed(lo, "between", hi)
    for pattern, comparator in _PATTERNS:
        m = pattern.match(s)
        if m:
            return Parsed(float(m["v"]), comparator)
    raise _Unread(str(text), TARGET_EXPECTED)


def parse_target(text: object, unit: str = "", base_value: float = math.nan,
                 year: int | None = None, measure: str = "level") -> Parsed:
    """Parse a printed target (``10以上`` → 10, at_least), or a sentence as a plan prints
    it (``到2025年，5G基站达到10万个以上`` → 10, at_least in a 万个 row; see ``_sentence``).

    ``倍增`` (doubling) needs ``base_value`` and gives ``2 × base``; so does a change in
    points (``提高3个百分点`` → base + 3). ``year`` is the row's target year: a year the text
    names must agree with it. ``measure`` ``annual_flow`` allows ``新建`` (newly built).
    """
    try:
        return _read_plain(_clean(text, unit), text, base_value)
    except _Unread:
        return _sentence(text, unit, base_value, year, measure, "target")


def parse_base(text: object, unit: str = "", year: int | None = None) -> Parsed:
    """Parse a printed baseline (``>3000`` → 3000, more_than; ``—`` → none;
    ``2020年为8354亿元`` → 8354, exact in a 亿元 row, its year checked against ``year``)."""
    s = _clean(text, unit)
    if s in _EMPTY:
        return Parsed(math.nan, "none")
    try:
        p = _read_plain(s, text, math.nan)
    except _Unread:
        p = _sentence(text, unit, math.nan, year, "level", "base")
    except TextError:
        raise TextError(str(text), BASE_EXPECTED) from None
    qualifier = {"reach": "exact", "more_than": "more_than", "at_least": "at_least",
                 "around": "around"}.get(p.comparator)
    if qualifier is None:
        raise TextError(str(text), BASE_EXPECTED)
    return Parsed(p.value, qualifier)


def parse_growth(text: object) -> Parsed:
    """Parse a printed annual growth in percent into a fraction (``18左右`` → 0.18, around;
    ``年均增长14%`` → 0.14)."""
    s = _GROWTH_WORDS.sub("", _clean(text))
    if s in _EMPTY:
        return Parsed(math.nan, "none")
    try:
        p = parse_target(s)
    except TextError:
        raise TextError(str(text), GROWTH_EXPECTED) from None
    if p.comparator in ("none", codes.ABOVE_NATIONAL_AVERAGE, codes.FASTER_THAN, "between"):
        raise TextError(str(text), GROWTH_EXPECTED)
    return Parsed(p.value / 100.0, p.comparator)


# --- sentences: "到2025年，5G基站达到10万个以上" ----------------------------------------------

#: A year phrase: 2025年, 到2025年, 2025年底, 至2025年末前.
_YEAR_PHRASE = re.compile(r"(?:到|至|截至|截止到|截止|在)?(?P<y>(?:19|20)\d{2})年(?:底|末)?前?")
#: A number of a sentence; a number joined to Latin letters (5G, IPv6, 10G-PON) is part of
#: a name unless the letters are a unit that fits the row (70000Gbps).
_FIGURE = re.compile(r"(?<![A-Za-z\d.])\d+(?:\.\d+)?(?![\d.])")
_LATIN = re.compile(r"[A-Za-z]+")
#: Words of intent around the verb, dropped: 力争达到 is 达到.
_HOPES = ("力争", "争取", "预计", "确保", "计划")
#: The verb before the number and what it makes of the target: a comparator, ``up``/``down``
#: (a change in points: 提高3个百分点) or ``flow`` (newly built: a yearly count).
_VERBS: dict[str, str] = {
    **dict.fromkeys(("累计建成", "累计达到", "累计达", "建成", "建设", "达到", "达", "实现",
                     "提高到", "提高至", "提升到", "提升至", "增长到", "增长至", "增加到",
                     "增加至", "增至", "上升到", "上升至", "降至", "降到", "降低到", "降低至",
                     "下降到", "下降至", "减少到", "减少至", "为"), "reach"),
    **dict.fromkeys(("突破", "超过", "超", "高于", "大于", ">"), "more_than"),
    **dict.fromkeys(("不少于", "不低于", "至少", "≥", ">="), "at_least"),
    **dict.fromkeys(("不高于", "不超过", "不大于", "低于", "小于", "控制在", "≤", "<="),
                    "at_most"),
    **dict.fromkeys(("约", "大约"), "around"),
    **dict.fromkeys(("提高", "提升", "增加", "上升", "增长"), "up"),
    **dict.fromkeys(("下降", "降低", "减少"), "down"),
    **dict.fromkeys(("新建", "新增", "每年新建", "每年新增"), "flow"),
}
_VERB_ORDER = sorted(_VERBS, key=len, reverse=True)
#: Qualifiers after the number (and its unit).
_AFTER = {"及以上": "at_least", "以上": "at_least", "以下": "at_most", "以内": "at_most",
          "左右": "around"}
_AFTER_ORDER = sorted(_AFTER, key=len, reverse=True)
#: Words that qualify a number: never part of the object words (5G基站, 数据中心).
_NOT_OBJECT = ("超过", "突破", "不少于", "不低于", "不高于", "不超过", "不大于", "至少", "以上",
               "以下", "以内", "左右", "低于", "高于", "大约", "约", "不到", "不足", "少于",
               "多于", "接近", "将近", "未", "=", "<", ">", "≤", "≥")
_POINTS = ("个百分点", "百分点")
#: Units a sentence's number may carry: the unit table's, bare magnitudes (万亿), points.
_SENTENCE_UNITS = tuple(sorted({*filter(None, UNITS), *MAGNITUDES, *_POINTS}, key=len,
                               reverse=True))
_SENTENCE_FORM = ("a sentence as plans print it: (到)(2025年)(，)(object words)(verb: 建成, 达到, "
                  "突破, 超过, 累计建成 …)(object words)N(unit)(以上/左右)(object words), "
                  "e.g. '到2025年，5G基站达到10万个以上'")


def text_year(text: object) -> int | None:
    """The year a printed text names (``到2025年，…`` → 2025), or None (no year, or two)."""
    years = _YEAR_PHRASE.findall(re.sub(r"\s", "", unicodedata.normalize("NFKC", str(text))))
    return int(years[0]) if len(years) == 1 else None


def in_points(text: object) -> bool:
    """Whether a printed target is a change in points from its base (``提高3个百分点``)."""
    return any(p in str(text) for p in _POINTS)


def _unit_prefix(post: str, unit: str) -> str:
    """The unit the text after a number starts with ('万个' of '万个5G基站'), or ''."""
    if unit and post.startswith(unit):
        longer = next((u for u in _SENTENCE_UNITS if post.startswith(u)), "")
        return longer if len(longer) > len(unit) else unit
    return next((u for u in _SENTENCE_UNITS if post.startswith(u)), "")


def _factor(printed: str, unit: str, number: str, text: str) -> float:
    """Multiply a number printed with ``printed`` by this to restate it in the row's unit."""
    if printed == "" or printed == unit:
        return 1.0
    if printed == "%":
        if lookup_unit(unit).base in ("%", "index"):
            return 1.0
        raise TextError(text, f"a value in {unit}: '%' does not fit a row in {unit} (a "
                              "percentage belongs in a % row)")
    try:
        if printed in MAGNITUDES and printed not in UNITS:  # 万亿 of the row's own things
            return MAGNITUDES[printed] / 1e4 * conversion_factor("万", unit)
        return conversion_factor(printed, unit)
    except ValueError:
        raise TextError(text, _unit_misfit(printed, unit, number)) from None


def _number(x: float) -> float:
    return float(f"{x:.12g}")  # 1.5 × 1e4 is 15000, not 15000.000000000002


class _Words(NamedTuple):
    """The words around a sentence's number: the verb before it, the unit printed after
    it and the qualifier after that (以上, 左右)."""

    verb: str
    printed: str
    after: str


def _sentence(text: object, unit: str, base_value: float, year: int | None, measure: str,
              what: str) -> Parsed:
    """Read a target (or baseline) printed as a sentence:
    ``(到)(year年)(，)(object words)(verb)(object words)N(unit)(以上|左右 …)(object words)``.

    The year must agree with the row's; the verb gives the comparator (突破/超过 more_than,
    不少于 at_least, 建成/达到 N reach, 达到 N以上 at_least); object words (5G基站) are
    kept out of the number; the unit must convert to the row's (万/亿 scale as
    ``_in_row_unit``). ``提高3个百分点`` (``下降2个百分点``) in a % row is the base plus (minus)
    3 points. ``N1—N2`` with units or percent signs is a range. Anything else — no number,
    two numbers, a unit that does not fit, two qualifiers — is a ``TextError`` saying which.
    """
    shown = str(text)
    expected = TARGET_EXPECTED if what == "target" else BASE_EXPECTED
    s = re.sub(r"[\s,]", "", unicodedata.normalize("NFKC", shown)).rstrip("。.;")
    s = _without_year(s, shown, year, what)
    for word in _HOPES:
        s = s.replace(word, "")
    s = s.strip(":;")
    figures = _figures(s, unit, shown, expected)
    between = _range_gap(s, figures, unit, shown)
    verb, printed, after = _words(s, figures, unit, shown, expected)
    kind = _VERBS.get(verb, "reach")
    number = figures[-1][0]
    if printed in _POINTS or kind in ("up", "down"):
        return _points(shown, unit, base_value, kind, printed, after, float(number),
                       bool(between), what)
    if kind == "flow":
        if measure != "annual_flow" or what != "target":
            raise TextError(shown, f"a level to reach, e.g. '建成{number}{printed}' ('{verb}' "
                                   "counts what is newly built: for a yearly count set measure "
                                   "annual_flow; for the total, type the level, base + new)")
        kind = "reach"
    comparator = _AFTER[after] if after else kind
    if after and kind not in ("reach", comparator):
        raise TextError(shown, f"{expected} — one qualifier ('{verb}' and '{after}' say "
                               "different things)")
    if between:
        if comparator != "reach" or what != "target":
            raise TextError(shown, expected if what != "target" else
                            "a range without a qualifier, e.g. '10%—12%' or '1.5-2万亿元'")
        return _range(shown, unit, figures, between, printed)
    return Parsed(_number(float(number) * _factor(printed, unit, number, shown)), comparator)


def _without_year(s: str, shown: str, year: int | None, what: str) -> str:
    """The sentence without its year phrase; the year it names must be the row's (one year
    at most)."""
    years = list(_YEAR_PHRASE.finditer(s))
    if len(years) > 1:
        raise TextError(shown, f"one year in the text (it names {years[0]['y']}年 and "
                               f"{years[1]['y']}年); {_SENTENCE_FORM}")
    if not years:
        return s
    said = int(years[0]["y"])
    if year is not None and said != year:
        raise TextError(shown, f"a year that agrees with the row: the text says {said}年 "
                               f"but column {what}_year says {year}")
    return s[:years[0].start()] + s[years[0].end():]


def _figures(s: str, unit: str, shown: str, expected: str) -> list[re.Match[str]]:
    """The numbers of a sentence, less those that are part of a name (5G基站, IPv6): a
    number joined to Latin letters counts only where the letters are a unit of the row's
    kind (70000Gbps). At least one."""
    figures = []
    for m in _FIGURE.finditer(s):
        latin = _LATIN.match(s, m.end())
        if latin is not None:
            try:
                conversion_factor(latin[0], unit)
            except ValueError:
                continue  # a name: 5G基站, IPv6
        figures.append(m)
    if not figures:
        raise TextError(shown, f"{expected} — the text has no number")
    return figures


def _range_gap(s: str, figures: list[re.Match[str]], unit: str, shown: str) -> str:
    """For a range (``10%—12%``, ``1.5-2万亿元``): the unit printed after its low end, or
    "-" where there is none; "" for one number. Any other pair of numbers, or more, is one
    target too many for a row."""
    between = ""
    if len(figures) == 2:
        gap = re.fullmatch(rf"(?P<u>.*?)[{_DASHES}]", s[figures[0].end():figures[1].start()])
        if gap is not None and (gap["u"] == "" or _unit_prefix(gap["u"], unit) == gap["u"]):
            between = gap["u"] or "-"
    if len(figures) > 2 or (len(figures) == 2 and not between):
        raise TextError(shown, f"one number (one target per row): the text has "
                               f"{len(figures)}, " + ", ".join(f[0] for f in figures)
                        + "; split it into rows or type the target alone, e.g. '10万个以上'")
    return between


def _words(s: str, figures: list[re.Match[str]], unit: str, shown: str,
           expected: str) -> _Words:
    """The verb, the printed unit and the qualifier around a sentence's number; the other
    words name the object (5G基站, 数据中心) and must not qualify the number again."""
    pre, post = s[:figures[0].start()], s[figures[-1].end():]
    printed = _unit_prefix(post, unit)
    rest = post[len(printed):]
    after = ""
    for q in _AFTER_ORDER:
        if rest.startswith(q) or rest.endswith(q):
            after = q
            rest = rest[len(q):] if rest.startswith(q) else rest[:-len(q)]
            break
    verb = next((v for v in _VERB_ORDER if pre.endswith(v)), "")
    if verb:
        objects = [pre[:-len(verb)], rest]
    else:  # a verb before the object words: 建成5G基站10万个 (one character is too short: 超算)
        verb = next((v for v in _VERB_ORDER if len(v) > 1 and pre.startswith(v)), "")
        objects = [pre[len(verb):], rest]
    for words in objects:
        bad = next((w for w in _NOT_OBJECT if w in words), "")
        if bad:
            raise TextError(shown, f"{expected} — one qualifier, before or after the "
                                   f"number ('{words}' holds '{bad}')")
    return _Words(verb, printed, after)


def _range(shown: str, unit: str, figures: list[re.Match[str]], between: str,
           printed: str) -> Parsed:
    """A range target in the row's unit; its low end in its own unit, else the high end's."""
    lo_unit = printed if between == "-" else between
    lo = float(figures[0][0]) * _factor(_range_unit(lo_unit, printed), unit, figures[0][0],
                                        shown)
    number = figures[-1][0]
    hi = float(number) * _factor(printed or lo_unit, unit, number, shown)
    if not lo < hi:
        raise TextError(shown, "a range written low-high, e.g. '10%—12%'")
    return Parsed(_number(lo), "between", _number(hi))


def _range_unit(low: str, high: str) -> str:
    """The unit of a range's low end: its own, or the high end's ('8000亿-1.2万亿元': 亿元)."""
    if low in MAGNITUDES and high:
        word = high.lstrip("".join(MAGNITUDES))
        return low + word if word and low + word in UNITS else low
    return low


def _points(text: str, unit: str, base_value: float, kind: str, printed: str, after: str,
            points: float, is_range: bool, what: str) -> Parsed:
    """``提高3个百分点`` in a % row: the base + 3 points (``下降2个百分点``: the base − 2)."""
    example = "e.g. '提高3个百分点' or '下降2个百分点'"
    if what != "target":
        raise TextError(text, BASE_EXPECTED + " (a change in points needs a base to start from)")
    if kind not in ("up", "down") or printed not in _POINTS or is_range:
        raise TextError(text, f"a change in points with 提高/提升/增加 or 下降/降低 ({example}), "
                              "or the level to reach, e.g. '提高到45%'")
    if lookup_unit(unit).base != "%":
        raise TextError(text, f"a change in points in a % row (this row is in "
                              f"{unit or 'no unit'}); type the level to reach")
    if math.isnan(base_value):
        raise TextError(text, f"a base_text: '{text}' is a change from the base, and the row "
                              "has none (type the base, or the level to reach)")
    up = kind == "up"
    value = base_value + points if up else base_value - points
    if value < 0 or value > 100:
        raise TextError(text, f"a change that stays within [0, 100] % (the base {base_value:g} "
                              f"{'+' if up else '−'} {points:g} is {value:g})")
    comparator = {"": "reach", "左右": "around", "以上": "at_least" if up else "at_most",
                  "及以上": "at_least" if up else "at_most"}.get(after)
    if comparator is None:
        raise TextError(text, f"a change in points, optionally with 以上 or 左右 ({example})")
    return Parsed(_number(value), comparator)
