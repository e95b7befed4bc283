"""Fact pages (one per fact, the full claim never cut) and the list of all facts."""
from __future__ import annotations

from ... import urls
from ...transform import cite as citing
from ...transform import present
from ..environment import issue_url, render
from .base import Context, Output, citation_formats, fact_title, list_page, redirects


def generate(ctx: Context, out: Output) -> None:
    index = ctx.index
    for fact in index.corpus.facts.values():
        here = urls.fact_page(fact.id)
        ref = citing.fact_reference(fact, index.corpus)
        out[here] = render(
            "fact.md.j2", fact=fact, index=index, here=here, page_title=fact_title(fact),
            chains=present.provenance(fact, index.corpus.sources), related=index.related(fact),
            cited_by=index.cited_by.get(fact.id, []), narrative_titles=ctx.narrative_titles,
            citation=citation_formats(ref),
            head=citing.head(fact.headline, citing.preview_description(fact), "article", ref, citing.claim_jsonld(fact, index.corpus)),
            report_url=issue_url("wrong-fact.yml", f"Problem with fact {fact.id}", fact=fact.id),
        )
        redirects(out, urls.FACTS, fact.id, fact.previous_ids)
    corpus = index.corpus
    counts = {k: sum(f.kind == k for f in corpus.facts.values()) for k in present.KIND_LABELS}
    status = {k: sum(f.status == k for f in corpus.facts.values()) for k in present.STATUS}
    summary = ", ".join(f"{n} {present.KIND_LABELS[k].lower()}{'s' if n != 1 else ''}" for k, n in counts.items() if n)
    by_status = ", ".join(f"{n} {k}" for k, n in status.items() if n)
    list_page(out, index, urls.index_page(urls.FACTS), "All facts", f"{len(corpus.facts)} facts: {summary}. By status: {by_status}.", facts=index.facts_sorted)
