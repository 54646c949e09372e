"""The shipped actuals: every number sourced, the known 5G conflict visible, coverage honest."""

import pandas as pd
import pytest

import jxdigital
from jxdigital._data import data_path

RAW = pd.read_csv(data_path("actuals.csv"), dtype=str, keep_default_na=False)


def test_every_shipped_row_has_a_source():
    for col in ("source_title", "publisher"):
        empty = RAW.index[RAW[col] == ""].tolist()
        assert not empty, f"rows without {col}: lines {[i + 2 for i in empty]}"
    undated = RAW[(RAW["published"] == "") & ~RAW["note"].str.contains("日期")]
    assert undated.empty, "a row without a publication date must say so in note"
    no_url = RAW[(RAW["source_url"] == "") & (RAW["note"] == "")]
    assert no_url.empty, "a row without URL must say why in note"


def test_shipped_set_loads_without_problems_and_has_the_documented_columns():
    a = jxdigital.actuals()
    assert a.attrs["problems"] is None and len(a) == len(RAW)
    for col in ["indicator_id", "region", "year", "value", "unit", "measure", "comparable",
                "source_title", "source_url", "publisher", "published", "kind", "selected"]:
        assert col in a.columns, col
    assert not a.loc[~a["comparable"], "selected"].any()  # never fitted unless opted in
    assert (a.loc[~a["comparable"], "scope_note"] != "").all()
    derived = a[a["kind"] == "derived"]
    assert (derived["derived_from"] != "").all()


def test_the_2021_5g_conflict_is_listed():
    c = jxdigital.conflicts()
    g = c[(c.indicator_id == "base_stations_5g") & (c.region == "jiangxi") & (c.year == 2021)]
    assert sorted(g["value"].round(1)) == [4.2, 6.0]  # 工信厅 "6万多" vs 通信管理局-implied ~4.2
    assert g["selected"].sum() == 1
    assert g.loc[g["selected"], "value"].item() == pytest.approx(6.0)  # published beats derived


def test_coverage_shows_missing_years_as_missing():
    cov = jxdigital.coverage()
    t = cov.table
    assert t.shape == (19, 6) and list(t.columns) == [str(y) for y in range(2020, 2026)]
    # end-2021 5G: the figure the other evidence supports (≈4.2万), as the assessment uses
    assert t.loc["5G基站开通数(万个)", "2021"].startswith("~4.2")
    assert t.loc["省际出口带宽(Gbps)", "2023"] == "—"
    assert sum(cov.counts.values()) == 19
    assert "plan rows" in str(cov)


def test_the_plan_baselines_are_shipped_as_published_2020_figures():
    a = jxdigital.actuals()
    base = a[(a["source_type"] == "plan_document") & (a["year"] == 2020)
             & a["source_title"].str.contains("2020年基期值")]
    plan = jxdigital.load_plan()
    numeric = [t for t in plan if t.base_year is not None and t.base_text != "—"]
    assert len(base) == len(numeric) == 18  # 跨省通办 prints no baseline
    for t in numeric:
        row = base[base["indicator_id"] == t.indicator_id].iloc[0]
        assert row["value"] == pytest.approx(t.base_value), t.indicator_id
    # ">3000" is a lower bound, not a point
    assert base.loc[base.indicator_id == "it_patents_granted", "qualifier"].item() == \
        "lower_bound"


def test_a_satisfied_bound_is_not_a_conflict_but_an_estimate_off_by_four_percent_is():
    c = jxdigital.conflicts()
    dv = c[(c.indicator_id == "digital_economy_value_added") & (c.region == "jiangxi")]
    # 2020: 8354 (plan) and "8000多" agree; 2021: the 预计1万亿 estimate vs 10378 does not
    assert set(dv["year"]) == {2021}
    assert dv["spread"].max() == pytest.approx(10378 / 10000 - 1)
    share = c[(c.indicator_id == "digital_economy_share_of_gdp") & (c.year == 2020)]
    assert sorted(share["value"].unique()) == [30.0, 32.5]  # 政府工作报告 vs the plan's text
