"""Test data from a few lines of Python: plan files, figures files and frames.

One place that knows the plan file's columns, so a test says only what is particular to it::

    plan_csv(tmp_path, ["x,规模,亿元,2020,100,2025,200,jiangxi"], "region")   # a CSV line
    plan_csv(tmp_path, [target("x", "200以上", region="jiangxi")])            # or a row
    figures_frame([("x", "jiangxi", 2023, 150)])  # source_title "test x 2023"
    read_figures(plan, [("x", "jiangxi", 2023, "超150")])  # load_actuals(..., plan=plan)

A plan file's header is ``PLAN_COLUMNS`` and then the ``extra`` columns a test names; a
figures frame's columns are ``REGIONAL`` (or the ``columns`` given) and ``source_title``.
Files are UTF-8 with ``\\n`` line ends and a final newline unless a test asks otherwise.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

import pandas as pd

#: The columns every plan file has, in the order the tests write them.
PLAN_COLUMNS = ("indicator_id", "name_zh", "unit", "base_year", "base_text", "target_year",
                "target_text")
#: The plan columns as a department's table or draft often orders them: the region fourth.
DRAFT_COLUMNS = (*PLAN_COLUMNS[:3], "region", *PLAN_COLUMNS[3:])
#: A figure as most tests give one: (indicator_id, region, year, value).
REGIONAL = ("indicator_id", "region", "year", "value")
#: A figure without a region: (indicator_id, year, value).
PLAIN = ("indicator_id", "year", "value")
#: The columns of a figures file as most tests type one.
FIGURE_COLUMNS = ("indicator_id", "year", "value", "source_title")
#: The source title a figure gets unless it has one: "test <indicator_id> <year>".
SOURCE = "test {indicator_id} {year}"

Row = str | Mapping[str, object]


def csv_file(path: Path, lines: Iterable[str], encoding: str = "utf-8") -> Path:
    """``lines`` written to ``path``, one a line, with a final newline."""
    path.write_text("\n".join(lines) + "\n", encoding=encoding)
    return path


def text_file(folder: Path, text: str, name: str = "mine.csv", encoding: str = "utf-8") -> Path:
    """A user's file ``name`` in ``folder``: ``text`` as typed, in ``encoding``."""
    path = folder / name
    path.write_bytes(text.encode(encoding))
    return path


def plan_header(*extra: str) -> str:
    """The header line of a plan file: ``PLAN_COLUMNS``, then ``extra``."""
    return ",".join((*PLAN_COLUMNS, *extra))


def target(indicator_id: str = "x", target_text: object = "200", *, name_zh: str = "指标",
           unit: str = "亿元", base_year: object = 2020, base_text: object = 100,
           target_year: object = 2025, **more: object) -> dict[str, object]:
    """One plan row with sensible defaults (a 亿元 level from 100 in 2020 to ``target_text``
    in 2025); ``more``: any other column (region, reference, measure, attribute, ...)."""
    return {"indicator_id": indicator_id, "name_zh": name_zh, "unit": unit,
            "base_year": base_year, "base_text": base_text, "target_year": target_year,
            "target_text": target_text, **more}


def _line(values: Iterable[object]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="").writerow("" if v is None else v for v in values)
    return out.getvalue()


def plan_lines(rows: Sequence[Row], *extra: str,
               columns: Sequence[str] = PLAN_COLUMNS) -> list[str]:
    """The lines of a plan file. ``rows``: CSV lines in the columns ``columns + extra``, or
    mappings (``target(...)``), whose keys add the columns they use, in order. ``columns``:
    the plan columns in another order (a department's draft puts ``region`` fourth)."""
    head = list(columns) + list(extra)
    for r in rows:
        if isinstance(r, Mapping):
            head += [k for k in r if k not in head]
    return [",".join(head)] + [r if isinstance(r, str) else _line(r.get(c) for c in head)
                               for r in rows]


def plan_csv(folder: Path, rows: Sequence[Row], *extra: str, name: str = "plan.csv",
             columns: Sequence[str] = PLAN_COLUMNS) -> Path:
    """A plan file ``name`` in ``folder`` (see ``plan_lines``)."""
    return csv_file(folder / name, plan_lines(rows, *extra, columns=columns))


def read_plan(folder: Path, rows: Sequence[Row], *extra: str, name: str = "plan.csv",
              columns: Sequence[str] = PLAN_COLUMNS):
    """``plan_csv``, read with ``jxdigital.load_plan``."""
    from jxdigital import load_plan

    return load_plan(plan_csv(folder, rows, *extra, name=name, columns=columns))


def figure_records(rows: Iterable[Sequence[object] | Mapping[str, object]],
                   columns: Sequence[str] = REGIONAL, *, source: str | None = SOURCE,
                   **constant: object) -> list[dict[str, object]]:
    """One record a figure. ``rows``: tuples in ``columns`` order (a shorter tuple leaves
    the columns it lacks out of its record) or mappings; ``constant``: a column every
    record has unless its row says otherwise; ``source``: the ``source_title`` template
    for rows without one (None: no source_title)."""
    out = []
    for r in rows:
        rec = dict(r) if isinstance(r, Mapping) else dict(zip(columns, r, strict=False))
        rec = {**rec, **{k: v for k, v in constant.items() if k not in rec}}
        if source is not None and "source_title" not in rec:
            rec["source_title"] = source.format(**rec)
        out.append(rec)
    return out


def figures_frame(rows, columns: Sequence[str] = REGIONAL, *, source: str | None = SOURCE,
                  **constant: object) -> pd.DataFrame:
    """A figures frame as a user's file would give it (see ``figure_records``)."""
    return pd.DataFrame(figure_records(rows, columns, source=source, **constant))


def read_figures(plan, rows, columns: Sequence[str] = REGIONAL, *,
                 source: str | None = SOURCE, **constant: object):
    """``figures_frame`` read with ``jxdigital.load_actuals(..., plan=plan)``."""
    from jxdigital import load_actuals

    return load_actuals(figures_frame(rows, columns, source=source, **constant), plan=plan)


def figures_csv(folder: Path, rows, columns: Sequence[str] = REGIONAL, *,
                source: str | None = SOURCE, name: str = "figures.csv",
                **constant: object) -> Path:
    """A figures file ``name`` in ``folder``: rows as ``figure_records`` takes them (the
    header: every column a record has, in order), or CSV lines in ``columns``."""
    rows = list(rows)
    if all(isinstance(r, str) for r in rows):
        return csv_file(folder / name, [",".join(columns), *rows])
    records = figure_records(rows, columns, source=source, **constant)
    head: list[str] = []
    for rec in records:
        head += [k for k in rec if k not in head]
    return csv_file(folder / name, [",".join(head),
                                    *(_line(rec.get(c) for c in head) for rec in records)])
