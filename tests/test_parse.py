"""Printed texts → meaning: every form the plans print."""

import math

import pytest

from jxdigital.catalog import conversion_factor, lookup_unit, parse_base, parse_growth, parse_target
from jxdigital.catalog._parse import TextError


@pytest.mark.parametrize("text, value, comparator", [
    ("16000", 16000, "reach"), ("达到1500", 1500, "reach"),
    ("10以上", 10, "at_least"), ("1000个以上", 1000, "at_least"), ("不少于10", 10, "at_least"),
    ("≥10", 10, "at_least"),
    (">10000", 10000, "more_than"), ("＞10000", 10000, "more_than"), ("超20", 20, "more_than"),
    ("突破200", 200, "more_than"),
    ("3000左右", 3000, "around"), ("45%左右", 45, "around"),
    ("不高于1.3", 1.3, "at_most"), ("≤1.3", 1.3, "at_most"), ("5以内", 5, "at_most"),
    ("全覆盖", 100, "reach"), ("全部", 100, "reach"),
    ("10,000", 10000, "reach"), (" 4.6 ", 4.6, "reach"),
])
def test_target_forms(text, value, comparator):
    p = parse_target(text, unit="个" if "个" in text else "%")
    assert (p.value, p.comparator) == (pytest.approx(value), comparator)


@pytest.mark.parametrize("text, unit, value, comparator", [
    # forms the real plans print (benchmarks/real_targets): the magnitude with the number,
    # another unit of the row's kind, a leading 力争达
    ("超过1.5万亿元", "亿元", 15000, "more_than"),  # 通信业"十二五": a 亿元 row
    ("突破20亿", "亿户", 20, "more_than"),  # 物联网连接数, counted in 亿户
    ("力争达1200万个", "万个", 1200, "reach"),  # 10G-PON ports
    ("争取达到45", "%", 45, "reach"),
    ("10万个以上", "个", 100000, "at_least"),
    ("7000亿元以上", "万亿元", 0.7, "at_least"),
])
def test_a_number_printed_in_another_unit_is_restated_in_the_rows(text, unit, value,
                                                                   comparator):
    p = parse_target(text, unit=unit)
    assert (p.value, p.comparator) == (pytest.approx(value), comparator)


def test_a_bare_magnitude_is_never_money():
    # "突破7000亿" in a 万亿元 row: 亿 of what? a count converts, money does not
    with pytest.raises(TextError, match="for money write 7000亿元"):
        parse_base("突破7000亿", unit="万亿元")
    with pytest.raises(TextError, match="a value in 万户 or in a unit that converts to it"):
        parse_target("5万亿元", unit="万户")
    assert parse_base("突破7000亿元", unit="万亿元")[:2] == (pytest.approx(0.7), "more_than")


def test_ranges_national_average_growth_comparison_and_doubling():
    assert parse_target("2-3")[:3] == (2.0, "between", 3.0)
    assert parse_target("4—5")[:3] == (4.0, "between", 5.0)
    p = parse_target("超全国平均水平")
    assert math.isnan(p.value) and p.comparator == "above_national_average"
    assert parse_target("快于全国平均增速").comparator == "faster_than"
    assert parse_target("倍增", base_value=8354).value == 16708
    assert parse_target("—").comparator == "none"


@pytest.mark.parametrize("bad", ["10以上以上", "abc", "约", "3-2", "倍增"])
def test_unreadable_targets_say_what_was_expected(bad):
    with pytest.raises(TextError, match="expected"):
        parse_target(bad)


def test_bases():
    assert parse_base(">3000")[:2] == (3000, "more_than")
    assert parse_base("8354")[:2] == (8354, "exact")
    assert parse_base("—").comparator == "none" and parse_base("").comparator == "none"
    for bad in ["超全国平均水平", "≤1.3", "2-3"]:
        with pytest.raises(TextError):
            parse_base(bad)


def test_growths():
    assert parse_growth("14")[:2] == (pytest.approx(0.14), "reach")
    assert parse_growth("18左右")[:2] == (pytest.approx(0.18), "around")
    assert parse_growth("—").comparator == "none"
    with pytest.raises(TextError):
        parse_growth("超全国平均水平")


def test_units():
    assert lookup_unit("亿元")[:2] == ("CNY", 1e8)
    assert lookup_unit("万个")[:2] == ("个", 1e4)
    assert lookup_unit("Gpbs").base == "Gbps"
    assert conversion_factor("万亿元", "亿元") == 1e4
    assert conversion_factor("个", "万个") == 1e-4
    assert conversion_factor("亿户", "万户") == 1e4
    with pytest.raises(ValueError, match="different things"):
        conversion_factor("亿元", "万户")
    with pytest.raises(ValueError, match="different things"):
        conversion_factor("万个", "万户")
