"""``WORDS``: the Chinese and English the assessment's codes are shown in.

``jxdigital.assess`` passes it to ``jxdigital.assessment.assess``; the assessment calls it
for each status and reason and keeps it for the words it shows later.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..assessment import Timing
from . import _phrases as P
from ._clauses import STORED
from ._jupyter import table_html, view_html
from ._names import series_names
from ._reasons import rate_clause, reasons
from ._unused import unused_words
from .view import view


class Words:
    """The wording of ``jxdigital.present`` (see ``jxdigital.assessment.Wording``)."""

    def status(self, scheme: str, status: str, verdict: str) -> tuple[str, str]:
        zh, en = (P.scheme_words(scheme, status, verdict, lang) for lang in STORED)
        return zh, en

    def reasons(self, judgement: Any, when: Timing) -> tuple[str, str]:
        return reasons(judgement, when)

    def level_target(self, judgement: Any) -> str:
        return rate_clause(judgement)[0]

    def outcome(self, code: str) -> tuple[str, str]:
        zh, en = (P.OUTCOME[lang].get(code, code) for lang in STORED)
        return zh, en

    def series_names(self, key: Any, own_region: str) -> tuple[str, str]:
        return series_names(key, own_region)

    def unused(self, code: str, figure: Mapping[str, Any], when: Timing, target_year: int,
               used_source: str) -> tuple[str, str]:
        return unused_words(code, figure, when, target_year, used_source)

    def table_html(self, assessment: Any) -> str:
        return view_html(view(assessment))

    def account_html(self, account: Any) -> str:
        v = view(account.assessment)
        out = f"<p><b>{v.title}</b><br>{v.counts}</p>" + table_html(v.table)
        if v.retrospective is not None:
            out += table_html(v.retrospective, v.retro_sentence)
        return out


WORDS = Words()
