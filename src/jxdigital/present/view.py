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

import weakref
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

import pandas as pd

from .. import __version__, codes
from ..assessment import Assessment, TargetStatus, usage
from ..catalog import region_name, unit_name
from . import _chart_spec as C
from . import _overview_spec as O
from . import _text as T
from ._changes_words import change_lines
from ._chart_spec import Fan, IndicatorChart, Note
from ._columns import localised_frame
from ._jupyter import view_html
from ._names import localised, plan_title
from ._overview_spec import (
    DASHBOARD_COLUMNS,
    DASHBOARD_PANELS,
    SUMMARY_NAME_EM,
    SUMMARY_ROWS,
    Bar,
    DashboardPage,
    RetrospectiveChart,
    SummaryPage,
)
from ._reasons import reasons_in
from ._report_words import report_title, report_words, sheet_name
from ._slide_words import deck_title
from ._tables import Cell, Column, Page, Section, Table, paginate
from ._target_view import TargetView, _finite, target_view
from ._view_tables import _gaps, _grid, _retrospective, _rows, _rules, _unused
from ._view_words import counted, percent_text, verdict_words, words
from .words import check_language, words_for

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
        w = words_for(self.lang)
        return w.say(f"view.{key}" if w.has(f"view.{key}") else f"report.{key}", **fields)

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
    def summary_pages(self) -> list[SummaryPage]:
        """The status summary chart, in pages a slide holds."""
        return self._kept("_summary", lambda: O.summary_pages(self))

    @property
    def dashboard_pages(self) -> list[DashboardPage]:
        """The dashboard of small panels, in pages."""
        return self._kept("_dashboard", lambda: O.dashboard_pages(self))

    @property
    def retrospective_chart(self) -> RetrospectiveChart | None:
        """The retrospective chart, or None when no outcome is known."""
        return self._kept("_retrospective", lambda: O.retrospective_chart(self))

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
        used = words_for(lang).table("status.usage")
        actuals["used"] = [used.get(x, x) for x in usage(a, actuals, lang)]
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
    lang = check_language(lang or a.lang)
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


def _build(a: Assessment, lang: str) -> ReportView:
    ordered = _order(a)
    several = _several_regions(a)
    titles = _section_titles(ordered, lang, by_region=several)
    said = reasons_in(a, lang)
    views = [target_view(r, a.timing.year_over(r.target_year), s, lang,
                         region_name(r.region, lang) if several else "", said[r.key])
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
        basis=report_words("based_on", lang, as_of=T.as_of_words(a, lang)),
        counts=counts_sentence(views, lang), finished=finished,
        any_finished=any(v.finished for v in views), targets=tuple(views), table=table,
        book=book, gaps=gaps, gap_lines=gap_lines, unused=unused, unused_head=head,
        unused_tail=tail, retrospective=retro, retro_sentence=retro_sentence,
        rules=_rules(views, lang), grid=_grid(views, lang))


__all__ = ["DASHBOARD_COLUMNS", "DASHBOARD_PANELS", "SUMMARY_NAME_EM", "SUMMARY_ROWS", "Bar",
           "Cell", "Column", "DashboardPage", "Fan", "IndicatorChart", "Note", "Page",
           "ReportView", "RetrospectiveChart", "Section", "SummaryPage", "Table", "TargetView",
           "counts_sentence", "paginate", "target_view", "view"]
