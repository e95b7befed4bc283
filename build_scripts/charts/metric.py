"""One chart per metric: every value reported, one mark per fact, drawn as the metric's comparison asks.

competing-estimates and subjects: a dot plot, one row per fact. series: values at the period they describe.
"""
from __future__ import annotations

from typing import Any

import altair as alt

from ..diagnostics import Diagnostic
from ..model import Corpus, Fact, Metric
from ..transform import present
from . import dotplot, series, style
from .base import Chart, cached, render_all
from .marks import Locate, Mark, mark, plotted, shared

COLUMNS = ["Source", "Value", "Kind of value", "Period", "Status", "Kind of source", "Fact"]
# The CSV adds the raw number and its unit after the value as the source words it.
CSV_COLUMNS = ["Source", "Value", "Number", "Unit", "Kind of value", "Period", "Status", "Kind of source", "Fact"]
LEGEND = (
    "Colour shows the kind of source. Filled dots are measured values or estimates that stand; hollow shapes are "
    "projections, targets, scenarios, threats and proposals, or values that are unverified or superseded (dashed)."
)


def unit_title(metric: Metric) -> str:
    return f"{metric.name} ({present.amount(0, metric.unit).replace('0', '').strip() or metric.unit.replace('-', ' ')})"


def table_row(m: Mark) -> list[Any]:
    return [m.row, present_value(m), m.value_kind, m.period, m.status, m.source_kind, m.fact]


def csv_row(m: Mark, unit: str) -> list[Any]:
    return [m.row, present_value(m), m.value, unit, m.value_kind, m.period, m.status, m.source_kind, m.fact]


def present_value(m: Mark) -> str:
    return m.text.split(" · ")[0]


def marks_for(metric: Metric, facts: list[Fact], corpus: Corpus) -> tuple[list[Mark], list[Mark]]:
    """(drawn, not drawn): a series draws only values with a period; the rest are listed under the chart."""
    marks = [mark(f, corpus, subject=metric.comparison == "subjects" or (f.statistic is not None and f.statistic.subject != metric.subject)) for f in plotted(facts)]
    if metric.comparison == "series":
        marks.sort(key=lambda m: (m.start or "", m.end or "", m.value))
        return [m for m in marks if m.start], [m for m in marks if not m.start]
    marks.sort(key=lambda m: (-m.value, m.row))
    return marks, []


def check(metric: Metric, facts: list[Fact], corpus: Corpus, locate: Locate) -> list[Diagnostic]:
    """Facts that this metric's chart would draw as one mark."""
    drawn, _ = marks_for(metric, facts, corpus)
    # Marks that merely fall together are drawn apart (series.py); two facts alike in everything a mark shows
    # (source, credit, subject, period, value and its words) would be one mark twice over.
    return shared(drawn, lambda m: (m.row, m.value, m.qualifier, m.value_kind, m.status), metric.name, "same source, period and value", locate)


def build(metric: Metric, facts: list[Fact], corpus: Corpus) -> Chart | None:
    drawn, undrawn = marks_for(metric, facts, corpus)
    if not drawn:
        return None
    inputs = ["metric", metric.id, metric.name, metric.unit, metric.comparison, [m.datum() for m in drawn], [m.datum() for m in undrawn]]
    return cached(inputs, lambda: _make(metric, drawn, undrawn))


def _make(metric: Metric, drawn: list[Mark], undrawn: list[Mark]) -> Chart:
    chart_id = f"metric-{metric.id}"
    title = unit_title(metric)
    if metric.comparison == "series":
        def spec(layout: Any) -> dict[str, Any]:
            return series.layers(drawn, layout, title).to_dict(validate=False)  # validated against Vega-Lite in the tests
        how = "Each mark is one fact, placed at the period its value describes (the bar spans that period). Values are not joined: they are separate reports, not one measured series."
        kind = "Time chart"
    else:
        span = dotplot.domain(drawn, metric.unit)

        def spec(layout: Any) -> dict[str, Any]:
            fit = alt.AutoSizeParams(type="fit-x", contains="padding")  # axis labels included: the drawing is exactly the layout's width
            return dotplot.layers(drawn, layout, span, title, width=layout.width).properties(autosize=fit).to_dict(validate=False)
        how = "Each row is one fact; sources are not averaged, summed or stacked."
        kind = "Dot plot"
    values = "; ".join(f"{m.row}: {m.text}" for m in drawn)
    description = f"{kind} of {len(drawn)} value{'s' if len(drawn) != 1 else ''} reported for {metric.name}. {values}."
    left_out = ""
    if undrawn:
        left_out = f" Not drawn, because their source gives no period: {'; '.join(f'{m.row}: {m.text}' for m in undrawn)} (see the table)."
    wide, svgs = render_all(spec, chart_id, metric.name, description)
    return Chart(
        id=chart_id, title=metric.name, description=description,
        caption=f"{how} {LEGEND}{left_out}",
        columns=COLUMNS, table=[table_row(m) for m in drawn], fact_ids=[m.fact for m in drawn], spec=wide, svgs=svgs,
        marks={m.fact: {"kind": m.value_kind, "status": m.status} for m in drawn},
        legend=style.legend({m.source_kind for m in drawn}, {m.value_kind for m in drawn}),
        csv_columns=CSV_COLUMNS, csv_rows=[csv_row(m, metric.unit) for m in drawn],
    )
