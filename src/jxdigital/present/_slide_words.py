"""The deck's own words (``jxdigital.slides``), in Chinese and English: the title slide's
second line and the deck file's title. Every other word of the deck is the view's
(``present.view``)."""

from __future__ import annotations

from ._names import titled
from .words import by_language, words_for

#: The title slide's second line: a finished plan's account, or progress so far
#: (``report.deck.*`` of the catalogue).
DECK = by_language("report.deck")


def deck_title(finished: bool, lang: str) -> str:
    """The second line of the title slide: the final account, or progress so far."""
    return words_for(lang).say("report.deck.title_account" if finished else
                               "report.deck.title_progress")


def deck_file_title(title: str, what: str, lang: str) -> str:
    """The deck file's title (File > Info): the plan and what the deck is, with one colon
    at most (``titled``)."""
    return titled(title, what, lang)


__all__ = ["DECK", "deck_file_title", "deck_title"]
