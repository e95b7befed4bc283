"""`new source`, `new fact`, `fmt` and `diff`: the contributor's and the reviewer's tools."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .. import paths
from ..contrib import fmt, gitbase, review, scaffold
from ..validate import validate


def run_new_source(args: argparse.Namespace) -> int:
    outcome = scaffold.new_source(Path(args.facts), sid=args.id, title=args.title, publisher=args.publisher, kind=args.kind, text_file=Path(args.text),
                                  url=args.url, byline=args.byline, published=args.published, accessed=args.accessed, language=args.language)
    print(outcome.message, file=sys.stdout if outcome.ok else sys.stderr)
    return 0 if outcome.ok else 1


def run_new_fact(args: argparse.Namespace) -> int:
    outcome = scaffold.new_fact(Path(args.facts), source=args.source, quote=args.quote, kind=args.kind, fid=args.id)
    print(outcome.message, file=sys.stdout if outcome.ok else sys.stderr)
    return 0 if outcome.ok else 1


def run_fmt(args: argparse.Namespace) -> int:
    changed = 0
    for path in fmt.targets([Path(p) for p in args.paths], Path(args.facts)):
        did, message = fmt.format_file(path, args.check)
        changed += did
        if message:
            print(message)
    if args.check and changed:
        print(f"{changed} file(s) not in canonical form; run: python -m build_scripts fmt")
        return 1
    return 0


def run_diff(args: argparse.Namespace) -> int:
    try:
        base = gitbase.records_at(paths.ROOT, args.base)
        head = gitbase.records_at(paths.ROOT, args.head) if args.head else gitbase.working_records(Path(args.facts))
        snapshots = gitbase.snapshots_at(paths.ROOT, args.base), (gitbase.snapshots_at(paths.ROOT, args.head) if args.head else gitbase.working_snapshots(Path(args.facts)))
    except gitbase.GitError as exc:
        print(f"git: {exc}", file=sys.stderr)
        return 2
    _, diags = validate(Path(args.facts)) if not args.head else (None, [])
    print(review.summary(base, head, diags, *snapshots), end="")
    return 0


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    new = sub.add_parser("new", help="scaffold a new source or fact", description="Write a new record to edit, checked against its source.")
    kinds = new.add_subparsers(dest="what", required=True, metavar="WHAT")
    src = kinds.add_parser("source", help="save a source's text as a snapshot and write its record", description="Copy TEXT byte for byte to facts/snapshots/ID.txt and write facts/sources/ID.yaml with its SHA-256.")
    src.add_argument("--id", required=True, help="the new source id, e.g. reuters-2025-10-rare-earth-curbs")
    src.add_argument("--title", required=True)
    src.add_argument("--publisher", required=True)
    src.add_argument("--kind", required=True, choices=("wire-report", "news-report", "commentary", "state-media", "blog", "government", "research", "machine-generated"))
    src.add_argument("--text", required=True, help="a UTF-8 text file holding the source's text as received")
    src.add_argument("--url", help="the original https address")
    src.add_argument("--byline")
    src.add_argument("--published", help='publication date: "YYYY", "YYYY-MM" or "YYYY-MM-DD"')
    src.add_argument("--accessed", help="when you read it (default: today)")
    src.add_argument("--language", default="en")
    src.add_argument("--facts", default=str(paths.FACTS), help=argparse.SUPPRESS)
    src.set_defaults(func=run_new_source)
    fct = kinds.add_parser("fact", help="write a fact from a quote found in a source", description="Find QUOTE in the source's snapshot (white space, quote marks and dashes may differ), fill in the locator and date, and write a fact file with TODOs for you to complete.")
    fct.add_argument("--source", required=True, help="the source id")
    fct.add_argument("--quote", required=True, help="words copied from the source")
    fct.add_argument("--kind", default="claim", choices=("event", "statistic", "statement", "policy-measure", "claim"))
    fct.add_argument("--id", help="the fact id (default: proposed from the quote and source)")
    fct.add_argument("--facts", default=str(paths.FACTS), help=argparse.SUPPRESS)
    fct.set_defaults(func=run_new_fact)
    fm = sub.add_parser("fmt", help="rewrite records in canonical form", description="Rewrite record files in canonical form (schema key order, block style, quoting only where needed). Comments are not kept. A rewrite that would change the data is refused.")
    fm.add_argument("paths", nargs="*", help="files or folders (default: facts/)")
    fm.add_argument("--check", action="store_true", help="only report files that are not canonical; exit 1 if any")
    fm.add_argument("--facts", default=str(paths.FACTS), help=argparse.SUPPRESS)
    fm.set_defaults(func=run_fmt)
    df = sub.add_parser("diff", help="print a review summary of the fact changes since BASE", description="Print, in Markdown, the facts added, changed (old and new values), retracted and deleted, sources added, and the pages and charts affected.")
    df.add_argument("base", help="the base revision, e.g. origin/main")
    df.add_argument("head", nargs="?", help="the revision to compare (default: the working tree)")
    df.add_argument("--facts", default=str(paths.FACTS), help=argparse.SUPPRESS)
    df.set_defaults(func=run_diff)
