"""The 十四五 indicator table, checked cell by cell against the published text.

``fixtures/seed_003_indicator_table.txt`` is lines 67-90 of the plan as published
(江西省人民政府, 2022-05-25; shared/seeds/003_bab38e1ff844fe6b.txt): tab-separated,
a blank 类别 continues the category above, and the header repeats at a page break.
"""

import math

import pytest

import jxdigital
from jxdigital.catalog import load_plan, plans


def seed_rows(fixtures):
    rows, category = [], None
    for line in (fixtures / "seed_003_indicator_table.txt").read_text("utf-8").splitlines():
        cells = line.split("\t")
        if len(cells) != 6 or cells[0] == "类别":
            continue
        category = cells[0] or category
        rows.append([category, *cells[1:]])
    return rows


def test_all_19_rows_match_the_published_table_in_order(fixtures):
    printed = seed_rows(fixtures)
    assert len(printed) == 19
    plan = load_plan()
    assert len(plan) == 19
    for t, (category, label, base, target, growth, attribute) in zip(plan, printed, strict=True):
        assert t.indicator.category_zh == category
        assert t.indicator.label_zh == label
        assert (t.base_text, t.target_text, t.stated_growth_text) == (base, target, growth)
        assert t.attribute == attribute == "预期性"
        assert (t.base_year, t.target_year) == (2020, 2025)


# (indicator_id, base_value, base_qualifier, target_value, comparator, stated_growth, unit_base,
#  unit_scale, is_share) read by hand from the printed table.
GOLDEN = [
    ("digital_economy_value_added", 8354, "exact", 16000, "reach", 0.14, "CNY", 1e8, False),
    ("core_digital_industry_share_of_gdp", 6.5, "exact", 10, "at_least", None, "%", 1, True),
    ("electronic_info_manufacturing_revenue", 4070, "exact", 10000, "more_than", 0.20, "CNY",
     1e8, False),
    ("software_it_services_revenue", 296, "exact", 600, "reach", 0.18, "CNY", 1e8, False),
    ("it_patents_granted", 3000, "more_than", 5500, "more_than", 0.13, "件", 1, False),
    ("informatization_industrialization_index", 48.6, "exact", None, "above_national_average",
     None, "index", 1, False),
    ("equipment_digitalization_rate", 40.6, "exact", None, "above_national_average", None, "%",
     1, True),
    ("equipment_nc_rate", 43.5, "exact", None, "above_national_average", None, "%", 1, True),
    ("industrial_internet_platform_penetration", 9.5, "exact", None, "above_national_average",
     None, "%", 1, True),
    ("online_retail_sales", 1582, "exact", 3000, "around", 0.18, "CNY", 1e8, False),
    ("ecommerce_transactions", 10000, "exact", 15000, "reach", 0.08, "CNY", 1e8, False),
    ("ganfutong_registered_users", 2330, "exact", 4100, "reach", None, "", 1e4, False),
    ("ganzhengtong_daily_active_rate", 0, "exact", 80, "reach", None, "%", 1, True),
    ("cross_province_services_share", None, "none", 100, "reach", None, "%", 1, True),
    ("interprovincial_bandwidth", 34790, "exact", 70000, "reach", None, "Gbps", 1, False),
    ("ipv6_active_users", 4024, "exact", 5000, "reach", None, "户", 1e4, False),
    ("gigabit_broadband_users", 13.6, "exact", 300, "reach", None, "户", 1e4, False),
    ("base_stations_5g", 3.4, "exact", 10, "reach", None, "个", 1e4, False),
    ("mobile_iot_terminals", 1488, "exact", 3500, "more_than", 0.11, "个", 1e4, False),
]


def _eq(actual, expected):
    return math.isnan(actual) if expected is None else actual == pytest.approx(expected)


@pytest.mark.parametrize("row", GOLDEN, ids=[g[0] for g in GOLDEN])
def test_parsed_meaning_of_each_row(row):
    iid, base, bq, target, comp, growth, ubase, scale, share = row
    t = load_plan()[iid]
    assert _eq(t.base_value, base) and t.base_qualifier == bq
    assert _eq(t.target_value, target) and t.comparator == comp
    assert _eq(t.stated_growth, growth)
    assert (t.indicator.unit_base, t.indicator.unit_scale) == (ubase, scale)
    assert t.indicator.is_share is share
    assert t.indicator.direction == "increase"


def test_order_of_ids_is_the_published_order():
    assert [t.indicator_id for t in load_plan()] == [g[0] for g in GOLDEN]


def test_to_frame_has_the_documented_columns_and_types():
    f = load_plan().to_frame()
    for col in ["indicator_id", "name_zh", "name_en", "category_zh", "category_en", "unit",
                "base_year", "base_value", "base_text", "target_year", "target_value",
                "target_text", "comparator", "stated_growth", "attribute"]:
        assert col in f.columns, col
    for col in ["base_year", "base_value", "target_year", "target_value", "stated_growth"]:
        assert f[col].dtype == float, col
    row = f.set_index("indicator_id").loc["digital_economy_value_added"]
    assert row["stated_growth"] == pytest.approx(0.14)
    assert math.isnan(f.set_index("indicator_id").loc["base_stations_5g", "stated_growth"])
    assert (f["name_en"] != "").all() and (f["category_en"] != "").all()


def test_around_target_has_a_tolerance_band():
    t = load_plan()["online_retail_sales"]  # 3000左右: default ±5 % of the target
    assert t.band == pytest.approx((2850.0, 3150.0))
    share = load_plan()["core_digital_industry_share_of_gdp"]  # 10以上: open above
    assert share.band == (10.0, math.inf)


def test_shipped_plans_table():
    p = plans()
    assert list(p.columns[:6]) == ["plan_id", "title_zh", "title_en", "base_year",
                                   "target_year", "n_targets"]
    main = p.set_index("plan_id").loc["jiangxi-14th-fyp"]
    assert (main["base_year"], main["target_year"], main["n_targets"]) == (2020, 2025, 19)
    assert (p["n_targets"] > 0).all()


def test_load_plan_default_is_the_14th_fyp_table_and_shows_as_html():
    plan = jxdigital.load_plan()
    assert plan.plan_id == "jiangxi-14th-fyp"
    html = plan._repr_html_()
    assert "<table" in html and "数字经济增加值" in html and "16000" in html


def test_unknown_plan_id_lists_the_shipped_ones():
    with pytest.raises(KeyError, match="jiangxi-14th-fyp"):
        load_plan("jiangxi-15th-fyp")


def test_unknown_indicator_lists_the_plan_ids():
    with pytest.raises(KeyError, match="base_stations_5g"):
        load_plan()["5g"]
