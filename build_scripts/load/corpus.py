"""Discover and read every file of a fact base, refusing anything outside it or not a plain file."""
from __future__ import annotations

import re
import stat
from dataclasses import dataclass, field
from pathlib import Path

from ..diagnostics import Diagnostic
from ..paths import RECORD_DIRS, SNAPSHOT_DIR, TOPICS_FILE
from .tree import refuse_links
from .yamlsafe import Document, LoadError, load_bytes

RECORD_FILE = re.compile(r"[a-z0-9][a-z0-9-]{0,79}\.yaml")
SNAPSHOT_FILE = re.compile(r"[a-z0-9][a-z0-9-]{0,79}\.txt")
MAX_SNAPSHOT_BYTES = 2 * 1024 * 1024
MAX_RECORD_BYTES = 10 * 1024 * 1024  # the YAML loader refuses documents over its own, smaller cap


@dataclass(frozen=True)
class RawRecord:
    """A parsed record file, before validation."""

    kind: str
    path: Path
    rel: str
    doc: Document
    raw: bytes = b""

    @property
    def stem(self) -> str:
        return self.path.name.removesuffix(".yaml")


@dataclass
class RawCorpus:
    root: Path
    records: dict[str, list[RawRecord]] = field(default_factory=dict)
    topics: RawRecord | None = None
    snapshots: dict[str, bytes] = field(default_factory=dict)
    snapshot_rels: dict[str, str] = field(default_factory=dict)
    files_checked: int = 0

    def all_records(self) -> list[RawRecord]:
        return [r for kind in RECORD_DIRS for r in self.records.get(kind, [])]


def relative(path: Path, base: Path) -> str:
    try:
        return path.relative_to(base).as_posix()
    except ValueError:
        return path.as_posix()


def load_corpus(root: Path) -> tuple[RawCorpus, list[Diagnostic]]:
    """Read every record and snapshot below `root` (a facts/ folder). Problems become diagnostics."""
    if root.is_symlink():
        return RawCorpus(root), [Diagnostic(root.name, 1, 1, "file-type", "the fact base folder is a symbolic link", "commit the folder itself")]
    root = root.resolve()
    base = root.parent
    corpus = RawCorpus(root)
    diags: list[Diagnostic] = []
    if not root.is_dir():
        return corpus, [Diagnostic(relative(root, base), 1, 1, "file-read", "no fact base here: the folder does not exist", "pass --facts with the path of a facts/ folder")]
    for kind, folder in RECORD_DIRS.items():
        corpus.records[kind] = []
        for path in _files(root / folder, base, RECORD_FILE, ".yaml", diags):
            record = _read_record(kind, path, base, diags)
            corpus.files_checked += 1
            if record:
                corpus.records[kind].append(record)
    topics = root / TOPICS_FILE
    if _is_plain_file(topics, base, diags):
        corpus.files_checked += 1
        corpus.topics = _read_record("topics", topics, base, diags)
    for path in _files(root / SNAPSHOT_DIR, base, SNAPSHOT_FILE, ".txt", diags):
        raw = _read_bytes(path, base, MAX_SNAPSHOT_BYTES, diags)
        if raw is not None:
            corpus.snapshots[path.name] = raw
            corpus.snapshot_rels[path.name] = relative(path, base)
    # Links and special files anywhere else below facts/ (a linked folder, a pipe) are refused too, once each.
    seen = {d.path for d in diags}
    diags += [d for d in refuse_links(root, base) if d.path not in seen]
    return corpus, diags


def _files(folder: Path, base: Path, pattern: re.Pattern[str], suffix: str, diags: list[Diagnostic]) -> list[Path]:
    if not folder.is_dir() or folder.is_symlink():
        return []
    found = []
    for path in sorted(folder.iterdir()):
        rel = relative(path, base)
        if path.name.startswith(".") or path.name == "README.md":
            continue
        if not pattern.fullmatch(path.name):
            hint = f"use lowercase letters, digits and hyphens, ending in {suffix}"
            diags.append(Diagnostic(rel, 1, 1, "file-name", f"file name {path.name!r} is not allowed here", hint))
            continue
        if _is_plain_file(path, base, diags):
            found.append(path)
    return found


def _is_plain_file(path: Path, base: Path, diags: list[Diagnostic]) -> bool:
    # lstat, not stat: a symlink in a pull request could publish /proc/self/environ or .git/config.
    try:
        mode = path.lstat().st_mode
    except FileNotFoundError:
        return False
    if stat.S_ISLNK(mode):
        diags.append(Diagnostic(relative(path, base), 1, 1, "file-type", "symbolic links are not allowed in the fact base", "commit the file itself"))
        return False
    if not stat.S_ISREG(mode):
        diags.append(Diagnostic(relative(path, base), 1, 1, "file-type", "not a regular file", "only .yaml records and .txt snapshots belong here"))
        return False
    return True


def _read_bytes(path: Path, base: Path, limit: int, diags: list[Diagnostic]) -> bytes | None:
    try:
        if path.stat().st_size > limit:
            diags.append(Diagnostic(relative(path, base), 1, 1, "file-too-large", f"file is larger than {limit} bytes"))
            return None
        return path.read_bytes()
    except OSError as exc:
        diags.append(Diagnostic(relative(path, base), 1, 1, "file-read", f"cannot read file: {exc.strerror}"))
        return None


def _read_record(kind: str, path: Path, base: Path, diags: list[Diagnostic]) -> RawRecord | None:
    rel = relative(path, base)
    raw = _read_bytes(path, base, MAX_RECORD_BYTES, diags)
    if raw is None:
        return None
    try:
        doc = load_bytes(raw)
    except LoadError as exc:
        diags.append(Diagnostic(rel, exc.line, exc.col, exc.rule, exc.message, exc.hint))
        return None
    if not isinstance(doc.data, dict):
        found = "nothing" if doc.data is None else type(doc.data).__name__
        diags.append(Diagnostic(rel, 1, 1, "yaml-shape", f"expected a mapping of fields at the top level, found {found}", "see facts/README.md for an example"))
        return None
    return RawRecord(kind, path, rel, doc, raw)
