"""Scaffolding for contributors: a source from a text file, a fact from a quote found in a snapshot."""
from __future__ import annotations

import datetime as dt
import hashlib
import re
import stat
from dataclasses import dataclass
from pathlib import Path

from ..canonical import canonical
from ..diagnostics import display
from ..load.corpus import MAX_SNAPSHOT_BYTES, SNAPSHOT_FILE
from ..load.yamlsafe import LoadError, load_bytes
from ..validate.rules.quotes import MIN_QUOTE
from ..validate.textnorm import Snapshot, normalise

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


ID = re.compile(r"[a-z0-9][a-z0-9-]{0,79}")
MAX_QUOTE = 2000


def _regular(path: Path, limit: int) -> str | None:
    """Why `path` cannot be read as an input file, or None: only a regular file of bounded size is read."""
    try:
        info = path.stat()
    except OSError as exc:
        return f"{path}: {exc.strerror or 'cannot be read'}"
    if not stat.S_ISREG(info.st_mode):
        return f"{path} is not a regular file"
    if info.st_size > limit:
        return f"{path} is larger than {limit} bytes, the limit for a snapshot"
    return None


def new_source(facts: Path, *, sid: str, title: str, publisher: str, kind: str, text_file: Path, url: str | None,
               byline: str | None, published: str | None, accessed: str | None, language: str = "en") -> Outcome:
    record = facts / "sources" / f"{sid}.yaml"
    snapshot = facts / "snapshots" / f"{sid}.txt"
    if not ID.fullmatch(sid):
        return Outcome(False, f"id {sid!r} must be lowercase letters, digits and hyphens")
    if not (facts / "sources").is_dir():
        return Outcome(False, f"{facts / 'sources'} does not exist; run this from the repository root, or pass --facts")
    if record.exists() or snapshot.exists() or record.is_symlink() or snapshot.is_symlink():
        return Outcome(False, f"{record if record.exists() else snapshot} already exists; choose another id")
    problem = _regular(text_file, MAX_SNAPSHOT_BYTES)
    if problem:
        return Outcome(False, problem)
    with text_file.open("rb") as handle:  # the size was checked, but a file can grow: never read past the limit
        raw = handle.read(MAX_SNAPSHOT_BYTES + 1)
    if len(raw) > MAX_SNAPSHOT_BYTES:
        return Outcome(False, f"{text_file} is larger than {MAX_SNAPSHOT_BYTES} bytes, the limit for a snapshot")
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
    if fid is not None and not ID.fullmatch(fid):
        return Outcome(False, f"id {fid!r} must be lowercase letters, digits and hyphens (at most 80)")
    if not ID.fullmatch(source):
        return Outcome(False, f"source {source!r} is not a source id")
    if len(normalise(quote)) < MIN_QUOTE or len(quote) > MAX_QUOTE:
        return Outcome(False, f"the quote must have between {MIN_QUOTE} and {MAX_QUOTE} characters of the source's words")
    source_file = facts / "sources" / f"{source}.yaml"
    if not (facts / "sources").is_dir():
        return Outcome(False, f"{facts / 'sources'} does not exist; run this from the repository root, or pass --facts")
    if source_file.is_symlink() or not source_file.is_file():
        known = sorted(p.stem for p in (facts / "sources").glob("*.yaml"))
        return Outcome(False, f"no source {source!r}; known sources: {', '.join(known)}")
    try:
        meta = load_bytes(source_file.read_bytes()).data
    except LoadError as exc:
        return Outcome(False, f"{source_file}:{exc.line}:{exc.col}: {exc.message}")
    snap = meta.get("snapshot") if isinstance(meta, dict) else None
    name = snap.get("file") if isinstance(snap, dict) else None
    snap_path = facts / "snapshots" / name if isinstance(name, str) and SNAPSHOT_FILE.fullmatch(name) else None
    problem = _regular(snap_path, MAX_SNAPSHOT_BYTES) if snap_path and not snap_path.is_symlink() else "no readable snapshot is named"
    if problem:
        return Outcome(False, f"source {source!r} has no usable snapshot ({problem}); run: python -m build_scripts validate")
    try:
        snapshot = Snapshot(snap_path.read_text(encoding="utf-8"))  # type: ignore[union-attr]
    except UnicodeDecodeError:
        return Outcome(False, f"the snapshot of {source!r} is not UTF-8; run: python -m build_scripts validate")
    paragraph = snapshot.find(quote)
    if paragraph is None:
        number, passage, ratio = snapshot.closest(quote)
        return Outcome(False, f"the quote is not in the snapshot of {source}.\n  closest passage ({ratio:.0%} alike, paragraph {number}):\n  \"{display(passage)}\"\n  copy the words exactly; only white space, quote marks and dashes may differ")
    fid = fid or f"{slug(quote, 50)}-{source.split('-')[0]}"
    path = facts / "facts" / f"{fid}.yaml"
    if path.exists() or path.is_symlink():
        return Outcome(False, f"{path} already exists; pass --id to choose another id")
    data = {
        "schema_version": 1, "id": fid, "revision": 1, "kind": kind,
        "headline": f"{TODO}: a short title for people",
        "claim": f"{TODO}: the claim in one neutral sentence, saying who claims it",
        # Until the contributor reads a date in the text, all that is known is that it was reported by publication.
        **({} if kind == "statistic" else {"date": meta.get("published", TODO), "date_basis": "no-later-than"}),
        **({"statistic": {"metric": TODO, "value": 0, "qualifier": "exactly", "unit": "percent", "subject": TODO, "value_kind": "measured"}} if kind == "statistic" else {}),
        **({"speaker": TODO} if kind == "statement" else {}),
        "entities": [TODO], "topics": [TODO],
        "citations": [{"source": source, "quote": quote.strip(), "locator": f"paragraph {paragraph}"}],
        "status": "current",
        "history": [{"revision": 1, "date": dt.date.today().isoformat(), "change": "Created.", "reason": f"{TODO}: why this fact belongs in the briefing"}],
    }
    path.write_text(canonical(data, "fact"), encoding="utf-8")
    return Outcome(True, f"wrote {path} (quote found in paragraph {paragraph}); replace every TODO, then run: python -m build_scripts validate", path)
