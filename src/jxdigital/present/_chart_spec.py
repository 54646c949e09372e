"""What each chart of a view draws: the numbers (in the row's display unit) and the words,
decided here; ``jxdigital.charts`` only places and draws them.

``indicator_chart(view, target)`` is one target's chart: the figures the verdict used,
the other figures (other sources, another definition, part-year counts: drawn only in the
detailed chart of the report, and marked so they cannot be read as the series' levels),
the projection fan, the national series, the plan's path, the target, the badge and the
footer. The overview charts are ``_overview_spec``'s.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from .. import codes, growth
from ..assessment import in_unit
from ..catalog.reference import flow_ids, publisher_names, publisher_origins
from ..observations import conflicts
from . import _text as T
from ._chart_words import chart_words, marks_words
from ._names import reads_printed
from ._units import DisplayUnit, display_unit
from ._view_words import words

Points = tuple[tuple[float, float], ...]


@dataclass(frozen=True)
class Note:
    """A text at a point (in years and display units)."""

    x: float
    y: float
    text: str


@dataclass(frozen=True)
class Fan:
    """The projection from the last figure it rests on: the point path and the bands."""

    x: tuple[float, ...]
    point: tuple[float, ...]
    bands: tuple[tuple[int, tuple[float, ...], tuple[float, ...]], ...]  # (level, lo, hi)
    label: str  # at the target year: the projection and its 80 % interval


@dataclass(frozen=True)
class IndicatorChart:
    """One target's chart, every number in the display unit (``unit``)."""

    id: str
    title: str
    short_title: str
    unit: DisplayUnit
    axis_label: str
    is_share: bool
    base_year: int | None
    target_year: int
    line: Points  # the figures used (own definition), joined
    exact: Points
    bounds: Points  # lower bounds (▲)
    linked: Points  # from another definition's growth (□ on a dashed line)
    linked_line: Points
    last: Note | None  # the last figure used, labelled
    last_alone: bool
    other_sources: Points  # comparable year-end figures the selection did not use
    other_definition: Points
    other_definition_note: Note | None
    part_year: Points
    part_year_notes: tuple[Note, ...]
    conflicts: tuple[tuple[float, float, float], ...]  # (year, low, high)
    conflict_note: str
    unpublished: tuple[int, int, str] | None  # years over, figures not out
    fan: Fan | None
    national: Points
    national_projection: Points
    national_label: str
    national_short: str
    plan_path: Points
    plan_path_label: str
    target: tuple[float, float] | None
    target_band: tuple[float, float] | None
    target_label: str
    target_below: bool  # the target at or below the projection: its label goes under
    badge: str
    fill: str
    ink: str
    footer: str  # the detailed chart's source line (every mark explained)
    footer_slide: str  # the slide chart's (only the marks it draws)

    @property
    def has_more(self) -> bool:
        """Whether the chart shows more than the printed base and the target: a second
        figure, a projection, another series, or figures not used (else the dashboard's
        panel says all there is)."""
        figures = len(self.exact) + len(self.bounds) + len(self.linked)
        return bool(figures >= 2 or self.fan or self.national or self.other_sources
                    or self.other_definition or self.part_year or self.conflicts)


def _pts(xs, ys) -> Points:
    return tuple((float(x), float(y)) for x, y in zip(xs, ys, strict=True)
                 if math.isfinite(float(y)))


def _finite(x) -> bool:
    return isinstance(x, (int, float)) and math.isfinite(x)


def _levels(v) -> dict[tuple[str, str], pd.DataFrame]:
    """Every level or share figure known to the assessment, by (indicator, region): split
    once for the whole view (one search of the figures per target grew with the plan)."""
    def make() -> dict[tuple[str, str], pd.DataFrame]:
        d = v.assessment.actuals
        d = d[d["measure"].isin(["level", "share_pct"])]
        return {(str(k[0]), str(k[1])): g for k, g in
                d.groupby(["indicator_id", "region"], sort=False)}

    return v._kept("_levels", make)


def _observations(v, r) -> pd.DataFrame:
    """Every year-end figure of the target's indicator, in the plan row's unit."""
    obs = _levels(v).get((r.indicator_id, r.region))
    if obs is None:
        return v.assessment.actuals.iloc[0:0]
    obs = obs[obs["as_of"].astype(str) == ""]
    return in_unit(obs, r.unit) if r.comparator != codes.FASTER_THAN else obs


def _part_year(v, r) -> pd.DataFrame | None:
    """Part-year levels of the target's own series, with ``x``: where on the year axis
    they stand (September 2022 three quarters of the way from 2021 to 2022)."""
    obs = _levels(v).get((r.indicator_id, r.region))
    if obs is None or r.comparator == codes.FASTER_THAN:
        return None
    obs = obs[obs["as_of"].astype(str) != ""]
    if not len(obs):
        return None
    obs = in_unit(obs, r.unit)
    month = obs["as_of"].astype(str).str.slice(5, 7).replace("", "12").astype(int)
    obs = obs.assign(x=obs["year"].astype(int) - 1 + month / 12)
    if r.indicator_id in flow_ids():  # a yearly total so far: the latest of each year only
        obs = obs.sort_values("x").groupby("year").tail(1)
    return obs


#: A source name that is a reposting or mirror site, not a publisher.
_MIRROR = re.compile(r"转载|镜像|mirror|\.com|\.cn|\.net|\.io", re.IGNORECASE)


def original_publisher(publisher: str, title: str, lang: str) -> str:
    """Who published a figure, as a source line names it: the original publisher
    (``data/publisher_origins.csv`` for the shipped figures), in English where its English
    name is known; a user's publisher as typed; never a mirror site; the source's title
    where no publisher is named."""
    raw = str(publisher or "").strip()
    zh, en = publisher_origins().get(raw, ("", ""))
    if not zh and raw and raw not in publisher_origins():
        first = re.split(r"[;；(（]", raw)[0].strip()
        zh = "" if _MIRROR.search(first) else first
    if zh:
        return zh if reads_printed(lang) else (en or publisher_names().get(zh, zh))
    t = re.split(r"[:：(（,，]", str(title or "").strip().lstrip("(（[【").split(")")[-1])[0]
    t = t.strip()
    return t[:24] if t and not _MIRROR.search(t) else ""


def _publishers(used: pd.DataFrame | None, lang: str) -> list[str]:
    out: list[str] = []
    if used is None or not len(used):
        return out
    pubs = used["publisher"].fillna("") if "publisher" in used else pd.Series([""] * len(used))
    for p, t in zip(pubs, used["source_title"].fillna(""), strict=False):
        name = original_publisher(str(p), str(t), lang)
        if name and name not in out:
            out.append(name)
    return out


def _sources_words(pubs: Sequence[str], lang: str) -> str:
    if not pubs:
        return ""
    more = chart_words("and_others", lang) if len(pubs) > 3 else ""
    return chart_words("sources", lang, sources=words("clause_sep", lang).join(pubs[:3]) + more)


def _footer(a, r, unit: DisplayUnit, used, pubs, marks, lang: str, bound,
            detail: bool = True) -> str:
    s = _sources_words(pubs, lang)
    if r.model:
        model = chart_words("model_auto", lang) if r.model == "auto" else \
            f"jxdigital {r.model}"
        s += chart_words("projection_model" if detail else "projection_model_slide", lang,
                         model=model)
    s += chart_words("dates", lang, dates=T.chart_dates_words(a, r.latest_year, lang))
    example = ""
    if bound is not None:
        fig = unit.figure(bound[1] * unit.factor, codes.LOWER_BOUND)
        example = chart_words("bound_example", lang, year=bound[0], figure=fig)
    return s + marks_words(marks, lang, example)


def _conflict_years(v) -> dict[tuple[str, str], tuple[int, ...]]:
    """The years where year-end sources disagree, by (indicator, region): worked out once
    for the whole view."""
    def make() -> dict[tuple[str, str], tuple[int, ...]]:
        d = v.assessment.actuals
        obs = d[d["measure"].isin(["level", "share_pct"]) & (d["as_of"].astype(str) == "")]
        c = conflicts(obs) if len(obs) else obs.iloc[0:0]
        out: dict[tuple[str, str], set[int]] = {}
        for iid, reg, y in zip(c.get("indicator_id", []), c.get("region", []),
                               c.get("year", []), strict=False):
            out.setdefault((str(iid), str(reg)), set()).add(int(y))
        return {k: tuple(sorted(ys)) for k, ys in out.items()}

    return v._kept("_conflicts", make)


@dataclass(frozen=True)
class _Used:
    """The figures a verdict used, as plain arrays (a frame per target cost more than the
    chart), in the display unit's factor ``k``."""

    frame: pd.DataFrame
    years: np.ndarray
    values: np.ndarray
    quals: np.ndarray
    linked: np.ndarray  # from another definition's growth
    bound: np.ndarray  # lower bounds
    k: float

    @property
    def n(self) -> int:
        return len(self.years)

    @property
    def plain(self) -> np.ndarray:
        return ~self.bound & ~self.linked

    def sc(self, values) -> list[float]:
        """``values`` in the display unit."""
        return [float(x) / self.k for x in values]

    def pts(self, mask) -> Points:
        return _pts(self.years[mask], self.sc(self.values[mask]))


def _used(used: pd.DataFrame, k: float) -> _Used:
    n = len(used)
    quals = used["qualifier"].astype(str).to_numpy() if n else np.zeros(0, dtype=object)
    linked = (used["kind"].astype(str).to_numpy() == "linked") if n and "kind" in used \
        else np.zeros(n, dtype=bool)
    return _Used(used, used["year"].to_numpy(dtype=float) if n else np.zeros(0),
                 used["value"].to_numpy(dtype=float) if n else np.zeros(0), quals, linked,
                 quals == codes.LOWER_BOUND, k)


def _chart_unit(v, t):
    """The unit a target's chart is drawn in, and the record it draws (a growth comparison
    shows the level series behind the rates, in its own unit)."""
    r, used = t.record, v.assessment.series.get(t.record.key)
    if used is None:
        used = pd.DataFrame(columns=["year", "value", "qualifier"])
    if r.comparator == codes.FASTER_THAN and len(used) and "unit" in used:
        level_unit = str(used["unit"].iloc[-1])
        return (display_unit(level_unit, (float(used["value"].abs().max()),), v.lang),
                r.model_copy(update={"unit": level_unit}), used)
    return t.unit, r, used


def _last_note(u: _Used, unit: DisplayUnit, lang: str) -> Note | None:
    """The last figure used, labelled; a bound or an estimate reads as one ("6.2万个以上",
    "约8.57亿户")."""
    if not u.n:
        return None
    shown = unit.figure(u.values[-1], str(u.quals[-1]))
    return Note(float(u.years[-1]), u.values[-1] / u.k,
                chart_words("actual", lang, year=int(u.years[-1]), value=shown))


@dataclass(frozen=True)
class _Others:
    """The year-end figures the verdict did not use (the detailed chart only)."""

    years: np.ndarray
    values: np.ndarray
    selected: np.ndarray
    comparable: np.ndarray
    note: Note | None  # at the latest figure of another definition
    conflicts: tuple[tuple[float, float, float], ...]  # (year, low, high)


def _others(v, r, k: float, lang: str) -> _Others:
    obs = _observations(v, r)
    if len(obs):
        years, values = obs["year"].to_numpy(dtype=float), obs["value"].to_numpy(dtype=float)
        sel, comp = obs["selected"].to_numpy(dtype=bool), obs["comparable"].to_numpy(dtype=bool)
    else:
        years = values = np.zeros(0)
        sel = comp = np.zeros(0, dtype=bool)
    note = None
    if (~comp).any():
        i = int(np.flatnonzero(~comp)[np.argmax(years[~comp])])
        note = Note(float(years[i]), values[i] / k, chart_words("other_definition", lang))
    conflict = []
    for y in _conflict_years(v).get((r.indicator_id, r.region), ()) if len(years) else ():
        vals = values[years == y]
        if len(vals) > 1:
            conflict.append((float(y), float(vals.min()) / k, float(vals.max()) / k))
    return _Others(years, values, sel, comp, note, tuple(conflict))


def _part_year_notes(part: pd.DataFrame | None, r, k: float, lang: str) -> tuple[Note, ...]:
    """Each year's latest part-year figure, dated (a yearly total's: its months so far)."""
    if part is None:
        return ()
    last_of_year = part.sort_values("x").groupby("year").tail(1)
    flow = r.indicator_id in flow_ids()
    return tuple(Note(float(x), float(val) / k,
                      chart_words("part_year_total", lang, year=str(when)[:4],
                                  month=int(str(when)[5:7]))
                      if flow else chart_words("part_year_date", lang, date=str(when)[:7]))
                 for x, val, when in zip(last_of_year["x"], last_of_year["value"],
                                          last_of_year["as_of"], strict=True))


def _unpublished(a, r, u: _Used, lang: str) -> tuple[int, int, str] | None:
    """The years over whose figures are not out yet, and what the chart says of them."""
    if r.final or not u.n:
        return None
    ended = [y for y in range(int(u.years.max()) + 1, r.target_year + 1)
             if a.timing.year_over(y)]
    if not ended:
        return None
    span = str(ended[0]) if len(ended) == 1 else chart_words(
        "year_span", lang, first=ended[0], last=ended[-1])
    return ended[0], ended[-1], chart_words("unpublished", lang, span=span)


def _fan_frame(r, u: _Used, proj) -> tuple[pd.DataFrame, float, float] | None:
    """The projection from the last figure it rests on: its frame (the target year held to
    the record's point and 80 % interval) and where it starts; None when there is none."""
    if proj is None or not u.n:
        return None
    f = proj.to_frame()
    before = u.years < r.target_year
    if "last_year" in f and len(f):
        before = u.years <= int(f["last_year"].iloc[0])
    if not (before.any() and len(f)):
        return None
    i = int(np.flatnonzero(before)[-1])
    f = f.copy()
    end = f.index[-1]
    if (int(f.loc[end, "year"]) == r.target_year and _finite(r.projected)
            and not math.isclose(float(f.loc[end, "point"]), r.projected)):
        # the projection within the range a target-year figure allows (a year-end
        # estimated from part of the year): the record's point and 80 % interval, which
        # every table shows; the other bands end on it too
        f.loc[end, "point"] = r.projected
        for lv in (95, 80, 50):
            f.loc[end, f"lo_{lv}"], f.loc[end, f"hi_{lv}"] = r.lo_80, r.hi_80
    return f, float(u.years[i]), float(u.values[i])


def _fan(r, u: _Used, proj, unit: DisplayUnit, lang: str) -> Fan | None:
    found = _fan_frame(r, u, proj)
    if found is None:
        return None
    f, x0, y0 = found
    end = f.index[-1]
    bands = tuple((lv, tuple(u.sc([y0, *f[f"lo_{lv}"]])), tuple(u.sc([y0, *f[f"hi_{lv}"]])))
                  for lv in (95, 80, 50))
    label = chart_words("projection", lang, year=int(f.loc[end, "year"]),
                        point=unit.projected_value(float(f.loc[end, "point"])),
                        lo=unit.projected_value(float(f.loc[end, "lo_80"])),
                        hi=unit.projected_value(float(f.loc[end, "hi_80"])))
    return Fan((x0, *f["year"].astype(float)), tuple(u.sc([y0, *f["point"]])), bands, label)


def _national(a, r, u: _Used) -> tuple[Points, Points]:
    """The national series and its projection (above the national average)."""
    if r.comparator != codes.ABOVE_NATIONAL_AVERAGE:
        return (), ()
    ref_used = a.compared_series.get(r.key)
    if ref_used is None or not len(ref_used):
        return (), ()
    nat = _pts(ref_used["year"], u.sc(ref_used["value"]))
    ref = a.reference_projections.get(r.key)
    if ref is None:
        return nat, ()
    rf = ref.to_frame()
    return nat, _pts([nat[-1][0], *rf["year"]], [nat[-1][1], *u.sc(rf["point"])])


def _plan_path(r, u: _Used) -> Points:
    """The plan's own path from the base to the target."""
    if not (_finite(r.base_value) and _finite(r.target_value) and r.base_year is not None
            and r.comparator not in (codes.ABOVE_NATIONAL_AVERAGE, codes.FASTER_THAN)
            and r.target_value > 0 and r.base_value > 0):
        return ()
    ys = growth.pro_rata_path(r.base_value, r.target_value, r.base_year, r.target_year,
                              kind="linear" if r.is_share else "compound")
    return _pts(np.arange(r.base_year, r.target_year + 1), u.sc(ys))


def _target(r, t, k: float, proj, lang: str):
    """The target's point, band, label and whether the label goes under it (the target at
    or below the projection)."""
    band = None
    if r.comparator in ("around", "between") and _finite(r.band_low) and _finite(r.band_high):
        band = (r.band_low / k, r.band_high / k)
    if not _finite(r.target_value) or r.comparator in (codes.ABOVE_NATIONAL_AVERAGE,
                                                        codes.FASTER_THAN):
        return None, band, "", False
    below = proj is not None and r.target_value <= proj.point(r.target_year)
    return ((float(r.target_year), r.target_value / k), band,
            chart_words("target", lang, target=t.mark), below)


def _marks(u: _Used, others: _Others, part) -> tuple[list[str], list[str]]:
    """The marks the slide chart and the detailed chart draw (their footers say what)."""
    slide: list[str] = []
    if u.bound.any():
        slide.append(codes.LOWER_BOUND)
    if u.linked.any():
        slide.append("linked")
    if u.n and "pace" in u.frame and u.frame["pace"].notna().any():  # from part-years
        slide.append("estimated")
    detail = list(slide)
    if (~others.comparable).any():
        detail.append("other_definition")
    if (~others.selected).any():
        detail.append("other_sources")
    if part is not None:
        detail.append("part_year")
    return slide, detail


def indicator_chart(v, t) -> IndicatorChart:
    """The chart of target ``t`` (a ``TargetView``) of the view ``v``."""
    a, lang = v.assessment, v.lang
    unit, r, frame = _chart_unit(v, t)
    u = _used(frame, unit.factor)
    others, part = _others(v, r, u.k, lang), _part_year(v, r)
    proj = a.projections.get(r.key)
    target, band, label, below = _target(r, t, u.k, proj, lang)
    nat, nat_proj = _national(a, r, u)
    marks_slide, marks_detail = _marks(u, others, part)
    bnd = None
    if u.bound.any():
        i = int(np.flatnonzero(u.bound)[-1])
        bnd = (int(u.years[i]), u.values[i] / u.k)
    pubs = _publishers(frame, lang)
    last_linked = np.r_[u.years[~u.linked][-1:], u.years[u.linked]], \
        np.r_[u.values[~u.linked][-1:], u.values[u.linked]]
    return IndicatorChart(
        id=r.key, title=t.name, short_title=t.short, unit=unit, axis_label=unit.label,
        is_share=r.is_share, base_year=r.base_year, target_year=r.target_year,
        line=u.pts(~u.linked), exact=u.pts(u.plain), bounds=u.pts(u.bound),
        linked=u.pts(u.linked),
        linked_line=_pts(last_linked[0], u.sc(last_linked[1])) if u.linked.any() else (),
        last=_last_note(u, unit, lang), last_alone=u.n == 1 if u.n else False,
        other_sources=_pts(others.years[~others.selected],
                           u.sc(others.values[~others.selected])),
        other_definition=_pts(others.years[~others.comparable],
                              u.sc(others.values[~others.comparable])),
        other_definition_note=others.note,
        part_year=_pts(part["x"], u.sc(part["value"])) if part is not None else (),
        part_year_notes=_part_year_notes(part, r, u.k, lang), conflicts=others.conflicts,
        conflict_note=chart_words("sources_differ", lang),
        unpublished=_unpublished(a, r, u, lang), fan=_fan(r, u, proj, unit, lang),
        national=nat, national_projection=nat_proj,
        national_label=chart_words("national_target", lang),
        national_short=chart_words("national", lang), plan_path=_plan_path(r, u),
        plan_path_label=chart_words("plan_path", lang), target=target, target_band=band,
        target_label=label, target_below=below, badge=t.badge, fill=t.fill, ink=t.ink,
        footer=_footer(a, r, unit, frame, pubs, marks_detail, lang, bnd),
        footer_slide=_footer(a, r, unit, frame, pubs, marks_slide, lang, bnd, detail=False))


__all__ = ["Fan", "IndicatorChart", "Note", "indicator_chart", "original_publisher"]
