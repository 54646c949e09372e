"""Every shipped target says where it stands, and its quote is verbatim in that document."""

from pathlib import Path

import pandas as pd
import pytest

from jxdigital._data import data_path
from jxdigital.catalog import load_plan, plans

SEEDS = Path(__file__).parent / "fixtures" / "seeds"
ROWS = pd.read_csv(data_path("indicators.csv"), dtype=str, keep_default_na=False)


def test_every_row_has_document_location_and_quote():
    for col in ("source_doc", "source_location", "source_quote"):
        empty = ROWS.index[ROWS[col] == ""].tolist()
        assert not empty, f"rows without {col}: lines {[i + 2 for i in empty]}"


@pytest.mark.parametrize("doc", sorted(ROWS["source_doc"].unique()))
def test_quotes_are_verbatim_in_their_document(doc):
    text = (SEEDS / doc).read_text("utf-8")
    missing = [(i + 2, q) for i, q in ROWS.loc[ROWS.source_doc == doc, "source_quote"].items()
               if q not in text]
    assert not missing, f"quotes not found in {doc}: {missing[:3]}"


def test_every_shipped_plan_loads_and_cites_its_own_document():
    meta = plans().set_index("plan_id")
    for plan_id, row in meta.iterrows():
        plan = load_plan(plan_id)
        assert len(plan) == row["n_targets"] > 0
        assert {t.source.doc for t in plan} == {row["source_doc"]}, plan_id
        assert all(t.target_year <= row["target_year"] for t in plan), plan_id
