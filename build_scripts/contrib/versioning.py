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


def check(base: Records, corpus: RawCorpus) -> list[Diagnostic]:
    diags: list[Diagnostic] = []
    for kind, folder in RECORD_DIRS.items():
        current = {r.doc.data.get("id"): r for r in corpus.records.get(kind, [])}
        aliases = {old for r in corpus.records.get(kind, []) for old in (r.doc.data.get("previous_ids") or [])}
        for rid, old in sorted(base.get(kind, {}).items()):
            if rid not in current:
                if rid not in aliases:
                    diags.append(Diagnostic(f"facts/{folder}/{rid}.yaml", 1, 1, "record-deleted",
                                            f"{kind} '{rid}' exists on the base branch and was deleted",
                                            "never delete: set status: retracted with a status_reason (facts), or rename by listing the old id in previous_ids"))
                continue
            if kind == "fact":
                diags.extend(_fact_version(old, current[rid]))
    return diags


def _fact_version(old: dict[str, Any], record: Any) -> list[Diagnostic]:
    new = record.doc.data
    if substance(old) == substance(new) and old.get("history") == new.get("history"):
        return []
    base_rev = old.get("revision")
    old_history = old.get("history") or []
    new_history = new.get("history") or []
    line, col = record.doc.locate(("revision",))
    if not isinstance(base_rev, int) or new.get("revision") != base_rev + 1:
        return [Diagnostic(record.rel, line, col, "revision-bump", f"this fact changed, so its revision must go from {base_rev} to {base_rev + 1 if isinstance(base_rev, int) else '?'} (it is {new.get('revision')})",
                           f"set revision: {base_rev + 1 if isinstance(base_rev, int) else '?'} and add one history entry saying what changed and why")]
    if len(new_history) != len(old_history) + 1 or new_history[: len(old_history)] != old_history:
        line, col = record.doc.locate(("history",))
        return [Diagnostic(record.rel, line, col, "revision-bump", "history must keep every earlier entry unchanged and add exactly one for this revision",
                           "restore the earlier entries and append one: revision, date, change, reason")]
    return []
