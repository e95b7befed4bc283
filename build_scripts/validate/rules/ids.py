"""Ids equal file names and are unique; renamed ids stay reserved."""
from __future__ import annotations

from ...paths import RESERVED_IDS
from ..context import Context
from .base import Rule


def check(ctx: Context) -> None:
    for kind, records in ctx.corpus.records.items():
        first: dict[str, str] = {}
        for record in records:
            rid = record.doc.data.get("id")
            if isinstance(rid, str) and rid != record.stem:
                ctx.report(record, ("id",), "id-file-name", f"id '{rid}' differs from the file name '{record.stem}.yaml'", f"rename the file to {rid}.yaml or set id: {record.stem}")
            if isinstance(rid, str):
                if rid in first:
                    ctx.report(record, ("id",), "id-unique", f"{kind} id '{rid}' is already used by {first[rid]}")
                first.setdefault(rid, record.rel)
            if rid in RESERVED_IDS:
                ctx.report(record, ("id",), "id-reserved", f"id '{rid}' is the name of a generated page", f"choose another id; reserved: {', '.join(sorted(RESERVED_IDS))}")
        claimed: dict[str, str] = {}
        for record in records:
            old = record.doc.data.get("previous_ids")
            for i, prev in enumerate(old if isinstance(old, list) else []):
                if prev in first and first[prev] != record.rel:
                    ctx.report(record, ("previous_ids", i), "id-unique", f"previous id '{prev}' is the id of {first[prev]}", "an old id stays reserved so that its address keeps working")
                elif isinstance(prev, str) and claimed.setdefault(prev, record.rel) != record.rel:
                    ctx.report(record, ("previous_ids", i), "id-unique", f"previous id '{prev}' is also claimed by {claimed[prev]}", "an old id redirects to exactly one record")
    if ctx.corpus.topics is not None and isinstance(topics := ctx.corpus.topics.doc.data.get("topics"), dict):
        for tid in sorted(set(topics) & RESERVED_IDS):
            ctx.report(ctx.corpus.topics, ("topics", tid), "id-reserved", f"topic id '{tid}' is the name of a generated page", "choose another id", key=True)


RULE = Rule("id", "Ids equal file names, are unique within each kind (previous ids included, each claimed once) and are not reserved page names.", check)
