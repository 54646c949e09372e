"""The user's path stays linear (issue 27 item 11): no timing here, only the counts that
made it slow. A plan file of N targets with a figures file of 4N rows must not cost a
frame lookup per indicator when its figures are read, a path resolution per target when
the plan is asked whether it is shipped, a frame cut per target when it is judged, or
the words of any record before someone reads the records."""

from __future__ import annotations

import pathlib

import pandas as pd
import pytest

import jxdigital
from _build import figures_csv, plan_csv
from jxdigital import load_actuals, load_plan
from jxdigital.assessment import _evidence
from jxdigital.present import WORDS

TODAY = "2025-06-30"


def write_user_files(folder: pathlib.Path, n: int) -> tuple[pathlib.Path, pathlib.Path]:
    """A plan of ``n`` indicators of one region (bases in the plan, "X以上" in 2025) and
    its figures 2021–2024: the benchmark's user path (benchmarks/bench_user_path.py)."""
    rows, figs = [], []
    for k in range(n):
        base = 100.0 + k
        rows.append(f"u{k:05d},指标{k},亿元,2020,{base:.1f},2025,{base * 1.6:.1f}以上,jiangxi")
        figs += [(f"u{k:05d}", "jiangxi", y, round(base * 1.08 ** (y - 2020), 1))
                 for y in range(2021, 2025)]
    return (plan_csv(folder, rows, "region", name=f"plan_{n}.csv"),
            figures_csv(folder, figs, source=None, name=f"figures_{n}.csv"))


def counting(monkeypatch, owner, name: str) -> list[int]:
    """Count the calls of ``owner.name`` (still calling it)."""
    calls = [0]
    original = getattr(owner, name)

    def counted(*args, **kwargs):
        calls[0] += 1
        return original(*args, **kwargs)

    monkeypatch.setattr(owner, name, counted)
    return calls


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    folder = tmp_path_factory.mktemp("user_path")
    return {n: write_user_files(folder, n) for n in (10, 120)}


def test_reading_figures_looks_up_no_indicator_by_label(files, monkeypatch):
    # each indicator's registry row came from a .loc per distinct id (0.6 ms an id): the
    # reader now finds every row in one pass, so the lookups do not grow with the ids
    counts = {}
    for n, (plan_path, figures) in files.items():
        plan = load_plan(plan_path)
        calls = counting(monkeypatch, pd.core.indexing._LocIndexer, "__getitem__")
        out = load_actuals(figures, plan=plan)
        counts[n] = calls[0]
        monkeypatch.undo()
        assert len(out) == 4 * n
    assert counts[120] == counts[10] < 10, counts


def test_the_shipped_catalogue_path_is_resolved_once(files, monkeypatch):
    # is_shipped resolved the catalogue's path for every target (28,000 lstat calls for
    # 1,860 targets): it is resolved once, and the plan's path once per question
    counts = {}
    for n, (plan_path, figures) in files.items():
        jxdigital.assess(plan_path, actuals=figures, today=TODAY)  # caches warm
        calls = counting(monkeypatch, pathlib.Path, "resolve")
        jxdigital.assess(plan_path, actuals=figures, today=TODAY)
        counts[n] = calls[0]
        monkeypatch.undo()
    assert counts[120] == counts[10] < 10, counts


def test_judging_cuts_no_frame_per_target_and_words_nothing_unread(files, monkeypatch):
    # a series' frame was cut out of every figure for each target, and each record worded
    # in both languages inside assess(): judging reads the series' columns, and the words
    # come when the records are first read
    plan_path, figures = files[120]
    cut = counting(monkeypatch, _evidence.BySeries, "_run")
    worded = counting(monkeypatch, type(WORDS), "reasons")
    a = jxdigital.assess(plan_path, actuals=figures, today=TODAY)
    assert cut[0] == 0  # every series judged from its columns alone
    assert worded[0] == 0  # nothing worded: nobody has read a record yet
    frame = a.to_frame()
    assert worded[0] == 120 and len(frame) == 120
    assert frame["reason_zh"].str.len().gt(0).all() and frame["reason_en"].str.len().gt(0).all()
    a.to_frame()
    assert worded[0] == 120  # worded once
    # the figures used are there for whoever asks (a chart, a report): cut when asked
    used = a.series["u00007"]
    assert list(used["year"]) == [2020, 2021, 2022, 2023, 2024]
    assert cut[0] == 1
