"""The reading surface (issue 13, items 4 to 6): headlines, quotes in context, tables, badges, tap targets, 404."""
from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
import yaml

from build_scripts.validate.textnorm import normalise

from .conftest import ROOT

FACTS = ROOT / "facts"
SITE_NAME_SUFFIX = " - Rare earths 2025: a sourced briefing"


def _records(folder: str) -> dict[str, dict[str, Any]]:
    out = {}
    for path in sorted((FACTS / folder).glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        out[data["id"]] = data
    return out


class _Text(HTMLParser):
    """Titles, headings, table header rows and visible text of a built page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.title = ""
        self.h1: list[str] = []
        self.text: list[str] = []
        self.header_rows: list[list[str]] = []
        self._in: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self._hidden += 1
        if tag == "tr" and "thead" in self._in:
            self.header_rows.append([])
        if tag not in ("br", "img", "meta", "link", "input", "hr"):
            self._in.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._hidden -= 1
        if tag in self._in:
            while self._in and self._in.pop() != tag:
                pass

    def handle_data(self, data: str) -> None:
        if "title" in self._in and "svg" not in self._in:
            self.title += data
        if "h1" in self._in:
            self.h1.append(data)
        if "th" in self._in and "thead" in self._in and self.header_rows:
            self.header_rows[-1].append(data)
        if not self._hidden:
            self.text.append(data)


def _parse(path: Path) -> _Text:
    parser = _Text()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def _pages(site: Path) -> list[Path]:
    return [p for p in sorted(site.rglob("*.html")) if not p.read_text(encoding="utf-8").startswith("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Moved")]


def _cut(title: str) -> bool:
    """A title cut short: an ellipsis at the end, or a parenthesis left open."""
    return title.rstrip().endswith(("\u2026", "...")) or title.count("(") != title.count(")")


def test_every_fact_page_title_and_heading_is_its_headline_and_no_title_is_cut(site: Path) -> None:
    facts = _records("facts")
    for fid, data in facts.items():
        page = _parse(site / "facts" / fid / "index.html")
        headline = " ".join(data["headline"].split())
        assert page.title.strip() == headline + SITE_NAME_SUFFIX, fid
        assert " ".join("".join(page.h1).split()).removesuffix("\u00b6") == headline, fid  # less the heading's permalink
    cut = []
    for path in _pages(site):
        page = _parse(path)
        for title in (page.title.removesuffix(SITE_NAME_SUFFIX), "".join(page.h1)):
            if _cut(title):
                cut.append(f"{path.relative_to(site)}: {title!r}")
    assert cut == []


def test_browser_tab_shows_the_headline(page: Any, base_url: str) -> None:
    data = _records("facts")["china-share-mining-2023-iea-guancha"]
    page.goto(base_url + "facts/china-share-mining-2023-iea-guancha/")
    assert page.title() == data["headline"] + SITE_NAME_SUFFIX
    assert page.locator("h1").inner_text().removesuffix("\u00b6") == data["headline"]


def test_no_page_shows_escape_codes_doubled_labels_or_empty_table_header_rows(site: Path) -> None:
    problems = []
    for path in _pages(site):
        page = _parse(path)
        text = " ".join(" ".join(page.text).split())
        for found in re.findall(r".{0,30}(?:&#\d+;|&#x[0-9a-fA-F]+;|&(?:amp|lt|gt|quot|nbsp);).{0,10}", text):
            problems.append(f"{path.relative_to(site)}: escape code in {found!r}")
        for found in re.findall(r"\b(\w+) \1:", text):
            problems.append(f"{path.relative_to(site)}: doubled label {found!r}")
        for row in page.header_rows:
            if not "".join(row).strip():
                problems.append(f"{path.relative_to(site)}: empty table header row")
    assert problems == []


def test_a_fact_paragraph_link_shows_the_quote_highlighted_in_context(page: Any, base_url: str) -> None:
    page.goto(base_url + "facts/trump-reciprocal-tariffs-2025-04-02-guancha/")
    quote = page.locator("article blockquote").first.inner_text()
    link = page.get_by_role("link", name=re.compile(r"^Paragraph \d+$")).first
    number = link.inner_text().split()[-1]
    link.click()
    page.wait_for_load_state()
    assert page.url.endswith(f"/text/#p-{number}")
    paragraph = page.locator(f"[id='p-{number}']")
    assert paragraph.evaluate("el => el.matches(':target')")
    marks = [normalise(m) for m in paragraph.locator("mark").all_inner_texts()]
    assert any(normalise(quote) in m for m in marks), (quote, marks)
    box = paragraph.bounding_box()
    assert box is not None and 0 <= box["y"] < page.viewport_size["height"]  # scrolled into view
    # The highlighted passage links back to the facts quoting it.
    assert paragraph.locator("a[href*='facts/trump-reciprocal-tariffs-2025-04-02-guancha/']").count() == 1


def test_every_paragraph_locator_on_the_site_links_to_its_anchor(site: Path) -> None:
    """Each citation's locator, on its fact page and on its source's page, is a link to that paragraph of the text."""
    checked = 0
    for fid, data in _records("facts").items():
        fact_page = (site / "facts" / fid / "index.html").read_text(encoding="utf-8")
        for cite in data["citations"]:
            number = cite["locator"].split()[-1]
            target = f'sources/{cite["source"]}/text/#p-{number}"'
            assert re.search(rf'href="[./]*{re.escape(target)}[^>]*>Paragraph {number}</a>', fact_page), (fid, cite["locator"])
            source_page = (site / "sources" / cite["source"] / "index.html").read_text(encoding="utf-8")
            assert re.search(rf'href="text/#p-{number}"[^>]*>Paragraph {number}</a>', source_page), (cite["source"], number)
            checked += 1
    assert checked > 100


# A table's full width (scrollWidth) and the width of the text column it sits in (the article less its padding).
COLUMN_JS = """t => { const a = t.closest('article'), s = getComputedStyle(a);
    return [t.scrollWidth, a.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight)]; }"""


def test_each_metric_has_one_table_that_fits_its_column_at_1280(page: Any, base_url: str, site: Path) -> None:
    widths = []
    for index in sorted((site / "metrics").glob("*/index.html")):
        page.goto(base_url + f"metrics/{index.parent.name}/")
        tables = page.locator("article table")
        assert tables.count() == 1, index.parent.name  # no second table repeating the first
        table, column = tables.first.evaluate(COLUMN_JS)
        widths.append((index.parent.name, table, column))
        assert table <= column, f"{index.parent.name}: table {table}px in a {column}px column"
    assert len(widths) >= 10


def test_tables_elsewhere_fit_or_scroll_inside_their_own_wrapper(page: Any, base_url: str) -> None:
    for path in ("facts/china-share-mining-2023-iea-guancha/", "corrections/", "data/", "reference/", "reference/elements/", "charts/"):
        page.goto(base_url + path)
        for table in page.locator("article table").all():
            width, column = table.evaluate(COLUMN_JS)
            # Otherwise its scroller (which the theme lets reach into the content's margins) stays inside the content area.
            wrap = table.evaluate("""t => { const w = t.closest('.md-typeset__scrollwrap'); if (!w) return null;
                const r = w.getBoundingClientRect(), c = t.closest('.md-content').getBoundingClientRect();
                return [getComputedStyle(w).overflowX, r.left >= c.left && r.right <= c.right]; }""")
            fits = width <= column
            scrolls = wrap is not None and wrap[0] == "auto" and wrap[1]
            assert fits or scrolls, (path, width, column, wrap)


def test_contested_metrics_come_first(page: Any, base_url: str) -> None:
    page.goto(base_url + "metrics/")
    first = page.locator("article h2").first
    assert first.inner_text().startswith("Where sources disagree")
    links = page.locator("article h2 + ul").first.locator("a")
    assert links.count() >= 1
    for href in [links.nth(i).get_attribute("href") for i in range(links.count())]:
        page.goto(base_url + "metrics/" + href)
        assert "Sources disagree" in page.locator("article .admonition").first.inner_text()
        page.go_back()


def test_the_timeline_opens_with_events(page: Any, base_url: str) -> None:
    page.goto(base_url + "timeline/")
    first = page.locator("article li").first
    box = first.bounding_box()
    assert box is not None and box["y"] + box["height"] <= 900, box


def test_unverified_and_disputed_facts_carry_their_badge_in_the_timeline_and_lists(page: Any, base_url: str) -> None:
    status = {fid: data["status"] for fid, data in _records("facts").items()}
    assert any(s != "current" for s in status.values())
    for path in ("timeline/", "facts/"):
        page.goto(base_url + path)
        checked = 0
        for item in page.locator("article ul > li:has(a[href])").all():
            href = item.locator("a[href]").first.get_attribute("href") or ""
            fid = href.rstrip("/").rsplit("/", 1)[-1]
            if status.get(fid, "current") != "current":
                checked += 1
                assert item.locator(f".re-badge.re-status-{status[fid]}").count() == 1, (path, fid)
        assert checked, path


def test_outlets_entity_pages_link_the_sources_they_published(site: Path) -> None:
    sources = _records("sources")
    linked = 0
    for sid, data in sources.items():
        for field in ("publisher_entity", "byline_entity"):
            if field in data:
                html = (site / "entities" / data[field] / "index.html").read_text(encoding="utf-8")
                assert f'href="../../sources/{sid}/"' in html, (data[field], sid)
                linked += 1
    assert linked >= 4


def test_entity_pages_without_facts_say_why_they_exist(site: Path) -> None:
    for index in sorted((site / "entities").glob("*/index.html")):
        html = index.read_text(encoding="utf-8")
        if "No fact in the base is about" in html:
            assert "This page exists because" in html, index.parent.name


@pytest.mark.parametrize("path", ["", "how-we-got-here/", "timeline/", "metrics/china-share-world-rare-earth-mining/", "facts/trump-reciprocal-tariffs-2025-04-02-guancha/"])
def test_footnote_markers_and_badges_are_comfortable_tap_targets_on_phones(browser: Any, base_url: str, path: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(base_url + path)
    sizes = page.evaluate("""() => [...document.querySelectorAll('article a.footnote-ref, article .re-badge, article a.re-pnum')]
        .map(e => { const r = e.getBoundingClientRect(); return [e.className, r.width, r.height]; })""")
    assert sizes, path
    small = [s for s in sizes if s[1] < 24 or s[2] < 24]
    assert small == [], small[:5]
    context.close()


def test_the_404_page_works_under_any_base_path(page: Any, base_url: str) -> None:
    response = page.goto(base_url + "no/such/page/")
    assert response is not None and response.status == 404
    assert page.locator("h1").inner_text() == "Page not found"
    facts = page.get_by_role("link", name="All facts")
    page.wait_for_function("() => document.querySelector('a[data-to=\"facts/\"]').href.includes('/rare-earths/facts/')")
    facts.click()
    page.wait_for_load_state()
    assert page.url == base_url + "facts/"
    assert page.locator("h1").inner_text().removesuffix("\u00b6") == "All facts"
