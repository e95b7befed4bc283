"""The public corrections log: every history entry of every fact, newest first, as pages and an Atom feed.

Fact-checkers' codes of principles ask for corrections to be published openly; the history entries that
every change must add are that record, so the log is built from them and from nothing else.
"""
from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass

from .. import settings, urls
from ..model import Fact, HistoryEntry
from ..transform import cite

PAGE = urls.corrections_page()
FEED = urls.corrections_feed()
ATOM = "http://www.w3.org/2005/Atom"


@dataclass(frozen=True)
class Change:
    fact: Fact
    entry: HistoryEntry

    @property
    def what(self) -> str:
        """Added (the first revision), Retracted (the change that withdrew a now retracted fact) or Changed."""
        if self.entry.revision == 1:
            return "Added"
        if self.fact.status == "retracted" and self.entry.revision == self.fact.revision:
            return "Retracted"
        return "Changed"


def changes(facts: list[Fact]) -> list[Change]:
    """Every history entry, newest first; on one day, by fact id, then latest revision first."""
    out = [Change(f, h) for f in facts for h in f.history]
    out.sort(key=lambda c: (c.fact.id, -c.entry.revision))
    out.sort(key=lambda c: c.entry.date, reverse=True)
    return out


def feed(items: list[Change]) -> str:
    """An Atom feed (RFC 4287) of the log. ElementTree escapes every text and attribute value."""
    ET.register_namespace("", ATOM)

    def sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
        node = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
        if text is not None:
            node.text = text
        return node

    root = ET.Element(f"{{{ATOM}}}feed", {"xml:lang": settings.LANGUAGE})
    log_url = cite.page_url(PAGE)
    sub(root, "id", log_url)
    sub(root, "title", f"{settings.SITE_NAME}: corrections and changes")
    sub(root, "subtitle", "Every change to every fact, from the facts' history entries, newest first.")
    sub(root, "updated", _stamp(items[0].entry.date) if items else "1970-01-01T00:00:00Z")
    sub(root, "link", href=log_url, rel="alternate", type="text/html")
    sub(root, "link", href=cite.page_url(FEED), rel="self", type="application/atom+xml")
    author = sub(root, "author")
    sub(author, "name", settings.AUTHOR)
    sub(root, "rights", f"{settings.DATA_LICENSE} ({settings.DATA_LICENSE_URL})")
    for item in items:
        entry = sub(root, "entry")
        url = cite.fact_url(item.fact)
        sub(entry, "id", f"{url}#revision-{item.entry.revision}")
        sub(entry, "title", f"{item.what}: {item.fact.headline} (revision {item.entry.revision})")
        sub(entry, "updated", _stamp(item.entry.date))
        sub(entry, "link", href=url + "#history", rel="alternate", type="text/html")
        sub(entry, "summary", f"What changed: {item.entry.change} Why: {item.entry.reason}", type="text")
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"


def _stamp(date: str) -> str:
    return f"{date}T00:00:00Z"
