"""`validate`: check the whole fact base and report every problem."""
from __future__ import annotations

import argparse
from pathlib import Path

from .. import model, paths
from ..charts import catalog
from ..contrib import gitbase, versioning
from ..diagnostics import format_report, has_errors
from ..generate import check_narrative, statistic_locator
from ..publication import Publication
from ..site import output_problems
from ..transform.index import SiteIndex
from ..validate import validate
from .build import with_publication


@with_publication
def run(args: argparse.Namespace, pub: Publication) -> int:
    facts, docs = Path(args.facts) if args.facts else pub.facts, Path(args.docs) if args.docs else pub.docs
    corpus, diags = validate(facts)
    if args.base:
        try:
            base = gitbase.records_at(paths.ROOT, args.base), gitbase.snapshots_at(paths.ROOT, args.base)
            diags = sorted(set(diags + versioning.check(base[0], corpus, base[1])))
        except gitbase.GitError as exc:
            print(f"git: {exc}")
            return 2
    if not has_errors(diags):
        typed = model.build(corpus)
        if docs.is_dir():
            diags = sorted(set(diags + check_narrative(docs, typed, pub.allowlist if not args.docs else None)[2]))
        # What the build checks when it draws charts (two facts on one mark), validate checks too.
        diags = sorted(set(diags + catalog.check(SiteIndex(typed), statistic_locator(corpus))))
    # The build refuses to write through a link at its output paths; validate says so too.
    diags = sorted(set(diags + output_problems(pub.site, pub)))
    report = format_report(diags, args.format, corpus.files_checked)
    if report:
        print(report)
    return 1 if has_errors(diags) else 0


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    cmd = sub.add_parser("validate", help="check every fact, source, entity and metric", description="Check the whole fact base and report every problem as path:line:col: severity rule: message, with a hint.")
    cmd.add_argument("--publication", default=str(paths.ROOT), help="the publication folder (default: this repository)")
    cmd.add_argument("--facts", help="the fact base folder (default: facts/ in the publication)")
    cmd.add_argument("--docs", help="hand-written pages whose fact references and numbers are checked (default: docs/ in the publication)")
    cmd.add_argument("--base", help="also check against this git revision: changed facts raise their revision, nothing is deleted, renames keep the old id")
    cmd.add_argument("--format", choices=("text", "github", "json"), default="text", help="text for people, github for pull request annotations, json for tools")
    cmd.set_defaults(func=run)
