"""Command line: parse arguments, call one pipeline stage, set the exit code. No logic here."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import paths
from .diagnostics import format_report, has_errors
from .validate import validate


def _validate(args: argparse.Namespace) -> int:
    corpus, diags = validate(Path(args.facts))
    report = format_report(diags, args.format, corpus.files_checked)
    if report:
        print(report)
    return 1 if has_errors(diags) else 0


def _build(args: argparse.Namespace) -> int:
    from .site import build

    return build(Path(args.site_dir), quiet=args.quiet)


def _serve(args: argparse.Namespace) -> int:
    import subprocess

    return subprocess.call([sys.executable, "-m", "mkdocs", "serve", "--dev-addr", args.dev_addr], cwd=paths.ROOT)


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="python -m build_scripts", description="Build and check the rare earth briefing.")
    sub = top.add_subparsers(dest="command", required=True)
    val = sub.add_parser("validate", help="check every fact, source, entity and metric", description="Check the whole fact base and report every problem as path:line:col: severity rule: message.")
    val.add_argument("--facts", default=str(paths.FACTS), help="the fact base folder (default: facts/)")
    val.add_argument("--format", choices=("text", "github", "json"), default="text", help="text for people, github for pull request annotations, json for tools")
    val.set_defaults(func=_validate)
    bld = sub.add_parser("build", help="validate, generate and build the site into site/", description="Validate the facts, generate pages, charts and data, and run mkdocs build --strict. The previous site is replaced only if everything succeeds.")
    bld.add_argument("--site-dir", default=str(paths.SITE), help="where the site goes (default: site/)")
    bld.add_argument("--quiet", action="store_true", help="print only errors from MkDocs")
    bld.set_defaults(func=_build)
    srv = sub.add_parser("serve", help="preview the site, rebuilding as facts/ and docs/ change")
    srv.add_argument("--dev-addr", default="127.0.0.1:8000", help="address to serve on (default: 127.0.0.1:8000)")
    srv.set_defaults(func=_serve)
    return top


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return int(args.func(args))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        sys.stderr.close()
        return 1
