"""Command line: ``jxdigital assess``, ``audit``, ``coverage``, ``conflicts``, ``plans``.

Heavy libraries are imported inside the subcommands so ``--help`` stays fast. The parser
(every subcommand's arguments and help) is ``jxdigital._cli_parser``; here each subcommand
is bound to the function that runs it (``build_parser``). Exit codes are listed in ``Exit``.
"""

from __future__ import annotations

import argparse
import json
import sys
from enum import IntEnum
from pathlib import Path
from typing import TYPE_CHECKING

from . import __version__
from ._cli_parser import FAIL_ON, pairs, parser, probabilities

if TYPE_CHECKING:  # types only: --help loads no pandas
    from .assessment import DraftReview, TargetOptions


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
        from .report import safe_frame

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
    from .present import (
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
    from .api import assess

    return assess(args.plan, args.actuals, as_of=args.as_of, lang=args.lang,
                  scheme=getattr(args, "scheme", "cn"), today=getattr(args, "today", None),
                  evidence=getattr(args, "evidence", "all"))


def _cmd_report(args: argparse.Namespace) -> int:
    from .report import (
        ReportFolderError,
        check_folder,
        compare_with_folder,
        report_steps,
        write_report,
    )

    try:  # before the assessment: a wrong --out is said at once
        check_folder(args.out)
    except ReportFolderError as e:
        print(f"jxdigital: error: argument --out: {e}", file=sys.stderr)
        return Exit.USAGE
    a = _assess_from(args)
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
        from .present import target_reason

        print(f"jxdigital: error: no projection for {args.indicator!r}: "
              f"{target_reason(r, args.lang)}", file=sys.stderr)
        return Exit.INVALID_INPUT
    _print_frame(p.to_frame().drop(columns=["last_year"], errors="ignore"), args.format)
    return Exit.OK


def _cmd_targets(args: argparse.Namespace) -> int:
    from .present.targets_view import targets_view

    result = _targets_result(args)
    if args.format == "csv":
        _print_frame(result.to_frame(), "csv")
        return Exit.OK
    if args.format == "json":
        sys.stdout.write(_targets_json(result) + "\n")
        return Exit.OK
    v = targets_view(result, args.lang)
    _print_targets(v)
    if args.out:
        from .report import write_targets

        written = write_targets(v, args.out, deck=not args.no_deck)
        print(f"\njxdigital: wrote {', '.join(written)} to {args.out}")
    return Exit.OK


def _targets_result(args: argparse.Namespace) -> DraftReview | TargetOptions:
    """A draft judged (against the plan it continues or its parent, or by each row's own
    target year), or the options within reach by one ``--year`` for every row."""
    from .assessment import review_draft, target_options

    probs = probabilities(args.probabilities)
    mapping = pairs(args.map)
    if args.continues or args.parent or args.year is None:
        return review_draft(args.plan, args.actuals, continues=args.continues,
                            mapping=mapping, parent=args.parent, probabilities=probs,
                            today=args.today)
    return target_options(args.plan, args.actuals, year=args.year, probabilities=probs,
                          today=args.today)


def _targets_json(result: DraftReview | TargetOptions) -> str:
    """The options (and a draft's table and checks) as JSON, a list of records each."""
    from .assessment import DraftReview

    if isinstance(result, DraftReview):
        frames = {"options": result.options.to_frame(), "draft": result.to_frame(),
                  "checks": result.checks_frame()}
    else:
        frames = {"options": result.to_frame()}
    return json.dumps({k: json.loads(f.to_json(orient="records")) for k, f in frames.items()},
                      ensure_ascii=False, indent=1)


def _print_targets(v) -> None:
    """The targets view on stdout: heading, dates, what the options mean, the options, and
    a draft's table and checks."""
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
    import warnings

    from .errors import InputError

    path = _file_to_validate(args.file)
    kind = args.kind
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            kind = _file_kind(path, kind)
            n, notes = _read_plan(path) if kind == "plan" else _read_actuals(path, args.plan)
        except InputError as e:
            print(f"{path}: {len(e.problems)} problem(s) in this {kind} file", file=sys.stderr)
            for prob in e.problems:
                print(f"- {prob}", file=sys.stderr)
            return Exit.INVALID_INPUT
    print(f"{path}: OK, a valid {kind} file with {n} "
          f"{'targets' if kind == 'plan' else 'figures'}")
    for note in _with_warnings(notes, caught):
        print(f"- note: {note}")
    return Exit.OK


def _file_to_validate(file: str) -> Path:
    """``file`` as a Path; FileNotFoundError when it is missing, or a folder (naming the
    tables in it)."""
    path = Path(file)
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
    return path


def _file_kind(path: Path, kind: str) -> str:
    """``kind``; for ``auto`` what the file's columns say (a plan has target_text and
    target_year)."""
    if kind != "auto":
        return kind
    from . import _tables
    from .catalog import HEADER_WORDS as PLAN_WORDS
    from .observations import HEADER_WORDS as ACTUALS_WORDS

    t = _tables.read_table(path, PLAN_WORDS | ACTUALS_WORDS)
    return "plan" if {"target_text", "target_year"} <= set(t.frame.columns) else "actuals"


def _read_plan(path: Path) -> tuple[int, list[str]]:
    """How many targets the plan file has, and a note on ids it shares with the shipped
    catalogue."""
    from .catalog import load_plan, shipped_ids_note

    plan = load_plan(path)
    note = shipped_ids_note(plan)
    return len(plan), [note] if note else []


def _read_actuals(path: Path, plan: str | None) -> tuple[int, list[str]]:
    """How many figures the actuals file has, and notes: the reader's own, the figures a
    report made today leaves out, the sources that disagree."""
    from .catalog import load_plan
    from .observations import load_actuals

    data = load_actuals(path, plan=load_plan(plan) if plan else None)
    return len(data), [*data.attrs.get("notes", []), *_unused_today(data),
                       *_disagreements(data)]


def _unused_today(data) -> list[str]:
    """Notes on the figures an assessment made today does not use: part-year figures
    (as_of before the year's end) and figures published after today."""
    import datetime as _dt

    from .observations import published_by

    notes = []
    part = data[data["as_of"] != ""]
    if len(part):
        notes.append(f"{len(part)} part-year figure(s) (as_of before the year's end, "
                     f"e.g. {part.iloc[0]['indicator_id']} {part.iloc[0]['as_of']}) "
                     "are kept but not used as a year's value")
    today = _dt.date.today().isoformat()
    late = data[~published_by(data["published"], today)]
    if len(late):
        r = late.iloc[0]
        notes.append(f"{len(late)} figure(s) published after today ({today}), e.g. "
                     f"{r['indicator_id']} {int(r['year'])} published "
                     f"{r['published']}: an assessment made today does not use "
                     "them (check the published column)")
    return notes


def _disagreements(data) -> list[str]:
    """A note per indicator-year whose sources disagree: each value with its source, and
    the one the selection rule uses."""
    from .observations import conflicts

    return [f"{iid} {year}: sources disagree: " + "; ".join(
                f"{v:g} ({src})" for v, src in zip(g["value"], g["source_title"], strict=True))
            + (f"; the selection rule uses {g[g['selected']]['value'].iloc[0]:g}"
               if g["selected"].any() else "; the selection rule uses none of them")
            for (iid, year), g in conflicts(data).groupby(["indicator_id", "year"], sort=True)]


def _with_warnings(notes: list[str], caught) -> list[str]:
    """The notes, then every warning said while reading that no note says already (the
    sources that disagree are notes of their own)."""
    out = list(notes)
    for w in caught:
        text = str(w.message)
        if "sources disagree" not in text and not any(text in x or x in text for x in out):
            out.append(text)
    return out


def _cmd_template(args: argparse.Namespace) -> int:
    from .catalog import load_plan
    from .report import parse_years, template_rows, template_years, write_template

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


def build_parser() -> argparse.ArgumentParser:
    """The command line's parser (``_cli_parser``), each subcommand run by its ``_cmd_``
    function here."""
    return parser({"audit": _cmd_audit, "coverage": _cmd_coverage, "conflicts": _cmd_conflicts,
                   "assess": _cmd_assess, "report": _cmd_report, "project": _cmd_project,
                   "chart": _cmd_chart, "validate": _cmd_validate, "targets": _cmd_targets,
                   "plans": _cmd_plans, "template": _cmd_template})


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
    from .report import ReportFolderError

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
