"""An assessment, as the next engineer meets it (issue 29, item 3): its inputs explicit and
frozen, its judgements frozen and in codes, its history made on request from those inputs,
its words a layer on top; ``jxdigital.assess`` defined where the public functions are
(``jxdigital/api.py``), not in the presentation package. And the library says what it did
through ``logging`` (item 7)."""

from __future__ import annotations

import dataclasses
import logging

import pytest

import jxdigital
from _build import figures_frame, plan_csv, target
from jxdigital import api, present
from jxdigital.assessment import STATUSES, AssessmentInputs, Judgement
from jxdigital.assessment import assess as assess_in_codes

TODAY = "2026-12-01"


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    """A two-target plan with figures for 2020–2024: one met, one open."""
    folder = tmp_path_factory.mktemp("split")
    plan = plan_csv(folder, [target("a", "150", target_year=2024, region="jiangxi"),
                             target("b", "300", target_year=2030, region="jiangxi")])
    figs = figures_frame([("a", 2020, 100), ("a", 2022, 130), ("a", 2024, 160),
                          ("b", 2020, 100), ("b", 2022, 120), ("b", 2024, 140)],
                         ["indicator_id", "year", "value"], unit="亿元", region="jiangxi")
    return plan, figs


def test_the_public_assess_is_the_apis_and_present_only_words():
    assert jxdigital.assess is api.assess and api.assess.__module__ == "jxdigital.api"
    assert jxdigital.assessment_history is api.assessment_history
    assert not hasattr(present, "assess")  # present words; it does not assess


def test_inputs_and_judgements_are_frozen_and_in_codes(small):
    plan, figs = small
    a = assess_in_codes(plan, figs, today=TODAY)
    assert isinstance(a.inputs, AssessmentInputs)
    assert (a.inputs.plan, a.inputs.scheme, a.inputs.timing) == (a.plan, "cn", a.timing)
    with pytest.raises(dataclasses.FrozenInstanceError):
        a.inputs.scheme = "un"  # type: ignore[misc]
    assert isinstance(a.judgements, tuple) and len(a.judgements) == 2
    j = a.judgements[0]
    assert isinstance(j, Judgement)
    with pytest.raises(dataclasses.FrozenInstanceError):
        j.kind = "none"  # type: ignore[misc]
    # in codes: the statuses are the rule's codes, and with the default wording (codes)
    # the status words are the codes themselves, not Chinese
    assert {t.status_cn for t in a} <= set(STATUSES)
    assert a["a"].status_cn == "met" and a["a"].status_zh == "met"


def test_words_are_a_layer_on_the_same_judgements(small):
    plan, figs = small
    coded, worded = assess_in_codes(plan, figs, today=TODAY), jxdigital.assess(
        plan, figs, today=TODAY)
    assert [t.status_cn for t in coded] == [t.status_cn for t in worded]
    assert [t.p_met for t in coded] == [t.p_met for t in worded]
    assert worded["a"].status_zh == "完成" and worded["a"].reason_zh != coded["a"].reason_zh


def test_the_history_is_made_on_request_from_the_inputs(small):
    plan, figs = small
    a = jxdigital.assess(plan, figs, today=TODAY)
    # nothing but data and the inputs: no stored function to call back
    assert not any(callable(v) for v in vars(a).values())
    made = a.history()
    again = jxdigital.assessment_history(plan, figs, today=TODAY)
    assert made.equals(again)  # the same reviews as asking for them directly
    assert sorted(set(made["review_year"])) == [2021, 2022, 2023, 2024, 2025]
    only_a = a.history(["a"])
    assert set(only_a["key"]) == {"a"}


def test_the_library_logs_what_it_did_and_is_silent_by_default(small, caplog):
    plan, figs = small
    assert any(isinstance(h, logging.NullHandler)
               for h in logging.getLogger("jxdigital").handlers)
    with caplog.at_level(logging.INFO, logger="jxdigital"):
        jxdigital.assess(plan, figs, today=TODAY)
    said = [r.getMessage() for r in caplog.records if r.name.startswith("jxdigital")]
    assert any(m.startswith("assessed ") and "2 targets" in m for m in said), said
