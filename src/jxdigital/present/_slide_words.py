"""The deck's own words (``jxdigital.slides``), in Chinese and English, and the plan's and
targets' names in one language (the deck, the command line and the template show them).

``DECK[lang][key]`` is a fixed text (``deck_words("glance", "en")`` → All targets at a
glance); ``finding`` joins a target's name and reason into a slide title.
"""

from __future__ import annotations

from ._names import plan_title, target_name, target_reason
from ._phrases import label

#: Fixed texts of the deck, by key.
DECK = {
    "zh": {"title_account": "目标完成情况评估", "title_progress": "目标实现情况评估",
           "account": label("account", "zh"), "looking_back": label("looking_back", "zh"),
           "glance": "各项目标一览"},
    "en": {"title_account": "The final account", "title_progress": "Progress towards the targets",
           "account": label("account", "en"), "looking_back": label("looking_back", "en"),
           "glance": "All targets at a glance"},
}


def deck_words(key: str, lang: str) -> str:
    """A fixed text of the deck (``DECK``)."""
    return DECK[lang][key]


def deck_title(finished: bool, lang: str) -> str:
    """The second line of the title slide: the final account, or progress so far."""
    return deck_words("title_account" if finished else "title_progress", lang)


def finding(name: str, reason: str, lang: str) -> str:
    """A target's slide title: its name and its reason, written as the finding."""
    return f"{name}：{reason}" if lang == "zh" else f"{name}: {reason}"


__all__ = ["DECK", "deck_title", "deck_words", "finding", "plan_title", "target_name",
           "target_reason"]
