"""The phrase catalogue: every word jxdigital shows a reader, as data.

The phrases are CSV files beside this module, one per area (``reasons.csv``, ``view.csv``,
``chart.csv`` …), each with a ``key`` column and a column per language (``zh``, ``en``);
a phrase's full key is its area and its key (``view.total``). A phrase names what it is
filled with (``共{n}项目标`` / ``{n} targets``); the code that assembles a sentence says
which values it has and never which language it is in. ``words_for(lang)`` is the one
words object of a language: ``words_for("en").say("view.total", n=3)`` → ``3 targets``.

Where the languages differ in grammar rather than in words (a full-width colon, a
capital after a full stop, digits grouped in thousands), the difference is data too:
a phrase (``status.colon``) or a setting (``settings.csv``: ``cased``, ``thousands_sep``,
``number_style``), so a third language is a third column.

Two marks a cell may hold (see ``README.md`` here):

- ``∅``: the phrase is empty in that language, on purpose (an empty cell is a phrase
  missing, which the tests refuse);
- ``{name:unsaid}``: a value the phrase is given and does not say in that language (the
  English of a year's total names the months, the Chinese counts them too), so every
  language of a phrase names the same values and a value left out by mistake is caught.
"""

from __future__ import annotations

import csv
import io
import re
import string
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources
from types import MappingProxyType
from typing import Any

from ...errors import ArgumentError

#: A cell that is empty on purpose.
EMPTY = "∅"
#: The format spec of a value a language does not say.
UNSAID = "unsaid"
_UNSAID = re.compile(r"\{(\w+):" + UNSAID + r"\}")
_FORMATTER = string.Formatter()


class PhraseError(LookupError):
    """A phrase the catalogue does not have, or one asked for without a value it names."""


def placeholders(text: str) -> frozenset[str]:
    """The names a phrase is filled with (``{n}``, ``{year}``; ``{m:02d}`` is ``m``)."""
    return frozenset(name for _, name, _, _ in _FORMATTER.parse(text) if name is not None)


@dataclass(frozen=True)
class Catalogue:
    """Every phrase by full key and language, as the files hold it (``∅`` read as "")."""

    languages: tuple[str, ...]
    texts: Mapping[str, Mapping[str, str]]  # key -> language -> text as written
    files: Mapping[str, str]  # key -> the file it is in

    def raw(self, key: str, lang: str) -> str:
        """The text of ``key`` in ``lang`` as written (with its ``unsaid`` marks)."""
        return self.texts[key][lang]


def _areas() -> list[tuple[str, str]]:
    """(area, CSV text) of every phrase file shipped beside this module."""
    here = resources.files(__name__)
    return sorted((p.name.removesuffix(".csv"), p.read_text(encoding="utf-8"))
                  for p in here.iterdir() if p.name.endswith(".csv"))


def read_catalogue(files: list[tuple[str, str]]) -> Catalogue:
    """A catalogue from (area, CSV text) pairs: each file's header is ``key`` then its
    languages, the same languages in every file; a key once per file."""
    languages: tuple[str, ...] | None = None
    texts: dict[str, dict[str, str]] = {}
    where: dict[str, str] = {}
    for area, text in files:
        rows = list(csv.reader(io.StringIO(text)))
        header, body = rows[0], [r for r in rows[1:] if r]
        if header[0] != "key":
            raise PhraseError(f"{area}.csv: the first column must be 'key', got {header[0]!r}")
        langs = tuple(header[1:])
        if languages is None:
            languages = langs
        elif langs != languages:
            raise PhraseError(f"{area}.csv: languages {langs} differ from {languages}")
        for row in body:
            full = f"{area}.{row[0]}"
            if full in texts:
                raise PhraseError(f"{area}.csv: the key {row[0]!r} is there twice")
            cells = row[1:] + [""] * (len(langs) - len(row) + 1)
            texts[full] = {lang: cells[i] for i, lang in enumerate(langs)}
            where[full] = f"{area}.csv"
    return Catalogue(languages or (), texts, where)


def _cell(text: str) -> str:
    """A cell as the files write it: quoted where it holds a comma, a quote or a line
    break, or starts or ends with a space (which an editor would otherwise trim)."""
    if text != text.strip() or any(c in text for c in ',"\n\r'):
        return '"' + text.replace('"', '""') + '"'
    return text


def csv_text(rows: list[list[str]]) -> str:
    """Rows (the header first) as a phrase file writes them: one line a row, a cell quoted
    only where it must be (``_cell``)."""
    return "".join(",".join(_cell(c) for c in row) + "\n" for row in rows)


@lru_cache(maxsize=1)
def catalogue() -> Catalogue:
    """The shipped catalogue, read once."""
    return read_catalogue(_areas())


def languages() -> tuple[str, ...]:
    """The languages every phrase is written in: ``("zh", "en")``."""
    return catalogue().languages


def check_language(lang: str) -> str:
    """``lang`` if the catalogue has it, else an ``ArgumentError`` that says which it has."""
    if lang not in languages():
        known = " or ".join(repr(x) for x in languages())
        raise ArgumentError(f"argument 'lang': expected {known}, got {lang!r}")
    return lang


def _usable(text: str) -> str:
    """A phrase as it is filled: ``∅`` as "", an unsaid value removed."""
    return "" if text == EMPTY else _UNSAID.sub("", text)


@dataclass(frozen=True)
class Phrasebook:
    """The words of one language: ``say`` fills a phrase, ``table`` gives a family of
    phrases by their last part (the verdicts by code), and the language's grammar
    (``cap``, ``uncap``, ``setting``) is looked up, never decided here."""

    lang: str
    _texts: Mapping[str, str] = field(repr=False)
    _fields: Mapping[str, bool] = field(repr=False)
    _tables: dict[str, Mapping[str, str]] = field(default_factory=dict, repr=False,
                                                  compare=False)

    def has(self, key: str) -> bool:
        return key in self._texts

    def say(self, key: str, **values: Any) -> str:
        """The phrase ``key`` with its ``{names}`` filled from ``values`` (others are
        ignored); a ``PhraseError`` when the catalogue has no such phrase or a value it
        names is not given."""
        try:
            text = self._texts[key]
        except KeyError:
            raise PhraseError(f"no phrase {key!r} in the catalogue (jxdigital/present/words/"
                              f"{key.partition('.')[0]}.csv)") from None
        if not self._fields[key]:
            return text
        try:
            return text.format(**values)
        except KeyError as e:
            raise PhraseError(f"phrase {key!r} ({self.lang}) needs a value for "
                              f"{{{e.args[0]}}}; given: {', '.join(sorted(values)) or 'none'}"
                              ) from None

    def table(self, prefix: str) -> Mapping[str, str]:
        """The phrases ``prefix.<code>`` by code: ``table("status.verdict")["met"]`` → 完成."""
        found = self._tables.get(prefix)
        if found is None:
            head = prefix + "."
            found = MappingProxyType({k[len(head):]: v for k, v in self._texts.items()
                                      if k.startswith(head) and "." not in k[len(head):]})
            self._tables[prefix] = found
        return found

    def setting(self, name: str) -> str:
        """A setting of the language's grammar or layout (``settings.csv``)."""
        return self.say(f"settings.{name}")

    @property
    def cased(self) -> bool:
        """Whether the language has capitals (a sentence starts with one)."""
        return self.setting("cased") == "yes"

    def cap(self, text: str) -> str:
        """``text`` starting a sentence: its first letter a capital where the language has
        capitals."""
        return text[:1].upper() + text[1:] if self.cased else text

    def listed(self, items: list[str]) -> str:
        """``a、b、c`` / ``a, b and c``: items in a running list (``numbers.list``)."""
        if len(items) < 2:
            return "".join(items)
        return (self.say("numbers.list.sep").join(items[:-1]) + self.say("numbers.list.last")
                + items[-1])

    def uncap(self, text: str) -> str:
        """``text`` continuing a sentence: its first letter small where the language has
        capitals."""
        return text[:1].lower() + text[1:] if self.cased else text


@cache
def words_for(lang: str) -> Phrasebook:
    """The one words object of ``lang`` (made once)."""
    check_language(lang)
    c = catalogue()
    texts = {k: _usable(by_lang[lang]) for k, by_lang in c.texts.items()}
    fields = {k: bool(placeholders(t)) for k, t in texts.items()}
    return Phrasebook(lang, MappingProxyType(texts), MappingProxyType(fields))


class PerLanguage(Mapping[str, Any]):
    """A value for each language of the catalogue, made from its words when first asked
    for (``make(lang)``): a table built when a module is imported this way follows the
    catalogue, so a language added as a column has its words too. Iterating gives
    ``languages()``; a value is made again when the catalogue's words are."""

    def __init__(self, make: Callable[[str], Any]) -> None:
        self._make = make
        self._made: dict[str, tuple[Phrasebook, Any]] = {}

    def __getitem__(self, lang: str) -> Any:
        if lang not in languages():
            raise KeyError(lang)
        w = words_for(lang)
        made = self._made.get(lang)
        if made is None or made[0] is not w:
            made = self._made[lang] = (w, self._make(lang))
        return made[1]

    def __iter__(self) -> Iterator[str]:
        return iter(languages())

    def __len__(self) -> int:
        return len(languages())


class _ByKey(Mapping[str, Mapping[str, str]]):
    """The phrases ``prefix.<key>`` as ``{key: {lang: text}}``, looked up when asked for."""

    def __init__(self, prefix: str) -> None:
        self._prefix = prefix

    def _keys(self) -> Mapping[str, str]:
        return words_for(languages()[0]).table(self._prefix)

    def __getitem__(self, key: str) -> Mapping[str, str]:
        if key not in self._keys():
            raise KeyError(key)
        return PerLanguage(lambda lang: words_for(lang).table(self._prefix)[key])

    def __iter__(self) -> Iterator[str]:
        return iter(self._keys())

    def __len__(self) -> int:
        return len(self._keys())


def by_key(prefix: str) -> Mapping[str, Mapping[str, str]]:
    """The phrases ``prefix.<key>`` as ``{key: {lang: text}}`` (for a caller that wants a
    whole family at once), in every language the catalogue has when asked."""
    return _ByKey(prefix)


def by_language(prefix: str) -> Mapping[str, Mapping[str, str]]:
    """The phrases ``prefix.<key>`` as ``{lang: {key: text}}``, in every language the
    catalogue has when asked."""
    return PerLanguage(lambda lang: words_for(lang).table(prefix))


__all__ = ["EMPTY", "UNSAID", "Catalogue", "PerLanguage", "PhraseError", "Phrasebook", "by_key",
           "by_language", "catalogue", "check_language", "csv_text", "languages",
           "placeholders", "read_catalogue", "words_for"]
