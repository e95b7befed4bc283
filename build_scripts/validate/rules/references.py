"""Every id a record names resolves to a record of the right kind."""
from __future__ import annotations

import difflib
from collections.abc import Iterator
from typing import Any

from ...load.corpus import RawRecord
from ...load.yamlsafe import Path
from ..context import Context
from .base import Rule


def _refs(record: RawRecord) -> Iterator[tuple[Path, Any, str]]:
    """(path, value, target kind) for every reference field of a record."""
    data = record.doc.data
    for field, target in (("related", "fact" if record.kind == "fact" else "entity"), ("entities", "entity"), ("topics", "topic")):
        values = data.get(field)
        for i, value in enumerate(values if isinstance(values, list) else []):
            yield (field, i), value, target
    for field, target in (("speaker", "entity"), ("superseded_by", "fact"), ("subject", "entity"), ("publisher_entity", "entity"), ("byline_entity", "entity")):
        if field in data:
            yield (field,), data[field], target
    stat = data.get("statistic")
    if isinstance(stat, dict):
        yield ("statistic", "metric"), stat.get("metric"), "metric"
        yield ("statistic", "subject"), stat.get("subject"), "entity"
    for i, cite in enumerate(data.get("citations") or []):
        if isinstance(cite, dict):
            yield ("citations", i, "source"), cite.get("source"), "source"
            for j, who in enumerate(cite.get("attributed_to") or []):
                if isinstance(who, dict) and "entity" in who:
                    yield ("citations", i, "attributed_to", j, "entity"), who["entity"], "entity"
    for i, role in enumerate(data.get("roles") or []):
        if isinstance(role, dict):
            yield ("roles", i, "organisation"), role.get("organisation"), "entity"


def check(ctx: Context) -> None:
    known = {kind: set(table) for kind, table in ctx.ids.items()}
    known["topic"] = ctx.topics
    for record in ctx.corpus.all_records():
        for path, value, target in _refs(record):
            if not isinstance(value, str) or value in known.get(target, set()):
                continue
            close = difflib.get_close_matches(value, sorted(known.get(target, set())), n=1, cutoff=0.7)
            where = {"topic": "facts/topics.yaml", "entity": "facts/entities/", "fact": "facts/facts/", "metric": "facts/metrics/", "source": "facts/sources/"}[target]
            hint = f"did you mean '{close[0]}'?" if close else f"add it to {where} first"
            ctx.report(record, path, "ref-unknown", f"unknown {target} '{value}'", hint)
        data = record.doc.data
        if record.kind == "fact" and data.get("superseded_by") == data.get("id"):
            ctx.report(record, ("superseded_by",), "ref-unknown", "a fact cannot supersede itself")
    _chains(ctx)


def _chains(ctx: Context) -> None:
    """Following superseded_by from any fact ends at a fact that stands: no cycle, no retracted end."""
    facts = ctx.ids.get("fact", {})
    for fid, record in facts.items():
        seen = [fid]
        nxt = record.doc.data.get("superseded_by")
        while isinstance(nxt, str) and nxt in facts and nxt not in seen:
            seen.append(nxt)
            nxt = facts[nxt].doc.data.get("superseded_by")
        if "superseded_by" not in record.doc.data or (nxt == fid and len(seen) == 1):
            continue  # no link, or a self-link (reported above)
        if isinstance(nxt, str) and nxt in seen:
            ctx.report(record, ("superseded_by",), "ref-supersede-chain", f"superseded_by forms a cycle: {' -> '.join([*seen, nxt])}", "the chain must end at a fact that stands")
        elif seen[-1] != fid and facts[seen[-1]].doc.data.get("status") in ("retracted", "superseded"):
            ctx.report(record, ("superseded_by",), "ref-supersede-chain", f"superseded_by leads to '{seen[-1]}', which is {facts[seen[-1]].doc.data.get('status')}", "point at the fact that now stands")


RULE = Rule("ref", "Every referenced source, entity, metric, topic and fact exists; superseded_by chains end at a standing fact.", check)
