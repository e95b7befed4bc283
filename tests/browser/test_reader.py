"""What a reader does on the site, in a real headless Chromium."""
from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from typing import Any

import pytest

PAGES = {
    "home": "",
    "narrative": "how-we-got-here/",
    "fact": "facts/china-share-mining-2023-iea-guancha/",
    "source": "sources/guancha-2025-05-us-tariff-talks/",
    "source-text": "sources/guancha-2025-05-us-tariff-talks/text/",
    "outlet": "entities/toutiao/",
    "metrics-index": "metrics/",
    "entity": "entities/dysprosium/",
    "metric": "metrics/china-share-world-rare-earth-mining/",
    "timeline": "timeline/",
    "facts-index": "facts/",
    "entities-index": "entities/",
    "data": "data/",
    "charts": "charts/",
    "glossary": "glossary/",
}


def _watch(page: Any) -> list[str]:
    problems: list[str] = []
    page.on("console", lambda m: problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    page.on("requestfailed", lambda r: problems.append(f"failed request: {r.url}"))
    page.on("response", lambda r: problems.append(f"HTTP {r.status}: {r.url}") if r.status >= 400 else None)
    return problems


@pytest.mark.parametrize("kind", sorted(PAGES))
def test_every_page_type_loads_without_errors_or_failed_requests(page: Any, base_url: str, kind: str) -> None:
    problems = _watch(page)
    page.goto(base_url + PAGES[kind], wait_until="networkidle")
    assert page.locator("h1").count() >= 1
    assert problems == []


def _search(page: Any, base_url: str, term: str) -> str:
    page.goto(base_url, wait_until="networkidle")
    page.locator("input.md-search__input").click()
    page.keyboard.type(term, delay=30)  # typed, not filled: search listens for key events
    page.wait_for_selector(".md-search-result__item", timeout=15000)
    return page.locator(".md-search-result").inner_text()


def test_search_for_dysprosium_shows_the_element_and_facts_naming_it(page: Any, base_url: str) -> None:
    results = _search(page, base_url, "dysprosium")
    assert "Dysprosium" in results
    assert re.search(r"seven|samarium|magnet", results, re.IGNORECASE)


def test_search_for_a_person_finds_them(page: Any, base_url: str) -> None:
    assert "Scott Bessent" in _search(page, base_url, "Bessent")


def test_from_a_number_in_the_overview_two_clicks_reach_the_source_and_its_quote(page: Any, base_url: str) -> None:
    page.goto(base_url, wait_until="networkidle")
    ref = page.locator("sup[id^='fnref'] a").first
    note_id = ref.get_attribute("href").lstrip("#")
    note = page.locator(f"li[id='{note_id}']")
    quoted = re.search("\u201c(.+?)\u201d", note.inner_text())
    assert quoted, "the footnote quotes its source"
    quote = quoted.group(1)
    note.get_by_role("link", name="Fact").click()  # first click: the fact page
    page.wait_for_load_state()
    assert "/facts/" in page.url
    assert quote[:40] in page.locator("blockquote").first.inner_text()
    page.locator("article a[href*='sources/']").first.click()  # second click: the source page
    page.wait_for_load_state()
    assert "/sources/" in page.url
    assert quote[:40] in page.locator("article").inner_text()


def _chart_pages(site: Path) -> list[str]:
    """Pages showing charts with their data tables: every chart is on the charts pages (metric pages show the
    figure beside their values table, not a second table), and the timeline's chart is on the timeline too."""
    return ["charts/", *sorted(f"charts/pages/{p.parent.name}/" for p in (site / "charts" / "pages").glob("*/index.html")), "timeline/"]


def _unguard(cell: str) -> str:
    return cell[1:] if cell.startswith("'") and cell[1:].lstrip()[:1] in ("=", "+", "-", "@", "\t", "\r") else cell


def test_every_chart_is_an_accessible_svg_whose_table_holds_the_same_numbers(page: Any, base_url: str, site: Path) -> None:
    checked = 0
    for path in _chart_pages(site):
        page.goto(base_url + path)
        for figure in page.locator("figure.re-chart").all():
            svg = figure.locator("svg[role='group']:visible")
            assert svg.count() == 1, path  # one drawing shown: the layout that fits the column
            title_id, desc_id = svg.get_attribute("aria-labelledby").split()
            assert svg.locator(f"title[id='{title_id}']").text_content().strip()
            assert svg.locator(f"desc[id='{desc_id}']").text_content().strip()
            chart_id = figure.get_attribute("id").removeprefix("chart-")
            table = figure.locator("xpath=following-sibling::details[1]//table")
            # The table is folded away under its chart: read its text whether shown or not.
            header = [h.strip() for h in table.locator("thead th").all_text_contents()]
            cells = [[c.strip() for c in r.locator("td").all_text_contents()] for r in table.locator("tbody tr").all()]
            # The CSV holds the table's columns (plus raw numbers); text a spreadsheet would run carries a guard apostrophe.
            records = csv.DictReader(io.StringIO((site / "charts" / f"{chart_id}.csv").read_text(encoding="utf-8")))
            rows = [[_unguard(record[h]) for h in header] for record in records]
            assert cells == rows, path
            checked += 1
    assert checked >= 10


def test_timeline_is_in_date_order(page: Any, base_url: str) -> None:
    page.goto(base_url + "timeline/")
    months = {m: i for i, m in enumerate(["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"], 1)}
    keys = []
    for text in page.locator("article li > strong:first-child").all_inner_texts():
        parts = text.split()
        year = int(parts[-1])
        month = months.get(parts[-2], 0) if len(parts) >= 2 else 0
        day = int(parts[0]) if len(parts) == 3 else 0
        keys.append((year, month, day))
    assert len(keys) > 30
    assert keys == sorted(keys)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_light_and_dark_schemes_both_render(browser: Any, base_url: str, scheme: str, shots: Path) -> None:
    context = browser.new_context(color_scheme=scheme, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(base_url + "metrics/china-share-world-rare-earth-mining/", wait_until="networkidle")
    expected = "slate" if scheme == "dark" else "default"
    assert page.locator("body").get_attribute("data-md-color-scheme") == expected
    page.screenshot(path=str(shots / f"metric-{scheme}.png"))
    context.close()


def test_phone_width_pages_do_not_scroll_sideways_and_the_navigation_opens(browser: Any, base_url: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()
    for path in PAGES.values():
        page.goto(base_url + path, wait_until="networkidle")
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 390, f"{path} is {width}px wide"
    page.locator("header label.md-header__button[for='__drawer']").click()
    page.wait_for_timeout(400)
    assert page.locator("#__drawer").is_checked()
    assert page.locator("nav.md-nav--primary").first.is_visible()
    context.close()


def test_keyboard_alone_reaches_a_citation_and_its_tooltip(page: Any, base_url: str) -> None:
    page.goto(base_url, wait_until="networkidle")
    for _ in range(200):
        page.keyboard.press("Tab")
        focused = page.evaluate("document.activeElement && document.activeElement.closest('sup[id^=fnref]') !== null")
        if focused:
            break
    else:
        pytest.fail("no footnote reference reachable by Tab")
    page.wait_for_timeout(600)
    tooltip = page.locator(".md-tooltip2, .md-tooltip").filter(has_text="Fact")
    assert tooltip.count() >= 1 and tooltip.first.is_visible()


def test_the_site_works_without_javascript_except_search(browser: Any, base_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url)
    assert page.locator("h1").first.inner_text().strip()
    assert page.locator(".footnote li").count() > 5
    page.locator("a[href*='how-we-got-here']").first.click()
    page.wait_for_load_state()
    assert "how-we-got-here" in page.url and page.locator("h1").first.is_visible()
    page.goto(base_url + "metrics/china-share-world-rare-earth-mining/")
    assert page.locator("figure.re-chart svg").first.is_visible()
    assert page.locator("table").count() >= 1
    page.goto(base_url + "timeline/")
    page.locator("details summary").first.click()
    assert page.locator("a[href*='actor-']").first.is_visible()
    context.close()


@pytest.mark.parametrize("name,path", [("home", ""), ("fact", PAGES["fact"]), ("metric", PAGES["metric"]), ("timeline", "timeline/")])
@pytest.mark.parametrize("width", [1280, 390])
def test_screenshots_for_people_to_look_at(browser: Any, base_url: str, shots: Path, name: str, path: str, width: int) -> None:
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(base_url + path, wait_until="networkidle")
    target = shots / f"{name}-{width}.png"
    page.screenshot(path=str(target), full_page=True)
    assert target.stat().st_size > 10_000
    context.close()
