"""The built site's integrity and accessibility, each check shown to fail on a planted fault."""
from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from .conftest import ROOT
from .crawl import crawl, offsite_css
from .test_reader import PAGES

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
SERIOUS = ("serious", "critical")


def axe_violations(page: Any) -> list[dict[str, Any]]:
    if not AXE.is_file():
        pytest.fail("axe-core is not installed: run scripts/test.sh (npm ci installs it from package-lock.json)")
    page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [v for v in result["violations"] if v["impact"] in SERIOUS]


def _describe(violations: list[dict[str, Any]]) -> str:
    return json.dumps([{"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"][:3]]} for v in violations], indent=1)


@pytest.mark.parametrize("kind", sorted(PAGES))
def test_axe_finds_no_serious_or_critical_violation(page: Any, base_url: str, kind: str) -> None:
    page.goto(base_url + PAGES[kind], wait_until="networkidle")
    violations = axe_violations(page)
    assert violations == [], _describe(violations)


def test_axe_check_catches_a_planted_serious_violation(page: Any, base_url: str) -> None:
    page.goto(base_url, wait_until="networkidle")
    page.evaluate("""() => { const img = document.createElement('img'); img.src = 'data:image/gif;base64,R0lGODlhAQABAAAAACw='; document.querySelector('article').appendChild(img); }""")
    assert any(v["id"] == "image-alt" for v in axe_violations(page))


def test_every_internal_link_and_anchor_resolves_and_nothing_loads_from_other_hosts(site: Path) -> None:
    pages, problems = crawl(site, "/rare-earths/")
    assert problems == []
    assert offsite_css(site) == []
    assert len(pages) > 300


def test_every_fact_source_and_entity_page_is_reachable_from_the_home_page(site: Path) -> None:
    pages, _ = crawl(site, "/rare-earths/")
    for folder in ("facts", "sources", "entities", "metrics"):
        for index in (site / folder).glob("*/index.html"):
            if (index.parent / "index.html").read_text(encoding="utf-8").startswith("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Moved"):
                continue  # a redirect left for a renamed id
            assert f"/rare-earths/{folder}/{index.parent.name}/" in pages, f"{folder}/{index.parent.name} is not reachable"


@pytest.fixture
def site_copy(site: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "site"
    shutil.copytree(site, copy)
    return copy


def test_crawl_catches_a_planted_broken_link(site_copy: Path) -> None:
    page = site_copy / "how-we-got-here" / "index.html"
    page.write_text(page.read_text(encoding="utf-8").replace("</article>", '<a href="../no-such-page/">x</a></article>', 1), encoding="utf-8")
    assert any("broken link ../no-such-page/" in p for p in crawl(site_copy, "/rare-earths/")[1])


def test_crawl_catches_a_planted_broken_anchor(site_copy: Path) -> None:
    page = site_copy / "how-we-got-here" / "index.html"
    page.write_text(page.read_text(encoding="utf-8").replace("</article>", '<a href="../glossary/#no-such-term">x</a></article>', 1), encoding="utf-8")
    assert any("broken anchor #no-such-term" in p for p in crawl(site_copy, "/rare-earths/")[1])


def test_crawl_catches_a_root_absolute_link_that_breaks_under_a_sub_path(site_copy: Path) -> None:
    page = site_copy / "index.html"
    page.write_text(page.read_text(encoding="utf-8").replace("</article>", '<a href="/glossary/">x</a></article>', 1), encoding="utf-8")
    assert any("leaves the site's path" in p for p in crawl(site_copy, "/rare-earths/")[1])


def test_crawl_catches_a_planted_third_party_script_and_stylesheet(site_copy: Path) -> None:
    page = site_copy / "index.html"
    page.write_text(page.read_text(encoding="utf-8").replace("</head>", '<script src="https://cdn.example/x.js"></script></head>', 1), encoding="utf-8")
    css = next(site_copy.rglob("*.css"))
    css.write_text(css.read_text(encoding="utf-8") + "\n@font-face{src:url(https://fonts.example/f.woff2)}", encoding="utf-8")
    assert any("cdn.example" in p for p in crawl(site_copy, "/rare-earths/")[1])
    assert offsite_css(site_copy)
