"""When a judgement is made: the day it was generated, the day it judges as of, and what
data that admits.

``today`` is the generation date (default: the machine's date; pass one for reproducible
runs). ``as_of`` (a year or an ISO date) limits the figures to those known by then, and the
judgement is written as of that day: a target year that had not ended by then is still in
progress, even when the report is generated years later.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from ..errors import ArgumentError


@dataclass(frozen=True)
class Timing:
    generated: dt.date  # the day the assessment was made
    review: dt.date  # the day it judges as of: the as_of cut-off (never after generated)
    last_year: int | None  # the last period admitted by as_of (None: every year)
    cutoff: str  # publication cut-off, ISO (as_of's, else the generation date)
    label: str  # 'latest' or the as_of text

    def year_over(self, year: int) -> bool:
        """Had ``year`` ended by the review date?"""
        return self.review >= dt.date(int(year), 12, 31)

    @property
    def review_year(self) -> int:
        """The first year not yet over at the review date."""
        return self.review.year + (1 if (self.review.month, self.review.day) == (12, 31)
                                   else 0)


def parse_today(today) -> dt.date:
    """``today`` as a date: None (the machine's date), a date, a datetime, a pandas
    Timestamp or an ISO string."""
    if today is None:
        return dt.date.today()
    if isinstance(today, dt.datetime):
        return today.date()
    if isinstance(today, dt.date):
        return today
    try:
        return pd.Timestamp(str(today)).date()
    except ValueError:
        raise ArgumentError(f"argument 'today': expected a date such as 2026-12-01, "
                         f"got {today!r}") from None


def cutoff(as_of) -> tuple[int | None, str]:
    """(last period year, last publication date) for ``as_of`` (a year or an ISO date).

    A year Y means periods up to Y published by Y-12-31; a date means periods that had
    ended by that date, published by then where the date of publication is known."""
    if as_of is None:
        return None, ""
    text = str(as_of)
    if len(text) == 4 and text.isdigit():
        return int(text), f"{text}-12-31"
    try:
        ts = pd.Timestamp(text)
    except ValueError:
        raise ArgumentError(f"argument 'as_of': expected a year such as 2022 or a date such as "
                         f"2023-06-30, got {as_of!r}") from None
    # A year's figure cannot exist before the year is over: a mid-year date admits periods
    # up to the previous year even where publication dates are unknown.
    last = ts.year if (ts.month, ts.day) == (12, 31) else ts.year - 1
    return last, ts.strftime("%Y-%m-%d")


def timing(as_of=None, today=None) -> Timing:
    generated = parse_today(today)
    last_year, cut = cutoff(as_of)
    review = generated if not cut else min(generated, dt.date.fromisoformat(cut))
    # nothing published after the day the report is made can be in it: without as_of the
    # publication cut-off is that day (figures without a date still count)
    cut = cut or generated.isoformat()
    return Timing(generated=generated, review=review, last_year=last_year, cutoff=cut,
                  label="latest" if as_of is None else str(as_of))
