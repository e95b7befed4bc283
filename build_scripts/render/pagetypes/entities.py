"""Entity pages (who or what, roles, people, sources it published, the facts about it) and the who-and-what list.

An entity no fact is about still gets a page when something links to it or it published a source; the page
then says why it exists. One with no such reason gets no page and is left out of the list."""
from __future__ import annotations

from typing import Any

from markupsafe import Markup

from ... import urls
from ...model import Entity, Source
from ...transform import present
from ...transform.index import SiteIndex
from ..environment import current, link, render
from .base import Context, Output, list_page, numbered, paginate, redirects


def _sources_by(index: SiteIndex) -> dict[str, list[tuple[Source, str]]]:
    """Entity id -> the sources it published or wrote, with which, oldest first."""
    out: dict[str, list[tuple[Source, str]]] = {}
    for source in sorted(index.corpus.sources.values(), key=lambda s: (s.published.iso, s.id)):
        if source.publisher_entity:
            out.setdefault(source.publisher_entity, []).append((source, "published"))
        if source.byline_entity:
            out.setdefault(source.byline_entity, []).append((source, "wrote"))
    return out


def _why(entity: Entity, here: str, index: SiteIndex, people: list[Any], sources: list[tuple[Source, str]]) -> list[Markup]:
    """Why an entity no fact is about has a page, as clauses that follow 'It has a page because it'."""
    reasons: list[Markup] = []
    for verb in ("published", "wrote"):
        n = sum(how == verb for _, how in sources)
        if n:
            reasons.append(Markup(f"{verb} {present.count(n, 'source')} quoted here (listed above)"))
    if entity.element and any(page.path == urls.elements_page() for page in current().pages):  # a publication's own table
        reasons.append(Markup("is an element, listed in the ") + link("table of elements", urls.elements_page(), here))
    if people:
        reasons.append(Markup(f"is where {present.count(len(people), 'person')} listed above {'holds' if len(people) == 1 else 'hold'} a role"))
    if entity.roles:
        reasons.append(Markup("holds the roles listed above"))  # a person known by role only
    subjects = [m for m in index.corpus.metrics.values() if m.subject == entity.id]
    if subjects:
        reasons.append(Markup("is the subject of ") + Markup(", ").join(link(m.name, urls.metric_page(m.id), here) for m in subjects))
    related = index.entity_related(entity)
    if related and not reasons:
        reasons.append(Markup("is related to ") + Markup(", ").join(link(e.name, urls.entity_page(e.id), here) for e in related))
    return reasons


def _joined(clauses: list[Markup]) -> Markup:
    """'a', 'a and b', 'a, b and c'."""
    if len(clauses) < 2:
        return Markup("").join(clauses)
    return Markup(", ").join(clauses[:-1]) + Markup(" and ") + clauses[-1]


def generate(ctx: Context, out: Output) -> None:
    index = ctx.index
    actors = {a.id for a in index.timeline_actors}
    members: dict[str, list[tuple[Any, Any]]] = {}
    for person in index.corpus.entities.values():
        for role in person.roles:
            members.setdefault(role.organisation, []).append((person, role))
    sources_by = _sources_by(index)
    listed: list[Entity] = []
    for entity in index.corpus.entities.values():
        facts = index.by_entity.get(entity.id, [])
        people = sorted(members.get(entity.id, []), key=lambda pr: pr[0].name)
        sources = sources_by.get(entity.id, [])
        why = [] if facts else _why(entity, urls.entity_page(entity.id), index, people, sources)
        if not facts and not why:
            continue  # nothing is about it and nothing links to it: no page
        listed.append(entity)
        timeline_page = urls.actor_timeline(entity.id) if entity.id in actors else None
        for page in paginate(facts, urls.entity_page(entity.id), numbered(urls.ENTITIES, entity.id)):
            out[page.path] = render(
                "entity.md.j2", entity=entity, page=page, here=page.path, index=index, people=people,
                related=index.entity_related(entity), timeline_page=timeline_page, sources=sources, why=_joined(why),
            )
        redirects(out, urls.ENTITIES, entity.id, entity.previous_ids)
    groups: dict[str, list[Any]] = {}
    for entity in sorted(listed, key=lambda e: e.name.lower()):
        n = len(index.by_entity.get(entity.id, []))
        groups.setdefault(entity.kind, []).append((entity.name, urls.entity_page(entity.id), present.count(n, "fact") if n else "no facts yet"))
    ordered = [(present.ENTITY_KINDS[k], groups[k]) for k in present.ENTITY_KINDS if k in groups]
    list_page(out, index, urls.index_page(urls.ENTITIES), "Who and what", "People, organisations, countries, elements, policies and events the facts are about.", links=ordered)
