"""What changed since the last report, in words (Chinese and English): the lines a
scheduled job's report opens with; the phrases are ``changes.<key>`` of the catalogue
(``words/changes.csv``)."""

from __future__ import annotations

import math

from ..assessment import Changes, SeriesKey
from . import _text as T
from ._names import series_name
from ._phrases import verdict_words
from .words import by_key, words_for

#: The phrases, ``{key: {lang: template}}`` (``words/changes.csv``).
CHANGES = by_key("changes")


def _say(key: str, lang: str, **fields) -> str:
    return words_for(lang).say(f"changes.{key}", **fields)


def change_lines(c: Changes, names: dict[str, str], lang: str) -> tuple[str, tuple[str, ...]]:
    """(the heading, one line per change) of ``c``; ``names``: each target's name by key."""
    if not c.any:
        return _say("head", lang, date=c.since), (_say("nothing", lang),)
    lines = []
    for f in c.figures:
        name = series_name(SeriesKey(f.indicator_id, f.region), f.region, lang)
        value = T.figure(f.new, f.unit, f.qualifier, lang) if math.isfinite(f.new) else "—"
        old = T.figure(f.old, f.unit, "exact", lang) if math.isfinite(f.old) else "—"
        lines.append(_say(f.kind, lang, name=name, year=f.year, value=value, old=old,
                          source=f.source or "—"))
    for t in c.targets:
        why = _say("why_sep", lang).join(_say(w, lang) for w in t.why)
        name = names.get(t.key, t.key)
        if t.what == "p_met":
            lines.append(_say("p_met", lang, name=name, old=T.prob(t.p_old, lang),
                              new=T.prob(t.p_new, lang), why=why))
        else:
            lines.append(_say(t.what, lang, name=name, old=verdict_words(t.old, lang),
                              new=verdict_words(t.new, lang), why=why))
    return _say("head", lang, date=c.since), tuple(lines)
