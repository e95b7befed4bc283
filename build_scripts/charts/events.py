"""The dispute's tempo: one dot per dated event, in the month it happened, each dot linked to its fact.

Nothing is counted into a bar: a month with more events has more dots. The dots of a month fill a few
columns from the bottom up, so no two events share a place.
"""
from __future__ import annotations

import math
from typing import Any

import altair as alt

from ..transform import present
from ..transform.index import SiteIndex
from . import style
from .base import Chart, cached, render_all

CHART_ID = "events-by-month"
TITLE = "Events per month: one dot per event"


def build(index: SiteIndex) -> Chart | None:
    events = [f for f in index.events if f.dated]
    if not events:
        return None
    rows = []
    for fact in events:
        assert fact.date is not None
        rows.append({
            "fact": fact.id, "month": fact.date.month, "month_label": present.date_text(fact.date.month), "date": present.date_text(fact.date),
            "headline": fact.headline, "status": fact.status, "kind": fact.kind,
        })
    return cached(["events", rows], lambda: _make(rows))


def _place(rows: list[dict[str, Any]], columns: int) -> list[dict[str, Any]]:
    """Give each event a column and a line within its month, in date order from the bottom left."""
    seen: dict[str, int] = {}
    out = []
    for r in rows:
        i = seen.get(r["month"], 0)
        seen[r["month"]] = i + 1
        status = "" if r["status"] == "current" else f" ({present.STATUS[r['status']][0].lower()})"
        aria = f"{r['date']}: {r['headline']}{status}. Opens the fact."
        out.append({**r, "col": i % columns, "line": i // columns, "solid": r["status"] == "current", "tag": f"[[fact:{r['fact']}]] {aria}"})
    return out


def _make(rows: list[dict[str, Any]]) -> Chart:
    months = sorted({r["month"] for r in rows})
    most = max(sum(r["month"] == m for r in rows) for m in months)

    def spec(layout: style.Layout) -> dict[str, Any]:
        pitch = layout.font + 4
        band = (layout.width - 50) / len(months)
        columns = max(1, min(math.ceil(most / 4), int(band * 0.85 // pitch)))
        placed = _place(rows, columns)
        lines = max(p["line"] for p in placed) + 1
        chart = alt.Chart(alt.Data(values=placed)).mark_point(size=pitch * 6, strokeWidth=2, opacity=1).encode(
            x=alt.X("month:O", title=None, sort=months, scale=alt.Scale(domain=months, paddingInner=0.15),
                    axis=alt.Axis(labelExpr="length(datum.value) == 4 ? datum.value : timeFormat(toDate(datum.value + '-15'), '%b %y')", labelAngle=0, labelOverlap=True)),
            xOffset=alt.XOffset("col:O", scale=alt.Scale(domain=list(range(columns)))),
            y=alt.Y("line:O", title=None, sort="descending", scale=alt.Scale(domain=list(range(lines - 1, -1, -1))), axis=None),
            shape=alt.value("circle"),
            stroke=alt.value(style.NEUTRAL),
            fill=alt.condition("datum.solid", alt.value(style.NEUTRAL), alt.value("transparent")),
            strokeDash=alt.condition("datum.solid", alt.value([1, 0]), alt.value([2, 2])),
            description="tag:N",
        )
        fit = alt.AutoSizeParams(type="fit-x", contains="padding")  # axis labels included: the drawing is exactly the layout's width
        return chart.properties(width=layout.width, height=lines * pitch, autosize=fit).to_dict(validate=False)  # validated against Vega-Lite in the tests

    per_month = "; ".join(f"{present.date_text(m)}: {sum(r['month'] == m for r in rows)}" for m in months)
    description = f"Dot chart of {len(rows)} dated events, one dot per event, by month. Events per month: {per_month}."
    wide, svgs = render_all(spec, CHART_ID, TITLE, description)
    return Chart(
        id=CHART_ID, title=TITLE, description=description,
        caption="Each dot is one dated event, statement or measure in the timeline, in the month it happened; each links to its fact. Hollow dashed dots are facts that are not current (disputed, unverified or superseded).",
        columns=["Month", "Date", "Event", "Status", "Fact"],
        table=[[r["month_label"], r["date"], r["headline"], r["status"], r["fact"]] for r in rows],
        fact_ids=[r["fact"] for r in rows], spec=wide, svgs=svgs,
        marks={r["fact"]: {"kind": r["kind"], "status": r["status"]} for r in rows},
    )
