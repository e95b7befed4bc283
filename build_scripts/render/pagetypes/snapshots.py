"""Each source's snapshot as a readable page: one anchor per paragraph (#p-N, numbered as locators count),
every quoted passage highlighted and linked to the facts that quote it.

Snapshots are third-party text: every character goes through md_text (inert Markdown); the only markup is the
<mark> and link syntax added here around escaped text, never anything taken from the snapshot."""
from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from ... import urls
from ...transform import passages
from ..environment import link, render
from ..escape import md_text
from .base import Context, Output


@dataclass(frozen=True)
class ShownParagraph:
    number: int
    anchor: Markup
    body: Markup
    quoted: bool


def _body(para: passages.Paragraph, here: str) -> Markup:
    parts: list[str] = []
    last = 0
    for span in para.spans:
        parts.append(md_text(para.text[last:span.start]))
        facts = "; ".join(link(f.headline, urls.fact_page(f.id), here) for f in span.facts)
        parts.append(f'<mark class="re-quote">{md_text(para.text[span.start:span.end])}</mark>'
                     f' <span class="re-quoted-by">(quoted by {facts})</span>')
        last = span.end
    parts.append(md_text(para.text[last:]))
    return Markup("".join(parts).strip())


def generate(ctx: Context, out: Output) -> None:
    index = ctx.index
    for source in index.corpus.sources.values():
        here = urls.snapshot_page(source.id)
        quoting = index.by_source.get(source.id, [])
        shown = [
            ShownParagraph(p.number, Markup(urls.paragraph_anchor(p.number)), _body(p, here), bool(p.spans))  # from a number: nothing to escape
            for p in passages.paragraphs(source.id, index.corpus, quoting)
        ]
        out[here] = render("snapshot.md.j2", source=source, paragraphs=shown, quoted=sum(p.quoted for p in shown), facts=len(quoting), here=here)
