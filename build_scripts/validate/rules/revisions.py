"""A fact's revision equals its last history entry, and history counts up from 1."""
from __future__ import annotations

from ..context import Context
from .base import Rule


def check(ctx: Context) -> None:
    for record in ctx.corpus.records.get("fact", []):
        data = record.doc.data
        history = [h for h in data.get("history") or [] if isinstance(h, dict)]
        numbers = [h.get("revision") for h in history]
        for i, number in enumerate(numbers):
            if isinstance(number, int) and number != i + 1:
                ctx.report(record, ("history", i, "revision"), "revision-history", f"history entry {i + 1} has revision {number}", f"history counts 1, 2, 3 ...: set revision: {i + 1}")
        revision = data.get("revision")
        if isinstance(revision, int) and numbers and revision != len(numbers):
            ctx.report(record, ("revision",), "revision-history", f"revision is {revision} but history has {len(numbers)} entr{'y' if len(numbers) == 1 else 'ies'}", "each change raises revision by one and adds one history entry")


RULE = Rule("revision", "Revision numbers and history agree.", check)
