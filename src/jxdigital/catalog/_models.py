"""pydantic models of a plan: ``Plan`` holds ``Target`` rows, each about one ``Indicator``
(``_target``)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

from ..codes import USER_REGION  # noqa: F401 (re-exported)
from ..errors import NotFoundError
from ._constants import ATTRIBUTE_EN, AUDIT_FLAG_PP  # noqa: F401 (re-exported)
from ._frames import audit_frame, plan_frame
from ._target import (  # noqa: F401 (re-exported: the row's models were defined here)
    AROUND_TOLERANCE_PP,
    AROUND_TOLERANCE_REL,
    DIRECTED,
    BaseQualifier,
    Comparator,
    Direction,
    Indicator,
    Measure,
    Source,
    Target,
    implied_direction,
)

if TYPE_CHECKING:
    import pandas as pd

_FROZEN = ConfigDict(frozen=True, extra="forbid")


def target_keys(targets: Sequence[Target]) -> list[str]:
    """Each target's key: kept where set; else the indicator id, with ``@region`` where the
    targets list the indicator for several regions and ``@year`` where they list it for
    several target years of one region."""
    regions: dict[str, set[str]] = {}
    years: dict[tuple[str, str], int] = {}
    for t in targets:
        regions.setdefault(t.indicator_id, set()).add(t.region)
        years[t.indicator_id, t.region] = years.get((t.indicator_id, t.region), 0) + 1
    out = []
    for t in targets:
        k = t.key or t.indicator_id + (f"@{t.region}" if len(regions[t.indicator_id]) > 1
                                       else "")
        if not t.key and years[t.indicator_id, t.region] > 1:
            k += f"@{t.target_year}"
        out.append(k)
    return out


def find_target(items: Sequence[Any], key: str | tuple[str, str], where: str) -> Any:
    """The item (a target or its status: ``key``, ``indicator_id``, ``region``) named by
    ``key``: its key, an indicator id named once, or ``(indicator_id, region)``."""
    if isinstance(key, tuple):
        found = [t for t in items if (t.indicator_id, t.region) == tuple(key)]
    else:
        found = [t for t in items if t.key == key] or \
            [t for t in items if t.indicator_id == key]
    if len(found) == 1:
        return found[0]
    if found:
        raise NotFoundError(f"{where} lists {key!r} more than once; name one by its key: "
                            + ", ".join(t.key for t in found))
    known = ", ".join(t.key for t in items)
    raise NotFoundError(f"{key!r} is not a target of {where}; its targets are: {known}")


class Plan(BaseModel):
    """A plan: its metadata and its targets in printed order."""

    model_config = _FROZEN
    plan_id: str = Field(min_length=1)
    title_zh: str = ""
    title_en: str = ""
    issuer: str = ""
    issued: str = ""  # ISO date as printed in the notice
    region: str = "jiangxi"
    base_year: int | None = None
    target_year: int | None = None
    source_doc: str = ""
    note: str = ""
    path: str = ""  # the file the plan was read from
    targets: tuple[Target, ...]

    @field_validator("targets")
    @classmethod
    def _keyed(cls, targets: tuple[Target, ...]) -> tuple[Target, ...]:
        """Each target named once (``Target.key``); one target per indicator, region and
        target year."""
        seen: dict[tuple[str, str, int], Target] = {}
        for t in targets:
            k = (t.indicator_id, t.region, t.target_year)
            if k in seen:
                raise ValueError(f"two targets for {t.indicator_id} in {t.region} for "
                                 f"{t.target_year} (rows {seen[k].seq} and {t.seq})")
            seen[k] = t
        keys = target_keys(targets)
        return tuple(t if t.key == k else t.model_copy(update={"key": k})
                     for t, k in zip(targets, keys, strict=True))

    def __len__(self) -> int:
        return len(self.targets)

    # a plan iterates over its targets, not over its fields as a pydantic model does
    def __iter__(self) -> Iterator[Target]:  # type: ignore[override]
        return iter(self.targets)

    @property
    def regions(self) -> tuple[str, ...]:
        """The regions the targets are for, in the plan's order."""
        return tuple(dict.fromkeys(t.region for t in self.targets))

    @property
    def by_region(self) -> bool:
        """A table broken down by region: some indicator is listed for more than one
        region (outputs then name every row's region). A plan that only mixes regions (a
        national row in a provincial table) is not."""
        regions: dict[str, set[str]] = {}
        for t in self.targets:
            regions.setdefault(t.indicator_id, set()).add(t.region)
        return any(len(r) > 1 for r in regions.values())

    def __getitem__(self, key: str | tuple[str, str]) -> Target:
        """A target by its key (``base_stations_5g``, ``base_stations_5g@nanchang``), by an
        indicator id the plan lists once, or by ``(indicator_id, region)``."""
        return find_target(self.targets, key, f"plan {self.plan_id!r}")

    @property
    def indicators(self) -> tuple[Indicator, ...]:
        return tuple(t.indicator for t in self.targets)

    def to_frame(self) -> pd.DataFrame:
        """One row per target: printed texts, parsed meaning, implied growth, source."""
        return plan_frame(self.targets)

    def audit(self) -> pd.DataFrame:
        """Implied vs stated growth per target; ``flagged`` where they differ > 0.5 points.

        ``direction`` (increase / decrease) says which way each target counts;
        ``direction_conflict`` marks a row whose stated direction contradicts its numbers
        (see ``Target.direction_conflict``), and its ``check`` says so.
        """
        out = audit_frame(self.targets)
        conflict = [t.direction_conflict for t in self.targets]
        out.insert(out.columns.get_loc("target_text") + 1, "direction",
                   [t.indicator.direction for t in self.targets])
        out["direction_conflict"] = conflict
        out["check"] = [
            (f"direction {t.indicator.direction} contradicts base {t.base_text} → target "
             f"{t.target_text}; " + c) if bad else c
            for t, bad, c in zip(self.targets, conflict, out["check"], strict=True)]
        return out

    def __repr__(self) -> str:
        return (f"Plan({self.plan_id!r}, {self.title_zh or self.title_en!r}, "
                f"{self.base_year}→{self.target_year}, {len(self)} targets)")

    def __str__(self) -> str:
        return repr(self)

    def _repr_html_(self) -> str:
        cols = ["indicator_id", "name_zh", "unit", "base_year", "base_text", "target_year",
                "target_text", "comparator", "stated_growth_text", "attribute"]
        head = (f"<p><b>{self.title_zh}</b> {self.title_en} · {self.plan_id} · "
                f"{len(self)} targets</p>")
        return head + self.to_frame()[cols]._repr_html_()
