"""Events per month, by the actors involved: how the dispute's tempo changed through 2025."""
from __future__ import annotations

from collections import Counter

import altair as alt

from ..transform import present
from ..transform.index import SiteIndex
from .base import PALETTE, Chart, cached, render_svg, theme

TOP_ACTORS = 6


def build(index: SiteIndex) -> Chart | None:
    if not index.events:
        return None
    top = [a.id for a in index.timeline_actors[:TOP_ACTORS]]
    names = {a.id: a.name for a in index.timeline_actors}
    counts: Counter[tuple[str, str]] = Counter()
    facts: list[str] = []
    for fact in index.events:
        assert fact.date is not None
        actors = [a.id for a in index.actors(fact)]
        actor = next((a for a in actors if a in top), "others")
        counts[(fact.date.month, actor)] += 1
        facts.append(fact.id)
    data = [{"month": m, "month_label": present.date_text(m), "actor": names.get(a, "Others"), "events": n} for (m, a), n in sorted(counts.items())]
    return cached(["events", data, facts], lambda: _make(data, facts, len(index.events)))


def _make(data: list[dict[str, object]], facts: list[str], total: int) -> Chart:
    chart = alt.Chart(alt.Data(values=data)).mark_bar().encode(
        x=alt.X("month:O", title="Month", axis=alt.Axis(labelAngle=-40)),
        y=alt.Y("events:Q", title="Events in the timeline", stack="zero"),
        color=alt.Color("actor:N", title="Main actor", scale=alt.Scale(range=PALETTE)),
        tooltip=["month_label:N", "actor:N", "events:Q"],
    )
    title = "Events per month, by main actor"
    spec = theme(chart, title).to_dict(validate=False)  # validated against Vega-Lite in the tests, not on every build
    summary = "; ".join(f"{d['month_label']}, {d['actor']}: {d['events']}" for d in data)
    description = f"Stacked bar chart of {total} timeline events by month and main actor. {summary}."
    return Chart(
        id="events-by-month", title=title, description=description,
        caption="Each event is counted once, under the first of its actors among the six most active; the rest are grouped as others.",
        columns=["Month", "Main actor", "Events"], table=[[d["month"], d["actor"], d["events"]] for d in data],
        fact_ids=facts, spec=spec, svg=render_svg(spec, "events-by-month", title, description),
    )
