"""The review summary of a change: what it does to facts, not to YAML lines. Markdown for a PR's job summary."""
from __future__ import annotations

import json
from typing import Any

from ..diagnostics import Diagnostic, display
from .gitbase import Records
from .versioning import substance

FIELDS = ("claim", "kind", "date", "statistic", "status", "status_reason", "superseded_by", "citations", "entities", "topics", "notes", "related")


def _value(fact: dict[str, Any]) -> str:
    stat = fact.get("statistic")
    if not isinstance(stat, dict):
        return ""
    return f"{stat.get('qualifier', '')} {stat.get('value')} {stat.get('unit', '')}".replace("exactly ", "").strip()


def _md(text: Any) -> str:
    """Untrusted text anywhere in the summary: one line, no Markdown or HTML effect, no control characters.
    HTML specials become character references (so `<!--` cannot hide what follows), every other Markdown
    punctuation mark is backslash-escaped, and the text is cut before escaping so an escape is never split."""
    out = json.dumps(text, ensure_ascii=False) if not isinstance(text, str) else text
    out = display(" ".join(out.split()))[:300]
    out = out.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    return "".join("\\" + ch if ch in _MD_SPECIAL else ch for ch in out)


_MD_SPECIAL = set("\\`*_{}[]()#+!|~")


def _id(text: Any) -> str:
    """An id from the change, shown as code-like text without a code span a backtick could close."""
    return f"**{_md(text)}**"


def summary(base: Records, head: Records, diags: list[Diagnostic], base_snapshots: dict[str, bytes] | None = None, head_snapshots: dict[str, bytes] | None = None) -> str:
    old_facts, new_facts = base.get("fact", {}), head.get("fact", {})
    added = sorted(set(new_facts) - set(old_facts))
    removed = sorted(set(old_facts) - set(new_facts))
    changed = sorted(i for i in set(old_facts) & set(new_facts) if old_facts[i] != new_facts[i])
    by_file: dict[str, list[Diagnostic]] = {}
    for d in diags:
        by_file.setdefault(d.path, []).append(d)
    lines = ["# Review summary", ""]
    errors = [d for d in diags if d.severity == "error"]
    lines.append(f"Validation: **{len(errors)} error(s)**, {len(diags) - len(errors)} warning(s) in the changed fact base." if diags else "Validation: no problems.")
    lines.append("")
    lines += _snapshot_section(base, head, base_snapshots or {}, head_snapshots or {})
    lines.append(f"## Facts added ({len(added)})")
    for fid in added:
        fact = new_facts[fid]
        value = _value(fact)
        lines.append(f"- {_id(fid)} ({_md(fact.get('kind'))}{', ' + _md(value) if value else ''}): {_md(fact.get('claim'))} {_quote_check(fid, by_file)}")
    lines += ["", f"## Facts changed ({len(changed)})"]
    for fid in changed:
        old, new = old_facts[fid], new_facts[fid]
        lines.append(f"- {_id(fid)}: revision {_md(old.get('revision'))} \u2192 {_md(new.get('revision'))} {_quote_check(fid, by_file)}")
        for field in FIELDS:
            if old.get(field) != new.get(field):
                if field == "statistic":
                    lines.append(f"    - value: {_md(_value(old)) or 'none'} \u2192 {_md(_value(new)) or 'none'}")
                else:
                    lines.append(f"    - {field}: {_md(old.get(field))} \u2192 {_md(new.get(field))}")
        if substance(old) == substance(new):
            lines.append("    - only revision or history changed")
    retracted = [i for i in changed if new_facts[i].get("status") == "retracted" and old_facts[i].get("status") != "retracted"]
    lines += ["", f"## Retracted ({len(retracted)})"] + [f"- {_id(i)}: {_md(new_facts[i].get('status_reason'))}" for i in retracted]
    if removed:
        lines += ["", f"## Deleted ({len(removed)}): not allowed, retract instead"] + [f"- {_id(i)}" for i in removed]
    new_sources = sorted(set(head.get("source", {})) - set(base.get("source", {})))
    lines += ["", f"## Sources added ({len(new_sources)})"] + [f"- {_id(s)}: {_md(head['source'][s].get('title'))} ({_md(head['source'][s].get('kind'))})" for s in new_sources]
    lines += ["", "## Pages and charts affected"] + [f"- {_md(p)}" for p in affected(base, head, added + changed + removed)]
    return "\n".join(lines) + "\n"


def _quote_check(fid: str, by_file: dict[str, list[Diagnostic]]) -> str:
    problems = [d for d in by_file.get(f"facts/facts/{fid}.yaml", []) if d.rule.startswith("quote")]
    return "\u2014 quotes: " + ("**" + "; ".join(_md(d.message) for d in problems) + "**" if problems else "found in their sources")


def _snapshot_section(base: Records, head: Records, base_snapshots: dict[str, bytes], head_snapshots: dict[str, bytes]) -> list[str]:
    """Changed snapshot bytes or a source's recorded file or hash: first, in bold, because it rewrites evidence."""
    changed = sorted(n for n in set(base_snapshots) & set(head_snapshots) if base_snapshots[n] != head_snapshots[n])
    removed = sorted(set(base_snapshots) - set(head_snapshots))
    moved = sorted(i for i in set(base.get("source", {})) & set(head.get("source", {})) if base["source"][i].get("snapshot") != head["source"][i].get("snapshot"))
    if not (changed or removed or moved):
        return []
    lines = ["## \u26a0\ufe0f Snapshots changed: evidence rewritten, not allowed", ""]
    lines += [f"- **snapshot {_md(n)}: bytes changed**" for n in changed]
    lines += [f"- **snapshot {_md(n)}: deleted**" for n in removed]
    lines += [f"- **source {_md(i)}: snapshot {_md(base['source'][i].get('snapshot'))} \u2192 {_md(head['source'][i].get('snapshot'))}**" for i in moved]
    return [*lines, ""]


def affected(base: Records, head: Records, fact_ids: list[str]) -> list[str]:
    pages: set[str] = set()
    for fid in fact_ids:
        for side in (base, head):
            fact = side.get("fact", {}).get(fid)
            if not fact:
                continue
            pages.add(f"facts/{fid}/")
            stat = fact.get("statistic")
            if isinstance(stat, dict) and stat.get("metric"):
                pages.add(f"metrics/{stat['metric']}/ and its chart charts/metric-{stat['metric']}.svg")
            for eid in fact.get("entities") or []:
                pages.add(f"entities/{eid}/")
            for cite in fact.get("citations") or []:
                if isinstance(cite, dict):
                    pages.add(f"sources/{cite.get('source')}/")
            if fact.get("date") and fact.get("kind") in ("event", "statement", "policy-measure"):
                pages.add("timeline/ and the events-per-month chart")
    return sorted(pages)
