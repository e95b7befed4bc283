"""Page contexts for every generated page, rendered through the templates into {docs path: text}."""
from __future__ import annotations

import json
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from .. import settings
from ..charts.base import Chart
from ..charts.embed import embed_path
from ..model import Corpus, Fact
from ..transform import cite as citing
from ..transform import present
from ..transform.index import SiteIndex
from .environment import issue_url, link, render
from .escape import md_text, safe_title

Output = dict[str, str | bytes]


@dataclass(frozen=True)
class Page:
    items: Sequence[Any]
    number: int
    count: int
    path: str
    prev: str | None
    next: str | None


def paginate(items: Sequence[Any], first: str, other: Callable[[int], str], size: int = settings.PAGE_SIZE) -> list[Page]:
    """Split a list over pages of at most `size` items: no page grows with the corpus."""
    count = max(1, math.ceil(len(items) / size))
    paths = [first] + [other(n) for n in range(2, count + 1)]
    return [
        Page(items[i * size:(i + 1) * size], i + 1, count, paths[i], paths[i - 1] if i else None, paths[i + 1] if i + 1 < count else None)
        for i in range(count)
    ]


def numbered(folder: str, stem: str) -> Callable[[int], str]:
    """Addresses of a list's second and later pages: <folder>/pages/<stem>-<n>.md."""
    return lambda n: f"{folder}/pages/{stem}-{n}.md"


def fact_title(fact: Fact) -> str:
    """The fact's headline: written for people, never a claim cut mid-sentence."""
    return safe_title(fact.headline)


@dataclass(frozen=True)
class CitationFormats:
    plain: str
    bibtex: str
    csl: str


def citation_formats(ref: citing.Reference) -> CitationFormats:
    return CitationFormats(citing.plain(ref), citing.bibtex(ref), json.dumps([citing.csl_json(ref)], indent=2, ensure_ascii=False, sort_keys=True))


def footnote(fact: Fact, corpus: Corpus, here: str) -> Markup:
    """A citation for a footnote: source, kind, credited party, status, quote, and links to the fact and source."""
    cite = fact.citations[0]
    source = corpus.sources[cite.source]
    credit = f", citing {cite.attributed_to[0].name}" if cite.attributed_to else ""
    status = "" if fact.status == "current" else f" [{present.STATUS[fact.status][0]}]"
    head = md_text(f"{source.publisher} ({present.SOURCE_KINDS[source.kind][0].lower()}{credit}){status}, {present.date_text(source.published)}: \u201c{cite.quote}\u201d")
    return Markup(f"{head} {link('Fact', 'facts/' + fact.id + '.md', here)} · {link('Source', 'sources/' + source.id + '.md', here)}")


def fact_pages(index: SiteIndex, out: Output, narrative_titles: dict[str, str]) -> None:
    for fact in index.corpus.facts.values():
        here = f"facts/{fact.id}.md"
        ref = citing.fact_reference(fact, index.corpus)
        out[here] = render(
            "fact.md.j2", fact=fact, index=index, here=here, page_title=fact_title(fact),
            chains=present.provenance(fact, index.corpus.sources), related=index.related(fact),
            cited_by=index.cited_by.get(fact.id, []), narrative_titles=narrative_titles,
            citation=citation_formats(ref),
            head=citing.head(fact.headline, citing.preview_description(fact), "article", ref, citing.claim_jsonld(fact, index.corpus)),
            report_url=issue_url("wrong-fact.yml", f"Problem with fact {fact.id}", fact=fact.id),
        )
        for old in fact.previous_ids:
            out[f"facts/{old}/index.html"] = redirect(f"../{fact.id}/")


def redirect(target: str) -> str:
    """A static redirect page: works on any host, without a plugin, and keeps old links alive."""
    safe = md_text(target)  # target is built from validated ids; escaped anyway
    return (
        f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Moved</title>'
        f'<meta http-equiv="refresh" content="0; url={safe}"><link rel="canonical" href="{safe}"></head>'
        f'<body><p>This page has moved to <a href="{safe}">its new address</a>.</p></body></html>\n'
    )


def source_pages(index: SiteIndex, out: Output) -> None:
    for source in index.corpus.sources.values():
        items = [
            {"fact": fact, "quote": next(c.quote for c in fact.citations if c.source == source.id)}
            for fact in index.by_source.get(source.id, [])
        ]
        first = f"sources/{source.id}.md"
        for page in paginate(items, first, numbered("sources", source.id)):
            out[page.path] = render("source.md.j2", source=source, page=page, total=len(items), here=page.path, index=index)
        for old in source.previous_ids:
            out[f"sources/{old}/index.html"] = redirect(f"../{source.id}/")


def entity_pages(index: SiteIndex, out: Output) -> None:
    actors = {a.id for a in index.timeline_actors}
    members: dict[str, list[tuple[Any, Any]]] = {}
    for person in index.corpus.entities.values():
        for role in person.roles:
            members.setdefault(role.organisation, []).append((person, role))
    for entity in index.corpus.entities.values():
        facts = index.by_entity.get(entity.id, [])
        people = members.get(entity.id, [])
        timeline_page = f"timeline/actor-{entity.id}.md" if entity.id in actors else None
        for page in paginate(facts, f"entities/{entity.id}.md", numbered("entities", entity.id)):
            out[page.path] = render(
                "entity.md.j2", entity=entity, page=page, here=page.path, index=index, people=sorted(people, key=lambda pr: pr[0].name),
                related=index.entity_related(entity), timeline_page=timeline_page,
            )
        for old in entity.previous_ids:
            out[f"entities/{old}/index.html"] = redirect(f"../{entity.id}/")


def metric_pages(index: SiteIndex, out: Output, charts: dict[str, Chart]) -> None:
    for metric in index.corpus.metrics.values():
        facts = index.by_metric.get(metric.id, [])
        here = f"metrics/{metric.id}.md"
        chart = charts.get(metric.id)
        rows = []
        for fact in facts:
            assert fact.statistic is not None
            cite = fact.citations[0]
            rows.append({
                "fact": fact, "value": present.value_text(fact.statistic), "period": present.period_text(fact.statistic.period) or "not stated",
                "source": index.corpus.sources[cite.source], "date": present.date_text(present.reported(fact, index.corpus.sources)),
                "credits": " \u2190 ".join(w.name for w in cite.attributed_to) or "none",
            })
        chart_md = Markup(render("chart.md.j2", chart=chart, here=here)) if chart else Markup("")
        out[here] = render("metric.md.j2", metric=metric, facts=facts, rows=rows, chart=chart_md, spread=present.spread(facts, metric.comparison), here=here, index=index)


def chart_files(charts: list[Chart], out: Output) -> None:
    """Downloads for every chart, and the figure a hand-written page embeds by linking to the chart's SVG (charts/embed.py)."""
    for number, chart in enumerate(charts):
        page = number // CHARTS_PER_PAGE + 1
        on_charts_page = "charts/" if page == 1 else f"charts/pages/charts-{page}/"
        out[f"charts/{chart.id}.svg"] = chart.svg_file()
        out[f"charts/{chart.id}.csv"] = chart.csv()
        out[f"charts/{chart.id}.vl.json"] = chart.spec_json()
        out[embed_path(chart.id)] = render("chart_figure.html.j2", chart=chart, more=f"{on_charts_page}#chart-{chart.id}")


def timeline_pages(index: SiteIndex, out: Output, chart: Chart | None) -> None:
    filters = {
        "actors": [(a.name, f"timeline/actor-{a.id}.md") for a in index.timeline_actors],
        "topics": [(index.corpus.topics[t].title, f"timeline/topic-{t}.md") for t in sorted({t for f in index.events for t in f.topics})],
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
        groups.append((f"actor-{actor.id}", events, f"Timeline: {actor.name}", f"Events involving {actor.name}, in date order.", None))
    for topic in filters["topics"]:
        tid = topic[1].removeprefix("timeline/topic-").removesuffix(".md")
        events = by_topic.get(tid, [])
        groups.append((f"topic-{tid}", events, f"Timeline: {topic[0]}", f"Events on {topic[0].lower()}, in date order.", None))
    for name, events, title, description, group_filters in groups:
        first = f"timeline/{name}.md"
        # Pages hold a fixed number of events, so no page grows with the corpus; a month may continue overleaf.
        for page in paginate(events, first, numbered("timeline", name)):
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
            chart_md = Markup(render("chart.md.j2", chart=chart, here=here)) if chart and name == "index" and page.number == 1 else None
            undated = _undated(index, here) if name == "index" and page.number == page.count else None
            out[here] = render("timeline.md.j2", title=title, description=description, filters=group_filters if page.number == 1 else None, search_exclude=True,
                               page=Page(items, page.number, page.count, page.path, page.prev, page.next), here=here, chart=chart_md,
                               undated=undated, undated_count=len(index.undated_events) if name == "index" else 0, undated_page=f"timeline/pages/index-{page.count}.md" if page.count > 1 else None)


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


def list_page(out: Output, index: SiteIndex, path: str, title: str, description: str, *, links: list[Any] | None = None,
              facts: Sequence[Fact] | None = None, intro: Markup | None = None, hide_toc: bool = False) -> None:
    """An index page, split over pages of at most PAGE_SIZE entries so that none grows with the corpus.
    Fact lists repeat text that fact pages hold, so they stay out of the search index."""
    stem = path.removesuffix(".md").replace("/", "-")
    folder = path.split("/")[0]
    if facts is not None:
        for page in paginate(facts, path, lambda n: f"{folder}/pages/{stem}-{n}.md"):
            out[page.path] = render("list.md.j2", title=title, description=description, links=None, page=page, here=page.path, index=index,
                                    intro=intro if page.number == 1 else None, hide_toc=hide_toc, search_exclude=True)
        return
    flat = [(group, item) for group, items in links or [] for item in items]
    for page in paginate(flat, path, lambda n: f"{folder}/pages/{stem}-{n}.md"):
        grouped: dict[str, list[Any]] = {}
        for group, item in page.items:
            grouped.setdefault(group, []).append(item)
        out[page.path] = render("list.md.j2", title=title, description=description, links=list(grouped.items()), page=page if page.count > 1 else None,
                                here=page.path, index=index, intro=intro if page.number == 1 else None, hide_toc=hide_toc, search_exclude=False, pager_only=True)


def index_pages(index: SiteIndex, out: Output, charts: list[Chart]) -> None:
    corpus = index.corpus
    counts = {k: sum(f.kind == k for f in corpus.facts.values()) for k in present.KIND_LABELS}
    status = {k: sum(f.status == k for f in corpus.facts.values()) for k in present.STATUS}
    summary = ", ".join(f"{n} {present.KIND_LABELS[k].lower()}{'s' if n != 1 else ''}" for k, n in counts.items() if n)
    by_status = ", ".join(f"{n} {k}" for k, n in status.items() if n)
    list_page(out, index, "facts/index.md", "All facts", f"{len(corpus.facts)} facts: {summary}. By status: {by_status}.", facts=index.facts_sorted)
    by_kind: dict[str, list[Any]] = {}
    for source in sorted(corpus.sources.values(), key=lambda s: s.published.iso):
        label = present.SOURCE_KINDS[source.kind][0]
        by_kind.setdefault(f"{label}: {present.SOURCE_KINDS[source.kind][1]}", []).append(
            (source.title, f"sources/{source.id}.md", f"{source.publisher}, {present.date_text(source.published)}, {len(index.by_source.get(source.id, []))} facts"))
    list_page(out, index, "sources/index.md", "All sources", f"The {len(corpus.sources)} sources the facts quote, by kind of source.", links=sorted(by_kind.items()))
    groups: dict[str, list[Any]] = {}
    for entity in sorted(corpus.entities.values(), key=lambda e: e.name.lower()):
        groups.setdefault(entity.kind, []).append((entity.name, f"entities/{entity.id}.md", f"{len(index.by_entity.get(entity.id, []))} facts"))
    ordered = [(present.ENTITY_KINDS[k], groups[k]) for k in present.ENTITY_KINDS if k in groups]
    list_page(out, index, "entities/index.md", "Who and what", "People, organisations, countries, elements, policies and events the facts are about.", links=ordered)
    metric_links = [(m.name, f"metrics/{m.id}.md", present.spread(index.by_metric.get(m.id, []), m.comparison)) for m in sorted(corpus.metrics.values(), key=lambda m: m.name)]
    list_page(out, index, "metrics/index.md", "Figures and disputes", "Every measured quantity, with the spread of what sources report. Where sources disagree, all values are shown.", links=[("", metric_links)])
    topic_links = [(t.title, f"topics/{t.id}.md", f"{len(index.by_topic.get(t.id, []))} facts. {t.description}") for t in sorted(corpus.topics.values(), key=lambda t: t.title)]
    list_page(out, index, "topics/index.md", "Topics", "Facts filed by topic. The figures are also tagged by topic on the tags page.", links=[("", topic_links), ("Tags", [("Figures by tag", "tags.md", "")])])
    for topic in corpus.topics.values():
        list_page(out, index, f"topics/{topic.id}.md", f"Topic: {topic.title}", topic.description, facts=index.by_topic.get(topic.id, []))
    chart_pages(out, index, charts)


CHARTS_PER_PAGE = 8


def chart_pages(out: Output, index: SiteIndex, charts: list[Chart]) -> None:
    """Every chart with its table and downloads, a few per page so that no page grows with the corpus."""
    description = ("Every chart on the site, each drawn from facts only, one mark per fact, with its data table and downloads. "
                   "First the picture of the story, then the figures the sources disagree on.")
    for page in paginate(charts, "charts/index.md", lambda n: f"charts/pages/charts-{n}.md", size=CHARTS_PER_PAGE):
        body = Markup("\n\n".join(render("chart.md.j2", chart=c, here=page.path, heading=True) for c in page.items))
        out[page.path] = render("list.md.j2", title="Charts", description=description, links=None, page=Page([], page.number, page.count, page.path, page.prev, page.next),
                                here=page.path, index=index, intro=body, hide_toc=False, search_exclude=True, pager_only=True)


def data_files(index: SiteIndex, out: Output, raw_records: dict[str, list[dict[str, Any]]], schemas: dict[str, bytes], snapshots: dict[str, bytes]) -> None:
    from . import data  # local: only data export needs the CSV flattening

    records = {name: sorted(raw_records[name], key=lambda r: r["id"]) for name in data.RECORD_KINDS}
    counts: dict[str, int] = {}
    for table in data.TABLES:
        out[f"data/{table}.csv"] = data.csv_table(table, records)
        counts[table] = data.row_count(table, records)
    for name in data.RECORD_KINDS:
        out[f"data/{name}.json"] = json.dumps(records[name], indent=1, ensure_ascii=False, sort_keys=True, allow_nan=False) + "\n"
    for record in raw_records["facts"]:
        out[f"data/facts/{record['id']}.json"] = json.dumps(record, indent=1, ensure_ascii=False, sort_keys=True, allow_nan=False) + "\n"
    for name, raw in sorted(schemas.items()):
        out[f"data/schemas/{name}"] = raw
    for name, raw in sorted(snapshots.items()):
        out[f"data/snapshots/{name}"] = raw
    parsed = {name: json.loads(raw) for name, raw in schemas.items()}
    out["data/datapackage.json"] = data.datapackage(parsed, index.last_updated, counts)
    ref = citing.site_reference(index.last_updated)
    formats = citation_formats(ref)
    out["data/citation.bib"] = formats.bibtex + "\n"
    out["data/citation.json"] = formats.csl + "\n"
    downloads = [(f"data/{t}.csv", "text/csv") for t in data.TABLES] + [(f"data/{n}.json", "application/json") for n in data.RECORD_KINDS]
    downloads.append(("data/datapackage.json", "application/json"))
    head = citing.head(ref.title, settings.SITE_DESCRIPTION, "website", ref, citing.dataset_jsonld(index.last_updated, downloads))
    datasets = [(name, counts[name], name in data.RECORD_KINDS, data.TITLES[name]) for name in data.TABLES]
    out["data/index.md"] = render("data.md.j2", datasets=datasets, schemas=sorted(schemas), here="data/index.md", citation=formats, head=head)


POLICY_PAGE = "methodology.md"  # the hand-written page that states the corrections policy


def corrections_pages(index: SiteIndex, out: Output, narrative_titles: dict[str, str]) -> None:
    """The corrections log (newest first, split over pages of PAGE_SIZE entries) and its Atom feed."""
    from . import corrections  # local: only the log needs it

    items = corrections.changes(list(index.corpus.facts.values()))
    counts = {what: sum(c.what == what for c in items) for what in ("Added", "Changed", "Retracted")}
    for page in paginate(items, corrections.PAGE, lambda n: f"corrections/pages/corrections-{n}.md"):
        out[page.path] = render("corrections.md.j2", page=page, here=page.path, total=len(items), counts=counts,
                                 policy=POLICY_PAGE if POLICY_PAGE in narrative_titles else None)
    out[corrections.FEED] = corrections.feed(items)


APRIL_CONTROLS = "china-april-2025-rare-earth-export-controls"


def elements_page(index: SiteIndex, out: Output) -> None:
    """The element table for the glossary, from entity data and the facts naming the April 2025 controls."""
    control_facts = [f for f in index.by_entity.get(APRIL_CONTROLS, [])]
    named = {eid for f in control_facts for eid in f.entities}
    elements = sorted((e for e in index.corpus.entities.values() if e.element), key=lambda e: (e.element.group == "other", e.element.atomic_number) if e.element else (True, 0))
    rows = [
        {"entity": e, "group": e.element.group.replace("-", " ") if e.element else "", "named": "yes" if e.id in named else "",
         "count": len(index.by_entity.get(e.id, []))}
        for e in elements
    ]
    out["reference/elements.md"] = render("elements.md.j2", rows=rows, control_facts=[f for f in control_facts if any(index.corpus.entities.get(x) and index.corpus.entities[x].element for x in f.entities)], here="reference/elements.md")
