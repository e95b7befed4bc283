"""Entity pages (who or what, roles, people, the facts about it) and the who-and-what list."""
from __future__ import annotations

from typing import Any

from ... import urls
from ...transform import present
from ..environment import render
from .base import Context, Output, list_page, numbered, paginate, redirects


def generate(ctx: Context, out: Output) -> None:
    index = ctx.index
    actors = {a.id for a in index.timeline_actors}
    members: dict[str, list[tuple[Any, Any]]] = {}
    for person in index.corpus.entities.values():
        for role in person.roles:
            members.setdefault(role.organisation, []).append((person, role))
    for entity in index.corpus.entities.values():
        facts = index.by_entity.get(entity.id, [])
        people = members.get(entity.id, [])
        timeline_page = urls.actor_timeline(entity.id) if entity.id in actors else None
        for page in paginate(facts, urls.entity_page(entity.id), numbered(urls.ENTITIES, entity.id)):
            out[page.path] = render(
                "entity.md.j2", entity=entity, page=page, here=page.path, index=index, people=sorted(people, key=lambda pr: pr[0].name),
                related=index.entity_related(entity), timeline_page=timeline_page,
            )
        redirects(out, urls.ENTITIES, entity.id, entity.previous_ids)
    groups: dict[str, list[Any]] = {}
    for entity in sorted(index.corpus.entities.values(), key=lambda e: e.name.lower()):
        groups.setdefault(entity.kind, []).append((entity.name, urls.entity_page(entity.id), f"{len(index.by_entity.get(entity.id, []))} facts"))
    ordered = [(present.ENTITY_KINDS[k], groups[k]) for k in present.ENTITY_KINDS if k in groups]
    list_page(out, index, urls.index_page(urls.ENTITIES), "Who and what", "People, organisations, countries, elements, policies and events the facts are about.", links=ordered)
