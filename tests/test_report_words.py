"""The reports hold no phrase of their own: every Chinese/English phrase of the Markdown,
HTML and workbook reports is in ``jxdigital.present._report_words`` (one place per
phrase), and the reports show it in both languages."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from jxdigital.present._phrases import VERDICT
from jxdigital.present._report_words import REPORT, RULES, SHEETS, report_words, rule_lines
from jxdigital.present._view_words import VIEW
from jxdigital.report import to_excel, to_html, to_markdown

REPORT_DIR = Path(__file__).resolve().parents[1] / "src" / "jxdigital" / "report"
#: The report modules that only assemble: they must hold no Chinese.
ASSEMBLERS = ("_markdown.py", "_html.py", "_excel.py", "_json.py", "_build.py")

#: CJK ideographs and radicals, CJK punctuation (。：“ are not ASCII), full-width forms.
CJK = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]")


def _docstrings(tree: ast.AST) -> set[int]:
    """ids of the docstring nodes of a module, its classes and functions."""
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef,
                             ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant) \
                    and isinstance(first.value.value, str):
                out.add(id(first.value))
    return out


def cjk_strings(source: str) -> list[tuple[int, str]]:
    """(line, text) of every string constant in ``source`` holding a CJK character,
    f-string pieces included, docstrings (and comments, which are not in the tree) not."""
    tree = ast.parse(source)
    skip = _docstrings(tree)
    return [(node.lineno, node.value) for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str)
            and id(node) not in skip and CJK.search(node.value)]


def test_the_scan_finds_an_inline_pair_and_skips_docstrings_and_comments():
    src = ('"""模块说明。"""\n'
           "def f(zh, n):\n"
           '    """函数说明。"""\n'
           "    # 注释\n"
           "    a = f\"{n}项\" if zh else f\"{n} items\"\n"
           "    return ('完成' if zh else 'done') + a + '：'\n")
    assert sorted(cjk_strings(src)) == [(5, "项"), (6, "完成"), (6, "：")]


@pytest.mark.parametrize("name", ASSEMBLERS)
def test_report_modules_hold_no_chinese(name):
    path = REPORT_DIR / name
    found = cjk_strings(path.read_text(encoding="utf-8"))
    assert found == [], (f"{name} holds Chinese text; its phrases belong in "
                         f"jxdigital.present._report_words: {found}")


def test_every_phrase_has_both_languages():
    from jxdigital.codes import VERDICTS

    for table in (REPORT, SHEETS, RULES, VIEW):
        for key, words in table.items():
            assert set(words) == {"zh", "en"}, key
            assert all(isinstance(w, str) for w in words.values()), key
    assert set(VERDICT["zh"]) == set(VERDICT["en"]) == set(VERDICTS)
    # the Chinese of a heading is Chinese, the English is not
    for key in (k for k in REPORT if k.startswith("heading_")):
        assert CJK.search(REPORT[key]["zh"]) and not CJK.search(REPORT[key]["en"]), key


def test_rule_lines_speak_as_official_reviews_and_only_of_what_applies():
    both = rule_lines("zh")
    assert len(both) == len(rule_lines("en")) == 7
    assert not any(x.startswith("- ") for x in both)  # the bullet is the report's
    for code in ("achieved", "ahead", "on_track", "at_risk", "off_track", "insufficient_data",
                 "not_assessable"):
        assert VERDICT["zh"][code] in "".join(both), code
    assert "完成率" in both[0] and "序时进度" not in "".join(both)
    # a finished plan states only the outcome rule; a running one only the progress rule
    over = rule_lines("zh", finished=True, running=False)
    assert len(over) == 6 and "快于预期" not in "".join(over)
    ahead = rule_lines("en", finished=False, running=True)
    assert "completion rate" not in " ".join(ahead) and "ahead of plan" in ahead[0]
    assert not any(CJK.search(x) for x in rule_lines("en"))


@pytest.fixture(scope="module")
def finished(national_final):
    """The 14th five-year plan judged after its target year: every section is there."""
    return national_final


@pytest.mark.slow
def test_markdown_headings_in_both_languages(finished):
    zh, en = to_markdown(finished, "zh"), to_markdown(finished, "en")
    for md, lang in ((zh, "zh"), (en, "en")):
        for key in ("heading_retrospective", "heading_targets", "heading_gaps",
                    "heading_rules"):
            assert f"\n## {report_words(key, lang)}\n" in md, (lang, key)
        for rule in rule_lines(lang, finished=True, running=False):
            assert f"\n- {rule}\n" in md
    assert "\n## 判定规则\n" in zh and "\n## 各项目标\n" in zh
    assert "\n## How the status is decided\n" in en
    assert zh.splitlines()[0].endswith("：目标完成情况评估")
    assert en.splitlines()[0].endswith(" — the final assessment")
    assert not CJK.search(en.replace(finished.plan.title_zh, ""))


@pytest.mark.slow
def test_html_headings_and_labels_in_both_languages(finished):
    zh = to_html(finished, "zh", charts=None, font_css="")
    en = to_html(finished, "en", charts=None, font_css="")
    assert '<html lang="zh-CN">' in zh and '<html lang="en">' in en
    assert "<h2>判定规则</h2>" in zh and "<h2>How the status is decided</h2>" in en
    assert "<h2>各项目标</h2>" in zh and "<h2>Targets</h2>" in en
    assert ">点击表头排序。</p>" in zh and ">Click a header to sort.</p>" in en
    assert "<p>评估依据：全部已发布数据。共" in zh
    assert "<p>Based on all figures published to date. " in en


@pytest.mark.slow
def test_workbook_sheets_and_headers_in_both_languages(finished, tmp_path):
    from jxdigital.present.view import view

    openpyxl = pytest.importorskip("openpyxl")
    pytest.importorskip("xlsxwriter")
    for lang in ("zh", "en"):
        path = to_excel(finished, tmp_path / f"a-{lang}.xlsx", lang)
        book = openpyxl.load_workbook(path, read_only=True)
        # a plan of one region has no 分地区 sheet (tests/test_regions_27.py has one)
        assert book.sheetnames == [SHEETS[k][lang] for k in SHEETS if k != "by_region"]
        summary = book[SHEETS["summary"][lang]]
        head = [c.value for c in next(summary.iter_rows(max_row=1))]
        assert head == view(finished, lang).book.headers  # the view's, in its language
        for k in ("targets", "actuals", "projections"):  # no code names for headers
            first = [c.value for c in next(book[SHEETS[k][lang]].iter_rows(max_row=1))]
            if lang == "zh":
                assert all(CJK.search(str(h)) or h in ("P(met)",) for h in first), first
        about = book[SHEETS["about"][lang]]
        assert next(about.iter_rows(max_row=1))[0].value == report_words("about_column", lang)
        book.close()
    assert [SHEETS[k]["zh"] for k in SHEETS] == [
        "说明", "概览", "分地区", "回顾", "目标明细", "数据", "预测"]
