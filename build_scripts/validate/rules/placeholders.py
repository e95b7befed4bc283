"""No TODO placeholder from `new source` or `new fact` is left in a record."""
from __future__ import annotations

from ..context import Context
from .base import Rule


def check(ctx: Context) -> None:
    for record in ctx.corpus.all_records():
        for path, text in ctx.strings(record):
            if "TODO" in text:
                where = ".".join(map(str, path))
                ctx.report(record, path, "placeholder", f"{where} still holds a TODO placeholder", "replace it with the real value; see the field in the schema reference")


RULE = Rule("placeholder", "No TODO placeholders are left from scaffolding.", check)
