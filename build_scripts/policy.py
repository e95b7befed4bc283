"""The editorial policy, defined once: which values can disagree, and which status each fact must have.

The validator enforces it (rules/status.py, rules/statistics.py) and the pages use it to say "sources
disagree" only where they do. The methodology page states the same policy in words.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

from .partialdate import period_bounds

# Value kinds that report what is. Projections, targets, scenarios, threats and proposals never disagree with them.
MEASURED_KINDS = ("measured", "estimate")
# How far "about" reaches either side of the number, as a share of it.
ABOUT = 0.05



@dataclass(frozen=True)
class Figure:
    """What a statistic says, reduced to what comparison needs."""

    fact: str
    origin: str  # whose figure: the original its citation credits, else the source
    subject: str
    period: str | None
    value: float
    qualifier: str

    def interval(self) -> tuple[float, bool, float, bool]:
        """The values the source's words allow, as (low, low excluded, high, high excluded).

        'more than 60%' is (60 excluded, inf); 'about 70%' is 66.5 to 73.5; '61%' is 61 to 61.
        """
        v = self.value
        if self.qualifier == "about":
            return v - abs(v) * ABOUT, False, v + abs(v) * ABOUT, False
        if self.qualifier in ("more-than", "at-least"):
            return v, self.qualifier == "more-than", math.inf, True
        if self.qualifier in ("less-than", "up-to"):
            return -math.inf, True, v, self.qualifier == "less-than"
        return v, False, v, False


def origin(credits: list[tuple[str | None, str]], source: str) -> str:
    """Whose figure it is: the original a citation credits last (its entity, else its name), else the source itself.

    `credits` is the citation's attributed_to chain as (entity, name) pairs, nearest first."""
    if credits:
        entity, name = credits[-1]
        return entity or name
    return source


def same_quantity(a: Figure, b: Figure) -> bool:
    """Same subject, and the same period where both give one (a figure without a period may be of any)."""
    return a.subject == b.subject and (a.period is None or b.period is None or a.period == b.period)


def disagree(a: Figure, b: Figure) -> bool:
    """Two origins' figures for one quantity that cannot both be right: the values their words allow do not meet."""
    if a.origin == b.origin or not same_quantity(a, b):
        return False
    alo, alo_x, ahi, ahi_x = a.interval()
    blo, blo_x, bhi, bhi_x = b.interval()
    lo, lo_x = (alo, alo_x) if alo > blo else (blo, blo_x) if blo > alo else (alo, alo_x or blo_x)
    hi, hi_x = (ahi, ahi_x) if ahi < bhi else (bhi, bhi_x) if bhi < ahi else (ahi, ahi_x or bhi_x)
    return lo > hi or (lo == hi and (lo_x or hi_x))


def disagreements(figures: list[Figure]) -> dict[str, list[Figure]]:
    """For each fact id, the other sources' figures on the same quantity that contradict it."""
    out: dict[str, list[Figure]] = {}
    for a in figures:
        others = [b for b in figures if disagree(a, b)]
        if others:
            out[a.fact] = others
    return out


def periods_meet(a: str | None, b: str | None) -> bool:
    """Two periods that share at least one day (a figure without a period may be of any)."""
    if a is None or b is None:
        return True
    span_a, span_b = period_bounds(a), period_bounds(b)
    if span_a is None or span_b is None:
        return True  # the validator reports a period that is no real date; here it may be of any
    return span_a[0] <= span_b[1] and span_b[0] <= span_a[1]


def corroborated(figures: list[Figure]) -> set[str]:
    """Fact ids whose figure another origin confirms: same subject, periods that meet, values that can both hold.

    Unlike disagreement, confirmation does not need the same period: '145% in 2025' from one source and
    '145% in April to May 2025' from another confirm each other."""
    return {
        a.fact for a in figures for b in figures
        if a.origin != b.origin and a.subject == b.subject and periods_meet(a.period, b.period)
        and not disagree(Figure(a.fact, a.origin, a.subject, None, a.value, a.qualifier), Figure(b.fact, b.origin, b.subject, None, b.value, b.qualifier))
    }
