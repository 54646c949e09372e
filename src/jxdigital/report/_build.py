"""``write_report``: every output of the main job into one folder, all or nothing.

The outputs come from a registry (``RENDERERS``): each names its files, the optional extra
it needs (and the module that extra installs) and its write function, which lays out the
view (``present.view``) it is given. The report folder, the progress steps and the "install
the extra" messages follow from it: an output whose extra is missing is said (a warning
naming the extra), never silently dropped; an ImportError inside a renderer is raised.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import shutil
import tempfile
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .. import __version__
from .._atomic import ReplaceError, replace_files
from ..assessment import changes_since, read_prior
from ..charts import chart_jobs, job_keys, render_charts
from ..errors import JxDigitalError
from ..present.view import ReportView, view
from ..slides import build_deck
from ._excel import to_excel
from ._html import to_html
from ._json import to_json, write_csv
from ._markdown import to_markdown

log = logging.getLogger("jxdigital.report")

@dataclass(frozen=True)
class Renderer:
    """One output of the report folder: its ``files``, the ``extra`` that installs the
    module it ``needs`` (none for the core outputs), and ``write(view, folder, context)``
    (``context``: the charts' PNG bytes, the page's font, the deck's font)."""

    name: str
    files: tuple[str, ...]
    write: Callable[[ReportView, Path, dict], None]
    extra: str = ""
    needs: str = ""
    #: it embeds the charts (written once they are drawn; the others while they draw)
    charts: bool = False

    def available(self) -> bool:
        import importlib.util

        return not self.needs or importlib.util.find_spec(self.needs) is not None

    @property
    def install(self) -> str:
        """What to say when the extra is missing."""
        return (f"no {', '.join(self.files)}: it needs the [{self.extra}] extra "
                f"(pip install 'jxdigital[{self.extra}]')")


def _markdown(v: ReportView, out: Path, ctx: dict) -> None:
    (out / "report.md").write_text(to_markdown(v), encoding="utf-8")


def _html(v: ReportView, out: Path, ctx: dict) -> None:
    (out / "report.html").write_text(to_html(v, charts=ctx["charts"], font_css=ctx["font"]),
                                     encoding="utf-8")


def _json(v: ReportView, out: Path, ctx: dict) -> None:
    (out / "assessment.json").write_text(to_json(v.assessment) + "\n", encoding="utf-8")
    write_csv(v.assessment.to_frame(), out / "assessment.csv")


def _workbook(v: ReportView, out: Path, ctx: dict) -> None:
    to_excel(v, out / "assessment.xlsx")


def _deck(v: ReportView, out: Path, ctx: dict) -> None:
    build_deck(v, out / "deck.pptx", charts=ctx["charts"], font=ctx.get("deck_font"))


#: The outputs of the report folder, in the order they are written.
RENDERERS: tuple[Renderer, ...] = (
    Renderer("markdown", ("report.md",), _markdown),
    Renderer("html", ("report.html",), _html, charts=True),
    Renderer("json", ("assessment.json", "assessment.csv"), _json),
    Renderer("workbook", ("assessment.xlsx",), _workbook, extra="excel", needs="xlsxwriter"),
    Renderer("deck", ("deck.pptx",), _deck, extra="slides", needs="pptx", charts=True),
)


def _chosen(deck: bool | None) -> list[Renderer]:
    """The renderers this run writes: every one whose extra is installed (the deck unless
    ``deck`` is False; ``deck=True`` without python-pptx is an error)."""
    out = []
    for r in RENDERERS:
        if r.name == "deck" and deck is False:
            continue
        if r.available():
            out.append(r)
        elif r.name == "deck" and deck:
            raise ImportError(f"the deck needs python-pptx: pip install 'jxdigital[{r.extra}]'")
    return out


def missing_outputs(deck: bool | None = None) -> list[str]:
    """What a report would leave out for a missing extra, each in one sentence."""
    return [r.install for r in RENDERERS
            if not r.available() and not (r.name == "deck" and deck is False)]


def report_steps(a, deck: bool | None = None, lang: str | None = None) -> int:
    """How many progress calls ``write_report`` makes: one per chart, then one per output
    it writes."""
    v = view(a, lang)
    return sum(len(job_keys(j)) for j in chart_jobs(v)) + len(_chosen(deck))


#: The files of a report folder that jxdigital writes, and so owns: these and every
#: ``charts/*.png``. A new report replaces them, and removes those it did not write this
#: time (``deck.pptx`` after a run without the deck, the chart of a target no longer in
#: the plan). Every other file in the folder, in ``charts/`` too, is the user's and is
#: never touched.
OWNED = ("report.md", "report.html", "assessment.xlsx", "deck.pptx", "assessment.json",
         "assessment.csv")

#: Windows will not rename a file another program holds open (a workbook open in Excel).
_WINDOWS = os.name == "nt"


class ReportFolderError(JxDigitalError, OSError):
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


def compare_with_folder(a, out: str | Path) -> None:
    """Set ``a.changes``: what changed since the report already in folder ``out`` (its
    ``assessment.json``), where there is one of the same plan; left as it is otherwise."""
    path = Path(out) / "assessment.json"
    if a.changes is not None or not path.is_file():
        return
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        warnings.warn(f"{path}: not an earlier report's JSON; nothing compared with it",
                      stacklevel=3)
        return
    prior = read_prior(doc)
    if prior is None or prior.plan != a.plan.plan_id:
        return
    a.changes = changes_since(prior, a, __version__)


def write_report(a, out: str | Path, lang: str | None = None, *,
                 jobs: int | None = None, deck: bool | None = None,
                 progress: Callable[[str], None] | None = None,
                 deck_font: str | None = None) -> dict[str, Path]:
    """Write the report folder from the view of ``a`` (an Assessment or its view): every
    output of ``RENDERERS`` whose extra is installed (``report.md``, ``report.html`` with
    the detailed charts embedded, ``assessment.json`` and ``.csv``, ``assessment.xlsx``,
    ``deck.pptx``; ``deck=False`` to skip the deck; ``deck_font``: its East Asian
    typeface) and ``charts/*.png`` (each target's slide chart, the summary and dashboard
    pages, the retrospective). An output whose extra is missing is said in a warning.

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
    if not isinstance(a, ReportView):  # a monthly job: what moved since last time, first
        compare_with_folder(a, out)
    v = view(a, lang)
    chosen = _chosen(deck)
    for message in missing_outputs(deck):
        warnings.warn(message, stacklevel=2)
    out = check_folder(out)
    made = not out.exists()
    stage = _stage(out, made)
    ok = False
    try:
        _write_outputs(v, chosen, stage, jobs, deck_font, progress or (lambda _msg: None))
        # all written: the previous report out, this one in (renames, undone on failure)
        written = _replace(out, stage)
        ok = True
        log.info("wrote %d file(s) to %s%s", len(written), out,
                 " (changes since the last report)" if getattr(v.assessment, "changes", None)
                 else "")
    finally:
        shutil.rmtree(stage, ignore_errors=True)
        if made and not ok:  # a folder made for a report that was not written
            with contextlib.suppress(OSError):
                out.rmdir()
    return written


def _stage(out: Path, made: bool) -> Path:
    """A temporary folder inside ``out`` (``made``: ``out`` is made here) that the report
    is written into; ``ReportFolderError`` when it cannot be made."""
    try:
        out.mkdir(parents=True, exist_ok=True)
        return Path(tempfile.mkdtemp(prefix=".jxdigital-", dir=out))
    except OSError as e:  # not allowed to write there (or a file made there meanwhile)
        if made:
            with contextlib.suppress(OSError):
                out.rmdir()
        raise ReportFolderError(f"cannot write the report folder {str(out)!r}: "
                                f"{e.strerror or e}", out) from e


def _write_outputs(v: ReportView, chosen: list[Renderer], stage: Path, jobs: int | None,
                   deck_font: str | None, say: Callable[[str], None]) -> None:
    """The charts and every chosen output into ``stage``: the outputs without charts while
    the charts are drawn, then the charts' files and the outputs that embed them."""
    ctx: dict = {"deck_font": deck_font, "font": None}  # the page cuts its own font
    done: set[str] = set()

    def without_charts() -> None:  # written here while the workers draw
        for r in chosen:
            if not r.charts and r.name not in done:
                r.write(v, stage, ctx)
                done.add(r.name)
                say(", ".join(r.files))

    pngs = render_charts(v, jobs=jobs, progress=lambda k: say(f"chart {k}"),
                         meanwhile=without_charts)
    without_charts()  # (a renderer of charts that ran nothing meanwhile)
    ctx["charts"] = pngs
    (stage / "charts").mkdir()
    for key, png in pngs.items():
        if key.startswith("detail/"):  # embedded in the page, not a file of its own
            continue
        (stage / "charts" / f"{key.lstrip('_')}.png").write_bytes(png)
    for r in chosen:
        if r.charts:
            r.write(v, stage, ctx)
            say(", ".join(r.files))
