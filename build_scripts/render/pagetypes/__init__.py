"""The page-type registry: one module per kind of generated page, each with `generate(ctx, out)`.

The generator loops over PAGE_TYPES in order. Adding a page type means adding its module here, its
template, and its addresses in `build_scripts/urls.py`. Page types share nothing but the context: charts are
drawn before any page (charts/catalog.py), so the order only decides the order of the output."""
from __future__ import annotations

from typing import Protocol

from . import charts, corrections, data, entities, facts, metrics, publication, reference, snapshots, sources, timeline, topics
from .base import Context, Output


class PageType(Protocol):
    def generate(self, ctx: Context, out: Output) -> None: ...


PAGE_TYPES: tuple[PageType, ...] = (facts, sources, snapshots, entities, metrics, timeline, charts, topics, data, reference, publication, corrections)


def generate_all(ctx: Context) -> Output:
    out: Output = {}
    for page_type in PAGE_TYPES:
        page_type.generate(ctx, out)
    return out


__all__ = ["PAGE_TYPES", "Context", "Output", "PageType", "charts", "corrections", "data", "entities", "facts", "generate_all", "metrics", "publication", "reference", "snapshots", "sources", "timeline", "topics"]
