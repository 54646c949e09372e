"""The observation: one published (or derived) figure with its provenance."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from .. import codes

Measure = Literal["level", "yoy_pct", "share_pct", "new_in_year"]
Kind = Literal["published", "derived"]
#: ``QUALIFIERS`` and ``SOURCE_TYPES`` as types, written out for type checkers
#: (tests/test_types.py keeps them equal)
Qualifier = Literal["exact", "lower_bound", "upper_bound", "approximate", "estimate",
                    "preliminary", "revised"]
SourceType = Literal["user", "statistical_bulletin", "department_release", "government_report",
                     "white_paper", "plan_document", "news", "other"]

#: Source types, most authoritative first; the selection rule ranks by this order.
SOURCE_TYPES = codes.SOURCE_TYPES

COLUMNS = [
    "indicator_id", "region", "year", "as_of", "value", "unit", "measure", "qualifier",
    "comparable", "scope_note", "kind", "derived_from", "source_type", "source_title",
    "publisher", "source_url", "published", "checked", "note", "value_published",
    "unit_published", "origin", "selected",
]


class Observation(BaseModel):
    """One figure: what, where, when, how much, and who said so.

    ``value``/``unit`` are in the catalogue's unit for the indicator (converted from
    ``value_published``/``unit_published``) whenever the units convert.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")
    indicator_id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    region: str = Field(pattern=r"^[a-z][a-z0-9_-]*$")
    year: int = Field(ge=1990, le=2100)
    as_of: str = ""  # YYYY-MM[-DD] when the figure is not year-end / full-year
    value: float
    unit: str
    measure: Measure = "level"
    qualifier: Qualifier = "exact"
    comparable: bool = True
    scope_note: str = ""
    kind: Kind = "published"
    derived_from: str = ""
    source_type: SourceType = "other"
    source_title: str = Field(min_length=1)
    publisher: str = ""
    source_url: str = ""
    published: str = ""  # ISO date
    checked: bool = False
    note: str = ""
    value_published: float
    unit_published: str
    origin: str = "jxdigital"

    @model_validator(mode="after")
    def _provenance(self) -> Observation:
        if self.kind == "derived" and not self.derived_from:
            raise ValueError("a derived value must say what it was derived from (derived_from)")
        if not self.comparable and not self.scope_note:
            raise ValueError("a non-comparable figure needs a scope_note saying how it differs")
        return self
