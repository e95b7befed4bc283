"""Text fields are plain: no HTML, no Markdown structure, no control, bidi or invisible characters."""
from __future__ import annotations

import re
import unicodedata

from ..context import Context
from .base import Rule

_BIDI = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")
_INVISIBLE = set("\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e")
_HTML = re.compile(r"<\s*/?\s*[a-zA-Z!?]|&#?[a-zA-Z0-9]+;")
_MARKDOWN = [
    (re.compile(r"\]\(|!\[|\[\^|\]:\s"), "Markdown link, image or footnote syntax"),
    (re.compile(r"`"), "a backtick (Markdown code)"),
    (re.compile(r"\{:?\s*[#.:a-z]"), "attribute-list syntax ({: ...})"),
    (re.compile(r"(?m)^\s*(#{1,6}\s|>\s?|[-*+]\s|\d+[.)]\s|-{3,}\s*$|={3,}\s*$|\|)"), "Markdown block syntax at the start of a line"),
]
_SCHEME = re.compile(r"(?i)\b(javascript|vbscript|data)\s*:")
# Fields copied verbatim from a source may hold what the source holds; only invisible tricks are refused there.
_VERBATIM = {"quote"}


_ASCII_CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f]")


def _characters(text: str) -> tuple[int, str, str] | None:
    if text.isascii():  # most text: one regex instead of a loop over every character
        m = _ASCII_CONTROL.search(text)
        return (m.start(), f"control character U+{ord(m.group()):04X}", "delete it") if m else None
    for at, ch in enumerate(text):
        if ch in _BIDI:
            return at, f"bidirectional control character U+{ord(ch):04X}", "delete it: it can make text display differently from what it says"
        if ch in _INVISIBLE:
            return at, f"invisible character U+{ord(ch):04X} ({unicodedata.name(ch, 'unnamed')})", "delete it"
        cat = unicodedata.category(ch)
        if (cat == "Cc" and ch != "\n") or cat in ("Co", "Cn", "Cs"):
            return at, f"control or unassigned character U+{ord(ch):04X}", "delete it"
    return None


def problem(text: str, verbatim: bool) -> tuple[int, str, str] | None:
    """(offset, message, hint) for the first problem in `text`."""
    found = _characters(text)
    if found:
        return found
    if not unicodedata.is_normalized("NFC", text):
        return 0, "text is not in Unicode normal form NFC", "retype the accented letters, or run python -m build_scripts fmt"
    if verbatim:
        return None
    if (m := _HTML.search(text)):
        return m.start(), "text looks like HTML", "write plain text; the site escapes and formats it"
    if (m := _SCHEME.search(text)):
        return m.start(), f"text contains a '{m.group(1)}:' address", "only https addresses, and only in the url field"
    for pattern, what in _MARKDOWN:
        if (m := pattern.search(text)):
            return m.start(), f"text contains {what}", "write plain text; the site formats it"
    return None


def check(ctx: Context) -> None:
    records = ctx.corpus.all_records() + ([ctx.corpus.topics] if ctx.corpus.topics else [])
    for record in records:
        for path, text in ctx.strings(record):
            verbatim = bool(path) and path[-1] in _VERBATIM
            found = problem(text, verbatim)
            if found:
                offset, message, hint = found
                ctx.report(record, path, "text-plain", f"{message} in {'.'.join(map(str, path))} at character {offset + 1}", hint)


RULE = Rule("text", "Text is plain: no HTML, Markdown structure, scripts, control, bidi or invisible characters.", check)
