"""What the assessment needs said in words, supplied by the layer that words it.

The assessment decides in codes: statuses (``_rules.STATUSES``), outcomes
(``_account.OUTCOMES``), reasons a figure went unused (``_unused.REASON_CODES``) and the
typed ``Judgement`` behind each target. Words in Chinese and English belong to
``jxdigital.present``, which passes its ``Wording`` to ``assess(..., wording=...)``; the
assessment keeps it on the ``Assessment`` for the words it shows later (an account's
outcomes, the Jupyter view). ``CODES``, the default, says the codes themselves, so the
domain runs and is tested without any presentation.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Protocol

from ._timing import Timing


class Wording(Protocol):
    def status(self, scheme: str, status: str, verdict: str) -> tuple[str, str]:
        """(zh, en) of a target's status in ``scheme``: the scheme's class, or in the cn
        scheme its ``verdict`` (``_rules.verdict``)."""
        ...

    def reasons(self, judgement: Any, when: Timing) -> tuple[str, str]:
        """(zh, en) of why a judgement came out as it did."""
        ...

    def level_target(self, judgement: Any) -> str:
        """A growth-rate target restated as the level it implies."""
        ...

    def outcome(self, code: str) -> tuple[str, str]:
        """(zh, en) of an account's outcome: met, missed, unknown, not_assessable."""
        ...

    def series_names(self, key: Any, own_region: str) -> tuple[str, str]:
        """(zh, en) name of a series (``SeriesKey``) seen from a plan of ``own_region``."""
        ...

    def unused(self, code: str, figure: Mapping[str, Any], when: Timing, target_year: int,
               used_source: str) -> tuple[str, str]:
        """(zh, en) of why a figure was not used."""
        ...

    def table_html(self, assessment: Any) -> str:
        """The Jupyter view of an assessment."""
        ...

    def account_html(self, account: Any) -> str:
        """The Jupyter view of an account."""
        ...


class Codes:
    """The codes as their own words: the assessment without a presentation layer."""

    def status(self, scheme: str, status: str, verdict: str) -> tuple[str, str]:
        said = verdict if scheme == "cn" else status
        return said, said.replace("_", " ")

    def reasons(self, judgement: Any, when: Timing) -> tuple[str, str]:
        return "", ""

    def level_target(self, judgement: Any) -> str:
        return ""

    def outcome(self, code: str) -> tuple[str, str]:
        return code, code.replace("_", " ")

    def series_names(self, key: Any, own_region: str) -> tuple[str, str]:
        return str(key), str(key)

    def unused(self, code: str, figure: Mapping[str, Any], when: Timing, target_year: int,
               used_source: str) -> tuple[str, str]:
        return code, code.replace("_", " ")

    def table_html(self, assessment: Any) -> str:
        return assessment.to_frame()._repr_html_()

    def account_html(self, account: Any) -> str:
        return account.to_frame()._repr_html_()


CODES = Codes()
