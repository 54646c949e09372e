"""One sentence per target, in Chinese and in English, with the numbers."""

from __future__ import annotations

import math

import pandas as pd

from ..catalog import Target
from . import _text as T


def _isnan(x) -> bool:
    return x is None or (isinstance(x, float) and math.isnan(x))


def _target_words(t: Target, lang: str) -> str:
    u = t.indicator.unit
    if t.comparator == "above_national_average":
        return "超全国平均水平" if lang == "zh" else "above the national average"
    v = T.value(t.target_value, u, lang)
    if t.comparator == "between":
        hi = T.value(t.target_high, u, lang)
        return f"{T.num(t.target_value)}—{hi}" if lang == "zh" else \
            f"{T.value(t.target_value, u, 'en')}–{hi}"
    zh = {"at_least": f"{v}以上", "more_than": f"超过{v}", "around": f"{v}左右",
          "at_most": f"不高于{v}", "reach": v}
    en = {"at_least": f"at least {v}", "more_than": f"more than {v}", "around": f"about {v}",
          "at_most": f"at most {v}", "reach": v}
    return (zh if lang == "zh" else en).get(t.comparator, t.target_text)


def _growth_clause(t: Target, r: dict, lang: str) -> str:
    if t.indicator.is_share and not _isnan(r.get("actual_pp_per_year")):
        d = r["actual_pp_per_year"]
        return (f"{t.base_year}—{r['latest_year']}年年均{'提高' if d >= 0 else '下降'}"
                f"{T.points(abs(d))}" if lang == "zh" else
                f"{'up' if d >= 0 else 'down'} {T.points(abs(d), 'en')} a year in "
                f"{t.base_year}–{r['latest_year']}")
    if not _isnan(r.get("actual_cagr")):
        return (f"{t.base_year}—{r['latest_year']}年年均增长{T.rate(r['actual_cagr'])}"
                if lang == "zh" else
                f"growth of {T.rate(r['actual_cagr'])} a year in {t.base_year}–"
                f"{r['latest_year']}")
    return ""


def _need_clause(t: Target, r: dict, lang: str) -> str:
    if t.indicator.is_share and not _isnan(r.get("required_pp_now")):
        d = r["required_pp_now"]
        return (f"此后需年均{'提高' if d >= 0 else '下降'}{T.points(abs(d))}" if lang == "zh"
                else f"it now needs {T.points(d, 'en')} a year")
    if not _isnan(r.get("required_cagr_now")):
        return (f"此后需年均增长{T.rate(r['required_cagr_now'])}" if lang == "zh" else
                f"it now needs {T.rate(r['required_cagr_now'])} growth a year")
    return ""


def reasons(t: Target, r: dict, s: pd.DataFrame, ref: pd.DataFrame | None) -> tuple[str, str]:
    """(reason_zh, reason_en) for a target's assessment record ``r``."""
    u = t.indicator.unit
    st = r["status_cn"]
    goal_zh, goal_en = _target_words(t, "zh"), _target_words(t, "en")
    if st == "not_assessable":
        if t.comparator == "faster_than":
            return (f"目标“{t.target_text}”是增速比较，需另行比对两条增速序列，暂不量化评估。",
                    f"'{t.target_text}' compares growth rates; not assessed quantitatively "
                    "yet.")
        return (f"目标“{t.target_text}”无数值，无法量化评估。",
                f"The target '{t.target_text}' has no numeric value; it cannot be assessed.")
    if st == "insufficient_data":
        return _insufficient(t, r, s, ref)
    bound = r.get("latest_qualifier") == "lower_bound"  # "6万多": at least this much
    latest_zh = f"{r['latest_year']}年{T.value(r['latest_value'], u)}{'以上' if bound else ''}"
    latest_en = (f"{'over ' if bound else ''}{T.value(r['latest_value'], u, 'en')} in "
                 f"{r['latest_year']}")
    if t.comparator == "above_national_average":
        nat_zh = f"全国{T.value(r['reference_latest'], u)}（{r['reference_latest_year']}年）"
        nat_en = (f"national {T.value(r['reference_latest'], u, 'en')} "
                  f"({r['reference_latest_year']})")
        if st == "achieved":
            return (f"{latest_zh}，高于{nat_zh}，已超全国平均水平。",
                    f"{latest_en}, above the {nat_en}: already above the national average.")
        proj = (f"按趋势外推，{t.target_year}年约{T.value(r['projected'], u)}，全国约"
                f"{T.value(r['reference_projected'], u)}，超过全国的概率约{T.prob(r['p_met'])}")
        proj_en = (f"trends project {T.value(r['projected'], u, 'en')} against a national "
                   f"{T.value(r['reference_projected'], u, 'en')} in {t.target_year}; "
                   f"P(above) about {T.prob(r['p_met'], 'en')}")
        return f"{latest_zh}，{nat_zh}；{proj}。", f"{latest_en}, {nat_en}; {proj_en}."
    if st == "achieved":
        return (f"{latest_zh}，已达到{goal_zh}的{t.target_year}年目标（已提前实现）。",
                f"{latest_en}: the {t.target_year} target of {goal_en} is already met.")
    grow_zh, grow_en = _growth_clause(t, r, "zh"), _growth_clause(t, r, "en")
    need_zh, need_en = _need_clause(t, r, "zh"), _need_clause(t, r, "en")
    proj = r.get("projected", math.nan)
    low, high = t.band
    if _isnan(proj):
        rel_zh, rel_en = "", ""
    elif proj < low:
        rel_zh, rel_en = "低于", "below"
    elif proj > high:
        rel_zh, rel_en = "高于", "above"
    else:
        rel_zh, rel_en = "达到", "meeting"
    band_zh = (f"（80%区间{T.value(r['lo_80'], u)}—{T.value(r['hi_80'], u)}）")
    band_en = f" (80% interval {T.value(r['lo_80'], u, 'en')}–{T.value(r['hi_80'], u, 'en')})"
    head_zh = f"{latest_zh}" + (f"，{grow_zh}" if grow_zh else "")
    head_en = latest_en[0].upper() + latest_en[1:] + (f", {grow_en}" if grow_en else "")
    zh = (f"{head_zh}；按趋势外推，{t.target_year}年约{T.value(proj, u)}{band_zh}，{rel_zh}"
          f"{goal_zh}目标，实现概率约{T.prob(r['p_met'])}" + (f"；{need_zh}" if need_zh else "")
          + "。")
    en = (f"{head_en}; the trend projects {T.value(proj, u, 'en')} in {t.target_year}{band_en},"
          f" {rel_en} the target of {goal_en}, P(met) about {T.prob(r['p_met'], 'en')}"
          + (f"; {need_en}" if need_en else "") + ".")
    return zh, en


def _insufficient(t: Target, r: dict, s: pd.DataFrame, ref) -> tuple[str, str]:
    years = [int(y) for y in s["year"]] if len(s) else []
    if t.measure == "cagr":
        sid = t.subject or t.indicator.indicator_id
        return (f"增速目标需要同口径的规模序列（{sid}），且含{t.base_year}年基期值；目前没有"
                "可比的公开数据。",
                f"A growth-rate target needs a level series of the same scope ({sid}) with a "
                f"{t.base_year} figure; no comparable published figures are available.")
    if t.comparator == "above_national_average" and ref is not None and len(years) >= 2 \
            and len(ref) < 2:
        have = "、".join(str(int(y)) for y in ref["year"]) or "无"
        return (f"缺少全国同口径数据（现有年份：{have}），至少需要2个年份，无法判断是否超全国平均"
                "水平。",
                f"National figures of the same definition are missing (years: "
                f"{', '.join(str(int(y)) for y in ref['year']) or 'none'}); at least 2 years "
                "are needed to judge 'above the national average'.")
    if not years:
        return ("没有可比的公开数据（含基期值），至少需要2个年份的数据。",
                "No comparable published figures (not even a baseline); at least 2 years are "
                "needed.")
    have_zh = "、".join(map(str, years))
    base_only = years == [t.base_year]
    zh = (f"仅有{t.base_year}年基期值，{t.base_year}年后无可比公开数据"
          if base_only else f"仅有{have_zh}年共{len(years)}个年份的可比数据")
    en = (f"Only the {t.base_year} baseline; no comparable published figure since"
          if base_only else
          f"Only {len(years)} year(s) of comparable figures ({', '.join(map(str, years))})")
    return (f"{zh}，至少需要2个年份才能判断进度。", f"{en}; at least 2 years are needed to "
            "judge progress.")


def faster_reasons(t: Target, r: dict, s: pd.DataFrame, ref: pd.DataFrame,
                   names: dict[str, tuple[str, str]]) -> tuple[str, str]:
    """Reasons for 增速快于… (a growth comparison of two level series since the base year);
    ``names``: {'zh': (subject, reference), 'en': (...)}."""
    st, b = r["status_cn"], t.base_year
    (subj, refn), (subj_en, refn_en) = names["zh"], names["en"]
    if st == "insufficient_data":
        def have(x, sep):
            return sep.join(str(int(y)) for y in x["year"])
        return (f"需比较{subj}与{refn}自{b}年以来的增速，两者都需{b}年数据和至少2个年份；现有"
                f"年份：{subj}{have(s, '、') or '无'}，{refn}{have(ref, '、') or '无'}。",
                f"Needs the growth of {subj_en} and of {refn_en} since {b}, each with a {b} "
                f"figure and at least 2 years; years held: {have(s, ', ') or 'none'} and "
                f"{have(ref, ', ') or 'none'}.")
    so_far_zh = (f"{subj}{b}—{r['latest_year']}年年均增长{T.rate(r['actual_cagr'])}，{refn}"
                 f"{b}—{r['reference_latest_year']}年年均增长{T.rate(r['reference_cagr'])}")
    so_far_en = (f"{subj_en} grew {T.rate(r['actual_cagr'])} a year in {b}–{r['latest_year']}, "
                 f"{refn_en} {T.rate(r['reference_cagr'])} in {b}–{r['reference_latest_year']}")
    if _isnan(r.get("projected")):
        verdict = ("已快于", "faster") if st == "achieved" else ("未快于", "not faster")
        return (f"{so_far_zh}，{verdict[0]}{refn}。", f"{so_far_en}: {verdict[1]}.")
    own, other = T.rate(r["projected"] / 100), T.rate(r["reference_projected"] / 100)
    zh = (f"{so_far_zh}；按趋势外推，{b}—{t.target_year}年年均约{own}对{other}，"
          f"增速更快的概率约{T.prob(r['p_met'])}。")
    en = (f"{so_far_en}; trends give {own} against {other} a year over {b}–{t.target_year}, "
          f"P(faster) about {T.prob(r['p_met'], 'en')}.")
    return zh, en
