"""The corrections log (newest first, split over pages of PAGE_SIZE entries) and its Atom feed."""
from __future__ import annotations

from ... import urls
from .. import corrections
from ..environment import render
from .base import Context, Output, paginate

POLICY_PAGE = "methodology.md"  # the hand-written page that states the corrections policy


def generate(ctx: Context, out: Output) -> None:
    items = corrections.changes(list(ctx.index.corpus.facts.values()))
    counts = {what: sum(c.what == what for c in items) for what in ("Added", "Changed", "Retracted")}
    for page in paginate(items, urls.corrections_page(), urls.corrections_page):
        out[page.path] = render("corrections.md.j2", page=page, here=page.path, total=len(items), counts=counts,
                                policy=POLICY_PAGE if POLICY_PAGE in ctx.narrative_titles else None)
    out[urls.corrections_feed()] = corrections.feed(items)
