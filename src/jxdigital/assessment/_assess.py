"""``assess()``: join a plan, its actuals and the projections into a status per target."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pandas as pd

from .. import growth
from ..catalog import DEFAULT_PLAN, Plan, Target, load_plan
from ..models import Projection, project
from ..observations import actuals as shipped_actuals
from ..observations import load_actuals, mark_selected, merge_actuals
from . import _rules as R
from ._model import Assessment, TargetStatus
from ._reasons import reasons

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
    """(last period year, last publication date) for ``as_of`` (a year or an ISO date)."""
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
    return ts.year, ts.strftime("%Y-%m-%d")


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


def _project(s: pd.DataFrame, t: Target, sid: str, method: str) -> Projection | None:
    if len(s) < R.MIN_OBSERVATIONS or s["year"].iloc[-1] >= t.target_year:
        return None
    series = pd.Series(s["value"].to_numpy(float), index=s["year"].to_numpy(int), name=sid)
    return project(series, to=t.target_year, method=method, bounds=_bounds(t))


def _target_status(t: Target, d: pd.DataFrame, as_of_label: str, scheme: str,
                   method: str, out_proj: dict, out_ref: dict, out_series: dict) -> TargetStatus:
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
    return Assessment(p, targets, label, scheme, lang, d, proj, ref, series)


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
