"""How values, dates and kinds read in English: pure functions, no markup."""
from __future__ import annotations

import calendar

from ..model import Fact, PartialDate, Source, Statistic
from ..policy import Figure, disagreements, origin

QUALIFIERS = {"exactly": "", "about": "about ", "more-than": "more than ", "less-than": "less than ", "at-least": "at least ", "up-to": "up to "}

SOURCE_KINDS = {
    "wire-report": ("Wire report", "A news agency's report, written to be republished by others."),
    "news-report": ("News report", "A news outlet's own reporting. Check whom it credits for each claim."),
    "commentary": ("Commentary", "Opinion mixed with report. Its claims are the author's unless it credits someone else."),
    "state-media": ("State media", "An outlet controlled by a government; it may present that government's position."),
    "blog": ("Blog", "Self-published analysis without editorial review; figures often come without sources."),
    "government": ("Government", "An official document or statement: authoritative on what the government says, not necessarily on facts."),
    "research": ("Research", "A report by a research body, usually with stated methods and sources."),
    "machine-generated": ("Machine-generated", "Written by an AI system. Nothing in it is reliable unless another source confirms it."),
}

STATUS = {
    "current": ("Current", "Stands as cited."),
    "disputed": ("Disputed", "Sources disagree; see the related facts."),
    "unverified": ("Unverified", "Its only source is doubtful and nothing else confirms it."),
    "superseded": ("Superseded", "Replaced by a newer fact."),
    "retracted": ("Retracted", "Withdrawn; kept so that links keep working."),
}

KIND_LABELS = {"event": "Event", "statistic": "Statistic", "statement": "Statement", "policy-measure": "Policy measure", "proposal": "Proposal", "claim": "Claim", "opinion": "Opinion"}

# What each kind of value is, as a label beside the number: a reader must never take a target for a measurement.
VALUE_KINDS = {
    "measured": ("measured", "A reported actual value."),
    "estimate": ("estimate", "An estimate of an actual value."),
    "projection": ("projection", "A forecast of a future value, not a measurement."),
    "target": ("target", "A goal or planned output, not a measurement."),
    "scenario": ("what-if", "What a source says would happen under a condition, not a measurement."),
    "threat": ("threatened", "A value that was threatened, not one in force."),
    "proposal": ("proposed", "A value that was proposed, not one in force."),
}

# Why a fact has the status it has: the status policy, in the words the methodology page uses.
STATUS_BASES = {
    "machine-written": "Every source cited for it is machine-written.",
    "sources-disagree": "Other sources give a different figure for the same quantity.",
    "source-contradicts-itself": "The source's own text contradicts it or is visibly wrong.",
    "single-source-unattributed": "Only one source gives this figure, and it names no origin for it that a reader could check.",
    "replaced": "A newer fact replaces it.",
    "withdrawn": "It was withdrawn.",
}
ENTITY_KINDS = {"person": "People", "organisation": "Organisations", "country": "Countries", "region": "Regions", "element": "Elements", "material": "Materials and products", "policy": "Policies and measures", "event": "Meetings and events"}


def number(value: float) -> str:
    """83.7 -> '83.7', 60.0 -> '60', 138000 -> '138,000'."""
    if value == int(value):
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def amount(value: float, unit: str) -> str:
    """The number with its unit, as a reader writes it."""
    if unit == "percent":
        return f"{number(value)}%"
    if unit == "percentage-points":
        return f"{number(value)} percentage points"
    if unit == "usd":
        for size, word in ((1e9, "billion"), (1e6, "million")):
            if abs(value) >= size:
                return f"${number(value / size)} {word}"
        return f"${number(value)}"
    if unit == "times":
        return f"{number(value)} times"
    if unit == "count":
        return number(value)
    return f"{number(value)} {unit}"


def value_text(stat: Statistic) -> str:
    """The value as a reader should read it: the source's own words where it gave no plain number."""
    if stat.wording:
        return stat.wording
    return QUALIFIERS[stat.qualifier] + amount(stat.value, stat.unit)


def date_text(date: PartialDate | str | None) -> str:
    """'2025-05-09' -> '9 May 2025', '2025-05' -> 'May 2025', '2025' -> '2025'."""
    if date is None:
        return "undated"
    iso = date.iso if isinstance(date, PartialDate) else date
    parts = iso.split("-")
    if len(parts) == 1:
        return iso
    month = calendar.month_name[int(parts[1])]
    return f"{month} {parts[0]}" if len(parts) == 2 else f"{int(parts[2])} {month} {parts[0]}"


def when_text(fact: Fact) -> str:
    """When it happened, as precisely as the source says: '9 May 2025', or 'no later than 11 June 2025'."""
    if fact.date is None:
        return ""
    text = date_text(fact.date)
    return f"no later than {text}" if fact.date_basis == "no-later-than" else text


def reported(fact: Fact, sources: dict[str, Source]) -> PartialDate:
    """When the fact was first reported: the earliest publication date among its sources (derived, never stored)."""
    return min(sources[c.source].published for c in fact.citations)


def figure(fact: Fact) -> Figure:
    assert fact.statistic is not None
    stat = fact.statistic
    cite = fact.citations[0]
    return Figure(fact.id, origin([(w.entity, w.name) for w in cite.attributed_to], cite.source), stat.subject, stat.period, stat.value, stat.qualifier)


def period_text(period: str | None) -> str:
    if not period:
        return ""
    ends = [date_text(p) for p in period.split("/")]
    return ends[0] if len(ends) == 1 else f"{ends[0]} to {ends[1]}"


def month_title(month: str) -> str:
    return date_text(month)


def count(n: int, word: str) -> str:
    """'one fact', '3 facts': a number with its noun agreeing."""
    return f"{'one' if n == 1 else n} {word}{'' if n == 1 else 's'}"


_count = count


def contested(facts: list[Fact], comparison: str = "competing-estimates") -> bool:
    """Sources give figures for one quantity that cannot all be right (policy.disagree): the metrics readers look at first."""
    if comparison in ("series", "subjects"):
        return False
    measured = [f for f in facts if f.statistic and f.status != "retracted" and f.statistic.measured]
    return bool(disagreements([figure(f) for f in measured]))


def spread(facts: list[Fact], comparison: str = "competing-estimates") -> str:
    """A plain statement of what sources give, which says 'disagree' only of figures that contradict each other."""
    live = [f for f in facts if f.statistic and f.status != "retracted"]
    measured = [f for f in live if f.statistic and f.statistic.measured]
    other = [f for f in live if f.statistic and not f.statistic.measured]
    if not live:
        return "No values reported yet."
    parts = []
    if measured:
        stats = sorted((f.statistic for f in measured if f.statistic), key=lambda s: s.value)
        low, high = value_text(stats[0]), value_text(stats[-1])
        sources = len({c.source for f in measured for c in f.citations})
        counted = f"{_count(len(stats), 'value')} from {_count(sources, 'source')}"
        if len(stats) == 1:
            parts.append(f"One value reported: {low}.")
        elif comparison == "series":
            # Periods are listed, not spanned: a year, a month and a two-month range do not make one axis.
            periods = sorted({f.statistic.period for f in measured if f.statistic and f.statistic.period})
            listed = f" ({'; '.join(period_text(p) for p in periods)})" if periods else ""
            parts.append(f"{counted} for different periods{listed}, from {low} to {high}.")
        elif comparison == "subjects":
            parts.append(f"{counted} for different subjects, from {low} to {high}; they are not estimates of one quantity.")
        elif contested(facts, comparison):
            parts.append(f"Sources disagree: they give {low} to {high} ({counted}).")
        elif low == high:
            parts.append(f"All {counted} give {low}.")
        else:
            parts.append(f"Sources give {low} to {high} ({counted}); the figures do not contradict each other.")
    if other:
        kinds = ", ".join(sorted({VALUE_KINDS[f.statistic.value_kind][0] for f in other if f.statistic}))
        if measured:
            parts.append(f"Also {_count(len(other), 'value')} that {'is' if len(other) == 1 else 'are'} not measured ({kinds}).")
        else:
            values = " and ".join(value_text(f.statistic) for f in other[:2] if f.statistic) + (", ..." if len(other) > 2 else "")
            none = "not measured" if len(other) == 1 else "none of them measured"
            parts.append(f"{_count(len(other), 'value').capitalize()}, {none} ({kinds}): {values}.")
    return " ".join(parts)


def provenance(fact: Fact, sources: dict[str, Source]) -> list[str]:
    """Each citation's chain, nearest first: 'Boncopia.com (blog) ← CNN ← three US officials'."""
    chains = []
    for cite in fact.citations:
        source = sources[cite.source]
        chain = [f"{source.publisher} ({SOURCE_KINDS[source.kind][0].lower()})"] + [who.name for who in cite.attributed_to]
        chains.append(" \u2190 ".join(chain))
    return chains
