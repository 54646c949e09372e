"""The deck's own words (``jxdigital.slides``), in Chinese and English: the title slide's
second line and the deck file's title. Every other word of the deck is the view's
(``present.view``)."""

from __future__ import annotations

from ._names import titled

#: The title slide's second line: a finished plan's account, or progress so far.
DECK = {
    "zh": {"title_account": "目标完成情况评估", "title_progress": "目标实现情况评估"},
    "en": {"title_account": "The final assessment",
           "title_progress": "Progress towards the targets"},
}


def deck_title(finished: bool, lang: str) -> str:
    """The second line of the title slide: the final account, or progress so far."""
    return DECK[lang]["title_account" if finished else "title_progress"]


def deck_file_title(title: str, what: str, lang: str) -> str:
    """The deck file's title (File > Info): the plan and what the deck is, with one colon
    at most (``titled``)."""
    return titled(title, what, lang)


__all__ = ["DECK", "deck_file_title", "deck_title"]
