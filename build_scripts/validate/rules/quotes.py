"""Every quote is found in its source's snapshot, at the paragraph its locator names."""
from __future__ import annotations

from ..context import Context
from ..textnorm import normalise
from .base import Rule

MIN_QUOTE = 8


def check(ctx: Context) -> None:
    for record in ctx.corpus.records.get("fact", []):
        for i, cite in enumerate(record.doc.data.get("citations") or []):
            if not isinstance(cite, dict) or not isinstance(cite.get("quote"), str):
                continue
            snapshot = ctx.snapshots.get(cite.get("source"))  # type: ignore[arg-type]
            if snapshot is None:
                continue  # the reference or snapshot rule reports why
            if len(normalise(cite["quote"])) < MIN_QUOTE:
                ctx.report(record, ("citations", i, "quote"), "quote-not-found", "quote is empty or too short to check", f"quote at least {MIN_QUOTE} characters of the source")
                continue
            found = snapshot.find(cite["quote"])
            if found is None:
                number, passage, ratio = snapshot.closest(cite["quote"])
                hint = f"closest passage ({ratio:.0%} alike, paragraph {number}): \"{passage}\"" if ratio > 0.4 else "copy the words exactly from the snapshot"
                ctx.report(record, ("citations", i, "quote"), "quote-not-found", f"quote not found in the snapshot of '{cite['source']}'", hint)
                continue
            locator = cite.get("locator")
            if isinstance(locator, str) and locator != f"paragraph {found}":
                ctx.report(record, ("citations", i, "locator"), "quote-locator", f"the quote is in paragraph {found}, but the locator says '{locator}'", f"set locator: paragraph {found}")


RULE = Rule("quote", "Quotes are verbatim (up to white space, quote marks, dashes, ellipses and canonical Unicode form, NFC) and located.", check)
