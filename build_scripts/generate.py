"""Generation: validated facts -> Markdown, SVG and data files under docs/. Independent of MkDocs.

Everything is computed in memory first; only a corpus without errors is written, and only files whose
bytes changed are touched, so `mkdocs serve` reloads just what a contributor's edit affects.
"""
from __future__ import annotations

import datetime as dt
import shutil
from dataclasses import dataclass
from pathlib import Path

from . import hookstate, markup, model, narrative, paths
from .charts import catalog
from .charts.marks import Locate
from .diagnostics import Diagnostic, has_errors
from .load.corpus import RawCorpus
from .load.tree import load_docs
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
    outputs: int = 0


def generate(facts: Path = paths.FACTS, docs: Path = paths.DOCS, today: dt.date | None = None, *, write: bool = True) -> Result:
    raw, diags = validate(facts, today)
    result = Result(diags, raw.files_checked)
    if has_errors(diags):
        return result
    hookstate.working_on = f"{facts.name}/"  # named in an internal-error report should a later step fail
    corpus = model.build(raw)
    hookstate.working_on = f"{docs.name}/"
    refs, titles, prose = check_narrative(docs, corpus)
    hookstate.working_on = f"{facts.name}/"
    result.diagnostics = sorted(set(diags + prose))
    if has_errors(result.diagnostics):
        return result
    index = SiteIndex(corpus, {page: [r.target for r in found.refs if r.form != "spread"] for page, found in refs.items()})
    result.diagnostics = sorted(set(result.diagnostics + catalog.check(index, statistic_locator(raw))))
    if has_errors(result.diagnostics):
        return result
    schemas = {p.name: p.read_bytes() for p in sorted(paths.SCHEMAS.glob("*.json"))}
    records = {name: [r.doc.data for r in raw.records[kind]] for name, kind in (("facts", "fact"), ("sources", "source"), ("entities", "entity"), ("metrics", "metric"))}
    out = generate_all(Context(index, titles, records, schemas, raw.snapshots, catalog.build(index)))
    result.corpus, result.index, result.outputs = corpus, index, len(out)
    if write:
        result.written = write_outputs(out, docs)
    return result


def statistic_locator(raw: RawCorpus) -> Locate:
    """Where each fact's statistic is written, so that chart errors point at it."""
    where = {r.doc.data.get("id"): (r.rel, *r.doc.locate(("statistic",), key=True)) for r in raw.records.get("fact", [])}
    return lambda fact_id: where.get(fact_id, (fact_id, 1, 1))


def check_narrative(docs: Path, corpus: model.Corpus, allowlist: Path | None = None) -> tuple[dict[str, narrative.Tokens], dict[str, str], list[Diagnostic]]:
    """Check docs/ as a pull request can change it: files, markup, references, numbers. Used by validate and build alike."""
    tree, diags = load_docs(docs)
    refs, titles = narrative.scan(tree)
    allowances, allow_diags = narrative.load_allowances(allowlist or docs.parent / narrative.ALLOWLIST)
    resolved = narrative.check(refs, corpus)
    diags += allow_diags + markup.check(tree, refs) + resolved + narrative.lint(tree, refs, allowances, corpus)
    if not has_errors(resolved):  # expansion needs every reference to resolve
        diags += narrative.stitched(tree, refs, corpus)
    return refs, titles, diags


def write_outputs(out: Output, docs: Path) -> int:
    """Write changed files and delete stale ones in the generated folders; return the number written."""
    written = 0
    wanted = {docs / rel for rel in out}
    for folder in paths.GENERATED_DOC_DIRS:
        root = docs / folder
        if root.is_symlink():
            root.unlink()
        if not root.exists():
            continue
        for path in sorted(root.rglob("*"), reverse=True):
            if path.is_file() and path not in wanted:
                path.unlink()
            elif path.is_dir() and not any(path.iterdir()):
                path.rmdir()
    for rel, content in sorted(out.items()):
        data = content.encode("utf-8") if isinstance(content, str) else content
        target = docs / rel
        if target.is_file() and target.read_bytes() == data:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(target.name + ".tmp")
        tmp.write_bytes(data)
        tmp.replace(target)
        written += 1
    return written


def clean(docs: Path = paths.DOCS) -> None:
    for folder in paths.GENERATED_DOC_DIRS:
        shutil.rmtree(docs / folder, ignore_errors=True)
