"""The stable JSON document of an assessment (schema_version 3), and its CSV table."""

from __future__ import annotations

import csv
import json
import math
import re

from .. import __version__
from ..assessment import used_figures
from ..present import languages
from ..present.view import view

#: 2: adds generated, review_date, data_until, finished, the final statuses met / missed,
#: per-target final, phase, margin, and the account of a finished plan.
#: 3: adds each target's ``verdict`` (its outcome once its year is over, else its progress)
#: and the ``counts`` sentence; ``status_zh`` / ``status_en`` are the verdict's words; the
#: account's retrospective lists the settled targets only.
#: 4: adds ``version`` (jxdigital's), ``figures`` (every figure the judgements rest on, for
#: the next run to compare with) and ``changes`` (what changed since the last report in
#: the folder, or null).
SCHEMA_VERSION = 4


def _json_safe(v):
    if isinstance(v, float) and not math.isfinite(v):
        return None
    if hasattr(v, "item"):  # numpy scalars
        return _json_safe(v.item())
    return v


def _records(df) -> list[dict]:
    return [{k: _json_safe(v) for k, v in row.items()} for row in df.to_dict("records")]


def to_json(a, account=None) -> str:
    """``{"schema_version": 4, "version", "plan", "title_zh", "as_of", "generated", "review_date",
    "data_until", "finished", "scheme", "counts", "targets": [...], "account": {...},
    "figures": [...], "changes": {...}}``; UTF-8 with
    Chinese unescaped and ``null`` for missing numbers (never NaN). Each target has the
    fields of ``TargetStatus`` (the columns of ``Assessment.to_frame()``); ``account``
    (``counts``, ``targets``, ``retrospective``) is present for a plan whose target years
    have all passed (``finished``), else null."""
    targets = [{k: _json_safe(v) for k, v in t.model_dump().items()} for t in a.targets]
    doc = {"schema_version": SCHEMA_VERSION, "version": __version__, "plan": a.plan.plan_id,
           "title_zh": a.plan.title_zh, "as_of": a.as_of,
           "generated": a.generated.isoformat(), "review_date": a.timing.review.isoformat(),
           "data_until": a.data_until, "finished": a.finished, "scheme": a.scheme,
           "counts": {lang: view(a, lang).counts for lang in languages()},
           "targets": targets, "account": None,
           "figures": [{k: _json_safe(v) for k, v in f.items()} for f in used_figures(a)],
           "changes": _changes(a)}
    if a.finished:
        acc = account if account is not None else a.account()
        doc["account"] = {"counts": acc.counts(), "targets": _records(acc.to_frame()),
                          "retrospective": _records(acc.retrospective())}
    return json.dumps(doc, ensure_ascii=False, allow_nan=False, indent=1)


def _changes(a) -> dict | None:
    """What changed since the last report, in codes and in both languages' lines."""
    c = a.changes
    if c is None:
        return None
    f = c.to_frame()
    return {"since": c.since, "any": c.any,
            "figures": _records(f[f["change"] == "figure"]),
            "targets": _records(f[f["change"] == "target"]),
            "lines": {lang: _change_lines(a, lang) for lang in languages()}}


def _change_lines(a, lang: str) -> list[str]:
    changes = view(a, lang).changes
    assert changes is not None  # the assessment has changes (``_changes``): they are worded
    return list(changes[1])


#: A text cell starting with one of these is a formula to a spreadsheet opening the CSV
#: (OWASP, "CSV Injection"): = + - @, tab and carriage return.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMERAL = re.compile(r"[+-]?[0-9.,]+(?:[eE][+-]?[0-9]+)?")


def defuse(text: str) -> str:
    """``text`` safe for a CSV cell: one that a spreadsheet would read as a formula
    (it starts with ``FORMULA_START``) gets a leading ``'``, as OWASP advises, so it shows
    as the text it is. A plain number written as text (``-1.5``, ``+3``) is left as it is:
    it can only ever be a number."""
    if text.startswith(FORMULA_START) and not _NUMERAL.fullmatch(text):
        return "'" + text
    return text


def safe_frame(df):
    """``df`` with every text cell passed through ``defuse``; numbers, booleans and
    missing values are left as they are (a number -1.5 stays a number)."""
    import pandas as pd

    out = df.copy()
    for c in out.columns:
        if pd.api.types.is_numeric_dtype(out[c]) or pd.api.types.is_bool_dtype(out[c]):
            continue
        out[c] = out[c].astype(object).map(lambda v: defuse(v) if isinstance(v, str) else v)
    return out


def write_csv(df, path) -> None:
    """``df`` as UTF-8 CSV (with a BOM, so Excel reads the Chinese) safe to open in a
    spreadsheet: text cells ``defuse``d and quoted, numbers unquoted."""
    safe_frame(df).to_csv(path, index=False, encoding="utf-8-sig",
                          quoting=csv.QUOTE_NONNUMERIC)
