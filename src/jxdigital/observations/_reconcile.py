"""Reconcile sources that disagree about a running total's year-end, by the other evidence.

For an indicator that does not fall (``data/stocks.csv``: 5G基站开通数), the figures around a
year-end say things about it beyond the year-end figures themselves:

- **identity**: a part-year level ``L`` of year y+1 published with the additions ``A`` of
  the same months (same release) gives ``end_y ≈ L − A``, up to decommissioning
  (σ = ``IDENTITY_NOISE`` × L);
- **chain**: the previous year-end ``E`` (exact) plus the additions of year y ``N`` (another
  source, possibly another definition) gives ``end_y ≈ E + N`` (σ = ``CHAIN_NOISE`` × (E + N));
- **ceiling**: a part-year level of year y+1 is at least ``end_y`` (a total does not fall).

Each candidate year-end figure is scored by how well it fits these (the log-likelihood of
each statement given the candidate's interval: ``-z²/2`` at the candidate's nearest value,
``-inf`` for a ceiling it exceeds). The best fit is used when it beats the next by
``DECISIVE`` log units; otherwise the evidence cannot decide and the ordinary selection
stands, marked undecided. Part-year figures count when they are on the plan's definition
(``comparable``) or differ from it only by being part-year (a ``scope_note`` that says
"mid-year" or "part-year", the convention of the shipped notes).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd

from .. import codes

#: Relative noise of ``end_y ≈ L − A`` from one release (decommissioned stations etc.).
IDENTITY_NOISE = 0.02
#: Relative noise of ``end_y ≈ E + N`` from two sources (definitions may differ).
CHAIN_NOISE = 0.10
#: How many log units the best candidate must beat the next by to be chosen.
DECISIVE = 2.0
#: "约X", "X左右", "预计X": the value stands for itself give or take this share. Wide enough
#: that "10%左右" does not settle a 10 % target, narrow enough that "约4.2万" settles a 10万
#: one; the same order as the 1 % at which sources count as disagreeing.
APPROXIMATE_HALF_WIDTH = 0.02


@dataclass(frozen=True)
class Resolution:
    """Why one of several year-end figures was used."""

    indicator_id: str
    region: str
    year: int
    chosen: int  # row index (in the frame given) of the figure used; -1 undecided
    rejected: tuple[int, ...]
    evidence: tuple[str, ...]  # what decided, in words for a log: "6.2 − 2 (same release)"
    decided: bool
    #: the decisive same-release identity, if any: (part-year level, its as_of, added)
    identity: tuple[float, str, float] | None = None
    #: the figures as (value, qualifier): the one used, and those left out
    used: tuple[float, str] | None = None
    left_out: tuple[tuple[float, str], ...] = ()


def interval(value: float, qualifier: str, spread: float | None = None
             ) -> tuple[float, float]:
    """The values a figure allows: itself, ± ``APPROXIMATE_HALF_WIDTH`` (or its own
    ``spread``, a share of the value: a linked figure's) for an approximate or estimated
    one, everything above (below) a lower (upper) bound."""
    if qualifier == codes.LOWER_BOUND:
        return value, math.inf
    if qualifier == codes.UPPER_BOUND:
        return -math.inf, value
    if qualifier in (codes.APPROXIMATE, codes.ESTIMATE):
        half = APPROXIMATE_HALF_WIDTH if spread is None or math.isnan(spread) else spread
        d = abs(value) * half
        return value - d, value + d
    return value, value


def _part_year_ok(df: pd.DataFrame) -> pd.Series:
    note = df["scope_note"].fillna("").astype(str).str.lower()
    return df["comparable"].astype(bool) | note.str.contains("mid-year|part-year")


def _statements(df: pd.DataFrame, iid: str, region: str, year: int
                ) -> list[tuple[str, float, float, str]]:
    """(kind, centre, sigma or bound, words) about end_year from the other figures."""
    mine = df[(df["indicator_id"] == iid) & (df["region"] == region)]
    part = mine[(mine["as_of"].astype(str) != "") & _part_year_ok(mine)]
    out: list[tuple[str, float, float, str]] = []
    nxt = part[part["year"] == year + 1]
    levels = nxt[nxt["measure"] == "level"]
    adds = nxt[nxt["measure"] == "new_in_year"]
    for lv in levels.itertuples():
        if lv.qualifier in (codes.EXACT, codes.REVISED, codes.PRELIMINARY):
            out.append(("ceiling", float(lv.value), math.nan,
                        f"{lv.value:g} at {lv.as_of} ({lv.source_title})"))
        same = adds[(adds["as_of"] == lv.as_of) & (adds["source_title"] == lv.source_title)]
        for a in same.itertuples():
            centre = float(lv.value) - float(a.value)
            out.append(("identity", centre, IDENTITY_NOISE * float(lv.value),
                        f"{lv.value:g} at {lv.as_of} less {a.value:g} added since the start "
                        f"of {year + 1} (same release: {lv.source_title})"))
    ye = mine[(mine["as_of"].astype(str) == "") & mine["comparable"].astype(bool)]
    prev = ye[(ye["year"] == year - 1) & (ye["measure"] == "level")
              & ye["qualifier"].isin((codes.EXACT, codes.REVISED))]
    new = ye[(ye["year"] == year) & (ye["measure"] == "new_in_year")
             & ye["qualifier"].isin((codes.EXACT, codes.REVISED))]
    for e in prev.itertuples():
        for n in new.itertuples():
            centre = float(e.value) + float(n.value)
            out.append(("chain", centre, CHAIN_NOISE * centre,
                        f"{e.value:g} at the end of {year - 1} ({e.source_title}) plus "
                        f"{n.value:g} added in {year} ({n.source_title})"))
    return out


def _score(lo: float, hi: float, statements) -> float:
    total = 0.0
    for kind, centre, sigma, _ in statements:
        if kind == "ceiling":
            if lo > centre:
                return -math.inf
            continue
        nearest = min(max(centre, lo), hi)
        total -= ((nearest - centre) / sigma) ** 2 / 2
    return total


def reconcile(df: pd.DataFrame, stocks: frozenset[str] | set[str]) -> list[Resolution]:
    """Resolutions for the running totals in ``stocks`` whose comparable year-end figures
    disagree (their intervals do not meet); see the module docstring."""
    df = df[df["indicator_id"].isin(list(stocks))]  # only their figures say anything here
    ye = df[(df["as_of"].astype(str) == "") & df["comparable"].astype(bool)
            & (df["measure"] == "level")]
    ye = ye[ye.duplicated(["indicator_id", "region", "year"], keep=False)]  # two or more
    out = []
    for (iid, region, year), g in ye.groupby(["indicator_id", "region", "year"], sort=True):
        if len(g) < 2 or (g["origin"] != "jxdigital").any():
            continue  # agreement, or a user's own figure: theirs is used, as always
        spans = [interval(float(v), str(q)) for v, q in zip(g["value"], g["qualifier"],
                                                              strict=True)]
        if max(s[0] for s in spans) <= min(s[1] for s in spans) * (1 + 1e-9):
            continue  # they agree: nothing to reconcile
        statements = _statements(df, iid, region, int(year))
        if not statements:
            continue
        identity = next((facts for _, facts in _identities(df, iid, region, int(year))), None)
        scores = np.array([_score(lo, hi, statements) for lo, hi in spans])
        order = np.argsort(-scores, kind="stable")
        best, second = scores[order[0]], scores[order[1]]
        decided = bool(np.isfinite(best) and (best - second) >= DECISIVE)
        idx = list(g.index)
        out.append(Resolution(
            indicator_id=str(iid), region=str(region), year=int(year),
            chosen=int(idx[order[0]]) if decided else -1,
            rejected=tuple(int(idx[i]) for i in order[1:]) if decided else (),
            evidence=tuple(s[3] for s in statements), decided=decided,
            identity=identity if decided else None,
            used=_figure(g.loc[idx[order[0]]]) if decided else None,
            left_out=tuple(_figure(g.loc[idx[i]]) for i in order[1:]) if decided else ()))
    return out


def _figure(row) -> tuple[float, str]:
    return float(row["value"]), str(row["qualifier"])


def _identities(df: pd.DataFrame, iid: str, region: str, year: int):
    """(end_year, (level, as_of, added)) from same-release part-year figures of year+1."""
    mine = df[(df["indicator_id"] == iid) & (df["region"] == region)
              & (df["year"] == year + 1) & (df["as_of"].astype(str) != "")]
    mine = mine[_part_year_ok(mine)]
    levels, adds = mine[mine["measure"] == "level"], mine[mine["measure"] == "new_in_year"]
    for lv in levels.itertuples():
        for a in adds[(adds["as_of"] == lv.as_of)
                      & (adds["source_title"] == lv.source_title)].itertuples():
            yield (float(lv.value) - float(a.value),
                   (float(lv.value), str(lv.as_of), float(a.value)))


def part_year_levels(df: pd.DataFrame, ids, qualifiers: tuple[str, ...]
                     ) -> tuple[pd.DataFrame, set[tuple]]:
    """(the part-year levels of indicators ``ids`` with one of ``qualifiers`` that count as
    the indicator's own, the (indicator, region, year) keys that have a year-end level)."""
    part = df[(df["as_of"].astype(str) != "") & (df["measure"] == "level")
              & df["indicator_id"].isin(list(ids)) & df["qualifier"].isin(qualifiers)]
    ye = df[(df["as_of"].astype(str) == "") & (df["measure"] == "level")
            & df["comparable"].astype(bool)]
    return part[_part_year_ok(part)], set(zip(ye["indicator_id"], ye["region"], ye["year"],
                                              strict=True))


def stock_bounds(df: pd.DataFrame, stocks: frozenset[str] | set[str]) -> pd.DataFrame:
    """Year-end lower bounds of running totals from their part-year levels: a total that
    does not fall ends year y at least at any level it reached within y. One derived row
    (``qualifier`` lower_bound, ``kind`` derived) per indicator-region-year, from the highest
    part-year level, where no year-end figure of that year exists."""
    part, have = part_year_levels(df, stocks, (codes.EXACT, codes.REVISED,
                                               codes.PRELIMINARY, codes.LOWER_BOUND))
    if not len(part):
        return df.iloc[0:0]
    top = part.sort_values("value").groupby(["indicator_id", "region", "year"]).tail(1)
    rows = []
    for r in top.itertuples():
        if (r.indicator_id, r.region, r.year) in have:
            continue
        rows.append(r._asdict() | {
            "as_of": "", "qualifier": codes.LOWER_BOUND, "kind": "derived", "comparable": True,
            "scope_note": "", "selected": True,
            "derived_from": f"part-year level {r.value:g} at {r.as_of} ({r.source_title}): "
                            "a running total ends the year at least there",
            "note": f"year-end ≥ the level reached at {r.as_of}", "part_as_of": str(r.as_of)})
    out = pd.DataFrame(rows, columns=[*df.columns, "part_as_of"]) if rows else df.iloc[0:0]
    return out.drop(columns="Index", errors="ignore")


def apply_resolutions(df: pd.DataFrame, resolutions: list[Resolution]) -> pd.DataFrame:
    """``df`` with ``selected`` set to each decided resolution's figure."""
    out = df.copy(deep=False)
    sel = out["selected"].to_numpy().copy()
    for r in resolutions:
        if not r.decided:
            continue
        same = ((out["indicator_id"] == r.indicator_id) & (out["region"] == r.region)
                & (out["year"] == r.year) & (out["measure"] == "level")).to_numpy()
        where = out.index.get_indexer([r.chosen])[0]
        if where < 0:  # the figure chosen is not among these rows (left out by as_of)
            continue
        sel[same] = False
        sel[where] = True
    out["selected"] = sel
    return out


#: Qualifiers of a growth rate that can carry a level forward (a bound on a rate cannot).
_RATE_POINTS = (codes.EXACT, codes.REVISED, codes.PRELIMINARY)


def growth_levels(df: pd.DataFrame) -> pd.DataFrame:
    """Year-end levels derived from growth rates: where a year has a comparable year-end
    growth rate (``yoy_pct``) but no level, and the year before has a level, the level is
    that level × (1 + rate): derived, approximate (the rate is rounded), chained year to
    year. A level given for a year always wins over one derived for it."""
    ye = ((df["as_of"].astype(str) == "") & df["comparable"].astype(bool)).to_numpy()
    rates = df[ye & (df["measure"] == "yoy_pct").to_numpy()
               & df["qualifier"].isin(_RATE_POINTS).to_numpy()]
    if not len(rates):
        return df.iloc[0:0]
    # each rate's levels are found among those of the indicators with rates, not among
    # every figure (a user's file of thousands)
    levels = df[ye & (df["measure"] == "level").to_numpy() & df["qualifier"].isin(
        (*_RATE_POINTS, codes.APPROXIMATE)).to_numpy()
        & df["indicator_id"].isin(rates["indicator_id"].unique()).to_numpy()]
    if not len(levels):
        return df.iloc[0:0]
    rows = []
    for (iid, region), g in rates.groupby(["indicator_id", "region"], sort=True):
        mine = levels[(levels["indicator_id"] == iid) & (levels["region"] == region)]
        if len(mine):
            rows += _chained(mine, g)
    if not rows:
        return df.iloc[0:0]
    out = pd.DataFrame(rows, columns=df.columns)
    text = [c for c in out.columns if out[c].dtype == object]
    out[text] = out[text].fillna("")  # a plan's base row carries no provenance columns
    if "checked" in out:
        out["checked"] = out["checked"].replace("", False).astype(bool)
    return out


def _chained(levels: pd.DataFrame, rates: pd.DataFrame) -> list[dict]:
    """The levels of one series grown by its rates, year after year: a year with a
    (selected) level keeps it, a year after a level (given or grown) gets the level ×
    (1 + rate)."""
    known = {int(y): r for y, r in zip(levels["year"], levels.to_dict("records"), strict=True)
             if r.get("selected", True)}
    have = set(known)
    rows = []
    for r in rates.sort_values("year").to_dict("records"):
        y = int(r["year"])
        if y in have or y - 1 not in known:
            continue
        known[y] = _grown(known[y - 1], r, y)
        rows.append(known[y])
    return rows


def _grown(base: dict, rate: dict, y: int) -> dict:
    """The level of year ``y``: the year before's ``base`` grown by ``rate`` (in %)."""
    value = float(base["value"]) * (1 + float(rate["value"]) / 100)
    return dict(base) | {
        "year": y, "value": value, "value_published": value,
        "qualifier": codes.APPROXIMATE, "kind": "derived", "selected": True,
        "derived_from": f"level {float(base['value']):g} {base['unit']} in {y - 1} "
                        f"({base['source_title']}) grown {float(rate['value']):g}% in {y} "
                        f"({rate['source_title']})",
        "source_title": str(rate["source_title"]), "publisher": rate.get("publisher", ""),
        "published": rate.get("published", ""), "note": "year-end level from a growth rate"}
