"""The element table for the glossary (moving to publication config on branch `engine`: only given a module here)."""
from __future__ import annotations

from ... import urls
from ..environment import render
from .base import Context, Output

APRIL_CONTROLS = "china-april-2025-rare-earth-export-controls"


def generate(ctx: Context, out: Output) -> None:
    """The element table for the glossary, from entity data and the facts naming the April 2025 controls."""
    index = ctx.index
    control_facts = [f for f in index.by_entity.get(APRIL_CONTROLS, [])]
    named = {eid for f in control_facts for eid in f.entities}
    elements = sorted((e for e in index.corpus.entities.values() if e.element), key=lambda e: (e.element.group == "other", e.element.atomic_number) if e.element else (True, 0))
    rows = [
        {"entity": e, "group": e.element.group.replace("-", " ") if e.element else "", "named": "yes" if e.id in named else "",
         "count": len(index.by_entity.get(e.id, []))}
        for e in elements
    ]
    out[urls.elements_page()] = render("elements.md.j2", rows=rows, control_facts=[f for f in control_facts if any(index.corpus.entities.get(x) and index.corpus.entities[x].element for x in f.entities)], here=urls.elements_page())
