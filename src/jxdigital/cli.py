"""Command line: ``jxdigital assess``, ``audit``, ``coverage``, ``conflicts``, ``plans``.

Heavy libraries are imported inside the subcommands so ``--help`` stays fast.
Exit codes are listed in ``Exit``.
"""

from __future__ import annotations

import argparse
import json
import sys
from enum import IntEnum

from . import __version__


class Exit(IntEnum):
    """The command's exit codes, each its own (README, "Exit codes")."""

    OK = 0
    UNEXPECTED = 1  # a bug (with its traceback), or an optional extra not installed
    USAGE = 2  # a command line that cannot be used: argparse's own, an argument's value
    FAIL_ON = 3  # --fail-on: some target is in the named state, or something changed
    INVALID_INPUT = 4  # a file that cannot be read as asked: the message says file, line, column


def _print_frame(df, fmt: str) -> None:
    import pandas as pd

    if fmt == "csv":  # text starting = + - @ is defused, as in assessment.csv
        from .report._json import safe_frame

        safe_frame(df).to_csv(sys.stdout, index=False)
    elif fmt == "json":
        sys.stdout.write(df.to_json(orient="records", force_ascii=False, indent=1) + "\n")
    else:
        with pd.option_context("display.unicode.east_asian_width", True,
                               "display.max_rows", None, "display.max_columns", None,
                               "display.width", 250, "display.max_colwidth", 40):
            print(df.to_string(index=False))


def _cmd_audit(args: argparse.Namespace) -> int:
    from .catalog import load_plan

    plan = load_plan(args.plan)
    a = plan.audit()
    if args.format != "table":
        _print_frame(a, args.format)
        return Exit.OK
    from .present._cli_words import (
        audit_table,
        direction_conflict_sentence,
        mismatch_sentence,
        plan_title,
    )

    print(f"{plan_title(plan, args.lang)} [{plan.plan_id}]")
    _print_frame(audit_table(plan, a, args.lang), "table")
    print("\n" + mismatch_sentence(int(a["flagged"].sum()), args.lang))
    for r in a[a["direction_conflict"]].itertuples():
        print(direction_conflict_sentence(r, args.lang))
    return Exit.OK


def _load_data(args: argparse.Namespace):
    from .observations import actuals

    plan = getattr(args, "plan", None)
    return actuals(args.actuals, plan=plan) if args.actuals else actuals()


def _cmd_coverage(args: argparse.Namespace) -> int:
    from .observations import coverage

    cov = coverage(args.plan, _load_data(args))
    if args.format == "table":
        print(cov)
    else:
        _print_frame(cov.to_frame(), args.format)
    return Exit.OK


def _cmd_conflicts(args: argparse.Namespace) -> int:
    from .observations import conflicts

    found = conflicts(_load_data(args))
    if args.plan:
        from .catalog import load_plan

        plan = load_plan(args.plan)
        ids = [i.indicator_id for i in plan.indicators]
        found = found[found["indicator_id"].isin(ids) & found["region"].isin(plan.regions)]
    if args.format == "table" and found.empty:
        print("jxdigital: no indicator-year whose sources disagree by more than 1%")
        return Exit.OK
    _print_frame(found, args.format)
    return Exit.OK


def assessment_json(a) -> str:
    """The stable JSON document (see ``jxdigital.report.to_json``)."""
    from .report import to_json

    return to_json(a)


#: What ``--fail-on`` exits 3 for: a target off track, or (once its year is over) missed;
#: ``at-risk`` also at risk.
FAIL_ON = {"off-track": {"off_track", "missed"}, "at-risk": {"off_track", "at_risk", "missed"},
           "changed": set()}


def _cmd_assess(args: argparse.Namespace) -> int:
    a = _assess_from(args)
    if args.format == "json":
        sys.stdout.write(assessment_json(a) + "\n")
    elif args.format == "csv":
        _print_frame(a.to_frame(), "csv")
    return _print_assessment(a, args, table=args.format == "table")


def _print_assessment(a, args: argparse.Namespace, table: bool = True) -> int:
    """The view's title, dates, count sentence, status table and reasons on stdout (the
    same words as every report); exit 3 for --fail-on hits."""
    f = a.to_frame()
    if table:
        from .present.view import view

        v = view(a, args.lang)
        print(f"{v.title} [{v.plan_id}]")
        print(v.dates)
        print(v.counts)
        if v.changes is not None:
            head, lines = v.changes
            print(f"\n{head}")
            for line in lines:
                print(f"- {line}")
        print()
        shown = v.table.select(*(c.key for c in v.table.columns if c.kind != "reason"))
        _print_frame(shown.to_frame(), "table")
        print()
        for t in v.targets:
            print(f"- {t.name}{v.say('colon')}{t.reason}")
    fail_on = getattr(args, "fail_on", None)
    if fail_on == "changed":
        if a.changes is not None and a.changes.any:
            print(f"jxdigital: changed since the last report ({a.changes.since}): "
                  f"{len(a.changes.figures)} figure(s), {len(a.changes.targets)} target(s)",
                  file=sys.stderr)
            return Exit.FAIL_ON
        return Exit.OK
    if fail_on and set(f["status_cn"]) & FAIL_ON[fail_on]:
        hits = f[f["status_cn"].isin(FAIL_ON[fail_on])]
        for code, g in hits.groupby("status_cn", sort=False):
            state = "missed" if code == "missed" else fail_on if code != "at_risk" else \
                "at-risk"
            print(f"jxdigital: {len(g)} target(s) {state}: {', '.join(g['indicator_id'])}",
                  file=sys.stderr)
        return Exit.FAIL_ON
    return Exit.OK


class _Progress:
    """Progress lines on a terminal (stderr); silent when not a TTY (cron, CI, pipes)."""

    def __init__(self, total: int, enabled: bool | None = None):
        self.total, self.done = total, 0
        self.on = sys.stderr.isatty() if enabled is None else enabled

    def __call__(self, what: str) -> None:
        self.done += 1
        if self.on:
            end = "\n" if self.done >= self.total else ""
            sys.stderr.write(f"\r\033[K[{self.done}/{self.total}] {what}{end}")
            sys.stderr.flush()

    def close(self) -> None:
        if self.on and self.done < self.total:
            sys.stderr.write("\n")


def _assess_from(args: argparse.Namespace):
    from .present import assess

    return assess(args.plan, args.actuals, as_of=args.as_of, lang=args.lang,
                  scheme=getattr(args, "scheme", "cn"), today=getattr(args, "today", None),
                  evidence=getattr(args, "evidence", "all"))


def _cmd_report(args: argparse.Namespace) -> int:
    from .report import report_steps, write_report
    from .report._build import ReportFolderError, check_folder

    try:  # before the assessment: a wrong --out is said at once
        check_folder(args.out)
    except ReportFolderError as e:
        print(f"jxdigital: error: argument --out: {e}", file=sys.stderr)
        return Exit.USAGE
    a = _assess_from(args)
    from .report._build import compare_with_folder

    compare_with_folder(a, args.out)  # before anything is printed: the changes come first
    code = _print_assessment(a, args)
    deck = False if args.no_deck else None
    progress = _Progress(report_steps(a, deck, args.lang))
    failed = None
    try:
        written = write_report(a, args.out, args.lang, jobs=args.jobs, deck=deck,
                               deck_font=args.deck_font,
                               progress=progress)
    except ReportFolderError as e:  # a file of the last report locked: nothing changed
        failed = e
    finally:
        progress.close()
    if failed is not None:  # the --out folder could not take the report
        print(f"jxdigital: error: {failed}", file=sys.stderr)
        return Exit.USAGE
    charts = sum(1 for k in written if k.startswith("charts"))
    others = sorted(k for k in written if not k.startswith("charts"))
    print(f"\njxdigital: wrote {', '.join(others)} and {charts} charts to {args.out}")
    return code


def _cmd_project(args: argparse.Namespace) -> int:
    a = _assess_from(args)
    r = a[args.indicator]  # a key (id@region), or an id the plan lists once
    p = a.projections.get(r.key)
    if p is None:
        from .present._cli_words import target_reason

        print(f"jxdigital: error: no projection for {args.indicator!r}: "
              f"{target_reason(r, args.lang)}", file=sys.stderr)
        return Exit.INVALID_INPUT
    _print_frame(p.to_frame().drop(columns=["last_year"], errors="ignore"), args.format)
    return Exit.OK


def _probabilities(text: str) -> tuple[float, ...]:
    """"50,75,90" → (0.5, 0.75, 0.9); an error naming the argument otherwise."""
    from .errors import ArgumentError

    try:
        out = tuple(float(x) / 100.0 for x in text.split(",") if x.strip())
    except ValueError:
        out = ()
    if not out or not all(0 < p < 1 for p in out):
        raise ArgumentError(f"argument --probabilities: expected percentages between 0 and "
                            f"100 separated by commas, e.g. 50,75,90 (got {text!r})")
    return out


def _mapping(text: str | None) -> dict[str, str]:
    from .errors import ArgumentError

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


def _cmd_targets(args: argparse.Namespace) -> int:
    from .assessment import DraftReview, TargetOptions, review_draft, target_options
    from .present.targets_view import targets_view

    probs = _probabilities(args.probabilities)
    mapping = _mapping(args.map)
    result: DraftReview | TargetOptions
    if args.continues or args.parent or args.year is None:
        result = review_draft(args.plan, args.actuals, continues=args.continues,
                              mapping=mapping, parent=args.parent, probabilities=probs,
                              today=args.today)
    else:
        result = target_options(args.plan, args.actuals, year=args.year,
                                probabilities=probs, today=args.today)
    if args.format == "csv":
        _print_frame(result.to_frame(), "csv")
        return Exit.OK
    if args.format == "json":
        if isinstance(result, DraftReview):
            frames = {"options": result.options.to_frame(), "draft": result.to_frame(),
                      "checks": result.checks_frame()}
        else:
            frames = {"options": result.to_frame()}
        sys.stdout.write(json.dumps({k: json.loads(f.to_json(orient="records"))
                                     for k, f in frames.items()}, ensure_ascii=False,
                                    indent=1) + "\n")
        return Exit.OK
    v = targets_view(result, args.lang)
    print(v.heading)
    print(v.dates)
    for line in v.intro:
        print(line)
    print()
    _print_frame(v.options.to_frame(), "table")
    if v.review is not None:
        print()
        _print_frame(v.review.to_frame(), "table")
        for c in v.checks:
            print(f"- {c}")
    if args.out:
        from .report._targets import write_targets

        written = write_targets(v, args.out, deck=not args.no_deck)
        print(f"\njxdigital: wrote {', '.join(written)} to {args.out}")
    return Exit.OK


def _cmd_chart(args: argparse.Namespace) -> int:
    from . import charts

    a = _assess_from(args)
    if args.indicator == "summary":
        fig = charts.plot_status_summary(a, lang=args.lang, style=args.style)
    elif args.indicator == "dashboard":
        fig = charts.plot_dashboard(a, lang=args.lang, style=args.style)
    elif args.indicator == "retrospective":
        fig = charts.plot_retrospective(a.account(), lang=args.lang, style=args.style)
    else:
        fig = charts.plot_indicator(a, args.indicator, lang=args.lang, style=args.style)
    path = charts.save(fig, args.out)
    print(f"jxdigital: wrote {path}")
    return Exit.OK


def _cmd_validate(args: argparse.Namespace) -> int:
    """Every problem the assessment would otherwise hide: unreadable rows (errors), and what
    was read in a way worth knowing (notes): the encoding, a title row, the sheet, bounds,
    part-year figures, sources that disagree, ids shared with the shipped catalogue."""
    import datetime as _dt
    import warnings
    from pathlib import Path

    from . import _tables
    from .catalog import HEADER_WORDS as PLAN_WORDS
    from .catalog import load_plan, shipped_ids_note
    from .errors import InputError
    from .observations import HEADER_WORDS as ACTUALS_WORDS
    from .observations import conflicts, load_actuals, published_by

    path = Path(args.file)
    if path.is_dir():
        tables = sorted(p.name for p in path.iterdir()
                        if p.suffix.lower() in (".csv", ".xlsx", ".xlsm"))[:5]
        raise FileNotFoundError(
            f"argument FILE: {str(path)!r} is a folder; give one .csv or .xlsx file in it"
            + (f", e.g. jxdigital validate {path / tables[0]}"
               f" (it holds {', '.join(tables)})" if tables else
               " (it holds no .csv or .xlsx file)"))
    if not path.is_file():
        raise FileNotFoundError(f"argument FILE: no such file {str(path)!r}")
    kind = args.kind
    notes: list[str] = []
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            if kind == "auto":
                t = _tables.read_table(path, PLAN_WORDS | ACTUALS_WORDS)
                kind = "plan" if {"target_text", "target_year"} <= set(t.frame.columns) \
                    else "actuals"
            if kind == "plan":
                plan = load_plan(path)
                n = len(plan)
                note = shipped_ids_note(plan)
                if note:
                    notes.append(note)
            else:
                data = load_actuals(path, plan=load_plan(args.plan) if args.plan else None)
                n = len(data)
                notes += data.attrs.get("notes", [])
                part = data[data["as_of"] != ""]
                if len(part):
                    notes.append(f"{len(part)} part-year figure(s) (as_of before the year's end, "
                                 f"e.g. {part.iloc[0]['indicator_id']} {part.iloc[0]['as_of']}) "
                                 "are kept but not used as a year's value")
                today = _dt.date.today().isoformat()
                late = data[~published_by(data["published"], today)]
                if len(late):  # a report made today will not use them
                    r = late.iloc[0]
                    notes.append(f"{len(late)} figure(s) published after today ({today}), e.g. "
                                 f"{r['indicator_id']} {int(r['year'])} published "
                                 f"{r['published']}: an assessment made today does not use "
                                 "them (check the published column)")
                clash = conflicts(data)
                for (iid, year), g in clash.groupby(["indicator_id", "year"], sort=True):
                    notes.append(f"{iid} {year}: sources disagree: " + "; ".join(
                        f"{v:g} ({src})" for v, src in zip(g["value"], g["source_title"],
                                                           strict=True))
                        + f"; the selection rule uses {g[g['selected']]['value'].iloc[0]:g}"
                        if g["selected"].any() else "")
        except InputError as e:
            print(f"{path}: {len(e.problems)} problem(s) in this {kind} file", file=sys.stderr)
            for prob in e.problems:
                print(f"- {prob}", file=sys.stderr)
            return Exit.INVALID_INPUT
    seen = set(notes)
    for w in caught:
        text = str(w.message)
        if "sources disagree" in text:  # listed per indicator-year above
            continue
        if not any(text in x or x in text for x in seen):
            notes.append(text)
            seen.add(text)
    print(f"{path}: OK, a valid {kind} file with {n} "
          f"{'targets' if kind == 'plan' else 'figures'}")
    for note in notes:
        print(f"- note: {note}")
    return Exit.OK


def _cmd_template(args: argparse.Namespace) -> int:
    from pathlib import Path

    from .catalog import load_plan
    from .report._fill import parse_years, template_rows, template_years, write_template

    years = None
    if args.years:
        try:
            years = parse_years(args.years)
        except ValueError as e:
            print(f"jxdigital: error: argument --years: expected {e}", file=sys.stderr)
            return Exit.USAGE
    out = Path(args.out)
    if out.suffix.lower() != ".xlsx":
        print(f"jxdigital: error: argument --out: a file name ending in .xlsx (got {args.out!r})",
              file=sys.stderr)
        return Exit.USAGE
    if out.exists() and not args.force:
        print(f"jxdigital: error: argument --out: {args.out!r} exists; pass --force to "
              "overwrite it", file=sys.stderr)
        return Exit.USAGE
    plan = load_plan(args.plan)
    base, shown = template_years(plan, years)
    rows = template_rows(plan, shown, args.lang, base)
    path = write_template(out, plan, years=years, lang=args.lang, overwrite=args.force,
                          rows=rows)
    filled = sum(len(r.cells) for r in rows)
    span = f"{shown[0]}-{shown[-1]}" if len(shown) > 1 else str(shown[0])
    print(f"jxdigital: wrote {path}: {len(rows)} indicator(s) of {plan.plan_id}, years {span}, "
          f"{filled} figure(s) jxdigital already has or uses (grey)\n"
          f"jxdigital: once filled in: jxdigital report --plan {args.plan} --actuals {path}")
    return Exit.OK


def _cmd_plans(args: argparse.Namespace) -> int:
    from .catalog import plans

    _print_frame(plans(), args.format)
    return Exit.OK


def _options(*declare) -> argparse.ArgumentParser:
    """A parent parser of options shared by subcommands: ``declare`` are ``(flags, kwargs)``."""
    parent = argparse.ArgumentParser(add_help=False)
    for flags, kw in declare:
        parent.add_argument(*flags, **kw)
    return parent


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="jxdigital",
        description="Is Jiangxi on track for its digital-economy targets? "
                    "(江西数字经济规划目标进展)")
    p.add_argument("--version", action="version", version=f"jxdigital {__version__}")
    sub = p.add_subparsers(dest="command", required=True)

    # every shared option is declared once, here; a subcommand takes the groups it needs
    fmt = _options((["--format"], dict(choices=["table", "csv", "json"], default="table",
                                       help="output format (default: table)")))
    data = _options((["--actuals"], dict(help="your own actuals (.csv/.xlsx), merged over the "
                                              "shipped set; your values win")))
    plan = _options((["--plan"], dict(default="jiangxi-14th-fyp",
                                      help="a shipped plan id or a plan .csv/.xlsx file "
                                           "(default: jiangxi-14th-fyp)")))
    lang = _options((["--lang"], dict(choices=["zh", "en"], default="zh",
                                      help="label language")))
    as_of = _options((["--as-of"], dict(dest="as_of", help="judge with what was published by "
                                                           "this year or date (default: "
                                                           "everything)")))
    today = _options((["--today"], dict(help="the date the assessment is made, e.g. "
                                             "2026-12-01 (default: the machine's date)")))
    evidence = _options((["--evidence"], dict(
        choices=["all", "strict"], default="all",
        help="all: bounds, approximate and derived figures count and each verdict shows its "
             "grade (default); strict: exact published year-end figures only")))
    judged = [data, plan, as_of, lang, today, evidence]  # what an assessment is made from
    status = _options(
        (["--scheme"], dict(choices=["cn", "eurostat", "un"], default="cn",
                            help="status scheme (default: cn, by P(target met))")),
        (["--fail-on"], dict(dest="fail_on", choices=sorted(FAIL_ON),
                             help="exit 3 when any target is off track or, its year over, "
                                  "missed (at-risk: also when at risk; changed, for report: "
                                  "when a figure or a judgement changed since the report "
                                  "already in --out)")))

    a = sub.add_parser("audit", parents=[fmt, plan, lang],
                       help="check the plan's stated growth rates against base→target")
    a.set_defaults(func=_cmd_audit)

    c = sub.add_parser("coverage", parents=[fmt, data, plan],
                       help="which years have published figures, per plan indicator")
    c.set_defaults(func=_cmd_coverage)
    k = sub.add_parser("conflicts", parents=[fmt, data],
                       help="indicator-years whose sources disagree by more than 1%%")
    k.add_argument("--plan", help="only this plan's indicators and region (a shipped plan id or "
                                  "a plan file; its indicators are known in --actuals)")
    k.set_defaults(func=_cmd_conflicts)

    a = sub.add_parser("assess", parents=[fmt, *judged, status],
                       help="on or off track: the status of every target, with reasons")
    a.set_defaults(func=_cmd_assess)

    r = sub.add_parser("report", parents=[*judged, status],
                       help="the main job: status table, and the report folder (Markdown, "
                            "HTML, Excel, deck, charts)")
    r.add_argument("--out", default="jxdigital-report",
                   help="folder to write (default: ./jxdigital-report)")
    r.add_argument("--no-deck", action="store_true", help="do not write deck.pptx")
    r.add_argument("--deck-font", metavar="FONT",
                   help="the deck's Chinese font: windows, office, wps (Microsoft YaHei, the "
                        "default), mac (PingFang SC), linux (Noto Sans CJK SC) or a font name")
    r.add_argument("--jobs", type=int, default=None,
                   help="processes for drawing charts (default: the CPUs, at most 4)")
    r.set_defaults(func=_cmd_report)

    pj = sub.add_parser("project", parents=[fmt, *judged],
                        help="the projection of one indicator to its target year")
    pj.add_argument("indicator", help="indicator id, e.g. digital_economy_value_added")
    pj.set_defaults(func=_cmd_project)

    ch = sub.add_parser("chart", parents=judged,
                        help="draw one target's chart (or 'summary', 'dashboard', "
                            "'retrospective') to a file")
    ch.add_argument("indicator", help="indicator id, or 'summary', 'dashboard' or "
                                      "'retrospective' (each year's P(met) against the outcome)")
    ch.add_argument("--out", required=True, help="file to write: .png, .svg or .pdf")
    ch.add_argument("--style", choices=["notebook", "slide", "print"], default="slide",
                    help="size preset (default: slide, 12.3 x 5.6 in)")
    ch.set_defaults(func=_cmd_chart)

    v = sub.add_parser("validate", help="check a plan or actuals file; list every problem "
                                        "with its line and column")
    v.add_argument("file", help="a .csv or .xlsx file")
    v.add_argument("--kind", choices=["auto", "plan", "actuals"], default="auto",
                   help="what the file is (default: guessed from its columns)")
    v.add_argument("--plan", help="for actuals: a plan file whose indicators they may use")
    v.set_defaults(func=_cmd_validate)

    tg = sub.add_parser("targets", parents=[fmt, data, lang, today],
                        help="the next plan: values within reach at 50/75/90 %% by each "
                             "row's target year, and a draft table judged")
    tg.add_argument("--plan", required=True,
                    help="a draft plan file (base 2025, targets 2030) or a shipped plan id")
    tg.add_argument("--year", type=int, help="one target year for every row (default: each "
                                             "row's own)")
    tg.add_argument("--probabilities", default="50,75,90",
                    help="the probabilities of the options, in %% (default: 50,75,90)")
    tg.add_argument("--continues", metavar="PLAN",
                    help="the finished plan the draft continues (e.g. jiangxi-14th-fyp): its "
                         "final account gives the bases the draft does not print")
    tg.add_argument("--map", metavar="DRAFT=OLD,...",
                    help="draft key=finished plan key, where the ids differ")
    tg.add_argument("--parent", metavar="PLAN",
                    help="the plan the draft must agree with (e.g. china-15th-fyp)")
    tg.add_argument("--out", help="folder to write the target-options report to (Markdown, "
                                  "HTML, workbook, deck, charts)")
    tg.add_argument("--no-deck", action="store_true", help="do not write targets.pptx")
    tg.set_defaults(func=_cmd_targets)

    s = sub.add_parser("plans", parents=[fmt], help="list the shipped plans")
    s.set_defaults(func=_cmd_plans)

    t = sub.add_parser("template", parents=[plan, lang],
                       help="write the workbook a department fills in with its figures "
                            "(填报表), to read back with --actuals")
    t.add_argument("--years", help="year columns, e.g. 2021-2025 or 2021,2023 (default: the "
                                   "year after the plan's base year to its target year)")
    t.add_argument("--out", required=True, help="the .xlsx file to write, e.g. 填报表.xlsx")
    t.add_argument("--force", action="store_true", help="overwrite --out if it exists")
    t.set_defaults(func=_cmd_template)
    return p


def _show_warning(message, category, filename, lineno, file=None, line=None) -> None:
    """Warnings on the command line as one line each, without Python's file and line."""
    print(f"jxdigital: warning: {message}", file=sys.stderr)


#: Messages of the errors other modules raise on purpose for a bad argument, as plain
#: ``KeyError`` / ``ValueError`` (until they raise a jxdigital error class): an argument's
#: value (``argument 'as_of': expected ...``), an unknown plan id or target.
#: A path given that cannot be used as asked: the message names it.
_PATH_ERRORS = (FileNotFoundError, FileExistsError, PermissionError, IsADirectoryError,
                NotADirectoryError)
BUG_HINT = "this is a bug in jxdigital; please report it"


def _exit_for(e: Exception) -> Exit | None:
    """The exit code of an error jxdigital raises on purpose (``JxDigitalError``), or of a
    path that cannot be used: a bad argument or an unknown id is ``USAGE``, a file that
    cannot be read ``INVALID_INPUT``; None for anything else (a bug)."""
    from .errors import ArgumentError, JxDigitalError, NotFoundError
    from .report._build import ReportFolderError

    if isinstance(e, (ArgumentError, NotFoundError, ReportFolderError)):
        return Exit.USAGE
    if isinstance(e, (JxDigitalError, *_PATH_ERRORS)):
        return Exit.INVALID_INPUT
    return None


def _tolerant_streams() -> None:
    """A terminal that cannot print Chinese (PYTHONIOENCODING=ascii, an old Windows console)
    gets the characters it cannot show escaped (\\u4e2d), not a traceback; files are
    written as UTF-8 whatever the terminal."""
    import contextlib
    import io
    from typing import cast

    for stream in (sys.stdout, sys.stderr):
        try:
            chr(0x4E2D).encode(stream.encoding or "ascii")  # can it print a Chinese character?
        except (UnicodeEncodeError, LookupError):
            # not a text stream we can change: leave it (typed TextIO: a console's stream is
            # a TextIOWrapper, another raises AttributeError)
            with contextlib.suppress(AttributeError, ValueError):
                cast(io.TextIOWrapper, stream).reconfigure(errors="backslashreplace")


def main(argv: list[str] | None = None) -> int:
    _tolerant_streams()
    args = build_parser().parse_args(argv)
    import warnings

    # while the command runs every warning is a line on stderr, shown once; the caller's
    # filters and hook come back afterwards (a test or a notebook calling main())
    with warnings.catch_warnings():
        warnings.simplefilter("default")
        warnings.showwarning = _show_warning
        try:
            return int(args.func(args))
        except BrokenPipeError:  # output piped into head: not an error
            sys.stderr.close()
            return Exit.OK
        except Exception as e:
            return _failed(e)


def _failed(e: Exception) -> Exit:
    """Say what went wrong: a bad argument (exit 2) or a file that cannot be read (exit 4)
    in one line, a missing optional extra in one line (exit 1), anything else as the bug
    it is, with its traceback (exit 1)."""
    if isinstance(e, ImportError) and "pip install" in str(e):
        print(f"jxdigital: error: {e}", file=sys.stderr)
        return Exit.UNEXPECTED
    code = _exit_for(e)
    if code is None:
        import traceback

        traceback.print_exception(type(e), e, e.__traceback__)
        print(f"jxdigital {__version__}: {BUG_HINT}", file=sys.stderr)
        return Exit.UNEXPECTED
    print(f"jxdigital: error: {e}", file=sys.stderr)
    return code


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
