"""What each chart of a view draws: the numbers (in the row's display unit) and the words,
decided here; ``jxdigital.charts`` only places and draws them.

``indicator_chart(view, target)`` is one target's chart: the figures the verdict used,
the other figures (other sources, another definition, part-year counts: drawn only in the
detailed chart of the report, and marked so they cannot be read as the series' levels),
the projection fan, the national series, the plan's path, the target, the badge and the
footer. ``summary_pages`` and ``dashboard_pages`` are the overview charts, in pages a slide
can hold.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from .. import codes, growth
from .._linebreak import wrap
from ..assessment import P_OFF_TRACK, P_ON_TRACK, in_unit
from ..catalog.reference import flow_ids, publisher_names, publisher_origins
from ..observations import conflicts
from . import _phrases as P
from . import _text as T
from ._chart_words import chart_words, marks_words
from ._colours import STATUS_COLOURS
from ._names import titled
from ._tables import paginate
from ._units import DisplayUnit, display_unit
from ._view_words import verdict_words, words

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
        return (en or publisher_names().get(zh, zh)) if lang == "en" else zh
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


def indicator_chart(v, t) -> IndicatorChart:
    """The chart of target ``t`` (a ``TargetView``) of the view ``v``."""
    a, r, lang = v.assessment, t.record, v.lang
    used = a.series.get(r.key)
    if used is None:
        used = pd.DataFrame(columns=["year", "value", "qualifier"])
    unit = t.unit
    if r.comparator == codes.FASTER_THAN and len(used) and "unit" in used:
        # the chart shows the level series behind the rates, in its own unit
        level_unit = str(used["unit"].iloc[-1])
        unit = display_unit(level_unit, (float(used["value"].abs().max()),), lang)
        r = r.model_copy(update={"unit": level_unit})
    k = unit.factor

    def sc(values) -> list[float]:
        return [float(x) / k for x in values]

    # the figures used, as plain arrays (a frame per target cost more than the chart)
    n = len(used)
    ys_used = used["year"].to_numpy(dtype=float) if n else np.zeros(0)
    vs_used = used["value"].to_numpy(dtype=float) if n else np.zeros(0)
    quals = used["qualifier"].astype(str).to_numpy() if n else np.zeros(0, dtype=object)
    linked = (used["kind"].astype(str).to_numpy() == "linked") if n and "kind" in used \
        else np.zeros(n, dtype=bool)
    bound = quals == codes.LOWER_BOUND
    plain = ~bound & ~linked
    last = alone = None
    if n:
        # a bound or an estimate reads as one ("6.2万个以上", "约8.57亿户")
        shown = unit.figure(vs_used[-1], str(quals[-1]))
        last = Note(float(ys_used[-1]), vs_used[-1] / k,
                    chart_words("actual", lang, year=int(ys_used[-1]), value=shown))
        alone = n == 1
    # --- other figures (detail only) ---
    obs = _observations(v, r)
    if len(obs):
        o_year = obs["year"].to_numpy(dtype=float)
        o_value = obs["value"].to_numpy(dtype=float)
        o_sel = obs["selected"].to_numpy(dtype=bool)
        o_comp = obs["comparable"].to_numpy(dtype=bool)
    else:
        o_year = o_value = np.zeros(0)
        o_sel = o_comp = np.zeros(0, dtype=bool)
    nc_note = None
    if (~o_comp).any():
        i = int(np.flatnonzero(~o_comp)[np.argmax(o_year[~o_comp])])
        nc_note = Note(float(o_year[i]), o_value[i] / k, chart_words("other_definition", lang))
    conflict = []
    for y in _conflict_years(v).get((r.indicator_id, r.region), ()) if len(o_year) else ():
        vals = o_value[o_year == y]
        if len(vals) > 1:
            conflict.append((float(y), float(vals.min()) / k, float(vals.max()) / k))
    part = _part_year(v, r)
    part_notes = []
    if part is not None:
        last_of_year = part.sort_values("x").groupby("year").tail(1)
        flow = r.indicator_id in flow_ids()
        part_notes = [Note(float(x), float(val) / k,
                           chart_words("part_year_total", lang, year=str(when)[:4],
                                       month=int(str(when)[5:7]))
                           if flow else chart_words("part_year_date", lang,
                                                    date=str(when)[:7]))
                      for x, val, when in zip(last_of_year["x"], last_of_year["value"],
                                               last_of_year["as_of"], strict=True)]
    # --- unpublished years ---
    gap = None
    if not r.final and n:
        last_known = int(ys_used.max())
        ended = [y for y in range(last_known + 1, r.target_year + 1) if a.timing.year_over(y)]
        if ended:
            span = str(ended[0]) if len(ended) == 1 else chart_words(
                "year_span", lang, first=ended[0], last=ended[-1])
            gap = (ended[0], ended[-1], chart_words("unpublished", lang, span=span))
    # --- the projection ---
    fan = None
    proj = a.projections.get(r.key)
    if proj is not None and n:
        f = proj.to_frame()
        before = ys_used < r.target_year
        if "last_year" in f and len(f):
            before = ys_used <= int(f["last_year"].iloc[0])
        if before.any() and len(f):
            i = int(np.flatnonzero(before)[-1])
            x0, y0 = float(ys_used[i]), float(vs_used[i])
            xs = (x0, *f["year"].astype(float))
            f = f.copy()
            end = f.index[-1]
            if (int(f.loc[end, "year"]) == r.target_year and _finite(r.projected)
                    and not math.isclose(float(f.loc[end, "point"]), r.projected)):
                # the projection within the range a target-year figure allows (a year-end
                # estimated from part of the year): the record's point and 80 % interval,
                # which every table shows; the other bands end on it too
                f.loc[end, "point"] = r.projected
                for lv in (95, 80, 50):
                    f.loc[end, f"lo_{lv}"], f.loc[end, f"hi_{lv}"] = r.lo_80, r.hi_80
            bands = tuple((lv, tuple(sc([y0, *f[f"lo_{lv}"]])), tuple(sc([y0, *f[f"hi_{lv}"]])))
                          for lv in (95, 80, 50))
            label = chart_words("projection", lang, year=int(f.loc[end, "year"]),
                                point=unit.projected_value(float(f.loc[end, "point"])),
                                lo=unit.projected_value(float(f.loc[end, "lo_80"])),
                                hi=unit.projected_value(float(f.loc[end, "hi_80"])))
            fan = Fan(xs, tuple(sc([y0, *f["point"]])), bands, label)
    # --- national series (above the national average) ---
    nat: Points = ()
    nat_proj: Points = ()
    if r.comparator == codes.ABOVE_NATIONAL_AVERAGE:
        ref_used = a.compared_series.get(r.key)
        if ref_used is not None and len(ref_used):
            nat = _pts(ref_used["year"], sc(ref_used["value"]))
            ref = a.reference_projections.get(r.key)
            if ref is not None:
                rf = ref.to_frame()
                nat_proj = _pts([nat[-1][0], *rf["year"]], [nat[-1][1], *sc(rf["point"])])
    # --- the plan's path ---
    path: Points = ()
    if (_finite(r.base_value) and _finite(r.target_value) and r.base_year is not None
            and r.comparator not in (codes.ABOVE_NATIONAL_AVERAGE, codes.FASTER_THAN)
            and r.target_value > 0 and r.base_value > 0):
        kind = "linear" if r.is_share else "compound"
        ys = growth.pro_rata_path(r.base_value, r.target_value, r.base_year, r.target_year,
                                  kind=kind)
        path = _pts(np.arange(r.base_year, r.target_year + 1), sc(ys))
    # --- the target ---
    target = band = None
    label = ""
    if r.comparator in ("around", "between") and _finite(r.band_low) and _finite(r.band_high):
        band = (r.band_low / k, r.band_high / k)
    below = False
    if _finite(r.target_value) and r.comparator not in (codes.ABOVE_NATIONAL_AVERAGE,
                                                         codes.FASTER_THAN):
        target = (float(r.target_year), r.target_value / k)
        label = chart_words("target", lang, target=t.mark)
        below = proj is not None and r.target_value <= proj.point(r.target_year)
    # --- marks and footers ---
    marks_slide: list[str] = []
    if bound.any():
        marks_slide.append(codes.LOWER_BOUND)
    if linked.any():
        marks_slide.append("linked")
    if n and "pace" in used and used["pace"].notna().any():  # year-ends from part-years
        marks_slide.append("estimated")
    marks_detail = list(marks_slide)
    if (~o_comp).any():
        marks_detail.append("other_definition")
    if (~o_sel).any():
        marks_detail.append("other_sources")
    if part is not None:
        marks_detail.append("part_year")
    bnd = None
    if bound.any():
        i = int(np.flatnonzero(bound)[-1])
        bnd = (int(ys_used[i]), vs_used[i] / k)
    pubs = _publishers(used, lang)
    title = t.name
    axis = unit.label
    return IndicatorChart(
        id=r.key, title=title, short_title=t.short, unit=unit, axis_label=axis,
        is_share=r.is_share, base_year=r.base_year, target_year=r.target_year,
        line=_pts(ys_used[~linked], sc(vs_used[~linked])),
        exact=_pts(ys_used[plain], sc(vs_used[plain])),
        bounds=_pts(ys_used[bound], sc(vs_used[bound])),
        linked=_pts(ys_used[linked], sc(vs_used[linked])),
        linked_line=(_pts(np.r_[ys_used[~linked][-1:], ys_used[linked]],
                          sc(np.r_[vs_used[~linked][-1:], vs_used[linked]]))
                     if linked.any() else ()),
        last=last, last_alone=bool(alone),
        other_sources=_pts(o_year[~o_sel], sc(o_value[~o_sel])),
        other_definition=_pts(o_year[~o_comp], sc(o_value[~o_comp])),
        other_definition_note=nc_note,
        part_year=_pts(part["x"], sc(part["value"])) if part is not None else (),
        part_year_notes=tuple(part_notes), conflicts=tuple(conflict),
        conflict_note=chart_words("sources_differ", lang), unpublished=gap, fan=fan,
        national=nat, national_projection=nat_proj,
        national_label=chart_words("national_target", lang),
        national_short=chart_words("national", lang), plan_path=path,
        plan_path_label=chart_words("plan_path", lang), target=target, target_band=band,
        target_label=label, target_below=below, badge=t.badge, fill=t.fill, ink=t.ink,
        footer=_footer(a, r, unit, used, pubs, marks_detail, lang, bnd),
        footer_slide=_footer(a, r, unit, used, pubs, marks_slide, lang, bnd, detail=False))


# ------------------------------------------------------------------------------ overviews

@dataclass(frozen=True)
class Bar:
    """One target in the summary chart: its name, bar length (P or the outcome), words."""

    id: str
    name: str
    length: float | None  # None: no bar (words only)
    words: str
    fill: str


@dataclass(frozen=True)
class SummaryPage:
    number: int
    pages: int
    title: str  # which sections it shows (and which page of how many)
    groups: tuple[tuple[str, tuple[Bar, ...]], ...]
    footer: str
    heading: str = ""  # the chart's own title: the plan and the page
    slide_title: str = ""  # the deck slide's title


def _bar_name(t) -> str:
    """A bar's label: the short name; under a region's heading, without the region."""
    return t.indicator_short if t.region else t.short


def _bar(t) -> Bar:
    r, lang, short = t.record, t.unit.lang, _bar_name(t)
    if r.final or t.verdict in ("met", "missed"):
        length = 1.0 if t.verdict == "met" else 0.02
        year = r.outcome_year or r.latest_year
        text = chart_words("settled", lang, status=t.verdict_text, year=year) \
            if r.final else t.verdict_text
        return Bar(t.id, short, length, text, t.fill)
    if t.verdict == "achieved":
        return Bar(t.id, short, 1.0, t.verdict_text, t.fill)
    if _finite(r.p_met):
        return Bar(t.id, short, float(r.p_met),
                   chart_words("bar", lang, p=T.prob(r.p_met, lang), status=t.verdict_text),
                   t.fill)
    why = chart_words("no_comparable", lang) if t.verdict == "unknown" else ""
    return Bar(t.id, short, None, t.verdict_text + why, t.fill)


#: Lines of names (a section's heading counts one) a summary page holds at slide size: a
#: name wrapped to two lines takes two.
SUMMARY_ROWS = 20
#: The width (ems) the summary chart wraps a target's name to.
SUMMARY_NAME_EM = {"zh": 14, "en": 26}
#: Panels a dashboard page holds at slide size (four rows of five).
DASHBOARD_PANELS = 20
DASHBOARD_COLUMNS = 5


def _overview_footer(v) -> str:
    return chart_words("overview_footer", v.lang, dates=v.dates, on=f"{P_ON_TRACK:.0%}",
                       off=f"{P_OFF_TRACK:.0%}")


def _page_title(v, titles: Sequence[str], n: int, pages: int, continued: bool) -> str:
    """Which sections a page shows and which page it is (``数字产业化（续）（2/3）``); ""
    for a chart on one page (its sections are every section)."""
    if pages == 1:
        return ""
    head = words("name_sep", v.lang).join(titles) if len(titles) <= 2 else \
        words("and_more", v.lang, first=titles[0], last=titles[-1], n=len(titles))
    if continued:
        head += words("continued", v.lang)
    page = f"{n}/{pages}"
    return words("with_page", v.lang, head=head, page=page) if head else page


def _with(head: str, page_title: str, lang: str) -> str:
    """A chart's or slide's title and its page's: ``…（数字产业化，2/3）``."""
    if not page_title:
        return head
    return words("with_page", lang, head=head, page=page_title) if head else page_title


def summary_pages(v) -> list[SummaryPage]:
    """P(met) of every judged target, a bar each, by section, sorted within a section from
    the best news to the worst; pages of ``SUMMARY_ROWS`` lines. The data gaps have no bar
    to draw (the data-gap list names them): the footer counts them. No judged target, no
    page."""
    groups = []
    for s in (v.table.sections or [None]):
        idx = range(s.start, s.stop) if s is not None else range(len(v.targets))
        ts = sorted((v.targets[i] for i in idx if v.targets[i].has_verdict),
                    key=lambda t: (_rank(t), t.seq))
        if ts:
            groups.append((s.title if s is not None else "", tuple(ts)))
    if not groups:
        return []
    gaps = sum(not t.has_verdict for t in v.targets)
    footer = _overview_footer(v) + (
        chart_words("summary_gaps_one" if gaps == 1 else "summary_gaps", v.lang, n=gaps)
        if gaps else "")
    flat = [t for _, ts in groups for t in ts]
    index = {t.id: i for i, t in enumerate(flat)}
    width = SUMMARY_NAME_EM[v.lang]
    pages = paginate([(title, tuple(index[t.id] for t in ts)) for title, ts in groups],
                     SUMMARY_ROWS, cost=lambda i: len(wrap(_bar_name(flat[i]), width)) or 1)
    out = []
    for p in pages:
        gs = tuple((title, tuple(_bar(flat[i]) for i in rows)) for title, rows in p.items)
        # the sections are named inside the chart: the title only says which page it is
        title = f"{p.number}/{len(pages)}" if len(pages) > 1 else ""
        out.append(SummaryPage(
            p.number, len(pages), title, gs, footer,
            heading=_with(titled(v.title, chart_words("summary_title", v.lang), v.lang),
                          title, v.lang),
            slide_title=_with(words("summary_heading", v.lang), title, v.lang)))
    return out


def _rank(t) -> tuple:
    """Settled first, then by P(met) from high to low, then those without one."""
    r = t.record
    order = ("met", "missed", "achieved")
    if t.verdict in order:
        return (order.index(t.verdict), 0.0)
    p = r.p_met if _finite(r.p_met) else -1.0
    return (3 if p >= 0 else 4, -p)


@dataclass(frozen=True)
class DashboardPage:
    number: int
    pages: int
    title: str
    targets: tuple[str, ...]  # indicator ids, in order
    years: tuple[int, int]  # the year range every panel of the page shares
    footer: str
    heading: str = ""  # the chart's own title: the plan and the page


def dashboard_pages(v) -> list[DashboardPage]:
    """Every target as a small panel, by section, ``DASHBOARD_PANELS`` a page; the panels
    of a page share their year axis."""
    pages = v.table.pages(DASHBOARD_PANELS, section_cost=0)
    out = []
    for p in pages:
        ts = [v.targets[i] for i in p.rows]
        first = min((t.record.base_year if t.record.base_year is not None
                     else t.record.target_year - 1) for t in ts)
        for t in ts:  # figures before the base year widen the range too
            used = v.assessment.series.get(t.id)
            if used is not None and len(used):
                first = min(first, int(used["year"].min()))
        last = max(t.record.target_year for t in ts)
        title = _page_title(v, p.titles, p.number, len(pages), p.continued)
        out.append(DashboardPage(p.number, len(pages), title, tuple(t.id for t in ts),
                                 (int(first), int(last)),
                                 chart_words("dashboard_footer", v.lang, dates=v.dates),
                                 heading=_with(v.title, title, v.lang)))
    return out


@dataclass(frozen=True)
class RetrospectiveChart:
    """Each settled target's P(met) at each year-end review, against its outcome."""

    lines: tuple[tuple[str, str, tuple[tuple[int, float], ...]], ...]  # (label, colour, pts)
    years: tuple[int, ...]
    ticks: tuple[str, ...]
    axis_label: str
    title: str
    footer: str
    empty: str


def retrospective_chart(v) -> RetrospectiveChart | None:
    """None when no target has a known outcome (the report says so in one sentence)."""
    if v.retrospective is None:
        return None
    acc = v.assessment.account()
    r = acc.retrospective()
    lang = v.lang
    known = r[r["outcome"].isin(["met", "missed"])]
    years = tuple(sorted({int(y) for y in r["review_year"]}))
    lines = []
    for t in v.targets:
        g = known[known["key"] == t.id]
        if not len(g):
            continue
        outcome = g["outcome"].iloc[0]
        pts = tuple((int(y), float(p) if p == p else math.nan)
                    for y, p in zip(g["review_year"], g["p_met"], strict=True))
        label = chart_words("outcome_label", lang, name=t.short,
                            outcome=verdict_words(outcome, lang))
        lines.append((label, STATUS_COLOURS[outcome], pts))
    ticks = tuple([chart_words("review_year", lang, year=y) for y in years[:-1]]
                  + [chart_words("this_review", lang, date=v.assessment.timing.review
                                 .isoformat())]) if years else ()
    return RetrospectiveChart(tuple(lines), years, ticks, chart_words("p_at_review", lang),
                              P.SHARED["retrospective"][lang],
                              chart_words("retrospective_footer", lang,
                                          warnings=v.retro_sentence, dates=v.dates),
                              chart_words("no_known_outcome", lang))


__all__ = ["Bar", "DashboardPage", "Fan", "IndicatorChart", "Note", "RetrospectiveChart",
           "SummaryPage", "dashboard_pages", "indicator_chart", "original_publisher",
           "retrospective_chart", "summary_pages"]
