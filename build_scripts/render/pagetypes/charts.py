"""Chart downloads (SVG, CSV, Vega-Lite) and the charts pages, for every chart the other page types drew."""
from __future__ import annotations

from markupsafe import Markup

from ... import urls
from ..environment import render
from .base import Context, Output, Page, paginate

CHARTS_PER_PAGE = 8


def generate(ctx: Context, out: Output) -> None:
    for chart in ctx.charts:
        out[urls.chart_file(chart.id, "svg")] = str(chart.svg) + "\n"
        out[urls.chart_file(chart.id, "csv")] = chart.csv()
        out[urls.chart_file(chart.id, "vl.json")] = chart.spec_json()
    # Every chart with its table and downloads, a few per page so that no page grows with the corpus.
    description = "Every chart on the site, each drawn from facts only, with its data table and downloads."
    for page in paginate(ctx.charts, urls.charts_page(), urls.charts_page, size=CHARTS_PER_PAGE):
        body = Markup("\n\n".join(render("chart.md.j2", chart=c, here=page.path, facts=ctx.index.corpus.facts) for c in page.items))
        out[page.path] = render("list.md.j2", title="Charts", description=description, links=None, page=Page([], page.number, page.count, page.path, page.prev, page.next),
                                here=page.path, index=ctx.index, intro=body, hide_toc=False, search_exclude=True, pager_only=True)
