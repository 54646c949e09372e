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
    assert t.loc["5G基站开通数(万个)", "2021"].startswith("≥6")
    assert t.loc["省际出口带宽(Gpbs)", "2023"] == "—"
    assert sum(cov.counts.values()) == 19
    assert "plan rows" in str(cov)
