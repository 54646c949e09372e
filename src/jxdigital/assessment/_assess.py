"""``assess()``: join a plan, its actuals and the projections into a status per target."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pandas as pd

from .. import growth
from ..catalog import DEFAULT_PLAN, Plan, Target, indicator_registry, load_plan
from ..models import Projection, project
from ..observations import actuals as shipped_actuals
from ..observations import load_actuals, mark_selected, merge_actuals
from . import _rules as R
from . import _text as T_
from ._model import Assessment, TargetStatus
from ._reasons import _target_words as _reasons_words
from ._reasons import faster_reasons, reasons

LEVEL_MEASURES = ("level", "share_pct")
#: Quantile levels used to compare a region's projection with the national one.
_GRID = np.linspace(0.01, 0.99, 99)


def _as_plan(plan) -> Plan:
    if isinstance(plan, Plan):
        return plan
    return load_plan(DEFAULT_PLAN if plan is None else plan)


def _as_data(data, plan: Plan) -> pd.DataFrame:
    if data is None:
        return shipped_actuals()
    if isinstance(data, pd.DataFrame) and "origin" in data.columns:
        return data
    mine = load_actuals(data, plan=plan)
    return merge_actuals(shipped_actuals(), mine)


def _cutoff(as_of) -> tuple[int | None, str]:
    """(last period year, last publication date) for ``as_of`` (a year or an ISO date).

    A year Y means periods up to Y published by Y-12-31; a date means periods that had
    ended by that date, published by then where the date of publication is known."""
    if as_of is None:
        return None, ""
    text = str(as_of)
    if len(text) == 4 and text.isdigit():
        return int(text), f"{text}-12-31"
    try:
        ts = pd.Timestamp(text)
    except ValueError:
        raise ValueError(f"argument 'as_of': expected a year such as 2022 or a date such as "
                         f"2023-06-30, got {as_of!r}") from None
    # A year's figure cannot exist before the year is over: a mid-year date admits periods
    # up to the previous year even where publication dates are unknown.
    last = ts.year if (ts.month, ts.day) == (12, 31) else ts.year - 1
    return last, ts.strftime("%Y-%m-%d")


def _published_by(published: pd.Series, cutoff: str) -> pd.Series:
    """True where the publication date is unknown or on or before ``cutoff``; a date given
    only as a year or month counts from the end of that year or month."""
    p = published.fillna("").astype(str)
    full = p.where(p.str.len() != 4, p + "-12-31")
    full = full.where(full.str.len() != 7, full + "-31")
    return (p == "") | (full <= cutoff)


def usable(data: pd.DataFrame, as_of=None) -> pd.DataFrame:
    """The observations an assessment may use: comparable, year-end, level or share, known
    by ``as_of`` (periods up to that year, published by then where the date is known);
    the selection rule is applied again to what remains."""
    year, cutoff = _cutoff(as_of)
    d = data[data["measure"].isin(LEVEL_MEASURES) & data["comparable"].astype(bool)
             & (data["as_of"].astype(str) == "")]
    if year is not None:
        d = d[(d["year"] <= year) & _published_by(d["published"], cutoff)]
    d = d.drop(columns="selected").reset_index(drop=True)
    priority = pd.Series((d["origin"] != "jxdigital").astype(int).to_numpy())
    return mark_selected(d, priority=priority)


def _series(d: pd.DataFrame, indicator_id: str, region: str) -> pd.DataFrame:
    """The selected yearly figures of one indicator and region, oldest first.

    A lower bound no higher than an earlier figure ("突破1万亿" after 10378亿) says nothing
    new and would read as a fall: it is left out (coverage and charts still show it).
    """
    s = d[(d["indicator_id"] == indicator_id) & (d["region"] == region) & d["selected"]]
    s = s.sort_values("year").reset_index(drop=True)
    earlier_max = s["value"].where(s["qualifier"] != "lower_bound").cummax().shift()
    stale = (s["qualifier"] == "lower_bound") & (s["value"] <= earlier_max)
    return s[~stale].reset_index(drop=True)


def _with_base(s: pd.DataFrame, t: Target) -> pd.DataFrame:
    """Add the plan's own baseline when no figure for the base year is known."""
    if t.base_year is None or math.isnan(t.base_value) or (s["year"] == t.base_year).any():
        return s
    row = {"year": t.base_year, "value": t.base_value,
           "qualifier": "lower_bound" if t.base_qualifier in ("more_than", "at_least")
           else "exact", "source_title": f"规划基期值 (plan baseline, {t.plan_id})",
           "publisher": "", "published": "", "kind": "published"}
    return pd.concat([pd.DataFrame([row]), s], ignore_index=True).sort_values("year") \
        .reset_index(drop=True)


def _met(t: Target, value: float, year: int) -> bool:
    """Does an actual ``value`` in ``year`` already meet the target?"""
    low, high = t.band
    if t.comparator in ("around", "between"):
        return year >= t.target_year and low <= value <= high
    if t.comparator == "more_than":
        return value > t.target_value
    return low <= value <= high


def _p_met(t: Target, p: Projection, year: int) -> float:
    low, high = t.band
    up = 1.0 - p.cdf(low, year) if math.isfinite(low) else 1.0
    if math.isfinite(high):
        return max(0.0, p.cdf(high, year) - (1.0 - up))
    return up


def _p_above(p: Projection, ref: Projection, year: int) -> float:
    """P(region > reference) in ``year``, the two projections taken as independent."""
    a, b = p.quantiles(_GRID, year), ref.quantiles(_GRID, year)
    return float(np.mean(a[:, None] > b[None, :]))


def _bounds(t: Target):
    return (0.0, 100.0) if t.indicator.is_share else None


def _project(s: pd.DataFrame, t: Target, sid: str, method: str,
             share: bool | None = None) -> Projection | None:
    if len(s) < R.MIN_OBSERVATIONS or s["year"].iloc[-1] >= t.target_year:
        return None
    series = pd.Series(s["value"].to_numpy(float), index=s["year"].to_numpy(int), name=sid)
    bounds = _bounds(t) if share is None else ((0.0, 100.0) if share else None)
    return project(series, to=t.target_year, method=method, bounds=bounds)


def _target_status(t: Target, d: pd.DataFrame, as_of_label: str, scheme: str,
                   method: str, out_proj: dict, out_ref: dict, out_series: dict) -> TargetStatus:
    if t.measure == "cagr":
        lt = _level_target(t, d)
        if lt is not None:
            r = _target_status(lt, d, as_of_label, scheme, method, out_proj, out_ref, out_series)
            return _restate(r, t, lt)
    if t.comparator == "faster_than":
        fs = _faster_than(t, d, as_of_label, scheme, method, out_proj, out_ref, out_series)
        if fs is not None:
            return fs
    ind = t.indicator
    share = ind.is_share
    numeric = t.comparator not in ("none", "faster_than") and (
        t.comparator == "above_national_average" or not math.isnan(t.target_value))
    s = _with_base(_series(d, ind.indicator_id, ind.region), t) if numeric else \
        _series(d, ind.indicator_id, ind.region)
    if t.measure == "cagr":
        s = s.iloc[0:0]  # growth-rate targets need a level series of their own (see below)
    out_series[ind.indicator_id] = s
    low, high = t.band
    rec: dict = dict(
        plan_id=t.plan_id, seq=t.seq, indicator_id=ind.indicator_id, name_zh=ind.name_zh,
        name_en=ind.name_en, category_zh=ind.category_zh, category_en=ind.category_en,
        unit=ind.unit, is_share=share, attribute=t.attribute, comparator=t.comparator,
        region=ind.region, reference=t.reference, base_year=t.base_year,
        base_value=t.base_value, target_year=t.target_year, target_value=t.target_value,
        target_text=t.target_text, target_low_met=low, target_high_met=high,
        as_of=as_of_label, n_obs=len(s),
        years_used=", ".join(str(int(y)) for y in s["year"]))
    if len(s):
        last = s.iloc[-1]
        rec.update(latest_year=int(last["year"]), latest_value=float(last["value"]),
                   latest_qualifier=str(last["qualifier"]),
                   latest_source=str(last["source_title"]),
                   latest_publisher=str(last.get("publisher", "")))
    enough = len(s) >= R.MIN_OBSERVATIONS
    ref_s = None
    if t.comparator == "above_national_average":
        ref_region = t.reference or "china"
        ref_s = _series(d, ind.indicator_id, ref_region)
        out_series[f"{ind.indicator_id}@{ref_region}"] = ref_s
        enough = enough and len(ref_s) >= R.MIN_OBSERVATIONS
        if len(ref_s):
            rec.update(reference_latest_year=int(ref_s["year"].iloc[-1]),
                       reference_latest=float(ref_s["value"].iloc[-1]))
    met_now = False
    if numeric and len(s):
        if ref_s is not None:
            common = s.merge(ref_s, on="year", suffixes=("", "_ref"))
            if len(common):
                met_now = bool(common["value"].iloc[-1] > common["value_ref"].iloc[-1])
        else:
            met_now = _met(t, rec["latest_value"], rec["latest_year"]) and \
                rec["latest_qualifier"] != "upper_bound"
    _measures(t, s, rec)
    if numeric and enough:
        p = _project(s, t, ind.indicator_id, method)
        if p is not None:
            out_proj[ind.indicator_id] = p
            f = p.to_frame().set_index("year").loc[t.target_year]
            rec.update(projected=float(f["point"]), lo_80=float(f["lo_80"]),
                       hi_80=float(f["hi_80"]), model=str(f["model"]))
            if ref_s is not None:
                rp = _project(ref_s, t, f"{ind.indicator_id}@china", method)
                if rp is not None:
                    out_ref[ind.indicator_id] = rp
                    rec["reference_projected"] = rp.point(t.target_year)
                    rec["p_met"] = _p_above(p, rp, t.target_year)
            else:
                rec["p_met"] = _p_met(t, p, t.target_year)
        elif rec.get("latest_year") is not None and rec["latest_year"] >= t.target_year:
            rec["p_met"] = 1.0 if met_now else 0.0
    status_cn = R.status_cn(numeric=numeric, enough_data=enough, met_now=met_now,
                            p_met=rec.get("p_met", math.nan))
    eu = R.eurostat_class(rec.get("growth_ratio", math.nan), met_now) \
        if status_cn not in ("not_assessable", "insufficient_data") else ""
    un = R.un_class(rec.get("gap_ratio", math.nan), met_now) \
        if status_cn not in ("not_assessable", "insufficient_data") else ""
    if scheme == "cn":
        status, zh, en = status_cn, R.STATUS_ZH[status_cn], R.STATUS_EN[status_cn]
    else:
        cls = eu if scheme == "eurostat" else un
        labels = R.EUROSTAT_ZH if scheme == "eurostat" else R.UN_ZH
        status = cls or status_cn
        zh = labels.get(cls, R.STATUS_ZH[status_cn])
        en = cls.replace("_", " ") if cls else R.STATUS_EN[status_cn]
    rec.update(status=status, status_zh=zh, status_en=en, status_cn=status_cn,
               eurostat_class=eu, un_class=un)
    rec["reason_zh"], rec["reason_en"] = reasons(t, rec, s, ref_s)
    return TargetStatus(**rec)


def _split_ref(ref: str, t: Target) -> tuple[str, str]:
    """'region:indicator_id' or 'indicator_id' → (indicator_id, region)."""
    region, _, iid = ref.rpartition(":")
    return iid, region or t.indicator.region


def _level_target(t: Target, d: pd.DataFrame) -> Target | None:
    """A growth-rate target (年均增长g) restated as the level it implies in the target
    year, ``x_B · (1 + g)^(T − B)``, from the level series named by ``subject`` (or the
    target's own id) with a figure for the base year B; None where that is missing."""
    if t.base_year is None or math.isnan(t.target_value):
        return None
    iid, region = _split_ref(t.subject, t) if t.subject else \
        (t.indicator.indicator_id, t.indicator.region)
    s = _series(d, iid, region)
    base = s[(s["year"] == t.base_year) & (s["qualifier"] == "exact")]
    if not len(base):
        return None
    x0, n = float(base["value"].iloc[0]), t.target_year - t.base_year
    unit = str(base["unit"].iloc[0]) if "unit" in base else ""
    low, high = (v / 100.0 for v in t.band)  # rates are stored in %
    # 保持在25%左右 is a floor in planners' reading: faster growth does not miss it. So a
    # 左右 rate counts as met from the low end of its band up.
    comparator = "at_least" if t.comparator == "around" else t.comparator
    if comparator == "at_least":
        high = math.inf
    lvl = {"target_value": float(growth.compound(x0, low, n)) if math.isfinite(low) else
           math.nan, "target_high": float(growth.compound(x0, high, n))
           if math.isfinite(high) else math.nan}
    ind = t.indicator.model_copy(update={"indicator_id": iid, "region": region, "unit": unit,
                                         "is_share": False})
    return t.model_copy(update={
        "indicator": ind, "measure": "level", "base_value": x0, "base_text": T_.num(x0),
        "base_qualifier": "exact", "comparator": comparator, "tolerance": math.nan,
        "target_text": t.target_text, **lvl})


def _restate(r: TargetStatus, t: Target, lt: Target) -> TargetStatus:
    """The record of the level target ``lt``, under the growth target ``t``'s name."""
    goal_zh = _reasons_words(lt, "zh")
    goal_en = _reasons_words(lt, "en")
    rate = T_.num(t.target_value)
    rate_zh = {"around": f"{rate}%左右", "more_than": f"超过{rate}%",
               "at_least": f"{rate}%以上"}.get(t.comparator, f"{rate}%")
    rate_en = {"around": f"about {rate}%", "more_than": f"more than {rate}%",
               "at_least": f"at least {rate}%"}.get(t.comparator, f"{rate}%")
    zh = f"年均增长{rate_zh}折合{t.target_year}年{goal_zh}（{t.base_year}年为" \
         f"{T_.value(lt.base_value, lt.indicator.unit)}）"
    en = (f"Growth of {rate_en} a year from {t.base_year} "
          f"({T_.value(lt.base_value, lt.indicator.unit, 'en')}) means {goal_en} in "
          f"{t.target_year}")
    g = t.target_value / 100.0  # the stated rate, not the low end of its 左右 band
    ratio = r.actual_cagr / g if g else math.nan
    eu = R.eurostat_class(ratio, r.status_cn == "achieved") if r.eurostat_class else ""
    return r.model_copy(update={
        "required_cagr_plan": g, "growth_ratio": ratio, "eurostat_class": eu,
        "indicator_id": t.indicator.indicator_id, "name_zh": t.indicator.name_zh,
        "name_en": t.indicator.name_en, "comparator": t.comparator,
        "target_text": t.target_text, "reference": t.reference,
        "unit": lt.indicator.unit,
        "level_target": zh, "reason_zh": f"{zh}；{r.reason_zh}",
        "reason_en": f"{en}; {r.reason_en}"})


def _faster_than(t: Target, d: pd.DataFrame, as_of_label: str, scheme: str, method: str,
                 out_proj: dict, out_ref: dict, out_series: dict) -> TargetStatus | None:
    """增速快于…: P(x_T / x_B > r_T / r_B), the two projections taken as independent.

    B is the target's base year (else the year before the plan period); None (→ not
    assessable) when either series lacks an exact base-year figure.
    """
    base_year = t.base_year
    if base_year is None:
        return None
    ind = t.indicator
    rid, rregion = _split_ref(t.reference, t)
    own_id = ind.indicator_id
    # The row names the series whose growth it means (`subject`); without one, the
    # reference's indicator in the row's own region (快于全国平均增速).
    level_id, region = _split_ref(t.subject, t) if t.subject else (rid, ind.region)
    s, ref_s = _series(d, level_id, region), _series(d, rid, rregion)
    out_series[own_id], out_series[f"{own_id}@{rregion}"] = s, ref_s

    def base_of(x):
        b = x[(x["year"] == base_year) & (x["qualifier"] == "exact")]
        return float(b["value"].iloc[0]) if len(b) else math.nan

    x0, r0 = base_of(s), base_of(ref_s)
    rec: dict = dict(
        plan_id=t.plan_id, seq=t.seq, indicator_id=own_id, name_zh=ind.name_zh,
        name_en=ind.name_en, category_zh=ind.category_zh, category_en=ind.category_en,
        unit="%", is_share=False, attribute=t.attribute, comparator=t.comparator,
        region=ind.region, reference=t.reference, base_year=base_year,
        target_year=t.target_year, target_text=t.target_text, as_of=as_of_label,
        n_obs=len(s), years_used=", ".join(str(int(y)) for y in s["year"]))
    usable_ = [x for x in (s, ref_s) if len(x)]
    enough = (len(s) >= R.MIN_OBSERVATIONS and len(ref_s) >= R.MIN_OBSERVATIONS
              and not math.isnan(x0) and not math.isnan(r0)
              and s["year"].iloc[-1] > base_year and ref_s["year"].iloc[-1] > base_year)
    if len(usable_) == 2 and len(s):
        last = s.iloc[-1]
        # the row's unit is % (a growth rate): latest and projected values are annual
        # growth since the base year, in %; the levels stay in `series`
        rec.update(latest_year=int(last["year"]), latest_qualifier=str(last["qualifier"]),
                   latest_source=str(last["source_title"]),
                   reference_latest_year=int(ref_s["year"].iloc[-1]))
        level, ref_level = float(last["value"]), float(ref_s["value"].iloc[-1])
    met_now = False
    if enough:
        y1, ry1 = rec["latest_year"], rec["reference_latest_year"]
        rec["actual_cagr"] = float(growth.implied_cagr(x0, level, y1 - base_year))
        rec["reference_cagr"] = float(growth.implied_cagr(r0, ref_level, ry1 - base_year))
        rec["latest_value"] = 100 * rec["actual_cagr"]
        rec["reference_latest"] = 100 * rec["reference_cagr"]
        if min(y1, ry1) >= t.target_year:
            a = s.set_index("year")["value"].get(t.target_year, math.nan)
            b = ref_s.set_index("year")["value"].get(t.target_year, math.nan)
            met_now = bool(a / x0 > b / r0)
            rec["p_met"] = 1.0 if met_now else 0.0
        else:
            # A side with a figure for the target year is known; the other is projected.
            sides = []
            for x, sid, key, out in ((s, level_id, own_id, out_proj),
                                     (ref_s, rid + "@" + rregion, own_id, out_ref)):
                known = x[x["year"] == t.target_year]
                if len(known):
                    sides.append(np.array([float(known["value"].iloc[0])]))
                else:
                    p = _project(x, t, sid, method, share=bool((x["unit"] == "%").all()))
                    out[key] = p
                    sides.append(p.quantiles(_GRID, t.target_year))
            a, b = sides
            n = t.target_year - base_year
            rec["projected"] = 100 * float(growth.implied_cagr(x0, float(np.median(a)), n))
            rec["reference_projected"] = 100 * float(
                growth.implied_cagr(r0, float(np.median(b)), n))
            rec["p_met"] = float(np.mean(a[:, None] / x0 > b[None, :] / r0))
    status = R.status_cn(numeric=True, enough_data=enough, met_now=met_now,
                         p_met=rec.get("p_met", math.nan))
    rec.update(status=status, status_zh=R.STATUS_ZH[status], status_en=R.STATUS_EN[status],
               status_cn=status)
    reg = indicator_registry().set_index("indicator_id")

    def name(iid: str, region: str, col: str) -> str:
        n = str(reg[col].get(iid, "") or iid) if col in reg else iid
        if region != ind.region:
            n = ("全国" if region == "china" else region) + n if col == "name_zh" else \
                f"{n} ({'China' if region == 'china' else region})"
        return n

    names = {lang: (name(level_id, region, col), name(rid, rregion, col))
             for lang, col in (("zh", "name_zh"), ("en", "name_en"))}
    rec["reason_zh"], rec["reason_en"] = faster_reasons(t, rec, s, ref_s, names)
    return TargetStatus(**rec)


def _measures(t: Target, s: pd.DataFrame, rec: dict) -> None:
    """序时进度, growth since the base year, growth now required, projected gap (UNSD)."""
    if t.base_year is None or not len(s) or t.comparator in ("none", "faster_than",
                                                            "above_national_average"):
        return
    base = s[s["year"] == t.base_year]
    x0 = float(base["value"].iloc[0]) if len(base) else math.nan
    t0, t1, T_ = t.base_year, rec["latest_year"], t.target_year
    xt, v = rec["latest_value"], t.target_value
    if math.isnan(x0) or math.isnan(v) or t1 <= t0:
        if t1 < T_ and not math.isnan(v) and xt > 0 and v >= 0 and not t.indicator.is_share:
            rec["required_cagr_now"] = float(growth.required_cagr(xt, t1, v, T_))
        return
    rec["time_elapsed"] = (t1 - t0) / (T_ - t0)
    if t.indicator.is_share:
        rec["completion"] = (xt - x0) / (v - x0) if v != x0 else math.nan
        rec["actual_pp_per_year"] = (xt - x0) / (t1 - t0)
        rec["required_pp_plan"] = (v - x0) / (T_ - t0)
        if rec["required_pp_plan"] != 0:
            rec["growth_ratio"] = rec["actual_pp_per_year"] / rec["required_pp_plan"]
        proj_linear = xt + rec["actual_pp_per_year"] * (T_ - t1)
        rec["gap_ratio"] = (proj_linear - x0) / (v - x0) if v != x0 else math.nan
        if t1 < T_:
            rec["required_pp_now"] = (v - xt) / (T_ - t1)
        return
    if x0 <= 0 or xt <= 0 or v <= 0:
        return
    rec["completion"] = math.log(xt / x0) / math.log(v / x0) if v != x0 else math.nan
    rec["actual_cagr"] = float(growth.implied_cagr(x0, xt, t1 - t0))
    rec["required_cagr_plan"] = float(growth.implied_cagr(x0, v, T_ - t0))
    if rec["required_cagr_plan"] != 0:
        rec["growth_ratio"] = rec["actual_cagr"] / rec["required_cagr_plan"]
    proj = float(growth.compound(xt, rec["actual_cagr"], T_ - t1))
    rec["gap_ratio"] = (proj - x0) / (v - x0)
    if t1 < T_:
        rec["required_cagr_now"] = float(growth.required_cagr(xt, t1, v, T_))


def assess(plan: str | Path | Plan | None = None, actuals=None, as_of=None,
           lang: str = "zh", scheme: str = "cn", method: str = "auto") -> Assessment:
    """Assess every target of ``plan`` (default: the 十四五 indicator table) against
    ``actuals`` (default: the shipped set; a user's file or frame is merged with it and
    wins) as known by ``as_of`` (a year or date; default: everything published).

    ``scheme``: 'cn' (default; P(target met) decides, mid-term-review labels),
    'eurostat' (growth ratio) or 'un' (projected gap); see ``jxdigital.assessment._rules``.
    """
    if scheme not in R.SCHEMES:
        raise ValueError(f"argument 'scheme': expected one of {', '.join(R.SCHEMES)}, "
                         f"got {scheme!r}")
    if lang not in ("zh", "en"):
        raise ValueError(f"argument 'lang': expected 'zh' or 'en', got {lang!r}")
    p = _as_plan(plan)
    data = _as_data(actuals, p)
    d = usable(data, as_of)
    label = str(as_of) if as_of is not None else "latest"
    proj, ref, series = {}, {}, {}
    targets = [_target_status(t, d, label, scheme, method, proj, ref, series) for t in p]
    last_year, _ = _cutoff(as_of)
    known = data if last_year is None else data[data["year"] <= last_year]
    return Assessment(p, targets, label, scheme, lang, d, proj, ref, series, actuals=known)


def assessment_history(plan=None, actuals=None, years=range(2021, 2026), scheme: str = "cn",
                       method: str = "auto") -> pd.DataFrame:
    """The status of each target as it would have been judged at the end of each year in
    ``years`` (using only what had been published by then): when did a target slip?"""
    p = _as_plan(plan)
    data = _as_data(actuals, p)
    frames = []
    for y in years:
        f = assess(p, data, as_of=y, scheme=scheme, method=method).to_frame()
        frames.append(f[["as_of", "plan_id", "indicator_id", "name_zh", "latest_year",
                         "latest_value", "n_obs", "projected", "p_met", "status",
                         "status_zh", "reason_zh", "reason_en"]])
    return pd.concat(frames, ignore_index=True)
