"""Charts as a reader sees them: text size at 1280 and 390 px, one mark per fact, kinds and statuses visible, links."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

MIN_TEXT = {1280: 12.0, 390: 10.0}
# The rendered size of every text in every shown chart: its font size times the scale the SVG is drawn at.
MEASURE = """() => [...document.querySelectorAll('figure.re-chart')].map(f => {
  const svg = [...f.querySelectorAll('svg')].find(s => s.getBoundingClientRect().width > 0);
  if (!svg) return {id: f.id, shown: false};
  const k = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
  const sizes = [...svg.querySelectorAll('text')].map(t => parseFloat(getComputedStyle(t).fontSize) * k);
  const marks = [...svg.querySelectorAll('a.re-mark')].map(a => {
    const shape = a.querySelector('path');
    const fill = getComputedStyle(shape).fill;
    const labels = [...svg.querySelectorAll(`a.re-label[data-fact="${a.dataset.fact}"]`)].map(l => l.textContent).join(' ');
    return {fact: a.dataset.fact, href: a.getAttribute('href'), hollow: fill === 'none' || fill === 'transparent' || fill === 'rgba(0, 0, 0, 0)', labels};
  });
  return {id: f.id, shown: true, min: Math.min(...sizes), facts: f.dataset.facts.split(' '), marks,
          overflow: svg.getBoundingClientRect().right > f.getBoundingClientRect().right + 1};
})"""


def _chart_pages(site: Path) -> list[str]:
    return ["", "charts/", "timeline/", *sorted(f"metrics/{p.parent.name}/" for p in (site / "metrics").glob("*/index.html"))]


def _table(page: Any, figure_id: str) -> dict[str, dict[str, str]]:
    """The chart's data table by fact: column name -> cell text."""
    tables = page.locator(f"figure[id='{figure_id}'] + details table")
    if tables.count() == 0:
        return {}
    table = tables.first
    heads = [h.strip() for h in table.locator("thead th").all_text_contents()]
    rows = [dict(zip(heads, (c.strip() for c in r.locator("td").all_text_contents()), strict=True)) for r in table.locator("tbody tr").all()]
    return {r["Fact"]: r for r in rows if "Fact" in r}


@pytest.mark.parametrize("width", [1280, 390])
def test_chart_text_is_readable_at_desktop_and_phone_widths(browser: Any, base_url: str, site: Path, width: int) -> None:
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    small = []
    seen = 0
    for path in _chart_pages(site):
        page.goto(base_url + path)
        for chart in page.evaluate(MEASURE):
            assert chart["shown"], f"{path}: {chart['id']} shows no drawing"
            seen += 1
            if chart["min"] < MIN_TEXT[width] or chart["overflow"]:
                small.append(f"{path}#{chart['id']}: {chart['min']:.1f}px{' (wider than its column)' if chart['overflow'] else ''}")
    context.close()
    assert seen >= 10
    assert small == []


def test_every_chart_draws_exactly_the_facts_it_names_with_kinds_and_statuses_visible(page: Any, base_url: str, site: Path) -> None:
    checked = 0
    for path in _chart_pages(site):
        page.goto(base_url + path)
        for chart in page.evaluate(MEASURE):
            drawn = [m["fact"] for m in chart["marks"]]
            assert sorted(drawn) == sorted(chart["facts"]), f"{path}#{chart['id']}: marks differ from the facts named"
            assert len(drawn) == len(set(drawn)), f"{path}#{chart['id']}: a fact drawn twice"
            if chart["id"] == "chart-events-by-month":
                continue  # events carry no value kind; their status is the dot's outline, checked in tests/test_charts.py
            rows = _table(page, chart["id"])
            if not rows:
                continue  # a chart embedded in a story page; its data table is on the charts page, checked there
            for m in chart["marks"]:
                row = rows[m["fact"]]
                kind, status = row["Kind of value"], row["Status"]
                if kind != "measured":
                    assert kind in m["labels"], f"{path}: {m['fact']} does not say it is a {kind}"
                if status != "current":
                    assert status in m["labels"], f"{path}: {m['fact']} does not say it is {status}"
                stands = kind in ("measured", "estimate") and status in ("current", "disputed")
                assert m["hollow"] != stands, f"{path}: {m['fact']} ({kind}, {status}) is drawn {'hollow' if m['hollow'] else 'solid'}"
                checked += 1
    assert checked >= 10


def test_a_chart_mark_opens_its_fact_page(page: Any, base_url: str) -> None:
    page.goto(base_url + "metrics/china-share-world-rare-earth-mining/")
    mark = page.locator("figure.re-chart svg a.re-mark:visible").first
    fact = mark.get_attribute("data-fact")
    mark.click()
    page.wait_for_load_state()
    assert page.url.endswith(f"/facts/{fact}/")
    assert page.locator("h1").count() == 1


def test_the_overview_opens_with_mining_against_refining_and_the_charts_page_with_the_contested_figures(page: Any, base_url: str) -> None:
    page.goto(base_url)
    first_chart = page.locator("article figure.re-chart").first
    assert first_chart.get_attribute("id") == "chart-lead-mining-vs-refining"
    top = first_chart.bounding_box()
    assert top is not None and top["y"] < page.locator("article h2").first.bounding_box()["y"]
    page.goto(base_url + "charts/")
    ids = [f.get_attribute("id") for f in page.locator("article figure.re-chart").all()]
    assert ids[:2] == ["chart-lead-mining-vs-refining", "chart-metric-china-share-world-rare-earth-mining"]
