"""The review summary of a change: what it does to facts, not to YAML lines. Markdown for a PR's job summary."""
from __future__ import annotations

import json
from typing import Any

from ..diagnostics import Diagnostic
from .gitbase import Records
from .versioning import substance

FIELDS = ("claim", "kind", "date", "statistic", "status", "status_reason", "superseded_by", "citations", "entities", "topics", "notes", "related")


def _value(fact: dict[str, Any]) -> str:
    stat = fact.get("statistic")
    if not isinstance(stat, dict):
        return ""
    return f"{stat.get('qualifier', '')} {stat.get('value')} {stat.get('unit', '')}".replace("exactly ", "").strip()


def _md(text: Any) -> str:
    """Untrusted text in a table cell or list item: one line, no Markdown or HTML effect."""
    out = json.dumps(text, ensure_ascii=False) if not isinstance(text, str) else text
    out = " ".join(out.split())
    for ch in "\\`*_{}[]()#+!|<>":
        out = out.replace(ch, "\\" + ch)
    return out[:300]


def summary(base: Records, head: Records, diags: list[Diagnostic]) -> str:
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
    lines.append(f"## Facts added ({len(added)})")
    for fid in added:
        fact = new_facts[fid]
        value = _value(fact)
        lines.append(f"- `{fid}` ({_md(fact.get('kind'))}{', ' + _md(value) if value else ''}): {_md(fact.get('claim'))} {_quote_check(fid, by_file)}")
    lines += ["", f"## Facts changed ({len(changed)})"]
    for fid in changed:
        old, new = old_facts[fid], new_facts[fid]
        lines.append(f"- `{fid}`: revision {old.get('revision')} \u2192 {new.get('revision')} {_quote_check(fid, by_file)}")
        for field in FIELDS:
            if old.get(field) != new.get(field):
                if field == "statistic":
                    lines.append(f"    - value: {_md(_value(old)) or 'none'} \u2192 {_md(_value(new)) or 'none'}")
                else:
                    lines.append(f"    - {field}: {_md(old.get(field))} \u2192 {_md(new.get(field))}")
        if substance(old) == substance(new):
            lines.append("    - only revision or history changed")
    retracted = [i for i in changed if new_facts[i].get("status") == "retracted" and old_facts[i].get("status") != "retracted"]
    lines += ["", f"## Retracted ({len(retracted)})"] + [f"- `{i}`: {_md(new_facts[i].get('status_reason'))}" for i in retracted]
    if removed:
        lines += ["", f"## Deleted ({len(removed)}): not allowed, retract instead"] + [f"- `{i}`" for i in removed]
    new_sources = sorted(set(head.get("source", {})) - set(base.get("source", {})))
    lines += ["", f"## Sources added ({len(new_sources)})"] + [f"- `{s}`: {_md(head['source'][s].get('title'))} ({_md(head['source'][s].get('kind'))})" for s in new_sources]
    lines += ["", "## Pages and charts affected"] + [f"- {p}" for p in affected(base, head, added + changed + removed)]
    return "\n".join(lines) + "\n"


def _quote_check(fid: str, by_file: dict[str, list[Diagnostic]]) -> str:
    problems = [d for d in by_file.get(f"facts/facts/{fid}.yaml", []) if d.rule.startswith("quote")]
    return "\u2014 quotes: " + ("**" + "; ".join(d.message for d in problems) + "**" if problems else "found in their sources")


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
