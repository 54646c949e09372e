"""The stable JSON document of an assessment (schema_version 2)."""

from __future__ import annotations

import json
import math

#: 2: adds generated, review_date, data_until, finished, the final statuses met / missed,
#: per-target final, phase, margin, and the account of a finished plan.
SCHEMA_VERSION = 2


def _json_safe(v):
    if isinstance(v, float) and not math.isfinite(v):
        return None
    if hasattr(v, "item"):  # numpy scalars
        return _json_safe(v.item())
    return v


def _records(df) -> list[dict]:
    return [{k: _json_safe(v) for k, v in row.items()} for row in df.to_dict("records")]


def to_json(a, account=None) -> str:
    """``{"schema_version": 2, "plan", "title_zh", "as_of", "generated", "review_date",
    "data_until", "finished", "scheme", "targets": [...], "account": {...}}``; UTF-8 with
    Chinese unescaped and ``null`` for missing numbers (never NaN). Each target has the
    fields of ``TargetStatus`` (the columns of ``Assessment.to_frame()``); ``account``
    (``counts``, ``targets``, ``retrospective``) is present for a plan whose target years
    have all passed (``finished``), else null."""
    targets = [{k: _json_safe(v) for k, v in t.model_dump().items()} for t in a.targets]
    doc = {"schema_version": SCHEMA_VERSION, "plan": a.plan.plan_id,
           "title_zh": a.plan.title_zh, "as_of": a.as_of,
           "generated": a.generated.isoformat(), "review_date": a.timing.review.isoformat(),
           "data_until": a.data_until, "finished": a.finished, "scheme": a.scheme,
           "targets": targets, "account": None}
    if a.finished:
        acc = account if account is not None else a.account()
        doc["account"] = {"counts": acc.counts(), "targets": _records(acc.to_frame()),
                          "retrospective": _records(acc.retrospective())}
    return json.dumps(doc, ensure_ascii=False, allow_nan=False, indent=1)
