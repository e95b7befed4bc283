"""Records are in canonical form, so that a change shows as the lines it changes and nothing else."""
from __future__ import annotations

from ...canonical import canonical
from ...diagnostics import Diagnostic
from ..context import Context
from .base import Rule


def check(ctx: Context) -> None:
    records = ctx.corpus.all_records() + ([ctx.corpus.topics] if ctx.corpus.topics else [])
    for record in records:
        if not record.raw:
            continue
        want = canonical(record.doc.data, record.kind)
        have = record.raw.decode("utf-8")
        if have != want:
            line = next((i for i, (a, b) in enumerate(zip(have.split("\n"), want.split("\n"), strict=False), 1) if a != b), min(have.count("\n"), want.count("\n")) + 1)
            ctx.diagnostics.append(Diagnostic(record.rel, line, 1, "format-canonical", "file is not in canonical form (key order, quoting, layout)", f"run: python -m build_scripts fmt {record.rel}", "warning"))


RULE = Rule("format", "Records are in canonical form (python -m build_scripts fmt).", check)
