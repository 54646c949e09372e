"""The plan and figures files the README shows are read as it says (issue 27: the file-format
section's multi-region layout and its sentence and range target forms)."""

from __future__ import annotations

import re
import warnings
from pathlib import Path

import pytest

import jxdigital
from jxdigital import load_plan

README = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")


def _block_after(heading: str, n: int = 1) -> list[str]:
    """The first ``n`` csv blocks after ``heading`` in the README."""
    part = README[README.index(heading):]
    return re.findall(r"```csv\n(.*?)```", part, flags=re.S)[:n]


def test_the_target_forms_the_readme_shows_are_read(tmp_path):
    (text,) = _block_after("The target column takes the forms")
    p = tmp_path / "forms.csv"
    p.write_text(text, encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        f = load_plan(p).to_frame().set_index("indicator_id")
    assert (f.loc["base_stations_5g", "comparator"], f.loc["base_stations_5g", "target_value"]) \
        == ("at_least", 10.0)  # 到2025年，5G基站达到10万个以上 in a 万个 row
    assert (f.loc["broadband_share", "target_value"], f.loc["broadband_share", "target_high"]) \
        == (10.0, 12.0)  # 10%—12%
    assert f.loc["core_share", "target_value"] == pytest.approx(4.5 + 3)  # 提高3个百分点


def test_the_multi_region_example_of_the_readme_runs(tmp_path):
    plan_text, figs_text = _block_after("### One table for several regions", 2)
    plan, figs = tmp_path / "plan.csv", tmp_path / "figs.csv"
    plan.write_text(plan_text, encoding="utf-8")
    figs.write_text(figs_text, encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        a = jxdigital.assess(str(plan), actuals=str(figs), today="2026-12-01")
    assert a["base_stations_5g@ganzhou"].latest_value == 10150
    assert a[("base_stations_5g", "nanchang")].latest_value == 23200
    assert set(a.to_frame()["region"]) == {"nanchang", "ganzhou"}
