"""Plan.audit(): the plan's own arithmetic, checked by hand."""

import math

import pytest

from jxdigital.catalog import load_plan


@pytest.fixture(scope="module")
def audit():
    return load_plan().audit().set_index("indicator_id")


def test_flags_exactly_the_three_inconsistent_rows(audit):
    assert set(audit.index[audit["flagged"]]) == {
        "software_it_services_revenue", "online_retail_sales", "mobile_iot_terminals"}


@pytest.mark.parametrize("iid, implied, stated", [
    # (600/296)**(1/5) - 1 = 0.1518;  (3000/1582)**0.2 - 1 = 0.1365; (3500/1488)**0.2 - 1 = 0.1866
    ("software_it_services_revenue", 0.152, 0.18),
    ("online_retail_sales", 0.137, 0.18),
    ("mobile_iot_terminals", 0.187, 0.11),
    # passing rows: (16000/8354)**0.2-1 = 0.1388; (10000/4070)**0.2-1 = 0.1970;
    # (5500/3000)**0.2-1 = 0.1289; (15000/10000)**0.2-1 = 0.0845
    ("digital_economy_value_added", 0.139, 0.14),
    ("electronic_info_manufacturing_revenue", 0.197, 0.20),
    ("it_patents_granted", 0.129, 0.13),
    ("ecommerce_transactions", 0.084, 0.08),
])
def test_implied_and_stated_cagr(audit, iid, implied, stated):
    row = audit.loc[iid]
    assert row["implied_cagr"] == pytest.approx(implied, abs=5e-4)
    assert row["stated_cagr"] == pytest.approx(stated)
    assert row["gap_pp"] == pytest.approx((row["implied_cagr"] - stated) * 100)
    assert row["flagged"] == (abs(row["gap_pp"]) > 0.5)


def test_gap_sign_and_size(audit):
    assert audit.loc["software_it_services_revenue", "gap_pp"] == pytest.approx(-2.82, abs=0.01)
    assert audit.loc["mobile_iot_terminals", "gap_pp"] == pytest.approx(7.66, abs=0.01)


def test_implied_cagr_for_rows_that_state_none(audit):
    # (10/3.4)**0.2 - 1 = 0.2408; (300/13.6)**0.2 - 1 = 0.8566
    assert audit.loc["base_stations_5g", "implied_cagr"] == pytest.approx(0.2408, abs=1e-4)
    assert audit.loc["gigabit_broadband_users", "implied_cagr"] == pytest.approx(0.8566, abs=1e-4)
    assert not audit.loc["base_stations_5g", "flagged"]
    assert "states no rate" in audit.loc["base_stations_5g", "check"]


def test_shares_report_points_per_year_not_growth(audit):
    row = audit.loc["core_digital_industry_share_of_gdp"]  # (10 - 6.5) / 5 = 0.7 points a year
    assert math.isnan(row["implied_cagr"])
    assert row["implied_pp_per_year"] == pytest.approx(0.7)
    assert audit.loc["ganzhengtong_daily_active_rate", "implied_pp_per_year"] == pytest.approx(16)


def test_where_the_stated_rate_would_lead(audit):
    # 296 * 1.18**5 = 677.2: the stated rate overshoots the 600 target
    assert audit.loc["software_it_services_revenue", "target_at_stated_rate"] == pytest.approx(
        677.18, abs=0.01)


def test_bounds_make_the_rate_approximate(audit):
    assert audit.loc["it_patents_granted", "approximate"]  # >3000 → >5500
    assert not audit.loc["digital_economy_value_added", "approximate"]


def test_rows_without_numbers_are_not_flagged(audit):
    for iid in ["informatization_industrialization_index", "cross_province_services_share"]:
        assert not audit.loc[iid, "flagged"]
        assert math.isnan(audit.loc[iid, "implied_cagr"])
