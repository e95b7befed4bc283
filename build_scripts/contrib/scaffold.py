"""Scaffolding for contributors: a source from a text file, a fact from a quote found in a snapshot."""
from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from ..canonical import canonical
from ..load.yamlsafe import LoadError, load_bytes
from ..validate.textnorm import Snapshot

TODO = "TODO"


@dataclass(frozen=True)
class Outcome:
    ok: bool
    message: str
    path: Path | None = None


def slug(text: str, limit: int = 60) -> str:
    words = re.findall(r"[a-z0-9]+", text.lower())
    out = ""
    for word in words:
        if len(out) + len(word) + 1 > limit:
            break
        out = f"{out}-{word}" if out else word
    return out or "fact"


def new_source(facts: Path, *, sid: str, title: str, publisher: str, kind: str, text_file: Path, url: str | None,
               byline: str | None, published: str | None, accessed: str | None, language: str = "en") -> Outcome:
    record = facts / "sources" / f"{sid}.yaml"
    snapshot = facts / "snapshots" / f"{sid}.txt"
    if not re.fullmatch(r"[a-z0-9][a-z0-9-]{0,79}", sid):
        return Outcome(False, f"id {sid!r} must be lowercase letters, digits and hyphens")
    if record.exists() or snapshot.exists():
        return Outcome(False, f"{record if record.exists() else snapshot} already exists; choose another id")
    raw = text_file.read_bytes()
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return Outcome(False, f"{text_file} is not UTF-8 text; convert it first (for example with iconv)")
    today = dt.date.today().isoformat()
    data = {
        "schema_version": 1, "id": sid, "title": title, "publisher": publisher, **({"byline": byline} if byline else {}),
        **({"url": url} if url else {}), "published": published or today[:7],
        "published_basis": "stated" if published else "inferred", **({} if published else {"published_note": f"{TODO}: say how the date was worked out, or pass --published"}),
        "accessed": accessed or today, "kind": kind, "language": language,
        "snapshot": {"file": snapshot.name, "sha256": hashlib.sha256(raw).hexdigest()},
        "reliability": f"{TODO}: who wrote it, whom it relays, what it leaves unsourced",
    }
    snapshot.parent.mkdir(parents=True, exist_ok=True)
    snapshot.write_bytes(raw)  # byte for byte: the hash pins exactly what was received
    record.write_text(canonical(data, "source"), encoding="utf-8")
    return Outcome(True, f"wrote {record} and {snapshot}; fill in the TODO fields, then run: python -m build_scripts validate", record)


def new_fact(facts: Path, *, source: str, quote: str, kind: str, fid: str | None) -> Outcome:
    source_file = facts / "sources" / f"{source}.yaml"
    if not source_file.is_file():
        known = sorted(p.stem for p in (facts / "sources").glob("*.yaml"))
        return Outcome(False, f"no source {source!r}; known sources: {', '.join(known)}")
    try:
        meta = load_bytes(source_file.read_bytes()).data
    except LoadError as exc:
        return Outcome(False, f"{source_file}:{exc.line}:{exc.col}: {exc.message}")
    snapshot = Snapshot((facts / "snapshots" / meta["snapshot"]["file"]).read_text(encoding="utf-8"))
    paragraph = snapshot.find(quote)
    if paragraph is None:
        number, passage, ratio = snapshot.closest(quote)
        return Outcome(False, f"the quote is not in the snapshot of {source}.\n  closest passage ({ratio:.0%} alike, paragraph {number}):\n  \"{passage}\"\n  copy the words exactly; only white space, quote marks and dashes may differ")
    fid = fid or f"{slug(quote, 50)}-{source.split('-')[0]}"
    path = facts / "facts" / f"{fid}.yaml"
    if path.exists():
        return Outcome(False, f"{path} already exists; pass --id to choose another id")
    data = {
        "schema_version": 1, "id": fid, "revision": 1, "kind": kind,
        "headline": f"{TODO}: a short title for people",
        "claim": f"{TODO}: the claim in one neutral sentence, saying who claims it",
        # Until the contributor reads a date in the text, all that is known is that it was reported by publication.
        **({} if kind == "statistic" else {"date": meta["published"], "date_basis": "no-later-than"}),
        **({"statistic": {"metric": TODO, "value": 0, "qualifier": "exactly", "unit": "percent", "subject": TODO, "value_kind": "measured"}} if kind == "statistic" else {}),
        **({"speaker": TODO} if kind == "statement" else {}),
        "entities": [TODO], "topics": [TODO],
        "citations": [{"source": source, "quote": quote.strip(), "locator": f"paragraph {paragraph}"}],
        "status": "current",
        "history": [{"revision": 1, "date": dt.date.today().isoformat(), "change": "Created.", "reason": f"{TODO}: why this fact belongs in the briefing"}],
    }
    path.write_text(canonical(data, "fact"), encoding="utf-8")
    return Outcome(True, f"wrote {path} (quote found in paragraph {paragraph}); replace every TODO, then run: python -m build_scripts validate", path)
