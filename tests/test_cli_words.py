"""Words live in ``jxdigital.present``: the deck, the command line and the template hold no
Chinese of their own; and the command line's exit codes tell bad input from a bug."""

import ast
import re
from pathlib import Path

import pytest

import jxdigital
from jxdigital.cli import BUG_HINT, Exit, main
from jxdigital.present import _cli_words as C
from jxdigital.present import _slide_words as S
from jxdigital.present import template_words as F

SRC = Path(jxdigital.__file__).parent
MODULES = ["slides.py", "cli.py", "report/_fill.py"]
CJK = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\U00020000-\U0002fa1f]")


def _docstrings(tree: ast.AST) -> set[int]:
    ids = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef) \
                and node.body and isinstance(node.body[0], ast.Expr) \
                and isinstance(node.body[0].value, ast.Constant):
            ids.add(id(node.body[0].value))
    return ids


def _argparse_texts(tree: ast.AST) -> set[int]:
    """String constants given as an argparse ``description=`` or ``help=``: the command
    line's help is English, naming the template by its Chinese name (填报表), and is built
    before anything of ``present`` (which imports pandas) may be imported."""
    ids = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.keyword) and node.arg in ("description", "help"):
            ids.update(id(n) for n in ast.walk(node.value) if isinstance(n, ast.Constant))
    return ids


@pytest.mark.parametrize("module", MODULES)
def test_no_chinese_outside_present(module):
    tree = ast.parse((SRC / module).read_text(encoding="utf-8"))
    allowed = _docstrings(tree) | (_argparse_texts(tree) if module == "cli.py" else set())
    found = [(n.lineno, n.value) for n in ast.walk(tree)
             if isinstance(n, ast.Constant) and isinstance(n.value, str)
             and CJK.search(n.value) and id(n) not in allowed]
    assert found == []


def test_the_scan_sees_chinese_in_fstrings_and_pairs():
    tree = ast.parse('x = f"{n}：{r}" if zh else "a"\ny = {"zh": "完成情况："}\n')
    assert sum(1 for n in ast.walk(tree) if isinstance(n, ast.Constant)
               and isinstance(n.value, str) and CJK.search(n.value)) == 2


def test_deck_and_command_line_phrases_in_both_languages():
    assert S.deck_title(True, "zh") == "目标完成情况评估"
    assert S.deck_title(False, "en") == "Progress towards the targets"
    # one colon in a title at most: a dash after a title that has its own
    assert S.deck_file_title("江西省规划·主要指标", "目标完成情况评估", "zh") == \
        "江西省规划·主要指标：目标完成情况评估"
    assert S.deck_file_title("Jiangxi plan: main indicators", "The final account", "en") == \
        "Jiangxi plan: main indicators — The final account"
    assert C.mismatch_sentence(3, "zh") == \
        "3 项规划年均增长与基期→目标值隐含增长相差超过0.5个百分点。"
    assert C.mismatch_sentence(0, "en").startswith("0 stated growth rates differ")
    assert C.check_words(True, True, "zh") == "不符；方向矛盾"
    assert C.check_words(True, True, "en") == "MISMATCH; DIRECTION"
    assert C.check_words(False, False, "en") == ""
    assert C.implied_growth(0.139, float("nan"), "zh") == "13.9%"
    assert C.implied_growth(float("nan"), 0.7, "zh") == "+0.7点"
    assert C.implied_growth(float("nan"), -0.7, "en") == "-0.7pp"
    assert C.implied_growth(float("nan"), float("nan"), "en") == ""
    assert C.direction_words("decrease", "zh") == "下降"
    assert C.direction_words("decrease", "en") == "decrease"
    for words in (S.DECK, C.AUDIT_HEADERS, C.DIRECTION, C.CHECK,
                  F.HEADER_NOTES, F.CHECK_MESSAGE, F.SOURCE_LABELS):
        assert set(words) == {"zh", "en"} and set(words["zh"]) == set(words["en"])


def test_template_headers_are_names_the_reader_maps_to_their_columns():
    from jxdigital.observations._load import _ALIASES, IGNORED

    for lang in ("zh", "en"):
        h = F.TEMPLATE_HEADERS[lang]
        for key, text in h.items():
            if key == "definition":
                assert text in IGNORED
                continue
            column = {"id": "indicator_id", "name": "indicator"}.get(key, key)
            assert _ALIASES.get(text, text) == column, (lang, key, text)
    assert F.TEMPLATE_HEADERS["zh"]["source_title"] == "来源"
    assert F.TEMPLATE_SHEETS["zh"] == ("填报", "说明")
    assert F.TEMPLATE_SHEETS["en"] == ("figures", "how to fill in")


def test_help_sheet_marks_the_grey_line_in_both_languages():
    from jxdigital.catalog import load_plan

    plan = load_plan()
    for lang, start in (("zh", "灰色格子（共7个）"), ("en", "Grey cells (7)")):
        lines = F.help_lines(plan, 2020, [2021, 2025], lang, "sheet", 7, "9.9")
        grey = [text for style, text in lines if style == "grey"]
        assert len(grey) == 1 and grey[0].startswith(start)
        assert any("9.9" in text for _, text in lines)


# --- exit codes: a bad argument is 2, a file that cannot be read 4, a bug 1 with a traceback

def test_every_exit_code_is_its_own():
    assert [int(e) for e in Exit] == [0, 1, 2, 3, 4]


def test_unknown_plan_id_is_bad_input_with_the_message(capsys):
    assert main(["assess", "--plan", "no-such-plan"]) == Exit.USAGE == 2
    err = capsys.readouterr().err
    assert err.startswith("jxdigital: error: no shipped plan 'no-such-plan'; shipped plans: ")
    assert "Traceback" not in err and BUG_HINT not in err


def test_a_bad_argument_value_is_bad_input(capsys):
    assert main(["assess", "--as-of", "soon"]) == 2
    assert "argument 'as_of': expected a year" in capsys.readouterr().err


@pytest.mark.parametrize("error", [ValueError("could not convert"), KeyError("column"),
                                   ValueError("argument"), TypeError("unsupported operand")])
def test_a_plain_error_deep_inside_is_a_bug(monkeypatch, capsys, error):
    from jxdigital.catalog import Plan

    def broken(self):
        raise error

    monkeypatch.setattr(Plan, "audit", broken)
    assert main(["audit"]) == Exit.UNEXPECTED == 1
    err = capsys.readouterr().err
    assert "Traceback (most recent call last)" in err and "in broken" in err
    assert err.rstrip().splitlines()[-1] == f"jxdigital {jxdigital.__version__}: {BUG_HINT}"


def test_a_missing_optional_extra_is_said_in_one_line(monkeypatch, capsys):
    from jxdigital.catalog import Plan

    def needs(self):
        raise ImportError("this needs XlsxWriter: pip install 'jxdigital[excel]'")

    monkeypatch.setattr(Plan, "audit", needs)
    assert main(["audit"]) == Exit.UNEXPECTED
    err = capsys.readouterr().err
    assert err == "jxdigital: error: this needs XlsxWriter: pip install 'jxdigital[excel]'\n"


def test_every_error_jxdigital_raises_on_purpose_has_one_base():
    from jxdigital._atomic import ReplaceError
    from jxdigital.catalog._parse import TextError
    from jxdigital.errors import (
        ArgumentError,
        InputError,
        JxDigitalError,
        NotFoundError,
        PlanFormatError,
    )
    from jxdigital.models import ProjectionInputError
    from jxdigital.observations import ActualsError
    from jxdigital.report._build import ReportFolderError

    for cls in (ArgumentError, InputError, NotFoundError, PlanFormatError, TextError,
                ProjectionInputError, ActualsError, ReportFolderError, ReplaceError):
        assert issubclass(cls, JxDigitalError), cls


def test_a_projection_input_error_is_said_in_one_line_not_as_a_bug(capsys, monkeypatch):
    import jxdigital.cli as cli
    from jxdigital.models import ProjectionInputError

    def boom(args):
        raise ProjectionInputError("argument 'data': expected at least 2 years (series x)")

    monkeypatch.setattr(cli, "_cmd_plans", boom)
    assert main(["plans"]) == Exit.INVALID_INPUT
    err = capsys.readouterr().err
    assert "Traceback" not in err and BUG_HINT not in err and "series x" in err


def test_main_leaves_the_callers_warning_hook_as_it_was():
    import warnings

    before = warnings.showwarning
    main(["plans"])
    assert warnings.showwarning is before


def test_the_library_logs_what_it_read_and_did(caplog, tmp_path):
    import logging

    import jxdigital

    figs = tmp_path / "figs.csv"
    figs.write_text("indicator_id,region,year,value,unit,source_title\n"
                    "base_stations_5g,jiangxi,2023,7.8,万个,部门数据\n", encoding="utf-8")
    with caplog.at_level(logging.INFO, logger="jxdigital"):
        jxdigital.assess(actuals=str(figs), today="2026-12-01")
    said = [r.getMessage() for r in caplog.records if r.name.startswith("jxdigital")]
    assert any(m.startswith("read 1 figure(s) of 1 indicator(s)") and "figs.csv" in m
               for m in said)
    assert any(m.startswith("assessed jiangxi-14th-fyp: 19 targets") for m in said)
    # and nothing unless asked: the package's logger has only a NullHandler
    assert all(isinstance(h, logging.NullHandler)
               for h in logging.getLogger("jxdigital").handlers)
