"""From facts to chart marks: one mark per fact, and the check that no two facts would be drawn as one."""
from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import asdict, dataclass
from typing import Any

from .. import partialdate
from ..diagnostics import Diagnostic
from ..model import Corpus, Fact
from ..transform import present
from . import style

# Where a fact's statistic is written, for diagnostics: fact id -> (path, line, col).
Locate = Callable[[str], tuple[str, int, int]]
# Chart links are written against the site root with this prefix; the page hook makes them relative to each page.
SITE = "@site/"


@dataclass(frozen=True)
class Mark:
    """Everything a chart draws for one fact."""

    fact: str
    row: str  # who gives the value: publisher, whom it credits, subject and period where they tell values apart
    value: float
    text: str  # the value as the source words it, with the kind of value and status: "more than 60% · disputed"
    value_kind: str
    status: str
    source_kind: str  # the label of the kind of source, as the legend shows it
    solid: bool
    shape: str
    qualifier: str
    period: str  # the period in words, or "not stated"
    start: str | None  # ISO date the period starts, for series
    end: str | None  # ISO date the period ends
    headline: str
    href: str
    aria: str  # what a screen reader hears on the mark

    def datum(self) -> dict[str, Any]:
        return asdict(self)


def period_bounds(period: str | None) -> tuple[str, str] | tuple[None, None]:
    """'2025-04' -> ('2025-04-01', '2025-04-30'); '2023' -> whole year; '2025-04/2025-05' -> April 1 to May 31."""
    span = partialdate.period_bounds(period) if period else None
    return (span[0].isoformat(), span[1].isoformat()) if span else (None, None)


def mark(fact: Fact, corpus: Corpus, *, subject: bool = False) -> Mark:
    """The mark for one statistic. `subject` names the subject in the row, for charts that compare subjects."""
    assert fact.statistic is not None
    stat = fact.statistic
    cite = fact.citations[0]
    source = corpus.sources[cite.source]
    row = source.publisher + (f" citing {cite.attributed_to[0].name}" if cite.attributed_to else "")
    if subject:
        entity = corpus.entities.get(stat.subject)
        row = f"{entity.name if entity else stat.subject}: {row}"
    period = present.period_text(stat.period)
    if period:
        row += f", {period}"
    words = style.mark_words(stat.value_kind, fact.status)
    text = " · ".join([present.value_text(stat), *words])
    start, end = period_bounds(stat.period)
    return Mark(
        fact=fact.id, row=row, value=stat.value, text=text, value_kind=stat.value_kind, status=fact.status,
        source_kind=present.SOURCE_KINDS[source.kind][0], solid=style.solid(stat.value_kind, fact.status),
        shape=style.VALUE_KIND_SHAPES[stat.value_kind], qualifier=stat.qualifier, period=period or "not stated",
        start=start, end=end, headline=fact.headline, href=f"{SITE}facts/{fact.id}/",
        aria=f"{fact.headline}. {row}: {text}. Opens the fact.",
    )


def plotted(facts: list[Fact]) -> list[Fact]:
    """The facts a chart draws: every statistic except retracted ones (their pages stay, their values do not)."""
    return [f for f in facts if f.statistic is not None and f.status != "retracted"]


def shared(marks: list[Mark], key: Callable[[Mark], Hashable], chart: str, where: str, locate: Locate) -> list[Diagnostic]:
    """An error for every fact whose mark would fall where another fact's does: a chart shows each fact on its own."""
    groups: dict[Hashable, list[Mark]] = {}
    for m in marks:
        groups.setdefault(key(m), []).append(m)
    diags = []
    for group in groups.values():
        if len(group) < 2:
            continue
        for m in group:
            others = ", ".join(f"'{o.fact}'" for o in group if o is not m)
            path, line, col = locate(m.fact)
            diags.append(Diagnostic(
                path, line, col, "chart-shared-mark",
                f"on the chart '{chart}', this fact and {others} would be drawn as one mark ({where}: {m.row}, {m.text})",
                "a chart draws one mark per fact, so facts on one metric must differ in source, credit, subject or period; "
                "if two facts record the same figure from the same source, retract one",
            ))
    return diags


def relink(html: str, page_url: str) -> str:
    """Make chart links relative to the page showing the chart (any page, at any base path): 'metrics/x/' gets '../../'."""
    return html.replace(f'href="{SITE}', 'href="' + "../" * page_url.count("/"))
