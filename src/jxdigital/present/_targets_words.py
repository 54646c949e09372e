"""The words of the 测算 report (target options and a draft's review), in Chinese and
English: the phrases ``targets.<key>`` of the catalogue (``words/targets.csv``)."""

from __future__ import annotations

from typing import Any

from .words import by_key, by_language, words_for

#: The 测算 report's phrases, ``{key: {lang: template}}`` (``words/targets.csv``).
TARGETS = by_key("targets")
#: The options' names (``assessment._options.OPTION_NAMES``) and the ambition classes
#: (``assessment._draft.AMBITION``).
NAMES = by_language("targets.name")


def say(key: str, lang: str, **fields: Any) -> str:
    """A phrase of the 测算 report in ``lang``."""
    return words_for(lang).say(f"targets.{key}", **fields)


def name(code: str, lang: str) -> str:
    """An option's or an ambition class's name ("" for none)."""
    return words_for(lang).table("targets.name").get(code, code)
