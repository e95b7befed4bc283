"""The timeline: every dated event by month, with views per actor and per topic, and its chart."""
from __future__ import annotations

from typing import Any

from markupsafe import Markup

from ... import urls
from ...model import Fact
from ...transform import present
from ...transform.index import SiteIndex
from ..environment import render
from ..footnotes import footnote
from .base import Context, Output, Page, numbered, paginate


def generate(ctx: Context, out: Output) -> None:
    index = ctx.index
    chart = ctx.charts.events
    topic_ids = sorted({t for f in index.events for t in f.topics})
    filters = {
        "actors": [(a.name, urls.actor_timeline(a.id)) for a in index.timeline_actors],
        "topics": [(index.corpus.topics[t].title, urls.topic_timeline(t)) for t in topic_ids],
    }
    groups: list[tuple[str, list[Fact], str, str, dict[str, Any] | None]] = [
        ("index", index.events, "Timeline", "Every dated event, statement and measure in the fact base, in date order, grouped by month.", filters),
    ]
    by_actor: dict[str, list[Fact]] = {}
    by_topic: dict[str, list[Fact]] = {}
    for fact in index.events:  # one pass, not one per actor and topic
        for actor_entity in index.actors(fact):
            by_actor.setdefault(actor_entity.id, []).append(fact)
        for topic_id in fact.topics:
            by_topic.setdefault(topic_id, []).append(fact)
    for actor in index.timeline_actors:
        events = by_actor.get(actor.id, [])
        groups.append((urls.actor_timeline_name(actor.id), events, f"Timeline: {actor.name}", f"Events involving {actor.name}, in date order.", None))
    for tid in topic_ids:
        title = index.corpus.topics[tid].title
        groups.append((urls.topic_timeline_name(tid), by_topic.get(tid, []), f"Timeline: {title}", f"Events on {title.lower()}, in date order.", None))
    for name, events, title, description, group_filters in groups:
        # Pages hold a fixed number of events, so no page grows with the corpus; a month may continue overleaf.
        for page in paginate(events, urls.timeline_page(name), numbered(urls.TIMELINE, name)):
            here = page.path
            months: dict[str, list[Fact]] = {}
            for fact in page.items:
                assert fact.date is not None
                months.setdefault(fact.date.month, []).append(fact)
            items = [
                (present.month_title(month), [
                    {"fact": f, "note": f"e-{f.id}", "citation": footnote(f, index.corpus, here), "actors": index.actors(f)} for f in facts
                ])
                for month, facts in months.items()
            ]
            chart_md = Markup(render("chart.md.j2", chart=chart, here=here, facts=index.corpus.facts)) if chart and name == "index" and page.number == 1 else None
            undated = _undated(index, here) if name == "index" and page.number == page.count else None
            out[here] = render("timeline.md.j2", title=title, description=description, filters=group_filters if page.number == 1 else None, search_exclude=True,
                               page=Page(items, page.number, page.count, page.path, page.prev, page.next), here=here, chart=chart_md,
                               undated=undated, undated_count=len(index.undated_events) if name == "index" else 0,
                               undated_page=urls.list_page(urls.TIMELINE, "index", page.count) if page.count > 1 else None)


def _undated(index: SiteIndex, here: str) -> list[tuple[str, list[dict[str, Any]]]]:
    """Events reported without a date, grouped by the report that carries them: placed by what is known."""
    groups: dict[str, list[dict[str, Any]]] = {}
    paged = {a.id for a in index.timeline_actors}
    for fact in index.undated_events:
        source = index.corpus.sources[fact.citations[0].source]
        label = f"Reported by {present.date_text(source.published)} ({source.publisher})"
        # Only actors with a timeline page of their own are links: one seen only in undated reports has none.
        actors = [a for a in index.actors(fact) if a.id in paged]
        groups.setdefault(label, []).append({"fact": fact, "note": f"e-{fact.id}", "citation": footnote(fact, index.corpus, here), "actors": actors})
    return sorted(groups.items())
