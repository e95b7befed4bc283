"""What every page type shares: the generation context, pagination, redirects and citation formats."""
from __future__ import annotations

import json
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from ... import settings, urls
from ...charts.catalog import Catalog
from ...model import Fact
from ...transform import cite as citing
from ...transform.index import SiteIndex
from ..environment import render
from ..escape import md_text, safe_title

Output = dict[str, str | bytes]


@dataclass
class Context:
    """Everything a page type may read: the site index, narrative page titles, raw records, schemas and snapshots
    (for the data downloads), and every chart, drawn before any page (charts/catalog.py)."""

    index: SiteIndex
    narrative_titles: dict[str, str]
    records: dict[str, list[dict[str, Any]]]
    schemas: dict[str, bytes]
    snapshots: dict[str, bytes]
    charts: Catalog


@dataclass(frozen=True)
class Page:
    items: Sequence[Any]
    number: int
    count: int
    path: str
    prev: str | None
    next: str | None


def paginate(items: Sequence[Any], first: str, other: Callable[[int], str], size: int = settings.PAGE_SIZE) -> list[Page]:
    """Split a list over pages of at most `size` items: no page grows with the corpus."""
    count = max(1, math.ceil(len(items) / size))
    paths = [first] + [other(n) for n in range(2, count + 1)]
    return [
        Page(items[i * size:(i + 1) * size], i + 1, count, paths[i], paths[i - 1] if i else None, paths[i + 1] if i + 1 < count else None)
        for i in range(count)
    ]


def numbered(folder: str, stem: str) -> Callable[[int], str]:
    """Addresses of a list's second and later pages."""
    return lambda n: urls.list_page(folder, stem, n)


def fact_title(fact: Fact) -> str:
    """The fact's headline: written for people, never a claim cut mid-sentence."""
    return safe_title(fact.headline)


@dataclass(frozen=True)
class CitationFormats:
    plain: str
    bibtex: str
    csl: str


def citation_formats(ref: citing.Reference) -> CitationFormats:
    return CitationFormats(citing.plain(ref), citing.bibtex(ref), json.dumps([citing.csl_json(ref)], indent=2, ensure_ascii=False, sort_keys=True))


def redirect(target: str) -> str:
    """A static redirect page: works on any host, without a plugin, and keeps old links alive."""
    safe = md_text(target)  # target is built from validated ids; escaped anyway
    return (
        f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Moved</title>'
        f'<meta http-equiv="refresh" content="0; url={safe}"><link rel="canonical" href="{safe}"></head>'
        f'<body><p>This page has moved to <a href="{safe}">its new address</a>.</p></body></html>\n'
    )


def redirects(out: Output, folder: str, new_id: str, previous_ids: Sequence[str]) -> None:
    """Keep a renamed record's old addresses alive."""
    for old in previous_ids:
        out[urls.moved_page(folder, old)] = redirect(urls.moved_target(new_id))


def list_page(out: Output, index: SiteIndex, path: str, title: str, description: str, *, links: list[Any] | None = None,
              facts: Sequence[Fact] | None = None, intro: Markup | None = None, hide_toc: bool = False) -> None:
    """An index page, split over pages of at most PAGE_SIZE entries so that none grows with the corpus.
    Fact lists repeat text that fact pages hold, so they stay out of the search index."""
    stem = path.removesuffix(".md").replace("/", "-")
    folder = path.split("/")[0]
    if facts is not None:
        for page in paginate(facts, path, numbered(folder, stem)):
            out[page.path] = render("list.md.j2", title=title, description=description, links=None, page=page, here=page.path, index=index,
                                    intro=intro if page.number == 1 else None, hide_toc=hide_toc, search_exclude=True)
        return
    flat = [(group, item) for group, items in links or [] for item in items]
    for page in paginate(flat, path, numbered(folder, stem)):
        grouped: dict[str, list[Any]] = {}
        for group, item in page.items:
            grouped.setdefault(group, []).append(item)
        out[page.path] = render("list.md.j2", title=title, description=description, links=list(grouped.items()), page=page if page.count > 1 else None,
                                here=page.path, index=index, intro=intro if page.number == 1 else None, hide_toc=hide_toc, search_exclude=False, pager_only=True)
