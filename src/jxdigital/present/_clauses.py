"""The clauses a reason is assembled from (``_reasons``), in one language each: the target
and a figure as words, what is known of the target year, the growth so far and still
needed, and the parentheses that say how a figure was found. Every word is a phrase of the
catalogue (``words/reasons.csv``); these functions only choose which and fill it."""

from __future__ import annotations

import math
from typing import Any

from .. import codes
from ..assessment import Figure, Judgement, Timing
from ..catalog import Target
from . import _text as T
from ._names import data_language
from ._units import DisplayUnit, unit_of
from .words import Phrasebook, words_for

#: The languages the assessment keeps a reason in (``TargetStatus.reason_zh``,
#: ``reason_en``), in the order of its (zh, en) pairs.
STORED = ("zh", "en")


def said(pair: tuple[str, str], lang: str) -> str:
    """The ``lang`` one of a (zh, en) pair the assessment kept; for a language it does not
    keep, the one of the data the language reads (``data_language``)."""
    return pair[STORED.index(lang if lang in STORED else data_language(lang))]


def _nan(x) -> bool:
    return x is None or (isinstance(x, float) and math.isnan(x))


def unit(t: Any, w: Phrasebook) -> DisplayUnit:
    """The display unit of a (level) target in ``w``'s language."""
    return unit_of(t, w.lang)


def target_words(t: Target | Any, lang: str) -> str:
    """The target as a phrase with its unit: ``3000亿元左右`` / ``about 300 billion yuan``
    (``t``: a catalogue ``Target`` or a ``TargetStatus``)."""
    w = words_for(lang)
    u = unit_of(t, lang)
    if t.comparator == codes.ABOVE_NATIONAL_AVERAGE:
        return w.say("numbers.mark.above_national_average")
    v = u.value(t.target_value)
    if t.comparator == "between":
        return w.say("reasons.target.between", low=u.number(t.target_value),
                     low_with_unit=v, high=u.value(t.target_high))
    said_as = w.table("reasons.target")
    if t.comparator in said_as and t.comparator != "between":
        return said_as[t.comparator].format(v=v)
    return t.target_text


def rate_words(t: Target, lang: str) -> str:
    """A growth-rate target as a phrase: ``25%左右`` / ``about 25%``."""
    w = words_for(lang)
    key = t.comparator if t.comparator in ("around", "more_than", "at_least") else "plain"
    return w.say(f"reasons.rate.{key}", r=T.num(t.target_value))


def figure_words(f: Figure, u: DisplayUnit, w: Phrasebook, year: bool = True) -> str:
    """``2021年6万个以上`` / ``over 60,000 in 2021``; a bound reads as one
    (``不到4000家``, ``under 4,000 firms``), in the row's display unit."""
    v = u.figure(f.value, f.qualifier)
    return w.say("reasons.figure", year=f.year, v=v) if year else v


def month(m: int, w: Phrasebook) -> str:
    """A month's name: ``10月`` / ``October``."""
    return w.say(f"reasons.month.{m}")


def paren(text: str, w: Phrasebook) -> str:
    """``（text）`` / `` (text)``."""
    return w.say("reasons.open") + text + w.say("reasons.close")


def part_year_clause(as_of: tuple[str, ...], w: Phrasebook) -> str:
    """What a reason that finds too few figures adds when part-year figures exist:
    ``（另有2024年6月末数据1个，为年内数，未用于判断）`` / ``(also 1 part-year figure, as of
    2024-06-30, not used as a year's value)``; "" when there are none."""
    if not as_of:
        return ""
    dates = list(dict.fromkeys(sorted(as_of)))
    said_dates = w.say("reasons.and_sep").join(T.date_words(d, w.lang) for d in dates)
    return w.say("reasons.part_year_one" if len(as_of) == 1 else "reasons.part_year",
                 dates=said_dates, n=len(as_of))


def pending(year: int, w: Phrasebook) -> str:
    return w.say("reasons.pending", year=year)


def target_year_clause(j: Judgement, when: Timing, w: Phrasebook) -> str:
    """What is known of the target year when it is over but the outcome is not settled:
    nothing yet (``2025年数据尚未公布``), or a bound that does not decide it."""
    T_ = j.target.target_year
    if not when.year_over(T_) or j.outcome is not None:
        return ""
    f = j.own.at_target
    if f is None:
        return pending(T_, w)
    u = unit(j.level, w)
    est = next((e for e in j.estimates if e.year == T_), None)
    if est is not None:  # a year-end estimated from part of the year
        return w.say("reasons.alone_unsettled", clause=estimate_clause(est, u, w))
    return w.say("reasons.known_only", year=T_, figure=figure_words(f, u, w, year=False))


def growth_clause(j: Judgement, latest: Figure, w: Phrasebook) -> str:
    """The growth a year from the base year to ``latest``: ``2020—2023年年均增长9.1%``."""
    t, g = j.level, j.progress
    if t.indicator.is_share and not _nan(g.actual_pp_per_year):
        d = g.actual_pp_per_year
        return w.say("reasons.growth_points", base=t.base_year, year=latest.year,
                     dir=w.say("reasons.up" if d >= 0 else "reasons.down"),
                     points=T.points(abs(d), w.lang))
    if not _nan(g.actual_cagr):
        return w.say("reasons.growth_rate", base=t.base_year, year=latest.year,
                     rate=T.rate(g.actual_cagr))
    return ""


def need_clause(j: Judgement, latest: Figure, when: Timing, w: Phrasebook) -> str:
    """Growth still needed to the target year; for a year already over, what it needed."""
    t, g = j.level, j.progress
    T_, done = t.target_year, when.year_over(t.target_year)
    one = latest.year + 1 == T_
    span = w.say("reasons.span_one", end=T_) if one else \
        w.say("reasons.span", start=latest.year + 1, end=T_)
    each = "" if one else w.say("reasons.each")
    needed = g.required_pp_now if t.indicator.is_share else g.required_cagr_now
    # in the direction the target asks for: a fall for an indicator that should fall
    sign = -1.0 if t.indicator.direction == "decrease" else 1.0
    if _nan(needed) or sign * needed <= 0:  # already at or past the target: nothing needed
        return ""
    if t.indicator.is_share and not _nan(g.required_pp_now):
        d = g.required_pp_now
        amount = w.say("reasons.amount_up" if d >= 0 else "reasons.amount_down",
                       points=T.points(abs(d), w.lang))
    elif not _nan(g.required_cagr_now):
        c = g.required_cagr_now
        amount = w.say("reasons.rise_up" if c >= 0 else "reasons.rise_down",
                       rate=T.rate(abs(c)))
    else:
        return ""
    if done:
        return w.say("reasons.needed", span=span, each=each, amount=amount)
    return w.say("reasons.needs", amount=amount)


def before_stop(text: str, clause: str, w: Phrasebook) -> str:
    """``clause`` inserted before the full stop that ends ``text``."""
    stop = w.say("reasons.stop")
    return f"{text[:-len(stop)]}{clause}{stop}" if text.endswith(stop) else text + clause


def add_clause(text: str, clause: str, w: Phrasebook) -> str:
    """A parenthetical ``clause`` added before the full stop; merged into a parenthesis that
    already ends the sentence (…（需年均增长11.4%；依据含下限值）。)."""
    stop, open_, close = w.say("reasons.stop"), w.say("reasons.open"), w.say("reasons.close")
    inner = clause.strip().removeprefix(open_.strip()).removesuffix(close)
    if text.endswith(close + stop):
        return text[:-len(close + stop)] + w.say("reasons.sep") + inner + close + stop
    return before_stop(text, clause, w)


def reconciled_clause(res, u: DisplayUnit, w: Phrasebook) -> str:
    """``；2021年末取约4.2万个（2022-09的6.2万个减去当年新增2万个），未采用6万个以上``."""
    used = u.figure(res.used[0], res.used[1])
    dropped = [u.figure(v, q) for v, q in res.left_out]
    why = ""
    if res.identity is not None:
        lv, when, added = res.identity
        why = w.say("reasons.reconciled_why", when=when, level=u.value(lv), next=res.year + 1,
                    added=u.value(added))
    return w.say("reasons.reconciled", year=res.year, used=used, why=why,
                 dropped=w.say("reasons.list_sep").join(dropped))


def year_total_clause(yt, u: DisplayUnit, w: Phrasebook) -> str:
    """``（2025年全年据1—10月累计12.79万亿元推算，前10个月通常占全年77.4%—80.1%）``."""
    m = int(yt.as_of[5:7])
    return w.say("reasons.year_total", year=yt.year, month=month(m, w), m=m,
                 v=u.value(yt.part_value), lo=f"{yt.low * 100:.1f}%", hi=f"{yt.high * 100:.1f}%")


def estimate_clause(e, u: DisplayUnit, w: Phrasebook) -> str:
    """``2025年末尚未公布，2025年6月为8.34亿户，按2022年以来的增速推算年末约8.57亿户（同类
    序列的年末值与这样的推算相差在±13%以内）``: a year-end estimated from a part-year level."""
    return w.say("reasons.estimate", year=e.year, date=T.date_words(e.as_of, w.lang),
                 part=u.value(e.part_value), since=e.pace_from.split(" ")[0],
                 value=u.value(e.value), pairs=e.pairs, half=f"{e.spread * 100:.0f}%")


def estimates_clause(j: Judgement, w: Phrasebook) -> str:
    """The year-ends before the target year that were estimated from part-year levels:
    ``（2023、2024年末值据当年2023年6月、2024年11月的数据按此前增速推算）``."""
    es = [e for e in j.estimates if e.year < j.level.target_year]
    if not es:
        return ""
    sep = w.say("reasons.and_sep")
    return w.say("reasons.estimates", years=sep.join(str(e.year) for e in es),
                 dates=sep.join(T.date_words(e.as_of, w.lang) for e in es),
                 pct=f"{es[0].spread * 100:.0f}")


def part_bounds_clause(j: Judgement, w: Phrasebook) -> str:
    """``（2020年全年至少为1—8月累计的2.08万个：年内累计只增不减）``."""
    bs = [b for b in j.part_bounds if b.year <= j.target.target_year]
    if not bs:
        return ""
    u = unit(j.level, w)
    items = [w.say("reasons.part_bound", year=b.year, month=month(int(b.as_of[5:7]), w),
                   v=u.value(b.value)) for b in bs]
    return w.say("reasons.part_bounds", items=w.say("reasons.sep").join(items))


def given_clause(f: Figure | None, u: DisplayUnit, w: Phrasebook) -> str:
    """What else a projection is held to: the range of an estimated year-end, or a
    published bound."""
    if f is None:
        return ""
    if not f.is_bound:  # a year-end estimated from part of the year
        lo, hi = f.interval
        return w.say("reasons.given_range", year=f.year, low=u.value(lo), high=u.value(hi))
    return w.say("reasons.given_bound", figure=figure_words(f, u, w))


def relation(t: Target, proj: float, w: Phrasebook) -> str:
    """Where a projection stands against the target: 低于 / 高于 / 达到."""
    low, high = t.met_range
    if _nan(proj):
        return ""
    if proj < low:
        return w.say("reasons.rel.below")
    if proj > high:
        return w.say("reasons.rel.above")
    return w.say("reasons.rel.meeting")


def bend_clause(j: Judgement, w: Phrasebook) -> str:
    """Where the projection grows at less than half the realised pace, say why in one
    clause: a short series' projection lets growth slow (the calibrated models learned that
    from thousands of short yearly series), so the reader does not take it for a mistake."""
    fig, fc, g = j.own.last_before, j.forecast, j.progress.actual_cagr
    T_ = j.level.target_year
    if (fig is None or _nan(fc.projected) or _nan(g) or g <= 0 or j.level.indicator.is_share
            or fig.value <= 0 or fc.projected <= 0 or fig.year >= T_):
        return ""
    ahead = (fc.projected / fig.value) ** (1 / (T_ - fig.year)) - 1
    if ahead >= g / 2:
        return ""
    return w.say("reasons.bend", n=len(j.own.fit_columns), start=fig.year, end=T_,
                 rate=T.rate(ahead))


def years_words(frame, w: Phrasebook) -> str:
    """The years of a frame of figures: ``2021、2022`` / ``2021, 2022``; 无 / none."""
    return w.say("reasons.list_sep").join(str(int(y)) for y in frame["year"]) or \
        w.say("reasons.none")
