"""Each source's snapshot exists, is UTF-8, and still has the hash the source recorded."""
from __future__ import annotations

import hashlib

from ...diagnostics import Diagnostic
from ..context import Context
from .base import Rule


def check(ctx: Context) -> None:
    used: set[str] = set()
    for record in ctx.corpus.records.get("source", []):
        snap = record.doc.data.get("snapshot")
        if not isinstance(snap, dict) or not isinstance(snap.get("file"), str):
            continue
        name = snap["file"]
        used.add(name)
        raw = ctx.corpus.snapshots.get(name)
        if raw is None:
            ctx.report(record, ("snapshot", "file"), "snapshot-missing", f"snapshot facts/snapshots/{name} does not exist", "save the source's text there (python -m build_scripts new source does it)")
            continue
        digest = hashlib.sha256(raw).hexdigest()
        if isinstance(snap.get("sha256"), str) and snap["sha256"] != digest:
            ctx.report(record, ("snapshot", "sha256"), "snapshot-hash", f"snapshot {name} has changed since its hash was recorded (now {digest})", "a snapshot is the text as received and is never edited; if the source itself changed, add a new source")
        try:
            raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            ctx.report(record, ("snapshot", "file"), "snapshot-encoding", f"snapshot {name} is not valid UTF-8 (byte {exc.start})")
    for name, rel in sorted(ctx.corpus.snapshot_rels.items()):
        if name not in used:
            ctx.diagnostics.append(Diagnostic(rel, 1, 1, "snapshot-unused", "no source names this snapshot", "add a source for it or delete it", "warning"))


RULE = Rule("snapshot", "Snapshots exist, are UTF-8, match their recorded SHA-256 and are used.", check)
