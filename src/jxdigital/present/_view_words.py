"""The words of the presentation view (``present.view``): the account's one count sentence,
the tables' headers and sections, a target's headline and its plain sentence, in Chinese
and English.

Phrases are data (``words/view.csv``): ``words(key, lang, **fields)`` fills the phrase
``view.<key>``. The functions below choose between phrases; they hold none.
"""

from __future__ import annotations

from typing import Any

from ._phrases import verdict_words
from .words import by_key, words_for

#: The view's phrases, ``{key: {lang: template}}`` (``words/view.csv``).
VIEW = by_key("view")


def words(key: str, lang: str, **fields: Any) -> str:
    """The view phrase ``key`` in ``lang``, its ``{fields}`` filled."""
    return words_for(lang).say(f"view.{key}", **fields)


def counted(items: list[tuple[str, int]], lang: str) -> str:
    """``完成1项，未完成1项`` / ``1 met, 1 missed``: each (words, n) with n > 0."""
    return words("list_sep", lang).join(words("count", lang, words=w, n=n)
                                        for w, n in items if n)


def percent_text(x: float) -> str:
    """A rate as official reviews print it: ``89.3%``, ``50%``."""
    text = f"{x * 100:.1f}".rstrip("0").rstrip(".")
    return f"{text}%"


__all__ = ["VIEW", "counted", "percent_text", "verdict_words", "words"]
