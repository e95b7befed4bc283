"""The files a pull request can add outside facts/: docs/ pages and static files, and the reviewed includes/.

Held to the rules of facts/: nothing is followed through a symbolic link, only regular files of allowed
types are published, and every page is strict UTF-8 of bounded size. Each refusal is a located diagnostic.
"""
from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

from ..diagnostics import Diagnostic
from ..paths import GENERATED_DOC_DIRS

MAX_PAGE_BYTES = 512 * 1024
# What any contributor may put under docs/: pages and images. Images are raster only: an SVG is a document
# that can carry script, so it comes only from a maintainer-owned folder.
OPEN_TYPES = frozenset({".md", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif"})
# Folders below docs/ owned by maintainers in .github/CODEOWNERS, and what they may add there on top.
MAINTAINER_FOLDERS = ("assets",)
MAINTAINER_TYPES = frozenset({".css", ".js", ".svg", ".html", ".woff2", ".ico"})


@dataclass
class DocsTree:
    """Narrative pages (relative to docs/, decoded) and the static files found beside them."""

    root: Path
    pages: dict[str, str] = field(default_factory=dict)
    static: list[str] = field(default_factory=list)


def _rel(path: Path, base: Path) -> str:
    try:
        return path.relative_to(base).as_posix()
    except ValueError:
        return path.as_posix()


def refuse_links(root: Path, base: Path) -> list[Diagnostic]:
    """A symbolic link or special file anywhere below `root` (itself included), never followed."""
    diags: list[Diagnostic] = []
    try:
        mode = root.lstat().st_mode
    except FileNotFoundError:
        return diags
    if stat.S_ISLNK(mode):
        return [_link(root, base)]
    for folder, dirs, files in os.walk(root, followlinks=False):
        for name in sorted(dirs + files):
            path = Path(folder) / name
            mode = path.lstat().st_mode
            if stat.S_ISLNK(mode):
                diags.append(_link(path, base))
            elif not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
                diags.append(Diagnostic(_rel(path, base), 1, 1, "file-type", "not a regular file (a pipe, socket or device)", "commit regular files only"))
        dirs[:] = [d for d in dirs if not (Path(folder) / d).is_symlink()]
    return diags


def _link(path: Path, base: Path) -> Diagnostic:
    return Diagnostic(_rel(path, base), 1, 1, "file-type", "symbolic links are not allowed: the build would publish or delete what they point to", "commit the file itself")


def load_docs(docs: Path) -> tuple[DocsTree, list[Diagnostic]]:
    """Check every file below docs/ (and the reviewed includes/ beside it) and read the narrative pages."""
    base = docs.parent
    tree = DocsTree(docs)
    diags = refuse_links(docs, base) + refuse_links(base / "includes", base)
    if diags or not docs.is_dir():
        return tree, diags
    includes = base / "includes"
    for path in sorted(includes.glob("*")) if includes.is_dir() else []:
        # Appended to every page by pymdownx.snippets: Markdown only, and decodable, or MkDocs would crash mid-build.
        if path.suffix != ".md":
            diags.append(Diagnostic(_rel(path, base), 1, 1, "docs-file-type", "only .md files belong in includes/", "includes/ holds reviewed Markdown snippets"))
        elif path.is_file():
            read_page(path, _rel(path, base), diags)
    for path in sorted(p for p in docs.rglob("*") if p.is_file()):
        rel = path.relative_to(docs)
        top = rel.parts[0]
        if top in GENERATED_DOC_DIRS or top.startswith("."):
            continue  # generated folders are emptied of anything the generator did not write
        where = _rel(path, base)
        suffix = path.suffix.lower()
        allowed = OPEN_TYPES | (MAINTAINER_TYPES if len(rel.parts) > 1 and top in MAINTAINER_FOLDERS else frozenset())
        if suffix not in allowed:
            hint = f"pages and images ({', '.join(sorted(OPEN_TYPES))}) only; HTML, scripts, styles and SVG belong in docs/{MAINTAINER_FOLDERS[0]}/, which a maintainer reviews"
            diags.append(Diagnostic(where, 1, 1, "docs-file-type", f"a {suffix or 'suffix-less'} file is not allowed here", hint))
            continue
        if suffix != ".md":
            tree.static.append(rel.as_posix())
            continue
        text = read_page(path, where, diags)
        if text is not None:
            tree.pages[rel.as_posix()] = text
    return tree, diags


def read_page(path: Path, where: str, diags: list[Diagnostic]) -> str | None:
    """A page as text: bounded, strict UTF-8, LF line endings. A bad byte is located by line and column."""
    if path.stat().st_size > MAX_PAGE_BYTES:
        diags.append(Diagnostic(where, 1, 1, "file-too-large", f"page is larger than {MAX_PAGE_BYTES} bytes", "split it into several pages"))
        return None
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        diags.append(Diagnostic(where, line, col, "file-encoding", f"byte 0x{raw[exc.start]:02x} is not valid UTF-8", "save the page as UTF-8"))
        return None
    if text.startswith("\ufeff"):
        diags.append(Diagnostic(where, 1, 1, "file-encoding", "page starts with a byte order mark", "save as UTF-8 without BOM"))
        return None
    if "\r" in text:
        at = text.index("\r")
        line, col = text.count("\n", 0, at) + 1, at - (text.rfind("\n", 0, at) + 1) + 1
        diags.append(Diagnostic(where, line, col, "file-encoding", "carriage return in page: line endings must be LF", "save with Unix (LF) line endings"))
        return None
    return text
