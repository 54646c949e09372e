"""Why a figure was not used, in words (the codes: ``jxdigital.assessment._unused``; the
phrases: ``reasons.unused.*`` of the catalogue)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..assessment import Timing
from . import _text as T
from .words import words_for


def unused_reason(code: str, r: Mapping[str, Any], when: Timing, target_year: int,
                  used_source: str, lang: str) -> str:
    """``code`` for the figure ``r`` (a row of the actuals) in ``lang``."""
    w = words_for(lang)
    values: dict[str, Any] = dict(year=int(r["year"]), cutoff=when.cutoff,
                                  last_year=when.last_year, target_year=target_year,
                                  source=used_source)
    key = code
    if code == "after_as_of_year":
        key = "after_as_of_date" if r["as_of"] else "after_as_of_year"
        values["as_of"] = r["as_of"]
    elif code in ("published_after_cutoff",):
        values["published"] = r["published"]
    elif code == "not_comparable":
        values["note"] = str(r["scope_note"])
    elif code == "part_year":
        values["as_of"] = r["as_of"]
    elif code == "no_new_information":
        values["figure"] = T.figure(float(r["value"]), str(r["unit"]), str(r["qualifier"]),
                                    lang)
    elif code == "not_selected" and not used_source:
        key = "not_selected_unnamed"
    return w.say(f"reasons.unused.{key}" if w.has(f"reasons.unused.{key}")
                 else "reasons.unused.other", **values)


def unused_words(code: str, r: Mapping[str, Any], when: Timing, target_year: int,
                 used_source: str) -> tuple[str, str]:
    """(zh, en) of ``code`` for the figure ``r``, as the assessment keeps it."""
    return (unused_reason(code, r, when, target_year, used_source, "zh"),
            unused_reason(code, r, when, target_year, used_source, "en"))
