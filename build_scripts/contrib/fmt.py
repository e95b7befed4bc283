"""Rewrite record files in canonical form, refusing any rewrite that would change their data."""
from __future__ import annotations

import stat
from pathlib import Path

from ..canonical import canonical
from ..diagnostics import display
from ..load.corpus import MAX_RECORD_BYTES
from ..load.yamlsafe import LoadError, load_bytes
from ..paths import RECORD_DIRS, TOPICS_FILE

KIND_OF_DIR = {folder: kind for kind, folder in RECORD_DIRS.items()}


def kind_of(path: Path) -> str | None:
    if path.name == TOPICS_FILE:
        return "topics"
    # Record folders are named by kind in tests (fixtures/valid/entity) and by plural in facts/ (entities).
    return KIND_OF_DIR.get(path.parent.name) or (path.parent.name if path.parent.name in RECORD_DIRS else None)


def format_file(path: Path, check: bool) -> tuple[bool, str]:
    """(changed or would change, message). The file is rewritten only if the data stays the same."""
    kind = kind_of(path)
    if kind is None:
        return False, f"{path}: skipped (not a record folder)"
    # lstat: a pipe would block the read forever, a link would rewrite what it points to, a huge file exhaust memory.
    info = path.lstat()
    if not stat.S_ISREG(info.st_mode):
        return False, f"{display(str(path))}: skipped (not a regular file)"
    if info.st_size > MAX_RECORD_BYTES:
        return False, f"{display(str(path))}: skipped (larger than {MAX_RECORD_BYTES} bytes)"
    raw = path.read_bytes()
    try:
        doc = load_bytes(raw)
    except LoadError as exc:
        return False, f"{path}:{exc.line}:{exc.col}: {exc.rule}: {exc.message} (fix this first; not formatted)"
    text = canonical(doc.data, kind)
    if text.encode("utf-8") == raw:
        return False, ""
    if load_bytes(text.encode("utf-8")).data != doc.data:
        return False, f"{path}: canonical form would change the data; not formatted (please report this)"
    if not check:
        path.write_text(text, encoding="utf-8")
    return True, f"{path}: {'would be reformatted' if check else 'reformatted'}"


def targets(paths: list[Path], facts: Path) -> list[Path]:
    if not paths:
        paths = [facts]
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*.yaml") if not p.is_symlink()))  # rglob does not enter linked folders
        elif path.suffix == ".yaml":
            found.append(path)
    return found
