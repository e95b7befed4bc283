"""How values, dates and kinds read in English: pure functions, no markup."""
from __future__ import annotations

import calendar

from ..model import Fact, PartialDate, Source, Statistic

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

KIND_LABELS = {"event": "Event", "statistic": "Statistic", "statement": "Statement", "policy-measure": "Policy measure", "claim": "Claim"}
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


def period_text(period: str | None) -> str:
    if not period:
        return ""
    ends = [date_text(p) for p in period.split("/")]
    return ends[0] if len(ends) == 1 else f"{ends[0]} to {ends[1]}"


def month_title(month: str) -> str:
    return date_text(month)


def spread(facts: list[Fact]) -> str:
    """A plain statement of what sources give: 'Sources give 60% to 70% (4 values).'"""
    stats = [f.statistic for f in facts if f.statistic and f.status != "retracted"]
    if not stats:
        return "No values reported yet."
    low = min(stats, key=lambda s: s.value)
    high = max(stats, key=lambda s: s.value)
    sources = len({c.source for f in facts for c in f.citations})
    if low.value == high.value:
        return f"All {len(stats)} reported values are {value_text(low)} ({sources} source{'s' if sources != 1 else ''})."
    return f"Sources give {value_text(low)} to {value_text(high)}: {len(stats)} values from {sources} source{'s' if sources != 1 else ''}."


def provenance(fact: Fact, sources: dict[str, Source]) -> list[str]:
    """Each citation's chain, nearest first: 'Boncopia.com (blog) ← CNN ← three US officials'."""
    chains = []
    for cite in fact.citations:
        source = sources[cite.source]
        chain = [f"{source.publisher} ({SOURCE_KINDS[source.kind][0].lower()})"] + [who.name for who in cite.attributed_to]
        chains.append(" \u2190 ".join(chain))
    return chains
