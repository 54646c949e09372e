"""Issue 29 item 1: words are data. Every phrase jxdigital shows is in one catalogue
(``jxdigital/present/words/*.csv``: a key, a column per language, named placeholders),
loaded into one words object per language; the code that assembles a sentence asks for a
phrase by key and never for a language.

The checks: every phrase is written in every language; every language of a phrase names
the same values; every key the code asks for is in the catalogue; a value a phrase names
and is not given is an error that says which; and the checks fail on a catalogue broken on
purpose."""

from __future__ import annotations

import ast
import math
import re
from pathlib import Path

import pytest

import jxdigital
from jxdigital.errors import ArgumentError
from jxdigital.present import words as W
from jxdigital.present.words import (
    EMPTY,
    Catalogue,
    PhraseError,
    catalogue,
    languages,
    placeholders,
    read_catalogue,
    words_for,
)

SRC = Path(jxdigital.__file__).parent
WORDS = SRC / "present" / "words"


def _files(folder: Path) -> list[tuple[str, str]]:
    return sorted((p.stem, p.read_text(encoding="utf-8")) for p in folder.glob("*.csv"))


# --- what the catalogue must be ------------------------------------------------------------

def missing_phrases(c: Catalogue) -> list[str]:
    """Keys with a language left empty (an empty phrase on purpose is written ``∅``)."""
    return [f"{c.files[k]}: {k} ({lang})" for k, by in c.texts.items()
            for lang in c.languages if by.get(lang, "") == ""]


def placeholder_mismatches(c: Catalogue) -> list[str]:
    """Keys whose languages name different values (a value a language does not say is
    marked ``{name:unsaid}``, so it is still named)."""
    out = []
    for k, by in c.texts.items():
        named = {lang: placeholders(by[lang]) for lang in c.languages}
        if len(set(named.values())) > 1:
            out.append(f"{c.files[k]}: {k} {named}")
    return out


def unnamed_placeholders(c: Catalogue) -> list[str]:
    """Placeholders that are positional (``{}``, ``{0}``) or not names: a phrase names
    what it is filled with."""
    return [f"{k} ({lang}): {name!r}" for k, by in c.texts.items() for lang in c.languages
            for name in placeholders(by[lang]) if not name.isidentifier()]


def test_the_shipped_catalogue_has_every_phrase_in_every_language():
    c = catalogue()
    assert c.languages == ("zh", "en") == languages()
    assert len(c.texts) > 400
    assert missing_phrases(c) == []
    assert placeholder_mismatches(c) == []
    assert unnamed_placeholders(c) == []


def test_every_csv_beside_the_loader_is_read():
    """A file of phrases is found by the package's resources (as a wheel ships it)."""
    areas = {p.stem for p in WORDS.glob("*.csv")}
    assert areas == {f.removesuffix(".csv") for f in catalogue().files.values()}
    assert {"reasons", "view", "chart", "report", "settings"} <= areas


def test_the_files_are_in_their_written_form():
    """A phrase's leading or trailing space is quoted (no editor trims it), and nothing
    else is quoted that need not be: the files are as ``csv_text`` writes them."""
    import csv
    import io

    for area, text in _files(WORDS):
        rows = [r for r in csv.reader(io.StringIO(text)) if r]
        assert W.csv_text(rows) == text, area
    assert W.csv_text([["k", " (", "a,b", 'say "x"']]) == 'k," (","a,b","say ""x"""\n'


def test_the_checks_fail_on_a_catalogue_broken_on_purpose(tmp_path):
    for area, text in _files(WORDS):
        (tmp_path / f"{area}.csv").write_text(text, encoding="utf-8")
    view = (tmp_path / "view.csv").read_text(encoding="utf-8")
    # a phrase left untranslated, and a value dropped from one language
    view = view.replace("total,共{n}项目标,{n} targets", "total,共{n}项目标,")
    view = view.replace("total_one,共1项目标,1 target", "total_one,共1项目标,{n} target")
    (tmp_path / "view.csv").write_text(view, encoding="utf-8")
    broken = read_catalogue(_files(tmp_path))
    assert missing_phrases(broken) == ["view.csv: view.total (en)"]
    assert [m.split(" {")[0] for m in placeholder_mismatches(broken)] == [
        "view.csv: view.total", "view.csv: view.total_one"]
    # a file in another set of languages, and a key twice, are refused when read
    with pytest.raises(PhraseError, match="languages"):
        read_catalogue([("a", "key,zh,en\nx,甲,a\n"), ("b", "key,zh\ny,乙\n")])
    with pytest.raises(PhraseError, match="twice"):
        read_catalogue([("a", "key,zh,en\nx,甲,a\nx,乙,b\n")])


def test_an_empty_phrase_is_written_as_such_and_an_unsaid_value_is_named():
    c = catalogue()
    assert c.raw("report.sentence_gap", "zh") == EMPTY
    assert words_for("zh").say("report.sentence_gap") == ""
    assert words_for("en").say("report.sentence_gap") == " "
    # the English of a year's total names the months, the Chinese counts them too
    assert "{m:unsaid}" in c.raw("reasons.year_total", "en")
    en = words_for("en").say("reasons.year_total", year=2025, month="October", m=10,
                             v="12.8 trillion yuan", lo="77.4%", hi="80.1%")
    assert "10" not in en and "January–October" in en
    zh = words_for("zh").say("reasons.year_total", year=2025, month="10月", m=10,
                             v="12.79万亿元", lo="77.4%", hi="80.1%")
    assert zh == "（2025年全年据1—10月累计12.79万亿元推算，前10个月通常占全年77.4%—80.1%）"


# --- the words object ----------------------------------------------------------------------

def test_a_phrase_is_filled_by_name_and_a_missing_value_says_which():
    zh, en = words_for("zh"), words_for("en")
    assert zh.say("view.total", n=8) == "共8项目标"
    assert en.say("view.total", n=8) == "8 targets"
    assert words_for("en") is en  # one object per language, made once
    with pytest.raises(PhraseError, match=r"'view.total' \(en\) needs a value for \{n\}"):
        en.say("view.total", count=8)
    with pytest.raises(PhraseError, match=r"no phrase 'view\.no_such_phrase'.*view\.csv"):
        en.say("view.no_such_phrase")
    with pytest.raises(ArgumentError, match="expected 'zh' or 'en', got 'fr'"):
        words_for("fr")


def test_grammar_is_looked_up_not_decided():
    zh, en = words_for("zh"), words_for("en")
    assert (zh.cap("gDP"), en.cap("gDP")) == ("gDP", "GDP")
    assert (zh.uncap("The"), en.uncap("The")) == ("The", "the")
    assert zh.listed(["下限值", "推算值", "约数"]) == "下限值、推算值、约数"
    assert en.listed(["bounds", "estimates", "derived figures"]) == \
        "bounds, estimates and derived figures"
    assert zh.table("status.verdict")["at_risk"] == "存在风险"
    assert en.setting("number_style") == "short_scale"


# --- every key the code asks for is in the catalogue -----------------------------------------

#: Functions that look a phrase up by a key of one area (the first argument).
AREA_OF = {"words": "view.", "chart_words": "chart.", "report_words": "report.",
           "_say": "changes.", "sheet_name": "report.sheet.", "setting": "settings."}
#: Modules whose function ``say(key, lang)`` is the 测算 report's.
TARGETS_SAY = ("present/_targets_words.py", "present/targets_view.py", "report/_targets.py",
               "slides.py", "charts/_options.py")


def _asked(path: Path) -> list[tuple[int, str, bool]]:
    """(line, key, whole) of each phrase key ``path`` asks for: ``whole`` for a literal key,
    else the literal start of an f-string key."""
    rel = path.relative_to(SRC).as_posix()
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call) or not node.args:
            continue
        f, first = node.func, node.args[0]
        name = f.attr if isinstance(f, ast.Attribute) else f.id if isinstance(f, ast.Name) \
            else ""
        if isinstance(first, ast.Constant) and isinstance(first.value, str):
            key, whole = first.value, True
        elif isinstance(first, ast.JoinedStr) and first.values and isinstance(
                first.values[0], ast.Constant):
            key, whole = str(first.values[0].value), False
        else:
            continue
        if name in ("say", "has", "table") and "." in key and isinstance(f, ast.Attribute):
            prefix = "" if key.split(".")[0] in _areas() else None
            if prefix is None:
                continue
        elif name == "say" and isinstance(f, ast.Attribute):
            prefix = "view|report."  # ReportView.say: the view's phrase, else the report's
        elif name == "say" and rel in TARGETS_SAY:
            prefix = "targets."
        elif name in AREA_OF:
            prefix = AREA_OF[name]
        else:
            continue
        if name == "table" and whole:
            key, whole = key + ".", False
        found.append((node.lineno, prefix + key, whole))
    return found


def _areas() -> set[str]:
    return {f.removesuffix(".csv") for f in catalogue().files.values()}


def _known(key: str, whole: bool) -> bool:
    keys = catalogue().texts
    if key.startswith("view|report."):
        rest = key.removeprefix("view|report.")
        return any(_known(a + rest, whole) for a in ("view.", "report."))
    return key in keys if whole else any(k.startswith(key) for k in keys)


def test_every_key_the_code_asks_for_is_in_the_catalogue():
    asked = [(p, line, key, whole) for p in sorted(SRC.rglob("*.py"))
             for line, key, whole in _asked(p)]
    assert len(asked) > 300  # the scan sees the lookups
    unknown = [f"{p.relative_to(SRC)}:{line} {key}" for p, line, key, whole in asked
               if not _known(key, whole)]
    assert unknown == []


def test_the_key_scan_sees_a_typo(tmp_path):
    src = tmp_path / "present" / "m.py"
    src.parent.mkdir()
    src.write_text('def f(w, lang):\n'
                   '    return w.say("view.totl", n=1) + words("end", lang) + '
                   'chart_words(f"mark_{lang}", lang)\n', encoding="utf-8")
    global SRC
    keep, SRC = SRC, tmp_path
    try:
        found = _asked(src)
    finally:
        SRC = keep
    assert sorted((k, whole, _known(k, whole)) for _, k, whole in found) == [
        ("chart.mark_", False, True), ("view.end", True, True), ("view.totl", True, False)]


#: Branches on a language left where they are, and why (none).
LEFT: set[str] = set()


def test_no_code_chooses_a_phrase_by_its_language():
    """The sentences are assembled the same way in every language: no ``lang == "zh"``
    (the plans' own language, ``PRINTED``, is asked where the printed words are quoted)."""
    found = [f"{p.relative_to(SRC).as_posix()}:{i}" for p in sorted(SRC.rglob("*.py"))
             for i, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
             if re.search(r"""[!=]= ["'](zh|en)["']|["'](zh|en)["'] [!=]=""", line)]
    assert {f.split(":")[0] for f in found} <= LEFT, found
    assert not found


# --- a third language is a third column ------------------------------------------------------

def test_a_third_language_is_a_column_of_the_catalogue(monkeypatch):
    """With every file given a column ``xx`` (here a copy of the English with words of its
    own for a scale and a counter), the words object, numbers, units and dates speak it;
    nothing in the code names it."""
    c = catalogue()
    texts = {k: {**by, "xx": by["en"]} for k, by in c.texts.items()}
    # its own words for a scale and for what a counter counts
    texts["numbers.scale.million"]["xx"] = "Mio."
    texts["numbers.counter.户"]["xx"] = "Nutzer"
    third = Catalogue((*c.languages, "xx"), texts, c.files)
    monkeypatch.setattr(W, "catalogue", lambda: third)
    W.words_for.cache_clear()
    try:
        from jxdigital.present import _text as T
        from jxdigital.present._units import display_unit

        assert W.languages() == ("zh", "en", "xx")
        assert words_for("xx").say("view.total", n=3) == "3 targets"
        assert T.value(13200, "亿元", "xx") == T.value(13200, "亿元", "en") == \
            "1.32 trillion yuan"
        assert T.figure(6, "万个", "lower_bound", "xx") == "over 60,000"
        assert T.date_words("2024-06-30", "xx") == "2024-06-30"
        assert T.prob(0.999, "xx") == "over 99%" and T.points(1.5, "xx") == "1.50 points"
        u = display_unit("万户", (6000, 12000), "xx")
        assert u.value(6000) == "60 Mio. Nutzer" and u.suffix() == " (Mio. Nutzer)"
        assert T.value(2.1, "亿户", "xx") == "210 Mio. Nutzer"
        assert T.value(2.1, "亿户", "en") == "210 million users"
    finally:
        W.words_for.cache_clear()
    assert not math.isnan(float(words_for("zh").setting("region_width")))


def _with_third_language(monkeypatch, **own: str) -> None:
    """The catalogue with a column ``xx``: a copy of the English, but for the phrases
    ``own`` (full key → text)."""
    c = catalogue()
    texts = {k: {**by, "xx": own.get(k, by["en"])} for k, by in c.texts.items()}
    monkeypatch.setattr(W, "catalogue", lambda: Catalogue((*c.languages, "xx"), texts, c.files))
    W.words_for.cache_clear()


def test_a_third_language_has_a_whole_report_view(monkeypatch):
    """A report's view and its Markdown in a language added only as a column of the
    catalogue: with ``xx`` a copy of the English, the Markdown is the English Markdown;
    the records keep no ``xx`` reason, so each comes from the target's judgement."""
    from jxdigital.present._reasons import reason
    from jxdigital.report._markdown import to_markdown

    try:
        _with_third_language(monkeypatch)
        a = jxdigital.assess(today="2026-12-01")
        v = jxdigital.view(a, "xx")
        assert v.lang == "xx"
        assert to_markdown(v) == to_markdown(a, "en")
        # a reason of its own: the catalogue's words, from the judgement
        _with_third_language(monkeypatch, **{"reasons.pending": "no {year} figure in xx yet"})
        b = jxdigital.assess(today="2026-12-01")
        said = {t.id: t.reason for t in jxdigital.view(b, "xx").targets}
        assert not hasattr(b.targets[0], "reason_xx")
        for j in b.judgements:
            assert said[j.target.key] == reason(j, b.timing, "xx")
        assert any("No 2025 figure in xx yet" in x for x in said.values())
        english = {t.id: t.reason for t in jxdigital.view(b, "en").targets}
        assert english == {r.key: r.reason_en for r in b.targets}
    finally:
        W.words_for.cache_clear()
