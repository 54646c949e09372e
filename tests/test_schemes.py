"""The published schemes' own arithmetic (``scheme="eurostat"`` and ``"un"``), worked by hand
from the documents (docs/methods.md §1.1), on made-up series (not data):

- Eurostat (EU SDG monitoring, short-term trend): R = CAGR_a / CAGR_r over the last five
  years, t − 5 … t, the required rate from the window's first figure to the target in the
  target year, compound growth for every indicator (shares too); a window whose figures
  span fewer than three years is not assessed. Cut-offs 0.95 / 0.60 / 0.
- UNSD Progress Chart: P = (ŷ_T − y_b)/(y_T − y_b), ŷ_T carrying the compound growth since
  the base year b on from the latest figure, shares too. Cut-offs 0.95 / 0.5 / 0.1 / −0.1.

The primary scheme's measures (growth_ratio, gap_ratio: since the base year, in points for
shares) keep their meaning; only the schemes' classes read the new measures.
"""

from __future__ import annotations

import math

import pytest

from _build import read_figures, read_plan
from jxdigital.api import assess

TODAY = "2026-12-01"


def _judge(tmp_path, row, figures, scheme):
    """The target of one plan row, judged on ``figures`` ({year: value}) in ``scheme``."""
    plan = read_plan(tmp_path, [row], "region")
    sid = row.split(",")[0]
    data = read_figures(plan, [(sid, "jiangxi", y, v) for y, v in figures.items()],
                        source="test {year}")
    return assess(plan, data, today=TODAY, scheme=scheme)[sid]


# a renewable-energy-style share, 12.0 % in 2019 (the base) to 15.2 % in 2024, against 27 %
# in 2030: made-up figures. The window t − 5 … t is 2019–2024, the base year's own span.
SHARE = "renew,某可再生能源占比,%,2019,12.0,2030,27以上,jiangxi"
SHARE_FIGURES = {2019: 12.0, 2020: 12.6, 2021: 13.3, 2022: 13.9, 2023: 14.5, 2024: 15.2}


def test_eurostat_compares_compound_growth_for_shares_too(tmp_path):
    r = _judge(tmp_path, SHARE, SHARE_FIGURES, "eurostat")
    # in points (jxdigital's own measure, unchanged): 0.64 a year against 15/11 = 1.364
    # required, 0.469: "insufficient" if points were compared
    assert r.actual_pp_per_year == pytest.approx(0.64)
    assert r.growth_ratio == pytest.approx(0.64 / (15 / 11))  # 0.4693
    # Eurostat: CAGR_a = 1.26667^(1/5) − 1 = 0.04841; CAGR_r = 2.25^(1/11) − 1 = 0.07650
    actual = (15.2 / 12.0) ** (1 / 5) - 1
    required = (27 / 12.0) ** (1 / 11) - 1
    assert actual == pytest.approx(0.04841, abs=1e-5)
    assert required == pytest.approx(0.07650, abs=1e-5)
    assert r.eurostat_from == 2019
    assert r.eurostat_ratio == pytest.approx(actual / required)  # 0.6328
    assert r.eurostat_class == "moderate_progress" and r.status == "moderate_progress"


def test_unsd_extrapolates_compound_growth_for_shares_too(tmp_path):
    r = _judge(tmp_path, SHARE, SHARE_FIGURES, "un")
    # in points: 15.2 + 0.64 × 6 = 19.04 in 2030, (19.04 − 12)/15 = 0.469: "marginal"
    assert r.gap_ratio == pytest.approx((19.04 - 12) / 15)
    # UNSD: 15.2 × 1.04841^6 = 20.186 in 2030, (20.186 − 12)/15 = 0.546: moderate progress
    projected = 15.2 * (15.2 / 12.0) ** (6 / 5)
    assert projected == pytest.approx(20.186, abs=1e-3)
    assert r.unsd_ratio == pytest.approx((projected - 12) / 15)
    assert r.un_class == "moderate_progress" and r.status == "moderate_progress"


# a level measured over ten years: fast early, slower in the last five. Base 100 in 2014,
# 400 in 2030; 185 in 2019, 234 in 2024.
LEVEL = "sales,某收入,亿元,2014,100,2030,400,jiangxi"
LEVEL_FIGURES = {2014: 100.0, 2015: 115.0, 2016: 132.0, 2017: 152.0, 2018: 170.0,
                 2019: 185.0, 2020: 200.0, 2021: 208.0, 2022: 216.0, 2023: 225.0,
                 2024: 234.0}


def test_eurostat_measures_the_last_five_years_not_since_the_base(tmp_path):
    r = _judge(tmp_path, LEVEL, LEVEL_FIGURES, "eurostat")
    # since the base: 2.34^(1/10) − 1 = 0.0887 against 4^(1/16) − 1 = 0.0905, 0.980
    assert r.growth_ratio == pytest.approx((2.34 ** 0.1 - 1) / (4 ** (1 / 16) - 1))
    assert r.growth_ratio == pytest.approx(0.980, abs=1e-3)  # "significant" that way
    # Eurostat, 2019–2024: (234/185)^(1/5) − 1 = 0.0481 against the (400/185)^(1/11) − 1
    # = 0.0726 still needed from 2019 to 2030: 0.663
    ratio = ((234 / 185) ** (1 / 5) - 1) / ((400 / 185) ** (1 / 11) - 1)
    assert ratio == pytest.approx(0.663, abs=1e-3)
    assert r.eurostat_from == 2019 and r.eurostat_ratio == pytest.approx(ratio)
    assert r.status == "moderate_progress"


def test_eurostat_takes_the_first_figure_after_a_missing_t_minus_5(tmp_path):
    # figures from 2021 (the base) to 2024: no 2019 or 2020, so 2021–2024, three years
    row = "x,某收入,亿元,2021,100,2027,200,jiangxi"
    r = _judge(tmp_path, row, {2021: 100.0, 2022: 110.0, 2023: 121.0, 2024: 133.1},
               "eurostat")
    # 10 % a year against 2^(1/6) − 1 = 0.1225 required from 2021: 0.817
    assert r.eurostat_from == 2021
    assert r.eurostat_ratio == pytest.approx(0.1 / (2 ** (1 / 6) - 1))
    assert r.status == "moderate_progress"


def test_eurostat_does_not_assess_figures_spanning_under_three_years(tmp_path):
    # 2022–2024, two years: Eurostat makes no assessment; the primary status still judges
    row = "x,某收入,亿元,2022,100,2027,200,jiangxi"
    r = _judge(tmp_path, row, {2022: 100.0, 2023: 110.0, 2024: 121.0}, "eurostat")
    assert r.eurostat_from == 2022 and math.isnan(r.eurostat_ratio)
    assert r.eurostat_class == "" and r.status == "insufficient_data"
    assert (r.status_zh, r.status_en) == ("数据不足", "insufficient data")
    assert r.status_cn not in ("insufficient_data", "not_assessable")
    # (since the base, 10 % against 2^(1/5) − 1 = 14.9 %, 0.67, it used to say "moderate")
    assert r.growth_ratio == pytest.approx(0.1 / (2 ** 0.2 - 1))


def test_a_target_already_met_is_significant_progress_and_on_track(tmp_path):
    # met in 2022 on two years of figures: the target achieved outweighs the short window
    row = "bs,某基站数,万个,2020,3.4,2025,10,jiangxi"
    for scheme, status in (("eurostat", "significant_progress"), ("un", "on_track")):
        r = _judge(tmp_path, row, {2020: 3.4, 2021: 6.0, 2022: 10.5}, scheme)
        assert r.status == status and r.status_cn == "achieved"


def test_eurostat_does_not_reach_back_beyond_five_years(tmp_path):
    # 2015 and 2022–2024: the window 2019–2024 begins in 2022, two years; 2015 is outside it
    row = "x,某收入,亿元,2015,60,2027,200,jiangxi"
    r = _judge(tmp_path, row, {2015: 60.0, 2022: 100.0, 2023: 110.0, 2024: 121.0},
               "eurostat")
    assert r.eurostat_from == 2022 and r.status == "insufficient_data"
    # since the base: (121/60)^(1/9) − 1 = 8.1 % against (200/60)^(1/12) − 1 = 10.6 %, 0.768
    assert r.growth_ratio == pytest.approx(((121 / 60) ** (1 / 9) - 1)
                                           / ((200 / 60) ** (1 / 12) - 1))
    assert r.growth_ratio == pytest.approx(0.768, abs=1e-3)

