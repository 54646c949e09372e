"""The final account of a plan (完成情况): which targets were met, which missed and by how
much, which cannot be told yet, and whether the warnings given along the way were right."""

from __future__ import annotations

from typing import Generic, TypeVar

import pandas as pd

from ..codes import OUTCOMES
from ._assessed import Assessed

#: The assessment an account is of (``Assessment``: ``account.assessment`` is one).
A = TypeVar("A", bound=Assessed)

#: The four outcomes of an account, in the order it reports them.
#: A review's status read as a forecast of the outcome: met (on track, achieved early),
#: missed (off track); at risk and insufficient data forecast nothing.
_FORECAST = {"achieved": "met", "on_track": "met", "met": "met", "off_track": "missed",
             "missed": "missed"}

ACCOUNT_COLUMNS = [
    "seq", "category_zh", "category_en", "indicator_id", "key", "region", "name_zh",
    "name_en", "unit",
    "target_text", "target_value", "target_year", "outcome", "outcome_zh", "outcome_en",
    "final", "status", "status_zh", "status_en", "year", "value", "qualifier", "margin",
    "margin_pp", "p_met", "reason_zh", "reason_en"]


def outcome_of(status_cn: str) -> str:
    """met (已实现, 已提前实现) / missed / unknown (not settled yet) / not_assessable."""
    if status_cn in ("met", "achieved"):
        return "met"
    if status_cn in ("missed", "not_assessable"):
        return status_cn
    return "unknown"


class Account(Generic[A]):
    """The account of an ``Assessment``: ``to_frame()`` one row per target with its
    outcome; ``summary()`` the counts; ``by_category()``; ``retrospective()`` the status and
    P(met) each year's review would have given (from ``assessment_history``), beside the
    outcome; ``warnings()`` how often those reviews called the outcome right."""

    def __init__(self, assessment: A, history: pd.DataFrame | None = None):
        self.assessment = assessment
        self.history = history

    @property
    def finished(self) -> bool:
        return self.assessment.finished

    def to_frame(self) -> pd.DataFrame:
        rows = []
        for r in sorted(self.assessment, key=lambda r: r.seq):
            o = outcome_of(r.status_cn)
            rows.append({
                "seq": r.seq, "category_zh": r.category_zh, "category_en": r.category_en,
                "indicator_id": r.indicator_id, "key": r.key, "region": r.region,
                "name_zh": r.name_zh, "name_en": r.name_en, "unit": r.unit,
                "target_text": r.target_text, "target_value": r.target_value,
                "target_year": r.target_year, "outcome": o,
                "outcome_zh": self.words(o)[0], "outcome_en": self.words(o)[1],
                "final": r.final, "status": r.status_cn,
                "status_zh": r.status_zh, "status_en": r.status_en,
                "year": r.latest_year, "value": r.latest_value,
                "qualifier": r.latest_qualifier, "margin": r.margin,
                "margin_pp": r.margin_pp, "p_met": r.p_met,
                "reason_zh": r.reason_zh, "reason_en": r.reason_en})
        f = pd.DataFrame(rows, columns=ACCOUNT_COLUMNS)
        f["year"] = f["year"].astype("Int64")  # 2025, never 2025.0
        return f

    def counts(self) -> dict[str, int]:
        """{outcome: number of targets}, every outcome present (0 where none)."""
        f = self.to_frame()
        return {o: int((f["outcome"] == o).sum()) for o in OUTCOMES}

    def summary(self) -> pd.DataFrame:
        c = self.counts()
        return pd.DataFrame({"outcome": list(OUTCOMES),
                             "outcome_zh": [self.words(o)[0] for o in OUTCOMES],
                             "outcome_en": [self.words(o)[1] for o in OUTCOMES],
                             "targets": [c[o] for o in OUTCOMES]})

    def by_category(self) -> dict[str, pd.DataFrame]:
        """{category (zh): its rows of ``to_frame()``}, in plan order."""
        f = self.to_frame()
        return {c: g.reset_index(drop=True)
                for c, g in f.groupby("category_zh", sort=False)}

    def retrospective(self) -> pd.DataFrame:
        """One row per target and review year: ``review_year, p_met, status``, and the
        target's ``outcome``; the current assessment is the last review (``review_year``
        its review date's year, ``current`` True). Empty without a history."""
        cols = ["seq", "indicator_id", "key", "region", "name_zh", "name_en", "review_year",
                "review",
                "current", "p_met", "status", "verdict", "status_zh", "outcome", "final"]
        if self.history is None or not len(self.history):
            return pd.DataFrame(columns=cols)
        out = self.to_frame().set_index("key")
        h = self.history.copy()
        known = set(h["key"])  # the targets reviewed: those whose outcome is known
        h["review"] = h["review_year"].astype(int).map(lambda y: f"{y}-12-31")
        h["current"] = False
        now = pd.DataFrame([{
            "review_year": self.assessment.timing.review.year,
            "review": self.assessment.timing.review.isoformat(), "current": True,
            "seq": r.seq, "indicator_id": r.indicator_id, "key": r.key, "region": r.region,
            "p_met": r.p_met,
            "status_cn": r.status_cn, "verdict": r.verdict, "status_zh": r.status_zh}
            for r in self.assessment if r.key in known])
        h = pd.concat([h, now], ignore_index=True)
        h = h[~h.duplicated(["key", "review"], keep="last")]
        h["status"] = h["status_cn"]
        for c in ("outcome", "final", "name_zh", "name_en", "seq"):
            h[c] = h["key"].map(out[c])
        return h.sort_values(["seq", "review"])[cols].reset_index(drop=True)

    def warnings(self) -> pd.DataFrame:
        """For each target with a settled outcome: the reviews before the outcome was known
        that forecast it (on track / achieved → met, off track → missed), how many were
        right, and how many forecast nothing (at risk, insufficient data)."""
        r = self.retrospective()
        cols = ["indicator_id", "key", "region", "name_zh", "outcome", "reviews", "right",
                "wrong", "silent"]
        if not len(r):
            return pd.DataFrame(columns=cols)
        known = r[r["outcome"].isin(["met", "missed"]) & ~r["status"].isin(["met", "missed"])]
        rows = []
        for key, g in known.groupby("key", sort=False):
            said = g["status"].map(_FORECAST)
            outcome = g["outcome"].iloc[0]
            rows.append({"indicator_id": g["indicator_id"].iloc[0], "key": key,
                         "region": g["region"].iloc[0], "name_zh": g["name_zh"].iloc[0],
                         "outcome": outcome, "reviews": len(g),
                         "right": int((said == outcome).sum()),
                         "wrong": int((said.notna() & (said != outcome)).sum()),
                         "silent": int(said.isna().sum())})
        return pd.DataFrame(rows, columns=cols)

    def __repr__(self) -> str:
        c = self.counts()
        return (f"Account({self.assessment.plan.plan_id!r}, "
                + ", ".join(f"{k} {v}" for k, v in c.items()) + ")")

    def words(self, outcome: str) -> tuple[str, str]:
        """(zh, en) of an outcome, from the assessment's wording."""
        return self.assessment.wording.outcome(outcome)

    def _repr_html_(self) -> str:
        return self.assessment.wording.account_html(self)
