"""The second line of defence for hand-written pages: their rendered HTML passes through nh3 (ammonia).

`markup.py` refuses hostile Markdown with a line number before anything is built. Whatever it misses
(a new extension's syntax, a parser quirk) is caught here: the page's HTML is cleaned with an allowlist
of exactly the elements and attributes Markdown and our extensions produce, and if the cleaner had to
remove anything the build fails, naming the page and the line of the source that holds the removed name.

It runs on the engine's output, so it holds whichever engine built the site: `build` cleans every narrative
page of the finished site in its scratch folder before the swap (`clean_site`); under `mkdocs serve` the thin
hook cleans each page as it is built (`clean_page`, the same function).
"""
from __future__ import annotations

from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import nh3

from .diagnostics import Diagnostic, display

_GLOBAL = {"id", "class", "title"}
ATTRIBUTES: dict[str, set[str]] = {
    "*": _GLOBAL,
    "a": {"href"},
    "img": {"src", "alt", "width", "height", "loading"},
    "td": {"align", "style"},
    "th": {"align", "style"},
    "ol": {"start"},
    "details": {"open"},
    "abbr": set(),
}
TAGS = {
    "a", "abbr", "b", "blockquote", "br", "code", "dd", "del", "details", "div", "dl", "dt", "em", "h1", "h2", "h3",
    "h4", "h5", "h6", "hr", "i", "img", "li", "mark", "ol", "p", "pre", "span", "strong", "sub", "summary", "sup", "table",
    "tbody", "td", "th", "thead", "tr", "ul", "nav",
}


class _Inventory(HTMLParser):
    """Every element and attribute (with its value) in a fragment, counted."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.seen: Counter[tuple[str, str, str]] = Counter()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.seen[(tag, "", "")] += 1
        for name, value in attrs:
            self.seen[(tag, name, value or "")] += 1

    handle_startendtag = handle_starttag


def inventory(html: str) -> Counter[tuple[str, str, str]]:
    parser = _Inventory()
    parser.feed(html)
    parser.close()
    return parser.seen


def _local_images(element: str, attribute: str, value: str) -> str | None:
    # Readers' browsers request nothing from other hosts: an image must come from this site.
    if element == "img" and attribute == "src" and (":" in value.split("/", 1)[0] or value.startswith("//")):
        return None
    return value


def clean(html: str) -> tuple[str, list[tuple[str, str, str]]]:
    """(the cleaned HTML, what the cleaner removed as (element, attribute, value))."""
    cleaned = nh3.clean(html, tags=TAGS, attributes=ATTRIBUTES, url_schemes={"https"}, link_rel=None, strip_comments=True,
                        filter_style_properties={"text-align"}, attribute_filter=_local_images)
    before, after = inventory(html), inventory(cleaned)
    removed = sorted((before - after).keys())
    return cleaned, removed


def locate(source: str, removed: tuple[str, str, str]) -> int:
    """The first source line that names the removed element or attribute (1 if none does)."""
    tag, attr, _ = removed
    for needle in ([f"{attr}="] if attr else []) + [f"<{tag}"]:
        at = source.lower().find(needle.lower())
        if at != -1:
            return source.count("\n", 0, at) + 1
    return 1


# Where the engine puts a page's Markdown output: Material's article (MkDocs, ProperDocs and Zensical use the
# same templates). Everything between its opening tag and the last closing tag is the page's content; a stray
# `</article>` in the content cannot end the region early, because the last one is the theme's.
_ARTICLE = '<article class="md-content__inner md-typeset">'


def clean_page(html: str) -> tuple[str, list[tuple[str, str, str]]] | None:
    """A whole built page with its content region cleaned, and what was removed; None if the page has no content
    region (the theme changed: the build must then fail rather than publish unchecked content)."""
    start = html.find(_ARTICLE)
    end = html.rfind("</article>")
    if start == -1 or end < start:
        return None
    start += len(_ARTICLE)
    cleaned, removed = clean(html[start:end])
    return html[:start] + cleaned + html[end:], removed


def removal(where: str, source: str, removed: list[tuple[str, str, str]]) -> Diagnostic:
    """The located error for a page the cleaner had to change: the first thing removed, at its source line."""
    tag, attr, value = removed[0]
    what = f"attribute {attr}={display(value)[:60]!r} on <{tag}>" if attr else f"element <{tag}>"
    return Diagnostic(where, locate(source, removed[0]), 1, "docs-sanitised", f"the HTML sanitiser had to remove {what}",
                      "write plain Markdown (no HTML, attributes or scripts)")


def output_html(page: str) -> str:
    """The file an engine writes for docs page `page` with directory URLs (MkDocs' default): a.md -> a/index.html."""
    stem = page.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem + ".html"
    return stem + "/index.html"


def clean_site(site: Path, narrative: dict[str, str], partial: bool = False) -> list[Diagnostic]:
    """Clean every narrative page of a built site in place; any removal, or a page whose content cannot be found,
    is a located error. Generated pages are built from escaped values only and are not narrative."""
    diags = []
    for page, source in sorted(narrative.items()):
        path = site / output_html(page)
        where = f"docs/{page}"
        if not path.is_file():
            if partial:
                continue  # the engine stopped early; only the pages it wrote are checked
            diags.append(Diagnostic(where, 1, 1, "docs-sanitised", f"the engine wrote no {output_html(page)} for this page, so it could not be checked"))
            continue
        html = path.read_text(encoding="utf-8")
        done = clean_page(html)
        if done is None:
            diags.append(Diagnostic(where, 1, 1, "docs-sanitised", "the page's content could not be found in the built HTML, so it could not be checked", "the theme's templates changed: update sanitize.clean_page"))
            continue
        cleaned, removed = done
        if removed:
            diags.append(removal(where, source, removed))
        elif cleaned != html:
            path.write_text(cleaned, encoding="utf-8")
    return diags
