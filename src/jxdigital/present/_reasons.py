"""Step 6 of an assessment: one sentence per target, in Chinese and in English, with the
numbers and in the right tense (a target year already over is never "still needs")."""

from __future__ import annotations

import math
from typing import Any

from .. import codes
from ..assessment import Figure, Judgement, SeriesKey, Timing
from ..catalog import Target
from . import _phrases as P
from . import _text as T
from ._names import series_names
from ._units import DisplayUnit, unit_of

#: A row's display units, by language (``_units.unit_of``): every number of a reason is
#: said in them, as the row's table cells and chart show it.
Units = dict[str, DisplayUnit]


def units(t: Target) -> Units:
    """The display units of a (level) target, in both languages."""
    return {lang: unit_of(t, lang) for lang in ("zh", "en")}


def _nan(x) -> bool:
    return x is None or (isinstance(x, float) and math.isnan(x))


def target_words(t: Target | Any, lang: str) -> str:
    """The target as a phrase with its unit: ``3000亿元左右`` / ``about 300 billion yuan``
    (``t``: a catalogue ``Target`` or a ``TargetStatus``)."""
    u = unit_of(t, lang)
    if t.comparator == codes.ABOVE_NATIONAL_AVERAGE:
        return "超全国平均水平" if lang == "zh" else "above the national average"
    v = u.value(t.target_value)
    if t.comparator == "between":
        hi = u.value(t.target_high)
        return f"{u.number(t.target_value)}—{hi}" if lang == "zh" else f"{v}–{hi}"
    zh = {"at_least": f"{v}以上", "more_than": f"超过{v}", "around": f"{v}左右",
          "at_most": f"不高于{v}", "reach": v}
    en = {"at_least": f"at least {v}", "more_than": f"more than {v}", "around": f"about {v}",
          "at_most": f"at most {v}", "reach": v}
    return (zh if lang == "zh" else en).get(t.comparator, t.target_text)


def rate_words(t: Target, lang: str) -> str:
    """A growth-rate target as a phrase: ``25%左右`` / ``about 25%``."""
    r = T.num(t.target_value)
    if lang == "zh":
        return {"around": f"{r}%左右", "more_than": f"超过{r}%",
                "at_least": f"{r}%以上"}.get(t.comparator, f"{r}%")
    return {"around": f"about {r}%", "more_than": f"more than {r}%",
            "at_least": f"at least {r}%"}.get(t.comparator, f"{r}%")


def figure_words(f: Figure, u: Units, lang: str, year: bool = True) -> str:
    """``2021年6万个以上`` / ``over 60,000 in 2021``; a bound reads as one
    (``不到4000家``, ``under 4,000 firms``), in the row's display unit."""
    v = u[lang].figure(f.value, f.qualifier)
    if lang == "zh":
        return f"{f.year}年{v}" if year else v
    return f"{v} in {f.year}" if year else v


def part_year_clause(as_of: tuple[str, ...], lang: str) -> str:
    """What a reason that finds too few figures adds when part-year figures exist:
    ``（另有2024年6月末数据1个，为年内数，未用于判断）`` / ``(also 1 part-year figure, as of
    2024-06-30, not used as a year's value)``; "" when there are none."""
    if not as_of:
        return ""
    dates = list(dict.fromkeys(sorted(as_of)))
    n = len(as_of)
    if lang == "zh":
        return (f"（另有{'、'.join(T.date_words(d) for d in dates)}数据{n}个，为年内数，"
                "未用于判断）")
    figs = "1 part-year figure" if n == 1 else f"{n} part-year figures"
    return f" (also {figs}, as of {' and '.join(dates)}, not used as a year's value)"


def pending(year: int, lang: str) -> str:
    return f"{year}年数据尚未公布" if lang == "zh" else \
        f"the {year} figure is not yet published"


def target_year_clause(j: Judgement, when: Timing, lang: str) -> str:
    """What is known of the target year when it is over but the outcome is not settled:
    nothing yet (``2025年数据尚未公布``), or a bound that does not decide it."""
    T_ = j.target.target_year
    if not when.year_over(T_) or j.outcome is not None:
        return ""
    f = j.own.at_target
    if f is None:
        return pending(T_, lang)
    u = units(j.level)
    est = next((e for e in j.estimates if e.year == T_), None)
    if est is not None:  # a year-end estimated from part of the year
        return estimate_clause(est, u, lang) + ("，不足以单独判定" if lang == "zh" else
                                                ", which alone does not settle it")
    return (f"{T_}年仅知{figure_words(f, u, 'zh', year=False)}，不足以判定" if lang == "zh" else
            f"the {T_} figure is known only as {figure_words(f, u, 'en', year=False)}, which "
            "does not settle it")


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:]


def _growth_clause(j: Judgement, latest: Figure, lang: str) -> str:
    t, g = j.level, j.progress
    if t.indicator.is_share and not _nan(g.actual_pp_per_year):
        d = g.actual_pp_per_year
        return (f"{t.base_year}—{latest.year}年年均{'提高' if d >= 0 else '下降'}"
                f"{T.points(abs(d))}" if lang == "zh" else
                f"{'up' if d >= 0 else 'down'} {T.points(abs(d), 'en')} a year in "
                f"{t.base_year}–{latest.year}")
    if not _nan(g.actual_cagr):
        return (f"{t.base_year}—{latest.year}年年均增长{T.rate(g.actual_cagr)}"
                if lang == "zh" else
                f"growth of {T.rate(g.actual_cagr)} a year in {t.base_year}–{latest.year}")
    return ""


def _need_clause(j: Judgement, latest: Figure, when: Timing, lang: str) -> str:
    """Growth still needed to the target year; for a year already over, what it needed."""
    t, g = j.level, j.progress
    T_, done = t.target_year, when.year_over(t.target_year)
    one = latest.year + 1 == T_
    span_zh = f"{T_}年" if one else f"{latest.year + 1}—{T_}年"
    span_en = f"{T_}" if one else f"{latest.year + 1}–{T_}"
    each_zh, each_en = ("", "") if one else ("年均", " a year")
    needed = g.required_pp_now if t.indicator.is_share else g.required_cagr_now
    # in the direction the target asks for: a fall for an indicator that should fall
    sign = -1.0 if t.indicator.direction == "decrease" else 1.0
    if _nan(needed) or sign * needed <= 0:  # already at or past the target: nothing needed
        return ""
    if t.indicator.is_share and not _nan(g.required_pp_now):
        d = g.required_pp_now
        amount_zh = f"{'提高' if d >= 0 else '下降'}{T.points(abs(d))}"
        amount_en = T.points(d, "en") if d >= 0 else f"a fall of {T.points(-d, 'en')}"
        if done:
            return (f"需{span_zh}{each_zh}{amount_zh}" if lang == "zh" else
                    f"it needed {amount_en}{each_en} in {span_en}")
        return (f"此后需年均{amount_zh}" if lang == "zh" else
                f"it now needs {amount_en} a year")
    if not _nan(g.required_cagr_now):
        c = g.required_cagr_now
        rise_zh = f"增长{T.rate(c)}" if c >= 0 else f"下降{T.rate(-c)}"
        rise_en = f"{T.rate(c)} growth" if c >= 0 else f"a fall of {T.rate(-c)}"
        if done:
            return (f"需{span_zh}{each_zh}{rise_zh}" if lang == "zh" else
                    f"it needed {rise_en}{each_en} in {span_en}")
        return f"此后需年均{rise_zh}" if lang == "zh" else f"it now needs {rise_en} a year"
    return ""


def reasons(j: Judgement, when: Timing) -> tuple[str, str]:
    """(reason_zh, reason_en) for one judged target."""
    assert j.verdict is not None  # every judgement carries its verdict
    st = j.verdict.status_cn
    if st == "not_assessable":
        return _not_assessable(j.target)
    if j.kind == "growth_comparison":
        zh, en = _faster(j, when)
    elif st == "insufficient_data":
        zh, en = _insufficient(j, when)
    elif j.kind == "relative":
        zh, en = _relative(j, when)
    elif st in ("met", "missed"):
        zh, en = _settled(j)
    elif st == "achieved":
        zh, en = _achieved(j, when)
    else:
        zh, en = _projected(j, when)
    if j.kind == "growth_rate" and st != "insufficient_data":
        pre_zh, pre_en = rate_clause(j)
        zh, en = f"{pre_zh}；{zh}", f"{pre_en}; {en[:1].lower()}{en[1:]}"
    if j.kind == "annual_flow":  # the target holds for each year, not only the last
        goal_zh, goal_en = target_words(j.target, "zh"), target_words(j.target, "en")
        settled = st in ("met", "missed")
        zh = _before_stop(zh, "。", f"（目标为每年{goal_zh}，每一年都须达到" + (
            "）" if settled else f"；达标概率按{j.target.target_year}年计）"))
        en = _before_stop(en, ".", f" (the target is {goal_en} every year" + (
            ")" if settled else f"; P(met) is for {j.target.target_year})"))
    if st == "at_risk" and j.verdict.met_now:  # met now, but the trend may undo it
        zh = f"最新数据已达到目标，但此后仍可能回落，尚不能视为提前实现：{zh}"
        en = (f"The latest figure already meets the target but may still fall back, so it "
              f"is not yet achieved: {en[:1].lower()}{en[1:]}")
    if st in ("on_track", "at_risk", "off_track") and j.kind in ("level", "growth_rate"):
        bend_zh, bend_en = bend_clause(j, "zh"), bend_clause(j, "en")
        if bend_zh:  # the projection bends away from the recent trend: say why
            zh = _add_clause(zh, "。", "（", "）", "；", bend_zh)
            en = _add_clause(en, ".", " (", ")", "; ", bend_en)
    for res in j.reconciled:  # which of disagreeing year-end figures was used, and why
        zh = _before_stop(zh, "。", reconciled_clause(res, units(j.level), "zh"))
        en = _before_stop(en, ".", reconciled_clause(res, units(j.level), "en"))
    if j.link is not None:  # figures of another definition, spliced at the base year
        _, ratio, year, (zh_name, en_name) = j.link
        zh = _before_stop(zh, "。", f"（据{zh_name}增速推算，{year}年口径比约{ratio:.2f}）")
        en = _before_stop(en, ".", f" (from the growth of {en_name}, spliced at {year} with "
                                   f"a ratio of about {ratio:.2f})")
    for clause in (estimates_clause(j, "zh"), part_bounds_clause(j, "zh")):
        if clause:
            zh = _add_clause(zh, "。", "（", "）", "；", clause)
    for clause in (estimates_clause(j, "en"), part_bounds_clause(j, "en")):
        if clause:
            en = _add_clause(en, ".", " (", ")", "; ", clause)
    for yt in j.year_totals:  # a year's total estimated from its first months
        zh = _add_clause(zh, "。", "（", "）", "；", year_total_clause(yt, units(j.level), "zh"))
        en = _add_clause(en, ".", " (", ")", "; ", year_total_clause(yt, units(j.level), "en"))
    if j.evidence.grade in ("B", "C"):  # say what the verdict rests on
        zh = _add_clause(zh, "。", "（", "）", "；", P.evidence_clause(j.evidence.kinds, "zh"))
        en = _add_clause(en, ".", " (", ")", "; ", P.evidence_clause(j.evidence.kinds, "en"))
    if st == "insufficient_data" and j.link_refused is not None:  # why not the other series
        zh = _before_stop(zh, "。", f"（另有口径不同的数据未衔接：{j.link_refused[0]}）")
        en = _before_stop(en, ".", f" (figures of another definition are not linked: "
                                   f"{j.link_refused[1]})")
    if st == "insufficient_data" and j.part_year:  # "no figures" is not the whole story
        zh = _before_stop(zh, "。", part_year_clause(j.part_year, "zh"))
        en = _before_stop(en, ".", part_year_clause(j.part_year, "en"))
    return zh, en


def _add_clause(text: str, stop: str, open_: str, close: str, sep: str, clause: str) -> str:
    """A parenthetical ``clause`` added before the full stop; merged into a parenthesis that
    already ends the sentence (…（需年均增长11.4%；依据含下限值）。)."""
    inner = clause.strip().removeprefix(open_.strip()).removesuffix(close)
    if text.endswith(close + stop):
        return text[:-len(close + stop)] + sep + inner + close + stop
    return _before_stop(text, stop, clause)


def reconciled_clause(res, u: Units, lang: str) -> str:
    """``；2021年末取约4.2万个（2022-09的6.2万个减去当年新增2万个），未采用6万个以上``."""
    used = u[lang].figure(res.used[0], res.used[1])
    dropped = [u[lang].figure(v, q) for v, q in res.left_out]
    if lang == "zh":
        why = ""
        if res.identity is not None:
            lv, when, added = res.identity
            why = (f"（{when}的{u['zh'].value(lv)}减去{res.year + 1}年前期新增"
                   f"{u['zh'].value(added)}）")
        return f"；{res.year}年末取{used}{why}，与之不符的{'、'.join(dropped)}未采用"
    why = ""
    if res.identity is not None:
        lv, when, added = res.identity
        why = (f" ({u['en'].value(lv)} at {when} less {u['en'].value(added)} "
               f"added earlier in {res.year + 1})")
    return f"; end-{res.year} taken as {used}{why}; {', '.join(dropped)} does not fit and " \
        "is not used"


def year_total_clause(yt, u: Units, lang: str) -> str:
    """``（2025年全年据1—10月累计12.79万亿元推算，前10个月通常占全年77.4%—80.1%）``."""
    m = int(yt.as_of[5:7])
    lo, hi = f"{yt.low * 100:.1f}%", f"{yt.high * 100:.1f}%"
    if lang == "zh":
        return (f"（{yt.year}年全年据1—{m}月累计{u['zh'].value(yt.part_value)}推算，"
                f"前{m}个月通常占全年{lo}—{hi}）")
    month = MONTHS_EN[m - 1]
    return (f" (the {yt.year} total is estimated from {u['en'].value(yt.part_value)} "
            f"in January–{month}, usually {lo}–{hi} of the year)")


#: English month names, for January–October.
MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December")


def _before_stop(text: str, stop: str, clause: str) -> str:
    """``clause`` inserted before the full stop that ends ``text``."""
    return f"{text[:-len(stop)]}{clause}{stop}" if text.endswith(stop) else text + clause


def _not_assessable(t: Target) -> tuple[str, str]:
    if t.comparator == codes.FASTER_THAN:
        return (f"目标“{t.target_text}”是增速比较，缺少基期年份，无法量化评估。",
                f"'{t.target_text}' compares growth rates but has no base year; it cannot "
                "be assessed quantitatively.")
    return (f"目标“{t.target_text}”无数值，无法量化评估。",
            f"The target '{t.target_text}' has no numeric value; it cannot be assessed.")


def rate_clause(j: Judgement) -> tuple[str, str]:
    t, lt = j.target, j.level
    u = units(lt)
    base_zh, base_en = u["zh"].value(lt.base_value), u["en"].value(lt.base_value)
    return (f"年均增长{rate_words(t, 'zh')}折合{t.target_year}年{target_words(lt, 'zh')}"
            f"（{t.base_year}年为{base_zh}）",
            f"Growth of {rate_words(t, 'en')} a year from {t.base_year} ({base_en}) means "
            f"{target_words(lt, 'en')} in {t.target_year}")


def _settled(j: Judgement) -> tuple[str, str]:
    """met / missed: the target-year figure against the target, with the margin."""
    t, o = j.level, j.outcome
    assert o is not None
    u = units(t)
    fig_zh, fig_en = figure_words(o.figure, u, "zh"), figure_words(o.figure, u, "en")
    goal_zh, goal_en = target_words(t, "zh"), target_words(t, "en")
    word_zh, word_en = ("已完成", "met") if o.met else ("未完成", "missed")
    if o.figure.is_bound:
        side_zh = "已高于" if o.met == (t.indicator.direction == "increase") else "已低于"
        side_en = "already above" if side_zh == "已高于" else "already below"
        zh = f"{fig_zh}，{side_zh}{goal_zh}的目标，{word_zh}"
        en = f"{_cap(fig_en)}, {side_en} the target of {goal_en}: {word_en}"
    else:
        m = o.margin
        if t.indicator.is_share and not _nan(o.margin_pp):
            gap_zh = f"{T.points(abs(o.margin_pp))}（{abs(m) * 100:.1f}%）"
            gap_en = f"{T.points(abs(o.margin_pp), 'en')} ({abs(m) * 100:.1f}%)"
        else:
            gap_zh = gap_en = f"{abs(m) * 100:.1f}%"
        if abs(m) < 5e-4:
            zh = f"{fig_zh}，达到{goal_zh}的目标，{word_zh}"
            en = f"{_cap(fig_en)}, at the target of {goal_en}: {word_en}"
        elif o.met and t.comparator in ("around", "between") and not o.exceeded:
            zh = f"{fig_zh}，在{goal_zh}的目标范围内，{word_zh}"
            en = f"{_cap(fig_en)}, within the target of {goal_en}: {word_en}"
        else:
            rel_zh, rel_en = ("高于", "above") if m > 0 else ("低于", "below")
            extra_zh = "，超额完成" if o.exceeded else ""
            extra_en = " (exceeded)" if o.exceeded else ""
            zh = f"{fig_zh}，{rel_zh}{goal_zh}的目标{gap_zh}{extra_zh}，{word_zh}"
            en = (f"{_cap(fig_en)}, {gap_en} {rel_en} the target of {goal_en}{extra_en}: "
                  f"{word_en}")
    grow_zh, grow_en = _growth_clause(j, o.figure, "zh"), _growth_clause(j, o.figure, "en")
    if grow_zh:
        need = j.progress.required_cagr_plan if not t.indicator.is_share else \
            j.progress.required_pp_plan
        if not _nan(need):
            need_zh = T.rate(need) if not t.indicator.is_share else T.points(need)
            need_en = T.rate(need) if not t.indicator.is_share else T.points(need, "en")
            grow_zh += f"（目标要求{need_zh}）"
            grow_en += f" (the target required {need_en})"
        zh, en = f"{zh}；{grow_zh}", f"{en}; {grow_en}"
    est = next((e for e in j.estimates if e.year == o.figure.year), None)
    if est is not None:  # settled by a year-end estimated from part of the year: say so
        lo, hi = o.figure.interval
        zh = (f"{estimate_clause(est, u, 'zh')}，其范围{u['zh'].value(lo)}—{u['zh'].value(hi)}"
              f"已足以判定；{zh}")
        en = (f"{_cap(estimate_clause(est, u, 'en'))}; its range {u['en'].value(lo)}–"
              f"{u['en'].value(hi)} settles it; {en}")
    return zh + "。", en + "."


def _achieved(j: Judgement, when: Timing) -> tuple[str, str]:
    t = j.level
    latest = j.own.last_before  # the figure before the target year that met it
    assert latest is not None
    u = units(t)
    zh = (f"{figure_words(latest, u, 'zh')}，已达到{target_words(t, 'zh')}的"
          f"{t.target_year}年目标（提前实现）")
    en = (f"{_cap(figure_words(latest, u, 'en'))}: the {t.target_year} target of "
          f"{target_words(t, 'en')} was already met")
    tail_zh, tail_en = target_year_clause(j, when, "zh"), target_year_clause(j, when, "en")
    if tail_zh:
        zh += f"；{tail_zh}"
        en += f"; {tail_en}"
    return zh + "。", en + "."


def _relation(t: Target, proj: float) -> tuple[str, str]:
    low, high = t.met_range
    if _nan(proj):
        return "", ""
    if proj < low:
        return "低于", "below"
    if proj > high:
        return "高于", "above"
    return "达到", "meeting"


def estimate_clause(e, u: Units, lang: str) -> str:
    """``2025年末尚未公布，2025年6月为8.34亿户，按2022年以来的增速推算年末约8.57亿户（同类
    序列的年末值与这样的推算相差在±13%以内）``: a year-end estimated from a part-year level."""
    since = e.pace_from.split(" ")[0]
    half = f"{e.spread * 100:.0f}%"
    if lang == "zh":
        return (f"{e.year}年末数尚未公布，{T.date_words(e.as_of)}为{u['zh'].value(e.part_value)}，"
                f"按{since}年以来的增速推算年末约{u['zh'].value(e.value)}（有年中和年末数据的"
                f"{e.pairs}组同类数据中，年末值与这样的推算相差在±{half}以内）")
    return (f"the end-{e.year} figure is not published; {u['en'].value(e.part_value)} at "
            f"{e.as_of}, grown at its pace since {since}, gives about "
            f"{u['en'].value(e.value)} at the year-end (in {e.pairs} pairs of part-year and "
            f"year-end figures, year-ends sat within ±{half} of such estimates)")


def estimates_clause(j: Judgement, lang: str) -> str:
    """The year-ends before the target year that were estimated from part-year levels:
    ``（2023、2024年末值据当年2023年6月、2024年11月的数据按此前增速推算）``."""
    es = [e for e in j.estimates if e.year < j.level.target_year]
    if not es:
        return ""
    if lang == "zh":
        years = "、".join(str(e.year) for e in es)
        dates = "、".join(T.date_words(e.as_of) for e in es)
        return f"（{years}年末值据{dates}的年内数据按此前增速推算，±{es[0].spread * 100:.0f}%）"
    years = " and ".join(str(e.year) for e in es)
    dates = " and ".join(e.as_of for e in es)
    return (f" (the {years} year-ends are estimated from the figures at {dates}, grown at "
            f"the series' pace, ±{es[0].spread * 100:.0f}%)")


def part_bounds_clause(j: Judgement, lang: str) -> str:
    """``（2020年全年至少为1—8月累计的2.08万个：年内累计只增不减）``."""
    bs = [b for b in j.part_bounds if b.year <= j.target.target_year]
    if not bs:
        return ""
    u = units(j.level)
    if lang == "zh":
        return "（" + "；".join(f"{b.year}年全年至少为1—{int(b.as_of[5:7])}月累计的"
                              f"{u['zh'].value(b.value)}" for b in bs) + "：年内累计只增不减）"
    return " (" + "; ".join(f"the {b.year} total is at least the {u['en'].value(b.value)} "
                            f"of January–{MONTHS_EN[int(b.as_of[5:7]) - 1]}" for b in bs) + \
        ": a total over the year only adds up)"


def _given_clause(f: Figure | None, unit: Units) -> tuple[str, str]:
    if f is None:
        return "", ""
    if not f.is_bound:  # a year-end estimated from part of the year
        lo, hi = f.interval
        return (f"，并以{f.year}年末推算值的范围（{unit['zh'].value(lo)}—{unit['zh'].value(hi)}）"
                "为限",
                f", within the range of the estimated end-{f.year} figure "
                f"({unit['en'].value(lo)}–{unit['en'].value(hi)})")
    return (f"，并考虑{figure_words(f, unit, 'zh')}这一已公布的界限",
            f", taking into account the published {figure_words(f, unit, 'en')}")


def _projected(j: Judgement, when: Timing) -> tuple[str, str]:
    """on / at risk / off track: the trend to the target year and P(met), in the tense the
    review date calls for."""
    t, fc = j.level, j.forecast
    fig = j.own.last_before  # what the projection starts from
    assert fig is not None
    u = units(t)
    T_ = t.target_year
    goal_zh, goal_en = target_words(t, "zh"), target_words(t, "en")
    grow_zh, grow_en = _growth_clause(j, fig, "zh"), _growth_clause(j, fig, "en")
    need_zh, need_en = _need_clause(j, fig, when, "zh"), _need_clause(j, fig, when, "en")
    rel_zh, rel_en = _relation(t, fc.projected)
    band_zh = (f"（80%区间{u['zh'].projected_value(fc.lo_80)}—"
               f"{u['zh'].projected_value(fc.hi_80)}）")
    band_en = (f" (80% interval {u['en'].projected_value(fc.lo_80)}–"
               f"{u['en'].projected_value(fc.hi_80)})")
    given_zh, given_en = _given_clause(fc.given, u)
    p_zh, p_en = T.prob(fc.p_met), T.prob(fc.p_met, "en")
    fig_zh, fig_en = figure_words(fig, u, "zh"), figure_words(fig, u, "en")
    if when.year_over(T_):
        known_zh, known_en = target_year_clause(j, when, "zh"), target_year_clause(j, when, "en")
        bound = j.own.at_target is not None
        latest_zh = f"{T_}年前最新为" if bound else "最新为"
        latest_en = f"the latest figure before {T_} is" if bound else "the latest is"
        head_zh = f"{known_zh}；{latest_zh}{fig_zh}" + (f"（{grow_zh}）" if grow_zh else "")
        head_en = (f"{_cap(known_en)}; {latest_en} {fig_en}"
                   + (f" ({grow_en})" if grow_en else ""))
        zh = (f"{head_zh}；按{fig.year}年及以前的数据推算{given_zh}，{T_}年约"
              f"{u['zh'].projected_value(fc.projected)}{band_zh}，{rel_zh}{goal_zh}目标，达标概率约{p_zh}"
              + (f"（{need_zh}）" if need_zh else "") + "。")
        en = (f"{head_en}; from figures up to {fig.year}{given_en}, {T_} is estimated at "
              f"{u['en'].projected_value(fc.projected)}{band_en}, {rel_en} the target of "
              f"{goal_en}, "
              f"P(met) about {p_en}" + (f" ({need_en})" if need_en else "") + ".")
    else:
        head_zh = fig_zh + (f"，{grow_zh}" if grow_zh else "")
        head_en = _cap(fig_en) + (f", {grow_en}" if grow_en else "")
        zh = (f"{head_zh}；按趋势外推{given_zh}，{T_}年约{u['zh'].projected_value(fc.projected)}"
              f"{band_zh}，"
              f"{rel_zh}{goal_zh}目标，实现概率约{p_zh}" + (f"；{need_zh}" if need_zh else "")
              + "。")
        en = (f"{head_en}; the trend projects {u['en'].projected_value(fc.projected)} in {T_}"
              f"{band_en}{given_en}, {rel_en} the target of {goal_en}, P(met) about {p_en}"
              + (f"; {need_en}" if need_en else "") + ".")
    return zh, en


def bend_clause(j: Judgement, lang: str) -> str:
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
    n = len(j.own.fit_columns)
    if lang == "zh":
        return (f"（仅{n}个年份，按同类短序列的经验，外推增速逐步回落，"
                f"{fig.year}—{T_}年年均约{T.rate(ahead)}）")
    return (f" (only {n} years of figures: as in similar short series, the projection lets "
            f"growth slow, to about {T.rate(ahead)} a year in {fig.year}–{T_})")


def _years(frame, sep: str, none: str) -> str:
    return sep.join(str(int(y)) for y in frame["year"]) or none


def _insufficient(j: Judgement, when: Timing) -> tuple[str, str]:
    t = j.target
    clause_zh, clause_en = target_year_clause(j, when, "zh"), target_year_clause(j, when, "en")
    over = bool(clause_zh)
    pre_zh = f"{clause_zh}；" if over else ""
    pre_en = f"{_cap(clause_en)}; " if over else ""
    if j.kind == "growth_rate":
        sid = t.subject or t.indicator.indicator_id
        # the series by its name (the registry's; a plan's own id where it has none)
        zh_name, en_name = series_names(SeriesKey(sid, t.indicator.region),
                                        t.indicator.region)
        return (f"{pre_zh}增速目标需要同口径的规模序列（{zh_name}），且含{t.base_year}年基期值；"
                "目前没有可比的公开数据。",
                f"{pre_en}A growth-rate target needs a level series of the same scope "
                f"({en_name}) with a {t.base_year} figure; no comparable published figures "
                "are available." if not over else
                f"{pre_en}a growth-rate target needs a level series of the same scope "
                f"({en_name}) with a {t.base_year} figure; no comparable published figures "
                "are available.")
    own, ref = j.own, j.reference
    if j.kind == "relative" and ref is not None and len(own.judged) >= 2 \
            and len(ref.judged) < 2:
        return (f"{pre_zh}缺少全国同口径数据（现有年份：{_years(ref.judged, '、', '无')}），至少"
                "需要2个年份，无法判断是否超全国平均水平。",
                f"{pre_en}National figures of the same definition are missing (years: "
                f"{_years(ref.judged, ', ', 'none')}); at least 2 years are needed to judge "
                "'above the national average'.")
    years = [int(y) for y in own.judged["year"]]
    bound = own.at_target if own.at_target is not None and own.at_target.is_bound else None
    tail_zh = tail_en = ""
    if bound is not None and not over:  # a bound for a year not over yet (rare)
        u = units(j.level)
        tail_zh = f"{figure_words(bound, u, 'zh')}，不足以判定是否达标；"
        tail_en = f"{figure_words(bound, u, 'en')} does not settle the target; "
    # once the target year is over there is no progress left to judge: the figures are
    # too few to estimate the target year's value
    need_zh = (f"至少需要2个年份才能推算{t.target_year}年数值" if over else
               "至少需要2个年份才能判断进度")
    need_en = (f"at least 2 years are needed to estimate {t.target_year}" if over else
               "at least 2 years are needed to judge progress")
    f = own.judged
    # a year-end bound derived from a part-year figure before the base year is shown but
    # not fitted (it says little of the trend): say so rather than count it as a year
    early = sorted({int(y) for y in f["year"][(f["kind"] == "derived") & (f["year"] < (
        t.base_year or 0)) & f["qualifier"].isin((codes.LOWER_BOUND, codes.UPPER_BOUND))]}) \
        if "kind" in f and len(f) else []
    if early and len(years) - len(early) < 2:
        fitted = [y for y in years if y not in early]
        zh = (f"可用于趋势的仅有{'、'.join(map(str, fitted)) or '—'}年；"
              f"{'、'.join(map(str, early))}年为年内数推得的下限，早于基期，不计入趋势，"
              f"{need_zh}。")
        en = (f"only {', '.join(map(str, fitted)) or 'no year'} can show the trend; "
              f"{', '.join(map(str, early))} is a bound from a part-year figure before the "
              f"base year and is not fitted; {need_en}.")
    elif not years:
        zh = "没有可比的公开数据（含基期值），至少需要2个年份的数据。"
        en = ("no comparable published figures (not even a baseline); at least 2 years are "
              "needed.")
    else:
        base_only = years == [t.base_year]
        zh = ((f"仅有{t.base_year}年基期值，{t.base_year}年后无可比公开数据" if base_only and
               bound is None else f"仅有{'、'.join(map(str, years))}年共{len(years)}个年份的"
               "可比数据") + f"，{need_zh}。")
        en = ((f"only the {t.base_year} baseline; no comparable published figure since"
               if base_only and bound is None else
               f"only {len(years)} year(s) of comparable figures "
               f"({', '.join(map(str, years))})") + f"; {need_en}.")
    en = tail_en + en
    return pre_zh + tail_zh + zh, (pre_en + en) if pre_en else _cap(en)


def _relative(j: Judgement, when: Timing) -> tuple[str, str]:
    """超全国平均水平: the region against the national series."""
    assert j.verdict is not None
    t, fc, st = j.level, j.forecast, j.verdict.status_cn
    u = units(t)
    ref = j.reference
    assert ref is not None
    if st in ("met", "missed"):
        o = j.outcome
        assert o is not None and o.reference is not None
        own_zh, own_en = figure_words(o.figure, u, "zh"), figure_words(o.figure, u, "en")
        nat_zh = f"全国{figure_words(o.reference, u, 'zh', year=False)}"
        nat_en = f"national {figure_words(o.reference, u, 'en', year=False)}"
        if o.met:
            return (f"{own_zh}，高于{nat_zh}，已超全国平均水平，已完成。",
                    f"{_cap(own_en)}, above the {nat_en}: above the national average, met.")
        return (f"{own_zh}，未高于{nat_zh}，未超全国平均水平，未完成。",
                f"{_cap(own_en)}, not above the {nat_en}: not above the national average, "
                "missed.")
    latest, rlatest = j.own.latest, ref.latest
    assert latest is not None and rlatest is not None
    lz, le = figure_words(latest, u, "zh"), figure_words(latest, u, "en")
    nat_zh = f"全国{figure_words(rlatest, u, 'zh', year=False)}（{rlatest.year}年）"
    nat_en = f"national {figure_words(rlatest, u, 'en', year=False)} ({rlatest.year})"
    over = when.year_over(t.target_year)
    pre_zh = f"{pending(t.target_year, 'zh')}；" if over else ""
    pre_en = f"{_cap(pending(t.target_year, 'en'))}; " if over else ""
    if st == "achieved":
        return (f"{pre_zh}{lz}，高于{nat_zh}，已超全国平均水平。",
                f"{pre_en}{le if over else _cap(le)}, above the {nat_en}: already above the "
                "national average.")
    verb_zh = "推算" if over else "按趋势外推，"
    proj = (f"{verb_zh}{t.target_year}年约{u['zh'].projected_value(fc.projected)}，全国约"
            f"{u['zh'].projected_value(fc.reference_projected)}，超过全国的概率约"
            f"{T.prob(fc.p_met)}")
    proj_en = (f"{'estimates give' if over else 'trends project'} "
               f"{u['en'].projected_value(fc.projected)} against a national "
               f"{u['en'].projected_value(fc.reference_projected)} in {t.target_year}; "
               f"P(above) about {T.prob(fc.p_met, 'en')}")
    return (f"{pre_zh}{lz}，{nat_zh}；{proj}。",
            f"{pre_en}{le if over else _cap(le)}, {nat_en}; {proj_en}.")


def _faster(j: Judgement, when: Timing) -> tuple[str, str]:
    """增速快于…: growth of two level series since the base year."""
    assert j.verdict is not None
    t, fc, st, g = j.target, j.forecast, j.verdict.status_cn, j.progress
    b, T_ = t.base_year, t.target_year
    assert j.compared is not None and j.reference is not None
    from_region = t.indicator.region
    (subj, subj_en), (refn, refn_en) = (series_names(k, from_region) for k in j.compared)
    own, ref = j.own, j.reference
    over = when.year_over(T_) and (own.at_target is None or ref.at_target is None)
    pre_zh = f"{T_}年数据尚未全部公布；" if over else ""
    pre_en = f"The {T_} figures are not all published yet; " if over else ""
    if st == "insufficient_data":
        return (f"{pre_zh}需比较{subj}与{refn}自{b}年以来的增速，两者都需{b}年数据和至少2个年份；"
                f"现有年份：{subj}{_years(own.judged, '、', '无')}，"
                f"{refn}{_years(ref.judged, '、', '无')}。",
                f"{pre_en}{'n' if over else 'N'}eeds the growth of {subj_en} and of {refn_en} "
                f"since {b}, each with a {b} figure and at least 2 years; years held: "
                f"{_years(own.judged, ', ', 'none')} and {_years(ref.judged, ', ', 'none')}.")
    la, lb = own.latest, ref.latest
    assert la is not None and lb is not None
    so_far_zh = (f"{subj}{b}—{la.year}年年均增长{T.rate(g.actual_cagr)}，{refn}"
                 f"{b}—{lb.year}年年均增长{T.rate(g.required_cagr_plan)}")
    so_far_en = (f"{subj_en} grew {T.rate(g.actual_cagr)} a year in {b}–{la.year}, "
                 f"{refn_en} {T.rate(g.required_cagr_plan)} in {b}–{lb.year}")
    if st in ("met", "missed"):
        word_zh, word_en = ("已快于", "faster: met") if st == "met" else \
            ("未快于", "not faster: missed")
        return (f"{so_far_zh}，{word_zh}{refn}，{'已完成' if st == 'met' else '未完成'}。",
                f"{so_far_en}: {word_en}.")
    own_r = T.rate(fc.projected / 100)
    other_r = T.rate(fc.reference_projected / 100)
    verb_zh = "推算" if over else "按趋势外推，"
    zh = (f"{pre_zh}{so_far_zh}；{verb_zh}{b}—{T_}年年均约{own_r}对{other_r}，"
          f"增速更快的概率约{T.prob(fc.p_met)}。")
    en = (f"{pre_en}{so_far_en}; "
          f"{'estimates give' if over else 'trends give'} {own_r} against {other_r} a year "
          f"over {b}–{T_}, P(faster) about {T.prob(fc.p_met, 'en')}.")
    return zh, en
