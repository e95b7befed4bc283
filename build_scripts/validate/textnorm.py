"""Normalising text so that a quote matches its source despite typographic differences, and only those."""
from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass, field

# Curly quotes, primes and dash variants that editors and translators swap freely.
_FOLD = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "\u00b4": "'", "`": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-", "\u2212": "-",
})
_SPACE = re.compile(r"\s+")


def normalise(text: str) -> str:
    """NFKC, folded quote marks and dashes, collapsed white space. Case and words are kept."""
    return _SPACE.sub(" ", unicodedata.normalize("NFKC", text).translate(_FOLD)).strip()


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
        """The passage most like the quote: (paragraph, passage, similarity 0..1)."""
        needle = normalise(quote)
        words = needle.split(" ")
        best = (1, "", 0.0)
        for number, para in enumerate(self.normalised, 1):
            tokens = para.split(" ")
            width = min(len(words), len(tokens))
            step = max(1, width // 4)
            for start in range(0, max(1, len(tokens) - width + 1), step):
                window = " ".join(tokens[start:start + width])
                matcher = difflib.SequenceMatcher(None, needle, window, autojunk=False)
                if matcher.quick_ratio() <= best[2]:
                    continue
                ratio = matcher.ratio()
                if ratio > best[2]:
                    best = (number, window, ratio)
        return best
