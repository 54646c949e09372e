"""Issue 27, items 9 and 1: the forms real plans print in the target column (a sentence, a
change in points, a range with units), and unit slips that must not give confident wrong
answers (a figure or a target 10^k times what its row expects). Golden values are worked
out by hand in each test."""

from __future__ import annotations

import math

import pytest

from jxdigital import load_plan
from jxdigital.catalog import parse_base, parse_target
from jxdigital.catalog._parse import TextError
from jxdigital.cli import Exit, main
from jxdigital.errors import PlanFormatError

PLAN_HEADER = "indicator_id,name_zh,unit,base_year,base_text,target_year,target_text"


def _csv(tmp_path, name: str, *lines: str):
    """A UTF-8 CSV file of ``lines`` in ``tmp_path``."""
    p = tmp_path / name
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return p


# ================================================================ 9. the target as a sentence
@pytest.mark.parametrize(("text", "unit", "value", "comparator"), [
    # the year, the verb, the object words (5G基站) and the unit are read around the number
    ("2025年建成5G基站10万个", "万个", 10.0, "reach"),
    ("到2025年，5G基站达到10万个以上", "万个", 10.0, "at_least"),
    ("到2025年, 5G基站达到10万个以上", "万个", 10.0, "at_least"),
    ("2025年突破1万亿元", "亿元", 10000.0, "more_than"),  # 1 万亿元 = 1 × 10^12 / 10^8 亿元
    ("2025年建成2万个5G基站", "万个", 2.0, "reach"),
    ("到2025年底，累计建成5G基站100000个", "万个", 10.0, "reach"),  # 100000 个 / 10^4
    ("2025年超过3000个", "个", 3000.0, "more_than"),
    ("到2025年，千兆宽带用户达6000万户", "万户", 6000.0, "reach"),
    ("IPv6活跃用户力争达到8亿", "亿", 8.0, "reach"),  # IPv6: a name, not the number 6
    ("10G-PON端口达到1200万个", "万个", 1200.0, "reach"),
    ("数字经济增加值达到1.6万亿元左右", "亿元", 16000.0, "around"),
    ("5G基站不少于10万个", "万个", 10.0, "at_least"),
    ("建成超算中心3个", "个", 3.0, "reach"),  # 超 of 超算 is not 超 (more than)
])
def test_a_target_printed_as_a_sentence_is_read(text, unit, value, comparator):
    p = parse_target(text, unit, year=2025)
    assert (p.value, p.comparator) == (pytest.approx(value), comparator)


def test_a_sentence_target_in_a_plan_file_keeps_the_users_text(tmp_path):
    plan = _csv(tmp_path, "plan.csv", PLAN_HEADER,
                'bs,5G基站,万个,2020,3.4,2025,"到2025年，5G基站达到10万个以上"',
                "dev,数字经济增加值,亿元,2020,8354,2025,2025年突破1万亿元")
    t = load_plan(plan)
    assert (t["bs"].target_value, t["bs"].comparator) == (10.0, "at_least")
    assert t["bs"].target_text == "到2025年，5G基站达到10万个以上"
    assert (t["dev"].target_value, t["dev"].comparator) == (10000.0, "more_than")
    frame = t.to_frame().set_index("indicator_id")
    assert frame.loc["dev", "target_value"] == 10000.0


def test_an_empty_target_year_takes_the_year_the_sentence_names(tmp_path):
    plan = _csv(tmp_path, "plan.csv", PLAN_HEADER,
                "bs,5G基站,万个,2020,3.4,,2025年建成5G基站10万个")
    t = load_plan(plan)["bs"]
    assert (t.target_year, t.target_value) == (2025, 10.0)


@pytest.mark.parametrize(("text", "year"), [("到2024年，5G基站达到10万个以上", "2024"),
                                            ("2030年建成5G基站10万个", "2030")])
def test_a_sentence_year_that_is_not_the_rows_is_an_error_naming_both(tmp_path, text, year,
                                                                     capsys):
    plan = _csv(tmp_path, "plan.csv", PLAN_HEADER, f'bs,5G基站,万个,2020,3.4,2025,"{text}"')
    with pytest.raises(PlanFormatError) as e:
        load_plan(plan)
    (p,) = e.value.problems
    assert (p.row, p.column, p.value) == (2, "target_text", text)
    assert f"says {year}年" in p.expected and "target_year says 2025" in p.expected
    assert main(["validate", str(plan)]) == Exit.INVALID_INPUT
    err = capsys.readouterr().err
    assert text in err and "target_year says 2025" in err


@pytest.mark.parametrize(("text", "unit", "words"), [
    ("到2025年，5G基站达到10万户", "万个", "'万户' does not"),  # 户 is not 个
    ("2025年建成3000家", "个", "'家' does not"),
    ("2025年突破1万亿", "亿元", "for money write 1万亿元"),  # a bare 万亿 is never money
    ("2025年数字经济增加值达到10%", "亿元", "'%' does not"),
])
def test_a_sentence_unit_that_does_not_fit_the_row_is_an_error_saying_which(text, unit,
                                                                            words):
    with pytest.raises(TextError) as e:
        parse_target(text, unit)
    assert words in e.value.expected and unit in e.value.expected


@pytest.mark.parametrize(("text", "words"), [
    ("2025年5G基站10万个，数据中心20个", "the text has 2, 10, 20"),
    ("2025年建成5G基站", "the text has no number"),
    ("到2025年", "the text has no number"),
    ("突破10万个以上", "'突破' and '以上'"),
    ("大约不到5万个", "'不到'"),
])
def test_a_sentence_it_cannot_read_is_refused_naming_the_sentence_form(text, words):
    with pytest.raises(TextError) as e:
        parse_target(text, "万个")
    assert words in e.value.expected
    assert "到2025年，5G基站达到10万个以上" in e.value.expected or "one number" in \
        e.value.expected


def test_newly_built_is_a_yearly_count_not_a_level(tmp_path):
    # 新建 in a level row would read a flow as the stock: refused, saying what to type
    with pytest.raises(TextError, match="measure annual_flow"):
        parse_target("2025年新建5G基站2万个", "万个", 3.4, year=2025)
    plan = _csv(tmp_path, "plan.csv", PLAN_HEADER + ",measure",
                "new_bs,新建5G基站,万个,,,2025,每年新建5G基站2万个,annual_flow")
    t = load_plan(plan)["new_bs"]
    assert (t.target_value, t.comparator, t.measure) == (2.0, "reach", "annual_flow")


# ---------------------------------------------------------------- 9. a change in points
@pytest.mark.parametrize(("text", "value", "comparator", "direction"), [
    ("提高3个百分点", 6.5 + 3, "reach", "increase"),
    ("提升3个百分点", 6.5 + 3, "reach", "increase"),
    ("增加1.5个百分点", 6.5 + 1.5, "reach", "increase"),
    ("提高3个百分点以上", 6.5 + 3, "at_least", "increase"),
    ("到2025年，占比提高3个百分点", 6.5 + 3, "reach", "increase"),
    ("下降2个百分点", 6.5 - 2, "reach", "decrease"),
    ("降低2个百分点", 6.5 - 2, "reach", "decrease"),
    ("下降2个百分点以上", 6.5 - 2, "at_most", "decrease"),  # falls by 2 or more: ≤ 4.5
])
def test_a_change_in_points_is_the_base_plus_the_points(tmp_path, text, value, comparator,
                                                        direction):
    plan = _csv(tmp_path, "plan.csv", PLAN_HEADER, f'share,占比,%,2020,6.5,2025,"{text}"')
    t = load_plan(plan)["share"]
    assert (t.target_value, t.comparator) == (pytest.approx(value), comparator)
    assert t.indicator.direction == direction
    assert t.target_text == text  # the user's words are kept; target_value is the level
    audit = load_plan(plan).audit().set_index("indicator_id")
    assert audit.loc["share", "target_value"] == pytest.approx(value)


def test_a_change_in_points_needs_a_base_and_a_percent_row(tmp_path, capsys):
    plan = _csv(tmp_path, "plan.csv", PLAN_HEADER, "share,占比,%,,—,2025,提高3个百分点",
                "money,规模,亿元,2020,8354,2025,提高3个百分点")
    with pytest.raises(PlanFormatError) as e:
        load_plan(plan)
    first, second = e.value.problems
    assert (first.row, first.column, first.value) == (2, "target_text", "提高3个百分点")
    assert "base_text" in first.expected
    assert (second.row, second.column) == (3, "target_text")
    assert "% row" in second.expected and "亿元" in second.expected
    assert main(["validate", str(plan)]) == Exit.INVALID_INPUT
    assert "提高3个百分点" in capsys.readouterr().err


# ---------------------------------------------------------------- 9. ranges with units
@pytest.mark.parametrize(("text", "unit", "lo", "hi"), [
    ("10%—12%", "%", 10.0, 12.0),
    ("10%-12%", "%", 10.0, 12.0),
    ("10%～12%", "%", 10.0, 12.0),
    ("10%－12%", "%", 10.0, 12.0),
    ("1.5-2万亿元", "亿元", 15000.0, 20000.0),  # 1.5 × 10^4 and 2 × 10^4 亿元
    ("8000亿-1.2万亿元", "亿元", 8000.0, 12000.0),  # 亿 of 8000亿 is 亿元, from 万亿元
    ("到2025年，达到10%—12%", "%", 10.0, 12.0),
    ("5万-8万个", "个", 50000.0, 80000.0),
])
def test_a_range_printed_with_units_is_a_between_target(text, unit, lo, hi):
    assert tuple(parse_target(text, unit)) == (pytest.approx(lo), "between", pytest.approx(hi))


def test_a_range_with_units_in_a_plan_file(tmp_path):
    plan = _csv(tmp_path, "plan.csv", PLAN_HEADER,
                "dev,数字经济增加值,亿元,2020,8354,2025,1.5-2万亿元",
                "share,占比,%,2020,6.5,2025,10%—12%")
    p = load_plan(plan)
    assert (p["dev"].target_value, p["dev"].target_high) == (15000.0, 20000.0)
    assert (p["share"].target_value, p["share"].target_high, p["share"].comparator) == (
        10.0, 12.0, "between")


# ---------------------------------------------------------------- 9. base texts
@pytest.mark.parametrize(("text", "unit", "value", "qualifier"), [
    ("2020年为8354亿元", "亿元", 8354.0, "exact"),
    ("2020年5G基站3.4万个", "万个", 3.4, "exact"),
    ("2020年超过3000件", "件", 3000.0, "more_than"),
    ("2020年达到0.8万亿元", "亿元", 8000.0, "exact"),  # 0.8 × 10^4
])
def test_a_base_printed_as_a_sentence_is_read(text, unit, value, qualifier):
    assert parse_base(text, unit, year=2020)[:2] == (pytest.approx(value), qualifier)


def test_a_base_year_the_text_contradicts_is_an_error(tmp_path):
    plan = _csv(tmp_path, "plan.csv", PLAN_HEADER,
                "dev,数字经济增加值,亿元,2020,2019年为8354亿元,2025,16000")
    with pytest.raises(PlanFormatError) as e:
        load_plan(plan)
    (p,) = e.value.problems
    assert p.column == "base_text" and "2019年" in p.expected and "base_year says 2020" in \
        p.expected
    assert not math.isnan(parse_base("8354亿元", "亿元").value)
