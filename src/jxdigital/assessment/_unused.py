"""Which figures an assessment did not use, and why (``Assessment.unused()``).

Every level or share figure of the series a plan's targets are judged on (its own
indicators in its region; a growth target's level series) that no judgement used gets one
``reason_code``, the first that applies:

- ``after_as_of_year``: for a year after the last one ``as_of`` admits (a part-year
  figure: dated after the cut-off);
- ``published_after_cutoff``: published after the ``as_of`` cut-off;
- ``not_comparable``: its definition differs from the plan's (``scope_note`` says how);
- ``part_year``: a figure as of a date within the year (``as_of``), not a year's value;
- ``after_target_year``: for a year after the target year, which the judgement never
  looks at;
- ``no_new_information``: a lower bound no higher than an earlier figure ("突破1万亿"
  after 10378亿), which says nothing new;
- ``not_selected``: another figure was used for that year (the selection rule's choice,
  or a user plan's own baseline for its base year);
- ``not_used``: none of these; the target's reason says why it could not use it (a
  growth-rate target without a base-year figure, a unit that does not convert).
"""

from __future__ import annotations

import pandas as pd

from ..observations import LEVEL_MEASURES, published_by
from ._assessed import Assessed
from ._evidence import BySeries, series
from ._series import SeriesKey, own_series, reference_series

REASON_CODES = ("after_as_of_year", "published_after_cutoff", "not_comparable", "part_year",
                "after_target_year", "no_new_information", "not_selected", "not_used")
UNUSED_COLUMNS = ["indicator_id", "region", "name_zh", "name_en", "year", "as_of", "value",
                  "unit", "qualifier", "measure", "scope_note", "published", "source_title",
                  "publisher", "origin", "reason_code", "reason_zh", "reason_en"]
#: What identifies one figure (a source gives one value per indicator-region-year-measure-
#: as_of, under one title and scope; ``origin`` tells the files apart).
KEY = ["indicator_id", "region", "year", "measure", "as_of", "source_title", "scope_note",
       "origin"]


def _text(v) -> str:
    return "" if v is None or (isinstance(v, float) and v != v) else str(v)


def _key(row) -> tuple:
    return tuple(int(row[k]) if k == "year" else _text(row[k]) for k in KEY)


def _keys(frame: pd.DataFrame | None) -> set[tuple]:
    """``_key`` of every row of ``frame`` (read column by column: a frame's rows as dicts
    cost a plan of hundreds of series seconds)."""
    if frame is None or not len(frame) or "indicator_id" not in frame:
        return set()
    # no boolean filter: it copies every column of the frame, for a handful of rows
    keep = frame["indicator_id"].notna().tolist()
    cols = [[int(y) for y in frame[k].tolist()] if k == "year" else
            [_text(x) for x in frame[k].tolist()] for k in KEY]
    return {row for row, ok in zip(zip(*cols, strict=True), keep, strict=True) if ok}


class _Series:
    """One series the plan is judged on: its target year (the latest of its targets), the
    figures used and which figure each year used."""

    def __init__(self) -> None:
        self.target_year = 0
        self.used: set[tuple] = set()
        self.source_of_year: dict[int, str] = {}
        self.names: tuple[str, str] = ("", "")
        #: (year, source, origin) of year-end figures derived from a part-year one (a
        #: running total's bound, a yearly total over its share): that figure was used
        self.via_derived: set[tuple] = set()

    def add(self, target_year: int, frame: pd.DataFrame | None, names: tuple[str, str]):
        self.target_year = max(self.target_year, int(target_year))
        self.names = self.names if self.names[0] else names
        self.used |= _keys(frame)
        if frame is not None and len(frame) and "year" in frame:
            for y, src in zip(frame["year"], frame["source_title"], strict=True):
                self.source_of_year.setdefault(int(y), str(src))
            if "kind" in frame:
                d = frame[frame["kind"] == "derived"]
                origin = d["origin"] if "origin" in d else pd.Series("", index=d.index)
                self.via_derived |= {(int(y), _text(t), _text(o)) for y, t, o in
                                     zip(d["year"], d["source_title"], origin, strict=True)}


def _series_of(a: Assessed, references: bool) -> dict[SeriesKey, _Series]:
    out: dict[SeriesKey, _Series] = {}
    for t in a.plan:
        ind = t.indicator
        key = own_series(t)
        names = (ind.name_zh, ind.name_en) if key == (ind.indicator_id, ind.region) else \
            a.wording.series_names(key, key.region)
        out.setdefault(key, _Series()).add(t.target_year, a.series.get(t.key),
                                           names)
        ref = reference_series(t)
        if references and ref is not None:
            out.setdefault(ref, _Series()).add(
                t.target_year, a.compared_series.get(t.key),
                a.wording.series_names(ref, ind.region))
    return out


def _known(rows: pd.DataFrame, a: Assessed) -> pd.Series:
    """Within the periods ``as_of`` admits: a year-end figure's year, a part-year one's
    date."""
    when = a.timing
    if when.last_year is None:
        return pd.Series(True, index=rows.index)
    part = rows["as_of"].astype(str) != ""
    by_year = rows["year"].astype(int) <= when.last_year
    by_date = published_by(rows["as_of"], when.cutoff)
    return by_year.where(~part, by_date)


def unused_figures(a: Assessed, references: bool = False) -> pd.DataFrame:
    """One row per figure of the series ``a``'s targets are judged on that no judgement
    used, with ``reason_code`` (see the module docstring) and the reason in words;
    ``references``: the series they are compared with (national figures) too."""
    table = _series_of(a, references)
    rows = _figures_of(a.source, table)
    if rows is None:
        return pd.DataFrame(columns=UNUSED_COLUMNS)
    known = _known(rows, a)
    published = published_by(rows["published"], a.timing.cutoff) if a.timing.cutoff else \
        pd.Series(True, index=rows.index)
    chosen, stale = _selection(a.data, table)
    out = []
    for i, r in rows.iterrows():
        pair = SeriesKey(str(r["indicator_id"]), str(r["region"]))
        s = table[pair]
        code = _reason(r, s, bool(known[i]), bool(published[i]), chosen[pair], stale)
        if code is None:
            continue
        zh, en = a.wording.unused(code, r.to_dict(), a.timing, s.target_year,
                                  s.source_of_year.get(int(r["year"]), ""))
        out.append({**{c: r[c] for c in UNUSED_COLUMNS if c in r.index},
                    "name_zh": s.names[0], "name_en": s.names[1] or s.names[0],
                    "reason_code": code, "reason_zh": zh, "reason_en": en})
    return _in_plan_order(pd.DataFrame(out, columns=UNUSED_COLUMNS), table)


def _figures_of(src: pd.DataFrame, table: dict[SeriesKey, _Series]) -> pd.DataFrame | None:
    """The level and share figures given of the series in ``table`` (None: none)."""
    pairs = pd.MultiIndex.from_tuples(list(table), names=["indicator_id", "region"]) \
        if table else None
    if pairs is None or not len(src):
        return None
    mine = pd.MultiIndex.from_frame(src[["indicator_id", "region"]].astype(str)).isin(pairs)
    rows = src[mine & src["measure"].isin(LEVEL_MEASURES).to_numpy()]
    return rows.assign(as_of=rows["as_of"].fillna("").astype(str),
                       published=rows["published"].fillna("").astype(str),
                       scope_note=rows["scope_note"].fillna("").astype(str))


def _selection(d: pd.DataFrame, table: dict[SeriesKey, _Series]
               ) -> tuple[dict[SeriesKey, set[tuple]], set[tuple]]:
    """(per series, the figures the selection picked; those of them the series leaves out,
    such as "突破1万亿" after 10378亿)."""
    chosen: dict[SeriesKey, set[tuple]] = {}
    stale: set[tuple] = set()
    by = BySeries(d)  # each series found once, not once per series of the plan
    picked_of = {(str(k[0]), str(k[1])): g for k, g in
                 d[d["selected"]].groupby(["indicator_id", "region"], sort=False)}
    for pair in table:
        picked = picked_of.get((str(pair[0]), str(pair[1])))
        chosen[pair] = _keys(picked)
        stale |= chosen[pair] - _keys(series(by, *pair))
    return chosen, stale


def _reason(r: pd.Series, s: _Series, known: bool, published: bool, chosen: set[tuple],
            stale: set[tuple]) -> str | None:
    """The first reason that applies to figure ``r`` of series ``s`` (None: it was used,
    itself or through the year-end figure derived from it)."""
    k = _key(r)
    if not known:
        return "after_as_of_year"
    if not published:
        return "published_after_cutoff"
    if r["as_of"] and (int(r["year"]), _text(r["source_title"]),
                       _text(r["origin"])) in s.via_derived:
        return None  # used through the year-end figure derived from it
    if not bool(r["comparable"]):
        return "not_comparable"
    if r["as_of"]:
        return "part_year"
    if k in s.used:
        return None
    if int(r["year"]) > s.target_year:
        return "after_target_year"
    if k in stale:
        return "no_new_information"
    if int(r["year"]) in s.source_of_year or k not in chosen:
        return "not_selected"
    return "not_used"


def _in_plan_order(f: pd.DataFrame, table: dict[SeriesKey, _Series]) -> pd.DataFrame:
    """The rows by the plan's order of their series, then year, date and source."""
    if not len(f):
        return f
    order: dict[tuple[str, str], int] = {p: i for i, p in enumerate(table)}
    f["_order"] = [order[(a_, b_)] for a_, b_ in zip(f["indicator_id"], f["region"],
                                                     strict=True)]
    return f.sort_values(["_order", "year", "as_of", "source_title"], kind="mergesort") \
        .drop(columns="_order").reset_index(drop=True)


def usage(a: Assessed, frame: pd.DataFrame, lang: str = "zh") -> list[str]:
    """For each row of ``frame`` (``a.actuals``): ``used``, why it was not used (in
    ``lang``), or ``not_in_plan`` (a series no target is judged on)."""
    used: set[tuple] = set()
    for f in (*a.series.values(), *a.compared_series.values()):
        used |= _keys(f)
    u = unused_figures(a, references=True)
    why = {_key(r): r[f"reason_{lang}"]
           for r in u.to_dict("records")}
    yes, other = "used", "not_in_plan"
    out = []
    for r in frame[KEY].fillna("").to_dict("records"):
        k = _key(r)
        out.append(yes if k in used else why.get(k, other))
    return out
