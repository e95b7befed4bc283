"""Generation: a publication's facts and narrative pages -> the complete Markdown, SVG and data an engine builds.

Independent of any engine. Everything is computed in memory first; only a publication without errors is
written, into its generated folder (build/docs/, mkdocs.yml's docs_dir), which holds every page the engine
reads: generated pages, narrative pages with their fact references expanded and the glossary terms they use
defined, and the static files of docs/. Only files whose bytes changed are written, so unchanged files keep
their bytes and times and a previewing engine rebuilds only what an edit affects.
"""
from __future__ import annotations

import datetime as dt
import os
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from . import hookstate, markup, model, narrative, paths
from .charts import catalog
from .charts.marks import Locate
from .diagnostics import Diagnostic, has_errors
from .load.corpus import RawCorpus
from .load.tree import DocsTree, load_docs, refuse_links
from .publication import Publication
from .render import environment
from .render.pagetypes import Context, Output, generate_all
from .transform.index import SiteIndex
from .validate import validate


@dataclass
class Result:
    diagnostics: list[Diagnostic]
    files_checked: int
    corpus: model.Corpus | None = None
    index: SiteIndex | None = None
    written: int = 0
    deleted: int = 0
    outputs: int = 0
    # Narrative pages as written in docs/ (relative path -> text): the sanitiser locates what it removes in them.
    narrative: dict[str, str] = field(default_factory=dict)
    # Every output with its bytes: under `serve`, the next generation compares against these instead of the disk.
    files: dict[str, bytes] = field(default_factory=dict)


def generate(publication: Publication, today: dt.date | None = None, *, write: bool = True, previous: dict[str, bytes] | None = None) -> Result:
    """Validate and generate; an unexpected failure is an `internal-error` located at the file being worked on."""
    hookstate.working_on = ""
    try:
        return _generate(publication, today, write=write, previous=previous)
    except Exception as exc:
        where = hookstate.working_on or publication.config_file.name
        return Result([Diagnostic(where, 1, 1, "internal-error", f"generation failed: {type(exc).__name__}: {exc}", "please report this with the files of your change")], 0)


def _generate(publication: Publication, today: dt.date | None, *, write: bool, previous: dict[str, bytes] | None) -> Result:
    facts, docs = publication.facts, publication.docs
    raw, diags = validate(facts, today)
    result = Result(diags, raw.files_checked)
    if has_errors(diags):
        return result
    hookstate.working_on = f"{facts.name}/"  # named in an internal-error report should a later step fail
    corpus = model.build(raw)
    hookstate.working_on = f"{docs.name}/"
    refs, titles, prose, tree, expanded = check_narrative(docs, corpus, publication.allowlist)
    hookstate.working_on = f"{facts.name}/"
    out_problems = refuse_links(publication.out.parent, publication.root)
    result.diagnostics = sorted(set(diags + prose + out_problems))
    if has_errors(result.diagnostics):
        return result
    environment.use(publication)
    index = SiteIndex(corpus, {page: [r.target for r in found.refs if r.form != "spread"] for page, found in refs.items()})
    result.diagnostics = sorted(set(result.diagnostics + catalog.check(index, statistic_locator(raw))))
    if has_errors(result.diagnostics):
        return result
    schemas = {p.name: p.read_bytes() for p in sorted(paths.SCHEMAS.glob("*.json"))}
    records = {name: [r.doc.data for r in raw.records[kind]] for name, kind in (("facts", "fact"), ("sources", "source"), ("entities", "entity"), ("metrics", "metric"))}
    out = generate_all(Context(index, titles, records, schemas, raw.snapshots, catalog.build(index)))
    hookstate.working_on = f"{docs.name}/"
    narrative_pages(tree, expanded, out)
    hookstate.working_on = f"{facts.name}/"
    add_abbreviations(out, glossary(publication.glossary_file))
    files = {rel: content.encode("utf-8") if isinstance(content, str) else content for rel, content in out.items()}
    result.corpus, result.index, result.outputs, result.narrative, result.files = corpus, index, len(out), dict(tree.pages), files
    if write:
        result.written, result.deleted = write_outputs(files, publication.out, previous)
    return result


def statistic_locator(raw: RawCorpus) -> Locate:
    """Where each fact's statistic is written, so that chart errors point at it."""
    where = {r.doc.data.get("id"): (r.rel, *r.doc.locate(("statistic",), key=True)) for r in raw.records.get("fact", [])}
    return lambda fact_id: where.get(fact_id, (fact_id, 1, 1))


def check_narrative(docs: Path, corpus: model.Corpus, allowlist: Path | None = None) -> tuple[dict[str, narrative.Tokens], dict[str, str], list[Diagnostic], DocsTree, dict[str, str]]:
    """Check docs/ as a pull request can change it: files, markup, references, numbers. Used by validate and build alike.
    The last item is every page expanded (empty when a reference does not resolve): the build publishes these."""
    tree, diags = load_docs(docs)
    refs, titles = narrative.scan(tree)
    allowances, allow_diags = narrative.load_allowances(allowlist or docs.parent / narrative.ALLOWLIST)
    resolved = narrative.check(refs, corpus)
    diags += allow_diags + markup.check(tree, refs) + resolved + narrative.lint(tree, refs, allowances, corpus)
    expanded: dict[str, str] = {}
    if not has_errors(resolved):  # expansion needs every reference to resolve
        stitches, expanded = narrative.stitched(tree, refs, corpus)
        diags += stitches
    return refs, titles, diags, tree, expanded


def narrative_pages(tree: DocsTree, expanded: dict[str, str], out: Output) -> None:
    """Narrative pages with their references expanded (by the check that linted them), and the static files beside
    them, as the engine will read them. Only files load_docs accepted are published: nothing else from docs/."""
    for rel in tree.pages:
        out[rel] = expanded[rel]
    for rel in tree.static:
        out[rel] = (tree.root / rel).read_bytes()


_ABBREVIATION = re.compile(r"^\*\[([^\]\n]+)\]:[ \t]*(.+)$", re.MULTILINE)


def glossary(path: Path) -> dict[str, str]:
    """The publication's glossary: `*[term]: definition` lines (Python-Markdown's abbreviation syntax), term -> line."""
    if not path.is_file() or path.is_symlink():
        return {}
    text = path.read_text(encoding="utf-8")
    return {m.group(1): m.group(0) for m in _ABBREVIATION.finditer(text)}


def add_abbreviations(out: Output, terms: dict[str, str]) -> None:
    """Define on each Markdown page only the glossary terms it uses: the abbreviation extension then has nothing
    to do on the pages that use none, instead of every definition on every page."""
    if not terms:
        return
    finder = re.compile(r"(?<!\w)(" + "|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True)) + r")(?!\w)")
    for rel, content in out.items():
        if not rel.endswith(".md") or not isinstance(content, str):
            continue
        used = set(finder.findall(content))
        if used:
            out[rel] = content.rstrip("\n") + "\n\n" + "\n".join(terms[t] for t in terms if t in used) + "\n"


def write_outputs(files: dict[str, bytes], root: Path, previous: dict[str, bytes] | None = None) -> tuple[int, int]:
    """Make `root` hold exactly `files`: write what changed (by an atomic rename), delete what is stale; return
    (written, deleted). Unchanged files are not touched, so they keep their times. With `previous` (what the last
    generation wrote, under `serve`) nothing is read back from the disk."""
    written = deleted = 0
    if root.is_symlink():
        root.unlink()  # the link itself, never what it points to
    if previous is None:
        existing = {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file() or p.is_symlink()} if root.is_dir() else set()
    else:
        existing = set(previous)
    for rel in sorted(existing - files.keys(), reverse=True):
        path = root / rel
        if path.is_file() or path.is_symlink():
            path.unlink()
            deleted += 1
        parent = path.parent
        while parent != root and parent.is_dir() and not any(parent.iterdir()):
            parent.rmdir()
            parent = parent.parent
    for rel, data in sorted(files.items()):
        target = root / rel
        if previous is not None and previous.get(rel) == data and target.is_file():
            continue
        if previous is None and target.is_file() and not target.is_symlink() and target.stat().st_size == len(data) and target.read_bytes() == data:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
        tmp.write_bytes(data)
        tmp.replace(target)
        written += 1
    return written, deleted


def clean(publication: Publication) -> None:
    shutil.rmtree(publication.out, ignore_errors=True)
