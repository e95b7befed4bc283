"""How the site and each fact are cited and described to other programs: reference managers (BibTeX,
CSL-JSON, Highwire `citation_*` tags), link previews (OpenGraph) and search engines (schema.org JSON-LD).

Pure functions from the model to plain data and text; templates and the theme escape it for their context.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from .. import settings, urls
from ..model import Corpus, Fact, Source
from . import present

SCHEMA_ORG = "https://schema.org"
# Entity kinds that schema.org calls a Person; the rest of those that can say something are organisations.
_PERSON_KINDS = {"person"}
_ORGANISATION_KINDS = {"organisation", "country", "region"}


def page_url(path: str) -> str:
    """The absolute address of a generated page or file, from its docs-relative path (directory URLs)."""
    return settings.SITE_URL + urls.directory_url(path)


def fact_url(fact: Fact) -> str:
    return page_url(urls.fact_page(fact.id))


@dataclass(frozen=True)
class Reference:
    """One citable thing, in the few fields every citation format needs."""

    key: str
    kind: str  # "webpage" (a fact page) or "dataset" (the whole fact base)
    title: str
    url: str
    date: str  # ISO: the day it last changed
    version: str
    note: str


def fact_reference(fact: Fact, corpus: Corpus) -> Reference:
    source = corpus.sources[fact.citations[0].source]
    return Reference(
        key=f"reb-{fact.id}", kind="webpage", title=fact.headline, url=fact_url(fact), date=fact.history[-1].date,
        version=f"revision {fact.revision}",
        note=f"Fact {fact.id}, revision {fact.revision}. Source: {source.publisher}, \u201c{source.title}\u201d, {present.date_text(source.published)}.",
    )


def site_reference(last_updated: str) -> Reference:
    return Reference(
        key="reb-fact-base", kind="dataset", title=f"{settings.SITE_NAME}: the fact base", url=page_url(urls.data_page()),
        date=last_updated, version=f"as of {last_updated}", note=f"Facts, sources, entities and metrics as JSON and CSV, {settings.DATA_LICENSE}.",
    )


def plain(ref: Reference) -> str:
    """A citation a reader can paste: author, title, site, version, address, date."""
    return f"{settings.AUTHOR}. \u201c{ref.title.rstrip('.')}.\u201d {settings.SITE_NAME}, {ref.version}, {present.date_text(ref.date)}. {ref.url} . {ref.note}"


_BIBTEX_SPECIAL = {"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "&": r"\&", "%": r"\%", "$": r"\$", "#": r"\#", "_": r"\_", "^": r"\^{}", "~": r"\~{}"}
_BIBTEX_RE = re.compile("|".join(re.escape(k) for k in _BIBTEX_SPECIAL))


def bibtex_text(text: str) -> str:
    """Text for a BibTeX field: every character TeX reads as syntax escaped, white space collapsed."""
    return _BIBTEX_RE.sub(lambda m: _BIBTEX_SPECIAL[m.group(0)], " ".join(text.split()))


def bibtex(ref: Reference) -> str:
    year, _, rest = ref.date.partition("-")
    fields = {
        "author": "{" + bibtex_text(settings.AUTHOR) + "}",  # braced twice: an organisation, not a first and last name
        "title": "{" + bibtex_text(ref.title) + "}",
        "howpublished": bibtex_text(settings.SITE_NAME),
        "year": year,
        "month": rest.split("-")[0] if rest else "",
        "version": bibtex_text(ref.version),
        "url": ref.url,
        "urldate": ref.date,
        "note": bibtex_text(ref.note),
    }
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields.items() if value)
    return f"@{'dataset' if ref.kind == 'dataset' else 'online'}{{{ref.key},\n{body}\n}}"


def csl_json(ref: Reference) -> dict[str, Any]:
    """A CSL-JSON item (the format Zotero, Mendeley and pandoc read)."""
    parts = [int(p) for p in ref.date.split("-")] if ref.date else []
    item: dict[str, Any] = {
        "id": ref.key, "type": ref.kind, "title": ref.title, "container-title": settings.SITE_NAME, "publisher": settings.AUTHOR,
        "author": [{"literal": settings.AUTHOR}], "URL": ref.url, "version": ref.version, "note": ref.note, "language": settings.LANGUAGE,
    }
    if parts:
        item["issued"] = {"date-parts": [parts]}
        item["accessed"] = {"date-parts": [parts]}
    return item


def highwire(ref: Reference) -> list[tuple[str, str]]:
    """`citation_*` meta tags (Highwire Press), which Zotero and Google Scholar read from a page's head."""
    return [
        ("citation_title", ref.title),
        ("citation_author", settings.AUTHOR),
        ("citation_publisher", settings.AUTHOR),
        ("citation_publication_date", ref.date.replace("-", "/")),
        ("citation_online_date", ref.date.replace("-", "/")),
        ("citation_public_url", ref.url),
        ("citation_language", settings.LANGUAGE),
    ]


def _who(name: str, entity_id: str | None, corpus: Corpus) -> dict[str, Any]:
    entity = corpus.entities.get(entity_id) if entity_id else None
    kind = "Person" if entity and entity.kind in _PERSON_KINDS else "Organization" if entity and entity.kind in _ORGANISATION_KINDS else "Thing"
    who: dict[str, Any] = {"@type": kind, "name": name}
    if entity:
        who["url"] = page_url(urls.entity_page(entity.id))
    return who


def _work(source: Source) -> dict[str, Any]:
    work: dict[str, Any] = {
        "@type": "NewsArticle" if source.kind in ("wire-report", "news-report", "state-media") else "CreativeWork",
        "name": source.title, "publisher": {"@type": "Organization", "name": source.publisher},
        "datePublished": source.published.iso, "inLanguage": source.language, "sameAs": page_url(urls.source_page(source.id)),
    }
    if source.url:
        work["url"] = source.url
    if source.byline:
        work["author"] = {"@type": "Person", "name": source.byline}
    return work


def claim_jsonld(fact: Fact, corpus: Corpus) -> dict[str, Any]:
    """A schema.org Claim: the text, where it appears (each source with publisher and date) and, where the
    source credits someone, the first appearance: the credited origin, the last of the chain. No rating."""
    appearances = []
    first: list[dict[str, Any]] = []
    for cite in fact.citations:
        work = _work(corpus.sources[cite.source])
        work["citation"] = cite.quote  # the verbatim words this page rests on
        appearances.append(work)
        if cite.attributed_to:
            origin = cite.attributed_to[-1]
            first.append({"@type": "CreativeWork", "author": _who(origin.name, origin.entity, corpus),
                          "description": f"Credited by {corpus.sources[cite.source].publisher} as the origin of the claim."})
    data: dict[str, Any] = {
        "@context": SCHEMA_ORG, "@type": "Claim", "@id": fact_url(fact), "url": fact_url(fact), "name": fact.headline, "text": fact.claim,
        "dateModified": fact.history[-1].date, "dateCreated": fact.history[0].date, "version": fact.revision,
        "appearance": appearances, "license": settings.DATA_LICENSE_URL, "inLanguage": settings.LANGUAGE,
        "isPartOf": {"@type": "Dataset", "name": f"{settings.SITE_NAME}: the fact base", "url": page_url(urls.data_page())},
        "about": [{"@type": "Thing", "name": corpus.entities[e].name, "url": page_url(urls.entity_page(e))} for e in fact.entities if e in corpus.entities],
    }
    if first:
        data["firstAppearance"] = first[0] if len(first) == 1 else first
    if fact.speaker and fact.speaker in corpus.entities:
        data["author"] = _who(corpus.entities[fact.speaker].name, fact.speaker, corpus)
    return data


def dataset_jsonld(last_updated: str, downloads: list[tuple[str, str]]) -> dict[str, Any]:
    """A schema.org Dataset for the data page: (path below the site, media type) for each download."""
    return {
        "@context": SCHEMA_ORG, "@type": "Dataset", "@id": page_url(urls.data_page()), "url": page_url(urls.data_page()),
        "name": f"{settings.SITE_NAME}: the fact base", "description": settings.SITE_DESCRIPTION,
        "creator": {"@type": "Organization", "name": settings.AUTHOR}, "publisher": {"@type": "Organization", "name": settings.AUTHOR},
        "license": settings.DATA_LICENSE_URL, "isAccessibleForFree": True, "dateModified": last_updated, "inLanguage": settings.LANGUAGE,
        "keywords": ["rare earths", "export controls", "China", "United States", "fact-checking"],
        "distribution": [{"@type": "DataDownload", "contentUrl": settings.SITE_URL + path, "encodingFormat": media} for path, media in downloads],
    }


def preview_description(fact: Fact) -> str:
    """What a shared link shows under the headline: the value first for a statistic, then the claim."""
    value = f"{present.value_text(fact.statistic)}. " if fact.statistic else ""
    status = "" if fact.status == "current" else f"[{present.STATUS[fact.status][0]}] "
    return f"{status}{value}{fact.claim}"


def head(title: str, description: str, kind: str, citation: Reference | None = None, jsonld: dict[str, Any] | None = None) -> dict[str, Any]:
    """What a page's front matter carries for the theme's head: OpenGraph, citation tags, JSON-LD."""
    data: dict[str, Any] = {"og": {"title": title, "description": description, "type": kind}}
    if citation is not None:
        data["citation"] = [list(pair) for pair in highwire(citation)]
    if jsonld is not None:
        data["jsonld"] = jsonld
    return data
