"""The command line's parser: every subcommand, its arguments and their help, as tables.

The help is English and names the template by its Chinese name (填报表). Nothing of
jxdigital but its version and its errors is imported here, so ``jxdigital --help`` answers
without loading pandas; ``jxdigital.cli`` binds each subcommand to the function that runs
it. ``probabilities`` and ``pairs`` read the values argparse leaves as text (an error
names the argument, as jxdigital's own errors do).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from . import __version__
from .errors import ArgumentError

#: An argument: its flags (or name) and the keywords of ``add_argument``.
Argument = tuple[tuple[str, ...], dict[str, Any]]


def arg(*flags: str, **kw: Any) -> Argument:
    return flags, kw


#: What ``--fail-on`` exits 3 for: a target off track, or (once its year is over) missed;
#: ``at-risk`` also at risk.
FAIL_ON = {"off-track": {"off_track", "missed"}, "at-risk": {"off_track", "at_risk", "missed"},
           "changed": set()}

#: Options shared by subcommands, each declared once: a subcommand takes the groups it needs.
SHARED: dict[str, tuple[Argument, ...]] = {
    "format": (arg("--format", choices=["table", "csv", "json"], default="table",
                   help="output format (default: table)"),),
    "actuals": (arg("--actuals", help="your own actuals (.csv/.xlsx), merged over the "
                                      "shipped set; your values win"),),
    "plan": (arg("--plan", default="jiangxi-14th-fyp",
                 help="a shipped plan id or a plan .csv/.xlsx file (default: "
                      "jiangxi-14th-fyp)"),),
    "lang": (arg("--lang", choices=["zh", "en"], default="zh", help="label language"),),
    "as_of": (arg("--as-of", dest="as_of", help="judge with what was published by this year "
                                                "or date (default: everything)"),),
    "today": (arg("--today", help="the date the assessment is made, e.g. 2026-12-01 "
                                  "(default: the machine's date)"),),
    "evidence": (arg("--evidence", choices=["all", "strict"], default="all",
                     help="all: bounds, approximate and derived figures count and each "
                          "verdict shows its grade (default); strict: exact published "
                          "year-end figures only"),),
    "status": (
        arg("--scheme", choices=["cn", "eurostat", "un"], default="cn",
            help="status scheme (default: cn, by P(target met))"),
        arg("--fail-on", dest="fail_on", choices=sorted(FAIL_ON),
            help="exit 3 when any target is off track or, its year over, missed (at-risk: "
                 "also when at risk; changed, for report: when a figure or a judgement "
                 "changed since the report already in --out)")),
}
#: What an assessment is made from.
JUDGED = ("actuals", "plan", "as_of", "lang", "today", "evidence")


@dataclass(frozen=True)
class Subcommand:
    """One subcommand: its ``help`` in the list of subcommands, the ``shared`` groups it
    takes (in this order, before its ``own`` arguments)."""

    name: str
    help: str
    shared: tuple[str, ...] = ()
    own: tuple[Argument, ...] = ()


#: The subcommands, in the order ``jxdigital --help`` lists them.
SUBCOMMANDS = (
    Subcommand("audit", "check the plan's stated growth rates against base→target",
               ("format", "plan", "lang")),
    Subcommand("coverage", "which years have published figures, per plan indicator",
               ("format", "actuals", "plan")),
    Subcommand("conflicts", "indicator-years whose sources disagree by more than 1%%",
               ("format", "actuals"), (
                   arg("--plan", help="only this plan's indicators and region (a shipped "
                                      "plan id or a plan file; its indicators are known in "
                                      "--actuals)"),)),
    Subcommand("assess", "on or off track: the status of every target, with reasons",
               ("format", *JUDGED, "status")),
    Subcommand("report", "the main job: status table, and the report folder (Markdown, "
                         "HTML, Excel, deck, charts)", (*JUDGED, "status"), (
                   arg("--out", default="jxdigital-report",
                       help="folder to write (default: ./jxdigital-report)"),
                   arg("--no-deck", action="store_true", help="do not write deck.pptx"),
                   arg("--deck-font", metavar="FONT",
                       help="the deck's Chinese font: windows, office, wps (Microsoft YaHei, "
                            "the default), mac (PingFang SC), linux (Noto Sans CJK SC) or a "
                            "font name"),
                   arg("--jobs", type=int, default=None,
                       help="processes for drawing charts (default: the CPUs, at most 4)"))),
    Subcommand("project", "the projection of one indicator to its target year",
               ("format", *JUDGED), (
                   arg("indicator", help="indicator id, e.g. digital_economy_value_added"),)),
    Subcommand("chart", "draw one target's chart (or 'summary', 'dashboard', 'retrospective') "
                        "to a file", JUDGED, (
                   arg("indicator", help="indicator id, or 'summary', 'dashboard' or "
                                         "'retrospective' (each year's P(met) against the "
                                         "outcome)"),
                   arg("--out", required=True, help="file to write: .png, .svg or .pdf"),
                   arg("--style", choices=["notebook", "slide", "print"], default="slide",
                       help="size preset (default: slide, 12.3 x 5.6 in)"))),
    Subcommand("validate", "check a plan or actuals file; list every problem with its line "
                           "and column", (), (
                   arg("file", help="a .csv or .xlsx file"),
                   arg("--kind", choices=["auto", "plan", "actuals"], default="auto",
                       help="what the file is (default: guessed from its columns)"),
                   arg("--plan", help="for actuals: a plan file whose indicators they may "
                                      "use"))),
    Subcommand("targets", "the next plan: values within reach at 50/75/90 %% by each row's "
                          "target year, and a draft table judged",
               ("format", "actuals", "lang", "today"), (
                   arg("--plan", required=True, help="a draft plan file (base 2025, targets "
                                                     "2030) or a shipped plan id"),
                   arg("--year", type=int, help="one target year for every row (default: "
                                                "each row's own)"),
                   arg("--probabilities", default="50,75,90",
                       help="the probabilities of the options, in %% (default: 50,75,90)"),
                   arg("--continues", metavar="PLAN",
                       help="the finished plan the draft continues (e.g. jiangxi-14th-fyp): "
                            "its final account gives the bases the draft does not print"),
                   arg("--map", metavar="DRAFT=OLD,...",
                       help="draft key=finished plan key, where the ids differ"),
                   arg("--parent", metavar="PLAN",
                       help="the plan the draft must agree with (e.g. china-15th-fyp)"),
                   arg("--out", help="folder to write the target-options report to (Markdown, "
                                     "HTML, workbook, deck, charts)"),
                   arg("--no-deck", action="store_true", help="do not write targets.pptx"))),
    Subcommand("plans", "list the shipped plans", ("format",)),
    Subcommand("template", "write the workbook a department fills in with its figures "
                           "(填报表), to read back with --actuals", ("plan", "lang"), (
                   arg("--years", help="year columns, e.g. 2021-2025 or 2021,2023 (default: "
                                       "the year after the plan's base year to its target "
                                       "year)"),
                   arg("--out", required=True, help="the .xlsx file to write, e.g. 填报表.xlsx"),
                   arg("--force", action="store_true", help="overwrite --out if it exists"))),
)


def _parent(arguments: tuple[Argument, ...]) -> argparse.ArgumentParser:
    """A parent parser holding ``arguments``, for the subcommands that share them."""
    parent = argparse.ArgumentParser(add_help=False)
    for flags, kw in arguments:
        parent.add_argument(*flags, **kw)
    return parent


def parser(commands: Mapping[str, Callable[[argparse.Namespace], int]]
           ) -> argparse.ArgumentParser:
    """The parser of every subcommand of ``SUBCOMMANDS``, each run by ``commands[name]``
    (``args.func``)."""
    p = argparse.ArgumentParser(
        prog="jxdigital",
        description="Is Jiangxi on track for its digital-economy targets? "
                    "(江西数字经济规划目标进展)")
    p.add_argument("--version", action="version", version=f"jxdigital {__version__}")
    sub = p.add_subparsers(dest="command", required=True)
    parents = {name: _parent(arguments) for name, arguments in SHARED.items()}
    for s in SUBCOMMANDS:
        sp = sub.add_parser(s.name, parents=[parents[g] for g in s.shared], help=s.help)
        for flags, kw in s.own:
            sp.add_argument(*flags, **kw)
        sp.set_defaults(func=commands[s.name])
    return p


def probabilities(text: str) -> tuple[float, ...]:
    """``--probabilities``: "50,75,90" → (0.5, 0.75, 0.9); an error naming the argument
    otherwise."""
    try:
        out = tuple(float(x) / 100.0 for x in text.split(",") if x.strip())
    except ValueError:
        out = ()
    if not out or not all(0 < p < 1 for p in out):
        raise ArgumentError(f"argument --probabilities: expected percentages between 0 and "
                            f"100 separated by commas, e.g. 50,75,90 (got {text!r})")
    return out


def pairs(text: str | None) -> dict[str, str]:
    """``--map``: "new=old,new2=old2" → {new: old, new2: old2}; an error naming the
    argument otherwise."""
    out = {}
    for part in (text or "").split(","):
        if not part.strip():
            continue
        new, sep, old = part.partition("=")
        if not sep or not new.strip() or not old.strip():
            raise ArgumentError(f"argument --map: expected draft_key=old_key pairs separated "
                                f"by commas (got {part!r})")
        out[new.strip()] = old.strip()
    return out


__all__ = ["FAIL_ON", "JUDGED", "SHARED", "SUBCOMMANDS", "Subcommand", "arg", "pairs", "parser",
           "probabilities"]
