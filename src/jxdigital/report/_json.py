"""The stable JSON document of an assessment (schema_version 1)."""

from __future__ import annotations

import json
import math


def _json_safe(v):
    if isinstance(v, float) and not math.isfinite(v):
        return None
    if hasattr(v, "item"):  # numpy scalars
        return _json_safe(v.item())
    return v


def to_json(a) -> str:
    """``{"schema_version": 1, "plan", "title_zh", "as_of", "scheme", "targets": [...]}``;
    UTF-8 with Chinese unescaped and ``null`` for missing numbers (never NaN). Each target
    has the fields of ``TargetStatus`` (the columns of ``Assessment.to_frame()``)."""
    targets = [{k: _json_safe(v) for k, v in t.model_dump().items()} for t in a.targets]
    doc = {"schema_version": 1, "plan": a.plan.plan_id, "title_zh": a.plan.title_zh,
           "as_of": a.as_of, "scheme": a.scheme, "targets": targets}
    return json.dumps(doc, ensure_ascii=False, allow_nan=False, indent=1)
