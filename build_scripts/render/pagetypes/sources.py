"""Source pages (metadata, reliability, the facts quoting it) and the list of all sources."""
from __future__ import annotations

from typing import Any

from ... import urls
from ...transform import present
from ..environment import render
from .base import Context, Output, list_page, numbered, paginate, redirects


def generate(ctx: Context, out: Output) -> None:
    index = ctx.index
    for source in index.corpus.sources.values():
        items = [
            {"fact": fact, "cites": [c for c in fact.citations if c.source == source.id]}
            for fact in index.by_source.get(source.id, [])
        ]
        for page in paginate(items, urls.source_page(source.id), numbered(urls.SOURCES, source.id)):
            out[page.path] = render("source.md.j2", source=source, page=page, total=len(items), here=page.path, index=index)
        redirects(out, urls.SOURCES, source.id, source.previous_ids)
    corpus = index.corpus
    by_kind: dict[str, list[Any]] = {}
    for source in sorted(corpus.sources.values(), key=lambda s: s.published.iso):
        label = present.SOURCE_KINDS[source.kind][0]
        by_kind.setdefault(f"{label}: {present.SOURCE_KINDS[source.kind][1]}", []).append(
            (source.title, urls.source_page(source.id), f"{source.publisher}, {present.date_text(source.published)}, {present.count(len(index.by_source.get(source.id, [])), 'fact')}"))
    list_page(out, index, urls.index_page(urls.SOURCES), "All sources", f"The {len(corpus.sources)} sources the facts quote, by kind of source.", links=sorted(by_kind.items()))
