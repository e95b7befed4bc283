"""The second line of defence for hand-written pages: their rendered HTML passes through nh3 (ammonia).

`markup.py` refuses hostile Markdown with a line number before anything is built. Whatever it misses
(a new extension's syntax, a parser quirk) is caught here: the page's HTML is cleaned with an allowlist
of exactly the elements and attributes Markdown and our extensions produce, and if the cleaner had to
remove anything the build fails, naming the page and the line of the source that holds the removed name.
"""
from __future__ import annotations

from collections import Counter
from html.parser import HTMLParser

import nh3

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
    "h4", "h5", "h6", "hr", "i", "img", "li", "ol", "p", "pre", "span", "strong", "sub", "summary", "sup", "table",
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
