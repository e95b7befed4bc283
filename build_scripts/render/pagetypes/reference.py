"""The schema reference page."""
from __future__ import annotations

from .. import reference
from .base import Context, Output


def generate(ctx: Context, out: Output) -> None:
    reference.schema_pages(out, ctx.schemas)
