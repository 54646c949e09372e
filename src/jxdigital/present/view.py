"""One view of an assessment, decided once per (assessment, language): the account and its
one count sentence, each target's display unit, words, table row and chart, in the order
every output lists them. Every renderer (Markdown, HTML, workbook, deck, charts, command
line, Jupyter) takes this view and only lays it out, so no two outputs can disagree.

``view(a, lang)`` builds it (once: the view is kept with the assessment). What it decides:

- **the verdict of each target** as official reviews say it (``TargetStatus.verdict``):
  完成 / 未完成 / 尚不能确定 once the target year is over, 提前实现 / 快于预期 / 基本符合预期 /
  存在风险 / 滞后 while it is ahead; counted once, in one sentence, with the completion rate
  of the settled targets;
- **the order**: binding (约束性) targets first, then the plan's order; sections by
  category (``sections``);
- **the display unit** of each indicator (``_units.display_unit``): every cell, axis, label
  and sentence of a row speaks it;
- **the tables** (``Table``: columns, rows of ``Cell``, sections) and **the charts' pages**.
"""

from __future__ import annotations

import math
import re
import weakref
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

import pandas as pd

from .. import __version__, codes
from ..assessment import P_OFF_TRACK, P_ON_TRACK, Assessment, TargetStatus, usage
from ..catalog import conversion_factor, region_name, unit_name
from ..errors import ArgumentError
from . import _chart_spec as C
from . import _phrases as P
from . import _text as T
from ._changes_words import change_lines
from ._colours import SEVERITY, STATUS_COLOURS, STATUS_INK
from ._columns import localised_frame
from ._jupyter import view_html
from ._names import in_region, localised, plan_title, short_name, target_name
from ._reasons import target_words
from ._report_words import REPORT, report_title, rule_lines, sheet_name
from ._slide_words import deck_title
from ._tables import Cell, Column, Page, Section, Table, paginate
from ._units import DisplayUnit, unit_of
from ._view_words import VIEW, counted, percent_text, verdict_words, words

# ------------------------------------------------------------------------------ targets

@dataclass(frozen=True)
class TargetView:
    """One target as every output shows it, in one language."""

    record: TargetStatus = field(repr=False)
    id: str
    seq: int
    binding: bool
    section: str
    #: the target's name; in a plan of several regions with its region (赣州 5G基站), as
    #: charts, slides and lists say it
    name: str
    short: str
    unit: DisplayUnit
    finished: bool  # its target year was over at the review date
    verdict: str
    verdict_text: str
    fill: str
    ink: str
    target: str  # the target in the display unit, without the unit (a table cell)
    goal: str  # the target with its unit, as a sentence says it (超过16000亿元)
    mark: str  # ... as a chart labels it (>16000亿元, ≤1.3, 10%以上)
    printed: str  # the target as the plan prints it (原文)
    latest: str
    projection: str
    p_met: str
    against: str
    need: str
    grade: str
    reason: str
    headline: str  # a slide's title: the finding in one line
    line: str  # one plain sentence under it
    badge: str  # a chart's status badge
    panel_badge: str  # a dashboard panel's: the verdict and P(met), nothing more
    #: the region's name in a plan of several regions (a table's region column), else ""
    region: str = ""
    indicator: str = ""  # the indicator's name without the region (a table beside it)
    indicator_short: str = ""

    @property
    def name_with_unit(self) -> str:
        """``数字经济增加值（亿元）`` / ``Digital economy value added (trillion yuan)``."""
        return self.name + self.unit.suffix()

    @property
    def row_name(self) -> str:
        """The name a table row with a region column shows: the indicator's, with its unit."""
        return (self.indicator or self.name) + self.unit.suffix()

    @property
    def has_verdict(self) -> bool:
        """Judged (a slide and a chart of its own): not a data gap."""
        return self.record.status_cn not in ("insufficient_data", "not_assessable")


def _finite(x: Any) -> bool:
    return isinstance(x, (int, float)) and not isinstance(x, bool) and math.isfinite(x)


#: A target's comparator beside its number in a table cell (the unit in the header).
_MARK = {"zh": {"at_least": "{v}以上", "more_than": ">{v}", "around": "{v}左右",
                "at_most": "≤{v}"},
         "en": {"at_least": "≥ {v}", "more_than": "> {v}", "around": "about {v}",
                "at_most": "≤ {v}"}}
#: Excel number formats of a comparator or qualifier around the number: (before, after).
_AROUND_NUMBER = {"zh": {"at_least": ("", "以上"), "more_than": (">", ""), "around": ("", "左右"),
                         "at_most": ("≤", ""), codes.LOWER_BOUND: ("", "以上"),
                         codes.UPPER_BOUND: ("不到", ""), "approximate": ("约", ""),
                         "estimate": ("预计", "")},
                  "en": {"at_least": ("≥ ", ""), "more_than": ("> ", ""),
                         "around": ("about ", ""), "at_most": ("≤ ", ""),
                         codes.LOWER_BOUND: ("over ", ""), codes.UPPER_BOUND: ("under ", ""),
                         "approximate": ("about ", ""), "estimate": ("est. ", "")}}


def _target_cell(r: TargetStatus, u: DisplayUnit, lang: str) -> str:
    if r.comparator == codes.ABOVE_NATIONAL_AVERAGE:
        return target_words(r, lang)
    if r.comparator in (codes.FASTER_THAN, codes.NONE) or not _finite(r.target_value):
        return T.target_label(r.comparator, r.target_text, r.target_value, r.target_high,
                              r.reference, lang)
    v = u.number(r.target_value)
    if r.comparator == "between" and _finite(r.target_high):
        return f"{v}—{u.number(r.target_high)}" if lang == "zh" else \
            f"{v}–{u.number(r.target_high)}"
    if not any(ch.isdigit() for ch in r.target_text):  # 倍增, 全覆盖: the words, then the value
        if lang == "zh":
            return f"{r.target_text}（{v}）" if r.target_text else v
        return f"double ({v})" if r.target_text == "倍增" else \
            f"all ({v})" if r.target_value == 100 else v
    return _MARK[lang].get(r.comparator, "{v}").format(v=v)


def _goal(r: TargetStatus, u: DisplayUnit, lang: str) -> str:
    """The target with its unit, for a sentence: ``16000亿元``, ``at least 10%`` (the
    reasons' own words, ``target_words``)."""
    if r.comparator != codes.ABOVE_NATIONAL_AVERAGE and not _finite(r.target_value):
        return _target_cell(r, u, lang)
    return target_words(r, lang)


def _mark(r: TargetStatus, u: DisplayUnit, lang: str) -> str:
    """The target with its unit, as a chart's label shows it: ``>16000亿元``, ``≤1.3``."""
    if not _finite(r.target_value) or r.comparator in (
            codes.ABOVE_NATIONAL_AVERAGE, codes.FASTER_THAN, "between"):
        return _goal(r, u, lang)
    return _MARK[lang].get(r.comparator, "{v}").format(v=u.value(r.target_value))


def _with_year(v: str, year: Any, lang: str) -> str:
    return words("with_year", lang, v=v, year=year) if year is not None else v


def _latest_cell(r: TargetStatus, u: DisplayUnit, lang: str) -> str:
    if r.latest_year is None or not _finite(r.latest_value):
        return "—"
    if r.comparator == codes.FASTER_THAN:  # growth since the base year, in %
        return _with_year(f"{T._trim(r.latest_value, 1)}%", r.latest_year, lang)
    return _with_year(u.figure(r.latest_value, r.latest_qualifier, bare=True), r.latest_year,
                      lang)


def _projection_cell(r: TargetStatus, u: DisplayUnit, lang: str) -> str:
    if not _finite(r.projected) or r.final:
        return "—"
    if r.comparator == codes.FASTER_THAN:
        return f"{T.rate(r.projected / 100)} vs {T.rate(r.reference_projected / 100)}"
    return words("range", lang, point=u.projected(r.projected), lo=u.projected(r.lo_80),
                 hi=u.projected(r.hi_80))


def _open(r: TargetStatus) -> bool:
    """Whether a target's P(met) is shown: it has one and its outcome is not settled."""
    return _finite(r.p_met) and not r.final and r.verdict not in ("achieved", "met")


def _p_cell(r: TargetStatus, lang: str) -> str:
    return T.prob(r.p_met, lang) if _open(r) else "—"


def _against_cell(r: TargetStatus, lang: str) -> str:
    if r.final and _finite(r.margin):
        pct = f"{r.margin * 100:+.1f}%"
        if _finite(r.margin_pp):
            return words("against_points", lang, pp=f"{r.margin_pp:+.2f}", pct=pct)
        return pct
    if r.verdict == "met":  # reached before the target year, its figure not out yet
        return words("reached_early", lang)
    return "—"


def _need(r: TargetStatus) -> float:
    """The growth a year still needed (a fraction, or points for a share), NaN when none:
    never once the year is over or the target met, nor when already past the target."""
    if r.final or r.verdict == "achieved" or r.verdict in codes.OUTCOMES:
        return math.nan
    need = r.required_pp_now if r.is_share else r.required_cagr_now
    sign = -1.0 if r.target_low_met == -math.inf else 1.0  # met below a value: a fall
    if not _finite(need) or sign * need <= 0:
        return math.nan
    return need


def _need_cell(r: TargetStatus, lang: str) -> str:
    need = _need(r)
    if not _finite(need):
        return "—"
    return T.points(need, lang) if r.is_share and _finite(r.required_pp_now) else T.rate(need)


def _headline(r: TargetStatus, name: str, u: DisplayUnit, goal: str, finished: bool,
              lang: str) -> str:
    """The finding in one line, its words from the verdict (never a side that contradicts
    the badge): ``5G基站：2025年预计10.1万个，能否达到10万个的目标尚难确定（达标概率59%）``."""
    v, p = r.verdict, T.prob(r.p_met, lang) if _finite(r.p_met) else ""
    latest = u.figure(r.latest_value, r.latest_qualifier) if _finite(r.latest_value) else ""
    proj = u.projected_value(r.projected) if _finite(r.projected) else ""
    T_ = r.target_year
    if v in ("met", "missed") and latest and r.final:
        finding = words("f_met" if v == "met" else "f_missed", lang, year=r.latest_year,
                        v=latest, goal=goal)
    elif v == "met" and latest:  # reached before its year, the target-year figure not out
        finding = words("f_met_early", lang, year=r.latest_year, v=latest, goal=goal)
    elif v == "achieved" and latest:
        finding = words("f_achieved", lang, year=r.latest_year, v=latest, goal=goal)
    elif r.comparator == codes.ABOVE_NATIONAL_AVERAGE and proj and \
            _finite(r.reference_projected):
        nat = u.projected_value(r.reference_projected)
        finding = words("f_relative_nowcast" if finished else "f_relative", lang, year=T_,
                        v=proj, nat=nat, p=p)
    elif proj and p and r.comparator != codes.FASTER_THAN and _finite(r.target_value):
        lean = "likely" if r.p_met >= P_ON_TRACK else \
            "unlikely" if r.p_met < P_OFF_TRACK else "close"
        key = f"f_nowcast_{lean}" if finished else f"f_{lean}"
        finding = words(key, lang, year=T_, v=proj, goal=goal, p=p)
    elif p:  # growth comparisons and the like: the verdict and P
        finding = words("f_verdict_p", lang, words=verdict_words(v, lang), p=p)
    else:
        finding = words("f_verdict", lang, words=verdict_words(v, lang))
    return words("head", lang, name=name, finding=finding)


def _line(r: TargetStatus, u: DisplayUnit, finished: bool, lang: str) -> str:
    """One plain sentence under the headline, for directors: the latest figure and what it
    means (no grades, no model words; the full reason is in the notes and the report)."""
    parts: list[str] = []
    sep = words("clause_sep", lang)
    latest = u.figure(r.latest_value, r.latest_qualifier) if _finite(r.latest_value) else ""
    if r.final and r.base_year is not None and _finite(r.actual_cagr) and \
            _finite(r.required_cagr_plan):
        parts.append(words("s_required", lang, base=r.base_year, year=r.latest_year,
                           g=T.rate(r.actual_cagr), req=T.rate(r.required_cagr_plan)))
    elif finished and _finite(r.projected) and r.verdict == "unknown":
        if latest:
            parts.append(words("s_latest", lang, year=r.latest_year, v=latest))
        parts.append(words("s_nowcast", lang, year=r.target_year,
                           v=u.projected_value(r.projected), lo=u.projected_value(r.lo_80),
                           hi=u.projected_value(r.hi_80)))
    else:
        if latest:
            head = words("s_latest", lang, year=r.latest_year, v=latest)
            if r.is_share and _finite(r.actual_pp_per_year) and r.base_year is not None:
                d = r.actual_pp_per_year
                head += words("list_sep", lang) + words(
                    "s_points", lang, base=r.base_year, dir=words("up" if d >= 0 else "down",
                                                                  lang),
                    d=T.points(abs(d), lang))
            elif _finite(r.actual_cagr) and r.base_year is not None and \
                    r.latest_year != r.base_year:
                head += words("list_sep", lang) + words(
                    "s_growth", lang, base=r.base_year, g=T.rate(r.actual_cagr))
            parts.append(head)
        need = _need(r)
        if _finite(need):
            if r.is_share:
                parts.append(words("s_need_points", lang, need=T.points(need, lang)))
            else:
                parts.append(words("s_need", lang, need=T.rate(need)))
        elif r.verdict in ("achieved",):
            parts.append(words("s_passed", lang))
    if not parts:
        return ""
    text = sep.join(parts)
    if lang == "en":
        text = text[:1].upper() + text[1:]
    return text + words("end", lang)


def _badge(r: TargetStatus, text: str, lang: str) -> str:
    """The chart's badge: the verdict, with P(met) while the outcome is open, and the
    grade where the verdict rests on more than exact figures."""
    out = text
    if _open(r):
        out += words("badge_p", lang, p=T.prob(r.p_met, lang))
    if r.evidence_grade and r.evidence_grade != "A":
        out += words("badge_grade", lang, g=r.evidence_grade)
    return out


def _panel_badge(r: TargetStatus, text: str, lang: str) -> str:
    """A dashboard panel's badge, short enough for a fifth of a slide: ``尚不能确定 59%``."""
    return f"{text} {T.prob(r.p_met, lang)}" if _open(r) else text


def target_view(r: TargetStatus, finished: bool, section: str, lang: str,
                region: str = "") -> TargetView:
    """A ``TargetStatus`` as every output shows it in ``lang``; ``region`` the region's
    name where the plan lists several (it names the target everywhere but in tables, which
    have a region column)."""
    u = unit_of(r, lang)
    plain, plain_short = target_name(r, lang), short_name(r, lang)
    name, short = in_region(region, plain, lang), in_region(region, plain_short, lang)
    goal = _goal(r, u, lang)
    verdict = r.verdict or r.status_cn
    said = verdict_words(verdict, lang)
    if r.status_cn == "achieved" and verdict == "met":
        said += words("early", lang)
    return TargetView(
        record=r, id=r.key, seq=r.seq, binding=r.attribute == codes.BINDING,
        section=section, name=name, short=short, unit=u, finished=finished, verdict=verdict,
        verdict_text=said, fill=STATUS_COLOURS.get(verdict, "#FFFFFF"),
        ink=STATUS_INK.get(verdict, "#000000"), target=_target_cell(r, u, lang), goal=goal,
        mark=_mark(r, u, lang),
        printed=r.target_text or "—", latest=_latest_cell(r, u, lang),
        projection=_projection_cell(r, u, lang), p_met=_p_cell(r, lang),
        against=_against_cell(r, lang), need=_need_cell(r, lang),
        grade=r.evidence_grade or "—", reason=r.reason_zh if lang == "zh" else r.reason_en,
        headline=_headline(r, short, u, goal, finished, lang), line=_line(r, u, finished, lang),
        badge=_badge(r, said, lang), panel_badge=_panel_badge(r, said, lang),
        region=region, indicator=plain, indicator_short=plain_short)


# ------------------------------------------------------------------------------ the view

@dataclass(frozen=True)
class ReportView:
    """Everything an output of one assessment shows, in one language, decided once."""

    assessment: Assessment = field(repr=False)
    lang: str
    plan_id: str
    scheme: str
    version: str
    title: str  # the plan's title
    heading: str  # the report's title
    deck_title: str  # the title slide's second line
    dates: str  # when it was made and what data it rests on
    basis: str  # what it was judged on
    counts: str  # THE count sentence: once per output
    finished: bool  # every target year over
    any_finished: bool
    targets: tuple[TargetView, ...]  # in display order
    table: Table  # the targets, one row each
    book: Table  # the same for a workbook: one number a cell
    gaps: Table  # the targets without a verdict
    gap_lines: tuple[str, ...]  # their reasons, targets sharing one grouped
    unused: Table
    #: a plan of several regions: one row per region, one column per indicator, each cell
    #: the verdict (and P(met) while open); None for a plan of one region
    grid: Table | None
    unused_head: str
    unused_tail: str
    retrospective: Table | None  # each year's review of the settled targets
    retro_sentence: str  # how often those reviews were right, or why there is none
    rules: tuple[str, ...]
    _charts: dict = field(default_factory=dict, repr=False, compare=False)

    def grid_pages(self, columns: int = 8) -> list[Table]:
        """The region-by-indicator overview in tables of at most ``columns`` indicators
        (a page or a screen holds about eight); empty for a plan of one region."""
        if self.grid is None:
            return []
        g = self.grid
        out = []
        for start in range(1, len(g.columns), columns):
            keep = (0, *range(start, min(start + columns, len(g.columns))))
            out.append(replace(g, columns=tuple(g.columns[j] for j in keep),
                               rows=tuple(tuple(r[j] for j in keep) for r in g.rows)))
        return out

    @property
    def changes(self) -> tuple[str, tuple[str, ...]] | None:
        """What changed since the last report (its heading and lines), where the job had
        one (``Assessment.changes``); read when asked, so a job that compared after the
        view was made still shows it."""
        c = self.assessment.changes
        if c is None:
            return None
        return change_lines(c, {t.id: t.name for t in self.targets}, self.lang)

    def say(self, key: str, **fields: Any) -> str:
        """A fixed phrase of the reports or the view in this view's language."""
        table = VIEW if key in VIEW else REPORT
        return P.say(table, key, self.lang, **fields)

    def __getitem__(self, key: str | tuple[str, str]) -> TargetView:
        """A target by its key, an indicator id the plan lists once, or ``(indicator_id,
        region)``."""
        r = self.assessment[key]
        for t in self.targets:
            if t.id == r.key:
                return t
        raise KeyError(key)

    def __iter__(self) -> Iterator[TargetView]:
        return iter(self.targets)

    def __len__(self) -> int:
        return len(self.targets)

    @property
    def judged(self) -> tuple[TargetView, ...]:
        """The targets with a verdict (a slide each), in display order."""
        return tuple(t for t in self.targets if t.has_verdict)

    @property
    def sections(self) -> tuple[Section, ...]:
        return self.table.sections

    def to_frame(self) -> pd.DataFrame:
        """The status table as text (what the report prints)."""
        return self.table.to_frame()

    def _kept(self, key: str, make):
        if key not in self._charts:
            self._charts[key] = make()
        return self._charts[key]

    def chart(self, key: str) -> C.IndicatorChart:
        """The chart of one target (by its key, see ``__getitem__``)."""
        t = self[key]
        return self._kept(t.id, lambda: C.indicator_chart(self, t))

    @property
    def summary_pages(self) -> list[C.SummaryPage]:
        """The status summary chart, in pages a slide holds."""
        return self._kept("_summary", lambda: C.summary_pages(self))

    @property
    def dashboard_pages(self) -> list[C.DashboardPage]:
        """The dashboard of small panels, in pages."""
        return self._kept("_dashboard", lambda: C.dashboard_pages(self))

    @property
    def retrospective_chart(self) -> C.RetrospectiveChart | None:
        """The retrospective chart, or None when no outcome is known."""
        return self._kept("_retrospective", lambda: C.retrospective_chart(self))

    def data_sheets(self) -> list[tuple[str, pd.DataFrame, dict[str, str]]]:
        """The data a workbook carries in full, each as (sheet name, frame, number format
        by column): every measure of every target (in the view's order), every figure with
        its source and whether it was used (or why not), every projection with its unit;
        columns named in this view's language, yes / no in words."""
        a, lang = self.assessment, self.lang
        yes, no = words("yes", lang), words("no", lang)
        order = {t.id: k for k, t in enumerate(self.targets)}
        full = a.to_frame()
        full = full.iloc[sorted(range(len(full)), key=lambda i: order.get(
            full["key"].iloc[i], i))].reset_index(drop=True)
        # units by their meant names (the plan's typo only where it is quoted), publishers
        # as the charts name them (the original, never a mirror site), "exceeded" only
        # where a band can be exceeded
        full["unit"] = full["unit"].map(unit_name)
        full["latest_publisher"] = [
            C.original_publisher(p, t, lang) for p, t in
            zip(full["latest_publisher"].fillna(""), full["latest_source"].fillna(""),
                strict=True)]
        if "exceeded" in full and "band_high" in full:
            full["exceeded"] = full["exceeded"].astype(object).where(
                full["band_high"].notna(), None)
        actuals = a.actuals.reset_index(drop=True)
        actuals["used"] = [P.USAGE[lang].get(x, x) for x in usage(a, actuals, lang)]
        actuals["unit"] = actuals["unit"].map(unit_name)
        recorded = actuals["publisher"].fillna("").astype(str)
        actuals["publisher"] = [C.original_publisher(p, t, lang) for p, t in
                                zip(recorded, actuals["source_title"].fillna(""), strict=True)]
        # where the figure was read, as recorded (a mirror of the original, a report)
        actuals["retrieved_via"] = recorded.where(recorded != actuals["publisher"], "")
        # a figure's own date (a part-year count's), not the assessment's cut-off
        actuals = actuals.rename(columns={"as_of": "figure_as_of"})
        out = []
        for key, frame in (("targets", full), ("actuals", actuals),
                           ("projections", projections_frame(a))):
            df, formats = localised_frame(frame, lang, yes, no)
            out.append((sheet_name(key, lang), df, formats))
        return out

    def table_pages(self, rows: int = 15) -> list[Page]:
        """The targets table in pages of at most ``rows`` rows (a section's heading counts
        one): a slide each."""
        return self.table.pages(rows)

    def gap_pages(self, rows: int = 15) -> list[Page]:
        return self.gaps.pages(rows)

    def _repr_html_(self) -> str:
        return view_html(self)


_VIEWS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def view(a: Assessment | ReportView, lang: str | None = None) -> ReportView:
    """The view of ``a`` in ``lang`` (default: the assessment's), built once and kept."""
    if isinstance(a, ReportView):
        return a if lang in (None, a.lang) else view(a.assessment, lang)
    if not isinstance(a, Assessment):
        raise TypeError("argument 'assessment': expected an Assessment from jxdigital.assess(),"
                        f" got {type(a).__name__}")
    lang = lang or a.lang
    if lang not in ("zh", "en"):
        raise ArgumentError(f"argument 'lang': expected 'zh' or 'en', got {lang!r}")
    kept = _VIEWS.setdefault(a, {})
    if lang not in kept:
        kept[lang] = _build(a, lang)
    return kept[lang]


def _region_of(p) -> str:
    """The region of a projection named ``region:indicator`` (a compared series), or ""."""
    name = str(p.ids[0]) if p.ids else ""
    return name.partition(":")[0] if ":" in name else ""


def projections_frame(a: Assessment) -> pd.DataFrame:
    """Every projection, per series and year, with the unit its numbers are in."""
    units = {t.indicator.indicator_id: t.indicator.unit for t in a.plan}
    regions = {t.key: t.region for t in a.plan}
    # each projection with the target it serves (``key``: one indicator may be projected
    # for several regions) and that target's region
    frames = [p.to_frame().assign(kind="target", key=k, region=regions.get(k, ""))
              for k, p in a.projections.items()]
    frames += [p.to_frame().assign(kind="reference", key=k, region=_region_of(p))
               for k, p in a.reference_projections.items()]
    if not frames:
        return pd.DataFrame(columns=["id", "key", "region", "year", "point", "unit"])
    f = pd.concat(frames, ignore_index=True)
    f.insert(1, "key", f.pop("key"))
    f.insert(2, "region", f.pop("region"))
    f.insert(f.columns.get_loc("point"), "unit",
             [units.get(str(i).rpartition(":")[-1], "") for i in f["id"]])
    return f


def _order(a: Assessment) -> list[TargetStatus]:
    """Binding targets first, then the plan's order; in a plan of several regions, region
    by region (in the plan's order) and so within each."""
    regions = {g: k for k, g in enumerate(a.plan.regions)}
    return sorted(a, key=lambda r: (regions.get(r.region, 0), r.attribute != codes.BINDING,
                                    r.seq))


def _several_regions(a: Assessment) -> bool:
    """Every output names the region where the table is broken down by it."""
    return a.plan.by_region


def _section_titles(rows: list[TargetStatus], lang: str, by_region: bool = False
                    ) -> list[str]:
    """Each target's section: 约束性指标 for binding ones (where others are not), then the
    category; 预期性指标 where there are binding targets and no categories. ``by_region``:
    each region a section (its binding targets first within it, the attribute column says
    which), so a dashboard page and a table section are one region's."""
    if by_region:
        return [region_name(r.region, lang) for r in rows]
    binding = [r.attribute == codes.BINDING for r in rows]
    mixed = any(binding) and not all(binding)
    out = []
    for r, b in zip(rows, binding, strict=True):
        cat = localised(r.category_zh, r.category_en, lang)
        out.append(words("section_binding", lang) if mixed and b else cat if cat else
                   words("section_expected", lang) if mixed else "")
    return out


def _sections(titles: list[str]) -> tuple[Section, ...]:
    """Runs of one title; none when every row has the same empty one."""
    if not titles or all(t == "" for t in titles):
        return ()
    out, start = [], 0
    for i in range(1, len(titles) + 1):
        if i == len(titles) or titles[i] != titles[start]:
            out.append(Section(titles[start], start, i))
            start = i
    return tuple(out)


def counts_sentence(views: Sequence[TargetView], lang: str) -> str:
    """The one count sentence: ``共8项目标：完成1项，未完成1项，尚不能确定6项（5项…，1项…）；
    结果已知的2项中完成1项，完成率50%。`` (progress words for targets whose year is ahead)."""
    n = len(views)
    head = words("total_one" if n == 1 else "total", lang, n=n)
    done = [v for v in views if v.finished]
    ahead = [v for v in views if not v.finished]
    parts = []
    if done:
        fin = _finished_counts(done, lang)
        parts.append(fin if not ahead else words("finished_part", lang, n=len(done), counts=fin))
    settled = [v for v in done if v.verdict in ("met", "missed")]
    if settled:
        met = sum(v.verdict == "met" for v in settled)
        parts.append(words("completion", lang, n=len(settled), met=met,
                           rate=percent_text(met / len(settled))))
    if ahead:
        run = _progress_counts(ahead, lang)
        parts.append(run if not done else words("running_part", lang, n=len(ahead), counts=run))
    binding = [v for v in views if v.binding]
    if binding and len(binding) < n:
        b_done = [v for v in binding if v.finished]
        b_ahead = [v for v in binding if not v.finished]
        inner = words("clause_sep", lang).join(
            x for x in (_finished_counts(b_done, lang, why=False) if b_done else "",
                        _progress_counts(b_ahead, lang) if b_ahead else "") if x)
        parts.append(words("binding_part", lang, n=len(binding), counts=inner))
    return (head + words("after_total", lang) + words("clause_sep", lang).join(parts)
            + words("end", lang))


def _counted(views: Sequence[TargetView], order: Sequence[str], lang: str) -> str:
    return counted([(verdict_words(c, lang), sum(v.verdict == c for v in views))
                    for c in order], lang)


def _finished_counts(views: Sequence[TargetView], lang: str, why: bool = True) -> str:
    text = _counted(views, codes.OUTCOMES, lang)
    unknown = [v for v in views if v.verdict == "unknown"]
    if why and unknown:
        nowcast = sum(_finite(v.record.p_met) for v in unknown)
        gaps = len(unknown) - nowcast
        sub = [words("unknown_nowcast", lang, n=nowcast) if nowcast else "",
               words("unknown_no_data", lang, n=gaps) if gaps else ""]
        sub = [s for s in sub if s]
        if len(sub) > 1 or (sub and len(unknown) > 1):
            text += words("unknown_why", lang, parts=words("list_sep", lang).join(sub))
    return text


def _progress_counts(views: Sequence[TargetView], lang: str) -> str:
    # a target settled before its year is over (its target-year figure already out, or a
    # year's total already past its goal) is counted too: every target once
    return _counted(views, codes.FINAL + codes.PROGRESS, lang)


# --- tables ------------------------------------------------------------------------------

#: The main table's columns: (key, header key, kind, width in ems).
_COLUMNS = (("seq", "h_seq", "number", 2.5), ("indicator", "h_indicator", "name", 12),
            ("attribute", "h_attribute", "text", 3.5), ("target", "h_target", "number", 6),
            ("latest", "h_latest", "number", 7.5), ("projection", "h_projection", "number", 10),
            ("p_met", "h_p_met", "number", 4.5), ("against", "h_against", "number", 6),
            ("need", "h_need", "number", 5.5), ("status", "h_status", "status", 6.5),
            ("grade", "h_grade", "text", 3), ("reason", "h_reason", "reason", 30))
#: Widths (ems) that differ by language: English words are longer ("not yet known"),
#: Chinese headers of four characters need their padding too.
_WIDTHS = {"zh": {"seq": 3, "p_met": 5.2},
           "en": {"indicator": 14, "status": 8.5, "grade": 3.5, "latest": 8,
                  "projection": 9.5}}
#: Columns dropped when no row has anything to say in them.
_OPTIONAL = ("attribute", "projection", "p_met", "against", "need", "grade")


def _xl_format(text: str, before: str = "", after: str = "", percent: bool = False) -> str:
    """An Excel number format that shows a number as ``text`` shows it (its decimals,
    separators), with words before or after it: ``0.0"以上"``."""
    digits = text.split(".")[1] if "." in text else ""
    decimals = len([c for c in digits if c.isdigit()])
    body = ("#,##0" if "," in text else "0") + ("." + "0" * decimals if decimals else "")
    if percent:
        body += "%"

    def quoted(s: str) -> str:
        return '"' + s.replace('"', '""') + '"' if s else ""

    return quoted(before) + body + quoted(after)


def _number_cell(text: str, value: float, before: str = "", after: str = "",
                 percent: bool = False) -> Cell:
    if not _finite(value):
        return Cell(text)
    shown = text
    return Cell(text, value=value, fmt=_xl_format(shown, before, after, percent), sort=value)


def _rows(a: Assessment, views: list[TargetView], lang: str) -> tuple[Table, Table]:
    """The main table and its workbook twin."""
    heads = {k: words(h, lang) for k, h, _, _ in _COLUMNS}
    if any(v.finished for v in views):
        heads["projection"] = words("h_projection_final", lang)
    if all(v.finished for v in views):
        heads["status"] = words("h_outcome", lang)
    elif any(v.finished for v in views):
        heads["status"] = words("h_status_outcome", lang)
    rows, book = [], []
    for v in views:
        r, u = v.record, v.unit
        sev = SEVERITY.index(v.verdict) if v.verdict in SEVERITY else len(SEVERITY)
        status = Cell(v.verdict_text, value=v.verdict_text, sort=float(sev), fill=v.fill,
                      ink=v.ink)
        tmark = _AROUND_NUMBER[lang].get(r.comparator, ("", ""))
        target_plain = _finite(r.target_value) and r.comparator not in (
            codes.ABOVE_NATIONAL_AVERAGE, codes.FASTER_THAN, "between") and \
            any(ch.isdigit() for ch in r.target_text)
        target = _number_cell(v.target, u.scaled(r.target_value), *tmark) if target_plain \
            else Cell(v.target, value=v.target, sort=u.scaled(r.target_value)
                      if _finite(r.target_value) else None)
        q = _AROUND_NUMBER[lang].get(r.latest_qualifier or "exact", ("", ""))
        if r.comparator == codes.FASTER_THAN:
            latest_value = r.latest_value / 100 if _finite(r.latest_value) else math.nan
            latest = _number_cell(v.latest, latest_value)
            latest_book = _number_cell(f"{T._trim(r.latest_value, 1)}%", latest_value,
                                       percent=True) if _finite(latest_value) else Cell("—")
        else:
            latest_value = u.scaled(r.latest_value) if _finite(r.latest_value) else math.nan
            latest = Cell(v.latest, sort=latest_value if _finite(latest_value) else None)
            latest_book = _number_cell(u.figure(r.latest_value, r.latest_qualifier, bare=True)
                                       if _finite(r.latest_value) else "—", latest_value, *q)
        proj_ok = _finite(r.projected) and not r.final and r.comparator != codes.FASTER_THAN
        projection = Cell(v.projection, sort=u.scaled(r.projected) if proj_ok else None)
        pm = r.p_met if v.p_met != "—" else math.nan
        p_cell = Cell(v.p_met, sort=round(pm, 4) if _finite(pm) else None)
        p_book = _number_cell(v.p_met, T.shown_percent(pm) / 100, percent=True) \
            if _finite(pm) and v.p_met.rstrip("%").replace(".", "").isdigit() else \
            Cell(v.p_met, value=v.p_met if v.p_met != "—" else None)
        against = Cell(v.against, sort=r.margin if r.final and _finite(r.margin) else None)
        against_book = Cell(v.against, value=r.margin, fmt="+0.0%;-0.0%") \
            if r.final and _finite(r.margin) and not _finite(r.margin_pp) else \
            Cell(v.against, value=v.against if v.against != "—" else None)
        need = _need(r)
        need_cell = Cell(v.need, sort=need if _finite(need) else None)
        need_book = (Cell(v.need, value=need, fmt=words("xl_points", lang)) if r.is_share else
                     Cell(v.need, value=need, fmt="0.0%")) if _finite(need) else Cell("—")
        attribute = localised(r.attribute, codes_attribute_en(r.attribute), lang)
        rows.append((Cell(str(v.seq), value=float(v.seq), fmt="0", sort=float(v.seq)),
                     Cell(v.row_name if v.region else v.name_with_unit),
                     Cell(attribute or "—"), target, latest,
                     projection, p_cell, against, need_cell, status, Cell(v.grade),
                     Cell(v.reason)))
        book.append((Cell(str(v.seq), value=float(v.seq), fmt="0"),
                     Cell(v.row_name if v.region else v.name_with_unit),
                     Cell(attribute or "—"), target, latest_book,
                     _number_cell(str(r.latest_year), float(r.latest_year))
                     if r.latest_year is not None else Cell("—"),
                     _number_cell(u.projected(r.projected), u.scaled(T.sig(r.projected)))
                     if proj_ok else Cell("—"),
                     _number_cell(u.projected(r.lo_80), u.scaled(T.sig(r.lo_80)))
                     if proj_ok else Cell("—"),
                     _number_cell(u.projected(r.hi_80), u.scaled(T.sig(r.hi_80)))
                     if proj_ok else Cell("—"),
                     p_book, against_book, need_book, status, Cell(v.grade), Cell(v.reason)))
    sections = _sections([v.section for v in views])
    ids = tuple(v.id for v in views)
    cols = tuple(Column(k, heads[k], kind, _WIDTHS[lang].get(k, w))
                 for k, _, kind, w in _COLUMNS)
    table = _drop_empty(Table(cols, tuple(rows), sections, ids))
    book_cols = (cols[0], cols[1], cols[2], cols[3], Column("latest", heads["latest"], "number",
                                                            8),
                 Column("latest_year", words("h_latest_year", lang), "number", 6),
                 Column("projection", words("h_projection_value_final" if any(
                     v.finished for v in views) else "h_projection_value", lang), "number", 9),
                 Column("lo_80", words("h_lo_80", lang), "number", 8),
                 Column("hi_80", words("h_hi_80", lang), "number", 8),
                 cols[6], cols[7], cols[8], cols[9], cols[10], cols[11])
    # a workbook of several regions: its region column is the grouping (a sheet is filtered)
    book_sections = () if any(v.region for v in views) else sections
    book_table = _drop_empty(Table(book_cols, tuple(book), book_sections, ids),
                             extra=("latest_year", "lo_80", "hi_80"))
    return _with_region(table, views, lang), _with_region(book_table, views, lang)


def _with_region(t: Table, views: Sequence[TargetView], lang: str, at: int = 1) -> Table:
    """``t`` (one row per view) with a region column at ``at`` where the plan lists several
    regions; as it is otherwise."""
    if not any(v.region for v in views):
        return t
    col = Column("region", words("h_region", lang), "text", 4 if lang == "zh" else 7)
    return replace(t, columns=(*t.columns[:at], col, *t.columns[at:]),
                   rows=tuple((*r[:at], Cell(v.region), *r[at:])
                              for r, v in zip(t.rows, views, strict=True)))


def _grid(views: Sequence[TargetView], lang: str) -> Table | None:
    """Region by indicator: a row per region (the plan's order), a column per indicator and
    target year (the display order), each cell the panel badge (完成, 尚不能确定 59%) in
    its colour; "—" where the region has no such target. None for one region."""
    if not any(v.region for v in views):
        return None
    cols_of: dict[tuple[str, int], str] = {}
    for v in views:
        cols_of.setdefault((v.record.indicator_id, v.record.target_year), v.indicator_short)
    years = {y for _, y in cols_of}
    heads = {k: (name if len(years) == 1 else words("grid_year", lang, name=name, year=k[1]))
             for k, name in cols_of.items()}
    regions = list(dict.fromkeys(v.region for v in views))
    cell = {(v.region, v.record.indicator_id, v.record.target_year): v for v in views}
    rows = []
    for g in regions:
        row = [Cell(g)]
        for k in cols_of:
            at = cell.get((g, *k))
            row.append(Cell("—") if at is None else
                       Cell(at.panel_badge, value=at.panel_badge, fill=at.fill, ink=at.ink))
        rows.append(tuple(row))
    cols = (Column("region", words("h_region", lang), "text", 4 if lang == "zh" else 7),
            *(Column(f"c{j}", heads[k], "status", 7) for j, k in enumerate(cols_of)))
    return Table(cols, tuple(rows))


def codes_attribute_en(attribute: str) -> str:
    return {"预期性": "expected", "约束性": "binding"}.get(attribute, attribute)


def _drop_empty(t: Table, extra: tuple[str, ...] = ()) -> Table:
    """``t`` without the optional columns no row fills (all "—")."""
    keep = []
    for j, c in enumerate(t.columns):
        if c.key in (*_OPTIONAL, *extra) and all(r[j].text in ("—", "") for r in t.rows):
            continue
        if c.key == "attribute" and not any(r[j].text == codes.BINDING
                                            or r[j].text == "binding" for r in t.rows):
            continue  # all expected (预期性): the column says nothing
        keep.append(j)
    return replace(t, columns=tuple(t.columns[j] for j in keep),
                   rows=tuple(tuple(r[j] for j in keep) for r in t.rows))


def _gap_missing(v: TargetView, lang: str) -> str:
    r = v.record
    first = (r.latest_year + 1) if r.latest_year is not None else r.base_year
    if r.status_cn == "not_assessable":
        return verdict_words("not_assessable", lang)
    if first is None or first > r.target_year:
        return "—"
    span = str(first) if first == r.target_year else \
        words("year_span", lang, first=first, last=r.target_year)
    return words("gap_years", lang, span=span)


def _gaps(views: list[TargetView], lang: str) -> tuple[Table, tuple[str, ...]]:
    gaps = [v for v in views if not v.has_verdict]
    rows = []
    for v in gaps:
        r = v.record
        latest = words("gap_none", lang)
        if _finite(r.latest_value) and r.latest_year is not None:
            latest = _with_year(v.unit.figure(r.latest_value, r.latest_qualifier),
                                r.latest_year, lang)
        rows.append((Cell(v.indicator_short if v.region else v.short), Cell(latest),
                     Cell(_gap_missing(v, lang))))
    cols = (Column("indicator", words("h_indicator", lang), "name", 12),
            Column("latest", words("h_gap_latest", lang), "text", 10),
            Column("missing", words("h_gap_missing", lang), "text", 14))
    table = _with_region(Table(cols, tuple(rows), _sections([v.section for v in gaps]),
                               tuple(v.id for v in gaps)), gaps, lang, at=0)
    by_reason: dict[str, list[str]] = {}
    for v in gaps:
        by_reason.setdefault(v.reason, []).append(v.name)
    lines = []
    for reason, names in by_reason.items():
        if len(names) == 1:
            lines.append(f"{names[0]}{P.COLON[lang]}{reason}")
        else:
            why = reason if lang == "zh" else reason[:1].lower() + reason[1:]
            lines.append(words("gap_group", lang, n=len(names),
                               names=words("name_sep", lang).join(names), reason=why))
    return table, tuple(lines)


#: The reasons a report lists figure by figure (the others are the selection rule at work).
LISTED = ("part_year", "not_comparable")


def _origin(origin: str, lang: str) -> str:
    """Where a figure came from, for an English table (the sources' titles are Chinese)."""
    if origin == "jxdigital":
        return words("origin_shipped", lang)
    return words("origin_yours", lang) if origin.startswith("<") else \
        words("origin_file", lang, file=origin)


_CJK = re.compile(r"[\u3400-\u9fff]")


def _unused_source(r: dict, lang: str) -> str:
    """Who published a figure not used: the original publisher of a built-in figure (as
    the charts name it), else its title (Chinese) or where it came from (English)."""
    origin = str(r.get("origin", ""))
    if origin == "jxdigital":
        name = C.original_publisher(str(r.get("publisher", "") or ""),
                                    str(r.get("source_title", "") or ""), lang)
        # an English table names no Chinese title: where no English name is known, it
        # says where the figure came from
        if name and (lang == "zh" or not _CJK.search(name)):
            return name
    return str(r["source_title"]) if lang == "zh" else _origin(origin, lang)


def _unused(a: Assessment, views: list[TargetView], lang: str) -> tuple[Table, str, str]:
    u = a.unused()
    shipped_other = (u["reason_code"] == "not_comparable") & (u["origin"] == "jxdigital")
    show = u[u["reason_code"].isin(LISTED) & ~shipped_other]
    by_region = {(v.record.indicator_id, v.record.region): v for v in views}
    rows: list[tuple[Cell, ...]] = []
    for r in show.to_dict("records"):
        v = by_region.get((str(r["indicator_id"]), str(r["region"])))
        value, unit = float(r["value"]), str(r["unit"])
        text = None
        if v is not None and v.record.comparator != codes.FASTER_THAN:
            try:
                factor = conversion_factor(unit, v.record.unit) if unit != v.record.unit else 1
                text = v.unit.figure(value * factor, str(r["qualifier"]))
            except ValueError:
                text = None
        if text is None:
            text = T.figure(value, unit, str(r["qualifier"]), lang)
        rows.append((Cell(str(localised(r["name_zh"], r["name_en"], lang))),
                     Cell(str(int(r["year"])), value=float(r["year"]), fmt="0"), Cell(text),
                     Cell(_unused_source(r, lang)),
                     Cell(str(r["reason_zh"] if lang == "zh" else r["reason_en"]))))
    kinds = ("name", "number", "number", "text", "reason")
    widths = (10, 4, 8, 16, 16)
    keys = ("indicator", "year", "figure", "source", "why")
    cols = tuple(Column(k, words(f"h_unused_{k}", lang), kind, w) for k, kind, w in
                 zip(keys, kinds, widths, strict=True))
    if any(v.region for v in views):  # a plan of several regions: which region's figure
        cols = (Column("region", words("h_region", lang), "text", 4 if lang == "zh" else 7),
                *cols)
        rows = [(Cell(region_name(str(r["region"]), lang)), *row)
                for r, row in zip(show.to_dict("records"), rows, strict=True)]
    n = int(shipped_other.sum())
    tail = words("unused_tail_one" if n == 1 else "unused_tail", lang, n=n) if n else ""
    return Table(cols, tuple(rows)), words("unused_head", lang), tail


def _retrospective(a: Assessment, views: list[TargetView], lang: str
                   ) -> tuple[Table | None, str]:
    settled = {v.id for v in views if v.verdict in ("met", "missed")}
    if not settled:
        return None, words("no_settled", lang)
    acc = a.account()
    r = acc.retrospective()
    if not len(r):
        return None, words("no_settled", lang)
    reviews = list(dict.fromkeys(r.sort_values("review")["review"]))
    current = dict(zip(r["review"], r["current"], strict=True))

    def head(review: str) -> str:
        if current[review]:
            return words("this_review", lang, date=review)
        return words("review_year", lang, year=review[:4])

    cols = [Column("indicator", words("h_indicator", lang), "name", 12)]
    cols += [Column(f"review_{x}", head(x), "status", 6) for x in reviews]
    cols.append(Column("outcome", words("h_outcome", lang), "status", 5))
    rows, ids = [], []
    for v in views:  # in display order
        if v.id not in settled:
            continue
        g = r[r["key"] == v.id]
        by_review = {x["review"]: x for x in g.to_dict("records")}
        cells = [Cell(v.indicator if v.region else v.name)]
        for x in reviews:
            row = by_review.get(x)
            if row is None:
                cells.append(Cell("—"))
                continue
            verdict = str(row["verdict"] or row["status"])
            said = verdict_words(verdict, lang)
            p = row["p_met"]
            show_p = _finite(p) and verdict not in ("met", "missed", "achieved")
            text = words("retro_cell", lang, p=f"{T.prob(p, lang)} " if show_p else "",
                         words=said)
            cells.append(Cell(text, value=text, fill=STATUS_COLOURS.get(verdict, ""),
                              ink=STATUS_INK.get(verdict, "")))
        cells.append(Cell(v.verdict_text, value=v.verdict_text, fill=v.fill, ink=v.ink))
        rows.append(tuple(cells))
        ids.append(v.id)
    shown = [v for v in views if v.id in set(ids)]
    table = _with_region(Table(tuple(cols), tuple(rows), (), tuple(ids)), shown, lang, at=0)
    return table, T.warnings_sentence(acc, lang)


def _rules(views: list[TargetView], lang: str) -> tuple[str, ...]:
    return tuple(rule_lines(lang, finished=any(v.finished for v in views),
                            running=any(not v.finished for v in views)))


def _build(a: Assessment, lang: str) -> ReportView:
    ordered = _order(a)
    several = _several_regions(a)
    titles = _section_titles(ordered, lang, by_region=several)
    views = [target_view(r, a.timing.year_over(r.target_year), s, lang,
                         region_name(r.region, lang) if several else "")
             for r, s in zip(ordered, titles, strict=True)]
    table, book = _rows(a, views, lang)
    gaps, gap_lines = _gaps(views, lang)
    unused, head, tail = _unused(a, views, lang)
    retro, retro_sentence = _retrospective(a, views, lang)
    finished = all(v.finished for v in views) and bool(views)
    title = plan_title(a.plan, lang)
    return ReportView(
        assessment=a, lang=lang, plan_id=a.plan.plan_id, scheme=a.scheme, version=__version__,
        title=title, heading=report_title(a, lang), deck_title=deck_title(finished, lang),
        dates=T.dates_words(a, lang),
        basis=P.say(REPORT, "based_on", lang, as_of=T.as_of_words(a, lang)),
        counts=counts_sentence(views, lang), finished=finished,
        any_finished=any(v.finished for v in views), targets=tuple(views), table=table,
        book=book, gaps=gaps, gap_lines=gap_lines, unused=unused, unused_head=head,
        unused_tail=tail, retrospective=retro, retro_sentence=retro_sentence,
        rules=_rules(views, lang), grid=_grid(views, lang))


__all__ = ["Cell", "Column", "Page", "ReportView", "Section", "Table", "TargetView",
           "counts_sentence", "paginate", "target_view", "view"]
