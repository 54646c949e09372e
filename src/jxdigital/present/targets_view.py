"""One view of a 测算 (target options, and a draft's review where there is one), decided
once per language: each row's display unit, the options table, the draft's table, the
checks in sentences and each row's fan chart. The 测算 report's renderers (Markdown, HTML,
workbook, slides, charts, command line) only lay it out, as ``present.view`` is for the
account."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from ..assessment import OPTION_NAMES, DraftReview, TargetOptions
from ..catalog import region_name
from . import _text as T
from ._colours import STATUS_COLOURS, STATUS_INK
from ._names import in_region, localised, plan_title
from ._tables import Cell, Column, Table, column_width
from ._targets_words import name, say
from ._units import DisplayUnit, display_unit
from .words import check_language, words_for

#: The quantiles a fan chart shades: the 80 % band and its median.
FAN = (0.1, 0.5, 0.9)
#: A colour per ambition class (the verdict colours of the account, good to bad).
AMBITION_FILL = {"safe": STATUS_COLOURS.get("met", ""), "moderate": STATUS_COLOURS.get(
    "on_track", ""), "ambitious": STATUS_COLOURS.get("at_risk", ""),
    "stretch": STATUS_COLOURS.get("off_track", ""),
    "out_of_reach": STATUS_COLOURS.get("missed", "")}
AMBITION_INK = {"safe": STATUS_INK.get("met", ""), "moderate": STATUS_INK.get("on_track", ""),
                "ambitious": STATUS_INK.get("at_risk", ""),
                "stretch": STATUS_INK.get("off_track", ""),
                "out_of_reach": STATUS_INK.get("missed", "")}


def _finite(x) -> bool:
    return isinstance(x, (int, float, np.floating)) and math.isfinite(float(x))


@dataclass(frozen=True)
class OptionsChart:
    """A row's fan chart to its target year: the figures, the projection's 80 % band and
    median, a tick per option and the draft's target."""

    key: str
    title: str
    unit_label: str
    figures: tuple[tuple[int, float, str], ...]  # (year, value, qualifier), display unit
    fan_years: tuple[int, ...]
    fan: tuple[tuple[float, float, float], ...]  # (low, median, high) per fan year
    marks: tuple[tuple[str, float], ...]  # (label, value) at the target year
    draft: tuple[str, float] | None
    target_year: int
    footer: str


@dataclass(frozen=True)
class OptionRow:
    key: str
    name: str  # with the region in a table of several regions
    region: str
    unit: DisplayUnit
    base: str
    options: tuple[str, ...]
    grade: str
    note: str
    chart: OptionsChart | None
    indicator: str  # the name without the region (a table beside its region column)

    @property
    def row_name(self) -> str:
        """The name a table row shows, with its unit (the region has a column)."""
        return self.indicator + self.unit.suffix()


@dataclass(frozen=True)
class TargetsView:
    """Everything a 测算 report shows, in one language (its phrases: ``say``)."""

    lang: str
    title: str
    heading: str
    dates: str
    intro: tuple[str, ...]
    rows: tuple[OptionRow, ...]
    options: Table
    review: Table | None
    checks: tuple[str, ...]
    frames: tuple[tuple[str, pd.DataFrame], ...] = field(repr=False)
    day: dt.date = dt.date(1970, 1, 1)  # the day it was made (the workbook's creation date)

    def to_frame(self) -> pd.DataFrame:
        return self.options.to_frame()

    def say_heading(self, which: str) -> str:
        """A heading of the report in this view's language: options, review, checks,
        charts, or the continuation mark."""
        return say("continued" if which == "continued" else f"heading_{which}", self.lang)

    def _repr_html_(self) -> str:
        return self.options.to_frame()._repr_html_()


def targets_view(result: TargetOptions | DraftReview, lang: str = "zh",
                 today: dt.date | None = None) -> TargetsView:
    """The view of a ``TargetOptions`` or a ``DraftReview`` in ``lang``."""
    check_language(lang)
    review = result if isinstance(result, DraftReview) else None
    opts = review.options if review is not None else result
    if not isinstance(opts, TargetOptions):
        raise TypeError("expected the result of target_options() or review_draft(), got "
                        f"{type(result).__name__}")
    f = opts.to_frame()
    keys = list(dict.fromkeys(f["key"]))
    several = opts.plan.by_region  # broken down by region: each row names its region
    probs = opts.probabilities
    draft_rows = {r.key: r for r in review.rows} if review is not None else {}
    title = plan_title(opts.plan, lang)
    made = today or opts.timing.generated
    day = made.isoformat()
    years = [int(y) for y in f["latest_year"].dropna()]
    dates = say("dates", lang, date=day, year=max(years)) if years else \
        say("dates_none", lang, date=day)
    rows = [_row(f[f["key"] == key], opts, draft_rows.get(key), probs, several, lang, dates)
            for key in keys]
    frames = [(say("sheet_options", lang), f), (say("sheet_paths", lang), opts.paths())]
    if review is not None:
        frames.insert(1, (say("sheet_review", lang), review.to_frame()))
        frames.insert(2, (say("sheet_checks", lang), review.checks_frame()))
    return TargetsView(
        lang=lang, title=title,
        heading=title + words_for(lang).say("status.colon") + say("what", lang), dates=dates,
        intro=(say("intro", lang), say("classes", lang)), rows=tuple(rows),
        options=_options_table(rows, probs, several, lang),
        review=_review_table(review, rows, several, lang) if review is not None else None,
        checks=tuple(_check_line(c, review, rows, lang) for c in review.checks)
        if review is not None else (), frames=tuple(frames), day=made)


def _unit(g: pd.DataFrame, lang: str) -> DisplayUnit:
    first = g.iloc[0]
    values = [v for v in (first["base_value"], *g["value"]) if _finite(v)]
    return display_unit(str(first["unit"]), values, lang)


def _growth(o, lang: str) -> str:
    if o["rate"]:
        return ""
    if _finite(o["pp_per_year"]):
        return say("growth_pp", lang, g=f"{o['pp_per_year']:+.2f}")
    if _finite(o["cagr"]):
        return say("growth_cagr", lang, g=f"{o['cagr'] * 100:+.1f}%")
    return ""


def _base_text(o, u: DisplayUnit, lang: str) -> str:
    src = str(o["base_from"])
    if o["base_year"] is pd.NA or not _finite(o["base_value"]):
        return say("base_none", lang)
    y = int(o["base_year"])
    if src == "nowcast":
        return say("base_nowcast", lang, v=u.projected_value(o["base_value"]), y=y,
                   lo=u.projected(o["base_low"]), hi=u.projected(o["base_high"]))
    return say(f"base_{src}", lang, v=u.figure(o["base_value"], str(o["base_qualifier"])),
               y=y)


def _row(g: pd.DataFrame, opts: TargetOptions, draft, probs, several: bool,
         lang: str, dates: str = "") -> OptionRow:
    first = g.iloc[0]
    u = _unit(g, lang)
    region = region_name(str(first["region"]), lang) if several else ""
    plain = str(localised(first["name_zh"], first["name_en"], lang))
    status = str(first["status"])
    cells = []
    for _, o in g.iterrows():
        if status in ("ok", "known") and _finite(o["value"]):
            v = f"{o['value']:.1f}%" if o["rate"] else u.projected_value(o["value"])
            growth = _growth(o, lang)
            cells.append(say("option_cell", lang, v=v, g=growth) if growth else v)
        else:
            cells.append("—")
    note = ""
    if status == "no_history":
        note = say("no_history", lang)
    elif status == "known":
        note = say("known", lang, y=int(first["target_year"]), v=u.value(first["value"]))
    elif status == "not_applicable":
        note = say("not_applicable", lang)
    elif first["base_from"] == "nowcast":
        note = say("base_note_nowcast", lang, y=int(first["base_year"]),
                   v=u.projected_value(first["base_value"]),
                   lo=u.projected(first["base_low"]), hi=u.projected(first["base_high"]))
    name_ = in_region(region, plain, lang)
    chart = _chart(g, opts, draft, u, name_, lang, dates) if status == "ok" else None
    return OptionRow(str(first["key"]), name_, region, u, _base_text(first, u, lang),
                     tuple(cells), str(first["grade"]) or "—", note, chart, plain)


def _chart(g: pd.DataFrame, opts: TargetOptions, draft, u: DisplayUnit, title: str,
           lang: str, dates: str = "") -> OptionsChart | None:
    first = g.iloc[0]
    key, year = str(first["key"]), int(first["target_year"])
    p = opts.projections.get(key)
    frame = opts.series.get(key)
    if p is None or frame is None or first["rate"]:
        return None
    figs = tuple((int(r.year), u.scaled(float(r.value)), str(r.qualifier))
                 for r in frame.itertuples() if int(r.year) < year)
    last = max(y for y, _, _ in figs) if figs else year - 1
    years = tuple(range(last, year + 1))
    fan = []
    for y in years:
        if y == last:
            v = next(v for yy, v, _ in figs if yy == last)
            fan.append((v, v, v))
        else:
            lo, mid, hi = p.quantiles(list(FAN), y)
            fan.append((u.scaled(lo), u.scaled(mid), u.scaled(hi)))
    marks = tuple((say("mark", lang, name=name(str(o["option"]) or f"{o['probability']:.0%}",
                                                 lang), v=u.projected(o["value"])),
                   u.scaled(float(o["value"]))) for _, o in g.iterrows()
                  if _finite(o["value"]))
    target = None
    if draft is not None and _finite(draft.target_value) and draft.measure != "cagr":
        target = (say("draft_mark", lang, v=u.number(draft.target_value)),
                  u.scaled(draft.target_value))
    return OptionsChart(key, say("chart_title", lang, name=title, year=year), u.label, figs,
                        years, tuple(fan), marks, target, year,
                        say("chart_footer", lang, dates=dates))


def _options_table(rows: list[OptionRow], probs, several: bool, lang: str) -> Table:
    heads = [Column("indicator", say("h_indicator", lang), "name", 12)]
    if several:
        heads.append(Column("region", say("h_region", lang), "text", 5))
    heads.append(Column("base", say("h_base", lang), "text", 10))
    for p in probs:
        label = name(OPTION_NAMES.get(p, ""), lang) or f"{p:.0%}"
        heads.append(Column(f"p{round(p * 100)}", say("h_option", lang, name=label,
                                                           p=f"{p:.0%}"), "number", 10))
    heads += [Column("grade", say("h_grade", lang), "text", column_width("grade", 3, lang)),
              Column("note", say("h_note", lang), "reason", 18)]
    out = []
    for r in rows:
        cells = [Cell(r.row_name)]
        if several:
            cells.append(Cell(r.region))
        cells.append(Cell(r.base))
        cells += [Cell(c) for c in r.options]
        cells += [Cell(r.grade), Cell(r.note or "—")]
        out.append(tuple(cells))
    return Table(tuple(heads), tuple(out), (), tuple(r.key for r in rows))


def _review_table(review: DraftReview, rows: list[OptionRow], several: bool,
                  lang: str) -> Table:
    by = {r.key: r for r in rows}
    heads = [Column("indicator", say("h_indicator", lang), "name", 12)]
    if several:
        heads.append(Column("region", say("h_region", lang), "text", 5))
    heads += [Column("target", say("h_target", lang), "text", 8),
              Column("p_met", say("h_p_met", lang), "number", 5),
              Column("ambition", say("h_ambition", lang), "status", 6),
              Column("required", say("h_required", lang), "number", 6),
              Column("record", say("h_record", lang), "number", 6),
              Column("projected", say("h_projected", lang), "number", 6),
              Column("grade", say("h_grade", lang), "text", column_width("grade", 3, lang))]
    out = []
    for d in review.rows:
        r = by.get(d.key)
        cells = [Cell(r.row_name if r is not None else d.key)]
        if several:
            cells.append(Cell(r.region if r is not None else d.region))
        def fmt(x, pp=d.growth_kind == "pp"):
            return "—" if not _finite(x) else f"{x:+.2f}" if pp else f"{x * 100:+.1f}%"

        amb = name(d.ambition, lang) if d.ambition else "—"
        record = fmt(d.record_growth)
        if record != "—" and d.record_from is not None:
            record += say("years", lang, a=d.record_from, b=d.record_to)
        shown = r.unit.number(d.target_value) if r is not None and _finite(
            d.target_value) and d.measure != "cagr" else (d.target_text or "—")
        cells += [Cell(shown), Cell(T.prob(d.p_met, lang)),
                  Cell(amb, value=amb, fill=AMBITION_FILL.get(d.ambition, ""),
                       ink=AMBITION_INK.get(d.ambition, "")),
                  Cell(fmt(d.required_growth)), Cell(record),
                  Cell(fmt(d.projected_growth)), Cell(d.grade or "—")]
        out.append(tuple(cells))
    return Table(tuple(heads), tuple(out), (), tuple(d.key for d in review.rows))


def _check_line(c, review: DraftReview, rows: list[OptionRow], lang: str) -> str:
    by = {r.key: r for r in rows}
    r = by.get(c.key)
    nm = r.name if r is not None else c.key
    growth = c.code in ("slower_than_parent", "stated_growth") or (
        c.code == "parent_bar" and not _finite(c.value) and abs(c.expected) < 1)

    def show(x):
        if not _finite(x):
            return "—"
        if growth:
            return f"{x * 100:.1f}%"
        return r.unit.value(x) if r is not None else T._trim(x, 2)
    others = c.others
    if c.code == "ratio":
        names = [by[k].name if k in by else k for k in c.others.split(", ")]
        others = say("name_sep", lang).join(names)
    parent = plan_title(review.parent_plan, lang) if review.parent_plan is not None else \
        c.parent
    return say(f"check_{c.code}", lang, name=nm, v=show(c.value), x=show(c.expected),
               others=others, parent=parent)


__all__ = ["AMBITION_FILL", "AMBITION_INK", "FAN", "OptionRow", "OptionsChart", "TargetsView",
           "say", "targets_view"]
