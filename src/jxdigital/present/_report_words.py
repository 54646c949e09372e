"""The words of the reports (``jxdigital.report``: Markdown, the HTML page, the workbook),
in Chinese and English: titles and section headings, the page's labels, the workbook's
sheet names, and the rules every report prints.

One place per phrase (``words/report.csv``): the view (``present.view``) looks a phrase up
by its key and language (``report_words("heading_rules", "zh")`` → 判定规则); the reports
only lay out the view.
"""

from __future__ import annotations

from .. import assessment as R
from ._names import plan_title, titled
from .words import by_key, words_for

__all__ = ["REPORT", "SHEETS", "report_title", "report_words", "rule_lines", "sheet_name"]

#: Titles, headings, labels and short sentences (``words/report.csv``): ``REPORT[key][lang]``,
#: a template where it has fields (``report_words`` fills them).
REPORT = by_key("report")
#: The workbook's sheets, in order: ``SHEETS[key][lang]`` is the sheet's name (the
#: retrospective only where an outcome is known).
SHEETS = by_key("report.sheet")
#: The rules every report states, by key: the verdicts (once the target year is over, and
#: while it is ahead), then how bounds, bands, projections, grades and order are read.
RULES = by_key("report.rule")


def report_words(key: str, lang: str, **fields) -> str:
    """The phrase ``key`` of ``REPORT`` in ``lang``, its ``{fields}`` filled in."""
    return words_for(lang).say(f"report.{key}", **fields)


def sheet_name(key: str, lang: str) -> str:
    """The name of the workbook's sheet ``key`` (``SHEETS``): 概览 / summary."""
    return words_for(lang).say(f"report.sheet.{key}")


def report_title(a, lang: str, title: str | None = None) -> str:
    """The report's title: ``《…》：目标完成情况评估`` for a finished plan, else
    ``…：目标实现情况评估``, one colon at most (``titled``). ``title``: the plan's title as
    the report shows it, by default ``plan_title``."""
    title = plan_title(a.plan, lang) if title is None else title
    return titled(title, report_words("what_final" if a.finished else "what_progress", lang),
                  lang)


def rule_lines(lang: str, finished: bool = True, running: bool = True) -> list[str]:
    """How the verdict is decided, one sentence a rule (a report lists them): the rule for
    targets whose year is over (``finished``) and for those still running (``running``)
    where the plan has them, then the rest."""
    fields = {"on": f"{R.P_ON_TRACK:.0%}", "off": f"{R.P_OFF_TRACK:.0%}",
              "n": R.MIN_OBSERVATIONS}
    keys = [k for k, on in (("final", finished), ("running", running)) if on]
    keys += ["bounds", "bands", "projections", "grades", "order"]
    w = words_for(lang)
    return [w.say(f"report.rule.{k}", **fields) for k in keys]
