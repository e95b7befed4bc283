"""One chart per metric: every value reported, side by side, coloured by the kind of source."""
from __future__ import annotations

from typing import Any

import altair as alt

from ..model import Corpus, Fact, Metric
from ..transform import present
from .base import PALETTE, Chart, cached, render_svg, theme


def rows(metric: Metric, facts: list[Fact], corpus: Corpus) -> list[dict[str, Any]]:
    out = []
    for fact in facts:
        if not fact.statistic or fact.status == "retracted":
            continue
        source = corpus.sources[fact.citations[0].source]
        credits = [w.name for w in fact.citations[0].attributed_to]
        label = source.publisher + (f" citing {credits[0]}" if credits else "")
        out.append({
            "label": f"{label} ({present.date_text(fact.date)})" if fact.date else label,
            "value": fact.statistic.value,
            "shown": present.value_text(fact.statistic),
            "unit": fact.statistic.unit,
            "period": present.period_text(fact.statistic.period) or "not stated",
            "date": fact.date.iso if fact.date else "",
            "source_kind": present.SOURCE_KINDS[source.kind][0],
            "fact": fact.id,
        })
    return out


def build(metric: Metric, facts: list[Fact], corpus: Corpus, style: str = "bar") -> Chart | None:
    data = rows(metric, facts, corpus)
    if not data:
        return None
    spread = present.spread(facts)
    return cached(["metric", metric.id, metric.name, metric.unit, style, spread, data], lambda: _make(metric, data, style, spread))


def _make(metric: Metric, data: list[dict[str, Any]], style: str, spread: str) -> Chart:
    unit = present.amount(0, metric.unit).replace("0", "").strip() or metric.unit
    base = alt.Chart(alt.Data(values=data))
    tooltip = ["label:N", "shown:N", "period:N", "fact:N"]
    if style == "timeline" and all(d["date"] for d in data):
        marks = base.mark_line(point=alt.OverlayMarkDef(size=80), color=PALETTE[0]).encode(
            x=alt.X("date:T", title="Date reported"), y=alt.Y("value:Q", title=metric.unit.replace("-", " ")), tooltip=tooltip,
        ) + base.mark_text(dy=-12, fontSize=11).encode(x="date:T", y="value:Q", text="shown:N")
    else:
        order = alt.EncodingSortField(field="value", order="descending")
        top = max(d["value"] for d in data)
        scale = alt.Scale(domain=[0, 100]) if metric.unit == "percent" and 0 <= top <= 100 else alt.Scale(nice=True)
        marks = base.mark_bar().encode(
            x=alt.X("value:Q", title=f"{metric.name} ({unit})", scale=scale),
            y=alt.Y("label:N", sort=order, title=None),
            color=alt.Color("source_kind:N", title="Kind of source", scale=alt.Scale(range=PALETTE), legend=alt.Legend(orient="bottom")),
            tooltip=tooltip,
        ) + base.mark_text(align="left", dx=4, fontSize=11).encode(x="value:Q", y=alt.Y("label:N", sort=order), text="shown:N")
    spec = theme(marks, metric.name).to_dict(validate=False)  # validated against Vega-Lite in the tests, not on every build
    values = "; ".join(f"{d['label']}: {d['shown']}" for d in data)
    description = f"{'Line' if style == 'timeline' else 'Bar'} chart of {len(data)} value{'s' if len(data) != 1 else ''} reported for {metric.name}. {values}."
    chart_id = f"metric-{metric.id}"
    return Chart(
        id=chart_id, title=metric.name, description=description,
        caption=f"{metric.name}: {spread} Each bar is one fact; sources are not averaged.",
        columns=["Source", "Value", "Period", "Kind of source", "Fact"],
        table=[[d["label"], d["shown"], d["period"], d["source_kind"], d["fact"]] for d in data],
        fact_ids=[d["fact"] for d in data], spec=spec, svg=render_svg(spec, chart_id, metric.name, description),
        csv_columns=["Source", "Value", "Number", "Unit", "Period", "Kind of source", "Fact"],
        csv_rows=[[d["label"], d["shown"], d["value"], d["unit"], d["period"], d["source_kind"], d["fact"]] for d in data],
    )
