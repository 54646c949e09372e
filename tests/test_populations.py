"""data/populations.csv: resident population (常住人口, 万人) of China and the 31 provinces,
every row with its source (for capping projections of counts of people, issue 26 item 5)."""

import pandas as pd
import pytest

from jxdigital._data import data_path
from jxdigital.catalog._regions import REGIONS

COLUMNS = ["region", "year", "value", "unit", "source_title", "publisher", "source_url",
           "published", "note"]
RAW = pd.read_csv(data_path("populations.csv"), dtype=str, keep_default_na=False)
POP = RAW.assign(year=RAW["year"].astype(int), value=RAW["value"].astype(float))
PROVINCES = [r for r in REGIONS if r not in ("china", "hong_kong", "macao", "taiwan")]


def value(region: str, year: int) -> float:
    row = POP[(POP.region == region) & (POP.year == year)]
    assert len(row) == 1, (region, year)
    return row["value"].item()


def test_columns_and_every_row_sourced():
    assert list(RAW.columns) == COLUMNS
    for col in ("source_title", "publisher", "source_url", "note"):
        assert (RAW[col] != "").all(), col
    assert RAW["source_url"].str.match(r"https?://").all()
    undated = RAW[(RAW["published"] == "") & ~RAW["note"].str.contains("日期")]
    assert undated.empty, "a row without a publication date must say so in note"
    assert (RAW["unit"] == "万人").all() and (POP["value"] > 0).all()
    assert not POP.duplicated(["region", "year"]).any()


def test_region_ids_are_the_catalogues():
    assert set(POP["region"]) <= set(REGIONS)
    census = POP[POP.year == 2020]
    assert sorted(census["region"]) == sorted(["china", *PROVINCES])  # all 31 and China
    assert len(PROVINCES) == 31


def test_golden_values_from_the_sources():
    # 第七次全国人口普查公报（第三号）表3-1: 全国 1411778724人, 江西 45188635人
    assert value("china", 2020) == pytest.approx(141177.8724)
    assert value("jiangxi", 2020) == pytest.approx(4518.8635)
    assert value("guangdong", 2020) == pytest.approx(12601.2510)
    assert value("tibet", 2020) == pytest.approx(364.8100)
    # 国家统计局 year-end figures: 2024 140828万人, 2025 140489万人
    assert value("china", 2024) == 140828 and value("china", 2025) == 140489
    assert value("jiangxi", 2024) == pytest.approx(4502.01)


def test_the_census_table_adds_up():
    # the provinces and 现役军人 2000000 make the national total, to the person
    census = POP[POP.year == 2020].set_index("region")["value"]
    provinces = census.drop("china").sum() * 10000
    assert provinces + 2_000_000 == pytest.approx(census["china"] * 10000, abs=0.5)
    # each census row quotes its printed number of persons
    for r in RAW[RAW.year == "2020"].itertuples():
        persons = round(float(r.value) * 10000)
        assert str(persons) in r.note, r.region
