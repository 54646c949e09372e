"""What a verdict rests on: its evidence grade (``codes.EVIDENCE_GRADES``).

A: exact, published, comparable year-end figures only, the base year and at least one
later year; B: some figure is a bound (6万多), approximate or estimated (约4.2万), or derived
(推算); C: a linked series of another definition (not yet used). No grade where there is
no verdict (insufficient data, not assessable).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .. import codes

#: Qualifiers that state the value itself, as measured.
EXACT = (codes.EXACT, codes.REVISED, codes.PRELIMINARY)


@dataclass(frozen=True)
class Evidence:
    grade: str = ""  # A, B, C or '' (no verdict)
    #: the kinds of non-exact figures a grade B rests on: lower_bound, upper_bound,
    #: approximate, estimate, derived (in that order)
    kinds: tuple[str, ...] = ()


_ORDER = (codes.LOWER_BOUND, codes.UPPER_BOUND, codes.APPROXIMATE, codes.ESTIMATE, "derived",
          "linked")


def evidence_of(frames: list, status_cn: str) -> Evidence:
    """The grade of a verdict resting on the figures in ``frames`` (each side's: a frame,
    or its ``Columns``)."""
    if status_cn in ("insufficient_data", "not_assessable"):
        return Evidence()
    frames = [x for x in frames if x is not None and len(x)]
    if not frames:
        return Evidence()
    found: set[str] = set()
    for f in frames:  # each side's figures (no need to join them)
        found |= {str(q) for q in set(np.asarray(f["qualifier"]))} - set(EXACT)
        if "kind" in f:
            found |= {str(k) for k in set(np.asarray(f["kind"]))} & {"derived", "linked"}
    kinds = tuple(k for k in _ORDER if k in found)
    return Evidence("C" if "linked" in kinds else "B" if kinds else "A", kinds)
