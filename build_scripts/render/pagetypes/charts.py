"""Chart downloads (SVG, CSV, Vega-Lite), the figures story pages embed, and the charts pages, for every chart
in the catalogue's order (charts/catalog.py: the lead picture first, then the figures sources disagree on)."""
from __future__ import annotations

from markupsafe import Markup

from ... import urls
from ...charts.embed import embed_path
from ..environment import render
from .base import Context, Output, Page, paginate

CHARTS_PER_PAGE = 8


def generate(ctx: Context, out: Output) -> None:
    charts = ctx.charts.ordered
    for number, chart in enumerate(charts):
        on_charts_page = urls.directory_url(urls.charts_page(number // CHARTS_PER_PAGE + 1))
        out[urls.chart_file(chart.id, "svg")] = chart.svg_file()
        out[urls.chart_file(chart.id, "csv")] = chart.csv()
        out[urls.chart_file(chart.id, "vl.json")] = chart.spec_json()
        out[embed_path(chart.id)] = render("chart_figure.html.j2", chart=chart, more=f"{on_charts_page}#chart-{chart.id}")
    # Every chart with its table and downloads, a few per page so that no page grows with the corpus.
    description = ("Every chart on the site, each drawn from facts only, one mark per fact, with its data table and downloads. "
                   "First the picture of the story, then the figures the sources disagree on.")
    for page in paginate(charts, urls.charts_page(), urls.charts_page, size=CHARTS_PER_PAGE):
        body = Markup("\n\n".join(render("chart.md.j2", chart=c, here=page.path, heading=True, facts=ctx.index.corpus.facts) for c in page.items))
        out[page.path] = render("list.md.j2", title="Charts", description=description, links=None, page=Page([], page.number, page.count, page.path, page.prev, page.next),
                                here=page.path, index=ctx.index, intro=body, hide_toc=False, search_exclude=True, pager_only=True)
