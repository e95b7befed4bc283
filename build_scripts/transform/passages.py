"""Where each quote sits in its source's text: paragraphs as locators count them, quoted spans in the shown text.

The validator finds a quote by comparing normalised text (validate/textnorm.py: NFC, folded quote marks and
dashes, collapsed white space). To highlight the quote in the text as received, the same normalisation is done
here character by character, keeping for every normalised character the position it came from."""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

from ..model import Corpus, Fact
from ..validate.textnorm import DASH_FOLDS, OTHER_FOLDS, QUOTE_FOLDS, Snapshot, normalise

_FOLDS = {**QUOTE_FOLDS, **DASH_FOLDS, **OTHER_FOLDS}


@dataclass
class Span:
    """A quoted stretch of one paragraph, [start, end) in the shown text, and every fact quoting it."""

    start: int
    end: int
    facts: list[Fact] = field(default_factory=list)


@dataclass
class Paragraph:
    number: int
    text: str  # as received, NFC (canonically the same text, so it looks the same)
    spans: list[Span]


def _folded(text: str) -> tuple[str, list[int]]:
    """normalise(text) without its final strip, and for each of its characters the index in `text` it came from."""
    out: list[str] = []
    where: list[int] = []
    in_space = False
    for i, char in enumerate(text):
        if char.isspace():
            if not in_space and out:
                out.append(" ")
                where.append(i)
            in_space = True
            continue
        in_space = False
        for piece in _FOLDS.get(char, char):
            out.append(piece)
            where.append(i)
    return "".join(out), where


def locate(text: str, quote: str) -> tuple[int, int] | None:
    """[start, end) of the quote in `text` (NFC), matched as the validator matches it; None if it is not there."""
    folded, where = _folded(text)
    needle = normalise(quote)
    at = folded.find(needle)
    if at == -1 or not needle:
        return None
    return where[at], where[at + len(needle) - 1] + 1


def paragraphs(source_id: str, corpus: Corpus, quoting: list[Fact]) -> list[Paragraph]:
    """The source's paragraphs, numbered as locators number them, each with the quoted spans merged where they overlap."""
    snapshot = Snapshot(corpus.snapshot_texts[source_id])
    shown = [Paragraph(n, unicodedata.normalize("NFC", text), []) for n, text in enumerate(snapshot.paragraphs, 1)]
    for fact in quoting:
        for cite in fact.citations:
            if cite.source != source_id:
                continue
            number = cite.paragraph
            if not 1 <= number <= len(shown):
                continue
            para = shown[number - 1]
            found = locate(para.text, cite.quote)
            if found is not None:
                para.spans.append(Span(found[0], found[1], [fact]))
    for para in shown:
        merged: list[Span] = []
        for span in sorted(para.spans, key=lambda s: (s.start, s.end)):
            if merged and span.start < merged[-1].end:
                last = merged[-1]
                last.end = max(last.end, span.end)
                last.facts.extend(f for f in span.facts if f not in last.facts)
            else:
                merged.append(span)
        para.spans = merged
    return shown
