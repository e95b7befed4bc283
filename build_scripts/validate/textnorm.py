"""Normalising text so that a quote matches its source despite typographic differences, and only those."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from rapidfuzz import fuzz

# The folds that are wanted, and only these: quote marks, primes and apostrophes; hyphens and dashes; the
# horizontal ellipsis. Spaces of every width fold through the white-space collapse below. Everything else is
# compared after NFC alone, which unifies only canonically equal text (a precomposed "é" and "e" plus an
# accent): compatibility forms such as superscripts ("10²"), full-width digits (U+FF10 to U+FF19), ligatures ("ﬁ")
# and circled or fractional numbers stay distinct from their look-alikes, as NFKC would not keep them.
QUOTE_FOLDS = {
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "\u00b4": "'", "`": "'", "\u02bc": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"', "\u00ab": '"', "\u00bb": '"',
}
DASH_FOLDS = {"\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-", "\u2212": "-"}
OTHER_FOLDS = {"\u2026": "..."}
_FOLD = str.maketrans({**QUOTE_FOLDS, **DASH_FOLDS, **OTHER_FOLDS})
# Every Unicode space (no-break, thin, ideographic, ...) and line break is white space to Python's \s.
_SPACE = re.compile(r"\s+")
# Characters of a quote aligned over a whole snapshot; rapidfuzz is fastest for probes of at most 64.
PROBE = 64


def normalise(text: str) -> str:
    """NFC, the fold table, collapsed white space. Case, words, digits and their forms are kept."""
    return _SPACE.sub(" ", unicodedata.normalize("NFC", text).translate(_FOLD)).strip()


@dataclass
class Snapshot:
    """A source's text, normalised once, split into the paragraphs that locators count."""

    text: str
    paragraphs: list[str] = field(init=False)
    normalised: list[str] = field(init=False)

    def __post_init__(self) -> None:
        self.paragraphs = [line for line in self.text.split("\n") if line.strip()]
        self.normalised = [normalise(p) for p in self.paragraphs]

    def find(self, quote: str) -> int | None:
        """1-based paragraph holding the quote, or None."""
        needle = normalise(quote)
        for number, para in enumerate(self.normalised, 1):
            if needle in para:
                return number
        return None

    def closest(self, quote: str) -> tuple[int, str, float]:
        """The passage most like the quote: (paragraph, passage, similarity 0..1).

        Bounded on hostile input: rapidfuzz (C) aligns a probe of at most PROBE characters (the quote's
        head, then its tail) over the whole text, then the full quote only around those two places. Cost is
        linear in the snapshot and independent of the quote's length, well under a second for 2 MiB."""
        needle = normalise(quote)
        if not needle or not self.normalised:
            return 1, "", 0.0
        joined = "\n".join(self.normalised)
        best = (1, "", 0.0)
        for probe in {needle[:PROBE], needle[-PROBE:]}:
            hit = fuzz.partial_ratio_alignment(probe, joined)
            if hit is None:
                continue
            lo = max(0, hit.dest_start - len(needle))
            window = joined[lo:hit.dest_end + len(needle)]
            full = fuzz.partial_ratio_alignment(needle, window)
            if full is None or full.score / 100 <= best[2]:
                continue
            start, end = lo + full.dest_start, lo + full.dest_end
            number = joined.count("\n", 0, start) + 1
            para_end = joined.find("\n", start)
            passage = joined[start:min(end, para_end) if para_end != -1 else end]
            best = (number, passage, full.score / 100)
        return best
