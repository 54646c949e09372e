"""The national plan's 2025 outcomes from the 2026 government work report (issue 26 item 7):
数字经济核心产业增加值占GDP比重 is settled as met by "提高到10.5%以上", and the weak 2025 leads
stay out of every verdict."""

import pandas as pd
import pytest

import jxdigital
from jxdigital._data import data_path

TODAY = "2026-12-01"  # the plan period 2021-2025 is over
PLAN = "china-14th-fyp-digital"
CORE = "core_digital_industry_share_of_gdp"
RAW = pd.read_csv(data_path("actuals.csv"), dtype=str, keep_default_na=False)


@pytest.fixture(scope="module")
def national(national_final):
    return national_final  # jxdigital.assess(PLAN, today=TODAY), shared (conftest.py)


def test_the_work_report_figure_is_shipped_as_printed_with_its_source():
    row = RAW[(RAW.indicator_id == CORE) & (RAW.region == "china") & (RAW.year == "2025")]
    assert len(row) == 1
    r = row.iloc[0]
    # "数字经济核心产业增加值占国内生产总值的比重提高到10.5%以上": a lower bound, year-end
    assert (r.value, r.unit, r.qualifier, r.as_of) == ("10.5", "%", "lower_bound", "")
    assert r.comparable == "true" and r.source_type == "government_report"
    assert r.published == "2026-03-05" and r.source_url.startswith("https://")
    assert "数字经济核心产业增加值占国内生产总值的比重提高到10.5%以上" in r.note


def test_the_core_industry_share_is_met_from_the_2025_lower_bound(national):
    r = national[CORE]
    assert r.status == "met" and r.final and r.p_met == 1.0
    assert (r.latest_year, r.latest_value, r.latest_qualifier) == (2025, 10.5, "lower_bound")
    assert r.target_value == 10 and r.margin_pp == pytest.approx(0.5)  # 10.5 - 10
    assert r.reason_zh.startswith("2025年10.5%以上，已高于10%的目标，已完成")


def test_the_2025_review_without_the_report_still_left_it_open():
    # at the end of 2025 the report was not out: the share was a projection, not a verdict
    h = jxdigital.assessment_history(PLAN, years=[2025], today=TODAY).set_index("indicator_id")
    assert h.loc[CORE, "latest_year"] == 2024 and h.loc[CORE, "status"] not in ("met", "missed")


def test_weak_2025_leads_are_not_in_any_verdict():
    a = jxdigital.actuals()
    china25 = a[(a.region == "china") & (a.year == 2025)]
    # the unattributed blog's IPv6 8.65亿 and the bigxun 政务服务平台 10亿 are left out
    ipv6 = china25[china25.indicator_id == "ipv6_active_users"]
    assert not (ipv6.value_published.astype(float) == 8.65).any()
    assert china25[china25.indicator_id == "online_gov_service_real_name_users"].empty
    # the total digital economy 49万亿 (≈35 %) is another measure: kept, never selected
    total = china25[china25.indicator_id.isin(["digital_economy_value_added",
                                                "digital_economy_share_of_gdp"])]
    assert len(total) == 2 and not total.comparable.any() and not total.selected.any()
