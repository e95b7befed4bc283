"""Values over time, each placed at the period it describes (never the day it was reported), none joined by a line.

A line between two values would claim that they are one series and that nothing happened in between; the
sources report separate values (a rate in April, a threatened rate in October), so each stays its own mark:
a bar along the period it covers and a dot at its middle.
"""
from __future__ import annotations

import datetime as dt
from typing import Any

import altair as alt

from . import style
from .marks import Mark


def _mid(start: str, end: str) -> str:
    a, b = dt.date.fromisoformat(start), dt.date.fromisoformat(end)
    return (a + (b - a) / 2).isoformat()


def _edge(iso: str, days: int) -> str:
    return (dt.date.fromisoformat(iso) + dt.timedelta(days=days)).isoformat()


def layers(marks: list[Mark], layout: style.Layout, y_title: str) -> alt.LayerChart | alt.FacetChart:
    """Marks that have a period, on a time axis; the caller lists the others beside the chart."""
    rows: list[dict[str, Any]] = []
    for m in marks:
        assert m.start and m.end
        rows.append({**m.datum(), "mid": _mid(m.start, m.end), "end_day": _edge(m.end, 1), "tag": f"[[fact:{m.fact}]] {m.aria}", "label_tag": f"[[label:{m.fact}]] {m.aria}"})
    top = max(m.value for m in marks)
    low = min(0.0, min(m.value for m in marks))
    first, last = _edge(min(r["start"] for r in rows), -20), _edge(max(r["end_day"] for r in rows), 20)
    _dodge(rows, first, last)
    _place_labels(rows, first, last, (low, top * 1.2))
    base = alt.Chart(alt.Data(values=rows))
    scale = alt.Scale(**style.colour_scale())
    x_scale = alt.Scale(domain=[first, last])
    y = alt.Y("value:Q", title=y_title, scale=alt.Scale(domain=[low, top * 1.2], nice=False), axis=alt.Axis(tickCount=5))
    span = base.mark_rule(strokeWidth=4, aria=False).encode(
        x=alt.X("start:T", scale=x_scale, title="Period the value describes", axis=alt.Axis(format="%b %Y", tickCount="month", labelOverlap=True)),
        x2="end_day:T", y=y, color=alt.Color("source_kind:N", scale=scale, legend=None),
        strokeDash=alt.condition("datum.solid", alt.value([1, 0]), alt.value([4, 3])),
    )
    dot = base.mark_point(size=150, strokeWidth=2.5, opacity=1).encode(
        x=alt.X("at:T", scale=x_scale), y=y, shape=alt.Shape("shape:N", scale=None),
        stroke=alt.Stroke("source_kind:N", scale=scale, legend=None),
        fill=alt.condition("datum.solid", alt.Fill("source_kind:N", scale=scale, legend=None), alt.value("transparent")),
        strokeDash=alt.condition("datum.solid", alt.value([1, 0]), alt.value([3, 2])),
        description="tag:N",
    )
    words = [
        base.transform_filter(f"datum.align == '{align}' && datum.below == {str(below).lower()}").mark_text(
            align=align, dy=20 if below else -16, dx={"left": -6, "right": 6, "center": 0}[align], fontWeight="bold",
        ).encode(x=alt.X("at:T", scale=x_scale), y=y, text="text:N", description="label_tag:N")
        for align in ("left", "center", "right") for below in (False, True)
    ]
    return alt.layer(span, dot, *words).properties(width=layout.width, height=max(220, layout.width // 2), autosize=alt.AutoSizeParams(type="fit-x", contains="padding"))


def _dodge(rows: list[dict[str, Any]], first: str, last: str) -> None:
    """Marks of different facts that would fall on one spot (same middle of period, same value) are set side by
    side, a little apart in time, so each stays visible and clickable on its own."""
    step = max(1, (dt.date.fromisoformat(last) - dt.date.fromisoformat(first)).days * 0.015)
    spots: dict[tuple[str, float], list[dict[str, Any]]] = {}
    for r in rows:
        spots.setdefault((r["mid"], r["value"]), []).append(r)
    for group in spots.values():
        for i, r in enumerate(group):
            r["at"] = _edge(r["mid"], round((i - (len(group) - 1) / 2) * step))


def _place_labels(rows: list[dict[str, Any]], first: str, last: str, values: tuple[float, float]) -> None:
    """Keep labels inside the chart and off each other: near an edge they align inwards; a label close to the one
    before it (in time and value) goes below its mark instead of above."""
    t0, t1 = dt.date.fromisoformat(first).toordinal(), dt.date.fromisoformat(last).toordinal()
    previous: list[tuple[float, float]] = []
    for r in sorted(rows, key=lambda r: r["at"]):
        x = (dt.date.fromisoformat(r["at"]).toordinal() - t0) / max(1, t1 - t0)
        y = (r["value"] - values[0]) / max(1e-9, values[1] - values[0])
        r["align"] = "left" if x < 0.2 else "right" if x > 0.8 else "center"
        r["below"] = any(abs(x - px) < 0.25 and abs(y - py) < 0.12 for px, py in previous)
        previous.append((x, y))
