"""Attribution comes from the text: whom a citation credits is named in its quote, and a claim credits no one else.

Three ways attribution was guessed before this rule: a credited name the quote does not contain, a claim
that names an outlet or person as its origin ("according to CNN") that no citation credits, and one
sentence of a source credited to two different originals by two facts.
"""
from __future__ import annotations

import re
from functools import cached_property

from ...load.corpus import RawRecord
from ..context import Context
from ..textnorm import normalise
from .base import Rule
from .quotes import MIN_QUOTE

# Verbs and phrases by which a claim names the origin of what it reports.
_BEFORE = r"(?:according to|citing|relaying|quoting|as reported by|reported by)\s+(?:the\s+)?"
_AFTER = r"\s+(?:says|said|reports|reported|claims|claimed|writes|wrote|told|tells|estimates|estimated|argues|argued|notes|noted|warns|warned|cites|cited|states|stated|believes|believed)\b"
_SPEAKERS = ("person", "organisation", "country", "region")


class _Names:
    """Entity names and aliases usable as origins, longest first so that 'Bloomberg Economics' beats 'Bloomberg'."""

    def __init__(self, ctx: Context) -> None:
        self.by_name: dict[str, str] = {}
        for eid, record in ctx.ids.get("entity", {}).items():
            data = record.doc.data
            if data.get("kind") not in _SPEAKERS:
                continue
            for name in [data.get("name"), *(data.get("aliases") or [])]:
                if isinstance(name, str) and len(name) > 2:
                    self.by_name.setdefault(normalise(name).casefold(), eid)

    @cached_property
    def pattern(self) -> re.Pattern[str] | None:
        if not self.by_name:
            return None
        names = "|".join(re.escape(n) for n in sorted(self.by_name, key=len, reverse=True))
        return re.compile(rf"(?:{_BEFORE}(?P<a>{names})\b|\b(?P<b>{names}){_AFTER})", re.IGNORECASE)


def _publishers(ctx: Context, record: RawRecord, names: _Names) -> set[str]:
    """Entities that are a cited source's publisher or byline: a claim may name its own source."""
    out: set[str] = set()
    for source in ctx.cited_sources(record):
        for field in ("publisher", "byline"):
            text = source.get(field)
            if isinstance(text, str):
                folded = normalise(text).casefold()
                out |= {eid for name, eid in names.by_name.items() if name in folded}
    return out


def _employers(ctx: Context, people: set[str]) -> set[str]:
    """Organisations a credited person works for: "Wu Xinbo of Fudan University said" names Wu Xinbo, not Fudan."""
    out: set[str] = set()
    for eid in people:
        record = ctx.ids.get("entity", {}).get(eid)
        for role in (record.doc.data.get("roles") or []) if record else []:
            if isinstance(role, dict) and isinstance(role.get("organisation"), str):
                out.add(role["organisation"])
    return out


def check(ctx: Context) -> None:
    names = _Names(ctx)
    origins: dict[tuple[str, str], list[tuple[str, str | None, str]]] = {}
    for record in ctx.corpus.records.get("fact", []):
        data = record.doc.data
        credited: set[str] = set()
        for i, cite in enumerate(data.get("citations") or []):
            if not isinstance(cite, dict) or not isinstance(cite.get("quote"), str):
                continue
            quote = normalise(cite["quote"]).casefold()
            chain = [w for w in cite.get("attributed_to") or [] if isinstance(w, dict)]
            for j, who in enumerate(chain):
                if isinstance(who.get("entity"), str):
                    credited.add(who["entity"])
                name = who.get("name")
                if isinstance(name, str) and normalise(name).casefold() not in quote:
                    ctx.report(record, ("citations", i, "attributed_to", j, "name"), "attribution-unnamed", f"the quote does not name '{name}'", "credit only whom the text names: extend the quote to the words that credit them, or remove the credit")
            last = chain[-1] if chain else None
            origin = (last.get("entity") or normalise(str(last.get("name"))).casefold()) if last else None
            if len(quote) >= MIN_QUOTE:  # a blank or tiny quote overlaps everything; the quote rule reports it
                origins.setdefault((str(cite.get("source")), quote), []).append((record.rel, origin, str(data.get("id"))))
        if isinstance(data.get("speaker"), str):
            credited.add(data["speaker"])
        claim = data.get("claim")
        if isinstance(claim, str) and names.pattern is not None:
            allowed = credited | _employers(ctx, credited) | _publishers(ctx, record, names)
            for match in names.pattern.finditer(normalise(claim)):
                eid = names.by_name[(match.group("a") or match.group("b")).casefold()]
                if eid not in allowed:
                    ctx.report(record, ("claim",), "attribution-uncredited", f"the claim names {match.group(0).strip()!r} as an origin, but no citation credits '{eid}'", "add the crediting words to a quote and an attributed_to entry, or say whose claim it is as the text does")
    _conflicts(ctx, origins)


def _conflicts(ctx: Context, origins: dict[tuple[str, str], list[tuple[str, str | None, str]]]) -> None:
    """One passage, one origin: facts quoting the same words of a source (one quote containing the other) must
    credit them alike. Both sides are reported: the validator cannot know which of them the text supports."""
    by_source: dict[str, list[tuple[str, list[tuple[str, str | None, str]]]]] = {}
    for (source, quote), uses in origins.items():
        by_source.setdefault(source, []).append((quote, uses))
    records = {r.rel: r for r in ctx.corpus.records.get("fact", [])}
    reported: set[tuple[str, str]] = set()
    for passages in by_source.values():
        for quote, uses in passages:
            overlapping = [use for other, other_uses in passages if quote in other for use in other_uses]
            for rel, origin, fid in uses:
                for o_rel, o_origin, o_fid in overlapping:
                    if o_origin == origin or o_fid == fid:
                        continue
                    for here, there, mine, theirs in ((rel, o_fid, origin, o_origin), (o_rel, fid, o_origin, origin)):
                        if (here, there) not in reported:
                            reported.add((here, there))
                            ctx.report(records[here], ("citations",), "attribution-conflict", f"fact '{there}' quotes the same words and credits them to {theirs or 'the source itself'}, this fact to {mine or 'the source itself'}", "one passage has one origin: make the facts agree with the text")


RULE = Rule("attribution", "Credited names are in the quote; a claim names no origin its citations do not credit; one passage has one origin.", check)
