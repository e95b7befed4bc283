"""`build`, `generate` and `serve`: the site."""
from __future__ import annotations

import argparse
import functools
from collections.abc import Callable
from pathlib import Path

from .. import paths
from ..publication import Publication, PublicationError, load


def with_publication(run: Callable[[argparse.Namespace, Publication], int]) -> Callable[[argparse.Namespace], int]:
    """A command that works on the --publication folder: a config it cannot read is one located line, exit 1."""

    @functools.wraps(run)
    def command(args: argparse.Namespace) -> int:
        try:
            pub = load(Path(args.publication))
        except PublicationError as exc:
            print(exc.diagnostic.as_text())
            return 1
        return run(args, pub)

    return command


def add_publication(cmd: argparse.ArgumentParser) -> None:
    cmd.add_argument("--publication", default=str(paths.ROOT), help="the publication folder, holding mkdocs.yml, facts/ and docs/ (default: this repository)")


@with_publication
def run_build(args: argparse.Namespace, pub: Publication) -> int:
    from ..site import build

    return build(pub, Path(args.site_dir) if args.site_dir else None, quiet=args.quiet, engine=args.engine)


@with_publication
def run_generate(args: argparse.Namespace, pub: Publication) -> int:
    from ..diagnostics import format_report, has_errors
    from ..generate import generate

    result = generate(pub)
    if result.diagnostics:
        print(format_report(result.diagnostics, "text", result.files_checked))
    if has_errors(result.diagnostics):
        return 1
    print(f"Generated {result.outputs} files into {pub.out} ({result.written} written, {result.deleted} deleted).")
    return 0


@with_publication
def run_serve(args: argparse.Namespace, pub: Publication) -> int:
    from ..serve import serve

    return serve(pub, args.dev_addr, dirty=not args.full)


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    from ..site import ENGINES

    cmd = sub.add_parser("build", help="validate, generate and build the site into site/", description="Validate the facts, generate pages, charts and data, build them strictly with the engine, and sanitise the narrative pages. The previous site is replaced only if everything succeeds.")
    add_publication(cmd)
    cmd.add_argument("--site-dir", help="where the site goes (default: site/ in the publication folder)")
    cmd.add_argument("--engine", choices=ENGINES, default="mkdocs", help="the engine that turns the generated Markdown into HTML (default: mkdocs)")
    cmd.add_argument("--quiet", action="store_true", help="print only errors from the engine")
    cmd.set_defaults(func=run_build)
    gen = sub.add_parser("generate", help="validate and write the complete Markdown into build/docs/", description="Validate, then write every page the engine reads into the generated folder (mkdocs.yml's docs_dir), changing only files whose bytes changed. Run before an engine's own command, e.g. `zensical build`.")
    add_publication(gen)
    gen.set_defaults(func=run_generate)
    srv = sub.add_parser("serve", help="preview the site, regenerating as facts/ and docs/ change", description="Regenerate on every edit of facts/, docs/, includes/ or templates/, and preview with mkdocs serve --dirty: one rebuild per edit, of the pages that changed.")
    add_publication(srv)
    srv.add_argument("--dev-addr", default="127.0.0.1:8000", help="address to serve on (default: 127.0.0.1:8000)")
    srv.add_argument("--full", action="store_true", help="rebuild every page on each change, not only the changed ones")
    srv.set_defaults(func=run_serve)
