"""The real site's metadata for other tools: every fact page of the published build, not only the mini corpus."""
from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import yaml

from build_scripts import settings

from ..test_ecosystem import ATOM, _head
from .conftest import ROOT


def test_every_page_has_valid_jsonld_and_every_fact_page_a_claim_with_sharing_and_citation_tags(site: Path) -> None:
    facts = {p.stem for p in (ROOT / "facts" / "facts").glob("*.yaml")}
    claims = set()
    for page in sorted(site.rglob("*.html")):
        head = _head(page)
        blocks = [json.loads(block) for block in head.jsonld]  # every block parses, on every page
        rel = page.relative_to(site).parts
        if len(rel) == 3 and rel[0] == "facts" and rel[1] in facts:
            assert [b["@type"] for b in blocks] == ["Claim"], page
            assert blocks[0]["url"] == f"{settings.SITE_URL}facts/{rel[1]}/"
            for name in ("og:title", "og:description", "og:url", "citation_title", "citation_publication_date", "citation_public_url"):
                assert head.meta.get(name, [""])[0].strip(), (page, name)
            claims.add(rel[1])
    assert claims == facts


def test_the_published_feed_lists_every_history_entry(site: Path) -> None:
    entries = sum(len(yaml.safe_load(p.read_text(encoding="utf-8"))["history"]) for p in (ROOT / "facts" / "facts").glob("*.yaml"))
    feed = ET.parse(site / "corrections" / "feed.xml").getroot()
    assert len(feed.findall(f"{ATOM}entry")) == entries
