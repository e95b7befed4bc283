"""A claim says no more than its quotes: its numbers and quoted phrases are in them, and no quote drops its condition.

A full check of meaning needs a reader (the second reading); this rule catches the mechanical part of it:
a number or a phrase in quotation marks that the quotes do not contain, a statement's `words` that are not
the source's, and a quote cut after an "if" that frames it.
"""
from __future__ import annotations

import re

from ...load.corpus import RawRecord
from ..context import Context
from ..textnorm import normalise
from .base import Rule

_NUMBER = re.compile(r"(?<![\w.])\d+(?:[.,]\d+)*")
# Phrases the claim puts in quotation marks (straight or curly, after folding).
_QUOTED = re.compile(r'"([^"]{3,})"')
_CONDITION = re.compile(r"\b(?:if|unless|provided that|as long as|only when)\b", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?]\s")


def _digits(text: str) -> set[str]:
    """Numbers as digit strings, so that '1,000', '1000' and '1.000' compare by what they say."""
    return {m.group(0).replace(",", "") for m in _NUMBER.finditer(text)}


def _allowed_numbers(data: dict[str, object], quotes: list[str]) -> set[str]:
    """Numbers a claim may state: those in its quotes and those of its own checked fields (dates, value, period)."""
    allowed: set[str] = set()
    for quote in quotes:
        allowed |= _digits(quote)
    for key in ("date", "end_date"):
        value = data.get(key)
        if isinstance(value, str):
            allowed |= {part.lstrip("0") or "0" for part in value.split("-")} | set(value.split("-"))
    stat = data.get("statistic")
    if isinstance(stat, dict):
        value = stat.get("value")
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            allowed.add(f"{value:g}" if isinstance(value, float) else str(value))
            allowed.add(str(value))
        if isinstance(stat.get("period"), str):
            allowed |= set(re.split(r"[-/]", stat["period"]))
    return allowed


def _quotes(record: RawRecord) -> list[tuple[int, dict[str, object]]]:
    return [(i, c) for i, c in enumerate(record.doc.data.get("citations") or []) if isinstance(c, dict) and isinstance(c.get("quote"), str)]


def check(ctx: Context) -> None:
    for record in ctx.corpus.records.get("fact", []):
        data = record.doc.data
        cites = _quotes(record)
        quotes = [normalise(str(c["quote"])) for _, c in cites]
        claim = data.get("claim")
        if isinstance(claim, str) and quotes:
            _claim_within_quotes(ctx, record, normalise(claim), quotes)
        words = data.get("words")
        if isinstance(words, str) and quotes and not any(normalise(words).casefold() in q.casefold() for q in quotes):
            ctx.report(record, ("words",), "words-not-quoted", "the speaker's words are not in any citation's quote", "copy them from the quote, without the outlet's narration")
        for i, cite in cites:
            _condition(ctx, record, i, cite)


def _claim_within_quotes(ctx: Context, record: RawRecord, claim: str, quotes: list[str]) -> None:
    allowed = _allowed_numbers(record.doc.data, quotes)
    for number in sorted(_digits(claim) - allowed):
        ctx.report(record, ("claim",), "claim-unsupported", f"the claim says '{number}', which no quote of this fact contains", "a claim says no more than its quotes: quote the words that give the number, or leave it out")
    joined = " ".join(quotes).casefold()
    for phrase in _QUOTED.findall(claim):
        if phrase.strip(" .,").casefold() not in joined:
            ctx.report(record, ("claim",), "claim-unsupported", f"the claim quotes \"{phrase}\", which is not in any quote of this fact", "words in quotation marks must be the source's own")


def _condition(ctx: Context, record: RawRecord, i: int, cite: dict[str, object]) -> None:
    """A quote that starts after an 'if ...' of its own sentence reads as unconditional: flag the dropped condition."""
    snapshot = ctx.snapshots.get(str(cite.get("source")))
    if snapshot is None:
        return
    needle = normalise(str(cite["quote"]))
    for para in snapshot.normalised:
        start = para.find(needle)
        if start < 0:
            continue
        before = para[:start]
        ends = list(_SENTENCE_END.finditer(before))
        lead = before[ends[-1].end():] if ends else before
        match = _CONDITION.search(lead)
        if match:
            ctx.report(record, ("citations", i, "quote"), "quote-condition", f"the quote leaves out the condition that frames it: \"{lead.strip()}\"", "start the quote at the beginning of its sentence, so that the condition is kept")
        return


RULE = Rule("claim", "A claim's numbers and quoted phrases are in its quotes; statements' words are quoted; quotes keep their conditions.", check)
