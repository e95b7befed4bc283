"""Metric pages (every value reported for one quantity, with its chart) and the figures-and-disputes list."""
from __future__ import annotations

from markupsafe import Markup

from ... import urls
from ...transform import present
from ..environment import render
from .base import Context, Output, list_page


def generate(ctx: Context, out: Output) -> None:
    index = ctx.index
    for metric in index.corpus.metrics.values():
        facts = index.by_metric.get(metric.id, [])
        here = urls.metric_page(metric.id)
        chart = ctx.charts.by_metric.get(metric.id)
        rows = []
        for fact in facts:
            assert fact.statistic is not None
            cite = fact.citations[0]
            rows.append({
                "fact": fact, "value": present.value_text(fact.statistic), "period": present.period_text(fact.statistic.period) or "not stated",
                "source": index.corpus.sources[cite.source], "date": present.date_text(present.reported(fact, index.corpus.sources)),
                "credits": " \u2190 ".join(w.name for w in cite.attributed_to) or "none",
            })
        # The values table below is this page's one table: the chart comes without its own copy of it.
        chart_md = Markup(render("chart.md.j2", chart=chart, here=here, facts=index.corpus.facts, with_table=False)) if chart else Markup("")
        out[here] = render("metric.md.j2", metric=metric, facts=facts, rows=rows, chart=chart_md, spread=present.spread(facts, metric.comparison), here=here, index=index)
    # The figures sources disagree on come first: they are what a reader of a dispute needs to see.
    contested: list[tuple[str, str, str]] = []
    agreed: list[tuple[str, str, str]] = []
    for m in sorted(index.corpus.metrics.values(), key=lambda m: m.name):
        facts = index.by_metric.get(m.id, [])
        (contested if present.contested(facts, m.comparison) else agreed).append((m.name, urls.metric_page(m.id), present.spread(facts, m.comparison)))
    groups = [("Where sources disagree", contested), ("Other figures", agreed)] if contested else [("", agreed)]
    list_page(out, index, urls.index_page(urls.METRICS), "Figures and disputes", "Every measured quantity, with the spread of what sources report. Where sources disagree, all values are shown; those figures come first.", links=groups)
