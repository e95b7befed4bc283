"""Partial dates ('2025', '2025-04', '2025-04-02') and periods ('start/end'): the days they can mean, defined once
for the validator, the status policy and the charts."""
from __future__ import annotations

import calendar
import datetime as dt
import re

PARTIAL = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")


def bounds(text: str) -> tuple[dt.date, dt.date] | None:
    """First and last day a partial date can mean, or None if it is no real date."""
    match = PARTIAL.fullmatch(text)
    if not match:
        return None
    year, month, day = (int(g) if g else None for g in match.groups())
    try:
        if month is None:
            return dt.date(year, 1, 1), dt.date(year, 12, 31)  # type: ignore[arg-type]
        if day is None:
            last = calendar.monthrange(year, month)[1]  # type: ignore[arg-type]
            return dt.date(year, month, 1), dt.date(year, month, last)  # type: ignore[arg-type]
        exact = dt.date(year, month, day)  # type: ignore[arg-type]
        return exact, exact
    except ValueError:
        return None


def period_bounds(period: str) -> tuple[dt.date, dt.date] | None:
    """First and last day of a period: a partial date, or a range 'start/end' of two; None if it is no real period."""
    first, _, last = period.partition("/")
    start, end = bounds(first), bounds(last or first)
    return (start[0], end[1]) if start and end else None
