"""Part-year figures of yearly totals (1–11月 网上零售额): the year's total is the part-year
figure over the share of the year it covers, and that share is learned from a series that
has both (the national monthly 全国网上零售额), with its spread across years."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from .. import codes
from ..catalog import conversion_factor
from ._reconcile import APPROXIMATE_HALF_WIDTH, _part_year_ok, part_year_levels

#: Fewest years with both figures for a month's share to be used.
MIN_SHARE_YEARS = 3
_POINT = (codes.EXACT, codes.REVISED, codes.PRELIMINARY)
#: The columns a derived year total adds: its band, and what it was derived from.
SHARE_COLUMNS = ["spread", "part_as_of", "part_value", "share", "share_low", "share_high",
                 "share_from", "share_years"]


@dataclass(frozen=True)
class YearShare:
    """The share of a year's total reached by the end of ``month`` (1–``month``月), learned
    from ``series``: mean over ``years``, and ``spread``, the relative half-width of the
    band the year's total is given (max(2·sd, the largest deviation) / mean)."""

    series: str
    month: int
    share: float
    spread: float
    low: float
    high: float
    years: tuple[int, ...]


def as_of_month(as_of: pd.Series) -> pd.Series:
    """The month of each part-year date (``2022-09`` → 9); NaN where there is none."""
    return pd.to_numeric(as_of.astype(str).str.slice(5, 7), errors="coerce")


def _in_unit(rows: pd.DataFrame, unit: str) -> np.ndarray:
    out = []
    for v, u in zip(rows["value"].astype(float), rows["unit"].astype(str), strict=True):
        try:
            out.append(v * (1.0 if u == unit else conversion_factor(u, unit)))
        except ValueError:
            out.append(math.nan)
    return np.array(out, dtype=float)


def year_shares(df: pd.DataFrame, series: str) -> dict[int, YearShare]:
    """By month, the share of the year's total that ``series`` ('region:indicator_id')
    reached by then, over the years with an exact figure for both (at least
    ``MIN_SHARE_YEARS``)."""
    region, _, iid = series.rpartition(":")
    d = df[(df["indicator_id"] == iid) & (df["region"] == region)
           & (df["measure"] == "level") & df["qualifier"].isin(_POINT)]
    if not len(d):
        return {}
    unit = str(d["unit"].iloc[0])
    full = d[(d["as_of"].astype(str) == "") & d["comparable"].astype(bool)]
    totals = pd.Series(_in_unit(full, unit), index=full["year"].to_numpy()).groupby(
        level=0).first()
    part = d[(d["as_of"].astype(str) != "")]
    part = part[_part_year_ok(part)]
    frame = pd.DataFrame({"year": part["year"].to_numpy(int), "month": as_of_month(part["as_of"]),
                          "value": _in_unit(part, unit)}).dropna()
    frame = frame[frame["year"].isin(totals.index) & (frame["month"] < 12)]
    frame = frame.drop_duplicates(["year", "month"])
    frame["share"] = frame["value"].to_numpy() / totals.loc[frame["year"]].to_numpy()
    out = {}
    for m, g in frame.groupby("month"):
        if len(g) < MIN_SHARE_YEARS:
            continue
        s = g["share"].to_numpy()
        mean = float(s.mean())
        half = max(2 * float(s.std(ddof=1)), float(np.abs(s - mean).max()))
        out[int(m)] = YearShare(series, int(m), mean, max(half / mean, APPROXIMATE_HALF_WIDTH),
                                float(s.min()), float(s.max()),
                                tuple(sorted(int(y) for y in g["year"])))
    return out


def flow_totals(df: pd.DataFrame, flows: Mapping[str, str],
                learn_from: pd.DataFrame | None = None) -> pd.DataFrame:
    """Year totals derived from part-year figures of yearly totals (``flows``: indicator →
    the series its shares are learned from): where a year has no year-end level, its
    latest 1–N月 figure ÷ the learned share for month N; derived, approximate, with the
    share's spread as its band (``spread``). Months with no learned share derive nothing.
    ``learn_from``: the figures the shares are learned from (default ``df``; a user's file
    rarely holds the national monthly series)."""
    part, have = part_year_levels(df, flows, _POINT)
    if not len(part):
        return df.iloc[0:0]
    part = part.assign(part_month=as_of_month(part["as_of"])).dropna(subset=["part_month"])
    latest = part.sort_values("part_month").groupby(["indicator_id", "region", "year"]).tail(1)
    source = df if learn_from is None else learn_from
    learned = {src: year_shares(source, src) for src in set(flows.values())}
    rows = []
    for r in latest.itertuples():
        m = int(r.part_month)
        share = learned[flows[r.indicator_id]].get(m)
        if (r.indicator_id, r.region, r.year) in have or share is None:
            continue
        rows.append(r._asdict() | {
            "as_of": "", "value": float(r.value) / share.share, "qualifier": codes.APPROXIMATE,
            "kind": "derived", "comparable": True, "scope_note": "", "selected": True,
            "spread": share.spread, "part_as_of": str(r.as_of), "part_value": float(r.value),
            "share": share.share, "share_low": share.low, "share_high": share.high,
            "share_from": share.series,
            "share_years": f"{min(share.years)}–{max(share.years)}",
            "derived_from": f"1–{m}月 {float(r.value):g} {r.unit} ({r.source_title}) "
                            f"÷ {share.share:.3f}, the share of the year reached by "
                            f"month {m} in {share.series} "
                            f"({min(share.years)}–{max(share.years)}: "
                            f"{share.low:.3f}–{share.high:.3f})",
            "note": f"year total ≈ 1–{m}月 ÷ {share.share:.3f}"})
    out = pd.DataFrame(rows, columns=[*df.columns, *SHARE_COLUMNS]) if rows else df.iloc[0:0]
    return out.drop(columns=["Index", "part_month"], errors="ignore")
