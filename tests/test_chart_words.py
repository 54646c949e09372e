"""The words on charts live in ``present._chart_words``: no chart module holds a phrase, the
catalogue is complete in both languages, and the charts say what they said before."""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path

import matplotlib.pyplot as plt
import pytest

from jxdigital import assess, charts
from jxdigital.present import _chart_words as W

CHARTS = Path(charts.__file__).parent
# CJK ideographs and radicals, CJK punctuation (。、“”…), full-width forms (：；（）｜)
CJK = re.compile(r"[\u2e80-\u2fff\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]")


def _docstrings(tree: ast.AST) -> set[int]:
    """ids of the docstring constants of a module, its classes and functions."""
    ids = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and \
                    isinstance(body[0].value, ast.Constant) and \
                    isinstance(body[0].value.value, str):
                ids.add(id(body[0].value))
    return ids


def test_no_chart_module_holds_a_chinese_phrase():
    files = sorted(CHARTS.glob("*.py"))
    assert {p.name for p in files} >= {"_indicator.py", "_overview.py", "_retrospective.py",
                                       "_style.py", "_render.py"}
    found = []
    for path in files:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docs = _docstrings(tree)
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and \
                    id(node) not in docs and CJK.search(node.value):
                found.append(f"{path.name}:{node.lineno}: {node.value!r}")
    assert not found, "phrases belong in jxdigital.present._chart_words:\n" + "\n".join(found)


def _fields(template: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(template) if f}


def test_every_chart_phrase_in_both_languages_with_the_same_fields():
    for key, by_lang in W.CHART.items():
        assert set(by_lang) == {"zh", "en"}, key
        assert _fields(by_lang["zh"]) == _fields(by_lang["en"]), key
        assert not CJK.search(by_lang["en"]), key
    assert {f"mark_{m}" for m in W.MARKS} <= set(W.CHART)


def test_chart_words_as_the_charts_said_them(jiangxi_final, national_final):
    from jxdigital.present.view import view

    assert W.chart_words("p_axis", "zh") == "达标概率 P(目标实现)"
    assert W.chart_words("p_axis", "en") == "P(target met)"
    # the ▲ is explained with the chart's own bound (issue 18), or plainly without one
    assert W.marks_words(["other_sources", "lower_bound"], "zh", "2022年为“6.2万个以上”") == \
        "▲为下限值（2022年为“6.2万个以上”）；灰点为未采用的其他来源。"
    assert W.marks_words(["lower_bound"], "zh") == "▲为下限值。"
    assert W.marks_words([], "en") == ""
    a = jiangxi_final
    zh, en = view(a, "zh").chart("base_stations_5g"), view(a, "en").chart("base_stations_5g")
    assert zh.unpublished[2] == "2023—2025年数据尚未公布"
    assert en.unpublished[2] == "2023–2025: not yet published"
    assert zh.fan.label == "2025年预测 10.5万个\n80%区间 6.2万个—19.6万个"
    assert zh.last.text == "2022: 6.2万个以上"
    assert en.last.text == "2022: over 62,000"  # a bound reads as one (issue 18)
    assert zh.target_label == "目标 10万个" and en.target_label == "target 100,000"
    n = view(national_final, "en").retrospective_chart
    assert n.ticks == ("end 2021", "end 2022", "end 2023", "end 2024", "end 2025",
                       "2026-12-01\n(this review)")
    retail = view(assess("jiangxi-14th-fyp", today="2024-06-30"), "zh")
    assert retail["online_retail_sales"].mark == "3000亿元左右"
    assert view(assess("jiangxi-14th-fyp", today="2024-06-30"), "en")[
        "online_retail_sales"].mark == "about 300 billion yuan"


@pytest.fixture(scope="module")
def shipped(jiangxi_final):
    return jiangxi_final


def test_the_summary_and_retrospective_axes_in_both_languages(shipped, national_final):
    national = national_final
    for lang, xlabel, title in (
            ("zh", "达标概率 P(目标实现)", f"{shipped.plan.title_zh}：各项目标实现概率"),
            ("en", "P(target met)",
             f"{shipped.plan.title_en} — chance of meeting each target")):
        fig = charts.plot_status_summary(shipped, lang=lang)
        ax = fig.axes[0]
        assert ax.get_xlabel() == xlabel
        assert ax.get_title(loc="left").replace("\n", "" if lang == "zh" else " ") == title
        lines = fig.texts[-1].get_text().split("\n")  # wrapped between characters / words
        footer = "".join(lines) if lang == "zh" else " ".join(lines)
        assert ("条长为达标概率（结果已定的为100%或0），虚线为25%和75%。" if lang == "zh" else
                "Bar length: P(target met) (100% or 0 where the outcome is settled); dashed "
                "lines at 25% and 75%.") in footer
        assert "序时进度" not in footer  # a finished plan: no progress words anywhere
        plt.close(fig)
    for lang, ylabel, title in (("zh", "当年评估的达标概率", "回顾：各年评估与最终结果"),
                                ("en", "P(met) at each review",
                                 "Looking back: each year's review against the outcome")):
        fig = charts.plot_retrospective(national, lang=lang)
        ax = fig.axes[0]
        assert ax.get_ylabel() == ylabel and ax.get_title(loc="left") == title
        plt.close(fig)


def test_the_indicator_chart_words_in_english(shipped):
    fig = charts.plot_indicator(shipped, "digital_economy_value_added", lang="en")
    ax = fig.axes[0]
    texts = [t.get_text() for t in ax.texts]
    assert "2022–2025: not yet published" in texts
    assert any(t.startswith("target 1.6 trillion yuan") for t in texts)
    footer = fig.texts[-1].get_text().replace("\n", " ")
    assert footer.startswith("Sources: ") and "fan = 50/80/95% intervals" in footer
    assert "generated 2026-12-01" in footer
    plt.close(fig)
