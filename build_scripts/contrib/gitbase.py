"""Read the fact base as it was at a git revision, without checking anything out."""
from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

from ..load.yamlsafe import LoadError, load_bytes
from ..paths import RECORD_DIRS, SNAPSHOT_DIR

Records = dict[str, dict[str, dict[str, Any]]]  # kind -> id -> data


class GitError(Exception):
    pass


def _git(repo: Path, *args: str, stdin: bytes | None = None) -> bytes:
    done = subprocess.run(["git", "-C", str(repo), *args], input=stdin, capture_output=True, check=False)
    if done.returncode != 0:
        raise GitError(done.stderr.decode("utf-8", "replace").strip() or f"git {' '.join(args)} failed")
    return done.stdout


def read_tree(repo: Path, rev: str, folder: str) -> dict[str, bytes]:
    """Every file below `folder` at `rev`, read in one `git cat-file --batch` call."""
    if rev.startswith("-") or not rev.strip():
        raise GitError(f"{rev!r} is not a revision")  # never let a revision be read as an option
    # -z: names are NUL-separated and never quoted, whatever characters a pull request puts in them.
    listing = _git(repo, "ls-tree", "-r", "-z", "--full-tree", rev, "--", folder).decode("utf-8", "replace")
    entries = [item.split("\t", 1) for item in listing.split("\0") if item]
    blobs = [(meta.split()[2], path) for meta, path in entries if meta.split()[1] == "blob"]
    if not blobs:
        return {}
    out = _git(repo, "cat-file", "--batch", stdin="".join(f"{sha}\n" for sha, _ in blobs).encode())
    files: dict[str, bytes] = {}
    pos = 0
    for _, path in blobs:
        header_end = out.index(b"\n", pos)
        size = int(out[pos:header_end].split()[2])
        files[path] = out[header_end + 1:header_end + 1 + size]
        pos = header_end + 1 + size + 1
    return files


def snapshots_at(repo: Path, rev: str, facts_rel: str = "facts") -> dict[str, bytes]:
    """Snapshot bytes by file name at `rev`: the gate compares them byte for byte."""
    prefix = f"{facts_rel}/{SNAPSHOT_DIR}/"
    return {path[len(prefix):]: raw for path, raw in read_tree(repo, rev, prefix.rstrip("/")).items() if "/" not in path[len(prefix):]}


def working_snapshots(facts: Path) -> dict[str, bytes]:
    folder = facts / SNAPSHOT_DIR
    return {p.name: p.read_bytes() for p in sorted(folder.glob("*.txt")) if p.is_file() and not p.is_symlink()} if folder.is_dir() and not folder.is_symlink() else {}


def records_at(repo: Path, rev: str, facts_rel: str = "facts") -> Records:
    files = read_tree(repo, rev, facts_rel)
    return parse(files, facts_rel)


def parse(files: dict[str, bytes], facts_rel: str = "facts") -> Records:
    records: Records = {kind: {} for kind in RECORD_DIRS}
    for kind, folder in RECORD_DIRS.items():
        prefix = f"{facts_rel}/{folder}/"
        for path, raw in files.items():
            if path.startswith(prefix) and path.endswith(".yaml") and "/" not in path[len(prefix):]:
                try:
                    data = load_bytes(raw).data
                except LoadError:
                    continue
                if isinstance(data, dict) and isinstance(data.get("id"), str):
                    records[kind][data["id"]] = data
    return records


def working_records(facts: Path) -> Records:
    files = {f"facts/{p.relative_to(facts).as_posix()}": p.read_bytes() for p in facts.rglob("*.yaml") if p.is_file() and not p.is_symlink()}
    return parse(files)
