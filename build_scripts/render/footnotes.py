"""The citation a footnote carries, shared by narrative pages and the timeline."""
from __future__ import annotations

from markupsafe import Markup

from .. import urls
from ..model import Corpus, Fact
from ..transform import present
from .environment import link
from .escape import md_text


def footnote(fact: Fact, corpus: Corpus, here: str) -> Markup:
    """A citation for a footnote: source, kind, credited party, status, quote, and links to the fact and source."""
    cite = fact.citations[0]
    source = corpus.sources[cite.source]
    credit = f", citing {cite.attributed_to[0].name}" if cite.attributed_to else ""
    status = "" if fact.status == "current" else f" [{present.STATUS[fact.status][0]}]"
    head = md_text(f"{source.publisher} ({present.SOURCE_KINDS[source.kind][0].lower()}{credit}){status}, {present.date_text(source.published)}: \u201c{cite.quote}\u201d")
    return Markup(f"{head} {link('Fact', urls.fact_page(fact.id), here)} · {link('Source', urls.source_page(source.id), here)}")
