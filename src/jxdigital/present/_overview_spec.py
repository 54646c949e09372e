"""What the overview charts of a view draw (``jxdigital.charts`` only places and draws
them): the status summary (a bar per judged target, P(met) or the outcome) and the
dashboard of small panels, in pages a slide can hold, and the retrospective (each settled
target's P(met) at each year's review)."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from .._linebreak import wrap
from ..assessment import P_OFF_TRACK, P_ON_TRACK
from . import _text as T
from ._chart_words import chart_words
from ._colours import STATUS_COLOURS
from ._names import titled
from ._tables import paginate
from ._view_words import verdict_words, words
from .words import PerLanguage, words_for


def _finite(x) -> bool:
    return isinstance(x, (int, float)) and math.isfinite(x)


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
#: The width (ems) the summary chart wraps a target's name to, by language
#: (``settings.summary_name_em``).
SUMMARY_NAME_EM = PerLanguage(lambda lang: int(words_for(lang).setting("summary_name_em")))
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
                              words_for(lang).say("status.shared.retrospective"),
                              chart_words("retrospective_footer", lang,
                                          warnings=v.retro_sentence, dates=v.dates),
                              chart_words("no_known_outcome", lang))



__all__ = ["DASHBOARD_COLUMNS", "DASHBOARD_PANELS", "SUMMARY_NAME_EM", "SUMMARY_ROWS", "Bar",
           "DashboardPage", "RetrospectiveChart", "SummaryPage", "dashboard_pages",
           "retrospective_chart", "summary_pages"]
