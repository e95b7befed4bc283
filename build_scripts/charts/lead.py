"""The picture of the story: China's share of rare earth mining against its share of refining, every source's figure.

Two dot plots on one 0-100% scale, one row per fact, so a reader sees at once that the sources disagree on
mining (60% to 70%) and agree on refining (90% and more).
"""
from __future__ import annotations

from typing import Any

import altair as alt

from ..diagnostics import Diagnostic
from ..model import Corpus, Fact
from ..transform.index import SiteIndex
from . import dotplot, metric, style
from .base import Chart, cached, render_all
from .marks import Locate, Mark, mark, plotted, shared

CHART_ID = "lead-mining-vs-refining"
TITLE = "China's share of world rare earths: mining against refining"
# The two metrics the chart sets side by side, with the heading each section gets.
SECTIONS = (
    ("Mining", "china-share-world-rare-earth-mining"),
    ("Refining and processing", "china-share-world-rare-earth-processing"),
)


def _sections(index: SiteIndex) -> list[tuple[str, list[Mark]]] | None:
    corpus = index.corpus
    if any(mid not in corpus.metrics for _, mid in SECTIONS):
        return None
    out = []
    for heading, mid in SECTIONS:
        facts: list[Fact] = plotted(index.by_metric.get(mid, []))
        marks = sorted((mark(f, corpus) for f in facts), key=lambda m: (-m.value, m.row))
        if not marks:
            return None
        out.append((heading, marks))
    return out


def check(index: SiteIndex, locate: Locate) -> list[Diagnostic]:
    sections = _sections(index) or []
    return [d for heading, marks in sections for d in shared(marks, lambda m: (m.row, m.value, m.qualifier, m.value_kind, m.status), f"{TITLE}: {heading}", "same source, period and value", locate)]


def build(index: SiteIndex) -> Chart | None:
    sections = _sections(index)
    if sections is None:
        return None
    return cached(["lead", [(h, [m.datum() for m in marks]) for h, marks in sections]], lambda: _make(index.corpus, sections))


def _make(corpus: Corpus, sections: list[tuple[str, list[Mark]]]) -> Chart:
    def spec(layout: Any) -> dict[str, Any]:
        parts = [
            dotplot.layers(marks, layout, [0, 100], "China's share of the world total (%)", width=layout.width - 12).properties(
                title=alt.TitleParams(f"{heading}: {len(marks)} figure{'s' if len(marks) != 1 else ''}", fontSize=layout.font + 1, anchor="start"),
            )
            for heading, marks in sections
        ]
        return alt.vconcat(*parts, spacing=layout.font * 2).to_dict(validate=False)  # validated against Vega-Lite in the tests

    every = [m for _, marks in sections for m in marks]
    summary = " ".join(f"{heading}: " + "; ".join(f"{m.row}: {m.text}" for m in marks) + "." for heading, marks in sections)
    description = f"Two dot plots on one scale from 0 to 100%, one dot per fact. {summary}"
    wide, svgs = render_all(spec, CHART_ID, TITLE, description)
    return Chart(
        id=CHART_ID, title=TITLE, description=description,
        caption=f"Every figure the sources give for China's share of world rare earth mining (top) and of refining and processing (bottom); each row is one fact, linked to its page. {metric.LEGEND}",
        columns=["Stage", *metric.COLUMNS],
        table=[[heading, *metric.table_row(m)] for heading, marks in sections for m in marks],
        fact_ids=[m.fact for m in every], spec=wide, svgs=svgs,
        marks={m.fact: {"kind": m.value_kind, "status": m.status} for m in every},
        legend=style.legend({m.source_kind for m in every}, {m.value_kind for m in every}),
        csv_columns=["Stage", *metric.CSV_COLUMNS],
        csv_rows=[[heading, *metric.csv_row(m, corpus.metrics[mid].unit)] for (heading, marks), (_, mid) in zip(sections, SECTIONS, strict=True) for m in marks],
    )
