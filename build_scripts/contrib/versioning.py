"""Rules against the base branch: facts change only by revision, records are never deleted, renames keep their old id."""
from __future__ import annotations

from typing import Any

from ..diagnostics import Diagnostic
from ..load.corpus import RawCorpus
from ..paths import RECORD_DIRS
from .gitbase import Records

VERSION_FIELDS = ("revision", "history")


def substance(fact: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in fact.items() if k not in VERSION_FIELDS}


def check(base: Records, corpus: RawCorpus, base_snapshots: dict[str, bytes] | None = None) -> list[Diagnostic]:
    diags: list[Diagnostic] = _snapshots(base, corpus, base_snapshots or {})
    for kind, folder in RECORD_DIRS.items():
        current = {r.doc.data.get("id"): r for r in corpus.records.get(kind, [])}
        for rid, old in sorted(base.get(kind, {}).items()):
            if rid not in current:
                diags.extend(_vanished(kind, folder, rid, old, base.get(kind, {}), corpus.records.get(kind, [])))
                continue
            if kind == "fact":
                diags.extend(_fact_version(old, current[rid]))
    return diags


def _snapshots(base: Records, corpus: RawCorpus, base_snapshots: dict[str, bytes]) -> list[Diagnostic]:
    """A snapshot is the text as received: its bytes never change, and a source never points at other bytes."""
    diags = []
    for name, raw in sorted(base_snapshots.items()):
        now = corpus.snapshots.get(name)
        if now is not None and now != raw:
            diags.append(Diagnostic(corpus.snapshot_rels.get(name, f"facts/snapshots/{name}"), 1, 1, "snapshot-changed",
                                    f"snapshot {name} differs from the base branch", "a snapshot is never edited, even with its hash: add the changed text as a new source"))
    for record in corpus.records.get("source", []):
        old = base.get("source", {}).get(record.doc.data.get("id"))
        if old is not None and old.get("snapshot") != record.doc.data.get("snapshot"):
            line, col = record.doc.locate(("snapshot",))
            diags.append(Diagnostic(record.rel, line, col, "snapshot-changed", "this source's snapshot (file or hash) differs from the base branch",
                                    "a source's text never changes: add the changed text as a new source"))
    return diags


def _vanished(kind: str, folder: str, rid: str, old: dict[str, Any], base_ids: dict[str, Any], records: list[Any]) -> list[Diagnostic]:
    """A record may leave the base only by a rename: exactly one new record claims its id and descends from it."""
    claims = [(r, i) for r in records for i, prev in enumerate(r.doc.data.get("previous_ids") or []) if prev == rid]
    if not claims:
        return [Diagnostic(f"facts/{folder}/{rid}.yaml", 1, 1, "record-deleted", f"{kind} '{rid}' exists on the base branch and was deleted",
                           "never delete: set status: retracted with a status_reason (facts), or rename by listing the old id in previous_ids")]
    diags = []
    if len(claims) > 1:
        for record, i in claims:
            line, col = record.doc.locate(("previous_ids", i))
            diags.append(Diagnostic(record.rel, line, col, "rename-invalid", f"{len(claims)} records claim the old id '{rid}'", "exactly one record may take over an old id"))
        return diags
    record, i = claims[0]
    line, col = record.doc.locate(("previous_ids", i))
    new_id = record.doc.data.get("id")
    if new_id in base_ids:
        return [Diagnostic(record.rel, line, col, "rename-invalid", f"'{new_id}' already exists on the base branch, so it cannot be the new name of '{rid}'",
                           "a rename moves one record to a new id; to retire a record, retract it")]
    if not descends(kind, old, record.doc.data):
        return [Diagnostic(record.rel, line, col, "rename-invalid", f"this record does not descend from '{rid}' ({_DESCENT[kind]})",
                           "a rename keeps the record and changes only its id; a different record is a new record, and the old one is retracted")]
    return []


_DESCENT = {
    "fact": "it must keep the old record's kind, begin with its history and share a citation with it",
    "source": "it must keep the old record's snapshot",
    "entity": "it must keep the old record's kind",
    "metric": "it must keep the old record's unit",
}


def _citations(fact: dict[str, Any]) -> set[tuple[Any, Any]]:
    return {(c.get("source"), c.get("quote")) for c in fact.get("citations") or [] if isinstance(c, dict) and isinstance(c.get("quote"), str)}


def descends(kind: str, old: dict[str, Any], new: dict[str, Any]) -> bool:
    if kind == "fact":
        old_history = old.get("history") or []
        return bool(old_history) and (new.get("history") or [])[: len(old_history)] == old_history and old.get("kind") == new.get("kind") \
            and bool(_citations(old) & _citations(new))
    field = {"source": "snapshot", "entity": "kind", "metric": "unit"}[kind]
    return old.get(field) == new.get(field)


def _fact_version(old: dict[str, Any], record: Any) -> list[Diagnostic]:
    new = record.doc.data
    if substance(old) == substance(new) and old.get("history") == new.get("history"):
        return []
    base_rev = old.get("revision")
    old_history = old.get("history") or []
    new_history = new.get("history") or []
    line, col = record.doc.locate(("revision",))
    new_rev = new.get("revision")
    # A change may be made in several reviewed steps (a correction, then a second reading's): each step is a
    # revision of its own with its own history entry, so the revision rises by the number of entries added.
    if not isinstance(base_rev, int) or not isinstance(new_rev, int) or new_rev <= base_rev:
        return [Diagnostic(record.rel, line, col, "revision-bump", f"this fact changed, so its revision must rise above {base_rev} (it is {new_rev})",
                           f"set revision: {base_rev + 1 if isinstance(base_rev, int) else '?'} and add one history entry saying what changed and why")]
    if len(new_history) != len(old_history) + (new_rev - base_rev) or new_history[: len(old_history)] != old_history:
        line, col = record.doc.locate(("history",))
        return [Diagnostic(record.rel, line, col, "revision-bump", "history must keep every earlier entry unchanged and add one entry for each new revision",
                           "restore the earlier entries and append one per revision: revision, date, change, reason")]
    return []
