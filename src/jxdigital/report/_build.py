"""``write_report``: every output of the main job into one folder, all or nothing."""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from .._atomic import ReplaceError, replace_files
from ..assessment import Assessment
from ..charts import render_charts
from ..slides import build_deck
from ._excel import to_excel
from ._html import to_html
from ._json import to_json, write_csv
from ._markdown import to_markdown
from ._webfont import font_face_css


def _has(module: str) -> bool:
    import importlib.util

    return importlib.util.find_spec(module) is not None


def report_steps(a: Assessment, deck: bool | None = None) -> int:
    """How many progress calls ``write_report`` makes: one per chart (the targets, the
    summary, the dashboard), then Markdown, HTML, JSON + CSV, and the workbook and deck
    where their libraries are installed."""
    return (len(a) + 2 + (1 if a.finished else 0) + 3 + (1 if _has("xlsxwriter") else 0)
            + (1 if deck is not False and _has("pptx") else 0))


#: The files of a report folder that jxdigital writes, and so owns: these and every
#: ``charts/*.png``. A new report replaces them, and removes those it did not write this
#: time (``deck.pptx`` after a run without the deck, the chart of a target no longer in
#: the plan). Every other file in the folder, in ``charts/`` too, is the user's and is
#: never touched.
OWNED = ("report.md", "report.html", "assessment.xlsx", "deck.pptx", "assessment.json",
         "assessment.csv")

#: Windows will not rename a file another program holds open (a workbook open in Excel).
_WINDOWS = os.name == "nt"


class ReportFolderError(OSError):
    """The report folder cannot be written: ``--out`` names a file, or a file of the
    previous report is open in another program. The previous report is left unchanged
    (the message says so, or where its files are if even that failed); ``path`` is the
    file or folder at fault."""

    def __init__(self, message: str, path: Path):
        super().__init__(message)
        self.path = path


def check_folder(out: str | Path) -> Path:
    """``out`` as a Path, or ``ReportFolderError`` when it, or a folder it would be made
    in, is an existing file (not a folder)."""
    out = Path(out)
    for p in (out, *out.parents):
        if p.exists() and not p.is_dir():
            what = "is a file, not a folder" if p == out else \
                f"cannot be made: {str(p)!r} is a file, not a folder"
            raise ReportFolderError(f"{str(out)!r} {what}", p)
    return out


def owned_files(out: Path) -> list[str]:
    """The files (relative names) in ``out`` that a report writes: see ``OWNED``."""
    names = [n for n in OWNED if (out / n).is_file()]
    charts = out / "charts"
    if charts.is_dir():
        names += sorted(f"charts/{p.name}" for p in charts.glob("*.png") if p.is_file())
    return names


def _replace(out: Path, stage: Path) -> dict[str, Path]:
    """Move the staged report into ``out`` in place of the previous one, all or nothing."""
    new = {}
    for p in sorted(stage.rglob("*")):
        if p.is_file():
            os.chmod(p, 0o644)
            new[p.relative_to(stage).as_posix()] = p
    try:
        replace_files(out, new, owned_files(out))
    except ReplaceError as e:
        cause = e.cause
        if isinstance(cause, PermissionError) and _WINDOWS:
            why, then = "is open in another program (locked)", "; close it and run again"
        elif isinstance(cause, PermissionError):  # POSIX renames open files: not a lock
            why, then = "cannot be moved (permission denied)", ""
        else:
            why, then = f"could not be replaced ({cause.strerror or cause})", ""
        if e.restored:
            kept = f"the previous report was kept unchanged{then}"
        else:
            kept = ("the previous report could not be put back whole: the files that did "
                    f"not go back are in {str(e.backup)!r}")
        raise ReportFolderError(f"{e.path} {why}; {kept}", e.path) from cause
    return {name: out / name for name in new}


def write_report(a: Assessment, out: str | Path, lang: str | None = None, *,
                 jobs: int | None = None, deck: bool | None = None,
                 progress: Callable[[str], None] | None = None,
                 deck_font: str | None = None) -> dict[str, Path]:
    """Write the report folder: ``report.md``, ``report.html`` (charts embedded),
    ``assessment.xlsx`` (with XlsxWriter), ``deck.pptx`` (with python-pptx; ``deck=False``
    to skip; ``deck_font``: its East Asian typeface, see ``slides.build_deck``),
    ``assessment.json``, ``assessment.csv`` and ``charts/*.png``.

    The folder then holds this run's report and nothing of an earlier one: those files
    (``OWNED``, and every ``charts/*.png``) that this run did not write are removed.
    Any other file in the folder is the user's and is left alone.

    Everything is written into a temporary folder inside ``out`` first and moved into
    place only when all of it succeeded: a run that fails midway, or cannot move a file
    into place (a workbook open in Excel on Windows), leaves ``out`` exactly as it was
    and raises ``ReportFolderError`` naming the file. ``out`` must be a folder or not
    exist yet (``ReportFolderError`` when it is a file). Returns {name: path} of what
    was written.
    """
    lang = lang or a.lang
    out = check_folder(out)
    made = not out.exists()
    try:
        out.mkdir(parents=True, exist_ok=True)
        stage = Path(tempfile.mkdtemp(prefix=".jxdigital-", dir=out))
    except OSError as e:  # not allowed to write there (or a file made there meanwhile)
        if made:
            with contextlib.suppress(OSError):
                out.rmdir()
        raise ReportFolderError(f"cannot write the report folder {str(out)!r}: "
                                f"{e.strerror or e}", out) from e
    say = progress or (lambda _msg: None)
    ok = False
    try:
        # the page's font subset depends only on its text: cut it while the charts draw
        font: dict[str, str] = {}

        account = a.account() if a.finished else None

        # the page as it will be, with every chart's heading and caption (empty pictures):
        # a subset cut from the table alone misses the headings' characters
        drawn = {k: b"" for k in ["_summary", "_dashboard", *(r.indicator_id for r in a),
                                  *(["_retrospective"] if account is not None else [])]}

        def cut_font() -> None:
            font["css"] = font_face_css(to_html(a, lang, charts=drawn, font_css="",
                                                account=account))

        pngs = render_charts(a, lang, jobs=jobs, progress=lambda k: say(f"chart {k}"),
                             meanwhile=cut_font, account=account)
        if "css" not in font:
            cut_font()
        (stage / "charts").mkdir()
        for key, png in pngs.items():
            name = key.lstrip("_")
            (stage / "charts" / f"{name}.png").write_bytes(png)
        (stage / "report.md").write_text(to_markdown(a, lang, account=account),
                                         encoding="utf-8")
        say("report.md")
        (stage / "report.html").write_text(to_html(a, lang, charts=pngs, font_css=font["css"],
                                                   account=account), encoding="utf-8")
        say("report.html")
        (stage / "assessment.json").write_text(to_json(a, account=account) + "\n",
                                               encoding="utf-8")
        write_csv(a.to_frame(), stage / "assessment.csv")
        say("assessment.json, assessment.csv")
        with contextlib.suppress(ImportError):
            to_excel(a, stage / "assessment.xlsx", lang, account=account)
            say("assessment.xlsx")
        if deck is not False:
            try:
                build_deck(a, stage / "deck.pptx", lang, charts=pngs, account=account,
                           font=deck_font)
                say("deck.pptx")
            except ImportError:
                if deck:  # asked for explicitly
                    raise
        # all written: the previous report out, this one in (renames, undone on failure)
        written = _replace(out, stage)
        ok = True
    finally:
        shutil.rmtree(stage, ignore_errors=True)
        if made and not ok:  # a folder made for a report that was not written
            with contextlib.suppress(OSError):
                out.rmdir()
    return written
